/* test-real-cloud.c: the cloud layer against Debian's Keystone and
 * neutron-server with VPNaaS (tests/integration/cloud-fixture.sh)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run in order and share one cloud: sign in, the network a VPN
 * service needs, each VPNaaS kind through create/list/show/update, the
 * server's error paths, an expired token, and deleting everything again.
 * The network, subnets and router are made with plain HTTP (the app only
 * lists them); the absent VPN agent is played by writing statuses into
 * the database. Without the TN_REAL_* variables every test is skipped.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tn-account.h"
#include "tn-connection.h"
#include "tn-error.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-router.h"
#include "tn-session.h"
#include "tn-session-private.h"
#include "tn-subnet.h"
#include "tn-vpn-service.h"

#define UNKNOWN_ID "c3075215-27ce-4587-ae6c-df6ca8c33a02"

/* What the tests share, in the order they fill it. */
static struct
{
  gboolean     available;
  TnSession   *session;
  SoupSession *http;
  char        *admin_token;
  char        *demo_token;
  char        *demo_user_id;
  char        *ext_net;
  char        *net;
  char        *subnet1;
  char        *router;
  char        *ike;
  char        *ipsec;
  char        *service;
  char        *connection;
} cloud;

/* Helpers: the environment, plain HTTP, SQL, the main loop */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);
  return value;
}

static gboolean
require_cloud (void)
{
  if (!cloud.available)
    g_test_skip ("no real cloud (TN_REAL_IDENTITY_URL unset): run it through run-integration.sh");
  return cloud.available;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* A request outside the cloud layer. Returns the JSON answer (or NULL) and
 * the status; the token, when set, is never printed. */
static JsonNode *
http (const char *method,
      const char *url,
      const char *token,
      const char *body,
      guint      *status,
      char      **subject_token)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  g_assert_nonnull (message);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Connection", "close");
  if (token != NULL)
    soup_message_headers_replace (headers, "X-Auth-Token", token);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  answer = soup_session_send_and_read (cloud.http, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  if (subject_token != NULL)
    *subject_token = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                             "X-Subject-Token"));

  if (g_bytes_get_size (answer) == 0)
    return NULL;
  return json_from_string (g_bytes_get_data (answer, NULL), &error);
}

/* @text as a JSON string, quotes included. */
static char *
json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

static char *
issue_token (const char  *user,
             const char  *password,
             const char  *project,
             char       **user_id)
{
  g_autofree char *url = g_strconcat (env ("TN_REAL_IDENTITY_URL"), "/v3/auth/tokens", NULL);
  g_autofree char *user_json = json_quote (user);
  g_autofree char *password_json = json_quote (password);
  g_autofree char *project_json = json_quote (project);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  char *token = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
                          "{\"name\": %s, \"domain\": {\"name\": \"Default\"}, \"password\": %s}}}, "
                          "\"scope\": {\"project\": {\"name\": %s, \"domain\": {\"name\": \"Default\"}}}}}",
                          user_json, password_json, project_json);
  answer = http ("POST", url, NULL, body, &status, &token);
  g_assert_cmpuint (status, ==, 201);
  g_assert_nonnull (token);
  if (user_id != NULL)
    {
      JsonObject *object = json_node_get_object (answer);

      object = json_object_get_object_member (json_object_get_object_member (object, "token"), "user");
      *user_id = g_strdup (json_object_get_string_member (object, "id"));
    }
  return token;
}

/* POSTs @body to the network endpoint as @token's owner, expects 201 and
 * returns the new resource's id. */
static char *
network_create (const char *token,
                const char *collection,
                const char *body)
{
  g_autofree char *url = g_strdup_printf ("%s/v2.0/%s", env ("TN_REAL_NETWORK_URL"), collection);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  GList *members;
  char *id;
  guint status = 0;

  answer = http ("POST", url, token, body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  object = json_node_get_object (answer);
  members = json_object_get_values (object);
  id = g_strdup (json_object_get_string_member (json_node_get_object (members->data), "id"));
  g_list_free (members);
  return id;
}

static void
network_request (const char *token,
                 const char *method,
                 const char *path,
                 const char *body,
                 guint       expected)
{
  g_autofree char *url = g_strconcat (env ("TN_REAL_NETWORK_URL"), path, NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = http (method, url, token, body, &status, NULL);
  g_assert_cmpuint (status, ==, expected);
}

/* Plays the VPN agent: what it would report, written into the database. */
static void
agent_set_status (const char *table,
                  const char *id,
                  const char *status)
{
  g_autofree char *defaults = g_strconcat ("--defaults-file=", env ("TN_REAL_DB_DEFAULTS"), NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET status='%s' WHERE id='%s'", table, status, id);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "mariadb", defaults, "-D", env ("TN_REAL_DB_NAME"), "-e", sql, NULL };
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("mariadb: %s", err);
}

/* The cloud layer, waited for */

static TnResource *
create (TnResource *resource,
        GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_create_async (cloud.session, resource, TN_WRITE_FLAGS_NONE, NULL, on_done_cb, &result);
  return tn_session_create_finish (cloud.session, wait_for (&result), error);
}

static TnResource *
update (TnResource *original,
        TnResource *changed,
        GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_update_async (cloud.session, original, changed, TN_WRITE_FLAGS_NONE, NULL,
                           on_done_cb, &result);
  return tn_session_update_finish (cloud.session, wait_for (&result), error);
}

static TnResource *
show (TnResourceKind kind,
      const char    *id,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_show_async (cloud.session, kind, id, NULL, on_done_cb, &result);
  return tn_session_show_finish (cloud.session, wait_for (&result), error);
}

static gboolean
delete (TnResourceKind kind,
        const char    *id,
        TnWriteFlags   flags,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_delete_async (cloud.session, kind, id, flags, NULL, on_done_cb, &result);
  return tn_session_delete_finish (cloud.session, wait_for (&result), error);
}

static TnResource *
settle (TnResourceKind kind,
        const char    *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TnResource *resource;

  tn_session_wait_async (cloud.session, kind, id, NULL, on_done_cb, &result);
  resource = tn_session_wait_finish (cloud.session, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (resource);
  return resource;
}

static GPtrArray *
list (TnResourceKind kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  tn_session_list_async (cloud.session, kind, NULL, on_done_cb, &result);
  items = tn_session_list_finish (cloud.session, wait_for (&result), &error);
  g_assert_no_error (error);
  return items;
}

static TnResource *
find (GPtrArray  *items,
      const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (tn_resource_get_id (g_ptr_array_index (items, i)), id) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* Every field @sent had (a value other than its default) that the
 * region's dialect lets a client set came back in @got. */
static void
assert_fields_came_back (TnResource *sent,
                         TnResource *got)
{
  const TnRegionProfile *profile = tn_session_get_profile (cloud.session);
  const TnResourceField *fields;
  guint n_fields = 0;

  g_assert_cmpstr (tn_resource_get_name (got), ==, tn_resource_get_name (sent));
  if (tn_resource_get_description (sent) != NULL)
    g_assert_cmpstr (tn_resource_get_description (got), ==, tn_resource_get_description (sent));

  fields = tn_resource_get_fields (sent, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (sent), fields[i].property);
      g_auto(GValue) value = G_VALUE_INIT;
      TnFieldAccess access;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (sent), pspec->name, &value);
      access = tn_region_profile_get_access (profile, tn_resource_get_kind (sent), fields[i].field);
      if (g_param_value_defaults (pspec, &value) || access == TN_FIELD_ABSENT || access == TN_FIELD_READ_ONLY)
        continue;
      /* Neutron keeps peer CIDRs in a table without order: they come back
       * in any order, which tn_resource_field_equal() allows for. */
      if (!tn_resource_field_equal (sent, got, &fields[i]))
        {
          g_auto(GValue) back = G_VALUE_INIT;
          g_autofree char *sent_text = NULL;
          g_autofree char *back_text = NULL;

          g_value_init (&back, pspec->value_type);
          g_object_get_property (G_OBJECT (got), pspec->name, &back);
          /* A secret's value is never printed. */
          if ((fields[i].flags & TN_RESOURCE_FIELD_SECRET) == 0)
            {
              sent_text = g_strdup_value_contents (&value);
              back_text = g_strdup_value_contents (&back);
            }
          g_error ("%s: %s did not come back as sent (sent %s, got %s)",
                   tn_resource_kind_get_member (tn_resource_get_kind (sent)), fields[i].field,
                   sent_text ? sent_text : "…", back_text ? back_text : "…");
        }
    }
}

static void
assert_server_error (const GError *error,
                     TnErrorCode   code,
                     guint         http_status,
                     const char   *type)
{
  const TnErrorDetails *details;

  g_assert_error (error, TN_ERROR, (int)code);
  details = tn_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpuint (details->http_status, ==, http_status);
  g_assert_cmpstr (details->type, ==, type);
  g_assert_nonnull (details->request_id);
}

/* Creates @sent and finds it again in the list and by id: every field
 * sent comes back each time. Returns the created resource. */
static TnResource *
create_and_find (TnResource *sent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) shown = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TnResource *listed;

  created = create (sent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tn_resource_get_id (created));
  g_assert_cmpstr (tn_resource_get_project_id (created), ==, tn_session_get_project_id (cloud.session));
  assert_fields_came_back (sent, created);

  items = list (tn_resource_get_kind (sent));
  listed = find (items, tn_resource_get_id (created));
  g_assert_nonnull (listed);
  assert_fields_came_back (sent, listed);

  shown = show (tn_resource_get_kind (sent), tn_resource_get_id (created), &error);
  g_assert_no_error (error);
  assert_fields_came_back (sent, shown);

  return g_steal_pointer (&created);
}

/* Updates @original to @changed (the cloud layer sends what differs) and
 * checks every field comes back. */
static TnResource *
update_and_check (TnResource *original,
                  TnResource *changed)
{
  g_autoptr(GError) error = NULL;
  TnResource *updated;

  updated = update (original, changed, &error);
  g_assert_no_error (error);
  assert_fields_came_back (changed, updated);
  return updated;
}

static TnAccount *
new_account (void)
{
  TnAccount *account = tn_account_new (env ("TN_REAL_IDENTITY_URL"), env ("TN_REAL_REGION"));

  tn_account_set_user_name (account, env ("TN_REAL_USER"));
  tn_account_set_user_domain (account, env ("TN_REAL_DOMAIN"));
  tn_account_set_project_name (account, env ("TN_REAL_PROJECT"));
  tn_account_set_project_domain (account, env ("TN_REAL_DOMAIN"));
  return account;
}

static gboolean
sign_in (TnSession *session,
         GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_sign_in_async (session, NULL, on_done_cb, &result);
  return tn_session_sign_in_finish (session, wait_for (&result), error);
}

/* The tests, in order */

static void
test_sign_in (void)
{
  g_autoptr(TnAccount) account = NULL;
  g_autoptr(TnSession) wrong = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_password = NULL;

  if (!require_cloud ())
    return;

  account = new_account ();
  bad_password = g_strconcat (env ("TN_REAL_PASSWORD"), "-wrong", NULL);
  wrong = tn_session_new (account, bad_password, &error);
  g_assert_no_error (error);
  g_assert_false (sign_in (wrong, &error));
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_clear_error (&error);

  cloud.session = tn_session_new (account, env ("TN_REAL_PASSWORD"), &error);
  g_assert_no_error (error);
  tn_session_set_timeout (cloud.session, 60000);
  tn_session_set_poll_interval (cloud.session, 100, 500);
  g_assert_true (sign_in (cloud.session, &error));
  g_assert_no_error (error);
  g_assert_true (tn_session_is_signed_in (cloud.session));
  g_assert_nonnull (tn_session_get_project_id (cloud.session));
  g_assert_nonnull (tn_session_get_expires_at (cloud.session));
  g_assert_null (tn_region_profile_get_name (tn_session_get_profile (cloud.session)));
}

static void
test_network (void)
{
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *subnet3 = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) routers = NULL;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GError) error = NULL;
  TnRouter *router = NULL;
  gboolean seen = FALSE;

  if (!require_cloud ())
    return;

  cloud.admin_token = issue_token (env ("TN_REAL_ADMIN_USER"), env ("TN_REAL_ADMIN_PASSWORD"),
                                   env ("TN_REAL_ADMIN_PROJECT"), NULL);
  cloud.demo_token = issue_token (env ("TN_REAL_USER"), env ("TN_REAL_PASSWORD"), env ("TN_REAL_PROJECT"),
                                  &cloud.demo_user_id);

  /* An external network is the admin's to create, as on a real cloud. */
  cloud.ext_net = network_create (cloud.admin_token, "networks",
                                  "{\"network\": {\"name\": \"public\", \"router:external\": true, "
                                  "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"physnet1\"}}");
  body = g_strdup_printf ("{\"subnet\": {\"name\": \"public-subnet\", \"network_id\": \"%s\", \"ip_version\": 4, "
                          "\"cidr\": \"172.24.4.0/24\", \"gateway_ip\": \"172.24.4.1\", \"enable_dhcp\": false}}",
                          cloud.ext_net);
  g_free (network_create (cloud.admin_token, "subnets", body));
  g_clear_pointer (&body, g_free);

  cloud.net = network_create (cloud.demo_token, "networks", "{\"network\": {\"name\": \"private\"}}");
  body = g_strdup_printf ("{\"subnet\": {\"name\": \"private-subnet1\", \"network_id\": \"%s\", "
                          "\"ip_version\": 4, \"cidr\": \"10.1.0.0/24\"}}", cloud.net);
  cloud.subnet1 = network_create (cloud.demo_token, "subnets", body);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"subnet\": {\"name\": \"private-subnet3\", \"network_id\": \"%s\", "
                          "\"ip_version\": 4, \"cidr\": \"10.3.0.0/24\"}}", cloud.net);
  subnet3 = network_create (cloud.demo_token, "subnets", body);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"router\": {\"name\": \"router1\", \"external_gateway_info\": {\"network_id\": \"%s\"}}}",
                          cloud.ext_net);
  cloud.router = network_create (cloud.demo_token, "routers", body);
  g_clear_pointer (&body, g_free);
  path = g_strdup_printf ("/v2.0/routers/%s/add_router_interface", cloud.router);
  body = g_strdup_printf ("{\"subnet_id\": \"%s\"}", cloud.subnet1);
  network_request (cloud.demo_token, "PUT", path, body, 200);

  /* What the VPN service form's pickers see through the cloud layer. */
  tn_session_list_routers_async (cloud.session, NULL, on_done_cb, &result);
  routers = tn_session_list_routers_finish (cloud.session, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < routers->len; i++)
    if (g_strcmp0 (((TnRouter *)g_ptr_array_index (routers, i))->id, cloud.router) == 0)
      router = g_ptr_array_index (routers, i);
  g_assert_nonnull (router);
  g_assert_cmpstr (router->name, ==, "router1");
  g_assert_cmpstr (router->external_network_id, ==, cloud.ext_net);
  g_assert_nonnull (router->external_ips);
  g_assert_true (g_str_has_prefix (router->external_ips[0], "172.24.4."));

  tn_session_list_subnets_async (cloud.session, NULL, on_done_cb, &result);
  subnets = tn_session_list_subnets_finish (cloud.session, wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < subnets->len; i++)
    {
      TnSubnet *subnet = g_ptr_array_index (subnets, i);

      if (g_strcmp0 (subnet->id, cloud.subnet1) != 0)
        continue;
      seen = TRUE;
      g_assert_cmpstr (subnet->cidr, ==, "10.1.0.0/24");
      g_assert_cmpint (subnet->ip_version, ==, 4);
      g_assert_cmpstr (subnet->network_id, ==, cloud.net);
      g_assert_cmpstr (subnet->gateway_ip, ==, "10.1.0.1");
    }
  g_assert_true (seen);

  /* The unattached subnet is of no further use. */
  g_free (path);
  path = g_strdup_printf ("/v2.0/subnets/%s", subnet3);
  network_request (cloud.demo_token, "DELETE", path, NULL, 204);
}

static void
test_ike_policy (void)
{
  g_autoptr(TnIkePolicy) policy = tn_ike_policy_new ();
  g_autoptr(TnIkePolicy) changed = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) updated = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_cloud ())
    return;

  tn_resource_set_name (TN_RESOURCE (policy), "ike-integration");
  tn_resource_set_description (TN_RESOURCE (policy), "IKEv2 AES-256/SHA-256");
  tn_ike_policy_set_auth_algorithm (policy, "sha256");
  tn_ike_policy_set_encryption_algorithm (policy, "aes-256");
  tn_ike_policy_set_phase1_negotiation_mode (policy, "main");
  tn_ike_policy_set_lifetime_units (policy, "seconds");
  tn_ike_policy_set_lifetime_value (policy, 7200);
  tn_ike_policy_set_ike_version (policy, "v2");
  tn_ike_policy_set_pfs (policy, "group14");
  /* The plain dialect has no availability zone: the cloud layer must not
   * send it (Neutron answers 400 "Unrecognized attribute(s)" if it does). */
  tn_ike_policy_set_availability_zone (policy, "jp-east-1a");

  created = create_and_find (TN_RESOURCE (policy));
  g_assert_null (tn_ike_policy_get_availability_zone (TN_IKE_POLICY (created)));
  cloud.ike = g_strdup (tn_resource_get_id (created));

  changed = TN_IKE_POLICY (tn_resource_dup (created));
  tn_resource_set_description (TN_RESOURCE (changed), "changed by the integration test");
  tn_ike_policy_set_pfs (changed, "group5");
  tn_ike_policy_set_lifetime_value (changed, 1800);
  updated = update_and_check (created, TN_RESOURCE (changed));

  /* Neutron's own validation, through the cloud layer. */
  g_clear_object (&policy);
  policy = tn_ike_policy_new ();
  tn_resource_set_name (TN_RESOURCE (policy), "too-short");
  tn_ike_policy_set_lifetime_units (policy, "seconds");
  tn_ike_policy_set_lifetime_value (policy, 59);
  g_assert_null (create (TN_RESOURCE (policy), &error));
  assert_server_error (error, TN_ERROR_INVALID_INPUT, 400, "HTTPBadRequest");
}

static void
test_ipsec_policy (void)
{
  g_autoptr(TnIpsecPolicy) policy = tn_ipsec_policy_new ();
  g_autoptr(TnIpsecPolicy) changed = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) updated = NULL;

  if (!require_cloud ())
    return;

  tn_resource_set_name (TN_RESOURCE (policy), "ipsec-integration");
  tn_resource_set_description (TN_RESOURCE (policy), "ESP AES-256/SHA-256");
  tn_ipsec_policy_set_transform_protocol (policy, "esp");
  tn_ipsec_policy_set_auth_algorithm (policy, "sha256");
  tn_ipsec_policy_set_encryption_algorithm (policy, "aes-256");
  tn_ipsec_policy_set_encapsulation_mode (policy, "tunnel");
  tn_ipsec_policy_set_lifetime_units (policy, "seconds");
  tn_ipsec_policy_set_lifetime_value (policy, 3600);
  tn_ipsec_policy_set_pfs (policy, "group14");
  /* Type B's field: the plain dialect must not send it. */
  tn_ipsec_policy_set_initiator (policy, "response-only");

  created = create_and_find (TN_RESOURCE (policy));
  cloud.ipsec = g_strdup (tn_resource_get_id (created));

  changed = TN_IPSEC_POLICY (tn_resource_dup (created));
  tn_resource_set_name (TN_RESOURCE (changed), "ipsec-integration-renamed");
  tn_ipsec_policy_set_encryption_algorithm (changed, "aes-128");
  tn_ipsec_policy_set_auth_algorithm (changed, "sha1");
  updated = update_and_check (created, TN_RESOURCE (changed));
}

static void
test_vpn_service (void)
{
  g_autoptr(TnVpnService) service = tn_vpn_service_new ();
  g_autoptr(TnVpnService) changed = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) settled = NULL;
  g_autoptr(TnResource) updated = NULL;
  g_autoptr(TnResource) refused = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_cloud ())
    return;

  tn_resource_set_name (TN_RESOURCE (service), "vpn-integration");
  tn_resource_set_description (TN_RESOURCE (service), "router1 / private-subnet1");
  tn_vpn_service_set_router_id (service, cloud.router);
  tn_vpn_service_set_subnet_id (service, cloud.subnet1);
  tn_vpn_service_set_admin_state_up (service, TRUE);

  created = create_and_find (TN_RESOURCE (service));
  g_assert_cmpstr (tn_resource_get_status (created), ==, "PENDING_CREATE");
  g_assert_false (tn_resource_is_settled (created));
  g_assert_true (g_str_has_prefix (tn_vpn_service_get_external_v4_ip (TN_VPN_SERVICE (created)), "172.24.4."));
  cloud.service = g_strdup (tn_resource_get_id (created));

  /* No agent runs: the service stays PENDING_CREATE, and Neutron refuses
   * updates until it settles. */
  changed = TN_VPN_SERVICE (tn_resource_dup (created));
  tn_resource_set_name (TN_RESOURCE (changed), "vpn-integration-renamed");
  tn_vpn_service_set_admin_state_up (changed, FALSE);
  refused = update (created, TN_RESOURCE (changed), &error);
  g_assert_null (refused);
  assert_server_error (error, TN_ERROR_INVALID_STATE, 400, "VPNStateInvalidToUpdate");
  g_clear_error (&error);

  agent_set_status ("vpnservices", cloud.service, "ACTIVE");
  settled = settle (TN_RESOURCE_VPN_SERVICE, cloud.service);
  g_assert_cmpstr (tn_resource_get_status (settled), ==, "ACTIVE");
  g_assert_true (tn_resource_is_settled (settled));

  updated = update_and_check (settled, TN_RESOURCE (changed));
  g_assert_false (tn_vpn_service_get_admin_state_up (TN_VPN_SERVICE (updated)));
}

static TnConnection *
new_connection (void)
{
  TnConnection *connection = tn_connection_new ();
  const char * const cidrs[] = { "192.168.100.0/24", "192.168.101.0/24", NULL };

  tn_resource_set_name (TN_RESOURCE (connection), "conn-integration");
  tn_resource_set_description (TN_RESOURCE (connection), "to the branch office");
  tn_connection_set_vpnservice_id (connection, cloud.service);
  tn_connection_set_ikepolicy_id (connection, cloud.ike);
  tn_connection_set_ipsecpolicy_id (connection, cloud.ipsec);
  tn_connection_set_peer_address (connection, "203.0.113.10");
  tn_connection_set_peer_id (connection, "203.0.113.10");
  tn_connection_set_local_id (connection, "vpn.local.example");
  tn_connection_set_peer_cidrs (connection, cidrs);
  tn_connection_set_psk (connection, "integration-psk-0123456789");
  tn_connection_set_initiator (connection, "bi-directional");
  tn_connection_set_dpd_action (connection, "restart");
  tn_connection_set_dpd_interval (connection, 15);
  tn_connection_set_dpd_timeout (connection, 60);
  tn_connection_set_mtu (connection, 1400);
  tn_connection_set_admin_state_up (connection, TRUE);
  return connection;
}

static void
test_connection (void)
{
  g_autoptr(TnConnection) connection = NULL;
  g_autoptr(TnConnection) bad = NULL;
  g_autoptr(TnConnection) changed = NULL;
  g_autoptr(TnResource) created = NULL;
  g_autoptr(TnResource) settled = NULL;
  g_autoptr(TnResource) updated = NULL;
  g_autoptr(TnResource) shown = NULL;
  g_autoptr(GError) error = NULL;
  const char * const bad_cidrs[] = { "192.168.1.0/33", NULL };

  if (!require_cloud ())
    return;

  /* The server's rules first: DPD timeout must exceed the interval, and a
   * CIDR must be one. */
  bad = new_connection ();
  tn_connection_set_dpd_interval (bad, 30);
  tn_connection_set_dpd_timeout (bad, 30);
  g_assert_null (create (TN_RESOURCE (bad), &error));
  assert_server_error (error, TN_ERROR_INVALID_INPUT, 400, "IPsecSiteConnectionDpdIntervalValueError");
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = new_connection ();
  tn_connection_set_peer_cidrs (bad, bad_cidrs);
  g_assert_null (create (TN_RESOURCE (bad), &error));
  assert_server_error (error, TN_ERROR_INVALID_INPUT, 400, "HTTPBadRequest");
  g_assert_nonnull (strstr (tn_error_get_details (error)->message, "192.168.1.0/33"));
  g_clear_error (&error);

  connection = new_connection ();
  /* Fields of other dialects, which the plain one must not send. */
  tn_connection_set_ike_version (connection, "v2");
  tn_connection_set_availability_zone (connection, "jp-east-1a");
  created = create_and_find (TN_RESOURCE (connection));
  g_assert_cmpstr (tn_connection_get_auth_mode (TN_CONNECTION (created)), ==, "psk");
  g_assert_cmpstr (tn_connection_get_route_mode (TN_CONNECTION (created)), ==, "static");
  g_assert_cmpstr (tn_resource_get_status (created), ==, "PENDING_CREATE");
  cloud.connection = g_strdup (tn_resource_get_id (created));

  changed = TN_CONNECTION (tn_resource_dup (created));
  tn_connection_set_mtu (changed, 1300);
  g_assert_null (update (created, TN_RESOURCE (changed), &error));
  assert_server_error (error, TN_ERROR_INVALID_STATE, 400, "VPNStateInvalidToUpdate");
  g_clear_error (&error);

  agent_set_status ("ipsec_site_connections", cloud.connection, "ACTIVE");
  settled = settle (TN_RESOURCE_CONNECTION, cloud.connection);
  g_assert_cmpstr (tn_resource_get_status (settled), ==, "ACTIVE");

  g_clear_object (&changed);
  changed = TN_CONNECTION (tn_resource_dup (settled));
  tn_connection_set_mtu (changed, 1300);
  tn_connection_set_dpd_action (changed, "hold");
  tn_connection_set_dpd_interval (changed, 10);
  tn_connection_set_dpd_timeout (changed, 50);
  updated = update_and_check (settled, TN_RESOURCE (changed));

  /* DPD timeout ≤ interval on update, too. */
  g_clear_object (&changed);
  changed = TN_CONNECTION (tn_resource_dup (updated));
  tn_connection_set_dpd_timeout (changed, 10);
  g_assert_null (update (updated, TN_RESOURCE (changed), &error));
  assert_server_error (error, TN_ERROR_INVALID_INPUT, 400, "IPsecSiteConnectionDpdIntervalValueError");
  g_clear_error (&error);

  shown = show (TN_RESOURCE_CONNECTION, cloud.connection, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tn_connection_get_mtu (TN_CONNECTION (shown)), ==, 1300);
  g_assert_cmpint (tn_connection_get_dpd_timeout (TN_CONNECTION (shown)), ==, 50);
}

static void
test_in_use (void)
{
  g_autoptr(TnResource) ike = NULL;
  g_autoptr(TnResource) ike_changed = NULL;
  g_autoptr(TnResource) ipsec = NULL;
  g_autoptr(TnResource) ipsec_changed = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_cloud ())
    return;

  g_assert_false (delete (TN_RESOURCE_IKE_POLICY, cloud.ike, TN_WRITE_FLAGS_NONE, &error));
  assert_server_error (error, TN_ERROR_CONFLICT, 409, "IKEPolicyInUse");
  g_clear_error (&error);

  ike = show (TN_RESOURCE_IKE_POLICY, cloud.ike, &error);
  g_assert_no_error (error);
  ike_changed = tn_resource_dup (ike);
  tn_resource_set_description (ike_changed, "in use");
  g_assert_null (update (ike, ike_changed, &error));
  assert_server_error (error, TN_ERROR_CONFLICT, 409, "IKEPolicyInUse");
  g_clear_error (&error);

  g_assert_false (delete (TN_RESOURCE_IPSEC_POLICY, cloud.ipsec, TN_WRITE_FLAGS_NONE, &error));
  assert_server_error (error, TN_ERROR_CONFLICT, 409, "IPsecPolicyInUse");
  g_clear_error (&error);

  ipsec = show (TN_RESOURCE_IPSEC_POLICY, cloud.ipsec, &error);
  g_assert_no_error (error);
  ipsec_changed = tn_resource_dup (ipsec);
  tn_ipsec_policy_set_pfs (TN_IPSEC_POLICY (ipsec_changed), "group2");
  g_assert_null (update (ipsec, ipsec_changed, &error));
  assert_server_error (error, TN_ERROR_CONFLICT, 409, "IPsecPolicyInUse");
  g_clear_error (&error);

  g_assert_false (delete (TN_RESOURCE_VPN_SERVICE, cloud.service, TN_WRITE_FLAGS_NONE, &error));
  assert_server_error (error, TN_ERROR_CONFLICT, 409, "VPNServiceInUse");
}

static void
test_not_found (void)
{
  g_autoptr(TnResource) shown = NULL;
  g_autoptr(TnResource) not_uuid = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_cloud ())
    return;

  shown = show (TN_RESOURCE_IKE_POLICY, UNKNOWN_ID, &error);
  g_assert_null (shown);
  assert_server_error (error, TN_ERROR_NOT_FOUND, 404, "IKEPolicyNotFound");
  g_clear_error (&error);

  not_uuid = show (TN_RESOURCE_CONNECTION, "not-a-uuid", &error);
  g_assert_null (not_uuid);
  assert_server_error (error, TN_ERROR_NOT_FOUND, 404, "IPsecSiteConnectionNotFound");
  g_clear_error (&error);

  g_assert_false (delete (TN_RESOURCE_VPN_SERVICE, UNKNOWN_ID, TN_WRITE_FLAGS_NONE, &error));
  assert_server_error (error, TN_ERROR_NOT_FOUND, 404, "VPNServiceNotFound");
}

/* Keystone revokes a user's tokens when an administrator sets the user's
 * password (here: to what it was, or to @new_password). */
static void
revoke_tokens (const char *new_password)
{
  g_autofree char *url = g_strdup_printf ("%s/v3/users/%s", env ("TN_REAL_IDENTITY_URL"), cloud.demo_user_id);
  g_autofree char *password_json = json_quote (new_password);
  g_autofree char *body = g_strdup_printf ("{\"user\": {\"password\": %s}}", password_json);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = http ("PATCH", url, cloud.admin_token, body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  /* Keystone compares revocations to tokens by the second. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
}

static void
test_token_revoked (void)
{
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (env ("TN_REAL_NETWORK_URL"), "/v2.0/vpn/ikepolicies", NULL);
  g_autofree char *other = g_strconcat (env ("TN_REAL_PASSWORD"), "-changed", NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  if (!require_cloud ())
    return;

  /* The token dies: the next request meets 401, signs in once and goes on. */
  before = g_date_time_ref (tn_session_get_expires_at (cloud.session));
  revoke_tokens (env ("TN_REAL_PASSWORD"));
  answer = http ("GET", url, cloud.demo_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
  items = list (TN_RESOURCE_IKE_POLICY);
  g_assert_nonnull (find (items, cloud.ike));
  g_assert_true (g_date_time_compare (tn_session_get_expires_at (cloud.session), before) > 0);

  /* The password changed too: one sign-in is tried, and fails; no loop. */
  revoke_tokens (other);
  tn_session_list_async (cloud.session, TN_RESOURCE_IKE_POLICY, NULL, on_done_cb, &result);
  refused = tn_session_list_finish (cloud.session, wait_for (&result), &error);
  g_assert_null (refused);
  g_assert_error (error, TN_ERROR, TN_ERROR_AUTH_FAILED);
  g_clear_error (&error);

  revoke_tokens (env ("TN_REAL_PASSWORD"));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list (TN_RESOURCE_IKE_POLICY);
  g_assert_nonnull (find (items, cloud.ike));

  g_free (cloud.demo_token);
  cloud.demo_token = issue_token (env ("TN_REAL_USER"), env ("TN_REAL_PASSWORD"), env ("TN_REAL_PROJECT"), NULL);
}

/* A first load asks Neutron for its pages sorted by name (sort_key and
 * sort_dir, with the marker of each page): every page comes in order, and
 * the pages follow each other in order, so rows shown first stay first. */
static void
on_sorted_page_cb (GPtrArray *page,
                   gpointer   user_data)
{
  GPtrArray *pages = user_data;
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  /* (transfer none: the list goes on with the array) */
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (page, i)));
  g_ptr_array_add (pages, copy);
}

static void
test_sorted_pages (void)
{
  const char *names[] = { "sorted-c", "sorted-a", "sorted-e", "sorted-b", "sorted-d" };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  GString *order = g_string_new (NULL);
  guint page_size;

  if (!require_cloud ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TnIkePolicy) policy = tn_ike_policy_new ();
      g_autoptr(TnResource) created = NULL;

      tn_resource_set_name (TN_RESOURCE (policy), names[i]);
      created = create (TN_RESOURCE (policy), &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (tn_resource_get_id (created)));
    }

  page_size = tn_session_get_page_size (cloud.session);
  tn_session_set_page_size (cloud.session, 2);
  _tn_session_list_pages_async (cloud.session, TN_RESOURCE_IKE_POLICY, TRUE, on_sorted_page_cb, pages,
                                NULL, on_done_cb, &result);
  all = tn_session_list_finish (cloud.session, wait_for (&result), &error);
  tn_session_set_page_size (cloud.session, page_size);
  g_assert_no_error (error);

  /* Pages of two: the policies of the earlier tests come too. */
  g_assert_cmpuint (pages->len, >=, 3);
  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *page = g_ptr_array_index (pages, p);

      g_assert_cmpuint (page->len, <=, 2);
      for (guint i = 0; i < page->len; i++)
        {
          const char *name = tn_resource_get_name (g_ptr_array_index (page, i));

          if (g_str_has_prefix (name, "sorted-"))
            g_string_append_printf (order, "%s%s", order->len ? " " : "", name);
        }
    }
  seen = g_string_free (order, FALSE);
  g_assert_cmpstr (seen, ==, "sorted-a sorted-b sorted-c sorted-d sorted-e");
  for (guint i = 0; i + 1 < all->len; i++)
    g_assert_cmpint (tn_resource_compare_names (g_ptr_array_index (all, i), g_ptr_array_index (all, i + 1)), <=, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (delete (TN_RESOURCE_IKE_POLICY, g_ptr_array_index (ids, i), TN_WRITE_FLAGS_NONE, &error));
      g_assert_no_error (error);
    }
}

static void
test_delete (void)
{
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  if (!require_cloud ())
    return;

  g_assert_true (delete (TN_RESOURCE_CONNECTION, cloud.connection, TN_WRITE_FLAGS_WAIT, &error));
  g_assert_no_error (error);
  connections = list (TN_RESOURCE_CONNECTION);
  g_assert_null (find (connections, cloud.connection));

  g_assert_true (delete (TN_RESOURCE_VPN_SERVICE, cloud.service, TN_WRITE_FLAGS_WAIT, &error));
  g_assert_no_error (error);
  services = list (TN_RESOURCE_VPN_SERVICE);
  g_assert_null (find (services, cloud.service));

  g_assert_true (delete (TN_RESOURCE_IKE_POLICY, cloud.ike, TN_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (delete (TN_RESOURCE_IPSEC_POLICY, cloud.ipsec, TN_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (delete (TN_RESOURCE_IKE_POLICY, cloud.ike, TN_WRITE_FLAGS_NONE, &error));
  assert_server_error (error, TN_ERROR_NOT_FOUND, 404, "IKEPolicyNotFound");

  path = g_strdup_printf ("/v2.0/routers/%s/remove_router_interface", cloud.router);
  body = g_strdup_printf ("{\"subnet_id\": \"%s\"}", cloud.subnet1);
  network_request (cloud.demo_token, "PUT", path, body, 200);
  g_free (path);
  path = g_strdup_printf ("/v2.0/routers/%s", cloud.router);
  network_request (cloud.demo_token, "DELETE", path, NULL, 204);
  g_free (path);
  path = g_strdup_printf ("/v2.0/networks/%s", cloud.net);
  network_request (cloud.demo_token, "DELETE", path, NULL, 204);
  g_free (path);
  path = g_strdup_printf ("/v2.0/networks/%s", cloud.ext_net);
  network_request (cloud.admin_token, "DELETE", path, NULL, 204);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cloud.available = g_getenv ("TN_REAL_IDENTITY_URL") != NULL;
  cloud.http = soup_session_new_with_options ("timeout", 60, NULL);

  /* In this order: each test builds on the one before. */
  g_test_add_func ("/real-cloud/01-sign-in", test_sign_in);
  g_test_add_func ("/real-cloud/02-network", test_network);
  g_test_add_func ("/real-cloud/03-ike-policy", test_ike_policy);
  g_test_add_func ("/real-cloud/04-ipsec-policy", test_ipsec_policy);
  g_test_add_func ("/real-cloud/05-vpn-service", test_vpn_service);
  g_test_add_func ("/real-cloud/06-connection", test_connection);
  g_test_add_func ("/real-cloud/07-in-use", test_in_use);
  g_test_add_func ("/real-cloud/08-not-found", test_not_found);
  g_test_add_func ("/real-cloud/09-token-revoked", test_token_revoked);
  g_test_add_func ("/real-cloud/09b-sorted-pages", test_sorted_pages);
  g_test_add_func ("/real-cloud/10-delete", test_delete);

  status = g_test_run ();

  g_clear_object (&cloud.session);
  g_clear_object (&cloud.http);
  g_free (cloud.admin_token);
  g_free (cloud.demo_token);
  g_free (cloud.demo_user_id);
  g_free (cloud.ext_net);
  g_free (cloud.net);
  g_free (cloud.subnet1);
  g_free (cloud.router);
  g_free (cloud.ike);
  g_free (cloud.ipsec);
  g_free (cloud.service);
  g_free (cloud.connection);
  return status;
}
