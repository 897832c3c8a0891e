/* tn-resource-private.h: what the resource kinds share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource.h"

G_BEGIN_DECLS

/* Each kind keeps its own properties in a GValue array indexed by property
 * id, so one getter, setter and comparison serve all four; the typed
 * accessors below are thin wrappers. Strings are wiped when replaced or
 * freed (one of them is the PSK). */

void _tn_resource_init_values  (GValue        *values,
                                GParamSpec   **pspecs,
                                guint          n_values);
void _tn_resource_clear_values (GValue        *values,
                                guint          n_values);
void _tn_resource_set_value    (GObject       *object,
                                GValue        *values,
                                const GValue  *value,
                                GParamSpec    *pspec);

#define TN_PROP_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* finalize, get_property, set_property and init for a kind whose instance
 * struct has `GValue values[N_PROPS]` and whose file has `properties[]`. */
#define TN_RESOURCE_DEFINE_STORAGE(TypeName, type_name)                         \
static void                                                                     \
type_name##_finalize (GObject *object)                                          \
{                                                                               \
  TypeName *self = (TypeName *)object;                                          \
                                                                                \
  _tn_resource_clear_values (self->values, N_PROPS);                            \
                                                                                \
  G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                 \
}                                                                               \
                                                                                \
static void                                                                     \
type_name##_get_property (GObject    *object,                                   \
                          guint       prop_id,                                  \
                          GValue     *value,                                    \
                          GParamSpec *pspec)                                    \
{                                                                               \
  TypeName *self = (TypeName *)object;                                          \
                                                                                \
  if (prop_id > PROP_0 && prop_id < N_PROPS)                                    \
    g_value_copy (&self->values[prop_id], value);                               \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}                                                                               \
                                                                                \
static void                                                                     \
type_name##_set_property (GObject      *object,                                 \
                          guint         prop_id,                                \
                          const GValue *value,                                  \
                          GParamSpec   *pspec)                                  \
{                                                                               \
  TypeName *self = (TypeName *)object;                                          \
                                                                                \
  if (prop_id > PROP_0 && prop_id < N_PROPS)                                    \
    _tn_resource_set_value (object, self->values, value, pspec);                \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}                                                                               \
                                                                                \
static void                                                                     \
type_name##_init (TypeName *self)                                               \
{                                                                               \
  _tn_resource_init_values (self->values, properties, N_PROPS);                 \
}

#define TN_RESOURCE_INSTALL_STORAGE(object_class, type_name)                    \
  G_STMT_START {                                                                \
    (object_class)->finalize = type_name##_finalize;                            \
    (object_class)->get_property = type_name##_get_property;                    \
    (object_class)->set_property = type_name##_set_property;                    \
  } G_STMT_END

/* A typed getter and setter pair over the GValue array. */
#define TN_RESOURCE_DEFINE_ACCESSORS(TypeName, type_name, TYPE, name, PROP, CType, getter, setter) \
CType                                                                           \
type_name##_get_##name (TypeName *self)                                         \
{                                                                               \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, TYPE), (CType) 0);    \
                                                                                \
  return (CType) getter (&self->values[PROP]);                                  \
}                                                                               \
                                                                                \
void                                                                            \
type_name##_set_##name (TypeName *self,                                         \
                        CType     value)                                        \
{                                                                               \
  g_auto(GValue) gvalue = G_VALUE_INIT;                                         \
                                                                                \
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, TYPE));                   \
                                                                                \
  g_value_init (&gvalue, properties[PROP]->value_type);                         \
  setter (&gvalue, value);                                                      \
  _tn_resource_set_value (G_OBJECT (self), self->values, &gvalue, properties[PROP]); \
}

#define TN_RESOURCE_DEFINE_STRING(TypeName, type_name, TYPE, name, PROP)        \
  TN_RESOURCE_DEFINE_ACCESSORS (TypeName, type_name, TYPE, name, PROP,          \
                                const char *, g_value_get_string, g_value_set_string)
#define TN_RESOURCE_DEFINE_INT(TypeName, type_name, TYPE, name, PROP)           \
  TN_RESOURCE_DEFINE_ACCESSORS (TypeName, type_name, TYPE, name, PROP,          \
                                int, g_value_get_int, g_value_set_int)
#define TN_RESOURCE_DEFINE_BOOLEAN(TypeName, type_name, TYPE, name, PROP)       \
  TN_RESOURCE_DEFINE_ACCESSORS (TypeName, type_name, TYPE, name, PROP,          \
                                gboolean, g_value_get_boolean, g_value_set_boolean)
#define TN_RESOURCE_DEFINE_STRV(TypeName, type_name, TYPE, name, PROP)          \
  TN_RESOURCE_DEFINE_ACCESSORS (TypeName, type_name, TYPE, name, PROP,          \
                                const char * const *, g_value_get_boxed, g_value_set_boxed)

gboolean _tn_resource_values_equal (const GValue *a,
                                    const GValue *b);

G_END_DECLS
