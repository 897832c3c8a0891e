/* tn-export-private.h: what the exporters of each target share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-export.h"

G_BEGIN_DECLS

/* The values of a connection from the peer's point of view: local is the
 * peer, remote is the cloud. Strings are the API's values (aes-128, group14,
 * sha256); each target maps them to its own names. */
typedef struct
{
  TnExportTarget         target;
  const TnRegionProfile *profile;

  char                  *name;            /* a safe name for sections, ACLs */
  const char            *title;           /* the connection's name, as is */
  const char            *id;

  const char            *peer_address;    /* the peer device's own address */
  const char            *peer_id;
  const char * const    *peer_cidrs;
  const char            *cloud_address;   /* where the peer sends IKE */
  const char            *cloud_id;
  const char            *cloud_cidr;

  int                    ike_version;     /* 1 or 2 */
  const char            *phase1_mode;
  const char            *ike_encryption;
  const char            *ike_auth;
  const char            *ike_pfs;
  gint64                 ike_lifetime;

  const char            *transform;
  const char            *encapsulation;
  const char            *esp_encryption;
  const char            *esp_auth;
  const char            *esp_pfs;
  gint64                 esp_lifetime;

  const char            *dpd_action;
  int                    dpd_interval;
  int                    dpd_timeout;
  gboolean               response_only;   /* the cloud waits for the peer */
  int                    mtu;

  const char            *psk;             /* %NULL: a placeholder is written */

  GPtrArray             *warnings;        /* TnExportWarning */
  GPtrArray             *files;           /* TnExportFile */
} TnExportContext;

typedef struct
{
  TnExportWarningKind  kind;
  char                *message;   /* translated, for the user */
  char                *comment;   /* English, for the file */
} TnExportWarning;

#define TN_EXPORT_PSK_PLACEHOLDER "<PRE-SHARED-KEY>"

void        _tn_export_warn               (TnExportContext     *ctx,
                                           TnExportWarningKind  kind,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (3, 4);
void        _tn_export_add_file           (TnExportContext     *ctx,
                                           const char          *name,
                                           GString             *text,
                                           gboolean             secret);
void        _tn_export_append_header      (TnExportContext     *ctx,
                                           GString             *text,
                                           const char          *comment,
                                           const char          *what);
char       *_tn_export_quote_psk          (const char          *psk);
gboolean    _tn_export_psk_is_plain       (const char          *psk);
char       *_tn_export_to_base64          (const char          *psk);
const char *_tn_export_strongswan_name    (const char          *value);
char       *_tn_export_strongswan_proposal (const char         *encryption,
                                           const char          *auth,
                                           const char          *pfs);
int         _tn_export_group_number       (const char          *pfs);
int         _tn_export_aes_bits           (const char          *encryption);
gboolean    _tn_export_split_cidr         (const char          *cidr,
                                           char               **address,
                                           char               **netmask,
                                           char               **wildcard);
gboolean    _tn_export_is_printable_ascii (const char          *text);
gboolean    _tn_export_dpd_is_on          (TnExportContext     *ctx);
gboolean    _tn_export_is_ip_address      (const char          *text);
void        _tn_export_check_lifetimes    (TnExportContext     *ctx,
                                           const char          *device,
                                           gint64               ike_max,
                                           gint64               esp_max);

void        _tn_export_swanctl            (TnExportContext     *ctx);
void        _tn_export_ipsec_conf         (TnExportContext     *ctx);
void        _tn_export_libreswan          (TnExportContext     *ctx);
void        _tn_export_yamaha             (TnExportContext     *ctx);
void        _tn_export_cisco              (TnExportContext     *ctx);
void        _tn_export_sheet_text         (TnExportContext     *ctx);
void        _tn_export_sheet_json         (TnExportContext     *ctx);

G_END_DECLS
