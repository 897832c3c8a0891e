/* tn-json.h: VPNaaS JSON to models and back
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tn-extension.h"
#include "tn-region.h"
#include "tn-resource.h"
#include "tn-router.h"
#include "tn-subnet.h"

G_BEGIN_DECLS

/**
 * TnJsonItemFunc:
 * @object: one item of a collection
 * @user_data: the closure
 * @error: the error when @object does not have the expected shape
 *
 * Turns one JSON object of a list into a model object.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
typedef gpointer (*TnJsonItemFunc) (JsonObject  *object,
                                    gpointer     user_data,
                                    GError     **error);

JsonNode    *tn_json_parse_bytes          (GBytes                 *bytes,
                                           GError                **error);
JsonObject  *tn_json_get_member_object    (JsonNode               *root,
                                           const char             *member,
                                           GError                **error);
JsonArray   *tn_json_get_member_array     (JsonNode               *root,
                                           const char             *member,
                                           GError                **error);
char        *tn_json_find_next_link       (JsonNode               *root,
                                           const char             *links_member);
GBytes      *tn_json_to_bytes             (JsonObject             *object);

gboolean     tn_json_read_resource        (TnResource             *resource,
                                           JsonObject             *object,
                                           GError                **error);
TnResource  *tn_json_new_resource         (TnResourceKind          kind,
                                           JsonObject             *object,
                                           GError                **error);
JsonObject  *tn_json_build_create         (TnResource             *resource,
                                           const TnRegionProfile  *profile);
JsonObject  *tn_json_build_update         (TnResource             *original,
                                           TnResource             *changed,
                                           const TnRegionProfile  *profile,
                                           GError                **error);

TnRouter    *tn_json_new_router           (JsonObject             *object,
                                           GError                **error);
TnSubnet    *tn_json_new_subnet           (JsonObject             *object,
                                           GError                **error);
TnExtension *tn_json_new_extension        (JsonObject             *object,
                                           GError                **error);

G_END_DECLS
