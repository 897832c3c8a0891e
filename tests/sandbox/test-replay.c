/* test-replay.c: replays the requests recorded from Debian 12's
 * neutron-server 21 + neutron-vpnaas (tests/data/neutron-zed/api) against
 * the sandbox's RegionOne, in order, and compares status codes and
 * NeutronError types (and messages of HTTPBadRequest validation errors)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-test-client.h"

#define RECORDED_BASE "http://127.0.0.1:9696"

/* Deliberate deviations, each with its reason. Everything else must match. */
static const struct {
  const char *file;
  const char *reason;
} skipped[] = {
  { "037-noauth-x-project-id-create-without-tenant.json",
    "noauth only: an X-Project-Id header without Keystone; with a token the project is always known" },
};

typedef struct
{
  GHashTable *ids;  /* recorded id → sandbox id */
} Replay;

static gboolean
map_id_cb (const GMatchInfo *info,
           GString          *result,
           gpointer          user_data)
{
  Replay *replay = user_data;
  g_autofree char *id = g_match_info_fetch (info, 0);
  const char *mapped = g_hash_table_lookup (replay->ids, id);

  g_string_append (result, mapped ? mapped : id);
  return FALSE;
}

static char *
map_ids (Replay     *replay,
         const char *text)
{
  static GRegex *uuid = NULL;

  if (uuid == NULL)
    uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_replace_eval (uuid, text, -1, 0, 0, map_id_cb, replay, NULL);
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Learns the ids the sandbox handed out from a created resource (the one
 * object member of the body) and from router interfaces (port_id). */
static void
learn_ids (Replay     *replay,
           JsonNode   *recorded,
           JsonNode   *actual)
{
  JsonObject *r, *a;
  g_autoptr(GList) members = NULL;

  if (recorded == NULL || actual == NULL || !JSON_NODE_HOLDS_OBJECT (recorded) || !JSON_NODE_HOLDS_OBJECT (actual))
    return;
  r = json_node_get_object (recorded);
  a = json_node_get_object (actual);

  if (json_object_has_member (r, "port_id") && json_object_has_member (a, "port_id"))
    g_hash_table_replace (replay->ids, g_strdup (json_object_get_string_member (r, "port_id")),
                          g_strdup (json_object_get_string_member (a, "port_id")));

  members = json_object_get_members (r);
  if (g_list_length (members) != 1 || !json_object_has_member (a, members->data)
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (r, members->data))
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (a, members->data)))
    return;
  r = json_object_get_object_member (r, members->data);
  a = json_object_get_object_member (a, members->data);
  if (r != NULL && a != NULL && json_object_has_member (r, "id") && json_object_has_member (a, "id"))
    g_hash_table_replace (replay->ids, g_strdup (json_object_get_string_member (r, "id")),
                          g_strdup (json_object_get_string_member (a, "id")));
}

static const char *
neutron_error (JsonNode   *body,
               const char *member)
{
  JsonObject *error;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body)
      || !json_object_has_member (json_node_get_object (body), "NeutronError"))
    return NULL;
  error = json_object_get_object_member (json_node_get_object (body), "NeutronError");
  return json_object_get_string_member (error, member);
}

/* Returns NULL if the exchange matched, else what differed. */
static char *
replay_exchange (Replay     *replay,
                 TnSandbox  *sandbox,
                 const char *token,
                 JsonObject *exchange)
{
  JsonObject *request = json_object_get_object_member (exchange, "request");
  JsonObject *response = json_object_get_object_member (exchange, "response");
  const char *note = json_object_get_string_member_with_default (exchange, "note", NULL);
  const char *url = json_object_get_string_member (request, "url");
  JsonNode *body = json_object_get_member (request, "body");
  JsonNode *expected_body = json_object_get_member (response, "body");
  guint expected_status = json_object_get_int_member (response, "status");
  const char *expected_type = neutron_error (expected_body, "type");
  g_autofree char *path = map_ids (replay, url + strlen (RECORDED_BASE));
  g_autofree char *sandbox_url = tn_test_url (sandbox, "RegionOne", path);
  g_autofree char *text = NULL;
  g_autoptr(TnTestResponse) actual = NULL;
  const char *type;

  /* The recording set statuses in the database, as a VPN agent would
   * report them; from then on the replay plays that agent. (The sandbox
   * also puts updated services and connections in PENDING_UPDATE, which
   * the agent settles.) */
  if (note != NULL && strstr (note, "status set to ACTIVE") != NULL)
    g_object_set_data (G_OBJECT (sandbox), "replay-agent", GINT_TO_POINTER (TRUE));
  if (g_object_get_data (G_OBJECT (sandbox), "replay-agent"))
    tn_sandbox_settle_now (sandbox);

  if (body != NULL && JSON_NODE_HOLDS_VALUE (body))
    text = g_strdup (json_node_get_string (body));
  else if (body != NULL && !JSON_NODE_HOLDS_NULL (body))
    {
      g_autofree char *raw = node_to_string (body);

      text = map_ids (replay, raw);
    }

  actual = tn_test_request (json_object_get_string_member (request, "method"), sandbox_url, token, text);
  type = neutron_error (actual->body, "type");

  if (actual->status != expected_status)
    return g_strdup_printf ("status %u, recorded %u (%s)", actual->status, expected_status,
                            type ? type : "no NeutronError");
  if (g_strcmp0 (type, expected_type) != 0)
    return g_strdup_printf ("type %s, recorded %s", type, expected_type);
  if (g_strcmp0 (expected_type, "HTTPBadRequest") == 0)
    {
      g_autofree char *expected_message = map_ids (replay, neutron_error (expected_body, "message"));

      if (g_strcmp0 (neutron_error (actual->body, "message"), expected_message) != 0)
        return g_strdup_printf ("message “%s”, recorded “%s”", neutron_error (actual->body, "message"),
                                expected_message);
    }

  if (expected_status < 300)
    learn_ids (replay, expected_body, actual->body);
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
test_replay (void)
{
  const char *folder = g_getenv ("TN_TEST_NEUTRON_DATA");
  g_autoptr(GError) error = NULL;
  g_autoptr(TnSandbox) sandbox = tn_sandbox_new (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) differences = g_string_new (NULL);
  g_autofree char *token = NULL;
  Replay replay = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  const char *name;
  guint matched = 0, differing = 0, n_skipped = 0;

  g_assert_nonnull (folder);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  g_assert_cmpuint (files->len, ==, 153);

  /* Nothing settles unless the replay says so: the recording had no VPN
   * agent. */
  tn_sandbox_set_settle_delay (sandbox, 600000);
  g_assert_true (tn_sandbox_listen (sandbox, 0, &error));
  /* The recording ran with noauth, where every request acts as an
   * administrator (of fake_project_id): replay it as the sandbox's. */
  token = tn_test_sign_in_admin (sandbox);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *difference = NULL;
      gboolean skip = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (skipped); j++)
        if (g_str_equal (skipped[j].file, file))
          {
            g_test_message ("skipped %s: %s", file, skipped[j].reason);
            skip = TRUE;
          }
      if (skip)
        {
          n_skipped++;
          continue;
        }

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      difference = replay_exchange (&replay, sandbox, token, json_node_get_object (json_parser_get_root (parser)));
      if (difference == NULL)
        matched++;
      else
        {
          differing++;
          g_string_append_printf (differences, "\n  %s: %s", file, difference);
        }
    }

  g_test_message ("replay: %u of %u exchanges matched, %u differ, %u skipped as documented deviations",
                  matched, files->len, differing, n_skipped);
  if (differences->len > 0)
    g_test_message ("differences:%s", differences->str);
  g_assert_cmpuint (differing, ==, 0);
  g_assert_cmpuint (matched + n_skipped, ==, files->len);

  g_hash_table_unref (replay.ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbox/replay/neutron-zed", test_replay);
  return g_test_run ();
}
