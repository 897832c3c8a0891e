/* tn-resource.h: the base of the four VPNaaS resource kinds
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tn-region.h"

G_BEGIN_DECLS

/**
 * TnResourceFieldFlags:
 * @TN_RESOURCE_FIELD_NONE: an ordinary field
 * @TN_RESOURCE_FIELD_SECRET: the value is a secret (a pre-shared key): never
 *   printed, logged or shown unmasked
 * @TN_RESOURCE_FIELD_UNORDERED: a list whose order means nothing (peer
 *   CIDRs, which Neutron returns in any order): two values are equal when
 *   they hold the same items, whatever their order
 *
 * What is special about a field of a resource.
 */
typedef enum
{
  TN_RESOURCE_FIELD_NONE   = 0,
  TN_RESOURCE_FIELD_SECRET    = 1 << 0,
  TN_RESOURCE_FIELD_UNORDERED = 1 << 1,
} TnResourceFieldFlags;

/**
 * TnResourceField:
 * @field: the API attribute; a member of an object attribute is dotted
 *   (`lifetime.value`, `dpd.timeout`), as in the region table
 * @property: the GObject property that holds it
 * @flags: #TnResourceFieldFlags
 *
 * Maps one API attribute to one property. Each resource class has a table
 * of them; the cloud layer reads and writes JSON through it, so the four
 * kinds share one code path. Whether a region's API has the field and who
 * may set it is the region table's business (tn_region_profile_get_access()).
 */
typedef struct
{
  const char           *field;
  const char           *property;
  TnResourceFieldFlags  flags;
} TnResourceField;

#define TN_TYPE_RESOURCE (tn_resource_get_type ())

G_DECLARE_DERIVABLE_TYPE (TnResource, tn_resource, TN, RESOURCE, GObject)

struct _TnResourceClass
{
  GObjectClass parent_class;

  /*< private >*/
  TnResourceKind         kind;
  const TnResourceField *fields;
  guint                  n_fields;

  gpointer               padding[8];
};

void                   tn_resource_class_set_fields   (TnResourceClass       *klass,
                                                       TnResourceKind         kind,
                                                       const TnResourceField *fields,
                                                       guint                  n_fields);
const TnResourceField *tn_resource_class_get_fields   (TnResourceClass       *klass,
                                                       guint                 *n_fields);
GType                  tn_resource_kind_get_type      (TnResourceKind         kind);

TnResource            *tn_resource_new                (TnResourceKind         kind);
TnResource            *tn_resource_dup                (TnResource            *self);
gboolean               tn_resource_update_from        (TnResource            *self,
                                                       TnResource            *other);
TnResourceKind         tn_resource_get_kind           (TnResource            *self);
const TnResourceField *tn_resource_get_fields         (TnResource            *self,
                                                       guint                 *n_fields);
const TnResourceField *tn_resource_find_field         (TnResource            *self,
                                                       const char            *field);
char                  *tn_resource_to_string          (TnResource            *self);
gboolean               tn_resource_field_equal        (TnResource            *self,
                                                       TnResource            *other,
                                                       const TnResourceField *field);

const char            *tn_resource_get_id             (TnResource            *self);
void                   tn_resource_set_id             (TnResource            *self,
                                                       const char            *id);
const char            *tn_resource_get_name           (TnResource            *self);
int                    tn_resource_compare_names      (TnResource            *a,
                                                       TnResource            *b);
void                   tn_resource_set_name           (TnResource            *self,
                                                       const char            *name);
const char            *tn_resource_get_description    (TnResource            *self);
void                   tn_resource_set_description    (TnResource            *self,
                                                       const char            *description);
const char            *tn_resource_get_status         (TnResource            *self);
void                   tn_resource_set_status         (TnResource            *self,
                                                       const char            *status);
const char            *tn_resource_get_project_id     (TnResource            *self);
void                   tn_resource_set_project_id     (TnResource            *self,
                                                       const char            *project_id);
const char            *tn_resource_get_region         (TnResource            *self);
void                   tn_resource_set_region         (TnResource            *self,
                                                       const char            *region);
gboolean               tn_resource_is_settled         (TnResource            *self);

G_END_DECLS
