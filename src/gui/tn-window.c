/* tn-window.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-account-dialog.h"
#include "tn-account-switcher.h"
#include "tn-error.h"
#include "tn-field-info.h"
#include "tn-resource-actions.h"
#include "tn-resource-detail.h"
#include "tn-status-watcher.h"
#include "tn-resource-list.h"
#include "tn-window.h"

struct _TnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *section;
  TnSessionManager     *sessions;
  TnStoreSet           *stores;
  GPtrArray            *history;    /* TnResource: the detail pages to go back to */
  GtkWindow            *shortcuts_window;
  TnResourceDetail     *detail;
  TnStatusWatcher      *watcher;    /* the connections the user looked at */
  guint                 watch_source;

  /* Template widgets */
  GtkStack             *main_stack;
  TnAccountSwitcher    *account_switcher;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwViewStack         *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
  GtkStack             *content_stack;
  GtkWidget            *back_button;
  GtkWidget            *add_button;
  GtkWidget            *search_button;
  GtkWidget            *row_menu_button;
  TnResourceList       *vpn_services_list;
  TnResourceList       *connections_list;
  TnResourceList       *ike_policies_list;
  TnResourceList       *ipsec_policies_list;
};

G_DEFINE_FINAL_TYPE (TnWindow, tn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections of the sidebar, in order; Ctrl+1…4 follow it. */
static const struct {
  const char     *name;
  const char     *title;
  TnResourceKind  kind;
} sections[] = {
  { "vpn-services", N_("VPN Services"), TN_RESOURCE_VPN_SERVICE },
  { "connections", N_("IPsec VPN Connections"), TN_RESOURCE_CONNECTION },
  { "ike-policies", N_("IKE Policies"), TN_RESOURCE_IKE_POLICY },
  { "ipsec-policies", N_("IPsec Policies"), TN_RESOURCE_IPSEC_POLICY },
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
update_main_page (TnWindow *self)
{
  TnAccountManager *accounts = tn_session_manager_get_accounts (self->sessions);
  gboolean has_accounts = g_list_model_get_n_items (G_LIST_MODEL (accounts)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, has_accounts ? "browse" : "welcome");
}

static void
on_accounts_items_changed_cb (TnWindow *self)
{
  update_main_page (self);
}

/* The Sandbox account is made by Tunnels; there is nothing to edit. */
static void
on_active_account_changed_cb (TnWindow *self)
{
  TnAccount *active = tn_account_manager_get_active (tn_session_manager_get_accounts (self->sessions));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-account",
                                 active != NULL &&
                                 g_strcmp0 (tn_account_get_provider (active), TN_PROVIDER_SANDBOX) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-account", active != NULL);
}

static void
on_sessions_state_changed_cb (TnWindow *self)
{
  const GError *error = tn_session_manager_get_error (self->sessions);
  AdwToast *toast;

  if (tn_session_manager_get_state (self->sessions) != TN_SESSION_STATE_FAILED || error == NULL)
    return;

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Sign In…"));
  adw_toast_set_action_name (toast, "win.edit-account");
  tn_a11y_add_toast (self->toast_overlay, toast);
}

static void
on_account_dialog_signed_in_cb (TnWindow  *self,
                                TnAccount *account,
                                gboolean   secret_saved)
{
  if (!secret_saved)
    tn_window_add_toast (self, adw_toast_new (_("The keyring is not available, so the password is kept only until Tunnels quits.")));
}

static void
switch_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnAccountManager *accounts = tn_session_manager_get_accounts (self->sessions);
  TnAccount *account = tn_account_manager_lookup (accounts, g_variant_get_string (parameter, NULL));

  if (account != NULL && account != tn_account_manager_get_active (accounts))
    tn_application_activate_account (TN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), account);
}

static void
edit_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnAccount *account = tn_account_manager_get_active (tn_session_manager_get_accounts (self->sessions));

  if (account != NULL)
    tn_window_show_account_dialog (self, account);
}

static void
on_account_removed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TnWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tn_account_manager_remove_finish (TN_ACCOUNT_MANAGER (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tn_window_add_toast (self, adw_toast_new (_("The account is removed, but its secrets could not be deleted from the keyring.")));
}

static void
on_remove_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              gpointer          user_data)
{
  TnWindow *self = TN_WINDOW (user_data);
  TnAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  TnAccountManager *accounts = tn_session_manager_get_accounts (self->sessions);
  gboolean was_active = account == tn_account_manager_get_active (accounts);

  if (!g_str_equal (response, "remove"))
    return;

  tn_session_manager_forget (self->sessions, account);
  tn_account_manager_remove_async (accounts, account, NULL, on_account_removed_cb, g_object_ref (self));

  /* Sign in to the account that became active in its place. */
  if (was_active)
    tn_application_activate_account (TN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                     tn_account_manager_get_active (accounts));
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnAccount *account = tn_account_manager_get_active (tn_session_manager_get_accounts (self->sessions));
  GtkWidget *dialog;

  if (account == NULL)
    return;

  /* Translators: %s is an account's name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), tn_account_get_name (account));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its password and the pre-shared keys Tunnels kept for its connections are deleted from the keyring. Nothing changes in the cloud."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static TnResourceList *
list_of_kind (TnWindow       *self,
              TnResourceKind  kind)
{
  switch (kind)
    {
    case TN_RESOURCE_IKE_POLICY:
      return self->ike_policies_list;
    case TN_RESOURCE_IPSEC_POLICY:
      return self->ipsec_policies_list;
    case TN_RESOURCE_VPN_SERVICE:
      return self->vpn_services_list;
    case TN_RESOURCE_CONNECTION:
    case TN_N_RESOURCE_KINDS:
    default:
      return self->connections_list;
    }
}

static TnResourceList *
current_list (TnWindow *self)
{
  int index = find_section (self->section);

  return list_of_kind (self, sections[MAX (index, 0)].kind);
}

static gboolean
detail_is_shown (TnWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "detail") == 0;
}

/* The header follows what the content pane shows: a list (with New,
 * Search) or a detail page (with Back and the resource's name). */
static void
update_header (TnWindow *self)
{
  gboolean detail = detail_is_shown (self);
  int index = find_section (self->section);
  TnResourceKind kind = sections[MAX (index, 0)].kind;

  gtk_widget_set_visible (self->back_button, detail || adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (self->add_button, !detail && tn_resource_actions_can_create (kind));
  gtk_widget_set_visible (self->search_button, !detail);
  gtk_widget_set_visible (self->row_menu_button, !detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.row-menu",
                                 !detail && tn_resource_list_get_selected (current_list (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create",
                                 !detail && tn_resource_actions_can_create (kind) &&
                                 tn_store_set_get_session (self->stores) != NULL);

  if (detail)
    {
      TnResource *resource = tn_resource_detail_get_resource (self->detail);

      adw_window_title_set_title (self->content_title, resource ? tn_resource_get_name (resource) : "");
      adw_window_title_set_subtitle (self->content_title,
                                     resource ? tn_resource_kind_get_singular (tn_resource_get_kind (resource)) : NULL);
    }
  else
    {
      adw_window_title_set_title (self->content_title, index >= 0 ? _(sections[index].title) : "");
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
}

static void on_detail_store_changed_cb (TnWindow *self);

static void
show_resource (TnWindow   *self,
               TnResource *resource)
{
  TnResource *shown = tn_resource_detail_get_resource (self->detail);

  if (shown != NULL)
    g_signal_handlers_disconnect_by_func (tn_store_set_get_store (self->stores, tn_resource_get_kind (shown)),
                                          on_detail_store_changed_cb, self);

  tn_resource_detail_set_resource (self->detail, resource);

  /* The user looked at it: say when it changes while they look elsewhere. */
  if (resource != NULL && tn_resource_get_kind (resource) == TN_RESOURCE_CONNECTION)
    tn_status_watcher_watch (self->watcher, resource);

  if (resource != NULL)
    {
      g_signal_connect_object (tn_store_set_get_store (self->stores, tn_resource_get_kind (resource)),
                               "items-changed", G_CALLBACK (on_detail_store_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->content_stack, "detail");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "lists");

  update_header (self);
}

/* Back: to the previous detail page, else to the list. */
static void
go_back (TnWindow *self)
{
  if (self->history->len > 0)
    {
      g_autoptr(TnResource) previous = g_ptr_array_steal_index (self->history, self->history->len - 1);

      show_resource (self, previous);
      return;
    }

  show_resource (self, NULL);
}

/* The resource shown was deleted: leave its page. */
static void
on_detail_store_changed_cb (TnWindow *self)
{
  TnResource *shown = tn_resource_detail_get_resource (self->detail);

  if (shown == NULL)
    return;

  if (!tn_resource_store_find_position (tn_store_set_get_store (self->stores, tn_resource_get_kind (shown)), shown, NULL))
    {
      g_ptr_array_set_size (self->history, 0);
      show_resource (self, NULL);
    }
}

static void
on_list_activated_cb (TnWindow   *self,
                      TnResource *resource)
{
  g_ptr_array_set_size (self->history, 0);
  show_resource (self, resource);
}

/* A link on a detail page: the previous page stays one Back away. */
static void
on_detail_open_cb (TnWindow   *self,
                   TnResource *resource)
{
  TnResource *shown = tn_resource_detail_get_resource (self->detail);

  if (shown != NULL)
    g_ptr_array_add (self->history, g_object_ref (shown));
  show_resource (self, resource);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tn_store_set_refresh (TN_WINDOW (widget)->stores);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);
  TnResourceKind kind = tn_resource_list_get_kind (current_list (self));

  if (tn_resource_actions_can_create (kind) && tn_store_set_get_session (self->stores) != NULL)
    tn_resource_actions_create (widget, self->stores, kind);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  if (detail_is_shown (self))
    show_resource (self, NULL);
  tn_resource_list_start_search (current_list (self));
}

/* The selected row's menu (rows have no button of their own). */
static void
row_menu_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  if (!detail_is_shown (self))
    gtk_widget_activate_action (GTK_WIDGET (current_list (self)), "resource.menu", NULL);
}

/* The Keyboard Shortcuts window is built when asked for and destroyed
 * when closed, rather than kept hidden for the window's life as
 * GtkApplicationWindow's help overlay is: GTK 4.8's accessibility root
 * answers a screen reader asking for a window that has just closed with
 * the last window in its list, and a hidden window there has no object
 * path, which crashes the app. So Tunnels keeps no hidden windows. */
static void
show_shortcuts_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TnWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  if (self->shortcuts_window != NULL)
    {
      gtk_window_present (self->shortcuts_window);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/tunnels_vpn/Tunnels/tn-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  tn_a11y_track_toolkit_window (shortcuts);
  g_set_weak_pointer (&self->shortcuts_window, shortcuts);
  gtk_window_present (shortcuts);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnWindow *self = TN_WINDOW (widget);

  if (detail_is_shown (self))
    go_back (self);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Another account: its resources are others. */
static void
go_back_to_list (TnWindow *self)
{
  g_ptr_array_set_size (self->history, 0);
  if (tn_resource_detail_get_resource (self->detail) != NULL)
    show_resource (self, NULL);
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
  back_action (GTK_WIDGET (self), NULL, NULL);
}

static gboolean
tn_window_close_request (GtkWindow *window)
{
  save_window_state (TN_WINDOW (window));

  return GTK_WINDOW_CLASS (tn_window_parent_class)->close_request (window);
}

/* The stores poll only what is changing; a connection the user watches
 * can also go down on its own, so the list is read again now and then. */
#define WATCH_INTERVAL_SECONDS 60

static gboolean
on_watch_timeout_cb (gpointer user_data)
{
  TnWindow *self = user_data;

  if (tn_status_watcher_get_n_watched (self->watcher) > 0 && tn_store_set_get_session (self->stores) != NULL)
    tn_store_set_reload (self->stores, TN_RESOURCE_CONNECTION);

  return G_SOURCE_CONTINUE;
}

static void
tn_window_constructed (GObject *object)
{
  TnWindow *self = TN_WINDOW (object);
  TnAccountManager *accounts;

  G_OBJECT_CLASS (tn_window_parent_class)->constructed (object);

  g_return_if_fail (self->sessions != NULL);

  accounts = tn_session_manager_get_accounts (self->sessions);
  tn_account_switcher_set_accounts (self->account_switcher, accounts);

  self->stores = tn_store_set_new (self->sessions);
  self->watcher = tn_status_watcher_new (GTK_WINDOW (self));
  self->watch_source = g_timeout_add_seconds (WATCH_INTERVAL_SECONDS, on_watch_timeout_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      TnResourceList *list = list_of_kind (self, sections[i].kind);

      tn_resource_list_set_stores (list, self->stores);
      g_signal_connect_object (list, "activated", G_CALLBACK (on_list_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "notify::selected", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
    }
  self->detail = TN_RESOURCE_DETAIL (tn_resource_detail_new (self->stores));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->detail), "detail");
  g_signal_connect_object (self->detail, "open", G_CALLBACK (on_detail_open_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stores, "notify::session", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stores, "notify::session", G_CALLBACK (go_back_to_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  update_header (self);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (on_accounts_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sessions, "notify::state", G_CALLBACK (on_sessions_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "notify::active", G_CALLBACK (on_active_account_changed_cb), self, G_CONNECT_SWAPPED);
  update_main_page (self);
  on_active_account_changed_cb (self);
}

static void
tn_window_dispose (GObject *object)
{
  TnWindow *self = TN_WINDOW (object);

  if (self->detail != NULL)
    show_resource (self, NULL);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_weak_pointer (&self->shortcuts_window);
  g_clear_object (&self->watcher);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_WINDOW);
  g_clear_object (&self->stores);
  g_clear_object (&self->sessions);

  G_OBJECT_CLASS (tn_window_parent_class)->dispose (object);
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

    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
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

    case PROP_SESSIONS:
      self->sessions = g_value_dup_object (value);
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

  object_class->constructed = tn_window_constructed;
  object_class->dispose = tn_window_dispose;
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

  /**
   * TnWindow:sessions:
   *
   * The accounts, and the session of the active one.
   */
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         TN_TYPE_SESSION_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, account_switcher);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, row_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, vpn_services_list);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, connections_list);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, ike_policies_list);
  gtk_widget_class_bind_template_child (widget_class, TnWindow, ipsec_policies_list);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  gtk_widget_class_install_action (widget_class, "win.switch-account", "s", switch_account_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", NULL, edit_account_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", NULL, remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.row-menu", NULL, row_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);

  g_type_ensure (TN_TYPE_ACCOUNT_SWITCHER);
  g_type_ensure (TN_TYPE_RESOURCE_LIST);

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

  static const GActionEntry win_entries[] = {
    { "show-help-overlay", show_shortcuts_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  tn_a11y_track_window (GTK_WINDOW (self));
  /* In the window's action group, which GtkApplication exports on D-Bus. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  self->history = g_ptr_array_new_with_free_func (g_object_unref);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

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
                       "sessions", tn_application_get_sessions (application),
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
      if (self->detail != NULL && detail_is_shown (self))
        {
          g_ptr_array_set_size (self->history, 0);
          show_resource (self, NULL);
        }
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        adw_leaflet_set_visible_child_name (self->leaflet, "content");
      return;
    }

  g_free (self->section);
  self->section = g_strdup (section);

  adw_view_stack_set_visible_child_name (self->stack, section);
  if (self->detail != NULL)
    {
      g_ptr_array_set_size (self->history, 0);
      show_resource (self, NULL);
    }
  else
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

/**
 * tn_window_add_toast:
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
tn_window_add_toast (TnWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (TN_IS_WINDOW (self));

  tn_a11y_add_toast (self->toast_overlay, toast);
}

/**
 * tn_window_show_account_dialog:
 * @account: (nullable): the account to edit, or %NULL to add one
 *
 * Opens the account dialog over the window.
 */
void
tn_window_show_account_dialog (TnWindow  *self,
                               TnAccount *account)
{
  TnAccountDialog *dialog;

  g_return_if_fail (TN_IS_WINDOW (self));

  dialog = tn_account_dialog_new (GTK_WINDOW (self), self->sessions, account);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_account_dialog_signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tn_window_get_stores:
 *
 * Returns: (transfer none): the stores of the active account
 */
TnStoreSet *
tn_window_get_stores (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return self->stores;
}

/**
 * tn_window_get_detail:
 *
 * Returns: (transfer none): the detail page (a #TnResourceDetail)
 */
GtkWidget *
tn_window_get_detail (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->detail);
}

gboolean
tn_window_is_showing_detail (TnWindow *self)
{
  g_return_val_if_fail (TN_IS_WINDOW (self), FALSE);

  return detail_is_shown (self);
}

/**
 * tn_window_show_resource:
 * @resource: a resource of the active account
 *
 * Shows the detail page of @resource, in its section.
 */
void
tn_window_show_resource (TnWindow   *self,
                         TnResource *resource)
{
  static const char *kind_sections[] = {
    [TN_RESOURCE_IKE_POLICY] = "ike-policies",
    [TN_RESOURCE_IPSEC_POLICY] = "ipsec-policies",
    [TN_RESOURCE_VPN_SERVICE] = "vpn-services",
    [TN_RESOURCE_CONNECTION] = "connections",
  };

  g_return_if_fail (TN_IS_WINDOW (self));
  g_return_if_fail (TN_IS_RESOURCE (resource));

  tn_window_set_section (self, kind_sections[tn_resource_get_kind (resource)]);
  show_resource (self, resource);
}
