/* tn-status.h: what a resource's status means
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TnStatusTone:
 * @TN_STATUS_TONE_GOOD: working (ACTIVE)
 * @TN_STATUS_TONE_NEUTRAL: settled but not working (DOWN)
 * @TN_STATUS_TONE_BUSY: changing; polled until it settles
 * @TN_STATUS_TONE_BAD: failed (ERROR, CREATE_ERROR)
 *
 * How a status is shown: the colour of its badge.
 */
typedef enum
{
  TN_STATUS_TONE_GOOD,
  TN_STATUS_TONE_NEUTRAL,
  TN_STATUS_TONE_BUSY,
  TN_STATUS_TONE_BAD,
} TnStatusTone;

gboolean      tn_status_is_settled       (const char *status);
TnStatusTone  tn_status_get_tone         (const char *status);
const char   *tn_status_get_display_name (const char *status);

G_END_DECLS
