/* tn-sandbox-routes.c: the sandbox's routing — which endpoint, region
 * and collection a path names — and Neutron's root documents
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandbox"

#include "config.h"

#include "tn-sandbox-private.h"

static void
respond_not_found (SoupServerMessage *msg)
{
  _tn_sandbox_respond_neutron (msg, SOUP_STATUS_NOT_FOUND, "HTTPNotFound",
                               "The resource could not be found.");
}

/* Neutron's root documents */

static JsonObject *
new_link (const char *rel,
          const char *href)
{
  JsonObject *link = json_object_new ();

  json_object_set_string_member (link, "rel", rel);
  json_object_set_string_member (link, "href", href);
  return link;
}

static void
respond_versions (TnSandbox         *self,
                  SoupServerMessage *msg,
                  const char        *prefix)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) version = json_object_new ();
  JsonArray *versions = json_array_new ();
  JsonArray *links = json_array_new ();
  g_autofree char *href = g_strdup_printf ("%s%s/v2.0/", self->base_url, prefix);

  json_object_set_string_member (version, "id", "v2.0");
  json_object_set_string_member (version, "status", "CURRENT");
  json_array_add_object_element (links, new_link ("self", href));
  json_object_set_array_member (version, "links", links);
  json_array_add_object_element (versions, g_steal_pointer (&version));
  json_object_set_array_member (body, "versions", versions);
  _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
  /* neutron-server answers its version document outside the pipeline
   * that adds request ids. */
  soup_message_headers_remove (soup_server_message_get_response_headers (msg), "X-Openstack-Request-Id");
}

static void
respond_resources (TnSandbox         *self,
                   SoupServerMessage *msg,
                   const char        *prefix)
{
  static const char * const names[][2] = {
    { "network", "networks" }, { "subnet", "subnets" },
    { "router", "routers" }, { "port", "ports" },
  };
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *resources = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *resource = json_object_new ();
      JsonArray *links = json_array_new ();
      g_autofree char *href = g_strdup_printf ("%s%s/v2.0/%s", self->base_url, prefix, names[i][1]);

      json_object_set_string_member (resource, "name", names[i][0]);
      json_object_set_string_member (resource, "collection", names[i][1]);
      json_array_add_object_element (links, new_link ("self", href));
      json_object_set_array_member (resource, "links", links);
      json_array_add_object_element (resources, resource);
    }
  json_object_set_array_member (body, "resources", resources);
  _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
}

static const struct {
  const char *alias;
  const char *name;
  const char *description;
  const char *updated;
} extensions[] = {
  { "vpnaas", "VPN service", "Extension for VPN service", "2013-05-29T10:00:00-00:00" },
  { "vpn-endpoint-groups", "VPN Endpoint Groups", "VPN endpoint groups support", "2015-08-04T10:00:00-00:00" },
  { "vpn-flavors", "VPN Service Falvor Extension", "Flavor support for vpnservices.", "2017-04-19T00:00:00-00:00" },
  { "router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.", "2012-07-20T10:00:00-00:00" },
  { "external-net", "Neutron external network", "Adds external network attribute to network resource.", "2013-01-14T10:00:00-00:00" },
  { "vpn-aes-ccm-gcm", "VPN support for AES CCM, GCM modes", "Add choices for encryption, auth and pfs", "2023-10-24T11:00:00-00:00" },
};

static JsonObject *
new_extension (guint i)
{
  JsonObject *extension = json_object_new ();

  json_object_set_string_member (extension, "name", extensions[i].name);
  json_object_set_string_member (extension, "alias", extensions[i].alias);
  json_object_set_string_member (extension, "description", extensions[i].description);
  json_object_set_string_member (extension, "updated", extensions[i].updated);
  json_object_set_array_member (extension, "links", json_array_new ());
  return extension;
}

static void
respond_extensions (SoupServerMessage *msg,
                    const char        *alias)
{
  g_autoptr(JsonObject) body = json_object_new ();

  if (alias == NULL)
    {
      JsonArray *list = json_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
        json_array_add_object_element (list, new_extension (i));
      json_object_set_array_member (body, "extensions", list);
      _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_equal (extensions[i].alias, alias))
      {
        json_object_set_object_member (body, "extension", new_extension (i));
        _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
        return;
      }

  respond_not_found (msg);
}

static void
respond_service_providers (SoupServerMessage *msg)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *list = json_array_new ();
  JsonObject *provider = json_object_new ();

  json_object_set_string_member (provider, "service_type", "VPN");
  json_object_set_string_member (provider, "name", "strongswan");
  json_object_set_boolean_member (provider, "default", TRUE);
  json_array_add_object_element (list, provider);
  json_object_set_array_member (body, "service_providers", list);
  _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
}

/* Routing */

static gboolean
is_get (SoupServerMessage *msg)
{
  return g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_GET);
}

/* The VPN collections: <vpn prefix>/<collection>[/<id>] on the region's
 * VPN endpoint (the region table says which: /v2.0/vpn on the network
 * endpoint, or /vpn/nfv on the nfv one). Returns FALSE if @rest is not
 * below the prefix. */
static gboolean
dispatch_vpn (TnSandbox         *self,
              TnSandboxRegion   *region,
              SoupServerMessage *msg,
              const char        *endpoint,
              char             **rest)
{
  guint n = g_strv_length (region->vpn_prefix);
  TnSandboxCaller caller;

  if (!g_str_equal (endpoint, region->vpn_endpoint) || g_strv_length (rest) <= n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (rest[i], region->vpn_prefix[i]))
      return FALSE;

  if (!_tn_sandbox_authenticate (self, msg, &caller))
    _tn_sandbox_respond_unauthorized (self, msg);
  else if (rest[n + 1] != NULL && rest[n + 2] != NULL)
    respond_not_found (msg);
  else if (!_tn_sandbox_vpn_handle (self, region, msg, &caller, rest[n], rest[n + 1]))
    respond_not_found (msg);
  return TRUE;
}

/* /network/<region>/… : Neutron's v2.0 API */
static void
dispatch_network (TnSandbox         *self,
                  TnSandboxRegion   *region,
                  SoupServerMessage *msg,
                  char             **rest)
{
  g_autofree char *prefix = g_strdup_printf ("/network/%s", region->name);
  TnSandboxCaller caller;

  if (rest[0] == NULL)
    {
      if (is_get (msg))
        respond_versions (self, msg, prefix);
      else
        respond_not_found (msg);
      return;
    }

  if (!g_str_equal (rest[0], "v2.0"))
    {
      respond_not_found (msg);
      return;
    }

  if (!_tn_sandbox_authenticate (self, msg, &caller))
    {
      _tn_sandbox_respond_unauthorized (self, msg);
      return;
    }

  if (rest[1] == NULL)
    respond_resources (self, msg, prefix);
  else if (g_str_equal (rest[1], "extensions") && is_get (msg) && (rest[2] == NULL || rest[3] == NULL))
    respond_extensions (msg, rest[2]);
  else if (g_str_equal (rest[1], "service-providers") && is_get (msg) && rest[2] == NULL)
    respond_service_providers (msg);
  else if (!_tn_sandbox_network_handle (self, region, msg, &caller, rest + 1))
    respond_not_found (msg);
}

void
_tn_sandbox_dispatch (TnSandbox         *self,
                      SoupServerMessage *msg)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  g_autofree char *decoded = g_uri_unescape_string (path, NULL);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  TnSandboxRegion *region;

  if (decoded == NULL)
    {
      respond_not_found (msg);
      return;
    }

  /* Old clients add ".json" to every path. */
  if (g_str_has_suffix (decoded, ".json"))
    decoded[strlen (decoded) - strlen (".json")] = '\0';

  parts = g_strsplit (decoded, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (segments, parts[i]);
  g_ptr_array_add (segments, NULL);

  if (segments->len < 2)
    {
      respond_not_found (msg);
      return;
    }

  if (g_str_equal (segments->pdata[0], "identity"))
    {
      const char *rest = decoded + strlen ("/identity");

      _tn_sandbox_keystone_handle (self, msg, rest);
      return;
    }

  region = segments->len >= 3 ? _tn_sandbox_find_region (self, segments->pdata[1]) : NULL;
  if (region == NULL)
    respond_not_found (msg);
  else if (dispatch_vpn (self, region, msg, segments->pdata[0], (char **) segments->pdata + 2))
    return;
  else if (g_str_equal (segments->pdata[0], "network"))
    dispatch_network (self, region, msg, (char **) segments->pdata + 2);
  else
    respond_not_found (msg);
}
