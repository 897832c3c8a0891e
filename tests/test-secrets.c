/* test-secrets.c: secrets in a real gnome-keyring-daemon, and without one
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by build-aux/headless-run.sh; TN_TEST_KEYRING says which keyring
 * the run has: "unlocked", "locked" or "none".
 */

#include "config.h"

#include <locale.h>

#include "tn-error.h"
#include "tn-secrets.h"

typedef struct
{
  GMainLoop *loop;
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

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("The keyring did not answer in time");
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
wait_for_result (Wait *wait)
{
  guint timeout = g_timeout_add_seconds (20, on_timeout_cb, NULL);

  g_main_loop_run (wait->loop);
  g_source_remove (timeout);

  return wait->result;
}

static gboolean
store (const TnSecretKey  *key,
       const char         *secret,
       GError            **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ret;

  tn_secrets_store_async (key, "Tunnels test secret", secret, NULL, on_done_cb, &wait);
  ret = tn_secrets_store_finish (wait_for_result (&wait), error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  return ret;
}

static char *
lookup (const TnSecretKey  *key,
        GError            **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  char *ret;

  tn_secrets_lookup_async (key, NULL, on_done_cb, &wait);
  ret = tn_secrets_lookup_finish (wait_for_result (&wait), error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  return ret;
}

static gboolean
delete (const TnSecretKey  *key,
        GError            **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ret;

  tn_secrets_delete_async (key, NULL, on_done_cb, &wait);
  ret = tn_secrets_delete_finish (wait_for_result (&wait), error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  return ret;
}

static gboolean
delete_account (const char  *account_id,
                GError     **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ret;

  tn_secrets_delete_account_async (account_id, NULL, on_done_cb, &wait);
  ret = tn_secrets_delete_account_finish (wait_for_result (&wait), error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  return ret;
}

static void
assert_secret (const TnSecretKey *key,
               const char        *expected)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup (key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
  tn_secrets_free (secret);
}

static const TnSecretKey alice_password = { "account-alice", TN_SECRET_PASSWORD, NULL, NULL };
static const TnSecretKey bob_password = { "account-bob", TN_SECRET_PASSWORD, NULL, NULL };
static const TnSecretKey bob_credential = { "account-bob", TN_SECRET_APP_CREDENTIAL, NULL, NULL };
static const TnSecretKey alice_psk_1 = { "account-alice", TN_SECRET_PSK, "jp-east-1", "conn-1" };
static const TnSecretKey alice_psk_2 = { "account-alice", TN_SECRET_PSK, "jp-east-3", "conn-2" };
static const TnSecretKey bob_psk_1 = { "account-bob", TN_SECRET_PSK, "jp-east-1", "conn-1" };

static void
test_secrets_store_lookup (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store (&alice_password, "alice-pässword", &error));
  g_assert_no_error (error);
  g_assert_true (store (&bob_password, "bob-password", &error));
  g_assert_no_error (error);
  g_assert_true (store (&bob_credential, "bob-app-secret", &error));
  g_assert_no_error (error);

  assert_secret (&alice_password, "alice-pässword");
  assert_secret (&bob_password, "bob-password");
  assert_secret (&bob_credential, "bob-app-secret");

  /* Nothing stored: no secret, and no error. */
  {
    const TnSecretKey nobody = { "account-nobody", TN_SECRET_PASSWORD, NULL, NULL };

    assert_secret (&nobody, NULL);
  }
}

static void
test_secrets_replace (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store (&alice_password, "first", &error));
  g_assert_true (store (&alice_password, "second", &error));
  g_assert_no_error (error);
  assert_secret (&alice_password, "second");
  assert_secret (&bob_password, "bob-password");
}

static void
test_secrets_psk_keys (void)
{
  g_autoptr(GError) error = NULL;

  /* The same connection id in two accounts, and two regions of one. */
  g_assert_true (store (&alice_psk_1, "alice-psk-1", &error));
  g_assert_true (store (&alice_psk_2, "alice-psk-2", &error));
  g_assert_true (store (&bob_psk_1, "bob-psk-1", &error));
  g_assert_no_error (error);

  assert_secret (&alice_psk_1, "alice-psk-1");
  assert_secret (&alice_psk_2, "alice-psk-2");
  assert_secret (&bob_psk_1, "bob-psk-1");

  /* A PSK is not an account's password. */
  assert_secret (&alice_password, "second");
}

static void
test_secrets_delete (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (delete (&alice_psk_2, &error));
  g_assert_no_error (error);
  assert_secret (&alice_psk_2, NULL);
  assert_secret (&alice_psk_1, "alice-psk-1");

  /* Deleting what is not there is no error. */
  g_assert_true (delete (&alice_psk_2, &error));
  g_assert_no_error (error);
}

static void
test_secrets_delete_account (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (delete_account ("account-alice", &error));
  g_assert_no_error (error);

  assert_secret (&alice_password, NULL);
  assert_secret (&alice_psk_1, NULL);
  assert_secret (&alice_psk_2, NULL);

  /* The other account keeps everything. */
  assert_secret (&bob_password, "bob-password");
  assert_secret (&bob_credential, "bob-app-secret");
  assert_secret (&bob_psk_1, "bob-psk-1");

  g_assert_true (delete_account ("account-bob", &error));
  g_assert_no_error (error);
  assert_secret (&bob_psk_1, NULL);
}

/* Without a usable keyring every operation fails, quickly and with the
 * documented error, and nothing hangs waiting for a prompt. */
static void
test_secrets_unavailable (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  g_assert_false (store (&alice_password, "never-stored", &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_null (strstr (error->message, "never-stored"));
  g_clear_error (&error);

  /* No secret comes back. Without a secret service that is an error; a
   * locked keyring holds nothing Tunnels could read, so it finds none. */
  secret = lookup (&alice_password, &error);
  g_assert_null (secret);
  if (g_str_equal (g_getenv ("TN_TEST_KEYRING"), "none"))
    g_assert_error (error, TN_ERROR, TN_ERROR_KEYRING);
  else if (error != NULL)
    g_assert_error (error, TN_ERROR, TN_ERROR_KEYRING);
}

int
main (int   argc,
      char *argv[])
{
  const char *keyring = g_getenv ("TN_TEST_KEYRING");

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (keyring, "unlocked") == 0)
    {
      g_test_add_func ("/secrets/store-lookup", test_secrets_store_lookup);
      g_test_add_func ("/secrets/replace", test_secrets_replace);
      g_test_add_func ("/secrets/psk-keys", test_secrets_psk_keys);
      g_test_add_func ("/secrets/delete", test_secrets_delete);
      g_test_add_func ("/secrets/delete-account", test_secrets_delete_account);
    }
  else if (g_strcmp0 (keyring, "locked") == 0 || g_strcmp0 (keyring, "none") == 0)
    {
      g_test_add_func ("/secrets/unavailable", test_secrets_unavailable);
    }
  else
    {
      g_printerr ("TN_TEST_KEYRING must be unlocked, locked or none\n");
      return 1;
    }

  return g_test_run ();
}
