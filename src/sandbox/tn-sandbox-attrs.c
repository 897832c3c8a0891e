/* tn-sandbox-attrs.c: request bodies checked the way Neutron's API layer
 * does (neutron/api/v2/base.py prepare_request_body and neutron-lib's
 * validators), with the same messages
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxAttrs"

#include "config.h"

#include "tn-sandbox-private.h"

#define BAD_REQUEST SOUP_STATUS_BAD_REQUEST

/* Helpers */

const char *
_tn_sandbox_get_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonNode *
_tn_sandbox_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

/* Defaults are parsed once: seeds create thousands of resources. */
static JsonNode *
default_node (const char *json)
{
  static GHashTable *cache = NULL;
  JsonNode *node;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  node = g_hash_table_lookup (cache, json);
  if (node == NULL)
    {
      node = _tn_sandbox_parse_json (json);
      g_hash_table_insert (cache, g_strdup (json), node);
    }
  return json_node_copy (node);
}

/* Python's str() of a JSON value, as Neutron's messages show it. */
static char *
python_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("None");
  if (JSON_NODE_HOLDS_VALUE (node))
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        return g_strdup (json_node_get_string (node));
      case G_TYPE_BOOLEAN:
        return g_strdup (json_node_get_boolean (node) ? "True" : "False");
      case G_TYPE_INT64:
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      case G_TYPE_DOUBLE:
        return g_strdup_printf ("%g", json_node_get_double (node));
      default:
        break;
      }

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

int
_tn_sandbox_ip_version (const char *address)
{
  g_autoptr(GInetAddress) inet = NULL;

  if (address == NULL || strchr (address, ' ') != NULL)
    return 0;
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    return 0;
  return g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4 ? 4 : 6;
}

/* Host bits may be set (Neutron accepts 192.168.1.1/24). */
gboolean
_tn_sandbox_parse_cidr (const char *text,
                        int        *ip_version)
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  guint64 prefix;
  int version;

  if (g_strv_length (parts) != 2)
    return FALSE;
  version = _tn_sandbox_ip_version (parts[0]);
  if (version == 0
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, version == 4 ? 32 : 128, &prefix, NULL))
    return FALSE;
  if (ip_version != NULL)
    *ip_version = version;
  return TRUE;
}

static gboolean
is_uuid (JsonNode *node)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  text = json_node_get_string (node);
  return g_uuid_string_is_valid (text);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Python int(): an integer, or a string holding one. */
static gboolean
node_to_int (JsonNode *node,
             gint64   *value)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (node_is_string (node))
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));

      return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
    }
  return FALSE;
}

static gboolean
in_values (JsonNode           *node,
           const char * const *values)
{
  return node_is_string (node) && g_strv_contains (values, json_node_get_string (node));
}

/* Validators: each returns the reason, or NULL */

static char *
validate_values (JsonNode           *node,
                 const char * const *values)
{
  g_autofree char *text = NULL;

  if (values == NULL || in_values (node, values))
    return NULL;
  text = python_text (node);
  return g_strdup_printf ("%s is not in valid_values", text);
}

static char *
validate_range (JsonNode *node,
                gint64    min,
                gint64    max,
                gint64   *value)
{
  g_autofree char *text = python_text (node);

  if (!node_to_int (node, value))
    return g_strdup_printf ("'%s' is not an integer", text);
  if (*value < min)
    return g_strdup_printf ("'%s' is too small - must be at least '%" G_GINT64_FORMAT "'", text, min);
  if (max > 0 && *value > max)
    return g_strdup_printf ("'%s' is too large - must be no larger than '%" G_GINT64_FORMAT "'", text, max);
  return NULL;
}

static char *
validate_non_negative (JsonNode *node,
                       gint64   *value)
{
  g_autofree char *text = python_text (node);

  if (!node_to_int (node, value))
    return g_strdup_printf ("'%s' is not an integer", text);
  if (*value < 0)
    return g_strdup_printf ("'%s' should be non-negative", text);
  return NULL;
}

static char *
validate_subnet (JsonNode *node)
{
  g_autofree char *text = python_text (node);
  int version;

  if (!node_is_string (node))
    return g_strdup_printf ("'%s' is not a valid IP subnet", text);
  if (strchr (text, '/') == NULL && (version = _tn_sandbox_ip_version (text)) != 0)
    return g_strdup_printf ("'%s' isn't a recognized IP subnet cidr, '%s/%d' is recommended",
                            text, text, version == 4 ? 32 : 128);
  if (!_tn_sandbox_parse_cidr (text, NULL))
    return g_strdup_printf ("'%s' is not a valid IP subnet", text);
  return NULL;
}

/* convert_to_list: a scalar becomes a one-item list, null an empty one */
static JsonArray *
convert_to_list (JsonNode *node)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_ref (json_node_get_array (node));
  array = json_array_new ();
  if (!JSON_NODE_HOLDS_NULL (node))
    json_array_add_element (array, json_node_copy (node));
  return array;
}

static char *
validate_list (JsonArray *array,
               gboolean   subnets)
{
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      char *text = python_text (item);

      if (g_hash_table_contains (seen, text))
        g_ptr_array_add (duplicates, g_strdup (text));
      g_hash_table_add (seen, text);
    }
  if (duplicates->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (duplicates, NULL);
      joined = g_strjoinv (", ", (char **) duplicates->pdata);
      return g_strdup_printf ("Duplicate items in the list: '%s'", joined);
    }

  for (guint i = 0; subnets && i < json_array_get_length (array); i++)
    {
      char *reason = validate_subnet (json_array_get_element (array, i));

      if (reason != NULL)
        return reason;
    }
  return NULL;
}

/* dict_or_empty with per-key validators; returns the checked dict. */
static char *
validate_dict (const TnAttr *attr,
               JsonNode     *node,
               JsonObject  **out)
{
  g_autoptr(JsonObject) result = json_object_new ();
  g_autofree char *text = NULL;
  JsonObject *dict;
  static const char * const lifetime_keys[] = { "units", "value", NULL };
  static const char * const dpd_keys[] = { "action", "interval", "timeout", NULL };
  const char * const *keys = attr->type == TN_ATTR_LIFETIME ? lifetime_keys : dpd_keys;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_steal_pointer (&result);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      text = python_text (node);
      return g_strdup_printf ("'%s' is not a dictionary", text);
    }

  dict = json_node_get_object (node);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *item;
      char *reason = NULL;
      gint64 value;

      if (!json_object_has_member (dict, keys[i]))
        continue;
      item = json_object_get_member (dict, keys[i]);

      if (i == 0)
        {
          reason = validate_values (item, attr->values);
          if (reason == NULL)
            json_object_set_string_member (result, keys[i], json_node_get_string (item));
        }
      else
        {
          if (attr->type == TN_ATTR_LIFETIME)
            reason = validate_range (item, attr->min, attr->max, &value);
          else
            reason = validate_non_negative (item, &value);
          if (reason == NULL)
            json_object_set_int_member (result, keys[i], value);
        }
      if (reason != NULL)
        return reason;
    }

  *out = g_steal_pointer (&result);
  return NULL;
}

static gboolean
convert_boolean (JsonNode *node,
                 gboolean *value)
{
  gint64 number;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }
  if (node_is_string (node))
    {
      const char *text = json_node_get_string (node);

      if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
        *value = TRUE;
      else if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
        *value = FALSE;
      else
        return FALSE;
      return TRUE;
    }
  if (node_to_int (node, &number) && (number == 0 || number == 1))
    {
      *value = number == 1;
      return TRUE;
    }
  return FALSE;
}

/* Converts and validates one present attribute in place. */
static gboolean
convert_value (const TnAttr    *attr,
               JsonObject      *body,
               TnNeutronError **error)
{
  JsonNode *node = json_object_get_member (body, attr->name);
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  gboolean flag;
  gint64 number;

  switch (attr->type)
    {
    case TN_ATTR_STRING:
      text = python_text (node);
      if (!node_is_string (node))
        reason = g_strdup_printf ("'%s' is not a valid string", text);
      else if (attr->max > 0 && g_utf8_strlen (text, -1) > attr->max)
        reason = g_strdup_printf ("'%s' exceeds maximum length of %" G_GINT64_FORMAT, text, attr->max);
      break;

    case TN_ATTR_BOOL:
      if (!convert_boolean (node, &flag))
        {
          text = python_text (node);
          _tn_neutron_error_set (error, BAD_REQUEST, "InvalidInput",
                                 "Invalid input for operation: '%s' cannot be converted to boolean.", text);
          return FALSE;
        }
      json_object_set_boolean_member (body, attr->name, flag);
      break;

    case TN_ATTR_UUID_OR_NULL:
      if (JSON_NODE_HOLDS_NULL (node))
        break;
      G_GNUC_FALLTHROUGH;
    case TN_ATTR_UUID:
      if (!is_uuid (node))
        {
          text = python_text (node);
          reason = g_strdup_printf ("'%s' is not a valid UUID", text);
        }
      break;

    case TN_ATTR_VALUES:
      reason = validate_values (node, attr->values);
      break;

    case TN_ATTR_INT:
      if (!node_to_int (node, &number))
        {
          text = python_text (node);
          _tn_neutron_error_set (error, BAD_REQUEST, "InvalidInput",
                                 "Invalid input for operation: '%s' is not an integer.", text);
          return FALSE;
        }
      json_object_set_int_member (body, attr->name, number);
      break;

    case TN_ATTR_LIFETIME:
    case TN_ATTR_DPD:
      {
        JsonObject *dict = NULL;

        reason = validate_dict (attr, node, &dict);
        if (dict != NULL)
          json_object_set_object_member (body, attr->name, dict);
      }
      break;

    case TN_ATTR_SUBNET_LIST:
    case TN_ATTR_LIST:
      {
        JsonArray *array = convert_to_list (node);

        json_object_set_array_member (body, attr->name, array);
        reason = validate_list (array, attr->type == TN_ATTR_SUBNET_LIST);
      }
      break;

    case TN_ATTR_ANY:
    default:
      break;
    }

  if (reason != NULL)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Invalid input for %s. Reason: %s.", attr->name, reason);
      return FALSE;
    }
  return TRUE;
}

/* Bodies */

/**
 * _tn_sandbox_parse_body:
 * @member: the key the body must have (`ikepolicy`)
 * @out: (out): the object under @member
 *
 * Neutron's first checks of a POST or PUT body.
 */
gboolean
_tn_sandbox_parse_body (SoupServerMessage  *msg,
                        const char         *member,
                        JsonObject        **out,
                        TnNeutronError    **error)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *node;
  JsonObject *object;

  if (request->length == 0)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest", "Resource body required");
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, request->data, request->length, NULL))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "MalformedRequestBody",
                             "Malformed request body: Cannot understand JSON.");
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_HOLDS_NULL (root)
      || (JSON_NODE_HOLDS_OBJECT (root) && json_object_get_size (json_node_get_object (root)) == 0)
      || (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) == 0))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest", "Resource body required");
      return FALSE;
    }

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  node = object != NULL && json_object_has_member (object, member)
    ? json_object_get_member (object, member) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Unable to find '%s' in request body", member);
      return FALSE;
    }

  *out = json_object_ref (json_node_get_object (node));
  return TRUE;
}

static const TnAttr *
find_attr (const TnAttr *attrs,
           guint         n_attrs,
           const char   *name)
{
  for (guint i = 0; i < n_attrs; i++)
    if (g_str_equal (attrs[i].name, name))
      return &attrs[i];
  return NULL;
}

/**
 * _tn_sandbox_check_body:
 * @body: the resource's object from the request; defaults are filled in
 *   and values converted in place
 * @create: POST rather than PUT
 * @caller: who asks, for `tenant_id`/`project_id`
 *
 * The owner (only an administrator may name another project), unknown
 * attributes, required ones, read-only ones, then each value's validator,
 * in the attribute map's order, as Neutron does.
 */
gboolean
_tn_sandbox_check_body (JsonObject            *body,
                        const TnAttr          *attrs,
                        guint                  n_attrs,
                        gboolean               create,
                        const TnSandboxCaller *caller,
                        TnNeutronError       **error)
{
  g_autoptr(GList) members = json_object_get_members (body);
  g_autoptr(GString) unknown = g_string_new (NULL);
  const char *named = _tn_sandbox_get_string (body, "project_id");

  if (named == NULL)
    named = _tn_sandbox_get_string (body, "tenant_id");
  if (named != NULL && !caller->admin && !g_str_equal (named, caller->project_id))
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Specifying 'project_id' or 'tenant_id' other than the authenticated "
                             "project in request requires admin or advsvc privileges");
      return FALSE;
    }

  for (GList *l = members; l != NULL; l = l->next)
    if (find_attr (attrs, n_attrs, l->data) == NULL)
      g_string_append_printf (unknown, "%s%s", unknown->len ? ", " : "", (char *) l->data);
  if (unknown->len > 0)
    {
      _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                             "Unrecognized attribute(s) '%s'", unknown->str);
      return FALSE;
    }

  if (create)
    {
      const char *tenant = _tn_sandbox_get_string (body, "tenant_id");
      const char *project = _tn_sandbox_get_string (body, "project_id");
      const char *owner = project ? project : tenant ? tenant : caller->project_id;
      g_autofree char *owned = g_strdup (owner);

      json_object_set_string_member (body, "tenant_id", owned);
      json_object_set_string_member (body, "project_id", owned);
    }

  for (guint i = 0; i < n_attrs; i++)
    {
      const TnAttr *attr = &attrs[i];
      gboolean present = json_object_has_member (body, attr->name);

      if (create && (attr->flags & TN_ATTR_POST) != 0 && !present)
        {
          if (attr->default_json == NULL)
            {
              _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                     "Failed to parse request. Required attribute '%s' not specified",
                                     attr->name);
              return FALSE;
            }
          json_object_set_member (body, attr->name, default_node (attr->default_json));
        }
      else if (create && (attr->flags & TN_ATTR_POST) == 0 && present)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                 "Attribute '%s' not allowed in POST", attr->name);
          return FALSE;
        }
      else if (!create && (attr->flags & TN_ATTR_PUT) == 0 && present)
        {
          _tn_neutron_error_set (error, BAD_REQUEST, "HTTPBadRequest",
                                 "Cannot update read-only attribute %s", attr->name);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_attrs; i++)
    if (json_object_has_member (body, attrs[i].name)
        && !convert_value (&attrs[i], body, error))
      return FALSE;

  return TRUE;
}
