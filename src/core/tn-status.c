/* tn-status.c: what a resource's status means
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnStatus"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-status.h"

/* The statuses of SPEC §2. Any other value is taken as changing: it is
 * polled, and shown as the server wrote it. */
static const struct {
  const char   *status;
  gboolean      settled;
  TnStatusTone  tone;
  const char   *display_name;
} statuses[] = {
  { "ACTIVE", TRUE, TN_STATUS_TONE_GOOD, NC_("status", "Active") },
  { "DOWN", TRUE, TN_STATUS_TONE_NEUTRAL, NC_("status", "Down") },
  { "ERROR", TRUE, TN_STATUS_TONE_BAD, NC_("status", "Error") },
  { "CREATE_ERROR", TRUE, TN_STATUS_TONE_BAD, NC_("status", "Create Error") },
  { "BUILD", FALSE, TN_STATUS_TONE_BUSY, NC_("status", "Building") },
  { "PENDING_CREATE", FALSE, TN_STATUS_TONE_BUSY, NC_("status", "Pending Create") },
  { "PENDING_UPDATE", FALSE, TN_STATUS_TONE_BUSY, NC_("status", "Pending Update") },
  { "PENDING_DELETE", FALSE, TN_STATUS_TONE_BUSY, NC_("status", "Pending Delete") },
  { "DELETING", FALSE, TN_STATUS_TONE_BUSY, NC_("status", "Deleting") },
};

static int
find_status (const char *status)
{
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].status, status))
      return i;

  return -1;
}

/**
 * tn_status_is_settled:
 * @status: (nullable): a status as the server sends it
 *
 * Returns: %TRUE if @status is final; resources in other states are polled
 *   until they settle. A resource without a status (a plain Neutron
 *   policy) is settled.
 */
gboolean
tn_status_is_settled (const char *status)
{
  int i;

  if (status == NULL || *status == '\0')
    return TRUE;

  i = find_status (status);
  return i >= 0 && statuses[i].settled;
}

TnStatusTone
tn_status_get_tone (const char *status)
{
  int i = find_status (status);

  if (i >= 0)
    return statuses[i].tone;

  return tn_status_is_settled (status) ? TN_STATUS_TONE_NEUTRAL : TN_STATUS_TONE_BUSY;
}

/**
 * tn_status_get_display_name:
 *
 * Returns: (transfer none): the translated name of @status, or @status
 *   itself when Tunnels does not know it
 */
const char *
tn_status_get_display_name (const char *status)
{
  int i = find_status (status);

  if (i < 0)
    return status ? status : "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "status", statuses[i].display_name);
}
