/* tn-resource-list.c: the list of one resource kind, as a sortable, searchable table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceList"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-field-info.h"
#include "tn-resource-actions.h"
#include "tn-resource-list-private.h"

G_DEFINE_FINAL_TYPE (TnResourceList, tn_resource_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORES,
  PROP_KIND,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *icon;
  const char *title;
  const char *description;
} empty_pages[] = {
  [TN_RESOURCE_IKE_POLICY] = { "channel-secure-symbolic", N_("No IKE Policies"),
                               N_("An IKE policy sets how both ends of a connection prove who they are and agree on keys.") },
  [TN_RESOURCE_IPSEC_POLICY] = { "security-high-symbolic", N_("No IPsec Policies"),
                                 N_("An IPsec policy sets how the traffic through a tunnel is encrypted and protected.") },
  [TN_RESOURCE_VPN_SERVICE] = { "network-server-symbolic", N_("No VPN Services"),
                                N_("A VPN service attaches IPsec VPN connections to a router and its subnet.") },
  [TN_RESOURCE_CONNECTION] = { "network-vpn-symbolic", N_("No IPsec VPN Connections"),
                               N_("An IPsec VPN connection links your cloud network to a peer network through an encrypted tunnel.") },
};

static TnResourceStore *
get_store (TnResourceList *self)
{
  return self->stores ? tn_store_set_get_store (self->stores, self->kind) : NULL;
}

static void
update_page (TnResourceList *self)
{
  TnResourceStore *store = get_store (self);
  TnStoreState state = store ? tn_resource_store_get_state (store) : TN_STORE_STATE_EMPTY;
  guint n_items = store ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;
  const GError *error = store ? tn_resource_store_get_error (store) : NULL;
  TnSessionManager *sessions = self->stores ? tn_store_set_get_sessions (self->stores) : NULL;
  gboolean signing_in = sessions && tn_session_manager_get_state (sessions) == TN_SESSION_STATE_SIGNING_IN;
  const char *page;

  if (n_items > 0)
    page = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0 ||
           gtk_filter_list_model_get_pending (self->filter_model) > 0 ? "list" : "no-results";
  else if (state == TN_STORE_STATE_FAILED)
    page = "error";
  else if (state == TN_STORE_STATE_LOADING || signing_in)
    page = "loading";
  else
    page = "empty";

  if (g_str_equal (page, "error") && error != NULL)
    adw_status_page_set_description (self->error_page, error->message);

  /* A refresh that failed while the list shows says so above it. */
  gtk_revealer_set_reveal_child (self->error_revealer, n_items > 0 && state == TN_STORE_STATE_FAILED);
  if (n_items > 0 && error != NULL)
    gtk_label_set_label (self->error_label, error->message);

  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_actions (TnResourceList *self)
{
  TnResource *resource = tn_resource_list_get_selected (self);
  g_auto(TnPermissions) permissions = { 0 };

  if (resource != NULL)
    tn_resource_actions_get_permissions (self->stores, resource, &permissions);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resource.open", resource != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resource.edit",
                                 resource != NULL && permissions.show_edit && permissions.can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resource.delete", resource != NULL && permissions.can_delete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resource.menu", resource != NULL);
}

static void
on_watched_notify_cb (TnResourceList *self)
{
  update_actions (self);
}

/* The rows change (search, sort, refresh): the selection model may drop
 * the selected row meanwhile; the user's choice is selected again as soon
 * as it shows. */
static void
on_model_changed_cb (TnResourceList *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  TnResourceStore *store = get_store (self);
  guint n;

  if (self->wanted == NULL || tn_resource_list_get_selected (self) == self->wanted)
    return;

  if (store == NULL || tn_resource_store_lookup (store, tn_resource_get_id (self->wanted)) != self->wanted)
    {
      g_clear_object (&self->wanted);
      return;
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TnResource) item = g_list_model_get_item (model, i);

      if (item == self->wanted)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
on_selection_changed_cb (TnResourceList *self)
{
  TnResource *resource = tn_resource_list_get_selected (self);

  /* Nothing selected is how a search or a refresh hides the row for a
   * while: the choice stays until the user makes another. */
  if (resource != NULL)
    g_set_object (&self->wanted, resource);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_watched_notify_cb, self);
  g_set_object (&self->watched, resource);
  if (resource != NULL)
    g_signal_connect_object (resource, "notify::status", G_CALLBACK (on_watched_notify_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The relations changed (a connection came or went): a policy may be in
 * use now, or no longer. */
static void
on_connections_changed_cb (TnResourceList *self)
{
  update_actions (self);
}

static void
on_store_changed_cb (TnResourceList *self)
{
  update_page (self);
}

static void
on_session_changed_cb (TnResourceList *self)
{
  _tn_resource_list_build_columns (self, self->column_view, self->stores, self->kind,
                                   tn_store_set_get_profile (self->stores));
  update_page (self);
}

static void
on_search_entry_search_changed_cb (TnResourceList *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  _tn_resource_list_set_needle (self, *text ? g_utf8_casefold (text, -1) : NULL);
}

static void
on_search_entry_stop_search_cb (TnResourceList *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_retry_clicked_cb (TnResourceList *self)
{
  if (self->stores != NULL)
    tn_store_set_reload (self->stores, self->kind);
}

static void
on_column_view_activate_cb (TnResourceList *self,
                            guint           position)
{
  g_autoptr(TnResource) resource = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (resource != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, resource);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnResourceList *self = TN_RESOURCE_LIST (widget);
  TnResource *resource = tn_resource_list_get_selected (self);

  if (resource != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, resource);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnResourceList *self = TN_RESOURCE_LIST (widget);
  TnResource *resource = tn_resource_list_get_selected (self);

  if (resource != NULL)
    tn_resource_actions_edit (widget, self->stores, resource);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnResourceList *self = TN_RESOURCE_LIST (widget);
  TnResource *resource = tn_resource_list_get_selected (self);

  if (TN_IS_CONNECTION (resource))
    tn_resource_actions_export (widget, self->stores, TN_CONNECTION (resource));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnResourceList *self = TN_RESOURCE_LIST (widget);
  TnResource *resource = tn_resource_list_get_selected (self);

  if (resource != NULL)
    tn_resource_actions_delete (widget, self->stores, resource);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tn_resource_list_start_search (TN_RESOURCE_LIST (widget));
}

static void
popup_menu_at (TnResourceList *self,
               double          x,
               double          y)
{
  TnResource *resource = tn_resource_list_get_selected (self);
  g_autoptr(GMenuModel) menu = NULL;

  if (resource == NULL)
    return;

  menu = _tn_resource_list_build_menu (self, resource);
  gtk_popover_menu_set_menu_model (self->context_menu, menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnResourceList *self = TN_RESOURCE_LIST (widget);

  popup_menu_at (self, 24, gtk_widget_get_height (widget) / 3.0);
}

/* A right click selects the row under the pointer and opens its menu. */
static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         TnResourceList  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    {
      gpointer item = g_object_get_data (G_OBJECT (picked), "tn-resource-list-item");

      if (item != NULL)
        {
          _tn_resource_list_select_item (self, item);
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          popup_menu_at (self, x, y);
          return;
        }
    }
}

/**
 * _tn_resource_list_select_item:
 * @item: a resource of the list
 *
 * Selects @item (a row's menu acts on the selection).
 */
void
_tn_resource_list_select_item (TnResourceList *self,
                               gpointer        item)
{
  tn_resource_list_select (self, item);
}

/**
 * _tn_resource_list_build_menu:
 *
 * Returns: (transfer full): the row menu of @resource: Open, Edit…,
 *   Delete…, and why Edit or Delete cannot be used now
 */
GMenuModel *
_tn_resource_list_build_menu (TnResourceList *self,
                              TnResource     *resource)
{
  g_auto(TnPermissions) permissions = { 0 };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  const char *reason;

  tn_resource_actions_get_permissions (self->stores, resource, &permissions);

  g_menu_append (actions, _("_Open"), "resource.open");
  if (permissions.show_edit)
    g_menu_append (actions, _("_Edit…"), "resource.edit");
  g_menu_append (actions, _("_Delete…"), "resource.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  if (TN_IS_CONNECTION (resource))
    {
      g_autoptr(GMenu) export = g_menu_new ();

      g_menu_append (export, _("E_xport Peer Configuration…"), "resource.export");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
    }

  /* An item without an action shows insensitive: the reason. */
  reason = !permissions.can_edit && permissions.show_edit ? permissions.edit_reason : permissions.delete_reason;
  if (reason != NULL)
    {
      g_autoptr(GMenu) why = g_menu_new ();

      g_menu_append (why, reason, NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (why));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
tn_resource_list_dispose (GObject *object)
{
  TnResourceList *self = TN_RESOURCE_LIST (object);

  tn_resource_list_set_stores (self, NULL);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_watched_notify_cb, self);
  g_clear_object (&self->watched);
  g_clear_object (&self->wanted);
  g_clear_pointer ((GtkWidget **) &self->context_menu, gtk_widget_unparent);
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_RESOURCE_LIST);
  _tn_resource_list_clear_models (self);

  G_OBJECT_CLASS (tn_resource_list_parent_class)->dispose (object);
}

static void
tn_resource_list_finalize (GObject *object)
{
  TnResourceList *self = TN_RESOURCE_LIST (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (tn_resource_list_parent_class)->finalize (object);
}

static void
tn_resource_list_constructed (GObject *object)
{
  TnResourceList *self = TN_RESOURCE_LIST (object);

  G_OBJECT_CLASS (tn_resource_list_parent_class)->constructed (object);

  adw_status_page_set_icon_name (self->empty_page, empty_pages[self->kind].icon);
  adw_status_page_set_title (self->empty_page, _(empty_pages[self->kind].title));
  adw_status_page_set_description (self->empty_page, _(empty_pages[self->kind].description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tn_resource_kind_get_title (self->kind),
                                  -1);
  /* The rows are a list view inside the column view: it needs the name too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tn_resource_kind_get_title (self->kind),
                                      -1);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  _tn_resource_list_build_columns (self, self->column_view, self->stores, self->kind,
                                   self->stores ? tn_store_set_get_profile (self->stores) : tn_region_profile_lookup (NULL));
  update_page (self);
  update_actions (self);
}

static void
tn_resource_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TnResourceList *self = TN_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORES:
      g_value_set_object (value, self->stores);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, tn_resource_list_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TnResourceList *self = TN_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORES:
      tn_resource_list_set_stores (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_resource_list_class_init (TnResourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tn_resource_list_constructed;
  object_class->dispose = tn_resource_list_dispose;
  object_class->finalize = tn_resource_list_finalize;
  object_class->get_property = tn_resource_list_get_property;
  object_class->set_property = tn_resource_list_set_property;

  properties[PROP_STORES] =
    g_param_spec_object ("stores", NULL, NULL, TN_TYPE_STORE_SET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* A #TnResourceKind. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, TN_N_RESOURCE_KINDS - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, TN_TYPE_RESOURCE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TnResourceList::activated:
   * @resource: the resource to show
   *
   * A row was activated (Enter, double click, Open).
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TN_TYPE_RESOURCE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-resource-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, box);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, error_label);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, stack);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, error_page);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, spinner);
  gtk_widget_class_bind_template_child (widget_class, TnResourceList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "resource.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "resource.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "resource.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "resource.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "resource.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "list.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "list.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "resource.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "resource.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "resource.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "resource.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "resource.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tn_resource_list_init (TnResourceList *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  _tn_resource_list_init_models (self);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_model_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);

  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tn_resource_list_new (TnStoreSet     *stores,
                      TnResourceKind  kind)
{
  return g_object_new (TN_TYPE_RESOURCE_LIST, "stores", stores, "kind", kind, NULL);
}

TnResourceKind
tn_resource_list_get_kind (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), TN_N_RESOURCE_KINDS);

  return self->kind;
}

TnStoreSet *
tn_resource_list_get_stores (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), NULL);

  return self->stores;
}

/**
 * tn_resource_list_set_stores:
 * @stores: (nullable): the stores to show the kind's store of
 */
void
tn_resource_list_set_stores (TnResourceList *self,
                             TnStoreSet     *stores)
{
  g_return_if_fail (TN_IS_RESOURCE_LIST (self));

  if (self->stores == stores)
    return;

  if (self->stores != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stores, self);
      g_signal_handlers_disconnect_by_data (tn_store_set_get_sessions (self->stores), self);
      g_signal_handlers_disconnect_by_data (tn_store_set_get_store (self->stores, self->kind), self);
      g_signal_handlers_disconnect_by_data (tn_store_set_get_store (self->stores, TN_RESOURCE_CONNECTION), self);
    }

  g_set_object (&self->stores, stores);

  if (stores != NULL)
    {
      TnResourceStore *store = tn_store_set_get_store (stores, self->kind);

      g_signal_connect_object (stores, "notify::session", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tn_store_set_get_sessions (stores), "notify::state", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::state", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "items-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tn_store_set_get_store (stores, TN_RESOURCE_CONNECTION), "items-changed",
                               G_CALLBACK (on_connections_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (store));
    }
  else if (self->filter_model != NULL)
    gtk_filter_list_model_set_model (self->filter_model, NULL);

  if (self->column_view != NULL && stores != NULL)
    on_session_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORES]);
}

/**
 * tn_resource_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected resource
 */
TnResource *
tn_resource_list_get_selected (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), NULL);

  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/**
 * tn_resource_list_select:
 *
 * Returns: whether @resource is shown (and now selected)
 */
gboolean
tn_resource_list_select (TnResourceList *self,
                         TnResource     *resource)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) resource)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkColumnView *
tn_resource_list_get_column_view (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), NULL);

  return self->column_view;
}

/**
 * tn_resource_list_get_model:
 *
 * Returns: (transfer none): the rows as shown: searched and sorted
 */
GListModel *
tn_resource_list_get_model (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * tn_resource_list_get_page:
 *
 * Returns: what shows: "loading", "empty", "no-results", "error" or "list"
 */
const char *
tn_resource_list_get_page (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
tn_resource_list_start_search (TnResourceList *self)
{
  g_return_if_fail (TN_IS_RESOURCE_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tn_resource_list_set_search:
 * @text: what to search for; "" shows every row
 */
void
tn_resource_list_set_search (TnResourceList *self,
                             const char     *text)
{
  g_return_if_fail (TN_IS_RESOURCE_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Without waiting for the entry's delay. */
  on_search_entry_search_changed_cb (self, self->search_entry);
}
