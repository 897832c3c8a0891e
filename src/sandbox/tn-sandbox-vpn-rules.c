/* tn-sandbox-vpn-rules.c: the FJcloud dialects' rules, read from the
 * region table (src/core/tn-region.c) rather than written here
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxVpn"

#include "config.h"

#include "tn-sandbox-vpn-private.h"

#define BAD_REQUEST SOUP_STATUS_BAD_REQUEST

/* API attributes the region table does not describe (it describes what
 * users see): they follow the dialect's attribute map alone. */
static const char * const api_only[] = {
  "id", "tenant_id", "project_id", "flavor_id", "local_ep_group_id", "peer_ep_group_id", NULL
};

/* The openstack dialect is Neutron itself: its attribute map is the truth
 * and the region table only describes it for the forms. */
static const TnRegionProfile *
fjcloud_profile (TnSandboxRegion *region,
                 const TnVpnKind *kind)
{
  if (region->dialect == TN_DIALECT_OPENSTACK || kind->profile_kind < 0)
    return NULL;
  return tn_region_profile_lookup (region->name);
}

static const char *
default_as_json (const TnAttr *attr,
                 const char   *text)
{
  g_autofree char *json = NULL;

  if (text == NULL)
    return attr->default_json;
  if (attr->type == TN_ATTR_BOOL || attr->type == TN_ATTR_INT)
    return g_intern_string (text);

  json = g_strdup_printf ("\"%s\"", text);
  return g_intern_string (json);
}

/**
 * _tn_vpn_apply_profile:
 *
 * Applies the region's rule for @attr: whether the region has it, whether
 * it may be set on create or update, its values, default and range.
 *
 * Returns: %FALSE if the region's API does not have @attr
 */
gboolean
_tn_vpn_apply_profile (TnSandboxRegion *region,
                       const TnVpnKind *kind,
                       TnAttr          *attr)
{
  const TnRegionProfile *profile = fjcloud_profile (region, kind);
  const TnFieldRule *rule, *sub;

  if (profile == NULL || g_strv_contains (api_only, attr->name))
    return TRUE;

  if (attr->type == TN_ATTR_LIFETIME)
    {
      rule = tn_region_profile_get_rule (profile, kind->profile_kind, "lifetime.value");
      sub = tn_region_profile_get_rule (profile, kind->profile_kind, "lifetime.units");
      if (rule == NULL)
        return FALSE;
      attr->min = rule->min;
      attr->max = rule->max ? rule->max : G_MAXINT32;
      if (sub != NULL && sub->allowed != NULL)
        attr->values = sub->allowed;
      return TRUE;
    }
  if (attr->type == TN_ATTR_DPD)
    {
      rule = tn_region_profile_get_rule (profile, kind->profile_kind, "dpd.action");
      if (rule == NULL)
        return FALSE;
      if (rule->allowed != NULL)
        attr->values = rule->allowed;
      return TRUE;
    }

  rule = tn_region_profile_get_rule (profile, kind->profile_kind, attr->name);
  if (rule == NULL)
    return FALSE;

  switch (rule->access)
    {
    case TN_FIELD_EDITABLE:
      attr->flags = TN_ATTR_POST | TN_ATTR_PUT;
      break;
    case TN_FIELD_CREATE_ONLY:
    case TN_FIELD_FIXED:
      attr->flags = TN_ATTR_POST;
      break;
    case TN_FIELD_READ_ONLY:
    case TN_FIELD_ABSENT:
    default:
      attr->flags = 0;
      break;
    }

  if (attr->type == TN_ATTR_VALUES && rule->allowed != NULL)
    attr->values = rule->allowed;
  if (attr->type == TN_ATTR_STRING && rule->max > 0)
    attr->max = rule->max;
  if (attr->flags != 0 && attr->type != TN_ATTR_UUID && attr->default_json != NULL)
    attr->default_json = default_as_json (attr, rule->default_value);

  return TRUE;
}

gint64
_tn_vpn_default_int (TnSandboxRegion *region,
                     const TnVpnKind *kind,
                     const char      *field,
                     gint64           fallback)
{
  const TnRegionProfile *profile = fjcloud_profile (region, kind);
  const char *text = profile ? tn_region_profile_get_default (profile, kind->profile_kind, field) : NULL;
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return fallback;
  return value;
}

const char *
_tn_vpn_default_string (TnSandboxRegion *region,
                        const TnVpnKind *kind,
                        const char      *field,
                        const char      *fallback)
{
  const TnRegionProfile *profile = fjcloud_profile (region, kind);
  const char *text = profile ? tn_region_profile_get_default (profile, kind->profile_kind, field) : NULL;

  return text ? text : fallback;
}

/* A number member of a dict within the rule's range. */
static gboolean
check_member_range (const TnRegionProfile *profile,
                    TnResourceKind         kind,
                    JsonObject            *object,
                    const char            *member,
                    const char            *key,
                    TnNeutronError       **error)
{
  g_autofree char *field = g_strconcat (member, ".", key, NULL);
  const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, field);
  JsonObject *dict = json_object_get_object_member (object, member);
  gint64 value;

  if (rule == NULL || dict == NULL || !json_object_has_member (dict, key))
    return TRUE;
  value = json_object_get_int_member (dict, key);

  if (rule->access == TN_FIELD_FIXED && rule->default_value != NULL
      && value != g_ascii_strtoll (rule->default_value, NULL, 10))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for %s. Reason: %s %" G_GINT64_FORMAT " is not in valid_values.",
                             member, key, value);
      return FALSE;
    }
  if (value < rule->min)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for %s. Reason: '%" G_GINT64_FORMAT "' is too small - must be at least '%" G_GINT64_FORMAT "'.",
                             member, value, rule->min);
      return FALSE;
    }
  if (rule->max > 0 && value > rule->max)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for %s. Reason: '%" G_GINT64_FORMAT "' is too large - must be no larger than '%" G_GINT64_FORMAT "'.",
                             member, value, rule->max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_peer (const TnRegionProfile *profile,
            JsonObject            *connection,
            TnNeutronError       **error)
{
  const char *address = _tn_sandbox_get_string (connection, "peer_address");
  JsonArray *cidrs = json_object_get_array_member (connection, "peer_cidrs");
  guint max = tn_region_profile_get_max_peer_cidrs (profile);
  guint n = cidrs ? json_array_get_length (cidrs) : 0;

  if (tn_region_profile_peer_ipv4_only (profile))
    {
      if (_tn_sandbox_ip_version (address) != 4)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                 "Invalid input for peer_address. Reason: '%s' is not a valid IPv4 address.",
                                 address);
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          const char *cidr = json_array_get_string_element (cidrs, i);
          int version = 0;

          if (_tn_sandbox_parse_cidr (cidr, &version) && version != 4)
            {
              _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                     "Invalid input for peer_cidrs. Reason: '%s' is not an IPv4 subnet.", cidr);
              return FALSE;
            }
        }
    }

  if (max > 0 && n > max)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for peer_cidrs. Reason: at most %u peer CIDR(s) may be given.", max);
      return FALSE;
    }
  return TRUE;
}

/* Type A: the policies of a connection are in its service's zone. */
static gboolean
check_zones (TnSandboxRegion  *region,
             JsonObject       *connection,
             TnNeutronError  **error)
{
  static const char * const policies[][2] = {
    { "ikepolicies", "ikepolicy_id" }, { "ipsecpolicies", "ipsecpolicy_id" },
  };
  const char *zone = _tn_sandbox_get_string (connection, "availability_zone");

  for (guint i = 0; zone != NULL && i < G_N_ELEMENTS (policies); i++)
    {
      const char *id = _tn_sandbox_get_string (connection, policies[i][1]);
      JsonObject *policy = _tn_sandbox_region_lookup (region, policies[i][0], id);
      const char *policy_zone = _tn_sandbox_get_string (policy, "availability_zone");

      if (policy_zone != NULL && !g_str_equal (policy_zone, zone))
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                 "Invalid input for %s. Reason: the policy %s is in availability zone %s, "
                                 "the VPN service in %s.", policies[i][1], id, policy_zone, zone);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * _tn_vpn_check_rules:
 * @object: the resource as it would be stored
 *
 * The region table's rules that the attribute map cannot express: fixed
 * or bounded members of `dpd` and `lifetime`, peers, zones.
 */
gboolean
_tn_vpn_check_rules (TnSandboxRegion  *region,
                     const TnVpnKind  *kind,
                     JsonObject       *object,
                     TnNeutronError  **error)
{
  const TnRegionProfile *profile = fjcloud_profile (region, kind);

  if (profile == NULL)
    return TRUE;

  switch (kind->profile_kind)
    {
    case TN_RESOURCE_CONNECTION:
      return check_member_range (profile, kind->profile_kind, object, "dpd", "interval", error)
             && check_member_range (profile, kind->profile_kind, object, "dpd", "timeout", error)
             && check_peer (profile, object, error)
             && check_zones (region, object, error);
    case TN_RESOURCE_IKE_POLICY:
    case TN_RESOURCE_IPSEC_POLICY:
      return check_member_range (profile, kind->profile_kind, object, "lifetime", "value", error);
    default:
      return TRUE;
    }
}
