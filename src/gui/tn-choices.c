/* tn-choices.c: combo rows whose values come from the region table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnChoices"

#include "config.h"

#include "tn-choices.h"
#include "tn-field-info.h"

/**
 * tn_choice_row_setup:
 * @field: the field in the region table, e.g. `dpd.action`
 * @value: (nullable): the current value; %NULL selects the region's default
 * @creating: whether the form creates a resource (create-only fields are
 *   then choosable)
 *
 * Fills @row with the values the region allows, shows it only where the
 * region has the field, and makes it sensitive only where it can be
 * chosen: a fixed value is shown but cannot be changed.
 */
void
tn_choice_row_setup (AdwComboRow           *row,
                     const TnRegionProfile *profile,
                     TnResourceKind         kind,
                     const char            *field,
                     const char            *value,
                     gboolean               creating)
{
  const char * const *allowed = tn_region_profile_get_allowed (profile, kind, field);
  TnFieldAccess access = tn_region_profile_get_access (profile, kind, field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  if (value == NULL)
    value = tn_region_profile_get_default (profile, kind, field);

  for (guint i = 0; allowed != NULL && allowed[i] != NULL; i++)
    {
      gtk_string_list_append (labels, tn_field_format_choice (field, allowed[i]));
      if (g_strcmp0 (allowed[i], value) == 0)
        selected = i;
    }

  g_object_set_data (G_OBJECT (row), "tn-choice-values", (gpointer) allowed);
  g_object_set_data_full (G_OBJECT (row), "tn-choice-field", g_strdup (field), g_free);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);

  gtk_widget_set_visible (GTK_WIDGET (row), access != TN_FIELD_ABSENT);
  gtk_widget_set_sensitive (GTK_WIDGET (row),
                            access == TN_FIELD_EDITABLE || (creating && access == TN_FIELD_CREATE_ONLY));
}

/**
 * tn_choice_row_get_value:
 *
 * Returns: (nullable): the chosen value, as the API writes it
 */
const char *
tn_choice_row_get_value (AdwComboRow *row)
{
  const char * const *allowed = g_object_get_data (G_OBJECT (row), "tn-choice-values");
  guint selected = adw_combo_row_get_selected (row);

  if (allowed == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) allowed))
    return NULL;

  return allowed[selected];
}

/**
 * tn_choice_row_get_label:
 *
 * Returns: the chosen value as the user reads it
 */
const char *
tn_choice_row_get_label (AdwComboRow *row)
{
  return tn_field_format_choice (g_object_get_data (G_OBJECT (row), "tn-choice-field"),
                                     tn_choice_row_get_value (row));
}
