/* tn-window.h
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-account.h"
#include "tn-application.h"
#include "tn-store-set.h"

G_BEGIN_DECLS

#define TN_TYPE_WINDOW (tn_window_get_type ())

G_DECLARE_FINAL_TYPE (TnWindow, tn_window, TN, WINDOW, AdwApplicationWindow)

TnWindow   *tn_window_new         (TnApplication *application);
const char *tn_window_get_section (TnWindow      *self);
void        tn_window_set_section (TnWindow      *self,
                                   const char    *section);
gboolean    tn_window_get_folded  (TnWindow      *self);
TnStoreSet *tn_window_get_stores  (TnWindow      *self);
GtkWidget  *tn_window_get_detail  (TnWindow      *self);
gboolean    tn_window_is_showing_detail (TnWindow *self);
void        tn_window_add_toast   (TnWindow      *self,
                                   AdwToast      *toast);
void        tn_window_show_account_dialog (TnWindow  *self,
                                           TnAccount *account);
void        tn_window_show_resource (TnWindow   *self,
                                     TnResource *resource);

G_END_DECLS
