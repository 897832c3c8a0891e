/* tn-sandbox.h: the local simulated cloud
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The demo project every seed creates, and its user: a plain project
 * member (roles member and reader). These are a local simulator's
 * built-in credentials, not anybody's secret. */
#define TN_SANDBOX_USER           "demo"
#define TN_SANDBOX_USER_DOMAIN    "Default"
#define TN_SANDBOX_PASSWORD       "sandbox-demo-password"
#define TN_SANDBOX_PROJECT        "demo"
#define TN_SANDBOX_PROJECT_DOMAIN "Default"

/* The cloud's administrator, as on a real cloud: roles admin, member and
 * reader in project "admin" (user and project in the Default domain). It
 * creates what a project member may not (external networks) and sees
 * every project's resources. */
#define TN_SANDBOX_ADMIN_USER     "admin"
#define TN_SANDBOX_ADMIN_PASSWORD "sandbox-admin-password"
#define TN_SANDBOX_ADMIN_PROJECT  "admin"

/**
 * TnSandboxFaultKind:
 * @TN_SANDBOX_FAULT_LATENCY: answer normally after `param` milliseconds
 * @TN_SANDBOX_FAULT_STATUS: answer with HTTP status `param` (e.g. 500, 503,
 *   409) and a NeutronError body
 * @TN_SANDBOX_FAULT_TOKEN_EXPIRED: answer 401 as Keystone middleware does
 *   for an expired token (and forget the token)
 * @TN_SANDBOX_FAULT_RESET: close the connection without an answer
 * @TN_SANDBOX_FAULT_TRUNCATED: announce the full Content-Length, send half
 *   of the body, then close
 * @TN_SANDBOX_FAULT_MALFORMED: answer 200 with a body that is not JSON
 * @TN_SANDBOX_FAULT_SLOW_BODY: send the body in small pieces, `param`
 *   milliseconds apart
 *
 * What a fault rule does to a request it matches.
 */
typedef enum
{
  TN_SANDBOX_FAULT_LATENCY,
  TN_SANDBOX_FAULT_STATUS,
  TN_SANDBOX_FAULT_TOKEN_EXPIRED,
  TN_SANDBOX_FAULT_RESET,
  TN_SANDBOX_FAULT_TRUNCATED,
  TN_SANDBOX_FAULT_MALFORMED,
  TN_SANDBOX_FAULT_SLOW_BODY,
} TnSandboxFaultKind;

#define TN_TYPE_SANDBOX (tn_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (TnSandbox, tn_sandbox, TN, SANDBOX, GObject)

TnSandbox  *tn_sandbox_new                 (const char          *state_file);
gboolean    tn_sandbox_seed                (TnSandbox           *self,
                                            const char          *seed,
                                            GError             **error);
gboolean    tn_sandbox_listen              (TnSandbox           *self,
                                            guint                port,
                                            GError             **error);
void        tn_sandbox_stop                (TnSandbox           *self);
guint       tn_sandbox_get_port            (TnSandbox           *self);
const char *tn_sandbox_get_identity_url    (TnSandbox           *self);
void        tn_sandbox_set_settle_delay    (TnSandbox           *self,
                                            guint                milliseconds);
void        tn_sandbox_set_token_lifetime  (TnSandbox           *self,
                                            guint                seconds);
void        tn_sandbox_expire_tokens       (TnSandbox           *self);
char      **tn_sandbox_dup_tokens          (TnSandbox           *self);
void        tn_sandbox_add_user            (TnSandbox           *self,
                                            const char          *user,
                                            const char          *password);
void        tn_sandbox_add_app_credential  (TnSandbox           *self,
                                            const char          *id,
                                            const char          *secret);
guint       tn_sandbox_add_fault           (TnSandbox           *self,
                                            const char          *method,
                                            const char          *path_pattern,
                                            TnSandboxFaultKind   kind,
                                            guint                param,
                                            guint                count);
gboolean    tn_sandbox_add_fault_spec      (TnSandbox           *self,
                                            const char          *spec,
                                            GError             **error);
void        tn_sandbox_remove_fault        (TnSandbox           *self,
                                            guint                fault_id);
void        tn_sandbox_clear_faults        (TnSandbox           *self);
guint       tn_sandbox_count_requests      (TnSandbox           *self,
                                            const char          *method,
                                            const char          *path_pattern);

/* Beyond the first contract */
void        tn_sandbox_settle_now          (TnSandbox           *self);
gboolean    tn_sandbox_save                (TnSandbox           *self,
                                            GError             **error);
const char *tn_sandbox_get_project_id      (TnSandbox           *self);

G_END_DECLS
