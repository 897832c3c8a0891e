/* tn-error.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnError"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-error.h"

/* TN_ERROR is an extended error domain: every error of it carries the
 * server's side of the story (TnErrorDetails), copied and freed with it. */
typedef TnErrorDetails TnErrorPrivate;

static void
tn_error_private_init (TnErrorPrivate *priv)
{
}

static void
tn_error_private_copy (const TnErrorPrivate *src,
                       TnErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->type = g_strdup (src->type);
  dest->message = g_strdup (src->message);
  dest->detail = g_strdup (src->detail);
  dest->request_id = g_strdup (src->request_id);
}

static void
tn_error_private_clear (TnErrorPrivate *priv)
{
  g_clear_pointer (&priv->type, g_free);
  g_clear_pointer (&priv->message, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->request_id, g_free);
}

G_DEFINE_EXTENDED_ERROR (TnError, tn_error)

/**
 * tn_error_code_get_message:
 * @code: a #TnErrorCode
 *
 * Returns: (transfer none): a translated sentence that tells a user what
 *   went wrong, for a toast or an inline message
 */
const char *
tn_error_code_get_message (TnErrorCode code)
{
  switch (code)
    {
    case TN_ERROR_AUTH_FAILED:
      return _("The cloud did not accept the user name, password or credential.");
    case TN_ERROR_FORBIDDEN:
      return _("You are not allowed to do this in this project.");
    case TN_ERROR_NOT_FOUND:
      return _("The resource no longer exists.");
    case TN_ERROR_CONFLICT:
      return _("The resource is in use.");
    case TN_ERROR_INVALID_INPUT:
      return _("The cloud rejected a value.");
    case TN_ERROR_INVALID_STATE:
      return _("The resource is being changed. Try again when it has settled.");
    case TN_ERROR_SERVER_ERROR:
      return _("The cloud had an internal error.");
    case TN_ERROR_UNAVAILABLE:
      return _("The cloud is unavailable right now.");
    case TN_ERROR_TIMEOUT:
      return _("The cloud did not answer in time.");
    case TN_ERROR_NETWORK_UNREACHABLE:
      return _("The cloud cannot be reached. Check the address and your network.");
    case TN_ERROR_TLS:
      return _("The cloud’s certificate could not be verified.");
    case TN_ERROR_BAD_RESPONSE:
      return _("The cloud sent an answer Tunnels does not understand.");
    case TN_ERROR_NO_ENDPOINT:
      return _("The cloud has no network endpoint in this region.");
    case TN_ERROR_KEYRING:
      return _("The keyring could not be used.");
    case TN_ERROR_FAILED:
    default:
      return _("Something went wrong.");
    }
}

/**
 * tn_error_get_details:
 * @error: a #GError
 *
 * Returns: (nullable) (transfer none): what the server said, for an error of
 *   the %TN_ERROR domain (its fields are empty when the error did not come
 *   from a server), or %NULL for other domains
 */
const TnErrorDetails *
tn_error_get_details (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != TN_ERROR)
    return NULL;

  return tn_error_get_private (error);
}

/**
 * tn_error_set_details:
 * @error: a #GError of the %TN_ERROR domain
 * @http_status: the HTTP status, or 0
 * @type: (nullable): the `NeutronError` type
 * @message: (nullable): the server's message
 * @detail: (nullable): the server's detail
 * @request_id: (nullable): the `x-openstack-request-id`
 *
 * Records what the server said on @error.
 */
void
tn_error_set_details (GError     *error,
                      guint       http_status,
                      const char *type,
                      const char *message,
                      const char *detail,
                      const char *request_id)
{
  TnErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (error->domain == TN_ERROR);

  priv = tn_error_get_private (error);
  tn_error_private_clear (priv);
  priv->http_status = http_status;
  priv->type = g_strdup (type);
  priv->message = g_strdup (message);
  priv->detail = g_strdup (detail);
  priv->request_id = g_strdup (request_id);
}
