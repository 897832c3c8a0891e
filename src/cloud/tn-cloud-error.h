/* tn-cloud-error.h: what went wrong on the wire, as a TN_ERROR
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-error.h"

G_BEGIN_DECLS

GError   *tn_cloud_error_new            (TnErrorCode   code,
                                         const char   *debug_message);
void      tn_cloud_set_bad_response     (GError      **error,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (2, 3);
GError   *tn_cloud_error_from_response  (guint         http_status,
                                         const char   *reason,
                                         GBytes       *body,
                                         const char   *request_id);
GError   *tn_cloud_error_from_transport (const GError *transport_error,
                                         guint         http_status,
                                         gboolean      timed_out);

G_END_DECLS
