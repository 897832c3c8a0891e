/* tn-status-watcher.h: tell the user when a connection they looked at changes
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tn-resource.h"

G_BEGIN_DECLS

#define TN_TYPE_STATUS_WATCHER (tn_status_watcher_get_type ())

G_DECLARE_FINAL_TYPE (TnStatusWatcher, tn_status_watcher, TN, STATUS_WATCHER, GObject)

TnStatusWatcher *tn_status_watcher_new   (GtkWindow       *window);
void             tn_status_watcher_watch (TnStatusWatcher *self,
                                          TnResource      *connection);
guint            tn_status_watcher_get_n_watched (TnStatusWatcher *self);

G_END_DECLS
