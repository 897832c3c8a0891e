/* test-tls.c: certificates are verified; an account's CA file is trusted
 * next to the system's, over a real TLS handshake on 127.0.0.1
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <libsoup/soup.h>

#include "tn-error.h"
#include "tn-session.h"
#include "tn-tls-database.h"

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "tls", name, NULL);
}

static void
test_database (void)
{
  g_autofree char *ca = data_file ("ca.pem");
  g_autofree char *server = data_file ("server.pem");
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GSocketConnectable) identity = g_network_address_new ("127.0.0.1", 443);
  g_autoptr(GSocketConnectable) other = g_network_address_new ("example.com", 443);
  g_autoptr(GError) error = NULL;
  GTlsDatabase *system;
  GTlsCertificateFlags flags;

  certificate = g_tls_certificate_new_from_file (server, &error);
  g_assert_no_error (error);

  database = tn_tls_database_new (ca, &error);
  g_assert_no_error (error);

  flags = g_tls_database_verify_chain (database, certificate, G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, 0);

  /* Trusted issuer, wrong name: still refused. */
  flags = g_tls_database_verify_chain (database, certificate, G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       other, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (flags & G_TLS_CERTIFICATE_BAD_IDENTITY);

  /* The system alone does not know the CA. */
  system = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  flags = g_tls_database_verify_chain (system, certificate, G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (flags & G_TLS_CERTIFICATE_UNKNOWN_CA);
  g_object_unref (system);

  g_clear_object (&database);
  database = tn_tls_database_new ("/nonexistent/ca.pem", &error);
  g_assert_null (database);
  g_assert_error (error, TN_ERROR, TN_ERROR_TLS);
}

/* A TLS endpoint that refuses every credential: reaching its 401 proves
 * the handshake passed. */
static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char body[] = "{\"error\": {\"code\": 401, \"message\": \"No.\"}}";

  soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GError *
sign_in (const char *url,
         const char *ca_file)
{
  g_autoptr(TnAccount) account = tn_account_new (url, "RegionOne");
  g_autoptr(TnSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  tn_account_set_user_name (account, "user");
  tn_account_set_user_domain (account, "Default");
  tn_account_set_project_name (account, "project");
  tn_account_set_project_domain (account, "Default");
  tn_account_set_ca_file (account, ca_file);

  session = tn_session_new (account, "password", &error);
  g_assert_no_error (error);
  tn_session_set_timeout (session, 5000);

  tn_session_sign_in_async (session, NULL, on_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tn_session_sign_in_finish (session, result, &error));

  return error;
}

static void
test_handshake (void)
{
  g_autofree char *ca = data_file ("ca.pem");
  g_autofree char *cert_file = data_file ("server.pem");
  g_autofree char *key_file = data_file ("server-key.pem");
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) without_ca = NULL;
  g_autoptr(GError) with_ca = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

#ifdef __SANITIZE_ADDRESS__
  /* gcc 12's LeakSanitizer crashes ("Tracer caught signal 11") reading the
   * thread-local storage of glib-networking's handshake threads; the
   * handshake runs in the ordinary build. */
  g_test_skip ("LeakSanitizer cannot walk the TLS handshake threads");
  return;
#endif

  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_request_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  /* Verified by default: an unknown CA is a TLS error, nothing is sent. */
  without_ca = sign_in (url, NULL);
  g_assert_error (without_ca, TN_ERROR, TN_ERROR_TLS);

  /* With the account's CA file the handshake passes and Keystone answers. */
  with_ca = sign_in (url, ca);
  g_assert_error (with_ca, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_assert_cmpuint (tn_error_get_details (with_ca)->http_status, ==, 401);

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tls/database", test_database);
  g_test_add_func ("/tls/handshake", test_handshake);

  return g_test_run ();
}
