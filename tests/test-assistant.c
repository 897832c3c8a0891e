/* test-assistant.c: the new-connection assistant in every region
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under build-aux/headless-run.sh (Xvfb, private D-Bus, unlocked keyring);
 * the accounts sign in over HTTP on 127.0.0.1 to a sandbox cloud in this
 * process.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-clipboard.h"
#include "tn-connection.h"
#include "tn-connection-assistant.h"
#include "tn-resource-editor.h"
#include "tn-resource-detail.h"
#include "tn-sandbox.h"
#include "tn-secrets.h"
#include "tn-test-gui.h"
#include "tn-window.h"

static const char *regions[] = { "RegionOne", "jp-east-1", "jp-east-2", "jp-east-3" };

static TnApplication *app;
static TnSandbox *sandbox;
static TnWindow *window;
static TnAccount *accounts[G_N_ELEMENTS (regions)];

static TnSessionManager *
sessions (void)
{
  return tn_application_get_sessions (app);
}

static gboolean
session_is_ready (gpointer data)
{
  return tn_session_manager_get_state (sessions ()) == TN_SESSION_STATE_READY;
}

static void
use_region (guint i)
{
  tn_session_manager_activate (sessions (), accounts[i], TN_SANDBOX_PASSWORD);
  g_assert_true (tn_test_wait_until (session_is_ready, NULL, 10000));
}

static gpointer
child (gpointer    assistant,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (assistant), TN_TYPE_CONNECTION_ASSISTANT, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (gpointer    assistant,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (assistant, row)), text);
}

static gboolean
next_enabled (gpointer assistant)
{
  return gtk_widget_is_sensitive (child (assistant, "next_button"));
}

static gboolean
assistant_is_open (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_CONNECTION_ASSISTANT) != NULL;
}

static gboolean
assistant_is_gone (gpointer data)
{
  return !assistant_is_open (data);
}

static gboolean
lists_loaded (gpointer assistant)
{
  return !gtk_widget_get_visible (child (assistant, "spinner")) &&
         adw_combo_row_get_selected (child (assistant, "ike_row")) != GTK_INVALID_LIST_POSITION &&
         adw_combo_row_get_selected (child (assistant, "service_row")) != GTK_INVALID_LIST_POSITION;
}

static gboolean
message_dialog_is_open (gpointer data)
{
  return tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static TnConnectionAssistant *
open_assistant (void)
{
  TnConnectionAssistant *assistant;

  tn_window_set_section (window, "connections");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create", NULL));
  g_assert_true (tn_test_wait_until (assistant_is_open, NULL, 5000));
  assistant = TN_CONNECTION_ASSISTANT (tn_test_find_toplevel (TN_TYPE_CONNECTION_ASSISTANT));
  g_assert_true (tn_test_wait_until (lists_loaded, assistant, 10000));

  return assistant;
}

static void
next (gpointer assistant)
{
  g_assert_true (next_enabled (assistant));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
}

static const char *
step (gpointer assistant)
{
  return gtk_stack_get_visible_child_name (child (assistant, "stack"));
}

/* A bad value blocks Next, and its message shows below the field. */
static void
assert_blocked (gpointer    assistant,
                const char *row,
                const char *value,
                const char *error_row)
{
  set_text (assistant, row, value);
  if (next_enabled (assistant))
    g_error ("“%s” in %s does not block Next", value, row);
  if (!gtk_widget_get_visible (child (assistant, error_row)))
    g_error ("No message for “%s” in %s", value, row);
  g_assert_cmpstr (adw_preferences_row_get_title (child (assistant, error_row)), !=, "");
}

static void
fill_connection_step (gpointer    assistant,
                      const char *name,
                      const char *psk)
{
  set_text (assistant, "name_row", name);
  if (psk != NULL)
    set_text (assistant, "psk_row", psk);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.generate-psk", NULL));
}

static void
test_assistant_validation (void)
{
  TnConnectionAssistant *assistant;
  g_autofree char *long_text = g_strnfill (256, 'x');
  g_autofree char *longer_text = g_strnfill (1000, 'y');
  g_autoptr(GString) japanese = g_string_new (NULL);

  for (int i = 0; i < 256; i++)
    g_string_append (japanese, "接");

  use_region (1);  /* jp-east-1: type A, IPv4 only, exactly one peer CIDR */
  assistant = open_assistant ();
  g_assert_cmpstr (step (assistant), ==, "connection");
  g_assert_false (next_enabled (assistant));

  fill_connection_step (assistant, "validated", NULL);
  g_assert_true (next_enabled (assistant));

  assert_blocked (assistant, "name_row", "", "name_error");
  assert_blocked (assistant, "name_row", "   ", "name_error");
  assert_blocked (assistant, "name_row", long_text, "name_error");
  set_text (assistant, "name_row", "validated");

  assert_blocked (assistant, "description_row", long_text, "description_error");
  assert_blocked (assistant, "description_row", longer_text, "description_error");
  assert_blocked (assistant, "description_row", japanese->str, "description_error");
  set_text (assistant, "description_row", "");

  assert_blocked (assistant, "psk_row", "", "psk_error");
  assert_blocked (assistant, "psk_row", "has\"quote", "psk_error");
  assert_blocked (assistant, "psk_row", "tab\there", "psk_error");
  assert_blocked (assistant, "psk_row", "事前共有鍵", "psk_error");
  assert_blocked (assistant, "psk_row", long_text, "psk_error");
  /* A short key is allowed, with a hint. */
  set_text (assistant, "psk_row", "short-key");
  g_assert_true (next_enabled (assistant));
  g_assert_true (gtk_widget_get_visible (child (assistant, "psk_hint")));
  set_text (assistant, "psk_row", "a-long-enough-pre-shared-key-123");
  g_assert_false (gtk_widget_get_visible (child (assistant, "psk_hint")));

  assert_blocked (assistant, "dpd_interval_row", "0", "dpd_error");
  assert_blocked (assistant, "dpd_interval_row", "-5", "dpd_error");
  assert_blocked (assistant, "dpd_interval_row", "abc", "dpd_error");
  set_text (assistant, "dpd_interval_row", "30");
  assert_blocked (assistant, "dpd_timeout_row", "30", "dpd_error");
  assert_blocked (assistant, "dpd_timeout_row", "10", "dpd_error");
  assert_blocked (assistant, "dpd_timeout_row", "2 minutes", "dpd_error");
  set_text (assistant, "dpd_timeout_row", "120");
  g_assert_true (next_enabled (assistant));

  next (assistant);
  g_assert_cmpstr (step (assistant), ==, "policies");
  next (assistant);
  g_assert_cmpstr (step (assistant), ==, "peer");
  g_assert_false (next_enabled (assistant));

  set_text (assistant, "peer_cidrs_row", "192.168.77.0/24");
  assert_blocked (assistant, "peer_address_row", "203.0.113.300", "peer_address_error");
  assert_blocked (assistant, "peer_address_row", "peer..example.com", "peer_address_error");
  assert_blocked (assistant, "peer_address_row", "2001:db8::1", "peer_address_error");
  assert_blocked (assistant, "peer_address_row", "vpn.example.com", "peer_address_error");
  set_text (assistant, "peer_address_row", "203.0.113.50");
  g_assert_true (next_enabled (assistant));

  assert_blocked (assistant, "peer_cidrs_row", "192.168.77.1/24", "peer_cidrs_error");
  assert_blocked (assistant, "peer_cidrs_row", "192.168.77.0/33", "peer_cidrs_error");
  assert_blocked (assistant, "peer_cidrs_row", "not a network", "peer_cidrs_error");
  assert_blocked (assistant, "peer_cidrs_row", "192.168.77.0/24, 192.168.78.0/24", "peer_cidrs_error");
  assert_blocked (assistant, "peer_cidrs_row", "2001:db8::/64", "peer_cidrs_error");
  set_text (assistant, "peer_cidrs_row", "192.168.77.0/24");
  g_assert_true (next_enabled (assistant));

  /* Back keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL));
  g_assert_cmpstr (step (assistant), ==, "connection");
  g_assert_cmpstr (gtk_editable_get_text (child (assistant, "name_row")), ==, "validated");
  g_assert_cmpstr (gtk_editable_get_text (child (assistant, "psk_row")), ==, "a-long-enough-pre-shared-key-123");

  /* Cancel with input asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_is_open, NULL, 5000));
  g_assert_true (assistant_is_open (NULL));
  tn_test_respond (ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "discard");
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 5000));
}

static GPtrArray *
list_connections (void)
{
  TnSession *session = tn_session_manager_get_session (sessions ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  tn_session_list_async (session, TN_RESOURCE_CONNECTION, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  items = tn_session_list_finish (session, result, &error);
  g_assert_no_error (error);

  return items;
}

static TnConnection *
find_connection (GPtrArray  *items,
                 const char *name,
                 guint      *count)
{
  TnConnection *found = NULL;

  *count = 0;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (tn_resource_get_name (g_ptr_array_index (items, i)), name) == 0)
      {
        found = g_ptr_array_index (items, i);
        (*count)++;
      }

  return found;
}

static char *
lookup_psk (TnConnection *connection)
{
  TnAccount *account = tn_account_manager_get_active (tn_session_manager_get_accounts (sessions ()));
  TnSecretKey key = {
    tn_account_get_id (account), TN_SECRET_PSK, tn_account_get_region (account),
    tn_resource_get_id (TN_RESOURCE (connection)),
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *psk;

  tn_secrets_lookup_async (&key, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  psk = tn_secrets_lookup_finish (result, &error);
  g_assert_no_error (error);

  return psk;
}

static gboolean
review_mentions (gpointer    assistant,
                 const char *text)
{
  g_autoptr(GPtrArray) labels = tn_test_collect_labels (child (assistant, "review_page"));

  for (guint i = 0; i < labels->len; i++)
    if (strstr (g_ptr_array_index (labels, i), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Goes through the four steps and creates; returns the PSK used. */
static char *
run_assistant (const char *name,
               const char *psk,
               const char *peer_address,
               const char *peer_cidr,
               const char *screenshot)
{
  TnConnectionAssistant *assistant = open_assistant ();
  g_autofree char *shot = NULL;
  char *used_psk;
  const char *lang = g_str_equal (g_getenv ("TN_TEST_LANGUAGE") ?: "en", "ja") ? "-ja" : "";

  fill_connection_step (assistant, name, psk);
  used_psk = g_strdup (gtk_editable_get_text (child (assistant, "psk_row")));
  if (screenshot)
    {
      tn_test_wait_frames (GTK_WIDGET (assistant), 3);
      shot = g_strdup_printf ("assistant-1-%s%s", screenshot, lang);
      tn_test_save_screenshot (GTK_WIDGET (assistant), shot);
    }
  next (assistant);
  if (screenshot)
    {
      tn_test_wait_frames (GTK_WIDGET (assistant), 3);
      g_free (shot);
      shot = g_strdup_printf ("assistant-2-%s%s", screenshot, lang);
      tn_test_save_screenshot (GTK_WIDGET (assistant), shot);
    }
  next (assistant);
  set_text (assistant, "peer_address_row", peer_address);
  set_text (assistant, "peer_cidrs_row", peer_cidr);
  if (screenshot)
    {
      tn_test_wait_frames (GTK_WIDGET (assistant), 3);
      g_free (shot);
      shot = g_strdup_printf ("assistant-3-%s%s", screenshot, lang);
      tn_test_save_screenshot (GTK_WIDGET (assistant), shot);
    }
  next (assistant);
  g_assert_cmpstr (step (assistant), ==, "review");
  g_assert_true (review_mentions (assistant, name));
  g_assert_true (review_mentions (assistant, peer_address));
  g_assert_false (review_mentions (assistant, used_psk));
  if (screenshot)
    {
      tn_test_wait_frames (GTK_WIDGET (assistant), 3);
      g_free (shot);
      shot = g_strdup_printf ("assistant-4-%s%s", screenshot, lang);
      tn_test_save_screenshot (GTK_WIDGET (assistant), shot);
    }

  next (assistant);  /* Create */
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 10000));

  return used_psk;
}

static void
test_assistant_create (gconstpointer data)
{
  guint region = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_strdup_printf ("created-in-%s", regions[region]);
  g_autofree char *psk = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TnConnection *connection;
  guint count;

  use_region (region);
  psk = run_assistant (name, NULL, "203.0.113.60", "192.168.60.0/24", regions[region]);
  g_assert_cmpuint (strlen (psk), ==, 32);

  items = list_connections ();
  connection = find_connection (items, name, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (tn_connection_get_peer_address (connection), ==, "203.0.113.60");
  g_assert_cmpstr (tn_connection_get_peer_cidrs (connection)[0], ==, "192.168.60.0/24");

  /* The key went to the keyring, under the account, region and id. */
  stored = lookup_psk (connection);
  g_assert_cmpstr (stored, ==, psk);
}

static void
test_assistant_warnings (void)
{
  TnConnectionAssistant *assistant;

  /* Type A: every tunnel of the service drops briefly. */
  use_region (1);
  assistant = open_assistant ();
  fill_connection_step (assistant, "warned", NULL);
  next (assistant);
  next (assistant);
  set_text (assistant, "peer_address_row", "203.0.113.70");
  set_text (assistant, "peer_cidrs_row", "192.168.70.0/24");
  next (assistant);
  g_assert_true (review_mentions (assistant, _("Creating the connection briefly drops every tunnel of its VPN service.")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_is_open, NULL, 5000));
  tn_test_respond (ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "discard");
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 5000));

  /* RegionOne: no such warning. */
  use_region (0);
  assistant = open_assistant ();
  fill_connection_step (assistant, "not-warned", NULL);
  next (assistant);
  next (assistant);
  set_text (assistant, "peer_address_row", "203.0.113.71");
  set_text (assistant, "peer_cidrs_row", "192.168.71.0/24");
  next (assistant);
  g_assert_false (review_mentions (assistant, _("Creating the connection briefly drops every tunnel of its VPN service.")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_is_open, NULL, 5000));
  tn_test_respond (ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "discard");
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 5000));
}

static gboolean
error_is_shown (gpointer assistant)
{
  return gtk_revealer_get_reveal_child (child (assistant, "error_revealer")) &&
         gtk_widget_is_sensitive (child (assistant, "next_button"));
}

/* A Create that fails keeps the input; the retry makes exactly one. */
static void
test_assistant_retry (gconstpointer data)
{
  TnSandboxFaultKind kind = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_strdup_printf ("retried-%u", kind);
  g_autoptr(GPtrArray) items = NULL;
  TnConnectionAssistant *assistant;
  guint count;

  use_region (0);
  assistant = open_assistant ();
  fill_connection_step (assistant, name, "retry-pre-shared-key-0123456789");
  next (assistant);
  next (assistant);
  set_text (assistant, "peer_address_row", "203.0.113.80");
  set_text (assistant, "peer_cidrs_row", "192.168.80.0/24");
  next (assistant);

  tn_sandbox_add_fault (sandbox, "POST", "*/ipsec-site-connections", kind, kind == TN_SANDBOX_FAULT_STATUS ? 503 : 0, 1);
  next (assistant);  /* Create: fails */
  g_assert_true (tn_test_wait_until (error_is_shown, assistant, 10000));
  g_assert_true (assistant_is_open (NULL));
  g_assert_cmpstr (step (assistant), ==, "review");
  g_assert_cmpstr (gtk_editable_get_text (child (assistant, "name_row")), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (child (assistant, "psk_row")), ==, "retry-pre-shared-key-0123456789");

  next (assistant);  /* Create again */
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 10000));

  items = list_connections ();
  g_assert_nonnull (find_connection (items, name, &count));
  g_assert_cmpuint (count, ==, 1);
}

static gboolean
addresses_listed (gpointer assistant)
{
  return gtk_widget_get_first_child (child (assistant, "my_addresses_list")) != NULL;
}

static GtkListBoxRow *
find_address_row (gpointer    assistant,
                  const char *address)
{
  for (GtkWidget *row = gtk_widget_get_first_child (child (assistant, "my_addresses_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), address))
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

/* Both ends in the sandbox, one picked from the user's own addresses: the
 * pair settles ACTIVE. */
static void
test_assistant_pair_active (void)
{
  const char *psk = "pair-pre-shared-key-0123456789ab";
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *one_address = NULL;
  g_autofree char *two_address = NULL;
  TnConnectionAssistant *assistant;
  GtkListBoxRow *row;
  guint count;

  /* RegionOne → jp-east-2 (10.30.0.0/24), chosen from the list. */
  use_region (2);
  {
    TnSession *session = tn_session_manager_get_session (sessions ());
    g_autoptr(GAsyncResult) result = NULL;

    tn_session_list_async (session, TN_RESOURCE_VPN_SERVICE, NULL, tn_test_store_result_cb, &result);
    g_assert_true (tn_test_wait_for_result (&result, 10000));
    services = tn_session_list_finish (session, result, NULL);
    two_address = g_strdup (tn_vpn_service_get_external_v4_ip (g_ptr_array_index (services, 0)));
  }

  use_region (0);
  assistant = open_assistant ();
  fill_connection_step (assistant, "pair-to-east-2", psk);
  next (assistant);
  next (assistant);
  g_assert_true (tn_test_wait_until (addresses_listed, assistant, 10000));
  row = find_address_row (assistant, two_address);
  g_assert_nonnull (row);
  g_signal_emit_by_name (child (assistant, "my_addresses_list"), "row-activated", row);
  g_assert_cmpstr (gtk_editable_get_text (child (assistant, "peer_address_row")), ==, two_address);
  set_text (assistant, "peer_cidrs_row", "10.30.0.0/24");
  next (assistant);
  next (assistant);
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 10000));

  {
    TnSession *session = tn_session_manager_get_session (sessions ());
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) own = NULL;

    tn_session_list_async (session, TN_RESOURCE_VPN_SERVICE, NULL, tn_test_store_result_cb, &result);
    g_assert_true (tn_test_wait_for_result (&result, 10000));
    own = tn_session_list_finish (session, result, NULL);
    one_address = g_strdup (tn_vpn_service_get_external_v4_ip (g_ptr_array_index (own, 0)));
  }

  /* And back, jp-east-2 → RegionOne (10.10.0.0/24). */
  use_region (2);
  run_assistant ("pair-to-regionone", psk, one_address, "10.10.0.0/24", NULL);

  tn_sandbox_settle_now (sandbox);
  items = list_connections ();
  g_assert_cmpstr (tn_resource_get_status (TN_RESOURCE (find_connection (items, "pair-to-regionone", &count))), ==, "ACTIVE");
  use_region (0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_connections ();
  g_assert_cmpstr (tn_resource_get_status (TN_RESOURCE (find_connection (items, "pair-to-east-2", &count))), ==, "ACTIVE");
}

static gboolean
editor_is_open (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR) != NULL;
}

static gboolean
editor_is_gone (gpointer data)
{
  return !editor_is_open (data);
}

/* "+" opens the policy's create form over the assistant, with the zone of
 * the connection's service; the new policy comes back selected. */
static void
create_policy_inline (gpointer    assistant,
                      const char *kind,
                      const char *name)
{
  TnResourceEditor *editor;
  GtkWidget *save;
  AdwComboRow *row = child (assistant, g_str_equal (kind, "ike") ? "ike_row" : "ipsec_row");
  GListModel *names;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.new-policy", "s", kind));
  g_assert_true (tn_test_wait_until (editor_is_open, NULL, 5000));
  editor = TN_RESOURCE_EDITOR (tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (assistant));
  if (GTK_IS_EDITABLE (tn_resource_editor_get_row (editor, "availability_zone")))
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "availability_zone"))),
                     ==, adw_action_row_get_subtitle (child (assistant, "az_row")));
  gtk_editable_set_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "name")), name);
  save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), TN_TYPE_RESOURCE_EDITOR, "save_button"));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (tn_test_wait_until (editor_is_gone, NULL, 10000));

  names = adw_combo_row_get_model (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (row)), ==, name);
}

static void
test_assistant_inline_policies (gconstpointer data)
{
  guint region = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_strdup_printf ("inline-%s", regions[region]);
  g_autofree char *ike_name = g_strdup_printf ("ike-inline-%s", regions[region]);
  g_autofree char *ipsec_name = g_strdup_printf ("ipsec-inline-%s", regions[region]);
  g_autoptr(GPtrArray) items = NULL;
  TnConnectionAssistant *assistant;
  TnConnection *connection;
  TnResource *ike;
  guint count;

  use_region (region);
  assistant = open_assistant ();
  fill_connection_step (assistant, name, NULL);
  next (assistant);
  create_policy_inline (assistant, "ike", ike_name);
  create_policy_inline (assistant, "ipsec", ipsec_name);
  next (assistant);
  set_text (assistant, "peer_address_row", "203.0.113.90");
  set_text (assistant, "peer_cidrs_row", "192.168.90.0/24");
  next (assistant);
  g_assert_true (review_mentions (assistant, ike_name));
  next (assistant);
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 10000));

  items = list_connections ();
  connection = find_connection (items, name, &count);
  g_assert_cmpuint (count, ==, 1);
  ike = tn_store_set_lookup (tn_window_get_stores (window), TN_RESOURCE_IKE_POLICY,
                             tn_connection_get_ikepolicy_id (connection));
  g_assert_nonnull (ike);
  g_assert_cmpstr (tn_resource_get_name (ike), ==, ike_name);

  /* The window shows the new connection. */
  g_assert_true (tn_window_is_showing_detail (window));
  g_assert_cmpstr (tn_resource_get_id (tn_resource_detail_get_resource (TN_RESOURCE_DETAIL (tn_window_get_detail (window)))),
                   ==, tn_resource_get_id (TN_RESOURCE (connection)));
}

/* Cancelling after a policy was made keeps the policy, and says so. */
static void
test_assistant_cancel_keeps_policy (void)
{
  TnConnectionAssistant *assistant;
  AdwMessageDialog *confirm;
  TnResourceStore *store;
  gboolean found = FALSE;

  use_region (0);
  assistant = open_assistant ();
  fill_connection_step (assistant, "never-made", NULL);
  next (assistant);
  create_policy_inline (assistant, "ike", "ike-kept-after-cancel");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_is_open, NULL, 5000));
  confirm = ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "ike-kept-after-cancel"));
  tn_test_respond (confirm, "discard");
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 5000));

  store = tn_store_set_get_store (tn_window_get_stores (window), TN_RESOURCE_IKE_POLICY);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(TnResource) policy = g_list_model_get_item (G_LIST_MODEL (store), i);

      found |= g_strcmp0 (tn_resource_get_name (policy), "ike-kept-after-cancel") == 0;
    }
  g_assert_true (found);
}

static gboolean
has_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

/* From a VPN service's page, the service is chosen already. */
static void
test_assistant_from_service (void)
{
  TnStoreSet *stores;
  TnResourceStore *services;
  g_autoptr(TnResource) service = NULL;
  GtkWidget *add;
  TnConnectionAssistant *assistant;

  use_region (0);
  stores = tn_window_get_stores (window);
  services = tn_store_set_get_store (stores, TN_RESOURCE_VPN_SERVICE);
  g_assert_true (tn_test_wait_until (has_items, services, 10000));
  service = g_list_model_get_item (G_LIST_MODEL (services), 0);
  tn_window_show_resource (window, service);
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  add = tn_resource_detail_get_row (TN_RESOURCE_DETAIL (tn_window_get_detail (window)), "new-connection");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (tn_test_wait_until (assistant_is_open, NULL, 5000));
  assistant = TN_CONNECTION_ASSISTANT (tn_test_find_toplevel (TN_TYPE_CONNECTION_ASSISTANT));
  g_assert_false (gtk_widget_get_sensitive (child (assistant, "service_row")));
  g_assert_cmpstr (adw_combo_row_get_selected (child (assistant, "service_row")) == 0
                     ? tn_resource_get_name (service) : NULL, ==, tn_resource_get_name (service));
  gtk_window_destroy (GTK_WINDOW (assistant));
}

static void
test_assistant_copy_psk (void)
{
  TnConnectionAssistant *assistant;
  GdkClipboard *clipboard;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;

  use_region (0);
  tn_clipboard_set_secret_timeout (1);
  assistant = open_assistant ();
  fill_connection_step (assistant, "copied", "copied-pre-shared-key-0123456789");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.copy-psk", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (assistant));

  gdk_clipboard_read_text_async (clipboard, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 5000));
  text = gdk_clipboard_read_text_finish (clipboard, result, NULL);
  g_assert_cmpstr (text, ==, "copied-pre-shared-key-0123456789");

  /* Within a moment of the timeout, the clipboard no longer holds it. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    gboolean cleared = FALSE;

    while (!cleared && g_get_monotonic_time () < deadline)
      {
        g_clear_object (&result);
        g_clear_pointer (&text, g_free);
        gdk_clipboard_read_text_async (clipboard, NULL, tn_test_store_result_cb, &result);
        g_assert_true (tn_test_wait_for_result (&result, 5000));
        text = gdk_clipboard_read_text_finish (clipboard, result, NULL);
        cleared = g_strcmp0 (text, "copied-pre-shared-key-0123456789") != 0;
        if (!cleared)
          tn_test_wait_frames (GTK_WIDGET (assistant), 10);
      }
    g_assert_true (cleared);
  }

  /* What the user copied since stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.copy-psk", NULL));
  gdk_clipboard_set_text (clipboard, "something the user copied");
  {
    gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      tn_test_wait_frames (GTK_WIDGET (assistant), 1);
  }
  g_clear_object (&result);
  g_clear_pointer (&text, g_free);
  gdk_clipboard_read_text_async (clipboard, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 5000));
  text = gdk_clipboard_read_text_finish (clipboard, result, NULL);
  g_assert_cmpstr (text, ==, "something the user copied");

  gtk_window_destroy (GTK_WINDOW (assistant));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  TnAccountManager *manager;
  int ret;

  tn_test_gui_init (&argc, &argv);

  sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (sandbox, 50);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  app = tn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  manager = tn_session_manager_get_accounts (sessions ());
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      accounts[i] = tn_account_new (tn_sandbox_get_identity_url (sandbox), regions[i]);
      tn_account_set_name (accounts[i], regions[i]);
      tn_account_set_provider (accounts[i], TN_PROVIDER_OPENSTACK);
      tn_account_set_user_name (accounts[i], TN_SANDBOX_USER);
      tn_account_set_user_domain (accounts[i], TN_SANDBOX_USER_DOMAIN);
      tn_account_set_project_name (accounts[i], TN_SANDBOX_PROJECT);
      tn_account_set_project_domain (accounts[i], TN_SANDBOX_PROJECT_DOMAIN);
      tn_account_manager_add (manager, accounts[i]);
      use_region (i);  /* every account signed in: their addresses are offered */
    }

  window = tn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  tn_test_wait_frames (GTK_WIDGET (window), 2);

  g_test_add_func ("/assistant/validation", test_assistant_validation);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assistant/create/%s", regions[i]);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_assistant_create);
    }
  g_test_add_func ("/assistant/warnings", test_assistant_warnings);
  g_test_add_data_func ("/assistant/retry/refused", GUINT_TO_POINTER (TN_SANDBOX_FAULT_STATUS), test_assistant_retry);
  g_test_add_data_func ("/assistant/retry/answer-lost", GUINT_TO_POINTER (TN_SANDBOX_FAULT_MALFORMED), test_assistant_retry);
  g_test_add_func ("/assistant/pair-active", test_assistant_pair_active);
  g_test_add_func ("/assistant/copy-psk", test_assistant_copy_psk);
  g_test_add_func ("/assistant/cancel-keeps-policy", test_assistant_cancel_keeps_policy);
  g_test_add_func ("/assistant/from-service", test_assistant_from_service);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assistant/inline-policies/%s", regions[i]);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_assistant_inline_policies);
    }

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_clear_object (&accounts[i]);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);

  return ret;
}
