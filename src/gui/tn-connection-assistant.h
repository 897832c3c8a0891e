/* tn-connection-assistant.h: create an IPsec VPN connection, step by step
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-store-set.h"
#include "tn-vpn-service.h"

G_BEGIN_DECLS

#define TN_TYPE_CONNECTION_ASSISTANT (tn_connection_assistant_get_type ())

G_DECLARE_FINAL_TYPE (TnConnectionAssistant, tn_connection_assistant, TN, CONNECTION_ASSISTANT, AdwWindow)

TnConnectionAssistant *tn_connection_assistant_new (GtkWindow    *parent,
                                                    TnStoreSet   *stores,
                                                    TnVpnService *service);

G_END_DECLS
