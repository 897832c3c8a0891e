/* tn-wipe.h: secrets held in memory, wiped when done
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   tn_wipe_memory        (gpointer  data,
                              gsize     len);
void   tn_wipe_free        (char     *secret);
void   tn_wipe_clear       (char    **secret);
void   tn_wipe_bytes_free  (GBytes   *bytes);

G_END_DECLS
