/* tn-test-client.h: a tiny HTTP client for the sandbox's tests
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tn-sandbox.h"

G_BEGIN_DECLS

typedef struct
{
  guint               status;   /* 0 when the transfer failed */
  GError             *error;    /* why it failed */
  SoupMessageHeaders *headers;
  GBytes             *raw;
  JsonNode           *body;     /* NULL if the body is not JSON */
} TnTestResponse;

void            tn_test_response_free   (TnTestResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnTestResponse, tn_test_response_free)

/* Runs the default main context (where the sandbox answers) until the
 * answer is in. */
TnTestResponse *tn_test_request         (const char     *method,
                                         const char     *url,
                                         const char     *token,
                                         const char     *body);
char           *tn_test_sign_in         (TnSandbox      *sandbox);
char           *tn_test_sign_in_admin   (TnSandbox      *sandbox);
char           *tn_test_url             (TnSandbox      *sandbox,
                                         const char     *region,
                                         const char     *path);
const char     *tn_test_error_type      (TnTestResponse *response);
JsonObject     *tn_test_member          (TnTestResponse *response,
                                         const char     *key);
JsonArray      *tn_test_list            (TnTestResponse *response,
                                         const char     *key);
void            tn_test_wait            (guint           milliseconds);

G_END_DECLS
