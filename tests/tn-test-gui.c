/* tn-test-gui.c: helpers shared by the GUI tests
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tn-secrets.h"
#include "tn-test-gui.h"

/**
 * tn_test_gui_init:
 *
 * Sets up GLib's test harness, the locale and translations (from the
 * build directory, so that the Japanese runs use the freshly built
 * catalogue), and GTK with libadwaita.
 */
void
tn_test_gui_init (int    *argc,
                  char ***argv)
{
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("TN_TEST_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  /* What AdwApplication loads for the app: Tunnels' own stylesheet. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* Settle at once (no transitions), and look like a GNOME session. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);
}

/**
 * tn_test_wait_until:
 * @condition: checked after each main loop iteration
 * @timeout_ms: how long to wait at most
 *
 * Runs the default main context until @condition holds.
 *
 * Returns: %TRUE if the condition held before the timeout
 */
gboolean
tn_test_wait_until (TnTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  guint *remaining = user_data;

  if (*remaining > 0)
    (*remaining)--;

  return *remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  return *(guint *) data == 0;
}

/**
 * tn_test_wait_frames:
 *
 * Waits until @widget's frame clock has ticked @n_frames times, so that
 * layout and drawing have caught up.
 */
void
tn_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  guint remaining = n_frames;

  gtk_widget_add_tick_callback (widget, on_tick_cb, &remaining, NULL);
  gtk_widget_queue_draw (widget);
  g_assert_true (tn_test_wait_until (frames_done, &remaining, 5000));
}

/**
 * tn_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): the first visible toplevel of @type
 */
GtkWindow *
tn_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * tn_test_save_screenshot:
 * @name: file name without extension
 *
 * Renders @widget as it is on screen into `screenshots/@name.png` below
 * the test build directory.
 */
void
tn_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        g_ptr_array_add (labels, (gpointer) text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/**
 * tn_test_collect_labels:
 *
 * Returns: (transfer container) (element-type utf8): the texts of every
 *   label that is shown below @root
 */
GPtrArray *
tn_test_collect_labels (GtkWidget *root)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect_labels (root, labels);

  return labels;
}

static gboolean
window_is_gone (gpointer data)
{
  GtkWidget **window = data;

  return *window == NULL || !gtk_widget_get_visible (*window);
}

/**
 * tn_test_close_window:
 *
 * Closes @window as a user would and waits until it is hidden or
 * destroyed.
 */
void
tn_test_close_window (GtkWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (window);
  g_assert_true (tn_test_wait_until (window_is_gone, &weak, 5000));
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
}

/**
 * tn_test_store_result_cb:
 * @user_data: a `GAsyncResult **`
 *
 * A #GAsyncReadyCallback that keeps the result, for tn_test_wait_for_result().
 */
void
tn_test_store_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/**
 * tn_test_wait_for_result:
 *
 * Returns: %TRUE if @result was filled in before the timeout
 */
gboolean
tn_test_wait_for_result (GAsyncResult **result,
                         guint          timeout_ms)
{
  return tn_test_wait_until (has_result, result, timeout_ms);
}

/**
 * tn_test_respond:
 * @dialog: an #AdwMessageDialog
 * @response: the response id
 *
 * Responds as a click on the response's button does: the dialog emits
 * the response, then closes.
 */
void
tn_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/**
 * tn_test_open_window:
 * @app: (out): the application, registered, not unique
 *
 * Opens the main window, 1100×680, and waits until it is drawn.
 */
TnWindow *
tn_test_open_window (TnApplication **app)
{
  TnWindow *window;

  *app = tn_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
  window = tn_window_new (*app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 680);
  gtk_window_present (GTK_WINDOW (window));
  tn_test_wait_frames (GTK_WIDGET (window), 2);

  return window;
}

/**
 * tn_test_sign_in_sandbox:
 *
 * Adds an account named @region for the sandbox's demo user in @region,
 * signs it in (polling fast) and makes it the window's. The lists load
 * afterwards: wait for them.
 *
 * Returns: (transfer none): the account
 */
TnAccount *
tn_test_sign_in_sandbox (TnApplication *app,
                         TnSandbox     *sandbox,
                         const char    *region)
{
  g_autoptr(TnAccount) account = tn_account_new (tn_sandbox_get_identity_url (sandbox), region);
  TnAccountManager *accounts = tn_session_manager_get_accounts (tn_application_get_sessions (app));
  g_autoptr(TnSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TnAccount *added;

  tn_account_set_name (account, region);
  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);
  added = tn_account_manager_add (accounts, account);

  session = tn_session_new (added, TN_SANDBOX_PASSWORD, &error);
  g_assert_no_error (error);
  tn_session_set_poll_interval (session, 20, 100);
  tn_session_sign_in_async (session, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  g_assert_true (tn_session_sign_in_finish (session, result, &error));

  tn_session_manager_use_session (tn_application_get_sessions (app), session);
  return added;
}

/**
 * tn_test_store_psk:
 *
 * Stores @psk in the keyring as @connection's pre-shared key for
 * @account_id, as the assistant does.
 */
void
tn_test_store_psk (const char *account_id,
                   TnResource *connection,
                   const char *psk)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TnSecretKey key = {
    .account_id = account_id,
    .kind = TN_SECRET_PSK,
    .region = tn_resource_get_region (connection),
    .resource_id = tn_resource_get_id (connection),
  };

  tn_secrets_store_async (&key, "Tunnels test key", psk, NULL, tn_test_store_result_cb, &result);
  g_assert_true (tn_test_wait_for_result (&result, 10000));
  g_assert_true (tn_secrets_store_finish (result, &error));
  g_assert_no_error (error);
}
