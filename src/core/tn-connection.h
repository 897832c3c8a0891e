/* tn-connection.h: an IPsec site connection (IPsec VPN接続)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

#define TN_TYPE_CONNECTION (tn_connection_get_type ())

G_DECLARE_FINAL_TYPE (TnConnection, tn_connection, TN, CONNECTION, TnResource)

TnConnection *tn_connection_new (void);

const char         *tn_connection_get_vpnservice_id          (TnConnection       *self);
void                tn_connection_set_vpnservice_id          (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_ikepolicy_id           (TnConnection       *self);
void                tn_connection_set_ikepolicy_id           (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_ipsecpolicy_id         (TnConnection       *self);
void                tn_connection_set_ipsecpolicy_id         (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_peer_address           (TnConnection       *self);
void                tn_connection_set_peer_address           (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_peer_id                (TnConnection       *self);
void                tn_connection_set_peer_id                (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_local_id               (TnConnection       *self);
void                tn_connection_set_local_id               (TnConnection       *self,
                                                              const char         *value);
const char * const *tn_connection_get_peer_cidrs             (TnConnection       *self);
void                tn_connection_set_peer_cidrs             (TnConnection       *self,
                                                              const char * const *value);
const char         *tn_connection_get_psk                    (TnConnection       *self);
void                tn_connection_set_psk                    (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_initiator              (TnConnection       *self);
void                tn_connection_set_initiator              (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_dpd_action             (TnConnection       *self);
void                tn_connection_set_dpd_action             (TnConnection       *self,
                                                              const char         *value);
int                 tn_connection_get_dpd_interval           (TnConnection       *self);
void                tn_connection_set_dpd_interval           (TnConnection       *self,
                                                              int                 value);
int                 tn_connection_get_dpd_timeout            (TnConnection       *self);
void                tn_connection_set_dpd_timeout            (TnConnection       *self,
                                                              int                 value);
int                 tn_connection_get_mtu                    (TnConnection       *self);
void                tn_connection_set_mtu                    (TnConnection       *self,
                                                              int                 value);
gboolean            tn_connection_get_admin_state_up         (TnConnection       *self);
void                tn_connection_set_admin_state_up         (TnConnection       *self,
                                                              gboolean            value);
const char         *tn_connection_get_auth_mode              (TnConnection       *self);
void                tn_connection_set_auth_mode              (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_route_mode             (TnConnection       *self);
void                tn_connection_set_route_mode             (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_ike_version            (TnConnection       *self);
void                tn_connection_set_ike_version            (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_ipsec_endpoint_address (TnConnection       *self);
void                tn_connection_set_ipsec_endpoint_address (TnConnection       *self,
                                                              const char         *value);
const char         *tn_connection_get_availability_zone      (TnConnection       *self);
void                tn_connection_set_availability_zone      (TnConnection       *self,
                                                              const char         *value);

G_END_DECLS
