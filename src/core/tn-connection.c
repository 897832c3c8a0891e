/* tn-connection.c: an IPsec site connection (IPsec VPN接続)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnConnection"

#include "config.h"

#include "tn-connection.h"
#include "tn-resource-private.h"

enum {
  PROP_0,
  PROP_VPNSERVICE_ID,
  PROP_IKEPOLICY_ID,
  PROP_IPSECPOLICY_ID,
  PROP_PEER_ADDRESS,
  PROP_PEER_ID,
  PROP_LOCAL_ID,
  PROP_PEER_CIDRS,
  PROP_PSK,
  PROP_INITIATOR,
  PROP_DPD_ACTION,
  PROP_DPD_INTERVAL,
  PROP_DPD_TIMEOUT,
  PROP_MTU,
  PROP_ADMIN_STATE_UP,
  PROP_AUTH_MODE,
  PROP_ROUTE_MODE,
  PROP_IKE_VERSION,
  PROP_IPSEC_ENDPOINT_ADDRESS,
  PROP_AVAILABILITY_ZONE,
  N_PROPS
};

struct _TnConnection
{
  TnResource  parent_instance;

  GValue      values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TnConnection, tn_connection, TN_TYPE_RESOURCE)

static GParamSpec *properties[N_PROPS];

/* The API attributes (SPEC §2); which of them a region has and who may
 * set them is in the region table. */
static const TnResourceField fields[] = {
  { "vpnservice_id", "vpnservice-id" },
  { "ikepolicy_id", "ikepolicy-id" },
  { "ipsecpolicy_id", "ipsecpolicy-id" },
  { "peer_address", "peer-address" },
  { "peer_id", "peer-id" },
  { "local_id", "local-id" },
  { "peer_cidrs", "peer-cidrs", TN_RESOURCE_FIELD_UNORDERED },
  { "psk", "psk", TN_RESOURCE_FIELD_SECRET },
  { "initiator", "initiator" },
  { "dpd.action", "dpd-action" },
  { "dpd.interval", "dpd-interval" },
  { "dpd.timeout", "dpd-timeout" },
  { "mtu", "mtu" },
  { "admin_state_up", "admin-state-up" },
  { "auth_mode", "auth-mode" },
  { "route_mode", "route-mode" },
  { "ike_version", "ike-version" },
  { "ipsec_endpoint_address", "ipsec-endpoint-address" },
  { "availability_zone", "availability-zone" },
};

TN_RESOURCE_DEFINE_STORAGE (TnConnection, tn_connection)

static void
tn_connection_class_init (TnConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  TN_RESOURCE_INSTALL_STORAGE (object_class, tn_connection);

  /* the VPN service */
  properties[PROP_VPNSERVICE_ID] =
    g_param_spec_string ("vpnservice-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the IKE policy */
  properties[PROP_IKEPOLICY_ID] =
    g_param_spec_string ("ikepolicy-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the IPsec policy */
  properties[PROP_IPSECPOLICY_ID] =
    g_param_spec_string ("ipsecpolicy-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the peer's public address or FQDN */
  properties[PROP_PEER_ADDRESS] =
    g_param_spec_string ("peer-address", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the peer's IKE identity */
  properties[PROP_PEER_ID] =
    g_param_spec_string ("peer-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the local IKE identity */
  properties[PROP_LOCAL_ID] =
    g_param_spec_string ("local-id", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the peer's private CIDRs */
  properties[PROP_PEER_CIDRS] =
    g_param_spec_boxed ("peer-cidrs", NULL, NULL, G_TYPE_STRV, TN_PROP_FLAGS);
  /* the pre-shared key; a secret */
  properties[PROP_PSK] =
    g_param_spec_string ("psk", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* bi-directional or response-only */
  properties[PROP_INITIATOR] =
    g_param_spec_string ("initiator", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the DPD action: hold, clear, restart, … */
  properties[PROP_DPD_ACTION] =
    g_param_spec_string ("dpd-action", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the DPD interval in seconds; 0 means unset */
  properties[PROP_DPD_INTERVAL] =
    g_param_spec_int ("dpd-interval", NULL, NULL, 0, G_MAXINT, 0, TN_PROP_FLAGS);
  /* the DPD timeout in seconds; 0 means unset */
  properties[PROP_DPD_TIMEOUT] =
    g_param_spec_int ("dpd-timeout", NULL, NULL, 0, G_MAXINT, 0, TN_PROP_FLAGS);
  /* the MTU; 0 means unset */
  properties[PROP_MTU] =
    g_param_spec_int ("mtu", NULL, NULL, 0, G_MAXINT, 0, TN_PROP_FLAGS);
  /* whether the connection is administratively up */
  properties[PROP_ADMIN_STATE_UP] =
    g_param_spec_boolean ("admin-state-up", NULL, NULL, TRUE, TN_PROP_FLAGS);
  /* psk */
  properties[PROP_AUTH_MODE] =
    g_param_spec_string ("auth-mode", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* static */
  properties[PROP_ROUTE_MODE] =
    g_param_spec_string ("route-mode", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* v1 or v2 (FJcloud type B) */
  properties[PROP_IKE_VERSION] =
    g_param_spec_string ("ike-version", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the address the peer must target (FJcloud type B) */
  properties[PROP_IPSEC_ENDPOINT_ADDRESS] =
    g_param_spec_string ("ipsec-endpoint-address", NULL, NULL, NULL, TN_PROP_FLAGS);
  /* the availability zone, inherited from the service (FJcloud type A) */
  properties[PROP_AVAILABILITY_ZONE] =
    g_param_spec_string ("availability-zone", NULL, NULL, NULL, TN_PROP_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  tn_resource_class_set_fields (TN_RESOURCE_CLASS (klass), TN_RESOURCE_CONNECTION,
                                fields, G_N_ELEMENTS (fields));
}

/**
 * tn_connection_new:
 *
 * Returns: (transfer full): a new, empty TnConnection
 */
TnConnection *
tn_connection_new (void)
{
  return g_object_new (TN_TYPE_CONNECTION, NULL);
}

TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, vpnservice_id, PROP_VPNSERVICE_ID)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, ikepolicy_id, PROP_IKEPOLICY_ID)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, ipsecpolicy_id, PROP_IPSECPOLICY_ID)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, peer_address, PROP_PEER_ADDRESS)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, peer_id, PROP_PEER_ID)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, local_id, PROP_LOCAL_ID)
TN_RESOURCE_DEFINE_STRV (TnConnection, tn_connection, TN_TYPE_CONNECTION, peer_cidrs, PROP_PEER_CIDRS)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, psk, PROP_PSK)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, initiator, PROP_INITIATOR)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, dpd_action, PROP_DPD_ACTION)
TN_RESOURCE_DEFINE_INT (TnConnection, tn_connection, TN_TYPE_CONNECTION, dpd_interval, PROP_DPD_INTERVAL)
TN_RESOURCE_DEFINE_INT (TnConnection, tn_connection, TN_TYPE_CONNECTION, dpd_timeout, PROP_DPD_TIMEOUT)
TN_RESOURCE_DEFINE_INT (TnConnection, tn_connection, TN_TYPE_CONNECTION, mtu, PROP_MTU)
TN_RESOURCE_DEFINE_BOOLEAN (TnConnection, tn_connection, TN_TYPE_CONNECTION, admin_state_up, PROP_ADMIN_STATE_UP)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, auth_mode, PROP_AUTH_MODE)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, route_mode, PROP_ROUTE_MODE)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, ike_version, PROP_IKE_VERSION)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, ipsec_endpoint_address, PROP_IPSEC_ENDPOINT_ADDRESS)
TN_RESOURCE_DEFINE_STRING (TnConnection, tn_connection, TN_TYPE_CONNECTION, availability_zone, PROP_AVAILABILITY_ZONE)
