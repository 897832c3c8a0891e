/* tn-sandbox-network.c: networks, subnets, routers and their interfaces —
 * as much of Neutron's core as VPN services need
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxNetwork"

#include "config.h"

#include "tn-sandbox-private.h"

#define PP (TN_ATTR_POST | TN_ATTR_PUT)
#define P  TN_ATTR_POST

static const TnAttr network_attrs[] = {
  { "id", TN_ATTR_UUID, 0 },
  { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
  { "admin_state_up", TN_ATTR_BOOL, PP, "true" },
  { "mtu", TN_ATTR_INT, PP, "1450" },
  { "status", TN_ATTR_STRING, 0 },
  { "subnets", TN_ATTR_ANY, 0 },
  { "shared", TN_ATTR_BOOL, PP, "false" },
  { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
  { "port_security_enabled", TN_ATTR_BOOL, PP, "true" },
  { "router:external", TN_ATTR_BOOL, PP, "false" },
  { "provider:network_type", TN_ATTR_ANY, PP, "\"vxlan\"" },
  { "provider:physical_network", TN_ATTR_ANY, PP, "null" },
  { "provider:segmentation_id", TN_ATTR_ANY, PP, "null" },
  { "is_default", TN_ATTR_BOOL, PP, "false" },
  { "availability_zone_hints", TN_ATTR_ANY, P, "[]" },
  { "availability_zones", TN_ATTR_ANY, 0 },
  { "ipv4_address_scope", TN_ATTR_ANY, 0 },
  { "ipv6_address_scope", TN_ATTR_ANY, 0 },
  { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "tags", TN_ATTR_ANY, 0 },
  { "created_at", TN_ATTR_STRING, 0 },
  { "updated_at", TN_ATTR_STRING, 0 },
  { "revision_number", TN_ATTR_INT, 0 },
};

static const TnAttr subnet_attrs[] = {
  { "id", TN_ATTR_UUID, 0 },
  { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
  { "network_id", TN_ATTR_UUID, P, NULL },
  { "ip_version", TN_ATTR_INT, P, NULL },
  { "subnetpool_id", TN_ATTR_ANY, P, "null" },
  { "enable_dhcp", TN_ATTR_BOOL, PP, "true" },
  { "ipv6_ra_mode", TN_ATTR_ANY, P, "null" },
  { "ipv6_address_mode", TN_ATTR_ANY, P, "null" },
  { "gateway_ip", TN_ATTR_ANY, PP, "null" },
  { "cidr", TN_ATTR_STRING, P, NULL },
  { "allocation_pools", TN_ATTR_ANY, P, "null" },
  { "host_routes", TN_ATTR_ANY, PP, "[]" },
  { "dns_nameservers", TN_ATTR_ANY, PP, "[]" },
  { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "service_types", TN_ATTR_ANY, P, "[]" },
  { "tags", TN_ATTR_ANY, 0 },
  { "created_at", TN_ATTR_STRING, 0 },
  { "updated_at", TN_ATTR_STRING, 0 },
  { "revision_number", TN_ATTR_INT, 0 },
  { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
};

static const TnAttr router_attrs[] = {
  { "id", TN_ATTR_UUID, 0 },
  { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
  { "admin_state_up", TN_ATTR_BOOL, PP, "true" },
  { "status", TN_ATTR_STRING, 0 },
  { "external_gateway_info", TN_ATTR_ANY, PP, "null" },
  { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 },
  { "availability_zones", TN_ATTR_ANY, 0 },
  { "distributed", TN_ATTR_BOOL, PP, "false" },
  { "ha", TN_ATTR_BOOL, PP, "false" },
  { "availability_zone_hints", TN_ATTR_ANY, P, "[]" },
  { "routes", TN_ATTR_ANY, PP, "[]" },
  { "flavor_id", TN_ATTR_ANY, P, "null" },
  { "tags", TN_ATTR_ANY, 0 },
  { "created_at", TN_ATTR_STRING, 0 },
  { "updated_at", TN_ATTR_STRING, 0 },
  { "revision_number", TN_ATTR_INT, 0 },
  { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 },
};

typedef struct
{
  const char   *collection;
  const char   *member;
  const char   *not_found_type;
  const char   *display;
  const TnAttr *attrs;
  guint         n_attrs;
} NetworkKind;

static const NetworkKind kinds[] = {
  { "networks", "network", "NetworkNotFound", "Network", network_attrs, G_N_ELEMENTS (network_attrs) },
  { "subnets", "subnet", "SubnetNotFound", "Subnet", subnet_attrs, G_N_ELEMENTS (subnet_attrs) },
  { "routers", "router", "RouterNotFound", "Router", router_attrs, G_N_ELEMENTS (router_attrs) },
  { "ports", "port", "PortNotFound", "Port", NULL, 0 },
};

/* Kind-specific parts of a create or update */

static gboolean
prepare_gateway (TnSandboxRegion  *region,
                 JsonObject       *router,
                 JsonObject       *old,
                 TnNeutronError  **error)
{
  JsonNode *node = json_object_get_member (router, "external_gateway_info");
  JsonObject *info, *network, *result;
  JsonArray *ips;
  const char *network_id;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node)
      || (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) == 0))
    {
      json_object_set_null_member (router, "external_gateway_info");
      return TRUE;
    }
  info = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  network_id = _tn_sandbox_get_string (info, "network_id");
  network = _tn_sandbox_region_lookup (region, "networks", network_id);
  if (network == NULL)
    {
      _tn_neutron_error_set (error, SOUP_STATUS_NOT_FOUND, "NetworkNotFound",
                             "Network %s could not be found.", network_id ? network_id : "None");
      return FALSE;
    }
  if (!json_object_get_boolean_member_with_default (network, "router:external", FALSE))
    {
      _tn_neutron_error_set (error, SOUP_STATUS_BAD_REQUEST, "BadRequest",
                             "Bad router request: Network %s is not an external network.", network_id);
      return FALSE;
    }

  /* Keep the addresses if the gateway stays on the same network. */
  if (old != NULL && JSON_NODE_HOLDS_OBJECT (json_object_get_member (old, "external_gateway_info"))
      && g_strcmp0 (_tn_sandbox_get_string (json_object_get_object_member (old, "external_gateway_info"), "network_id"),
                    network_id) == 0)
    {
      json_object_set_member (router, "external_gateway_info",
                              json_node_copy (json_object_get_member (old, "external_gateway_info")));
      return TRUE;
    }

  result = json_object_new ();
  ips = json_array_new ();
  json_object_set_string_member (result, "network_id", network_id);
  for (int version = 4; version <= 6; version += 2)
    {
      JsonObject *subnet = _tn_sandbox_external_subnet (region, network_id, version);
      g_autofree char *address = subnet ? _tn_sandbox_allocate_in_subnet (region, subnet) : NULL;

      if (address != NULL)
        {
          JsonObject *ip = json_object_new ();

          json_object_set_string_member (ip, "subnet_id", _tn_sandbox_get_string (subnet, "id"));
          json_object_set_string_member (ip, "ip_address", address);
          json_array_add_object_element (ips, ip);
        }
    }
  json_object_set_array_member (result, "external_fixed_ips", ips);
  json_object_set_boolean_member (result, "enable_snat",
                                  json_object_get_boolean_member_with_default (info, "enable_snat", TRUE));
  json_object_set_object_member (router, "external_gateway_info", result);
  return TRUE;
}

static const char *
vpn_service_on (TnSandboxRegion *region,
                const char      *member,
                const char      *id)
{
  GTree *services = _tn_sandbox_region_get (region, "vpnservices");

  for (GTreeNode *n = g_tree_node_first (services); n != NULL; n = g_tree_node_next (n))
    if (g_strcmp0 (_tn_sandbox_get_string (g_tree_node_value (n), member), id) == 0)
      return g_tree_node_key (n);
  return NULL;
}

static gboolean
prepare_subnet (TnSandboxRegion        *region,
                const TnSandboxCaller  *caller,
                JsonObject             *subnet,
                TnNeutronError        **error)
{
  const char *network_id = _tn_sandbox_get_string (subnet, "network_id");
  const char *cidr = _tn_sandbox_get_string (subnet, "cidr");
  JsonObject *network = _tn_sandbox_region_find (region, caller, "networks", network_id);
  JsonArray *pools;
  JsonObject *pool;
  int version = 0;
  g_autofree char *gateway = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (network == NULL)
    {
      _tn_neutron_error_set (error, SOUP_STATUS_NOT_FOUND, "NetworkNotFound",
                             "Network %s could not be found.", network_id);
      return FALSE;
    }
  /* A member sees external networks, but may put subnets only on its own
   * (or shared) ones (neutron's ownership_validation hook). */
  if (!caller->admin && !_tn_sandbox_owns (caller, network)
      && !json_object_get_boolean_member_with_default (network, "shared", FALSE))
    {
      _tn_neutron_error_set (error, SOUP_STATUS_FORBIDDEN, "HTTPForbidden",
                             "Tenant %s not allowed to create subnet on this network",
                             _tn_sandbox_get_string (subnet, "project_id"));
      return FALSE;
    }
  if (!_tn_sandbox_parse_cidr (cidr, &version))
    {
      _tn_neutron_error_set (error, SOUP_STATUS_BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for cidr. Reason: '%s' is not a valid IP subnet.", cidr);
      return FALSE;
    }
  if (json_object_get_int_member (subnet, "ip_version") != version)
    {
      _tn_neutron_error_set (error, SOUP_STATUS_BAD_REQUEST, "InvalidInput",
                             "Invalid input for operation: Cidr and IP version do not match.");
      return FALSE;
    }

  if (JSON_NODE_HOLDS_NULL (json_object_get_member (subnet, "gateway_ip")))
    {
      gateway = _tn_sandbox_address_at (cidr, 1);
      json_object_set_string_member (subnet, "gateway_ip", gateway);
    }
  if (JSON_NODE_HOLDS_NULL (json_object_get_member (subnet, "allocation_pools")))
    {
      start = _tn_sandbox_address_at (cidr, 2);
      end = _tn_sandbox_address_at (cidr, -1);
      pools = json_array_new ();
      pool = json_object_new ();
      json_object_set_string_member (pool, "start", start);
      json_object_set_string_member (pool, "end", end);
      json_array_add_object_element (pools, pool);
      json_object_set_array_member (subnet, "allocation_pools", pools);
    }

  json_array_add_string_element (json_object_get_array_member (network, "subnets"),
                                 json_object_get_string_member (subnet, "id"));
  return TRUE;
}

static gboolean
prepare (TnSandboxRegion        *region,
         const TnSandboxCaller  *caller,
         const NetworkKind      *kind,
         JsonObject             *object,
         JsonObject             *old,
         TnNeutronError        **error)
{
  g_autofree char *now = _tn_sandbox_now_iso8601 ();

  json_object_set_string_member (object, "updated_at", now);
  json_object_set_int_member (object, "revision_number",
                              old ? json_object_get_int_member_with_default (old, "revision_number", 0) + 1 : 1);
  if (old != NULL)
    {
      if (g_str_equal (kind->collection, "routers")
          && json_object_has_member (object, "external_gateway_info"))
        {
          const char *service = vpn_service_on (region, "router_id", _tn_sandbox_get_string (old, "id"));

          if (service != NULL && JSON_NODE_HOLDS_NULL (json_object_get_member (object, "external_gateway_info")))
            {
              _tn_neutron_error_set (error, SOUP_STATUS_CONFLICT, "RouterInUseByVPNService",
                                     "Router %s is used by VPNService %s",
                                     _tn_sandbox_get_string (old, "id"), service);
              return FALSE;
            }
          return prepare_gateway (region, object, old, error);
        }
      return TRUE;
    }

  json_object_set_string_member (object, "created_at", now);
  json_object_set_array_member (object, "tags", json_array_new ());

  if (g_str_equal (kind->collection, "networks"))
    {
      gboolean external = json_object_get_boolean_member (object, "router:external");

      json_object_set_string_member (object, "status", "ACTIVE");
      json_object_set_array_member (object, "subnets", json_array_new ());
      json_object_set_array_member (object, "availability_zones", json_array_new ());
      json_object_set_null_member (object, "ipv4_address_scope");
      json_object_set_null_member (object, "ipv6_address_scope");
      if (external)
        json_object_set_int_member (object, "mtu", 1500);
      return TRUE;
    }
  if (g_str_equal (kind->collection, "subnets"))
    return prepare_subnet (region, caller, object, error);

  json_object_set_string_member (object, "status", "ACTIVE");
  json_object_set_array_member (object, "availability_zones", json_array_new ());
  return prepare_gateway (region, object, NULL, error);
}

/* Deleting */

static gboolean
check_delete (TnSandboxRegion  *region,
              const NetworkKind *kind,
              JsonObject       *object,
              TnNeutronError  **error)
{
  const char *id = _tn_sandbox_get_string (object, "id");
  GTree *ports = _tn_sandbox_region_get (region, "ports");
  GTree *routers = _tn_sandbox_region_get (region, "routers");
  g_autoptr(GString) attached = g_string_new (NULL);
  const char *member = g_str_equal (kind->collection, "routers") ? "device_id"
                       : g_str_equal (kind->collection, "subnets") ? "subnet_id" : "network_id";
  const char *service;

  for (GTreeNode *n = g_tree_node_first (ports); n != NULL; n = g_tree_node_next (n))
    if (g_strcmp0 (_tn_sandbox_get_string (g_tree_node_value (n), member), id) == 0)
      g_string_append_printf (attached, "%s%s", attached->len ? ", " : "", (char *) g_tree_node_key (n));

  if (g_str_equal (kind->collection, "routers"))
    {
      if (attached->len > 0)
        {
          _tn_neutron_error_set (error, SOUP_STATUS_CONFLICT, "RouterInUse",
                                 "Router %s has ports still attached: %s", id, attached->str);
          return FALSE;
        }
      if ((service = vpn_service_on (region, "router_id", id)) != NULL)
        {
          _tn_neutron_error_set (error, SOUP_STATUS_CONFLICT, "RouterInUseByVPNService",
                                 "Router %s is used by VPNService %s", id, service);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (kind->collection, "networks"))
    for (GTreeNode *n = g_tree_node_first (routers); n != NULL && attached->len == 0; n = g_tree_node_next (n))
      {
        JsonNode *info = json_object_get_member (g_tree_node_value (n), "external_gateway_info");

        if (info != NULL && JSON_NODE_HOLDS_OBJECT (info)
            && g_strcmp0 (_tn_sandbox_get_string (json_node_get_object (info), "network_id"), id) == 0)
          g_string_append (attached, g_tree_node_key (n));
      }

  if (attached->len > 0 && g_str_equal (kind->collection, "networks"))
    _tn_neutron_error_set (error, SOUP_STATUS_CONFLICT, "NetworkInUse",
                           "Unable to complete operation on network %s. There are one or more ports still in use on the network.", id);
  else if (attached->len > 0)
    _tn_neutron_error_set (error, SOUP_STATUS_CONFLICT, "SubnetInUse",
                           "Unable to complete operation on subnet %s: One or more ports have an IP allocation from this subnet.", id);
  return attached->len == 0;
}

static void
remove_object (TnSandboxRegion   *region,
               const NetworkKind *kind,
               JsonObject        *object)
{
  g_autofree char *id = g_strdup (_tn_sandbox_get_string (object, "id"));

  if (g_str_equal (kind->collection, "networks"))
    {
      JsonArray *subnets = json_object_get_array_member (object, "subnets");

      for (guint i = 0; i < json_array_get_length (subnets); i++)
        _tn_sandbox_region_remove (region, "subnets", json_array_get_string_element (subnets, i));
    }
  else if (g_str_equal (kind->collection, "subnets"))
    {
      JsonObject *network = _tn_sandbox_region_lookup (region, "networks",
                                                       _tn_sandbox_get_string (object, "network_id"));
      JsonArray *subnets = network ? json_object_get_array_member (network, "subnets") : NULL;

      for (guint i = 0; subnets != NULL && i < json_array_get_length (subnets); i++)
        if (g_strcmp0 (json_array_get_string_element (subnets, i), id) == 0)
          {
            json_array_remove_element (subnets, i);
            break;
          }
    }
  _tn_sandbox_region_remove (region, kind->collection, id);
}

/* Router interfaces */

static void
respond_interface (SoupServerMessage *msg,
                   JsonObject        *router,
                   JsonObject        *port)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *subnet_ids = json_array_new ();
  const char *subnet_id = _tn_sandbox_get_string (port, "subnet_id");

  json_object_set_string_member (body, "id", _tn_sandbox_get_string (router, "id"));
  json_object_set_string_member (body, "tenant_id", _tn_sandbox_get_string (router, "tenant_id"));
  json_object_set_string_member (body, "port_id", _tn_sandbox_get_string (port, "id"));
  json_object_set_string_member (body, "network_id", _tn_sandbox_get_string (port, "network_id"));
  json_object_set_string_member (body, "subnet_id", subnet_id);
  json_array_add_string_element (subnet_ids, subnet_id);
  json_object_set_array_member (body, "subnet_ids", subnet_ids);
  /* Neutron builds this answer by hand, with tenant_id only. */
  _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
}

static JsonObject *
find_interface (TnSandboxRegion *region,
                const char      *router_id,
                const char      *subnet_id)
{
  GTree *ports = _tn_sandbox_region_get (region, "ports");

  for (GTreeNode *n = g_tree_node_first (ports); n != NULL; n = g_tree_node_next (n))
    if (g_strcmp0 (_tn_sandbox_get_string (g_tree_node_value (n), "device_id"), router_id) == 0
        && g_strcmp0 (_tn_sandbox_get_string (g_tree_node_value (n), "subnet_id"), subnet_id) == 0)
      return g_tree_node_value (n);
  return NULL;
}

static JsonObject *
new_interface (TnSandboxRegion *region,
               JsonObject      *router,
               JsonObject      *subnet)
{
  g_autoptr(JsonObject) port = json_object_new ();
  g_autofree char *id = _tn_sandbox_new_uuid ();
  JsonArray *fixed_ips = json_array_new ();
  JsonObject *fixed_ip = json_object_new ();
  const char *address = _tn_sandbox_get_string (subnet, "gateway_ip");

  json_object_set_string_member (port, "id", id);
  json_object_set_string_member (port, "name", "");
  json_object_set_string_member (port, "network_id", _tn_sandbox_get_string (subnet, "network_id"));
  json_object_set_string_member (port, "tenant_id", _tn_sandbox_get_string (router, "tenant_id"));
  json_object_set_boolean_member (port, "admin_state_up", TRUE);
  json_object_set_string_member (port, "status", "ACTIVE");
  json_object_set_string_member (port, "device_id", _tn_sandbox_get_string (router, "id"));
  json_object_set_string_member (port, "device_owner", "network:router_interface");
  json_object_set_string_member (fixed_ip, "subnet_id", _tn_sandbox_get_string (subnet, "id"));
  json_object_set_string_member (fixed_ip, "ip_address", address);
  json_array_add_object_element (fixed_ips, fixed_ip);
  json_object_set_array_member (port, "fixed_ips", fixed_ips);
  json_object_set_string_member (port, "subnet_id", _tn_sandbox_get_string (subnet, "id"));
  json_object_set_string_member (port, "ip_address", address);
  json_object_set_string_member (port, "project_id", _tn_sandbox_get_string (router, "project_id"));
  _tn_sandbox_region_insert (region, "ports", port);
  return port;
}

/**
 * _tn_sandbox_network_attach:
 *
 * Attaches @subnet to @router as add_router_interface does.
 *
 * Returns: (transfer none): the interface's port
 */
JsonObject *
_tn_sandbox_network_attach (TnSandboxRegion *region,
                            JsonObject      *router,
                            JsonObject      *subnet)
{
  return new_interface (region, router, subnet);
}

static void
handle_interface (TnSandbox             *self,
                  TnSandboxRegion       *region,
                  SoupServerMessage     *msg,
                  const TnSandboxCaller *caller,
                  JsonObject            *router,
                  gboolean               add)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonNode) root = request->length ? _tn_sandbox_parse_json (request->data) : NULL;
  JsonObject *body = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *router_id = _tn_sandbox_get_string (router, "id");
  const char *subnet_id = _tn_sandbox_get_string (body, "subnet_id");
  JsonObject *subnet = _tn_sandbox_region_find (region, caller, "subnets", subnet_id);
  JsonObject *port = find_interface (region, router_id, subnet_id);
  g_autoptr(JsonObject) removed = NULL;
  const char *service;

  if (subnet_id == NULL)
    {
      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_BAD_REQUEST, "BadRequest",
                                   "Bad router request: Either subnet_id or port_id must be specified.");
      return;
    }
  if (subnet == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Subnet %s could not be found.", subnet_id);

      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_NOT_FOUND, "SubnetNotFound", message);
      return;
    }

  if (add)
    {
      if (port != NULL)
        {
          g_autofree char *message = g_strdup_printf ("Bad router request: Router already has a port on subnet %s.", subnet_id);

          _tn_sandbox_respond_neutron (msg, SOUP_STATUS_BAD_REQUEST, "BadRequest", message);
          return;
        }
      port = new_interface (region, router, subnet);
      _tn_sandbox_changed (self);
      respond_interface (msg, router, port);
      return;
    }

  if (port == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Router %s has no interface on subnet %s", router_id, subnet_id);

      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_NOT_FOUND, "RouterInterfaceNotFoundForSubnet", message);
      return;
    }
  service = vpn_service_on (region, "subnet_id", subnet_id);
  if (service != NULL && g_strcmp0 (_tn_sandbox_get_string (_tn_sandbox_region_lookup (region, "vpnservices", service),
                                                            "router_id"), router_id) == 0)
    {
      g_autofree char *message = g_strdup_printf ("Subnet %s is used by VPNService %s", subnet_id, service);

      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_CONFLICT, "SubnetInUseByVPNService", message);
      return;
    }

  removed = json_object_ref (port);
  _tn_sandbox_region_remove (region, "ports", _tn_sandbox_get_string (port, "id"));
  _tn_sandbox_changed (self);
  respond_interface (msg, router, removed);
}

/* The flow */

static JsonObject *
shape (const NetworkKind *kind,
       JsonObject        *values)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < kind->n_attrs; i++)
    if (json_object_has_member (values, kind->attrs[i].name))
      json_object_set_member (object, kind->attrs[i].name,
                              json_node_copy (json_object_get_member (values, kind->attrs[i].name)));
  return object;
}

/**
 * _tn_sandbox_network_create:
 * @caller: who creates it, and so who owns it
 * @collection: `networks`, `subnets` or `routers`
 * @body: the attributes a client would send; filled in place
 *
 * Returns: (transfer none): the stored resource, or %NULL with @error set
 */
JsonObject *
_tn_sandbox_network_create (TnSandbox              *self,
                            TnSandboxRegion        *region,
                            const TnSandboxCaller  *caller,
                            const char             *collection,
                            JsonObject             *body,
                            TnNeutronError        **error)
{
  const NetworkKind *kind = NULL;
  g_autofree char *id = _tn_sandbox_new_uuid ();
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GHashTable) given = _tn_sandbox_member_names (body);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].collection, collection))
      kind = &kinds[i];

  if (!_tn_sandbox_check_body (body, kind->attrs, kind->n_attrs, TRUE, caller, error)
      || !_tn_sandbox_policy_check (caller, collection, TRUE, TRUE, given, body, error))
    return NULL;
  json_object_set_string_member (body, "id", id);
  if (!prepare (region, caller, kind, body, NULL, error))
    return NULL;

  object = shape (kind, body);
  _tn_sandbox_region_insert (region, collection, object);
  _tn_sandbox_changed (self);
  return object;
}

static void
respond_not_found (SoupServerMessage *msg,
                   const NetworkKind *kind,
                   const char        *id)
{
  /* neutron_lib's core exceptions end with a full stop; l3's
   * RouterNotFound does not. */
  gboolean router = g_str_equal (kind->collection, "routers");
  g_autofree char *message = g_strdup_printf ("%s %s could not be found%s", kind->display, id, router ? "" : ".");

  _tn_sandbox_respond_neutron (msg, SOUP_STATUS_NOT_FOUND, kind->not_found_type, message);
}

static void
respond_shown (SoupServerMessage     *msg,
               const TnSandboxCaller *caller,
               guint                  status,
               const NetworkKind     *kind,
               JsonObject            *object)
{
  g_autoptr(JsonObject) shown = _tn_sandbox_present (caller, kind->collection, object);

  _tn_sandbox_respond_member (msg, status, kind->member, shown);
}

static void
handle_member (TnSandbox             *self,
               TnSandboxRegion       *region,
               SoupServerMessage     *msg,
               const TnSandboxCaller *caller,
               const NetworkKind     *kind,
               const char            *id)
{
  const char *method = soup_server_message_get_method (msg);
  JsonObject *old = _tn_sandbox_region_find (region, caller, kind->collection, id);
  g_autoptr(TnNeutronError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) given = NULL;

  if (g_str_equal (method, SOUP_METHOD_PUT) && kind->attrs != NULL)
    {
      if (!_tn_sandbox_parse_body (msg, kind->member, &body, &error)
          || !_tn_sandbox_check_body (body, kind->attrs, kind->n_attrs, FALSE, caller, &error))
        {
          _tn_sandbox_respond_error (msg, error);
          return;
        }
      given = _tn_sandbox_member_names (body);
    }
  else if (!g_str_equal (method, SOUP_METHOD_GET) && !g_str_equal (method, SOUP_METHOD_DELETE))
    {
      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "HTTPMethodNotAllowed",
                                   "The server could not comply with the request since it is either "
                                   "malformed or otherwise incorrect.");
      return;
    }

  if (old == NULL)
    {
      respond_not_found (msg, kind, id);
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_GET))
    {
      respond_shown (msg, caller, SOUP_STATUS_OK, kind, old);
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_DELETE))
    {
      if (kind->attrs == NULL || !_tn_sandbox_policy_check_delete (caller, kind->collection, old, &error)
          || !check_delete (region, kind, old, &error))
        {
          if (error == NULL)
            respond_not_found (msg, kind, id);
          else
            _tn_sandbox_respond_error (msg, error);
          return;
        }
      remove_object (region, kind, old);
      _tn_sandbox_changed (self);
      _tn_sandbox_respond_json (msg, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }

  if (!_tn_sandbox_policy_check (caller, kind->collection, FALSE, _tn_sandbox_owns (caller, old), given, body, &error)
      || !prepare (region, caller, kind, body, old, &error))
    {
      _tn_sandbox_respond_error (msg, error);
      return;
    }
  updated = json_object_new ();
  names = json_object_get_members (old);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (updated, l->data,
                            json_node_copy (json_object_get_member (json_object_has_member (body, l->data) ? body : old,
                                                                    l->data)));
  _tn_sandbox_region_insert (region, kind->collection, updated);
  _tn_sandbox_changed (self);
  respond_shown (msg, caller, SOUP_STATUS_OK, kind, updated);
}

/**
 * _tn_sandbox_network_handle:
 * @caller: who asks
 * @parts: the path segments after `/v2.0`
 *
 * Returns: %FALSE if the path names nothing here
 */
gboolean
_tn_sandbox_network_handle (TnSandbox             *self,
                            TnSandboxRegion       *region,
                            SoupServerMessage     *msg,
                            const TnSandboxCaller *caller,
                            char                 **parts)
{
  const NetworkKind *kind = NULL;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(TnNeutronError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonObject *object;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].collection, parts[0]))
      kind = &kinds[i];
  if (kind == NULL)
    return FALSE;

  if (parts[1] == NULL)
    {
      if (g_str_equal (method, SOUP_METHOD_GET))
        _tn_sandbox_respond_list (self, msg, caller, _tn_sandbox_region_get (region, kind->collection),
                                  kind->collection);
      else if (!g_str_equal (method, SOUP_METHOD_POST) || kind->attrs == NULL)
        return FALSE;
      else if (!_tn_sandbox_parse_body (msg, kind->member, &body, &error)
               || (object = _tn_sandbox_network_create (self, region, caller, kind->collection, body, &error)) == NULL)
        _tn_sandbox_respond_error (msg, error);
      else
        respond_shown (msg, caller, SOUP_STATUS_CREATED, kind, object);
      return TRUE;
    }

  if (parts[2] == NULL)
    {
      handle_member (self, region, msg, caller, kind, parts[1]);
      return TRUE;
    }

  if (parts[3] != NULL || !g_str_equal (kind->collection, "routers") || !g_str_equal (method, SOUP_METHOD_PUT)
      || (!g_str_equal (parts[2], "add_router_interface") && !g_str_equal (parts[2], "remove_router_interface")))
    return FALSE;

  object = _tn_sandbox_region_find (region, caller, "routers", parts[1]);
  if (object == NULL)
    respond_not_found (msg, kind, parts[1]);
  else
    handle_interface (self, region, msg, caller, object, g_str_equal (parts[2], "add_router_interface"));
  return TRUE;
}
