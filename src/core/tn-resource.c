/* tn-resource.c: the base of the four VPNaaS resource kinds
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResource"

#include "config.h"

#include <string.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-resource-private.h"
#include "tn-status.h"
#include "tn-wipe.h"
#include "tn-vpn-service.h"

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *status;
  char *project_id;
  char *region;
} TnResourcePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TnResource, tn_resource, G_TYPE_OBJECT)

static void wipe_value (GValue *value);

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_PROJECT_ID,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The attributes every kind has. Neutron answers `tenant_id` too; we read
 * the newer `project_id`. */
static const TnResourceField base_fields[] = {
  { "id", "id" },
  { "name", "name" },
  { "description", "description" },
  { "status", "status" },
  { "project_id", "project-id" },
};

static void
tn_resource_finalize (GObject *object)
{
  TnResource *self = (TnResource *)object;
  TnResourcePrivate *priv = tn_resource_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->status, g_free);
  g_clear_pointer (&priv->project_id, g_free);
  g_clear_pointer (&priv->region, g_free);

  G_OBJECT_CLASS (tn_resource_parent_class)->finalize (object);
}

static void
tn_resource_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TnResource *self = TN_RESOURCE (object);
  TnResourcePrivate *priv = tn_resource_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, priv->description);
      break;

    case PROP_STATUS:
      g_value_set_string (value, priv->status);
      break;

    case PROP_PROJECT_ID:
      g_value_set_string (value, priv->project_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, priv->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TnResource *self = TN_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      tn_resource_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      tn_resource_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      tn_resource_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      tn_resource_set_status (self, g_value_get_string (value));
      break;

    case PROP_PROJECT_ID:
      tn_resource_set_project_id (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      tn_resource_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_class_init (TnResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tn_resource_finalize;
  object_class->get_property = tn_resource_get_property;
  object_class->set_property = tn_resource_set_property;

  klass->kind = TN_N_RESOURCE_KINDS;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROJECT_ID] =
    g_param_spec_string ("project-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_resource_init (TnResource *self)
{
}

/**
 * tn_resource_class_set_fields:
 * @klass: a subclass of #TnResource
 * @kind: the resource kind the subclass models
 * @fields: (array length=n_fields): its own attributes (static)
 * @n_fields: the number of @fields
 *
 * Called from the class_init of each kind. The attributes of the base
 * (id, name, description, status, project_id) are added by
 * tn_resource_class_get_fields().
 */
void
tn_resource_class_set_fields (TnResourceClass       *klass,
                              TnResourceKind         kind,
                              const TnResourceField *fields,
                              guint                  n_fields)
{
  g_autofree TnResourceField *all = NULL;

  g_return_if_fail (TN_IS_RESOURCE_CLASS (klass));
  g_return_if_fail (kind < TN_N_RESOURCE_KINDS);

  /* Class data lives as long as the class, i.e. the process. */
  all = g_new0 (TnResourceField, G_N_ELEMENTS (base_fields) + n_fields);
  for (guint i = 0; i < G_N_ELEMENTS (base_fields); i++)
    all[i] = base_fields[i];
  for (guint i = 0; i < n_fields; i++)
    all[G_N_ELEMENTS (base_fields) + i] = fields[i];

  klass->kind = kind;
  klass->fields = g_steal_pointer (&all);
  klass->n_fields = G_N_ELEMENTS (base_fields) + n_fields;
}

/**
 * tn_resource_class_get_fields:
 * @klass: a subclass of #TnResource
 * @n_fields: (out): the number of fields
 *
 * Returns: (array length=n_fields) (transfer none): every API attribute
 *   of the kind, the base's first
 */
const TnResourceField *
tn_resource_class_get_fields (TnResourceClass *klass,
                              guint           *n_fields)
{
  g_return_val_if_fail (TN_IS_RESOURCE_CLASS (klass), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  if (klass->fields == NULL)
    {
      *n_fields = G_N_ELEMENTS (base_fields);
      return base_fields;
    }

  *n_fields = klass->n_fields;
  return klass->fields;
}

/**
 * tn_resource_kind_get_type:
 * @kind: a #TnResourceKind
 *
 * Returns: the #GType that models @kind
 */
GType
tn_resource_kind_get_type (TnResourceKind kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return TN_TYPE_IKE_POLICY;
    case TN_RESOURCE_IPSEC_POLICY:
      return TN_TYPE_IPSEC_POLICY;
    case TN_RESOURCE_VPN_SERVICE:
      return TN_TYPE_VPN_SERVICE;
    case TN_RESOURCE_CONNECTION:
      return TN_TYPE_CONNECTION;
    case TN_N_RESOURCE_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/**
 * tn_resource_new:
 * @kind: a #TnResourceKind
 *
 * Returns: (transfer full): an empty resource of @kind
 */
TnResource *
tn_resource_new (TnResourceKind kind)
{
  GType type = tn_resource_kind_get_type (kind);

  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  return g_object_new (type, NULL);
}

/**
 * tn_resource_dup:
 * @self: a #TnResource
 *
 * Copies every property, e.g. to edit a copy and hand both to
 * tn_session_update_async().
 *
 * Returns: (transfer full): a new resource with the values of @self
 */
TnResource *
tn_resource_dup (TnResource *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(TnResource) copy = NULL;
  guint n_pspecs = 0;

  g_return_val_if_fail (TN_IS_RESOURCE (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return g_steal_pointer (&copy);
}

/**
 * tn_resource_update_from:
 * @self: a #TnResource
 * @other: a resource of the same kind, e.g. as the server has it now
 *
 * Gives @self every value of @other. Only the properties whose value
 * changes are notified (once each, after all are set), so views bound to
 * @self redraw only what changed.
 *
 * Returns: whether any value changed
 */
gboolean
tn_resource_update_from (TnResource *self,
                         TnResource *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (TN_IS_RESOURCE (self), FALSE);
  g_return_val_if_fail (TN_IS_RESOURCE (other), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  if (self == other)
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&mine, pspecs[i]->value_type);
      g_value_init (&theirs, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &mine);
      g_object_get_property (G_OBJECT (other), pspecs[i]->name, &theirs);
      if (!_tn_resource_values_equal (&mine, &theirs))
        {
          g_object_set_property (G_OBJECT (self), pspecs[i]->name, &theirs);
          changed = TRUE;
        }

      /* One of them may be the PSK. */
      wipe_value (&mine);
      wipe_value (&theirs);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

/**
 * tn_resource_get_kind:
 * @self: a #TnResource
 *
 * Returns: the kind @self models
 */
TnResourceKind
tn_resource_get_kind (TnResource *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE (self), TN_N_RESOURCE_KINDS);

  return TN_RESOURCE_GET_CLASS (self)->kind;
}

/**
 * tn_resource_get_fields:
 * @self: a #TnResource
 * @n_fields: (out): the number of fields
 *
 * Returns: (array length=n_fields) (transfer none): the API attributes of
 *   the kind of @self
 */
const TnResourceField *
tn_resource_get_fields (TnResource *self,
                        guint      *n_fields)
{
  g_return_val_if_fail (TN_IS_RESOURCE (self), NULL);

  return tn_resource_class_get_fields (TN_RESOURCE_GET_CLASS (self), n_fields);
}

/**
 * tn_resource_find_field:
 * @self: a #TnResource
 * @field: an API attribute, e.g. `dpd.timeout`
 *
 * Returns: (nullable) (transfer none): the field, or %NULL if the kind of
 *   @self has no such attribute
 */
const TnResourceField *
tn_resource_find_field (TnResource *self,
                        const char *field)
{
  const TnResourceField *fields;
  guint n_fields = 0;

  g_return_val_if_fail (TN_IS_RESOURCE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  fields = tn_resource_get_fields (self, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].field, field))
      return &fields[i];

  return NULL;
}

/**
 * tn_resource_to_string:
 * @self: a #TnResource
 *
 * Describes @self for a debug message. Secret fields (the PSK) are never
 * part of it, only whether they are set.
 *
 * Returns: (transfer full): a one-line description
 */
char *
tn_resource_to_string (TnResource *self)
{
  g_autoptr(GString) str = NULL;
  const TnResourceField *fields;
  guint n_fields = 0;

  g_return_val_if_fail (TN_IS_RESOURCE (self), NULL);

  str = g_string_new (G_OBJECT_TYPE_NAME (self));
  g_string_append (str, " {");

  fields = tn_resource_get_fields (self, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), fields[i].property);
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);

      g_string_append_printf (str, "%s %s=", i ? "," : "", fields[i].field);

      if ((fields[i].flags & TN_RESOURCE_FIELD_SECRET) != 0)
        g_string_append (str, g_value_get_string (&value) ? "(set)" : "(unset)");
      else if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          g_autofree char *joined = NULL;
          const char * const *strv = g_value_get_boxed (&value);

          joined = strv ? g_strjoinv (",", (char **)strv) : NULL;
          g_string_append_printf (str, "[%s]", joined ? joined : "");
        }
      else
        {
          g_autofree char *contents = g_strdup_value_contents (&value);
          g_string_append (str, contents);
        }
    }

  g_string_append (str, " }");

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/*
 * set_string:
 * @self: a #TnResource
 * @field: the member that holds the value
 * @value: (nullable): the new value
 * @pspec: the property to notify
 *
 * Replaces *@field and notifies @pspec, only if
 * the value changed. A secret property's old value is wiped.
 *
 * Returns: whether the value changed
 */
static gboolean
set_string (TnResource  *self,
            char       **field,
            const char  *value,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  tn_wipe_free (g_steal_pointer (field));
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted copies of both compared: the same items as often, in any order. */
static gboolean
strv_equal_unordered (const char * const *a,
                      const char * const *b)
{
  g_autofree const char **sorted_a = NULL;
  g_autofree const char **sorted_b = NULL;
  guint n;

  if (a == NULL || b == NULL)
    return a == b;
  n = g_strv_length ((char **) a);
  if (n != g_strv_length ((char **) b))
    return FALSE;

  sorted_a = g_memdup2 (a, (n + 1) * sizeof (char *));
  sorted_b = g_memdup2 (b, (n + 1) * sizeof (char *));
  g_qsort_with_data (sorted_a, n, sizeof (char *), compare_strings, NULL);
  g_qsort_with_data (sorted_b, n, sizeof (char *), compare_strings, NULL);
  return g_strv_equal (sorted_a, sorted_b);
}

/**
 * tn_resource_field_equal:
 * @self: a #TnResource
 * @other: a resource of the same kind
 * @field: one of their fields
 *
 * A field flagged %TN_RESOURCE_FIELD_UNORDERED compares its items whatever
 * their order (each item as often in one as in the other), so an update
 * does not send a list the server only reordered.
 *
 * Returns: whether @self and @other hold the same value in @field
 */
gboolean
tn_resource_field_equal (TnResource            *self,
                         TnResource            *other,
                         const TnResourceField *field)
{
  g_auto(GValue) a = G_VALUE_INIT;
  g_auto(GValue) b = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (TN_IS_RESOURCE (self), FALSE);
  g_return_val_if_fail (TN_IS_RESOURCE (other), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field->property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  g_value_init (&a, pspec->value_type);
  g_value_init (&b, pspec->value_type);
  g_object_get_property (G_OBJECT (self), pspec->name, &a);
  g_object_get_property (G_OBJECT (other), pspec->name, &b);

  if ((field->flags & TN_RESOURCE_FIELD_UNORDERED) != 0 && G_VALUE_HOLDS (&a, G_TYPE_STRV))
    return strv_equal_unordered (g_value_get_boxed (&a), g_value_get_boxed (&b));
  return _tn_resource_values_equal (&a, &b);
}

#define DEFINE_STRING_ACCESSORS(member, PROP)                                  \
const char *                                                                   \
tn_resource_get_##member (TnResource *self)                                    \
{                                                                              \
  TnResourcePrivate *priv = tn_resource_get_instance_private (self);           \
                                                                               \
  g_return_val_if_fail (TN_IS_RESOURCE (self), NULL);                          \
                                                                               \
  return priv->member;                                                         \
}                                                                              \
                                                                               \
void                                                                           \
tn_resource_set_##member (TnResource *self,                                    \
                          const char *member)                                  \
{                                                                              \
  TnResourcePrivate *priv = tn_resource_get_instance_private (self);           \
                                                                               \
  g_return_if_fail (TN_IS_RESOURCE (self));                                    \
                                                                               \
  set_string (self, &priv->member, member, properties[PROP]);      \
}

DEFINE_STRING_ACCESSORS (id, PROP_ID)
DEFINE_STRING_ACCESSORS (name, PROP_NAME)
DEFINE_STRING_ACCESSORS (description, PROP_DESCRIPTION)
DEFINE_STRING_ACCESSORS (status, PROP_STATUS)
DEFINE_STRING_ACCESSORS (project_id, PROP_PROJECT_ID)
DEFINE_STRING_ACCESSORS (region, PROP_REGION)

#undef DEFINE_STRING_ACCESSORS

/**
 * tn_resource_is_settled:
 * @self: a #TnResource
 *
 * Returns: whether the status of @self is final (see
 *   tn_status_is_settled()); other statuses are polled
 */
gboolean
tn_resource_is_settled (TnResource *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE (self), TRUE);

  return tn_status_is_settled (tn_resource_get_status (self));
}

/* Wipes a string value in place before it is dropped (one of them is the
 * PSK); the GValue owns its copy, so writing to it is fine. */
static void
wipe_value (GValue *value)
{
  char *str;

  if (!G_VALUE_HOLDS_STRING (value))
    return;

  str = (char *)g_value_get_string (value);
  if (str != NULL)
    tn_wipe_memory (str, strlen (str));
}

void
_tn_resource_init_values (GValue      *values,
                          GParamSpec **pspecs,
                          guint        n_values)
{
  for (guint i = 1; i < n_values; i++)
    {
      g_value_init (&values[i], pspecs[i]->value_type);
      g_param_value_set_default (pspecs[i], &values[i]);
    }
}

void
_tn_resource_clear_values (GValue *values,
                           guint   n_values)
{
  for (guint i = 1; i < n_values; i++)
    {
      wipe_value (&values[i]);
      g_value_unset (&values[i]);
    }
}

gboolean
_tn_resource_values_equal (const GValue *a,
                           const GValue *b)
{
  g_return_val_if_fail (G_VALUE_TYPE (a) == G_VALUE_TYPE (b), FALSE);

  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return sa == sb;

      return g_strv_equal (sa, sb);
    }

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;

  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);

  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);

  g_return_val_if_reached (FALSE);
}

void
_tn_resource_set_value (GObject      *object,
                        GValue       *values,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GValue *slot = &values[pspec->param_id];

  if (_tn_resource_values_equal (slot, value))
    return;

  wipe_value (slot);
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

/**
 * tn_resource_compare_names:
 *
 * The lists' order by name: byte order for ASCII names, case folded
 * first; collation for the others. Only reads the names, so a thread may
 * sort resources that no other thread sees yet.
 *
 * Returns: -1, 0 or 1
 */
int
tn_resource_compare_names (TnResource *a,
                           TnResource *b)
{
  const char *x = tn_resource_get_name (a);
  const char *y = tn_resource_get_name (b);
  int result = g_strcmp0 (x, y);

  /* Names are mostly ASCII and differ early: bytes decide when they can. */
  if (result != 0 && x != NULL && y != NULL && (!g_str_is_ascii (x) || !g_str_is_ascii (y)))
    result = g_utf8_collate (x, y);
  else if (result != 0 && x != NULL && y != NULL)
    result = g_ascii_strcasecmp (x, y) ? g_ascii_strcasecmp (x, y) : result;

  return (result > 0) - (result < 0);
}
