/* tn-cloud-error.c: what went wrong on the wire, as a TN_ERROR
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnCloudError"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tn-cloud-error.h"
#include "tn-logger.h"

/*
 * Every failure of the cloud layer is a TN_ERROR whose message is one of
 * the translated sentences of tn_error_code_get_message() (for some codes
 * followed by what the server said), and whose TnErrorDetails keep the HTTP
 * status, the NeutronError type, message and detail and the request id for
 * an error details view. Cancellation stays G_IO_ERROR_CANCELLED.
 */

/**
 * tn_cloud_error_new:
 * @code: a #TnErrorCode
 * @debug_message: (nullable): what happened, in English, for the details
 *
 * Returns: (transfer full): a %TN_ERROR with the translated sentence of
 *   @code as message
 */
GError *
tn_cloud_error_new (TnErrorCode  code,
                    const char  *debug_message)
{
  GError *error;

  error = g_error_new_literal (TN_ERROR, code, tn_error_code_get_message (code));
  tn_error_set_details (error, 0, NULL, debug_message, NULL, NULL);

  return error;
}

/**
 * tn_cloud_set_bad_response:
 * @error: (nullable): a #GError to set
 * @format: what was wrong with the answer, printf-style, in English
 *
 * Sets %TN_ERROR_BAD_RESPONSE: malformed or truncated JSON or an unexpected
 * shape.
 */
void
tn_cloud_set_bad_response (GError     **error,
                           const char  *format,
                           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("Bad response: %s", what);
  g_propagate_error (error, tn_cloud_error_new (TN_ERROR_BAD_RESPONSE, what));
}

static TnErrorCode
code_for_status (guint       status,
                 const char *type)
{
  if (type != NULL && g_str_has_suffix (type, "InUse"))
    return TN_ERROR_CONFLICT;        /* EndpointGroupInUse comes as 400 */
  if (g_strcmp0 (type, "VPNStateInvalidToUpdate") == 0)
    return TN_ERROR_INVALID_STATE;

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return TN_ERROR_INVALID_INPUT;
    case SOUP_STATUS_UNAUTHORIZED:
      return TN_ERROR_AUTH_FAILED;
    case SOUP_STATUS_FORBIDDEN:
      return TN_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return TN_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return TN_ERROR_CONFLICT;
    case SOUP_STATUS_REQUEST_TIMEOUT:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      return TN_ERROR_TIMEOUT;
    case SOUP_STATUS_BAD_GATEWAY:
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      return TN_ERROR_UNAVAILABLE;
    default:
      return status >= 500 ? TN_ERROR_SERVER_ERROR : TN_ERROR_FAILED;
    }
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The server's own words: `NeutronError` {type, message, detail}, else
 * Keystone's `error` {message}, else a top-level `message`. */
static void
parse_error_body (GBytes  *body,
                  char   **type,
                  char   **message,
                  char   **detail)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root, *neutron, *keystone;
  gsize len = 0;
  const char *data;

  data = body ? g_bytes_get_data (body, &len) : NULL;
  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  root = json_node_get_object (json_parser_get_root (parser));
  neutron = get_object (root, "NeutronError");
  keystone = get_object (root, "error");

  if (neutron != NULL)
    {
      *type = g_strdup (get_string (neutron, "type"));
      *message = g_strdup (get_string (neutron, "message"));
      *detail = g_strdup (get_string (neutron, "detail"));
    }
  else if (keystone != NULL && get_string (keystone, "message") != NULL)
    *message = g_strdup (get_string (keystone, "message"));
  else
    *message = g_strdup (get_string (root, "message"));
}

/**
 * tn_cloud_error_from_response:
 * @http_status: the status of an answer that is not a success
 * @reason: (nullable): its reason phrase
 * @body: (nullable): its body
 * @request_id: (nullable): its `x-openstack-request-id`
 *
 * Maps an error answer to a TN_ERROR code (by status, and by NeutronError
 * type where the status is ambiguous: `…InUse` is a conflict, and
 * `VPNStateInvalidToUpdate` an invalid state). For a rejected value,
 * conflict or refusal the user message ends with the server's message,
 * which says which value or which connection.
 *
 * Returns: (transfer full): the error, with its #TnErrorDetails
 */
GError *
tn_cloud_error_from_response (guint       http_status,
                              const char *reason,
                              GBytes     *body,
                              const char *request_id)
{
  g_autofree char *type = NULL;
  g_autofree char *raw_message = NULL;
  g_autofree char *message = NULL;
  g_autofree char *detail = NULL;
  TnErrorCode code;
  GError *error;

  parse_error_body (body, &type, &raw_message, &detail);

  if (raw_message == NULL || *raw_message == '\0')
    {
      g_free (raw_message);
      raw_message = g_strdup_printf ("%u %s", http_status, reason ? reason : "");
      g_strstrip (raw_message);
    }

  /* Neutron quotes rejected values, and a rejected value may be a PSK. */
  message = tn_logger_redact_message (raw_message);
  code = code_for_status (http_status, type);

  switch (code)
    {
    case TN_ERROR_INVALID_INPUT:
    case TN_ERROR_INVALID_STATE:
    case TN_ERROR_CONFLICT:
    case TN_ERROR_FORBIDDEN:
      /* Translators: first one of our sentences, then the cloud's own English message */
      error = g_error_new (TN_ERROR, code, _("%s The cloud said: “%s”"),
                           tn_error_code_get_message (code), message);
      break;

    case TN_ERROR_FAILED:
    case TN_ERROR_AUTH_FAILED:
    case TN_ERROR_NOT_FOUND:
    case TN_ERROR_SERVER_ERROR:
    case TN_ERROR_UNAVAILABLE:
    case TN_ERROR_TIMEOUT:
    case TN_ERROR_NETWORK_UNREACHABLE:
    case TN_ERROR_TLS:
    case TN_ERROR_BAD_RESPONSE:
    case TN_ERROR_NO_ENDPOINT:
    case TN_ERROR_KEYRING:
    default:
      error = g_error_new_literal (TN_ERROR, code, tn_error_code_get_message (code));
      break;
    }

  tn_error_set_details (error, http_status, type, message, detail, request_id);

  g_debug ("HTTP %u %s (%s), request %s: %s",
           http_status, reason ? reason : "", type ? type : "no type",
           request_id ? request_id : "unknown", message);

  return error;
}

/**
 * tn_cloud_error_from_transport:
 * @transport_error: what libsoup or GIO reported
 * @http_status: the status of the answer if its headers arrived, else 0
 * @timed_out: whether our per-request timeout cancelled the request
 *
 * Maps a failure below HTTP: a timeout, a refused, reset or unreachable
 * connection, a certificate that does not verify, or an answer cut short
 * after its headers (a bad response). Cancellation by the caller is
 * returned as it is (%G_IO_ERROR_CANCELLED).
 *
 * Returns: (transfer full): the error
 */
GError *
tn_cloud_error_from_transport (const GError *transport_error,
                               guint         http_status,
                               gboolean      timed_out)
{
  TnErrorCode code;
  GError *error;

  g_return_val_if_fail (transport_error != NULL, NULL);

  if (timed_out || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = TN_ERROR_TIMEOUT;
  else if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (transport_error);
  else if (transport_error->domain == G_TLS_ERROR)
    code = TN_ERROR_TLS;
  else if (http_status != 0)
    code = TN_ERROR_BAD_RESPONSE;   /* the headers came, the body was cut */
  else if (transport_error->domain == SOUP_SESSION_ERROR)
    code = TN_ERROR_BAD_RESPONSE;
  else if (transport_error->domain == G_IO_ERROR ||
           transport_error->domain == G_RESOLVER_ERROR)
    code = TN_ERROR_NETWORK_UNREACHABLE;
  else
    code = TN_ERROR_FAILED;

  error = tn_cloud_error_new (code, transport_error->message);
  g_debug ("Transport error (%s): %s", g_quark_to_string (transport_error->domain),
           transport_error->message);

  return error;
}
