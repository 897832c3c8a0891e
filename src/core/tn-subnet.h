/* tn-subnet.h: a Neutron subnet, for the VPN service picker
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TN_TYPE_SUBNET (tn_subnet_get_type ())

/**
 * TnSubnet:
 * @id: the subnet's id
 * @name: its name
 * @cidr: its CIDR
 * @ip_version: 4 or 6
 * @network_id: its network
 * @gateway_ip: its gateway address, or %NULL
 *
 * A Neutron subnet, for the VPN service picker: a plain, reference-counted record, read-only
 * once filled in.
 */
typedef struct
{
  char  *id;
  char  *name;
  char  *cidr;
  int    ip_version;
  char  *network_id;
  char  *gateway_ip;
} TnSubnet;

GType     tn_subnet_get_type (void) G_GNUC_CONST;
TnSubnet *tn_subnet_new      (void);
TnSubnet *tn_subnet_ref      (TnSubnet *self);
void      tn_subnet_unref    (TnSubnet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnSubnet, tn_subnet_unref)

G_END_DECLS
