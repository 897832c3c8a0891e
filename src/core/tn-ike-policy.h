/* tn-ike-policy.h: an IKE policy (phase 1 of the negotiation)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

#define TN_TYPE_IKE_POLICY (tn_ike_policy_get_type ())

G_DECLARE_FINAL_TYPE (TnIkePolicy, tn_ike_policy, TN, IKE_POLICY, TnResource)

TnIkePolicy *tn_ike_policy_new (void);

const char *tn_ike_policy_get_auth_algorithm          (TnIkePolicy *self);
void        tn_ike_policy_set_auth_algorithm          (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_encryption_algorithm    (TnIkePolicy *self);
void        tn_ike_policy_set_encryption_algorithm    (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_phase1_negotiation_mode (TnIkePolicy *self);
void        tn_ike_policy_set_phase1_negotiation_mode (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_lifetime_units          (TnIkePolicy *self);
void        tn_ike_policy_set_lifetime_units          (TnIkePolicy *self,
                                                       const char  *value);
int         tn_ike_policy_get_lifetime_value          (TnIkePolicy *self);
void        tn_ike_policy_set_lifetime_value          (TnIkePolicy *self,
                                                       int          value);
const char *tn_ike_policy_get_ike_version             (TnIkePolicy *self);
void        tn_ike_policy_set_ike_version             (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_pfs                     (TnIkePolicy *self);
void        tn_ike_policy_set_pfs                     (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_availability_zone       (TnIkePolicy *self);
void        tn_ike_policy_set_availability_zone       (TnIkePolicy *self,
                                                       const char  *value);
const char *tn_ike_policy_get_status_description      (TnIkePolicy *self);
void        tn_ike_policy_set_status_description      (TnIkePolicy *self,
                                                       const char  *value);

G_END_DECLS
