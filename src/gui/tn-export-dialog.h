/* tn-export-dialog.h: “Export Peer Configuration”
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-export.h"

G_BEGIN_DECLS

#define TN_TYPE_EXPORT_DIALOG (tn_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TnExportDialog, tn_export_dialog, TN, EXPORT_DIALOG, AdwWindow)

GtkWidget      *tn_export_dialog_new         (GtkWindow      *parent,
                                              const char     *account_id,
                                              TnConnection   *connection,
                                              TnIkePolicy    *ike_policy,
                                              TnIpsecPolicy  *ipsec_policy,
                                              TnVpnService   *vpn_service,
                                              const char     *cloud_cidr);
TnExportTarget  tn_export_dialog_get_target  (TnExportDialog *self);
void            tn_export_dialog_set_target  (TnExportDialog *self,
                                              TnExportTarget  target);
const char     *tn_export_dialog_get_text    (TnExportDialog *self);
void            tn_export_dialog_save_to     (TnExportDialog *self,
                                              GFile          *location);

G_END_DECLS
