/* tn-application.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnApplication"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-application.h"
#include "tn-sandbox.h"
#include "tn-window.h"

struct _TnApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  TnAccountManager *accounts;
  TnSessionManager *sessions;
  TnSandbox        *sandbox;
  gboolean          want_sandbox;
  gboolean          activated_early;
};

G_DEFINE_FINAL_TYPE (TnApplication, tn_application, ADW_TYPE_APPLICATION)

static void
tn_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  TnApplication *self = user_data;
  GList *windows;

  /* Close windows properly, so each one saves its state. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
tn_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  TnApplication *self = user_data;
  static const char *developers[] = { "Tunnels developers", NULL };
  GtkWindow *window;
  GtkWidget *about;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Tunnels",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Tunnels developers",
                        "developers", developers,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "copyright", "© 2026 Tunnels developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Manage the IPsec VPN connections of your OpenStack clouds"),
                        NULL);
  gtk_widget_set_name (about, "about");
  tn_a11y_track_toolkit_window (GTK_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
}

static void
tn_application_add_account_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  TnApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TN_IS_WINDOW (window))
    tn_window_show_account_dialog (TN_WINDOW (window), NULL);
}

/* The sandbox cloud runs in-process, on this main loop, with its state in
 * the user data dir; the demo project is seeded on first use. Its port
 * changes from run to run, so the Sandbox account follows it. */
static TnAccount *
ensure_sandbox (TnApplication  *self,
                GError        **error)
{
  TnAccount *account;

  if (self->sandbox == NULL)
    {
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tunnels", NULL);
      g_autofree char *state = g_build_filename (dir, "sandbox.json", NULL);
      gboolean fresh = !g_file_test (state, G_FILE_TEST_EXISTS);
      g_autoptr(TnSandbox) sandbox = NULL;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not create the folder of the sandbox cloud: %s"), g_strerror (errno));
          return NULL;
        }

      sandbox = tn_sandbox_new (state);
      if (fresh && !tn_sandbox_seed (sandbox, "demo", error))
        return NULL;
      if (!tn_sandbox_listen (sandbox, 0, error))
        return NULL;

      g_debug ("The sandbox cloud listens at %s", tn_sandbox_get_identity_url (sandbox));
      self->sandbox = g_steal_pointer (&sandbox);
    }

  account = tn_account_manager_find_provider (self->accounts, TN_PROVIDER_SANDBOX);
  if (account == NULL)
    {
      g_autoptr(TnAccount) created = tn_account_new (tn_sandbox_get_identity_url (self->sandbox), "jp-east-1");

      tn_account_set_name (created, _("Sandbox"));
      tn_account_set_provider (created, TN_PROVIDER_SANDBOX);
      tn_account_set_user_name (created, TN_SANDBOX_USER);
      tn_account_set_user_domain (created, TN_SANDBOX_USER_DOMAIN);
      tn_account_set_project_name (created, TN_SANDBOX_PROJECT);
      tn_account_set_project_domain (created, TN_SANDBOX_PROJECT_DOMAIN);
      account = tn_account_manager_add (self->accounts, created);
    }
  else if (g_strcmp0 (tn_account_get_identity_url (account), tn_sandbox_get_identity_url (self->sandbox)) != 0)
    {
      tn_session_manager_forget (self->sessions, account);
      tn_account_set_identity_url (account, tn_sandbox_get_identity_url (self->sandbox));
    }

  return account;
}

static void
report_error (TnApplication *self,
              const GError  *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_warning ("%s", error->message);
  if (TN_IS_WINDOW (window))
    tn_window_add_toast (TN_WINDOW (window), adw_toast_new (error->message));
}

/**
 * tn_application_activate_account:
 * @account: (nullable): one of the accounts
 *
 * Makes @account the active one and signs it in: with the secret in the
 * keyring, or, for the Sandbox account, on the sandbox cloud (started if
 * it does not run yet).
 */
void
tn_application_activate_account (TnApplication *self,
                                 TnAccount     *account)
{
  g_return_if_fail (TN_IS_APPLICATION (self));

  if (account != NULL && g_strcmp0 (tn_account_get_provider (account), TN_PROVIDER_SANDBOX) == 0)
    {
      g_autoptr(GError) error = NULL;

      if (ensure_sandbox (self, &error) == NULL)
        {
          report_error (self, error);
          return;
        }
      tn_session_manager_activate (self->sessions, account, TN_SANDBOX_PASSWORD);
      return;
    }

  tn_session_manager_activate (self->sessions, account, NULL);
}

static void
tn_application_try_sandbox_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  TnApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  TnAccount *account;

  account = ensure_sandbox (self, &error);
  if (account == NULL)
    report_error (self, error);
  else
    tn_application_activate_account (self, account);
}

/* A notification's default action: the connection it is about. */
static void
tn_application_show_connection_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  TnApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  TnResource *connection;

  if (!TN_IS_WINDOW (window))
    return;

  connection = tn_store_set_lookup (tn_window_get_stores (TN_WINDOW (window)), TN_RESOURCE_CONNECTION,
                                    g_variant_get_string (parameter, NULL));
  if (connection != NULL)
    tn_window_show_resource (TN_WINDOW (window), connection);
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "show-connection", tn_application_show_connection_action, "s" },
  { "quit", tn_application_quit_action },
  { "about", tn_application_about_action },
  { "add-account", tn_application_add_account_action },
  { "try-sandbox", tn_application_try_sandbox_action },
};

static void
tn_application_startup (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  TnAccount *active;

  self->accounts = tn_account_manager_new (self->settings);
  self->sessions = tn_session_manager_new (self->accounts);

  /* The account that was active when Tunnels last quit signs in at once,
   * before GTK starts: its password comes from the keyring in a thread
   * while the parent class initialises GTK and activate() builds the
   * window, and the sign-in and the first pages follow as soon as the
   * main loop runs. (The Sandbox account waits for activate(): its cloud
   * starts in-process, and a failure is told in the window.) */
  active = tn_account_manager_get_active (self->accounts);
  if (!self->want_sandbox && active != NULL &&
      g_strcmp0 (tn_account_get_provider (active), TN_PROVIDER_SANDBOX) != 0)
    {
      tn_session_manager_activate (self->sessions, active, NULL);
      self->activated_early = TRUE;
    }

  G_APPLICATION_CLASS (tn_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

static int
tn_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TnApplication *self = TN_APPLICATION (application);

  self->want_sandbox = g_variant_dict_contains (options, "sandbox");

  return -1;
}

static void
tn_application_activate (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (tn_window_new (self));

      /* Sign in to the sandbox when asked, else to the account that was
       * active when Tunnels last quit. */
      if (self->want_sandbox)
        g_action_group_activate_action (G_ACTION_GROUP (self), "try-sandbox", NULL);
      else if (tn_account_manager_get_active (self->accounts) != NULL && !self->activated_early)
        tn_application_activate_account (self, tn_account_manager_get_active (self->accounts));
    }

  gtk_window_present (window);
}

static void
tn_application_shutdown (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);

  if (self->sandbox != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tn_sandbox_save (self->sandbox, &error))
        g_warning ("Could not save the sandbox cloud: %s", error->message);
      tn_sandbox_stop (self->sandbox);
      g_clear_object (&self->sandbox);
    }

  G_APPLICATION_CLASS (tn_application_parent_class)->shutdown (application);
}

static void
tn_application_dispose (GObject *object)
{
  TnApplication *self = TN_APPLICATION (object);

  g_clear_object (&self->sandbox);
  g_clear_object (&self->sessions);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tn_application_parent_class)->dispose (object);
}

static void
tn_application_class_init (TnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tn_application_dispose;

  app_class->startup = tn_application_startup;
  app_class->activate = tn_application_activate;
  app_class->shutdown = tn_application_shutdown;
  app_class->handle_local_options = tn_application_handle_local_options;
}

static void
tn_application_init (TnApplication *self)
{
  static const GOptionEntry options[] = {
    { "sandbox", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start the built-in sandbox cloud and sign in to it"), NULL },
    { NULL }
  };

  /* The settings schema has the same id in both profiles. */
  self->settings = g_settings_new (BASE_APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TnApplication *
tn_application_new (void)
{
  return g_object_new (TN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Both profiles share the resources. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * tn_application_get_settings:
 *
 * Returns: (transfer none): the application's #GSettings
 */
GSettings *
tn_application_get_settings (TnApplication *self)
{
  g_return_val_if_fail (TN_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * tn_application_get_sessions:
 *
 * Returns: (transfer none): the accounts and the session of the active one
 */
TnSessionManager *
tn_application_get_sessions (TnApplication *self)
{
  g_return_val_if_fail (TN_IS_APPLICATION (self), NULL);

  return self->sessions;
}

/**
 * tn_application_get_sandbox:
 *
 * Returns: (transfer none) (nullable): the sandbox cloud, when it runs
 */
TnSandbox *
tn_application_get_sandbox (TnApplication *self)
{
  g_return_val_if_fail (TN_IS_APPLICATION (self), NULL);

  return self->sandbox;
}
