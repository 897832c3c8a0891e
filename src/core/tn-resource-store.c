/* tn-resource-store.c: the resources of one kind, as a list model updated in place
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceStore"

#include "config.h"

#include "tn-resource-store.h"

/*
 * A store owns the resources of one kind of the active account. A refresh
 * hands it the list as the server has it now; the store keeps its objects
 * (identity by id) and gives them the new values, so a view bound to them
 * keeps its selection and scroll position:
 *
 *  - an item whose values changed notifies only the changed properties;
 *  - items that are gone are removed, one items-changed per run of them;
 *  - new items are appended with one items-changed;
 *  - an item that did not change emits nothing.
 *
 * Comparing 10,000 items costs tens of milliseconds, so the asynchronous
 * apply compares in slices of a few milliseconds from idle callbacks and
 * never stalls a frame. Removals and additions are one cheap step at the
 * end.
 *
 * A listing can also come in pages (tn_resource_store_begin_pages()): each
 * page updates the items it has and appends its new ones at once, with
 * one items-changed, so a view shows the first rows while the rest is in
 * flight; the items no page had are removed only when the listing is
 * complete (tn_resource_store_end_pages()).
 *
 * Relations (the connections that use a policy or hang off a service) are
 * answered from an index by property value, built when first asked after
 * a change.
 */

#define DEFAULT_SLICE_USEC 4000

typedef struct
{
  TnResourceStore *self;
  GPtrArray       *fresh;
  GHashTable      *seen;      /* TnResource (ours) set */
  GHashTable      *added_ids; /* ids of @added (their own strings) */
  GPtrArray       *added;
  guint            next;
} ApplyJob;

struct _TnResourceStore
{
  GObject        parent_instance;

  TnResourceKind kind;
  GPtrArray     *items;       /* TnResource, owned */
  GHashTable    *by_id;       /* id (the item's own string) → TnResource */
  GHashTable    *indexes;     /* property → GHashTable (value → GPtrArray) */

  TnStoreState   state;
  GError        *error;
  gboolean       refreshing;
  guint          slice_usec;

  GTask         *apply_task;  /* the asynchronous apply that runs */
  GHashTable    *paged_seen;  /* TnResource (ours) set: a listing in pages runs */
};

static void tn_resource_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TnResourceStore, tn_resource_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tn_resource_store_list_model_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATE,
  PROP_REFRESHING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_job_free (ApplyJob *job)
{
  g_clear_pointer (&job->fresh, g_ptr_array_unref);
  g_clear_pointer (&job->seen, g_hash_table_unref);
  g_clear_pointer (&job->added_ids, g_hash_table_unref);
  g_clear_pointer (&job->added, g_ptr_array_unref);
  g_free (job);
}

static ApplyJob *
apply_job_new (TnResourceStore *self,
               GPtrArray       *fresh)
{
  ApplyJob *job = g_new0 (ApplyJob, 1);

  job->self = self;
  job->fresh = g_ptr_array_ref (fresh);
  job->seen = g_hash_table_new (NULL, NULL);
  job->added_ids = g_hash_table_new (g_str_hash, g_str_equal);
  job->added = g_ptr_array_new_with_free_func (g_object_unref);

  return job;
}

static void
invalidate_indexes (TnResourceStore *self)
{
  g_hash_table_remove_all (self->indexes);
}

static void
emit_items_changed (TnResourceStore *self,
                    guint            position,
                    guint            removed,
                    guint            added)
{
  if (removed == 0 && added == 0)
    return;

  invalidate_indexes (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
append_items (TnResourceStore *self,
              GPtrArray       *items)
{
  guint position = self->items->len;

  for (guint i = 0; i < items->len; i++)
    {
      TnResource *item = g_ptr_array_index (items, i);

      g_ptr_array_add (self->items, g_object_ref (item));
      g_hash_table_replace (self->by_id, (gpointer) tn_resource_get_id (item), item);
    }

  emit_items_changed (self, position, 0, items->len);
}

/* Compares fresh items with ours until @deadline (monotonic µs; 0: no
 * limit). Returns TRUE when every fresh item was looked at. */
static gboolean
apply_job_compare (ApplyJob *job,
                   gint64    deadline)
{
  TnResourceStore *self = job->self;

  while (job->next < job->fresh->len)
    {
      TnResource *fresh = g_ptr_array_index (job->fresh, job->next++);
      const char *id = tn_resource_get_id (fresh);
      TnResource *ours;

      if (id == NULL || G_OBJECT_TYPE (fresh) != tn_resource_kind_get_type (self->kind))
        continue;

      ours = g_hash_table_lookup (self->by_id, id);
      if (ours == NULL)
        {
          /* A server that lists an id twice gets it once. */
          if (g_hash_table_add (job->added_ids, (gpointer) id))
            {
              g_ptr_array_add (job->added, g_object_ref (fresh));
            }
          continue;
        }

      g_hash_table_add (job->seen, ours);
      tn_resource_update_from (ours, fresh);

      if (deadline > 0 && (job->next & 0x1f) == 0 && g_get_monotonic_time () >= deadline)
        return job->next >= job->fresh->len;
    }

  return TRUE;
}

/* Removes what the fresh list no longer has (one emission per run of
 * neighbours, from the end so positions stay right), then appends what is
 * new. */
static void
remove_unseen (TnResourceStore *self,
               GHashTable      *seen)
{
  guint i = self->items->len;

  while (i > 0)
    {
      guint end = i;

      while (i > 0 && !g_hash_table_contains (seen, g_ptr_array_index (self->items, i - 1)))
        i--;

      if (i < end)
        {
          for (guint j = i; j < end; j++)
            g_hash_table_remove (self->by_id, tn_resource_get_id (g_ptr_array_index (self->items, j)));
          g_ptr_array_remove_range (self->items, i, end - i);
          emit_items_changed (self, i, end - i, 0);
        }

      if (i > 0)
        i--;
    }
}

static void
apply_job_finish (ApplyJob *job)
{
  remove_unseen (job->self, job->seen);
  append_items (job->self, job->added);
}

static void
cancel_apply (TnResourceStore *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->apply_task);

  g_clear_pointer (&self->paged_seen, g_hash_table_unref);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "Superseded by another update");
}

static gboolean
on_apply_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  TnResourceStore *self = g_task_get_source_object (task);
  ApplyJob *job = g_task_get_task_data (task);

  if (self->apply_task != task)
    return G_SOURCE_REMOVE;

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_object (&self->apply_task);
      return G_SOURCE_REMOVE;
    }

  if (!apply_job_compare (job, g_get_monotonic_time () + self->slice_usec))
    return G_SOURCE_CONTINUE;

  apply_job_finish (job);
  g_task_return_boolean (task, TRUE);
  g_clear_object (&self->apply_task);

  return G_SOURCE_REMOVE;
}

static guint
tn_resource_store_get_n_items (GListModel *model)
{
  return TN_RESOURCE_STORE (model)->items->len;
}

static GType
tn_resource_store_get_item_type (GListModel *model)
{
  return tn_resource_kind_get_type (TN_RESOURCE_STORE (model)->kind);
}

static gpointer
tn_resource_store_get_item (GListModel *model,
                            guint       position)
{
  TnResourceStore *self = TN_RESOURCE_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
tn_resource_store_list_model_init (GListModelInterface *iface)
{
  iface->get_n_items = tn_resource_store_get_n_items;
  iface->get_item_type = tn_resource_store_get_item_type;
  iface->get_item = tn_resource_store_get_item;
}

static void
tn_resource_store_dispose (GObject *object)
{
  TnResourceStore *self = TN_RESOURCE_STORE (object);

  cancel_apply (self);

  G_OBJECT_CLASS (tn_resource_store_parent_class)->dispose (object);
}

static void
tn_resource_store_finalize (GObject *object)
{
  TnResourceStore *self = TN_RESOURCE_STORE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (tn_resource_store_parent_class)->finalize (object);
}

static void
tn_resource_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TnResourceStore *self = TN_RESOURCE_STORE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TnResourceStore *self = TN_RESOURCE_STORE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_REFRESHING:
      tn_resource_store_set_refreshing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_store_class_init (TnResourceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tn_resource_store_dispose;
  object_class->finalize = tn_resource_store_finalize;
  object_class->get_property = tn_resource_store_get_property;
  object_class->set_property = tn_resource_store_set_property;

  /* A #TnResourceKind. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, TN_N_RESOURCE_KINDS - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* A #TnStoreState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, TN_STORE_STATE_EMPTY, TN_STORE_STATE_FAILED, TN_STORE_STATE_EMPTY,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether a refresh of loaded items runs. */
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The number of items, for bindings. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_resource_store_init (TnResourceStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  self->slice_usec = DEFAULT_SLICE_USEC;
}

/**
 * tn_resource_store_new:
 * @kind: the kind of resources the store holds
 *
 * Returns: (transfer full): an empty store
 */
TnResourceStore *
tn_resource_store_new (TnResourceKind kind)
{
  g_return_val_if_fail (kind < TN_N_RESOURCE_KINDS, NULL);

  return g_object_new (TN_TYPE_RESOURCE_STORE, "kind", kind, NULL);
}

TnResourceKind
tn_resource_store_get_kind (TnResourceStore *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), TN_N_RESOURCE_KINDS);

  return self->kind;
}

/**
 * tn_resource_store_lookup:
 * @id: (nullable): a resource id
 *
 * Returns: (transfer none) (nullable): the store's resource with @id
 */
TnResource *
tn_resource_store_lookup (TnResourceStore *self,
                          const char      *id)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), NULL);

  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * tn_resource_store_find_position:
 * @position: (out) (optional): where @resource is
 *
 * Returns: whether @resource is in the store
 */
gboolean
tn_resource_store_find_position (TnResourceStore *self,
                                 TnResource      *resource,
                                 guint           *position)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), FALSE);

  return g_ptr_array_find (self->items, resource, position);
}

/**
 * tn_resource_store_apply:
 * @fresh: (element-type TnResource): every resource of the kind, as the
 *   server has them now
 *
 * Updates the store in place at once: see the file's comment. Cancels an
 * asynchronous apply that runs.
 */
void
tn_resource_store_apply (TnResourceStore *self,
                         GPtrArray       *fresh)
{
  ApplyJob *job;

  g_return_if_fail (TN_IS_RESOURCE_STORE (self));
  g_return_if_fail (fresh != NULL);

  cancel_apply (self);

  job = apply_job_new (self, fresh);
  apply_job_compare (job, 0);
  apply_job_finish (job);
  apply_job_free (job);
}

/**
 * tn_resource_store_apply_async:
 * @fresh: (element-type TnResource): every resource of the kind
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store holds @fresh
 * @user_data: its closure
 *
 * As tn_resource_store_apply(), but compares existing items in slices of a
 * few milliseconds from idle callbacks, so a long list never stalls the
 * main loop. A store that is empty takes @fresh at once. A newer apply, or
 * tn_resource_store_clear(), cancels this one.
 */
void
tn_resource_store_apply_async (TnResourceStore     *self,
                               GPtrArray           *fresh,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSource) idle = NULL;

  g_return_if_fail (TN_IS_RESOURCE_STORE (self));
  g_return_if_fail (fresh != NULL);

  cancel_apply (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tn_resource_store_apply_async);

  if (self->items->len == 0)
    {
      tn_resource_store_apply (self, fresh);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, apply_job_new (self, fresh), (GDestroyNotify) apply_job_free);
  self->apply_task = g_object_ref (task);

  idle = g_idle_source_new ();
  g_source_set_priority (idle, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_static_name (idle, "[tunnels] store apply");
  g_task_attach_source (task, idle, on_apply_slice_cb);
}

gboolean
tn_resource_store_apply_finish (TnResourceStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tn_resource_store_begin_pages:
 *
 * A listing of every resource of the kind starts, to be handed over page
 * by page with tn_resource_store_apply_page() and ended with
 * tn_resource_store_end_pages(). Cancels an apply or a paged listing that
 * runs; tn_resource_store_apply(), _apply_async() and _clear() cancel
 * this one.
 */
void
tn_resource_store_begin_pages (TnResourceStore *self)
{
  g_return_if_fail (TN_IS_RESOURCE_STORE (self));

  cancel_apply (self);
  self->paged_seen = g_hash_table_new (NULL, NULL);
}

/**
 * tn_resource_store_get_paging:
 *
 * Returns: whether a listing in pages runs (between
 *   tn_resource_store_begin_pages() and _end_pages(), not cancelled)
 */
gboolean
tn_resource_store_get_paging (TnResourceStore *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), FALSE);

  return self->paged_seen != NULL;
}

/**
 * tn_resource_store_apply_page:
 * @page: (element-type TnResource): resources of the kind, as the server
 *   has them now: one page of the listing (or several)
 *
 * Updates the store's items that @page has (only the changed properties
 * notify) and appends the new ones, with one items-changed. Nothing is
 * removed before tn_resource_store_end_pages(). An id listed twice is
 * kept once.
 */
void
tn_resource_store_apply_page (TnResourceStore *self,
                              GPtrArray       *page)
{
  guint position;

  g_return_if_fail (TN_IS_RESOURCE_STORE (self));
  g_return_if_fail (page != NULL);
  g_return_if_fail (self->paged_seen != NULL);

  position = self->items->len;
  for (guint i = 0; i < page->len; i++)
    {
      TnResource *fresh = g_ptr_array_index (page, i);
      const char *id = tn_resource_get_id (fresh);
      TnResource *ours;

      if (id == NULL || G_OBJECT_TYPE (fresh) != tn_resource_kind_get_type (self->kind))
        continue;

      ours = g_hash_table_lookup (self->by_id, id);
      if (ours == NULL)
        {
          g_ptr_array_add (self->items, g_object_ref (fresh));
          g_hash_table_replace (self->by_id, (gpointer) id, fresh);
          g_hash_table_add (self->paged_seen, fresh);
        }
      else if (ours != fresh && !g_hash_table_contains (self->paged_seen, ours))
        {
          g_hash_table_add (self->paged_seen, ours);
          tn_resource_update_from (ours, fresh);
        }
    }

  emit_items_changed (self, position, 0, self->items->len - position);
}

/**
 * tn_resource_store_end_pages:
 * @complete: whether every page came
 *
 * Ends the listing in pages: when @complete, the items that no page had
 * are removed (one items-changed per run of neighbours); else (the
 * listing failed) the store keeps every item.
 */
void
tn_resource_store_end_pages (TnResourceStore *self,
                             gboolean         complete)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_if_fail (TN_IS_RESOURCE_STORE (self));
  g_return_if_fail (self->paged_seen != NULL);

  seen = g_steal_pointer (&self->paged_seen);
  if (complete)
    remove_unseen (self, seen);
}

/**
 * tn_resource_store_upsert:
 * @fresh: a resource as the server has it now (after a show, a write or a
 *   poll)
 *
 * Updates the store's resource with the id of @fresh, or appends @fresh.
 *
 * Returns: (transfer none): the store's resource
 */
TnResource *
tn_resource_store_upsert (TnResourceStore *self,
                          TnResource      *fresh)
{
  TnResource *ours;

  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), NULL);
  g_return_val_if_fail (TN_IS_RESOURCE (fresh), NULL);
  g_return_val_if_fail (tn_resource_get_id (fresh) != NULL, NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (fresh) == tn_resource_kind_get_type (self->kind), NULL);

  ours = g_hash_table_lookup (self->by_id, tn_resource_get_id (fresh));
  if (ours != NULL)
    {
      tn_resource_update_from (ours, fresh);
      return ours;
    }

  g_ptr_array_add (self->items, g_object_ref (fresh));
  g_hash_table_replace (self->by_id, (gpointer) tn_resource_get_id (fresh), fresh);
  emit_items_changed (self, self->items->len - 1, 0, 1);

  return fresh;
}

/**
 * tn_resource_store_remove:
 * @id: a resource id
 *
 * Returns: whether the store had the resource
 */
gboolean
tn_resource_store_remove (TnResourceStore *self,
                          const char      *id)
{
  TnResource *ours;
  guint position;

  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  ours = g_hash_table_lookup (self->by_id, id);
  if (ours == NULL || !g_ptr_array_find (self->items, ours, &position))
    return FALSE;

  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->items, position);
  emit_items_changed (self, position, 1, 0);

  return TRUE;
}

/**
 * tn_resource_store_clear:
 *
 * Removes every item (when the account changes) and resets the state.
 */
void
tn_resource_store_clear (TnResourceStore *self)
{
  guint n;

  g_return_if_fail (TN_IS_RESOURCE_STORE (self));

  cancel_apply (self);

  n = self->items->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);
  emit_items_changed (self, 0, n, 0);

  tn_resource_store_set_refreshing (self, FALSE);
  tn_resource_store_set_state (self, TN_STORE_STATE_EMPTY, NULL);
}

static GHashTable *
ensure_index (TnResourceStore *self,
              const char      *property)
{
  GHashTable *index = g_hash_table_lookup (self->indexes, property);
  GParamSpec *pspec;

  if (index != NULL)
    return index;

  pspec = g_object_class_find_property (g_type_class_peek (tn_resource_kind_get_type (self->kind)), property);
  g_return_val_if_fail (pspec != NULL && pspec->value_type == G_TYPE_STRING, NULL);

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      TnResource *item = g_ptr_array_index (self->items, i);
      g_autofree char *value = NULL;
      GPtrArray *bucket;

      g_object_get (item, property, &value, NULL);
      if (value == NULL)
        continue;

      bucket = g_hash_table_lookup (index, value);
      if (bucket == NULL)
        {
          bucket = g_ptr_array_new ();
          g_hash_table_insert (index, g_steal_pointer (&value), bucket);
        }
      g_ptr_array_add (bucket, item);
    }

  g_hash_table_insert (self->indexes, g_strdup (property), index);

  return index;
}

/**
 * tn_resource_store_find_by:
 * @property: a string property of the kind that does not change after
 *   create, such as `ikepolicy-id` or `vpnservice-id`
 * @value: the value to look for
 *
 * Answers the relations: the connections that use a policy, the
 * connections of a service. Built once after each change of the items.
 *
 * Returns: (transfer container) (element-type TnResource): the items whose
 *   @property is @value, in the store's order
 */
GPtrArray *
tn_resource_store_find_by (TnResourceStore *self,
                           const char      *property,
                           const char      *value)
{
  GHashTable *index;
  GPtrArray *bucket;
  GPtrArray *result;

  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  index = ensure_index (self, property);
  bucket = value && index ? g_hash_table_lookup (index, value) : NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (bucket, i)));

  return result;
}

/**
 * tn_resource_store_count_by:
 *
 * Returns: how many items have @value in @property; see
 *   tn_resource_store_find_by()
 */
guint
tn_resource_store_count_by (TnResourceStore *self,
                            const char      *property,
                            const char      *value)
{
  GHashTable *index;
  GPtrArray *bucket;

  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), 0);
  g_return_val_if_fail (property != NULL, 0);

  index = ensure_index (self, property);
  bucket = value && index ? g_hash_table_lookup (index, value) : NULL;

  return bucket ? bucket->len : 0;
}

TnStoreState
tn_resource_store_get_state (TnResourceStore *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), TN_STORE_STATE_EMPTY);

  return self->state;
}

/**
 * tn_resource_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load failed
 */
const GError *
tn_resource_store_get_error (TnResourceStore *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), NULL);

  return self->error;
}

/**
 * tn_resource_store_set_state:
 * @error: (nullable): for %TN_STORE_STATE_FAILED, why
 *
 * Set by whoever loads the store. Notified again when a new failure
 * replaces another.
 */
void
tn_resource_store_set_state (TnResourceStore *self,
                             TnStoreState     state,
                             const GError    *error)
{
  g_return_if_fail (TN_IS_RESOURCE_STORE (self));

  if (self->state == state && self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error ? g_error_copy (error) : NULL;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
tn_resource_store_get_refreshing (TnResourceStore *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_STORE (self), FALSE);

  return self->refreshing;
}

void
tn_resource_store_set_refreshing (TnResourceStore *self,
                                  gboolean         refreshing)
{
  g_return_if_fail (TN_IS_RESOURCE_STORE (self));

  refreshing = !!refreshing;
  if (self->refreshing == refreshing)
    return;

  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/**
 * tn_resource_store_set_slice_budget:
 * @usec: how long one slice of an asynchronous apply may compare items
 *
 * For tests and the benchmark; the default is 4 ms.
 */
void
tn_resource_store_set_slice_budget (TnResourceStore *self,
                                    guint            usec)
{
  g_return_if_fail (TN_IS_RESOURCE_STORE (self));

  self->slice_usec = MAX (usec, 1);
}
