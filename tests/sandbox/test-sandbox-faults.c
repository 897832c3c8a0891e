/* test-sandbox-faults.c: fault injection, request counting, persistence,
 * seeds at scale and the tunnels-sandbox program
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "tn-test-client.h"

typedef struct
{
  TnSandbox *sandbox;
  char      *token;
  char      *ike_url;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = tn_sandbox_new (NULL);
  g_assert_true (tn_sandbox_listen (fixture->sandbox, 0, &error));
  g_assert_no_error (error);
  fixture->token = tn_test_sign_in (fixture->sandbox);
  fixture->ike_url = tn_test_url (fixture->sandbox, "RegionOne", "/v2.0/vpn/ikepolicies");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->ike_url, g_free);
  g_clear_object (&fixture->sandbox);
}

static TnTestResponse *
get_ike (Fixture *fixture)
{
  return tn_test_request ("GET", fixture->ike_url, fixture->token, NULL);
}

static guint
count_ike (Fixture *fixture)
{
  g_autoptr(TnTestResponse) response = get_ike (fixture);

  return json_array_get_length (tn_test_list (response, "ikepolicies"));
}

/* Faults */

static void
test_fault_latency (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  TnTestResponse *response;

  tn_sandbox_add_fault (fixture->sandbox, "GET", "/v2.0/vpn/*", TN_SANDBOX_FAULT_LATENCY, 200, 1);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * 1000);
  tn_test_response_free (response);

  start = g_get_monotonic_time ();
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 150 * 1000);
  tn_test_response_free (response);

  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, "GET", "*/ikepolicies"), ==, 2);
  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, NULL, "/network/RegionOne/v2.0/vpn/ikepolicies"), ==, 2);
  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, "POST", "/v3/auth/tokens"), ==, 1);
  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, "DELETE", "*"), ==, 0);
}

static void
test_fault_status (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *body = "{\"ikepolicy\": {\"name\": \"once\"}}";
  TnTestResponse *response;

  g_assert_true (tn_sandbox_add_fault_spec (fixture->sandbox, "POST */ikepolicies=status:503:1", &error));
  g_assert_no_error (error);

  response = tn_test_request ("POST", fixture->ike_url, fixture->token, body);
  g_assert_cmpuint (response->status, ==, 503);
  g_assert_cmpstr (tn_test_error_type (response), ==, "HTTPServiceUnavailable");
  tn_test_response_free (response);
  g_assert_cmpuint (count_ike (fixture), ==, 0);

  /* The retry is the one create. */
  response = tn_test_request ("POST", fixture->ike_url, fixture->token, body);
  g_assert_cmpuint (response->status, ==, 201);
  tn_test_response_free (response);
  g_assert_cmpuint (count_ike (fixture), ==, 1);
  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, "POST", "*/ikepolicies"), ==, 2);

  tn_sandbox_add_fault (fixture->sandbox, "DELETE", "*", TN_SANDBOX_FAULT_STATUS, 409, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%s", fixture->ike_url, "any");

      response = tn_test_request ("DELETE", url, fixture->token, NULL);
      g_assert_cmpuint (response->status, ==, 409);
      g_assert_cmpstr (tn_test_error_type (response), ==, "HTTPConflict");
      tn_test_response_free (response);
    }
}

static void
test_fault_token_expired (Fixture       *fixture,
                          gconstpointer  data)
{
  TnTestResponse *response;
  g_autofree char *fresh = NULL;

  tn_sandbox_add_fault (fixture->sandbox, NULL, "/v2.0/vpn/ikepolicies", TN_SANDBOX_FAULT_TOKEN_EXPIRED, 0, 1);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 401);
  g_assert_nonnull (soup_message_headers_get_one (response->headers, "Www-Authenticate"));
  tn_test_response_free (response);

  /* The token is gone for good; a new one works. */
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 401);
  tn_test_response_free (response);

  fresh = tn_test_sign_in (fixture->sandbox);
  response = tn_test_request ("GET", fixture->ike_url, fresh, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  tn_test_response_free (response);
}

static void
test_fault_reset (Fixture       *fixture,
                  gconstpointer  data)
{
  TnTestResponse *response;
  guint id;

  /* libsoup sends a GET again, once, when a reused connection closes
   * without an answer: the fault must last for both. */
  id = tn_sandbox_add_fault (fixture->sandbox, "GET", "*/ikepolicies", TN_SANDBOX_FAULT_RESET, 0, 0);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 0);
  g_assert_nonnull (response->error);
  g_test_message ("reset: %s", response->error->message);
  tn_test_response_free (response);
  g_assert_cmpuint (tn_sandbox_count_requests (fixture->sandbox, "GET", "*/ikepolicies"), >=, 1);
  tn_sandbox_remove_fault (fixture->sandbox, id);

  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  tn_test_response_free (response);
}

static void
test_fault_truncated (Fixture       *fixture,
                      gconstpointer  data)
{
  TnTestResponse *response;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autoptr(GString) raw = g_string_new (NULL);
  char buffer[4096];
  gssize n;
  const char *length;

  tn_sandbox_add_fault (fixture->sandbox, "GET", "*/ikepolicies", TN_SANDBOX_FAULT_TRUNCATED, 0, 0);
  response = get_ike (fixture);
  g_test_message ("truncated: status %u, %s, %" G_GSIZE_FORMAT " bytes of %" G_GOFFSET_FORMAT,
                  response->status, response->error ? response->error->message : "no error",
                  response->raw ? g_bytes_get_size (response->raw) : 0,
                  soup_message_headers_get_content_length (response->headers));
  /* libsoup either reports the early end or hands over what came: never
   * a body that parses. */
  g_assert_null (response->body);
  g_assert_true (response->error != NULL
                 || (goffset) g_bytes_get_size (response->raw) < soup_message_headers_get_content_length (response->headers));
  tn_test_response_free (response);

  /* On the wire: the whole length announced, half of it sent. The
   * sandbox answers from this thread's main context, so read in a
   * thread-free way: connect, then iterate until the peer closes. */
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", tn_sandbox_get_port (fixture->sandbox), NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("GET /network/RegionOne/v2.0/vpn/ikepolicies HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "X-Auth-Token: %s\r\n\r\n", fixture->token);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (g_socket_connection_get_socket (connection), FALSE);
  for (guint i = 0; i < 1000; i++)
    {
      n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (G_IO_STREAM (connection))),
                                                    buffer, sizeof buffer, NULL, NULL);
      if (n == 0)
        break;
      if (n > 0)
        g_string_append_len (raw, buffer, n);
      else
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (g_str_has_prefix (raw->str, "HTTP/1.1 200 OK\r\n"));
  length = strstr (raw->str, "Content-Length: ");
  g_assert_nonnull (length);
  g_assert_cmpuint (strlen (strstr (raw->str, "\r\n\r\n") + 4), ==, g_ascii_strtoull (length + 16, NULL, 10) / 2);
}

static void
test_fault_malformed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TnTestResponse) response = NULL;

  tn_sandbox_add_fault (fixture->sandbox, "GET", "*/ikepolicies", TN_SANDBOX_FAULT_MALFORMED, 0, 1);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->raw), >, 0);
  g_assert_null (response->body);
}

static void
test_fault_slow_body (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(TnTestResponse) response = NULL;

  tn_sandbox_add_fault (fixture->sandbox, "GET", "*/ikepolicies", TN_SANDBOX_FAULT_SLOW_BODY, 15, 1);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (response->body);
  g_assert_cmpint (soup_message_headers_get_encoding (response->headers), ==, SOUP_ENCODING_CHUNKED);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 8 * 15 * 1000);
}

static void
test_fault_spec (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const invalid[] = {
    "nonsense", "GET /x=latency", "GET /x=status:99", "/x=reset:0", "/x=explode",
    "=reset", "/x=slow:abc", "/x=expired:1:2", "/x=latency:5;GET",
  };
  g_autoptr(GError) error = NULL;
  TnTestResponse *response;
  guint id;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (tn_sandbox_add_fault_spec (fixture->sandbox, invalid[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  /* Nothing of a refused spec stays. */
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  tn_test_response_free (response);

  g_assert_true (tn_sandbox_add_fault_spec (fixture->sandbox,
                                            " GET /v2.0/vpn/*=latency:1 ; POST */ikepolicies=status:503:1;"
                                            "* /v3/*=expired:1;/x=truncated;/y=malformed:3;/z=slow:5;/r=reset", &error));
  g_assert_no_error (error);
  tn_sandbox_clear_faults (fixture->sandbox);

  id = tn_sandbox_add_fault (fixture->sandbox, NULL, "*", TN_SANDBOX_FAULT_STATUS, 500, 0);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 500);
  tn_test_response_free (response);
  tn_sandbox_remove_fault (fixture->sandbox, id);
  response = get_ike (fixture);
  g_assert_cmpuint (response->status, ==, 200);
  tn_test_response_free (response);
}

/* Persistence */

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_persistence (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tn-sandbox-XXXXXX", &error);
  g_autofree char *file = g_build_filename (folder, "state.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TnSandbox) first = tn_sandbox_new (file);
  g_autoptr(TnSandbox) second = NULL;
  g_autofree char *token = NULL;
  g_autofree char *url = NULL;
  g_autofree char *contents = NULL;
  TnTestResponse *response;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_true (tn_sandbox_listen (first, 0, &error));
  token = tn_test_sign_in (first);
  url = tn_test_url (first, "jp-east-1", "/v2.0/vpn/ikepolicies");
  response = tn_test_request ("POST", url, token, "{\"ikepolicy\": {\"name\": \"kept\"}}");
  g_assert_cmpuint (response->status, ==, 201);
  tn_test_response_free (response);

  /* Saved on its own, soon, in a thread */
  for (guint i = 0; i < 200 && !g_file_test (file, G_FILE_TEST_EXISTS); i++)
    tn_test_wait (10);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  tn_sandbox_stop (first);
  g_assert_true (json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"kept\""));
  g_assert_null (strstr (contents, token));

  second = tn_sandbox_new (file);
  g_assert_true (tn_sandbox_listen (second, 0, &error));
  g_clear_pointer (&token, g_free);
  g_clear_pointer (&url, g_free);
  token = tn_test_sign_in (second);
  url = tn_test_url (second, "jp-east-1", "/v2.0/vpn/ikepolicies?name=kept");
  response = tn_test_request ("GET", url, token, NULL);
  g_assert_cmpuint (json_array_get_length (tn_test_list (response, "ikepolicies")), ==, 1);
  tn_test_response_free (response);
  g_clear_object (&second);

  g_assert_cmpuint (count_files (folder), ==, 1);
  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_persistence_corrupt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tn-sandbox-XXXXXX", &error);
  g_autofree char *file = g_build_filename (folder, "state.json", NULL);
  g_autoptr(TnSandbox) sandbox = NULL;

  g_assert_true (g_file_set_contents (file, "{\"version\": 1, \"regions\": {", -1, &error));
  g_test_expect_message ("TnSandbox", G_LOG_LEVEL_WARNING, "Could not load the sandbox state:*");
  sandbox = tn_sandbox_new (file);
  g_test_assert_expected_messages ();
  g_assert_true (tn_sandbox_save (sandbox, &error));
  g_assert_no_error (error);
  g_clear_object (&sandbox);

  sandbox = tn_sandbox_new (file);
  g_assert_true (tn_sandbox_save (sandbox, &error));
  g_clear_object (&sandbox);
  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Seeds */

static void
test_seed_scale (void)
{
  g_autoptr(TnSandbox) sandbox = tn_sandbox_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_true (tn_sandbox_seed (sandbox, "scale:10000", &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("scale:10000 seeded in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 4.0);

  g_assert_false (tn_sandbox_seed (sandbox, "scale:x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tn_sandbox_seed (sandbox, "nothing", &error));
  g_clear_error (&error);
}

/* The program */

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
on_line_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **line = user_data;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, NULL);
  if (*line == NULL)
    *line = g_strdup ("");
}

static void
on_waited_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_program (void)
{
  const char *program = g_getenv ("TN_TEST_SANDBOX");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tn-sandbox-XXXXXX", &error);
  g_autofree char *state = g_build_filename (folder, "state.json", NULL);
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *port = NULL;
  g_autoptr(TnTestResponse) token = NULL;
  g_autoptr(TnTestResponse) list = NULL;
  g_autoptr(TnTestResponse) faulty = NULL;
  gboolean exited = FALSE;
  const char *body =
    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
    "{\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" TN_SANDBOX_PASSWORD "\"}}}, "
    "\"scope\": {\"project\": {\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}}}}}";

  g_assert_nonnull (program);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "TUNNELS_SANDBOX_FAULTS", "GET */service-providers=status:502", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, program, "--port", "0", "--seed", "demo",
                                         "--state", state, "--settle-delay", "10", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, on_line_read_cb, &line);
  for (guint i = 0; i < 1000 && line == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (line);
  g_test_message ("tunnels-sandbox says: %s", line);
  g_assert_true (g_regex_match_simple ("^http://127\\.0\\.0\\.1:[0-9]+/identity/v3$", line, 0, 0));

  auth = g_strdup_printf ("%s/auth/tokens", line);
  token = tn_test_request ("POST", auth, NULL, body);
  g_assert_cmpuint (token->status, ==, 201);
  port = g_strndup (line + strlen ("http://127.0.0.1:"), strcspn (line + strlen ("http://127.0.0.1:"), "/"));
  url = g_strdup_printf ("http://127.0.0.1:%s/network/RegionOne/v2.0/vpn/ipsec-site-connections", port);
  list = tn_test_request ("GET", url, soup_message_headers_get_one (token->headers, "X-Subject-Token"), NULL);
  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (tn_test_list (list, "ipsec_site_connections")), >=, 2);
  g_clear_pointer (&url, g_free);
  url = g_strdup_printf ("http://127.0.0.1:%s/network/RegionOne/v2.0/service-providers", port);
  faulty = tn_test_request ("GET", url, soup_message_headers_get_one (token->headers, "X-Subject-Token"), NULL);
  g_assert_cmpuint (faulty->status, ==, 502);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, on_waited_cb, &exited);
  for (guint i = 0; i < 1000 && !exited; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (exited);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_remove (state), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_program_help (void)
{
  const char *program = g_getenv ("TN_TEST_SANDBOX");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, "--help", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "[METHOD ]PATTERN=KIND[:PARAM][:COUNT]"));
  g_assert_nonnull (strstr (out, "--fault"));
  g_assert_nonnull (strstr (out, "TUNNELS_SANDBOX_FAULTS"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sandbox/fault/latency", test_fault_latency);
  ADD ("/sandbox/fault/status", test_fault_status);
  ADD ("/sandbox/fault/token-expired", test_fault_token_expired);
  ADD ("/sandbox/fault/reset", test_fault_reset);
  ADD ("/sandbox/fault/truncated", test_fault_truncated);
  ADD ("/sandbox/fault/malformed", test_fault_malformed);
  ADD ("/sandbox/fault/slow-body", test_fault_slow_body);
  ADD ("/sandbox/fault/spec", test_fault_spec);
  g_test_add_func ("/sandbox/persistence/round-trip", test_persistence);
  g_test_add_func ("/sandbox/persistence/corrupt", test_persistence_corrupt);
  g_test_add_func ("/sandbox/seed/scale", test_seed_scale);
  g_test_add_func ("/sandbox/program/run", test_program);
  g_test_add_func ("/sandbox/program/help", test_program_help);

  return g_test_run ();
}
