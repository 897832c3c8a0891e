/* tn-account.c: where and as whom to sign in to a cloud
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnAccount"

#include "config.h"

#include "tn-account.h"

/* Every property is a string; they share one array, one getter and one
 * setter. The application credential id, when set, selects that method. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROVIDER,
  PROP_IDENTITY_URL,
  PROP_REGION,
  PROP_USER_NAME,
  PROP_USER_DOMAIN,
  PROP_APPLICATION_CREDENTIAL_ID,
  PROP_PROJECT_ID,
  PROP_PROJECT_NAME,
  PROP_PROJECT_DOMAIN,
  PROP_CA_FILE,
  N_PROPS
};

struct _TnAccount
{
  GObject  parent_instance;

  char    *values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TnAccount, tn_account, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
get_value (TnAccount *self,
           guint      prop_id)
{
  g_return_val_if_fail (TN_IS_ACCOUNT (self), NULL);

  return self->values[prop_id];
}

static void
set_value (TnAccount  *self,
           guint       prop_id,
           const char *value)
{
  g_return_if_fail (TN_IS_ACCOUNT (self));

  if (g_strcmp0 (self->values[prop_id], value) == 0)
    return;

  g_free (self->values[prop_id]);
  self->values[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
tn_account_finalize (GObject *object)
{
  TnAccount *self = (TnAccount *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (tn_account_parent_class)->finalize (object);
}

static void
tn_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, get_value (TN_ACCOUNT (object), prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tn_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_value (TN_ACCOUNT (object), prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tn_account_class_init (TnAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    [PROP_ID] = "id",
    [PROP_NAME] = "name",
    [PROP_PROVIDER] = "provider",
    [PROP_IDENTITY_URL] = "identity-url",
    [PROP_REGION] = "region",
    [PROP_USER_NAME] = "user-name",
    [PROP_USER_DOMAIN] = "user-domain",
    [PROP_APPLICATION_CREDENTIAL_ID] = "application-credential-id",
    [PROP_PROJECT_ID] = "project-id",
    [PROP_PROJECT_NAME] = "project-name",
    [PROP_PROJECT_DOMAIN] = "project-domain",
    [PROP_CA_FILE] = "ca-file",
  };

  object_class->finalize = tn_account_finalize;
  object_class->get_property = tn_account_get_property;
  object_class->set_property = tn_account_set_property;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         (G_PARAM_READWRITE |
                                          G_PARAM_EXPLICIT_NOTIFY |
                                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_account_init (TnAccount *self)
{
}

/**
 * tn_account_new:
 * @identity_url: the Keystone URL, with or without `/v3`
 * @region: the region, e.g. `jp-east-1` or `RegionOne`
 *
 * Returns: (transfer full): a new account; set the user or application
 *   credential and the project next
 */
TnAccount *
tn_account_new (const char *identity_url,
                const char *region)
{
  return g_object_new (TN_TYPE_ACCOUNT,
                       "identity-url", identity_url,
                       "region", region,
                       NULL);
}

/**
 * tn_account_get_auth_method:
 * @self: a #TnAccount
 *
 * Returns: %TN_AUTH_APPLICATION_CREDENTIAL when an application credential
 *   id is set, else %TN_AUTH_PASSWORD
 */
TnAuthMethod
tn_account_get_auth_method (TnAccount *self)
{
  const char *id = get_value (self, PROP_APPLICATION_CREDENTIAL_ID);

  return id != NULL && *id != '\0' ? TN_AUTH_APPLICATION_CREDENTIAL : TN_AUTH_PASSWORD;
}

#define DEFINE_ACCESSORS(name, PROP)                                            \
const char *                                                                    \
tn_account_get_##name (TnAccount *self)                                         \
{                                                                               \
  return get_value (self, PROP);                                                \
}                                                                               \
                                                                                \
void                                                                            \
tn_account_set_##name (TnAccount  *self,                                        \
                       const char *name)                                        \
{                                                                               \
  set_value (self, PROP, name);                                                 \
}

DEFINE_ACCESSORS (id, PROP_ID)
DEFINE_ACCESSORS (name, PROP_NAME)
DEFINE_ACCESSORS (provider, PROP_PROVIDER)
DEFINE_ACCESSORS (identity_url, PROP_IDENTITY_URL)
DEFINE_ACCESSORS (region, PROP_REGION)
DEFINE_ACCESSORS (user_name, PROP_USER_NAME)
DEFINE_ACCESSORS (user_domain, PROP_USER_DOMAIN)
DEFINE_ACCESSORS (application_credential_id, PROP_APPLICATION_CREDENTIAL_ID)
DEFINE_ACCESSORS (project_id, PROP_PROJECT_ID)
DEFINE_ACCESSORS (project_name, PROP_PROJECT_NAME)
DEFINE_ACCESSORS (project_domain, PROP_PROJECT_DOMAIN)
DEFINE_ACCESSORS (ca_file, PROP_CA_FILE)

#undef DEFINE_ACCESSORS

/**
 * tn_account_copy:
 *
 * Returns: (transfer full): a new account with the same properties, for an
 *   edit that may be cancelled
 */
TnAccount *
tn_account_copy (TnAccount *self)
{
  TnAccount *copy;

  g_return_val_if_fail (TN_IS_ACCOUNT (self), NULL);

  copy = g_object_new (TN_TYPE_ACCOUNT, NULL);
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    copy->values[i] = g_strdup (self->values[i]);

  return copy;
}

/**
 * tn_account_assign:
 * @source: the account to take the values of
 *
 * Sets every property of @self but its id to that of @source, notifying
 * only the ones that change.
 */
void
tn_account_assign (TnAccount *self,
                   TnAccount *source)
{
  g_return_if_fail (TN_IS_ACCOUNT (self));
  g_return_if_fail (TN_IS_ACCOUNT (source));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID + 1; i < N_PROPS; i++)
    set_value (self, i, source->values[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * tn_account_list_properties:
 *
 * Returns: (transfer none): the names of the account's properties but
 *   "id", %NULL-terminated: what is stored for an account (never a secret)
 */
const char * const *
tn_account_list_properties (void)
{
  static const char *names[N_PROPS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      guint n = 0;

      if (properties[PROP_NAME] == NULL)
        g_type_class_unref (g_type_class_ref (TN_TYPE_ACCOUNT));
      for (guint i = PROP_ID + 1; i < N_PROPS; i++)
        names[n++] = g_param_spec_get_name (properties[i]);
      names[n] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return names;
}
