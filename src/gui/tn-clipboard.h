/* tn-clipboard.h: copy a secret, and take it back later
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TN_CLIPBOARD_SECRET_SECONDS 30

void tn_clipboard_copy_secret        (GtkWidget  *widget,
                                      const char *secret);
void tn_clipboard_set_secret_timeout (guint       seconds);

G_END_DECLS
