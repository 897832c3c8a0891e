/* tn-test-export.h: export test cases, read from tests/data/export/cases
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-export.h"
#include "tn-subnet.h"

G_BEGIN_DECLS

/* One case: a connection and what it hangs off, as Neutron's API gives them */
typedef struct
{
  char           *name;
  TnConnection   *connection;
  TnIkePolicy    *ike_policy;
  TnIpsecPolicy  *ipsec_policy;
  TnVpnService   *vpn_service;
  TnSubnet       *subnet;
  TnExportSource  source;
} TnTestExportCase;

TnTestExportCase *tn_test_export_case_load (const char        *path,
                                            GError           **error);
void              tn_test_export_case_free (TnTestExportCase  *self);
GPtrArray        *tn_test_export_list_cases (const char       *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnTestExportCase, tn_test_export_case_free)

G_END_DECLS
