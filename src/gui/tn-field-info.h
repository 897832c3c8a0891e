/* tn-field-info.h: how each field of a resource is named, grouped and shown
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-region.h"
#include "tn-resource.h"

G_BEGIN_DECLS

/**
 * TnFieldGroup:
 *
 * The groups of the detail pages and forms.
 */
typedef enum
{
  TN_FIELD_GROUP_GENERAL,
  TN_FIELD_GROUP_ALGORITHMS,
  TN_FIELD_GROUP_LIFETIME,
  TN_FIELD_GROUP_PEER,
  TN_FIELD_GROUP_DPD,
  TN_N_FIELD_GROUPS,
} TnFieldGroup;

/**
 * TnFieldInfo:
 * @kind: the resource kind
 * @field: the API attribute, as in the region table (`dpd.timeout`), or
 *   `id`, which every kind has
 * @property: the model's property
 * @title: the field's name on detail pages and forms (untranslated)
 * @column_title: (nullable): its shorter name as a list column
 * @group: where the field goes
 * @in_list: whether the kind's list has a column for it (if the region
 *   has the field)
 * @related: for an id of another resource, that resource's kind, else
 *   %TN_N_RESOURCE_KINDS
 *
 * The presentation of one field. Which fields a region has and who may set
 * them is the region table's business; this only says how to show them.
 */
typedef struct
{
  TnResourceKind  kind;
  const char     *field;
  const char     *property;
  const char     *title;
  const char     *column_title;
  TnFieldGroup    group;
  gboolean        in_list;
  TnResourceKind  related;
} TnFieldInfo;

const TnFieldInfo *tn_field_info_list          (TnResourceKind         kind,
                                                guint                 *n_fields);
const TnFieldInfo *tn_field_info_lookup        (TnResourceKind         kind,
                                                const char            *field);
gboolean           tn_field_info_is_shown      (const TnFieldInfo     *info,
                                                const TnRegionProfile *profile);
const char        *tn_field_info_get_title     (const TnFieldInfo     *info);
const char        *tn_field_info_get_column_title (const TnFieldInfo  *info);
const char        *tn_field_group_get_title    (TnFieldGroup           group);
const char        *tn_field_format_choice      (const char            *field,
                                                const char            *value);
char              *tn_field_format_value       (const TnFieldInfo     *info,
                                                TnResource            *resource);
char              *tn_field_format_gvalue      (const TnFieldInfo     *info,
                                                const GValue          *value);
const char        *tn_resource_kind_get_title  (TnResourceKind         kind);
const char        *tn_resource_kind_get_singular (TnResourceKind       kind);

G_END_DECLS
