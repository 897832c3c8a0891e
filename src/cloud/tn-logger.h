/* tn-logger.h: HTTP traces without secrets
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TN_LOGGER_REDACTED "[REDACTED]"

char *tn_logger_redact         (const char *text);
char *tn_logger_redact_message (const char *message);
void  tn_logger_scrub          (char       *text,
                                const char *secret);

G_END_DECLS
