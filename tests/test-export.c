/* test-export.c: the peer-side export against golden files, its warnings
 * and the quoting of pre-shared keys
 *
 * Golden files: tests/data/export/golden/CASE/TARGET.txt, one per case of
 * tests/data/export/cases and target. A difference fails and prints a
 * diff; TN_EXPORT_REGENERATE=1 rewrites them (never in CI).
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tn-error.h"
#include "tn-test-export.h"

/* Throwaway keys, never printed */
#define PLAIN_KEY  "plain key with spaces #1"
#define QUOTED_KEY "has \"quote\" and \\ backslash"
#define PREFIX_KEY "0sLooksEncoded"

typedef struct
{
  char           *path;
  TnExportTarget  target;
} GoldenTest;

static char *
case_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "export", "cases", file, NULL);
}

static TnTestExportCase *
load_case (const char *name)
{
  g_autofree char *path = case_path (name);
  g_autoptr(GError) error = NULL;
  TnTestExportCase *test_case = tn_test_export_case_load (path, &error);

  g_assert_no_error (error);
  return test_case;
}

static TnExportResult *
run (TnTestExportCase *test_case,
     TnExportTarget    target,
     const char       *psk)
{
  g_autoptr(GError) error = NULL;
  TnExportResult *result = tn_export_run (&test_case->source, target, psk, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
print_diff (const char *expected_path,
            const char *actual)
{
  g_autofree char *actual_path = g_build_filename (g_get_tmp_dir (), "tn-export-actual-XXXXXX", NULL);
  g_autofree char *diff = NULL;
  int fd = g_mkstemp (actual_path);
  const char *argv[] = { "diff", "-u", expected_path, actual_path, NULL };

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (actual_path, actual, -1, NULL));
  g_close (fd, NULL);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &diff, NULL, NULL, NULL);
  g_test_message ("%s differs from the export:\n%s", expected_path, diff ? diff : "(diff failed)");
  g_unlink (actual_path);
}

static void
test_golden (gconstpointer data)
{
  const GoldenTest *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnTestExportCase) test_case = tn_test_export_case_load (test->path, &error);
  g_autoptr(TnExportResult) result = NULL;
  g_autofree char *file = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *expected = NULL;
  const char *text;

  g_assert_no_error (error);
  result = run (test_case, test->target, NULL);
  text = tn_export_result_get_text (result);
  file = g_strconcat (tn_export_target_get_id (test->target), ".txt", NULL);
  golden = g_test_build_filename (G_TEST_DIST, "data", "export", "golden", test_case->name, file, NULL);

  /* Devices expect ASCII: the files never carry a translation */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p > 0x7e && test->target != TN_EXPORT_SHEET_JSON)
      g_error ("%s has a non-ASCII byte at offset %ld", golden, (long)(p - text));

  if (g_strcmp0 (g_getenv ("TN_EXPORT_REGENERATE"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (golden);

      if (g_getenv ("CI") != NULL)
        g_error ("TN_EXPORT_REGENERATE is not allowed in CI");
      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (golden, text, -1, &error));
      g_test_message ("rewrote %s", golden);
      return;
    }

  if (!g_file_get_contents (golden, &expected, NULL, &error))
    {
      g_test_message ("no golden file: %s (TN_EXPORT_REGENERATE=1 writes it)", error->message);
      g_test_fail ();
      return;
    }
  if (!g_str_equal (expected, text))
    {
      print_diff (golden, text);
      g_test_fail ();
    }
}

/* Each warning, from the case and target that should give it */
static void
assert_warning (const char          *name,
                TnExportTarget       target,
                TnExportWarningKind  kind,
                gboolean             expected)
{
  g_autoptr(TnTestExportCase) test_case = load_case (name);
  g_autoptr(TnExportResult) result = run (test_case, target, NULL);

  if (tn_export_result_has_warning (result, kind) != expected)
    g_error ("%s, %s: warning %d %s", name, tn_export_target_get_id (target), kind,
             expected ? "missing" : "unexpected");
}

static void
test_warnings (void)
{
  const char *clean = "v2-aes256-sha256-group14";

  assert_warning ("type-a-v1-aes256-group2", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_UNSUPPORTED, FALSE);
  assert_warning ("v2-aes192-sha384-group14", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_UNSUPPORTED, TRUE);
  assert_warning ("v2-ecp-groups", TN_EXPORT_CISCO, TN_EXPORT_WARNING_UNSUPPORTED, FALSE);
  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_CISCO, TN_EXPORT_WARNING_UNSUPPORTED, TRUE);

  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX, TRUE);
  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_CISCO, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX, TRUE);
  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX, TRUE);
  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX, FALSE);
  assert_warning (clean, TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX, FALSE);

  assert_warning (clean, TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_DPD_RETRIES, TRUE);
  assert_warning (clean, TN_EXPORT_CISCO, TN_EXPORT_WARNING_DPD_RETRIES, TRUE);
  assert_warning (clean, TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_DPD_RETRIES, FALSE);

  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_DPD_ACTION_BREAKS, TRUE);
  assert_warning (clean, TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_DPD_ACTION_BREAKS, FALSE);
  assert_warning ("v2-ecp-groups", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_CLOUD_GROUP, TRUE);
  assert_warning ("v2-aes256-sha512-group15-fqdn", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_CLOUD_GROUP, FALSE);

  assert_warning ("type-a-v1-aes256-group2", TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIBRESWAN_DH2, TRUE);
  assert_warning ("type-a-v1-aes256-group2", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_LIBRESWAN_DH2, FALSE);
  assert_warning ("v1-aes128-sha1-group5", TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIBRESWAN_IKEV1, TRUE);
  assert_warning (clean, TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIBRESWAN_IKEV1, FALSE);
  assert_warning (clean, TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIBRESWAN_DPD, TRUE);
  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_LIBRESWAN, TN_EXPORT_WARNING_LIBRESWAN_DPD, FALSE);

  /* the cloud's strongSwan: a CHILD SA rekey at ~17 min, initiating anyway */
  assert_warning (clean, TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_CLOUD_REKEYS, TRUE);
  assert_warning ("v2-aes192-sha384-group14", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_CLOUD_REKEYS, FALSE);
  assert_warning ("type-b-v2-aes128-sha256", TN_EXPORT_SWANCTL, TN_EXPORT_WARNING_CLOUD_REKEYS, FALSE);
  assert_warning (clean, TN_EXPORT_SHEET_TEXT, TN_EXPORT_WARNING_CLOUD_INITIATES, TRUE);
  assert_warning ("v1-aes128-sha1-group5", TN_EXPORT_SHEET_TEXT, TN_EXPORT_WARNING_CLOUD_INITIATES, FALSE);

  /* type B */
  assert_warning ("type-b-v2-aes128-sha256", TN_EXPORT_CISCO, TN_EXPORT_WARNING_ENDPOINT_ADDRESS, TRUE);
  assert_warning ("type-b-v2-aes128-sha256", TN_EXPORT_CISCO, TN_EXPORT_WARNING_ANTI_REPLAY, TRUE);
  assert_warning ("type-b-v2-aes128-sha256", TN_EXPORT_CISCO, TN_EXPORT_WARNING_REEXPORT, TRUE);
  assert_warning ("type-a-v1-aes256-group2", TN_EXPORT_CISCO, TN_EXPORT_WARNING_ENDPOINT_ADDRESS, FALSE);

  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_SHEET_JSON, TN_EXPORT_WARNING_WEAK, TRUE);
  assert_warning (clean, TN_EXPORT_SHEET_JSON, TN_EXPORT_WARNING_WEAK, FALSE);

  assert_warning ("v1-3des-sha1-group2-weak", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_PFS_DIFFERS, TRUE);
  assert_warning ("v2-ecp-groups", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_PFS_DIFFERS, TRUE);
  assert_warning ("v2-ecp-groups", TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_UNSUPPORTED, TRUE);
  assert_warning (clean, TN_EXPORT_YAMAHA, TN_EXPORT_WARNING_PFS_DIFFERS, FALSE);
}

static void
test_warning_psk_characters (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v1-aes128-sha1-group5");
  g_autoptr(TnExportResult) cisco = run (test_case, TN_EXPORT_CISCO, PLAIN_KEY);
  g_autoptr(TnExportResult) yamaha = run (test_case, TN_EXPORT_YAMAHA, QUOTED_KEY);
  g_autoptr(TnExportResult) swanctl = run (test_case, TN_EXPORT_SWANCTL, QUOTED_KEY);
  g_autoptr(TnExportResult) fine = run (test_case, TN_EXPORT_CISCO, "AbCdEf0123456789-_.");

  g_assert_true (tn_export_result_has_warning (cisco, TN_EXPORT_WARNING_PSK_CHARACTERS));
  g_assert_true (tn_export_result_has_warning (yamaha, TN_EXPORT_WARNING_PSK_CHARACTERS));
  g_assert_false (tn_export_result_has_warning (swanctl, TN_EXPORT_WARNING_PSK_CHARACTERS));
  g_assert_false (tn_export_result_has_warning (fine, TN_EXPORT_WARNING_PSK_CHARACTERS));
  /* a key IOS cannot take is not written half */
  g_assert_null (strstr (tn_export_result_get_text (cisco), PLAIN_KEY));
}

/* Warnings are shown translated and written in English */
static void
test_warnings_translated (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v1-3des-sha1-group2-weak");
  g_autoptr(TnExportResult) result = run (test_case, TN_EXPORT_LIBRESWAN, NULL);
  gboolean ja = g_strcmp0 (g_getenv ("TN_TEST_LANGUAGE"), "ja") == 0;

  g_assert_cmpuint (tn_export_result_get_n_warnings (result), >, 3);
  for (guint i = 0; i < tn_export_result_get_n_warnings (result); i++)
    {
      const char *message = tn_export_result_get_warning (result, i);
      gboolean ascii = TRUE;

      for (const char *p = message; *p != '\0'; p++)
        ascii = ascii && (guchar)*p < 0x80;
      if (ja == ascii)
        g_error ("warning %u is not in the test's language: %s", i, message);
    }
  g_assert_cmpstr (tn_export_target_get_name (TN_EXPORT_YAMAHA), ==, "Yamaha RTX");
  g_assert_cmpstr (tn_export_target_get_file_name (TN_EXPORT_SWANCTL), ==, "swanctl.conf");
  if (ja)
    g_assert_cmpstr (tn_export_target_get_name (TN_EXPORT_SHEET_TEXT), !=, "Parameter Sheet (Text)");
}

static char *
decode_secret (const char *line_start,
               const char *text)
{
  const char *line = strstr (text, line_start);
  g_autofree char *value = NULL;
  g_autofree guchar *decoded = NULL;
  gsize length;

  g_assert_nonnull (line);
  value = g_strndup (line + strlen (line_start), strcspn (line + strlen (line_start), "\n"));
  g_assert_true (g_str_has_prefix (value, "0s"));
  decoded = g_base64_decode (value + 2, &length);

  return g_strndup ((const char *)decoded, length);
}

static void
test_psk_quoting (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v2-aes256-sha256-group14");
  g_autoptr(TnExportResult) none = run (test_case, TN_EXPORT_SWANCTL, NULL);
  g_autoptr(TnExportResult) plain = run (test_case, TN_EXPORT_SWANCTL, PLAIN_KEY);
  g_autoptr(TnExportResult) quoted = run (test_case, TN_EXPORT_SWANCTL, QUOTED_KEY);
  g_autoptr(TnExportResult) prefix = run (test_case, TN_EXPORT_IPSEC_CONF, PREFIX_KEY);
  g_autoptr(TnExportResult) libreswan = run (test_case, TN_EXPORT_LIBRESWAN, QUOTED_KEY);
  g_autoptr(TnExportResult) json = run (test_case, TN_EXPORT_SHEET_JSON, QUOTED_KEY);
  g_autofree char *decoded = NULL;

  /* no key unless asked, and no file marked secret */
  g_assert_null (strstr (tn_export_result_get_text (none), tn_connection_get_psk (test_case->connection)));
  g_assert_nonnull (strstr (tn_export_result_get_text (none), "secret = \"<PRE-SHARED-KEY>\""));
  g_assert_false (tn_export_result_file_has_secret (none, 0));
  g_assert_true (tn_export_result_file_has_secret (plain, 0));

  g_assert_nonnull (strstr (tn_export_result_get_text (plain), "secret = \"" PLAIN_KEY "\"\n"));

  decoded = decode_secret ("secret = ", tn_export_result_get_text (quoted));
  g_assert_true (g_str_equal (decoded, QUOTED_KEY));
  g_clear_pointer (&decoded, g_free);

  /* a key that looks encoded is encoded, or swanctl would decode it */
  g_assert_cmpuint (tn_export_result_get_n_files (prefix), ==, 2);
  g_assert_false (tn_export_result_file_has_secret (prefix, 0));
  g_assert_true (tn_export_result_file_has_secret (prefix, 1));
  decoded = decode_secret (": PSK ", tn_export_result_get_file_text (prefix, 1));
  g_assert_true (g_str_equal (decoded, PREFIX_KEY));
  g_clear_pointer (&decoded, g_free);

  decoded = decode_secret (": PSK ", tn_export_result_get_file_text (libreswan, 1));
  g_assert_true (g_str_equal (decoded, QUOTED_KEY));

  /* JSON escapes it itself */
  g_assert_nonnull (strstr (tn_export_result_get_text (json), "\"psk\" : \"has \\\"quote\\\" and \\\\ backslash\""));
}

static void
test_not_ready (void)
{
  g_autoptr(TnTestExportCase) test_case = load_case ("v1-aes128-sha1-group5");
  g_autoptr(GError) error = NULL;
  TnExportResult *result;

  tn_vpn_service_set_external_v4_ip (test_case->vpn_service, NULL);
  result = tn_export_run (&test_case->source, TN_EXPORT_SWANCTL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TN_ERROR, TN_ERROR_INVALID_STATE);
  g_clear_error (&error);

  tn_vpn_service_set_external_v4_ip (test_case->vpn_service, "203.0.113.1");
  test_case->source.cloud_cidr = NULL;
  result = tn_export_run (&test_case->source, TN_EXPORT_SWANCTL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TN_ERROR, TN_ERROR_INVALID_STATE);
}

static void
test_targets (void)
{
  for (guint i = 0; i < TN_N_EXPORT_TARGETS; i++)
    {
      TnExportTarget target;

      g_assert_true (tn_export_target_from_id (tn_export_target_get_id (i), &target));
      g_assert_cmpuint (target, ==, i);
      g_assert_nonnull (tn_export_target_get_name (i));
      g_assert_nonnull (tn_export_target_get_file_name (i));
    }
  g_assert_false (tn_export_target_from_id ("nonsense", &(TnExportTarget){ 0 }));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TN_TEST_LOCALEDIR");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func (g_free);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "data", "export", "cases", NULL);
  paths = tn_test_export_list_cases (dir);
  g_assert_cmpuint (paths->len, >=, 6);
  for (guint i = 0; i < paths->len; i++)
    for (guint t = 0; t < TN_N_EXPORT_TARGETS; t++)
      {
        GoldenTest *test = g_new0 (GoldenTest, 1);
        g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
        g_autofree char *name = g_strdup_printf ("/export/golden/%.*s/%s", (int)(strlen (base) - 5), base,
                                                 tn_export_target_get_id (t));

        test->path = g_ptr_array_index (paths, i);
        test->target = t;
        g_ptr_array_add (tests, test);
        g_test_add_data_func (name, test, test_golden);
      }

  g_test_add_func ("/export/targets", test_targets);
  g_test_add_func ("/export/warnings", test_warnings);
  g_test_add_func ("/export/warnings/psk-characters", test_warning_psk_characters);
  g_test_add_func ("/export/warnings/translated", test_warnings_translated);
  g_test_add_func ("/export/psk-quoting", test_psk_quoting);
  g_test_add_func ("/export/not-ready", test_not_ready);

  return g_test_run ();
}
