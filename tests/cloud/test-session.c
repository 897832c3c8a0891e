/* test-session.c: the cloud layer against the sandbox over loopback: sign
 * in, every operation in every dialect, re-authentication, pagination,
 * cancellation and every fault
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-router.h"
#include "tn-subnet.h"
#include "tn-extension.h"
#include "tn-test-cloud.h"
#include "tn-vpn-service.h"

#define AUTH_PATH "*/auth/tokens"
#define IKE_PATH  "*/ikepolicies"

/* Sign-in */

static void
test_sign_in_password (TnTestCloud   *cloud,
                       gconstpointer  region)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_false (tn_session_is_signed_in (cloud->session));
  tn_test_sign_in (cloud->session);

  g_assert_true (tn_session_is_signed_in (cloud->session));
  g_assert_nonnull (tn_session_get_project_id (cloud->session));
  g_assert_nonnull (tn_session_get_expires_at (cloud->session));
  g_assert_cmpint (g_date_time_compare (tn_session_get_expires_at (cloud->session), now), >, 0);
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 1);
}

static void
test_sign_in_wrong_password (TnTestCloud   *cloud,
                             gconstpointer  region)
{
  g_autoptr(TnAccount) account = tn_test_cloud_new_account (cloud);
  g_autoptr(TnSession) session = tn_test_cloud_new_session (cloud, account, "not-the-password");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_session_sign_in_async (session, NULL, tn_test_on_result_cb, &result);
  g_assert_false (tn_session_sign_in_finish (session, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_assert_cmpuint (tn_error_get_details (error)->http_status, ==, 401);
  g_assert_false (tn_session_is_signed_in (session));
}

static void
test_sign_in_app_credential (TnTestCloud   *cloud,
                             gconstpointer  region)
{
  g_autoptr(TnAccount) account = tn_account_new (tn_sandbox_get_identity_url (cloud->sandbox), cloud->region);
  g_autoptr(TnSession) session = NULL;
  g_autoptr(TnSession) wrong = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  tn_sandbox_add_app_credential (cloud->sandbox, "app-cred-id", "app-cred-secret");
  tn_account_set_application_credential_id (account, "app-cred-id");
  g_assert_cmpint (tn_account_get_auth_method (account), ==, TN_AUTH_APPLICATION_CREDENTIAL);

  session = tn_test_cloud_new_session (cloud, account, "app-cred-secret");
  tn_test_sign_in (session);
  items = tn_test_list (session, TN_RESOURCE_IKE_POLICY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  wrong = tn_test_cloud_new_session (cloud, account, "wrong-secret");
  tn_session_sign_in_async (wrong, NULL, tn_test_on_result_cb, &result);
  g_assert_false (tn_session_sign_in_finish (wrong, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
}

static void
test_sign_in_no_endpoint (TnTestCloud   *cloud,
                          gconstpointer  region)
{
  g_autoptr(TnAccount) account = tn_test_cloud_new_account (cloud);
  g_autoptr(TnSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_account_set_region (account, "nowhere-1");
  session = tn_test_cloud_new_session (cloud, account, TN_SANDBOX_PASSWORD);
  tn_session_sign_in_async (session, NULL, tn_test_on_result_cb, &result);
  g_assert_false (tn_session_sign_in_finish (session, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_NO_ENDPOINT);
}

/* Every operation, in every dialect */

static TnResource *
check_create (TnTestCloud    *cloud,
              TnResource     *resource)
{
  g_autoptr(GError) error = NULL;
  TnResource *created = tn_test_create (cloud->session, resource, &error);

  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_true (G_OBJECT_TYPE (created) == G_OBJECT_TYPE (resource));
  g_assert_nonnull (tn_resource_get_id (created));
  g_assert_cmpstr (tn_resource_get_name (created), ==, tn_resource_get_name (resource));
  g_assert_cmpstr (tn_resource_get_region (created), ==, cloud->region);
  g_assert_true (tn_resource_is_settled (created));

  return created;
}

static void
check_show_and_list (TnTestCloud *cloud,
                     TnResource  *resource)
{
  TnResourceKind kind = tn_resource_get_kind (resource);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TnResource) shown = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  tn_session_show_async (cloud->session, kind, tn_resource_get_id (resource), NULL,
                         tn_test_on_result_cb, &result);
  shown = tn_session_show_finish (cloud->session, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tn_resource_get_id (shown), ==, tn_resource_get_id (resource));
  g_assert_cmpstr (tn_resource_get_description (shown), ==, tn_resource_get_description (resource));

  items = tn_test_list (cloud->session, kind, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    found |= g_strcmp0 (tn_resource_get_id (g_ptr_array_index (items, i)), tn_resource_get_id (resource)) == 0;
  g_assert_true (found);
}

static TnResource *
check_update (TnTestCloud *cloud,
              TnResource  *resource,
              const char  *property,
              ...)
{
  g_autoptr(TnResource) changed = tn_resource_dup (resource);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TnResource *updated;
  va_list args;

  tn_resource_set_description (changed, "changed by test-session");
  va_start (args, property);
  if (property != NULL)
    g_object_set_valist (G_OBJECT (changed), property, args);
  va_end (args);

  tn_session_update_async (cloud->session, resource, changed, TN_WRITE_FLAGS_WAIT, NULL,
                           tn_test_on_result_cb, &result);
  updated = tn_session_update_finish (cloud->session, tn_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tn_resource_get_id (updated), ==, tn_resource_get_id (resource));
  g_assert_cmpstr (tn_resource_get_description (updated), ==, "changed by test-session");
  g_assert_true (tn_resource_is_settled (updated));

  return updated;
}

static void
check_delete (TnTestCloud *cloud,
              TnResource  *resource)
{
  TnResourceKind kind = tn_resource_get_kind (resource);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnResource) gone = NULL;

  tn_session_delete_async (cloud->session, kind, tn_resource_get_id (resource),
                           TN_WRITE_FLAGS_WAIT, NULL, tn_test_on_result_cb, &result);
  g_assert_true (tn_session_delete_finish (cloud->session, tn_test_wait (&result), &error));
  g_assert_no_error (error);

  tn_session_show_async (cloud->session, kind, tn_resource_get_id (resource), NULL,
                         tn_test_on_result_cb, &shown);
  gone = tn_session_show_finish (cloud->session, tn_test_wait (&shown), &error);
  g_assert_null (gone);
  g_assert_error (error, TN_ERROR, TN_ERROR_NOT_FOUND);
}

static void
test_crud (TnTestCloud   *cloud,
           gconstpointer  region)
{
  g_autoptr(TnResource) existing_service = tn_test_find_settled (cloud->session, TN_RESOURCE_VPN_SERVICE);
  g_autoptr(TnResource) ike_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IKE_POLICY, "t-ike");
  g_autoptr(TnResource) ipsec_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IPSEC_POLICY, "t-ipsec");
  g_autoptr(TnResource) service_in = tn_test_new_resource (cloud->session, TN_RESOURCE_VPN_SERVICE, "t-svc");
  g_autoptr(TnResource) conn_in = tn_test_new_resource (cloud->session, TN_RESOURCE_CONNECTION, "t-conn");
  g_autoptr(TnResource) ike = NULL, ipsec = NULL, service = NULL, conn = NULL;
  g_autoptr(TnResource) ike2 = NULL, ipsec2 = NULL, service2 = NULL, conn2 = NULL;
  const char * const cidrs[] = { "192.168.77.0/24", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *zone = g_strconcat (cloud->region, "a", NULL);
  const TnRegionProfile *profile = tn_session_get_profile (cloud->session);

  g_assert_nonnull (existing_service);

  /* Set everywhere; only type A has it, and a plain Neutron would refuse
   * it (400 Unrecognized attribute): the client must leave it out. */
  tn_ike_policy_set_availability_zone (TN_IKE_POLICY (ike_in), zone);
  ike = check_create (cloud, ike_in);
  if (tn_region_profile_has_field (profile, TN_RESOURCE_IKE_POLICY, "availability_zone"))
    g_assert_cmpstr (tn_ike_policy_get_availability_zone (TN_IKE_POLICY (ike)), ==, zone);
  else
    g_assert_null (tn_ike_policy_get_availability_zone (TN_IKE_POLICY (ike)));

  ipsec = check_create (cloud, ipsec_in);

  tn_vpn_service_set_router_id (TN_VPN_SERVICE (service_in),
                                tn_vpn_service_get_router_id (TN_VPN_SERVICE (existing_service)));
  tn_vpn_service_set_subnet_id (TN_VPN_SERVICE (service_in),
                                tn_vpn_service_get_subnet_id (TN_VPN_SERVICE (existing_service)));
  service = check_create (cloud, service_in);

  tn_connection_set_vpnservice_id (TN_CONNECTION (conn_in), tn_resource_get_id (existing_service));
  tn_connection_set_ikepolicy_id (TN_CONNECTION (conn_in), tn_resource_get_id (ike));
  tn_connection_set_ipsecpolicy_id (TN_CONNECTION (conn_in), tn_resource_get_id (ipsec));
  tn_connection_set_peer_address (TN_CONNECTION (conn_in), "203.0.113.77");
  tn_connection_set_peer_id (TN_CONNECTION (conn_in), "203.0.113.77");
  tn_connection_set_peer_cidrs (TN_CONNECTION (conn_in), cidrs);
  tn_connection_set_psk (TN_CONNECTION (conn_in), "test-session-psk");
  conn = check_create (cloud, conn_in);
  g_assert_cmpstr (tn_connection_get_peer_cidrs (TN_CONNECTION (conn))[0], ==, "192.168.77.0/24");

  check_show_and_list (cloud, ike);
  check_show_and_list (cloud, ipsec);
  check_show_and_list (cloud, service);
  check_show_and_list (cloud, conn);

  /* A policy in use can be neither changed nor deleted. */
  tn_session_delete_async (cloud->session, TN_RESOURCE_IKE_POLICY, tn_resource_get_id (ike),
                           TN_WRITE_FLAGS_NONE, NULL, tn_test_on_result_cb, &result);
  g_assert_false (tn_session_delete_finish (cloud->session, tn_test_wait (&result), &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_CONFLICT);
  g_assert_nonnull (tn_error_get_details (error)->type);
  g_clear_error (&error);

  conn2 = check_update (cloud, conn, "dpd-interval", 15, NULL);
  g_assert_cmpint (tn_connection_get_dpd_interval (TN_CONNECTION (conn2)), ==, 15);
  service2 = check_update (cloud, service, "admin-state-up", FALSE, NULL);
  g_assert_false (tn_vpn_service_get_admin_state_up (TN_VPN_SERVICE (service2)));

  check_delete (cloud, conn2);
  check_delete (cloud, service2);

  ike2 = check_update (cloud, ike, "pfs", "group14", NULL);
  g_assert_cmpstr (tn_ike_policy_get_pfs (TN_IKE_POLICY (ike2)), ==, "group14");
  ipsec2 = check_update (cloud, ipsec, "lifetime-value", 3000, NULL);
  g_assert_cmpint (tn_ipsec_policy_get_lifetime_value (TN_IPSEC_POLICY (ipsec2)), ==, 3000);

  check_delete (cloud, ike2);
  check_delete (cloud, ipsec2);
}

/* Type B writes answer 202; without TN_WRITE_FLAGS_WAIT the result is the
 * accepted resource, and tn_session_wait_async() settles it. */
static void
test_accepted_then_wait (TnTestCloud   *cloud,
                         gconstpointer  region)
{
  g_autoptr(TnResource) ike_in = tn_test_new_resource (cloud->session, TN_RESOURCE_IKE_POLICY, "t-async");
  g_autoptr(TnResource) accepted = NULL;
  g_autoptr(TnResource) settled = NULL;
  g_autoptr(TnResource) gone = NULL;
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) waited = NULL;
  g_autoptr(GAsyncResult) deleted = NULL;
  g_autoptr(GAsyncResult) waited_gone = NULL;
  g_autoptr(GError) error = NULL;

  tn_sandbox_set_settle_delay (cloud->sandbox, 200);

  tn_session_create_async (cloud->session, ike_in, TN_WRITE_FLAGS_NONE, NULL,
                           tn_test_on_result_cb, &created);
  accepted = tn_session_create_finish (cloud->session, tn_test_wait (&created), &error);
  g_assert_no_error (error);
  if (tn_region_profile_writes_are_async (tn_session_get_profile (cloud->session)))
    g_assert_false (tn_resource_is_settled (accepted));

  tn_session_wait_async (cloud->session, TN_RESOURCE_IKE_POLICY, tn_resource_get_id (accepted),
                         NULL, tn_test_on_result_cb, &waited);
  settled = tn_session_wait_finish (cloud->session, tn_test_wait (&waited), &error);
  g_assert_no_error (error);
  g_assert_true (tn_resource_is_settled (settled));

  tn_session_delete_async (cloud->session, TN_RESOURCE_IKE_POLICY, tn_resource_get_id (settled),
                           TN_WRITE_FLAGS_NONE, NULL, tn_test_on_result_cb, &deleted);
  g_assert_true (tn_session_delete_finish (cloud->session, tn_test_wait (&deleted), &error));

  tn_session_wait_async (cloud->session, TN_RESOURCE_IKE_POLICY, tn_resource_get_id (settled),
                         NULL, tn_test_on_result_cb, &waited_gone);
  gone = tn_session_wait_finish (cloud->session, tn_test_wait (&waited_gone), &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

static void
test_network_lists (TnTestCloud   *cloud,
                    gconstpointer  region)
{
  g_autoptr(GAsyncResult) routers_result = NULL;
  g_autoptr(GAsyncResult) subnets_result = NULL;
  g_autoptr(GAsyncResult) extensions_result = NULL;
  g_autoptr(GPtrArray) routers = NULL;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_gateway = FALSE, has_vpnaas = FALSE;

  tn_session_list_routers_async (cloud->session, NULL, tn_test_on_result_cb, &routers_result);
  tn_session_list_subnets_async (cloud->session, NULL, tn_test_on_result_cb, &subnets_result);
  tn_session_list_extensions_async (cloud->session, NULL, tn_test_on_result_cb, &extensions_result);

  routers = tn_session_list_routers_finish (cloud->session, tn_test_wait (&routers_result), &error);
  g_assert_no_error (error);
  subnets = tn_session_list_subnets_finish (cloud->session, tn_test_wait (&subnets_result), &error);
  g_assert_no_error (error);
  extensions = tn_session_list_extensions_finish (cloud->session, tn_test_wait (&extensions_result), &error);
  g_assert_no_error (error);

  /* Three requests at once share one sign-in. */
  g_assert_cmpuint (tn_sandbox_count_requests (cloud->sandbox, "POST", AUTH_PATH), ==, 1);

  g_assert_cmpuint (routers->len, >, 0);
  for (guint i = 0; i < routers->len; i++)
    has_gateway |= ((TnRouter *)g_ptr_array_index (routers, i))->external_network_id != NULL;
  g_assert_true (has_gateway);

  g_assert_cmpuint (subnets->len, >, 0);
  g_assert_nonnull (((TnSubnet *)g_ptr_array_index (subnets, 0))->cidr);

  for (guint i = 0; i < extensions->len; i++)
    has_vpnaas |= g_strcmp0 (((TnExtension *)g_ptr_array_index (extensions, i))->alias, "vpnaas") == 0;
  g_assert_true (has_vpnaas);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; tn_test_regions[i] != NULL; i++)
    {
      static const struct {
        const char *name;
        void (*func) (TnTestCloud *, gconstpointer);
      } tests[] = {
        { "sign-in/password", test_sign_in_password },
        { "sign-in/wrong-password", test_sign_in_wrong_password },
        { "sign-in/app-credential", test_sign_in_app_credential },
        { "sign-in/no-endpoint", test_sign_in_no_endpoint },
        { "crud", test_crud },
        { "accepted-then-wait", test_accepted_then_wait },
        { "network-lists", test_network_lists },
      };

      for (guint j = 0; j < G_N_ELEMENTS (tests); j++)
        {
          g_autofree char *path = g_strdup_printf ("/session/%s/%s", tn_test_regions[i], tests[j].name);

          g_test_add (path, TnTestCloud, tn_test_regions[i],
                      tn_test_cloud_setup, tests[j].func, tn_test_cloud_teardown);
        }
    }

  return g_test_run ();
}
