/* bench-load.c: loading 1,000 and 10,000 connections into the stores and a realized list
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sandbox cloud runs as a program of its own (tunnels-sandbox, seeded
 * with scale:N: N connections and N/10 of each policy), so only Tunnels'
 * work counts against its main loop. For each size it prints:
 *
 *   raw fetch   the same pages (same query: limit, sorted by name; all four
 *               collections at once) fetched with libsoup directly and
 *               parsed with json-glib
 *   load        from the session becoming active to the four stores ready
 *               and the connection list showing its rows
 *   stall       the longest gap the main loop had meanwhile, measured with
 *               a high-priority 1 ms timeout
 *   peak RSS    VmHWM of this process
 *
 * and, each in a fresh process, the time from main() to the first frame
 * of a bare GTK window and to the first frame of Tunnels itself (what
 * src/main.c does: TnApplication, g_application_run()) showing rows of
 * the connection list of a remembered account with 1,000 connections:
 * its settings in a keyfile (GSETTINGS_BACKEND=keyfile, written once by
 * "--first-frame setup"), its password in the keyring.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "tn-application.h"
#include "tn-resource-list.h"
#include "tn-sandbox.h"
#include "tn-secrets.h"
#include "tn-store-set.h"
#include "tn-window.h"

static gint64 started_at;

/* The sandbox program */

typedef struct
{
  GSubprocess *process;
  char        *identity_url;
} Sandbox;

static void
sandbox_start (Sandbox    *sandbox,
               const char *program,
               guint       n)
{
  g_autofree char *seed = g_strdup_printf ("scale:%u", n);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;

  sandbox->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                       program, "--port", "0", "--seed", seed, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  sandbox->identity_url = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sandbox->identity_url);
}

static void
sandbox_stop (Sandbox *sandbox)
{
  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait (sandbox->process, NULL, NULL);
  g_clear_object (&sandbox->process);
  g_clear_pointer (&sandbox->identity_url, g_free);
}

static gboolean
wait_until (gboolean (*condition) (gpointer),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

/* The longest main loop stall */

static gint64 probe_last, probe_worst;

/* A high-priority timeout every PROBE_MS: how much later than due it
 * runs is how long the main loop was busy with something else. */
#define PROBE_MS 4

static gboolean
on_probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - probe_last - PROBE_MS * 1000;

  probe_worst = MAX (probe_worst, late);
  probe_last = now;
  if (g_getenv ("BENCH_TRACE") && late > 16000)
    g_message ("stall %.1f ms", late / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* BENCH_TRACE=1: how long each frame clock phase took, when long: each
 * phase ends when the handlers of its signal have run. */
static gint64 phase_end;

static void
on_phase_ended_cb (GdkFrameClock *clock,
                   const char    *phase)
{
  gint64 now = g_get_monotonic_time ();

  if (phase != NULL && now - phase_end > 4000)
    g_message ("%s %.1f ms", phase, (now - phase_end) / 1000.0);
  phase_end = now;
}

static void
trace_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  const char *phases[] = { "before-paint", "update", "layout", "paint", "after-paint" };

  if (g_getenv ("BENCH_TRACE") == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect_data (clock, phases[i], G_CALLBACK (on_phase_ended_cb), i > 0 ? (gpointer) phases[i] : NULL,
                           NULL, G_CONNECT_AFTER);
}

static guint
probe_start (void)
{
  probe_last = g_get_monotonic_time ();
  probe_worst = 0;

  return g_timeout_add_full (G_PRIORITY_HIGH, PROBE_MS, on_probe_cb, NULL, NULL);
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* The raw fetch: libsoup and json-glib, nothing of Tunnels. */

typedef struct
{
  SoupSession *soup;
  char        *token;
  int          running;
} Raw;

/* Keystone by hand: the token for the raw fetch (not timed). */
static char *
sign_in_raw (SoupSession *soup,
             const char  *identity_url)
{
  g_autofree char *url = g_strconcat (identity_url, "/auth/tokens", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  char *body = g_strdup_printf ("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": "
                                "{\"user\": {\"name\": \"%s\", \"domain\": {\"name\": \"%s\"}, "
                                "\"password\": \"%s\"}}}, \"scope\": {\"project\": {\"name\": \"%s\", "
                                "\"domain\": {\"name\": \"%s\"}}}}}",
                                TN_SANDBOX_USER, TN_SANDBOX_USER_DOMAIN, TN_SANDBOX_PASSWORD,
                                TN_SANDBOX_PROJECT, TN_SANDBOX_PROJECT_DOMAIN);

  soup_message_set_request_body_from_bytes (msg, "application/json", g_bytes_new_take (body, strlen (body)));
  answer = soup_session_send_and_read (soup, msg, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "X-Subject-Token"));
}

typedef struct
{
  Raw  *raw;
  char *collection;
  char *base;
} Page;

static void fetch_page (Page *page, const char *url);

static void
on_page_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Page *page = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *key = g_strdelimit (g_strdup (page->collection), "-", '_');
  g_autofree char *links = g_strconcat (key, "_links", NULL);
  JsonObject *root;
  const char *next = NULL;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (root, links))
    {
      JsonArray *array = json_object_get_array_member (root, links);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *link = json_array_get_object_element (array, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (link, "rel", ""), "next") == 0)
            next = json_object_get_string_member (link, "href");
        }
    }

  if (next != NULL && json_array_get_length (json_object_get_array_member (root, key)) > 0)
    {
      fetch_page (page, next);
      return;
    }

  page->raw->running--;
  g_free (page->collection);
  g_free (page->base);
  g_free (page);
}

static void
fetch_page (Page       *page,
            const char *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Auth-Token", page->raw->token);
  soup_session_send_and_read_async (page->raw->soup, msg, G_PRIORITY_DEFAULT, NULL, on_page_cb, page);
}

static gboolean
raw_done (gpointer data)
{
  return ((Raw *) data)->running == 0;
}

static double
raw_fetch (const char *identity_url,
           const char *token)
{
  const char *collections[] = { "ikepolicies", "ipsecpolicies", "vpnservices", "ipsec-site-connections" };
  g_autofree char *network = NULL;
  Raw raw = { soup_session_new (), g_strdup (token), 0 };
  gint64 start;

  /* http://127.0.0.1:PORT/identity/v3 → http://127.0.0.1:PORT/network/RegionOne */
  network = g_strndup (identity_url, strstr (identity_url, "/identity") - identity_url);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      Page *page = g_new0 (Page, 1);
      /* The query Tunnels sends for a first load (tn-session-lists.c). */
      g_autofree char *url = g_strdup_printf ("%s/network/RegionOne/v2.0/vpn/%s?limit=%u"
                                              "&sort_key=name&sort_dir=asc&sort_key=id&sort_dir=asc",
                                              network, collections[i], TN_STORE_SET_PAGE_SIZE);

      page->raw = &raw;
      page->collection = g_strdup (collections[i]);
      raw.running++;
      fetch_page (page, url);
    }
  g_assert_true (wait_until (raw_done, &raw, 120000));

  g_object_unref (raw.soup);
  g_free (raw.token);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Tunnels: sessions, stores, and the connection list in a window */

typedef struct
{
  TnAccountManager *accounts;
  TnSessionManager *sessions;
  TnStoreSet       *stores;
  GtkWidget        *window;
  TnResourceList   *list;
} App;

static gboolean
app_ready (gpointer data)
{
  App *app = data;

  for (TnResourceKind kind = 0; kind < TN_N_RESOURCE_KINDS; kind++)
    {
      TnResourceStore *store = tn_store_set_get_store (app->stores, kind);

      if (tn_resource_store_get_state (store) != TN_STORE_STATE_READY || tn_resource_store_get_refreshing (store))
        return FALSE;
    }

  return g_strcmp0 (tn_resource_list_get_page (app->list), "list") == 0 && !tn_resource_list_is_busy (app->list);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_session_sign_in_finish (TN_SESSION (object), result, &error));
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static TnSession *
signed_in_session (App        *app,
                   const char *identity_url)
{
  g_autoptr(TnAccount) account = tn_account_new (identity_url, "RegionOne");
  g_autoptr(GError) error = NULL;
  TnSession *session;
  gboolean done = FALSE;

  tn_account_set_name (account, identity_url);
  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);
  session = tn_session_new (tn_account_manager_add (app->accounts, account), TN_SANDBOX_PASSWORD, &error);
  g_assert_no_error (error);
  tn_session_set_timeout (session, 120000);
  tn_session_sign_in_async (session, NULL, on_signed_in_cb, &done);
  g_assert_true (wait_until (is_true, &done, 30000));

  return session;
}

static void
app_init (App *app)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  app->accounts = tn_account_manager_new (settings);
  app->sessions = tn_session_manager_new (app->accounts);
  app->stores = tn_store_set_new (app->sessions);
  app->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (app->window), 1100, 700);
  app->list = TN_RESOURCE_LIST (tn_resource_list_new (app->stores, TN_RESOURCE_CONNECTION));
  gtk_window_set_child (GTK_WINDOW (app->window), GTK_WIDGET (app->list));
  gtk_window_present (GTK_WINDOW (app->window));
}


static void
app_clear (App *app)
{
  gtk_window_destroy (GTK_WINDOW (app->window));
  g_clear_object (&app->stores);
  g_clear_object (&app->sessions);
  g_clear_object (&app->accounts);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  guint  rows;
  double raw_ms;
  double load_ms;
  double stall_ms;
  long   rss_kb;
} Figures;

static void
on_frame_cb (GdkFrameClock *clock,
             gboolean      *painted)
{
  *painted = TRUE;
}

/* One frame drawn after @condition holds. */
static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_cb), &painted);

  gtk_widget_queue_draw (window);
  g_assert_true (wait_until (is_true, &painted, 10000));
  g_signal_handler_disconnect (clock, id);
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static void
measure (const char *program,
         guint       n,
         Figures    *figures)
{
  Sandbox sandbox = { NULL };
  App app = { NULL };
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(TnSession) session = NULL;
  g_autofree char *token = NULL;
  gint64 start;
  guint probe;

  sandbox_start (&sandbox, program, n);
  app_init (&app);
  wait_painted (app.window);
  trace_frames (app.window);

  /* The raw fetch, once to warm the sandbox up, once measured. */
  token = sign_in_raw (soup, sandbox.identity_url);
  raw_fetch (sandbox.identity_url, token);
  figures->raw_ms = raw_fetch (sandbox.identity_url, token);

  session = signed_in_session (&app, sandbox.identity_url);
  probe = probe_start ();
  start = g_get_monotonic_time ();
  tn_session_manager_use_session (app.sessions, session);
  g_assert_true (wait_until (app_ready, &app, 300000));
  wait_painted (app.window);
  figures->load_ms = (g_get_monotonic_time () - start) / 1000.0;
  on_probe_cb (NULL);
  figures->stall_ms = probe_worst / 1000.0;
  g_source_remove (probe);

  figures->rows = g_list_model_get_n_items (tn_resource_list_get_model (app.list));
  if (g_getenv ("BENCH_TRACE"))
    g_message ("%u widgets in the list", count_widgets (GTK_WIDGET (app.list)));
  figures->rss_kb = peak_rss_kb ();

  app_clear (&app);
  sandbox_stop (&sandbox);
}

static void
trace_step (const char *what)
{
  if (g_getenv ("BENCH_TRACE"))
    g_message ("%.1f ms: %s", (g_get_monotonic_time () - started_at) / 1000.0, what);
}

/* A fresh process: main() to the first frame of a bare window, or of the
 * connection list with its rows. */
static gboolean
first_frame_shown (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct
{
  gpointer  unused;
  gboolean  shown;
} FirstFrame;

static void
on_first_frame_cb (GdkFrameClock *clock,
                   FirstFrame    *first)
{
  if (first->shown)
    return;

  first->shown = TRUE;
  trace_step ("first frame");
  g_print ("first-frame-ms %.1f\n", (g_get_monotonic_time () - started_at) / 1000.0);
}

static void
on_password_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tn_secrets_store_finish (result, &error));
  *done = TRUE;
}

/* Once, not timed: the account Tunnels remembers, and its password. */
static int
setup_first_frame (const char *identity_url)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(TnAccountManager) accounts = tn_account_manager_new (settings);
  g_autoptr(TnAccount) account = tn_account_new (identity_url, "RegionOne");
  TnSecretKey key = { NULL, TN_SECRET_PASSWORD, NULL, NULL };
  gboolean done = FALSE;

  tn_account_set_name (account, "bench");
  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);
  tn_account_manager_set_active (accounts, tn_account_manager_add (accounts, account));
  g_settings_set_string (settings, "last-section", "connections");
  g_settings_set (settings, "window-size", "(ii)", 1100, 700);
  g_settings_sync ();

  key.account_id = tn_account_get_id (account);
  tn_secrets_store_async (&key, "bench", TN_SANDBOX_PASSWORD, NULL, on_password_stored_cb, &done);
  g_assert_true (wait_until (is_true, &done, 30000));

  return 0;
}

typedef struct
{
  GApplication   *app;
  TnResourceList *list;
  gboolean        shown;
} RealFirstFrame;

static void
on_app_after_paint_cb (GdkFrameClock  *clock,
                       RealFirstFrame *first)
{
  if (first->shown ||
      g_strcmp0 (tn_resource_list_get_page (first->list), "list") != 0 ||
      g_list_model_get_n_items (tn_resource_list_get_model (first->list)) == 0)
    return;

  first->shown = TRUE;
  trace_step ("first frame");
  g_print ("first-frame-ms %.1f\n", (g_get_monotonic_time () - started_at) / 1000.0);
  g_application_quit (first->app);
}

static void
on_app_window_realized_cb (GtkWidget      *window,
                           RealFirstFrame *first)
{
  trace_step ("window realized");
  trace_frames (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_app_after_paint_cb), first);
}

static void
on_app_window_added_cb (GtkApplication *application,
                        GtkWindow      *window,
                        RealFirstFrame *first)
{
  if (!TN_IS_WINDOW (window) || first->list != NULL)
    return;

  trace_step ("window built");
  first->list = TN_RESOURCE_LIST (gtk_widget_get_template_child (GTK_WIDGET (window), TN_TYPE_WINDOW,
                                                                 "connections_list"));
  g_signal_connect (window, "realize", G_CALLBACK (on_app_window_realized_cb), first);
}

static void
on_app_startup_cb (GApplication *application)
{
  trace_step ("startup (gtk_init and adw_init)");
}

/* What src/main.c does, watched from the outside. */
static int
run_app_first_frame (void)
{
  g_autoptr(TnApplication) app = NULL;
  RealFirstFrame first = { NULL, NULL, FALSE };
  char *argv[] = { (char *) "tunnels", NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tn_application_new ();
  first.app = G_APPLICATION (app);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_app_startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_app_window_added_cb), &first);
  g_application_run (G_APPLICATION (app), 1, argv);
  g_assert_true (first.shown);

  return 0;
}

static int
run_first_frame (const char *what,
                 const char *identity_url)
{
  FirstFrame first = { NULL, FALSE };
  GtkWidget *window;

  if (g_str_equal (what, "setup"))
    return setup_first_frame (identity_url);
  if (g_str_equal (what, "app"))
    return run_app_first_frame ();

  gtk_init ();
  adw_init ();
  trace_step ("gtk_init and adw_init");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));

  gtk_widget_realize (window);
  trace_frames (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame_cb), &first);
  g_assert_true (wait_until (first_frame_shown, &first.shown, 60000));

  return 0;
}

static double
spawn_first_frame (const char *self,
                   const char *what,
                   const char *identity_url)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;

  /* The app's settings outlive a process in a keyfile (dconf's stand-in). */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self, "--first-frame", what,
                                       identity_url ? identity_url : "-", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child) && g_subprocess_get_exit_status (child) == 0);
  if (g_str_equal (what, "setup"))
    return 0;
  line = strstr (out, "first-frame-ms ");
  g_assert_nonnull (line);

  return g_ascii_strtod (line + strlen ("first-frame-ms "), NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_first_frame (const char *self,
                    const char *what,
                    const char *identity_url)
{
  double runs[5];

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    runs[i] = spawn_first_frame (self, what, identity_url);
  qsort (runs, G_N_ELEMENTS (runs), sizeof runs[0], compare_doubles);

  return runs[G_N_ELEMENTS (runs) / 2];
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 1000, 10000 };
  Figures figures[G_N_ELEMENTS (sizes)] = { { 0 } };
  Sandbox sandbox = { NULL };
  double bare_ms = 1, list_ms = 1, per_row[G_N_ELEMENTS (sizes)] = { 0 };
  gboolean load_met = TRUE, stall_met = TRUE;
  /* BENCH_ONLY=load or =first-frame: one half, for profiling. */
  const char *only = g_getenv ("BENCH_ONLY");

  started_at = g_get_monotonic_time ();

  if (argc == 4 && g_str_equal (argv[1], "--first-frame"))
    return run_first_frame (argv[2], argv[3]);

  if (argc != 2)
    {
      g_printerr ("Usage: %s TUNNELS-SANDBOX-PROGRAM\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  printf ("Tunnels load benchmark: sandbox scale:N (N connections, N/10 IKE and IPsec policies), "
          "pages of %u, GSK_RENDERER=%s\n\n", TN_STORE_SET_PAGE_SIZE, g_getenv ("GSK_RENDERER") ?: "(default)");
  printf ("%11s %8s %12s %10s %7s %13s %13s\n", "connections", "rows", "raw fetch", "load", "ratio",
          "longest stall", "peak RSS");

  for (guint i = 0; i < G_N_ELEMENTS (sizes) && g_strcmp0 (only, "first-frame") != 0; i++)
    {
      measure (argv[1], sizes[i], &figures[i]);
      per_row[i] = figures[i].load_ms / sizes[i];
      load_met &= figures[i].load_ms <= 2 * figures[i].raw_ms;
      stall_met &= figures[i].stall_ms <= 16.0;
      printf ("%11u %8u %9.1f ms %7.1f ms %6.2fx %10.1f ms %10ld kB\n", sizes[i], figures[i].rows,
              figures[i].raw_ms, figures[i].load_ms, figures[i].load_ms / figures[i].raw_ms,
              figures[i].stall_ms, figures[i].rss_kb);
      fflush (stdout);
    }

  if (g_strcmp0 (only, "load") == 0)
    return 0;

  sandbox_start (&sandbox, argv[1], 1000);
  spawn_first_frame (argv[0], "setup", sandbox.identity_url);
  bare_ms = median_first_frame (argv[0], "bare", NULL);
  list_ms = median_first_frame (argv[0], "app", NULL);
  sandbox_stop (&sandbox);

  printf ("\nfirst frame (median of 5 fresh processes): bare GTK window %.1f ms, "
          "Tunnels showing its connection list (1,000 rows) %.1f ms (%.2fx)\n", bare_ms, list_ms, list_ms / bare_ms);
  printf ("growth: %.3f ms per connection at 1,000, %.3f at 10,000 (%.2fx)\n\n",
          per_row[0], per_row[1], per_row[1] / per_row[0]);
  printf ("targets: load <= 2x raw fetch: %s; longest stall <= 16 ms: %s; linear growth (<= 1.5x per row): %s; "
          "first populated frame <= 1.3x bare: %s\n",
          verdict (load_met), verdict (stall_met), verdict (per_row[1] <= 1.5 * per_row[0]),
          verdict (list_ms <= 1.3 * bare_ms));

  return 0;
}
