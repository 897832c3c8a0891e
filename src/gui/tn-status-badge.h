/* tn-status-badge.h: a resource's status as a coloured badge
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_TYPE_STATUS_BADGE (tn_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (TnStatusBadge, tn_status_badge, TN, STATUS_BADGE, GtkWidget)

GtkWidget  *tn_status_badge_new        (void);
const char *tn_status_badge_get_status (TnStatusBadge *self);
void        tn_status_badge_set_status (TnStatusBadge *self,
                                        const char    *status);
void        tn_status_badge_set_tone   (GtkWidget     *widget,
                                        const char    *status);

G_END_DECLS
