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

/**
 * TnErrorDetails:
 * @http_status: the HTTP status of the answer, or 0 when there was none
 * @type: (nullable): the `NeutronError` type, e.g. `IKEPolicyInUse`
 * @message: (nullable): the server's own (English) message, with any secret
 *   it quoted removed
 * @detail: (nullable): the `NeutronError` detail
 * @request_id: (nullable): the `x-openstack-request-id` of the answer
 *
 * What the server said, for an error details view and debug messages. The
 * user-facing sentence is the #GError message.
 */
typedef struct
{
  guint  http_status;
  char  *type;
  char  *message;
  char  *detail;
  char  *request_id;
} TnErrorDetails;

GQuark                tn_error_quark            (void);
const char           *tn_error_code_get_message (TnErrorCode  code);
const TnErrorDetails *tn_error_get_details      (const GError *error);
void                  tn_error_set_details      (GError       *error,
                                                 guint         http_status,
                                                 const char   *type,
                                                 const char   *message,
                                                 const char   *detail,
                                                 const char   *request_id);

G_END_DECLS
