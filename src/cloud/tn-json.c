/* tn-json.c: VPNaaS JSON to models and back
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnJson"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tn-cloud-error.h"
#include "tn-json.h"

/* Reading. Every unexpected shape is a TN_ERROR_BAD_RESPONSE, never a
 * crash: a proxy or a broken server may answer anything. */

/**
 * tn_json_parse_bytes:
 * @bytes: an HTTP body
 * @error: a #GError
 *
 * Returns: (transfer full): the parsed document, or %NULL with
 *   %TN_ERROR_BAD_RESPONSE when it is not JSON (truncated or malformed)
 */
JsonNode *
tn_json_parse_bytes (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data;

  data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  if (len == 0)
    {
      tn_cloud_set_bad_response (error, "empty body");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      tn_cloud_set_bad_response (error, "not JSON: %s", local_error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * tn_json_get_member_object:
 * @root: a document
 * @member: the member of @root that must be an object
 * @error: a #GError
 *
 * Returns: (transfer none): the member, or %NULL with %TN_ERROR_BAD_RESPONSE
 */
JsonObject *
tn_json_get_member_object (JsonNode    *root,
                           const char  *member,
                           GError     **error)
{
  JsonNode *node = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    node = json_object_get_member (json_node_get_object (root), member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      tn_cloud_set_bad_response (error, "no object “%s”", member);
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * tn_json_get_member_array:
 * @root: a document
 * @member: the member of @root that must be an array
 * @error: a #GError
 *
 * Returns: (transfer none): the member, or %NULL with %TN_ERROR_BAD_RESPONSE
 */
JsonArray *
tn_json_get_member_array (JsonNode    *root,
                          const char  *member,
                          GError     **error)
{
  JsonNode *node = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    node = json_object_get_member (json_node_get_object (root), member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      tn_cloud_set_bad_response (error, "no array “%s”", member);
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * tn_json_find_next_link:
 * @root: a list answer
 * @links_member: its links member, e.g. `ikepolicies_links`
 *
 * Returns: (transfer full) (nullable): the `href` of the link with
 *   `rel` = `next`, or %NULL on the last page
 */
char *
tn_json_find_next_link (JsonNode   *root,
                        const char *links_member)
{
  JsonNode *node = NULL;
  JsonArray *links;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    node = json_object_get_member (json_node_get_object (root), links_member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  links = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonNode *element = json_array_get_element (links, i);
      JsonObject *link;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      link = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (link, "rel", NULL), "next") == 0)
        return g_strdup (json_object_get_string_member_with_default (link, "href", NULL));
    }

  return NULL;
}

/**
 * tn_json_to_bytes:
 * @object: a request body
 *
 * Returns: (transfer full): @object serialised; free it with
 *   tn_wipe_bytes_free() when it may hold a secret
 */
GBytes *
tn_json_to_bytes (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  gsize len = 0;
  char *data;

  data = json_to_string (root, FALSE);
  len = strlen (data);

  return g_bytes_new_take (data, len);
}

/* The node at a dotted path (`dpd.timeout`), or NULL when it is absent (or
 * its object is null). An object attribute that holds no object is a bad
 * response. */
static JsonNode *
lookup_path (JsonObject  *object,
             const char  *path,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 0);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        {
          if (JSON_NODE_HOLDS_NULL (node))
            return NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              tn_cloud_set_bad_response (error, "“%s” is no object", parts[i - 1]);
              return NULL;
            }

          object = json_node_get_object (node);
        }

      node = json_object_get_member (object, parts[i]);
      if (node == NULL)
        return NULL;
    }

  return node;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Converts one JSON value to a property value. Numbers may come as strings
 * (Neutron accepts `"mtu": "1500"`); anything else that does not fit the
 * property is a bad response. */
static gboolean
read_value (JsonNode    *node,
            GParamSpec  *pspec,
            GValue      *value,
            GError     **error)
{
  GType type = pspec->value_type;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_param_value_set_default (pspec, value);
      return TRUE;
    }

  if (type == G_TYPE_STRING && node_is_string (node))
    {
      g_value_set_string (value, json_node_get_string (node));
      return TRUE;
    }

  if (type == G_TYPE_INT && JSON_NODE_HOLDS_VALUE (node))
    {
      gint64 number = -1;

      if (json_node_get_value_type (node) == G_TYPE_INT64)
        number = json_node_get_int (node);
      else if (node_is_string (node))
        g_ascii_string_to_signed (json_node_get_string (node), 10, 0, G_MAXINT, &number, NULL);

      if (number >= 0 && number <= G_MAXINT)
        {
          g_value_set_int (value, (int)number);
          return TRUE;
        }
    }

  if (type == G_TYPE_BOOLEAN && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    }

  if (type == G_TYPE_STRV && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_is_string (element))
            {
              tn_cloud_set_bad_response (error, "“%s” holds a non-string", pspec->name);
              return FALSE;
            }
          g_strv_builder_add (builder, json_node_get_string (element));
        }

      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }

  tn_cloud_set_bad_response (error, "“%s” has an unexpected type", pspec->name);
  return FALSE;
}

/**
 * tn_json_read_resource:
 * @resource: the resource to fill in
 * @object: its JSON object, as the API has it
 * @error: a #GError
 *
 * Sets every property of @resource whose attribute is in @object. Members
 * the API adds that Tunnels does not model are ignored.
 *
 * Returns: %TRUE, or %FALSE with %TN_ERROR_BAD_RESPONSE
 */
gboolean
tn_json_read_resource (TnResource  *resource,
                       JsonObject  *object,
                       GError     **error)
{
  const TnResourceField *fields;
  guint n_fields = 0;
  JsonNode *id;

  g_return_val_if_fail (TN_IS_RESOURCE (resource), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  id = json_object_get_member (object, "id");
  if (id == NULL || !node_is_string (id))
    {
      tn_cloud_set_bad_response (error, "a resource without an id");
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (resource));

  fields = tn_resource_get_fields (resource, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) shape_error = NULL;
      GParamSpec *pspec;
      JsonNode *node;

      node = lookup_path (object, fields[i].field, &shape_error);
      if (shape_error != NULL)
        {
          g_object_thaw_notify (G_OBJECT (resource));
          g_propagate_error (error, g_steal_pointer (&shape_error));
          return FALSE;
        }
      if (node == NULL)
        continue;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (resource), fields[i].property);
      g_value_init (&value, pspec->value_type);
      if (!read_value (node, pspec, &value, error))
        {
          g_object_thaw_notify (G_OBJECT (resource));
          return FALSE;
        }

      g_object_set_property (G_OBJECT (resource), pspec->name, &value);
    }

  g_object_thaw_notify (G_OBJECT (resource));

  return TRUE;
}

/**
 * tn_json_new_resource:
 * @kind: the resource kind
 * @object: its JSON object
 * @error: a #GError
 *
 * Returns: (transfer full): a new resource, or %NULL with
 *   %TN_ERROR_BAD_RESPONSE
 */
TnResource *
tn_json_new_resource (TnResourceKind   kind,
                      JsonObject      *object,
                      GError         **error)
{
  g_autoptr(TnResource) resource = tn_resource_new (kind);

  if (!tn_json_read_resource (resource, object, error))
    return NULL;

  return g_steal_pointer (&resource);
}

/* Writing. */

static gboolean
value_is_set (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) != NULL;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value) != 0;
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    return g_value_get_boxed (value) != NULL;

  return TRUE;
}

static JsonNode *
value_to_node (const GValue *value)
{
  JsonNode *node = json_node_alloc ();

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *str = g_value_get_string (value);
      return json_node_init_string (node, str ? str : "");
    }

  if (G_VALUE_HOLDS_INT (value))
    return json_node_init_int (node, g_value_get_int (value));

  if (G_VALUE_HOLDS_BOOLEAN (value))
    return json_node_init_boolean (node, g_value_get_boolean (value));

  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);

      return json_node_init_array (node, array);
    }

  g_return_val_if_reached (json_node_init_null (node));
}

/* Sets a dotted path (`lifetime.value`), creating the objects on the way. */
static void
set_path (JsonObject   *object,
          const char   *path,
          const GValue *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 0);
  guint last = g_strv_length (parts) - 1;

  for (guint i = 0; i < last; i++)
    {
      if (!json_object_has_member (object, parts[i]))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }

  json_object_set_member (object, parts[last], value_to_node (value));
}

static void
get_field_value (TnResource            *resource,
                 const TnResourceField *field,
                 GValue                *value)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (resource), field->property);
  g_value_init (value, pspec->value_type);
  g_object_get_property (G_OBJECT (resource), pspec->name, value);
}

/**
 * tn_json_build_create:
 * @resource: the resource to create
 * @profile: the region's profile
 *
 * The body of a create: every attribute the region's API has and a client
 * may set (editable, create-only or fixed), when it is set (a %NULL string,
 * a zero number or a %NULL list is left to the server's default).
 *
 * Returns: (transfer full): the object under the member key, e.g. the
 *   value of `{"ikepolicy": …}`
 */
JsonObject *
tn_json_build_create (TnResource            *resource,
                      const TnRegionProfile *profile)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const TnResourceField *fields;
  TnResourceKind kind;
  guint n_fields = 0;

  g_return_val_if_fail (TN_IS_RESOURCE (resource), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  kind = tn_resource_get_kind (resource);
  fields = tn_resource_get_fields (resource, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      switch (tn_region_profile_get_access (profile, kind, fields[i].field))
        {
        case TN_FIELD_EDITABLE:
        case TN_FIELD_CREATE_ONLY:
        case TN_FIELD_FIXED:
          get_field_value (resource, &fields[i], &value);
          if (value_is_set (&value))
            set_path (object, fields[i].field, &value);
          break;

        case TN_FIELD_ABSENT:
        case TN_FIELD_READ_ONLY:
        default:
          break;
        }
    }

  return g_steal_pointer (&object);
}

/**
 * tn_json_build_update:
 * @original: the resource as the server last had it
 * @changed: the same resource with the user's changes
 * @profile: the region's profile
 * @error: a #GError
 *
 * The body of an update: **only** the attributes that differ between
 * @original and @changed (a member of an object attribute alone, e.g. just
 * `dpd.interval`). Differences in read-only attributes (status, addresses)
 * are ignored; a change to an attribute the region does not let users
 * change is an error, not silently dropped.
 *
 * Returns: (transfer full): the object under the member key (empty when
 *   nothing changed), or %NULL with %TN_ERROR_INVALID_INPUT
 */
JsonObject *
tn_json_build_update (TnResource             *original,
                      TnResource             *changed,
                      const TnRegionProfile  *profile,
                      GError                **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const TnResourceField *fields;
  TnResourceKind kind;
  guint n_fields = 0;

  g_return_val_if_fail (TN_IS_RESOURCE (original), NULL);
  g_return_val_if_fail (TN_IS_RESOURCE (changed), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (original) == G_OBJECT_TYPE (changed), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  kind = tn_resource_get_kind (changed);
  fields = tn_resource_get_fields (changed, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (tn_resource_field_equal (original, changed, &fields[i]))
        continue;

      switch (tn_region_profile_get_access (profile, kind, fields[i].field))
        {
        case TN_FIELD_EDITABLE:
          get_field_value (changed, &fields[i], &value);
          set_path (object, fields[i].field, &value);
          break;

        case TN_FIELD_CREATE_ONLY:
        case TN_FIELD_FIXED:
          g_set_error (error, TN_ERROR, TN_ERROR_INVALID_INPUT,
                       /* Translators: %s is an API attribute such as router_id */
                       _("“%s” cannot be changed once created."),
                       fields[i].field);
          return NULL;

        case TN_FIELD_ABSENT:
        case TN_FIELD_READ_ONLY:
        default:
          break;
        }
    }

  return g_steal_pointer (&object);
}

/* Routers, subnets and extensions: only what the pickers need. */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && node_is_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
require_string (JsonObject  *object,
                const char  *member,
                GError     **error)
{
  if (get_string (object, member) != NULL)
    return TRUE;

  tn_cloud_set_bad_response (error, "an item without “%s”", member);
  return FALSE;
}

/**
 * tn_json_new_router:
 * @object: a router as `GET /v2.0/routers` lists it
 * @error: a #GError
 *
 * Returns: (transfer full): the router, or %NULL with %TN_ERROR_BAD_RESPONSE
 */
TnRouter *
tn_json_new_router (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(TnRouter) router = NULL;
  g_autoptr(GStrvBuilder) ips = g_strv_builder_new ();
  JsonNode *gateway;

  if (!require_string (object, "id", error))
    return NULL;

  router = tn_router_new ();
  router->id = g_strdup (get_string (object, "id"));
  router->name = g_strdup (get_string (object, "name"));
  router->status = g_strdup (get_string (object, "status"));

  gateway = json_object_get_member (object, "external_gateway_info");
  if (gateway != NULL && JSON_NODE_HOLDS_OBJECT (gateway))
    {
      JsonObject *info = json_node_get_object (gateway);
      JsonNode *fixed_ips = json_object_get_member (info, "external_fixed_ips");

      router->external_network_id = g_strdup (get_string (info, "network_id"));

      for (guint i = 0; fixed_ips && JSON_NODE_HOLDS_ARRAY (fixed_ips) &&
                        i < json_array_get_length (json_node_get_array (fixed_ips)); i++)
        {
          JsonNode *ip = json_array_get_element (json_node_get_array (fixed_ips), i);

          if (JSON_NODE_HOLDS_OBJECT (ip) && get_string (json_node_get_object (ip), "ip_address"))
            g_strv_builder_add (ips, get_string (json_node_get_object (ip), "ip_address"));
        }
    }

  router->external_ips = g_strv_builder_end (ips);

  return g_steal_pointer (&router);
}

/**
 * tn_json_new_subnet:
 * @object: a subnet as `GET /v2.0/subnets` lists it
 * @error: a #GError
 *
 * Returns: (transfer full): the subnet, or %NULL with %TN_ERROR_BAD_RESPONSE
 */
TnSubnet *
tn_json_new_subnet (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(TnSubnet) subnet = NULL;

  if (!require_string (object, "id", error) || !require_string (object, "cidr", error))
    return NULL;

  subnet = tn_subnet_new ();
  subnet->id = g_strdup (get_string (object, "id"));
  subnet->name = g_strdup (get_string (object, "name"));
  subnet->cidr = g_strdup (get_string (object, "cidr"));
  subnet->network_id = g_strdup (get_string (object, "network_id"));
  subnet->gateway_ip = g_strdup (get_string (object, "gateway_ip"));
  subnet->ip_version = (int)json_object_get_int_member_with_default (object, "ip_version", 0);

  return g_steal_pointer (&subnet);
}

/**
 * tn_json_new_extension:
 * @object: an extension as `GET /v2.0/extensions` lists it
 * @error: a #GError
 *
 * Returns: (transfer full): the extension, or %NULL with
 *   %TN_ERROR_BAD_RESPONSE
 */
TnExtension *
tn_json_new_extension (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(TnExtension) extension = NULL;

  if (!require_string (object, "alias", error))
    return NULL;

  extension = tn_extension_new ();
  extension->alias = g_strdup (get_string (object, "alias"));
  extension->name = g_strdup (get_string (object, "name"));
  extension->description = g_strdup (get_string (object, "description"));

  return g_steal_pointer (&extension);
}
