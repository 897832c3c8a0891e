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
#include "tn-connection-assistant.h"
#include "tn-export-dialog.h"
#include "tn-field-info.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-resource-actions.h"
#include "tn-subnet.h"
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
 * Returns: whether Tunnels can create @kind here (connections through
 *   their assistant, the others through a create form)
 */
gboolean
tn_resource_actions_can_create (TnResourceKind kind)
{
  return kind < TN_N_RESOURCE_KINDS;
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

  if (kind == TN_RESOURCE_CONNECTION)
    {
      tn_resource_actions_new_connection (parent, stores, NULL);
      return;
    }

  editor = tn_resource_editor_new_create (parent_window (parent), stores, kind, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_connection_created_cb (GtkWindow  *window,
                          TnResource *connection,
                          gboolean    psk_saved)
{
  g_autofree char *message = NULL;

  if (psk_saved)
    /* Translators: %s is a connection's name */
    message = g_strdup_printf (_("“%s” was created"), tn_resource_get_name (connection));
  else
    message = g_strdup_printf (_("“%s” was created. The keyring is not available, so its pre-shared key was not saved."),
                               tn_resource_get_name (connection));
  show_toast (window, message);

  /* Show what was made: its status settles there. */
  if (TN_IS_WINDOW (window))
    tn_window_show_resource (TN_WINDOW (window), connection);
}

/**
 * tn_resource_actions_new_connection:
 * @service: (nullable): the VPN service to add the connection to; %NULL
 *   lets the user choose
 *
 * Opens the assistant that creates an IPsec VPN connection, and then the
 * new connection's detail page.
 */
void
tn_resource_actions_new_connection (GtkWidget    *parent,
                                    TnStoreSet   *stores,
                                    TnVpnService *service)
{
  GtkWindow *window = parent_window (parent);
  TnConnectionAssistant *assistant;

  if (tn_store_set_get_session (stores) == NULL)
    return;

  assistant = tn_connection_assistant_new (window, stores, service);
  g_signal_connect_object (assistant, "created", G_CALLBACK (on_connection_created_cb), window, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

typedef struct
{
  GtkWindow    *window;
  TnStoreSet   *stores;
  TnConnection *connection;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_clear_object (&export->stores);
  g_clear_object (&export->connection);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
on_subnets_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GError) error = NULL;
  TnStoreSet *stores = export->stores;
  TnConnection *connection = export->connection;
  TnVpnService *service;
  const char *cidr = NULL;
  GtkWidget *dialog;

  subnets = tn_session_list_subnets_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (subnets == NULL)
    {
      show_toast (export->window, error->message);
      return;
    }

  service = TN_VPN_SERVICE (tn_store_set_lookup (stores, TN_RESOURCE_VPN_SERVICE, tn_connection_get_vpnservice_id (connection)));
  for (guint i = 0; service != NULL && i < subnets->len; i++)
    {
      TnSubnet *subnet = g_ptr_array_index (subnets, i);

      if (g_strcmp0 (subnet->id, tn_vpn_service_get_subnet_id (service)) == 0)
        cidr = subnet->cidr;
    }

  dialog = tn_export_dialog_new (export->window,
                                 tn_account_get_id (tn_session_get_account (TN_SESSION (object))),
                                 connection,
                                 TN_IKE_POLICY (tn_store_set_lookup (stores, TN_RESOURCE_IKE_POLICY,
                                                                     tn_connection_get_ikepolicy_id (connection))),
                                 TN_IPSEC_POLICY (tn_store_set_lookup (stores, TN_RESOURCE_IPSEC_POLICY,
                                                                       tn_connection_get_ipsecpolicy_id (connection))),
                                 service, cidr);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tn_resource_actions_export:
 *
 * Opens the dialog that writes the peer side of @connection for a router
 * (the cloud side's subnet is looked up first).
 */
void
tn_resource_actions_export (GtkWidget    *parent,
                            TnStoreSet   *stores,
                            TnConnection *connection)
{
  TnSession *session = tn_store_set_get_session (stores);
  Export *export;

  if (session == NULL)
    return;

  export = g_new0 (Export, 1);
  export->window = g_object_ref (parent_window (parent));
  export->stores = g_object_ref (stores);
  export->connection = g_object_ref (connection);
  tn_session_list_subnets_async (session, tn_session_manager_get_cancellable (tn_store_set_get_sessions (stores)),
                                 on_subnets_listed_cb, export);
}
