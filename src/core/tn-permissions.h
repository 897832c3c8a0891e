/* tn-permissions.h: whether a resource may be edited or deleted now, and why not
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

/**
 * TnPermissions:
 * @show_edit: whether Edit is offered at all (hidden for CREATE_ERROR)
 * @can_edit: whether Edit is sensitive
 * @can_delete: whether Delete is sensitive
 * @edit_reason: (nullable): why Edit is insensitive, for its tooltip
 * @delete_reason: (nullable): why Delete is insensitive, for its tooltip
 *
 * The server rules of SPEC §2 and §3, mirrored so the UI says no before
 * the server does.
 */
typedef struct
{
  gboolean  show_edit;
  gboolean  can_edit;
  gboolean  can_delete;
  char     *edit_reason;
  char     *delete_reason;
} TnPermissions;

void tn_permissions_compute (TnPermissions *permissions,
                             TnResource    *resource,
                             GPtrArray     *users);
void tn_permissions_clear   (TnPermissions *permissions);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TnPermissions, tn_permissions_clear)

G_END_DECLS
