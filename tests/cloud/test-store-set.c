/* test-store-set.c: the stores of the active account against the sandbox
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real HTTP on 127.0.0.1 to an in-process sandbox, in each dialect: the
 * four lists load, relations answer, a refresh changes only what changed,
 * writes reach the stores, items in flux are polled until they settle,
 * and an account switch empties the stores and cancels the old requests.
 */

#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <locale.h>

#include "tn-connection.h"
#include "tn-store-set.h"
#include "tn-test-cloud.h"

typedef struct
{
  TnTestCloud       cloud;
  GSettings        *settings;
  TnAccountManager *accounts;
  TnSessionManager *sessions;
  TnStoreSet       *stores;
  TnSession        *session;
} Fixture;

static gboolean
all_ready (TnStoreSet *stores)
{
  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      TnResourceStore *store = tn_store_set_get_store (stores, kind);

      if (tn_resource_store_get_state (store) != TN_STORE_STATE_READY || tn_resource_store_get_refreshing (store))
        return FALSE;
    }

  return TRUE;
}

static void
wait_ready (TnStoreSet *stores)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!all_ready (stores))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  region)
{
  g_autoptr(TnAccount) account = NULL;
  TnAccount *added;
  TnSession *session;

  tn_test_cloud_setup (&f->cloud, region);
  f->settings = g_settings_new (BASE_APP_ID);
  f->accounts = tn_account_manager_new (f->settings);
  f->sessions = tn_session_manager_new (f->accounts);
  f->stores = tn_store_set_new (f->sessions);

  account = tn_test_cloud_new_account (&f->cloud);
  tn_account_set_name (account, region);
  added = tn_account_manager_add (f->accounts, account);
  session = f->session = tn_test_cloud_new_session (&f->cloud, added, TN_SANDBOX_PASSWORD);
  tn_test_sign_in (session);

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    g_assert_cmpint (tn_resource_store_get_state (tn_store_set_get_store (f->stores, kind)), ==, TN_STORE_STATE_EMPTY);

  tn_session_manager_use_session (f->sessions, session);
  g_assert_true (tn_store_set_get_session (f->stores) == session);
  g_assert_cmpint (tn_resource_store_get_state (tn_store_set_get_store (f->stores, TN_RESOURCE_CONNECTION)),
                   ==, TN_STORE_STATE_LOADING);
  wait_ready (f->stores);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  region)
{
  g_assert_finalize_object (f->stores);
  g_assert_finalize_object (f->sessions);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->accounts);
  g_clear_object (&f->settings);
  tn_test_cloud_teardown (&f->cloud, region);
}

static void
test_store_set_load (Fixture       *f,
                     gconstpointer  region)
{
  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      TnResourceStore *store = tn_store_set_get_store (f->stores, kind);
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(GError) error = NULL;

      listed = tn_test_list (f->cloud.session, kind, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, listed->len);

      for (guint i = 0; i < listed->len; i++)
        {
          TnResource *ours = tn_store_set_lookup (f->stores, kind, tn_resource_get_id (g_ptr_array_index (listed, i)));

          g_assert_nonnull (ours);
          g_assert_cmpstr (tn_resource_get_name (ours), ==, tn_resource_get_name (g_ptr_array_index (listed, i)));
          g_assert_cmpstr (tn_resource_get_region (ours), ==, region);
        }
    }

  /* Lists come in pages. */
  g_assert_cmpuint (tn_session_get_page_size (tn_store_set_get_session (f->stores)), ==, TN_STORE_SET_PAGE_SIZE);
}

static void
test_store_set_relations (Fixture       *f,
                          gconstpointer  region)
{
  GListModel *connections = G_LIST_MODEL (tn_store_set_get_store (f->stores, TN_RESOURCE_CONNECTION));
  const struct { TnResourceKind kind; const char *property; } relations[] = {
    { TN_RESOURCE_IKE_POLICY, "ikepolicy-id" },
    { TN_RESOURCE_IPSEC_POLICY, "ipsecpolicy-id" },
    { TN_RESOURCE_VPN_SERVICE, "vpnservice-id" },
  };
  guint used = 0;

  for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
    {
      GListModel *owners = G_LIST_MODEL (tn_store_set_get_store (f->stores, relations[r].kind));

      for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
        {
          g_autoptr(TnResource) owner = g_list_model_get_item (owners, i);
          g_autoptr(GPtrArray) users = tn_store_set_find_users (f->stores, owner);
          guint expected = 0;

          for (guint j = 0; j < g_list_model_get_n_items (connections); j++)
            {
              g_autoptr(TnResource) connection = g_list_model_get_item (connections, j);
              g_autofree char *value = NULL;

              g_object_get (connection, relations[r].property, &value, NULL);
              if (g_strcmp0 (value, tn_resource_get_id (owner)) == 0)
                expected++;
            }

          g_assert_cmpuint (users->len, ==, expected);
          g_assert_cmpuint (tn_store_set_count_users (f->stores, owner), ==, expected);
          used += expected;
        }
    }

  /* The demo project uses its policies and services. */
  g_assert_cmpuint (used, >, 0);
}

/* A policy no connection uses (a used one cannot change). */
static TnResource *
unused_policy (Fixture *f)
{
  GListModel *store = G_LIST_MODEL (tn_store_set_get_store (f->stores, TN_RESOURCE_IKE_POLICY));

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(TnResource) item = g_list_model_get_item (store, i);

      if (tn_store_set_count_users (f->stores, item) == 0)
        return g_steal_pointer (&item);
    }

  g_assert_not_reached ();
}

static void
test_store_set_refresh (Fixture       *f,
                        gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TnResource) item = unused_policy (f);
  g_autoptr(TnResource) changed = tn_resource_dup (item);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TnResource) updated = NULL;
  g_autoptr(GError) error = NULL;

  /* Another client renames a policy behind our back. */
  tn_resource_set_description (changed, "changed elsewhere");
  tn_session_update_async (f->cloud.session, item, changed, TN_WRITE_FLAGS_WAIT, NULL, tn_test_on_result_cb, &result);
  updated = tn_session_update_finish (f->cloud.session, tn_test_wait (&result), &error);
  g_assert_no_error (error);

  gt_signal_logger_connect (logger, store, "items-changed");
  gt_signal_logger_connect (logger, item, "notify::description");
  tn_store_set_refresh (f->stores);
  g_assert_true (tn_resource_store_get_refreshing (store));
  wait_ready (f->stores);

  /* The refresh told the one object of its one change, and nothing else. */
  gt_signal_logger_assert_notify_emission_pop (logger, item, "description");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tn_resource_get_description (item), ==, "changed elsewhere");
}

static gboolean
store_item_settled (TnResource *item)
{
  return tn_resource_is_settled (item);
}

static void
test_store_set_write_and_poll (Fixture       *f,
                               gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_IKE_POLICY);
  g_autoptr(TnResource) draft = tn_test_new_resource (f->cloud.session, TN_RESOURCE_IKE_POLICY, "from-store-set");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) changed = NULL;
  g_autoptr(TnResource) updated = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autofree char *id = NULL;

  /* Create: the store has it at once; in type B it is polled to ACTIVE. */
  tn_store_set_create_async (f->stores, draft, NULL, tn_test_on_result_cb, &result);
  created = tn_store_set_create_finish (f->stores, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (tn_store_set_lookup (f->stores, TN_RESOURCE_IKE_POLICY, tn_resource_get_id (created)) == created);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n + 1);
  while (!store_item_settled (created))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (tn_store_set_get_n_watched (f->stores), ==, 0);

  /* Update: only what changed is sent; the same object takes the answer. */
  changed = tn_resource_dup (created);
  tn_resource_set_name (changed, "renamed-from-store-set");
  tn_store_set_update_async (f->stores, created, changed, NULL, tn_test_on_result_cb, &result);
  updated = tn_store_set_update_finish (f->stores, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (updated == created);
  g_assert_cmpstr (tn_resource_get_name (created), ==, "renamed-from-store-set");
  while (!store_item_settled (created))
    g_main_context_iteration (NULL, TRUE);

  /* Delete: it leaves the store (after polling, in type B). */
  id = g_strdup (tn_resource_get_id (created));
  tn_store_set_delete_async (f->stores, created, NULL, tn_test_on_result_cb, &result);
  g_assert_true (tn_store_set_delete_finish (f->stores, tn_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  while (tn_store_set_lookup (f->stores, TN_RESOURCE_IKE_POLICY, id) != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
}

static void
test_store_set_write_fails (Fixture       *f,
                            gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TnResource) item = unused_policy (f);
  g_autoptr(TnResource) changed = tn_resource_dup (item);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (tn_resource_get_name (item));

  tn_sandbox_add_fault (f->cloud.sandbox, "PUT", "*", TN_SANDBOX_FAULT_STATUS, 500, 1);
  tn_resource_set_name (changed, "never saved");
  gt_signal_logger_connect (logger, store, "items-changed");
  gt_signal_logger_connect (logger, item, "notify");
  tn_store_set_update_async (f->stores, item, changed, NULL, tn_test_on_result_cb, &result);
  g_assert_null (tn_store_set_update_finish (f->stores, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_SERVER_ERROR);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tn_resource_get_name (item), ==, name);
}

static void
test_store_set_switch (Fixture       *f,
                       gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_CONNECTION);
  GCancellable *cancellable;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  /* A reload is in flight when the account goes away: it is cancelled and
   * its answer never reaches the stores. */
  tn_sandbox_add_fault (f->cloud.sandbox, "GET", "*", TN_SANDBOX_FAULT_LATENCY, 300, 0);
  tn_store_set_refresh (f->stores);
  cancellable = g_object_ref (tn_session_manager_get_cancellable (f->sessions));
  tn_session_manager_activate (f->sessions, NULL, NULL);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_object_unref (cancellable);

  g_assert_null (tn_store_set_get_session (f->stores));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpint (tn_resource_store_get_state (store), ==, TN_STORE_STATE_EMPTY);
  g_assert_false (tn_resource_store_get_refreshing (store));

  /* Let the answers arrive: the stores stay empty. */
  {
    gint64 until = g_get_monotonic_time () + 600 * 1000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  tn_sandbox_clear_faults (f->cloud.sandbox);

  /* Back to the account: everything loads again. */
  tn_session_manager_use_session (f->sessions, f->session);
  wait_ready (f->stores);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
}

static void
on_items_changed_record_state_cb (TnResourceStore *store,
                                  guint            position,
                                  guint            removed,
                                  guint            added,
                                  GArray          *states)
{
  TnStoreState state = tn_resource_store_get_state (store);

  g_array_append_val (states, state);
}

/* A first load comes in pages: the first one is in the store (a list
 * shows it) while the rest is in flight, the next ones in batches as big
 * as what the store holds; the store is ready only after the last. */
static void
test_store_set_first_load_in_pages (Fixture       *f,
                                    gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_CONNECTION);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (TnStoreState));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint stored = 0, pending = 0, emissions = 0;

  g_assert_cmpuint (n, >=, 2);
  tn_session_set_page_size (f->session, 1);
  tn_session_manager_activate (f->sessions, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  gt_signal_logger_connect (logger, store, "items-changed");
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed_record_state_cb), states);
  tn_session_manager_use_session (f->sessions, f->session);
  wait_ready (f->stores);
  g_signal_handlers_disconnect_by_func (store, on_items_changed_record_state_cb, states);

  for (guint page = 0; page < n; page++)
    {
      pending++;
      if (pending < stored && page + 1 < n)
        continue;

      {
        guint p = 0, r = 0, a = 0;

        gt_signal_logger_assert_emission_pop (logger, store, "items-changed", &p, &r, &a);
        g_assert_cmpuint (p, ==, stored);
        g_assert_cmpuint (r, ==, 0);
        g_assert_cmpuint (a, ==, pending);
        g_assert_cmpint (g_array_index (states, TnStoreState, emissions), ==, TN_STORE_STATE_LOADING);
      }
      emissions++;
      stored += pending;
      pending = 0;
    }
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (emissions, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_assert_cmpint (tn_resource_store_get_state (store), ==, TN_STORE_STATE_READY);
  g_assert_false (tn_resource_store_get_paging (store));
}

static void
test_store_set_load_fails (Fixture       *f,
                           gconstpointer  region)
{
  TnResourceStore *store = tn_store_set_get_store (f->stores, TN_RESOURCE_VPN_SERVICE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  /* A failed refresh keeps the items and says why. */
  tn_sandbox_add_fault (f->cloud.sandbox, "GET", "*/vpnservices*", TN_SANDBOX_FAULT_STATUS, 503, 0);
  tn_store_set_reload (f->stores, TN_RESOURCE_VPN_SERVICE);
  while (tn_resource_store_get_state (store) != TN_STORE_STATE_FAILED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (tn_resource_store_get_error (store), TN_ERROR, TN_ERROR_UNAVAILABLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_assert_false (tn_resource_store_get_refreshing (store));

  tn_sandbox_clear_faults (f->cloud.sandbox);
  tn_store_set_reload (f->stores, TN_RESOURCE_VPN_SERVICE);
  wait_ready (f->stores);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; tn_test_regions[i] != NULL; i++)
    {
      const char *region = tn_test_regions[i];
#define ADD(name, func) \
      G_STMT_START { \
        g_autofree char *path = g_strdup_printf ("/store-set/%s/%s", region, name); \
        g_test_add (path, Fixture, region, fixture_setup, func, fixture_teardown); \
      } G_STMT_END

      ADD ("load", test_store_set_load);
      ADD ("first-load-in-pages", test_store_set_first_load_in_pages);
      ADD ("relations", test_store_set_relations);
      ADD ("refresh", test_store_set_refresh);
      ADD ("write-and-poll", test_store_set_write_and_poll);
      ADD ("write-fails", test_store_set_write_fails);
      ADD ("switch", test_store_set_switch);
      ADD ("load-fails", test_store_set_load_fails);
#undef ADD
    }

  return g_test_run ();
}
