/* tn-ike-policy.c: an IKE policy (phase 1 of the negotiation)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnIkePolicy"

#include "config.h"

#include "tn-ike-policy.h"
#include "tn-resource-private.h"

enum {
  PROP_0,
  PROP_AUTH_ALGORITHM,
  PROP_ENCRYPTION_ALGORITHM,
  PROP_PHASE1_NEGOTIATION_MODE,
  PROP_LIFETIME_UNITS,
  PROP_LIFETIME_VALUE,
  PROP_IKE_VERSION,
  PROP_PFS,
  PROP_AVAILABILITY_ZONE,
  PROP_STATUS_DESCRIPTION,
  N_PROPS
};

struct _TnIkePolicy
{
  TnResource  parent_instance;

  GValue      values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TnIkePolicy, tn_ike_policy, TN_TYPE_RESOURCE)

static GParamSpec *properties[N_PROPS];

/* The API attributes (SPEC §2); which of them a region has and who may
 * set them is in the region table. */
static const TnResourceField fields[] = {
  { "auth_algorithm", "auth-algorithm" },
  { "encryption_algorithm", "encryption-algorithm" },
  { "phase1_negotiation_mode", "phase1-negotiation-mode" },
  { "lifetime.units", "lifetime-units" },
  { "lifetime.value", "lifetime-value" },
  { "ike_version", "ike-version" },
  { "pfs", "pfs" },
  { "availability_zone", "availability-zone" },
  { "status_description", "status-description" },
};

TN_RESOURCE_DEFINE_STORAGE (TnIkePolicy, tn_ike_policy)

static void
tn_ike_policy_class_init (TnIkePolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  TN_RESOURCE_INSTALL_STORAGE (object_class, tn_ike_policy);

  /* the hash (認可アルゴリズム): sha1, sha256, … */
  properties[PROP_AUTH_ALGORITHM] =
    g_param_spec_string ("auth-algorithm", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* aes-128, aes-256, … */
  properties[PROP_ENCRYPTION_ALGORITHM] =
    g_param_spec_string ("encryption-algorithm", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* main or aggressive */
  properties[PROP_PHASE1_NEGOTIATION_MODE] =
    g_param_spec_string ("phase1-negotiation-mode", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the unit of the lifetime: seconds */
  properties[PROP_LIFETIME_UNITS] =
    g_param_spec_string ("lifetime-units", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the lifetime; 0 means unset */
  properties[PROP_LIFETIME_VALUE] =
    g_param_spec_int ("lifetime-value", NULL, NULL, 0, G_MAXINT, 0, TN_PROP_FLAGS);
  /* v1 or v2 */
  properties[PROP_IKE_VERSION] =
    g_param_spec_string ("ike-version", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the Diffie-Hellman group: group2, group14, … */
  properties[PROP_PFS] =
    g_param_spec_string ("pfs", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the availability zone (FJcloud type A) */
  properties[PROP_AVAILABILITY_ZONE] =
    g_param_spec_string ("availability-zone", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the server's text about the status (詳細; FJcloud type B, read-only) */
  properties[PROP_STATUS_DESCRIPTION] =
    g_param_spec_string ("status-description", NULL, NULL, NULL, TN_PROP_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  tn_resource_class_set_fields (TN_RESOURCE_CLASS (klass), TN_RESOURCE_IKE_POLICY,
                                fields, G_N_ELEMENTS (fields));
}

/**
 * tn_ike_policy_new:
 *
 * Returns: (transfer full): a new, empty TnIkePolicy
 */
TnIkePolicy *
tn_ike_policy_new (void)
{
  return g_object_new (TN_TYPE_IKE_POLICY, NULL);
}

TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, auth_algorithm, PROP_AUTH_ALGORITHM)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, encryption_algorithm, PROP_ENCRYPTION_ALGORITHM)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, phase1_negotiation_mode, PROP_PHASE1_NEGOTIATION_MODE)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, lifetime_units, PROP_LIFETIME_UNITS)
TN_RESOURCE_DEFINE_INT (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, lifetime_value, PROP_LIFETIME_VALUE)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, ike_version, PROP_IKE_VERSION)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, pfs, PROP_PFS)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, availability_zone, PROP_AVAILABILITY_ZONE)
TN_RESOURCE_DEFINE_STRING (TnIkePolicy, tn_ike_policy, TN_TYPE_IKE_POLICY, status_description, PROP_STATUS_DESCRIPTION)
