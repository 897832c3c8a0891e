/* tn-resource-actions.c: create, edit and delete, with their confirmations
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceActions"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-connection.h"
#include "tn-field-info.h"
#include "tn-resource-actions.h"
#include "tn-resource-editor.h"
#include "tn-window.h"

/*
 * The list, the detail page and (later) the assistant share these: one
 * implementation of each operation for the four kinds.
 */

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (GtkWindow  *window,
            const char *message)
{
  if (TN_IS_WINDOW (window))
    tn_window_add_toast (TN_WINDOW (window), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/**
 * tn_resource_actions_get_permissions:
 * @permissions: (out caller-allocates): filled in; clear it with
 *   tn_permissions_clear()
 *
 * What may be done to @resource now (tn_permissions_compute()), with the
 * connections that use it from the stores.
 */
void
tn_resource_actions_get_permissions (TnStoreSet    *stores,
                                     TnResource    *resource,
                                     TnPermissions *permissions)
{
  g_autoptr(GPtrArray) users = NULL;

  if (stores != NULL)
    users = tn_store_set_find_users (stores, resource);

  tn_permissions_compute (permissions, resource, users);
}

static const char *
service_name (TnStoreSet *stores,
              TnResource *connection)
{
  TnResource *service = tn_store_set_lookup (stores, TN_RESOURCE_VPN_SERVICE,
                                             tn_connection_get_vpnservice_id (TN_CONNECTION (connection)));

  return service && tn_resource_get_name (service) ? tn_resource_get_name (service) : "";
}

/* Editing a type A connection drops every tunnel of its service for a
 * moment: the user confirms that first. */
static void
open_editor (GtkWindow  *window,
             TnStoreSet *stores,
             TnResource *resource)
{
  TnResourceEditor *editor = tn_resource_editor_new_edit (window, stores, resource);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_edit_warning_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             TnStoreSet       *stores)
{
  TnResource *resource = g_object_get_data (G_OBJECT (dialog), "resource");

  if (g_str_equal (response, "edit"))
    open_editor (gtk_window_get_transient_for (GTK_WINDOW (dialog)), stores, resource);
}

/**
 * tn_resource_actions_edit:
 * @parent: a widget of the window to open the editor over
 *
 * Opens the edit window of @resource (after the warning a type A
 * connection needs).
 */
void
tn_resource_actions_edit (GtkWidget  *parent,
                          TnStoreSet *stores,
                          TnResource *resource)
{
  GtkWindow *window = parent_window (parent);
  const TnRegionProfile *profile = tn_store_set_get_profile (stores);
  GtkWidget *dialog;

  if (tn_resource_get_kind (resource) != TN_RESOURCE_CONNECTION ||
      !tn_region_profile_warns_service_drop (profile))
    {
      open_editor (window, stores, resource);
      return;
    }

  dialog = adw_message_dialog_new (window, _("Edit the Connection?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a VPN service's name */
                                  _("Saving a change to a connection in this region briefly drops every tunnel of the VPN service “%s”, not only this one."),
                                  service_name (stores, resource));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "edit", _("_Edit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "resource", g_object_ref (resource), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_warning_response_cb), stores, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow  *window;
  char       *name;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_weak_pointer (&data->window);
  g_free (data->name);
  g_free (data);
}

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DeleteData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!tn_store_set_delete_finish (TN_STORE_SET (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->window != NULL)
    {
      /* Translators: %s is a resource's name, then the error */
      g_autofree char *message = g_strdup_printf (_("Could not delete “%s”: %s"), data->name, error->message);

      show_toast (data->window, message);
    }

  delete_data_free (data);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       TnStoreSet       *stores)
{
  TnResource *resource = g_object_get_data (G_OBJECT (dialog), "resource");
  DeleteData *data;

  if (!g_str_equal (response, "delete"))
    return;

  data = g_new0 (DeleteData, 1);
  g_set_weak_pointer (&data->window, gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  data->name = g_strdup (tn_resource_get_name (resource));
  tn_store_set_delete_async (stores, resource,
                             tn_session_manager_get_cancellable (tn_store_set_get_sessions (stores)),
                             on_deleted_cb, data);
}

static char *
describe_consequence (TnStoreSet *stores,
                      TnResource *resource)
{
  switch (tn_resource_get_kind (resource))
    {
    case TN_RESOURCE_IKE_POLICY:
    case TN_RESOURCE_IPSEC_POLICY:
      return g_strdup (_("The policy is deleted from the cloud. This cannot be undone."));

    case TN_RESOURCE_VPN_SERVICE:
      return g_strdup (_("The VPN service is removed from its router. This cannot be undone."));

    case TN_RESOURCE_CONNECTION:
      {
        const char *peer = tn_connection_get_peer_address (TN_CONNECTION (resource));
        /* Translators: %s is the peer's address */
        g_autofree char *tunnel = g_strdup_printf (_("The tunnel to %s goes down for good, and its pre-shared key is deleted from the keyring."),
                                                   peer ? peer : "");

        if (tn_region_profile_warns_service_drop (tn_store_set_get_profile (stores)))
          {
            /* Translators: %s is a VPN service's name */
            g_autofree char *others = g_strdup_printf (_("Every other tunnel of the VPN service “%s” drops briefly too."),
                                                       service_name (stores, resource));

            return g_strconcat (tunnel, " ", others, NULL);
          }
        return g_steal_pointer (&tunnel);
      }

    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tn_resource_actions_delete:
 * @parent: a widget of the window to ask over
 *
 * Asks whether to delete @resource, naming it and what follows, then
 * deletes it. A failure is told in a toast.
 */
void
tn_resource_actions_delete (GtkWidget  *parent,
                            TnStoreSet *stores,
                            TnResource *resource)
{
  g_autofree char *body = describe_consequence (stores, resource);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (parent), NULL, body);
  /* Translators: %s is the name of a policy, service or connection */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"), tn_resource_get_name (resource));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "resource", g_object_ref (resource), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), stores, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tn_resource_actions_can_create:
 *
 * Returns: whether Tunnels has a create form for @kind here (connections
 *   have their own assistant)
 */
gboolean
tn_resource_actions_can_create (TnResourceKind kind)
{
  return kind != TN_RESOURCE_CONNECTION;
}

/**
 * tn_resource_actions_create:
 *
 * Opens the create form of @kind.
 */
void
tn_resource_actions_create (GtkWidget      *parent,
                            TnStoreSet     *stores,
                            TnResourceKind  kind)
{
  TnResourceEditor *editor;

  g_return_if_fail (tn_resource_actions_can_create (kind));

  editor = tn_resource_editor_new_create (parent_window (parent), stores, kind, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}
