/* tn-resource-detail-private.h: what the detail page's files share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-field-info.h"
#include "tn-resource-detail.h"

G_BEGIN_DECLS

AdwPreferencesGroup *_tn_resource_detail_add_group      (TnResourceDetail    *self,
                                                         const char          *title,
                                                         const char          *description);
GtkWidget           *_tn_resource_detail_add_row        (TnResourceDetail    *self,
                                                         AdwPreferencesGroup *group,
                                                         const char          *name,
                                                         const char          *title,
                                                         const char          *value);
GtkWidget           *_tn_resource_detail_add_link       (TnResourceDetail    *self,
                                                         AdwPreferencesGroup *group,
                                                         const char          *name,
                                                         const char          *title,
                                                         TnResource          *target,
                                                         const char          *fallback);
TnStoreSet          *_tn_resource_detail_get_stores     (TnResourceDetail    *self);
GCancellable        *_tn_resource_detail_get_cancellable (TnResourceDetail   *self);
char               **_tn_resource_detail_psk_slot       (TnResourceDetail    *self);
void                 _tn_resource_detail_set_psk_source (TnResourceDetail    *self,
                                                         const char          *source);
void                 _tn_resource_detail_queue_rebuild  (TnResourceDetail    *self);
void                 _tn_resource_detail_note           (TnResourceDetail    *self,
                                                         const char          *part);

/* tn-resource-detail-peer.c */
void                 _tn_resource_detail_add_psk        (TnResourceDetail    *self,
                                                         AdwPreferencesGroup *group,
                                                         const TnFieldInfo   *info);
void                 _tn_resource_detail_lookup_psk     (TnResourceDetail    *self);
void                 _tn_resource_detail_forget_psk     (TnResourceDetail    *self);
void                 _tn_resource_detail_add_checklist  (TnResourceDetail    *self);

G_END_DECLS
