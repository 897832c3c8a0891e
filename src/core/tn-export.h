/* tn-export.h: the peer side of a connection, for strongSwan, Libreswan,
 * Yamaha RTX, Cisco IOS and a parameter sheet
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-region.h"
#include "tn-vpn-service.h"

G_BEGIN_DECLS

/**
 * TnExportTarget:
 * @TN_EXPORT_SWANCTL: strongSwan `swanctl.conf`, its secrets section included
 * @TN_EXPORT_IPSEC_CONF: strongSwan's legacy `ipsec.conf` and `ipsec.secrets`
 * @TN_EXPORT_LIBRESWAN: Libreswan `ipsec.conf` and `.secrets` (4.x and 5.x)
 * @TN_EXPORT_YAMAHA: Yamaha RTX commands
 * @TN_EXPORT_CISCO: Cisco IOS commands (IKEv1 crypto map, IKEv2 profile)
 * @TN_EXPORT_SHEET_TEXT: every value a device needs, as plain text
 * @TN_EXPORT_SHEET_JSON: the same as JSON
 *
 * What the peer side can be exported for.
 */
typedef enum
{
  TN_EXPORT_SWANCTL,
  TN_EXPORT_IPSEC_CONF,
  TN_EXPORT_LIBRESWAN,
  TN_EXPORT_YAMAHA,
  TN_EXPORT_CISCO,
  TN_EXPORT_SHEET_TEXT,
  TN_EXPORT_SHEET_JSON,
  TN_N_EXPORT_TARGETS,
} TnExportTarget;

/**
 * TnExportWarningKind:
 * @TN_EXPORT_WARNING_UNSUPPORTED: the target cannot express a value
 * @TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX: a lifetime is above the device's maximum
 * @TN_EXPORT_WARNING_DPD_RETRIES: the device expresses DPD as an interval and retries
 * @TN_EXPORT_WARNING_DPD_ACTION_BREAKS: the cloud's DPD action stops the tunnel coming up
 * @TN_EXPORT_WARNING_CLOUD_GROUP: the cloud's strongSwan driver cannot name the DH group
 * @TN_EXPORT_WARNING_LIBRESWAN_DH2: Libreswan 5.5 and later have no DH group 2
 * @TN_EXPORT_WARNING_LIBRESWAN_IKEV1: Libreswan 5 and later refuse IKEv1 by default
 * @TN_EXPORT_WARNING_LIBRESWAN_DPD: Libreswan 5 and later ignore `dpdaction`
 * @TN_EXPORT_WARNING_CLOUD_REKEYS: the cloud rekeys the CHILD SA at about 17 minutes
 * @TN_EXPORT_WARNING_CLOUD_INITIATES: the cloud initiates even when response-only
 * @TN_EXPORT_WARNING_ENDPOINT_ADDRESS: the peer must target `ipsec_endpoint_address`
 * @TN_EXPORT_WARNING_ANTI_REPLAY: the peer must turn anti-replay off
 * @TN_EXPORT_WARNING_REEXPORT: a re-created connection needs a new export
 * @TN_EXPORT_WARNING_WEAK: a weak algorithm or group
 * @TN_EXPORT_WARNING_PFS_DIFFERS: phases 1 and 2 use different groups the device cannot tell apart
 * @TN_EXPORT_WARNING_PSK_CHARACTERS: the key has characters the device cannot take
 *
 * Why the user should read before using an export.
 */
typedef enum
{
  TN_EXPORT_WARNING_UNSUPPORTED,
  TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX,
  TN_EXPORT_WARNING_DPD_RETRIES,
  TN_EXPORT_WARNING_DPD_ACTION_BREAKS,
  TN_EXPORT_WARNING_CLOUD_GROUP,
  TN_EXPORT_WARNING_LIBRESWAN_DH2,
  TN_EXPORT_WARNING_LIBRESWAN_IKEV1,
  TN_EXPORT_WARNING_LIBRESWAN_DPD,
  TN_EXPORT_WARNING_CLOUD_REKEYS,
  TN_EXPORT_WARNING_CLOUD_INITIATES,
  TN_EXPORT_WARNING_ENDPOINT_ADDRESS,
  TN_EXPORT_WARNING_ANTI_REPLAY,
  TN_EXPORT_WARNING_REEXPORT,
  TN_EXPORT_WARNING_WEAK,
  TN_EXPORT_WARNING_PFS_DIFFERS,
  TN_EXPORT_WARNING_PSK_CHARACTERS,
} TnExportWarningKind;

/**
 * TnExportSource:
 * @connection: the connection
 * @ike_policy: its IKE policy
 * @ipsec_policy: its IPsec policy
 * @vpn_service: its VPN service
 * @cloud_cidr: the CIDR of the service's subnet (the cloud's private side)
 * @profile: the region's profile
 *
 * What an export is made from. Nothing here is kept.
 */
typedef struct
{
  TnConnection          *connection;
  TnIkePolicy           *ike_policy;
  TnIpsecPolicy         *ipsec_policy;
  TnVpnService          *vpn_service;
  const char            *cloud_cidr;
  const TnRegionProfile *profile;
} TnExportSource;

typedef struct _TnExportResult TnExportResult;

const char     *tn_export_target_get_id          (TnExportTarget         target);
const char     *tn_export_target_get_name        (TnExportTarget         target);
const char     *tn_export_target_get_file_name   (TnExportTarget         target);
gboolean        tn_export_target_from_id         (const char            *id,
                                                  TnExportTarget        *target);

TnExportResult *tn_export_run                    (const TnExportSource  *source,
                                                  TnExportTarget         target,
                                                  const char            *psk,
                                                  GError               **error);

TnExportTarget  tn_export_result_get_target      (TnExportResult        *result);
const char     *tn_export_result_get_text        (TnExportResult        *result);
guint           tn_export_result_get_n_files     (TnExportResult        *result);
const char     *tn_export_result_get_file_name   (TnExportResult        *result,
                                                  guint                  index);
const char     *tn_export_result_get_file_text   (TnExportResult        *result,
                                                  guint                  index);
gboolean        tn_export_result_file_has_secret (TnExportResult        *result,
                                                  guint                  index);
guint           tn_export_result_get_n_warnings  (TnExportResult        *result);
const char     *tn_export_result_get_warning     (TnExportResult        *result,
                                                  guint                  index);
TnExportWarningKind tn_export_result_get_warning_kind (TnExportResult   *result,
                                                  guint                  index);
gboolean        tn_export_result_has_warning     (TnExportResult        *result,
                                                  TnExportWarningKind    kind);
void            tn_export_result_free            (TnExportResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnExportResult, tn_export_result_free)

G_END_DECLS
