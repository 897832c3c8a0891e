/* test-psk-keyring.c: a connection's pre-shared key in the keyring, or not
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under build-aux/headless-run.sh; TN_TEST_KEYRING is "unlocked" (a real
 * gnome-keyring-daemon) or "none" (no secret service on the bus).
 */

#include "config.h"

#include "tn-application.h"
#include "tn-connection.h"
#include "tn-connection-assistant.h"
#include "tn-error.h"
#include "tn-resource-editor.h"
#include "tn-sandbox.h"
#include "tn-secrets.h"
#include "tn-test-gui.h"
#include "tn-window.h"

#define FIRST_PSK  "first-pre-shared-key-0123456789"
#define SECOND_PSK "second-pre-shared-key-9876543210"

static GString *log_text;
static TnApplication *app;
static TnSandbox *sandbox;
static TnWindow *window;
static TnAccount *account;

/* Every message, debug ones included (G_MESSAGES_DEBUG=all). */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (log_text, "%s\n", (const char *) fields[i].value);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

static void
append_files (GString    *dump,
              const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_string_append_len (dump, contents, length);
      return;
    }

  /* The keyring's own files are where the keys belong. */
  if (g_str_has_suffix (path, "/keyrings"))
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);

      if (!g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
        append_files (dump, child_path);
    }
}

/* After all of it: no key in the settings, in any file, or in the log. */
static void
test_psk_nowhere_else (void)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *path = g_strdup_printf ("/io/github/tunnels_vpn/Tunnels/accounts/%s/", tn_account_get_id (account));
  g_autoptr(GSettings) account_settings = g_settings_new_with_path (BASE_APP_ID ".Account", path);
  GSettings *all[] = { settings, account_settings };
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (), g_get_user_cache_dir () };
  const char *keys[] = { FIRST_PSK, SECOND_PSK };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) names = NULL;

      g_object_get (all[i], "settings-schema", &schema, NULL);
      names = g_settings_schema_list_keys (schema);
      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autoptr(GVariant) value = g_settings_get_value (all[i], names[j]);
          g_autofree char *text = g_variant_print (value, FALSE);

          g_string_append_printf (dump, "%s\n", text);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    append_files (dump, dirs[i]);

  /* The checks look at real material. */
  g_assert_nonnull (strstr (dump->str, "RegionOne"));
  g_assert_nonnull (strstr (log_text->str, "POST"));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (strstr (dump->str, keys[i]) != NULL)
        g_error ("A pre-shared key is in the settings or a file");
      if (strstr (log_text->str, keys[i]) != NULL)
        g_error ("A pre-shared key is in the log");
    }
}

static gboolean
session_is_ready (gpointer data)
{
  return tn_session_manager_get_state (tn_application_get_sessions (app)) == TN_SESSION_STATE_READY;
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
editor_is_gone (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_RESOURCE_EDITOR) == NULL;
}

static gpointer
child (gpointer    assistant,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (assistant), TN_TYPE_CONNECTION_ASSISTANT, name);
}

static gboolean
ready_to_go (gpointer assistant)
{
  return gtk_widget_is_sensitive (child (assistant, "next_button"));
}

static void
on_created_cb (TnConnectionAssistant *assistant,
               TnResource            *connection,
               gboolean               saved,
               gpointer               user_data)
{
  int *out = user_data;

  *out = saved ? 1 : 0;
  g_object_set_data_full (G_OBJECT (window), "created", g_object_ref (connection), g_object_unref);
}

static char *
lookup_psk (TnResource  *connection,
            GError     **error)
{
  TnSecretKey key = {
    tn_account_get_id (account), TN_SECRET_PSK, tn_account_get_region (account),
    tn_resource_get_id (connection),
  };
  g_autoptr(GAsyncResult) result = NULL;

  tn_secrets_lookup_async (&key, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));

  return tn_secrets_lookup_finish (result, error);
}

static TnResource *
create_connection (int *saved)
{
  TnConnectionAssistant *assistant;

  tn_window_set_section (window, "connections");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create", NULL));
  g_assert_true (tn_test_wait_until (assistant_is_open, NULL, 5000));
  assistant = TN_CONNECTION_ASSISTANT (tn_test_find_toplevel (TN_TYPE_CONNECTION_ASSISTANT));
  g_signal_connect (assistant, "created", G_CALLBACK (on_created_cb), saved);

  gtk_editable_set_text (child (assistant, "name_row"), "keyring-test");
  gtk_editable_set_text (child (assistant, "psk_row"), FIRST_PSK);
  g_assert_true (tn_test_wait_until (ready_to_go, assistant, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  g_assert_true (tn_test_wait_until (ready_to_go, assistant, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  gtk_editable_set_text (child (assistant, "peer_address_row"), "203.0.113.99");
  gtk_editable_set_text (child (assistant, "peer_cidrs_row"), "192.168.99.0/24");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  g_assert_true (tn_test_wait_until (assistant_is_gone, NULL, 10000));

  return g_object_get_data (G_OBJECT (window), "created");
}

static gboolean
settled (gpointer data)
{
  return tn_resource_is_settled (TN_RESOURCE (data));
}

static void
test_psk_stored_replaced_removed (void)
{
  TnStoreSet *stores = tn_window_get_stores (window);
  g_autofree char *psk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  TnResourceEditor *editor;
  TnResource *connection;
  int saved = -1;

  /* Stored on create. */
  connection = g_object_ref (create_connection (&saved));
  g_assert_cmpint (saved, ==, 1);
  psk = lookup_psk (connection, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (psk, ==, FIRST_PSK);
  g_clear_pointer (&psk, g_free);

  /* Replaced on edit. */
  tn_sandbox_settle_now (sandbox);
  g_assert_true (tn_test_wait_until (settled, tn_store_set_lookup (stores, TN_RESOURCE_CONNECTION, tn_resource_get_id (connection)), 10000));
  editor = tn_resource_editor_new_edit (GTK_WINDOW (window), stores,
                                        tn_store_set_lookup (stores, TN_RESOURCE_CONNECTION, tn_resource_get_id (connection)));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (tn_resource_editor_get_row (editor, "psk")), SECOND_PSK);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (editor), TN_TYPE_RESOURCE_EDITOR, "save_button"), "clicked");
  g_assert_true (tn_test_wait_until (editor_is_gone, NULL, 10000));
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&psk, g_free);
        tn_test_wait_frames (GTK_WIDGET (window), 2);
        psk = lookup_psk (connection, &error);
        g_assert_no_error (error);
      }
    while (g_strcmp0 (psk, SECOND_PSK) != 0 && g_get_monotonic_time () < deadline);
  }
  g_assert_cmpstr (psk, ==, SECOND_PSK);
  g_clear_pointer (&psk, g_free);

  /* Removed on delete. */
  tn_sandbox_settle_now (sandbox);
  g_assert_true (tn_test_wait_until (settled, tn_store_set_lookup (stores, TN_RESOURCE_CONNECTION, tn_resource_get_id (connection)), 10000));
  tn_store_set_delete_async (stores, tn_store_set_lookup (stores, TN_RESOURCE_CONNECTION, tn_resource_get_id (connection)),
                             NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  g_assert_true (tn_store_set_delete_finish (stores, result, &error));
  g_assert_no_error (error);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&psk, g_free);
        tn_test_wait_frames (GTK_WIDGET (window), 2);
        psk = lookup_psk (connection, &error);
        g_assert_no_error (error);
      }
    while (psk != NULL && g_get_monotonic_time () < deadline);
  }
  g_assert_null (psk);
  g_object_unref (connection);
}

/* Without a keyring, the connection is made all the same, and the user is
 * told the key was not saved. */
static void
test_psk_no_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *psk = NULL;
  TnResource *connection;
  int saved = -1;

  connection = create_connection (&saved);
  g_assert_nonnull (connection);
  g_assert_cmpint (saved, ==, 0);
  g_assert_cmpstr (tn_connection_get_peer_address (TN_CONNECTION (connection)), ==, "203.0.113.99");

  psk = lookup_psk (connection, &error);
  g_assert_null (psk);
  g_assert_error (error, TN_ERROR, TN_ERROR_KEYRING);
}

int
main (int   argc,
      char *argv[])
{
  const char *keyring = g_getenv ("TN_TEST_KEYRING");
  g_autoptr(GError) error = NULL;
  int ret;

  tn_test_gui_init (&argc, &argv);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (sandbox, 50);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  app = tn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  account = tn_account_new (tn_sandbox_get_identity_url (sandbox), "RegionOne");
  tn_account_set_name (account, "RegionOne");
  tn_account_set_provider (account, TN_PROVIDER_OPENSTACK);
  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);
  tn_account_manager_add (tn_session_manager_get_accounts (tn_application_get_sessions (app)), account);
  tn_session_manager_activate (tn_application_get_sessions (app), account, TN_SANDBOX_PASSWORD);
  g_assert_true (tn_test_wait_until (session_is_ready, NULL, 10000));

  window = tn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  tn_test_wait_frames (GTK_WIDGET (window), 2);

  if (g_strcmp0 (keyring, "none") == 0)
    g_test_add_func ("/psk/no-keyring", test_psk_no_keyring);
  else
    g_test_add_func ("/psk/stored-replaced-removed", test_psk_stored_replaced_removed);
  g_test_add_func ("/psk/nowhere-else", test_psk_nowhere_else);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_clear_object (&account);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);

  return ret;
}
