/* tn-permissions.c: whether a resource may be edited or deleted now, and why not
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnPermissions"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-permissions.h"
#include "tn-status.h"

/* How many users a reason names before it says “and N more”. */
#define MAX_NAMED 3

static char *
name_users (GPtrArray *users)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < users->len && i < MAX_NAMED; i++)
    {
      TnResource *user = g_ptr_array_index (users, i);
      const char *name = tn_resource_get_name (user);

      if (i > 0)
        /* Translators: the separator of a list of names */
        g_string_append (names, _(", "));
      g_string_append_printf (names, "“%s”", name && *name ? name : tn_resource_get_id (user));
    }

  if (users->len > MAX_NAMED)
    {
      guint more = users->len - MAX_NAMED;

      g_string_append (names, _(", "));
      /* Translators: ends a list of connection names */
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * tn_permissions_compute:
 * @permissions: (out caller-allocates): filled in
 * @resource: a resource
 * @users: (nullable) (element-type TnConnection): the connections that use
 *   @resource (a policy) or hang off it (a service)
 *
 * - nothing changes while a resource is in flux (BUILD, PENDING_*,
 *   DELETING): the server refuses (VPNStateInvalidToUpdate);
 * - a resource whose creation failed (CREATE_ERROR) can only be deleted;
 * - a policy used by connections can be neither changed nor deleted, a
 *   service with connections cannot be deleted (PolicyInUse,
 *   VPNServiceInUse).
 */
void
tn_permissions_compute (TnPermissions *permissions,
                        TnResource    *resource,
                        GPtrArray     *users)
{
  const char *status;
  TnResourceKind kind;
  guint n_users = users ? users->len : 0;

  g_return_if_fail (permissions != NULL);
  g_return_if_fail (TN_IS_RESOURCE (resource));

  *permissions = (TnPermissions) { TRUE, TRUE, TRUE, NULL, NULL };
  status = tn_resource_get_status (resource);
  kind = tn_resource_get_kind (resource);

  if (!tn_status_is_settled (status))
    {
      /* Translators: %s is a status, such as “Pending Update” */
      char *reason = g_strdup_printf (_("Wait until it is no longer “%s”."), tn_status_get_display_name (status));

      permissions->can_edit = permissions->can_delete = FALSE;
      permissions->edit_reason = reason;
      permissions->delete_reason = g_strdup (reason);
      return;
    }

  if (g_strcmp0 (status, "CREATE_ERROR") == 0)
    {
      permissions->show_edit = permissions->can_edit = FALSE;
      permissions->edit_reason = g_strdup (_("Its creation failed; it can only be deleted."));
    }

  if (n_users == 0)
    return;

  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
    case TN_RESOURCE_IPSEC_POLICY:
      {
        g_autofree char *names = name_users (users);

        permissions->can_edit = permissions->can_delete = FALSE;
        g_clear_pointer (&permissions->edit_reason, g_free);
        permissions->edit_reason =
          /* Translators: %s is a list of connection names */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Used by the connection %s.",
                                        "Used by the connections %s.", n_users), names);
        permissions->delete_reason = g_strdup (permissions->edit_reason);
      }
      break;

    case TN_RESOURCE_VPN_SERVICE:
      {
        g_autofree char *names = name_users (users);

        permissions->can_delete = FALSE;
        permissions->delete_reason =
          /* Translators: %s is a list of connection names */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Delete its connection %s first.",
                                        "Delete its connections %s first.", n_users), names);
      }
      break;

    case TN_RESOURCE_CONNECTION:
    case TN_N_RESOURCE_KINDS:
    default:
      break;
    }
}

void
tn_permissions_clear (TnPermissions *permissions)
{
  g_clear_pointer (&permissions->edit_reason, g_free);
  g_clear_pointer (&permissions->delete_reason, g_free);
}
