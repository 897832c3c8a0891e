/* tn-resource-list-columns.c: the columns of a resource list, from the region table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceList"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-field-info.h"
#include "tn-resource-list-private.h"
#include "tn-status.h"
#include "tn-status-badge.h"

/*
 * One column per field the kind lists (tn-field-info.c) and the region has
 * (the region table), so AZ shows in type A, status and the policy's
 * initiator in type B, the connection's initiator elsewhere. Cells bind to
 * the item's property on bind and unbind on unbind: nothing is copied by
 * hand, nothing is asked of the server per row, and only the rows on
 * screen exist.
 */

#define ITEM_KEY    "tn-resource-list-item"
#define DATA_KEY    "tn-resource-list-column"

typedef struct
{
  const TnFieldInfo *info;
  TnResourceList    *list;   /* unowned: the list owns the columns */
  char              *notify_signal;
} ColumnData;

static void
column_data_free (ColumnData *data)
{
  g_free (data->notify_signal);
  g_free (data);
}

static char *
format_value (ColumnData   *data,
              const GValue *value)
{
  if (data->info->related != TN_N_RESOURCE_KINDS && G_VALUE_HOLDS_STRING (value))
    {
      TnStoreSet *stores = tn_resource_list_get_stores (data->list);
      const char *id = g_value_get_string (value);
      TnResource *related = stores ? tn_store_set_lookup (stores, data->info->related, id) : NULL;

      if (related != NULL && tn_resource_get_name (related) && *tn_resource_get_name (related))
        return g_strdup (tn_resource_get_name (related));
      return g_strdup (id ? id : "");
    }

  return tn_field_format_gvalue (data->info, value);
}

static char *
sort_key (TnResource *item,
          ColumnData *data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (item == NULL)
    return NULL;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), data->info->property);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (item), data->info->property, &value);

  return format_value (data, &value);
}

/* Room for a typical value, in characters; names and descriptions take
 * what is left. */
static int
column_width (const TnFieldInfo *info)
{
  if (g_str_equal (info->field, "name"))
    return 18;
  if (g_str_equal (info->field, "description") || g_str_equal (info->field, "peer_cidrs"))
    return 16;
  if (g_str_equal (info->field, "availability_zone"))
    return 11;
  if (g_str_equal (info->field, "pfs") || g_str_equal (info->field, "admin_state_up") ||
      g_str_equal (info->field, "ike_version"))
    return 7;
  return 12;
}

/* The name column sorts first and on every load: compared straight from
 * the items, without a GValue or a closure per comparison (GTK 4.8's
 * column view sorter compares pairs, it has no keys). */
/* Roughly the width of a character of the list's font, in pixels. */
#define COLUMN_CHAR_WIDTH 8

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return tn_resource_compare_names ((TnResource *) a, (TnResource *) b);
}

static gboolean
is_status (ColumnData *data)
{
  return g_str_equal (data->info->field, "status");
}

/*
 * Cells are one GtkInscription each (GTK 4.8's text widget for lists: its
 * size does not depend on its text, so a new text is a redraw, not a
 * resize), given their text on bind and when the item's property changes,
 * without a GBinding per cell.
 */
static void
update_cell (GtkInscription *cell,
             TnResource     *item,
             ColumnData     *data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), data->info->property);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (item), data->info->property, &value);

  if (is_status (data))
    {
      const char *status = g_value_get_string (&value);
      gboolean has_status = status != NULL && *status != '\0';

      /* A pill: the status-badge look, one class per tone. */
      tn_status_badge_set_tone (GTK_WIDGET (cell), status);
      gtk_widget_set_visible (GTK_WIDGET (cell), has_status);
      gtk_inscription_set_text (cell, tn_status_get_display_name (status));
      return;
    }

  text = format_value (data, &value);
  gtk_inscription_set_text (cell, text);
}

static void
on_item_notify_cb (TnResource     *item,
                   GParamSpec     *pspec,
                   GtkInscription *cell)
{
  update_cell (cell, item, g_object_get_data (G_OBJECT (cell), DATA_KEY));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnData               *data)
{
  GtkWidget *child = gtk_inscription_new (NULL);
  GtkInscription *cell = GTK_INSCRIPTION (child);

  gtk_inscription_set_text_overflow (cell, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_lines (cell, 1);
  if (is_status (data))
    {
      gtk_widget_add_css_class (child, "status-badge");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_inscription_set_xalign (cell, 0.5);
      gtk_inscription_set_min_chars (cell, 8);
      gtk_inscription_set_nat_chars (cell, 10);
    }
  else
    {
      gtk_inscription_set_xalign (cell, 0);
      gtk_inscription_set_min_chars (cell, 3);
      gtk_inscription_set_nat_chars (cell, column_width (data->info));
      if (!g_str_equal (data->info->field, "name"))
        gtk_widget_add_css_class (child, "dim-label");
    }
  g_object_set_data (G_OBJECT (child), DATA_KEY, data);

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnData               *data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  TnResource *item = gtk_list_item_get_item (list_item);

  update_cell (GTK_INSCRIPTION (child), item, data);
  g_signal_connect (item, data->notify_signal, G_CALLBACK (on_item_notify_cb), child);
  g_object_set_data (G_OBJECT (child), ITEM_KEY, item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ColumnData               *data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  TnResource *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_notify_cb, child);
  g_object_set_data (G_OBJECT (child), ITEM_KEY, NULL);
}

static guint
find_description (const TnFieldInfo *fields,
                  guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].field, "description"))
      return i;

  return n_fields;
}

static void
remove_columns (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (column_view, column);
    }
}

/**
 * _tn_resource_list_build_columns:
 *
 * Replaces the columns of @column_view by those of @kind in @profile's
 * region, sorted by name.
 */
void
_tn_resource_list_build_columns (TnResourceList        *self,
                                 GtkColumnView         *column_view,
                                 TnStoreSet            *stores,
                                 TnResourceKind         kind,
                                 const TnRegionProfile *profile)
{
  const TnFieldInfo *fields;
  GtkColumnViewColumn *name_column = NULL;
  guint n_fields = 0;

  remove_columns (column_view);

  /* The portal's order, the description last. */
  fields = tn_field_info_list (kind, &n_fields);
  for (guint j = 0; j <= n_fields; j++)
    {
      guint i = j < n_fields ? j : find_description (fields, n_fields);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkExpression *expression;
      ColumnData *data;

      if (i >= n_fields || !fields[i].in_list || !tn_field_info_is_shown (&fields[i], profile) ||
          (j < n_fields && g_str_equal (fields[i].field, "description")))
        continue;

      data = g_new0 (ColumnData, 1);
      data->info = &fields[i];
      data->list = self;
      data->notify_signal = g_strconcat ("notify::", fields[i].property, NULL);

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);

      column = gtk_column_view_column_new (tn_field_info_get_column_title (&fields[i]), g_object_ref (factory));
      g_object_set_data_full (G_OBJECT (column), "tn-field", data, (GDestroyNotify) column_data_free);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Inscriptions do not ask for their text's width: each column gets
       * one from its expected content; the last one takes what is left. */
      gtk_column_view_column_set_fixed_width (column, COLUMN_CHAR_WIDTH * column_width (&fields[i]) + 24);
      if (g_str_equal (fields[i].field, "description"))
        gtk_column_view_column_set_expand (column, TRUE);

      if (g_str_equal (fields[i].field, "name"))
        gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare_names, NULL, NULL)));
      else
        {
          expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (sort_key), data, NULL);
          gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_string_sorter_new (expression)));
        }

      gtk_column_view_append_column (column_view, column);
      if (g_str_equal (fields[i].field, "name"))
        name_column = column;
    }

  if (name_column != NULL)
    gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
}

/**
 * _tn_resource_list_matches:
 * @needle: casefolded text
 *
 * Returns: whether a shown field of @resource (or its id) contains @needle
 */
gboolean
_tn_resource_list_matches (TnResource *resource,
                           const char *needle)
{
  const TnFieldInfo *fields;
  guint n_fields = 0;

  if (tn_resource_get_id (resource) != NULL && g_str_has_prefix (tn_resource_get_id (resource), needle))
    return TRUE;

  fields = tn_field_info_list (tn_resource_get_kind (resource), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      if (!fields[i].in_list || fields[i].related != TN_N_RESOURCE_KINDS)
        continue;

      text = tn_field_format_value (&fields[i], resource);
      if (text == NULL || *text == '\0')
        continue;

      folded = g_utf8_casefold (text, -1);
      if (strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}
