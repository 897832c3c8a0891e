/* test-browse.c: lists, details, edits and deletes in the real window, per region
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under build-aux/headless-run.sh. The window signs in, over HTTP on
 * 127.0.0.1, to a sandbox cloud in this process, in RegionOne (plain
 * OpenStack), jp-east-1 and jp-east-2 (type A) and jp-east-3 (type B).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-resource-detail.h"
#include "tn-resource-editor.h"
#include "tn-resource-list.h"
#include "tn-sandbox.h"
#include "tn-test-gui.h"
#include "tn-window.h"

static const char *regions[] = { "RegionOne", "jp-east-1", "jp-east-2", "jp-east-3" };

static TnApplication *app;
static TnSandbox *sandbox;
static TnWindow *window;

static TnStoreSet *
stores (void)
{
  return tn_window_get_stores (window);
}

static gboolean
is_type_a (const char *region)
{
  return g_str_has_prefix (region, "jp-") && !g_str_has_suffix (region, "-3");
}

static gboolean
is_type_b (const char *region)
{
  return g_str_has_suffix (region, "-3");
}

static TnResourceList *
list_of (const char *name)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (window), TN_TYPE_WINDOW, name);

  g_assert_true (TN_IS_RESOURCE_LIST (list));
  return TN_RESOURCE_LIST (list);
}

static TnResourceList *
list_of_kind (TnResourceKind kind)
{
  const char *names[] = { "ike_policies_list", "ipsec_policies_list", "vpn_services_list", "connections_list" };

  return list_of (names[kind]);
}

static const char *
section_of_kind (TnResourceKind kind)
{
  const char *sections[] = { "ike-policies", "ipsec-policies", "vpn-services", "connections" };

  return sections[kind];
}

static gboolean
stores_ready (gpointer data)
{
  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      TnResourceStore *store = tn_store_set_get_store (stores (), kind);

      if (tn_resource_store_get_state (store) != TN_STORE_STATE_READY || tn_resource_store_get_refreshing (store))
        return FALSE;
      if (tn_resource_list_is_busy (list_of_kind (kind)))
        return FALSE;
    }

  return TRUE;
}

static void
sign_in (const char *region)
{
  tn_test_sign_in_sandbox (app, sandbox, region);
  g_assert_true (tn_test_wait_until (stores_ready, NULL, 20000));
}

static GPtrArray *
column_titles (TnResourceList *list)
{
  GListModel *columns = gtk_column_view_get_columns (tn_resource_list_get_column_view (list));
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_title (column) != NULL)
        g_ptr_array_add (titles, g_strdup (gtk_column_view_column_get_title (column)));
    }

  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  return g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL);
}

#define assert_column(titles, title, expected) \
  G_STMT_START { \
    if (has_title (titles, title) != (expected)) \
      g_error ("column “%s” should %sbe there", title, (expected) ? "" : "not "); \
  } G_STMT_END

/* The seed's columns per region type (SPEC §3). */
static void
check_columns (const char *region)
{
  g_autoptr(GPtrArray) ike = column_titles (list_of ("ike_policies_list"));
  g_autoptr(GPtrArray) ipsec = column_titles (list_of ("ipsec_policies_list"));
  g_autoptr(GPtrArray) services = column_titles (list_of ("vpn_services_list"));
  g_autoptr(GPtrArray) connections = column_titles (list_of ("connections_list"));
  gboolean a = is_type_a (region), b = is_type_b (region);

  assert_column (ike, _("Name"), TRUE);
  assert_column (ike, _("AZ"), a);
  assert_column (ike, _("Status"), b);
  assert_column (ike, _("Authentication Algorithm"), TRUE);
  assert_column (ike, _("Encryption Algorithm"), TRUE);
  assert_column (ike, _("PFS"), TRUE);
  assert_column (ike, _("Description"), TRUE);
  g_assert_cmpstr (g_ptr_array_index (ike, ike->len - 1), ==, _("Description"));

  assert_column (ipsec, _("AZ"), a);
  assert_column (ipsec, _("Status"), b);
  assert_column (ipsec, _("Initiator"), b);
  assert_column (ipsec, _("PFS"), TRUE);

  assert_column (services, _("AZ"), a);
  assert_column (services, _("Status"), TRUE);
  assert_column (services, _("External Address"), TRUE);

  assert_column (connections, _("AZ"), a);
  assert_column (connections, _("Status"), TRUE);
  assert_column (connections, _("Initiator"), !b);
  assert_column (connections, _("IKE Version"), b);
  assert_column (connections, _("Peer Address"), TRUE);
  assert_column (connections, _("VPN Service"), TRUE);
}

static void
screenshot_lists (const char *region)
{
  const char *language = g_getenv ("TN_TEST_LANGUAGE") ?: "en";

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("list-%s-%s-%s", section_of_kind (kind), region, language);

      tn_window_set_section (window, section_of_kind (kind));
      g_assert_cmpstr (tn_resource_list_get_page (list_of_kind (kind)), ==, "list");
      tn_test_wait_frames (GTK_WIDGET (window), 3);
      tn_test_save_screenshot (GTK_WIDGET (window), name);
    }
}

static TnResource *
first_of (TnResourceKind kind)
{
  GListModel *model = tn_resource_list_get_model (list_of_kind (kind));

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

/* A resource of @kind that @used_or_not (connections use it or not). */
static TnResource *
find_resource (TnResourceKind kind,
               gboolean       used)
{
  GListModel *store = G_LIST_MODEL (tn_store_set_get_store (stores (), kind));

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(TnResource) item = g_list_model_get_item (store, i);

      if ((tn_store_set_count_users (stores (), item) > 0) == used)
        return g_steal_pointer (&item);
    }

  g_error ("No %s %s used", tn_resource_kind_get_collection (kind), used ? "is" : "isn't");
}

static GtkWidget *
detail_row (const char *name)
{
  return tn_resource_detail_get_row (TN_RESOURCE_DETAIL (tn_window_get_detail (window)), name);
}

static void
open_detail (TnResource *resource)
{
  TnResourceList *list = list_of_kind (tn_resource_get_kind (resource));

  tn_window_set_section (window, section_of_kind (tn_resource_get_kind (resource)));
  g_assert_true (tn_resource_list_select (list, resource));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "resource.open", NULL));
  g_assert_true (tn_window_is_showing_detail (window));
  g_assert_true (tn_resource_detail_get_resource (TN_RESOURCE_DETAIL (tn_window_get_detail (window))) == resource);
  tn_test_wait_frames (GTK_WIDGET (window), 2);
}

static gboolean
psk_known (gpointer detail)
{
  return tn_resource_detail_get_psk_source (detail) != NULL;
}

#define assert_row(name, expected) \
  G_STMT_START { \
    if ((detail_row (name) != NULL) != (expected)) \
      g_error ("detail row “%s” should %sbe there", name, (expected) ? "" : "not "); \
  } G_STMT_END

static void
check_details (const char *region)
{
  gboolean a = is_type_a (region), b = is_type_b (region);
  g_autoptr(TnResource) connection = first_of (TN_RESOURCE_CONNECTION);
  g_autoptr(TnResource) used = find_resource (TN_RESOURCE_IKE_POLICY, TRUE);
  TnResource *ike;
  const char *language = g_getenv ("TN_TEST_LANGUAGE") ?: "en";
  g_autofree char *shot = g_strdup_printf ("detail-connection-%s-%s", region, language);
  GtkWidget *edit, *psk;

  open_detail (connection);
  assert_row ("name", TRUE);
  assert_row ("id", TRUE);
  assert_row ("status", TRUE);
  assert_row ("availability_zone", a);
  assert_row ("ipsec_endpoint_address", b);
  assert_row ("ike_version", b);
  assert_row ("initiator", !b);
  assert_row ("peer_address", TRUE);
  assert_row ("peer_cidrs", TRUE);
  assert_row ("psk", TRUE);
  assert_row ("dpd.timeout", TRUE);
  assert_row ("edit", TRUE);
  /* Not active: what to compare with the peer. */
  assert_row ("check-0", g_strcmp0 (tn_resource_get_status (connection), "ACTIVE") != 0);
  tn_test_save_screenshot (GTK_WIDGET (window), shot);

  /* The connections changing without a change to this page (here: a
   * change of nothing) keep its widgets, so a screen reader keeps its
   * place and a click lands; a change to what it shows replaces them. */
  g_assert_true (tn_test_wait_until (psk_known, tn_window_get_detail (window), 5000));
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  edit = detail_row ("edit");
  psk = detail_row ("psk");
  g_signal_emit_by_name (tn_store_set_get_store (stores (), TN_RESOURCE_CONNECTION), "items-changed", 0, 0, 0);
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (detail_row ("edit") == edit);
  g_assert_true (detail_row ("psk") == psk);
  g_object_set_data (G_OBJECT (tn_window_get_detail (window)), "tn-psk-revealed", GINT_TO_POINTER (TRUE));
  g_signal_emit_by_name (tn_store_set_get_store (stores (), TN_RESOURCE_CONNECTION), "items-changed", 0, 0, 0);
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (detail_row ("psk") != psk);
  g_object_set_data (G_OBJECT (tn_window_get_detail (window)), "tn-psk-revealed", NULL);

  /* The policy is a link: it opens the policy; Back returns. */
  g_signal_emit_by_name (detail_row ("ikepolicy_id"), "activated");
  ike = tn_resource_detail_get_resource (TN_RESOURCE_DETAIL (tn_window_get_detail (window)));
  g_assert_true (TN_IS_IKE_POLICY (ike));
  g_assert_cmpstr (tn_resource_get_id (ike), ==, tn_connection_get_ikepolicy_id (TN_CONNECTION (connection)));
  assert_row ("availability_zone", a);
  assert_row ("status", b);
  /* 詳細, the server's text on the status: type B only (settled: none) */
  assert_row ("status_description", b);
  if (b)
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (detail_row ("status_description"))), ==, "—");
  assert_row ("ike_version", !b);
  assert_row ("phase1_negotiation_mode", TRUE);
  assert_row ("lifetime.value", TRUE);
  assert_row ("user-0", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_true (tn_resource_detail_get_resource (TN_RESOURCE_DETAIL (tn_window_get_detail (window))) == connection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_false (tn_window_is_showing_detail (window));

  /* A policy in use: Edit and Delete insensitive, and why. */
  open_detail (used);
  g_assert_false (gtk_widget_get_sensitive (detail_row ("edit")));
  g_assert_false (gtk_widget_get_sensitive (detail_row ("delete")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (detail_row ("delete")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (detail_row ("edit")), "“"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));

  /* A service with connections: Edit yes, Delete no. */
  {
    g_autoptr(TnResource) service = find_resource (TN_RESOURCE_VPN_SERVICE, TRUE);

    open_detail (service);
    g_assert_true (gtk_widget_get_sensitive (detail_row ("edit")));
    g_assert_false (gtk_widget_get_sensitive (detail_row ("delete")));
    assert_row ("user-0", TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  }
}

static gboolean
editor_open (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return !editor_open (data);
}

static gpointer
editor_child (TnResourceEditor *editor,
              const char       *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), TN_TYPE_RESOURCE_EDITOR, name);
}

static gboolean
editor_error_shown (gpointer editor)
{
  return gtk_revealer_get_reveal_child (editor_child (editor, "error_revealer")) &&
         !tn_resource_editor_is_busy (editor);
}

static TnResourceEditor *
edit (TnResource *resource)
{
  TnResourceList *list = list_of_kind (tn_resource_get_kind (resource));

  tn_window_set_section (window, section_of_kind (tn_resource_get_kind (resource)));
  g_assert_true (tn_resource_list_select (list, resource));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "resource.edit", NULL));
  g_assert_true (tn_test_wait_until (editor_open, NULL, 5000));

  return TN_RESOURCE_EDITOR (tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR));
}

static char *
server_description (TnResource *resource)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TnResource) shown = NULL;
  g_autoptr(GError) error = NULL;
  TnSession *session = tn_store_set_get_session (stores ());

  tn_session_show_async (session, tn_resource_get_kind (resource), tn_resource_get_id (resource), NULL,
                         tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  shown = tn_session_show_finish (session, result, &error);
  g_assert_no_error (error);

  return g_strdup (tn_resource_get_description (shown));
}

static void
check_edit (const char *region)
{
  g_autoptr(TnResource) policy = find_resource (TN_RESOURCE_IKE_POLICY, FALSE);
  TnResourceEditor *editor;
  GtkWidget *save, *row;
  g_autofree char *described = NULL;
  guint fault;

  /* Save only after a change, and only a valid one. */
  editor = edit (policy);
  save = editor_child (editor, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save));
  row = tn_resource_editor_get_row (editor, "lifetime.value");
  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "5");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  {
    g_autofree char *lifetime = g_strdup_printf ("%d", tn_ike_policy_get_lifetime_value (TN_IKE_POLICY (policy)));

    gtk_editable_set_text (GTK_EDITABLE (row), lifetime);
  }
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Fixed fields are shown, not editable. */
  row = tn_resource_editor_get_row (editor, "phase1_negotiation_mode");
  g_assert_nonnull (row);
  g_assert_cmpint (ADW_IS_COMBO_ROW (row), ==, g_str_equal (region, "RegionOne"));

  /* A server error keeps the window and the input, and says why. */
  fault = tn_sandbox_add_fault (sandbox, "PUT", "*", TN_SANDBOX_FAULT_STATUS, 500, 1);
  gtk_editable_set_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "description")), "edited in the test");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (tn_test_wait_until (editor_error_shown, editor, 10000));
  g_assert_true (editor_open (NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "description"))), ==,
                   "edited in the test");
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "error_label")), !=, "");
  g_assert_cmpstr (tn_resource_get_description (policy), !=, "edited in the test");
  tn_sandbox_remove_fault (sandbox, fault);

  /* Save again: the server and the list have it. */
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (tn_test_wait_until (editor_gone, NULL, 10000));
  g_assert_cmpstr (tn_resource_get_description (policy), ==, "edited in the test");
  described = server_description (policy);
  g_assert_cmpstr (described, ==, "edited in the test");
}

static gboolean
message_dialog_open (gpointer data)
{
  return tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
no_message_dialog (gpointer data)
{
  return tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
check_connection_edit_warning (const char *region)
{
  g_autoptr(TnResource) connection = first_of (TN_RESOURCE_CONNECTION);
  TnResourceList *list = list_of ("connections_list");
  TnResourceEditor *editor;

  g_assert_true (tn_test_wait_until (no_message_dialog, NULL, 5000));
  tn_window_set_section (window, "connections");
  g_assert_true (tn_resource_list_select (list, connection));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "resource.edit", NULL));

  if (is_type_a (region))
    {
      AdwMessageDialog *dialog;

      g_assert_true (tn_test_wait_until (message_dialog_open, NULL, 5000));
      g_assert_false (editor_open (NULL));
      dialog = ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      /* As its button does: answer, then close. */
      adw_message_dialog_response (dialog, "edit");
      tn_test_close_window (GTK_WINDOW (dialog));
    }

  g_assert_true (tn_test_wait_until (editor_open, NULL, 5000));
  editor = TN_RESOURCE_EDITOR (tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR));
  /* The policies cannot change; the peer can. */
  g_assert_false (GTK_IS_EDITABLE (tn_resource_editor_get_row (editor, "ikepolicy_id")));
  g_assert_true (GTK_IS_EDITABLE (tn_resource_editor_get_row (editor, "peer_address")));
  g_assert_cmpint (GTK_IS_EDITABLE (tn_resource_editor_get_row (editor, "dpd.timeout")), ==, !is_type_b (region));
  tn_test_close_window (GTK_WINDOW (editor));
}

static gboolean
resource_gone (gpointer data)
{
  TnResource *resource = data;

  return tn_store_set_lookup (stores (), tn_resource_get_kind (resource), tn_resource_get_id (resource)) == NULL;
}

static gboolean
settled (gpointer data)
{
  return tn_resource_is_settled (data);
}

static void
on_created_cb (TnResourceEditor *editor,
               TnResource       *resource,
               TnResource      **out)
{
  *out = g_object_ref (resource);
}

static void
check_create_and_delete (const char *region)
{
  TnResourceStore *store = tn_store_set_get_store (stores (), TN_RESOURCE_IPSEC_POLICY);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(TnResource) created = NULL;
  TnResourceEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *save;

  /* The create form, with the region's defaults. */
  tn_window_set_section (window, "ipsec-policies");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create", NULL));
  g_assert_true (tn_test_wait_until (editor_open, NULL, 5000));
  editor = TN_RESOURCE_EDITOR (tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR));
  g_signal_connect (editor, "created", G_CALLBACK (on_created_cb), &created);
  save = editor_child (editor, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "lifetime.value"))), ==,
                   g_str_equal (region, "RegionOne") ? "3600" : "2000");
  g_assert_cmpint (GTK_IS_EDITABLE (tn_resource_editor_get_row (editor, "availability_zone")), ==, is_type_a (region));
  gtk_editable_set_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "name")), "made-by-the-form");
  /* The zone of the project's services is offered. */
  if (is_type_a (region))
    g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "availability_zone"))),
                                     region));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  if (!tn_test_wait_until (editor_gone, NULL, 10000))
    g_error ("Not created: %s", gtk_label_get_text (editor_child (editor, "error_label")));
  g_assert_nonnull (created);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n + 1);
  g_assert_true (tn_test_wait_until (stores_ready, NULL, 10000));

  /* In flux (type B builds it): nothing may be done to it yet. */
  if (!tn_resource_is_settled (created))
    {
      open_detail (created);
      if (is_type_b (region))
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (detail_row ("status_description"))), ==,
                         "Creating the policy");
      g_assert_false (gtk_widget_get_sensitive (detail_row ("edit")));
      g_assert_false (gtk_widget_get_sensitive (detail_row ("delete")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
    }
  g_assert_true (tn_test_wait_until (settled, created, 10000));

  /* Delete, after a confirmation that names it. */
  g_assert_true (tn_test_wait_until (no_message_dialog, NULL, 5000));
  tn_window_set_section (window, "ipsec-policies");
  g_assert_true (tn_test_wait_until (stores_ready, NULL, 10000));
  g_assert_true (tn_resource_list_select (list_of ("ipsec_policies_list"), created));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_of ("ipsec_policies_list")), "resource.delete", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_open, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "made-by-the-form"));
  adw_message_dialog_response (dialog, "delete");
  tn_test_close_window (GTK_WINDOW (dialog));
  g_assert_true (tn_test_wait_until (resource_gone, created, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
}

static gboolean
lists_idle (gpointer data)
{
  return !tn_resource_list_is_busy (data) && stores_ready (NULL);
}

static void
check_filter_and_refresh (const char *region)
{
  TnResourceList *list = list_of ("connections_list");
  GListModel *model = tn_resource_list_get_model (list);
  g_autoptr(TnResource) chosen = NULL;
  guint n = g_list_model_get_n_items (model);

  tn_window_set_section (window, "connections");
  chosen = g_list_model_get_item (model, n - 1);
  g_assert_true (tn_resource_list_select (list, chosen));

  /* Search for it: fewer rows, the same one selected. */
  tn_resource_list_set_search (list, tn_resource_get_name (chosen));
  g_assert_true (tn_test_wait_until (lists_idle, list, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n);
  g_test_message ("chosen %s, selected %p, %u rows, wanted at %u", tn_resource_get_name (chosen),
                  tn_resource_list_get_selected (list), g_list_model_get_n_items (model),
                  gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)));
  g_assert_true (tn_resource_list_get_selected (list) == chosen);

  /* Nothing matches: the page says so. */
  tn_resource_list_set_search (list, "no-such-connection-anywhere");
  g_assert_true (tn_test_wait_until (lists_idle, list, 5000));
  g_assert_cmpstr (tn_resource_list_get_page (list), ==, "no-results");
  tn_resource_list_set_search (list, "");
  g_assert_true (tn_test_wait_until (lists_idle, list, 5000));
  g_assert_true (tn_resource_list_select (list, chosen));

  /* F5: the list is refreshed in place; the selection stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (tn_resource_store_get_refreshing (tn_store_set_get_store (stores (), TN_RESOURCE_CONNECTION)));
  g_assert_true (tn_test_wait_until (lists_idle, list, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_true (tn_resource_list_get_selected (list) == chosen);
}

static void
check_load_error (const char *region)
{
  TnResourceList *list = list_of ("vpn_services_list");
  guint fault;

  /* A failed refresh keeps the rows and offers Retry above them. */
  fault = tn_sandbox_add_fault (sandbox, "GET", "*/vpnservices*", TN_SANDBOX_FAULT_STATUS, 503, 0);
  tn_store_set_reload (stores (), TN_RESOURCE_VPN_SERVICE);
  g_assert_true (tn_test_wait_until ((TnTestCondition) gtk_revealer_get_reveal_child,
                                     gtk_widget_get_template_child (GTK_WIDGET (list), TN_TYPE_RESOURCE_LIST, "error_revealer"),
                                     10000));
  g_assert_cmpstr (tn_resource_list_get_page (list), ==, "list");
  tn_sandbox_remove_fault (sandbox, fault);
  tn_store_set_reload (stores (), TN_RESOURCE_VPN_SERVICE);
  g_assert_true (tn_test_wait_until (stores_ready, NULL, 10000));
}

static void
test_browse_region (gconstpointer data)
{
  const char *region = data;

  sign_in (region);
  check_columns (region);
  screenshot_lists (region);
  check_details (region);
  check_edit (region);
  check_connection_edit_warning (region);
  check_create_and_delete (region);
  check_filter_and_refresh (region);
  check_load_error (region);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tn_test_gui_init (&argc, &argv);

  sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (sandbox, 300);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  window = tn_test_open_window (&app);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/browse/%s", regions[i]);

      g_test_add_data_func (path, regions[i], test_browse_region);
    }

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);

  return ret;
}
