/* tn-vpn-service.c: a VPN service on a router, which connections hang off
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnVpnService"

#include "config.h"

#include "tn-vpn-service.h"
#include "tn-resource-private.h"

enum {
  PROP_0,
  PROP_ADMIN_STATE_UP,
  PROP_ROUTER_ID,
  PROP_SUBNET_ID,
  PROP_EXTERNAL_V4_IP,
  PROP_EXTERNAL_V6_IP,
  PROP_AVAILABILITY_ZONE,
  N_PROPS
};

struct _TnVpnService
{
  TnResource  parent_instance;

  GValue      values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TnVpnService, tn_vpn_service, TN_TYPE_RESOURCE)

static GParamSpec *properties[N_PROPS];

/* The API attributes (SPEC §2); which of them a region has and who may
 * set them is in the region table. */
static const TnResourceField fields[] = {
  { "admin_state_up", "admin-state-up" },
  { "router_id", "router-id" },
  { "subnet_id", "subnet-id" },
  { "external_v4_ip", "external-v4-ip" },
  { "external_v6_ip", "external-v6-ip" },
  { "availability_zone", "availability-zone" },
};

TN_RESOURCE_DEFINE_STORAGE (TnVpnService, tn_vpn_service)

static void
tn_vpn_service_class_init (TnVpnServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  TN_RESOURCE_INSTALL_STORAGE (object_class, tn_vpn_service);

  /* whether the service is administratively up */
  properties[PROP_ADMIN_STATE_UP] =
    g_param_spec_boolean ("admin-state-up", NULL, NULL, TRUE, TN_PROP_FLAGS);
  /* the router the service runs on */
  properties[PROP_ROUTER_ID] =
    g_param_spec_string ("router-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the local subnet (legacy, peer_cidrs style) */
  properties[PROP_SUBNET_ID] =
    g_param_spec_string ("subnet-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the router's external IPv4 address */
  properties[PROP_EXTERNAL_V4_IP] =
    g_param_spec_string ("external-v4-ip", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the router's external IPv6 address */
  properties[PROP_EXTERNAL_V6_IP] =
    g_param_spec_string ("external-v6-ip", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the availability zone (FJcloud type A) */
  properties[PROP_AVAILABILITY_ZONE] =
    g_param_spec_string ("availability-zone", NULL, NULL, NULL, TN_PROP_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  tn_resource_class_set_fields (TN_RESOURCE_CLASS (klass), TN_RESOURCE_VPN_SERVICE,
                                fields, G_N_ELEMENTS (fields));
}

/**
 * tn_vpn_service_new:
 *
 * Returns: (transfer full): a new, empty TnVpnService
 */
TnVpnService *
tn_vpn_service_new (void)
{
  return g_object_new (TN_TYPE_VPN_SERVICE, NULL);
}

TN_RESOURCE_DEFINE_BOOLEAN (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, admin_state_up, PROP_ADMIN_STATE_UP)
TN_RESOURCE_DEFINE_STRING (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, router_id, PROP_ROUTER_ID)
TN_RESOURCE_DEFINE_STRING (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, subnet_id, PROP_SUBNET_ID)
TN_RESOURCE_DEFINE_STRING (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, external_v4_ip, PROP_EXTERNAL_V4_IP)
TN_RESOURCE_DEFINE_STRING (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, external_v6_ip, PROP_EXTERNAL_V6_IP)
TN_RESOURCE_DEFINE_STRING (TnVpnService, tn_vpn_service, TN_TYPE_VPN_SERVICE, availability_zone, PROP_AVAILABILITY_ZONE)
