/* tn-tls-database.c: the system's trust plus an account's extra CA file
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnTlsDatabase"

#include "config.h"

#include "tn-cloud-error.h"
#include "tn-tls-database.h"

/*
 * A chain is trusted when it verifies against the account's CA file or
 * against the system's database, each with the usual checks (validity,
 * identity). Nothing is accepted blindly: a certificate that neither
 * vouches for keeps the flags the system database reports.
 */

struct _TnTlsDatabase
{
  GTlsDatabase  parent_instance;

  GTlsDatabase *extra;
  GTlsDatabase *system;
};

G_DEFINE_FINAL_TYPE (TnTlsDatabase, tn_tls_database, G_TYPE_TLS_DATABASE)

static GTlsCertificateFlags
verify_with (GTlsDatabase            *database,
             GTlsCertificate         *chain,
             const char              *purpose,
             GSocketConnectable      *identity,
             GTlsInteraction         *interaction,
             GTlsDatabaseVerifyFlags  flags,
             GCancellable            *cancellable,
             GError                 **error)
{
  if (database == NULL)
    return G_TLS_CERTIFICATE_UNKNOWN_CA;

  return g_tls_database_verify_chain (database, chain, purpose, identity, interaction,
                                      flags, cancellable, error);
}

static GTlsCertificateFlags
tn_tls_database_verify_chain (GTlsDatabase            *database,
                              GTlsCertificate         *chain,
                              const char              *purpose,
                              GSocketConnectable      *identity,
                              GTlsInteraction         *interaction,
                              GTlsDatabaseVerifyFlags  flags,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  TnTlsDatabase *self = TN_TLS_DATABASE (database);
  g_autoptr(GError) extra_error = NULL;
  GTlsCertificateFlags result;

  result = verify_with (self->extra, chain, purpose, identity, interaction,
                        flags, cancellable, &extra_error);
  if (result == 0 && extra_error == NULL)
    return 0;

  if (g_error_matches (extra_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&extra_error));
      return G_TLS_CERTIFICATE_GENERIC_ERROR;
    }

  return verify_with (self->system, chain, purpose, identity, interaction,
                      flags, cancellable, error);
}

static GTlsCertificate *
tn_tls_database_lookup_certificate_issuer (GTlsDatabase             *database,
                                           GTlsCertificate          *certificate,
                                           GTlsInteraction          *interaction,
                                           GTlsDatabaseLookupFlags   flags,
                                           GCancellable             *cancellable,
                                           GError                  **error)
{
  TnTlsDatabase *self = TN_TLS_DATABASE (database);
  GTlsCertificate *issuer;

  issuer = g_tls_database_lookup_certificate_issuer (self->extra, certificate, interaction,
                                                     flags, cancellable, NULL);
  if (issuer != NULL || self->system == NULL)
    return issuer;

  return g_tls_database_lookup_certificate_issuer (self->system, certificate, interaction,
                                                   flags, cancellable, error);
}

static void
tn_tls_database_finalize (GObject *object)
{
  TnTlsDatabase *self = (TnTlsDatabase *)object;

  g_clear_object (&self->extra);
  g_clear_object (&self->system);

  G_OBJECT_CLASS (tn_tls_database_parent_class)->finalize (object);
}

static void
tn_tls_database_class_init (TnTlsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GTlsDatabaseClass *database_class = G_TLS_DATABASE_CLASS (klass);

  object_class->finalize = tn_tls_database_finalize;

  database_class->verify_chain = tn_tls_database_verify_chain;
  database_class->lookup_certificate_issuer = tn_tls_database_lookup_certificate_issuer;
}

static void
tn_tls_database_init (TnTlsDatabase *self)
{
}

/**
 * tn_tls_database_new:
 * @ca_file: a PEM file with one or more CA certificates
 * @error: a #GError
 *
 * Reads a small local file; call it when an account is set up, not per
 * request.
 *
 * Returns: (transfer full): a database that trusts what the system trusts
 *   and what @ca_file vouches for, or %NULL with %TN_ERROR_TLS
 */
GTlsDatabase *
tn_tls_database_new (const char  *ca_file,
                     GError     **error)
{
  g_autoptr(TnTlsDatabase) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ca_file != NULL, NULL);

  self = g_object_new (TN_TYPE_TLS_DATABASE, NULL);
  self->extra = g_tls_file_database_new (ca_file, &local_error);
  if (self->extra == NULL)
    {
      g_propagate_error (error, tn_cloud_error_new (TN_ERROR_TLS, local_error->message));
      return NULL;
    }

  self->system = g_tls_backend_get_default_database (g_tls_backend_get_default ());

  return G_TLS_DATABASE (g_steal_pointer (&self));
}
