/* tn-subnet.c: a Neutron subnet, for the VPN service picker
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSubnet"

#include "config.h"

#include "tn-subnet.h"

G_DEFINE_BOXED_TYPE (TnSubnet, tn_subnet, tn_subnet_ref, tn_subnet_unref)

/**
 * tn_subnet_new:
 *
 * Returns: (transfer full): an empty #TnSubnet
 */
TnSubnet *
tn_subnet_new (void)
{
  return g_atomic_rc_box_new0 (TnSubnet);
}

/**
 * tn_subnet_ref:
 * @self: a #TnSubnet
 *
 * Returns: (transfer full): @self
 */
TnSubnet *
tn_subnet_ref (TnSubnet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
tn_subnet_clear (TnSubnet *self)
{
  g_free (self->id);
  g_free (self->name);
  g_free (self->cidr);
  g_free (self->network_id);
  g_free (self->gateway_ip);
}

/**
 * tn_subnet_unref:
 * @self: (transfer full): a #TnSubnet
 *
 * Drops a reference to @self.
 */
void
tn_subnet_unref (TnSubnet *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)tn_subnet_clear);
}
