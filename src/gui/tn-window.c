/* tn-window.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-account-dialog.h"
#include "tn-account-switcher.h"
#include "tn-error.h"
#include "tn-window.h"

struct _TnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *section;
  TnSessionManager     *sessions;

  /* Template widgets */
  GtkStack             *main_stack;
  TnAccountSwitcher    *account_switcher;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwViewStack         *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
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
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
tn_window_constructed (GObject *object)
{
  TnWindow *self = TN_WINDOW (object);
  TnAccountManager *accounts;

  G_OBJECT_CLASS (tn_window_parent_class)->constructed (object);

  g_return_if_fail (self->sessions != NULL);

  accounts = tn_session_manager_get_accounts (self->sessions);
  tn_account_switcher_set_accounts (self->account_switcher, accounts);
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
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  gtk_widget_class_install_action (widget_class, "win.switch-account", "s", switch_account_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", NULL, edit_account_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", NULL, remove_account_action);

  g_type_ensure (TN_TYPE_ACCOUNT_SWITCHER);

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

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
