/* tn-session-manager.h: the signed-in session of the active account
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-account-manager.h"
#include "tn-session.h"

G_BEGIN_DECLS

/**
 * TnSessionState:
 * @TN_SESSION_STATE_NONE: no account is active
 * @TN_SESSION_STATE_SIGNING_IN: the active account is signing in
 * @TN_SESSION_STATE_READY: the active account is signed in
 * @TN_SESSION_STATE_FAILED: signing in failed; see tn_session_manager_get_error()
 */
typedef enum
{
  TN_SESSION_STATE_NONE,
  TN_SESSION_STATE_SIGNING_IN,
  TN_SESSION_STATE_READY,
  TN_SESSION_STATE_FAILED,
} TnSessionState;

#define TN_TYPE_SESSION_MANAGER (tn_session_manager_get_type ())

G_DECLARE_FINAL_TYPE (TnSessionManager, tn_session_manager, TN, SESSION_MANAGER, GObject)

TnSessionManager *tn_session_manager_new             (TnAccountManager *accounts);
TnAccountManager *tn_session_manager_get_accounts    (TnSessionManager *self);
TnSession        *tn_session_manager_get_session     (TnSessionManager *self);
TnSessionState    tn_session_manager_get_state       (TnSessionManager *self);
const GError     *tn_session_manager_get_error       (TnSessionManager *self);
GCancellable     *tn_session_manager_get_cancellable (TnSessionManager *self);
void              tn_session_manager_activate        (TnSessionManager *self,
                                                      TnAccount        *account,
                                                      const char       *secret);
void              tn_session_manager_use_session     (TnSessionManager *self,
                                                      TnSession        *session);
void              tn_session_manager_forget          (TnSessionManager *self,
                                                      TnAccount        *account);
GPtrArray        *tn_session_manager_list_sessions   (TnSessionManager *self);

G_END_DECLS
