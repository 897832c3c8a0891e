/* tn-account-manager.c: the accounts, kept in GSettings and the keyring
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnAccountManager"

#include "config.h"

#include "tn-account-manager.h"
#include "tn-secrets.h"

/*
 * Non-secret account fields live in GSettings: the list of ids in the
 * app's schema, and each account's fields in a relocatable schema at
 * accounts/ID/, bound property by property so an edit is saved as it is
 * made. Passwords and credential secrets never pass through here: they
 * are in the keyring under the account's id (see tn-secrets.c).
 */

#define ACCOUNT_SCHEMA_ID BASE_APP_ID ".Account"

struct _TnAccountManager
{
  GObject     parent_instance;

  GSettings  *settings;
  GListStore *accounts;
  TnAccount  *active;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnAccountManager, tn_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
account_settings_new (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/io/github/tunnels_vpn/Tunnels/accounts/%s/", id);

  return g_settings_new_with_path (ACCOUNT_SCHEMA_ID, path);
}

/* Empty strings in GSettings are unset properties. */
static gboolean
get_mapping (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  const char *text = g_variant_get_string (variant, NULL);

  g_value_set_string (value, *text ? text : NULL);
  return TRUE;
}

static GVariant *
set_mapping (const GValue       *value,
             const GVariantType *expected_type,
             gpointer            user_data)
{
  const char *text = g_value_get_string (value);

  return g_variant_new_string (text ? text : "");
}

static void
bind_account (TnAccount *account)
{
  g_autoptr(GSettings) settings = account_settings_new (tn_account_get_id (account));
  const char * const *names = tn_account_list_properties ();

  for (guint i = 0; names[i] != NULL; i++)
    g_settings_bind_with_mapping (settings, names[i], account, names[i],
                                  G_SETTINGS_BIND_DEFAULT,
                                  get_mapping, set_mapping, NULL, NULL);
}

static void
unbind_and_reset (TnAccount *account)
{
  g_autoptr(GSettings) settings = account_settings_new (tn_account_get_id (account));
  const char * const *names = tn_account_list_properties ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_settings_unbind (account, names[i]);
      g_settings_reset (settings, names[i]);
    }
}

static void
save_ids (TnAccountManager *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      g_ptr_array_add (ids, (gpointer) tn_account_get_id (account));
    }
  g_ptr_array_add (ids, NULL);

  g_settings_set_strv (self->settings, "accounts", (const char * const *) ids->pdata);
}

static gboolean
find_account (TnAccountManager *self,
              TnAccount        *account,
              guint            *position)
{
  return g_list_store_find (self->accounts, account, position);
}

static void
on_accounts_items_changed_cb (TnAccountManager *self,
                              guint             position,
                              guint             removed,
                              guint             added,
                              GListModel       *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return TN_TYPE_ACCOUNT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TN_ACCOUNT_MANAGER (model)->accounts));
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (TN_ACCOUNT_MANAGER (model)->accounts), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
tn_account_manager_dispose (GObject *object)
{
  TnAccountManager *self = TN_ACCOUNT_MANAGER (object);
  guint n = self->accounts ? g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const char * const *names = tn_account_list_properties ();

      for (guint j = 0; names[j] != NULL; j++)
        g_settings_unbind (account, names[j]);
    }

  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->active);

  G_OBJECT_CLASS (tn_account_manager_parent_class)->dispose (object);
}

static void
tn_account_manager_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TnAccountManager *self = TN_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_object (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_account_manager_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TnAccountManager *self = TN_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      tn_account_manager_set_active (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_account_manager_class_init (TnAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_account_manager_dispose;
  object_class->get_property = tn_account_manager_get_property;
  object_class->set_property = tn_account_manager_set_property;

  /**
   * TnAccountManager:active:
   *
   * The account the window shows, or %NULL when there is none.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_object ("active", NULL, NULL,
                         TN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_account_manager_init (TnAccountManager *self)
{
  self->accounts = g_list_store_new (TN_TYPE_ACCOUNT);
  g_signal_connect_object (self->accounts, "items-changed",
                           G_CALLBACK (on_accounts_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * tn_account_manager_new:
 * @settings: the app's settings (schema io.github.tunnels_vpn.Tunnels)
 *
 * Loads the accounts stored in @settings.
 */
TnAccountManager *
tn_account_manager_new (GSettings *settings)
{
  TnAccountManager *self;
  g_auto(GStrv) ids = NULL;
  g_autofree char *active_id = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TN_TYPE_ACCOUNT_MANAGER, NULL);
  self->settings = g_object_ref (settings);

  ids = g_settings_get_strv (settings, "accounts");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(TnAccount) account = NULL;

      if (!g_uuid_string_is_valid (ids[i]) || tn_account_manager_lookup (self, ids[i]) != NULL)
        {
          g_debug ("Skipping a bad account id in the settings");
          continue;
        }

      account = g_object_new (TN_TYPE_ACCOUNT, "id", ids[i], NULL);
      bind_account (account);
      g_list_store_append (self->accounts, account);
    }

  active_id = g_settings_get_string (settings, "active-account");
  self->active = tn_account_manager_lookup (self, active_id);
  if (self->active == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) > 0)
    self->active = g_list_model_get_item (G_LIST_MODEL (self->accounts), 0);
  else if (self->active != NULL)
    g_object_ref (self->active);

  return self;
}

/**
 * tn_account_manager_lookup:
 *
 * Returns: (transfer none) (nullable): the account with @id
 */
TnAccount *
tn_account_manager_lookup (TnAccountManager *self,
                           const char       *id)
{
  guint n;

  g_return_val_if_fail (TN_IS_ACCOUNT_MANAGER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (tn_account_get_id (account), id) == 0)
        return account;
    }

  return NULL;
}

/**
 * tn_account_manager_find_provider:
 *
 * Returns: (transfer none) (nullable): the first account of @provider, such
 *   as the sandbox account
 */
TnAccount *
tn_account_manager_find_provider (TnAccountManager *self,
                                  const char       *provider)
{
  guint n;

  g_return_val_if_fail (TN_IS_ACCOUNT_MANAGER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (tn_account_get_provider (account), provider) == 0)
        return account;
    }

  return NULL;
}

/**
 * tn_account_manager_add:
 * @account: a new account (its id, if unset, is made here)
 *
 * Stores @account and keeps it stored: later changes of its properties
 * are saved as they are made. The secret is stored by the caller with
 * tn_secrets_store_async(), under the account's id.
 *
 * Returns: (transfer none): @account
 */
TnAccount *
tn_account_manager_add (TnAccountManager *self,
                        TnAccount        *account)
{
  g_autoptr(GSettings) settings = NULL;
  const char * const *names;

  g_return_val_if_fail (TN_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (TN_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (!find_account (self, account, NULL), account);

  if (tn_account_get_id (account) == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      tn_account_set_id (account, id);
    }

  /* Write what the account holds now, then follow its changes. */
  settings = account_settings_new (tn_account_get_id (account));
  names = tn_account_list_properties ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_object_get_property (G_OBJECT (account), names[i], &value);
      g_settings_set_string (settings, names[i], g_value_get_string (&value) ?: "");
    }
  bind_account (account);

  g_list_store_append (self->accounts, account);
  save_ids (self);

  g_debug ("Added account %s", tn_account_get_id (account));

  if (self->active == NULL)
    tn_account_manager_set_active (self, account);

  return account;
}

static void
on_secrets_deleted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!tn_secrets_delete_account_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tn_account_manager_remove_async:
 *
 * Removes @account from the list and the settings at once, then deletes
 * its secrets — the password or credential secret and the pre-shared keys
 * of its connections — from the keyring. A keyring failure is reported
 * (the account is gone all the same).
 */
void
tn_account_manager_remove_async (TnAccountManager    *self,
                                 TnAccount           *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(TnAccount) held = NULL;
  GTask *task;
  guint position;

  g_return_if_fail (TN_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (TN_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_account_manager_remove_async);

  if (!find_account (self, account, &position))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  held = g_object_ref (account);
  unbind_and_reset (account);
  g_list_store_remove (self->accounts, position);
  save_ids (self);

  if (self->active == account)
    {
      g_autoptr(TnAccount) next = g_list_model_get_item (G_LIST_MODEL (self->accounts), 0);

      tn_account_manager_set_active (self, next);
    }

  g_debug ("Removed account %s", tn_account_get_id (account));
  tn_secrets_delete_account_async (tn_account_get_id (account), cancellable, on_secrets_deleted_cb, task);
}

gboolean
tn_account_manager_remove_finish (TnAccountManager  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tn_account_manager_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tn_account_manager_get_active:
 *
 * Returns: (transfer none) (nullable): the active account
 */
TnAccount *
tn_account_manager_get_active (TnAccountManager *self)
{
  g_return_val_if_fail (TN_IS_ACCOUNT_MANAGER (self), NULL);

  return self->active;
}

/**
 * tn_account_manager_set_active:
 * @account: (nullable): one of the accounts, or %NULL
 *
 * Makes @account the active one, and remembers it.
 */
void
tn_account_manager_set_active (TnAccountManager *self,
                               TnAccount        *account)
{
  g_return_if_fail (TN_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (account == NULL || find_account (self, account, NULL));

  if (!g_set_object (&self->active, account))
    return;

  g_settings_set_string (self->settings, "active-account",
                         account ? tn_account_get_id (account) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}
