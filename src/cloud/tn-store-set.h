/* tn-store-set.h: the four stores of the active account, loaded, polled and written
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-resource-store.h"
#include "tn-session-manager.h"

G_BEGIN_DECLS

/* Lists are fetched in pages of this many items, so no answer is big
 * enough to stall the main loop while it is read. */
#define TN_STORE_SET_PAGE_SIZE 250

#define TN_TYPE_STORE_SET (tn_store_set_get_type ())

G_DECLARE_FINAL_TYPE (TnStoreSet, tn_store_set, TN, STORE_SET, GObject)

TnStoreSet            *tn_store_set_new             (TnSessionManager     *sessions);
TnSessionManager      *tn_store_set_get_sessions    (TnStoreSet           *self);
TnSession             *tn_store_set_get_session     (TnStoreSet           *self);
const TnRegionProfile *tn_store_set_get_profile     (TnStoreSet           *self);
TnResourceStore       *tn_store_set_get_store       (TnStoreSet           *self,
                                                     TnResourceKind        kind);
TnResource            *tn_store_set_lookup          (TnStoreSet           *self,
                                                     TnResourceKind        kind,
                                                     const char           *id);
void                   tn_store_set_reload          (TnStoreSet           *self,
                                                     TnResourceKind        kind);
void                   tn_store_set_refresh         (TnStoreSet           *self);
guint                  tn_store_set_get_n_watched   (TnStoreSet           *self);

GPtrArray             *tn_store_set_find_users      (TnStoreSet           *self,
                                                     TnResource           *resource);
guint                  tn_store_set_count_users     (TnStoreSet           *self,
                                                     TnResource           *resource);

void                   tn_store_set_create_async    (TnStoreSet           *self,
                                                     TnResource           *resource,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TnResource            *tn_store_set_create_finish   (TnStoreSet           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                   tn_store_set_update_async    (TnStoreSet           *self,
                                                     TnResource           *original,
                                                     TnResource           *changed,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TnResource            *tn_store_set_update_finish   (TnStoreSet           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                   tn_store_set_delete_async    (TnStoreSet           *self,
                                                     TnResource           *resource,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean               tn_store_set_delete_finish   (TnStoreSet           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
