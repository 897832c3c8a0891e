/* tn-router.c: a Neutron router, for the VPN service picker
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnRouter"

#include "config.h"

#include "tn-router.h"

G_DEFINE_BOXED_TYPE (TnRouter, tn_router, tn_router_ref, tn_router_unref)

/**
 * tn_router_new:
 *
 * Returns: (transfer full): an empty #TnRouter
 */
TnRouter *
tn_router_new (void)
{
  return g_atomic_rc_box_new0 (TnRouter);
}

/**
 * tn_router_ref:
 * @self: a #TnRouter
 *
 * Returns: (transfer full): @self
 */
TnRouter *
tn_router_ref (TnRouter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
tn_router_clear (TnRouter *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->status);
  g_free (self->external_network_id);
  g_strfreev (self->external_ips);
}

/**
 * tn_router_unref:
 * @self: (transfer full): a #TnRouter
 *
 * Drops a reference to @self.
 */
void
tn_router_unref (TnRouter *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)tn_router_clear);
}
