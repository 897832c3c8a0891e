/* tn-export-dialog.c: “Export Peer Configuration”
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExportDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-export-dialog.h"
#include "tn-secrets.h"
#include "tn-wipe.h"

struct _TnExportDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *target_row;
  GtkSwitch       *psk_switch;
  GtkWidget       *psk_status_box;
  GtkLabel        *psk_status_label;
  GtkWidget       *cloud_psk_button;
  GtkLabel        *warnings_label;
  GtkTextView     *preview;

  char            *account_id;
  TnConnection    *connection;
  TnIkePolicy     *ike_policy;
  TnIpsecPolicy   *ipsec_policy;
  TnVpnService    *vpn_service;
  char            *cloud_cidr;

  char            *psk;           /* wiped when dropped */
  TnExportResult  *result;
  GCancellable    *cancellable;
  GCancellable    *lookup;        /* the keyring lookup under way */
};

G_DEFINE_FINAL_TYPE (TnExportDialog, tn_export_dialog, ADW_TYPE_WINDOW)

static void
toast (TnExportDialog *self,
       const char     *title)
{
  tn_a11y_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
drop_psk (TnExportDialog *self)
{
  tn_wipe_clear (&self->psk);
}

static void
clear_preview (TnExportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview);
  GtkTextIter start, end;

  /* the buffer may hold the key: overwrite it before letting it go */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
}

static void
update_export (TnExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  TnExportSource source = {
    .connection = self->connection,
    .ike_policy = self->ike_policy,
    .ipsec_policy = self->ipsec_policy,
    .vpn_service = self->vpn_service,
    .cloud_cidr = self->cloud_cidr,
    .profile = tn_region_profile_lookup (tn_resource_get_region (TN_RESOURCE (self->connection))),
  };
  gboolean ok;

  g_clear_pointer (&self->result, tn_export_result_free);
  clear_preview (self);
  self->result = tn_export_run (&source, tn_export_dialog_get_target (self), self->psk, &error);
  ok = self->result != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", ok);

  if (!ok)
    {
      gtk_label_set_text (self->warnings_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), TRUE);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview), tn_export_result_get_text (self->result), -1);
  for (guint i = 0; i < tn_export_result_get_n_warnings (self->result); i++)
    g_string_append_printf (warnings, "%s• %s", i > 0 ? "\n" : "", tn_export_result_get_warning (self->result, i));
  gtk_label_set_text (self->warnings_label, warnings->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), warnings->len > 0);
}

static void
show_psk_status (TnExportDialog *self,
                 const char     *message)
{
  const char *cloud_psk = tn_connection_get_psk (self->connection);

  gtk_label_set_text (self->psk_status_label, message);
  gtk_widget_set_visible (self->psk_status_box, message != NULL);
  gtk_widget_set_visible (self->cloud_psk_button, message != NULL && cloud_psk != NULL && cloud_psk[0] != '\0');
}

/* Callbacks */

static void
on_lookup_finished_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TnExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = tn_secrets_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->lookup);
  if (!gtk_switch_get_active (self->psk_switch))
    {
      tn_secrets_free (secret);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The keyring could not be read: %s"), error->message);

      show_psk_status (self, message);
    }
  else if (secret == NULL)
    show_psk_status (self, _("The keyring has no pre-shared key for this connection."));
  else
    {
      drop_psk (self);
      self->psk = secret;
      show_psk_status (self, NULL);
      update_export (self);
    }
}

static void
on_psk_switch_active_changed_cb (TnExportDialog *self)
{
  if (self->lookup != NULL)
    {
      g_cancellable_cancel (self->lookup);
      g_clear_object (&self->lookup);
    }

  if (gtk_switch_get_active (self->psk_switch))
    {
      TnSecretKey key = {
        .account_id = self->account_id,
        .kind = TN_SECRET_PSK,
        .region = tn_resource_get_region (TN_RESOURCE (self->connection)),
        .resource_id = tn_resource_get_id (TN_RESOURCE (self->connection)),
      };

      self->lookup = g_cancellable_new ();
      g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                               self->lookup, G_CONNECT_SWAPPED);
      tn_secrets_lookup_async (&key, self->lookup, on_lookup_finished_cb, g_object_ref (self));
      return;
    }

  show_psk_status (self, NULL);
  if (self->psk != NULL)
    {
      drop_psk (self);
      update_export (self);
    }
}

static void
on_cloud_psk_button_clicked_cb (TnExportDialog *self)
{
  drop_psk (self);
  self->psk = g_strdup (tn_connection_get_psk (self->connection));
  show_psk_status (self, NULL);
  update_export (self);
}

static void
on_target_row_selected_changed_cb (TnExportDialog *self)
{
  if (self->connection != NULL)
    update_export (self);
}

static void
on_file_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TnExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

          toast (self, message);
        }
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (G_FILE (object));
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

    toast (self, message);
  }
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  TnExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) location = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tn_export_dialog_save_to (self, location);
    }
  g_object_unref (chooser);
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnExportDialog *self = TN_EXPORT_DIALOG (widget);

  if (self->result == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tn_export_result_get_text (self->result));
  toast (self, _("Copied to the clipboard"));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnExportDialog *self = TN_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  guint n_files;

  if (self->result == NULL)
    return;

  n_files = tn_export_result_get_n_files (self->result);
  if (n_files == 1)
    {
      chooser = gtk_file_chooser_native_new (_("Save Peer Configuration"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), tn_export_result_get_file_name (self->result, 0));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Choose a Folder for “%s” and “%s”"),
                                                tn_export_result_get_file_name (self->result, 0),
                                                tn_export_result_get_file_name (self->result, 1));

      chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                             _("_Save"), _("_Cancel"));
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Overrides */

static void
tn_export_dialog_dispose (GObject *object)
{
  TnExportDialog *self = TN_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->preview != NULL)
    clear_preview (self);
  drop_psk (self);
  g_clear_pointer (&self->result, tn_export_result_free);
  g_clear_object (&self->lookup);
  g_clear_object (&self->connection);
  g_clear_object (&self->ike_policy);
  g_clear_object (&self->ipsec_policy);
  g_clear_object (&self->vpn_service);

  gtk_widget_dispose_template (GTK_WIDGET (self), TN_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (tn_export_dialog_parent_class)->dispose (object);
}

static void
tn_export_dialog_finalize (GObject *object)
{
  TnExportDialog *self = TN_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->account_id);
  g_free (self->cloud_cidr);

  G_OBJECT_CLASS (tn_export_dialog_parent_class)->finalize (object);
}

static void
tn_export_dialog_class_init (TnExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tn_export_dialog_dispose;
  object_class->finalize = tn_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, psk_switch);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, psk_status_box);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, psk_status_label);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, cloud_psk_button);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, TnExportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_target_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_psk_switch_active_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cloud_psk_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "export.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_export_dialog_init (TnExportDialog *self)
{
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  tn_a11y_track_window (GTK_WINDOW (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < TN_N_EXPORT_TARGETS; i++)
    gtk_string_list_append (targets, tn_export_target_get_name (i));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
}

/* API */

/**
 * tn_export_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @account_id: the account, for the keyring
 * @connection: the connection; its `psk`, when the cloud gave it, is offered
 *   only when the keyring has none
 * @cloud_cidr: the CIDR of the VPN service's subnet
 *
 * Returns: (transfer full): a new dialog; present it
 */
GtkWidget *
tn_export_dialog_new (GtkWindow     *parent,
                      const char    *account_id,
                      TnConnection  *connection,
                      TnIkePolicy   *ike_policy,
                      TnIpsecPolicy *ipsec_policy,
                      TnVpnService  *vpn_service,
                      const char    *cloud_cidr)
{
  TnExportDialog *self;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (TN_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (TN_IS_IKE_POLICY (ike_policy), NULL);
  g_return_val_if_fail (TN_IS_IPSEC_POLICY (ipsec_policy), NULL);
  g_return_val_if_fail (TN_IS_VPN_SERVICE (vpn_service), NULL);

  self = g_object_new (TN_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->account_id = g_strdup (account_id);
  self->connection = g_object_ref (connection);
  self->ike_policy = g_object_ref (ike_policy);
  self->ipsec_policy = g_object_ref (ipsec_policy);
  self->vpn_service = g_object_ref (vpn_service);
  self->cloud_cidr = g_strdup (cloud_cidr);
  update_export (self);

  return GTK_WIDGET (self);
}

TnExportTarget
tn_export_dialog_get_target (TnExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (TN_IS_EXPORT_DIALOG (self), TN_EXPORT_SWANCTL);

  selected = adw_combo_row_get_selected (self->target_row);
  return selected < TN_N_EXPORT_TARGETS ? selected : TN_EXPORT_SWANCTL;
}

void
tn_export_dialog_set_target (TnExportDialog *self,
                             TnExportTarget  target)
{
  g_return_if_fail (TN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (target < TN_N_EXPORT_TARGETS);

  adw_combo_row_set_selected (self->target_row, target);
}

/**
 * tn_export_dialog_get_text:
 *
 * Returns: (nullable): the export shown, or %NULL when it failed
 */
const char *
tn_export_dialog_get_text (TnExportDialog *self)
{
  g_return_val_if_fail (TN_IS_EXPORT_DIALOG (self), NULL);

  return self->result ? tn_export_result_get_text (self->result) : NULL;
}

/**
 * tn_export_dialog_save_to:
 * @location: the file, or for a target of several files the folder, the
 *   user chose in “Save As…”
 *
 * Writes the export without blocking; a toast tells how it went. Files that
 * hold the pre-shared key are created readable by the user only.
 */
void
tn_export_dialog_save_to (TnExportDialog *self,
                          GFile          *location)
{
  guint n_files;

  g_return_if_fail (TN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (location));

  if (self->result == NULL)
    return;

  n_files = tn_export_result_get_n_files (self->result);
  for (guint i = 0; i < n_files; i++)
    {
      const char *text = tn_export_result_get_file_text (self->result, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GFileCreateFlags flags = G_FILE_CREATE_REPLACE_DESTINATION;
      char *copy;

      if (n_files == 1)
        file = g_object_ref (location);
      else
        file = g_file_get_child (location, tn_export_result_get_file_name (self->result, i));
      if (tn_export_result_file_has_secret (self->result, i))
        flags |= G_FILE_CREATE_PRIVATE;
      copy = g_strdup (text);
      bytes = g_bytes_new_with_free_func (copy, strlen (copy), (GDestroyNotify)tn_wipe_free, copy);
      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, flags, self->cancellable,
                                           on_file_written_cb, g_object_ref (self));
    }
}
