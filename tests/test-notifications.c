/* test-notifications.c: a connection the user looked at goes down while
 * the window is not focused
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop's notification daemon cannot run here, so this test owns
 * org.freedesktop.Notifications on the private session bus itself: a
 * test double that records what GLib's GNotification sends it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-resource-detail.h"
#include "tn-resource-store.h"
#include "tn-sandbox.h"
#include "tn-status.h"
#include "tn-test-gui.h"
#include "tn-window.h"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static GPtrArray *received;  /* "summary\nbody" */
static gboolean name_owned;

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *path,
                   const char            *interface,
                   const char            *method,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (received, g_strdup_printf ("%s\n%s", summary, body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", received->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test-double", "Tunnels", "1", "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  name_owned = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static GDBusConnection *
start_notification_daemon (void)
{
  static const GDBusInterfaceVTable vtable = { on_method_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  /* A connection of its own: a peer on the bus like a real daemon. */
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired_cb, NULL, NULL, NULL);
  g_assert_true (tn_test_wait_until (is_true, &name_owned, 5000));

  return connection;
}

static TnApplication *app;
static TnSandbox *sandbox;
static TnWindow *window;

static gboolean
connections_ready (gpointer data)
{
  TnResourceStore *store = tn_store_set_get_store (tn_window_get_stores (window), TN_RESOURCE_CONNECTION);

  return tn_resource_store_get_state (store) == TN_STORE_STATE_READY && !tn_resource_store_get_refreshing (store);
}

static TnResource *
find_connection (const char *name)
{
  TnResourceStore *store = tn_store_set_get_store (tn_window_get_stores (window), TN_RESOURCE_CONNECTION);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(TnResource) connection = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (tn_resource_get_name (connection), name) == 0)
        return connection;  /* the store keeps it */
    }

  return NULL;
}

static gboolean
window_inactive (gpointer data)
{
  return !gtk_window_is_active (GTK_WINDOW (window));
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static gboolean
has_notification (gpointer data)
{
  return received->len > 0;
}

/* The peer end of @name, in jp-east-1, goes away. */
static void
delete_peer_end (void)
{
  g_autoptr(TnAccount) account = tn_account_new (tn_sandbox_get_identity_url (sandbox), "jp-east-1");
  g_autoptr(TnSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);
  session = tn_session_new (account, TN_SANDBOX_PASSWORD, &error);
  tn_session_list_async (session, TN_RESOURCE_CONNECTION, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  items = tn_session_list_finish (session, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (tn_resource_get_name (g_ptr_array_index (items, i)), "to-RegionOne"))
      {
        g_clear_object (&result);
        tn_session_delete_async (session, TN_RESOURCE_CONNECTION, tn_resource_get_id (g_ptr_array_index (items, i)),
                                 TN_WRITE_FLAGS_NONE, NULL, tn_test_store_result_cb, &result);
        g_assert_true (tn_test_wait_for_result (&result, 10000));
        g_assert_true (tn_session_delete_finish (session, result, &error));
        g_assert_no_error (error);
        return;
      }

  g_error ("No connection to-RegionOne in jp-east-1");
}

static void
test_notification_when_down (void)
{
  TnResource *connection;
  GtkWidget *elsewhere;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (tn_test_wait_until (connections_ready, NULL, 10000));
  connection = find_connection ("to-jp-east-1");
  g_assert_nonnull (connection);
  g_assert_cmpstr (tn_resource_get_status (connection), ==, "ACTIVE");
  id = g_strdup (tn_resource_get_id (connection));

  /* The user looks at it, then at another window. */
  tn_window_show_resource (window, connection);
  elsewhere = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (elsewhere));
  g_assert_true (tn_test_wait_until (window_inactive, NULL, 5000));

  /* Its peer end goes; the reload the window runs now and then sees it. */
  delete_peer_end ();
  tn_store_set_reload (tn_window_get_stores (window), TN_RESOURCE_CONNECTION);
  g_assert_true (tn_test_wait_until (has_notification, NULL, 10000));
  g_assert_cmpstr (tn_resource_get_status (connection), ==, "DOWN");

  g_assert_cmpuint (received->len, ==, 1);
  expected = g_strdup_printf (_("“%s” Is No Longer Active"), "to-jp-east-1");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (received, 0), expected));
  g_assert_nonnull (strstr (g_ptr_array_index (received, 0), tn_status_get_display_name ("DOWN")));

  /* Its default action shows the connection. */
  tn_window_set_section (window, "ike-policies");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-connection", g_variant_new_string (id));
  g_assert_true (tn_window_is_showing_detail (window));
  g_assert_cmpstr (tn_resource_get_id (tn_resource_detail_get_resource (TN_RESOURCE_DETAIL (tn_window_get_detail (window)))),
                   ==, id);

  gtk_window_destroy (GTK_WINDOW (elsewhere));
}

/* While the user looks at the window, nothing pops up. */
static void
test_no_notification_when_focused (void)
{
  TnResource *connection = find_connection ("branch-office");
  guint before = received->len;

  g_assert_nonnull (connection);
  tn_window_show_resource (window, connection);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tn_test_wait_until (window_active, NULL, 5000));

  /* A watched connection leaves ACTIVE while the window is in view. */
  tn_resource_set_status (connection, "ACTIVE");
  tn_resource_set_status (connection, "DOWN");
  tn_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (received->len, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusConnection) daemon = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  tn_test_gui_init (&argc, &argv);
  received = g_ptr_array_new_with_free_func (g_free);
  daemon = start_notification_daemon ();

  sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (sandbox, 50);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  window = tn_test_open_window (&app);
  tn_test_sign_in_sandbox (app, sandbox, "RegionOne");

  g_test_add_func ("/notifications/when-down", test_notification_when_down);
  g_test_add_func ("/notifications/not-when-focused", test_no_notification_when_focused);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);
  g_clear_pointer (&received, g_ptr_array_unref);

  return ret;
}
