/* tn-vpn-service.h: a VPN service on a router, which connections hang off
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

#define TN_TYPE_VPN_SERVICE (tn_vpn_service_get_type ())

G_DECLARE_FINAL_TYPE (TnVpnService, tn_vpn_service, TN, VPN_SERVICE, TnResource)

TnVpnService *tn_vpn_service_new (void);

gboolean    tn_vpn_service_get_admin_state_up    (TnVpnService *self);
void        tn_vpn_service_set_admin_state_up    (TnVpnService *self,
                                                  gboolean      value);
const char *tn_vpn_service_get_router_id         (TnVpnService *self);
void        tn_vpn_service_set_router_id         (TnVpnService *self,
                                                  const char   *value);
const char *tn_vpn_service_get_subnet_id         (TnVpnService *self);
void        tn_vpn_service_set_subnet_id         (TnVpnService *self,
                                                  const char   *value);
const char *tn_vpn_service_get_external_v4_ip    (TnVpnService *self);
void        tn_vpn_service_set_external_v4_ip    (TnVpnService *self,
                                                  const char   *value);
const char *tn_vpn_service_get_external_v6_ip    (TnVpnService *self);
void        tn_vpn_service_set_external_v6_ip    (TnVpnService *self,
                                                  const char   *value);
const char *tn_vpn_service_get_availability_zone (TnVpnService *self);
void        tn_vpn_service_set_availability_zone (TnVpnService *self,
                                                  const char   *value);

G_END_DECLS
