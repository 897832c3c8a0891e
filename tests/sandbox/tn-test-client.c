/* tn-test-client.c: a tiny HTTP client for the sandbox's tests
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-test-client.h"

void
tn_test_response_free (TnTestResponse *response)
{
  g_clear_error (&response->error);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->raw, g_bytes_unref);
  g_clear_pointer (&response->body, json_node_unref);
  g_free (response);
}

static SoupSession *
get_session (void)
{
  static SoupSession *session = NULL;

  if (session == NULL)
    session = soup_session_new_with_options ("timeout", 20, NULL);
  return session;
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

TnTestResponse *
tn_test_request (const char *method,
                 const char *url,
                 const char *token,
                 const char *body)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  TnTestResponse *response = g_new0 (TnTestResponse, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Auth-Token", token);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (get_session (), msg, G_PRIORITY_DEFAULT, NULL, on_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  response->raw = soup_session_send_and_read_finish (get_session (), result, &response->error);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (response->raw != NULL)
    {
      response->status = soup_message_get_status (msg);
      if (g_bytes_get_size (response->raw) > 0
          && json_parser_load_from_data (parser, g_bytes_get_data (response->raw, NULL),
                                         g_bytes_get_size (response->raw), NULL))
        response->body = json_node_copy (json_parser_get_root (parser));
    }
  return response;
}

static char *
sign_in (TnSandbox  *sandbox,
         const char *user,
         const char *password,
         const char *project)
{
  g_autofree char *url = g_strdup_printf ("%s/auth/tokens", tn_sandbox_get_identity_url (sandbox));
  g_autoptr(TnTestResponse) response = NULL;
  g_autofree char *body = g_strdup_printf (
    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
    "{\"name\": \"%s\", \"domain\": {\"name\": \"" TN_SANDBOX_USER_DOMAIN "\"}, "
    "\"password\": \"%s\"}}}, \"scope\": {\"project\": "
    "{\"name\": \"%s\", \"domain\": {\"name\": \"" TN_SANDBOX_PROJECT_DOMAIN "\"}}}}}",
    user, password, project);

  response = tn_test_request ("POST", url, NULL, body);
  g_assert_cmpuint (response->status, ==, 201);
  return g_strdup (soup_message_headers_get_one (response->headers, "X-Subject-Token"));
}

/* A token of the demo project's user, a plain member. */
char *
tn_test_sign_in (TnSandbox *sandbox)
{
  return sign_in (sandbox, TN_SANDBOX_USER, TN_SANDBOX_PASSWORD, TN_SANDBOX_PROJECT);
}

/* A token of the cloud's administrator (project admin). */
char *
tn_test_sign_in_admin (TnSandbox *sandbox)
{
  return sign_in (sandbox, TN_SANDBOX_ADMIN_USER, TN_SANDBOX_ADMIN_PASSWORD, TN_SANDBOX_ADMIN_PROJECT);
}

/* The URL of @path on @region's network endpoint ("/v2.0/…") or, for a
 * path starting with "/vpn/nfv", its nfv endpoint. */
char *
tn_test_url (TnSandbox  *sandbox,
             const char *region,
             const char *path)
{
  const char *endpoint = g_str_has_prefix (path, "/vpn/nfv") ? "nfv" : "network";

  return g_strdup_printf ("http://127.0.0.1:%u/%s/%s%s", tn_sandbox_get_port (sandbox), endpoint, region, path);
}

const char *
tn_test_error_type (TnTestResponse *response)
{
  JsonObject *error;

  if (response->body == NULL || !JSON_NODE_HOLDS_OBJECT (response->body)
      || !json_object_has_member (json_node_get_object (response->body), "NeutronError"))
    return NULL;
  error = json_object_get_object_member (json_node_get_object (response->body), "NeutronError");
  return error ? json_object_get_string_member (error, "type") : NULL;
}

JsonObject *
tn_test_member (TnTestResponse *response,
                const char     *key)
{
  g_assert_nonnull (response->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->body));
  return json_object_get_object_member (json_node_get_object (response->body), key);
}

JsonArray *
tn_test_list (TnTestResponse *response,
              const char     *key)
{
  g_assert_nonnull (response->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->body));
  return json_object_get_array_member (json_node_get_object (response->body), key);
}

static gboolean
on_wait_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
tn_test_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
