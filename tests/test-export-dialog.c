/* test-export-dialog.c: “Export Peer Configuration” under Xvfb, with a real
 * keyring: targets, the pre-shared key from the keyring (or the cloud's when
 * the keyring has none), Copy and Save
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tn-export-dialog.h"
#include "tn-test-export.h"
#include "tn-test-gui.h"

#define ACCOUNT "export-dialog-test"

static TnTestExportCase *
load_case (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "cases", file, NULL);
  g_autoptr(GError) error = NULL;
  TnTestExportCase *test_case = tn_test_export_case_load (path, &error);

  g_assert_no_error (error);
  return test_case;
}

static TnExportDialog *
open_dialog (TnTestExportCase *test_case)
{
  GtkWidget *dialog = tn_export_dialog_new (NULL, ACCOUNT, test_case->connection, test_case->ike_policy,
                                            test_case->ipsec_policy, test_case->vpn_service,
                                            test_case->subnet->cidr);

  gtk_window_present (GTK_WINDOW (dialog));
  tn_test_wait_frames (dialog, 3);
  return TN_EXPORT_DIALOG (dialog);
}

static GtkWidget *
find_child (GtkWidget  *root,
            GType       type,
            const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (css_name == NULL || g_str_equal (gtk_widget_get_css_name (child), css_name)))
        return child;
      if ((found = find_child (child, type, css_name)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  TnExportDialog *dialog;
  const char     *needle;
  gboolean        present;
} TextCheck;

static gboolean
text_has (gpointer data)
{
  TextCheck *check = data;
  const char *text = tn_export_dialog_get_text (check->dialog);

  return text != NULL && (strstr (text, check->needle) != NULL) == check->present;
}

static gboolean
file_is_complete (gpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, "exported by Tunnels") != NULL;
}

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static void
test_export_dialog (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v2-aes256-sha256-group14");
  /* a throwaway key, never printed */
  const char *psk = "dialog-test-throwaway-key";
  TnExportDialog *dialog;
  GtkSwitch *psk_switch;
  TextCheck check;
  g_autofree char *clipboard = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tn-export-dialog-XXXXXX", NULL);
  g_autofree char *single = g_build_filename (dir, "swanctl.conf", NULL);
  g_autofree char *conf = g_build_filename (dir, "ipsec.conf", NULL);
  g_autofree char *secrets = g_build_filename (dir, "ipsec.secrets", NULL);
  gboolean japanese = g_strcmp0 (g_getenv ("TN_TEST_LANGUAGE"), "ja") == 0;
  GStatBuf st;

  /* the cloud's copy of the key must not be used while the keyring has one */
  tn_connection_set_psk (test_case->connection, "cloud-copy-throwaway-key");
  tn_test_store_psk (ACCOUNT, TN_RESOURCE (test_case->connection), psk);
  dialog = open_dialog (test_case);
  check.dialog = dialog;

  g_assert_cmpint (tn_export_dialog_get_target (dialog), ==, TN_EXPORT_SWANCTL);
  g_assert_nonnull (strstr (tn_export_dialog_get_text (dialog), "connections {"));
  g_assert_null (strstr (tn_export_dialog_get_text (dialog), psk));

  /* every target */
  for (guint i = 0; i < TN_N_EXPORT_TARGETS; i++)
    {
      tn_export_dialog_set_target (dialog, i);
      g_assert_nonnull (tn_export_dialog_get_text (dialog));
      g_assert_cmpint (tn_export_dialog_get_target (dialog), ==, i);
    }
  tn_export_dialog_set_target (dialog, TN_EXPORT_CISCO);
  g_assert_nonnull (strstr (tn_export_dialog_get_text (dialog), "crypto map TUNNELS"));

  /* the key, from the keyring */
  tn_export_dialog_set_target (dialog, TN_EXPORT_SWANCTL);
  psk_switch = GTK_SWITCH (find_child (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  g_assert_nonnull (psk_switch);
  gtk_switch_set_active (psk_switch, TRUE);
  check.needle = psk;
  check.present = TRUE;
  g_assert_true (tn_test_wait_until (text_has, &check, 10000));
  g_assert_null (strstr (tn_export_dialog_get_text (dialog), "cloud-copy-throwaway-key"));
  tn_test_wait_frames (GTK_WIDGET (dialog), 3);
  tn_test_save_screenshot (GTK_WIDGET (dialog), japanese ? "export-dialog-ja" : "export-dialog");

  /* Copy */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 on_clipboard_read_cb, &clipboard);
  g_assert_true (tn_test_wait_until (is_set, &clipboard, 5000));
  g_assert_true (g_str_equal (clipboard, tn_export_dialog_get_text (dialog)));

  /* Save: one file, private since it holds the key */
  {
    g_autoptr(GFile) file = g_file_new_for_path (single);

    tn_export_dialog_save_to (dialog, file);
  }
  g_assert_true (tn_test_wait_until (file_is_complete, single, 5000));
  g_assert_cmpint (g_stat (single, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* two files into a folder; the key only in ipsec.secrets */
  tn_export_dialog_set_target (dialog, TN_EXPORT_IPSEC_CONF);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    tn_export_dialog_save_to (dialog, folder);
  }
  g_assert_true (tn_test_wait_until (file_is_complete, conf, 5000));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (conf, &text, NULL, NULL));
    g_assert_null (strstr (text, psk));
  }
  g_assert_true (tn_test_wait_until (file_is_complete, secrets, 5000) || g_file_test (secrets, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (secrets, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* switching the key off takes it out */
  gtk_switch_set_active (psk_switch, FALSE);
  g_assert_null (strstr (tn_export_dialog_get_text (dialog), psk));

  tn_test_close_window (GTK_WINDOW (dialog));
  g_unlink (single);
  g_unlink (conf);
  g_unlink (secrets);
  g_rmdir (dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_export_dialog_no_keyring_key (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v1-aes128-sha1-group5");
  TnExportDialog *dialog;
  GtkSwitch *psk_switch;
  GtkWidget *cloud_button;
  TextCheck check;

  /* nothing in the keyring for this one; the cloud gave its key */
  dialog = open_dialog (test_case);
  psk_switch = GTK_SWITCH (find_child (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  gtk_switch_set_active (psk_switch, TRUE);

  cloud_button = find_button (GTK_WIDGET (dialog), g_dgettext (GETTEXT_PACKAGE, "Use the Cloud’s _Key"));
  g_assert_nonnull (cloud_button);
  g_assert_true (tn_test_wait_until (widget_visible, cloud_button, 10000));
  {
    g_autoptr(GPtrArray) labels = tn_test_collect_labels (GTK_WIDGET (dialog));
    const char *expected = g_dgettext (GETTEXT_PACKAGE, "The keyring has no pre-shared key for this connection.");
    gboolean said = FALSE;

    for (guint i = 0; i < labels->len; i++)
      said = said || g_str_equal (g_ptr_array_index (labels, i), expected);
    g_assert_true (said);
  }

  /* the key is not in the export until the user takes the cloud's */
  check.dialog = dialog;
  check.needle = tn_connection_get_psk (test_case->connection);
  check.present = FALSE;
  g_assert_true (text_has (&check));
  g_signal_emit_by_name (cloud_button, "clicked");
  g_assert_null (strstr (tn_export_dialog_get_text (dialog), "<PRE-SHARED-KEY>"));
  check.present = TRUE;
  g_assert_true (text_has (&check));

  tn_test_close_window (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  tn_test_gui_init (&argc, &argv);

  g_test_add_func ("/export-dialog/targets-psk-copy-save", test_export_dialog);
  g_test_add_func ("/export-dialog/no-keyring-key", test_export_dialog_no_keyring_key);

  return g_test_run ();
}
