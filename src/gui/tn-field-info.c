/* tn-field-info.c: how each field of a resource is named, grouped and shown
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnFieldInfo"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-field-info.h"
#include "tn-status.h"

#define IKE   TN_RESOURCE_IKE_POLICY
#define IPSEC TN_RESOURCE_IPSEC_POLICY
#define SVC   TN_RESOURCE_VPN_SERVICE
#define CONN  TN_RESOURCE_CONNECTION
#define NONE  TN_N_RESOURCE_KINDS

#define GENERAL    TN_FIELD_GROUP_GENERAL
#define ALGORITHMS TN_FIELD_GROUP_ALGORITHMS
#define LIFETIME   TN_FIELD_GROUP_LIFETIME
#define PEER       TN_FIELD_GROUP_PEER
#define DPD        TN_FIELD_GROUP_DPD

/* In the portal's order (the seed's tables): lists show the fields marked
 * for it in this order, detail pages and forms group them. */
static const TnFieldInfo fields[] = {
  { IKE, "name", "name", N_("Name"), NULL, GENERAL, TRUE, NONE },
  { IKE, "id", "id", N_("ID"), NULL, GENERAL, FALSE, NONE },
  { IKE, "description", "description", N_("Description"), NULL, GENERAL, TRUE, NONE },
  { IKE, "availability_zone", "availability-zone", N_("Availability Zone"), N_("AZ"), GENERAL, TRUE, NONE },
  { IKE, "status", "status", N_("Status"), NULL, GENERAL, TRUE, NONE },
  { IKE, "status_description", "status-description", N_("Details"), NULL, GENERAL, FALSE, NONE },
  { IKE, "phase1_negotiation_mode", "phase1-negotiation-mode", N_("IKE Negotiation Mode"), NULL, ALGORITHMS, FALSE, NONE },
  { IKE, "auth_algorithm", "auth-algorithm", N_("Authentication Algorithm"), NULL, ALGORITHMS, TRUE, NONE },
  { IKE, "encryption_algorithm", "encryption-algorithm", N_("Encryption Algorithm"), NULL, ALGORITHMS, TRUE, NONE },
  { IKE, "pfs", "pfs", N_("Perfect Forward Secrecy (PFS)"), N_("PFS"), ALGORITHMS, TRUE, NONE },
  { IKE, "ike_version", "ike-version", N_("IKE Version"), NULL, ALGORITHMS, FALSE, NONE },
  { IKE, "lifetime.value", "lifetime-value", N_("Lifetime"), NULL, LIFETIME, FALSE, NONE },

  { IPSEC, "name", "name", N_("Name"), NULL, GENERAL, TRUE, NONE },
  { IPSEC, "id", "id", N_("ID"), NULL, GENERAL, FALSE, NONE },
  { IPSEC, "description", "description", N_("Description"), NULL, GENERAL, TRUE, NONE },
  { IPSEC, "availability_zone", "availability-zone", N_("Availability Zone"), N_("AZ"), GENERAL, TRUE, NONE },
  { IPSEC, "status", "status", N_("Status"), NULL, GENERAL, TRUE, NONE },
  { IPSEC, "status_description", "status-description", N_("Details"), NULL, GENERAL, FALSE, NONE },
  { IPSEC, "initiator", "initiator", N_("Initiator"), NULL, GENERAL, TRUE, NONE },
  { IPSEC, "transform_protocol", "transform-protocol", N_("Transform Protocol"), NULL, ALGORITHMS, FALSE, NONE },
  { IPSEC, "auth_algorithm", "auth-algorithm", N_("Authentication Algorithm"), NULL, ALGORITHMS, TRUE, NONE },
  { IPSEC, "encapsulation_mode", "encapsulation-mode", N_("Encapsulation Mode"), NULL, ALGORITHMS, FALSE, NONE },
  { IPSEC, "encryption_algorithm", "encryption-algorithm", N_("Encryption Algorithm"), NULL, ALGORITHMS, TRUE, NONE },
  { IPSEC, "pfs", "pfs", N_("Perfect Forward Secrecy (PFS)"), N_("PFS"), ALGORITHMS, TRUE, NONE },
  { IPSEC, "lifetime.value", "lifetime-value", N_("Lifetime"), NULL, LIFETIME, FALSE, NONE },

  { SVC, "name", "name", N_("Name"), NULL, GENERAL, TRUE, NONE },
  { SVC, "id", "id", N_("ID"), NULL, GENERAL, FALSE, NONE },
  { SVC, "description", "description", N_("Description"), NULL, GENERAL, TRUE, NONE },
  { SVC, "availability_zone", "availability-zone", N_("Availability Zone"), N_("AZ"), GENERAL, TRUE, NONE },
  { SVC, "status", "status", N_("Status"), NULL, GENERAL, TRUE, NONE },
  { SVC, "admin_state_up", "admin-state-up", N_("Admin State"), NULL, GENERAL, TRUE, NONE },
  { SVC, "router_id", "router-id", N_("Router"), NULL, GENERAL, FALSE, NONE },
  { SVC, "subnet_id", "subnet-id", N_("Subnet"), NULL, GENERAL, FALSE, NONE },
  { SVC, "external_v4_ip", "external-v4-ip", N_("External IPv4 Address"), N_("External Address"), GENERAL, TRUE, NONE },
  { SVC, "external_v6_ip", "external-v6-ip", N_("External IPv6 Address"), NULL, GENERAL, FALSE, NONE },

  { CONN, "name", "name", N_("Name"), NULL, GENERAL, TRUE, NONE },
  { CONN, "id", "id", N_("ID"), NULL, GENERAL, FALSE, NONE },
  { CONN, "description", "description", N_("Description"), NULL, GENERAL, TRUE, NONE },
  { CONN, "availability_zone", "availability-zone", N_("Availability Zone"), N_("AZ"), GENERAL, TRUE, NONE },
  { CONN, "status", "status", N_("Status"), NULL, GENERAL, TRUE, NONE },
  { CONN, "admin_state_up", "admin-state-up", N_("Admin State"), NULL, GENERAL, TRUE, NONE },
  { CONN, "vpnservice_id", "vpnservice-id", N_("VPN Service"), NULL, GENERAL, TRUE, SVC },
  { CONN, "ikepolicy_id", "ikepolicy-id", N_("IKE Policy"), NULL, GENERAL, FALSE, IKE },
  { CONN, "ipsecpolicy_id", "ipsecpolicy-id", N_("IPsec Policy"), NULL, GENERAL, FALSE, IPSEC },
  { CONN, "initiator", "initiator", N_("Initiator"), NULL, GENERAL, TRUE, NONE },
  { CONN, "ike_version", "ike-version", N_("IKE Version"), NULL, GENERAL, TRUE, NONE },
  { CONN, "mtu", "mtu", N_("MTU"), NULL, GENERAL, FALSE, NONE },
  { CONN, "auth_mode", "auth-mode", N_("Authentication Mode"), NULL, GENERAL, FALSE, NONE },
  { CONN, "route_mode", "route-mode", N_("Route Mode"), NULL, GENERAL, FALSE, NONE },
  { CONN, "peer_address", "peer-address", N_("Peer’s Global IP Address"), N_("Peer Address"), PEER, TRUE, NONE },
  { CONN, "peer_cidrs", "peer-cidrs", N_("Peer’s Private IP Address (CIDR)"), N_("Peer Networks"), PEER, TRUE, NONE },
  { CONN, "peer_id", "peer-id", N_("Peer ID"), NULL, PEER, FALSE, NONE },
  { CONN, "local_id", "local-id", N_("Local ID"), NULL, PEER, FALSE, NONE },
  { CONN, "ipsec_endpoint_address", "ipsec-endpoint-address", N_("IPsec Endpoint Address"), NULL, PEER, FALSE, NONE },
  { CONN, "psk", "psk", N_("Pre-Shared Key"), NULL, PEER, FALSE, NONE },
  { CONN, "dpd.action", "dpd-action", N_("DPD Action"), NULL, DPD, FALSE, NONE },
  { CONN, "dpd.interval", "dpd-interval", N_("DPD Interval"), NULL, DPD, FALSE, NONE },
  { CONN, "dpd.timeout", "dpd-timeout", N_("DPD Timeout"), NULL, DPD, FALSE, NONE },
};

static const struct {
  const char *field;
  const char *value;
  const char *context;
  const char *label;
} choices[] = {
  { "initiator", "bi-directional", "initiator", NC_("initiator", "Bi-directional") },
  { "initiator", "response-only", "initiator", NC_("initiator", "Response Only") },
  { "admin_state_up", "true", "admin state", NC_("admin state", "Up") },
  { "admin_state_up", "false", "admin state", NC_("admin state", "Down") },
  { "dpd.action", "hold", "dpd action", NC_("dpd action", "Hold") },
  { "dpd.action", "clear", "dpd action", NC_("dpd action", "Clear") },
  { "dpd.action", "restart", "dpd action", NC_("dpd action", "Restart") },
  { "dpd.action", "disabled", "dpd action", NC_("dpd action", "Disabled") },
  { "dpd.action", "restart-by-peer", "dpd action", NC_("dpd action", "Restart by Peer") },
};

/**
 * tn_field_info_list:
 * @n_fields: (out): how many
 *
 * Returns: (array length=n_fields) (transfer none): the fields of @kind, in
 *   the portal's order
 */
const TnFieldInfo *
tn_field_info_list (TnResourceKind  kind,
                    guint          *n_fields)
{
  guint first = G_N_ELEMENTS (fields), n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == kind)
      {
        first = MIN (first, i);
        n++;
      }

  *n_fields = n;
  return n > 0 ? &fields[first] : NULL;
}

/**
 * tn_field_info_lookup:
 *
 * Returns: (nullable) (transfer none): how @field of @kind is shown
 */
const TnFieldInfo *
tn_field_info_lookup (TnResourceKind  kind,
                      const char     *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == kind && g_str_equal (fields[i].field, field))
      return &fields[i];

  return NULL;
}

/**
 * tn_field_info_is_shown:
 *
 * Returns: whether the region has the field (the region table says; every
 *   kind has an id)
 */
gboolean
tn_field_info_is_shown (const TnFieldInfo     *info,
                        const TnRegionProfile *profile)
{
  return g_str_equal (info->field, "id") || tn_region_profile_has_field (profile, info->kind, info->field);
}

const char *
tn_field_info_get_title (const TnFieldInfo *info)
{
  return _(info->title);
}

const char *
tn_field_info_get_column_title (const TnFieldInfo *info)
{
  return _(info->column_title ? info->column_title : info->title);
}

const char *
tn_field_group_get_title (TnFieldGroup group)
{
  switch (group)
    {
    case TN_FIELD_GROUP_GENERAL:
      return _("General");
    case TN_FIELD_GROUP_ALGORITHMS:
      return _("Algorithms");
    case TN_FIELD_GROUP_LIFETIME:
      return _("Lifetime");
    case TN_FIELD_GROUP_PEER:
      return _("Peer");
    case TN_FIELD_GROUP_DPD:
      return _("Dead Peer Detection (DPD)");
    case TN_N_FIELD_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tn_field_format_choice:
 * @value: (nullable): a value of @field as the API has it
 *
 * Returns: (transfer none): the translated label of @value, or @value
 *   itself when it is a technical word shown as is (`aes-256`, `group14`)
 */
const char *
tn_field_format_choice (const char *field,
                        const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (choices[i].field, field) && g_str_equal (choices[i].value, value))
      return g_dpgettext2 (GETTEXT_PACKAGE, choices[i].context, choices[i].label);

  return value ? value : "";
}

static char *
format_seconds (int seconds)
{
  /* Translators: a duration */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds), seconds);
}

/**
 * tn_field_format_gvalue:
 *
 * Returns: (transfer full): @value of the field as a user reads it; empty
 *   when unset. Never the pre-shared key: callers mask it.
 */
char *
tn_field_format_gvalue (const TnFieldInfo *info,
                        const GValue      *value)
{
  if (g_str_equal (info->field, "psk"))
    return g_strdup ("");

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (g_str_equal (info->field, "status"))
        return g_strdup (tn_status_get_display_name (text));
      return g_strdup (tn_field_format_choice (info->field, text));
    }

  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (tn_field_format_choice (info->field, g_value_get_boolean (value) ? "true" : "false"));

  if (G_VALUE_HOLDS_INT (value))
    {
      int number = g_value_get_int (value);

      if (number == 0)
        return g_strdup ("");
      if (g_str_equal (info->field, "lifetime.value") || g_str_has_prefix (info->field, "dpd.i")
          || g_str_has_prefix (info->field, "dpd.t"))
        return format_seconds (number);
      return g_strdup_printf ("%d", number);
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);

      /* Translators: the separator of a list of addresses */
      return strv ? g_strjoinv (_(", "), (char **) strv) : g_strdup ("");
    }

  return g_strdup ("");
}

/**
 * tn_field_format_value:
 *
 * Returns: (transfer full): the field of @resource as a user reads it
 */
char *
tn_field_format_value (const TnFieldInfo *info,
                       TnResource        *resource)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (resource), info->property);

  g_return_val_if_fail (pspec != NULL, NULL);

  if (g_str_equal (info->field, "psk"))
    return g_strdup ("");

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (resource), info->property, &value);

  return tn_field_format_gvalue (info, &value);
}

/**
 * tn_resource_kind_get_title:
 *
 * Returns: (transfer none): the translated name of the kind's list, e.g.
 *   “IKE Policies”
 */
const char *
tn_resource_kind_get_title (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return _("IKE Policies");
    case TN_RESOURCE_IPSEC_POLICY:
      return _("IPsec Policies");
    case TN_RESOURCE_VPN_SERVICE:
      return _("VPN Services");
    case TN_RESOURCE_CONNECTION:
      return _("IPsec VPN Connections");
    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tn_resource_kind_get_singular:
 *
 * Returns: (transfer none): the translated name of one resource of the
 *   kind, e.g. “IKE Policy”
 */
const char *
tn_resource_kind_get_singular (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return _("IKE Policy");
    case TN_RESOURCE_IPSEC_POLICY:
      return _("IPsec Policy");
    case TN_RESOURCE_VPN_SERVICE:
      return _("VPN Service");
    case TN_RESOURCE_CONNECTION:
      return _("IPsec VPN Connection");
    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
