/* tn-resource-editor.h: the edit window and create form of a resource, from the region table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-store-set.h"

G_BEGIN_DECLS

#define TN_TYPE_RESOURCE_EDITOR (tn_resource_editor_get_type ())

G_DECLARE_FINAL_TYPE (TnResourceEditor, tn_resource_editor, TN, RESOURCE_EDITOR, AdwWindow)

TnResourceEditor *tn_resource_editor_new_edit   (GtkWindow      *parent,
                                                 TnStoreSet     *stores,
                                                 TnResource     *resource);
TnResourceEditor *tn_resource_editor_new_create (GtkWindow      *parent,
                                                 TnStoreSet     *stores,
                                                 TnResourceKind  kind,
                                                 const char     *availability_zone);
TnResource       *tn_resource_editor_get_resource (TnResourceEditor *self);
GtkWidget        *tn_resource_editor_get_row    (TnResourceEditor *self,
                                                 const char       *field);
gboolean          tn_resource_editor_is_busy    (TnResourceEditor *self);

G_END_DECLS
