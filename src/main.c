/* main.c
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tunnels"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tn-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TnApplication) app = NULL;
  /* The build directory's catalogues, for a run uninstalled */
  const char *localedir = g_getenv ("TUNNELS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tn_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
