/* tn-session-manager.c: the signed-in session of the active account
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSessionManager"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-error.h"
#include "tn-secrets.h"
#include "tn-session-manager.h"

/*
 * One session per account, kept for the whole run: switching back to an
 * account that signed in before is instant, and an account whose secret
 * could not go to the keyring keeps working until Tunnels quits. Work
 * done for the active account uses the manager's cancellable, which is
 * cancelled whenever another account becomes active.
 */

struct _TnSessionManager
{
  GObject           parent_instance;

  TnAccountManager *accounts;
  GHashTable       *sessions;    /* account id → TnSession, signed in */
  TnSession        *session;     /* of the active account, when ready */
  TnSession        *pending;     /* signing in */
  TnSessionState    state;
  GError           *error;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (TnSessionManager, tn_session_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_SESSION,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (TnSessionManager *self,
           TnSessionState    state,
           TnSession        *session,
           GError           *error)
{
  g_object_freeze_notify (G_OBJECT (self));

  g_clear_error (&self->error);
  self->error = error;

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (self->state != state || error != NULL)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
restart_cancellable (TnSessionManager *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->pending);
}

typedef struct
{
  TnSessionManager *self;
  TnAccount        *account;
} Activation;

static void
activation_free (Activation *activation)
{
  g_object_unref (activation->self);
  g_object_unref (activation->account);
  g_free (activation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Activation, activation_free)

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Activation) activation = user_data;
  TnSessionManager *self = activation->self;
  TnSession *session = TN_SESSION (object);
  GError *error = NULL;

  if (!tn_session_sign_in_finish (session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_error_free (error);
          return;
        }
      g_debug ("Account %s did not sign in: %s", tn_account_get_id (activation->account), error->message);
      if (self->pending == session)
        {
          g_clear_object (&self->pending);
          set_state (self, TN_SESSION_STATE_FAILED, NULL, error);
        }
      else
        g_error_free (error);
      return;
    }

  g_hash_table_replace (self->sessions, g_strdup (tn_account_get_id (activation->account)), g_object_ref (session));
  if (self->pending == session)
    {
      g_clear_object (&self->pending);
      set_state (self, TN_SESSION_STATE_READY, session, NULL);
    }
}

static void
sign_in (TnSessionManager *self,
         TnAccount        *account,
         const char       *secret)
{
  g_autoptr(TnSession) session = NULL;
  Activation *activation;
  GError *error = NULL;

  session = tn_session_new (account, secret, &error);
  if (session == NULL)
    {
      set_state (self, TN_SESSION_STATE_FAILED, NULL, error);
      return;
    }

  self->pending = g_object_ref (session);
  activation = g_new0 (Activation, 1);
  activation->self = g_object_ref (self);
  activation->account = g_object_ref (account);
  tn_session_sign_in_async (session, self->cancellable, on_signed_in_cb, activation);
}

static void
on_secret_looked_up_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Activation) activation = user_data;
  TnSessionManager *self = activation->self;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = tn_secrets_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      tn_account_manager_get_active (self->accounts) != activation->account)
    {
      tn_secrets_free (secret);
      return;
    }

  if (secret == NULL)
    {
      set_state (self, TN_SESSION_STATE_FAILED, NULL,
                 g_error_new_literal (TN_ERROR, TN_ERROR_AUTH_FAILED,
                                      error ? error->message
                                            : _("No password is stored for this account. Sign in again.")));
      return;
    }

  sign_in (self, activation->account, secret);
  tn_secrets_free (secret);
}

static void
tn_session_manager_dispose (GObject *object)
{
  TnSessionManager *self = TN_SESSION_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending);
  g_clear_object (&self->session);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (tn_session_manager_parent_class)->dispose (object);
}

static void
tn_session_manager_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TnSessionManager *self = TN_SESSION_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_session_manager_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TnSessionManager *self = TN_SESSION_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      self->accounts = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_session_manager_class_init (TnSessionManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_session_manager_dispose;
  object_class->get_property = tn_session_manager_get_property;
  object_class->set_property = tn_session_manager_set_property;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL,
                         TN_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TnSessionManager:session:
   *
   * The signed-in session of the active account, or %NULL while there is
   * none (no account, signing in, or failed).
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         TN_TYPE_SESSION,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TnSessionManager:state:
   *
   * A #TnSessionState. Notified again when a new attempt fails.
   */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      TN_SESSION_STATE_NONE, TN_SESSION_STATE_FAILED, TN_SESSION_STATE_NONE,
                      (G_PARAM_READABLE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_session_manager_init (TnSessionManager *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
}

TnSessionManager *
tn_session_manager_new (TnAccountManager *accounts)
{
  g_return_val_if_fail (TN_IS_ACCOUNT_MANAGER (accounts), NULL);

  return g_object_new (TN_TYPE_SESSION_MANAGER, "accounts", accounts, NULL);
}

/**
 * tn_session_manager_get_accounts:
 *
 * Returns: (transfer none): the accounts
 */
TnAccountManager *
tn_session_manager_get_accounts (TnSessionManager *self)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), NULL);

  return self->accounts;
}

/**
 * tn_session_manager_get_session:
 *
 * Returns: (transfer none) (nullable): the active account's session, when
 *   it is signed in
 */
TnSession *
tn_session_manager_get_session (TnSessionManager *self)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), NULL);

  return self->session;
}

TnSessionState
tn_session_manager_get_state (TnSessionManager *self)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), TN_SESSION_STATE_NONE);

  return self->state;
}

/**
 * tn_session_manager_get_error:
 *
 * Returns: (transfer none) (nullable): why signing in failed
 */
const GError *
tn_session_manager_get_error (TnSessionManager *self)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), NULL);

  return self->error;
}

/**
 * tn_session_manager_get_cancellable:
 *
 * Returns: (transfer none): a cancellable for work done with the current
 *   session; it is cancelled when another account becomes active
 */
GCancellable *
tn_session_manager_get_cancellable (TnSessionManager *self)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), NULL);

  return self->cancellable;
}

/**
 * tn_session_manager_activate:
 * @account: (nullable): one of the accounts, or %NULL for none
 * @secret: (nullable): its password or credential secret; %NULL looks it
 *   up in the keyring (unless the account signed in before in this run)
 *
 * Makes @account the active one and signs it in. Requests of the previous
 * account are cancelled.
 */
void
tn_session_manager_activate (TnSessionManager *self,
                             TnAccount        *account,
                             const char       *secret)
{
  TnSession *known;

  g_return_if_fail (TN_IS_SESSION_MANAGER (self));
  g_return_if_fail (account == NULL || TN_IS_ACCOUNT (account));

  restart_cancellable (self);
  tn_account_manager_set_active (self->accounts, account);

  if (account == NULL)
    {
      set_state (self, TN_SESSION_STATE_NONE, NULL, NULL);
      return;
    }

  known = g_hash_table_lookup (self->sessions, tn_account_get_id (account));
  if (known != NULL && secret == NULL)
    {
      set_state (self, TN_SESSION_STATE_READY, known, NULL);
      return;
    }

  set_state (self, TN_SESSION_STATE_SIGNING_IN, NULL, NULL);

  if (secret != NULL)
    {
      sign_in (self, account, secret);
    }
  else
    {
      TnSecretKey key = {
        tn_account_get_id (account),
        tn_account_get_auth_method (account) == TN_AUTH_APPLICATION_CREDENTIAL
          ? TN_SECRET_APP_CREDENTIAL : TN_SECRET_PASSWORD,
        NULL, NULL,
      };
      Activation *activation = g_new0 (Activation, 1);

      activation->self = g_object_ref (self);
      activation->account = g_object_ref (account);
      tn_secrets_lookup_async (&key, self->cancellable, on_secret_looked_up_cb, activation);
    }
}

/**
 * tn_session_manager_use_session:
 * @session: a signed-in session of one of the accounts
 *
 * Makes @session's account the active one with @session, as after the
 * account dialog signed in.
 */
void
tn_session_manager_use_session (TnSessionManager *self,
                                TnSession        *session)
{
  TnAccount *account;

  g_return_if_fail (TN_IS_SESSION_MANAGER (self));
  g_return_if_fail (TN_IS_SESSION (session));
  g_return_if_fail (tn_session_is_signed_in (session));

  account = tn_session_get_account (session);
  restart_cancellable (self);
  g_hash_table_replace (self->sessions, g_strdup (tn_account_get_id (account)), g_object_ref (session));
  tn_account_manager_set_active (self->accounts, account);
  set_state (self, TN_SESSION_STATE_READY, session, NULL);
}

/**
 * tn_session_manager_forget:
 *
 * Drops the session of @account (after it was removed or edited); if it
 * was the active one, the manager has no session until the next
 * activation.
 */
void
tn_session_manager_forget (TnSessionManager *self,
                           TnAccount        *account)
{
  g_return_if_fail (TN_IS_SESSION_MANAGER (self));
  g_return_if_fail (TN_IS_ACCOUNT (account));

  g_hash_table_remove (self->sessions, tn_account_get_id (account));
  if (self->session != NULL && tn_session_get_account (self->session) == account)
    {
      restart_cancellable (self);
      set_state (self, TN_SESSION_STATE_NONE, NULL, NULL);
    }
}

/**
 * tn_session_manager_list_sessions:
 *
 * Returns: (transfer container) (element-type TnSession): the signed-in
 *   sessions of every account, the active one first
 */
GPtrArray *
tn_session_manager_list_sessions (TnSessionManager *self)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (TN_IS_SESSION_MANAGER (self), NULL);

  if (self->session != NULL)
    g_ptr_array_add (sessions, g_object_ref (self->session));

  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != self->session)
      g_ptr_array_add (sessions, g_object_ref (value));

  return sessions;
}
