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
 * name of a region. One row per resource field, one column per dialect;
 * a region may override single cells (see region_overrides). A corrected
 * rule is a one-line change here.
 */

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

/* Cells: access, default, allowed values, min, max */
#define NO                   TN_FIELD_ABSENT, NULL, NULL, 0, 0
#define TEXT                 TN_FIELD_EDITABLE, "", NULL, 0, 255
#define CHOOSE(def, set)     TN_FIELD_EDITABLE, def, set, 0, 0
#define ONCE(def, set)       TN_FIELD_CREATE_ONLY, def, set, 0, 0
#define FIX(value)           TN_FIELD_FIXED, value, V (value), 0, 0
#define FIX_NUMBER(text, n)  TN_FIELD_FIXED, text, V (text), n, n
#define NUMBER(def, lo, hi)  TN_FIELD_EDITABLE, def, NULL, lo, hi
#define SHOWN                TN_FIELD_READ_ONLY, NULL, NULL, 0, 0
#define SHOWN_AS(value)      TN_FIELD_READ_ONLY, value, V (value), 0, 0

#define IKE   TN_RESOURCE_IKE_POLICY
#define IPSEC TN_RESOURCE_IPSEC_POLICY
#define SVC   TN_RESOURCE_VPN_SERVICE
#define CONN  TN_RESOURCE_CONNECTION

#define LIFETIME_MAX_B G_GINT64_CONSTANT (946080000)

typedef struct
{
  TnResourceKind kind;
  TnFieldRule    cells[3];  /* indexed by TnDialect */
} Row;

#define ROW(kind, field, openstack, type_a, type_b) \
  { kind, { { field, openstack }, { field, type_a }, { field, type_b } } }

/* One row per field: plain OpenStack, FJcloud-O type A, FJcloud-O type B. */
static const Row table[] = {
  ROW (IKE, "name",                     TEXT, TEXT, TEXT),
  ROW (IKE, "description",              TEXT, TEXT, TEXT),
  ROW (IKE, "availability_zone",        NO, ONCE (NULL, NULL), NO),
  ROW (IKE, "status",                   NO, NO, SHOWN),
  /* 詳細 on the portal's detail page: the server's text about the status.
   * The NFV API does not document its attribute; `status_description` is
   * our assumption (read-only, type B policies only). */
  ROW (IKE, "status_description",       NO, NO, SHOWN),
  ROW (IKE, "auth_algorithm",           CHOOSE ("sha1", AUTH_NEUTRON), FIX ("sha1"), CHOOSE ("sha1", AUTH_FJ)),
  ROW (IKE, "encryption_algorithm",     CHOOSE ("aes-128", ENC_NEUTRON), CHOOSE ("aes-128", ENC_FJ), CHOOSE ("aes-128", ENC_FJ)),
  ROW (IKE, "phase1_negotiation_mode",  CHOOSE ("main", V ("main", "aggressive")), FIX ("main"), FIX ("main")),
  ROW (IKE, "lifetime.units",           CHOOSE ("seconds", V ("seconds")), FIX ("seconds"), FIX ("seconds")),
  ROW (IKE, "lifetime.value",           NUMBER ("3600", 60, 0), NUMBER ("2000", 60, 0), NUMBER ("2000", 120, LIFETIME_MAX_B)),
  ROW (IKE, "ike_version",              CHOOSE ("v1", IKE_VERSIONS), FIX ("v1"), NO),
  ROW (IKE, "pfs",                      CHOOSE ("group5", PFS_NEUTRON), CHOOSE ("group5", PFS_FJ), CHOOSE ("group5", PFS_FJ)),

  ROW (IPSEC, "name",                   TEXT, TEXT, TEXT),
  ROW (IPSEC, "description",            TEXT, TEXT, TEXT),
  ROW (IPSEC, "availability_zone",      NO, ONCE (NULL, NULL), NO),
  ROW (IPSEC, "status",                 NO, NO, SHOWN),
  ROW (IPSEC, "status_description",     NO, NO, SHOWN),  /* assumed, as for IKE */
  ROW (IPSEC, "initiator",              NO, NO, CHOOSE ("bi-directional", INITIATORS)),
  ROW (IPSEC, "transform_protocol",     CHOOSE ("esp", V ("esp", "ah", "ah-esp")), FIX ("esp"), FIX ("esp")),
  ROW (IPSEC, "auth_algorithm",         CHOOSE ("sha1", AUTH_NEUTRON), FIX ("sha1"), CHOOSE ("sha1", AUTH_FJ)),
  ROW (IPSEC, "encapsulation_mode",     CHOOSE ("tunnel", V ("tunnel", "transport")), FIX ("tunnel"), FIX ("tunnel")),
  ROW (IPSEC, "encryption_algorithm",   CHOOSE ("aes-128", ENC_NEUTRON), CHOOSE ("aes-128", ENC_FJ), CHOOSE ("aes-128", ENC_FJ)),
  ROW (IPSEC, "lifetime.units",         CHOOSE ("seconds", V ("seconds")), FIX ("seconds"), FIX ("seconds")),
  ROW (IPSEC, "lifetime.value",         NUMBER ("3600", 60, 0), NUMBER ("2000", 60, 0), NUMBER ("2000", 120, LIFETIME_MAX_B)),
  ROW (IPSEC, "pfs",                    CHOOSE ("group5", PFS_NEUTRON), CHOOSE ("group5", PFS_FJ), CHOOSE ("group5", PFS_FJ)),

  ROW (SVC, "name",                     TEXT, TEXT, TEXT),
  ROW (SVC, "description",              TEXT, TEXT, TEXT),
  ROW (SVC, "availability_zone",        NO, ONCE (NULL, NULL), NO),
  ROW (SVC, "admin_state_up",           CHOOSE ("true", BOOLEANS), CHOOSE ("true", BOOLEANS), CHOOSE ("true", BOOLEANS)),
  ROW (SVC, "router_id",                ONCE (NULL, NULL), ONCE (NULL, NULL), ONCE (NULL, NULL)),
  ROW (SVC, "subnet_id",                ONCE (NULL, NULL), ONCE (NULL, NULL), ONCE (NULL, NULL)),
  ROW (SVC, "status",                   SHOWN, SHOWN, SHOWN),
  ROW (SVC, "external_v4_ip",           SHOWN, SHOWN, SHOWN),
  ROW (SVC, "external_v6_ip",           SHOWN, SHOWN, SHOWN),

  ROW (CONN, "name",                    TEXT, TEXT, TEXT),
  ROW (CONN, "description",             TEXT, TEXT, TEXT),
  ROW (CONN, "availability_zone",       NO, SHOWN, NO),
  ROW (CONN, "vpnservice_id",           ONCE (NULL, NULL), ONCE (NULL, NULL), ONCE (NULL, NULL)),
  ROW (CONN, "ikepolicy_id",            ONCE (NULL, NULL), ONCE (NULL, NULL), ONCE (NULL, NULL)),
  ROW (CONN, "ipsecpolicy_id",          ONCE (NULL, NULL), ONCE (NULL, NULL), ONCE (NULL, NULL)),
  ROW (CONN, "ike_version",             NO, NO, CHOOSE ("v1", IKE_VERSIONS)),
  ROW (CONN, "ipsec_endpoint_address",  NO, NO, SHOWN),
  ROW (CONN, "peer_address",            TEXT, TEXT, TEXT),
  ROW (CONN, "peer_id",                 TEXT, TEXT, TEXT),
  ROW (CONN, "local_id",                TEXT, TEXT, TEXT),
  ROW (CONN, "peer_cidrs",              NUMBER (NULL, 0, 0), NUMBER (NULL, 1, 1), NUMBER (NULL, 1, 1)),
  ROW (CONN, "psk",                     NUMBER (NULL, 1, 255), NUMBER (NULL, 1, 255), NUMBER (NULL, 1, 255)),
  ROW (CONN, "initiator",               CHOOSE ("bi-directional", INITIATORS), CHOOSE ("bi-directional", INITIATORS), NO),
  ROW (CONN, "dpd.action",              CHOOSE ("hold", DPD_NEUTRON), CHOOSE ("hold", DPD_FJ), CHOOSE ("hold", DPD_FJ)),
  ROW (CONN, "dpd.interval",            NUMBER ("30", 1, 0), NUMBER ("30", 1, 0), NUMBER ("30", 1, 119)),
  ROW (CONN, "dpd.timeout",             NUMBER ("120", 2, 0), NUMBER ("120", 2, 0), FIX_NUMBER ("120", 120)),
  ROW (CONN, "mtu",                     NUMBER ("1500", 68, 0), NUMBER ("1500", 68, 0), NUMBER ("1500", 68, 0)),
  ROW (CONN, "admin_state_up",          CHOOSE ("true", BOOLEANS), CHOOSE ("true", BOOLEANS), CHOOSE ("true", BOOLEANS)),
  ROW (CONN, "status",                  SHOWN, SHOWN, SHOWN),
  ROW (CONN, "auth_mode",               SHOWN_AS ("psk"), SHOWN_AS ("psk"), SHOWN_AS ("psk")),
  ROW (CONN, "route_mode",              SHOWN_AS ("static"), SHOWN_AS ("static"), SHOWN_AS ("static")),
};

/* ------------------------------------------------------------------ */
/* Regions                                                            */

typedef struct
{
  const char * const *service_types;      /* for routers and subnets */
  const char * const *vpn_service_types;  /* for the VPN resources */
  const char         *vpn_path_prefix;
  gboolean            async_writes;
  guint               max_peer_cidrs;     /* 0: any number */
  gboolean            peer_ipv4_only;
  gboolean            warns_service_drop;
  gboolean            warns_same_region;
  gboolean            strongswan_cloud;   /* Neutron's strongSwan driver and its quirks */
  gboolean            sorted_lists;       /* lists take Neutron's sort_key/sort_dir */
} DialectInfo;

static const DialectInfo dialects[] = {
  [TN_DIALECT_OPENSTACK] = {
    V ("network"), V ("network"), "/v2.0/vpn/", FALSE, 0, FALSE, FALSE, FALSE, TRUE, TRUE,
  },
  [TN_DIALECT_FJCLOUD_A] = {
    V ("networking", "network"), V ("networking", "network"), "/v2.0/vpn/", FALSE, 1, TRUE, TRUE, FALSE, TRUE, TRUE,
  },
  /* The NFV API documents no sort parameters: its lists are asked for
   * unsorted (and sorted here). */
  [TN_DIALECT_FJCLOUD_B] = {
    V ("networking", "network"), V ("nfv"), "/vpn/nfv/", TRUE, 1, FALSE, FALSE, TRUE, FALSE, FALSE,
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
  { "jp-east-2", IKE, { "auth_algorithm", ONCE ("sha1", AUTH_FJ) } },
  { "jp-east-2", IPSEC, { "auth_algorithm", ONCE ("sha1", AUTH_FJ) } },
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
 * tn_region_profile_sorts_lists:
 *
 * Returns: %TRUE if the VPN lists can be asked for sorted (Neutron's
 *   `sort_key` and `sort_dir`), so that pages come in the lists' order
 */
gboolean
tn_region_profile_sorts_lists (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->sorted_lists;
}

/**
 * tn_region_profile_cloud_is_strongswan:
 *
 * Returns: %TRUE if the cloud side of a connection is Neutron's strongSwan
 *   driver, whose quirks (a CHILD SA rekey at about 17 minutes, initiating
 *   even when response-only, DPD actions starter refuses) a peer must know
 */
gboolean
tn_region_profile_cloud_is_strongswan (const TnRegionProfile *profile)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  return dialect_info (profile)->strongswan_cloud;
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
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; profile->name != NULL && i < G_N_ELEMENTS (region_overrides); i++)
    {
      const RegionOverride *o = &region_overrides[i];

      if (o->kind == kind && g_str_equal (o->region, profile->name) && g_str_equal (o->rule.field, field))
        return &o->rule;
    }

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const TnFieldRule *rule = &table[i].cells[profile->dialect];

      if (table[i].kind == kind && rule->access != TN_FIELD_ABSENT && g_str_equal (rule->field, field))
        return rule;
    }

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
  GPtrArray *fields;

  g_return_val_if_fail (profile != NULL, NULL);

  fields = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].kind == kind && tn_region_profile_has_field (profile, kind, table[i].cells[0].field))
      g_ptr_array_add (fields, (gpointer) table[i].cells[0].field);

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
