/* tn-error.h
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TN_ERROR (tn_error_quark ())

/**
 * TnErrorCode:
 *
 * The one error domain of Tunnels. Every failure a user can meet maps to one
 * of these; tn_error_code_get_message() gives the translated sentence.
 */
typedef enum
{
  TN_ERROR_FAILED,
  TN_ERROR_AUTH_FAILED,
  TN_ERROR_FORBIDDEN,
  TN_ERROR_NOT_FOUND,
  TN_ERROR_CONFLICT,
  TN_ERROR_INVALID_INPUT,
  TN_ERROR_INVALID_STATE,
  TN_ERROR_SERVER_ERROR,
  TN_ERROR_UNAVAILABLE,
  TN_ERROR_TIMEOUT,
  TN_ERROR_NETWORK_UNREACHABLE,
  TN_ERROR_TLS,
  TN_ERROR_BAD_RESPONSE,
  TN_ERROR_NO_ENDPOINT,
  TN_ERROR_KEYRING,
} TnErrorCode;

GQuark       tn_error_quark            (void);
const char  *tn_error_code_get_message (TnErrorCode code);

G_END_DECLS
