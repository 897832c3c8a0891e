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

G_DEFINE_QUARK (tn-error-quark, tn_error)

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
