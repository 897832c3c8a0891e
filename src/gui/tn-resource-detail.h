/* tn-resource-detail.h: the detail page of a resource
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-store-set.h"

G_BEGIN_DECLS

#define TN_TYPE_RESOURCE_DETAIL (tn_resource_detail_get_type ())

G_DECLARE_FINAL_TYPE (TnResourceDetail, tn_resource_detail, TN, RESOURCE_DETAIL, GtkWidget)

GtkWidget  *tn_resource_detail_new          (TnStoreSet       *stores);
TnResource *tn_resource_detail_get_resource (TnResourceDetail *self);
void        tn_resource_detail_set_resource (TnResourceDetail *self,
                                             TnResource       *resource);
GtkWidget  *tn_resource_detail_get_row      (TnResourceDetail *self,
                                             const char       *name);
const char *tn_resource_detail_get_psk_source (TnResourceDetail *self);

G_END_DECLS
