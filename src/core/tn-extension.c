/* tn-extension.c: an API extension the cloud advertises
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExtension"

#include "config.h"

#include "tn-extension.h"

G_DEFINE_BOXED_TYPE (TnExtension, tn_extension, tn_extension_ref, tn_extension_unref)

/**
 * tn_extension_new:
 *
 * Returns: (transfer full): an empty #TnExtension
 */
TnExtension *
tn_extension_new (void)
{
  return g_atomic_rc_box_new0 (TnExtension);
}

/**
 * tn_extension_ref:
 * @self: a #TnExtension
 *
 * Returns: (transfer full): @self
 */
TnExtension *
tn_extension_ref (TnExtension *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
tn_extension_clear (TnExtension *self)
{
  g_free (self->alias);
  g_free (self->name);
  g_free (self->description);
}

/**
 * tn_extension_unref:
 * @self: (transfer full): a #TnExtension
 *
 * Drops a reference to @self.
 */
void
tn_extension_unref (TnExtension *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)tn_extension_clear);
}
