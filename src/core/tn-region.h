/* tn-region.h: what each region's API has, allows and fixes
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TnDialect:
 * @TN_DIALECT_OPENSTACK: any Neutron VPNaaS (`/v2.0/vpn/…`, synchronous)
 * @TN_DIALECT_FJCLOUD_A: FJcloud-O type A: Neutron plus `availability_zone`
 * @TN_DIALECT_FJCLOUD_B: FJcloud-O type B: the NFV API (`/vpn/nfv/…` on the
 *   `nfv` endpoint), writes answer 202 and settle later
 */
typedef enum
{
  TN_DIALECT_OPENSTACK,
  TN_DIALECT_FJCLOUD_A,
  TN_DIALECT_FJCLOUD_B,
} TnDialect;

typedef enum
{
  TN_RESOURCE_IKE_POLICY,
  TN_RESOURCE_IPSEC_POLICY,
  TN_RESOURCE_VPN_SERVICE,
  TN_RESOURCE_CONNECTION,
  TN_N_RESOURCE_KINDS,
} TnResourceKind;

/**
 * TnFieldAccess:
 * @TN_FIELD_ABSENT: the region's API does not have the field
 * @TN_FIELD_EDITABLE: chosen on create and changeable later
 * @TN_FIELD_CREATE_ONLY: chosen on create, immutable afterwards
 * @TN_FIELD_FIXED: present with one fixed value, shown read-only
 * @TN_FIELD_READ_ONLY: set by the server, shown read-only
 */
typedef enum
{
  TN_FIELD_ABSENT,
  TN_FIELD_EDITABLE,
  TN_FIELD_CREATE_ONLY,
  TN_FIELD_FIXED,
  TN_FIELD_READ_ONLY,
} TnFieldAccess;

/**
 * TnFieldRule:
 * @field: the API attribute; members of an object are dotted
 *   (`lifetime.value`, `dpd.timeout`)
 * @access: whether the field exists and who may set it
 * @default_value: the value a new resource gets, as text, or %NULL
 * @allowed: the values the region accepts, %NULL-terminated, or %NULL for
 *   any value
 * @min: the least value of a number field
 * @max: the greatest value of a number field (0: no upper bound)
 *
 * One row of the region table.
 */
typedef struct
{
  const char          *field;
  TnFieldAccess        access;
  const char          *default_value;
  const char * const  *allowed;
  gint64               min;
  gint64               max;
} TnFieldRule;

typedef struct _TnRegionProfile TnRegionProfile;

const TnRegionProfile *tn_region_profile_lookup             (const char            *region);
const char            *tn_region_profile_get_name           (const TnRegionProfile *profile);
TnDialect              tn_region_profile_get_dialect        (const TnRegionProfile *profile);
const char            *tn_region_profile_get_display_name   (const TnRegionProfile *profile);
const char * const    *tn_region_profile_get_service_types  (const TnRegionProfile *profile);
const char * const    *tn_region_profile_get_vpn_service_types (const TnRegionProfile *profile);
char                  *tn_region_profile_get_vpn_path       (const TnRegionProfile *profile,
                                                             TnResourceKind         kind);
gboolean               tn_region_profile_writes_are_async   (const TnRegionProfile *profile);
guint                  tn_region_profile_get_max_peer_cidrs (const TnRegionProfile *profile);
gboolean               tn_region_profile_peer_ipv4_only     (const TnRegionProfile *profile);
gboolean               tn_region_profile_warns_service_drop (const TnRegionProfile *profile);
gboolean               tn_region_profile_warns_same_region  (const TnRegionProfile *profile);
gboolean               tn_region_profile_cloud_is_strongswan (const TnRegionProfile *profile);
gboolean               tn_region_profile_sorts_lists        (const TnRegionProfile *profile);

const TnFieldRule     *tn_region_profile_get_rule           (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
TnFieldAccess          tn_region_profile_get_access         (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
gboolean               tn_region_profile_has_field          (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
gboolean               tn_region_profile_is_editable        (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
const char            *tn_region_profile_get_default        (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
const char * const    *tn_region_profile_get_allowed        (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field);
gboolean               tn_region_profile_allows             (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field,
                                                             const char            *value);
gboolean               tn_region_profile_get_range          (const TnRegionProfile *profile,
                                                             TnResourceKind         kind,
                                                             const char            *field,
                                                             gint64                *min,
                                                             gint64                *max);
GPtrArray             *tn_region_profile_list_fields        (const TnRegionProfile *profile,
                                                             TnResourceKind         kind);
const char * const    *tn_region_profile_list_regions       (void);

const char            *tn_resource_kind_get_collection      (TnResourceKind         kind);
const char            *tn_resource_kind_get_member          (TnResourceKind         kind);

G_END_DECLS
