/* tn-catalog.h: endpoints in a Keystone token's catalog
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *tn_catalog_find_endpoint (JsonArray          *catalog,
                                const char * const *service_types,
                                const char         *region,
                                const char         *interface,
                                GError            **error);

G_END_DECLS
