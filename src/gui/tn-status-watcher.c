/* tn-status-watcher.c: tell the user when a connection they looked at changes
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnStatusWatcher"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-status.h"
#include "tn-status-watcher.h"

/*
 * The connections whose detail page the user opened are watched. While
 * the window is not focused, a desktop notification says when one of them
 * leaves ACTIVE, or when one that was changing (a create or an update
 * waiting for the cloud) settles. Its default action shows the connection
 * (app.show-connection). Objects keep their identity in the stores, so a
 * status notify is all it takes; the stores poll only changing items, so
 * the window reloads the connections now and then while some are watched.
 */

struct _TnStatusWatcher
{
  GObject     parent_instance;

  GtkWindow  *window;    /* weak */
  GHashTable *statuses;  /* TnResource (weak) → last status */
};

G_DEFINE_FINAL_TYPE (TnStatusWatcher, tn_status_watcher, G_TYPE_OBJECT)

static void
send_notification (TnStatusWatcher *self,
                   TnResource      *connection,
                   const char      *title)
{
  GApplication *app = self->window ? G_APPLICATION (gtk_window_get_application (self->window)) : NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;

  if (app == NULL)
    return;

  /* Translators: %s is a status such as “Down” */
  body = g_strdup_printf (_("Its status is now %s."), tn_status_get_display_name (tn_resource_get_status (connection)));
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-connection", "s",
                                                tn_resource_get_id (connection));
  id = g_strdup_printf ("connection-%s", tn_resource_get_id (connection));
  g_debug ("Notifying that connection %s is %s", tn_resource_get_id (connection), tn_resource_get_status (connection));
  g_application_send_notification (app, id, notification);
}

static void
on_status_changed_cb (TnStatusWatcher *self,
                      GParamSpec      *pspec,
                      TnResource      *connection)
{
  const char *before = g_hash_table_lookup (self->statuses, connection);
  const char *now = tn_resource_get_status (connection);
  gboolean focused = self->window != NULL && gtk_window_is_active (self->window);

  if (g_strcmp0 (before, now) == 0)
    return;

  if (!focused && tn_status_is_settled (now))
    {
      g_autofree char *title = NULL;

      if (g_strcmp0 (before, "ACTIVE") == 0)
        /* Translators: %s is a connection's name */
        title = g_strdup_printf (_("“%s” Is No Longer Active"), tn_resource_get_name (connection));
      else if (!tn_status_is_settled (before))
        /* Translators: %s is a connection's name; the cloud finished changing it */
        title = g_strdup_printf (_("“%s” Is Ready"), tn_resource_get_name (connection));

      if (title != NULL)
        send_notification (self, connection, title);
    }

  g_hash_table_replace (self->statuses, connection, g_strdup (now));
}

static void
on_connection_finalized_cb (gpointer  data,
                            GObject  *where_the_object_was)
{
  TnStatusWatcher *self = data;

  g_hash_table_remove (self->statuses, where_the_object_was);
}

static void
tn_status_watcher_dispose (GObject *object)
{
  TnStatusWatcher *self = TN_STATUS_WATCHER (object);
  GHashTableIter iter;
  gpointer connection;

  if (self->statuses != NULL)
    {
      g_hash_table_iter_init (&iter, self->statuses);
      while (g_hash_table_iter_next (&iter, &connection, NULL))
        {
          g_object_weak_unref (connection, on_connection_finalized_cb, self);
          g_signal_handlers_disconnect_by_func (connection, on_status_changed_cb, self);
        }
      g_clear_pointer (&self->statuses, g_hash_table_unref);
    }
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (tn_status_watcher_parent_class)->dispose (object);
}

static void
tn_status_watcher_class_init (TnStatusWatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tn_status_watcher_dispose;
}

static void
tn_status_watcher_init (TnStatusWatcher *self)
{
  self->statuses = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * tn_status_watcher_new:
 * @window: the window whose focus decides whether to notify
 */
TnStatusWatcher *
tn_status_watcher_new (GtkWindow *window)
{
  TnStatusWatcher *self = g_object_new (TN_TYPE_STATUS_WATCHER, NULL);

  g_set_weak_pointer (&self->window, window);

  return self;
}

/**
 * tn_status_watcher_watch:
 * @connection: a connection of the stores, as the user just looked at it
 */
void
tn_status_watcher_watch (TnStatusWatcher *self,
                         TnResource      *connection)
{
  g_return_if_fail (TN_IS_STATUS_WATCHER (self));
  g_return_if_fail (TN_IS_RESOURCE (connection));

  if (g_hash_table_contains (self->statuses, connection))
    return;

  g_hash_table_insert (self->statuses, connection, g_strdup (tn_resource_get_status (connection)));
  g_object_weak_ref (G_OBJECT (connection), on_connection_finalized_cb, self);
  g_signal_connect_object (connection, "notify::status", G_CALLBACK (on_status_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tn_status_watcher_get_n_watched:
 *
 * Returns: how many connections are watched
 */
guint
tn_status_watcher_get_n_watched (TnStatusWatcher *self)
{
  g_return_val_if_fail (TN_IS_STATUS_WATCHER (self), 0);

  return g_hash_table_size (self->statuses);
}
