/* tn-account-switcher.h: the active account, and a menu to change it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tn-account-manager.h"

G_BEGIN_DECLS

#define TN_TYPE_ACCOUNT_SWITCHER (tn_account_switcher_get_type ())

G_DECLARE_FINAL_TYPE (TnAccountSwitcher, tn_account_switcher, TN, ACCOUNT_SWITCHER, GtkWidget)

TnAccountManager *tn_account_switcher_get_accounts (TnAccountSwitcher *self);
void              tn_account_switcher_set_accounts (TnAccountSwitcher *self,
                                                    TnAccountManager  *accounts);
char             *tn_account_dup_region_label      (TnAccount         *account);

G_END_DECLS
