/* tn-tls-database.h: the system's trust plus an account's extra CA file
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TN_TYPE_TLS_DATABASE (tn_tls_database_get_type ())

G_DECLARE_FINAL_TYPE (TnTlsDatabase, tn_tls_database, TN, TLS_DATABASE, GTlsDatabase)

GTlsDatabase *tn_tls_database_new (const char  *ca_file,
                                   GError     **error);

G_END_DECLS
