/* tn-session-lists.c: every item of a collection, following the pages: the
 * four VPNaaS kinds, routers, subnets and extensions
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSession"

#include "config.h"

#include "tn-cloud-error.h"
#include "tn-json.h"
#include "tn-session-private.h"

/*
 * One list operation serves every collection: the path comes from the
 * region table (VPN kinds) or is Neutron's own (routers, subnets,
 * extensions), and an item function turns each JSON object into a model.
 */

typedef struct
{
  TnEndpointKind  endpoint;
  char           *key;          /* the array's member, e.g. ipsec_site_connections */
  TnJsonItemFunc  parse;
  TnResourceKind  kind;
  char           *region;
  GPtrArray      *items;
  char           *last_link;
} ListData;

static void
list_data_free (ListData *data)
{
  g_clear_pointer (&data->key, g_free);
  g_clear_pointer (&data->region, g_free);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->last_link, g_free);
  g_free (data);
}

static gpointer
parse_resource_item (JsonObject  *object,
                     gpointer     user_data,
                     GError     **error)
{
  ListData *data = user_data;
  TnResource *resource = tn_json_new_resource (data->kind, object, error);

  if (resource != NULL)
    tn_resource_set_region (resource, data->region);

  return resource;
}

static void
on_list_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *links_key = NULL;
  g_autofree char *next = NULL;
  ListData *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  JsonArray *array;
  guint length;

  root = _tn_session_request_finish (TN_SESSION (object), result, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  array = tn_json_get_member_array (root, data->key, &error);
  if (array == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tn_cloud_set_bad_response (&error, "“%s” holds a non-object", data->key);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      item = data->parse (json_node_get_object (node), data, &error);
      if (item == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_ptr_array_add (data->items, item);
    }

  /* Follow `next` until there is none; an empty page or a link that does
   * not move on ends the list too, so a confused server cannot loop us. */
  links_key = g_strconcat (data->key, "_links", NULL);
  next = tn_json_find_next_link (root, links_key);
  if (next == NULL || length == 0 || g_strcmp0 (next, data->last_link) == 0)
    {
      g_debug ("Listed %u %s", data->items->len, data->key);
      g_task_return_pointer (task, g_ptr_array_ref (data->items),
                             (GDestroyNotify)g_ptr_array_unref);
      return;
    }

  g_free (data->last_link);
  data->last_link = g_strdup (next);

  /* (the cancellable first: argument order is unspecified) */
  cancellable = g_task_get_cancellable (task);
  _tn_session_request_async (TN_SESSION (object), data->endpoint, "GET", next, NULL,
                             cancellable, on_list_page_cb, g_steal_pointer (&task));
}

static void
list_items (TnSession           *self,
            gpointer             source_tag,
            TnEndpointKind       endpoint,
            const char          *path,
            const char          *key,
            TnJsonItemFunc       parse,
            GDestroyNotify       free_item,
            TnResourceKind       kind,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *first = NULL;
  ListData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (ListData, 1);
  data->endpoint = endpoint;
  data->key = g_strdelimit (g_strdup (key), "-", '_');
  data->parse = parse;
  data->kind = kind;
  data->region = g_strdup (tn_account_get_region (tn_session_get_account (self)));
  data->items = g_ptr_array_new_with_free_func (free_item);
  g_task_set_task_data (task, data, (GDestroyNotify)list_data_free);

  if (tn_session_get_page_size (self) > 0)
    first = g_strdup_printf ("%s?limit=%u", path, tn_session_get_page_size (self));
  else
    first = g_strdup (path);

  _tn_session_request_async (self, endpoint, "GET", first, NULL, cancellable,
                             on_list_page_cb, g_steal_pointer (&task));
}

/**
 * tn_session_list_async:
 * @self: a #TnSession
 * @kind: what to list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Lists every resource of @kind in the project, following the pages.
 */
void
tn_session_list_async (TnSession           *self,
                       TnResourceKind       kind,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);

  path = tn_region_profile_get_vpn_path (tn_session_get_profile (self), kind);
  list_items (self, tn_session_list_async, TN_ENDPOINT_VPN, path,
              tn_resource_kind_get_collection (kind), parse_resource_item, g_object_unref,
              kind, cancellable, callback, user_data);
}

/**
 * tn_session_list_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type TnResource): every resource,
 *   or %NULL with @error
 */
GPtrArray *
tn_session_list_finish (TnSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _tn_session_propagate (self, result, tn_session_list_async, error);
}

#define DEFINE_NETWORK_LIST(name, path, key, parse, free_func)                  \
static gpointer                                                                 \
parse_##name##_item (JsonObject  *object,                                       \
                     gpointer     user_data,                                    \
                     GError     **error)                                        \
{                                                                               \
  return parse (object, error);                                                 \
}                                                                               \
                                                                                \
void                                                                            \
tn_session_list_##name##_async (TnSession           *self,                      \
                                GCancellable        *cancellable,               \
                                GAsyncReadyCallback  callback,                  \
                                gpointer             user_data)                 \
{                                                                               \
  g_return_if_fail (TN_IS_SESSION (self));                                      \
                                                                                \
  list_items (self, tn_session_list_##name##_async, TN_ENDPOINT_NETWORK, path,  \
              key, parse_##name##_item, (GDestroyNotify)free_func,                \
              TN_N_RESOURCE_KINDS, cancellable, callback, user_data);           \
}                                                                               \
                                                                                \
GPtrArray *                                                                     \
tn_session_list_##name##_finish (TnSession     *self,                           \
                                 GAsyncResult  *result,                         \
                                 GError       **error)                          \
{                                                                               \
  return _tn_session_propagate (self, result, tn_session_list_##name##_async, error);     \
}

/**
 * tn_session_list_routers_async: (finish-func tn_session_list_routers_finish)
 *
 * Lists the project's routers (#TnRouter), for the VPN service form.
 */
DEFINE_NETWORK_LIST (routers, "/v2.0/routers", "routers", tn_json_new_router, tn_router_unref)

/**
 * tn_session_list_subnets_async: (finish-func tn_session_list_subnets_finish)
 *
 * Lists the project's subnets (#TnSubnet), for the VPN service form.
 */
DEFINE_NETWORK_LIST (subnets, "/v2.0/subnets", "subnets", tn_json_new_subnet, tn_subnet_unref)

/**
 * tn_session_list_extensions_async: (finish-func tn_session_list_extensions_finish)
 *
 * Lists the API extensions the cloud advertises (#TnExtension), to probe
 * for algorithms beyond the basic set.
 */
DEFINE_NETWORK_LIST (extensions, "/v2.0/extensions", "extensions", tn_json_new_extension,
                     tn_extension_unref)

#undef DEFINE_NETWORK_LIST
