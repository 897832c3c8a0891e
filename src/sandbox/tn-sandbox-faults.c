/* tn-sandbox-faults.c: fault injection and request counting
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxFaults"

#include "config.h"

#include "tn-sandbox-private.h"

struct _TnSandboxFault
{
  guint               id;
  char               *method;     /* NULL: any */
  char               *pattern;
  TnSandboxFaultKind  kind;
  guint               param;
  guint               remaining;  /* 0: forever */
};

/* An answer held back: latency, or a body sent slowly. */
typedef struct
{
  TnSandbox         *sandbox;
  SoupServerMessage *msg;
  guint              source_id;
  GBytes            *body;       /* slow body: what is left to send */
  gsize              offset;
  gsize              piece;
  guint              interval;
} TnSandboxDelayed;

static const struct {
  const char         *name;
  TnSandboxFaultKind  kind;
  gboolean            has_param;
} kind_names[] = {
  { "latency", TN_SANDBOX_FAULT_LATENCY, TRUE },
  { "status", TN_SANDBOX_FAULT_STATUS, TRUE },
  { "expired", TN_SANDBOX_FAULT_TOKEN_EXPIRED, FALSE },
  { "token-expired", TN_SANDBOX_FAULT_TOKEN_EXPIRED, FALSE },
  { "reset", TN_SANDBOX_FAULT_RESET, FALSE },
  { "truncated", TN_SANDBOX_FAULT_TRUNCATED, FALSE },
  { "truncate", TN_SANDBOX_FAULT_TRUNCATED, FALSE },
  { "malformed", TN_SANDBOX_FAULT_MALFORMED, FALSE },
  { "slow", TN_SANDBOX_FAULT_SLOW_BODY, TRUE },
};

void
_tn_sandbox_fault_free (TnSandboxFault *fault)
{
  g_free (fault->method);
  g_free (fault->pattern);
  g_free (fault);
}

void
_tn_sandbox_delayed_free (gpointer data)
{
  TnSandboxDelayed *delayed = data;

  g_clear_handle_id (&delayed->source_id, g_source_remove);
  g_clear_pointer (&delayed->body, g_bytes_unref);
  g_clear_object (&delayed->msg);
  g_free (delayed);
}

/* Paths */

/* The path below its endpoint: /identity/v3/… → /v3/…,
 * /network/<region>/v2.0/… → /v2.0/…, /nfv/<region>/vpn/… → /vpn/… */
static const char *
endpoint_relative (const char *path)
{
  const char *rest;

  if (g_str_has_prefix (path, "/identity/"))
    return path + strlen ("/identity");
  if (!g_str_has_prefix (path, "/network/") && !g_str_has_prefix (path, "/nfv/"))
    return NULL;
  rest = strchr (path + 1, '/');
  return rest ? strchr (rest + 1, '/') : NULL;
}

/**
 * _tn_sandbox_path_matches:
 * @pattern: a glob (`*` and `?`, as GPatternSpec), `*` matches `/` too
 *
 * Whether @pattern matches the whole path or the path below its endpoint
 * (so `/v2.0/vpn/…` matches every region's VPN requests).
 */
gboolean
_tn_sandbox_path_matches (const char *pattern,
                          const char *path)
{
  g_autoptr(GPatternSpec) spec = g_pattern_spec_new (pattern);
  const char *relative = endpoint_relative (path);

  return g_pattern_spec_match_string (spec, path)
         || (relative != NULL && g_pattern_spec_match_string (spec, relative));
}

static gboolean
method_matches (const char *wanted,
                const char *method)
{
  return wanted == NULL || g_str_equal (wanted, "*") || g_ascii_strcasecmp (wanted, method) == 0;
}

/* Answers */

static const char *
error_type_for (guint status)
{
  switch (status)
    {
    case 400: return "HTTPBadRequest";
    case 403: return "HTTPForbidden";
    case 404: return "HTTPNotFound";
    case 409: return "HTTPConflict";
    case 413: return "HTTPRequestEntityTooLarge";
    case 429: return "HTTPTooManyRequests";
    case 500: return "HTTPInternalServerError";
    case 502: return "HTTPBadGateway";
    case 503: return "HTTPServiceUnavailable";
    case 504: return "HTTPGatewayTimeout";
    default: return "HTTPError";
    }
}

static void
respond_status (TnSandbox         *self,
                SoupServerMessage *msg,
                guint              status)
{
  g_autofree char *message = NULL;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      _tn_sandbox_respond_unauthorized (self, msg);
      return;
    }
  message = g_strdup_printf ("Injected by the sandbox: %u %s", status, soup_status_get_phrase (status));
  _tn_sandbox_respond_neutron (msg, status, error_type_for (status), message);
}

static void
on_stream_closed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
}

typedef struct
{
  GIOStream *stream;
  char      *data;
} TnSandboxRawWrite;

static void
on_raw_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TnSandboxRawWrite *write = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  g_io_stream_close_async (write->stream, G_PRIORITY_DEFAULT, NULL, on_stream_closed_cb, NULL);
  g_object_unref (write->stream);
  g_free (write->data);
  g_free (write);
}

static void
add_header_cb (const char *name,
               const char *value,
               gpointer    user_data)
{
  if (g_ascii_strcasecmp (name, "Content-Length") != 0
      && g_ascii_strcasecmp (name, "Transfer-Encoding") != 0
      && g_ascii_strcasecmp (name, "Connection") != 0)
    g_string_append_printf (user_data, "%s: %s\r\n", name, value);
}

/* Takes the connection from libsoup: closes it at once, or after writing
 * @head and the first half of the answer's body. */
static void
steal_and_close (SoupServerMessage *msg,
                 gboolean           half_answer)
{
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  TnSandboxRawWrite *write;
  GString *raw = NULL;
  gsize length;

  if (half_answer)
    {
      body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
      length = g_bytes_get_size (body);
      raw = g_string_new (NULL);
      g_string_append_printf (raw, "HTTP/1.1 %u %s\r\n", soup_server_message_get_status (msg),
                              soup_status_get_phrase (soup_server_message_get_status (msg)));
      soup_message_headers_foreach (soup_server_message_get_response_headers (msg), add_header_cb, raw);
      g_string_append_printf (raw, "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n", length);
      g_string_append_len (raw, g_bytes_get_data (body, NULL), length / 2);
    }

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    {
      if (raw != NULL)
        g_string_free (raw, TRUE);
      return;
    }

  if (!half_answer)
    {
      g_io_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, on_stream_closed_cb, NULL);
      return;
    }

  write = g_new0 (TnSandboxRawWrite, 1);
  write->stream = g_object_ref (stream);
  length = raw->len;
  write->data = g_string_free (raw, FALSE);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), write->data, length,
                                   G_PRIORITY_DEFAULT, NULL, on_raw_written_cb, write);
}

static void
finish_delayed (TnSandboxDelayed *delayed)
{
  delayed->source_id = 0;
  g_ptr_array_remove (delayed->sandbox->delayed, delayed);
}

static gboolean
on_latency_elapsed_cb (gpointer user_data)
{
  TnSandboxDelayed *delayed = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (delayed->msg);
  TnSandbox *self = delayed->sandbox;

  finish_delayed (delayed);
  _tn_sandbox_dispatch (self, msg);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static gboolean
on_slow_piece_cb (gpointer user_data)
{
  TnSandboxDelayed *delayed = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (delayed->msg);
  gsize size = g_bytes_get_size (delayed->body);
  gsize piece = MIN (delayed->piece, size - delayed->offset);
  g_autoptr(SoupServerMessage) msg = g_object_ref (delayed->msg);

  if (piece > 0)
    soup_message_body_append (body, SOUP_MEMORY_COPY,
                              (const char *) g_bytes_get_data (delayed->body, NULL) + delayed->offset, piece);
  delayed->offset += piece;

  if (delayed->offset >= size)
    {
      soup_message_body_complete (body);
      finish_delayed (delayed);
      soup_server_message_unpause (msg);
      return G_SOURCE_REMOVE;
    }

  soup_server_message_unpause (msg);
  return G_SOURCE_CONTINUE;
}

static TnSandboxDelayed *
hold_back (TnSandbox         *self,
           SoupServerMessage *msg)
{
  TnSandboxDelayed *delayed = g_new0 (TnSandboxDelayed, 1);

  delayed->sandbox = self;
  delayed->msg = g_object_ref (msg);
  g_ptr_array_add (self->delayed, delayed);
  soup_server_message_pause (msg);
  return delayed;
}

/* The real answer, sent in about 16 pieces @interval ms apart. */
static void
send_slowly (TnSandbox         *self,
             SoupServerMessage *msg,
             guint              interval)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  TnSandboxDelayed *delayed;
  GBytes *bytes = soup_message_body_flatten (body);

  soup_message_body_truncate (body);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
  delayed = hold_back (self, msg);
  delayed->body = bytes;
  delayed->piece = MAX (1, (g_bytes_get_size (bytes) + 15) / 16);
  delayed->interval = interval;
  delayed->source_id = g_timeout_add (interval, on_slow_piece_cb, delayed);
}

static void
apply (TnSandbox          *self,
       SoupServerMessage  *msg,
       TnSandboxFaultKind  kind,
       guint               param)
{
  TnSandboxDelayed *delayed;
  g_autoptr(GBytes) real = NULL;
  g_autofree char *garbage = NULL;

  switch (kind)
    {
    case TN_SANDBOX_FAULT_LATENCY:
      delayed = hold_back (self, msg);
      delayed->source_id = g_timeout_add (param, on_latency_elapsed_cb, delayed);
      break;

    case TN_SANDBOX_FAULT_STATUS:
      respond_status (self, msg, param);
      break;

    case TN_SANDBOX_FAULT_TOKEN_EXPIRED:
      _tn_sandbox_forget_token (self, msg);
      _tn_sandbox_respond_unauthorized (self, msg);
      break;

    case TN_SANDBOX_FAULT_RESET:
      steal_and_close (msg, FALSE);
      break;

    case TN_SANDBOX_FAULT_TRUNCATED:
      _tn_sandbox_dispatch (self, msg);
      steal_and_close (msg, TRUE);
      break;

    case TN_SANDBOX_FAULT_MALFORMED:
      _tn_sandbox_dispatch (self, msg);
      real = soup_message_body_flatten (soup_server_message_get_response_body (msg));
      garbage = g_strdup_printf ("%.*s<<not JSON>>",
                                 (int) g_bytes_get_size (real) / 2, (const char *) g_bytes_get_data (real, NULL));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, garbage, strlen (garbage));
      break;

    case TN_SANDBOX_FAULT_SLOW_BODY:
      _tn_sandbox_dispatch (self, msg);
      send_slowly (self, msg, param);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * _tn_sandbox_faults_apply:
 *
 * Applies the first fault rule that matches the request, if any. Faults
 * that report a failure (status, token expiry, reset) leave the request
 * undone; the others (latency, truncated, malformed, slow body) do it and
 * spoil the answer.
 *
 * Returns: %TRUE if a fault took the request
 */
gboolean
_tn_sandbox_faults_apply (TnSandbox         *self,
                          SoupServerMessage *msg,
                          const char        *method,
                          const char        *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      TnSandboxFault *fault = g_ptr_array_index (self->faults, i);
      TnSandboxFaultKind kind = fault->kind;
      guint param = fault->param;

      if (!method_matches (fault->method, method) || !_tn_sandbox_path_matches (fault->pattern, path))
        continue;

      g_debug ("Fault %u (kind %d) on %s %s", fault->id, kind, method, path);
      if (fault->remaining > 0 && --fault->remaining == 0)
        g_ptr_array_remove_index (self->faults, i);

      apply (self, msg, kind, param);
      return TRUE;
    }
  return FALSE;
}

/* API */

/**
 * tn_sandbox_add_fault:
 * @self: a #TnSandbox
 * @method: (nullable): an HTTP method, or %NULL or `*` for any
 * @path_pattern: a glob matched against the request's path, whole or
 *   below its endpoint (`/v2.0/vpn/<glob>`, `<glob>ikepolicies`, `/v3/auth/tokens`)
 * @kind: what to do
 * @param: milliseconds (latency, slow body) or the HTTP status (status)
 * @count: how many requests to spoil, or 0 for all of them
 *
 * Returns: the fault's id, for tn_sandbox_remove_fault()
 */
guint
tn_sandbox_add_fault (TnSandbox          *self,
                      const char         *method,
                      const char         *path_pattern,
                      TnSandboxFaultKind  kind,
                      guint               param,
                      guint               count)
{
  TnSandboxFault *fault;

  g_return_val_if_fail (TN_IS_SANDBOX (self), 0);
  g_return_val_if_fail (path_pattern != NULL, 0);
  g_return_val_if_fail (kind <= TN_SANDBOX_FAULT_SLOW_BODY, 0);

  fault = g_new0 (TnSandboxFault, 1);
  fault->id = ++self->last_fault_id;
  fault->method = g_strdup (method);
  fault->pattern = g_strdup (path_pattern);
  fault->kind = kind;
  fault->param = param;
  fault->remaining = count;
  g_ptr_array_add (self->faults, fault);

  return fault->id;
}

static gboolean
parse_number (const char  *text,
              guint       *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

/* [METHOD ]PATTERN=KIND[:PARAM][:COUNT] */
static gboolean
parse_rule (const char          *rule,
            char               **method,
            char               **pattern,
            TnSandboxFaultKind  *kind,
            guint               *param,
            guint               *count)
{
  g_autofree char *text = g_strstrip (g_strdup (rule));
  g_auto(GStrv) sides = g_strsplit (text, "=", 2);
  g_auto(GStrv) action = NULL;
  char *target, *space;
  guint n;

  if (sides[0] == NULL || sides[1] == NULL)
    return FALSE;

  target = g_strstrip (sides[0]);
  space = strchr (target, ' ');
  if (space != NULL)
    {
      *method = g_strndup (target, space - target);
      target = g_strstrip (space + 1);
    }
  if (*target == '\0')
    return FALSE;

  action = g_strsplit (g_strstrip (sides[1]), ":", -1);
  n = g_strv_length (action);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      guint params = kind_names[i].has_param ? 1 : 0;

      if (!g_str_equal (action[0], kind_names[i].name))
        continue;
      if (n < 1 + params || n > 2 + params
          || (params && !parse_number (action[1], param))
          || (n == 2 + params && (!parse_number (action[1 + params], count) || *count == 0)))
        return FALSE;
      if (kind_names[i].kind == TN_SANDBOX_FAULT_STATUS && (*param < 100 || *param > 599))
        return FALSE;

      *kind = kind_names[i].kind;
      *pattern = g_strdup (target);
      return TRUE;
    }
  return FALSE;
}

static gboolean
add_rule (TnSandbox   *self,
          const char  *rule,
          GError     **error)
{
  g_autofree char *method = NULL;
  g_autofree char *pattern = NULL;
  TnSandboxFaultKind kind = TN_SANDBOX_FAULT_LATENCY;
  guint param = 0, count = 0;

  if (!parse_rule (rule, &method, &pattern, &kind, &param, &count))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid fault rule “%s” (expected [METHOD ]PATTERN=KIND[:PARAM][:COUNT])", rule);
      return FALSE;
    }
  tn_sandbox_add_fault (self, method, pattern, kind, param, count);
  return TRUE;
}

/**
 * tn_sandbox_add_fault_spec:
 * @self: a #TnSandbox
 * @spec: rules separated by `;`, each `[METHOD ]PATTERN=KIND[:PARAM][:COUNT]`
 * @error: return location for a #GError
 *
 * Adds fault rules written as text (for `--fault` and
 * `TUNNELS_SANDBOX_FAULTS`). KIND is `latency:MS`, `status:CODE`,
 * `expired`, `reset`, `truncated`, `malformed` or `slow:MS`; COUNT is how
 * many requests to spoil (all of them without it). Example:
 * `GET /v2.0/vpn/<glob>=latency:500;POST <glob>/ikepolicies=status:503:1`, where <glob> is a star.
 *
 * Returns: %TRUE if every rule was valid (none is added otherwise)
 */
gboolean
tn_sandbox_add_fault_spec (TnSandbox   *self,
                           const char  *spec,
                           GError     **error)
{
  g_auto(GStrv) rules = NULL;
  guint before;

  g_return_val_if_fail (TN_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  before = self->faults->len;
  rules = g_strsplit (spec, ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      if (*g_strstrip (rules[i]) == '\0')
        continue;
      if (!add_rule (self, rules[i], error))
        {
          g_ptr_array_set_size (self->faults, before);
          return FALSE;
        }
    }
  return TRUE;
}

void
tn_sandbox_remove_fault (TnSandbox *self,
                         guint      fault_id)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  for (guint i = 0; i < self->faults->len; i++)
    if (((TnSandboxFault *) g_ptr_array_index (self->faults, i))->id == fault_id)
      {
        g_ptr_array_remove_index (self->faults, i);
        return;
      }
}

void
tn_sandbox_clear_faults (TnSandbox *self)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  g_ptr_array_set_size (self->faults, 0);
}

/**
 * tn_sandbox_count_requests:
 * @self: a #TnSandbox
 * @method: (nullable): an HTTP method, or %NULL or `*` for any
 * @path_pattern: a glob as for tn_sandbox_add_fault()
 *
 * Returns: how many requests the sandbox has received that match
 */
guint
tn_sandbox_count_requests (TnSandbox  *self,
                           const char *method,
                           const char *path_pattern)
{
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_return_val_if_fail (TN_IS_SANDBOX (self), 0);
  g_return_val_if_fail (path_pattern != NULL, 0);

  g_hash_table_iter_init (&iter, self->request_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *space = strchr (key, ' ');
      g_autofree char *request_method = g_strndup (key, space - (const char *) key);

      if (method_matches (method, request_method) && _tn_sandbox_path_matches (path_pattern, space + 1))
        total += GPOINTER_TO_UINT (value);
    }
  return total;
}
