/* export-tool.c: writes the export of a test case, for the tunnel suite
 *
 *   export-tool CASE.json TARGET OUTDIR [--with-psk]
 *
 * Each file of the export goes into OUTDIR under its own name; the
 * warnings (English, as in the files) go to standard output. --with-psk
 * writes the case's own throwaway key.
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "tn-test-export.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnTestExportCase) test_case = NULL;
  g_autoptr(TnExportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TnExportTarget target;
  gboolean with_psk;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 4 || !tn_export_target_from_id (argv[2], &target))
    {
      g_printerr ("usage: %s CASE.json TARGET OUTDIR [--with-psk]\n", argv[0]);
      return 2;
    }
  with_psk = argc > 4 && g_str_equal (argv[4], "--with-psk");

  test_case = tn_test_export_case_load (argv[1], &error);
  if (test_case != NULL)
    result = tn_export_run (&test_case->source, target,
                            with_psk ? tn_connection_get_psk (test_case->connection) : NULL, &error);
  if (result == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  for (guint i = 0; i < tn_export_result_get_n_files (result); i++)
    {
      g_autofree char *path = g_build_filename (argv[3], tn_export_result_get_file_name (result, i), NULL);

      if (!g_file_set_contents_full (path, tn_export_result_get_file_text (result, i), -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("file %s\n", tn_export_result_get_file_name (result, i));
    }
  for (guint i = 0; i < tn_export_result_get_n_warnings (result); i++)
    g_print ("warning %d\n", tn_export_result_get_warning_kind (result, i));

  return 0;
}
