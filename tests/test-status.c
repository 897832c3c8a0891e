/* test-status.c: settled and changing statuses, and their names
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tn-status.h"

static void
test_status_settled (void)
{
  const char *settled[] = { "ACTIVE", "DOWN", "ERROR", "CREATE_ERROR", NULL, "" };
  const char *changing[] = { "BUILD", "PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE", "DELETING", "MIGRATING" };

  for (guint i = 0; i < G_N_ELEMENTS (settled); i++)
    g_assert_true (tn_status_is_settled (settled[i]));
  for (guint i = 0; i < G_N_ELEMENTS (changing); i++)
    g_assert_false (tn_status_is_settled (changing[i]));
}

static void
test_status_tone (void)
{
  g_assert_cmpint (tn_status_get_tone ("ACTIVE"), ==, TN_STATUS_TONE_GOOD);
  g_assert_cmpint (tn_status_get_tone ("DOWN"), ==, TN_STATUS_TONE_NEUTRAL);
  g_assert_cmpint (tn_status_get_tone ("ERROR"), ==, TN_STATUS_TONE_BAD);
  g_assert_cmpint (tn_status_get_tone ("CREATE_ERROR"), ==, TN_STATUS_TONE_BAD);
  g_assert_cmpint (tn_status_get_tone ("PENDING_UPDATE"), ==, TN_STATUS_TONE_BUSY);
  /* Unknown: changing, shown verbatim. */
  g_assert_cmpint (tn_status_get_tone ("MIGRATING"), ==, TN_STATUS_TONE_BUSY);
  g_assert_cmpstr (tn_status_get_display_name ("MIGRATING"), ==, "MIGRATING");
}

static void
test_status_names (void)
{
  const char *language = g_getenv ("TN_TEST_LANGUAGE");

  if (g_strcmp0 (language, "ja") == 0)
    {
      g_assert_cmpstr (tn_status_get_display_name ("PENDING_CREATE"), ==, "作成待ち");
      g_assert_cmpstr (tn_status_get_display_name ("ACTIVE"), ==, "アクティブ");
    }
  else
    {
      g_assert_cmpstr (tn_status_get_display_name ("PENDING_CREATE"), ==, "Pending Create");
      g_assert_cmpstr (tn_status_get_display_name ("ACTIVE"), ==, "Active");
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TN_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/settled", test_status_settled);
  g_test_add_func ("/status/tone", test_status_tone);
  g_test_add_func ("/status/names", test_status_names);

  return g_test_run ();
}
