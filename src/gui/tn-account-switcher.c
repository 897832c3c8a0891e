/* tn-account-switcher.c: the active account, and a menu to change it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnAccountSwitcher"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-account-switcher.h"
#include "tn-region.h"

/*
 * Shows the active account (name and region) in the sidebar's header bar.
 * Its menu lists every account: choosing one activates `win.switch-account`
 * with the account's id.
 */

struct _TnAccountSwitcher
{
  GtkWidget         parent_instance;

  TnAccountManager *accounts;
  TnAccount        *shown;

  /* Template widgets */
  GtkMenuButton    *button;
  GtkPopover       *popover;
  GtkLabel         *name_label;
  GtkLabel         *region_label;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (TnAccountSwitcher, tn_account_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tn_account_dup_region_label:
 *
 * Returns: (transfer full): the account's region as users know it, such
 *   as “East Japan 1” or “RegionOne”
 */
char *
tn_account_dup_region_label (TnAccount *account)
{
  const char *region = tn_account_get_region (account);
  const char *display = tn_region_profile_get_display_name (tn_region_profile_lookup (region));

  return g_strdup (display ? display : region ? region : "");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TnAccount *account = item;
  TnAccountSwitcher *self = user_data;
  g_autofree char *region = tn_account_dup_region_label (account);
  GtkWidget *row, *box, *name, *subtitle, *check;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  name = gtk_label_new (NULL);
  g_object_bind_property (account, "name", name, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  subtitle = gtk_label_new (region);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  {
    GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_set_hexpand (labels, TRUE);
    gtk_box_append (GTK_BOX (labels), name);
    gtk_box_append (GTK_BOX (labels), subtitle);
    gtk_box_append (GTK_BOX (box), labels);
  }

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (check, account == tn_account_manager_get_active (self->accounts));
  gtk_box_append (GTK_BOX (box), check);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, tn_account_get_id (account));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, subtitle, NULL,
                                  -1);

  return row;
}

static void
update_button (TnAccountSwitcher *self)
{
  TnAccount *active = self->accounts ? tn_account_manager_get_active (self->accounts) : NULL;
  g_autofree char *region = active ? tn_account_dup_region_label (active) : NULL;

  if (self->shown != active)
    {
      if (self->shown != NULL)
        g_signal_handlers_disconnect_by_func (self->shown, update_button, self);
      g_set_object (&self->shown, active);
      if (active != NULL)
        g_signal_connect_object (active, "notify", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
    }

  gtk_label_set_label (self->name_label, active ? tn_account_get_name (active) : "");
  gtk_label_set_label (self->region_label, region ? region : "");
  gtk_widget_set_visible (GTK_WIDGET (self), active != NULL);

  /* Rebuild the rows: the check mark follows the active account. */
  gtk_list_box_bind_model (self->list, self->accounts ? G_LIST_MODEL (self->accounts) : NULL,
                           create_row, self, NULL);
}

static void
on_list_row_activated_cb (TnAccountSwitcher *self,
                          GtkListBoxRow     *row,
                          GtkListBox        *list)
{
  gtk_popover_popdown (self->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.switch-account", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
tn_account_switcher_dispose (GObject *object)
{
  TnAccountSwitcher *self = TN_ACCOUNT_SWITCHER (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, update_button, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_ACCOUNT_SWITCHER);

  G_OBJECT_CLASS (tn_account_switcher_parent_class)->dispose (object);
}

static void
tn_account_switcher_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TnAccountSwitcher *self = TN_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_account_switcher_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TnAccountSwitcher *self = TN_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      tn_account_switcher_set_accounts (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_account_switcher_class_init (TnAccountSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_account_switcher_dispose;
  object_class->get_property = tn_account_switcher_get_property;
  object_class->set_property = tn_account_switcher_set_property;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL,
                         TN_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-account-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, TnAccountSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, TnAccountSwitcher, popover);
  gtk_widget_class_bind_template_child (widget_class, TnAccountSwitcher, name_label);
  gtk_widget_class_bind_template_child (widget_class, TnAccountSwitcher, region_label);
  gtk_widget_class_bind_template_child (widget_class, TnAccountSwitcher, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tn_account_switcher_init (TnAccountSwitcher *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TnAccountManager *
tn_account_switcher_get_accounts (TnAccountSwitcher *self)
{
  g_return_val_if_fail (TN_IS_ACCOUNT_SWITCHER (self), NULL);

  return self->accounts;
}

void
tn_account_switcher_set_accounts (TnAccountSwitcher *self,
                                  TnAccountManager  *accounts)
{
  g_return_if_fail (TN_IS_ACCOUNT_SWITCHER (self));

  if (self->accounts == accounts)
    return;

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, update_button, self);
  g_set_object (&self->accounts, accounts);
  if (accounts != NULL)
    {
      g_signal_connect_object (accounts, "notify::active", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (accounts, "items-changed", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
    }
  update_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS]);
}
