/* tn-session.h: one signed-in account: Keystone auth and the VPNaaS API
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tn-account.h"
#include "tn-region.h"
#include "tn-resource.h"

G_BEGIN_DECLS

/**
 * TnWriteFlags:
 * @TN_WRITE_FLAGS_NONE: finish as soon as the server accepted the write
 *   (200/201/204, or 202 in an asynchronous dialect)
 * @TN_WRITE_FLAGS_WAIT: then poll the resource until its status settles
 *   (see tn_session_wait_async()); a delete waits until the resource is gone
 *
 * How long a create, update or delete waits.
 */
typedef enum
{
  TN_WRITE_FLAGS_NONE = 0,
  TN_WRITE_FLAGS_WAIT = 1 << 0,
} TnWriteFlags;

#define TN_TYPE_SESSION (tn_session_get_type ())

G_DECLARE_FINAL_TYPE (TnSession, tn_session, TN, SESSION, GObject)

TnSession              *tn_session_new                (TnAccount            *account,
                                                       const char           *secret,
                                                       GError              **error);
TnAccount              *tn_session_get_account        (TnSession            *self);
const TnRegionProfile  *tn_session_get_profile        (TnSession            *self);
guint                   tn_session_get_timeout        (TnSession            *self);
void                    tn_session_set_timeout        (TnSession            *self,
                                                       guint                 msec);
guint                   tn_session_get_page_size      (TnSession            *self);
void                    tn_session_set_page_size      (TnSession            *self,
                                                       guint                 page_size);
void                    tn_session_set_poll_interval  (TnSession            *self,
                                                       guint                 first_msec,
                                                       guint                 max_msec);
gboolean                tn_session_is_signed_in       (TnSession            *self);
GDateTime              *tn_session_get_expires_at     (TnSession            *self);
const char             *tn_session_get_project_id     (TnSession            *self);

void                    tn_session_sign_in_async      (TnSession            *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean                tn_session_sign_in_finish     (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* The four VPNaaS kinds share one generic CRUD path (tn-session-resources.c). */
void                    tn_session_list_async         (TnSession            *self,
                                                       TnResourceKind        kind,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray              *tn_session_list_finish        (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                    tn_session_show_async         (TnSession            *self,
                                                       TnResourceKind        kind,
                                                       const char           *id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TnResource             *tn_session_show_finish        (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                    tn_session_create_async       (TnSession            *self,
                                                       TnResource           *resource,
                                                       TnWriteFlags          flags,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TnResource             *tn_session_create_finish      (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                    tn_session_update_async       (TnSession            *self,
                                                       TnResource           *original,
                                                       TnResource           *changed,
                                                       TnWriteFlags          flags,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TnResource             *tn_session_update_finish      (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                    tn_session_delete_async       (TnSession            *self,
                                                       TnResourceKind        kind,
                                                       const char           *id,
                                                       TnWriteFlags          flags,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean                tn_session_delete_finish      (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                    tn_session_wait_async         (TnSession            *self,
                                                       TnResourceKind        kind,
                                                       const char           *id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TnResource             *tn_session_wait_finish        (TnSession            *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* For the pickers of the VPN service form and the algorithm probe. */
void                    tn_session_list_routers_async    (TnSession            *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GPtrArray              *tn_session_list_routers_finish   (TnSession            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                    tn_session_list_subnets_async    (TnSession            *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GPtrArray              *tn_session_list_subnets_finish   (TnSession            *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                    tn_session_list_extensions_async (TnSession            *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GPtrArray              *tn_session_list_extensions_finish (TnSession           *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
