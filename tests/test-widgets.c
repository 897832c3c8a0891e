/* test-widgets.c: small widgets shared by lists and detail pages
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-status-badge.h"
#include "tn-test-gui.h"

static const char *
badge_text (TnStatusBadge *badge)
{
  g_autoptr(GPtrArray) labels = tn_test_collect_labels (GTK_WIDGET (badge));

  return labels->len ? g_ptr_array_index (labels, 0) : NULL;
}

static void
test_status_badge (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *statuses[] = { "ACTIVE", "DOWN", "PENDING_CREATE", "ERROR", "MIGRATING" };
  const char *classes[] = { "success", "dim-label", "accent", "error", "accent" };
  gboolean japanese = g_strcmp0 (g_getenv ("TN_TEST_LANGUAGE"), "ja") == 0;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_window_set_child (GTK_WINDOW (window), box);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *badge = tn_status_badge_new ();

      tn_status_badge_set_status (TN_STATUS_BADGE (badge), statuses[i]);
      gtk_box_append (GTK_BOX (box), badge);
      g_assert_true (gtk_widget_has_css_class (badge, classes[i]));
      for (guint j = 0; j < G_N_ELEMENTS (classes); j++)
        if (!g_str_equal (classes[j], classes[i]))
          g_assert_false (gtk_widget_has_css_class (badge, classes[j]));
    }

  gtk_window_present (GTK_WINDOW (window));
  tn_test_wait_frames (window, 3);

  {
    TnStatusBadge *first = TN_STATUS_BADGE (gtk_widget_get_first_child (box));
    TnStatusBadge *third = TN_STATUS_BADGE (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (first))));
    TnStatusBadge *last = TN_STATUS_BADGE (gtk_widget_get_last_child (box));

    g_assert_cmpstr (badge_text (first), ==, japanese ? "アクティブ" : "Active");
    g_assert_cmpstr (badge_text (third), ==, japanese ? "作成待ち" : "Pending Create");
    /* Unknown statuses are shown as the server wrote them. */
    g_assert_cmpstr (badge_text (last), ==, "MIGRATING");

    /* A status change recolours the badge. */
    tn_status_badge_set_status (third, "ACTIVE");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (third), "success"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (third), "accent"));

    /* No status, no badge text. */
    tn_status_badge_set_status (first, NULL);
    g_assert_null (badge_text (first));
    tn_status_badge_set_status (first, "ACTIVE");
  }

  tn_test_wait_frames (window, 2);
  tn_test_save_screenshot (window, japanese ? "status-badges-ja" : "status-badges");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  tn_test_gui_init (&argc, &argv);

  g_test_add_func ("/widgets/status-badge", test_status_badge);

  return g_test_run ();
}
