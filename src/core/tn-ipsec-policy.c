/* tn-ipsec-policy.c: an IPsec policy (phase 2 of the negotiation)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnIpsecPolicy"

#include "config.h"

#include "tn-ipsec-policy.h"
#include "tn-resource-private.h"

enum {
  PROP_0,
  PROP_TRANSFORM_PROTOCOL,
  PROP_AUTH_ALGORITHM,
  PROP_ENCAPSULATION_MODE,
  PROP_ENCRYPTION_ALGORITHM,
  PROP_LIFETIME_UNITS,
  PROP_LIFETIME_VALUE,
  PROP_PFS,
  PROP_AVAILABILITY_ZONE,
  PROP_INITIATOR,
  PROP_STATUS_DESCRIPTION,
  N_PROPS
};

struct _TnIpsecPolicy
{
  TnResource  parent_instance;

  GValue      values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_RESOURCE)

static GParamSpec *properties[N_PROPS];

/* The API attributes (SPEC §2); which of them a region has and who may
 * set them is in the region table. */
static const TnResourceField fields[] = {
  { "transform_protocol", "transform-protocol" },
  { "auth_algorithm", "auth-algorithm" },
  { "encapsulation_mode", "encapsulation-mode" },
  { "encryption_algorithm", "encryption-algorithm" },
  { "lifetime.units", "lifetime-units" },
  { "lifetime.value", "lifetime-value" },
  { "pfs", "pfs" },
  { "availability_zone", "availability-zone" },
  { "initiator", "initiator" },
  { "status_description", "status-description" },
};

TN_RESOURCE_DEFINE_STORAGE (TnIpsecPolicy, tn_ipsec_policy)

static void
tn_ipsec_policy_class_init (TnIpsecPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  TN_RESOURCE_INSTALL_STORAGE (object_class, tn_ipsec_policy);

  /* esp, ah or ah-esp */
  properties[PROP_TRANSFORM_PROTOCOL] =
    g_param_spec_string ("transform-protocol", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the hash (認可アルゴリズム) */
  properties[PROP_AUTH_ALGORITHM] =
    g_param_spec_string ("auth-algorithm", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* tunnel or transport */
  properties[PROP_ENCAPSULATION_MODE] =
    g_param_spec_string ("encapsulation-mode", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* aes-128, aes-256, … */
  properties[PROP_ENCRYPTION_ALGORITHM] =
    g_param_spec_string ("encryption-algorithm", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the unit of the lifetime: seconds */
  properties[PROP_LIFETIME_UNITS] =
    g_param_spec_string ("lifetime-units", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the lifetime; 0 means unset */
  properties[PROP_LIFETIME_VALUE] =
    g_param_spec_int ("lifetime-value", NULL, NULL, 0, G_MAXINT, 0, TN_PROP_FLAGS);
  /* the Diffie-Hellman group */
  properties[PROP_PFS] =
    g_param_spec_string ("pfs", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the availability zone (FJcloud type A) */
  properties[PROP_AVAILABILITY_ZONE] =
    g_param_spec_string ("availability-zone", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the server's text about the status (詳細; FJcloud type B, read-only) */
  properties[PROP_STATUS_DESCRIPTION] =
    g_param_spec_string ("status-description", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* bi-directional or response-only (FJcloud type B) */
  properties[PROP_INITIATOR] =
    g_param_spec_string ("initiator", NULL, NULL, NULL, TN_PROP_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  tn_resource_class_set_fields (TN_RESOURCE_CLASS (klass), TN_RESOURCE_IPSEC_POLICY,
                                fields, G_N_ELEMENTS (fields));
}

/**
 * tn_ipsec_policy_new:
 *
 * Returns: (transfer full): a new, empty TnIpsecPolicy
 */
TnIpsecPolicy *
tn_ipsec_policy_new (void)
{
  return g_object_new (TN_TYPE_IPSEC_POLICY, NULL);
}

TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, transform_protocol, PROP_TRANSFORM_PROTOCOL)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, auth_algorithm, PROP_AUTH_ALGORITHM)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, encapsulation_mode, PROP_ENCAPSULATION_MODE)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, encryption_algorithm, PROP_ENCRYPTION_ALGORITHM)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, lifetime_units, PROP_LIFETIME_UNITS)
TN_RESOURCE_DEFINE_INT (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, lifetime_value, PROP_LIFETIME_VALUE)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, pfs, PROP_PFS)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, availability_zone, PROP_AVAILABILITY_ZONE)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, status_description, PROP_STATUS_DESCRIPTION)
TN_RESOURCE_DEFINE_STRING (TnIpsecPolicy, tn_ipsec_policy, TN_TYPE_IPSEC_POLICY, initiator, PROP_INITIATOR)
