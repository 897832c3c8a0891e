/* tn-account-manager.h: the accounts, kept in GSettings and the keyring
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-account.h"

G_BEGIN_DECLS

#define TN_TYPE_ACCOUNT_MANAGER (tn_account_manager_get_type ())

G_DECLARE_FINAL_TYPE (TnAccountManager, tn_account_manager, TN, ACCOUNT_MANAGER, GObject)

TnAccountManager *tn_account_manager_new             (GSettings            *settings);
TnAccount        *tn_account_manager_lookup          (TnAccountManager     *self,
                                                      const char           *id);
TnAccount        *tn_account_manager_find_provider   (TnAccountManager     *self,
                                                      const char           *provider);
TnAccount        *tn_account_manager_add             (TnAccountManager     *self,
                                                      TnAccount            *account);
void              tn_account_manager_remove_async    (TnAccountManager     *self,
                                                      TnAccount            *account,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tn_account_manager_remove_finish   (TnAccountManager     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
TnAccount        *tn_account_manager_get_active      (TnAccountManager     *self);
void              tn_account_manager_set_active      (TnAccountManager     *self,
                                                      TnAccount            *account);

G_END_DECLS
