/* tn-application.h
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-sandbox.h"
#include "tn-session-manager.h"

G_BEGIN_DECLS

#define TN_TYPE_APPLICATION (tn_application_get_type ())

G_DECLARE_FINAL_TYPE (TnApplication, tn_application, TN, APPLICATION, AdwApplication)

TnApplication *tn_application_new          (void);
GSettings        *tn_application_get_settings (TnApplication *self);
TnSessionManager *tn_application_get_sessions (TnApplication *self);
void              tn_application_activate_account (TnApplication *self,
                                                   TnAccount     *account);
TnSandbox        *tn_application_get_sandbox  (TnApplication *self);

G_END_DECLS
