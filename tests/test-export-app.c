/* test-export-app.c: “Export Peer Configuration” reached from the real window
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under build-aux/headless-run.sh (a real, temporary keyring). The window
 * signs in, over HTTP on 127.0.0.1, to a sandbox cloud in this process, in
 * RegionOne (plain OpenStack) and jp-east-3 (FJcloud-O type B, where the
 * peer targets the connection's endpoint address). One connection's detail
 * page “Export…” button and another one's row menu action
 * (`resource.export`) must each open the export dialog for that very
 * connection: its id, its peer address and networks, the cloud's address and
 * the VPN service's subnet, as the sandbox itself holds them (read from its
 * saved state, not from the app). Then a target is switched in the dialog,
 * “Include Pre-Shared Key” is turned on (the keyring's key, or, when it has
 * none, what the dialog says and the cloud's key on request) and off, and
 * the dialog is closed. No key is ever printed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tn-connection.h"
#include "tn-export-dialog.h"
#include "tn-resource-detail.h"
#include "tn-resource-list.h"
#include "tn-sandbox.h"
#include "tn-test-gui.h"
#include "tn-window.h"

static TnApplication *app;
static TnSandbox *sandbox;
static char *state_dir;
static char *state_file;
static TnWindow *window;
static char *account_id;

static TnStoreSet *
stores (void)
{
  return tn_window_get_stores (window);
}

static TnResourceList *
connections_list (void)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (window), TN_TYPE_WINDOW, "connections_list");

  g_assert_true (TN_IS_RESOURCE_LIST (list));
  return TN_RESOURCE_LIST (list);
}

static gboolean
stores_ready (gpointer data)
{
  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      TnResourceStore *store = tn_store_set_get_store (stores (), kind);

      if (tn_resource_store_get_state (store) != TN_STORE_STATE_READY || tn_resource_store_get_refreshing (store))
        return FALSE;
    }

  return !tn_resource_list_is_busy (connections_list ());
}

static void
sign_in (const char *region)
{
  g_free (account_id);
  account_id = g_strdup (tn_account_get_id (tn_test_sign_in_sandbox (app, sandbox, region)));
  g_assert_true (tn_test_wait_until (stores_ready, NULL, 20000));
}

/* What the sandbox holds for a connection, from its own saved state. */
typedef struct
{
  char *id;
  char *name;
  char *peer_address;
  char *peer_cidr;
  char *cloud_address;
  char *cloud_cidr;
  char *psk;
} Expected;

static void
expected_free (Expected *expected)
{
  g_free (expected->id);
  g_free (expected->name);
  g_free (expected->peer_address);
  g_free (expected->peer_cidr);
  g_free (expected->cloud_address);
  g_free (expected->cloud_cidr);
  g_free (expected->psk);
  g_free (expected);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Expected, expected_free)

static JsonObject *
find_by_id (JsonObject *region,
            const char *collection,
            const char *id)
{
  JsonArray *items = json_object_get_array_member (region, collection);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }

  g_error ("The sandbox has no %s %s", collection, id);
}

static Expected *
expected_for (const char   *region_name,
              TnConnection *connection)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *region, *conn, *service, *subnet;
  const char *endpoint;
  Expected *expected = g_new0 (Expected, 1);

  g_assert_true (tn_sandbox_save (sandbox, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, state_file, &error));
  g_assert_no_error (error);
  region = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                         "regions"),
                                          region_name);
  g_assert_nonnull (region);

  conn = find_by_id (region, "ipsec-site-connections", tn_resource_get_id (TN_RESOURCE (connection)));
  service = find_by_id (region, "vpnservices", json_object_get_string_member (conn, "vpnservice_id"));
  subnet = find_by_id (region, "subnets", json_object_get_string_member (service, "subnet_id"));

  expected->id = g_strdup (json_object_get_string_member (conn, "id"));
  expected->name = g_strdup (json_object_get_string_member (conn, "name"));
  expected->peer_address = g_strdup (json_object_get_string_member (conn, "peer_address"));
  expected->peer_cidr = g_strdup (json_array_get_string_element (json_object_get_array_member (conn, "peer_cidrs"), 0));
  /* type B: the peer targets the connection's endpoint address */
  endpoint = json_object_get_string_member_with_default (conn, "ipsec_endpoint_address", NULL);
  expected->cloud_address = g_strdup (endpoint != NULL ? endpoint : json_object_get_string_member (service, "external_v4_ip"));
  expected->cloud_cidr = g_strdup (json_object_get_string_member (subnet, "cidr"));
  expected->psk = g_strdup (json_object_get_string_member (conn, "psk"));
  g_assert_nonnull (expected->cloud_address);
  g_assert_nonnull (expected->psk);
  return expected;
}

static TnConnection *
connection_at (guint position)
{
  GListModel *model = tn_resource_list_get_model (connections_list ());

  g_assert_cmpuint (g_list_model_get_n_items (model), >, position);
  return g_list_model_get_item (model, position);
}

static gboolean
dialog_open (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_EXPORT_DIALOG) != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_EXPORT_DIALOG) == NULL;
}

static TnExportDialog *
wait_for_dialog (void)
{
  TnExportDialog *dialog;

  g_assert_true (tn_test_wait_until (dialog_open, NULL, 10000));
  dialog = TN_EXPORT_DIALOG (tn_test_find_toplevel (TN_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  tn_test_wait_frames (GTK_WIDGET (dialog), 3);
  return dialog;
}

static gpointer
dialog_child (TnExportDialog *dialog,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), TN_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
contains (TnExportDialog *dialog,
          const char     *needle)
{
  const char *text = tn_export_dialog_get_text (dialog);

  return text != NULL && strstr (text, needle) != NULL;
}

#define assert_contains(dialog, needle, expected) \
  G_STMT_START { \
    if (contains ((dialog), (needle)) != (expected)) \
      g_error ("the export %s “%s”", (expected) ? "lacks" : "has", (needle)); \
  } G_STMT_END

/* The export is of @expected's connection, and of no other. */
static void
assert_export_of (TnExportDialog *dialog,
                  const Expected *expected,
                  const Expected *other)
{
  assert_contains (dialog, expected->id, TRUE);
  assert_contains (dialog, expected->name, TRUE);
  assert_contains (dialog, expected->peer_address, TRUE);
  assert_contains (dialog, expected->peer_cidr, TRUE);
  assert_contains (dialog, expected->cloud_address, TRUE);
  assert_contains (dialog, expected->cloud_cidr, TRUE);
  assert_contains (dialog, other->id, FALSE);
  assert_contains (dialog, other->peer_address, FALSE);
}

typedef struct
{
  TnExportDialog *dialog;
  const char     *needle;
} KeyCheck;

static gboolean
has_key (gpointer data)
{
  KeyCheck *check = data;

  return contains (check->dialog, check->needle);
}

/* Switches the target in the dialog's own picker. */
static void
switch_target (TnExportDialog *dialog,
               TnExportTarget  target)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "target_row")), target);
  g_assert_cmpint (tn_export_dialog_get_target (dialog), ==, target);
}

/* The page rebuilds itself when its resource or the connections change
 * (once shortly after it opens, here): the row once it stayed the same
 * for 300 ms. */
static GtkWidget *
settled_row (TnResourceDetail *detail,
             const char       *name)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *row = tn_resource_detail_get_row (detail, name);
  gint64 since = g_get_monotonic_time ();

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      if (tn_resource_detail_get_row (detail, name) != row)
        {
          row = tn_resource_detail_get_row (detail, name);
          since = g_get_monotonic_time ();
        }
      else if (g_get_monotonic_time () - since > 300 * 1000)
        return row;
      g_usleep (1000);
    }

  g_error ("The detail row “%s” kept changing", name);
}

/* The detail page's “Export…” button; the keyring has no key for this
 * connection, so the dialog says so and offers the cloud's. */
static void
check_from_detail (const char     *region,
                   TnConnection   *connection,
                   const Expected *expected,
                   const Expected *other)
{
  const char *language = g_getenv ("TN_TEST_LANGUAGE") ?: "en";
  TnResourceDetail *detail;
  GtkWidget *button;
  TnExportDialog *dialog;
  GtkSwitch *psk_switch;
  GtkWidget *cloud_button;
  KeyCheck check;

  tn_window_set_section (window, "connections");
  g_assert_true (tn_resource_list_select (connections_list (), TN_RESOURCE (connection)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connections_list ()), "resource.open", NULL));
  g_assert_true (tn_window_is_showing_detail (window));
  detail = TN_RESOURCE_DETAIL (tn_window_get_detail (window));
  g_assert_true (tn_resource_detail_get_resource (detail) == TN_RESOURCE (connection));
  tn_test_wait_frames (GTK_WIDGET (window), 2);

  button = settled_row (detail, "export");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* as Enter or Space on it: pressed, then clicked a moment later */
  g_assert_true (gtk_widget_activate (button));

  dialog = wait_for_dialog ();
  g_assert_cmpint (tn_export_dialog_get_target (dialog), ==, TN_EXPORT_SWANCTL);
  assert_export_of (dialog, expected, other);
  assert_contains (dialog, "<PRE-SHARED-KEY>", TRUE);
  g_assert_false (contains (dialog, expected->psk));
  if (g_str_equal (region, "RegionOne"))
    tn_test_save_screenshot (GTK_WIDGET (dialog), g_str_equal (language, "en") ? "export-dialog-app"
                                                                                : "export-dialog-app-ja");

  /* another target: the same connection, in Libreswan's words */
  switch_target (dialog, TN_EXPORT_LIBRESWAN);
  {
    g_autofree char *conn = g_strdup_printf ("conn %s", expected->name);

    assert_contains (dialog, conn, TRUE);
  }
  assert_export_of (dialog, expected, other);

  /* the key: none in the keyring, which the dialog says; the cloud's on request */
  psk_switch = dialog_child (dialog, "psk_switch");
  cloud_button = dialog_child (dialog, "cloud_psk_button");
  gtk_switch_set_active (psk_switch, TRUE);
  g_assert_true (tn_test_wait_until ((TnTestCondition) gtk_widget_get_visible, cloud_button, 10000));
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "psk_status_label")), ==,
                   _("The keyring has no pre-shared key for this connection."));
  g_assert_false (contains (dialog, expected->psk));
  g_assert_true (gtk_widget_activate (cloud_button));
  check.dialog = dialog;
  check.needle = expected->psk;
  g_assert_true (tn_test_wait_until (has_key, &check, 5000));
  assert_contains (dialog, "<PRE-SHARED-KEY>", FALSE);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "psk_status_box")));

  /* off again: the key goes */
  gtk_switch_set_active (psk_switch, FALSE);
  g_assert_false (contains (dialog, expected->psk));
  assert_contains (dialog, "<PRE-SHARED-KEY>", TRUE);

  tn_test_close_window (GTK_WINDOW (dialog));
  g_assert_true (no_dialog (NULL));
  g_assert_true (tn_window_is_showing_detail (window));
}

/* The row menu's “Export Peer Configuration…” (`resource.export`); the
 * keyring has a key for this connection, which wins over the cloud's. */
static void
check_from_row_menu (const char     *region,
                     TnConnection   *connection,
                     const Expected *expected,
                     const Expected *other)
{
  /* a throwaway key, never printed */
  const char *keyring_psk = "export-app-test-throwaway-key";
  TnExportDialog *dialog;
  KeyCheck check;

  tn_test_store_psk (account_id, TN_RESOURCE (connection), keyring_psk);
  tn_window_set_section (window, "connections");
  g_assert_cmpstr (tn_resource_list_get_page (connections_list ()), ==, "list");
  g_assert_true (tn_resource_list_select (connections_list (), TN_RESOURCE (connection)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connections_list ()), "resource.export", NULL));

  dialog = wait_for_dialog ();
  assert_export_of (dialog, expected, other);

  switch_target (dialog, TN_EXPORT_SHEET_TEXT);
  assert_export_of (dialog, expected, other);

  gtk_switch_set_active (dialog_child (dialog, "psk_switch"), TRUE);
  check.dialog = dialog;
  check.needle = keyring_psk;
  g_assert_true (tn_test_wait_until (has_key, &check, 10000));
  g_assert_false (contains (dialog, expected->psk));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "psk_status_box")));

  gtk_switch_set_active (dialog_child (dialog, "psk_switch"), FALSE);
  g_assert_false (contains (dialog, keyring_psk));

  tn_test_close_window (GTK_WINDOW (dialog));
  g_assert_true (no_dialog (NULL));
}

static void
test_export_from_window (gconstpointer data)
{
  const char *region = data;
  g_autoptr(TnConnection) first = NULL;
  g_autoptr(TnConnection) second = NULL;
  g_autoptr(Expected) first_expected = NULL;
  g_autoptr(Expected) second_expected = NULL;

  sign_in (region);
  tn_window_set_section (window, "connections");
  first = connection_at (0);
  second = connection_at (1);
  first_expected = expected_for (region, first);
  second_expected = expected_for (region, second);
  g_assert_cmpstr (first_expected->peer_address, !=, second_expected->peer_address);

  check_from_detail (region, first, first_expected, second_expected);
  check_from_row_menu (region, second, second_expected, first_expected);
}

int
main (int   argc,
      char *argv[])
{
  static const char *regions[] = { "RegionOne", "jp-east-3" };
  g_autoptr(GError) error = NULL;
  int ret;

  tn_test_gui_init (&argc, &argv);

  state_dir = g_dir_make_tmp ("tn-export-app-XXXXXX", &error);
  g_assert_no_error (error);
  state_file = g_build_filename (state_dir, "sandbox.json", NULL);
  sandbox = tn_sandbox_new (state_file);
  tn_sandbox_set_settle_delay (sandbox, 300);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  window = tn_test_open_window (&app);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export-app/%s", regions[i]);

      g_test_add_data_func (path, regions[i], test_export_from_window);
    }

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);
  /* the state holds the sandbox's (throwaway) keys */
  g_unlink (state_file);
  g_rmdir (state_dir);
  g_free (state_file);
  g_free (state_dir);
  g_free (account_id);

  return ret;
}
