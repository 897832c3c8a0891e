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
#include "tn-error.h"
#include "tn-json.h"
#include "tn-session-private.h"
#include "tn-wipe.h"

/*
 * One list operation serves every collection: the path comes from the
 * region table (VPN kinds) or is Neutron's own (routers, subnets,
 * extensions), and an item function turns each JSON object into a model.
 */

typedef struct
{
  TnEndpointKind     endpoint;
  char              *key;          /* the array's member, e.g. ipsec_site_connections */
  TnJsonItemFunc     parse;
  GDestroyNotify     free_item;
  TnResourceKind     kind;
  char              *region;
  gboolean           sort_pages;
  TnSessionPageFunc  page_func;
  gpointer           page_data;
  GPtrArray         *items;
  char              *last_link;
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

/*
 * Each page is parsed, and its items made, in a thread: a page of 250
 * connections is several milliseconds of JSON and GObjects, which the main
 * loop does not wait for. The thread only reads the list's settings; the
 * items are nobody else's until the page is back on the main loop.
 */
typedef struct
{
  ListData  *list;
  GBytes    *bytes;       /* may hold pre-shared keys: wiped */
  guint      http_status;
  char      *request_id;
  GPtrArray *items;
  char      *next;
  guint      length;
} PageJob;

static void
page_job_free (PageJob *job)
{
  tn_wipe_bytes_free (g_steal_pointer (&job->bytes));
  g_clear_pointer (&job->request_id, g_free);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->next, g_free);
  g_free (job);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return tn_resource_compare_names (*(TnResource **) a, *(TnResource **) b);
}

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PageJob *job = task_data;
  ListData *data = job->list;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *links_key = NULL;
  JsonArray *array;

  root = tn_json_parse_bytes (job->bytes, &error);
  tn_wipe_bytes_free (g_steal_pointer (&job->bytes));
  if (root == NULL)
    {
      g_autofree char *what = g_strdup (tn_error_get_details (error)->message);

      tn_error_set_details (error, job->http_status, NULL, what, NULL, job->request_id);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  array = tn_json_get_member_array (root, data->key, &error);
  if (array == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->length = json_array_get_length (array);
  job->items = g_ptr_array_new_full (job->length, data->free_item);
  for (guint i = 0; i < job->length; i++)
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

      g_ptr_array_add (job->items, item);
    }

  if (data->sort_pages && data->kind < TN_N_RESOURCE_KINDS)
    g_ptr_array_sort (job->items, compare_names);

  links_key = g_strconcat (data->key, "_links", NULL);
  job->next = tn_json_find_next_link (root, links_key);
  g_task_return_boolean (task, TRUE);
}

static void on_list_page_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
on_page_parsed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  PageJob *job = g_task_get_task_data (G_TASK (result));
  ListData *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  TnSession *session;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->page_func != NULL && job->items->len > 0)
    data->page_func (job->items, data->page_data);
  g_ptr_array_extend_and_steal (data->items, g_steal_pointer (&job->items));

  /* Follow `next` until there is none; an empty page or a link that does
   * not move on ends the list too, so a confused server cannot loop us. */
  if (job->next == NULL || job->length == 0 || g_strcmp0 (job->next, data->last_link) == 0)
    {
      g_debug ("Listed %u %s", data->items->len, data->key);
      g_task_return_pointer (task, g_ptr_array_ref (data->items),
                             (GDestroyNotify)g_ptr_array_unref);
      return;
    }

  g_free (data->last_link);
  data->last_link = g_strdup (job->next);

  /* (the cancellable and session first: argument order is unspecified) */
  cancellable = g_task_get_cancellable (task);
  session = g_task_get_source_object (task);
  _tn_session_request_raw_async (session, data->endpoint, "GET", job->next,
                                 cancellable, on_list_page_cb, g_steal_pointer (&task));
}

static void
on_list_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse = NULL;
  GCancellable *cancellable;
  PageJob *job;
  GBytes *bytes;
  guint http_status = 0;
  char *request_id = NULL;

  bytes = _tn_session_request_raw_finish (TN_SESSION (object), result, &http_status, &request_id, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (PageJob, 1);
  job->list = g_task_get_task_data (task);
  job->bytes = bytes;
  job->http_status = http_status;
  job->request_id = request_id;

  /* The list task stays alive, and with it job->list, until the page is
   * back. The thread's task holds no session: its last reference may go
   * in the thread. */
  cancellable = g_task_get_cancellable (task);
  parse = g_task_new (NULL, cancellable, on_page_parsed_cb, g_steal_pointer (&task));
  g_task_set_source_tag (parse, on_list_page_cb);
  g_task_set_name (parse, "[tunnels] parse a page");
  g_task_set_task_data (parse, job, (GDestroyNotify)page_job_free);
  g_task_run_in_thread (parse, parse_page_thread);
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
            gboolean             sort_pages,
            TnSessionPageFunc    page_func,
            gpointer             page_data,
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
  data->free_item = free_item;
  data->kind = kind;
  data->region = g_strdup (tn_account_get_region (tn_session_get_account (self)));
  data->sort_pages = sort_pages;
  data->page_func = page_func;
  data->page_data = page_data;
  data->items = g_ptr_array_new_with_free_func (free_item);
  g_task_set_task_data (task, data, (GDestroyNotify)list_data_free);

  /* Sorted pages are asked of the server sorted by name (then id, so the
   * marker of a page is unique): the first page holds the first rows of
   * the whole list, and the next ones mostly go below them. (Neutron's
   * sort_key/sort_dir; a server that ignores them just gives its order.) */
  if (tn_session_get_page_size (self) > 0)
    first = g_strdup_printf ("%s?limit=%u%s", path, tn_session_get_page_size (self),
                             sort_pages && endpoint == TN_ENDPOINT_VPN &&
                             tn_region_profile_sorts_lists (tn_session_get_profile (self))
                             ? "&sort_key=name&sort_dir=asc&sort_key=id&sort_dir=asc" : "");
  else
    first = g_strdup (path);

  _tn_session_request_raw_async (self, endpoint, "GET", first, cancellable,
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
  _tn_session_list_pages_async (self, kind, FALSE, NULL, NULL, cancellable, callback, user_data);
}

/*
 * As tn_session_list_async() (finish with tn_session_list_finish()), and
 * @page_func sees each page's items (transfer none: it takes references
 * to what it keeps) on the main loop as soon as the page is parsed, before
 * the next page is asked for; with @sort_pages the server is asked for the
 * list sorted by name, and each page comes sorted by
 * tn_resource_compare_names().
 */
void
_tn_session_list_pages_async (TnSession           *self,
                              TnResourceKind       kind,
                              gboolean             sort_pages,
                              TnSessionPageFunc    page_func,
                              gpointer             page_data,
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
              kind, sort_pages, page_func, page_data, cancellable, callback, user_data);
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
              TN_N_RESOURCE_KINDS, FALSE, NULL, NULL,                           \
              cancellable, callback, user_data);                                \
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
