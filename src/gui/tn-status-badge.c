/* tn-status-badge.c: a resource's status as a coloured badge
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnStatusBadge"

#include "config.h"

#include "tn-status.h"
#include "tn-status-badge.h"

struct _TnStatusBadge
{
  GtkWidget  parent_instance;

  char      *status;
  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (TnStatusBadge, tn_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *tone_classes[] = {
  [TN_STATUS_TONE_GOOD] = "success",
  [TN_STATUS_TONE_NEUTRAL] = "dim-label",
  [TN_STATUS_TONE_BUSY] = "accent",
  [TN_STATUS_TONE_BAD] = "error",
};

/**
 * tn_status_badge_set_tone:
 * @widget: a badge, or a list cell styled as one (`.status-badge`)
 * @status: (nullable): the status whose tone @widget shows
 *
 * Gives @widget the style class of @status's tone, and no other.
 */
void
tn_status_badge_set_tone (GtkWidget  *widget,
                          const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (tone_classes); i++)
    gtk_widget_remove_css_class (widget, tone_classes[i]);

  if (status != NULL && *status != '\0')
    gtk_widget_add_css_class (widget, tone_classes[tn_status_get_tone (status)]);
}

static void
update_badge (TnStatusBadge *self)
{
  const char *name = tn_status_get_display_name (self->status);
  gboolean has_status = self->status != NULL && *self->status != '\0';

  tn_status_badge_set_tone (GTK_WIDGET (self), self->status);

  gtk_label_set_label (self->label, name);
  gtk_widget_set_visible (GTK_WIDGET (self->label), has_status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
tn_status_badge_dispose (GObject *object)
{
  TnStatusBadge *self = TN_STATUS_BADGE (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (tn_status_badge_parent_class)->dispose (object);
}

static void
tn_status_badge_finalize (GObject *object)
{
  TnStatusBadge *self = TN_STATUS_BADGE (object);

  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (tn_status_badge_parent_class)->finalize (object);
}

static void
tn_status_badge_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TnStatusBadge *self = TN_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_status_badge_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TnStatusBadge *self = TN_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      tn_status_badge_set_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_status_badge_class_init (TnStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_status_badge_dispose;
  object_class->finalize = tn_status_badge_finalize;
  object_class->get_property = tn_status_badge_get_property;
  object_class->set_property = tn_status_badge_set_property;

  /**
   * TnStatusBadge:status:
   *
   * The status as the server sends it, such as `PENDING_CREATE`.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "status-badge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
tn_status_badge_init (TnStatusBadge *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update_badge (self);
}

GtkWidget *
tn_status_badge_new (void)
{
  return g_object_new (TN_TYPE_STATUS_BADGE, NULL);
}

const char *
tn_status_badge_get_status (TnStatusBadge *self)
{
  g_return_val_if_fail (TN_IS_STATUS_BADGE (self), NULL);

  return self->status;
}

/**
 * tn_status_badge_set_status:
 * @status: (nullable): a status as the server sends it; %NULL hides the badge
 */
void
tn_status_badge_set_status (TnStatusBadge *self,
                            const char    *status)
{
  g_return_if_fail (TN_IS_STATUS_BADGE (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  update_badge (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
