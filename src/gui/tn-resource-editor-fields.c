/* tn-resource-editor-fields.c: one row per field, read and checked
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-resource-editor-private.h"
#include "tn-validate.h"

/*
 * The kind of row follows from the field: a value set of the region table
 * gives a combo row, a boolean a switch, the pre-shared key a password row,
 * everything else an entry row; a field the user may not set here is an
 * action row that shows its value. Checks are those of tn-validate.c, with
 * the region's ranges.
 */

void
_tn_editor_field_free (TnEditorField *field)
{
  g_clear_pointer (&field->ids, g_ptr_array_unref);
  g_free (field);
}

static GParamSpec *
find_pspec (TnResource        *resource,
            const TnFieldInfo *info)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (resource), info->property);
}

/* The value as the text a form shows: numbers in digits, lists joined. */
static char *
value_to_text (TnResource        *resource,
               const TnFieldInfo *info)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = find_pspec (resource, info);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (resource), info->property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value) ? g_strdup_printf ("%d", g_value_get_int (&value)) : g_strdup ("");
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (G_VALUE_HOLDS (&value, G_TYPE_STRV) && g_value_get_boxed (&value) != NULL)
    return g_strjoinv (", ", g_value_get_boxed (&value));

  return g_strdup ("");
}

static char *
display_value (TnResource        *resource,
               const TnFieldInfo *info,
               TnStoreSet        *stores)
{
  if (info->related != TN_N_RESOURCE_KINDS)
    {
      g_autofree char *id = value_to_text (resource, info);
      TnResource *related = tn_store_set_lookup (stores, info->related, id);

      return g_strdup (related ? tn_resource_get_name (related) : id);
    }

  return tn_field_format_value (info, resource);
}

static gboolean
is_picker (const TnFieldInfo *info)
{
  return info->kind == TN_RESOURCE_VPN_SERVICE &&
         (g_str_equal (info->field, "router_id") || g_str_equal (info->field, "subnet_id"));
}

/**
 * _tn_editor_field_build:
 * @resource: the values to start from
 * @editable: whether the user may set the field here
 *
 * Returns: (transfer floating): the field's row
 */
GtkWidget *
_tn_editor_field_build (TnEditorField         *field,
                        const TnRegionProfile *profile,
                        TnStoreSet            *stores,
                        TnResource            *resource,
                        gboolean               editable)
{
  const TnFieldInfo *info = field->info;
  GParamSpec *pspec = find_pspec (resource, info);
  const char *title = tn_field_info_get_title (info);
  g_autofree char *text = value_to_text (resource, info);
  GtkWidget *row;

  field->editable = editable;

  if (!editable)
    {
      g_autofree char *shown = display_value (resource, info, stores);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown && *shown ? shown : "—");
      gtk_widget_add_css_class (row, "property");
    }
  else if (is_picker (info))
    {
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (NULL)));
    }
  else if (pspec->value_type == G_TYPE_STRING &&
           (field->allowed = tn_region_profile_get_allowed (profile, info->kind, info->field)) != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      guint selected = 0;

      for (guint i = 0; field->allowed[i] != NULL; i++)
        {
          gtk_string_list_append (labels, tn_field_format_choice (info->field, field->allowed[i]));
          if (g_str_equal (field->allowed[i], text))
            selected = i;
        }

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      field->control = gtk_switch_new ();
      gtk_widget_set_valign (field->control, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (field->control), g_str_equal (text, "true"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->control);
    }
  else if (g_str_equal (info->field, "psk"))
    {
      /* Empty: the key stays as it is. */
      row = adw_password_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New Pre-Shared Key (Empty: Unchanged)"));
    }
  else
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      if (pspec->value_type == G_TYPE_INT)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
    }

  gtk_widget_set_name (row, info->field);
  field->row = row;

  return row;
}

/**
 * _tn_editor_field_set_text:
 * @text: a value in the region table's text form (a default)
 */
void
_tn_editor_field_set_text (TnEditorField *field,
                           const char    *text)
{
  if (!field->editable || text == NULL)
    return;

  if (field->allowed != NULL)
    {
      for (guint i = 0; field->allowed[i] != NULL; i++)
        if (g_str_equal (field->allowed[i], text))
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
    }
  else if (field->control != NULL)
    gtk_switch_set_active (GTK_SWITCH (field->control), g_str_equal (text, "true"));
  else if (GTK_IS_EDITABLE (field->row) && !ADW_IS_PASSWORD_ENTRY_ROW (field->row))
    gtk_editable_set_text (GTK_EDITABLE (field->row), text);
}

/**
 * _tn_editor_field_set_ids:
 * @ids: (element-type utf8): what a picker chooses from; %NULL stands for none
 * @labels: (element-type utf8): what it shows for each
 */
void
_tn_editor_field_set_ids (TnEditorField *field,
                          GPtrArray     *ids,
                          GPtrArray     *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  g_clear_pointer (&field->ids, g_ptr_array_unref);
  field->ids = g_ptr_array_ref (ids);
  adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), 0);
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/**
 * _tn_editor_field_read:
 * @target: the resource that takes the value
 *
 * Checks the row's value and gives it to @target.
 *
 * Returns: %FALSE with a translated @error when the value is not good
 */
gboolean
_tn_editor_field_read (TnEditorField          *field,
                       const TnRegionProfile  *profile,
                       TnResource             *target,
                       GError                **error)
{
  const TnFieldInfo *info = field->info;
  GParamSpec *pspec = find_pspec (target, info);
  const char *text;

  if (!field->editable)
    return TRUE;

  if (field->ids != NULL || is_picker (info))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
      const char *id = field->ids && selected < field->ids->len ? g_ptr_array_index (field->ids, selected) : NULL;

      if (id == NULL && g_str_equal (info->field, "router_id"))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a router."));
          return FALSE;
        }
      g_object_set (target, info->property, id, NULL);
      return TRUE;
    }

  if (field->allowed != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      g_object_set (target, info->property, field->allowed[MIN (selected, g_strv_length ((char **) field->allowed) - 1)], NULL);
      return TRUE;
    }

  if (field->control != NULL)
    {
      g_object_set (target, info->property, gtk_switch_get_active (GTK_SWITCH (field->control)), NULL);
      return TRUE;
    }

  text = gtk_editable_get_text (GTK_EDITABLE (field->row));

  if (g_str_equal (info->field, "psk"))
    {
      if (*text == '\0')
        return TRUE;
      if (!tn_validate_psk (text, error))
        return FALSE;
      g_object_set (target, info->property, text, NULL);
      return TRUE;
    }

  if (pspec->value_type == G_TYPE_INT)
    {
      gint64 number = 0;

      if (!tn_validate_number (profile, info->kind, info->field, text, &number, error))
        return FALSE;
      g_object_set (target, info->property, (int) CLAMP (number, 0, G_MAXINT), NULL);
      return TRUE;
    }

  if (pspec->value_type == G_TYPE_STRV)
    {
      g_auto(GStrv) cidrs = split_list (text);

      if (!tn_validate_peer_cidrs (profile, (const char * const *) cidrs, error))
        return FALSE;
      g_object_set (target, info->property, cidrs, NULL);
      return TRUE;
    }

  if (g_str_equal (info->field, "peer_address"))
    {
      if (!tn_validate_peer_address (profile, text, error))
        return FALSE;
    }
  else if (!tn_validate_text (text, g_str_equal (info->field, "availability_zone"), error))
    return FALSE;

  g_object_set (target, info->property, text, NULL);
  return TRUE;
}

/**
 * _tn_editor_field_mark:
 * @message: (nullable): what is wrong with the value, or %NULL when
 *   nothing is
 */
void
_tn_editor_field_mark (TnEditorField *field,
                       const char    *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");

  gtk_widget_set_tooltip_text (field->row, message);
}
