/* tn-account-dialog.h: add or edit an account, and sign in to it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-session-manager.h"

G_BEGIN_DECLS

#define TN_TYPE_ACCOUNT_DIALOG (tn_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TnAccountDialog, tn_account_dialog, TN, ACCOUNT_DIALOG, AdwWindow)

TnAccountDialog *tn_account_dialog_new (GtkWindow        *parent,
                                        TnSessionManager *sessions,
                                        TnAccount        *account);

G_END_DECLS
