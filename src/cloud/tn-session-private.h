/* tn-session-private.h: what the files of TnSession share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tn-session.h"

G_BEGIN_DECLS

/**
 * TnEndpointKind:
 * @TN_ENDPOINT_NETWORK: routers, subnets, extensions
 * @TN_ENDPOINT_VPN: the VPN resources (the `nfv` endpoint in type B)
 */
typedef enum
{
  TN_ENDPOINT_NETWORK,
  TN_ENDPOINT_VPN,
} TnEndpointKind;

/* tn-session.c */
gpointer   _tn_session_propagate        (TnSession            *self,
                                         GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);
guint      _tn_session_get_poll_first   (TnSession            *self);
guint      _tn_session_get_poll_max     (TnSession            *self);

/* tn-session-request.c: one JSON request, with the token, a timeout, one
 * transparent re-authentication on 401, and errors mapped to TN_ERROR. */
void       _tn_session_request_async    (TnSession            *self,
                                         TnEndpointKind        endpoint,
                                         const char           *method,
                                         const char           *path_or_url,
                                         GBytes               *body,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
JsonNode  *_tn_session_request_finish   (TnSession            *self,
                                         GAsyncResult         *result,
                                         guint                *http_status,
                                         GError              **error);

void       _tn_session_request_raw_async  (TnSession            *self,
                                          TnEndpointKind        endpoint,
                                          const char           *method,
                                          const char           *path_or_url,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GBytes    *_tn_session_request_raw_finish (TnSession            *self,
                                          GAsyncResult         *result,
                                          guint                *http_status,
                                          char                **request_id,
                                          GError              **error);

/* tn-session-lists.c: a list whose pages the caller sees as they come. */
typedef void (*TnSessionPageFunc) (GPtrArray *page,
                                   gpointer   user_data);

void       _tn_session_list_pages_async (TnSession            *self,
                                         TnResourceKind        kind,
                                         gboolean              sort_pages,
                                         TnSessionPageFunc     page_func,
                                         gpointer              page_data,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);

/* tn-session-request.c: one HTTP exchange with the timeout and the caller's
 * cancellation; transport failures mapped, the HTTP status left to the
 * caller. */
void       _tn_session_send_async       (TnSession            *self,
                                         SoupMessage          *message,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes    *_tn_session_send_finish      (TnSession            *self,
                                         GAsyncResult         *result,
                                         GError              **error);

/* tn-session.c: the shared (re-)authentication. */
void       _tn_session_authenticate_async  (TnSession          *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean   _tn_session_authenticate_finish (TnSession          *self,
                                            GAsyncResult       *result,
                                            GError            **error);
const char *_tn_session_get_token        (TnSession            *self,
                                         guint                *serial);
void        _tn_session_invalidate_token (TnSession           *self,
                                          guint                serial);
const char *_tn_session_get_endpoint    (TnSession            *self,
                                         TnEndpointKind        endpoint);
SoupSession *_tn_session_get_soup       (TnSession            *self);

G_END_DECLS
