/* test-faults.c: the cloud layer when the cloud misbehaves: expired
 * tokens, failed re-authentication, long lists, cancellation and every
 * fault the sandbox injects
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tn-test-cloud.h"

#define AUTH_PATH "*/auth/tokens"
#define IKE_PATH  "*/ikepolicies"

static void
list_ike (TnTestCloud  *cloud,
          GError      **error)
{
  g_autoptr(GPtrArray) items = tn_test_list (cloud->session, TN_RESOURCE_IKE_POLICY, error);

  g_assert_true ((items == NULL) == (*error != NULL));
}

/* Re-authentication */

static void
test_token_expired (TnTestCloud   *cloud,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 1);

  /* The cloud forgets every token: one re-authentication, one retry. */
  tn_sandbox_expire_tokens (cloud->sandbox);
  list_ike (cloud, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 2);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "GET", IKE_PATH), ==, 3);
}

static void
test_token_expired_fault (TnTestCloud   *cloud,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);

  tn_sandbox_add_fault (cloud->sandbox, "GET", IKE_PATH, TN_SANDBOX_FAULT_TOKEN_EXPIRED, 0, 1);
  list_ike (cloud, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 2);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "GET", IKE_PATH), ==, 3);
}

/* Requests that meet 401 together share one re-authentication. */
static void
test_token_expired_concurrent (TnTestCloud   *cloud,
                               gconstpointer  data)
{
  GAsyncResult *results[4] = { NULL, };
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);
  tn_sandbox_expire_tokens (cloud->sandbox);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    tn_session_list_async (cloud->session, i % 2 ? TN_RESOURCE_IKE_POLICY : TN_RESOURCE_CONNECTION,
                           NULL, tn_test_on_result_cb, &results[i]);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GPtrArray) items = NULL;

      items = tn_session_list_finish (cloud->session, tn_test_wait (&results[i]), &error);
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 2);
}

/* The retry meets 401 again: a clean AUTH_FAILED, no loop. */
static void
test_reauth_refused (TnTestCloud   *cloud,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);

  tn_sandbox_add_fault (cloud->sandbox, "GET", IKE_PATH, TN_SANDBOX_FAULT_TOKEN_EXPIRED, 0, 100);
  list_ike (cloud, &error);
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 2);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "GET", IKE_PATH), ==, 3);
}

/* Keystone itself refuses the re-authentication. */
static void
test_reauth_fails (TnTestCloud   *cloud,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);

  tn_sandbox_expire_tokens (cloud->sandbox);
  tn_sandbox_add_fault (cloud->sandbox, "POST", AUTH_PATH, TN_SANDBOX_FAULT_STATUS, 401, 1);
  list_ike (cloud, &error);
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_assert_false (tn_session_is_signed_in (cloud->session));
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 2);

  /* The next request signs in afresh. */
  g_clear_error (&error);
  list_ike (cloud, &error);
  g_assert_no_error (error);
}

/* Pagination */

static void
test_pagination (TnTestCloud   *cloud,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint before, pages;

  tn_sandbox_seed (cloud->sandbox, "scale:2500", &error);
  g_assert_no_error (error);

  tn_session_set_page_size (cloud->session, 200);
  before = tn_sandbox_count_requests (cloud->sandbox, "GET", "*/ipsec-site-connections*");
  items = tn_test_list (cloud->session, TN_RESOURCE_CONNECTION, &error);
  g_assert_no_error (error);
  pages = tn_sandbox_count_requests (cloud->sandbox, "GET", "*/ipsec-site-connections*") - before;

  g_assert_cmpuint (items->len, >=, 2500);
  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (ids, (gpointer)tn_resource_get_id (g_ptr_array_index (items, i)));
  g_assert_cmpuint (g_hash_table_size (ids), ==, items->len);
  g_test_message ("%u connections in %u pages", items->len, pages);
  g_assert_cmpuint (pages, >=, items->len / 200);
  g_assert_cmpuint (pages, <=, items->len / 200 + 2);
}

/* Cancellation */

typedef struct
{
  GObject      *owner;      /* stands for a window that started a request */
  GCancellable *cancellable;
  guint         calls;
  GError       *error;
} Caller;

static void
on_cancelled_list_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Caller *caller = user_data;
  g_autoptr(GPtrArray) items = NULL;

  caller->calls++;
  items = tn_session_list_finish (TN_SESSION (object), result, &caller->error);
  g_assert_null (items);

  /* The owner is gone: a callback must not touch it. */
  g_assert_null (caller->owner);
}

static void
test_cancel (TnTestCloud   *cloud,
             gconstpointer  data)
{
  Caller caller = { NULL, };
  g_autoptr(GError) error = NULL;
  gint64 start;
  TnSession *weak_session;

  list_ike (cloud, &error);
  g_assert_no_error (error);

  tn_sandbox_add_fault (cloud->sandbox, "GET", IKE_PATH, TN_SANDBOX_FAULT_LATENCY, 3000, 1);

  caller.owner = g_object_new (G_TYPE_OBJECT, NULL);
  caller.cancellable = g_cancellable_new ();
  g_object_add_weak_pointer (caller.owner, (gpointer *)&caller.owner);
  g_object_set_data_full (caller.owner, "cancellable", caller.cancellable,
                          (GDestroyNotify)g_cancellable_cancel);

  start = g_get_monotonic_time ();
  tn_session_list_async (cloud->session, TN_RESOURCE_IKE_POLICY, caller.cancellable,
                         on_cancelled_list_cb, &caller);

  /* The request is on the wire; then the owner goes away (its dispose
   * cancels). */
  while (tn_sandbox_count_requests (cloud->sandbox, "GET", IKE_PATH) < 2)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (caller.owner);
  g_assert_null (caller.owner);

  while (caller.calls == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (caller.calls, ==, 1);
  g_assert_error (caller.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&caller.error);
  g_object_unref (caller.cancellable);

  /* Nothing else comes, and nothing holds the session. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (caller.calls, ==, 1);

  weak_session = cloud->session;
  g_object_add_weak_pointer (G_OBJECT (weak_session), (gpointer *)&weak_session);
  g_clear_object (&cloud->session);
  g_assert_null (weak_session);

  {
    g_autoptr(TnAccount) account = tn_test_cloud_new_account (cloud);

    cloud->session = tn_test_cloud_new_session (cloud, account, TN_SANDBOX_PASSWORD);
  }
}

/* Cancelled while waiting for the sign-in */
static void
test_cancel_sign_in (TnTestCloud   *cloud,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_sandbox_add_fault (cloud->sandbox, "POST", AUTH_PATH, TN_SANDBOX_FAULT_LATENCY, 3000, 1);
  tn_session_sign_in_async (cloud->session, cancellable, tn_test_on_result_cb, &result);
  while (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);

  g_assert_false (tn_session_sign_in_finish (cloud->session, tn_test_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (tn_session_is_signed_in (cloud->session));
}

/* Faults */

static void
check_fault (TnTestCloud        *cloud,
             TnSandboxFaultKind  kind,
             guint               param,
             guint               timeout_msec,
             TnErrorCode         expected)
{
  g_autoptr(GError) error = NULL;

  list_ike (cloud, &error);
  g_assert_no_error (error);

  /* libsoup resends an idempotent request once when a reused connection
   * drops, so a reset has to happen twice to reach us. */
  tn_session_set_timeout (cloud->session, timeout_msec);
  tn_sandbox_add_fault (cloud->sandbox, "GET", IKE_PATH, kind, param,
                        kind == TN_SANDBOX_FAULT_RESET ? 2 : 1);
  list_ike (cloud, &error);
  tn_sandbox_clear_faults (cloud->sandbox);
  g_test_message ("fault %d (%u): %s", kind, param, error ? error->message : "no error");
  g_assert_error (error, TN_ERROR, expected);
  g_assert_nonnull (tn_error_get_details (error));

  /* The session is fine afterwards. */
  g_clear_error (&error);
  tn_session_set_timeout (cloud->session, 10000);
  list_ike (cloud, &error);
  g_assert_no_error (error);
}

static void
test_fault_latency (TnTestCloud   *cloud,
                    gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  check_fault (cloud, TN_SANDBOX_FAULT_LATENCY, 2000, 300, TN_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1800 * 1000);
}

static void
test_fault_status (TnTestCloud   *cloud,
                   gconstpointer  data)
{
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 500, 10000, TN_ERROR_SERVER_ERROR);
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 503, 10000, TN_ERROR_UNAVAILABLE);
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 409, 10000, TN_ERROR_CONFLICT);
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 404, 10000, TN_ERROR_NOT_FOUND);
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 403, 10000, TN_ERROR_FORBIDDEN);
  check_fault (cloud, TN_SANDBOX_FAULT_STATUS, 400, 10000, TN_ERROR_INVALID_INPUT);
}

static void
test_fault_reset (TnTestCloud   *cloud,
                  gconstpointer  data)
{
  check_fault (cloud, TN_SANDBOX_FAULT_RESET, 0, 10000, TN_ERROR_NETWORK_UNREACHABLE);
}

static void
test_fault_truncated (TnTestCloud   *cloud,
                      gconstpointer  data)
{
  check_fault (cloud, TN_SANDBOX_FAULT_TRUNCATED, 0, 10000, TN_ERROR_BAD_RESPONSE);
}

static void
test_fault_malformed (TnTestCloud   *cloud,
                      gconstpointer  data)
{
  check_fault (cloud, TN_SANDBOX_FAULT_MALFORMED, 0, 10000, TN_ERROR_BAD_RESPONSE);
}

static void
test_fault_slow_body (TnTestCloud   *cloud,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  check_fault (cloud, TN_SANDBOX_FAULT_SLOW_BODY, 200, 400, TN_ERROR_TIMEOUT);

  /* Slow but within the time: fine. */
  tn_sandbox_add_fault (cloud->sandbox, "GET", IKE_PATH, TN_SANDBOX_FAULT_SLOW_BODY, 5, 1);
  list_ike (cloud, &error);
  g_assert_no_error (error);
}

static void
test_fault_refused (TnTestCloud   *cloud,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_sandbox_stop (cloud->sandbox);
  tn_session_sign_in_async (cloud->session, NULL, tn_test_on_result_cb, &result);
  g_assert_false (tn_session_sign_in_finish (cloud->session, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_NETWORK_UNREACHABLE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/faults/" path, TnTestCloud, NULL, tn_test_cloud_setup, func, tn_test_cloud_teardown)

  ADD ("token-expired", test_token_expired);
  ADD ("token-expired-fault", test_token_expired_fault);
  ADD ("token-expired-concurrent", test_token_expired_concurrent);
  ADD ("reauth-refused", test_reauth_refused);
  ADD ("reauth-fails", test_reauth_fails);
  ADD ("pagination", test_pagination);
  ADD ("cancel", test_cancel);
  ADD ("cancel-sign-in", test_cancel_sign_in);
  ADD ("latency", test_fault_latency);
  ADD ("status", test_fault_status);
  ADD ("reset", test_fault_reset);
  ADD ("truncated", test_fault_truncated);
  ADD ("malformed", test_fault_malformed);
  ADD ("slow-body", test_fault_slow_body);
  ADD ("refused", test_fault_refused);

#undef ADD

  return g_test_run ();
}
