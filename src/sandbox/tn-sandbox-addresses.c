/* tn-sandbox-addresses.c: subnets' addresses and who holds which —
 * gateways, router interfaces, type B endpoints
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxNetwork"

#include "config.h"

#include "tn-sandbox-private.h"

/* Addresses */

static GInetAddress *
address_at (const char *cidr,
            gint64      offset)
{
  g_auto(GStrv) parts = g_strsplit (cidr, "/", 2);
  g_autoptr(GInetAddress) base = g_inet_address_new_from_string (parts[0]);
  guint prefix = (guint) g_ascii_strtoull (parts[1], NULL, 10);
  guint8 bytes[16];
  gsize size;
  gboolean from_end = offset < 0;
  guint64 carry;

  size = g_inet_address_get_native_size (base);
  memcpy (bytes, g_inet_address_to_bytes (base), size);
  for (guint bit = prefix; bit < size * 8; bit++)
    {
      guint8 mask = 0x80 >> (bit % 8);

      if (from_end)
        bytes[bit / 8] |= mask;
      else
        bytes[bit / 8] &= ~mask;
    }

  /* Add (or, from the broadcast address, subtract) the offset. */
  carry = from_end ? (guint64) -offset : (guint64) offset;
  for (int i = size - 1; i >= 0 && carry > 0; i--)
    {
      gint64 value = from_end ? (gint64) bytes[i] - (gint64) (carry & 0xff) : (gint64) bytes[i] + (gint64) (carry & 0xff);

      carry >>= 8;
      if (value < 0)
        {
          value += 256;
          carry++;
        }
      else if (value > 255)
        {
          value -= 256;
          carry++;
        }
      bytes[i] = (guint8) value;
    }

  return g_inet_address_new_from_bytes (bytes, size == 4 ? G_SOCKET_FAMILY_IPV4 : G_SOCKET_FAMILY_IPV6);
}

char *
_tn_sandbox_address_at (const char *cidr,
                 gint64      offset)
{
  g_autoptr(GInetAddress) address = address_at (cidr, offset);

  return g_inet_address_to_string (address);
}

static void
add_used (GHashTable *used,
          const char *address)
{
  if (address != NULL)
    g_hash_table_add (used, g_strdup (address));
}

/* Every address the region's routers, ports and type B endpoints hold. */
static GHashTable *
collect_used_addresses (TnSandboxRegion *region)
{
  GHashTable *used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GTree *routers = _tn_sandbox_region_get (region, "routers");
  GTree *connections = _tn_sandbox_region_get (region, "ipsec-site-connections");
  GTree *ports = _tn_sandbox_region_get (region, "ports");

  for (GTreeNode *n = g_tree_node_first (routers); n != NULL; n = g_tree_node_next (n))
    {
      JsonObject *router = g_tree_node_value (n);
      JsonNode *info = json_object_get_member (router, "external_gateway_info");
      JsonArray *ips;

      if (info == NULL || !JSON_NODE_HOLDS_OBJECT (info)
          || !json_object_has_member (json_node_get_object (info), "external_fixed_ips"))
        continue;
      ips = json_object_get_array_member (json_node_get_object (info), "external_fixed_ips");
      for (guint i = 0; i < json_array_get_length (ips); i++)
        add_used (used, _tn_sandbox_get_string (json_array_get_object_element (ips, i), "ip_address"));
    }
  for (GTreeNode *n = g_tree_node_first (connections); n != NULL; n = g_tree_node_next (n))
    add_used (used, _tn_sandbox_get_string (g_tree_node_value (n), "ipsec_endpoint_address"));
  for (GTreeNode *n = g_tree_node_first (ports); n != NULL; n = g_tree_node_next (n))
    add_used (used, _tn_sandbox_get_string (g_tree_node_value (n), "ip_address"));

  return used;
}

/* The first free address of a subnet's first allocation pool. */
char *
_tn_sandbox_allocate_in_subnet (TnSandboxRegion *region,
                    JsonObject      *subnet)
{
  g_autoptr(GHashTable) used = collect_used_addresses (region);
  const char *cidr = _tn_sandbox_get_string (subnet, "cidr");
  const char *gateway = _tn_sandbox_get_string (subnet, "gateway_ip");

  for (gint64 offset = 2; offset < 65536; offset++)
    {
      g_autofree char *candidate = _tn_sandbox_address_at (cidr, offset);
      g_autofree char *last = _tn_sandbox_address_at (cidr, -1);

      if (g_str_equal (candidate, last))
        break;
      if (!g_hash_table_contains (used, candidate) && g_strcmp0 (candidate, gateway) != 0)
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

JsonObject *
_tn_sandbox_external_subnet (TnSandboxRegion *region,
                 const char      *network_id,
                 int              ip_version)
{
  JsonObject *network = _tn_sandbox_region_lookup (region, "networks", network_id);
  JsonArray *subnets = network ? json_object_get_array_member (network, "subnets") : NULL;

  for (guint i = 0; subnets != NULL && i < json_array_get_length (subnets); i++)
    {
      JsonObject *subnet = _tn_sandbox_region_lookup (region, "subnets", json_array_get_string_element (subnets, i));

      if (subnet != NULL && json_object_get_int_member_with_default (subnet, "ip_version", 4) == ip_version)
        return subnet;
    }
  return NULL;
}

/**
 * _tn_sandbox_allocate_external_ip:
 *
 * Returns: (nullable): a free IPv4 address of the region's first external
 *   network (type B connection endpoints take theirs from it)
 */
char *
_tn_sandbox_allocate_external_ip (TnSandboxRegion *region)
{
  GTree *networks = _tn_sandbox_region_get (region, "networks");

  for (GTreeNode *n = g_tree_node_first (networks); n != NULL; n = g_tree_node_next (n))
    {
      JsonObject *network = g_tree_node_value (n);
      JsonObject *subnet;

      if (!json_object_get_boolean_member_with_default (network, "router:external", FALSE))
        continue;
      subnet = _tn_sandbox_external_subnet (region, _tn_sandbox_get_string (network, "id"), 4);
      if (subnet != NULL)
        return _tn_sandbox_allocate_in_subnet (region, subnet);
    }
  return NULL;
}

const char *
_tn_sandbox_router_external_ip (TnSandboxRegion *region,
                                JsonObject      *router,
                                int              ip_version)
{
  JsonNode *info = json_object_get_member (router, "external_gateway_info");
  JsonArray *ips;

  if (info == NULL || !JSON_NODE_HOLDS_OBJECT (info))
    return NULL;
  ips = json_object_get_array_member (json_node_get_object (info), "external_fixed_ips");
  for (guint i = 0; ips != NULL && i < json_array_get_length (ips); i++)
    {
      const char *address = _tn_sandbox_get_string (json_array_get_object_element (ips, i), "ip_address");

      if (_tn_sandbox_ip_version (address) == ip_version)
        return address;
    }
  return NULL;
}
