/* tn-ipsec-policy.h: an IPsec policy (phase 2 of the negotiation)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

#define TN_TYPE_IPSEC_POLICY (tn_ipsec_policy_get_type ())

G_DECLARE_FINAL_TYPE (TnIpsecPolicy, tn_ipsec_policy, TN, IPSEC_POLICY, TnResource)

TnIpsecPolicy *tn_ipsec_policy_new (void);

const char *tn_ipsec_policy_get_transform_protocol   (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_transform_protocol   (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_auth_algorithm       (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_auth_algorithm       (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_encapsulation_mode   (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_encapsulation_mode   (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_encryption_algorithm (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_encryption_algorithm (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_lifetime_units       (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_lifetime_units       (TnIpsecPolicy *self,
                                                      const char    *value);
int         tn_ipsec_policy_get_lifetime_value       (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_lifetime_value       (TnIpsecPolicy *self,
                                                      int            value);
const char *tn_ipsec_policy_get_pfs                  (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_pfs                  (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_availability_zone    (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_availability_zone    (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_status_description   (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_status_description   (TnIpsecPolicy *self,
                                                      const char    *value);
const char *tn_ipsec_policy_get_initiator            (TnIpsecPolicy *self);
void        tn_ipsec_policy_set_initiator            (TnIpsecPolicy *self,
                                                      const char    *value);

G_END_DECLS
