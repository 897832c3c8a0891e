/* tn-catalog.c: endpoints in a Keystone token's catalog
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnCatalog"

#include "config.h"

#include <string.h>

#include "tn-catalog.h"
#include "tn-cloud-error.h"

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static const char *
find_in_service (JsonObject *service,
                 const char *region,
                 const char *interface)
{
  JsonNode *endpoints = json_object_get_member (service, "endpoints");
  JsonArray *array;

  if (endpoints == NULL || !JSON_NODE_HOLDS_ARRAY (endpoints))
    return NULL;

  array = json_node_get_array (endpoints);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *endpoint;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      endpoint = json_node_get_object (node);
      if (g_strcmp0 (get_string (endpoint, "interface"), interface) != 0)
        continue;

      /* Keystone v3 has region_id; older catalogs only region. */
      if (g_strcmp0 (get_string (endpoint, "region_id"), region) != 0 &&
          g_strcmp0 (get_string (endpoint, "region"), region) != 0)
        continue;

      if (get_string (endpoint, "url") != NULL)
        return get_string (endpoint, "url");
    }

  return NULL;
}

/**
 * tn_catalog_find_endpoint:
 * @catalog: the `catalog` of a Keystone v3 token
 * @service_types: service types in order of preference (from the region
 *   table: `network`, FJcloud's `networking`, type B's `nfv`)
 * @region: the region
 * @interface: `public`
 * @error: a #GError
 *
 * Returns: (transfer full): the endpoint's URL without a trailing slash, or
 *   %NULL with %TN_ERROR_NO_ENDPOINT
 */
char *
tn_catalog_find_endpoint (JsonArray          *catalog,
                          const char * const *service_types,
                          const char         *region,
                          const char         *interface,
                          GError            **error)
{
  g_autofree char *types = NULL;

  g_return_val_if_fail (service_types != NULL, NULL);

  for (guint t = 0; catalog != NULL && service_types[t] != NULL; t++)
    {
      for (guint i = 0; i < json_array_get_length (catalog); i++)
        {
          JsonNode *node = json_array_get_element (catalog, i);
          const char *url;

          if (!JSON_NODE_HOLDS_OBJECT (node) ||
              g_strcmp0 (get_string (json_node_get_object (node), "type"), service_types[t]) != 0)
            continue;

          url = find_in_service (json_node_get_object (node), region, interface);
          if (url != NULL)
            {
              char *result = g_strdup (url);
              gsize len = strlen (result);

              while (len > 0 && result[len - 1] == '/')
                result[--len] = '\0';

              return result;
            }
        }
    }

  types = g_strjoinv (", ", (char **)service_types);
  g_propagate_error (error, tn_cloud_error_new (TN_ERROR_NO_ENDPOINT, types));

  return NULL;
}
