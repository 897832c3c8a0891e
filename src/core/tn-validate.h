/* tn-validate.h: checks of user input, before any request (SPEC §5)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-region.h"

G_BEGIN_DECLS

/* Each check returns %TRUE when the input is good; otherwise it sets a
 * TN_ERROR_INVALID_INPUT error whose message is translated and meant to be
 * shown at the field. */

gboolean tn_validate_text          (const char             *text,
                                    gboolean                required,
                                    GError                **error);
gboolean tn_validate_ip_address    (const char             *text,
                                    gboolean                ipv4_only,
                                    GSocketFamily          *family,
                                    GError                **error);
gboolean tn_validate_peer_address  (const TnRegionProfile  *profile,
                                    const char             *text,
                                    GError                **error);
gboolean tn_validate_cidr          (const char             *text,
                                    gboolean                ipv4_only,
                                    GSocketFamily          *family,
                                    GError                **error);
gboolean tn_validate_peer_cidrs    (const TnRegionProfile  *profile,
                                    const char * const     *cidrs,
                                    GError                **error);
gboolean tn_validate_number        (const TnRegionProfile  *profile,
                                    TnResourceKind          kind,
                                    const char             *field,
                                    const char             *text,
                                    gint64                 *value,
                                    GError                **error);
gboolean tn_validate_dpd           (const TnRegionProfile  *profile,
                                    gint64                  interval,
                                    gint64                  timeout,
                                    GError                **error);
gboolean tn_validate_mtu           (gint64                  mtu,
                                    GSocketFamily           family,
                                    GError                **error);
gboolean tn_validate_psk           (const char             *psk,
                                    GError                **error);
gboolean tn_psk_is_weak            (const char             *psk);
char    *tn_psk_generate           (void);

#define TN_PSK_GENERATED_LENGTH 32
#define TN_PSK_WEAK_LENGTH      16

G_END_DECLS
