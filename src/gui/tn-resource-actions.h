/* tn-resource-actions.h: create, edit and delete, with their confirmations
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-connection.h"
#include "tn-permissions.h"
#include "tn-store-set.h"
#include "tn-vpn-service.h"

G_BEGIN_DECLS

void tn_resource_actions_get_permissions (TnStoreSet     *stores,
                                          TnResource     *resource,
                                          TnPermissions  *permissions);
void tn_resource_actions_edit            (GtkWidget      *parent,
                                          TnStoreSet     *stores,
                                          TnResource     *resource);
void tn_resource_actions_delete          (GtkWidget      *parent,
                                          TnStoreSet     *stores,
                                          TnResource     *resource);
void tn_resource_actions_create          (GtkWidget      *parent,
                                          TnStoreSet     *stores,
                                          TnResourceKind  kind);
gboolean tn_resource_actions_can_create  (TnResourceKind  kind);
void tn_resource_actions_new_connection  (GtkWidget      *parent,
                                          TnStoreSet     *stores,
                                          TnVpnService   *service);
void tn_resource_actions_export          (GtkWidget      *parent,
                                          TnStoreSet     *stores,
                                          TnConnection   *connection);

G_END_DECLS
