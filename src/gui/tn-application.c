/* tn-application.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnApplication"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-application.h"
#include "tn-window.h"

struct _TnApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  TnAccountManager *accounts;
  TnSessionManager *sessions;
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

static const GActionEntry app_actions[] = {
  { "quit", tn_application_quit_action },
  { "about", tn_application_about_action },
  { "add-account", tn_application_add_account_action },
};

static void
tn_application_startup (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (tn_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  /* Sign in to the account that was active when Tunnels last quit. */
  self->accounts = tn_account_manager_new (self->settings);
  self->sessions = tn_session_manager_new (self->accounts);
  if (tn_account_manager_get_active (self->accounts) != NULL)
    tn_session_manager_activate (self->sessions, tn_account_manager_get_active (self->accounts), NULL);
}

static void
tn_application_activate (GApplication *application)
{
  TnApplication *self = TN_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (tn_window_new (self));

  gtk_window_present (window);
}

static void
tn_application_dispose (GObject *object)
{
  TnApplication *self = TN_APPLICATION (object);

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
}

static void
tn_application_init (TnApplication *self)
{
  /* The settings schema has the same id in both profiles. */
  self->settings = g_settings_new (BASE_APP_ID);
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
