/* test-sandbox-policy.c: the sandbox's users and Neutron's default policy
 * over loopback HTTP — the demo user a plain member, the administrator,
 * what a member sees and may set, projects apart
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-test-client.h"

typedef struct
{
  TnSandbox *sandbox;
  char      *demo;   /* the demo user's token */
  char      *admin;  /* the administrator's */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = tn_sandbox_new (NULL);
  g_assert_true (tn_sandbox_seed (fixture->sandbox, "demo", &error));
  g_assert_no_error (error);
  g_assert_true (tn_sandbox_listen (fixture->sandbox, 0, &error));
  g_assert_no_error (error);
  fixture->demo = tn_test_sign_in (fixture->sandbox);
  fixture->admin = tn_test_sign_in_admin (fixture->sandbox);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->demo, g_free);
  g_clear_pointer (&fixture->admin, g_free);
  g_clear_object (&fixture->sandbox);
}

static TnTestResponse *
call (Fixture    *fixture,
      const char *token,
      const char *method,
      const char *path,
      const char *body)
{
  g_autofree char *url = tn_test_url (fixture->sandbox, "RegionOne", path);

  return tn_test_request (method, url, token, body);
}

static const char *
error_message (TnTestResponse *response)
{
  return json_object_get_string_member (tn_test_member (response, "NeutronError"), "message");
}

static void
assert_error (TnTestResponse *response,
              guint           status,
              const char     *type)
{
  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (tn_test_error_type (response), ==, type);
}

/* @method @path as @token is refused with 403 PolicyNotAuthorized and
 * @message. */
static void
assert_refused (Fixture    *fixture,
                const char *token,
                const char *method,
                const char *path,
                const char *body,
                const char *message)
{
  g_autoptr(TnTestResponse) answer = call (fixture, token, method, path, body);

  assert_error (answer, 403, "PolicyNotAuthorized");
  g_assert_cmpstr (error_message (answer), ==, message);
}

static char *
created_id (TnTestResponse *response,
            const char     *member)
{
  g_assert_cmpuint (response->status, ==, 201);
  return g_strdup (json_object_get_string_member (tn_test_member (response, member), "id"));
}

static const char *
public_network_id (Fixture *fixture)
{
  g_autoptr(TnTestResponse) listed = call (fixture, fixture->demo, "GET", "/v2.0/networks?router:external=True", NULL);
  JsonArray *networks = tn_test_list (listed, "networks");

  g_assert_cmpuint (json_array_get_length (networks), ==, 1);
  g_object_set_data_full (G_OBJECT (fixture->sandbox), "public",
                          g_strdup (json_object_get_string_member (json_array_get_object_element (networks, 0), "id")),
                          g_free);
  return g_object_get_data (G_OBJECT (fixture->sandbox), "public");
}

/* The roles and project of each token, and each user in its own project
 * only. */
static void
test_roles (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("%s/auth/tokens", tn_sandbox_get_identity_url (fixture->sandbox));
  static const struct {
    const char *user, *password, *project, *roles;
  } accounts[] = {
    { TN_SANDBOX_USER, TN_SANDBOX_PASSWORD, TN_SANDBOX_PROJECT, "member reader" },
    { TN_SANDBOX_ADMIN_USER, TN_SANDBOX_ADMIN_PASSWORD, TN_SANDBOX_ADMIN_PROJECT, "admin member reader" },
    { TN_SANDBOX_USER, TN_SANDBOX_PASSWORD, TN_SANDBOX_ADMIN_PROJECT, NULL },
    { TN_SANDBOX_ADMIN_USER, TN_SANDBOX_ADMIN_PASSWORD, TN_SANDBOX_PROJECT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autofree char *body = g_strdup_printf (
        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
        "{\"name\": \"%s\", \"domain\": {\"name\": \"Default\"}, \"password\": \"%s\"}}}, "
        "\"scope\": {\"project\": {\"name\": \"%s\", \"domain\": {\"name\": \"Default\"}}}}}",
        accounts[i].user, accounts[i].password, accounts[i].project);
      g_autoptr(TnTestResponse) response = tn_test_request ("POST", url, NULL, body);
      g_autoptr(GString) roles = g_string_new (NULL);
      JsonObject *token;
      JsonArray *list;

      if (accounts[i].roles == NULL)
        {
          g_assert_cmpuint (response->status, ==, 401);
          continue;
        }
      g_assert_cmpuint (response->status, ==, 201);
      token = tn_test_member (response, "token");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (token, "project"), "name"),
                       ==, accounts[i].project);
      list = json_object_get_array_member (token, "roles");
      for (guint j = 0; j < json_array_get_length (list); j++)
        g_string_append_printf (roles, "%s%s", j ? " " : "",
                                json_object_get_string_member (json_array_get_object_element (list, j), "name"));
      g_assert_cmpstr (roles->str, ==, accounts[i].roles);
    }
}

/* provider:* and distributed/ha only for the administrator; address scopes
 * for everybody. */
static void
test_hidden_attributes (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *public_id = public_network_id (fixture);
  g_autofree char *public_path = g_strdup_printf ("/v2.0/networks/%s", public_id);
  g_autoptr(TnTestResponse) as_demo = call (fixture, fixture->demo, "GET", public_path, NULL);
  g_autoptr(TnTestResponse) as_admin = call (fixture, fixture->admin, "GET", public_path, NULL);
  g_autoptr(TnTestResponse) created = call (fixture, fixture->demo, "POST", "/v2.0/networks",
                                            "{\"network\": {\"name\": \"mine\"}}");
  g_autoptr(TnTestResponse) routers = call (fixture, fixture->demo, "GET", "/v2.0/routers", NULL);
  g_autoptr(TnTestResponse) admin_routers = call (fixture, fixture->admin, "GET", "/v2.0/routers", NULL);
  JsonObject *network = tn_test_member (as_demo, "network");
  JsonObject *router;

  g_assert_cmpuint (as_demo->status, ==, 200);
  g_assert_false (json_object_has_member (network, "provider:network_type"));
  g_assert_false (json_object_has_member (network, "provider:physical_network"));
  g_assert_false (json_object_has_member (network, "provider:segmentation_id"));
  g_assert_true (json_object_get_boolean_member (network, "router:external"));
  g_assert_true (json_object_has_member (network, "ipv4_address_scope"));
  g_assert_true (json_object_get_null_member (network, "ipv6_address_scope"));

  network = tn_test_member (as_admin, "network");
  g_assert_cmpstr (json_object_get_string_member (network, "provider:network_type"), ==, "flat");
  g_assert_cmpstr (json_object_get_string_member (network, "provider:physical_network"), ==, "physnet1");
  g_assert_true (json_object_get_null_member (network, "ipv4_address_scope"));

  g_assert_cmpuint (created->status, ==, 201);
  network = tn_test_member (created, "network");
  g_assert_false (json_object_has_member (network, "provider:network_type"));
  g_assert_true (json_object_get_null_member (network, "ipv4_address_scope"));
  g_assert_cmpstr (json_object_get_string_member (network, "project_id"), ==,
                   tn_sandbox_get_project_id (fixture->sandbox));

  g_assert_cmpuint (json_array_get_length (tn_test_list (routers, "routers")), >, 0);
  router = json_array_get_object_element (tn_test_list (routers, "routers"), 0);
  g_assert_false (json_object_has_member (router, "distributed"));
  g_assert_false (json_object_has_member (router, "ha"));
  router = json_array_get_object_element (tn_test_list (admin_routers, "routers"), 0);
  g_assert_true (json_object_has_member (router, "distributed"));
  g_assert_true (json_object_has_member (router, "ha"));
}

/* The recorded answer of the real Neutron to a member creating an external
 * network. */
static JsonObject *
recorded_refusal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "neutron-zed", "keystone",
                                                 "010-err-demo-create-external-net-403.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* What only an administrator may set or change. The messages are the real
 * Neutron's (Debian 12, neutron-server 21) for the same requests: the rules
 * it joins, in its order. */
static void
test_admin_only (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) recorded = recorded_refusal ();
  JsonObject *request = json_object_get_object_member (recorded, "request");
  JsonObject *response = json_object_get_object_member (recorded, "response");
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *body = NULL;
  const char *public_id = public_network_id (fixture);
  g_autofree char *public_path = g_strdup_printf ("/v2.0/networks/%s", public_id);
  g_autofree char *mine_id = NULL, *mine_path = NULL, *admin_net = NULL, *body_gateway = NULL;
  TnTestResponse *answer;

  json_generator_set_root (generator, json_object_get_member (request, "body"));
  body = json_generator_to_data (generator, NULL);
  answer = call (fixture, fixture->demo, "POST", "/v2.0/networks", body);
  g_assert_cmpuint (answer->status, ==, json_object_get_int_member (response, "status"));
  g_assert_cmpstr (tn_test_error_type (answer), ==, "PolicyNotAuthorized");
  g_assert_cmpstr (error_message (answer), ==,
                   json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (response, "body"), "NeutronError"), "message"));
  tn_test_response_free (answer);

  assert_refused (fixture, fixture->demo, "POST", "/v2.0/networks",
                  "{\"network\": {\"name\": \"x\", \"provider:network_type\": \"vxlan\", \"shared\": true}}",
                  "((rule:create_network and rule:create_network:shared) and "
                  "rule:create_network:provider:network_type) is disallowed by policy");
  assert_refused (fixture, fixture->demo, "POST", "/v2.0/networks",
                  "{\"network\": {\"name\": \"x\", \"provider:segmentation_id\": 5, \"provider:physical_network\": \"p\", "
                  "\"provider:network_type\": \"vlan\", \"port_security_enabled\": false, \"is_default\": true, "
                  "\"router:external\": true, \"shared\": true}}",
                  "(((((((rule:create_network and rule:create_network:shared) and rule:create_network:router:external) "
                  "and rule:create_network:port_security_enabled) and rule:create_network:provider:network_type) "
                  "and rule:create_network:provider:physical_network) and rule:create_network:provider:segmentation_id) "
                  "and rule:create_network:is_default) is disallowed by policy");
  assert_refused (fixture, fixture->demo, "POST", "/v2.0/routers",
                  "{\"router\": {\"name\": \"x\", \"ha\": false, \"distributed\": true}}",
                  "((rule:create_router and rule:create_router:ha) and rule:create_router:distributed) "
                  "is disallowed by policy");
  body_gateway = g_strdup_printf ("{\"router\": {\"name\": \"x\", \"external_gateway_info\": "
                                  "{\"network_id\": \"%s\", \"enable_snat\": false}}}", public_id);
  assert_refused (fixture, fixture->demo, "POST", "/v2.0/routers", body_gateway,
                  "(rule:create_router and (rule:create_router:external_gateway_info and "
                  "(rule:create_router:external_gateway_info:network_id and "
                  "rule:create_router:external_gateway_info:enable_snat))) is disallowed by policy");

  /* The default value is not "set" on create; given on update it is. */
  answer = call (fixture, fixture->demo, "POST", "/v2.0/networks",
                 "{\"network\": {\"name\": \"mine\", \"router:external\": false}}");
  mine_id = created_id (answer, "network");
  tn_test_response_free (answer);
  mine_path = g_strdup_printf ("/v2.0/networks/%s", mine_id);
  assert_refused (fixture, fixture->demo, "PUT", mine_path, "{\"network\": {\"router:external\": false}}",
                  "(rule:update_network and rule:update_network:router:external) is disallowed by policy");
  answer = call (fixture, fixture->demo, "PUT", mine_path, "{\"network\": {\"name\": \"renamed\"}}");
  g_assert_cmpuint (answer->status, ==, 200);
  tn_test_response_free (answer);

  /* The administrator's external network: seen, not changed */
  assert_refused (fixture, fixture->demo, "PUT", public_path, "{\"network\": {\"name\": \"mine\"}}",
                  "rule:update_network is disallowed by policy");
  assert_refused (fixture, fixture->demo, "DELETE", public_path, NULL,
                  "rule:delete_network is disallowed by policy");

  /* The administrator may */
  answer = call (fixture, fixture->admin, "POST", "/v2.0/networks",
                 "{\"network\": {\"name\": \"public2\", \"router:external\": true, "
                 "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"physnet2\"}}");
  admin_net = created_id (answer, "network");
  g_assert_cmpstr (json_object_get_string_member (tn_test_member (answer, "network"), "provider:physical_network"),
                   ==, "physnet2");
  g_assert_cmpstr (json_object_get_string_member (tn_test_member (answer, "network"), "project_id"),
                   !=, tn_sandbox_get_project_id (fixture->sandbox));
  tn_test_response_free (answer);
  g_clear_pointer (&mine_path, g_free);
  mine_path = g_strdup_printf ("/v2.0/networks/%s", admin_net);
  answer = call (fixture, fixture->admin, "DELETE", mine_path, NULL);
  g_assert_cmpuint (answer->status, ==, 204);
  tn_test_response_free (answer);
}

/* A member sees its own project's resources (and external networks), and
 * names no other project. */
static void
test_projects (Fixture       *fixture,
               gconstpointer  data)
{
  const char *public_id = public_network_id (fixture);
  g_autofree char *admin_ike = NULL, *path = NULL, *subnet_body = NULL, *public_subnet = NULL;
  g_autoptr(TnTestResponse) demo_list = NULL, admin_list = NULL, subnets = NULL;
  TnTestResponse *answer;

  answer = call (fixture, fixture->admin, "POST", "/v2.0/vpn/ikepolicies", "{\"ikepolicy\": {\"name\": \"admins\"}}");
  admin_ike = created_id (answer, "ikepolicy");
  tn_test_response_free (answer);
  path = g_strdup_printf ("/v2.0/vpn/ikepolicies/%s", admin_ike);

  answer = call (fixture, fixture->demo, "GET", path, NULL);
  assert_error (answer, 404, "IKEPolicyNotFound");
  tn_test_response_free (answer);
  answer = call (fixture, fixture->demo, "PUT", path, "{\"ikepolicy\": {\"name\": \"mine\"}}");
  assert_error (answer, 404, "IKEPolicyNotFound");
  tn_test_response_free (answer);
  answer = call (fixture, fixture->demo, "DELETE", path, NULL);
  assert_error (answer, 404, "IKEPolicyNotFound");
  tn_test_response_free (answer);

  demo_list = call (fixture, fixture->demo, "GET", "/v2.0/vpn/ikepolicies", NULL);
  admin_list = call (fixture, fixture->admin, "GET", "/v2.0/vpn/ikepolicies", NULL);
  g_assert_cmpuint (json_array_get_length (tn_test_list (admin_list, "ikepolicies")), ==,
                    json_array_get_length (tn_test_list (demo_list, "ikepolicies")) + 1);
  for (guint i = 0; i < json_array_get_length (tn_test_list (demo_list, "ikepolicies")); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tn_test_list (demo_list, "ikepolicies"), i),
                                                    "project_id"), ==, tn_sandbox_get_project_id (fixture->sandbox));

  answer = call (fixture, fixture->demo, "POST", "/v2.0/vpn/ikepolicies",
                 "{\"ikepolicy\": {\"name\": \"x\", \"tenant_id\": \"someone\"}}");
  assert_error (answer, 400, "HTTPBadRequest");
  g_assert_cmpstr (error_message (answer), ==,
                   "Specifying 'project_id' or 'tenant_id' other than the authenticated project in "
                   "request requires admin or advsvc privileges");
  tn_test_response_free (answer);

  /* The external network's subnet is the administrator's */
  subnets = call (fixture, fixture->admin, "GET", "/v2.0/subnets?name=public-subnet", NULL);
  public_subnet = g_strdup_printf ("/v2.0/subnets/%s", json_object_get_string_member (
                                     json_array_get_object_element (tn_test_list (subnets, "subnets"), 0), "id"));
  answer = call (fixture, fixture->demo, "GET", public_subnet, NULL);
  assert_error (answer, 404, "SubnetNotFound");
  tn_test_response_free (answer);
  subnet_body = g_strdup_printf ("{\"subnet\": {\"network_id\": \"%s\", \"ip_version\": 4, \"cidr\": \"100.64.9.0/24\"}}",
                                 public_id);
  answer = call (fixture, fixture->demo, "POST", "/v2.0/subnets", subnet_body);
  assert_error (answer, 403, "HTTPForbidden");
  tn_test_response_free (answer);

  answer = call (fixture, fixture->admin, "DELETE", path, NULL);
  g_assert_cmpuint (answer->status, ==, 204);
  tn_test_response_free (answer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sandbox/policy/roles", test_roles);
  ADD ("/sandbox/policy/hidden-attributes", test_hidden_attributes);
  ADD ("/sandbox/policy/admin-only", test_admin_only);
  ADD ("/sandbox/policy/projects", test_projects);

  return g_test_run ();
}
