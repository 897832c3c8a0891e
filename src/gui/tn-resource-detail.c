/* tn-resource-detail.c: the detail page of a resource
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceDetail"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-connection.h"
#include "tn-field-info.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-resource-actions.h"
#include "tn-resource-detail-private.h"
#include "tn-status-badge.h"

/*
 * The seed's detail fields for the region (the region table decides which
 * exist), grouped; the resources it refers to as links; what uses it
 * (policies) or hangs off it (services); for a connection that is not
 * Active, what to compare with the peer. The page follows the resource:
 * a change of it, or of the connections, rebuilds it at the next idle.
 * A rebuild builds the new rows aside and keeps the rows shown when they
 * would show the same (a digest of everything they show): a refresh
 * that changes nothing of the page leaves the widgets, and so the place
 * of a screen reader and the button under the pointer, alone.
 */

struct _TnResourceDetail
{
  GtkWidget           parent_instance;

  TnStoreSet         *stores;
  TnResource         *resource;
  guint               rebuild_source;
  GCancellable       *cancellable;   /* the keyring lookup of the page shown */
  GHashTable         *rows;          /* name → row (unowned) */
  char               *psk;           /* revealed or copied from here */
  const char         *psk_source;

  AdwPreferencesPage *page;
  GList              *groups;        /* AdwPreferencesGroup, in the page */
  char               *digest;        /* of what the page shows */

  /* While rebuilding */
  GChecksum          *building;      /* of what the new rows show */
  GList              *new_groups;    /* AdwPreferencesGroup (owned) */
  GHashTable         *new_rows;
};

G_DEFINE_FINAL_TYPE (TnResourceDetail, tn_resource_detail, GTK_TYPE_WIDGET)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (TnResourceDetail *self);

static void
clear_page (TnResourceDetail *self)
{
  for (GList *l = self->groups; l != NULL; l = l->next)
    adw_preferences_page_remove (self->page, l->data);
  g_clear_pointer (&self->groups, g_list_free);
  g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->digest, g_free);
}

/**
 * _tn_resource_detail_note:
 * @part: (nullable): something the row being built shows
 *
 * Adds @part to the digest of the page being built.
 */
void
_tn_resource_detail_note (TnResourceDetail *self,
                          const char       *part)
{
  g_return_if_fail (self->building != NULL);

  if (part != NULL)
    g_checksum_update (self->building, (const guchar *) part, -1);
  g_checksum_update (self->building, (const guchar *) (part ? "\x1f" : "\x1e"), 1);
}

AdwPreferencesGroup *
_tn_resource_detail_add_group (TnResourceDetail *self,
                               const char       *title,
                               const char       *description)
{
  AdwPreferencesGroup *group = g_object_ref_sink (ADW_PREFERENCES_GROUP (adw_preferences_group_new ()));

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  self->new_groups = g_list_append (self->new_groups, group);
  _tn_resource_detail_note (self, "group");
  _tn_resource_detail_note (self, title);
  _tn_resource_detail_note (self, description);

  return group;
}

GtkWidget *
_tn_resource_detail_add_row (TnResourceDetail    *self,
                             AdwPreferencesGroup *group,
                             const char          *name,
                             const char          *title,
                             const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (group, row);
  if (name != NULL)
    g_hash_table_replace (self->new_rows, g_strdup (name), row);
  _tn_resource_detail_note (self, "row");
  _tn_resource_detail_note (self, name);
  _tn_resource_detail_note (self, title);
  _tn_resource_detail_note (self, value);

  return row;
}

static void
on_link_activated_cb (AdwActionRow     *row,
                      TnResourceDetail *self)
{
  TnResource *target = g_object_get_data (G_OBJECT (row), "tn-target");

  if (target != NULL)
    g_signal_emit (self, signals[OPEN], 0, target);
}

/* A row that opens another resource. */
GtkWidget *
_tn_resource_detail_add_link (TnResourceDetail    *self,
                              AdwPreferencesGroup *group,
                              const char          *name,
                              const char          *title,
                              TnResource          *target,
                              const char          *fallback)
{
  GtkWidget *row;
  const char *label = target ? tn_resource_get_name (target) : fallback;

  row = _tn_resource_detail_add_row (self, group, name, title, label);
  _tn_resource_detail_note (self, target ? tn_resource_get_id (target) : NULL);
  if (target == NULL)
    return row;

  gtk_widget_remove_css_class (row, "property");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "tn-target", g_object_ref (target), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_link_activated_cb), self, 0);

  return row;
}

static void
on_edit_clicked_cb (TnResourceDetail *self)
{
  tn_resource_actions_edit (GTK_WIDGET (self), self->stores, self->resource);
}

static void
on_delete_clicked_cb (TnResourceDetail *self)
{
  tn_resource_actions_delete (GTK_WIDGET (self), self->stores, self->resource);
}

static void
on_export_clicked_cb (TnResourceDetail *self)
{
  tn_resource_actions_export (GTK_WIDGET (self), self->stores, TN_CONNECTION (self->resource));
}

static void
on_new_connection_clicked_cb (TnResourceDetail *self)
{
  tn_resource_actions_new_connection (GTK_WIDGET (self), self->stores, TN_VPN_SERVICE (self->resource));
}

static GtkWidget *
build_actions (TnResourceDetail *self)
{
  g_auto(TnPermissions) permissions = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete…"));

  tn_resource_actions_get_permissions (self->stores, self->resource, &permissions);
  _tn_resource_detail_note (self, permissions.show_edit ? "show-edit" : "hide-edit");
  _tn_resource_detail_note (self, permissions.can_edit ? "can-edit" : "cannot-edit");
  _tn_resource_detail_note (self, permissions.edit_reason);
  _tn_resource_detail_note (self, permissions.can_delete ? "can-delete" : "cannot-delete");
  _tn_resource_detail_note (self, permissions.delete_reason);

  gtk_widget_set_name (edit, "edit");
  gtk_widget_set_visible (edit, permissions.show_edit);
  gtk_widget_set_sensitive (edit, permissions.can_edit);
  gtk_widget_set_tooltip_text (edit, permissions.edit_reason);
  g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_name (delete, "delete");
  gtk_widget_set_sensitive (delete, permissions.can_delete);
  gtk_widget_set_tooltip_text (delete, permissions.delete_reason);
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (TN_IS_CONNECTION (self->resource))
    {
      /* The router at the other end needs a configuration too. */
      GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport…"));

      gtk_widget_set_name (export, "export");
      gtk_widget_set_tooltip_text (export, _("Export Peer Configuration"));
      g_signal_connect_object (export, "clicked", G_CALLBACK (on_export_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), export);
      g_hash_table_replace (self->new_rows, g_strdup ("export"), export);
    }
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), delete);
  g_hash_table_replace (self->new_rows, g_strdup ("edit"), edit);
  g_hash_table_replace (self->new_rows, g_strdup ("delete"), delete);

  return box;
}

static void
add_field (TnResourceDetail    *self,
           AdwPreferencesGroup *group,
           const TnFieldInfo   *info)
{
  g_autofree char *value = NULL;
  GtkWidget *row;

  if (info->related != TN_N_RESOURCE_KINDS)
    {
      g_autofree char *id = NULL;

      g_object_get (self->resource, info->property, &id, NULL);
      _tn_resource_detail_add_link (self, group, info->field, tn_field_info_get_title (info),
                                    tn_store_set_lookup (self->stores, info->related, id), id);
      return;
    }

  if (g_str_equal (info->field, "psk"))
    {
      _tn_resource_detail_add_psk (self, group, info);
      return;
    }

  if (g_str_equal (info->field, "status"))
    {
      GtkWidget *badge = tn_status_badge_new ();

      tn_status_badge_set_status (TN_STATUS_BADGE (badge), tn_resource_get_status (self->resource));
      row = _tn_resource_detail_add_row (self, group, info->field, tn_field_info_get_title (info), NULL);
      _tn_resource_detail_note (self, tn_resource_get_status (self->resource));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      return;
    }

  value = tn_field_format_value (info, self->resource);
  _tn_resource_detail_add_row (self, group, info->field, tn_field_info_get_title (info), value);
}

static void
add_users (TnResourceDetail *self)
{
  g_autoptr(GPtrArray) users = tn_store_set_find_users (self->stores, self->resource);
  TnResourceKind kind = tn_resource_get_kind (self->resource);
  AdwPreferencesGroup *group;

  if (kind == TN_RESOURCE_CONNECTION)
    return;

  if (kind == TN_RESOURCE_VPN_SERVICE)
    {
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

      group = _tn_resource_detail_add_group (self, _("IPsec VPN Connections"),
                                             users->len ? NULL : _("No connection uses this VPN service."));
      gtk_widget_set_name (add, "new-connection");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, _("New IPsec VPN Connection"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("New IPsec VPN Connection"),
                                      -1);
      g_signal_connect_object (add, "clicked", G_CALLBACK (on_new_connection_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (group, add);
      g_hash_table_replace (self->new_rows, g_strdup ("new-connection"), add);
    }
  else
    group = _tn_resource_detail_add_group (self, _("Used By"),
                                           users->len ? NULL : _("No connection uses this policy."));

  for (guint i = 0; i < users->len; i++)
    {
      TnResource *user = g_ptr_array_index (users, i);
      g_autofree char *name = g_strdup_printf ("user-%u", i);
      GtkWidget *row = _tn_resource_detail_add_link (self, group, name, tn_resource_get_name (user), user, NULL);
      GtkWidget *badge = tn_status_badge_new ();

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tn_connection_get_peer_address (TN_CONNECTION (user)));
      tn_status_badge_set_status (TN_STATUS_BADGE (badge), tn_resource_get_status (user));
      _tn_resource_detail_note (self, tn_connection_get_peer_address (TN_CONNECTION (user)));
      _tn_resource_detail_note (self, tn_resource_get_status (user));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
    }
}

/* The name of the row or button that has the keyboard focus, if any. */
static char *
dup_focused_name (TnResourceDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer name, widget;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &name, &widget))
    if (focus == widget || gtk_widget_is_ancestor (focus, widget))
      return g_strdup (name);

  return NULL;
}

static void
build_page (TnResourceDetail *self)
{
  const TnRegionProfile *profile = tn_store_set_get_profile (self->stores);
  AdwPreferencesGroup *groups[TN_N_FIELD_GROUPS] = { NULL };
  const TnFieldInfo *infos;
  guint n_infos = 0;

  infos = tn_field_info_list (tn_resource_get_kind (self->resource), &n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      if (!tn_field_info_is_shown (&infos[i], profile))
        continue;

      if (groups[infos[i].group] == NULL)
        {
          groups[infos[i].group] = _tn_resource_detail_add_group (self, tn_field_group_get_title (infos[i].group), NULL);
          if (infos[i].group == TN_FIELD_GROUP_GENERAL)
            adw_preferences_group_set_header_suffix (groups[infos[i].group], build_actions (self));
        }

      add_field (self, groups[infos[i].group], &infos[i]);
    }

  add_users (self);

  if (tn_resource_get_kind (self->resource) == TN_RESOURCE_CONNECTION &&
      g_strcmp0 (tn_resource_get_status (self->resource), "ACTIVE") != 0)
    _tn_resource_detail_add_checklist (self);
}

static void
rebuild (TnResourceDetail *self)
{
  g_autofree char *focused = dup_focused_name (self);
  g_autofree char *digest = NULL;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  self->building = g_checksum_new (G_CHECKSUM_SHA256);
  self->new_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (self->resource != NULL)
    build_page (self);
  digest = g_strdup (g_checksum_get_string (self->building));
  g_clear_pointer (&self->building, g_checksum_free);

  if (g_strcmp0 (digest, self->digest) != 0)
    {
      clear_page (self);
      for (GList *l = self->new_groups; l != NULL; l = l->next)
        adw_preferences_page_add (self->page, l->data);
      self->groups = g_list_copy (self->new_groups);
      g_hash_table_unref (self->rows);
      self->rows = g_steal_pointer (&self->new_rows);
      self->digest = g_steal_pointer (&digest);

      /* A refresh must not take the keyboard focus away from the user. */
      if (focused != NULL && g_hash_table_lookup (self->rows, focused) != NULL)
        gtk_widget_grab_focus (g_hash_table_lookup (self->rows, focused));
    }

  g_list_free_full (g_steal_pointer (&self->new_groups), g_object_unref);
  g_clear_pointer (&self->new_rows, g_hash_table_unref);
}

static gboolean
on_rebuild_cb (gpointer user_data)
{
  TnResourceDetail *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (TnResourceDetail *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (on_rebuild_cb, self);
}

static void
tn_resource_detail_dispose (GObject *object)
{
  TnResourceDetail *self = TN_RESOURCE_DETAIL (object);

  tn_resource_detail_set_resource (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->stores != NULL)
    g_signal_handlers_disconnect_by_data (tn_store_set_get_store (self->stores, TN_RESOURCE_CONNECTION), self);
  g_clear_object (&self->stores);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_RESOURCE_DETAIL);

  G_OBJECT_CLASS (tn_resource_detail_parent_class)->dispose (object);
}

static void
tn_resource_detail_finalize (GObject *object)
{
  TnResourceDetail *self = TN_RESOURCE_DETAIL (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_list_free (self->groups);
  g_free (self->digest);

  G_OBJECT_CLASS (tn_resource_detail_parent_class)->finalize (object);
}

static void
tn_resource_detail_class_init (TnResourceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_resource_detail_dispose;
  object_class->finalize = tn_resource_detail_finalize;

  /**
   * TnResourceDetail::open:
   * @resource: the resource a link points to
   */
  signals[OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TN_TYPE_RESOURCE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-resource-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TnResourceDetail, page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tn_resource_detail_init (TnResourceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
tn_resource_detail_new (TnStoreSet *stores)
{
  TnResourceDetail *self = g_object_new (TN_TYPE_RESOURCE_DETAIL, NULL);

  self->stores = g_object_ref (stores);
  g_signal_connect_object (tn_store_set_get_store (stores, TN_RESOURCE_CONNECTION), "items-changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * tn_resource_detail_get_resource:
 *
 * Returns: (transfer none) (nullable): the resource shown
 */
TnResource *
tn_resource_detail_get_resource (TnResourceDetail *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_DETAIL (self), NULL);

  return self->resource;
}

/**
 * tn_resource_detail_set_resource:
 * @resource: (nullable): the store's resource to show
 */
void
tn_resource_detail_set_resource (TnResourceDetail *self,
                                 TnResource       *resource)
{
  g_return_if_fail (TN_IS_RESOURCE_DETAIL (self));

  if (self->resource != NULL)
    g_signal_handlers_disconnect_by_func (self->resource, queue_rebuild, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _tn_resource_detail_forget_psk (self);

  g_set_object (&self->resource, resource);

  if (resource != NULL)
    {
      self->cancellable = g_cancellable_new ();
      g_signal_connect_object (resource, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      _tn_resource_detail_lookup_psk (self);
    }

  rebuild (self);
}

/**
 * tn_resource_detail_get_row:
 * @name: a field (`dpd.timeout`), `edit`, `delete`, `user-N` or
 *   `check-N`
 *
 * Returns: (transfer none) (nullable): the row or button of @name
 */
GtkWidget *
tn_resource_detail_get_row (TnResourceDetail *self,
                            const char       *name)
{
  g_return_val_if_fail (TN_IS_RESOURCE_DETAIL (self), NULL);

  return g_hash_table_lookup (self->rows, name);
}

/* For the files of the page */

TnStoreSet *
_tn_resource_detail_get_stores (TnResourceDetail *self)
{
  return self->stores;
}

GCancellable *
_tn_resource_detail_get_cancellable (TnResourceDetail *self)
{
  return self->cancellable;
}

char **
_tn_resource_detail_psk_slot (TnResourceDetail *self)
{
  return &self->psk;
}

void
_tn_resource_detail_set_psk_source (TnResourceDetail *self,
                                    const char       *source)
{
  self->psk_source = source;
}

/**
 * tn_resource_detail_get_psk_source:
 *
 * Returns: (nullable): where the page has the pre-shared key from:
 *   "keyring", "cloud", or %NULL when from nowhere (yet)
 */
const char *
tn_resource_detail_get_psk_source (TnResourceDetail *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_DETAIL (self), NULL);

  return self->psk_source;
}

void
_tn_resource_detail_queue_rebuild (TnResourceDetail *self)
{
  queue_rebuild (self);
}
