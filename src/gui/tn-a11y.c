/* tn-a11y.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnA11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tn-a11y.h"

/* libadwaita 1.2 builds a few controls a screen reader announces by their
 * type ("GtkImage", "GtkListView"): the reveal button of
 * AdwPasswordEntryRow, the list AdwComboRow shows its current item in,
 * and the dismiss button of a toast. Each gets a name here: the button
 * its tooltip (or, for a toast's, "Dismiss"), the list its row's title.
 * Only those widgets' insides are touched; Tunnels' own controls are
 * named where they are built. */

static void
name_icon_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
          gtk_widget_get_tooltip_text (child) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_widget_get_tooltip_text (child),
                                        -1);
      name_icon_buttons (child);
    }
}

/* The toasts shown are the overlay's children after its content; the
 * dismiss button of each is its only button without a label. */
static void
name_toast_buttons (AdwToastOverlay *overlay)
{
  for (GtkWidget *toast = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       toast != NULL;
       toast = gtk_widget_get_next_sibling (toast))
    {
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget") != 0)
        continue;

      for (GtkWidget *child = gtk_widget_get_first_child (toast);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                          -1);
    }
}

static void
name_lists (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      name_lists (child, name);
    }
}

/**
 * tn_a11y_name_toolkit_controls:
 * @root: a widget
 *
 * Names the unnamed insides of the libadwaita widgets under @root.
 */
void
tn_a11y_name_toolkit_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_COMBO_ROW (child))
        name_lists (child, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
      else if (ADW_IS_PASSWORD_ENTRY_ROW (child))
        name_icon_buttons (child);
      else if (ADW_IS_TOAST_OVERLAY (child))
        name_toast_buttons (ADW_TOAST_OVERLAY (child));

      tn_a11y_name_toolkit_controls (child);
    }
}

/* A toast waiting behind this one is shown when this one goes (by the
 * overlay's own handler, which runs first). */
static void
on_toast_dismissed_cb (AdwToast        *toast,
                       AdwToastOverlay *overlay)
{
  name_toast_buttons (overlay);
}

/**
 * tn_a11y_add_toast:
 * @overlay: a toast overlay
 * @toast: (transfer full): a toast
 *
 * Adds @toast to @overlay, as adw_toast_overlay_add_toast() does, and
 * names its dismiss button when it is shown, now or after the toasts
 * before it.
 */
void
tn_a11y_add_toast (AdwToastOverlay *overlay,
                   AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (overlay, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), overlay, G_CONNECT_AFTER);
  g_object_unref (toast);
  name_toast_buttons (overlay);
}

static void
on_window_map_cb (GtkWidget *window)
{
  tn_a11y_name_toolkit_controls (window);
}

/* After the window's own handler agreed to close: see
 * tn_a11y_destroy_window(). */
static gboolean
on_close_request_cb (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return FALSE;
}

/* Windows GTK and libadwaita build whole (Keyboard Shortcuts, About)
 * leave icon buttons, search entries, text views and lists unnamed. A
 * name is found for each from what it shows: its tooltip, its icon, the
 * group it is in. Only for those windows: Tunnels' own controls are
 * named where they are built, and the accessibility test checks them. */

static const struct {
  const char *icon;
  const char *name;
} icon_names[] = {
  { "go-previous-symbolic", N_("Back") },
  { "go-next-symbolic", N_("Next") },
  { "window-close-symbolic", N_("Close") },
  { "edit-copy-symbolic", N_("Copy") },
  { "edit-find-symbolic", N_("Search") },
  { "system-search-symbolic", N_("Search") },
  { "open-menu-symbolic", N_("Menu") },
  { "pan-down-symbolic", N_("Menu") },
};

static const char *
name_of_icon (const char *icon)
{
  for (guint i = 0; icon != NULL && i < G_N_ELEMENTS (icon_names); i++)
    if (g_str_equal (icon, icon_names[i].icon))
      return _(icon_names[i].name);

  return NULL;
}

/* The text of the first label in @widget. */
static const char *
first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }

  return NULL;
}

static const char *
group_title (GtkWidget *widget)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  const char *title = group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;

  return title != NULL && *title != '\0' ? title : NULL;
}

/* Returns: (transfer full) (nullable): a name for @widget */
static char *
find_name (GtkWidget *widget)
{
  const char *name = NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    {
      name = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      if (name == NULL)
        name = gtk_widget_get_tooltip_text (widget);
      if (name == NULL)
        name = name_of_icon (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
      if (name == NULL)
        name = _("Menu");
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      name = gtk_widget_get_tooltip_text (widget);
      if (name == NULL)
        name = name_of_icon (gtk_button_get_icon_name (GTK_BUTTON (widget)));
      if (name == NULL)
        name = first_label_text (widget);
    }
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && *placeholder != '\0')
        return placeholder;
      g_free (placeholder);
      name = _("Search");
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    name = group_title (widget) ?: _("Text");
  else if (GTK_IS_LIST_BOX (widget))
    name = group_title (widget) ?: _("List");

  return name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

static void
name_everything (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *name = find_name (child);

      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      name_everything (child);
    }
}

/**
 * tn_a11y_track_toolkit_window:
 * @window: a window GTK or libadwaita builds (Keyboard Shortcuts, About)
 *
 * As tn_a11y_track_window(), and names the unnamed controls of @window
 * from what they show.
 */
void
tn_a11y_track_toolkit_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  tn_a11y_track_window (window);
  g_signal_connect (window, "map", G_CALLBACK (name_everything), NULL);
  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (name_everything), window);
}

/**
 * tn_a11y_track_window:
 * @window: a window of Tunnels
 *
 * Names the unnamed insides of libadwaita widgets each time @window is
 * shown and whenever its focus moves (rows and toasts come and go), and
 * takes the focus off its controls when it closes, as
 * tn_a11y_destroy_window() does.
 */
void
tn_a11y_track_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (on_window_map_cb), window);
  g_signal_connect_after (window, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/**
 * tn_a11y_destroy_window:
 * @window: a window of Tunnels
 *
 * Destroys @window after taking the focus off its controls, so the
 * accessibility bridge hears the focus leave while they still exist: GTK
 * 4.8 otherwise answers a screen reader's next question about the focused
 * entry of a destroyed window with a NULL object path, and crashes.
 */
void
tn_a11y_destroy_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_focus (window, NULL);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_destroy (window);
}
