/* test-window.c: the main window, its sections, menus and folding
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-window.h"
#include "tn-test-gui.h"

static TnApplication *app;
static TnAccount *account;

static const struct {
  const char *name;
  const char *title;
} sections[] = {
  { "vpn-services", N_("VPN Services") },
  { "connections", N_("IPsec VPN Connections") },
  { "ike-policies", N_("IKE Policies") },
  { "ipsec-policies", N_("IPsec Policies") },
};

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The window shows the sections once there is an account; it does not
 * need to be signed in for that. */
static void
ensure_account (void)
{
  TnAccountManager *accounts = tn_session_manager_get_accounts (tn_application_get_sessions (app));
  gboolean japanese = g_strcmp0 (g_getenv ("TN_TEST_LANGUAGE"), "ja") == 0;

  if (account != NULL)
    return;

  account = tn_account_new ("https://identity.jp-east-1.cloud.global.fujitsu.com", "jp-east-1");
  tn_account_set_name (account, japanese ? "本番環境" : "Production");
  tn_account_set_provider (account, TN_PROVIDER_FJCLOUD);
  tn_account_manager_add (accounts, account);
}

static TnWindow *
open_window (int width,
             int height)
{
  TnWindow *window = tn_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tn_test_wait_until (widget_is_mapped, window, 5000));
  tn_test_wait_frames (GTK_WIDGET (window), 3);

  return window;
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
shown_section (TnWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  return adw_view_stack_get_visible_child_name (stack);
}

static const char *
shown_title (TnWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));

  return adw_window_title_get_title (title);
}

/* What a label shows of a text with a mnemonic underscore. */
static const char *
without_mnemonic (const char *text)
{
  static char buffer[256];
  char *out = buffer;

  for (const char *p = text; *p && out < buffer + sizeof buffer - 1; p++)
    if (*p != '_')
      *out++ = *p;
  *out = '\0';

  return buffer;
}

static void
test_window_welcome (void)
{
  TnWindow *window;
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_null (account);
  window = open_window (1000, 680);
  labels = tn_test_collect_labels (GTK_WIDGET (window));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, _("Welcome to Tunnels"), g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, without_mnemonic (_("_Add Account…")), g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, without_mnemonic (_("_Try the Sandbox")), g_str_equal, NULL));
  tn_test_save_screenshot (GTK_WIDGET (window), g_getenv ("TN_TEST_LANGUAGE") && g_str_equal (g_getenv ("TN_TEST_LANGUAGE"), "ja")
                                                ? "welcome-ja" : "welcome");

  /* With an account, the sections replace the welcome. */
  ensure_account ();
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = tn_test_collect_labels (GTK_WIDGET (window));
  g_assert_false (g_ptr_array_find_with_equal_func (labels, _("Welcome to Tunnels"), g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, tn_account_get_name (account), g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_opens (void)
{
  TnWindow *window = open_window (1000, 680);
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 900);
  g_assert_false (tn_window_get_folded (window));

  /* An empty state explains the section. */
  tn_window_set_section (window, "connections");
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  labels = tn_test_collect_labels (GTK_WIDGET (window));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, _("No IPsec VPN Connections"), g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_sections (void)
{
  TnWindow *window = open_window (1000, 680);

  /* Backwards, so that each step really changes the section. */
  for (int i = G_N_ELEMENTS (sections) - 1; i >= 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i].name));
      tn_test_wait_frames (GTK_WIDGET (window), 1);

      g_assert_cmpstr (tn_window_get_section (window), ==, sections[i].name);
      g_assert_cmpstr (shown_section (window), ==, sections[i].name);
      g_assert_cmpstr (shown_title (window), ==, _(sections[i].title));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK 4.8's accessibility root crashes the app when a screen reader asks
 * for a window that has just closed while a hidden window is kept. */
static void
assert_no_hidden_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (window))
        g_error ("a hidden %s is kept", G_OBJECT_TYPE_NAME (window));
    }
}

static void
test_window_shortcuts (void)
{
  TnWindow *window = open_window (1000, 680);
  GtkWindow *shortcuts;

  g_assert_null (tn_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = tn_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (tn_test_wait_until (widget_is_mapped, shortcuts, 5000));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  tn_test_close_window (shortcuts);
  g_assert_null (tn_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  /* Closed means gone, not hidden (see show_shortcuts_action()). */
  assert_no_hidden_toplevels ();

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_about (void)
{
  TnWindow *window = open_window (1000, 680);
  GtkWindow *about;

  g_assert_null (tn_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = tn_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (tn_test_wait_until (widget_is_mapped, about, 5000));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Tunnels");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);

  tn_test_close_window (about);
  g_assert_null (tn_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }

  return NULL;
}

static void
assert_app_accel (const char *action,
                  const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_window_keyboard (void)
{
  TnWindow *window = open_window (1000, 680);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
      GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), accel);
      GtkShortcutAction *action;
      GVariant *arg;

      g_assert_nonnull (shortcut);
      action = gtk_shortcut_get_action (shortcut);
      g_assert_true (GTK_IS_NAMED_ACTION (action));
      g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, "win.section");
      arg = gtk_shortcut_get_arguments (shortcut);
      g_assert_cmpstr (g_variant_get_string (arg, NULL), ==, sections[i].name);

      /* Activating the shortcut's action shows the section. */
      g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window), arg));
      g_assert_cmpstr (shown_section (window), ==, sections[i].name);
    }

  assert_app_accel ("app.quit", "<Control>q");
  assert_app_accel ("window.close", "<Control>w");
  assert_app_accel ("win.show-help-overlay", "<Control>question");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_is_folded (gpointer data)
{
  return tn_window_get_folded (TN_WINDOW (data));
}

static gboolean
window_is_unfolded (gpointer data)
{
  return !tn_window_get_folded (TN_WINDOW (data));
}

static void
test_window_folds (void)
{
  TnWindow *window = open_window (1000, 680);

  g_assert_false (tn_window_get_folded (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 500, 680);
  g_assert_true (tn_test_wait_until (window_is_folded, window, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 520);

  /* Folded, choosing a section shows it alone, with a way back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "ike-policies"));
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (shown_section (window), ==, "ike-policies");
  tn_test_save_screenshot (GTK_WIDGET (window), g_getenv ("TN_TEST_SCREENSHOT_FOLDED") ?: "main-window-folded");

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  g_assert_true (tn_test_wait_until (window_is_unfolded, window, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 900);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  TnWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 900, 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = tn_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tn_test_wait_until (widget_is_mapped, window, 5000));

  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  tn_test_wait_frames (GTK_WIDGET (window), 2);
  tn_window_set_section (window, "ike-policies");
  gtk_window_close (GTK_WINDOW (window));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window opens as the last one closed. */
  window = tn_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_cmpstr (tn_window_get_section (window), ==, "ike-policies");
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = tn_window_new (app);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)) ||
                 g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "last-section");
}

static gboolean
has_non_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;

  return FALSE;
}

static void
test_window_screenshot (void)
{
  TnWindow *window = open_window (1000, 680);
  g_autoptr(GPtrArray) labels = NULL;
  const char *language = g_getenv ("TN_TEST_LANGUAGE") ?: "en";

  tn_window_set_section (window, "connections");
  tn_test_wait_frames (GTK_WIDGET (window), 3);

  labels = tn_test_collect_labels (GTK_WIDGET (window));
  g_assert_cmpuint (labels->len, >=, 6);

  if (g_str_equal (language, "ja"))
    {
      /* Every text on screen is Japanese: the catalogue was found and is
       * complete for this window. */
      for (guint i = 0; i < labels->len; i++)
        {
          const char *text = g_ptr_array_index (labels, i);

          if (!has_non_ascii (text))
            g_error ("English text in the Japanese window: “%s”", text);
        }
      g_assert_cmpstr (shown_title (window), ==, "IPsec VPN接続");
    }
  else
    {
      g_assert_cmpstr (shown_title (window), ==, "IPsec VPN Connections");
    }

  tn_test_save_screenshot (GTK_WIDGET (window), g_getenv ("TN_TEST_SCREENSHOT") ?: "main-window");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tn_test_gui_init (&argc, &argv);

  app = tn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Startup ran: app actions and accelerators exist. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/sections", test_window_sections);
  g_test_add_func ("/window/keyboard", test_window_keyboard);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/folds", test_window_folds);
  g_test_add_func ("/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/window/screenshot", test_window_screenshot);

  ret = g_test_run ();

  g_clear_object (&account);
  g_clear_object (&app);

  return ret;
}
