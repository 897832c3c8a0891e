/* tn-test-gui.h: helpers shared by the GUI tests
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-application.h"
#include "tn-sandbox.h"
#include "tn-window.h"

G_BEGIN_DECLS

typedef gboolean (*TnTestCondition) (gpointer data);

void        tn_test_gui_init            (int             *argc,
                                         char          ***argv);
gboolean    tn_test_wait_until          (TnTestCondition  condition,
                                         gpointer         data,
                                         guint            timeout_ms);
void        tn_test_wait_frames         (GtkWidget       *widget,
                                         guint            n_frames);
void        tn_test_close_window        (GtkWindow       *window);
void        tn_test_respond             (AdwMessageDialog *dialog,
                                         const char      *response);
GtkWindow  *tn_test_find_toplevel       (GType            type);
void        tn_test_save_screenshot     (GtkWidget       *widget,
                                         const char      *name);
GPtrArray  *tn_test_collect_labels      (GtkWidget       *root);
void        tn_test_store_result_cb     (GObject         *object,
                                         GAsyncResult    *result,
                                         gpointer         user_data);
gboolean    tn_test_wait_for_result     (GAsyncResult   **result,
                                         guint            timeout_ms);
TnWindow   *tn_test_open_window         (TnApplication  **app);
TnAccount  *tn_test_sign_in_sandbox     (TnApplication   *app,
                                         TnSandbox       *sandbox,
                                         const char      *region);
void        tn_test_store_psk           (const char      *account_id,
                                         TnResource      *connection,
                                         const char      *psk);

G_END_DECLS
