/* tn-resource-store.h: the resources of one kind, as a list model updated in place
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-resource.h"

G_BEGIN_DECLS

/**
 * TnStoreState:
 * @TN_STORE_STATE_EMPTY: nothing loaded (no session yet)
 * @TN_STORE_STATE_LOADING: the first load runs
 * @TN_STORE_STATE_READY: loaded; a refresh may run (#TnResourceStore:refreshing)
 * @TN_STORE_STATE_FAILED: the last load failed; see tn_resource_store_get_error()
 *
 * Where a store's list stands, for the loading, empty and error pages.
 */
typedef enum
{
  TN_STORE_STATE_EMPTY,
  TN_STORE_STATE_LOADING,
  TN_STORE_STATE_READY,
  TN_STORE_STATE_FAILED,
} TnStoreState;

#define TN_TYPE_RESOURCE_STORE (tn_resource_store_get_type ())

G_DECLARE_FINAL_TYPE (TnResourceStore, tn_resource_store, TN, RESOURCE_STORE, GObject)

TnResourceStore *tn_resource_store_new            (TnResourceKind        kind);
TnResourceKind   tn_resource_store_get_kind       (TnResourceStore      *self);
TnResource      *tn_resource_store_lookup         (TnResourceStore      *self,
                                                   const char           *id);
gboolean         tn_resource_store_find_position  (TnResourceStore      *self,
                                                   TnResource           *resource,
                                                   guint                *position);

void             tn_resource_store_apply          (TnResourceStore      *self,
                                                   GPtrArray            *fresh);
void             tn_resource_store_apply_async    (TnResourceStore      *self,
                                                   GPtrArray            *fresh,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         tn_resource_store_apply_finish   (TnResourceStore      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void             tn_resource_store_begin_pages    (TnResourceStore      *self);
gboolean         tn_resource_store_get_paging     (TnResourceStore      *self);
void             tn_resource_store_apply_page     (TnResourceStore      *self,
                                                   GPtrArray            *page);
void             tn_resource_store_end_pages      (TnResourceStore      *self,
                                                   gboolean              complete);
TnResource      *tn_resource_store_upsert         (TnResourceStore      *self,
                                                   TnResource           *fresh);
gboolean         tn_resource_store_remove         (TnResourceStore      *self,
                                                   const char           *id);
void             tn_resource_store_clear          (TnResourceStore      *self);

GPtrArray       *tn_resource_store_find_by        (TnResourceStore      *self,
                                                   const char           *property,
                                                   const char           *value);
guint            tn_resource_store_count_by       (TnResourceStore      *self,
                                                   const char           *property,
                                                   const char           *value);

TnStoreState     tn_resource_store_get_state      (TnResourceStore      *self);
const GError    *tn_resource_store_get_error      (TnResourceStore      *self);
void             tn_resource_store_set_state      (TnResourceStore      *self,
                                                   TnStoreState          state,
                                                   const GError         *error);
gboolean         tn_resource_store_get_refreshing (TnResourceStore      *self);
void             tn_resource_store_set_refreshing (TnResourceStore      *self,
                                                   gboolean              refreshing);
void             tn_resource_store_set_slice_budget (TnResourceStore    *self,
                                                     guint               usec);

G_END_DECLS
