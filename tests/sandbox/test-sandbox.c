/* test-sandbox.c: the sandbox cloud's API contract over loopback HTTP —
 * Keystone, every VPN resource in every dialect, validation, in-use
 * conflicts, settling and pairing, pagination
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
  char      *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (fixture->sandbox, 30);
  if (data != NULL)
    g_assert_true (tn_sandbox_seed (fixture->sandbox, data, &error));
  g_assert_no_error (error);
  g_assert_true (tn_sandbox_listen (fixture->sandbox, 0, &error));
  g_assert_no_error (error);
  fixture->token = tn_test_sign_in (fixture->sandbox);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_set_up (fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->token, g_free);
  g_clear_object (&fixture->sandbox);
}

static TnTestResponse *
call (Fixture    *fixture,
      const char *method,
      const char *region,
      const char *path,
      const char *body)
{
  g_autofree char *url = tn_test_url (fixture->sandbox, region, path);

  return tn_test_request (method, url, fixture->token, body);
}

static char *
auth_url (Fixture *fixture)
{
  return g_strdup_printf ("%s/auth/tokens", tn_sandbox_get_identity_url (fixture->sandbox));
}

/* Keystone */

static const char *
public_url (JsonArray  *catalog,
            const char *type,
            const char *region)
{
  for (guint i = 0; i < json_array_get_length (catalog); i++)
    {
      JsonObject *service = json_array_get_object_element (catalog, i);
      JsonArray *endpoints = json_object_get_array_member (service, "endpoints");

      if (!g_str_equal (json_object_get_string_member (service, "type"), type))
        continue;
      for (guint j = 0; j < json_array_get_length (endpoints); j++)
        {
          JsonObject *endpoint = json_array_get_object_element (endpoints, j);

          if (g_str_equal (json_object_get_string_member (endpoint, "interface"), "public")
              && g_str_equal (json_object_get_string_member (endpoint, "region_id"), region))
            return json_object_get_string_member (endpoint, "url");
        }
    }
  return NULL;
}

static void
test_keystone_password (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = auth_url (fixture);
  g_autoptr(TnTestResponse) response = NULL;
  g_autofree char *body = g_strdup_printf (
    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
    "{\"name\": \"demo\", \"domain\": {\"id\": \"default\"}, \"password\": \"%s\"}}}, "
    "\"scope\": {\"project\": {\"id\": \"%s\"}}}}", TN_SANDBOX_PASSWORD,
    tn_sandbox_get_project_id (fixture->sandbox));
  JsonObject *token;
  JsonArray *catalog;
  g_autoptr(GDateTime) issued = NULL;
  g_autoptr(GDateTime) expires = NULL;

  tn_sandbox_set_token_lifetime (fixture->sandbox, 120);
  response = tn_test_request ("POST", url, NULL, body);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpuint (strlen (soup_message_headers_get_one (response->headers, "X-Subject-Token")), >=, 32);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "X-Subject-Token"), !=, fixture->token);

  token = tn_test_member (response, "token");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (token, "project"), "name"),
                   ==, TN_SANDBOX_PROJECT);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (token, "user"), "name"),
                   ==, TN_SANDBOX_USER);
  issued = g_date_time_new_from_iso8601 (json_object_get_string_member (token, "issued_at"), NULL);
  expires = g_date_time_new_from_iso8601 (json_object_get_string_member (token, "expires_at"), NULL);
  g_assert_cmpint (g_date_time_difference (expires, issued), ==, 120 * G_USEC_PER_SEC);

  catalog = json_object_get_array_member (token, "catalog");
  g_assert_nonnull (public_url (catalog, "network", "RegionOne"));
  g_assert_null (public_url (catalog, "network", "jp-east-1"));
  g_assert_nonnull (public_url (catalog, "networking", "jp-east-1"));
  g_assert_nonnull (public_url (catalog, "networking", "jp-east-2"));
  g_assert_nonnull (public_url (catalog, "networking", "jp-east-3"));
  g_assert_nonnull (public_url (catalog, "nfv", "jp-east-3"));
  g_assert_null (public_url (catalog, "nfv", "jp-east-1"));
  g_assert_cmpstr (public_url (catalog, "identity", "RegionOne"), ==,
                   tn_sandbox_get_identity_url (fixture->sandbox));
  g_assert_true (g_str_has_suffix (public_url (catalog, "nfv", "jp-east-3"), "/nfv/jp-east-3"));
}

static void
test_keystone_app_credential (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *url = auth_url (fixture);
  const char *good = "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], "
                     "\"application_credential\": {\"id\": \"cred-1\", \"secret\": \"s3cr3t-app\"}}}}";
  const char *bad = "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], "
                    "\"application_credential\": {\"id\": \"cred-1\", \"secret\": \"wrong\"}}}}";
  g_autoptr(TnTestResponse) refused = NULL;
  g_autoptr(TnTestResponse) accepted = NULL;
  g_autoptr(TnTestResponse) listed = NULL;
  const char *token;

  refused = tn_test_request ("POST", url, NULL, good);
  g_assert_cmpuint (refused->status, ==, 401);

  tn_sandbox_add_app_credential (fixture->sandbox, "cred-1", "s3cr3t-app");
  accepted = tn_test_request ("POST", url, NULL, good);
  g_assert_cmpuint (accepted->status, ==, 201);
  g_assert_nonnull (json_object_get_object_member (tn_test_member (accepted, "token"), "application_credential"));
  g_assert_nonnull (json_object_get_array_member (tn_test_member (accepted, "token"), "catalog"));
  token = soup_message_headers_get_one (accepted->headers, "X-Subject-Token");
  {
    g_autofree char *list_url = tn_test_url (fixture->sandbox, "RegionOne", "/v2.0/vpn/ikepolicies");

    listed = tn_test_request ("GET", list_url, token, NULL);
    g_assert_cmpuint (listed->status, ==, 200);
  }

  g_clear_pointer (&refused, tn_test_response_free);
  refused = tn_test_request ("POST", url, NULL, bad);
  g_assert_cmpuint (refused->status, ==, 401);
}

static void
assert_keystone_401 (TnTestResponse *response)
{
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, 401);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (response->headers, "Www-Authenticate"),
                                   "Keystone uri=\""));
  error = tn_test_member (response, "error");
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (error, "title"), ==, "Unauthorized");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   "The request you have made requires authentication.");
}

static void
test_keystone_refusals (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = auth_url (fixture);
  g_autofree char *ike_url = tn_test_url (fixture->sandbox, "RegionOne", "/v2.0/vpn/ikepolicies");
  const char *wrong_password =
    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
    "{\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}, \"password\": \"nope\"}}}, "
    "\"scope\": {\"project\": {\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}}}}}";
  const char *wrong_project =
    "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
    "{\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" TN_SANDBOX_PASSWORD "\"}}}, "
    "\"scope\": {\"project\": {\"name\": \"other\", \"domain\": {\"name\": \"Default\"}}}}}";
  TnTestResponse *response;

  response = tn_test_request ("POST", url, NULL, wrong_password);
  assert_keystone_401 (response);
  g_assert_null (soup_message_headers_get_one (response->headers, "X-Subject-Token"));
  tn_test_response_free (response);

  response = tn_test_request ("POST", url, NULL, wrong_project);
  assert_keystone_401 (response);
  tn_test_response_free (response);

  response = tn_test_request ("POST", url, NULL, "{\"auth\": ");
  g_assert_cmpuint (response->status, ==, 400);
  tn_test_response_free (response);

  /* Neutron without a token, with an unknown one, with an expired one */
  response = tn_test_request ("GET", ike_url, NULL, NULL);
  assert_keystone_401 (response);
  tn_test_response_free (response);

  response = tn_test_request ("GET", ike_url, "bogus", NULL);
  assert_keystone_401 (response);
  tn_test_response_free (response);

  response = tn_test_request ("GET", ike_url, fixture->token, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  tn_test_response_free (response);

  tn_sandbox_expire_tokens (fixture->sandbox);
  response = tn_test_request ("GET", ike_url, fixture->token, NULL);
  assert_keystone_401 (response);
  tn_test_response_free (response);

  /* A user added later */
  tn_sandbox_add_user (fixture->sandbox, "alice", "alice-pass");
  {
    g_autofree char *body = g_strdup_printf (
      "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
      "{\"name\": \"alice\", \"domain\": {\"name\": \"Default\"}, \"password\": \"alice-pass\"}}}, "
      "\"scope\": {\"project\": {\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}}}}}");

    response = tn_test_request ("POST", url, NULL, body);
    g_assert_cmpuint (response->status, ==, 201);
    tn_test_response_free (response);
  }
}

static void
test_discovery (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *versions = tn_test_url (fixture->sandbox, "RegionOne", "/");
  g_autoptr(TnTestResponse) neutron = tn_test_request ("GET", versions, NULL, NULL);
  g_autoptr(TnTestResponse) keystone = tn_test_request ("GET", tn_sandbox_get_identity_url (fixture->sandbox), NULL, NULL);
  g_autoptr(TnTestResponse) extensions = call (fixture, "GET", "RegionOne", "/v2.0/extensions", NULL);
  g_autoptr(TnTestResponse) unknown = call (fixture, "GET", "RegionOne", "/v2.0/vpn/nosuchthings", NULL);
  g_autoptr(TnTestResponse) no_region = call (fixture, "GET", "nowhere", "/v2.0/vpn/ikepolicies", NULL);
  g_autoptr(TnTestResponse) nfv_on_a = call (fixture, "GET", "jp-east-1", "/vpn/nfv/ikepolicies", NULL);
  g_autoptr(TnTestResponse) neutron_on_b = call (fixture, "GET", "jp-east-3", "/v2.0/vpn/ikepolicies", NULL);

  g_assert_cmpuint (neutron->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (tn_test_list (neutron, "versions")), ==, 1);
  g_assert_cmpuint (keystone->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (tn_test_member (keystone, "version"), "id"), ==, "v3.14");
  g_assert_cmpuint (extensions->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (tn_test_list (extensions, "extensions")), >=, 3);
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpstr (tn_test_error_type (unknown), ==, "HTTPNotFound");
  g_assert_cmpuint (no_region->status, ==, 404);
  g_assert_cmpuint (nfv_on_a->status, ==, 404);
  g_assert_cmpuint (neutron_on_b->status, ==, 404);
  g_assert_nonnull (soup_message_headers_get_one (extensions->headers, "X-Openstack-Request-Id"));
  /* neutron-server's version document has none */
  g_assert_null (soup_message_headers_get_one (neutron->headers, "X-Openstack-Request-Id"));
}

/* CRUD in every dialect */

typedef struct
{
  const char *region;
  const char *vpn;          /* path prefix of the VPN collections */
  guint       write_status; /* 201/200/204 or 202 */
} Dialect;

static const Dialect dialects[] = {
  { "RegionOne", "/v2.0/vpn", 0 },
  { "jp-east-1", "/v2.0/vpn", 0 },
  { "jp-east-2", "/v2.0/vpn", 0 },
  { "jp-east-3", "/vpn/nfv", 202 },
};

static char *
vpn_path (const Dialect *dialect,
          const char    *collection,
          const char    *id)
{
  return g_strdup_printf ("%s/%s%s%s", dialect->vpn, collection, id ? "/" : "", id ? id : "");
}

static char *
create (Fixture       *fixture,
        const Dialect *dialect,
        const char    *collection,
        const char    *member,
        const char    *body,
        JsonObject   **created)
{
  g_autofree char *path = vpn_path (dialect, collection, NULL);
  TnTestResponse *response = call (fixture, "POST", dialect->region, path, body);
  JsonObject *object;
  char *id;

  if (response->status != (dialect->write_status ? dialect->write_status : 201))
    g_error ("POST %s in %s: %u %s", collection, dialect->region, response->status,
             (const char *) g_bytes_get_data (response->raw, NULL));
  object = tn_test_member (response, member);
  id = g_strdup (json_object_get_string_member (object, "id"));
  if (created != NULL)
    *created = json_object_ref (object);
  tn_test_response_free (response);
  return id;
}

static JsonObject *
show (Fixture       *fixture,
      const Dialect *dialect,
      const char    *collection,
      const char    *member,
      const char    *id)
{
  g_autofree char *path = vpn_path (dialect, collection, id);
  g_autoptr(TnTestResponse) response = call (fixture, "GET", dialect->region, path, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return json_object_ref (tn_test_member (response, member));
}

static const char *
status_of (JsonObject *object)
{
  return json_object_get_string_member_with_default (object, "status", NULL);
}

/* Waits until the resource leaves @transitional (or is gone). */
static char *
wait_settled (Fixture       *fixture,
              const Dialect *dialect,
              const char    *collection,
              const char    *member,
              const char    *id)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *path = vpn_path (dialect, collection, id);
      g_autoptr(TnTestResponse) response = call (fixture, "GET", dialect->region, path, NULL);
      const char *status;

      if (response->status == 404)
        return g_strdup ("GONE");
      status = status_of (tn_test_member (response, member));
      if (status == NULL || (!g_str_has_prefix (status, "PENDING_") && !g_str_equal (status, "BUILD")
                             && !g_str_equal (status, "DELETING")))
        return g_strdup (status);
      tn_test_wait (10);
    }
  g_assert_not_reached ();
  return NULL;
}

/* A router with a gateway on `public` and a subnet on it. */
static void
make_site (Fixture     *fixture,
           const char  *region,
           const char  *cidr,
           char       **router_id,
           char       **subnet_id)
{
  g_autoptr(TnTestResponse) networks = call (fixture, "GET", region, "/v2.0/networks?router:external=True", NULL);
  const char *public_id = json_object_get_string_member (json_array_get_object_element (tn_test_list (networks, "networks"), 0), "id");
  g_autofree char *net_body = g_strdup ("{\"network\": {\"name\": \"private\"}}");
  g_autoptr(TnTestResponse) net = call (fixture, "POST", region, "/v2.0/networks", net_body);
  g_autofree char *subnet_body = g_strdup_printf ("{\"subnet\": {\"network_id\": \"%s\", \"ip_version\": 4, \"cidr\": \"%s\"}}",
                                                  json_object_get_string_member (tn_test_member (net, "network"), "id"), cidr);
  g_autoptr(TnTestResponse) subnet = call (fixture, "POST", region, "/v2.0/subnets", subnet_body);
  g_autofree char *router_body = g_strdup_printf ("{\"router\": {\"name\": \"r\", \"external_gateway_info\": {\"network_id\": \"%s\"}}}",
                                                  public_id);
  g_autoptr(TnTestResponse) router = call (fixture, "POST", region, "/v2.0/routers", router_body);
  g_autofree char *add_path = NULL;
  g_autofree char *add_body = NULL;
  g_autoptr(TnTestResponse) added = NULL;

  g_assert_cmpuint (net->status, ==, 201);
  g_assert_cmpuint (subnet->status, ==, 201);
  g_assert_cmpuint (router->status, ==, 201);
  *router_id = g_strdup (json_object_get_string_member (tn_test_member (router, "router"), "id"));
  *subnet_id = g_strdup (json_object_get_string_member (tn_test_member (subnet, "subnet"), "id"));
  add_path = g_strdup_printf ("/v2.0/routers/%s/add_router_interface", *router_id);
  add_body = g_strdup_printf ("{\"subnet_id\": \"%s\"}", *subnet_id);
  added = call (fixture, "PUT", region, add_path, add_body);
  g_assert_cmpuint (added->status, ==, 200);
  /* Neutron's router interface info: tenant_id, no project_id */
  g_assert_true (json_object_has_member (json_node_get_object (added->body), "tenant_id"));
  g_assert_false (json_object_has_member (json_node_get_object (added->body), "project_id"));
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  const Dialect *dialect = data;
  g_autofree char *router_id = NULL, *subnet_id = NULL;
  g_autofree char *ike_id = NULL, *ipsec_id = NULL, *service_id = NULL, *conn_id = NULL;
  g_autofree char *service_body = NULL, *conn_body = NULL, *path = NULL, *settled = NULL;
  g_autoptr(JsonObject) ike = NULL, ipsec = NULL, service = NULL, conn = NULL, shown = NULL;
  gboolean type_a = g_str_has_prefix (dialect->region, "jp-east-") && dialect->write_status == 0;
  gboolean type_b = dialect->write_status == 202;
  TnTestResponse *response;

  make_site (fixture, dialect->region, "10.9.0.0/24", &router_id, &subnet_id);

  ike_id = create (fixture, dialect, "ikepolicies", "ikepolicy", "{\"ikepolicy\": {\"name\": \"ike\"}}", &ike);
  ipsec_id = create (fixture, dialect, "ipsecpolicies", "ipsecpolicy", "{\"ipsecpolicy\": {\"name\": \"ipsec\"}}", &ipsec);
  g_assert_cmpstr (json_object_get_string_member (ike, "encryption_algorithm"), ==, "aes-128");
  g_assert_cmpint (json_object_has_member (ike, "availability_zone"), ==, type_a);
  g_assert_cmpint (json_object_has_member (ike, "ike_version"), ==, !type_b);
  g_assert_cmpint (json_object_has_member (ipsec, "initiator"), ==, type_b);
  if (type_b)
    {
      g_assert_cmpstr (status_of (ike), ==, "BUILD");
      settled = wait_settled (fixture, dialect, "ikepolicies", "ikepolicy", ike_id);
      g_assert_cmpstr (settled, ==, "ACTIVE");
      g_clear_pointer (&settled, g_free);
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ike, "lifetime"), "value"),
                   ==, dialect->region[0] == 'R' ? 3600 : 2000);

  service_body = g_strdup_printf ("{\"vpnservice\": {\"name\": \"svc\", \"router_id\": \"%s\", \"subnet_id\": \"%s\"}}",
                                  router_id, subnet_id);
  service_id = create (fixture, dialect, "vpnservices", "vpnservice", service_body, &service);
  g_assert_cmpstr (status_of (service), ==, "PENDING_CREATE");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (service, "external_v4_ip"), "100.64."));

  conn_body = g_strdup_printf ("{\"ipsec_site_connection\": {\"name\": \"c\", \"vpnservice_id\": \"%s\", "
                               "\"ikepolicy_id\": \"%s\", \"ipsecpolicy_id\": \"%s\", \"peer_address\": \"203.0.113.5\", "
                               "\"peer_id\": \"203.0.113.5\", \"peer_cidrs\": [\"192.168.5.0/24\"], \"psk\": \"secret-psk\"}}",
                               service_id, ike_id, ipsec_id);
  conn_id = create (fixture, dialect, "ipsec-site-connections", "ipsec_site_connection", conn_body, &conn);
  g_assert_cmpstr (status_of (conn), ==, "PENDING_CREATE");
  g_assert_cmpint (json_object_get_int_member (conn, "mtu"), ==, 1500);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (conn, "dpd"), "timeout"), ==, 120);
  g_assert_cmpint (json_object_has_member (conn, "ike_version"), ==, type_b);
  g_assert_cmpint (json_object_has_member (conn, "ipsec_endpoint_address"), ==, type_b);
  g_assert_cmpint (json_object_has_member (conn, "initiator"), ==, !type_b);
  if (type_a)
    g_assert_cmpstr (json_object_get_string_member (conn, "availability_zone"), ==,
                     json_object_get_string_member (service, "availability_zone"));

  /* Settles: the service ACTIVE, the connection DOWN (its peer is not in
   * the sandbox) */
  settled = wait_settled (fixture, dialect, "vpnservices", "vpnservice", service_id);
  g_assert_cmpstr (settled, ==, "ACTIVE");
  g_clear_pointer (&settled, g_free);
  settled = wait_settled (fixture, dialect, "ipsec-site-connections", "ipsec_site_connection", conn_id);
  g_assert_cmpstr (settled, ==, "DOWN");
  g_clear_pointer (&settled, g_free);

  /* List and filter */
  path = g_strdup_printf ("%s/ipsec-site-connections?name=c&fields=id&fields=status", dialect->vpn);
  response = call (fixture, "GET", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (tn_test_list (response, "ipsec_site_connections")), ==, 1);
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (tn_test_list (response, "ipsec_site_connections"), 0)), ==, 2);
  tn_test_response_free (response);
  g_clear_pointer (&path, g_free);

  /* Update only what changes */
  path = vpn_path (dialect, "ipsec-site-connections", conn_id);
  response = call (fixture, "PUT", dialect->region, path, "{\"ipsec_site_connection\": {\"mtu\": 1400}}");
  g_assert_cmpuint (response->status, ==, dialect->write_status ? dialect->write_status : 200);
  g_assert_cmpstr (status_of (tn_test_member (response, "ipsec_site_connection")), ==, "PENDING_UPDATE");
  tn_test_response_free (response);
  response = call (fixture, "PUT", dialect->region, path, "{\"ipsec_site_connection\": {\"mtu\": 1300}}");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (tn_test_error_type (response), ==, "VPNStateInvalidToUpdate");
  tn_test_response_free (response);
  settled = wait_settled (fixture, dialect, "ipsec-site-connections", "ipsec_site_connection", conn_id);
  g_clear_pointer (&settled, g_free);
  shown = show (fixture, dialect, "ipsec-site-connections", "ipsec_site_connection", conn_id);
  g_assert_cmpint (json_object_get_int_member (shown, "mtu"), ==, 1400);
  g_assert_cmpstr (json_object_get_string_member (shown, "psk"), ==, "secret-psk");
  g_clear_pointer (&path, g_free);

  path = vpn_path (dialect, "ikepolicies", ike_id);
  response = call (fixture, "PUT", dialect->region, path, "{\"ikepolicy\": {\"name\": \"renamed\"}}");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpstr (tn_test_error_type (response), ==, "IKEPolicyInUse");
  tn_test_response_free (response);
  response = call (fixture, "DELETE", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, 409);
  tn_test_response_free (response);
  g_clear_pointer (&path, g_free);

  /* Delete in order */
  path = vpn_path (dialect, "vpnservices", service_id);
  response = call (fixture, "DELETE", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpstr (tn_test_error_type (response), ==, "VPNServiceInUse");
  tn_test_response_free (response);
  g_clear_pointer (&path, g_free);

  path = vpn_path (dialect, "ipsec-site-connections", conn_id);
  response = call (fixture, "DELETE", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, dialect->write_status ? dialect->write_status : 204);
  tn_test_response_free (response);
  settled = wait_settled (fixture, dialect, "ipsec-site-connections", "ipsec_site_connection", conn_id);
  g_assert_cmpstr (settled, ==, "GONE");
  g_clear_pointer (&settled, g_free);
  g_clear_pointer (&path, g_free);

  path = vpn_path (dialect, "ikepolicies", ike_id);
  response = call (fixture, "PUT", dialect->region, path, "{\"ikepolicy\": {\"name\": \"renamed\"}}");
  g_assert_cmpuint (response->status, ==, dialect->write_status ? dialect->write_status : 200);
  g_assert_cmpstr (json_object_get_string_member (tn_test_member (response, "ikepolicy"), "name"), ==, "renamed");
  tn_test_response_free (response);
  settled = wait_settled (fixture, dialect, "ikepolicies", "ikepolicy", ike_id);
  g_clear_pointer (&settled, g_free);

  response = call (fixture, "DELETE", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, dialect->write_status ? dialect->write_status : 204);
  tn_test_response_free (response);
  if (type_b)
    {
      g_clear_pointer (&shown, json_object_unref);
      shown = show (fixture, dialect, "ikepolicies", "ikepolicy", ike_id);
      g_assert_cmpstr (status_of (shown), ==, "DELETING");
    }
  settled = wait_settled (fixture, dialect, "ikepolicies", "ikepolicy", ike_id);
  g_assert_cmpstr (settled, ==, "GONE");
  g_clear_pointer (&settled, g_free);

  response = call (fixture, "DELETE", dialect->region, path, NULL);
  g_assert_cmpuint (response->status, ==, 404);
  g_assert_cmpstr (tn_test_error_type (response), ==, "IKEPolicyNotFound");
  tn_test_response_free (response);
}

/* Validation per region */

typedef struct
{
  const char *region;
  const char *collection;
  const char *body;
  guint       status;
  const char *type;
  const char *message;  /* or NULL */
} Invalid;

static const Invalid invalid_cases[] = {
  { "RegionOne", "ikepolicies", "{\"ikepolicy\": {\"availability_zone\": \"nova\"}}", 400, "HTTPBadRequest",
    "Unrecognized attribute(s) 'availability_zone'" },
  { "RegionOne", "ikepolicies", "{\"ikepolicy\": {\"pfs\": \"group99\"}}", 400, "HTTPBadRequest",
    "Invalid input for pfs. Reason: group99 is not in valid_values." },
  { "RegionOne", "ikepolicies", "{\"ikepolicy\": {\"lifetime\": {\"value\": 59}}}", 400, "HTTPBadRequest",
    "Invalid input for lifetime. Reason: '59' is too small - must be at least '60'." },
  { "RegionOne", "ipsecpolicies", "{\"ipsecpolicy\": {\"id\": \"x\"}}", 400, "HTTPBadRequest",
    "Attribute 'id' not allowed in POST" },
  { "RegionOne", "ipsecpolicies", "{\"ipsec_policy\": {}}", 400, "HTTPBadRequest",
    "Unable to find 'ipsecpolicy' in request body" },
  { "RegionOne", "ipsecpolicies", "{\"ipsecpolicy\": ", 400, "MalformedRequestBody", NULL },
  { "jp-east-1", "ikepolicies", "{\"ikepolicy\": {\"auth_algorithm\": \"sha256\"}}", 400, "HTTPBadRequest",
    "Invalid input for auth_algorithm. Reason: sha256 is not in valid_values." },
  { "jp-east-2", "ikepolicies", "{\"ikepolicy\": {\"auth_algorithm\": \"sha256\", \"availability_zone\": \"jp-east-2b\"}}", 201, NULL, NULL },
  { "jp-east-1", "ikepolicies", "{\"ikepolicy\": {\"availability_zone\": \"nova\"}}", 400, "HTTPBadRequest",
    "Invalid input for availability_zone. Reason: nova is not in valid_values." },
  { "jp-east-1", "ikepolicies", "{\"ikepolicy\": {\"ike_version\": \"v2\"}}", 400, "HTTPBadRequest",
    "Invalid input for ike_version. Reason: v2 is not in valid_values." },
  { "jp-east-1", "ipsecpolicies", "{\"ipsecpolicy\": {\"encryption_algorithm\": \"3des\"}}", 400, "HTTPBadRequest", NULL },
  { "jp-east-3", "ikepolicies", "{\"ikepolicy\": {\"lifetime\": {\"value\": 100}}}", 400, "HTTPBadRequest",
    "Invalid input for lifetime. Reason: '100' is too small - must be at least '120'." },
  { "jp-east-3", "ikepolicies", "{\"ikepolicy\": {\"ike_version\": \"v1\"}}", 400, "HTTPBadRequest",
    "Unrecognized attribute(s) 'ike_version'" },
  { "jp-east-3", "ipsecpolicies", "{\"ipsecpolicy\": {\"initiator\": \"sometimes\"}}", 400, "HTTPBadRequest",
    "Invalid input for initiator. Reason: sometimes is not in valid_values." },
};

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const Invalid *c = &invalid_cases[i];
      g_autofree char *path = g_strdup_printf ("%s/%s", g_str_equal (c->region, "jp-east-3") ? "/vpn/nfv" : "/v2.0/vpn",
                                               c->collection);
      g_autoptr(TnTestResponse) response = call (fixture, "POST", c->region, path, c->body);

      g_test_message ("case %u: %s %s", i, c->region, c->body);
      g_assert_cmpuint (response->status, ==, c->status);
      g_assert_cmpstr (tn_test_error_type (response), ==, c->type);
      if (c->message != NULL)
        g_assert_cmpstr (json_object_get_string_member (tn_test_member (response, "NeutronError"), "message"),
                         ==, c->message);
    }
}

/* Connection rules of the dialects on the demo project */

static const char *
find_id (Fixture    *fixture,
         const char *region,
         const char *path,
         const char *key,
         const char *name)
{
  static char id[64];
  g_autofree char *query = g_strdup_printf ("%s?name=%s", path, name);
  g_autoptr(TnTestResponse) response = call (fixture, "GET", region, query, NULL);
  JsonArray *list = tn_test_list (response, key);

  g_assert_cmpuint (json_array_get_length (list), >=, 1);
  g_strlcpy (id, json_object_get_string_member (json_array_get_object_element (list, 0), "id"), sizeof id);
  return id;
}

static TnTestResponse *
post_connection (Fixture    *fixture,
                 const char *region,
                 const char *extra)
{
  const char *vpn = g_str_equal (region, "jp-east-3") ? "/vpn/nfv" : "/v2.0/vpn";
  g_autofree char *services = g_strdup_printf ("%s/vpnservices", vpn);
  g_autofree char *ikes = g_strdup_printf ("%s/ikepolicies", vpn);
  g_autofree char *ipsecs = g_strdup_printf ("%s/ipsecpolicies", vpn);
  g_autofree char *service = g_strdup (find_id (fixture, region, services, "vpnservices", "demo-vpn"));
  g_autofree char *ike = g_strdup (find_id (fixture, region, ikes, "ikepolicies", "ike-default"));
  g_autofree char *ipsec = g_strdup (find_id (fixture, region, ipsecs, "ipsecpolicies", "ipsec-default"));
  g_autofree char *path = g_strdup_printf ("%s/ipsec-site-connections", vpn);
  g_autofree char *body = g_strdup_printf ("{\"ipsec_site_connection\": {\"vpnservice_id\": \"%s\", "
                                           "\"ikepolicy_id\": \"%s\", \"ipsecpolicy_id\": \"%s\", "
                                           "\"peer_id\": \"x\", \"psk\": \"k\", %s}}",
                                           service, ike, ipsec, extra);

  return call (fixture, "POST", region, path, body);
}

static void
test_connection_rules (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct {
    const char *region;
    const char *extra;
    guint       status;
    const char *type;
  } cases[] = {
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\", \"2001:db8::/64\"]", 400, "MixedIPVersionsForPeerCidrs" },
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"dpd\": {\"interval\": 40, \"timeout\": 40}", 400, "IPsecSiteConnectionDpdIntervalValueError" },
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"mtu\": 60", 400, "IPsecSiteConnectionMtuError" },
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/33\"]", 400, "HTTPBadRequest" },
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\", \"10.2.0.0/24\"], \"mtu\": \"1400\"", 201, NULL },
    { "RegionOne", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"availability_zone\": \"x\"", 400, "HTTPBadRequest" },
    { "jp-east-1", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\", \"10.2.0.0/24\"]", 400, "HTTPBadRequest" },
    { "jp-east-1", "\"peer_address\": \"2001:db8::1\", \"peer_cidrs\": [\"10.1.0.0/24\"]", 400, "HTTPBadRequest" },
    { "jp-east-1", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"dpd\": {\"action\": \"clear\"}", 400, "HTTPBadRequest" },
    { "jp-east-1", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"availability_zone\": \"jp-east-1a\"", 400, "HTTPBadRequest" },
    { "jp-east-1", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"]", 201, NULL },
    { "jp-east-3", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"dpd\": {\"timeout\": 60, \"interval\": 30}", 400, "HTTPBadRequest" },
    { "jp-east-3", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"initiator\": \"response-only\"", 400, "HTTPBadRequest" },
    { "jp-east-3", "\"peer_address\": \"203.0.113.1\", \"peer_cidrs\": [\"10.1.0.0/24\"], \"ike_version\": \"v2\"", 202, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TnTestResponse) response = post_connection (fixture, cases[i].region, cases[i].extra);

      g_test_message ("case %u: %s %s → %u", i, cases[i].region, cases[i].extra, response->status);
      g_assert_cmpuint (response->status, ==, cases[i].status);
      g_assert_cmpstr (tn_test_error_type (response), ==, cases[i].type);
    }
}

/* Pairing: both ends in the sandbox → ACTIVE; one end gone → DOWN */

static void
test_pairing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TnTestResponse) region_one = call (fixture, "GET", "RegionOne", "/v2.0/vpn/ipsec-site-connections?name=to-jp-east-1", NULL);
  g_autoptr(TnTestResponse) east_1 = call (fixture, "GET", "jp-east-1", "/v2.0/vpn/ipsec-site-connections?name=to-RegionOne", NULL);
  g_autoptr(TnTestResponse) outside = call (fixture, "GET", "RegionOne", "/v2.0/vpn/ipsec-site-connections?name=branch-office", NULL);
  g_autoptr(TnTestResponse) east_3 = call (fixture, "GET", "jp-east-3", "/vpn/nfv/ipsec-site-connections?name=to-jp-east-2", NULL);
  JsonObject *a = json_array_get_object_element (tn_test_list (region_one, "ipsec_site_connections"), 0);
  JsonObject *b = json_array_get_object_element (tn_test_list (east_1, "ipsec_site_connections"), 0);
  g_autofree char *path = g_strdup_printf ("/v2.0/vpn/ipsec-site-connections/%s", json_object_get_string_member (b, "id"));
  g_autofree char *a_path = g_strdup_printf ("/v2.0/vpn/ipsec-site-connections/%s", json_object_get_string_member (a, "id"));
  g_autoptr(TnTestResponse) deleted = NULL;
  g_autoptr(TnTestResponse) alone = NULL;

  g_assert_cmpstr (status_of (a), ==, "ACTIVE");
  g_assert_cmpstr (status_of (b), ==, "ACTIVE");
  g_assert_cmpstr (status_of (json_array_get_object_element (tn_test_list (outside, "ipsec_site_connections"), 0)), ==, "DOWN");
  g_assert_cmpstr (status_of (json_array_get_object_element (tn_test_list (east_3, "ipsec_site_connections"), 0)), ==, "ACTIVE");

  deleted = call (fixture, "DELETE", "jp-east-1", path, NULL);
  g_assert_cmpuint (deleted->status, ==, 204);
  alone = call (fixture, "GET", "RegionOne", a_path, NULL);
  g_assert_cmpstr (status_of (tn_test_member (alone, "ipsec_site_connection")), ==, "DOWN");
}

static void
test_pairing_created (Fixture       *fixture,
                      gconstpointer  data)
{
  const Dialect *one = &dialects[0];
  const Dialect *two = &dialects[2];
  g_autoptr(TnTestResponse) s1 = call (fixture, "GET", one->region, "/v2.0/vpn/vpnservices?name=demo-vpn", NULL);
  g_autoptr(TnTestResponse) s2 = call (fixture, "GET", two->region, "/v2.0/vpn/vpnservices?name=demo-vpn", NULL);
  const char *ip1 = json_object_get_string_member (json_array_get_object_element (tn_test_list (s1, "vpnservices"), 0), "external_v4_ip");
  const char *ip2 = json_object_get_string_member (json_array_get_object_element (tn_test_list (s2, "vpnservices"), 0), "external_v4_ip");
  g_autofree char *extra1 = g_strdup_printf ("\"name\": \"new-pair\", \"peer_address\": \"%s\", \"peer_cidrs\": [\"10.30.0.0/24\"]", ip2);
  g_autofree char *extra2 = g_strdup_printf ("\"name\": \"new-pair\", \"peer_address\": \"%s\", \"peer_cidrs\": [\"10.10.0.0/24\"]", ip1);
  g_autoptr(TnTestResponse) c1 = post_connection (fixture, one->region, extra1);
  g_autoptr(TnTestResponse) c2 = NULL;
  g_autofree char *s = NULL;

  g_assert_cmpuint (c1->status, ==, 201);
  s = wait_settled (fixture, one, "ipsec-site-connections", "ipsec_site_connection",
                    json_object_get_string_member (tn_test_member (c1, "ipsec_site_connection"), "id"));
  g_assert_cmpstr (s, ==, "DOWN");
  g_clear_pointer (&s, g_free);

  c2 = post_connection (fixture, two->region, extra2);
  g_assert_cmpuint (c2->status, ==, 201);
  s = wait_settled (fixture, two, "ipsec-site-connections", "ipsec_site_connection",
                    json_object_get_string_member (tn_test_member (c2, "ipsec_site_connection"), "id"));
  g_assert_cmpstr (s, ==, "ACTIVE");
  g_clear_pointer (&s, g_free);
  s = wait_settled (fixture, one, "ipsec-site-connections", "ipsec_site_connection",
                    json_object_get_string_member (tn_test_member (c1, "ipsec_site_connection"), "id"));
  g_assert_cmpstr (s, ==, "ACTIVE");
}

/* Pagination over thousands */

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = tn_test_url (fixture->sandbox, "RegionOne", "/v2.0/vpn/ipsec-site-connections?limit=300&fields=id");
  g_autofree char *last = NULL;
  guint pages = 0;

  while (url != NULL)
    {
      g_autoptr(TnTestResponse) response = tn_test_request ("GET", url, fixture->token, NULL);
      JsonArray *list = tn_test_list (response, "ipsec_site_connections");
      JsonObject *body = json_node_get_object (response->body);
      JsonArray *links = json_object_has_member (body, "ipsec_site_connections_links")
                         ? json_object_get_array_member (body, "ipsec_site_connections_links") : NULL;
      char *next = NULL;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpuint (json_array_get_length (list), <=, 300);
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (list, i), "id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_assert_true (last == NULL || strcmp (last, id) < 0);
          g_hash_table_add (seen, g_strdup (id));
          g_free (last);
          last = g_strdup (id);
        }
      for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (links, i), "rel"), "next"))
          next = g_strdup (json_object_get_string_member (json_array_get_object_element (links, i), "href"));
      g_free (url);
      url = next;
      pages++;
      g_assert_cmpuint (pages, <, 20);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 2500);
  g_assert_cmpuint (pages, ==, 9);

  {
    g_autofree char *reverse = g_strdup_printf ("/v2.0/vpn/ipsec-site-connections?limit=10&marker=%s&page_reverse=True", last);
    g_autoptr(TnTestResponse) response = call (fixture, "GET", "RegionOne", reverse, NULL);
    JsonArray *list = tn_test_list (response, "ipsec_site_connections");

    g_assert_cmpuint (json_array_get_length (list), ==, 10);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 9), "id"), <, last);
  }
  {
    g_autoptr(TnTestResponse) sorted = call (fixture, "GET", "RegionOne", "/v2.0/vpn/ikepolicies?limit=2&sort_key=name&sort_dir=desc", NULL);
    JsonArray *list = tn_test_list (sorted, "ikepolicies");

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "name"), ==, "ike-00249");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, seed) \
  g_test_add (path, Fixture, seed, fixture_set_up, func, fixture_tear_down)

  ADD ("/sandbox/keystone/password", test_keystone_password, NULL);
  ADD ("/sandbox/keystone/app-credential", test_keystone_app_credential, NULL);
  ADD ("/sandbox/keystone/refusals", test_keystone_refusals, NULL);
  ADD ("/sandbox/discovery", test_discovery, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dialects); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbox/crud/%s", dialects[i].region);

      g_test_add (path, Fixture, &dialects[i], fixture_set_up_empty, test_crud, fixture_tear_down);
    }
  ADD ("/sandbox/validation", test_validation, NULL);
  ADD ("/sandbox/connection-rules", test_connection_rules, "demo");
  ADD ("/sandbox/pairing/demo", test_pairing, "demo");
  ADD ("/sandbox/pairing/created", test_pairing_created, "demo");
  ADD ("/sandbox/pagination", test_pagination, "scale:2500");

  return g_test_run ();
}
