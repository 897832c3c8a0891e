/* tn-a11y.h: accessible names for controls libadwaita 1.2 leaves unnamed
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void tn_a11y_name_toolkit_controls (GtkWidget *root);
void tn_a11y_track_window          (GtkWindow *window);
void tn_a11y_track_toolkit_window  (GtkWindow *window);
void tn_a11y_destroy_window        (GtkWindow *window);
void tn_a11y_add_toast             (AdwToastOverlay *overlay,
                                    AdwToast        *toast);

G_END_DECLS
