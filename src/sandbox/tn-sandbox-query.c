/* tn-sandbox-query.c: Neutron's list queries — filters, fields, sorting,
 * pagination with <collection>_links
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxQuery"

#include "config.h"

#include <stdlib.h>

#include "tn-sandbox-private.h"

typedef struct
{
  char *key;
  char *value;
} TnQueryParam;

static void
query_param_free (TnQueryParam *param)
{
  g_free (param->key);
  g_free (param->value);
  g_free (param);
}

/* The query in order, repeated keys kept (fields=id&fields=name). */
static GPtrArray *
parse_query (SoupServerMessage *msg)
{
  GPtrArray *params = g_ptr_array_new_with_free_func ((GDestroyNotify) query_param_free);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto(GStrv) pairs = NULL;

  if (query == NULL || *query == '\0')
    return params;

  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = NULL;
      TnQueryParam *param;

      if (pairs[i][0] == '\0')
        continue;
      g_strdelimit (pairs[i], "+", ' ');
      kv = g_strsplit (pairs[i], "=", 2);
      param = g_new0 (TnQueryParam, 1);
      param->key = g_uri_unescape_string (kv[0], NULL);
      param->value = g_uri_unescape_string (kv[1] ? kv[1] : "", NULL);
      if (param->key == NULL || param->value == NULL)
        {
          query_param_free (param);
          continue;
        }
      g_ptr_array_add (params, param);
    }
  return params;
}

static const char *
query_get (GPtrArray  *params,
           const char *key)
{
  for (guint i = 0; i < params->len; i++)
    {
      TnQueryParam *param = g_ptr_array_index (params, i);

      if (g_str_equal (param->key, key))
        return param->value;
    }
  return NULL;
}

static GPtrArray *
query_get_all (GPtrArray  *params,
               const char *key)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < params->len; i++)
    {
      TnQueryParam *param = g_ptr_array_index (params, i);

      if (g_str_equal (param->key, key))
        g_ptr_array_add (values, param->value);
    }
  return values;
}

static gboolean
is_control_param (const char *key)
{
  static const char * const control[] = {
    "fields", "limit", "marker", "page_reverse", "sort_key", "sort_dir", "verbose", NULL
  };

  return g_strv_contains (control, key);
}

/* A scalar as the text a query would carry. */
static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

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
      return NULL;
    }
}

static gboolean
value_matches (JsonNode   *node,
               const char *wanted)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (value_matches (json_array_get_element (array, i), wanted))
          return TRUE;
      return FALSE;
    }

  text = node_to_text (node);
  if (text == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_ascii_strcasecmp (text, wanted) == 0;
  return g_str_equal (text, wanted);
}

static gboolean
object_matches (JsonObject *object,
                GPtrArray  *params)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < params->len; i++)
    {
      TnQueryParam *param = g_ptr_array_index (params, i);
      g_autoptr(GPtrArray) values = NULL;
      gboolean any = FALSE;
      JsonNode *node;

      if (is_control_param (param->key) || g_hash_table_contains (seen, param->key))
        continue;
      g_hash_table_add (seen, param->key);

      /* Neutron ignores filters on attributes a resource does not have. */
      if (!json_object_has_member (object, param->key))
        continue;
      node = json_object_get_member (object, param->key);
      values = query_get_all (params, param->key);
      for (guint j = 0; j < values->len && !any; j++)
        any = value_matches (node, g_ptr_array_index (values, j));
      if (!any)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GPtrArray             *items;  /* the matching resources, as the caller sees them */
  GPtrArray             *params;
  const TnSandboxCaller *caller;
  const char            *collection;
} CollectData;

static gboolean
collect_cb (gpointer key,
            gpointer value,
            gpointer user_data)
{
  CollectData *data = user_data;
  g_autoptr(JsonObject) shown = NULL;

  if (!_tn_sandbox_may_see (data->caller, data->collection, value))
    return FALSE;
  shown = _tn_sandbox_present (data->caller, data->collection, value);
  if (object_matches (shown, data->params))
    g_ptr_array_add (data->items, g_steal_pointer (&shown));
  return FALSE;
}

typedef struct
{
  GPtrArray *keys;
  GPtrArray *dirs;
} SortData;

static int
compare_nodes (JsonNode *a,
               JsonNode *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (a != NULL && b != NULL && JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b)
      && json_node_get_value_type (a) == G_TYPE_INT64 && json_node_get_value_type (b) == G_TYPE_INT64)
    {
      gint64 x = json_node_get_int (a), y = json_node_get_int (b);

      return x < y ? -1 : x > y;
    }
  /* Strings (names, ids) as they are: sorting 10,000 items compares
   * often, and a copy per comparison made sorted lists slow. */
  if (a != NULL && b != NULL && JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b)
      && json_node_get_value_type (a) == G_TYPE_STRING && json_node_get_value_type (b) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b));
  ta = a ? node_to_text (a) : NULL;
  tb = b ? node_to_text (b) : NULL;
  return g_strcmp0 (ta, tb);
}

/* An item with the members it is sorted by, looked up once (strings as
 * they are: sorting 10,000 items compares often). */
typedef struct
{
  JsonObject  *object;
  JsonNode   **nodes;
  const char **strings;   /* the node's string, or NULL: compare the nodes */
  const char  *id;
} SortEntry;

typedef struct
{
  guint     n_keys;
  gboolean *desc;
} SortOrder;

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortEntry *x = *(const SortEntry **) a;
  const SortEntry *y = *(const SortEntry **) b;
  SortOrder *order = user_data;

  for (guint i = 0; i < order->n_keys; i++)
    {
      int c = x->strings[i] != NULL && y->strings[i] != NULL
        ? strcmp (x->strings[i], y->strings[i])
        : compare_nodes (x->nodes[i], y->nodes[i]);

      if (c != 0)
        return order->desc[i] ? -c : c;
    }
  return strcmp (x->id, y->id);
}

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static void
sort_objects (GPtrArray *items,
              SortData  *sort)
{
  guint n_keys = sort->keys->len;
  g_autofree SortEntry *entries = g_new (SortEntry, items->len);
  g_autofree SortEntry **order_of = g_new (SortEntry *, items->len);
  g_autofree JsonNode **nodes = g_new (JsonNode *, (gsize) items->len * n_keys);
  g_autofree const char **strings = g_new (const char *, (gsize) items->len * n_keys);
  g_autofree gboolean *desc = g_new (gboolean, n_keys);
  SortOrder order = { n_keys, desc };

  for (guint k = 0; k < n_keys; k++)
    desc[k] = k < sort->dirs->len && g_str_equal (g_ptr_array_index (sort->dirs, k), "desc");

  for (guint i = 0; i < items->len; i++)
    {
      SortEntry *entry = &entries[i];

      entry->object = g_ptr_array_index (items, i);
      entry->nodes = nodes + (gsize) i * n_keys;
      entry->strings = strings + (gsize) i * n_keys;
      entry->id = json_object_get_string_member (entry->object, "id");
      for (guint k = 0; k < n_keys; k++)
        {
          entry->nodes[k] = json_object_get_member (entry->object, g_ptr_array_index (sort->keys, k));
          entry->strings[k] = node_string (entry->nodes[k]);
        }
      order_of[i] = entry;
    }

  g_qsort_with_data (order_of, items->len, sizeof (SortEntry *), compare_entries_cb, &order);
  for (guint i = 0; i < items->len; i++)
    items->pdata[i] = order_of[i]->object;
}

/* Only the asked-for fields, in the resource's own order. */
static JsonObject *
select_fields (JsonObject *object,
               GPtrArray  *fields)
{
  JsonObject *selected;
  g_autoptr(GList) members = NULL;

  if (fields->len == 0)
    return json_object_ref (object);

  selected = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    for (guint i = 0; i < fields->len; i++)
      if (g_str_equal (l->data, g_ptr_array_index (fields, i)))
        {
          json_object_set_member (selected, l->data,
                                  json_node_copy (json_object_get_member (object, l->data)));
          break;
        }
  return selected;
}

static char *
build_href (TnSandbox         *self,
            SoupServerMessage *msg,
            GPtrArray         *params,
            const char        *marker,
            gboolean           reverse)
{
  GString *href = g_string_new (self->base_url);
  gboolean first = TRUE;

  g_string_append (href, g_uri_get_path (soup_server_message_get_uri (msg)));
  for (guint i = 0; i < params->len; i++)
    {
      TnQueryParam *param = g_ptr_array_index (params, i);

      if (g_str_equal (param->key, "marker") || g_str_equal (param->key, "page_reverse"))
        continue;
      g_string_append_c (href, first ? '?' : '&');
      g_string_append_uri_escaped (href, param->key, NULL, FALSE);
      g_string_append_c (href, '=');
      g_string_append_uri_escaped (href, param->value, NULL, FALSE);
      first = FALSE;
    }
  g_string_append_printf (href, "%cmarker=%s", first ? '?' : '&', marker);
  if (reverse)
    g_string_append (href, "&page_reverse=True");
  return g_string_free (href, FALSE);
}

static gboolean
parse_limit (const char  *text,
             guint64     *limit,
             char       **message)
{
  if (text == NULL)
    {
      *limit = 0;
      return TRUE;
    }
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, limit, NULL))
    return TRUE;
  if (text[0] == '-' && g_ascii_string_to_unsigned (text + 1, 10, 0, G_MAXINT32, limit, NULL))
    *message = g_strdup_printf ("Limit must be an integer 0 or greater and not '%s'", text);
  else
    *message = g_strdup_printf ("'%s' is not an integer", text);
  return FALSE;
}

/**
 * _tn_sandbox_respond_list:
 *
 * Answers a GET of @collection with what @caller may see of @tree.
 */
void
_tn_sandbox_respond_list (TnSandbox             *self,
                          SoupServerMessage     *msg,
                          const TnSandboxCaller *caller,
                          GTree                 *tree,
                          const char            *collection)
{
  g_autoptr(GPtrArray) params = parse_query (msg);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) fields = query_get_all (params, "fields");
  g_autoptr(GPtrArray) sort_keys = query_get_all (params, "sort_key");
  g_autoptr(GPtrArray) sort_dirs = query_get_all (params, "sort_dir");
  const char *marker = query_get (params, "marker");
  const char *reverse_text = query_get (params, "page_reverse");
  gboolean reverse = reverse_text != NULL && g_ascii_strcasecmp (reverse_text, "true") == 0;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *message = NULL;
  JsonArray *list = json_array_new ();
  CollectData collect = { items, params, caller, collection };
  g_autofree char *list_key = g_strdelimit (g_strdup (collection), "-", '_');
  guint64 limit;
  guint start = 0, end;

  if (!parse_limit (query_get (params, "limit"), &limit, &message))
    {
      json_array_unref (list);
      _tn_sandbox_respond_neutron (msg, SOUP_STATUS_BAD_REQUEST, "HTTPBadRequest", message);
      return;
    }

  g_tree_foreach (tree, collect_cb, &collect);
  if (sort_keys->len > 0)
    {
      SortData sort = { sort_keys, sort_dirs };

      sort_objects (items, &sort);
    }

  end = items->len;
  if (limit > 0)
    {
      guint marker_index = items->len;

      if (marker != NULL)
        for (guint i = 0; i < items->len; i++)
          if (g_str_equal (json_object_get_string_member (g_ptr_array_index (items, i), "id"), marker))
            {
              marker_index = i;
              break;
            }

      if (reverse)
        {
          end = marker != NULL ? marker_index : items->len;
          start = end > limit ? end - limit : 0;
        }
      else
        {
          start = marker != NULL && marker_index < items->len ? marker_index + 1 : 0;
          end = MIN (items->len, start + limit);
        }
    }

  for (guint i = start; i < end; i++)
    json_array_add_object_element (list, select_fields (g_ptr_array_index (items, i), fields));
  json_object_set_array_member (body, list_key, list);

  /* Neutron's rules: "next" unless a forward page came back short,
   * "previous" unless a backward one did. */
  if (limit > 0)
    {
      JsonArray *links = json_array_new ();
      guint count = end - start;
      g_autofree char *key = g_strconcat (list_key, "_links", NULL);

      if (!(count < limit && !reverse) && count > 0)
        {
          JsonObject *link = json_object_new ();
          const char *last = json_object_get_string_member (g_ptr_array_index (items, end - 1), "id");
          g_autofree char *href = build_href (self, msg, params, last, FALSE);

          json_object_set_string_member (link, "rel", "next");
          json_object_set_string_member (link, "href", href);
          json_array_add_object_element (links, link);
        }
      if (!(count < limit && reverse) && (count > 0 || marker != NULL))
        {
          JsonObject *link = json_object_new ();
          const char *first = count > 0
            ? json_object_get_string_member (g_ptr_array_index (items, start), "id") : marker;
          g_autofree char *href = build_href (self, msg, params, first, TRUE);

          json_object_set_string_member (link, "rel", "previous");
          json_object_set_string_member (link, "href", href);
          json_array_add_object_element (links, link);
        }
      if (json_array_get_length (links) > 0)
        json_object_set_array_member (body, key, links);
      else
        json_array_unref (links);
    }

  _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
}

void
_tn_sandbox_respond_member (SoupServerMessage *msg,
                            guint              status,
                            const char        *member,
                            JsonObject        *object)
{
  g_autoptr(GPtrArray) params = parse_query (msg);
  g_autoptr(GPtrArray) fields = query_get_all (params, "fields");
  g_autoptr(JsonObject) selected = select_fields (object, fields);

  _tn_sandbox_respond_object (msg, status, member, selected);
}
