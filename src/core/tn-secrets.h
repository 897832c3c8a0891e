/* tn-secrets.h: passwords, credential secrets and pre-shared keys in the keyring
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TnSecretKind:
 * @TN_SECRET_PASSWORD: an account's password
 * @TN_SECRET_APP_CREDENTIAL: an account's application-credential secret
 * @TN_SECRET_PSK: the pre-shared key of an IPsec VPN connection
 */
typedef enum
{
  TN_SECRET_PASSWORD,
  TN_SECRET_APP_CREDENTIAL,
  TN_SECRET_PSK,
} TnSecretKind;

/**
 * TnSecretKey:
 * @account_id: the account the secret belongs to
 * @kind: what the secret is
 * @region: (nullable): for a PSK, the connection's region
 * @resource_id: (nullable): for a PSK, the connection's id
 *
 * Where a secret lives in the keyring.
 */
typedef struct
{
  const char   *account_id;
  TnSecretKind  kind;
  const char   *region;
  const char   *resource_id;
} TnSecretKey;

void      tn_secrets_store_async          (const TnSecretKey    *key,
                                           const char           *label,
                                           const char           *secret,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  tn_secrets_store_finish         (GAsyncResult         *result,
                                           GError              **error);
void      tn_secrets_lookup_async         (const TnSecretKey    *key,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char     *tn_secrets_lookup_finish        (GAsyncResult         *result,
                                           GError              **error);
void      tn_secrets_delete_async         (const TnSecretKey    *key,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  tn_secrets_delete_finish        (GAsyncResult         *result,
                                           GError              **error);
void      tn_secrets_delete_account_async (const char           *account_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  tn_secrets_delete_account_finish (GAsyncResult        *result,
                                           GError              **error);
void      tn_secrets_free                 (char                 *secret);

G_END_DECLS
