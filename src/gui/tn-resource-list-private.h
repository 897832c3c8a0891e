/* tn-resource-list-private.h: what the list's files share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource-list.h"

G_BEGIN_DECLS

void     _tn_resource_list_build_columns (TnResourceList        *self,
                                          GtkColumnView         *column_view,
                                          TnStoreSet            *stores,
                                          TnResourceKind         kind,
                                          const TnRegionProfile *profile);
gboolean _tn_resource_list_matches       (TnResource            *resource,
                                          const char            *needle);
void     _tn_resource_list_select_item   (TnResourceList        *self,
                                          gpointer               item);
GMenuModel *_tn_resource_list_build_menu (TnResourceList        *self,
                                          TnResource            *resource);

G_END_DECLS
