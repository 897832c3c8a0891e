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
