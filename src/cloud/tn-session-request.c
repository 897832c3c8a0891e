/* tn-session-request.c: one request of a TnSession, with its token,
 * timeout, cancellation and one re-authentication on 401
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSession"

#include "config.h"

#include "tn-cloud-error.h"
#include "tn-json.h"
#include "tn-session-private.h"
#include "tn-wipe.h"

/* One HTTP exchange */

typedef struct
{
  SoupMessage  *message;
  GCancellable *cancellable;          /* ours: aborts the message */
  GCancellable *caller_cancellable;
  gulong        cancelled_id;
  GSource      *timeout_source;
  gboolean      timed_out;
} SendData;

static void
send_data_free (SendData *data)
{
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->cancelled_id);

  if (data->timeout_source != NULL)
    {
      g_source_destroy (data->timeout_source);
      g_source_unref (data->timeout_source);
    }

  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->message);
  g_free (data);
}

static gboolean
on_send_timeout_cb (gpointer user_data)
{
  SendData *data = user_data;

  g_debug ("%s %s: no answer in time", soup_message_get_method (data->message),
           g_uri_get_path (soup_message_get_uri (data->message)));

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);

  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled_cb (GCancellable *caller_cancellable,
                        GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
on_message_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SendData *data = g_task_get_task_data (task);

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (error == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)tn_wipe_bytes_free);
      return;
    }

  if (g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
      return;
    }

  g_task_return_error (task, tn_cloud_error_from_transport (error,
                                                            soup_message_get_status (data->message),
                                                            data->timed_out));
}

void
_tn_session_send_async (TnSession           *self,
                        SoupMessage         *message,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;
  guint timeout = tn_session_get_timeout (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _tn_session_send_async);
  /* The caller's cancellation is reported as such even when the message
   * had completed. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (SendData, 1);
  data->message = g_object_ref (message);
  data->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, (GDestroyNotify)send_data_free);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled_cb),
                                                  g_object_ref (data->cancellable),
                                                  g_object_unref);
    }

  if (timeout > 0)
    {
      data->timeout_source = g_timeout_source_new (timeout);
      g_source_set_callback (data->timeout_source, on_send_timeout_cb, data, NULL);
      g_source_set_static_name (data->timeout_source, "[tunnels] request timeout");
      g_source_attach (data->timeout_source, g_main_context_get_thread_default ());
    }

  if (soup_message_get_status (message) != SOUP_STATUS_NONE)
    g_debug ("Resending %s", soup_message_get_method (message));

  soup_session_send_and_read_async (_tn_session_get_soup (self), message, G_PRIORITY_DEFAULT,
                                    data->cancellable, on_message_sent_cb,
                                    g_steal_pointer (&task));
}

GBytes *
_tn_session_send_finish (TnSession     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* One API request */

typedef struct
{
  TnEndpointKind  endpoint;
  char           *method;
  char           *path_or_url;
  GBytes         *body;           /* may hold a PSK: wiped */
  guint           attempts;
  guint           token_serial;
  SoupMessage    *message;
  guint           http_status;
  gboolean        raw;            /* answer the body, parsed by the caller */
  char           *request_id;
} RequestData;

static void request_start (GTask *task);

static void
request_data_free (RequestData *data)
{
  g_clear_object (&data->message);
  g_clear_pointer (&data->method, g_free);
  g_clear_pointer (&data->path_or_url, g_free);
  g_clear_pointer (&data->request_id, g_free);
  tn_wipe_bytes_free (g_steal_pointer (&data->body));
  g_free (data);
}

/* The URL of a request. A `next` link of a list is taken as given but for
 * its scheme, host and port, which must be the endpoint's: a server behind
 * a proxy may name itself differently, and the token goes to no other
 * host. */
static GUri *
build_uri (const char  *endpoint,
           const char  *path_or_url,
           GError     **error)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) link = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *joined = NULL;

  base = g_uri_parse (endpoint, G_URI_FLAGS_ENCODED, &local_error);
  if (base == NULL)
    {
      g_propagate_error (error, tn_cloud_error_new (TN_ERROR_NO_ENDPOINT, local_error->message));
      return NULL;
    }

  if (path_or_url[0] == '/')
    {
      joined = g_strconcat (endpoint, path_or_url, NULL);
      return g_uri_parse (joined, G_URI_FLAGS_ENCODED, error);
    }

  link = g_uri_parse (path_or_url, G_URI_FLAGS_ENCODED, NULL);
  if (link == NULL)
    {
      tn_cloud_set_bad_response (error, "a link that is no URL");
      return NULL;
    }

  return g_uri_build (G_URI_FLAGS_ENCODED,
                      g_uri_get_scheme (base), NULL, g_uri_get_host (base), g_uri_get_port (base),
                      g_uri_get_path (link), g_uri_get_query (link), NULL);
}

static void
on_request_authenticated_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!_tn_session_authenticate_finish (TN_SESSION (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    request_start (g_steal_pointer (&task));
}

static void
on_request_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  TnSession *self = TN_SESSION (object);
  RequestData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  const char *request_id;

  bytes = _tn_session_send_finish (self, result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->http_status = soup_message_get_status (data->message);
  headers = soup_message_get_response_headers (data->message);
  request_id = soup_message_headers_get_one (headers, "x-openstack-request-id");

  /* The token expired or was revoked: sign in again, once, and retry. A
   * request that meets 401 with a token already replaced just retries. */
  if (data->http_status == SOUP_STATUS_UNAUTHORIZED && data->attempts == 0)
    {
      data->attempts++;
      _tn_session_invalidate_token (self, data->token_serial);
      tn_wipe_bytes_free (g_steal_pointer (&bytes));
      request_start (g_steal_pointer (&task));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (data->http_status))
    {
      g_task_return_error (task, tn_cloud_error_from_response (data->http_status,
                                                               soup_message_get_reason_phrase (data->message),
                                                               bytes, request_id));
      tn_wipe_bytes_free (g_steal_pointer (&bytes));
      return;
    }

  if (data->raw)
    {
      data->request_id = g_strdup (request_id);
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)tn_wipe_bytes_free);
      return;
    }

  if (g_bytes_get_size (bytes) > 0)
    {
      root = tn_json_parse_bytes (bytes, &error);
      tn_wipe_bytes_free (g_steal_pointer (&bytes));

      if (root == NULL)
        {
          g_autofree char *what = g_strdup (tn_error_get_details (error)->message);

          tn_error_set_details (error, data->http_status, NULL, what, NULL, request_id);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify)json_node_unref);
}

static void
request_start (GTask *task)
{
  TnSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;
  const char *token;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  token = _tn_session_get_token (self, &data->token_serial);
  if (token == NULL)
    {
      _tn_session_authenticate_async (self, g_task_get_cancellable (task),
                                      on_request_authenticated_cb, task);
      return;
    }

  uri = build_uri (_tn_session_get_endpoint (self, data->endpoint), data->path_or_url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_clear_object (&data->message);
  data->message = soup_message_new_from_uri (data->method, uri);
  headers = soup_message_get_request_headers (data->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "X-Auth-Token", token);
  if (data->body != NULL)
    soup_message_set_request_body_from_bytes (data->message, "application/json", data->body);

  _tn_session_send_async (self, data->message, g_task_get_cancellable (task),
                          on_request_sent_cb, task);
}

/*
 * Sends @method to @path_or_url (a path below the endpoint, or an absolute
 * `next` link), with @body (taken; wiped when done). Signs in first when
 * there is no token; on 401 signs in again once and retries once, and a
 * second 401 is TN_ERROR_AUTH_FAILED. Answers that are not 2xx become
 * TN_ERROR with their details; a body that is not JSON is
 * TN_ERROR_BAD_RESPONSE.
 */
static void
request_async (TnSession           *self,
               TnEndpointKind       endpoint,
               const char          *method,
               const char          *path_or_url,
               GBytes              *body,
               gboolean             raw,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task;
  RequestData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _tn_session_request_async);

  data = g_new0 (RequestData, 1);
  data->endpoint = endpoint;
  data->method = g_strdup (method);
  data->path_or_url = g_strdup (path_or_url);
  data->body = body;
  data->raw = raw;
  g_task_set_task_data (task, data, (GDestroyNotify)request_data_free);

  request_start (task);
}

void
_tn_session_request_async (TnSession           *self,
                           TnEndpointKind       endpoint,
                           const char          *method,
                           const char          *path_or_url,
                           GBytes              *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  request_async (self, endpoint, method, path_or_url, body, FALSE, cancellable, callback, user_data);
}

/*
 * As _tn_session_request_async(), but the answer is the body itself, for
 * the caller to parse (in a thread: see tn-session-lists.c). Finish with
 * _tn_session_request_raw_finish().
 */
void
_tn_session_request_raw_async (TnSession           *self,
                               TnEndpointKind       endpoint,
                               const char          *method,
                               const char          *path_or_url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  request_async (self, endpoint, method, path_or_url, NULL, TRUE, cancellable, callback, user_data);
}

/*
 * Returns: (transfer full): the body of a 2xx answer (free it with
 * tn_wipe_bytes_free(): it may hold a secret), with its HTTP status and
 * request id (for the details of a parse error); %NULL with @error.
 */
GBytes *
_tn_session_request_raw_finish (TnSession     *self,
                                GAsyncResult  *result,
                                guint         *http_status,
                                char         **request_id,
                                GError       **error)
{
  RequestData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (http_status != NULL)
    *http_status = data->http_status;
  if (request_id != NULL)
    *request_id = g_strdup (data->request_id);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Returns: (transfer full) (nullable): the JSON answer, or %NULL for an
 * empty one (204, or a 202 without body); %NULL with @error on failure.
 */
JsonNode *
_tn_session_request_finish (TnSession     *self,
                            GAsyncResult  *result,
                            guint         *http_status,
                            GError       **error)
{
  RequestData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (http_status != NULL)
    *http_status = data->http_status;

  return g_task_propagate_pointer (G_TASK (result), error);
}
