/* tn-sandbox-vpn-checks.c: what Neutron VPNaaS's plugin and validators
 * check beyond the attribute map; statuses, pairing and settling
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxVpn"

#include "config.h"

#include "tn-sandbox-vpn-private.h"

#define CONNECTIONS "ipsec-site-connections"
#define BAD_REQUEST SOUP_STATUS_BAD_REQUEST

static void
set_internal_error (TnNeutronError **error)
{
  _tn_neutron_error_set (error, SOUP_STATUS_INTERNAL_SERVER_ERROR, "HTTPInternalServerError",
                         "Request Failed: internal server error while processing your request.");
}

static JsonObject *
lookup_or_404 (TnSandboxRegion  *region,
               const char       *collection,
               const char       *id,
               TnNeutronError  **error)
{
  const TnVpnKind *kind = _tn_vpn_kind_lookup (collection);
  JsonObject *object = _tn_sandbox_region_lookup (region, collection, id);

  if (object == NULL)
    _tn_vpn_set_error (error, SOUP_STATUS_NOT_FOUND, kind->not_found_type, kind->not_found_format, id);
  return object;
}

static gint64
get_int (JsonObject *object,
         const char *member,
         const char *key)
{
  JsonObject *dict = json_object_get_object_member (object, member);

  return dict != NULL ? json_object_get_int_member_with_default (dict, key, 0) : 0;
}

/* VPN services */

static gboolean
check_service (TnSandbox        *self,
               TnSandboxRegion  *region,
               JsonObject       *body,
               TnNeutronError  **error)
{
  const char *router_id = _tn_sandbox_get_string (body, "router_id");
  const char *subnet_id = _tn_sandbox_get_string (body, "subnet_id");
  JsonObject *router = _tn_sandbox_region_lookup (region, "routers", router_id);
  const char *v4, *v6;

  if (router == NULL)
    {
      _tn_neutron_error_set (error, SOUP_STATUS_NOT_FOUND, "RouterNotFound",
                             "Router %s could not be found", router_id);
      return FALSE;
    }
  v4 = _tn_sandbox_router_external_ip (region, router, 4);
  v6 = _tn_sandbox_router_external_ip (region, router, 6);
  if (v4 == NULL && v6 == NULL)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "RouterIsNotExternal",
                             "Router %s has no external network gateway set", router_id);
      return FALSE;
    }

  if (subnet_id != NULL)
    {
      gboolean attached = FALSE;
      GTree *ports = _tn_sandbox_region_get (region, "ports");
      GTreeNode *node;

      if (_tn_sandbox_region_lookup (region, "subnets", subnet_id) == NULL)
        {
          _tn_neutron_error_set (error, SOUP_STATUS_NOT_FOUND, "SubnetNotFound",
                                 "Subnet %s could not be found.", subnet_id);
          return FALSE;
        }
      for (node = g_tree_node_first (ports); node != NULL && !attached; node = g_tree_node_next (node))
        {
          JsonObject *port = g_tree_node_value (node);

          attached = g_strcmp0 (_tn_sandbox_get_string (port, "device_id"), router_id) == 0
                     && g_strcmp0 (_tn_sandbox_get_string (port, "subnet_id"), subnet_id) == 0;
        }
      if (!attached)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "SubnetIsNotConnectedToRouter",
                                 "Subnet %s is not connected to Router %s", subnet_id, router_id);
          return FALSE;
        }
    }

  if (v4 != NULL)
    json_object_set_string_member (body, "external_v4_ip", v4);
  else
    json_object_set_null_member (body, "external_v4_ip");
  if (v6 != NULL)
    json_object_set_string_member (body, "external_v6_ip", v6);
  else
    json_object_set_null_member (body, "external_v6_ip");

  return TRUE;
}

/* Endpoint groups */

static char *
python_dict_repr (JsonObject *body)
{
  static const char * const keys[] = { "name", "type", "project_id", "tenant_id", "description" };
  GString *repr = g_string_new ("{");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_string_append_printf (repr, "%s'%s': '%s'", i ? ", " : "", keys[i],
                              _tn_sandbox_get_string (body, keys[i]) ?: "");
      if (i == 1)
        g_string_append (repr, ", 'endpoints': []");
    }
  g_string_append_c (repr, '}');
  return g_string_free (repr, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
check_endpoint_group (TnSandboxRegion  *region,
                      JsonObject       *body,
                      TnNeutronError  **error)
{
  const char *type = _tn_sandbox_get_string (body, "type");
  JsonArray *endpoints = json_object_get_array_member (body, "endpoints");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  JsonArray *list;

  if (json_array_get_length (endpoints) == 0)
    {
      g_autofree char *repr = python_dict_repr (body);

      _tn_neutron_error_set (error, BAD_REQUEST, "MissingEndpointForEndpointGroup",
                             "No endpoints specified for endpoint group '%s'", repr);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (endpoints); i++)
    {
      const char *endpoint = json_array_get_string_element (endpoints, i);

      if (endpoint == NULL)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "InvalidEndpointInEndpointGroup",
                                 "Endpoint is invalid for group type '%s'", type);
          return FALSE;
        }
      if (g_str_equal (type, "cidr") && !_tn_sandbox_parse_cidr (endpoint, NULL))
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "InvalidEndpointInEndpointGroup",
                                 "Endpoint '%s' is invalid for group type 'cidr': Invalid CIDR", endpoint);
          return FALSE;
        }
      if (g_str_equal (type, "subnet") && _tn_sandbox_region_lookup (region, "subnets", endpoint) == NULL)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "NonExistingSubnetInEndpointGroup",
                                 "Subnet %s in endpoint group does not exist", endpoint);
          return FALSE;
        }
      g_ptr_array_add (sorted, (gpointer) endpoint);
    }

  g_ptr_array_sort (sorted, compare_strings);
  list = json_array_new ();
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_string_element (list, g_ptr_array_index (sorted, i));
  json_object_set_array_member (body, "endpoints", list);
  return TRUE;
}

/* Connections */

static gboolean
check_optional_args (TnSandboxRegion  *region,
                     JsonObject       *body,
                     JsonObject       *service,
                     int              *local_version,
                     TnNeutronError  **error)
{
  const char *subnet_id = _tn_sandbox_get_string (service, "subnet_id");
  const char *local_epg_id = _tn_sandbox_get_string (body, "local_ep_group_id");
  const char *peer_epg_id = _tn_sandbox_get_string (body, "peer_ep_group_id");
  JsonArray *peer_cidrs = json_object_get_array_member (body, "peer_cidrs");
  gboolean has_cidrs = peer_cidrs != NULL && json_array_get_length (peer_cidrs) > 0;
  const char *which;
  JsonObject *subnet, *local, *peer;

  if (subnet_id != NULL || !json_object_has_member (body, "local_ep_group_id"))
    {
      if (!has_cidrs)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "MissingPeerCidrs",
                                 "Missing peer CIDRs for IPsec site-to-site connection");
          return FALSE;
        }
      if (local_epg_id != NULL || peer_epg_id != NULL)
        {
          which = local_epg_id && peer_epg_id ? "s local and peer" : local_epg_id ? " local" : " peer";
          _tn_neutron_error_set (error, BAD_REQUEST, "InvalidEndpointGroup",
                                 "Endpoint group%s cannot be specified, when VPN Service has subnet specified",
                                 which);
          return FALSE;
        }
      subnet = _tn_sandbox_region_lookup (region, "subnets", subnet_id);
      *local_version = subnet ? json_object_get_int_member_with_default (subnet, "ip_version", 4) : 4;
      return TRUE;
    }

  if (has_cidrs)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "PeerCidrsInvalid",
                             "Peer CIDRs cannot be specified, when using endpoint groups");
      return FALSE;
    }
  if (local_epg_id == NULL || peer_epg_id == NULL)
    {
      which = !local_epg_id && !peer_epg_id ? "s local and peer" : !local_epg_id ? " local" : " peer";
      _tn_neutron_error_set (error, BAD_REQUEST, "MissingRequiredEndpointGroup",
                             "Missing endpoint group%s for IPSec site-to-site connection", which);
      return FALSE;
    }

  if ((local = lookup_or_404 (region, "endpoint-groups", local_epg_id, error)) == NULL
      || (peer = lookup_or_404 (region, "endpoint-groups", peer_epg_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (_tn_sandbox_get_string (local, "type"), "subnet"))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "WrongEndpointGroupType",
                             "Endpoint group %s type is '%s' and should be 'subnet'",
                             local_epg_id, _tn_sandbox_get_string (local, "type"));
      return FALSE;
    }
  if (!g_str_equal (_tn_sandbox_get_string (peer, "type"), "cidr"))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "WrongEndpointGroupType",
                             "Endpoint group %s type is '%s' and should be 'cidr'",
                             peer_epg_id, _tn_sandbox_get_string (peer, "type"));
      return FALSE;
    }

  subnet = _tn_sandbox_region_lookup (region, "subnets",
                                      json_array_get_string_element (json_object_get_array_member (local, "endpoints"), 0));
  *local_version = subnet ? json_object_get_int_member_with_default (subnet, "ip_version", 4) : 4;
  return TRUE;
}

static gboolean
check_connection_values (TnSandboxRegion  *region,
                         JsonObject       *body,
                         JsonObject       *service,
                         TnNeutronError  **error)
{
  JsonArray *peer_cidrs = json_object_get_array_member (body, "peer_cidrs");
  JsonObject *router = _tn_sandbox_region_lookup (region, "routers",
                                                  _tn_sandbox_get_string (service, "router_id"));
  const char *peer_address = _tn_sandbox_get_string (body, "peer_address");
  int local_version = 4, first_version = 0, version;
  gint64 mtu;

  if (!_tn_vpn_check_rules (region, _tn_vpn_kind_lookup (CONNECTIONS), body, error)
      || !check_optional_args (region, body, service, &local_version, error))
    return FALSE;

  for (guint i = 0; peer_cidrs != NULL && i < json_array_get_length (peer_cidrs); i++)
    {
      _tn_sandbox_parse_cidr (json_array_get_string_element (peer_cidrs, i), &version);
      if (first_version != 0 && version != first_version)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "MixedIPVersionsForPeerCidrs",
                                 "Peer CIDRs do not have the same IP version, as required for IPSec site-to-site connection");
          return FALSE;
        }
      first_version = version;
    }

  if (get_int (body, "dpd", "timeout") <= get_int (body, "dpd", "interval"))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "IPsecSiteConnectionDpdIntervalValueError",
                             "ipsec_site_connection dpd_timeout is equal to or less than dpd_interval");
      return FALSE;
    }

  mtu = json_object_get_int_member_with_default (body, "mtu", 1500);
  if (mtu < (local_version == 4 ? 68 : 1280))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "IPsecSiteConnectionMtuError",
                             "ipsec_site_connection MTU %" G_GINT64_FORMAT " is too small for ipv%d",
                             mtu, local_version);
      return FALSE;
    }

  /* Neutron resolves a host name; the sandbox knows only localhost and
   * keeps other names as they are. */
  if (g_strcmp0 (peer_address, "localhost") == 0)
    json_object_set_string_member (body, "peer_address", peer_address = "127.0.0.1");
  version = _tn_sandbox_ip_version (peer_address);
  if (version != 0 && router != NULL && _tn_sandbox_router_external_ip (region, router, version) == NULL)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "ExternalNetworkHasNoSubnet",
                             "Router's %s external network has no IPv%d subnet",
                             _tn_sandbox_get_string (router, "id"), version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_connection_create (TnSandboxRegion  *region,
                         JsonObject       *body,
                         TnNeutronError  **error)
{
  JsonObject *service, *ipsec;
  const char *zone;

  /* Upstream bug: an unknown VPN service gives 500, not 404. */
  service = _tn_sandbox_region_lookup (region, "vpnservices",
                                       _tn_sandbox_get_string (body, "vpnservice_id"));
  if (service == NULL)
    {
      set_internal_error (error);
      return FALSE;
    }

  /* The *Swan driver's validator runs first; ah-esp makes it fail with a
   * 500 (upstream bug). */
  ipsec = lookup_or_404 (region, "ipsecpolicies", _tn_sandbox_get_string (body, "ipsecpolicy_id"), error);
  if (ipsec == NULL)
    return FALSE;
  if (g_strcmp0 (_tn_sandbox_get_string (ipsec, "transform_protocol"), "ah-esp") == 0)
    {
      set_internal_error (error);
      return FALSE;
    }
  if (lookup_or_404 (region, "ikepolicies", _tn_sandbox_get_string (body, "ikepolicy_id"), error) == NULL)
    return FALSE;

  /* Type A: a connection lives in its service's availability zone. */
  zone = _tn_sandbox_get_string (service, "availability_zone");
  if (zone != NULL)
    {
      const char *asked = _tn_sandbox_get_string (body, "availability_zone");

      if (asked != NULL && !g_str_equal (asked, zone))
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                 "Invalid input for availability_zone. Reason: the connection must be in "
                                 "its VPN service's availability zone %s.", zone);
          return FALSE;
        }
      json_object_set_string_member (body, "availability_zone", zone);
    }

  if (!check_connection_values (region, body, service, error))
    return FALSE;

  json_object_set_string_member (body, "route_mode", "static");
  json_object_set_string_member (body, "auth_mode", "psk");
  if (region->dialect == TN_DIALECT_FJCLOUD_B)
    {
      g_autofree char *address = _tn_sandbox_allocate_external_ip (region);

      json_object_set_string_member (body, "ipsec_endpoint_address",
                                     address ? address : _tn_sandbox_get_string (service, "external_v4_ip"));
    }
  return TRUE;
}

gboolean
_tn_vpn_check_create (TnSandbox        *self,
                      TnSandboxRegion  *region,
                      const TnVpnKind  *kind,
                      GArray           *attrs,
                      JsonObject       *body,
                      TnNeutronError  **error)
{
  switch (kind->profile_kind)
    {
    case TN_RESOURCE_VPN_SERVICE:
      return check_service (self, region, body, error)
             && _tn_vpn_check_rules (region, kind, body, error);
    case TN_RESOURCE_CONNECTION:
      return check_connection_create (region, body, error);
    case TN_RESOURCE_IKE_POLICY:
    case TN_RESOURCE_IPSEC_POLICY:
      return _tn_vpn_check_rules (region, kind, body, error);
    default:
      return check_endpoint_group (region, body, error);
    }
}

gboolean
_tn_vpn_check_update (TnSandbox        *self,
                      TnSandboxRegion  *region,
                      const TnVpnKind  *kind,
                      GArray           *attrs,
                      JsonObject       *merged,
                      TnNeutronError  **error)
{
  JsonObject *service;

  if (kind->profile_kind != TN_RESOURCE_CONNECTION)
    return kind->profile_kind < 0 || _tn_vpn_check_rules (region, kind, merged, error);

  service = _tn_sandbox_region_lookup (region, "vpnservices",
                                       _tn_sandbox_get_string (merged, "vpnservice_id"));
  if (service == NULL)
    {
      set_internal_error (error);
      return FALSE;
    }
  return check_connection_values (region, merged, service, error);
}

/* In use */

gboolean
_tn_vpn_is_in_use (TnSandboxRegion *region,
                   const TnVpnKind *kind,
                   const char      *id)
{
  static const char * const by_kind[][2] = {
    [TN_RESOURCE_IKE_POLICY] = { "ikepolicy_id", NULL },
    [TN_RESOURCE_IPSEC_POLICY] = { "ipsecpolicy_id", NULL },
    [TN_RESOURCE_VPN_SERVICE] = { "vpnservice_id", NULL },
    [TN_RESOURCE_CONNECTION] = { NULL, NULL },
  };
  static const char * const endpoint_groups[2] = { "local_ep_group_id", "peer_ep_group_id" };
  const char * const *members = kind->profile_kind < 0 ? endpoint_groups : by_kind[kind->profile_kind];
  GTree *connections = _tn_sandbox_region_get (region, CONNECTIONS);

  if (members[0] == NULL)
    return FALSE;

  for (GTreeNode *node = g_tree_node_first (connections); node != NULL; node = g_tree_node_next (node))
    for (guint i = 0; i < 2 && members[i] != NULL; i++)
      if (g_strcmp0 (_tn_sandbox_get_string (g_tree_node_value (node), members[i]), id) == 0)
        return TRUE;
  return FALSE;
}

/* Statuses and pairing */

const char *
_tn_sandbox_connection_local_address (TnSandboxRegion *region,
                                      JsonObject      *connection)
{
  const char *endpoint = _tn_sandbox_get_string (connection, "ipsec_endpoint_address");
  JsonObject *service;

  if (endpoint != NULL && *endpoint != '\0')
    return endpoint;
  service = _tn_sandbox_region_lookup (region, "vpnservices",
                                       _tn_sandbox_get_string (connection, "vpnservice_id"));
  if (service == NULL)
    return NULL;
  if (_tn_sandbox_ip_version (_tn_sandbox_get_string (connection, "peer_address")) == 6)
    return _tn_sandbox_get_string (service, "external_v6_ip");
  return _tn_sandbox_get_string (service, "external_v4_ip");
}

static gboolean
is_going (JsonObject *object)
{
  const char *status = _tn_sandbox_get_string (object, "status");

  return status != NULL && (g_str_equal (status, "PENDING_DELETE") || g_str_equal (status, "DELETING"));
}

static gboolean
is_up (TnSandboxRegion *region,
       JsonObject      *connection)
{
  JsonObject *service = _tn_sandbox_region_lookup (region, "vpnservices",
                                                   _tn_sandbox_get_string (connection, "vpnservice_id"));

  return json_object_get_boolean_member_with_default (connection, "admin_state_up", TRUE)
         && service != NULL && json_object_get_boolean_member_with_default (service, "admin_state_up", TRUE)
         && !is_going (connection);
}

/**
 * _tn_sandbox_connection_status:
 *
 * ACTIVE when the other end exists in the sandbox (a connection whose
 * local address is this one's peer and whose peer is this one's local
 * address, with the same pre-shared key) and both are up; else DOWN.
 */
const char *
_tn_sandbox_connection_status (TnSandbox       *self,
                               TnSandboxRegion *region,
                               JsonObject      *connection)
{
  const char *local = _tn_sandbox_connection_local_address (region, connection);
  const char *peer = _tn_sandbox_get_string (connection, "peer_address");
  const char *psk = _tn_sandbox_get_string (connection, "psk");

  if (local == NULL || peer == NULL || !is_up (region, connection))
    return "DOWN";

  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *other = g_ptr_array_index (self->regions, i);
      GTree *connections = _tn_sandbox_region_get (other, CONNECTIONS);

      for (GTreeNode *node = g_tree_node_first (connections); node != NULL; node = g_tree_node_next (node))
        {
          JsonObject *candidate = g_tree_node_value (node);

          if (candidate != connection
              && g_strcmp0 (_tn_sandbox_get_string (candidate, "peer_address"), local) == 0
              && g_strcmp0 (_tn_sandbox_connection_local_address (other, candidate), peer) == 0
              && g_strcmp0 (_tn_sandbox_get_string (candidate, "psk"), psk) == 0
              && is_up (other, candidate))
            return "ACTIVE";
        }
    }
  return "DOWN";
}

/* Settled connections whose peer is @address see their other end come or
 * go. */
static void
refresh_partners (TnSandbox  *self,
                  const char *address)
{
  if (address == NULL)
    return;

  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);
      GTree *connections = _tn_sandbox_region_get (region, CONNECTIONS);

      for (GTreeNode *node = g_tree_node_first (connections); node != NULL; node = g_tree_node_next (node))
        {
          JsonObject *connection = g_tree_node_value (node);
          const char *status = _tn_sandbox_get_string (connection, "status");

          if ((g_strcmp0 (status, "ACTIVE") == 0 || g_strcmp0 (status, "DOWN") == 0)
              && g_strcmp0 (_tn_sandbox_get_string (connection, "peer_address"), address) == 0)
            json_object_set_string_member (connection, "status",
                                           _tn_sandbox_connection_status (self, region, connection));
        }
    }
}

void
_tn_vpn_remove (TnSandbox       *self,
                TnSandboxRegion *region,
                const TnVpnKind *kind,
                const char      *id)
{
  g_autofree char *local = NULL;
  JsonObject *object = _tn_sandbox_region_lookup (region, kind->collection, id);

  if (object == NULL)
    return;
  if (kind->profile_kind == TN_RESOURCE_CONNECTION)
    local = g_strdup (_tn_sandbox_connection_local_address (region, object));

  _tn_sandbox_cancel_settle (self, id);
  _tn_sandbox_region_remove (region, kind->collection, id);
  refresh_partners (self, local);
  _tn_sandbox_changed (self);
}

/**
 * _tn_vpn_set_policy_status:
 * @status: BUILD, ACTIVE, DELETING or CREATE_ERROR
 * @description: (nullable): what the gateway is doing, for BUILD and DELETING
 *
 * Sets the status of a type B policy and `status_description`, the text the
 * portal shows as 詳細 (our name for an attribute the NFV API does not
 * document): @description while in flux, "" once ACTIVE, and a sentence
 * about the failure for CREATE_ERROR.
 */
void
_tn_vpn_set_policy_status (JsonObject *object,
                           const char *status,
                           const char *description)
{
  if (g_str_equal (status, "ACTIVE"))
    description = "";
  else if (g_str_equal (status, "CREATE_ERROR"))
    description = "The policy could not be created on the VPN gateway. Delete it and create it again.";

  json_object_set_string_member (object, "status", status);
  json_object_set_string_member (object, "status_description", description ? description : "");
}

void
_tn_sandbox_vpn_settle (TnSandbox       *self,
                        TnSandboxRegion *region,
                        const char      *collection,
                        const char      *id)
{
  const TnVpnKind *kind = _tn_vpn_kind_lookup (collection);
  JsonObject *object = _tn_sandbox_region_lookup (region, collection, id);
  g_autofree char *status = NULL;

  if (kind == NULL || object == NULL)
    return;

  status = g_strdup (_tn_sandbox_get_string (object, "status"));
  if (is_going (object))
    {
      _tn_vpn_remove (self, region, kind, id);
      return;
    }

  switch (kind->profile_kind)
    {
    case TN_RESOURCE_CONNECTION:
      json_object_set_string_member (object, "status", _tn_sandbox_connection_status (self, region, object));
      refresh_partners (self, _tn_sandbox_connection_local_address (region, object));
      break;
    case TN_RESOURCE_VPN_SERVICE:
      json_object_set_string_member (object, "status",
                                     json_object_get_boolean_member_with_default (object, "admin_state_up", TRUE)
                                     ? "ACTIVE" : "DOWN");
      refresh_partners (self, _tn_sandbox_get_string (object, "external_v4_ip"));
      break;
    default:
      _tn_vpn_set_policy_status (object, "ACTIVE", NULL);
      break;
    }

  g_debug ("%s: %s %s settled: %s → %s", region->name, kind->member, id, status,
           _tn_sandbox_get_string (object, "status"));
  _tn_sandbox_changed (self);
}

static char *
pair_key (const char *local,
          const char *peer,
          const char *psk)
{
  return g_strjoin ("\n", local, peer, psk, NULL);
}

/* All connections at once, with an index of who is up where: linear in
 * the number of connections (the scale seeds settle thousands). */
static void
settle_connections (TnSandbox *self)
{
  g_autoptr(GHashTable) up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->regions->len; i++)
      {
        TnSandboxRegion *region = g_ptr_array_index (self->regions, i);
        GTree *connections = _tn_sandbox_region_get (region, CONNECTIONS);

        for (GTreeNode *node = g_tree_node_first (connections); node != NULL; node = g_tree_node_next (node))
          {
            JsonObject *connection = g_tree_node_value (node);
            const char *local = _tn_sandbox_connection_local_address (region, connection);
            const char *peer = _tn_sandbox_get_string (connection, "peer_address");
            const char *psk = _tn_sandbox_get_string (connection, "psk");
            g_autofree char *partner = NULL;

            if (local == NULL || peer == NULL || psk == NULL || !is_up (region, connection))
              {
                if (pass == 1 && !is_going (connection))
                  json_object_set_string_member (connection, "status", "DOWN");
                continue;
              }
            if (pass == 0)
              {
                g_hash_table_add (up, pair_key (local, peer, psk));
                continue;
              }
            partner = pair_key (peer, local, psk);
            json_object_set_string_member (connection, "status",
                                           g_hash_table_contains (up, partner) ? "ACTIVE" : "DOWN");
          }
      }
}

/**
 * _tn_sandbox_vpn_settle_all:
 *
 * Settles every resource at once: what is going goes, policies and
 * services become ACTIVE (or DOWN), connections ACTIVE or DOWN.
 */
void
_tn_sandbox_vpn_settle_all (TnSandbox *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);
      static const char * const order[] = { CONNECTIONS, "vpnservices", "ikepolicies", "ipsecpolicies" };

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        {
          const TnVpnKind *kind = _tn_vpn_kind_lookup (order[k]);
          GTree *tree = _tn_sandbox_region_get (region, order[k]);
          g_autoptr(GPtrArray) going = g_ptr_array_new_with_free_func (g_free);

          for (GTreeNode *node = g_tree_node_first (tree); node != NULL; node = g_tree_node_next (node))
            {
              JsonObject *object = g_tree_node_value (node);
              const char *status = _tn_sandbox_get_string (object, "status");

              if (is_going (object))
                g_ptr_array_add (going, g_strdup (g_tree_node_key (node)));
              else if (kind->profile_kind == TN_RESOURCE_VPN_SERVICE)
                json_object_set_string_member (object, "status",
                                               json_object_get_boolean_member_with_default (object, "admin_state_up", TRUE)
                                               ? "ACTIVE" : "DOWN");
              else if (status != NULL && kind->profile_kind != TN_RESOURCE_CONNECTION)
                _tn_vpn_set_policy_status (object, "ACTIVE", NULL);
            }
          for (guint j = 0; j < going->len; j++)
            {
              _tn_sandbox_cancel_settle (self, g_ptr_array_index (going, j));
              _tn_sandbox_region_remove (region, order[k], g_ptr_array_index (going, j));
            }
        }
    }

  settle_connections (self);
  _tn_sandbox_changed (self);
}
