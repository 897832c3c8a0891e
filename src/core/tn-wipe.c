/* tn-wipe.c: secrets held in memory, wiped when done
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnWipe"

#include "config.h"

#include <string.h>

#include "tn-wipe.h"

/**
 * tn_wipe_memory:
 * @data: (nullable): memory that held a secret
 * @len: its length
 *
 * Overwrites @data with zeros in a way the compiler does not drop.
 */
void
tn_wipe_memory (gpointer data,
                gsize    len)
{
  volatile guchar *p = data;

  if (data == NULL)
    return;

  while (len--)
    *p++ = 0;
}

/**
 * tn_wipe_free:
 * @secret: (nullable) (transfer full): a NUL-terminated secret
 *
 * Wipes and frees @secret.
 */
void
tn_wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  tn_wipe_memory (secret, strlen (secret));
  g_free (secret);
}

/**
 * tn_wipe_clear:
 * @secret: a pointer to a secret
 *
 * Wipes and frees *@secret and sets it to %NULL.
 */
void
tn_wipe_clear (char **secret)
{
  tn_wipe_free (g_steal_pointer (secret));
}

/**
 * tn_wipe_bytes_free:
 * @bytes: (nullable) (transfer full): bytes that may hold a secret
 *
 * Drops the reference to @bytes; when it was the last one the memory is
 * wiped before it is freed (otherwise a private copy is wiped, and the other
 * holder is responsible for the original).
 */
void
tn_wipe_bytes_free (GBytes *bytes)
{
  gsize len = 0;
  gpointer data;

  if (bytes == NULL)
    return;

  data = g_bytes_unref_to_data (bytes, &len);
  tn_wipe_memory (data, len);
  g_free (data);
}
