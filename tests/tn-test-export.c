/* tn-test-export.c: export test cases, read from tests/data/export/cases
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-json.h"
#include "tn-test-export.h"

static gpointer
read_member (JsonNode        *root,
             const char      *member,
             TnResourceKind   kind,
             const char      *region,
             GError         **error)
{
  JsonObject *object = tn_json_get_member_object (root, member, error);
  TnResource *resource;

  if (object == NULL)
    return NULL;
  resource = tn_json_new_resource (kind, object, error);
  if (resource != NULL)
    tn_resource_set_region (resource, region);

  return resource;
}

/**
 * tn_test_export_case_load:
 * @path: a case file: `region`, `ikepolicy`, `ipsecpolicy`, `vpnservice`,
 *   `subnet` and `ipsec_site_connection` as the API has them
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
TnTestExportCase *
tn_test_export_case_load (const char  *path,
                          GError     **error)
{
  g_autoptr(TnTestExportCase) self = g_new0 (TnTestExportCase, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (path);
  JsonObject *subnet;
  const char *region;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if ((root = tn_json_parse_bytes (bytes, error)) == NULL)
    return NULL;

  region = json_object_get_string_member_with_default (json_node_get_object (root), "region", "RegionOne");
  self->name = g_strndup (base, strlen (base) - strlen (".json"));
  if ((self->ike_policy = read_member (root, "ikepolicy", TN_RESOURCE_IKE_POLICY, region, error)) == NULL
      || (self->ipsec_policy = read_member (root, "ipsecpolicy", TN_RESOURCE_IPSEC_POLICY, region, error)) == NULL
      || (self->vpn_service = read_member (root, "vpnservice", TN_RESOURCE_VPN_SERVICE, region, error)) == NULL
      || (self->connection = read_member (root, "ipsec_site_connection", TN_RESOURCE_CONNECTION, region, error)) == NULL
      || (subnet = tn_json_get_member_object (root, "subnet", error)) == NULL
      || (self->subnet = tn_json_new_subnet (subnet, error)) == NULL)
    return NULL;

  self->source.connection = self->connection;
  self->source.ike_policy = self->ike_policy;
  self->source.ipsec_policy = self->ipsec_policy;
  self->source.vpn_service = self->vpn_service;
  self->source.cloud_cidr = self->subnet->cidr;
  self->source.profile = tn_region_profile_lookup (region);

  return g_steal_pointer (&self);
}

void
tn_test_export_case_free (TnTestExportCase *self)
{
  g_free (self->name);
  g_clear_object (&self->connection);
  g_clear_object (&self->ike_policy);
  g_clear_object (&self->ipsec_policy);
  g_clear_object (&self->vpn_service);
  g_clear_pointer (&self->subnet, tn_subnet_unref);
  g_free (self);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/**
 * tn_test_export_list_cases:
 *
 * Returns: (transfer full): the paths of the case files in @dir, sorted
 */
GPtrArray *
tn_test_export_list_cases (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}
