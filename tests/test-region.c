/* test-region.c: the region table says what SPEC §3 and the portal say
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tn-region.h"
#include "tn-resource.h"

#define IKE   TN_RESOURCE_IKE_POLICY
#define IPSEC TN_RESOURCE_IPSEC_POLICY
#define SVC   TN_RESOURCE_VPN_SERVICE
#define CONN  TN_RESOURCE_CONNECTION

static const char *type_a[] = { "jp-east-1", "jp-east-2", "jp-west-1", "jp-west-2" };
static const char *type_b[] = { "jp-east-3", "jp-west-3" };

static void
assert_access (const char     *region,
               TnResourceKind  kind,
               const char     *field,
               TnFieldAccess   expected)
{
  const TnRegionProfile *p = tn_region_profile_lookup (region);
  TnFieldAccess access = tn_region_profile_get_access (p, kind, field);

  if (access != expected)
    g_error ("%s %s.%s: access %d, expected %d", region,
             tn_resource_kind_get_collection (kind), field, access, expected);
}

static void
assert_allowed (const char     *region,
                TnResourceKind  kind,
                const char     *field,
                const char     *values)
{
  const TnRegionProfile *p = tn_region_profile_lookup (region);
  const char * const *allowed = tn_region_profile_get_allowed (p, kind, field);
  g_autofree char *joined = allowed ? g_strjoinv (" ", (char **) allowed) : g_strdup ("(any)");

  g_assert_cmpstr (joined, ==, values);
}

static void
assert_default (const char     *region,
                TnResourceKind  kind,
                const char     *field,
                const char     *value)
{
  const TnRegionProfile *p = tn_region_profile_lookup (region);

  g_assert_cmpstr (tn_region_profile_get_default (p, kind, field), ==, value);
}

static void
assert_range (const char     *region,
              TnResourceKind  kind,
              const char     *field,
              gint64          min,
              gint64          max)
{
  const TnRegionProfile *p = tn_region_profile_lookup (region);
  gint64 lo, hi;

  g_assert_true (tn_region_profile_get_range (p, kind, field, &lo, &hi));
  g_assert_cmpint (lo, ==, min);
  g_assert_cmpint (hi, ==, max);
}

static void
test_region_lookup (void)
{
  g_assert_cmpint (tn_region_profile_get_dialect (tn_region_profile_lookup ("RegionOne")), ==, TN_DIALECT_OPENSTACK);
  g_assert_cmpint (tn_region_profile_get_dialect (tn_region_profile_lookup (NULL)), ==, TN_DIALECT_OPENSTACK);
  g_assert_null (tn_region_profile_get_name (tn_region_profile_lookup ("RegionOne")));

  for (guint i = 0; i < G_N_ELEMENTS (type_a); i++)
    {
      const TnRegionProfile *p = tn_region_profile_lookup (type_a[i]);

      g_assert_cmpint (tn_region_profile_get_dialect (p), ==, TN_DIALECT_FJCLOUD_A);
      g_assert_cmpstr (tn_region_profile_get_name (p), ==, type_a[i]);
      g_assert_nonnull (tn_region_profile_get_display_name (p));
    }
  for (guint i = 0; i < G_N_ELEMENTS (type_b); i++)
    g_assert_cmpint (tn_region_profile_get_dialect (tn_region_profile_lookup (type_b[i])), ==, TN_DIALECT_FJCLOUD_B);

  g_assert_cmpuint (g_strv_length ((char **) tn_region_profile_list_regions ()), ==, 6);
  g_assert_cmpstr (tn_region_profile_get_display_name (tn_region_profile_lookup ("jp-west-3")), ==, "West Japan 3");
}

static void
test_region_api_family (void)
{
  const TnRegionProfile *os = tn_region_profile_lookup ("RegionOne");
  const TnRegionProfile *a = tn_region_profile_lookup ("jp-east-1");
  const TnRegionProfile *b = tn_region_profile_lookup ("jp-east-3");
  g_autofree char *os_path = tn_region_profile_get_vpn_path (os, IKE);
  g_autofree char *a_path = tn_region_profile_get_vpn_path (a, CONN);
  g_autofree char *b_path = tn_region_profile_get_vpn_path (b, IPSEC);

  g_assert_cmpstr (os_path, ==, "/v2.0/vpn/ikepolicies");
  g_assert_cmpstr (a_path, ==, "/v2.0/vpn/ipsec-site-connections");
  g_assert_cmpstr (b_path, ==, "/vpn/nfv/ipsecpolicies");

  g_assert_false (tn_region_profile_writes_are_async (os));
  g_assert_false (tn_region_profile_writes_are_async (a));
  g_assert_true (tn_region_profile_writes_are_async (b));
  g_assert_true (tn_region_profile_sorts_lists (os));
  g_assert_true (tn_region_profile_sorts_lists (a));
  g_assert_false (tn_region_profile_sorts_lists (b));

  g_assert_true (g_strv_contains (tn_region_profile_get_service_types (os), "network"));
  g_assert_cmpstr (tn_region_profile_get_service_types (a)[0], ==, "networking");
  g_assert_cmpstr (tn_region_profile_get_vpn_service_types (b)[0], ==, "nfv");

  g_assert_cmpuint (tn_region_profile_get_max_peer_cidrs (os), ==, 0);
  g_assert_cmpuint (tn_region_profile_get_max_peer_cidrs (a), ==, 1);
  g_assert_cmpuint (tn_region_profile_get_max_peer_cidrs (b), ==, 1);
  g_assert_false (tn_region_profile_peer_ipv4_only (os));
  g_assert_true (tn_region_profile_peer_ipv4_only (a));

  g_assert_true (tn_region_profile_warns_service_drop (a));
  g_assert_false (tn_region_profile_warns_service_drop (os));
  g_assert_false (tn_region_profile_warns_service_drop (b));
  g_assert_true (tn_region_profile_warns_same_region (b));
  g_assert_false (tn_region_profile_warns_same_region (a));
}

static void
test_region_availability_zone (void)
{
  /* Type A: on every resource; chosen for services and policies, shown
   * (inherited) on connections. Elsewhere absent: a plain Neutron rejects
   * the attribute with 400. */
  for (guint i = 0; i < G_N_ELEMENTS (type_a); i++)
    {
      assert_access (type_a[i], IKE, "availability_zone", TN_FIELD_CREATE_ONLY);
      assert_access (type_a[i], IPSEC, "availability_zone", TN_FIELD_CREATE_ONLY);
      assert_access (type_a[i], SVC, "availability_zone", TN_FIELD_CREATE_ONLY);
      assert_access (type_a[i], CONN, "availability_zone", TN_FIELD_READ_ONLY);
    }
  for (TnResourceKind k = 0; k < TN_N_RESOURCE_KINDS; k++)
    {
      assert_access ("RegionOne", k, "availability_zone", TN_FIELD_ABSENT);
      assert_access ("jp-east-3", k, "availability_zone", TN_FIELD_ABSENT);
    }
}

static void
test_region_initiator_and_ike_version (void)
{
  /* Initiator: on the connection, except type B: on the IPsec policy. */
  assert_access ("RegionOne", CONN, "initiator", TN_FIELD_EDITABLE);
  assert_access ("jp-east-1", CONN, "initiator", TN_FIELD_EDITABLE);
  assert_access ("jp-east-3", CONN, "initiator", TN_FIELD_ABSENT);
  assert_access ("jp-east-3", IPSEC, "initiator", TN_FIELD_EDITABLE);
  assert_access ("RegionOne", IPSEC, "initiator", TN_FIELD_ABSENT);
  assert_allowed ("jp-west-3", IPSEC, "initiator", "bi-directional response-only");

  /* IKE version: IKE policy (choose), type A fixed v1, type B on the connection (default v1). */
  assert_access ("RegionOne", IKE, "ike_version", TN_FIELD_EDITABLE);
  assert_allowed ("RegionOne", IKE, "ike_version", "v1 v2");
  assert_access ("jp-east-2", IKE, "ike_version", TN_FIELD_FIXED);
  assert_default ("jp-east-2", IKE, "ike_version", "v1");
  assert_access ("jp-east-3", IKE, "ike_version", TN_FIELD_ABSENT);
  assert_access ("jp-east-3", CONN, "ike_version", TN_FIELD_EDITABLE);
  assert_default ("jp-east-3", CONN, "ike_version", "v1");
  assert_access ("RegionOne", CONN, "ike_version", TN_FIELD_ABSENT);
  assert_access ("jp-east-3", CONN, "ipsec_endpoint_address", TN_FIELD_READ_ONLY);
}

static void
test_region_policy_status (void)
{
  assert_access ("jp-east-3", IKE, "status", TN_FIELD_READ_ONLY);
  assert_access ("jp-west-3", IPSEC, "status", TN_FIELD_READ_ONLY);
  assert_access ("RegionOne", IKE, "status", TN_FIELD_ABSENT);
  assert_access ("jp-east-1", IPSEC, "status", TN_FIELD_ABSENT);
  /* 詳細: the server's text about the status, shown, never sent */
  assert_access ("jp-east-3", IKE, "status_description", TN_FIELD_READ_ONLY);
  assert_access ("jp-west-3", IPSEC, "status_description", TN_FIELD_READ_ONLY);
  assert_access ("RegionOne", IKE, "status_description", TN_FIELD_ABSENT);
  assert_access ("jp-east-2", IPSEC, "status_description", TN_FIELD_ABSENT);
}

static void
test_region_algorithms (void)
{
  /* The hash: fixed sha1 in jp-east-1, jp-west-1, jp-west-2; chosen in jp-east-2 and type B. */
  const char *fixed_sha1[] = { "jp-east-1", "jp-west-1", "jp-west-2" };

  for (guint i = 0; i < G_N_ELEMENTS (fixed_sha1); i++)
    {
      assert_access (fixed_sha1[i], IKE, "auth_algorithm", TN_FIELD_FIXED);
      assert_access (fixed_sha1[i], IPSEC, "auth_algorithm", TN_FIELD_FIXED);
      assert_default (fixed_sha1[i], IPSEC, "auth_algorithm", "sha1");
    }
  assert_access ("jp-east-2", IKE, "auth_algorithm", TN_FIELD_CREATE_ONLY);
  assert_allowed ("jp-east-2", IKE, "auth_algorithm", "sha1 sha256");
  assert_access ("jp-east-3", IKE, "auth_algorithm", TN_FIELD_EDITABLE);
  assert_allowed ("jp-east-3", IPSEC, "auth_algorithm", "sha1 sha256");
  assert_access ("RegionOne", IKE, "auth_algorithm", TN_FIELD_EDITABLE);
  assert_allowed ("RegionOne", IKE, "auth_algorithm", "sha1 sha256 sha384 sha512 aes-xcbc aes-cmac");

  /* Encryption and PFS. */
  for (guint i = 0; i < G_N_ELEMENTS (type_a); i++)
    {
      assert_allowed (type_a[i], IKE, "encryption_algorithm", "aes-128 aes-192 aes-256");
      assert_allowed (type_a[i], IPSEC, "pfs", "group2 group5 group14");
    }
  assert_allowed ("jp-east-3", IKE, "pfs", "group2 group5 group14");
  assert_allowed ("RegionOne", IKE, "encryption_algorithm", "3des aes-128 aes-192 aes-256");

  {
    const TnRegionProfile *os = tn_region_profile_lookup ("RegionOne");
    const char * const *pfs = tn_region_profile_get_allowed (os, IKE, "pfs");

    g_assert_cmpstr (pfs[0], ==, "group2");
    g_assert_cmpuint (g_strv_length ((char **) pfs), ==, 20);
    g_assert_true (tn_region_profile_allows (os, IKE, "pfs", "group31"));
    g_assert_false (tn_region_profile_allows (os, IKE, "pfs", "group99"));
    g_assert_false (tn_region_profile_allows (tn_region_profile_lookup ("jp-east-1"), IKE, "pfs", "group15"));
  }

  /* Transform / encapsulation / phase 1: fixed esp / tunnel / main on FJcloud. */
  for (guint i = 0; i < G_N_ELEMENTS (type_a); i++)
    {
      assert_access (type_a[i], IPSEC, "transform_protocol", TN_FIELD_FIXED);
      assert_default (type_a[i], IPSEC, "transform_protocol", "esp");
      assert_access (type_a[i], IPSEC, "encapsulation_mode", TN_FIELD_FIXED);
      assert_default (type_a[i], IPSEC, "encapsulation_mode", "tunnel");
      assert_access (type_a[i], IKE, "phase1_negotiation_mode", TN_FIELD_FIXED);
      assert_default (type_a[i], IKE, "phase1_negotiation_mode", "main");
    }
  assert_access ("jp-east-3", IPSEC, "transform_protocol", TN_FIELD_FIXED);
  assert_access ("jp-east-3", IPSEC, "encapsulation_mode", TN_FIELD_FIXED);
  assert_access ("RegionOne", IPSEC, "transform_protocol", TN_FIELD_EDITABLE);
  assert_allowed ("RegionOne", IPSEC, "transform_protocol", "esp ah ah-esp");
  assert_allowed ("RegionOne", IKE, "phase1_negotiation_mode", "main aggressive");
}

static void
test_region_lifetime (void)
{
  assert_default ("RegionOne", IKE, "lifetime.value", "3600");
  assert_range ("RegionOne", IKE, "lifetime.value", 60, 0);
  assert_default ("jp-east-1", IPSEC, "lifetime.value", "2000");
  assert_default ("jp-east-3", IKE, "lifetime.value", "2000");
  assert_range ("jp-east-3", IKE, "lifetime.value", 120, 946080000);
  assert_range ("jp-west-3", IPSEC, "lifetime.value", 120, 946080000);
}

static void
test_region_dpd_and_peer (void)
{
  assert_allowed ("RegionOne", CONN, "dpd.action", "hold clear restart disabled restart-by-peer");
  assert_allowed ("jp-east-1", CONN, "dpd.action", "hold restart");
  assert_default ("RegionOne", CONN, "dpd.action", "hold");
  assert_default ("RegionOne", CONN, "dpd.interval", "30");
  assert_default ("RegionOne", CONN, "dpd.timeout", "120");
  assert_access ("jp-east-3", CONN, "dpd.timeout", TN_FIELD_FIXED);
  assert_range ("jp-east-3", CONN, "dpd.timeout", 120, 120);
  assert_access ("RegionOne", CONN, "dpd.timeout", TN_FIELD_EDITABLE);
  assert_default ("RegionOne", CONN, "mtu", "1500");
  assert_range ("RegionOne", CONN, "mtu", 68, 0);
  assert_range ("jp-east-1", CONN, "peer_cidrs", 1, 1);
  assert_range ("RegionOne", CONN, "psk", 1, 255);

  /* Immutable after create. */
  assert_access ("RegionOne", CONN, "ikepolicy_id", TN_FIELD_CREATE_ONLY);
  assert_access ("jp-east-3", CONN, "ipsecpolicy_id", TN_FIELD_CREATE_ONLY);
  assert_access ("jp-east-1", SVC, "router_id", TN_FIELD_CREATE_ONLY);
  assert_access ("RegionOne", SVC, "external_v4_ip", TN_FIELD_READ_ONLY);
}

static void
test_region_editable_fields (void)
{
  /* The portal's lists of what an edit may change (SPEC §3). */
  static const struct {
    const char     *region;
    TnResourceKind  kind;
    const char     *editable;
  } cases[] = {
    { "jp-east-1", IKE, "name description encryption_algorithm lifetime.value pfs" },
    { "jp-east-2", IKE, "name description encryption_algorithm lifetime.value pfs" },
    { "jp-west-2", IPSEC, "name description encryption_algorithm lifetime.value pfs" },
    { "jp-east-3", IKE, "name description auth_algorithm encryption_algorithm lifetime.value pfs" },
    { "jp-west-3", IPSEC, "name description initiator auth_algorithm encryption_algorithm lifetime.value pfs" },
    { "RegionOne", IKE, "name description auth_algorithm encryption_algorithm phase1_negotiation_mode "
                        "lifetime.units lifetime.value ike_version pfs" },
    { "RegionOne", IPSEC, "name description transform_protocol auth_algorithm encapsulation_mode "
                          "encryption_algorithm lifetime.units lifetime.value pfs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TnRegionProfile *p = tn_region_profile_lookup (cases[i].region);
      g_autoptr(GPtrArray) fields = tn_region_profile_list_fields (p, cases[i].kind);
      g_autoptr(GString) editable = g_string_new (NULL);

      for (guint j = 0; j < fields->len; j++)
        {
          const char *field = g_ptr_array_index (fields, j);

          g_assert_true (tn_region_profile_has_field (p, cases[i].kind, field));
          if (tn_region_profile_is_editable (p, cases[i].kind, field))
            g_string_append_printf (editable, "%s%s", editable->len ? " " : "", field);
        }

      g_assert_cmpstr (editable->str, ==, cases[i].editable);
    }
}


/* Every region × resource × field of the models: the table answers
 * consistently, and the fields each dialect has are exactly SPEC §2–3's. */
static const struct {
  TnResourceKind kind;
  const char    *openstack;
  const char    *type_a;
  const char    *type_b;
} present[] = {
  { IKE, "name description auth_algorithm encryption_algorithm phase1_negotiation_mode lifetime.units lifetime.value ike_version pfs",
         "name description availability_zone auth_algorithm encryption_algorithm phase1_negotiation_mode lifetime.units lifetime.value ike_version pfs",
         "name description status status_description auth_algorithm encryption_algorithm phase1_negotiation_mode lifetime.units lifetime.value pfs" },
  { IPSEC, "name description transform_protocol auth_algorithm encapsulation_mode encryption_algorithm lifetime.units lifetime.value pfs",
           "name description availability_zone transform_protocol auth_algorithm encapsulation_mode encryption_algorithm lifetime.units lifetime.value pfs",
           "name description status status_description initiator transform_protocol auth_algorithm encapsulation_mode encryption_algorithm lifetime.units lifetime.value pfs" },
  { SVC, "name description admin_state_up router_id subnet_id status external_v4_ip external_v6_ip",
         "name description availability_zone admin_state_up router_id subnet_id status external_v4_ip external_v6_ip",
         "name description admin_state_up router_id subnet_id status external_v4_ip external_v6_ip" },
  { CONN, "name description vpnservice_id ikepolicy_id ipsecpolicy_id peer_address peer_id local_id peer_cidrs psk initiator dpd.action dpd.interval dpd.timeout mtu admin_state_up status auth_mode route_mode",
          "name description availability_zone vpnservice_id ikepolicy_id ipsecpolicy_id peer_address peer_id local_id peer_cidrs psk initiator dpd.action dpd.interval dpd.timeout mtu admin_state_up status auth_mode route_mode",
          "name description vpnservice_id ikepolicy_id ipsecpolicy_id ike_version ipsec_endpoint_address peer_address peer_id local_id peer_cidrs psk dpd.action dpd.interval dpd.timeout mtu admin_state_up status auth_mode route_mode" },
};

static void
check_rule (const TnRegionProfile *p,
            const char            *region,
            TnResourceKind         kind,
            const char            *field)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (p, kind, field);
  gint64 min, max;

  if (rule == NULL)
    {
      g_assert_cmpint (tn_region_profile_get_access (p, kind, field), ==, TN_FIELD_ABSENT);
      g_assert_false (tn_region_profile_is_editable (p, kind, field));
      g_assert_null (tn_region_profile_get_default (p, kind, field));
      g_assert_false (tn_region_profile_allows (p, kind, field, "anything"));
      return;
    }

  g_assert_cmpstr (rule->field, ==, field);
  g_assert_cmpint (rule->access, !=, TN_FIELD_ABSENT);
  g_assert_true (tn_region_profile_has_field (p, kind, field));

  /* A default is one of the allowed values; a fixed field allows only it. */
  if (rule->default_value != NULL && *rule->default_value != '\0' && rule->allowed != NULL)
    if (!g_strv_contains (rule->allowed, rule->default_value))
      g_error ("%s %s: default %s not allowed", region, field, rule->default_value);
  if (rule->access == TN_FIELD_FIXED)
    {
      g_assert_nonnull (rule->default_value);
      g_assert_nonnull (rule->allowed);
      g_assert_cmpuint (g_strv_length ((char **) rule->allowed), ==, 1);
      g_assert_false (tn_region_profile_is_editable (p, kind, field));
    }

  /* A number default lies in its range. */
  if (tn_region_profile_get_range (p, kind, field, &min, &max) && rule->default_value != NULL && rule->allowed == NULL)
    {
      gint64 value = g_ascii_strtoll (rule->default_value, NULL, 10);

      g_assert_cmpint (value, >=, min);
      if (max != 0)
        g_assert_cmpint (value, <=, max);
    }
}

static void
test_region_every_field (void)
{
  const char *regions[] = { "RegionOne", "jp-east-1", "jp-east-2", "jp-west-1", "jp-west-2", "jp-east-3", "jp-west-3" };

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      const TnRegionProfile *p = tn_region_profile_lookup (regions[r]);
      TnDialect dialect = tn_region_profile_get_dialect (p);

      for (guint k = 0; k < G_N_ELEMENTS (present); k++)
        {
          g_autoptr(GPtrArray) listed = tn_region_profile_list_fields (p, present[k].kind);
          g_autoptr(TnResource) model = tn_resource_new (present[k].kind);
          g_autoptr(GString) joined = g_string_new (NULL);
          const char *expected = dialect == TN_DIALECT_OPENSTACK ? present[k].openstack
                                 : dialect == TN_DIALECT_FJCLOUD_A ? present[k].type_a : present[k].type_b;
          const TnResourceField *fields;
          guint n_fields = 0;

          for (guint i = 0; i < listed->len; i++)
            g_string_append_printf (joined, "%s%s", i ? " " : "", (char *) g_ptr_array_index (listed, i));
          if (!g_str_equal (joined->str, expected))
            g_error ("%s %s: fields “%s”, expected “%s”", regions[r],
                     tn_resource_kind_get_collection (present[k].kind), joined->str, expected);

          /* Every attribute of the model, present or not. */
          fields = tn_resource_get_fields (model, &n_fields);
          for (guint i = 0; i < n_fields; i++)
            check_rule (p, regions[r], present[k].kind, fields[i].field);
          for (guint i = 0; i < listed->len; i++)
            g_assert_nonnull (tn_resource_find_field (model, g_ptr_array_index (listed, i)));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/lookup", test_region_lookup);
  g_test_add_func ("/region/api-family", test_region_api_family);
  g_test_add_func ("/region/availability-zone", test_region_availability_zone);
  g_test_add_func ("/region/initiator-and-ike-version", test_region_initiator_and_ike_version);
  g_test_add_func ("/region/policy-status", test_region_policy_status);
  g_test_add_func ("/region/algorithms", test_region_algorithms);
  g_test_add_func ("/region/lifetime", test_region_lifetime);
  g_test_add_func ("/region/dpd-and-peer", test_region_dpd_and_peer);
  g_test_add_func ("/region/editable-fields", test_region_editable_fields);
  g_test_add_func ("/region/every-field", test_region_every_field);

  return g_test_run ();
}
