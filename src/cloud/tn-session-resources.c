/* tn-session-resources.c: show, create, update, delete and wait: one code
 * path for the four VPNaaS kinds
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
 * Paths, member keys and what the client may send come from the region
 * table and the kinds' field tables: no kind and no region is special here.
 * Type B (asynchronous writes) differs only in that 202 counts as accepted
 * and its answer is usually not settled; TN_WRITE_FLAGS_WAIT then polls the
 * resource, as it does after a Neutron write that left a PENDING_* status.
 *
 * Every operation is one GTask whose result is a TnResource (or NULL when
 * the resource is gone); a write with TN_WRITE_FLAGS_WAIT turns into a poll
 * in the same task.
 */

typedef struct
{
  TnResourceKind  kind;
  char           *id;
  TnWriteFlags    flags;
  gboolean        deleting;
  guint           delay;        /* the next pause between polls, in ms */
} OpData;

static void poll_now (GTask *task);

static void
op_data_free (OpData *data)
{
  g_clear_pointer (&data->id, g_free);
  g_free (data);
}

static GTask *
op_new (TnSession           *self,
        gpointer             source_tag,
        TnResourceKind       kind,
        const char          *id,
        TnWriteFlags         flags,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task;
  OpData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (OpData, 1);
  data->kind = kind;
  data->id = g_strdup (id);
  data->flags = flags;
  data->delay = _tn_session_get_poll_first (self);
  g_task_set_task_data (task, data, (GDestroyNotify)op_data_free);

  return task;
}

static void
return_resource (GTask      *task,
                 TnResource *resource)
{
  g_task_return_pointer (task, resource, resource ? g_object_unref : NULL);
}

static char *
collection_path (TnSession      *self,
                 TnResourceKind  kind,
                 const char     *id)
{
  g_autofree char *path = tn_region_profile_get_vpn_path (tn_session_get_profile (self), kind);
  g_autofree char *escaped = NULL;

  if (id == NULL)
    return g_steal_pointer (&path);

  escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat (path, "/", escaped, NULL);
}

/* {"ikepolicy": {…}} */
static GBytes *
wrap_member (TnResourceKind  kind,
             JsonObject     *object)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_object_member (body, tn_resource_kind_get_member (kind), json_object_ref (object));

  return tn_json_to_bytes (body);
}

static TnResource *
read_member (TnSession       *self,
             TnResourceKind   kind,
             JsonNode        *root,
             GError         **error)
{
  TnResource *resource;
  JsonObject *object;

  object = tn_json_get_member_object (root, tn_resource_kind_get_member (kind), error);
  if (object == NULL)
    return NULL;

  resource = tn_json_new_resource (kind, object, error);
  if (resource != NULL)
    tn_resource_set_region (resource, tn_account_get_region (tn_session_get_account (self)));

  return resource;
}

/* Polling */

static gboolean
on_pause_done_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    poll_now (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

/* Waits data->delay ms (or until cancelled), then polls; the pauses double
 * up to the session's maximum. */
static void
schedule_poll (GTask *task)
{
  TnSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GSource) pause = g_timeout_source_new (data->delay);

  g_debug ("Polling %s %s in %u ms", tn_resource_kind_get_member (data->kind), data->id, data->delay);

  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (pause, cancelled);
    }

  g_source_set_static_name (pause, "[tunnels] poll pause");
  g_task_attach_source (task, pause, on_pause_done_cb);

  data->delay = MIN (data->delay * 2, _tn_session_get_poll_max (self));
}

static void
on_polled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(TnResource) resource = NULL;
  TnSession *self = TN_SESSION (object);
  OpData *data = g_task_get_task_data (task);

  root = _tn_session_request_finish (self, result, NULL, &error);
  if (g_error_matches (error, TN_ERROR, TN_ERROR_NOT_FOUND))
    {
      g_debug ("%s %s is gone", tn_resource_kind_get_member (data->kind), data->id);
      return_resource (task, NULL);
      return;
    }

  if (error == NULL)
    resource = read_member (self, data->kind, root, &error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!tn_resource_is_settled (resource))
    {
      schedule_poll (task);
      return;
    }

  if (data->deleting)
    {
      g_autofree char *what = g_strdup_printf ("still there, %s", tn_resource_get_status (resource));

      g_task_return_error (task, tn_cloud_error_new (TN_ERROR_FAILED, what));
      return;
    }

  return_resource (task, g_steal_pointer (&resource));
}

/* Takes @task. */
static void
poll_now (GTask *task)
{
  TnSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autofree char *path = collection_path (self, data->kind, data->id);

  _tn_session_request_async (self, TN_ENDPOINT_VPN, "GET", path, NULL,
                             g_task_get_cancellable (task), on_polled_cb, task);
}

/**
 * tn_session_wait_async:
 * @self: a #TnSession
 * @kind: the resource kind
 * @id: the resource
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Polls the resource until its status settles (leaves BUILD, PENDING_* or
 * DELETING; see tn_status_is_settled()) or it is gone, pausing 2 s,
 * then twice as long each time up to 30 s (tn_session_set_poll_interval()).
 */
void
tn_session_wait_async (TnSession           *self,
                       TnResourceKind       kind,
                       const char          *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);
  g_return_if_fail (id != NULL);

  poll_now (op_new (self, tn_session_wait_async, kind, id, TN_WRITE_FLAGS_WAIT,
                    cancellable, callback, user_data));
}

/**
 * tn_session_wait_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the settled resource, or %NULL with
 *   no error set when it is gone (deleted), or %NULL with @error
 */
TnResource *
tn_session_wait_finish (TnSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _tn_session_propagate (self, result, tn_session_wait_async, error);
}

/* Show */

static void
on_shown_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  TnSession *self = TN_SESSION (object);
  OpData *data = g_task_get_task_data (task);
  TnResource *resource = NULL;

  root = _tn_session_request_finish (self, result, NULL, &error);
  if (error == NULL)
    resource = read_member (self, data->kind, root, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    return_resource (task, resource);
}

/**
 * tn_session_show_async:
 * @self: a #TnSession
 * @kind: the resource kind
 * @id: the resource
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Gets one resource.
 */
void
tn_session_show_async (TnSession           *self,
                       TnResourceKind       kind,
                       const char          *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);
  g_return_if_fail (id != NULL);

  path = collection_path (self, kind, id);
  _tn_session_request_async (self, TN_ENDPOINT_VPN, "GET", path, NULL, cancellable, on_shown_cb,
                             op_new (self, tn_session_show_async, kind, id, TN_WRITE_FLAGS_NONE,
                                     cancellable, callback, user_data));
}

/**
 * tn_session_show_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the resource, or %NULL with @error
 *   (%TN_ERROR_NOT_FOUND when it does not exist)
 */
TnResource *
tn_session_show_finish (TnSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _tn_session_propagate (self, result, tn_session_show_async, error);
}

/* Create, update, delete */

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(TnResource) resource = NULL;
  TnSession *self = TN_SESSION (object);
  OpData *data = g_task_get_task_data (task);
  guint status = 0;

  root = _tn_session_request_finish (self, result, &status, &error);
  if (error == NULL && root != NULL && !data->deleting)
    resource = read_member (self, data->kind, root, &error);
  else if (error == NULL && data->id == NULL)
    tn_cloud_set_bad_response (&error, "a create answered without the resource");

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (resource != NULL && data->id == NULL)
    data->id = g_strdup (tn_resource_get_id (resource));

  g_debug ("%s %s: accepted (%u)", tn_resource_kind_get_member (data->kind), data->id, status);

  /* Nothing to wait for, or the caller does not want to. An update answered
   * 202 without a body is shown once so the caller gets the resource. */
  if ((data->flags & TN_WRITE_FLAGS_WAIT) == 0 && (resource != NULL || data->deleting))
    {
      return_resource (task, g_steal_pointer (&resource));
      return;
    }

  if ((data->flags & TN_WRITE_FLAGS_WAIT) == 0)
    {
      g_autofree char *path = collection_path (self, data->kind, data->id);
      GCancellable *cancellable = g_task_get_cancellable (task);

      _tn_session_request_async (self, TN_ENDPOINT_VPN, "GET", path, NULL, cancellable,
                                 on_shown_cb, g_steal_pointer (&task));
      return;
    }

  if (resource != NULL && tn_resource_is_settled (resource))
    {
      return_resource (task, g_steal_pointer (&resource));
      return;
    }

  /* A synchronous delete (204) leaves nothing to wait for. */
  if (data->deleting && status == SOUP_STATUS_NO_CONTENT &&
      !tn_region_profile_writes_are_async (tn_session_get_profile (self)))
    {
      return_resource (task, NULL);
      return;
    }

  schedule_poll (task);
}

/**
 * tn_session_create_async:
 * @self: a #TnSession
 * @resource: the resource to create: its kind and the values to send
 * @flags: #TnWriteFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Creates @resource. The body has each attribute that the region's API has
 * and that a client may set (tn_region_profile_get_access()), when it is set
 * on @resource: e.g. `availability_zone` only in FJcloud type A. @resource
 * itself is not changed.
 */
void
tn_session_create_async (TnSession           *self,
                         TnResource          *resource,
                         TnWriteFlags         flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *path = NULL;
  TnResourceKind kind;

  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (TN_IS_RESOURCE (resource));

  kind = tn_resource_get_kind (resource);
  object = tn_json_build_create (resource, tn_session_get_profile (self));
  path = collection_path (self, kind, NULL);

  _tn_session_request_async (self, TN_ENDPOINT_VPN, "POST", path, wrap_member (kind, object),
                             cancellable, on_written_cb,
                             op_new (self, tn_session_create_async, kind, NULL, flags,
                                     cancellable, callback, user_data));
}

/**
 * tn_session_create_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the created resource as the server has it
 *   (settled, with %TN_WRITE_FLAGS_WAIT), or %NULL with @error
 */
TnResource *
tn_session_create_finish (TnSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return _tn_session_propagate (self, result, tn_session_create_async, error);
}

/**
 * tn_session_update_async:
 * @self: a #TnSession
 * @original: the resource as it was shown to the user (as the server had it)
 * @changed: a copy of @original (tn_resource_dup()) with the user's changes
 * @flags: #TnWriteFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Updates a resource, sending **only the attributes that differ** between
 * @original and @changed, and of an object attribute only the members that
 * differ (`{"dpd": {"interval": 10}}`): re-sending unchanged values may reset
 * them on some clouds. Differences in read-only attributes are ignored. A
 * change to an attribute the region does not let users change fails with
 * %TN_ERROR_INVALID_INPUT before anything is sent. When nothing differs,
 * nothing is sent and @original is the result.
 */
void
tn_session_update_async (TnSession           *self,
                         TnResource          *original,
                         TnResource          *changed,
                         TnWriteFlags         flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TnResourceKind kind;

  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (TN_IS_RESOURCE (original));
  g_return_if_fail (TN_IS_RESOURCE (changed));
  g_return_if_fail (G_OBJECT_TYPE (original) == G_OBJECT_TYPE (changed));
  g_return_if_fail (tn_resource_get_id (original) != NULL);

  kind = tn_resource_get_kind (original);
  task = op_new (self, tn_session_update_async, kind, tn_resource_get_id (original), flags,
                 cancellable, callback, user_data);

  object = tn_json_build_update (original, changed, tn_session_get_profile (self), &error);
  if (object == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (json_object_get_size (object) == 0)
    {
      g_debug ("Nothing changed in %s %s", tn_resource_kind_get_member (kind),
               tn_resource_get_id (original));
      return_resource (task, g_object_ref (original));
      return;
    }

  path = collection_path (self, kind, tn_resource_get_id (original));
  _tn_session_request_async (self, TN_ENDPOINT_VPN, "PUT", path, wrap_member (kind, object),
                             cancellable, on_written_cb, g_steal_pointer (&task));
}

/**
 * tn_session_update_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the updated resource as the server has it, or
 *   %NULL with @error (e.g. %TN_ERROR_INVALID_STATE while it is PENDING_*,
 *   %TN_ERROR_CONFLICT for a policy in use)
 */
TnResource *
tn_session_update_finish (TnSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return _tn_session_propagate (self, result, tn_session_update_async, error);
}

/**
 * tn_session_delete_async:
 * @self: a #TnSession
 * @kind: the resource kind
 * @id: the resource
 * @flags: #TnWriteFlags; with %TN_WRITE_FLAGS_WAIT, finish when it is gone
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Deletes a resource.
 */
void
tn_session_delete_async (TnSession           *self,
                         TnResourceKind       kind,
                         const char          *id,
                         TnWriteFlags         flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);
  g_return_if_fail (id != NULL);

  task = op_new (self, tn_session_delete_async, kind, id, flags, cancellable, callback, user_data);
  ((OpData *)g_task_get_task_data (task))->deleting = TRUE;

  path = collection_path (self, kind, id);
  _tn_session_request_async (self, TN_ENDPOINT_VPN, "DELETE", path, NULL, cancellable,
                             on_written_cb, task);
}

/**
 * tn_session_delete_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: %TRUE when deleted (accepted, or gone with
 *   %TN_WRITE_FLAGS_WAIT), else %FALSE with @error (%TN_ERROR_CONFLICT when
 *   in use)
 */
gboolean
tn_session_delete_finish (TnSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(TnResource) resource = NULL;
  g_autoptr(GError) local_error = NULL;

  resource = _tn_session_propagate (self, result, tn_session_delete_async, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
