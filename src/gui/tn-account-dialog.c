/* tn-account-dialog.c: add or edit an account, and sign in to it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnAccountDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-account-dialog.h"
#include "tn-error.h"
#include "tn-region.h"
#include "tn-secrets.h"
#include "tn-wipe.h"

/*
 * The dialog signs in for real before it stores anything: the account is
 * added (or changed) and its secret goes to the keyring only once the
 * cloud accepted them. A failure keeps every field as typed. While the
 * sign-in runs, Cancel aborts it; otherwise Cancel closes the dialog.
 */

enum {
  PROVIDER_FJCLOUD,
  PROVIDER_OPENSTACK,
};

enum {
  METHOD_PASSWORD,
  METHOD_APP_CREDENTIAL,
};

struct _TnAccountDialog
{
  AdwWindow            parent_instance;

  TnSessionManager    *sessions;
  TnAccount           *account;      /* being edited, or NULL */
  GCancellable        *cancellable;  /* of the sign-in under way */
  TnSession           *session;
  char                *secret;       /* between sign-in and keyring */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkButton           *cancel_button;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;
  AdwComboRow         *provider_row;
  AdwComboRow         *fjcloud_region_row;
  AdwEntryRow         *identity_url_row;
  AdwEntryRow         *region_row;
  AdwComboRow         *method_row;
  AdwEntryRow         *user_name_row;
  AdwEntryRow         *user_domain_row;
  AdwPasswordEntryRow *password_row;
  AdwEntryRow         *credential_id_row;
  AdwPasswordEntryRow *credential_secret_row;
  AdwEntryRow         *project_row;
  AdwEntryRow         *project_domain_row;
  AdwEntryRow         *name_row;
  AdwActionRow        *ca_file_row;
  GtkButton           *ca_clear_button;
  char                *ca_file;
};

G_DEFINE_FINAL_TYPE (TnAccountDialog, tn_account_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_strip (gpointer row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

static gboolean
row_filled (gpointer row)
{
  g_autofree char *text = row_strip (row);

  return *text != '\0';
}

static guint
get_provider (TnAccountDialog *self)
{
  return adw_combo_row_get_selected (self->provider_row);
}

static gboolean
uses_password (TnAccountDialog *self)
{
  return adw_combo_row_get_selected (self->method_row) == METHOD_PASSWORD;
}

static const char *
selected_fjcloud_region (TnAccountDialog *self)
{
  const char * const *regions = tn_region_profile_list_regions ();
  guint selected = adw_combo_row_get_selected (self->fjcloud_region_row);

  return selected < g_strv_length ((char **) regions) ? regions[selected] : NULL;
}

/* Keystone project ids are 32 hexadecimal digits. */
static gboolean
looks_like_project_id (const char *text)
{
  if (strlen (text) != 32)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static void
update_rows (TnAccountDialog *self)
{
  gboolean fjcloud = get_provider (self) == PROVIDER_FJCLOUD;
  gboolean password = uses_password (self);

  gtk_widget_set_visible (GTK_WIDGET (self->fjcloud_region_row), fjcloud);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_url_row), !fjcloud);
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), !fjcloud);
  gtk_widget_set_visible (GTK_WIDGET (self->project_domain_row), !fjcloud);

  /* FJcloud-O's user domain is the contract number. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_domain_row),
                                 fjcloud ? _("Contract Number") : _("User Domain"));

  gtk_widget_set_visible (GTK_WIDGET (self->user_name_row), password);
  gtk_widget_set_visible (GTK_WIDGET (self->user_domain_row), password || fjcloud);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), password);
  gtk_widget_set_visible (GTK_WIDGET (self->credential_id_row), !password);
  gtk_widget_set_visible (GTK_WIDGET (self->credential_secret_row), !password);
}

static gboolean
inputs_complete (TnAccountDialog *self)
{
  gboolean fjcloud = get_provider (self) == PROVIDER_FJCLOUD;

  if (fjcloud ? selected_fjcloud_region (self) == NULL
              : !row_filled (self->identity_url_row) || !row_filled (self->region_row))
    return FALSE;

  if (uses_password (self))
    {
      if (!row_filled (self->user_name_row) || *row_text (self->password_row) == '\0')
        return FALSE;
      if ((fjcloud || !row_filled (self->project_domain_row)) && !row_filled (self->user_domain_row))
        return FALSE;
    }
  else if (!row_filled (self->credential_id_row) || *row_text (self->credential_secret_row) == '\0')
    {
      return FALSE;
    }

  return row_filled (self->project_row) || !uses_password (self);
}

static void
set_busy (TnAccountDialog *self,
          gboolean         busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && inputs_complete (self));
}

static void
show_error (TnAccountDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
describe_error (const GError *error)
{
  const TnErrorDetails *details = tn_error_get_details (error);

  if (error->domain != TN_ERROR)
    return g_strdup (error->message);

  if (error->code == TN_ERROR_AUTH_FAILED)
    return g_strdup (_("The cloud did not accept these credentials. Check the user name, the domain, the password and the project."));

  if (details != NULL && details->message != NULL && *details->message)
    /* Translators: an explanation, then the cloud's own words */
    return g_strdup_printf (_("%s (%s)"), error->message, details->message);

  return g_strdup (error->message);
}

static TnAccount *
build_account (TnAccountDialog *self)
{
  gboolean fjcloud = get_provider (self) == PROVIDER_FJCLOUD;
  g_autofree char *project = row_strip (self->project_row);
  g_autofree char *user_domain = row_strip (self->user_domain_row);
  g_autofree char *name = row_strip (self->name_row);
  TnAccount *account;

  if (fjcloud)
    {
      const char *region = selected_fjcloud_region (self);
      g_autofree char *url = g_strdup_printf ("https://identity.%s.cloud.global.fujitsu.com", region);

      account = tn_account_new (url, region);
      tn_account_set_provider (account, TN_PROVIDER_FJCLOUD);
      tn_account_set_project_domain (account, user_domain);
    }
  else
    {
      g_autofree char *url = row_strip (self->identity_url_row);
      g_autofree char *region = row_strip (self->region_row);
      g_autofree char *project_domain = row_strip (self->project_domain_row);

      account = tn_account_new (url, region);
      tn_account_set_provider (account, TN_PROVIDER_OPENSTACK);
      tn_account_set_project_domain (account, *project_domain ? project_domain : user_domain);
    }

  if (uses_password (self))
    {
      g_autofree char *user = row_strip (self->user_name_row);

      tn_account_set_user_name (account, user);
      tn_account_set_user_domain (account, user_domain);
    }
  else
    {
      g_autofree char *credential = row_strip (self->credential_id_row);

      tn_account_set_application_credential_id (account, credential);
    }

  if (*project != '\0' && looks_like_project_id (project))
    tn_account_set_project_id (account, project);
  else if (*project != '\0')
    tn_account_set_project_name (account, project);

  tn_account_set_ca_file (account, self->ca_file);

  if (*name == '\0')
    {
      const char *who = uses_password (self) ? tn_account_get_user_name (account) : _("Application credential");
      const char *region = tn_region_profile_get_display_name (tn_region_profile_lookup (tn_account_get_region (account)));

      g_free (name);
      /* Translators: an account's default name: who, and where (a region) */
      name = g_strdup_printf (_("%s in %s"), who, region ? region : tn_account_get_region (account));
    }
  tn_account_set_name (account, name);

  return account;
}

static void
finish (TnAccountDialog *self,
        TnAccount       *account,
        gboolean         secret_saved)
{
  g_signal_emit (self, signals[SIGNED_IN], 0, account, secret_saved);
  tn_a11y_destroy_window (GTK_WINDOW (self));
}

static void
on_secret_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TnAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = tn_secrets_store_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  finish (self, tn_session_get_account (self->session), saved);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TnAccountDialog) self = user_data;
  TnSession *session = TN_SESSION (object);
  TnAccountManager *accounts = tn_session_manager_get_accounts (self->sessions);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  TnAccount *account;
  TnSecretKey key;

  if (!tn_session_sign_in_finish (session, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = describe_error (error);
      show_error (self, message);
      set_busy (self, FALSE);
      g_clear_object (&self->session);
      tn_wipe_clear (&self->secret);
      return;
    }

  account = tn_session_get_account (session);
  if (self->account != NULL)
    {
      /* An edit: the stored account takes the new values and signs in
       * with them. */
      tn_account_assign (self->account, account);
      tn_session_manager_forget (self->sessions, self->account);
      tn_session_manager_activate (self->sessions, self->account, self->secret);
      account = self->account;
    }
  else
    {
      tn_account_manager_add (accounts, account);
      tn_session_manager_use_session (self->sessions, session);
    }

  key.account_id = tn_account_get_id (account);
  key.kind = uses_password (self) ? TN_SECRET_PASSWORD : TN_SECRET_APP_CREDENTIAL;
  key.region = NULL;
  key.resource_id = NULL;
  /* Translators: the label of a password in the keyring; %s is the account's name */
  label = g_strdup_printf (_("Tunnels: %s"), tn_account_get_name (account));
  tn_secrets_store_async (&key, label, self->secret, self->cancellable,
                          on_secret_stored_cb, g_object_ref (self));
  tn_wipe_clear (&self->secret);
}

static void
sign_in (TnAccountDialog *self)
{
  g_autoptr(TnAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (!inputs_complete (self) || self->session != NULL)
    return;

  show_error (self, NULL);
  account = build_account (self);
  self->secret = g_strdup (row_text (uses_password (self) ? self->password_row : self->credential_secret_row));
  self->session = tn_session_new (account, self->secret, &error);
  if (self->session == NULL)
    {
      g_autofree char *message = describe_error (error);

      show_error (self, message);
      tn_wipe_clear (&self->secret);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  tn_session_sign_in_async (self->session, self->cancellable, on_signed_in_cb, g_object_ref (self));
}

static void
on_sign_in_button_clicked_cb (TnAccountDialog *self,
                              GtkButton       *button)
{
  sign_in (self);
}

static void
on_entry_activated_cb (TnAccountDialog *self,
                       AdwEntryRow     *row)
{
  sign_in (self);
}

static void
on_cancel_button_clicked_cb (TnAccountDialog *self,
                             GtkButton       *button)
{
  if (self->session != NULL)
    {
      /* Abort the sign-in; keep the dialog and its input. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->session);
      tn_wipe_clear (&self->secret);
      set_busy (self, FALSE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_input_changed_cb (TnAccountDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            self->session == NULL && inputs_complete (self));
}

static void
on_provider_row_selected_changed_cb (TnAccountDialog *self)
{
  update_rows (self);
  on_input_changed_cb (self);
}

static void
on_method_row_selected_changed_cb (TnAccountDialog *self)
{
  update_rows (self);
  on_input_changed_cb (self);
}

static void
set_ca_file (TnAccountDialog *self,
             const char      *path)
{
  g_free (self->ca_file);
  self->ca_file = path && *path ? g_strdup (path) : NULL;

  adw_action_row_set_subtitle (self->ca_file_row, self->ca_file ? self->ca_file : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), self->ca_file != NULL);
}

static void
on_chooser_response_cb (TnAccountDialog      *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      set_ca_file (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
on_ca_choose_button_clicked_cb (TnAccountDialog *self,
                                GtkButton       *button)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PEM Certificates"));
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_filter_add_mime_type (filter, "application/x-pem-file");
  gtk_file_filter_add_suffix (filter, "pem");
  gtk_file_filter_add_suffix (filter, "crt");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose CA Certificates"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_ca_clear_button_clicked_cb (TnAccountDialog *self,
                               GtkButton       *button)
{
  set_ca_file (self, NULL);
}

static void
fill_from_account (TnAccountDialog *self,
                   TnAccount       *account)
{
  gboolean fjcloud = g_strcmp0 (tn_account_get_provider (account), TN_PROVIDER_FJCLOUD) == 0;
  const char * const *regions = tn_region_profile_list_regions ();
  const char *project = tn_account_get_project_id (account);

  adw_combo_row_set_selected (self->provider_row, fjcloud ? PROVIDER_FJCLOUD : PROVIDER_OPENSTACK);
  for (guint i = 0; fjcloud && regions[i] != NULL; i++)
    if (g_strcmp0 (regions[i], tn_account_get_region (account)) == 0)
      adw_combo_row_set_selected (self->fjcloud_region_row, i);

  gtk_editable_set_text (GTK_EDITABLE (self->identity_url_row), tn_account_get_identity_url (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), tn_account_get_region (account) ?: "");
  adw_combo_row_set_selected (self->method_row,
                              tn_account_get_auth_method (account) == TN_AUTH_APPLICATION_CREDENTIAL
                                ? METHOD_APP_CREDENTIAL : METHOD_PASSWORD);
  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row), tn_account_get_user_name (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_domain_row), tn_account_get_user_domain (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->credential_id_row), tn_account_get_application_credential_id (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->project_row), project ? project : tn_account_get_project_name (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->project_domain_row), tn_account_get_project_domain (account) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tn_account_get_name (account) ?: "");
  set_ca_file (self, tn_account_get_ca_file (account));

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
}

static void
tn_account_dialog_dispose (GObject *object)
{
  TnAccountDialog *self = TN_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->sessions);
  g_clear_object (&self->account);
  g_clear_object (&self->chooser);
  tn_wipe_clear (&self->secret);
  g_clear_pointer (&self->ca_file, g_free);

  G_OBJECT_CLASS (tn_account_dialog_parent_class)->dispose (object);
}

static void
tn_account_dialog_class_init (TnAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_account_dialog_dispose;

  /**
   * TnAccountDialog::signed-in:
   * @account: the account, now stored and active
   * @secret_saved: whether the keyring took the secret
   *
   * Emitted when the account signed in, just before the dialog closes.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TN_TYPE_ACCOUNT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, page);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, fjcloud_region_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, identity_url_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, user_domain_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, credential_id_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, credential_secret_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, project_domain_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, TnAccountDialog, ca_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_method_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_account_dialog_init (TnAccountDialog *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  const char * const *names = tn_region_profile_list_regions ();

  gtk_widget_init_template (GTK_WIDGET (self));
  tn_a11y_track_window (GTK_WINDOW (self));

  for (guint i = 0; names[i] != NULL; i++)
    {
      const TnRegionProfile *profile = tn_region_profile_lookup (names[i]);
      /* Translators: a region's name and its id, e.g. “East Japan 1 (jp-east-1)” */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), tn_region_profile_get_display_name (profile), names[i]);

      gtk_string_list_append (regions, label);
    }
  adw_combo_row_set_model (self->fjcloud_region_row, G_LIST_MODEL (regions));

  update_rows (self);
}

/**
 * tn_account_dialog_new:
 * @parent: the window the dialog belongs to
 * @sessions: the session manager the account joins once signed in
 * @account: (nullable): the account to edit, or %NULL to add one
 */
TnAccountDialog *
tn_account_dialog_new (GtkWindow        *parent,
                       TnSessionManager *sessions,
                       TnAccount        *account)
{
  TnAccountDialog *self;

  g_return_val_if_fail (TN_IS_SESSION_MANAGER (sessions), NULL);
  g_return_val_if_fail (account == NULL || TN_IS_ACCOUNT (account), NULL);

  self = g_object_new (TN_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->sessions = g_object_ref (sessions);
  if (account != NULL)
    {
      self->account = g_object_ref (account);
      fill_from_account (self, account);
    }
  update_rows (self);

  return self;
}
