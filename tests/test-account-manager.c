/* test-account-manager.c: accounts in GSettings, their secrets in the keyring
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a private session with a real gnome-keyring-daemon
 * (build-aux/headless-run.sh) and the memory GSettings backend.
 */

#include "config.h"

#include <locale.h>

#include "tn-account-manager.h"
#include "tn-secrets.h"

#define ALICE_PASSWORD "alice-very-secret-password"
#define BOB_SECRET     "bob-application-credential-secret"
#define ALICE_PSK      "alice-pre-shared-key-0123456789"

static GSettings *settings;

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  wait->loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (wait->loop);
  g_main_loop_unref (wait->loop);
  return wait->result;
}

static void
store_secret (const TnSecretKey *key,
              const char        *secret)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  tn_secrets_store_async (key, "Tunnels test", secret, NULL, on_done_cb, &wait);
  g_assert_true (tn_secrets_store_finish (wait_for (&wait), &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
}

static char *
lookup_secret (const TnSecretKey *key)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  char *secret;

  tn_secrets_lookup_async (key, NULL, on_done_cb, &wait);
  secret = tn_secrets_lookup_finish (wait_for (&wait), &error);
  g_assert_no_error (error);
  g_object_unref (wait.result);

  return secret;
}

static TnAccount *
make_alice (void)
{
  TnAccount *account = tn_account_new ("https://identity.jp-east-1.cloud.global.fujitsu.com", "jp-east-1");

  tn_account_set_name (account, "Alice (East Japan 1)");
  tn_account_set_provider (account, TN_PROVIDER_FJCLOUD);
  tn_account_set_user_name (account, "alice");
  tn_account_set_user_domain (account, "12345678");
  tn_account_set_project_name (account, "alice-project");
  tn_account_set_project_domain (account, "12345678");

  return account;
}

static TnAccount *
make_bob (void)
{
  TnAccount *account = tn_account_new ("http://127.0.0.1:5000/v3", "RegionOne");

  tn_account_set_name (account, "Bob");
  tn_account_set_provider (account, TN_PROVIDER_OPENSTACK);
  tn_account_set_application_credential_id (account, "bob-credential-id");
  tn_account_set_project_id (account, "3f6a0c3a7a6f4e5c9e0d2b1a4c5d6e7f");

  return account;
}

/* Every string in every key of the app's settings and each account's. */
static char *
dump_settings (TnAccountManager *manager)
{
  GString *dump = g_string_new (NULL);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (manager));

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s=%s\n", keys[i], text);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (manager), i);
      g_autofree char *path = g_strdup_printf ("/io/github/tunnels_vpn/Tunnels/accounts/%s/",
                                               tn_account_get_id (account));
      g_autoptr(GSettings) account_settings = g_settings_new_with_path (BASE_APP_ID ".Account", path);
      const char * const *names = tn_account_list_properties ();

      for (guint j = 0; names[j]; j++)
        {
          g_autofree char *value = g_settings_get_string (account_settings, names[j]);

          g_string_append_printf (dump, "%s%s=%s\n", path, names[j], value);
        }
    }

  return g_string_free (dump, FALSE);
}

static void
test_accounts_persist (void)
{
  g_autoptr(TnAccountManager) manager = tn_account_manager_new (settings);
  g_autoptr(TnAccount) alice = make_alice ();
  g_autoptr(TnAccount) bob = make_bob ();
  g_autoptr(TnAccountManager) reloaded = NULL;
  TnAccount *loaded;
  g_autofree char *dump = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_null (tn_account_manager_get_active (manager));

  tn_account_manager_add (manager, alice);
  tn_account_manager_add (manager, bob);
  g_assert_true (g_uuid_string_is_valid (tn_account_get_id (alice)));
  g_assert_cmpstr (tn_account_get_id (alice), !=, tn_account_get_id (bob));
  /* The first account added becomes the active one. */
  g_assert_true (tn_account_manager_get_active (manager) == alice);

  /* Their secrets go to the keyring, under their ids. */
  store_secret (&(TnSecretKey) { tn_account_get_id (alice), TN_SECRET_PASSWORD, NULL, NULL }, ALICE_PASSWORD);
  store_secret (&(TnSecretKey) { tn_account_get_id (bob), TN_SECRET_APP_CREDENTIAL, NULL, NULL }, BOB_SECRET);
  store_secret (&(TnSecretKey) { tn_account_get_id (alice), TN_SECRET_PSK, "jp-east-1", "conn-1" }, ALICE_PSK);

  tn_account_manager_set_active (manager, bob);

  /* As after a restart. */
  reloaded = tn_account_manager_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  loaded = tn_account_manager_lookup (reloaded, tn_account_get_id (alice));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (tn_account_get_name (loaded), ==, "Alice (East Japan 1)");
  g_assert_cmpstr (tn_account_get_provider (loaded), ==, TN_PROVIDER_FJCLOUD);
  g_assert_cmpstr (tn_account_get_identity_url (loaded), ==, "https://identity.jp-east-1.cloud.global.fujitsu.com");
  g_assert_cmpstr (tn_account_get_user_domain (loaded), ==, "12345678");
  g_assert_null (tn_account_get_project_id (loaded));
  g_assert_null (tn_account_get_application_credential_id (loaded));
  g_assert_cmpint (tn_account_get_auth_method (loaded), ==, TN_AUTH_PASSWORD);

  loaded = tn_account_manager_get_active (reloaded);
  g_assert_cmpstr (tn_account_get_id (loaded), ==, tn_account_get_id (bob));
  g_assert_cmpint (tn_account_get_auth_method (loaded), ==, TN_AUTH_APPLICATION_CREDENTIAL);

  /* An edit is saved as it is made. */
  tn_account_set_region (loaded, "RegionTwo");
  g_clear_object (&reloaded);
  reloaded = tn_account_manager_new (settings);
  g_assert_cmpstr (tn_account_get_region (tn_account_manager_lookup (reloaded, tn_account_get_id (bob))), ==, "RegionTwo");

  /* No secret in the settings. */
  dump = dump_settings (reloaded);
  g_assert_nonnull (strstr (dump, "alice-project"));
  g_assert_null (strstr (dump, ALICE_PASSWORD));
  g_assert_null (strstr (dump, BOB_SECRET));
  g_assert_null (strstr (dump, ALICE_PSK));
}

static void
test_accounts_remove (void)
{
  g_autoptr(TnAccountManager) manager = tn_account_manager_new (settings);
  g_autoptr(TnAccountManager) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  TnAccount *alice, *bob;
  g_autofree char *alice_id = NULL;
  char *secret;
  Wait wait = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 2);
  alice = g_list_model_get_item (G_LIST_MODEL (manager), 0);
  bob = g_list_model_get_item (G_LIST_MODEL (manager), 1);
  g_object_unref (alice);
  g_object_unref (bob);
  alice_id = g_strdup (tn_account_get_id (alice));
  tn_account_manager_set_active (manager, alice);

  tn_account_manager_remove_async (manager, alice, NULL, on_done_cb, &wait);
  /* Gone from the list at once… */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_true (tn_account_manager_get_active (manager) == bob);
  g_assert_true (tn_account_manager_remove_finish (manager, wait_for (&wait), &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);

  /* …from the settings… */
  reloaded = tn_account_manager_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_null (tn_account_manager_lookup (reloaded, alice_id));
  {
    g_autofree char *path = g_strdup_printf ("/io/github/tunnels_vpn/Tunnels/accounts/%s/", alice_id);
    g_autoptr(GSettings) gone = g_settings_new_with_path (BASE_APP_ID ".Account", path);
    g_autoptr(GVariant) user = g_settings_get_user_value (gone, "user-name");

    g_assert_null (user);
  }

  /* …and its secrets from the keyring, PSKs included; Bob keeps his. */
  secret = lookup_secret (&(TnSecretKey) { alice_id, TN_SECRET_PASSWORD, NULL, NULL });
  g_assert_null (secret);
  secret = lookup_secret (&(TnSecretKey) { alice_id, TN_SECRET_PSK, "jp-east-1", "conn-1" });
  g_assert_null (secret);
  secret = lookup_secret (&(TnSecretKey) { tn_account_get_id (bob), TN_SECRET_APP_CREDENTIAL, NULL, NULL });
  g_assert_cmpstr (secret, ==, BOB_SECRET);
  tn_secrets_free (secret);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  settings = g_settings_new (BASE_APP_ID);

  g_test_add_func ("/accounts/persist", test_accounts_persist);
  g_test_add_func ("/accounts/remove", test_accounts_remove);

  ret = g_test_run ();
  g_clear_object (&settings);

  return ret;
}
