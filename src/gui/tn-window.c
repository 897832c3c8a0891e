/* tn-window.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-window.h"

struct _TnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *section;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwViewStack         *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (TnWindow, tn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections of the sidebar, in order; Ctrl+1…4 follow it. */
static const struct {
  const char *name;
  const char *title;
} sections[] = {
  { "vpn-services", N_("VPN Services") },
  { "connections", N_("IPsec VPN Connections") },
  { "ike-policies", N_("IKE Policies") },
  { "ipsec-policies", N_("IPsec Policies") },
};

static int
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return i;

  return -1;
}

static void
save_window_state (TnWindow *self)
{
  int width, height;
  gboolean maximized;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
    }

  g_settings_set_string (self->settings, "last-section", self->section);
}

static void
on_sidebar_list_row_activated_cb (TnWindow      *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (sections));

  tn_window_set_section (self, sections[index].name);
}

static void
on_back_button_clicked_cb (TnWindow  *self,
                           GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
tn_window_close_request (GtkWindow *window)
{
  save_window_state (TN_WINDOW (window));

  return GTK_WINDOW_CLASS (tn_window_parent_class)->close_request (window);
}

static void
tn_window_finalize (GObject *object)
{
  TnWindow *self = TN_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (tn_window_parent_class)->finalize (object);
}

static void
tn_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TnWindow *self = TN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TnWindow *self = TN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      tn_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_window_class_init (TnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = tn_window_finalize;
  object_class->get_property = tn_window_get_property;
  object_class->set_property = tn_window_set_property;

  window_class->close_request = tn_window_close_request;

  /**
   * TnWindow:section:
   *
   * The name of the section shown in the content pane.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         "vpn-services",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class,
                                         GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.section", "s", sections[i].name);
}

static void
tn_window_init (TnWindow *self)
{
  g_autofree char *last_section = NULL;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (BASE_APP_ID);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_section = g_settings_get_string (self->settings, "last-section");
  if (find_section (last_section) >= 0)
    tn_window_set_section (self, last_section);
  else
    tn_window_set_section (self, sections[0].name);
}

TnWindow *
tn_window_new (TnApplication *application)
{
  return g_object_new (TN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * tn_window_get_section:
 *
 * Returns: the name of the section shown, such as "connections"
 */
const char *
tn_window_get_section (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->section;
}

/**
 * tn_window_set_section:
 * @section: "vpn-services", "connections", "ike-policies" or "ipsec-policies"
 *
 * Shows @section in the content pane and selects it in the sidebar.
 */
void
tn_window_set_section (TnWindow   *self,
                       const char *section)
{
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (TN_IS_WINDOW (self));

  index = find_section (section);
  if (index < 0)
    {
      g_warning ("No section named “%s”", section);
      return;
    }

  if (g_strcmp0 (self->section, section) == 0)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        adw_leaflet_set_visible_child_name (self->leaflet, "content");
      return;
    }

  g_free (self->section);
  self->section = g_strdup (section);

  adw_view_stack_set_visible_child_name (self->stack, section);
  adw_window_title_set_title (self->content_title, _(sections[index].title));

  row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  gtk_list_box_select_row (self->sidebar_list, row);

  /* In one column, choosing a section moves on to it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * tn_window_get_folded:
 *
 * Returns: %TRUE when the sidebar and the content are shown as one column
 */
gboolean
tn_window_get_folded (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}
