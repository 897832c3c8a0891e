/* tn-sandbox-seed.c: the base topology, the demo project and scale seeds
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxSeed"

#include "config.h"

#include "tn-sandbox-private.h"

/* Seeds go through the same checks as requests; a failure is a bug in the
 * seed, reported as an error. */
static gboolean
propagate (TnNeutronError  *failure,
           const char      *what,
           GError         **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Seeding %s failed: %s (%s)",
               what, failure->message, failure->type);
  _tn_neutron_error_free (failure);
  return FALSE;
}

static JsonObject *
object_from_json (const char *json)
{
  g_autoptr(JsonNode) node = _tn_sandbox_parse_json (json);

  g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* @admin: as the administrator (for what only it may create), else as
 * the demo project's user */
static JsonObject *
create_network_resource (TnSandbox        *self,
                         TnSandboxRegion  *region,
                         gboolean          admin,
                         const char       *collection,
                         char             *json,
                         TnNeutronError  **failure)
{
  g_autofree char *owned = json;
  g_autoptr(JsonObject) body = object_from_json (owned);
  TnSandboxCaller caller;

  _tn_sandbox_caller_init (self, &caller, admin);
  return _tn_sandbox_network_create (self, region, &caller, collection, body, failure);
}

static JsonObject *
create_vpn_resource (TnSandbox        *self,
                     TnSandboxRegion  *region,
                     const char       *collection,
                     char             *json,
                     TnNeutronError  **failure)
{
  g_autofree char *owned = json;
  g_autoptr(JsonObject) body = object_from_json (owned);
  TnSandboxCaller caller;

  _tn_sandbox_caller_init (self, &caller, FALSE);
  return _tn_sandbox_vpn_build (self, region, &caller, collection, body, failure);
}

/**
 * _tn_sandbox_seed_base:
 *
 * What every region has from the start: an external network `public` with
 * one IPv4 subnet, the administrator's as on a real cloud.
 */
void
_tn_sandbox_seed_base (TnSandbox       *self,
                       TnSandboxRegion *region)
{
  TnNeutronError *failure = NULL;
  JsonObject *network;

  network = create_network_resource (self, region, TRUE, "networks",
                                     g_strdup ("{\"name\": \"public\", \"router:external\": true, "
                                               "\"provider:network_type\": \"flat\", "
                                               "\"provider:physical_network\": \"physnet1\"}"),
                                     &failure);
  if (network != NULL)
    create_network_resource (self, region, TRUE, "subnets",
                             g_strdup_printf ("{\"name\": \"public-subnet\", \"network_id\": \"%s\", "
                                              "\"ip_version\": 4, \"cidr\": \"%s0/24\", "
                                              "\"enable_dhcp\": false}",
                                              json_object_get_string_member (network, "id"),
                                              region->ext_prefix),
                             &failure);
  if (failure != NULL)
    {
      g_critical ("The base topology of %s failed: %s", region->name, failure->message);
      _tn_neutron_error_free (failure);
    }
}

static const char *
public_network_id (TnSandboxRegion *region)
{
  GTree *networks = _tn_sandbox_region_get (region, "networks");

  for (GTreeNode *n = g_tree_node_first (networks); n != NULL; n = g_tree_node_next (n))
    if (json_object_get_boolean_member_with_default (g_tree_node_value (n), "router:external", FALSE))
      return g_tree_node_key (n);
  return NULL;
}

/* A private network and subnet, a router between it and `public`, and a
 * VPN service on the router. Returns the service. */
static JsonObject *
add_site (TnSandbox        *self,
          TnSandboxRegion  *region,
          const char       *name,
          const char       *cidr,
          TnNeutronError  **failure)
{
  JsonObject *network, *subnet, *router;

  network = create_network_resource (self, region, FALSE, "networks",
                                     g_strdup_printf ("{\"name\": \"%s-net\"}", name), failure);
  if (network == NULL)
    return NULL;
  subnet = create_network_resource (self, region, FALSE, "subnets",
                                    g_strdup_printf ("{\"name\": \"%s-subnet\", \"network_id\": \"%s\", "
                                                     "\"ip_version\": 4, \"cidr\": \"%s\"}",
                                                     name, json_object_get_string_member (network, "id"), cidr),
                                    failure);
  if (subnet == NULL)
    return NULL;
  router = create_network_resource (self, region, FALSE, "routers",
                                    g_strdup_printf ("{\"name\": \"%s-router\", \"external_gateway_info\": "
                                                     "{\"network_id\": \"%s\"}}",
                                                     name, public_network_id (region)),
                                    failure);
  if (router == NULL)
    return NULL;
  _tn_sandbox_network_attach (region, router, subnet);

  return create_vpn_resource (self, region, "vpnservices",
                              g_strdup_printf ("{\"name\": \"%s-vpn\", \"description\": \"VPN of %s\", "
                                               "\"router_id\": \"%s\", \"subnet_id\": \"%s\"}",
                                               name, cidr, json_object_get_string_member (router, "id"),
                                               json_object_get_string_member (subnet, "id")),
                              failure);
}

static void
clear_all (TnSandbox *self)
{
  g_hash_table_remove_all (self->settle_timers);
  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);

      _tn_sandbox_region_clear (region);
      _tn_sandbox_seed_base (self, region);
    }
}

typedef struct
{
  TnSandboxRegion *region;
  JsonObject      *service;
  JsonObject      *ike;
  JsonObject      *ipsec;
  char            *private_cidr;
} DemoSite;

static JsonObject *
add_connection (TnSandbox        *self,
                DemoSite         *site,
                const char       *name,
                const char       *peer_address,
                const char       *peer_cidr,
                const char       *psk,
                gboolean          up,
                TnNeutronError  **failure)
{
  return create_vpn_resource (self, site->region, "ipsec-site-connections",
                              g_strdup_printf ("{\"name\": \"%s\", \"vpnservice_id\": \"%s\", "
                                               "\"ikepolicy_id\": \"%s\", \"ipsecpolicy_id\": \"%s\", "
                                               "\"peer_address\": \"%s\", \"peer_id\": \"%s\", "
                                               "\"peer_cidrs\": [\"%s\"], \"psk\": \"%s\", "
                                               "\"admin_state_up\": %s}",
                                               name, json_object_get_string_member (site->service, "id"),
                                               json_object_get_string_member (site->ike, "id"),
                                               json_object_get_string_member (site->ipsec, "id"),
                                               peer_address, peer_address, peer_cidr, psk,
                                               up ? "true" : "false"),
                              failure);
}

static const char *
site_address (DemoSite *site)
{
  return json_object_get_string_member (site->service, "external_v4_ip");
}

/* Both ends in the sandbox: ACTIVE once settled. */
static gboolean
add_pair (TnSandbox        *self,
          DemoSite         *a,
          DemoSite         *b,
          const char       *psk,
          TnNeutronError  **failure)
{
  g_autofree char *to_b = g_strdup_printf ("to-%s", b->region->name);
  g_autofree char *to_a = g_strdup_printf ("to-%s", a->region->name);
  JsonObject *first;
  const char *b_address;

  /* A type B end is reached at its connection's own endpoint address, so
   * it is created first. */
  if (b->region->dialect == TN_DIALECT_FJCLOUD_B)
    {
      first = add_connection (self, b, to_a, site_address (a), a->private_cidr, psk, TRUE, failure);
      if (first == NULL)
        return FALSE;
      b_address = json_object_get_string_member (first, "ipsec_endpoint_address");
      return add_connection (self, a, to_b, b_address, b->private_cidr, psk, TRUE, failure) != NULL;
    }

  return add_connection (self, a, to_b, site_address (b), b->private_cidr, psk, TRUE, failure) != NULL
         && add_connection (self, b, to_a, site_address (a), a->private_cidr, psk, TRUE, failure) != NULL;
}

static gboolean
add_demo_site (TnSandbox        *self,
               DemoSite         *site,
               guint             index,
               TnNeutronError  **failure)
{
  site->private_cidr = g_strdup_printf ("10.%u.0.0/24", 10 * (index + 1));
  site->service = add_site (self, site->region, "demo", site->private_cidr, failure);
  if (site->service == NULL)
    return FALSE;

  site->ike = create_vpn_resource (self, site->region, "ikepolicies",
                                   g_strdup ("{\"name\": \"ike-default\", \"description\": \"The region's defaults\"}"),
                                   failure);
  site->ipsec = create_vpn_resource (self, site->region, "ipsecpolicies",
                                     g_strdup ("{\"name\": \"ipsec-default\", \"description\": \"The region's defaults\"}"),
                                     failure);
  return site->ike != NULL && site->ipsec != NULL
         && create_vpn_resource (self, site->region, "ikepolicies",
                                 g_strdup ("{\"name\": \"ike-aes256\", \"encryption_algorithm\": \"aes-256\", "
                                           "\"pfs\": \"group14\", \"lifetime\": {\"units\": \"seconds\", \"value\": 28800}}"),
                                 failure) != NULL
         && create_vpn_resource (self, site->region, "ipsecpolicies",
                                 g_strdup ("{\"name\": \"ipsec-aes256\", \"encryption_algorithm\": \"aes-256\", "
                                           "\"pfs\": \"group14\"}"),
                                 failure) != NULL;
}

/**
 * _tn_sandbox_seed_demo:
 *
 * In every region: a private network behind a router, a VPN service, two
 * IKE and two IPsec policies; connections between regions (both ends in
 * the sandbox: ACTIVE) and to peers outside it (DOWN).
 */
gboolean
_tn_sandbox_seed_demo (TnSandbox  *self,
                       GError    **error)
{
  DemoSite sites[8] = { 0 };
  TnNeutronError *failure = NULL;
  guint n = MIN (self->regions->len, G_N_ELEMENTS (sites));
  gboolean ok = TRUE;

  clear_all (self);
  for (guint i = 0; i < n && ok; i++)
    {
      sites[i].region = g_ptr_array_index (self->regions, i);
      ok = add_demo_site (self, &sites[i], i, &failure);
    }

  /* Pairs: the first region with the second, the third with the fourth. */
  for (guint i = 0; ok && i + 1 < n; i += 2)
    ok = add_pair (self, &sites[i], &sites[i + 1], "sandbox-demo-psk-1234", &failure);

  /* Peers outside the sandbox, and one connection switched off. */
  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *peer = g_strdup_printf ("203.0.113.%u", 10 + i);

      ok = add_connection (self, &sites[i], "branch-office", peer, "192.168.100.0/24",
                           "branch-office-psk-5678", TRUE, &failure) != NULL;
      if (ok && i == 0)
        ok = add_connection (self, &sites[i], "disabled-link", "198.51.100.77", "192.168.200.0/24",
                             "disabled-link-psk-9012", FALSE, &failure) != NULL;
    }

  for (guint i = 0; i < n; i++)
    g_free (sites[i].private_cidr);

  if (!ok)
    return propagate (failure, "the demo project", error);

  _tn_sandbox_vpn_settle_all (self);
  _tn_sandbox_changed (self);
  return TRUE;
}

/**
 * _tn_sandbox_seed_scale:
 * @n: how many connections
 *
 * In RegionOne, two sites and @n connections between them (pairs, so
 * they settle ACTIVE), with one IKE and one IPsec policy per ten
 * connections; the other regions keep their base topology.
 */
gboolean
_tn_sandbox_seed_scale (TnSandbox  *self,
                        guint       n,
                        GError    **error)
{
  TnSandboxRegion *region = g_ptr_array_index (self->regions, 0);
  TnNeutronError *failure = NULL;
  g_autoptr(GPtrArray) ikes = g_ptr_array_new ();
  g_autoptr(GPtrArray) ipsecs = g_ptr_array_new ();
  DemoSite sites[2] = { { region }, { region } };
  guint n_policies = MAX (1, n / 10);
  gboolean ok;

  clear_all (self);
  sites[0].service = add_site (self, region, "scale-a", "10.100.0.0/16", &failure);
  sites[1].service = sites[0].service ? add_site (self, region, "scale-b", "10.200.0.0/16", &failure) : NULL;
  ok = sites[1].service != NULL;

  for (guint i = 0; ok && i < n_policies; i++)
    {
      JsonObject *ike = create_vpn_resource (self, region, "ikepolicies",
                                             g_strdup_printf ("{\"name\": \"ike-%05u\"}", i), &failure);
      JsonObject *ipsec = ike ? create_vpn_resource (self, region, "ipsecpolicies",
                                                     g_strdup_printf ("{\"name\": \"ipsec-%05u\"}", i), &failure) : NULL;

      ok = ipsec != NULL;
      g_ptr_array_add (ikes, ike);
      g_ptr_array_add (ipsecs, ipsec);
    }

  for (guint i = 0; ok && i < n; i++)
    {
      DemoSite *site = &sites[i % 2];
      DemoSite *other = &sites[(i + 1) % 2];
      g_autofree char *name = g_strdup_printf ("conn-%05u", i);
      g_autofree char *psk = g_strdup_printf ("scale-psk-%05u", i / 2);

      site->ike = g_ptr_array_index (ikes, (i / 10) % n_policies);
      site->ipsec = g_ptr_array_index (ipsecs, (i / 10) % n_policies);
      ok = add_connection (self, site, name, site_address (other),
                           i % 2 ? "10.100.0.0/16" : "10.200.0.0/16", psk, TRUE, &failure) != NULL;
    }

  if (!ok)
    return propagate (failure, "the scale project", error);

  _tn_sandbox_vpn_settle_all (self);
  _tn_sandbox_changed (self);
  return TRUE;
}
