/* tn-region.c: what each region's API has, allows and fixes
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnRegion"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-region.h"

/*
 * The region table (SPEC §3). Models, forms, validators, the cloud client
 * and the sandbox all read it; nothing else in Tunnels may decide by the
 * name of a region. Each dialect has one row per field and resource kind;
 * a region may override single rows (see region_overrides). A corrected
 * rule is a one-line change here.
 */

#define E TN_FIELD_EDITABLE
#define C TN_FIELD_CREATE_ONLY
#define F TN_FIELD_FIXED
#define R TN_FIELD_READ_ONLY

#define V(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Value sets */
#define AUTH_NEUTRON V ("sha1", "sha256", "sha384", "sha512", "aes-xcbc", "aes-cmac")
#define AUTH_FJ      V ("sha1", "sha256")
#define ENC_NEUTRON  V ("3des", "aes-128", "aes-192", "aes-256")
#define ENC_FJ       V ("aes-128", "aes-192", "aes-256")
#define PFS_NEUTRON  V ("group2", "group5", "group14", "group15", "group16", "group17", \
                        "group18", "group19", "group20", "group21", "group22", "group23", \
                        "group24", "group25", "group26", "group27", "group28", "group29", \
                        "group30", "group31")
#define PFS_FJ       V ("group2", "group5", "group14")
#define DPD_NEUTRON  V ("hold", "clear", "restart", "disabled", "restart-by-peer")
#define DPD_FJ       V ("hold", "restart")
#define INITIATORS   V ("bi-directional", "response-only")
#define IKE_VERSIONS V ("v1", "v2")
#define BOOLEANS     V ("true", "false")

#define LIFETIME_MAX_B G_GINT64_CONSTANT (946080000)

typedef struct
{
  TnResourceKind kind;
  TnFieldRule    rule;
} KindRule;

/* ------------------------------------------------------------------ */
/* openstack: any Neutron VPNaaS                                       */

static const KindRule openstack_rules[] = {
  { TN_RESOURCE_IKE_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "auth_algorithm", E, "sha1", AUTH_NEUTRON, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "encryption_algorithm", E, "aes-128", ENC_NEUTRON, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "phase1_negotiation_mode", E, "main", V ("main", "aggressive"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.units", E, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.value", E, "3600", NULL, 60, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "ike_version", E, "v1", IKE_VERSIONS, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "pfs", E, "group5", PFS_NEUTRON, 0, 0 } },

  { TN_RESOURCE_IPSEC_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "transform_protocol", E, "esp", V ("esp", "ah", "ah-esp"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "auth_algorithm", E, "sha1", AUTH_NEUTRON, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encapsulation_mode", E, "tunnel", V ("tunnel", "transport"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encryption_algorithm", E, "aes-128", ENC_NEUTRON, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.units", E, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.value", E, "3600", NULL, 60, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "pfs", E, "group5", PFS_NEUTRON, 0, 0 } },

  { TN_RESOURCE_VPN_SERVICE, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "router_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "subnet_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v4_ip", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v6_ip", R, NULL, NULL, 0, 0 } },

  { TN_RESOURCE_CONNECTION, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "vpnservice_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ikepolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ipsecpolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "peer_address", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_id", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "local_id", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_cidrs", E, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "psk", E, NULL, NULL, 1, 255 } },
  { TN_RESOURCE_CONNECTION, { "initiator", E, "bi-directional", INITIATORS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.action", E, "hold", DPD_NEUTRON, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.interval", E, "30", NULL, 1, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.timeout", E, "120", NULL, 2, 0 } },
  { TN_RESOURCE_CONNECTION, { "mtu", E, "1500", NULL, 68, 0 } },
  { TN_RESOURCE_CONNECTION, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "auth_mode", R, "psk", V ("psk"), 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "route_mode", R, "static", V ("static"), 0, 0 } },
};

/* ------------------------------------------------------------------ */
/* FJcloud-O type A: jp-east-1, jp-east-2, jp-west-1, jp-west-2        */

static const KindRule fjcloud_a_rules[] = {
  { TN_RESOURCE_IKE_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "availability_zone", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "auth_algorithm", F, "sha1", V ("sha1"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "encryption_algorithm", E, "aes-128", ENC_FJ, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "phase1_negotiation_mode", F, "main", V ("main"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.units", F, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.value", E, "2000", NULL, 60, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "ike_version", F, "v1", V ("v1"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "pfs", E, "group5", PFS_FJ, 0, 0 } },

  { TN_RESOURCE_IPSEC_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "availability_zone", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "transform_protocol", F, "esp", V ("esp"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "auth_algorithm", F, "sha1", V ("sha1"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encapsulation_mode", F, "tunnel", V ("tunnel"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encryption_algorithm", E, "aes-128", ENC_FJ, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.units", F, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.value", E, "2000", NULL, 60, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "pfs", E, "group5", PFS_FJ, 0, 0 } },

  { TN_RESOURCE_VPN_SERVICE, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "availability_zone", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "router_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "subnet_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v4_ip", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v6_ip", R, NULL, NULL, 0, 0 } },

  { TN_RESOURCE_CONNECTION, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "availability_zone", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "vpnservice_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ikepolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ipsecpolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "peer_address", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_id", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "local_id", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_cidrs", E, NULL, NULL, 1, 1 } },
  { TN_RESOURCE_CONNECTION, { "psk", E, NULL, NULL, 1, 255 } },
  { TN_RESOURCE_CONNECTION, { "initiator", E, "bi-directional", INITIATORS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.action", E, "hold", DPD_FJ, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.interval", E, "30", NULL, 1, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.timeout", E, "120", NULL, 2, 0 } },
  { TN_RESOURCE_CONNECTION, { "mtu", E, "1500", NULL, 68, 0 } },
  { TN_RESOURCE_CONNECTION, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "auth_mode", R, "psk", V ("psk"), 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "route_mode", R, "static", V ("static"), 0, 0 } },
};

/* ------------------------------------------------------------------ */
/* FJcloud-O type B: jp-east-3, jp-west-3 (the NFV API)                */

static const KindRule fjcloud_b_rules[] = {
  { TN_RESOURCE_IKE_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IKE_POLICY, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "auth_algorithm", E, "sha1", AUTH_FJ, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "encryption_algorithm", E, "aes-128", ENC_FJ, 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "phase1_negotiation_mode", F, "main", V ("main"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.units", F, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IKE_POLICY, { "lifetime.value", E, "2000", NULL, 120, LIFETIME_MAX_B } },
  { TN_RESOURCE_IKE_POLICY, { "pfs", E, "group5", PFS_FJ, 0, 0 } },

  { TN_RESOURCE_IPSEC_POLICY, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_IPSEC_POLICY, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "initiator", E, "bi-directional", INITIATORS, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "transform_protocol", F, "esp", V ("esp"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "auth_algorithm", E, "sha1", AUTH_FJ, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encapsulation_mode", F, "tunnel", V ("tunnel"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "encryption_algorithm", E, "aes-128", ENC_FJ, 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.units", F, "seconds", V ("seconds"), 0, 0 } },
  { TN_RESOURCE_IPSEC_POLICY, { "lifetime.value", E, "2000", NULL, 120, LIFETIME_MAX_B } },
  { TN_RESOURCE_IPSEC_POLICY, { "pfs", E, "group5", PFS_FJ, 0, 0 } },

  { TN_RESOURCE_VPN_SERVICE, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_VPN_SERVICE, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "router_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "subnet_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v4_ip", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_VPN_SERVICE, { "external_v6_ip", R, NULL, NULL, 0, 0 } },

  { TN_RESOURCE_CONNECTION, { "name", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "description", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "vpnservice_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ikepolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ipsecpolicy_id", C, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ike_version", E, "v1", IKE_VERSIONS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "ipsec_endpoint_address", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "peer_address", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_id", E, NULL, NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "local_id", E, "", NULL, 0, 255 } },
  { TN_RESOURCE_CONNECTION, { "peer_cidrs", E, NULL, NULL, 1, 1 } },
  { TN_RESOURCE_CONNECTION, { "psk", E, NULL, NULL, 1, 255 } },
  { TN_RESOURCE_CONNECTION, { "dpd.action", E, "hold", DPD_FJ, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "dpd.interval", E, "30", NULL, 1, 119 } },
  { TN_RESOURCE_CONNECTION, { "dpd.timeout", F, "120", V ("120"), 120, 120 } },
  { TN_RESOURCE_CONNECTION, { "mtu", E, "1500", NULL, 68, 0 } },
  { TN_RESOURCE_CONNECTION, { "admin_state_up", E, "true", BOOLEANS, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "status", R, NULL, NULL, 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "auth_mode", R, "psk", V ("psk"), 0, 0 } },
  { TN_RESOURCE_CONNECTION, { "route_mode", R, "static", V ("static"), 0, 0 } },
};

/* ------------------------------------------------------------------ */
/* Regions                                                            */

typedef struct
{
  TnDialect           dialect;
  const KindRule     *rules;
  guint               n_rules;
  const char * const *service_types;      /* for routers and subnets */
  const char * const *vpn_service_types;  /* for the VPN resources */
  const char         *vpn_path_prefix;
  gboolean            async_writes;
  guint               max_peer_cidrs;     /* 0: any number */
  gboolean            peer_ipv4_only;
  gboolean            warns_service_drop;
  gboolean            warns_same_region;
} DialectInfo;

static const DialectInfo dialects[] = {
  [TN_DIALECT_OPENSTACK] = {
    TN_DIALECT_OPENSTACK, openstack_rules, G_N_ELEMENTS (openstack_rules),
    V ("network"), V ("network"), "/v2.0/vpn/", FALSE, 0, FALSE, FALSE, FALSE,
  },
  [TN_DIALECT_FJCLOUD_A] = {
    TN_DIALECT_FJCLOUD_A, fjcloud_a_rules, G_N_ELEMENTS (fjcloud_a_rules),
    V ("networking", "network"), V ("networking", "network"), "/v2.0/vpn/", FALSE, 1, TRUE, TRUE, FALSE,
  },
  [TN_DIALECT_FJCLOUD_B] = {
    TN_DIALECT_FJCLOUD_B, fjcloud_b_rules, G_N_ELEMENTS (fjcloud_b_rules),
    V ("networking", "network"), V ("nfv"), "/vpn/nfv/", TRUE, 1, FALSE, FALSE, TRUE,
  },
};

typedef struct
{
  const char     *region;
  TnResourceKind  kind;
  TnFieldRule     rule;
} RegionOverride;

/* Single rules in which a region differs from its dialect. */
static const RegionOverride region_overrides[] = {
  /* jp-east-2 lets users choose the hash; the other type A regions fix sha1. */
  { "jp-east-2", TN_RESOURCE_IKE_POLICY, { "auth_algorithm", C, "sha1", AUTH_FJ, 0, 0 } },
  { "jp-east-2", TN_RESOURCE_IPSEC_POLICY, { "auth_algorithm", C, "sha1", AUTH_FJ, 0, 0 } },
};

struct _TnRegionProfile
{
  const char *name;
  const char *display_name;
  TnDialect   dialect;
};

static const TnRegionProfile profiles[] = {
  { "jp-east-1", N_("East Japan 1"), TN_DIALECT_FJCLOUD_A },
  { "jp-east-2", N_("East Japan 2"), TN_DIALECT_FJCLOUD_A },
  { "jp-west-1", N_("West Japan 1"), TN_DIALECT_FJCLOUD_A },
  { "jp-west-2", N_("West Japan 2"), TN_DIALECT_FJCLOUD_A },
  { "jp-east-3", N_("East Japan 3"), TN_DIALECT_FJCLOUD_B },
  { "jp-west-3", N_("West Japan 3"), TN_DIALECT_FJCLOUD_B },
};

/* Every other region, such as RegionOne, is plain OpenStack. */
static const TnRegionProfile openstack_profile = { NULL, NULL, TN_DIALECT_OPENSTACK };

#undef E
#undef C
#undef F
#undef R
#undef V

static const DialectInfo *
dialect_info (const TnRegionProfile *profile)
{
  return &dialects[profile->dialect];
}

/**
 * tn_region_profile_lookup:
 * @region: (nullable): a region name as the cloud's catalog has it
 *
 * Returns: (transfer none): the profile of @region; regions that are not
 *   FJcloud-O regions get the plain OpenStack profile
 */
const TnRegionProfile *
tn_region_profile_lookup (const char *region)
{
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (profiles); i++)
    if (g_str_equal (profiles[i].name, region))
      return &profiles[i];

  return &openstack_profile;
}

/**
 * tn_region_profile_get_name:
 *
 * Returns: (nullable): the FJcloud-O region name, or %NULL for the
 *   OpenStack profile
 */
const char *
tn_region_profile_get_name (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return profile->name;
}

TnDialect
tn_region_profile_get_dialect (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, TN_DIALECT_OPENSTACK);

  return profile->dialect;
}

/**
 * tn_region_profile_get_display_name:
 *
 * Returns: (nullable): the translated name of an FJcloud-O region, such as
 *   “East Japan 1”, or %NULL for the OpenStack profile
 */
const char *
tn_region_profile_get_display_name (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return profile->display_name ? _(profile->display_name) : NULL;
}

/**
 * tn_region_profile_get_service_types:
 *
 * Returns: (transfer none): the catalog service types of the network
 *   endpoint (routers, subnets, extensions), in order of preference
 */
const char * const *
tn_region_profile_get_service_types (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return dialect_info (profile)->service_types;
}

/**
 * tn_region_profile_get_vpn_service_types:
 *
 * Returns: (transfer none): the catalog service types of the endpoint that
 *   serves the VPN resources, in order of preference
 */
const char * const *
tn_region_profile_get_vpn_service_types (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return dialect_info (profile)->vpn_service_types;
}

/**
 * tn_region_profile_get_vpn_path:
 *
 * Returns: (transfer full): the path of @kind's collection below the
 *   endpoint, such as `/v2.0/vpn/ikepolicies` or `/vpn/nfv/ikepolicies`
 */
char *
tn_region_profile_get_vpn_path (const TnRegionProfile *profile,
                                TnResourceKind         kind)
{
  g_return_val_if_fail (profile != NULL, NULL);

  return g_strconcat (dialect_info (profile)->vpn_path_prefix,
                      tn_resource_kind_get_collection (kind),
                      NULL);
}

/**
 * tn_region_profile_writes_are_async:
 *
 * Returns: %TRUE if creates, updates and deletes answer 202 and the
 *   resource settles later (FJcloud-O type B)
 */
gboolean
tn_region_profile_writes_are_async (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->async_writes;
}

/**
 * tn_region_profile_get_max_peer_cidrs:
 *
 * Returns: how many peer CIDRs a connection may have, or 0 for any number
 */
guint
tn_region_profile_get_max_peer_cidrs (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);

  return dialect_info (profile)->max_peer_cidrs;
}

/**
 * tn_region_profile_peer_ipv4_only:
 *
 * Returns: %TRUE if peer addresses and CIDRs must be IPv4
 */
gboolean
tn_region_profile_peer_ipv4_only (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->peer_ipv4_only;
}

/**
 * tn_region_profile_warns_service_drop:
 *
 * Returns: %TRUE if creating, changing or deleting a connection briefly
 *   drops every tunnel of its VPN service, so users must confirm first
 */
gboolean
tn_region_profile_warns_service_drop (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->warns_service_drop;
}

/**
 * tn_region_profile_warns_same_region:
 *
 * Returns: %TRUE if IPsec between two points of the region is not
 *   supported, so the assistant warns about such a peer
 */
gboolean
tn_region_profile_warns_same_region (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->warns_same_region;
}

/**
 * tn_region_profile_get_rule:
 * @field: an API attribute; members of objects are dotted (`dpd.timeout`)
 *
 * Returns: (nullable) (transfer none): the rule for @field, or %NULL when
 *   the region's API does not have it
 */
const TnFieldRule *
tn_region_profile_get_rule (const TnRegionProfile *profile,
                            TnResourceKind         kind,
                            const char            *field)
{
  const DialectInfo *info;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; profile->name != NULL && i < G_N_ELEMENTS (region_overrides); i++)
    {
      const RegionOverride *o = &region_overrides[i];

      if (o->kind == kind && g_str_equal (o->region, profile->name) && g_str_equal (o->rule.field, field))
        return &o->rule;
    }

  info = dialect_info (profile);
  for (guint i = 0; i < info->n_rules; i++)
    if (info->rules[i].kind == kind && g_str_equal (info->rules[i].rule.field, field))
      return &info->rules[i].rule;

  return NULL;
}

TnFieldAccess
tn_region_profile_get_access (const TnRegionProfile *profile,
                              TnResourceKind         kind,
                              const char            *field)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);

  return rule ? rule->access : TN_FIELD_ABSENT;
}

gboolean
tn_region_profile_has_field (const TnRegionProfile *profile,
                             TnResourceKind         kind,
                             const char            *field)
{
  return tn_region_profile_get_access (profile, kind, field) != TN_FIELD_ABSENT;
}

/**
 * tn_region_profile_is_editable:
 *
 * Returns: %TRUE if an existing resource's @field may be changed
 */
gboolean
tn_region_profile_is_editable (const TnRegionProfile *profile,
                               TnResourceKind         kind,
                               const char            *field)
{
  return tn_region_profile_get_access (profile, kind, field) == TN_FIELD_EDITABLE;
}

/**
 * tn_region_profile_get_default:
 *
 * Returns: (nullable): the value of @field for a new resource, as text
 */
const char *
tn_region_profile_get_default (const TnRegionProfile *profile,
                               TnResourceKind         kind,
                               const char            *field)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);

  return rule ? rule->default_value : NULL;
}

/**
 * tn_region_profile_get_allowed:
 *
 * Returns: (nullable) (transfer none): the values the region accepts for
 *   @field, or %NULL if it takes any value (or does not have the field)
 */
const char * const *
tn_region_profile_get_allowed (const TnRegionProfile *profile,
                               TnResourceKind         kind,
                               const char            *field)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);

  return rule ? rule->allowed : NULL;
}

/**
 * tn_region_profile_allows:
 *
 * Returns: %TRUE if the region has @field and accepts @value for it (by
 *   the value set; ranges are checked with tn_region_profile_get_range())
 */
gboolean
tn_region_profile_allows (const TnRegionProfile *profile,
                          TnResourceKind         kind,
                          const char            *field,
                          const char            *value)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);

  if (rule == NULL || value == NULL)
    return FALSE;

  return rule->allowed == NULL || g_strv_contains (rule->allowed, value);
}

/**
 * tn_region_profile_get_range:
 * @min: (out) (optional): the least value (or length, for text fields)
 * @max: (out) (optional): the greatest value, 0 when unbounded
 *
 * Returns: %TRUE if @field has a range
 */
gboolean
tn_region_profile_get_range (const TnRegionProfile *profile,
                             TnResourceKind         kind,
                             const char            *field,
                             gint64                *min,
                             gint64                *max)
{
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);

  if (min)
    *min = rule ? rule->min : 0;
  if (max)
    *max = rule ? rule->max : 0;

  return rule != NULL && (rule->min != 0 || rule->max != 0);
}

/**
 * tn_region_profile_list_fields:
 *
 * Returns: (transfer container) (element-type utf8): the fields @kind has
 *   in the region, in the table's order (overrides applied)
 */
GPtrArray *
tn_region_profile_list_fields (const TnRegionProfile *profile,
                               TnResourceKind         kind)
{
  const DialectInfo *info;
  GPtrArray *fields;

  g_return_val_if_fail (profile != NULL, NULL);

  info = dialect_info (profile);
  fields = g_ptr_array_new ();
  for (guint i = 0; i < info->n_rules; i++)
    if (info->rules[i].kind == kind)
      g_ptr_array_add (fields, (gpointer) info->rules[i].rule.field);

  return fields;
}

/**
 * tn_region_profile_list_regions:
 *
 * Returns: (transfer none): the names of the FJcloud-O regions Tunnels
 *   knows, %NULL-terminated
 */
const char * const *
tn_region_profile_list_regions (void)
{
  static const char *names[G_N_ELEMENTS (profiles) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
        names[i] = profiles[i].name;
      g_once_init_leave (&initialized, 1);
    }

  return names;
}

const char *
tn_resource_kind_get_collection (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return "ikepolicies";
    case TN_RESOURCE_IPSEC_POLICY:
      return "ipsecpolicies";
    case TN_RESOURCE_VPN_SERVICE:
      return "vpnservices";
    case TN_RESOURCE_CONNECTION:
      return "ipsec-site-connections";
    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tn_resource_kind_get_member (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return "ikepolicy";
    case TN_RESOURCE_IPSEC_POLICY:
      return "ipsecpolicy";
    case TN_RESOURCE_VPN_SERVICE:
      return "vpnservice";
    case TN_RESOURCE_CONNECTION:
      return "ipsec_site_connection";
    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
