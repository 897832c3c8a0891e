/* tn-sandbox-store.c: the sandbox's regions, collections and state file
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxStore"

#include "config.h"

#include "tn-sandbox-private.h"

#define STATE_VERSION 1
#define SAVE_DELAY_MS 100

/* The regions the sandbox simulates and the external addresses of each
 * (100.64.0.0/10 is shared address space: never anybody's real address). */
static const struct {
  const char *name;
  const char *ext_prefix;
} sandbox_regions[] = {
  { "RegionOne", "100.64.1." },
  { "jp-east-1", "100.64.2." },
  { "jp-east-2", "100.64.3." },
  { "jp-east-3", "100.64.4." },
};

/* Writes run in a thread; the newest snapshot wins, whichever thread
 * finishes last. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  guint64         generation;  /* of the last snapshot taken */
  guint64         written;     /* of the last snapshot on disk */
} TnSandboxWriter;

typedef struct
{
  TnSandboxWriter *writer;
  char            *path;
  char            *contents;
  gsize            length;
  guint64          generation;
} TnSandboxSnapshot;

static TnSandboxWriter *shared_writer_for (TnSandbox *self);

/* Regions */

/* Service type → the first path segment of its endpoints. */
const char *
_tn_sandbox_endpoint_for_type (const char *service_type)
{
  return g_str_equal (service_type, "nfv") ? "nfv" : "network";
}

/**
 * _tn_sandbox_region_service_types:
 *
 * Returns: the catalog service types of the region: the region table's
 *   preferred network type, and the VPN one if that differs
 */
const char * const *
_tn_sandbox_region_service_types (TnSandboxRegion *region)
{
  return (const char * const *) region->service_types;
}

TnSandboxRegion *
_tn_sandbox_region_new (const char *name,
                        const char *ext_prefix,
                        guint       ext_first,
                        guint       ext_last)
{
  TnSandboxRegion *region = g_new0 (TnSandboxRegion, 1);
  const TnRegionProfile *profile = tn_region_profile_lookup (name);
  const char *network_type = tn_region_profile_get_service_types (profile)[0];
  const char *vpn_type = tn_region_profile_get_vpn_service_types (profile)[0];
  g_autofree char *path = tn_region_profile_get_vpn_path (profile, TN_RESOURCE_IKE_POLICY);
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  guint n = g_strv_length (segments);

  region->name = g_strdup (name);
  region->dialect = tn_region_profile_get_dialect (profile);
  region->vpn_endpoint = g_strdup (_tn_sandbox_endpoint_for_type (vpn_type));
  g_free (segments[n - 1]);
  segments[n - 1] = NULL;
  region->vpn_prefix = g_steal_pointer (&segments);
  region->service_types = g_new0 (char *, 3);
  region->service_types[0] = g_strdup (network_type);
  if (!g_str_equal (network_type, vpn_type))
    region->service_types[1] = g_strdup (vpn_type);
  region->ext_prefix = g_strdup (ext_prefix);
  region->ext_first = ext_first;
  region->ext_last = ext_last;
  region->zones = g_new0 (char *, 3);
  region->zones[0] = g_strconcat (name, "a", NULL);
  region->zones[1] = g_strconcat (name, "b", NULL);
  region->zone_default_json = g_strdup_printf ("\"%s\"", region->zones[0]);
  region->collections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_tree_unref);
  return region;
}

void
_tn_sandbox_region_free (TnSandboxRegion *region)
{
  g_free (region->name);
  g_free (region->ext_prefix);
  g_strfreev (region->zones);
  g_strfreev (region->vpn_prefix);
  g_strfreev (region->service_types);
  g_free (region->vpn_endpoint);
  g_free (region->zone_default_json);
  g_hash_table_unref (region->collections);
  g_free (region);
}

void
_tn_sandbox_add_regions (TnSandbox *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sandbox_regions); i++)
    g_ptr_array_add (self->regions,
                     _tn_sandbox_region_new (sandbox_regions[i].name,
                                             sandbox_regions[i].ext_prefix, 2, 254));
}

TnSandboxRegion *
_tn_sandbox_find_region (TnSandbox  *self,
                         const char *name)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);

      if (g_str_equal (region->name, name))
        return region;
    }
  return NULL;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return strcmp (a, b);
}

GTree *
_tn_sandbox_region_get (TnSandboxRegion *region,
                        const char      *collection)
{
  GTree *tree = g_hash_table_lookup (region->collections, collection);

  if (tree == NULL)
    {
      tree = g_tree_new_full (compare_ids, NULL, g_free, (GDestroyNotify) json_object_unref);
      g_hash_table_insert (region->collections, g_strdup (collection), tree);
    }
  return tree;
}

JsonObject *
_tn_sandbox_region_lookup (TnSandboxRegion *region,
                           const char      *collection,
                           const char      *id)
{
  GTree *tree = g_hash_table_lookup (region->collections, collection);

  if (tree == NULL || id == NULL)
    return NULL;
  return g_tree_lookup (tree, id);
}

/* Takes a reference to @object, which has an "id". */
void
_tn_sandbox_region_insert (TnSandboxRegion *region,
                           const char      *collection,
                           JsonObject      *object)
{
  const char *id = json_object_get_string_member (object, "id");

  g_tree_replace (_tn_sandbox_region_get (region, collection), g_strdup (id),
                  json_object_ref (object));
}

void
_tn_sandbox_region_remove (TnSandboxRegion *region,
                           const char      *collection,
                           const char      *id)
{
  GTree *tree = g_hash_table_lookup (region->collections, collection);

  if (tree != NULL)
    g_tree_remove (tree, id);
}

void
_tn_sandbox_region_clear (TnSandboxRegion *region)
{
  g_hash_table_remove_all (region->collections);
}

/* Serialising */

static gboolean
add_to_array_cb (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  json_array_add_object_element (user_data, json_object_ref (value));
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static JsonNode *
build_state (TnSandbox *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *regions = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (root, "version", STATE_VERSION);
  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);
      JsonObject *collections = json_object_new ();
      g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (region->collections, NULL);

      g_qsort_with_data (names, g_strv_length ((char **) names), sizeof (char *), compare_names, NULL);
      for (guint j = 0; names[j] != NULL; j++)
        {
          JsonArray *array = json_array_new ();

          g_tree_foreach (g_hash_table_lookup (region->collections, names[j]), add_to_array_cb, array);
          json_object_set_array_member (collections, names[j], array);
        }
      json_object_set_object_member (regions, region->name, collections);
    }
  json_object_set_object_member (root, "regions", regions);
  json_node_set_object (node, root);
  return node;
}

static TnSandboxSnapshot *
take_snapshot (TnSandbox *self)
{
  TnSandboxSnapshot *snapshot = g_new0 (TnSandboxSnapshot, 1);
  g_autoptr(JsonNode) root = build_state (self);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  snapshot->contents = json_generator_to_data (generator, &snapshot->length);
  snapshot->path = g_strdup (self->state_file);
  snapshot->writer = shared_writer_for (self);
  g_atomic_ref_count_inc (&snapshot->writer->ref_count);

  g_mutex_lock (&snapshot->writer->lock);
  snapshot->generation = ++snapshot->writer->generation;
  g_mutex_unlock (&snapshot->writer->lock);

  return snapshot;
}

static void
writer_unref (TnSandboxWriter *writer)
{
  if (g_atomic_ref_count_dec (&writer->ref_count))
    {
      g_mutex_clear (&writer->lock);
      g_free (writer);
    }
}

static void
snapshot_free (TnSandboxSnapshot *snapshot)
{
  writer_unref (snapshot->writer);
  g_free (snapshot->path);
  g_free (snapshot->contents);
  g_free (snapshot);
}

/* Temporary file, fsync, rename: a crash leaves the old or the new file,
 * never half of one. Mode 0600: the state holds pre-shared keys. */
static gboolean
write_snapshot (TnSandboxSnapshot  *snapshot,
                GError            **error)
{
  TnSandboxWriter *writer = snapshot->writer;
  gboolean ok = TRUE;

  g_mutex_lock (&writer->lock);
  if (snapshot->generation > writer->written)
    {
      ok = g_file_set_contents_full (snapshot->path, snapshot->contents, snapshot->length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, error);
      if (ok)
        writer->written = snapshot->generation;
    }
  g_mutex_unlock (&writer->lock);

  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void schedule_save (TnSandbox *self);

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TnSandbox *self = TN_SANDBOX (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not save the sandbox state: %s", error->message);

  self->saving = FALSE;
  if (self->save_again)
    {
      self->save_again = FALSE;
      schedule_save (self);
    }
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  TnSandbox *self = TN_SANDBOX (user_data);
  g_autoptr(GTask) task = NULL;

  self->save_source = 0;
  if (self->saving)
    {
      self->save_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->saving = TRUE;
  task = g_task_new (self, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, on_save_timeout_cb);
  g_task_set_task_data (task, take_snapshot (self), (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, write_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (TnSandbox *self)
{
  if (self->state_file != NULL && self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

/**
 * _tn_sandbox_changed:
 *
 * Notes that the state changed: the state file is written soon, in a
 * thread, so that a burst of changes costs one write.
 */
void
_tn_sandbox_changed (TnSandbox *self)
{
  schedule_save (self);
}

/**
 * tn_sandbox_save:
 * @self: a #TnSandbox
 * @error: return location for a #GError
 *
 * Writes the state file now, atomically, blocking until it is on disk.
 * Meant for shutdown and tests; changes are otherwise saved on their own.
 * Does nothing for an in-memory sandbox.
 *
 * Returns: %TRUE on success
 */
gboolean
tn_sandbox_save (TnSandbox  *self,
                 GError    **error)
{
  TnSandboxSnapshot *snapshot;
  gboolean ok;

  g_return_val_if_fail (TN_IS_SANDBOX (self), FALSE);

  if (self->state_file == NULL)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  snapshot = take_snapshot (self);
  ok = write_snapshot (snapshot, error);
  snapshot_free (snapshot);

  return ok;
}

/* Loading */

static void
load_region (TnSandbox       *self,
             TnSandboxRegion *region,
             JsonObject      *collections)
{
  g_autoptr(GList) names = json_object_get_members (collections);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (collections, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          const char *status;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          if (json_object_get_string_member_with_default (object, "id", NULL) == NULL)
            continue;
          _tn_sandbox_region_insert (region, l->data, object);

          status = json_object_get_string_member_with_default (object, "status", "");
          if (g_str_has_prefix (status, "PENDING_") || g_str_equal (status, "BUILD")
              || g_str_equal (status, "DELETING"))
            _tn_sandbox_schedule_settle (self, region, l->data,
                                         json_object_get_string_member (object, "id"));
        }
    }
}

/**
 * _tn_sandbox_load:
 *
 * Reads the state file, if there is one; regions it does not describe get
 * the base topology (an external network with its subnet).
 */
gboolean
_tn_sandbox_load (TnSandbox  *self,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root = NULL, *regions = NULL;
  gboolean ok = TRUE;

  if (self->state_file != NULL
      && g_file_test (self->state_file, G_FILE_TEST_EXISTS))
    {
      if (!json_parser_load_from_mapped_file (parser, self->state_file, &local_error))
        ok = FALSE;
      else if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
               || json_object_get_int_member_with_default (root = json_node_get_object (json_parser_get_root (parser)),
                                                           "version", 0) != STATE_VERSION)
        {
          g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s is not a sandbox state of version %d", self->state_file, STATE_VERSION);
          ok = FALSE;
        }
      else if (json_object_has_member (root, "regions")
               && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "regions")))
        regions = json_object_get_object_member (root, "regions");
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);

      if (regions != NULL && json_object_has_member (regions, region->name)
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (regions, region->name)))
        load_region (self, region, json_object_get_object_member (regions, region->name));
      else
        _tn_sandbox_seed_base (self, region);
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

/* The writer outlives the sandbox while a thread still writes. */
static TnSandboxWriter *
shared_writer_for (TnSandbox *self)
{
  TnSandboxWriter *writer = g_object_get_data (G_OBJECT (self), "tn-sandbox-writer");

  if (writer == NULL)
    {
      writer = g_new0 (TnSandboxWriter, 1);
      g_atomic_ref_count_init (&writer->ref_count);
      g_mutex_init (&writer->lock);
      g_object_set_data_full (G_OBJECT (self), "tn-sandbox-writer", writer,
                              (GDestroyNotify) writer_unref);
    }
  return writer;
}
