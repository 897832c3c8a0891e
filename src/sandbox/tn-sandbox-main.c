/* tn-sandbox-main.c: the tunnels-sandbox executable
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxMain"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "tn-sandbox.h"

/* A developer tool: its help stays English, like the wire it speaks. */
static const char description[] =
  "Serves Keystone v3 and Neutron VPNaaS on 127.0.0.1 only. With --port 0 (the\n"
  "default) a free port is chosen. The first line on stdout is the identity URL\n"
  "(OS_AUTH_URL), e.g. http://127.0.0.1:PORT/identity/v3. Sign in as user \"" TN_SANDBOX_USER "\"\n"
  "in domain \"" TN_SANDBOX_USER_DOMAIN "\" with password \"" TN_SANDBOX_PASSWORD "\", project \"" TN_SANDBOX_PROJECT "\".\n"
  "Regions: RegionOne (OpenStack), jp-east-1 and jp-east-2 (FJcloud-O type A),\n"
  "jp-east-3 (FJcloud-O type B).\n"
  "\n"
  "Faults (--fault, repeatable, or TUNNELS_SANDBOX_FAULTS), rules separated by ';':\n"
  "  [METHOD ]PATTERN=KIND[:PARAM][:COUNT]\n"
  "  METHOD   GET, POST, PUT, DELETE… or * (any; the default)\n"
  "  PATTERN  a glob (* matches /) on the path, whole or below its endpoint:\n"
  "           /v2.0/vpn/*, */ikepolicies, /v3/auth/tokens, /network/jp-east-1/*\n"
  "  KIND     latency:MS   answer MS milliseconds late\n"
  "           status:CODE  answer CODE (e.g. 500, 503, 409) with a NeutronError\n"
  "           expired      401 as for an expired token (the token is forgotten)\n"
  "           reset        close the connection without an answer\n"
  "           truncated    announce the whole body, send half of it, close\n"
  "           malformed    answer 200 with a body that is not JSON\n"
  "           slow:MS      send the body in small pieces MS milliseconds apart\n"
  "  COUNT    how many matching requests to spoil (all of them without it)\n"
  "  status, expired and reset leave the request undone; the others do it.\n"
  "  Example: GET /v2.0/vpn/*=latency:500;POST */ikepolicies=status:503:1\n";

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSandbox) sandbox = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *state = NULL;
  g_autofree char *seed = NULL;
  g_auto(GStrv) faults = NULL;
  const char *env_faults;
  int port = 0, token_lifetime = 0, settle_delay = -1;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "TCP port on 127.0.0.1 (0: any free port)", "N" },
    { "state", 's', 0, G_OPTION_ARG_FILENAME, &state, "Keep the state in FILE (JSON, written atomically)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, "Replace the state with a seed: demo or scale:N", "SEED" },
    { "fault", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &faults, "Add fault rules (see below)", "SPEC" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime, "Seconds a token is valid (default 10800)", "S" },
    { "settle-delay", 0, 0, G_OPTION_ARG_INT, &settle_delay, "Milliseconds before PENDING_*/BUILD settle (default 2000)", "MS" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— a local simulated OpenStack cloud for Tunnels");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || token_lifetime < 0)
    {
      g_printerr ("Invalid --port or --token-lifetime\n");
      return 2;
    }

  sandbox = tn_sandbox_new (state);
  if (token_lifetime > 0)
    tn_sandbox_set_token_lifetime (sandbox, token_lifetime);
  if (settle_delay >= 0)
    tn_sandbox_set_settle_delay (sandbox, settle_delay);

  env_faults = g_getenv ("TUNNELS_SANDBOX_FAULTS");
  if (env_faults != NULL && !tn_sandbox_add_fault_spec (sandbox, env_faults, &error))
    {
      g_printerr ("TUNNELS_SANDBOX_FAULTS: %s\n", error->message);
      return 2;
    }
  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    if (!tn_sandbox_add_fault_spec (sandbox, faults[i], &error))
      {
        g_printerr ("--fault: %s\n", error->message);
        return 2;
      }

  if (seed != NULL && !tn_sandbox_seed (sandbox, seed, &error))
    {
      g_printerr ("--seed: %s\n", error->message);
      return 2;
    }

  if (!tn_sandbox_listen (sandbox, port, &error))
    {
      g_printerr ("Cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return 1;
    }

  g_print ("%s\n", tn_sandbox_get_identity_url (sandbox));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  tn_sandbox_stop (sandbox);
  if (!tn_sandbox_save (sandbox, &error))
    {
      g_printerr ("Could not save the state: %s\n", error->message);
      return 1;
    }
  return 0;
}
