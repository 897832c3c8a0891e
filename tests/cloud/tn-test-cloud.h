/* tn-test-cloud.h: an in-process sandbox and a session signed in to it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-error.h"
#include "tn-sandbox.h"
#include "tn-session.h"

G_BEGIN_DECLS

typedef struct
{
  TnSandbox  *sandbox;
  TnSession  *session;
  const char *region;
} TnTestCloud;

void          tn_test_cloud_setup          (TnTestCloud    *cloud,
                                            gconstpointer   region);
void          tn_test_cloud_teardown       (TnTestCloud    *cloud,
                                            gconstpointer   region);
TnSession    *tn_test_cloud_new_session    (TnTestCloud    *cloud,
                                            TnAccount      *account,
                                            const char     *secret);
TnAccount    *tn_test_cloud_new_account    (TnTestCloud    *cloud);
GAsyncResult *tn_test_wait                 (GAsyncResult  **result);
void          tn_test_on_result_cb         (GObject        *object,
                                            GAsyncResult   *result,
                                            gpointer        user_data);
void          tn_test_sign_in              (TnSession      *session);
GPtrArray    *tn_test_list                 (TnSession      *session,
                                            TnResourceKind  kind,
                                            GError        **error);
TnResource   *tn_test_create               (TnSession      *session,
                                            TnResource     *resource,
                                            GError        **error);
TnResource   *tn_test_new_resource         (TnSession      *session,
                                            TnResourceKind  kind,
                                            const char     *name);
TnResource   *tn_test_find_settled         (TnSession      *session,
                                            TnResourceKind  kind);

extern const char * const tn_test_regions[];

G_END_DECLS
