/* tn-resource-list.h: the list of one resource kind, as a sortable, searchable table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-store-set.h"

G_BEGIN_DECLS

#define TN_TYPE_RESOURCE_LIST (tn_resource_list_get_type ())

G_DECLARE_FINAL_TYPE (TnResourceList, tn_resource_list, TN, RESOURCE_LIST, GtkWidget)

GtkWidget      *tn_resource_list_new             (TnStoreSet     *stores,
                                                  TnResourceKind  kind);
TnResourceKind  tn_resource_list_get_kind        (TnResourceList *self);
TnStoreSet     *tn_resource_list_get_stores      (TnResourceList *self);
void            tn_resource_list_set_stores      (TnResourceList *self,
                                                  TnStoreSet     *stores);
TnResource     *tn_resource_list_get_selected    (TnResourceList *self);
gboolean        tn_resource_list_select          (TnResourceList *self,
                                                  TnResource     *resource);
GtkColumnView  *tn_resource_list_get_column_view (TnResourceList *self);
GListModel     *tn_resource_list_get_model       (TnResourceList *self);
const char     *tn_resource_list_get_page        (TnResourceList *self);
void            tn_resource_list_start_search    (TnResourceList *self);
void            tn_resource_list_set_search      (TnResourceList *self,
                                                  const char     *text);
gboolean        tn_resource_list_is_busy         (TnResourceList *self);

G_END_DECLS
