/* test-store.c: stores update in place, with exactly the signals a view needs
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <locale.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-permissions.h"
#include "tn-vpn-service.h"
#include "tn-resource-store.h"

static TnResource *
new_policy (const char *id,
            const char *name)
{
  TnIkePolicy *policy = tn_ike_policy_new ();

  tn_resource_set_id (TN_RESOURCE (policy), id);
  tn_resource_set_name (TN_RESOURCE (policy), name);
  tn_ike_policy_set_encryption_algorithm (policy, "aes-128");
  tn_ike_policy_set_lifetime_value (policy, 3600);

  return TN_RESOURCE (policy);
}

/* Fresh objects as a list answer makes them: "a b c" → ids a, b, c named
 * name-a… */
static GPtrArray *
fresh_list (const char *ids)
{
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      {
        g_autofree char *name = g_strdup_printf ("name-%s", split[i]);

        g_ptr_array_add (list, new_policy (split[i], name));
      }

  return list;
}

static char *
store_ids (TnResourceStore *store)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnResource) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append_printf (ids, "%s%s", i ? " " : "", tn_resource_get_id (item));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(store, expected) \
  G_STMT_START { \
    g_autofree char *ai_ids = store_ids (store); \
    g_assert_cmpstr (ai_ids, ==, expected); \
  } G_STMT_END

static void
assert_items_changed (GtSignalLogger  *logger,
                      TnResourceStore *store,
                      guint            position,
                      guint            removed,
                      guint            added)
{
  guint p = 0, r = 0, a = 0;

  gt_signal_logger_assert_emission_pop (logger, store, "items-changed", &p, &r, &a);
  g_assert_cmpuint (p, ==, position);
  g_assert_cmpuint (r, ==, removed);
  g_assert_cmpuint (a, ==, added);
}

static void
test_store_first_load (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) fresh = fresh_list ("a b c");

  gt_signal_logger_connect (logger, store, "items-changed");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == TN_TYPE_IKE_POLICY);

  tn_resource_store_apply (store, fresh);
  assert_items_changed (logger, store, 0, 0, 3);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a b c");

  /* The fresh objects themselves joined the empty store. */
  g_assert_true (tn_resource_store_lookup (store, "b") == g_ptr_array_index (fresh, 1));
  g_assert_null (tn_resource_store_lookup (store, "z"));
}

static void
test_store_refresh_unchanged (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b c");
  g_autoptr(GPtrArray) again = fresh_list ("a b c");
  TnResource *b;

  tn_resource_store_apply (store, first);
  b = tn_resource_store_lookup (store, "b");

  gt_signal_logger_connect (logger, store, "items-changed");
  for (guint i = 0; i < first->len; i++)
    gt_signal_logger_connect (logger, g_ptr_array_index (first, i), "notify");

  /* The same values again: nothing at all is emitted, objects stay. */
  tn_resource_store_apply (store, again);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (tn_resource_store_lookup (store, "b") == b);
  g_assert_true (tn_resource_store_lookup (store, "b") != g_ptr_array_index (again, 1));
}

static void
test_store_refresh_changed_fields (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b c");
  g_autoptr(GPtrArray) again = fresh_list ("a b c");
  TnResource *b;

  tn_resource_store_apply (store, first);
  b = tn_resource_store_lookup (store, "b");

  gt_signal_logger_connect (logger, store, "items-changed");
  for (guint i = 0; i < first->len; i++)
    gt_signal_logger_connect (logger, g_ptr_array_index (first, i), "notify");

  /* b changed its name and lifetime: b notifies those two (once each,
   * after both are set), nothing else. */
  tn_resource_set_name (g_ptr_array_index (again, 1), "renamed");
  tn_ike_policy_set_lifetime_value (TN_IKE_POLICY (g_ptr_array_index (again, 1)), 7200);
  tn_resource_store_apply (store, again);

  gt_signal_logger_assert_notify_emission_pop (logger, b, "lifetime-value");
  gt_signal_logger_assert_notify_emission_pop (logger, b, "name");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tn_resource_get_name (b), ==, "renamed");
  g_assert_cmpint (tn_ike_policy_get_lifetime_value (TN_IKE_POLICY (b)), ==, 7200);
}

static void
test_store_refresh_removed_and_added (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b c d e f");
  g_autoptr(GPtrArray) again = fresh_list ("f a d x y");
  TnResource *a, *d, *f;

  tn_resource_store_apply (store, first);
  a = tn_resource_store_lookup (store, "a");
  d = tn_resource_store_lookup (store, "d");
  f = tn_resource_store_lookup (store, "f");
  gt_signal_logger_connect (logger, store, "items-changed");

  /* b and c go (one run), e goes, x and y come (one append); the order
   * of the survivors stays: a view keeps its rows. */
  tn_resource_store_apply (store, again);
  assert_items_changed (logger, store, 4, 1, 0);
  assert_items_changed (logger, store, 1, 2, 0);
  assert_items_changed (logger, store, 3, 0, 2);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a d f x y");
  g_assert_true (tn_resource_store_lookup (store, "a") == a);
  g_assert_true (tn_resource_store_lookup (store, "d") == d);
  g_assert_true (tn_resource_store_lookup (store, "f") == f);
  g_assert_null (tn_resource_store_lookup (store, "b"));

  /* Everything gone. */
  {
    g_autoptr(GPtrArray) none = fresh_list ("");

    tn_resource_store_apply (store, none);
    assert_items_changed (logger, store, 0, 5, 0);
    gt_signal_logger_assert_no_emissions (logger);
  }
}

static void
test_store_duplicates_and_wrong_kind (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GPtrArray) fresh = fresh_list ("a a b");
  g_autoptr(TnConnection) stranger = tn_connection_new ();

  tn_resource_set_id (TN_RESOURCE (stranger), "c");
  g_ptr_array_add (fresh, g_object_ref (stranger));
  tn_resource_store_apply (store, fresh);
  assert_ids (store, "a b");
}

/* A first load in pages: each page is in the store (and said so, one
 * items-changed) before the next comes; the fresh objects themselves join. */
static void
test_store_pages_first_load (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) page1 = fresh_list ("a b c");
  g_autoptr(GPtrArray) page2 = fresh_list ("d e");
  g_autoptr(GPtrArray) page3 = fresh_list ("");

  gt_signal_logger_connect (logger, store, "items-changed");
  g_assert_false (tn_resource_store_get_paging (store));
  tn_resource_store_begin_pages (store);
  g_assert_true (tn_resource_store_get_paging (store));

  tn_resource_store_apply_page (store, page1);
  assert_items_changed (logger, store, 0, 0, 3);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a b c");
  g_assert_true (tn_resource_store_lookup (store, "b") == g_ptr_array_index (page1, 1));

  tn_resource_store_apply_page (store, page2);
  assert_items_changed (logger, store, 3, 0, 2);
  tn_resource_store_apply_page (store, page3);
  gt_signal_logger_assert_no_emissions (logger);

  tn_resource_store_end_pages (store, TRUE);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tn_resource_store_get_paging (store));
  assert_ids (store, "a b c d e");
}

/* Pages over items the store has: they keep their objects and notify only
 * what changed; what no page has goes only when the listing is complete;
 * an id listed twice is kept once, with the first values. */
static void
test_store_pages_over_items (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b c d");
  g_autoptr(GPtrArray) page1 = fresh_list ("c x");
  g_autoptr(GPtrArray) page2 = fresh_list ("a x y");
  TnResource *a, *c;

  tn_resource_store_apply (store, first);
  a = tn_resource_store_lookup (store, "a");
  c = tn_resource_store_lookup (store, "c");
  tn_resource_set_name (g_ptr_array_index (page1, 0), "renamed");
  tn_resource_set_name (g_ptr_array_index (page2, 1), "second x");

  gt_signal_logger_connect (logger, store, "items-changed");
  gt_signal_logger_connect (logger, a, "notify");
  gt_signal_logger_connect (logger, c, "notify");

  tn_resource_store_begin_pages (store);
  tn_resource_store_apply_page (store, page1);
  gt_signal_logger_assert_notify_emission_pop (logger, c, "name");
  assert_items_changed (logger, store, 4, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);

  tn_resource_store_apply_page (store, page2);
  assert_items_changed (logger, store, 5, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a b c d x y");
  g_assert_cmpstr (tn_resource_get_name (tn_resource_store_lookup (store, "x")), ==, "name-x");

  /* b and d go now, one emission each (from the end). */
  tn_resource_store_end_pages (store, TRUE);
  assert_items_changed (logger, store, 3, 1, 0);
  assert_items_changed (logger, store, 1, 1, 0);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a c x y");
  g_assert_true (tn_resource_store_lookup (store, "a") == a);
  g_assert_true (tn_resource_store_lookup (store, "c") == c);
}

/* A listing that fails keeps what is there; an apply or a clear cancels
 * a listing in pages. */
static void
test_store_pages_incomplete_and_cancelled (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b");
  g_autoptr(GPtrArray) page = fresh_list ("b c");
  g_autoptr(GPtrArray) again = fresh_list ("c");

  tn_resource_store_apply (store, first);
  gt_signal_logger_connect (logger, store, "items-changed");

  tn_resource_store_begin_pages (store);
  tn_resource_store_apply_page (store, page);
  assert_items_changed (logger, store, 2, 0, 1);
  tn_resource_store_end_pages (store, FALSE);
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a b c");

  tn_resource_store_begin_pages (store);
  tn_resource_store_apply (store, again);
  g_assert_false (tn_resource_store_get_paging (store));
  assert_items_changed (logger, store, 0, 2, 0);
  gt_signal_logger_assert_no_emissions (logger);

  tn_resource_store_begin_pages (store);
  tn_resource_store_clear (store);
  g_assert_false (tn_resource_store_get_paging (store));
  assert_items_changed (logger, store, 0, 1, 0);
  gt_signal_logger_assert_no_emissions (logger);
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static void
test_store_apply_async_slices (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };
  guint iterations = 0;
  TnResource *changed;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%04u", i);

      g_ptr_array_add (first, new_policy (id, id));
      /* every tenth is gone, one is renamed, one is new */
      if (i % 10 != 3)
        g_ptr_array_add (again, new_policy (id, i == 500 ? "renamed" : id));
    }
  g_ptr_array_add (again, new_policy ("id-new", "new"));

  /* An empty store takes the list at once. */
  tn_resource_store_apply_async (store, first, NULL, on_done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tn_resource_store_apply_finish (store, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2000);

  changed = tn_resource_store_lookup (store, "id-0500");
  gt_signal_logger_connect (logger, store, "items-changed");
  gt_signal_logger_connect (logger, changed, "notify");

  /* A tiny budget: the comparison takes many main loop iterations, and
   * the store emits nothing until the end. */
  tn_resource_store_set_slice_budget (store, 1);
  tn_resource_store_apply_async (store, again, NULL, on_done_cb, &wait);
  while (wait.result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  g_assert_true (tn_resource_store_apply_finish (store, wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_cmpuint (iterations, >, 10);

  gt_signal_logger_assert_notify_emission_pop (logger, changed, "name");
  for (int i = 199; i >= 0; i--)
    assert_items_changed (logger, store, i * 10 + 3, 1, 0);
  assert_items_changed (logger, store, 1800, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1801);
  g_assert_true (tn_resource_store_lookup (store, "id-0500") == changed);
}

static void
test_store_apply_superseded (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GPtrArray) first = fresh_list ("a b c");
  g_autoptr(GPtrArray) second = fresh_list ("a b");
  g_autoptr(GPtrArray) third = fresh_list ("a c d");
  g_autoptr(GError) error = NULL;
  Wait old = { NULL }, new = { NULL };

  tn_resource_store_apply (store, first);
  tn_resource_store_apply_async (store, second, NULL, on_done_cb, &old);
  tn_resource_store_apply_async (store, third, NULL, on_done_cb, &new);
  while (old.result == NULL || new.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (tn_resource_store_apply_finish (store, old.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (tn_resource_store_apply_finish (store, new.result, NULL));
  assert_ids (store, "a c d");
  g_clear_object (&old.result);
  g_clear_object (&new.result);
}

static void
test_store_upsert_remove_clear (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GPtrArray) first = fresh_list ("a b c");
  g_autoptr(TnResource) b2 = new_policy ("b", "b, renamed");
  g_autoptr(TnResource) d = new_policy ("d", "d");
  TnResource *b;

  tn_resource_store_apply (store, first);
  b = tn_resource_store_lookup (store, "b");
  gt_signal_logger_connect (logger, store, "items-changed");
  gt_signal_logger_connect (logger, b, "notify");
  gt_signal_logger_connect (logger, store, "notify::state");

  g_assert_true (tn_resource_store_upsert (store, b2) == b);
  gt_signal_logger_assert_notify_emission_pop (logger, b, "name");
  g_assert_true (tn_resource_store_upsert (store, d) == d);
  assert_items_changed (logger, store, 3, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (tn_resource_store_remove (store, "b"));
  assert_items_changed (logger, store, 1, 1, 0);
  g_assert_false (tn_resource_store_remove (store, "b"));
  gt_signal_logger_assert_no_emissions (logger);
  assert_ids (store, "a c d");

  tn_resource_store_set_state (store, TN_STORE_STATE_READY, NULL);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  tn_resource_store_clear (store);
  assert_items_changed (logger, store, 0, 3, 0);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpint (tn_resource_store_get_state (store), ==, TN_STORE_STATE_EMPTY);
}

static void
test_store_state (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_IKE_POLICY);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "broken");

  gt_signal_logger_connect (logger, store, "notify::state");
  gt_signal_logger_connect (logger, store, "notify::refreshing");

  tn_resource_store_set_state (store, TN_STORE_STATE_LOADING, NULL);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  tn_resource_store_set_state (store, TN_STORE_STATE_LOADING, NULL);
  gt_signal_logger_assert_no_emissions (logger);

  /* A failure is told each time, with its error. */
  tn_resource_store_set_state (store, TN_STORE_STATE_FAILED, error);
  tn_resource_store_set_state (store, TN_STORE_STATE_FAILED, error);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  g_assert_error (tn_resource_store_get_error (store), G_IO_ERROR, G_IO_ERROR_FAILED);

  tn_resource_store_set_state (store, TN_STORE_STATE_READY, NULL);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "state");
  g_assert_null (tn_resource_store_get_error (store));

  tn_resource_store_set_refreshing (store, TRUE);
  tn_resource_store_set_refreshing (store, TRUE);
  gt_signal_logger_assert_notify_emission_pop (logger, store, "refreshing");
  gt_signal_logger_assert_no_emissions (logger);
}

static TnResource *
new_connection (const char *id,
                const char *service,
                const char *ike,
                const char *ipsec)
{
  TnConnection *connection = tn_connection_new ();

  tn_resource_set_id (TN_RESOURCE (connection), id);
  tn_connection_set_vpnservice_id (connection, service);
  tn_connection_set_ikepolicy_id (connection, ike);
  tn_connection_set_ipsecpolicy_id (connection, ipsec);

  return TN_RESOURCE (connection);
}

static void
test_store_relations (void)
{
  g_autoptr(TnResourceStore) store = tn_resource_store_new (TN_RESOURCE_CONNECTION);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) users = NULL;

  g_ptr_array_add (fresh, new_connection ("c1", "svc-1", "ike-1", "ipsec-1"));
  g_ptr_array_add (fresh, new_connection ("c2", "svc-1", "ike-2", "ipsec-1"));
  g_ptr_array_add (fresh, new_connection ("c3", "svc-2", "ike-1", "ipsec-2"));
  tn_resource_store_apply (store, fresh);

  g_assert_cmpuint (tn_resource_store_count_by (store, "ikepolicy-id", "ike-1"), ==, 2);
  g_assert_cmpuint (tn_resource_store_count_by (store, "ikepolicy-id", "ike-3"), ==, 0);
  g_assert_cmpuint (tn_resource_store_count_by (store, "ipsecpolicy-id", "ipsec-1"), ==, 2);
  g_assert_cmpuint (tn_resource_store_count_by (store, "vpnservice-id", "svc-2"), ==, 1);
  users = tn_resource_store_find_by (store, "vpnservice-id", "svc-1");
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpstr (tn_resource_get_id (g_ptr_array_index (users, 0)), ==, "c1");
  g_assert_cmpstr (tn_resource_get_id (g_ptr_array_index (users, 1)), ==, "c2");

  /* The index follows removals and additions. */
  tn_resource_store_remove (store, "c1");
  g_assert_cmpuint (tn_resource_store_count_by (store, "ikepolicy-id", "ike-1"), ==, 1);
  g_assert_cmpuint (tn_resource_store_count_by (store, "vpnservice-id", "svc-1"), ==, 1);
  {
    g_autoptr(TnResource) c4 = new_connection ("c4", "svc-2", "ike-3", "ipsec-2");

    tn_resource_store_upsert (store, c4);
  }
  g_assert_cmpuint (tn_resource_store_count_by (store, "ikepolicy-id", "ike-3"), ==, 1);
  g_assert_cmpuint (tn_resource_store_count_by (store, "ipsecpolicy-id", "ipsec-2"), ==, 2);
}

static void
test_store_update_from_psk_and_strv (void)
{
  g_autoptr(TnResource) a = new_connection ("c1", "svc", "ike", "ipsec");
  g_autoptr(TnResource) b = new_connection ("c1", "svc", "ike", "ipsec");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  const char *cidrs[] = { "10.0.0.0/24", NULL };

  tn_connection_set_peer_cidrs (TN_CONNECTION (b), cidrs);
  tn_connection_set_psk (TN_CONNECTION (b), "a-secret-key");
  tn_connection_set_admin_state_up (TN_CONNECTION (b), FALSE);
  gt_signal_logger_connect (logger, a, "notify");

  g_assert_true (tn_resource_update_from (a, b));
  gt_signal_logger_assert_notify_emission_pop (logger, a, "admin-state-up");
  gt_signal_logger_assert_notify_emission_pop (logger, a, "psk");
  gt_signal_logger_assert_notify_emission_pop (logger, a, "peer-cidrs");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tn_resource_update_from (a, b));
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tn_connection_get_peer_cidrs (TN_CONNECTION (a))[0], ==, "10.0.0.0/24");
}


static void
test_permissions (void)
{
  g_autoptr(TnResource) policy = new_policy ("p", "policy");
  g_autoptr(TnResource) service = TN_RESOURCE (tn_vpn_service_new ());
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(TnPermissions) free_policy = { 0 };
  g_auto(TnPermissions) used_policy = { 0 };
  g_auto(TnPermissions) building = { 0 };
  g_auto(TnPermissions) deleting = { 0 };
  g_auto(TnPermissions) failed = { 0 };
  g_auto(TnPermissions) used_service = { 0 };
  g_auto(TnPermissions) pending = { 0 };

  /* A plain Neutron policy without status, unused: everything goes. */
  tn_permissions_compute (&free_policy, policy, NULL);
  g_assert_true (free_policy.show_edit && free_policy.can_edit && free_policy.can_delete);
  g_assert_null (free_policy.edit_reason);

  /* Used: neither, and the reason names the connections. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      TnResource *connection = new_connection (id, "svc", "p", "q");

      tn_resource_set_name (connection, id);
      g_ptr_array_add (users, connection);
    }
  tn_permissions_compute (&used_policy, policy, users);
  g_assert_false (used_policy.can_edit || used_policy.can_delete);
  g_assert_nonnull (strstr (used_policy.edit_reason, "“c0”"));
  g_assert_null (strstr (used_policy.edit_reason, "“c4”"));
  g_assert_nonnull (strstr (used_policy.delete_reason, "2"));

  /* Type B statuses: BUILD and DELETING block both; CREATE_ERROR hides Edit. */
  tn_resource_set_status (policy, "BUILD");
  tn_permissions_compute (&building, policy, NULL);
  g_assert_true (building.show_edit);
  g_assert_false (building.can_edit || building.can_delete);
  g_assert_nonnull (building.delete_reason);
  tn_resource_set_status (policy, "DELETING");
  tn_permissions_compute (&deleting, policy, NULL);
  g_assert_false (deleting.can_edit || deleting.can_delete);
  tn_resource_set_status (policy, "CREATE_ERROR");
  tn_permissions_compute (&failed, policy, NULL);
  g_assert_false (failed.show_edit);
  g_assert_true (failed.can_delete);

  /* A service with connections can change but not go; PENDING_* blocks all. */
  tn_resource_set_status (service, "ACTIVE");
  tn_permissions_compute (&used_service, service, users);
  g_assert_true (used_service.can_edit);
  g_assert_false (used_service.can_delete);
  g_assert_nonnull (used_service.delete_reason);
  tn_resource_set_status (service, "PENDING_UPDATE");
  tn_permissions_compute (&pending, service, NULL);
  g_assert_false (pending.can_edit || pending.can_delete);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/first-load", test_store_first_load);
  g_test_add_func ("/store/refresh-unchanged", test_store_refresh_unchanged);
  g_test_add_func ("/store/refresh-changed-fields", test_store_refresh_changed_fields);
  g_test_add_func ("/store/refresh-removed-and-added", test_store_refresh_removed_and_added);
  g_test_add_func ("/store/duplicates-and-wrong-kind", test_store_duplicates_and_wrong_kind);
  g_test_add_func ("/store/pages/first-load", test_store_pages_first_load);
  g_test_add_func ("/store/pages/over-items", test_store_pages_over_items);
  g_test_add_func ("/store/pages/incomplete-and-cancelled", test_store_pages_incomplete_and_cancelled);
  g_test_add_func ("/store/apply-async-slices", test_store_apply_async_slices);
  g_test_add_func ("/store/apply-superseded", test_store_apply_superseded);
  g_test_add_func ("/store/upsert-remove-clear", test_store_upsert_remove_clear);
  g_test_add_func ("/store/state", test_store_state);
  g_test_add_func ("/store/relations", test_store_relations);
  g_test_add_func ("/store/update-from", test_store_update_from_psk_and_strv);
  g_test_add_func ("/permissions", test_permissions);

  return g_test_run ();
}
