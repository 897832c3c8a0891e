/* tn-store-set.c: the four stores of the active account, loaded, polled and written
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnStoreSet"

#include "config.h"

#include <string.h>

#include "tn-secrets.h"
#include "tn-session-private.h"
#include "tn-store-set.h"

/*
 * One store per kind, for the session of the active account. When the
 * session changes (another account, or signed out) the stores are emptied,
 * every request of the old session is cancelled, and the new one's lists
 * load.
 *
 * Items in flux (BUILD, PENDING_*, DELETING) are polled, and only they:
 * each with tn_session_wait_async(), whose pauses grow from 2 s to 30 s
 * (tn_session_set_poll_interval()). When more than WATCH_MAX items of a
 * kind are in flux, polling them one by one would cost more than listing
 * them, so the kind's list is reloaded instead, with the same growing
 * pauses, until it settles.
 *
 * Writes go through the set so the stores learn the answer at once.
 */

#define WATCH_MAX 16

typedef struct
{
  TnStoreSet      *owner;
  TnResourceKind   kind;
  TnResourceStore *store;
  GCancellable    *cancellable;   /* of the list that runs */
  guint            reload_source;
  guint            reload_delay;  /* the next pause of a reload poll, ms */
  GPtrArray       *pending;       /* a first load: listed, not yet in the store */
} KindState;

struct _TnStoreSet
{
  GObject           parent_instance;

  TnSessionManager *sessions;
  TnSession        *session;
  GCancellable     *cancellable;  /* everything of the session; cancelled when it goes */
  KindState         kinds[TN_N_RESOURCE_KINDS];
  GHashTable       *watched;      /* "kind/id" set */
};

G_DEFINE_FINAL_TYPE (TnStoreSet, tn_store_set, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSIONS,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void watch_unsettled (TnStoreSet *self, TnResourceKind kind);
static void watch_item      (TnStoreSet *self, TnResource *resource);

typedef struct
{
  TnStoreSet     *self;
  TnSession      *session;
  TnResourceKind  kind;
  char           *key;
  gboolean        paged;
} Request;

static Request *
request_new (TnStoreSet     *self,
             TnResourceKind  kind,
             const char     *id)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->session = g_object_ref (self->session);
  request->kind = kind;
  request->key = id ? g_strdup_printf ("%d/%s", kind, id) : NULL;

  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_object_unref (request->session);
  g_free (request->key);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Whether the answer to @request still belongs to the session shown. */
static gboolean
request_is_current (Request *request)
{
  return request->self->session == request->session;
}

/* Loading */

static void
on_applied_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  TnResourceStore *store = TN_RESOURCE_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!tn_resource_store_apply_finish (store, result, &error) || !request_is_current (request))
    return;

  tn_resource_store_set_refreshing (store, FALSE);
  tn_resource_store_set_state (store, TN_STORE_STATE_READY, NULL);
  watch_unsettled (request->self, request->kind);
  g_debug ("%s ready", tn_resource_kind_get_collection (request->kind));
}

/* A first load comes in pages sorted by name (the lists' first order),
 * asked of the server so and sorted again in the thread that parsed each
 * page: the first page goes into the store at once, so the lists show
 * their first rows while the rest is in flight, and the next pages mostly
 * land below the rows shown (no rows to build again); they go in batches
 * as big as what the store holds, so 10,000 items are a handful of
 * items-changed, not forty. */
static void
flush_pending (KindState *state)
{
  if (state->pending == NULL || state->pending->len == 0)
    return;

  g_debug ("%u %s into the store", state->pending->len, tn_resource_kind_get_collection (state->kind));
  tn_resource_store_apply_page (state->store, state->pending);
  g_ptr_array_set_size (state->pending, 0);
}

static void
on_page_cb (GPtrArray *page,
            gpointer   user_data)
{
  Request *request = user_data;
  KindState *state = &request->self->kinds[request->kind];

  if (!request_is_current (request) || !tn_resource_store_get_paging (state->store))
    return;

  g_ptr_array_extend (state->pending, page, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  if (state->pending->len >= g_list_model_get_n_items (G_LIST_MODEL (state->store)))
    flush_pending (state);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  TnStoreSet *self = request->self;
  KindState *state = &self->kinds[request->kind];
  gboolean paged;

  items = tn_session_list_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !request_is_current (request))
    return;

  g_clear_object (&state->cancellable);

  /* What the pages brought is in the store either way. */
  paged = request->paged && tn_resource_store_get_paging (state->store);
  if (paged)
    {
      flush_pending (state);
      tn_resource_store_end_pages (state->store, items != NULL);
    }
  g_clear_pointer (&state->pending, g_ptr_array_unref);

  if (items == NULL)
    {
      g_debug ("Listing %s failed: %s", tn_resource_kind_get_collection (request->kind), error->message);
      tn_resource_store_set_refreshing (state->store, FALSE);
      tn_resource_store_set_state (state->store, TN_STORE_STATE_FAILED, error);
      return;
    }

  g_debug ("Listed %u %s", items->len, tn_resource_kind_get_collection (request->kind));

  if (paged)
    {
      tn_resource_store_set_refreshing (state->store, FALSE);
      tn_resource_store_set_state (state->store, TN_STORE_STATE_READY, NULL);
      watch_unsettled (self, request->kind);
      g_debug ("%s ready", tn_resource_kind_get_collection (request->kind));
      return;
    }

  tn_resource_store_apply_async (state->store, items, self->cancellable, on_applied_cb,
                                 g_steal_pointer (&request));
}

/**
 * tn_store_set_reload:
 * @kind: the kind to list again
 *
 * Lists @kind again and updates its store in place; a reload of it that
 * still runs is cancelled. Does nothing without a session.
 */
void
tn_store_set_reload (TnStoreSet     *self,
                     TnResourceKind  kind)
{
  KindState *state;
  Request *request;

  g_return_if_fail (TN_IS_STORE_SET (self));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);

  if (self->session == NULL)
    return;

  state = &self->kinds[kind];
  g_clear_handle_id (&state->reload_source, g_source_remove);
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  state->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           state->cancellable, G_CONNECT_SWAPPED);

  if (tn_resource_store_get_state (state->store) == TN_STORE_STATE_READY)
    tn_resource_store_set_refreshing (state->store, TRUE);
  else
    tn_resource_store_set_state (state->store, TN_STORE_STATE_LOADING, NULL);

  request = request_new (self, kind, NULL);

  /* A refresh compares the whole listing with the store (what is gone
   * goes only then); a first load shows its pages as they come. */
  g_clear_pointer (&state->pending, g_ptr_array_unref);
  if (g_list_model_get_n_items (G_LIST_MODEL (state->store)) == 0)
    {
      request->paged = TRUE;
      state->pending = g_ptr_array_new_with_free_func (g_object_unref);
      tn_resource_store_begin_pages (state->store);
      _tn_session_list_pages_async (self->session, kind, TRUE, on_page_cb, request, state->cancellable,
                                    on_listed_cb, request);
      return;
    }

  tn_session_list_async (self->session, kind, state->cancellable, on_listed_cb, request);
}

/**
 * tn_store_set_refresh:
 *
 * Reloads every kind (F5).
 */
void
tn_store_set_refresh (TnStoreSet *self)
{
  g_return_if_fail (TN_IS_STORE_SET (self));

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    tn_store_set_reload (self, kind);
}

/* Polling */

static gboolean
on_reload_poll_cb (gpointer user_data)
{
  KindState *state = user_data;

  state->reload_source = 0;
  tn_store_set_reload (state->owner, state->kind);

  return G_SOURCE_REMOVE;
}

static void
on_watched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(TnResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  TnStoreSet *self = request->self;
  TnResourceStore *store;
  const char *id;

  resource = tn_session_wait_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !request_is_current (request))
    return;

  g_hash_table_remove (self->watched, request->key);
  store = self->kinds[request->kind].store;
  id = strchr (request->key, '/') + 1;

  if (error != NULL)
    g_debug ("Polling %s failed: %s", request->key, error->message);
  else if (resource == NULL)
    tn_resource_store_remove (store, id);
  else
    tn_resource_store_upsert (store, resource);
}

static void
watch_item (TnStoreSet *self,
            TnResource *resource)
{
  TnResourceKind kind = tn_resource_get_kind (resource);
  Request *request;

  if (self->session == NULL || tn_resource_is_settled (resource))
    return;

  request = request_new (self, kind, tn_resource_get_id (resource));
  if (g_hash_table_contains (self->watched, request->key))
    {
      request_free (request);
      return;
    }

  g_hash_table_add (self->watched, g_strdup (request->key));
  tn_session_wait_async (self->session, kind, tn_resource_get_id (resource), self->cancellable,
                         on_watched_cb, request);
}

static void
watch_unsettled (TnStoreSet     *self,
                 TnResourceKind  kind)
{
  KindState *state = &self->kinds[kind];
  GListModel *model = G_LIST_MODEL (state->store);
  g_autoptr(GPtrArray) unsettled = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnResource) item = g_list_model_get_item (model, i);

      if (!tn_resource_is_settled (item))
        g_ptr_array_add (unsettled, g_steal_pointer (&item));
    }

  if (unsettled->len == 0)
    {
      state->reload_delay = _tn_session_get_poll_first (self->session);
      return;
    }

  if (unsettled->len <= WATCH_MAX)
    {
      for (guint i = 0; i < unsettled->len; i++)
        watch_item (self, g_ptr_array_index (unsettled, i));
      return;
    }

  /* Too many in flux: list them all again after a growing pause. */
  g_debug ("%u %s in flux; reloading in %u ms", unsettled->len,
           tn_resource_kind_get_collection (kind), state->reload_delay);
  g_clear_handle_id (&state->reload_source, g_source_remove);
  state->reload_source = g_timeout_add (state->reload_delay, on_reload_poll_cb, state);
  state->reload_delay = MIN (state->reload_delay * 2, _tn_session_get_poll_max (self->session));
}

/* The session */

static void
drop_session (TnStoreSet *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->watched);

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      KindState *state = &self->kinds[kind];

      g_clear_handle_id (&state->reload_source, g_source_remove);
      g_clear_object (&state->cancellable);
      g_clear_pointer (&state->pending, g_ptr_array_unref);
      tn_resource_store_clear (state->store);
    }

  g_clear_object (&self->session);
}

static void
on_session_changed_cb (TnStoreSet *self)
{
  TnSession *session = tn_session_manager_get_session (self->sessions);

  if (session == self->session)
    return;

  drop_session (self);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->cancellable = g_cancellable_new ();
      if (tn_session_get_page_size (session) == 0)
        tn_session_set_page_size (session, TN_STORE_SET_PAGE_SIZE);
      for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
        self->kinds[kind].reload_delay = _tn_session_get_poll_first (session);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (self->session != NULL)
    tn_store_set_refresh (self);
}

static void
tn_store_set_constructed (GObject *object)
{
  TnStoreSet *self = TN_STORE_SET (object);

  G_OBJECT_CLASS (tn_store_set_parent_class)->constructed (object);

  g_signal_connect_object (self->sessions, "notify::session", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_session_changed_cb (self);
}

static void
tn_store_set_dispose (GObject *object)
{
  TnStoreSet *self = TN_STORE_SET (object);

  if (self->watched != NULL)
    drop_session (self);

  G_OBJECT_CLASS (tn_store_set_parent_class)->dispose (object);
}

static void
tn_store_set_finalize (GObject *object)
{
  TnStoreSet *self = TN_STORE_SET (object);

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    g_clear_object (&self->kinds[kind].store);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_object (&self->sessions);

  G_OBJECT_CLASS (tn_store_set_parent_class)->finalize (object);
}

static void
tn_store_set_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TnStoreSet *self = TN_STORE_SET (object);

  switch (prop_id)
    {
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_store_set_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TnStoreSet *self = TN_STORE_SET (object);

  switch (prop_id)
    {
    case PROP_SESSIONS:
      self->sessions = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_store_set_class_init (TnStoreSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tn_store_set_constructed;
  object_class->dispose = tn_store_set_dispose;
  object_class->finalize = tn_store_set_finalize;
  object_class->get_property = tn_store_set_get_property;
  object_class->set_property = tn_store_set_set_property;

  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL, TN_TYPE_SESSION_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The session the stores hold the resources of, or %NULL. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TN_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_store_set_init (TnStoreSet *self)
{
  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      self->kinds[kind].owner = self;
      self->kinds[kind].kind = kind;
      self->kinds[kind].store = tn_resource_store_new (kind);
    }
}

/**
 * tn_store_set_new:
 * @sessions: the session manager whose active session the stores follow
 *
 * Returns: (transfer full): a new store set; it loads as soon as a session
 *   is ready
 */
TnStoreSet *
tn_store_set_new (TnSessionManager *sessions)
{
  g_return_val_if_fail (TN_IS_SESSION_MANAGER (sessions), NULL);

  return g_object_new (TN_TYPE_STORE_SET, "sessions", sessions, NULL);
}

TnSessionManager *
tn_store_set_get_sessions (TnStoreSet *self)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);

  return self->sessions;
}

/**
 * tn_store_set_get_session:
 *
 * Returns: (transfer none) (nullable): the session whose resources the
 *   stores hold
 */
TnSession *
tn_store_set_get_session (TnStoreSet *self)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);

  return self->session;
}

/**
 * tn_store_set_get_profile:
 *
 * Returns: (transfer none): the region profile of the session; without a
 *   session, the plain OpenStack one
 */
const TnRegionProfile *
tn_store_set_get_profile (TnStoreSet *self)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);

  return self->session ? tn_session_get_profile (self->session) : tn_region_profile_lookup (NULL);
}

/**
 * tn_store_set_get_store:
 *
 * Returns: (transfer none): the store of @kind
 */
TnResourceStore *
tn_store_set_get_store (TnStoreSet     *self,
                        TnResourceKind  kind)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);
  g_return_val_if_fail (kind < TN_N_RESOURCE_KINDS, NULL);

  return self->kinds[kind].store;
}

/**
 * tn_store_set_lookup:
 *
 * Returns: (transfer none) (nullable): the resource of @kind with @id
 */
TnResource *
tn_store_set_lookup (TnStoreSet     *self,
                     TnResourceKind  kind,
                     const char     *id)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);
  g_return_val_if_fail (kind < TN_N_RESOURCE_KINDS, NULL);

  return tn_resource_store_lookup (self->kinds[kind].store, id);
}

/**
 * tn_store_set_get_n_watched:
 *
 * Returns: how many items are polled one by one now
 */
guint
tn_store_set_get_n_watched (TnStoreSet *self)
{
  g_return_val_if_fail (TN_IS_STORE_SET (self), 0);

  return g_hash_table_size (self->watched);
}

static const char *
user_property (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return "ikepolicy-id";
    case TN_RESOURCE_IPSEC_POLICY:
      return "ipsecpolicy-id";
    case TN_RESOURCE_VPN_SERVICE:
      return "vpnservice-id";
    case TN_RESOURCE_CONNECTION:
    case TN_N_RESOURCE_KINDS:
    default:
      return NULL;
    }
}

/**
 * tn_store_set_find_users:
 * @resource: a policy or a VPN service
 *
 * Returns: (transfer container) (element-type TnConnection): the
 *   connections that use the policy, or hang off the service
 */
GPtrArray *
tn_store_set_find_users (TnStoreSet *self,
                         TnResource *resource)
{
  const char *property;

  g_return_val_if_fail (TN_IS_STORE_SET (self), NULL);
  g_return_val_if_fail (TN_IS_RESOURCE (resource), NULL);

  property = user_property (tn_resource_get_kind (resource));
  if (property == NULL)
    return g_ptr_array_new ();

  return tn_resource_store_find_by (self->kinds[TN_RESOURCE_CONNECTION].store, property,
                                    tn_resource_get_id (resource));
}

/**
 * tn_store_set_count_users:
 *
 * Returns: how many connections tn_store_set_find_users() would return
 */
guint
tn_store_set_count_users (TnStoreSet *self,
                          TnResource *resource)
{
  const char *property;

  g_return_val_if_fail (TN_IS_STORE_SET (self), 0);
  g_return_val_if_fail (TN_IS_RESOURCE (resource), 0);

  property = user_property (tn_resource_get_kind (resource));
  if (property == NULL)
    return 0;

  return tn_resource_store_count_by (self->kinds[TN_RESOURCE_CONNECTION].store, property,
                                     tn_resource_get_id (resource));
}

/* Writes */

static GTask *
write_task_new (TnStoreSet          *self,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->session == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "No session");
      g_clear_object (&task);
    }

  return task;
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(TnResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  TnStoreSet *self = g_task_get_source_object (task);
  TnResource *ours;

  if (g_task_get_source_tag (task) == tn_store_set_create_async)
    resource = tn_session_create_finish (TN_SESSION (object), result, &error);
  else
    resource = tn_session_update_finish (TN_SESSION (object), result, &error);

  if (resource == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->session != TN_SESSION (object))
    {
      g_task_return_pointer (task, g_steal_pointer (&resource), g_object_unref);
      return;
    }

  ours = tn_resource_store_upsert (self->kinds[tn_resource_get_kind (resource)].store, resource);
  watch_item (self, ours);
  g_task_return_pointer (task, g_object_ref (ours), g_object_unref);
}

/**
 * tn_store_set_create_async:
 * @resource: what to create
 *
 * Creates @resource; the answer joins its store at once and is polled
 * until it settles.
 */
void
tn_store_set_create_async (TnStoreSet          *self,
                           TnResource          *resource,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TN_IS_STORE_SET (self));
  g_return_if_fail (TN_IS_RESOURCE (resource));

  task = write_task_new (self, tn_store_set_create_async, cancellable, callback, user_data);
  if (task != NULL)
    tn_session_create_async (self->session, resource, TN_WRITE_FLAGS_NONE, cancellable, on_written_cb, task);
}

/**
 * tn_store_set_create_finish:
 *
 * Returns: (transfer full): the store's new resource, or %NULL with @error
 */
TnResource *
tn_store_set_create_finish (TnStoreSet    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tn_store_set_update_async:
 * @original: the store's resource
 * @changed: a copy of @original (tn_resource_dup()) with the user's changes
 *
 * Sends only the changed attributes (tn_session_update_async()); the
 * store's resource takes the answer and is polled until it settles.
 */
void
tn_store_set_update_async (TnStoreSet          *self,
                           TnResource          *original,
                           TnResource          *changed,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TN_IS_STORE_SET (self));
  g_return_if_fail (TN_IS_RESOURCE (original));
  g_return_if_fail (TN_IS_RESOURCE (changed));

  task = write_task_new (self, tn_store_set_update_async, cancellable, callback, user_data);
  if (task != NULL)
    tn_session_update_async (self->session, original, changed, TN_WRITE_FLAGS_NONE, cancellable,
                             on_written_cb, task);
}

/**
 * tn_store_set_update_finish:
 *
 * Returns: (transfer full): the store's updated resource, or %NULL with
 *   @error (the server's message kept, see tn_error_get_details())
 */
TnResource *
tn_store_set_update_finish (TnStoreSet    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_psk_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tn_secrets_delete_finish (result, &error))
    g_debug ("The pre-shared key of a deleted connection stays in the keyring: %s", error->message);
}

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  TnStoreSet *self = g_task_get_source_object (task);
  TnResource *resource = g_task_get_task_data (task);
  TnSession *session = TN_SESSION (object);

  if (!tn_session_delete_finish (session, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Its pre-shared key goes with it. */
  if (tn_resource_get_kind (resource) == TN_RESOURCE_CONNECTION)
    {
      TnAccount *account = tn_session_get_account (session);
      TnSecretKey key = {
        tn_account_get_id (account), TN_SECRET_PSK,
        tn_account_get_region (account), tn_resource_get_id (resource),
      };

      tn_secrets_delete_async (&key, NULL, on_psk_deleted_cb, NULL);
    }

  if (self->session == session)
    {
      /* Gone now, or after a while (type B): then poll it until it is. */
      if (tn_region_profile_writes_are_async (tn_session_get_profile (session)))
        {
          g_autoptr(TnResource) deleting = tn_resource_dup (resource);

          tn_resource_set_status (deleting, "PENDING_DELETE");
          watch_item (self, deleting);
        }
      else
        tn_resource_store_remove (self->kinds[tn_resource_get_kind (resource)].store,
                                  tn_resource_get_id (resource));
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * tn_store_set_delete_async:
 * @resource: the store's resource
 *
 * Deletes @resource: it leaves its store when the server says it is gone
 * (at once, or after polling in an asynchronous dialect). A connection's
 * pre-shared key is deleted from the keyring too.
 */
void
tn_store_set_delete_async (TnStoreSet          *self,
                           TnResource          *resource,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TN_IS_STORE_SET (self));
  g_return_if_fail (TN_IS_RESOURCE (resource));

  task = write_task_new (self, tn_store_set_delete_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  g_task_set_task_data (task, g_object_ref (resource), g_object_unref);
  tn_session_delete_async (self->session, tn_resource_get_kind (resource), tn_resource_get_id (resource),
                           TN_WRITE_FLAGS_NONE, cancellable, on_deleted_cb, task);
}

gboolean
tn_store_set_delete_finish (TnStoreSet    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
