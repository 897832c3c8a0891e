/* tn-secrets.c: passwords, credential secrets and pre-shared keys in the keyring
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSecrets"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "tn-error.h"
#include "tn-secrets.h"

/*
 * Secrets live only in the keyring (inside Flatpak, through the Secret
 * portal). Nothing here logs a secret: debug messages name the account,
 * the kind and the resource, never the value.
 */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID, SECRET_SCHEMA_NONE,
    {
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "region", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "resource", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static const char *
kind_to_string (TnSecretKind kind)
{
  switch (kind)
    {
    case TN_SECRET_PASSWORD:
      return "password";
    case TN_SECRET_APP_CREDENTIAL:
      return "application-credential";
    case TN_SECRET_PSK:
      return "psk";
    default:
      g_return_val_if_reached ("unknown");
    }
}

/* libsecret keeps the table for the whole operation: it owns copies. */
static GHashTable *
new_attributes (const char *account_id)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "account", g_strdup (account_id));

  return attributes;
}

static GHashTable *
key_to_attributes (const TnSecretKey *key)
{
  GHashTable *attributes = new_attributes (key->account_id);

  g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind_to_string (key->kind)));
  if (key->region != NULL)
    g_hash_table_insert (attributes, (gpointer) "region", g_strdup (key->region));
  if (key->resource_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "resource", g_strdup (key->resource_id));

  return attributes;
}

/* Every keyring failure but cancellation becomes TN_ERROR_KEYRING; the
 * cause (which names no secret) goes to the debug log. A dismissed unlock
 * prompt fails without any cause. */
static GError *
keyring_error (GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return cause;

  g_debug ("Keyring failed: %s", cause ? cause->message : "the keyring stayed locked");
  g_clear_error (&cause);

  return g_error_new_literal (TN_ERROR, TN_ERROR_KEYRING,
                              _("The keyring is not available, so the secret is kept only until Tunnels quits."));
}

static void
on_store_finished_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error) || error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tn_secrets_store_async:
 * @key: where the secret goes
 * @label: the label the keyring shows, e.g. “Tunnels: PSK of vpn-1 (jp-east-1)”
 * @secret: the secret; Tunnels keeps no copy
 *
 * Stores @secret, replacing the one stored under @key before.
 */
void
tn_secrets_store_async (const TnSecretKey   *key,
                        const char          *label,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (key != NULL && key->account_id != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_secrets_store_async);

  g_debug ("Storing the %s of account %s%s%s", kind_to_string (key->kind), key->account_id,
           key->resource_id ? ", resource " : "", key->resource_id ? key->resource_id : "");

  attributes = key_to_attributes (key);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                          label, secret, cancellable, on_store_finished_cb, task);
}

gboolean
tn_secrets_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_secrets_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The lookup runs in a thread: talking to the secret service is several
 * round trips (the bus, the service, a session, the search, the secret),
 * and at start-up they go on while the main thread initialises GTK and
 * builds the window, instead of one main loop iteration after another. */
static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookupv_sync (get_schema (), task_data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

/**
 * tn_secrets_lookup_async:
 *
 * Looks up the secret stored under @key (in a thread).
 */
void
tn_secrets_lookup_async (const TnSecretKey   *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL && key->account_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_secrets_lookup_async);
  g_task_set_name (task, "[tunnels] keyring lookup");
  g_task_set_task_data (task, key_to_attributes (key), (GDestroyNotify) g_hash_table_unref);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * tn_secrets_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret, to be freed with
 *   tn_secrets_free(), or %NULL with no error set when the keyring holds
 *   none under that key
 */
char *
tn_secrets_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_secrets_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_clear_finished_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to delete. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_attributes (GHashTable          *attributes,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  secret_password_clearv (get_schema (), attributes, cancellable, on_clear_finished_cb, task);
}

/**
 * tn_secrets_delete_async:
 *
 * Deletes the secret stored under @key; deleting one that is not there
 * is no error.
 */
void
tn_secrets_delete_async (const TnSecretKey   *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (key != NULL && key->account_id != NULL);

  g_debug ("Deleting the %s of account %s", kind_to_string (key->kind), key->account_id);
  attributes = key_to_attributes (key);
  clear_attributes (attributes, tn_secrets_delete_async, cancellable, callback, user_data);
}

gboolean
tn_secrets_delete_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_secrets_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tn_secrets_delete_account_async:
 *
 * Deletes every secret of an account: its password or credential secret
 * and the pre-shared keys of its connections.
 */
void
tn_secrets_delete_account_async (const char          *account_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account_id != NULL);

  g_debug ("Deleting every secret of account %s", account_id);
  attributes = new_attributes (account_id);
  clear_attributes (attributes, tn_secrets_delete_account_async, cancellable, callback, user_data);
}

gboolean
tn_secrets_delete_account_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_secrets_delete_account_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tn_secrets_free:
 *
 * Wipes and frees a secret returned by tn_secrets_lookup_finish().
 */
void
tn_secrets_free (char *secret)
{
  secret_password_free (secret);
}
