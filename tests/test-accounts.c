/* test-accounts.c: adding, switching and removing accounts in the real window
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under build-aux/headless-run.sh: Xvfb, a private D-Bus session with an
 * unlocked gnome-keyring-daemon, temporary XDG dirs. The accounts sign in
 * for real, over HTTP on 127.0.0.1, to a sandbox cloud in this process.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tn-account-dialog.h"
#include "tn-application.h"
#include "tn-sandbox.h"
#include "tn-secrets.h"
#include "tn-test-gui.h"
#include "tn-window.h"

#define WRONG_PASSWORD    "this-is-not-the-password"
#define CREDENTIAL_ID     "tunnels-test-credential"
#define CREDENTIAL_SECRET "tunnels-test-credential-secret-0123"

static TnApplication *app;
static TnSandbox *sandbox;
static TnWindow *window;

static TnSessionManager *
sessions (void)
{
  return tn_application_get_sessions (app);
}

static TnAccountManager *
accounts (void)
{
  return tn_session_manager_get_accounts (sessions ());
}

static guint
n_accounts (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (accounts ()));
}

static gpointer
child (gpointer    dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), TN_TYPE_ACCOUNT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (gpointer    dialog,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, row)), text);
}

static const char *
get_text (gpointer    dialog,
          const char *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (dialog, row)));
}

static gboolean
dialog_is_open (gpointer data)
{
  return tn_test_find_toplevel (TN_TYPE_ACCOUNT_DIALOG) != NULL;
}

static gboolean
dialog_is_gone (gpointer data)
{
  return !dialog_is_open (data);
}

static gboolean
error_is_shown (gpointer dialog)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer")));
}

static gboolean
session_is_ready (gpointer data)
{
  return tn_session_manager_get_state (sessions ()) == TN_SESSION_STATE_READY;
}

static TnAccountDialog *
open_add_dialog (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "add-account", NULL);
  g_assert_true (tn_test_wait_until (dialog_is_open, NULL, 5000));

  return TN_ACCOUNT_DIALOG (tn_test_find_toplevel (TN_TYPE_ACCOUNT_DIALOG));
}

static void
click (gpointer    dialog,
       const char *button)
{
  GtkWidget *widget = child (dialog, button);

  g_assert_true (gtk_widget_is_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
}

static char *
lookup_secret (TnAccount    *account,
               TnSecretKind  kind)
{
  TnSecretKey key = { tn_account_get_id (account), kind, NULL, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  tn_secrets_lookup_async (&key, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  secret = tn_secrets_lookup_finish (result, &error);
  g_assert_no_error (error);

  return secret;
}

static void
fill_openstack (gpointer    dialog,
                const char *password)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "provider_row")), 1);
  set_text (dialog, "identity_url_row", tn_sandbox_get_identity_url (sandbox));
  set_text (dialog, "region_row", "RegionOne");
  set_text (dialog, "user_name_row", TN_SANDBOX_USER);
  set_text (dialog, "user_domain_row", TN_SANDBOX_USER_DOMAIN);
  set_text (dialog, "password_row", password);
  set_text (dialog, "project_row", TN_SANDBOX_PROJECT);
  set_text (dialog, "project_domain_row", TN_SANDBOX_PROJECT_DOMAIN);
  set_text (dialog, "name_row", "Lab RegionOne");
}

static void
test_accounts_add (void)
{
  TnAccountDialog *dialog;
  TnAccount *account;
  g_autofree char *secret = NULL;

  g_assert_cmpuint (n_accounts (), ==, 0);

  dialog = open_add_dialog ();
  /* Nothing to sign in with yet. */
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "sign_in_button")));

  /* FJcloud-O asks for the contract number, in the portal's words. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "provider_row")), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (child (dialog, "user_domain_row")), ==, _("Contract Number"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "identity_url_row")));
  set_text (dialog, "user_name_row", "tanaka");
  set_text (dialog, "user_domain_row", "12345678");
  set_text (dialog, "project_row", "production");
  tn_test_wait_frames (GTK_WIDGET (dialog), 3);
  tn_test_save_screenshot (GTK_WIDGET (dialog),
                           g_str_equal (g_getenv ("TN_TEST_LANGUAGE") ?: "en", "ja") ? "account-dialog-ja" : "account-dialog");

  /* A wrong password: the error shows in the dialog, every field stays. */
  fill_openstack (dialog, WRONG_PASSWORD);
  click (dialog, "sign_in_button");
  g_assert_true (tn_test_wait_until (error_is_shown, dialog, 10000));
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "error_label")), !=, "");
  g_assert_true (dialog_is_open (NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "provider_row"))), ==, 1);
  g_assert_cmpstr (get_text (dialog, "identity_url_row"), ==, tn_sandbox_get_identity_url (sandbox));
  g_assert_cmpstr (get_text (dialog, "region_row"), ==, "RegionOne");
  g_assert_cmpstr (get_text (dialog, "user_name_row"), ==, TN_SANDBOX_USER);
  g_assert_cmpstr (get_text (dialog, "user_domain_row"), ==, TN_SANDBOX_USER_DOMAIN);
  g_assert_cmpstr (get_text (dialog, "password_row"), ==, WRONG_PASSWORD);
  g_assert_cmpstr (get_text (dialog, "project_row"), ==, TN_SANDBOX_PROJECT);
  g_assert_cmpstr (get_text (dialog, "name_row"), ==, "Lab RegionOne");
  g_assert_cmpuint (n_accounts (), ==, 0);

  /* The right one: the account is stored, active and signed in. */
  set_text (dialog, "password_row", TN_SANDBOX_PASSWORD);
  click (dialog, "sign_in_button");
  g_assert_true (tn_test_wait_until (dialog_is_gone, NULL, 10000));
  g_assert_cmpuint (n_accounts (), ==, 1);
  account = tn_account_manager_get_active (accounts ());
  g_assert_cmpstr (tn_account_get_name (account), ==, "Lab RegionOne");
  g_assert_cmpstr (tn_account_get_user_name (account), ==, TN_SANDBOX_USER);
  g_assert_cmpint (tn_session_manager_get_state (sessions ()), ==, TN_SESSION_STATE_READY);
  g_assert_true (tn_session_get_account (tn_session_manager_get_session (sessions ())) == account);

  /* Its password went to the keyring. */
  secret = lookup_secret (account, TN_SECRET_PASSWORD);
  g_assert_cmpstr (secret, ==, TN_SANDBOX_PASSWORD);
}

static void
test_accounts_cancel (void)
{
  TnAccountDialog *dialog = open_add_dialog ();
  guint fault;

  /* Cancel aborts a sign-in that hangs, and keeps the input. */
  fault = tn_sandbox_add_fault (sandbox, "POST", "*/auth/tokens", TN_SANDBOX_FAULT_LATENCY, 30000, 0);
  fill_openstack (dialog, TN_SANDBOX_PASSWORD);
  click (dialog, "sign_in_button");
  g_assert_true (gtk_widget_get_visible (child (dialog, "spinner")));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "sign_in_button")));
  click (dialog, "cancel_button");
  g_assert_false (gtk_widget_get_visible (child (dialog, "spinner")));
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "sign_in_button")));
  g_assert_cmpstr (get_text (dialog, "user_name_row"), ==, TN_SANDBOX_USER);
  g_assert_cmpuint (n_accounts (), ==, 1);
  tn_sandbox_remove_fault (sandbox, fault);

  /* Now Cancel closes it, adding nothing. */
  click (dialog, "cancel_button");
  g_assert_true (tn_test_wait_until (dialog_is_gone, NULL, 5000));
  g_assert_cmpuint (n_accounts (), ==, 1);
}

static void
test_accounts_switch (void)
{
  TnAccountDialog *dialog;
  TnAccount *first, *second;
  GCancellable *before;
  g_autofree char *secret = NULL;

  first = tn_account_manager_get_active (accounts ());

  /* A second account, with an application credential, in type B. */
  tn_sandbox_add_app_credential (sandbox, CREDENTIAL_ID, CREDENTIAL_SECRET);
  dialog = open_add_dialog ();
  fill_openstack (dialog, "");
  set_text (dialog, "region_row", "jp-east-3");
  set_text (dialog, "name_row", "Lab East 3");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "method_row")), 1);
  g_assert_false (gtk_widget_get_visible (child (dialog, "password_row")));
  set_text (dialog, "credential_id_row", CREDENTIAL_ID);
  set_text (dialog, "credential_secret_row", CREDENTIAL_SECRET);
  click (dialog, "sign_in_button");
  g_assert_true (tn_test_wait_until (dialog_is_gone, NULL, 10000));

  g_assert_cmpuint (n_accounts (), ==, 2);
  second = tn_account_manager_get_active (accounts ());
  g_assert_true (second != first);
  g_assert_cmpstr (tn_account_get_region (second), ==, "jp-east-3");
  g_assert_cmpint (tn_account_get_auth_method (second), ==, TN_AUTH_APPLICATION_CREDENTIAL);
  secret = lookup_secret (second, TN_SECRET_APP_CREDENTIAL);
  g_assert_cmpstr (secret, ==, CREDENTIAL_SECRET);

  /* Switching back is instant, and cancels the work of the other account. */
  before = g_object_ref (tn_session_manager_get_cancellable (sessions ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "s", tn_account_get_id (first)));
  g_assert_true (g_cancellable_is_cancelled (before));
  g_assert_true (tn_account_manager_get_active (accounts ()) == first);
  g_assert_cmpint (tn_session_manager_get_state (sessions ()), ==, TN_SESSION_STATE_READY);
  g_assert_true (tn_session_get_account (tn_session_manager_get_session (sessions ())) == first);
  g_object_unref (before);

  /* The sandbox account cannot be edited, the others can. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-account", NULL));
  g_assert_true (tn_test_wait_until (dialog_is_open, NULL, 5000));
  dialog = TN_ACCOUNT_DIALOG (tn_test_find_toplevel (TN_TYPE_ACCOUNT_DIALOG));
  g_assert_cmpstr (get_text (dialog, "name_row"), ==, "Lab RegionOne");
  g_assert_cmpstr (get_text (dialog, "password_row"), ==, "");
  click (dialog, "cancel_button");
  g_assert_true (tn_test_wait_until (dialog_is_gone, NULL, 5000));
}

static void
test_accounts_try_sandbox (void)
{
  TnAccount *account;

  g_action_group_activate_action (G_ACTION_GROUP (app), "try-sandbox", NULL);
  account = tn_account_manager_find_provider (accounts (), TN_PROVIDER_SANDBOX);
  g_assert_nonnull (account);
  g_assert_true (tn_account_manager_get_active (accounts ()) == account);
  g_assert_nonnull (tn_application_get_sandbox (app));
  g_assert_true (tn_test_wait_until (session_is_ready, NULL, 10000));

  /* Tunnels made the Sandbox account; there is nothing to edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-account", NULL);
  tn_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_false (dialog_is_open (NULL));
  tn_test_wait_frames (GTK_WIDGET (window), 3);
  tn_test_save_screenshot (GTK_WIDGET (window),
                           g_str_equal (g_getenv ("TN_TEST_LANGUAGE") ?: "en", "ja") ? "sandbox-ja" : "sandbox");
}

static gboolean
message_dialog_is_open (gpointer data)
{
  return tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_accounts_remove (void)
{
  TnAccount *account;
  g_autofree char *id = NULL;
  g_autofree char *secret = NULL;
  AdwMessageDialog *confirm;
  guint n = n_accounts ();

  /* Remove the first account, after a confirmation. */
  account = g_list_model_get_item (G_LIST_MODEL (accounts ()), 0);
  g_object_unref (account);
  id = g_strdup (tn_account_get_id (account));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "s", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-account", NULL));
  g_assert_true (tn_test_wait_until (message_dialog_is_open, NULL, 5000));
  confirm = ADW_MESSAGE_DIALOG (tn_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (confirm), "Lab RegionOne"));
  tn_test_respond (confirm, "remove");

  g_assert_cmpuint (n_accounts (), ==, n - 1);
  g_assert_null (tn_account_manager_lookup (accounts (), id));

  /* Its password is gone from the keyring (the keyring answers later). */
  {
    TnSecretKey key = { id, TN_SECRET_PASSWORD, NULL, NULL };
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    do
      {
        g_clear_object (&result);
        tn_secrets_free (secret);
        tn_secrets_lookup_async (&key, NULL, tn_test_store_result_cb, &result);
        g_assert_true (tn_test_wait_for_result (&result, 10000));
        secret = tn_secrets_lookup_finish (result, &error);
        g_assert_no_error (error);
      }
    while (secret != NULL && g_get_monotonic_time () < deadline);
    g_assert_null (secret);
  }

  /* Another account became the active one. */
  g_assert_nonnull (tn_account_manager_get_active (accounts ()));
}

static void
collect_settings (GString    *dump,
                  GSettings  *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s\n", text);
    }
}

static void
collect_files (GString    *dump,
               const char *path,
               const char *keyrings)
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

  /* The keyring's own files hold the secrets, encrypted: that is where
   * they belong. The sandbox cloud's database holds pre-shared keys as a
   * cloud does; it is not Tunnels' storage. */
  if (g_str_equal (path, keyrings))
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (path, name, NULL);

      if (g_str_equal (name, "sandbox.json"))
        continue;
      if (!g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
        collect_files (dump, child_path, keyrings);
    }
}

static void
test_accounts_no_secrets_stored (void)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *keyrings = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  g_auto(GStrv) tokens = tn_sandbox_dup_tokens (sandbox);
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (), g_get_user_cache_dir () };
  const char *secrets[] = { TN_SANDBOX_PASSWORD, WRONG_PASSWORD, CREDENTIAL_SECRET };
  guint n = n_accounts ();

  collect_settings (dump, settings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts ()), i);
      g_autofree char *path = g_strdup_printf ("/io/github/tunnels_vpn/Tunnels/accounts/%s/", tn_account_get_id (account));
      g_autoptr(GSettings) account_settings = g_settings_new_with_path (BASE_APP_ID ".Account", path);

      collect_settings (dump, account_settings);
    }
  /* The settings are not empty: the check looks at the real thing. */
  g_assert_nonnull (strstr (dump->str, "Lab East 3"));

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    collect_files (dump, dirs[i], keyrings);

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (dump->str, secrets[i]) != NULL)
      g_error ("A secret is stored outside the keyring");
  g_assert_nonnull (tokens[0]);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (strstr (dump->str, tokens[i]) != NULL)
      g_error ("A token is stored outside the keyring");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  tn_test_gui_init (&argc, &argv);

  sandbox = tn_sandbox_new (NULL);
  g_assert_true (tn_sandbox_seed (sandbox, "demo", &error));
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));

  app = tn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = tn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  tn_test_wait_frames (GTK_WIDGET (window), 2);

  g_test_add_func ("/accounts/add", test_accounts_add);
  g_test_add_func ("/accounts/cancel", test_accounts_cancel);
  g_test_add_func ("/accounts/switch", test_accounts_switch);
  g_test_add_func ("/accounts/try-sandbox", test_accounts_try_sandbox);
  g_test_add_func ("/accounts/remove", test_accounts_remove);
  g_test_add_func ("/accounts/no-secrets-stored", test_accounts_no_secrets_stored);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  tn_sandbox_stop (sandbox);
  g_clear_object (&sandbox);

  return ret;
}
