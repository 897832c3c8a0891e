/* test-log.c: with every debug message on, no secret reaches the log
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-logger.h"
#include "tn-session-private.h"
#include "tn-test-cloud.h"

#define TEST_PSK       "log-test-psk-0123456789"
#define TEST_NEW_PSK   "log-test-new-psk-9876543210"
#define TEST_APP_ID    "log-test-app-id"
#define TEST_APP_SECRET "log-test-app-secret-abcdef"

/* Everything any part of the process logs, at every level. */
static GString *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append_printf (captured, "%s=%s ", fields[i].key, (const char *)fields[i].value);
      else
        g_string_append_printf (captured, "%s=%.*s ", fields[i].key,
                                (int)fields[i].length, (const char *)fields[i].value);
    }
  g_string_append_c (captured, '\n');

  /* Failures still show (only debug and info stay quiet). */
  if ((level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    return g_log_writer_default (level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

static void
assert_absent (const char *secret)
{
  if (strstr (captured->str, secret) != NULL)
    g_error ("a secret (%zu characters) appears in the debug log", strlen (secret));
}

static void
test_log_has_no_secrets (TnTestCloud   *cloud,
                         gconstpointer  region)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TnResource) service = NULL;
  g_autoptr(TnResource) ike_in = NULL, ipsec_in = NULL, ike = NULL, ipsec = NULL;
  g_autoptr(TnResource) conn_in = NULL, conn = NULL, changed = NULL, updated = NULL;
  g_autoptr(TnAccount) app_account = NULL;
  g_autoptr(TnSession) app_session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const cidrs[] = { "192.168.88.0/24", NULL };
  guint serial;

  g_string_truncate (captured, 0);

  /* Sign in, create a connection with a PSK, change the PSK, re-auth. */
  tn_test_sign_in (cloud->session);
  g_ptr_array_add (tokens, g_strdup (_tn_session_get_token (cloud->session, &serial)));

  service = tn_test_find_settled (cloud->session, TN_RESOURCE_VPN_SERVICE);
  ike_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IKE_POLICY, "log-ike");
  ike = tn_test_create (cloud->session, ike_in, &error);
  g_assert_no_error (error);
  ipsec_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IPSEC_POLICY, "log-ipsec");
  ipsec = tn_test_create (cloud->session, ipsec_in, &error);
  g_assert_no_error (error);

  conn_in = tn_test_new_resource (cloud->session, TN_RESOURCE_CONNECTION, "log-conn");
  g_object_set (conn_in,
                "vpnservice-id", tn_resource_get_id (service),
                "ikepolicy-id", tn_resource_get_id (ike),
                "ipsecpolicy-id", tn_resource_get_id (ipsec),
                "peer-address", "198.51.100.8",
                "peer-id", "198.51.100.8",
                "peer-cidrs", cidrs,
                "psk", TEST_PSK,
                NULL);
  conn = tn_test_create (cloud->session, conn_in, &error);
  g_assert_no_error (error);

  tn_sandbox_expire_tokens (cloud->sandbox);

  changed = tn_resource_dup (conn);
  tn_connection_set_psk (TN_CONNECTION (changed), TEST_NEW_PSK);
  tn_session_update_async (cloud->session, conn, changed, TN_WRITE_FLAGS_WAIT, NULL,
                           tn_test_on_result_cb, &result);
  updated = tn_session_update_finish (cloud->session, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_ptr_array_add (tokens, g_strdup (_tn_session_get_token (cloud->session, &serial)));
  g_assert_nonnull (strstr (captured->str, "MESSAGE=> {\"ipsec_site_connection\":{\"psk\":\"" TN_LOGGER_REDACTED "\"}} "));

  /* Application-credential sign-in */
  tn_sandbox_add_app_credential (cloud->sandbox, TEST_APP_ID, TEST_APP_SECRET);
  app_account = tn_account_new (tn_sandbox_get_identity_url (cloud->sandbox), cloud->region);
  tn_account_set_application_credential_id (app_account, TEST_APP_ID);
  app_session = tn_test_cloud_new_session (cloud, app_account, TEST_APP_SECRET);
  tn_test_sign_in (app_session);
  g_ptr_array_add (tokens, g_strdup (_tn_session_get_token (app_session, &serial)));

  /* A rejected PSK quoted back by the server */
  {
    g_autoptr(TnResource) bad = tn_resource_dup (updated);
    g_autoptr(GAsyncResult) bad_result = NULL;
    g_autoptr(TnResource) none = NULL;
    g_autofree char *long_psk = g_strnfill (300, 'k');

    tn_connection_set_psk (TN_CONNECTION (bad), long_psk);
    tn_session_update_async (cloud->session, updated, bad, TN_WRITE_FLAGS_NONE, NULL,
                             tn_test_on_result_cb, &bad_result);
    none = tn_session_update_finish (cloud->session, tn_test_wait (&bad_result), &error);
    g_assert_null (none);
    g_assert_error (error, TN_ERROR, TN_ERROR_INVALID_INPUT);
    g_debug ("The error: %s", error->message);
    g_clear_error (&error);
    assert_absent (long_psk);
  }

  /* The log is full of traffic, and of redactions. */
  g_assert_nonnull (strstr (captured->str, "X-Auth-Token"));
  g_assert_nonnull (strstr (captured->str, "ipsec-site-connections"));
  g_assert_nonnull (strstr (captured->str, TN_LOGGER_REDACTED));
  g_assert_cmpuint (tokens->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (tokens, 0), !=, g_ptr_array_index (tokens, 1));

  assert_absent (TN_SANDBOX_PASSWORD);
  assert_absent (TEST_PSK);
  assert_absent (TEST_NEW_PSK);
  assert_absent (TEST_APP_SECRET);
  for (guint i = 0; i < tokens->len; i++)
    assert_absent (g_ptr_array_index (tokens, i));

  g_test_message ("%zu bytes of debug log checked", captured->len);
}

/* The PUT bodies on the wire (the traces print them) hold only what
 * changed, and of an object attribute only the changed member. */
static void
test_update_sends_only_changes (TnTestCloud   *cloud,
                                gconstpointer  region)
{
  g_autoptr(TnResource) ike_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IKE_POLICY, "upd-ike");
  g_autoptr(TnResource) ike = NULL, changed = NULL, updated = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ike = tn_test_create (cloud->session, ike_in, &error);
  g_assert_no_error (error);

  g_string_truncate (captured, 0);
  changed = tn_resource_dup (ike);
  g_object_set (changed, "lifetime-value", 2400, "pfs", "group14", NULL);
  tn_session_update_async (cloud->session, ike, changed, TN_WRITE_FLAGS_WAIT, NULL,
                           tn_test_on_result_cb, &result);
  updated = tn_session_update_finish (cloud->session, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tn_ike_policy_get_lifetime_value (TN_IKE_POLICY (updated)), ==, 2400);
  g_assert_cmpstr (tn_ike_policy_get_pfs (TN_IKE_POLICY (updated)), ==, "group14");
  /* The server kept what was not sent. */
  g_assert_cmpstr (tn_ike_policy_get_lifetime_units (TN_IKE_POLICY (updated)), ==, "seconds");
  g_assert_cmpstr (tn_ike_policy_get_encryption_algorithm (TN_IKE_POLICY (updated)), ==,
                   tn_ike_policy_get_encryption_algorithm (TN_IKE_POLICY (ike)));

  g_assert_nonnull (strstr (captured->str, "MESSAGE=> {\"ikepolicy\":{\"lifetime\":{\"value\":2400},\"pfs\":\"group14\"}} "));
  g_assert_null (strstr (captured->str, "\"ikepolicy\":{\"name\""));
}

/* A first load asks for its pages sorted by name where the region table
 * says the cloud takes Neutron's sort parameters (the traces print the
 * request lines), and not of type B's NFV API, which documents none. */
static void
test_sorted_lists (TnTestCloud   *cloud,
                   gconstpointer  region)
{
  const TnRegionProfile *profile = tn_session_get_profile (cloud->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  tn_session_set_page_size (cloud->session, 2);
  g_string_truncate (captured, 0);
  _tn_session_list_pages_async (cloud->session, TN_RESOURCE_IKE_POLICY, TRUE, NULL, NULL, NULL,
                                tn_test_on_result_cb, &result);
  items = tn_session_list_finish (cloud->session, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);

  g_assert_nonnull (strstr (captured->str, "ikepolicies?limit=2"));
  if (!tn_region_profile_sorts_lists (profile))
    {
      g_assert_null (strstr (captured->str, "sort_key"));
      return;
    }

  /* Sorted by the server, so in order across the pages too. */
  g_assert_nonnull (strstr (captured->str, "?limit=2&sort_key=name&sort_dir=asc&sort_key=id&sort_dir=asc"));
  for (guint i = 0; i + 1 < items->len; i++)
    g_assert_cmpint (tn_resource_compare_names (g_ptr_array_index (items, i), g_ptr_array_index (items, i + 1)), <=, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything logs, and before the session decides whether to trace. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; tn_test_regions[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/log/%s/no-secrets", tn_test_regions[i]);

      g_autofree char *update_path = g_strdup_printf ("/log/%s/update-sends-only-changes", tn_test_regions[i]);
      g_autofree char *sorted_path = g_strdup_printf ("/log/%s/sorted-lists", tn_test_regions[i]);

      g_test_add (path, TnTestCloud, tn_test_regions[i],
                  tn_test_cloud_setup, test_log_has_no_secrets, tn_test_cloud_teardown);
      g_test_add (update_path, TnTestCloud, tn_test_regions[i],
                  tn_test_cloud_setup, test_update_sends_only_changes, tn_test_cloud_teardown);
      g_test_add (sorted_path, TnTestCloud, tn_test_regions[i],
                  tn_test_cloud_setup, test_sorted_lists, tn_test_cloud_teardown);
    }

  return g_test_run ();
}
