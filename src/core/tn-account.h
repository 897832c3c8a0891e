/* tn-account.h: where and as whom to sign in to a cloud
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TnAuthMethod:
 * @TN_AUTH_PASSWORD: user name + user domain + password
 * @TN_AUTH_APPLICATION_CREDENTIAL: application credential id + secret
 *
 * How an account signs in; the secret (password or application-credential
 * secret) is never part of the account.
 */
typedef enum
{
  TN_AUTH_PASSWORD,
  TN_AUTH_APPLICATION_CREDENTIAL,
} TnAuthMethod;

/* TnAccount:provider */
#define TN_PROVIDER_FJCLOUD   "fjcloud"
#define TN_PROVIDER_OPENSTACK "openstack"
#define TN_PROVIDER_SANDBOX   "sandbox"

#define TN_TYPE_ACCOUNT (tn_account_get_type ())

G_DECLARE_FINAL_TYPE (TnAccount, tn_account, TN, ACCOUNT, GObject)

TnAccount    *tn_account_new                           (const char *identity_url,
                                                        const char *region);
TnAccount    *tn_account_copy                          (TnAccount  *self);
void          tn_account_assign                        (TnAccount  *self,
                                                        TnAccount  *source);
const char * const *tn_account_list_properties         (void);
TnAuthMethod  tn_account_get_auth_method               (TnAccount  *self);
const char   *tn_account_get_id                        (TnAccount  *self);
void          tn_account_set_id                        (TnAccount  *self,
                                                        const char *id);
const char   *tn_account_get_name                      (TnAccount  *self);
void          tn_account_set_name                      (TnAccount  *self,
                                                        const char *name);
const char   *tn_account_get_provider                  (TnAccount  *self);
void          tn_account_set_provider                  (TnAccount  *self,
                                                        const char *provider);
const char   *tn_account_get_identity_url              (TnAccount  *self);
void          tn_account_set_identity_url              (TnAccount  *self,
                                                        const char *identity_url);
const char   *tn_account_get_region                    (TnAccount  *self);
void          tn_account_set_region                    (TnAccount  *self,
                                                        const char *region);
const char   *tn_account_get_user_name                 (TnAccount  *self);
void          tn_account_set_user_name                 (TnAccount  *self,
                                                        const char *user_name);
const char   *tn_account_get_user_domain               (TnAccount  *self);
void          tn_account_set_user_domain               (TnAccount  *self,
                                                        const char *user_domain);
const char   *tn_account_get_application_credential_id (TnAccount  *self);
void          tn_account_set_application_credential_id (TnAccount  *self,
                                                        const char *application_credential_id);
const char   *tn_account_get_project_id                (TnAccount  *self);
void          tn_account_set_project_id                (TnAccount  *self,
                                                        const char *project_id);
const char   *tn_account_get_project_name              (TnAccount  *self);
void          tn_account_set_project_name              (TnAccount  *self,
                                                        const char *project_name);
const char   *tn_account_get_project_domain            (TnAccount  *self);
void          tn_account_set_project_domain            (TnAccount  *self,
                                                        const char *project_domain);
const char   *tn_account_get_ca_file                   (TnAccount  *self);
void          tn_account_set_ca_file                   (TnAccount  *self,
                                                        const char *ca_file);

G_END_DECLS
