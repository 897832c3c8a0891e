/* tn-router.h: a Neutron router, for the VPN service picker
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TN_TYPE_ROUTER (tn_router_get_type ())

/**
 * TnRouter:
 * @id: the router's id
 * @name: its name
 * @status: its status
 * @external_network_id: the network of its external gateway, or %NULL when it has none
 * @external_ips: the addresses of its external gateway (%NULL-terminated, maybe empty)
 *
 * A Neutron router, for the VPN service picker: a plain, reference-counted record, read-only
 * once filled in.
 */
typedef struct
{
  char  *id;
  char  *name;
  char  *status;
  char  *external_network_id;
  char **external_ips;
} TnRouter;

GType     tn_router_get_type (void) G_GNUC_CONST;
TnRouter *tn_router_new      (void);
TnRouter *tn_router_ref      (TnRouter *self);
void      tn_router_unref    (TnRouter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnRouter, tn_router_unref)

G_END_DECLS
