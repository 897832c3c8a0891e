/* tn-sandbox-vpn-private.h: what the VPNaaS files of the sandbox share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-sandbox-private.h"

G_BEGIN_DECLS

typedef struct
{
  TnAttr attr;
  guint  dialects;  /* bit (1 << TnDialect) for each dialect that has it */
} TnVpnAttr;

/* One VPNaaS collection; @profile_kind is the region table's kind, or -1
 * (endpoint groups, which only the openstack dialect has). */
typedef struct
{
  const char      *collection;
  const char      *member;
  int              profile_kind;
  const char      *not_found_type;
  const char      *not_found_format;
  const char      *in_use_type;
  const char      *in_use_format;
  const TnVpnAttr *attrs;
  guint            n_attrs;
} TnVpnKind;

const TnVpnKind *_tn_vpn_kind_lookup     (const char       *collection);
GArray          *_tn_vpn_region_attrs    (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind);
const TnAttr    *_tn_vpn_find_attr       (GArray           *attrs,
                                          const char       *name);
void             _tn_vpn_set_error       (TnNeutronError  **error,
                                          guint             status,
                                          const char       *type,
                                          const char       *template,
                                          const char       *id);

/* tn-sandbox-vpn-rules.c */
gboolean         _tn_vpn_apply_profile   (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          TnAttr           *attr);
gint64           _tn_vpn_default_int     (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          const char       *field,
                                          gint64            fallback);
const char      *_tn_vpn_default_string  (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          const char       *field,
                                          const char       *fallback);
gboolean         _tn_vpn_check_rules     (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          JsonObject       *object,
                                          TnNeutronError  **error);

/* tn-sandbox-vpn-checks.c */
gboolean         _tn_vpn_check_create    (TnSandbox        *self,
                                          TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          GArray           *attrs,
                                          JsonObject       *body,
                                          TnNeutronError  **error);
gboolean         _tn_vpn_check_update    (TnSandbox        *self,
                                          TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          GArray           *attrs,
                                          JsonObject       *merged,
                                          TnNeutronError  **error);
gboolean         _tn_vpn_is_in_use       (TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          const char       *id);
void             _tn_vpn_remove          (TnSandbox        *self,
                                          TnSandboxRegion  *region,
                                          const TnVpnKind  *kind,
                                          const char       *id);
void             _tn_vpn_set_policy_status (JsonObject     *object,
                                            const char     *status,
                                            const char     *description);

G_END_DECLS
