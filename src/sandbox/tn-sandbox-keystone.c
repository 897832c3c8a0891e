/* tn-sandbox-keystone.c: the sandbox's Keystone v3 (tokens and catalog)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxKeystone"

#include "config.h"

#include "tn-sandbox-private.h"

/* Tokens, passwords and secrets never reach a log from this file: only
 * user names, credential ids and outcomes do. */

typedef struct
{
  gint64   expires_at;  /* µs, real time */
  gboolean scoped;
  gboolean admin;       /* the administrator's, scoped to project admin */
} TnSandboxToken;

#define DOMAIN_ID "default"

static void
respond_keystone_error (TnSandbox         *self,
                        SoupServerMessage *msg,
                        guint              code,
                        const char        *message)
{
  g_autoptr(JsonObject) error = json_object_new ();
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_int_member (error, "code", code);
  json_object_set_string_member (error, "title", soup_status_get_phrase (code));
  json_object_set_string_member (error, "message", message);
  json_object_set_object_member (body, "error", g_steal_pointer (&error));
  _tn_sandbox_respond_object (msg, code, NULL, body);

  if (code == SOUP_STATUS_UNAUTHORIZED)
    {
      g_autofree char *challenge = g_strdup_printf ("Keystone uri=\"%s/identity\"", self->base_url);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Www-Authenticate", challenge);
    }
}

static void
respond_unauthorized (TnSandbox         *self,
                      SoupServerMessage *msg)
{
  respond_keystone_error (self, msg, SOUP_STATUS_UNAUTHORIZED,
                          "The request you have made requires authentication.");
}

static char *
new_token (void)
{
  guint8 bytes[48];

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    bytes[i] = g_random_int_range (0, 256);

  return g_base64_encode (bytes, sizeof bytes);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000000Z");
}

static char *
make_id (const char *kind,
         const char *name)
{
  g_autofree char *seed = g_strconcat ("tunnels-sandbox:", kind, ":", name, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);
}

/* The catalog */

static JsonObject *
new_endpoint (const char *service_type,
              const char *interface,
              const char *region,
              const char *url)
{
  JsonObject *endpoint = json_object_new ();
  g_autofree char *seed = g_strconcat (service_type, "/", interface, "/", region, NULL);
  g_autofree char *id = make_id ("endpoint", seed);

  json_object_set_string_member (endpoint, "id", id);
  json_object_set_string_member (endpoint, "interface", interface);
  json_object_set_string_member (endpoint, "region_id", region);
  json_object_set_string_member (endpoint, "url", url);
  json_object_set_string_member (endpoint, "region", region);
  return endpoint;
}

static void
add_endpoints (JsonArray  *endpoints,
               const char *service_type,
               const char *region,
               const char *url)
{
  static const char * const interfaces[] = { "public", "internal", "admin" };

  for (guint i = 0; i < G_N_ELEMENTS (interfaces); i++)
    json_array_add_object_element (endpoints, new_endpoint (service_type, interfaces[i], region, url));
}

static JsonArray *
build_catalog (TnSandbox *self)
{
  JsonArray *catalog = json_array_new ();
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  JsonObject *identity = json_object_new ();
  JsonArray *identity_endpoints = json_array_new ();
  g_autofree char *identity_id = make_id ("service", "identity");

  for (guint i = 0; i < self->regions->len; i++)
    {
      TnSandboxRegion *region = g_ptr_array_index (self->regions, i);
      const char * const *types = _tn_sandbox_region_service_types (region);

      add_endpoints (identity_endpoints, "identity", region->name, self->identity_url);
      for (guint j = 0; types[j] != NULL; j++)
        {
          JsonArray *endpoints = g_hash_table_lookup (services, types[j]);
          g_autofree char *url = g_strdup_printf ("%s/%s/%s", self->base_url,
                                                  _tn_sandbox_endpoint_for_type (types[j]), region->name);

          if (endpoints == NULL)
            {
              endpoints = json_array_new ();
              g_hash_table_insert (services, (gpointer) types[j], endpoints);
              g_ptr_array_add (order, (gpointer) types[j]);
            }
          add_endpoints (endpoints, types[j], region->name, url);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *type = g_ptr_array_index (order, i);
      JsonObject *service = json_object_new ();
      g_autofree char *id = make_id ("service", type);

      json_object_set_array_member (service, "endpoints", g_hash_table_lookup (services, type));
      json_object_set_string_member (service, "id", id);
      json_object_set_string_member (service, "type", type);
      json_object_set_string_member (service, "name", g_str_equal (type, "network") ? "neutron" : type);
      json_array_add_object_element (catalog, service);
    }

  json_object_set_array_member (identity, "endpoints", identity_endpoints);
  json_object_set_string_member (identity, "id", identity_id);
  json_object_set_string_member (identity, "type", "identity");
  json_object_set_string_member (identity, "name", "keystone");
  json_array_add_object_element (catalog, identity);

  return catalog;
}

/* Token bodies */

static JsonObject *
new_named (const char *id,
           const char *name,
           gboolean    with_domain)
{
  JsonObject *object = json_object_new ();

  if (with_domain)
    {
      JsonObject *domain = json_object_new ();

      json_object_set_string_member (domain, "id", DOMAIN_ID);
      json_object_set_string_member (domain, "name", TN_SANDBOX_USER_DOMAIN);
      json_object_set_object_member (object, "domain", domain);
    }
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);
  return object;
}

static gboolean
is_admin_user (const char *user)
{
  return g_strcmp0 (user, TN_SANDBOX_ADMIN_USER) == 0;
}

/* The roles a user has in the one project it may sign in to: the
 * administrator admin, member and reader; everybody else (the demo user,
 * users added with tn_sandbox_add_user()) member and reader, as a project
 * user of a real cloud. */
static void
add_roles (JsonObject *token,
           gboolean    admin)
{
  static const char * const roles[] = { "admin", "member", "reader" };
  JsonArray *role_list = json_array_new ();

  for (guint i = admin ? 0 : 1; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *role_id = make_id ("role", roles[i]);

      json_array_add_object_element (role_list, new_named (role_id, roles[i], FALSE));
    }
  json_object_set_array_member (token, "roles", role_list);
}

static JsonObject *
build_token (TnSandbox  *self,
             const char *method,
             const char *user,
             gboolean    scoped,
             const char *app_credential_id,
             gint64      issued_at,
             gint64      expires_at)
{
  JsonObject *token = json_object_new ();
  JsonArray *methods = json_array_new ();
  JsonArray *audit_ids = json_array_new ();
  JsonObject *user_object;
  g_autofree char *user_id = g_str_equal (user, TN_SANDBOX_USER) ? g_strdup (self->user_id) : make_id ("user", user);
  g_autofree char *issued = format_time (issued_at);
  g_autofree char *expires = format_time (expires_at);
  g_autofree char *audit = make_id ("audit", issued);

  json_array_add_string_element (methods, method);
  json_object_set_array_member (token, "methods", methods);
  user_object = new_named (user_id, user, TRUE);
  json_object_set_null_member (user_object, "password_expires_at");
  json_object_set_object_member (token, "user", user_object);
  json_array_add_string_element (audit_ids, audit);
  json_object_set_array_member (token, "audit_ids", audit_ids);
  json_object_set_string_member (token, "expires_at", expires);
  json_object_set_string_member (token, "issued_at", issued);

  if (scoped)
    {
      gboolean admin = is_admin_user (user);

      json_object_set_object_member (token, "project",
                                     admin ? new_named (self->admin_project_id, TN_SANDBOX_ADMIN_PROJECT, TRUE)
                                           : new_named (self->project_id, TN_SANDBOX_PROJECT, TRUE));
      json_object_set_boolean_member (token, "is_domain", FALSE);
      add_roles (token, admin);
      json_object_set_array_member (token, "catalog", build_catalog (self));
    }

  if (app_credential_id != NULL)
    {
      JsonObject *credential = new_named (app_credential_id, app_credential_id, FALSE);

      json_object_set_boolean_member (credential, "restricted", TRUE);
      json_object_set_object_member (token, "application_credential", credential);
    }

  return token;
}

/* Request parsing */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
domain_is_default (JsonObject *domain)
{
  const char *id = get_string (domain, "id");
  const char *name = get_string (domain, "name");

  if (id != NULL)
    return g_str_equal (id, DOMAIN_ID);
  return name != NULL && g_str_equal (name, TN_SANDBOX_USER_DOMAIN);
}

/* Returns whether the scope names the one project @user has roles in
 * (admin for the administrator, demo for everybody else); *scoped tells
 * whether there was a scope at all. */
static gboolean
check_scope (TnSandbox  *self,
             JsonObject *auth,
             const char *user,
             gboolean   *scoped)
{
  JsonObject *scope = get_object (auth, "scope");
  JsonObject *project = get_object (scope, "project");
  const char *id = get_string (project, "id");
  const char *name = get_string (project, "name");
  gboolean admin = is_admin_user (user);

  *scoped = scope != NULL;
  if (scope == NULL)
    return TRUE;
  if (project == NULL)
    return FALSE;
  if (id != NULL)
    return g_str_equal (id, admin ? self->admin_project_id : self->project_id);
  return name != NULL && g_str_equal (name, admin ? TN_SANDBOX_ADMIN_PROJECT : TN_SANDBOX_PROJECT)
         && domain_is_default (get_object (project, "domain"));
}

static void
issue_token (TnSandbox         *self,
             SoupServerMessage *msg)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *auth, *identity;
  JsonNode *root;
  const char *user = NULL;
  const char *method = NULL;
  const char *credential_id = NULL;
  gboolean scoped = FALSE;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) body = NULL;
  TnSandboxToken *stored;
  gint64 now = g_get_real_time ();

  if (request->length == 0
      || !json_parser_load_from_data (parser, request->data, request->length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    {
      respond_keystone_error (self, msg, SOUP_STATUS_BAD_REQUEST, "Malformed request body.");
      return;
    }

  auth = get_object (json_node_get_object (root), "auth");
  identity = get_object (auth, "identity");
  if (identity == NULL)
    {
      respond_keystone_error (self, msg, SOUP_STATUS_BAD_REQUEST,
                              "Invalid input for field 'identity': 'identity' is a required property");
      return;
    }

  if (get_object (identity, "application_credential") != NULL)
    {
      JsonObject *credential = get_object (identity, "application_credential");
      const char *secret = get_string (credential, "secret");
      const char *expected;

      method = "application_credential";
      credential_id = get_string (credential, "id");
      expected = credential_id ? g_hash_table_lookup (self->app_credentials, credential_id) : NULL;
      if (expected == NULL || secret == NULL || !g_str_equal (expected, secret))
        {
          g_debug ("Application credential %s refused", credential_id ? credential_id : "(none)");
          respond_unauthorized (self, msg);
          return;
        }
      user = TN_SANDBOX_USER;
      scoped = TRUE;
    }
  else if (get_object (identity, "password") != NULL)
    {
      JsonObject *user_object = get_object (get_object (identity, "password"), "user");
      const char *password = get_string (user_object, "password");
      const char *user_id = get_string (user_object, "id");
      const char *expected;
      g_autofree char *admin_id = make_id ("user", TN_SANDBOX_ADMIN_USER);

      method = "password";
      user = get_string (user_object, "name");
      if (user == NULL && user_id != NULL && g_str_equal (user_id, self->user_id))
        user = TN_SANDBOX_USER;
      else if (user == NULL && user_id != NULL && g_str_equal (user_id, admin_id))
        user = TN_SANDBOX_ADMIN_USER;
      else if (user != NULL && !domain_is_default (get_object (user_object, "domain")))
        user = NULL;

      expected = user ? g_hash_table_lookup (self->users, user) : NULL;
      if (expected == NULL || password == NULL || !g_str_equal (expected, password))
        {
          g_debug ("Password of user %s refused", user ? user : "(unknown)");
          respond_unauthorized (self, msg);
          return;
        }
      if (!check_scope (self, auth, user, &scoped))
        {
          g_debug ("User %s asked for an unknown project", user);
          respond_unauthorized (self, msg);
          return;
        }
    }
  else
    {
      respond_keystone_error (self, msg, SOUP_STATUS_BAD_REQUEST,
                              "Invalid input for field 'identity': no supported method");
      return;
    }

  token = new_token ();
  stored = g_new0 (TnSandboxToken, 1);
  stored->expires_at = now + (gint64) self->token_lifetime * G_USEC_PER_SEC;
  stored->scoped = scoped;
  stored->admin = scoped && is_admin_user (user);
  body = json_object_new ();
  json_object_set_object_member (body, "token",
                                 build_token (self, method, user, scoped, credential_id,
                                              now, stored->expires_at));
  g_hash_table_replace (self->tokens, g_strdup (token), stored);

  g_debug ("Issued a %s token to %s (%s)", scoped ? "project" : "unscoped", user, method);
  _tn_sandbox_respond_object (msg, SOUP_STATUS_CREATED, NULL, body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Subject-Token", token);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Vary", "X-Auth-Token");
}

static TnSandboxToken *
lookup_token (TnSandbox  *self,
              const char *token)
{
  TnSandboxToken *stored;

  if (token == NULL)
    return NULL;
  stored = g_hash_table_lookup (self->tokens, token);
  if (stored == NULL)
    return NULL;
  if (stored->expires_at <= g_get_real_time ())
    {
      g_hash_table_remove (self->tokens, token);
      return NULL;
    }
  return stored;
}

/* GET/HEAD/DELETE /v3/auth/tokens with X-Subject-Token */
static void
handle_subject_token (TnSandbox         *self,
                      SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *subject = soup_message_headers_get_one (headers, "X-Subject-Token");
  TnSandboxToken *caller = lookup_token (self, soup_message_headers_get_one (headers, "X-Auth-Token"));
  TnSandboxToken *stored = lookup_token (self, subject);

  if (caller == NULL)
    {
      respond_unauthorized (self, msg);
      return;
    }
  if (stored == NULL)
    {
      respond_keystone_error (self, msg, SOUP_STATUS_NOT_FOUND, "Could not find token.");
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_DELETE))
    {
      g_hash_table_remove (self->tokens, subject);
      _tn_sandbox_respond_json (msg, SOUP_STATUS_NO_CONTENT, NULL);
    }
  else
    {
      g_autoptr(JsonObject) body = json_object_new ();
      gint64 issued = stored->expires_at - (gint64) self->token_lifetime * G_USEC_PER_SEC;

      json_object_set_object_member (body, "token",
                                     build_token (self, "password",
                                                  stored->admin ? TN_SANDBOX_ADMIN_USER : TN_SANDBOX_USER,
                                                  stored->scoped, NULL, issued, stored->expires_at));
      _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "X-Subject-Token", subject);
    }
}

static JsonObject *
new_version (TnSandbox *self)
{
  JsonObject *version = json_object_new ();
  JsonArray *links = json_array_new ();
  JsonArray *media_types = json_array_new ();
  JsonObject *link = json_object_new ();
  JsonObject *media = json_object_new ();
  g_autofree char *href = g_strdup_printf ("%s/", self->identity_url);

  json_object_set_string_member (version, "id", "v3.14");
  json_object_set_string_member (version, "status", "stable");
  json_object_set_string_member (version, "updated", "2020-04-07T00:00:00Z");
  json_object_set_string_member (link, "rel", "self");
  json_object_set_string_member (link, "href", href);
  json_array_add_object_element (links, link);
  json_object_set_array_member (version, "links", links);
  json_object_set_string_member (media, "base", "application/json");
  json_object_set_string_member (media, "type", "application/vnd.openstack.identity-v3+json");
  json_array_add_object_element (media_types, media);
  json_object_set_array_member (version, "media-types", media_types);
  return version;
}

/**
 * _tn_sandbox_keystone_handle:
 * @path: the path after `/identity`
 *
 * Answers Keystone requests: version discovery and `/v3/auth/tokens`.
 */
void
_tn_sandbox_keystone_handle (TnSandbox         *self,
                             SoupServerMessage *msg,
                             const char        *path)
{
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *trimmed = g_strdup (path);
  g_autoptr(JsonObject) body = json_object_new ();

  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  if (g_str_equal (trimmed, "/v3/auth/tokens"))
    {
      if (g_str_equal (method, SOUP_METHOD_POST))
        issue_token (self, msg);
      else if (g_str_equal (method, SOUP_METHOD_GET) || g_str_equal (method, SOUP_METHOD_HEAD)
               || g_str_equal (method, SOUP_METHOD_DELETE))
        handle_subject_token (self, msg);
      else
        respond_keystone_error (self, msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                "The method specified is not allowed for the requested URL.");
    }
  else if (g_str_equal (trimmed, "/v3") && g_str_equal (method, SOUP_METHOD_GET))
    {
      json_object_set_object_member (body, "version", new_version (self));
      _tn_sandbox_respond_object (msg, SOUP_STATUS_OK, NULL, body);
    }
  else if (trimmed[0] == '\0' && g_str_equal (method, SOUP_METHOD_GET))
    {
      JsonObject *versions = json_object_new ();
      JsonArray *values = json_array_new ();

      json_array_add_object_element (values, new_version (self));
      json_object_set_array_member (versions, "values", values);
      json_object_set_object_member (body, "versions", versions);
      _tn_sandbox_respond_object (msg, SOUP_STATUS_MULTIPLE_CHOICES, NULL, body);
    }
  else
    respond_keystone_error (self, msg, SOUP_STATUS_NOT_FOUND, "The resource could not be found.");
}

/**
 * _tn_sandbox_authenticate:
 * @caller: (out): who the token's holder is
 *
 * Whether the request carries a known, unexpired, project-scoped token in
 * `X-Auth-Token`; if it does, fills in @caller as Keystone middleware
 * tells Neutron: the token's project and whether it has the admin role.
 */
gboolean
_tn_sandbox_authenticate (TnSandbox         *self,
                          SoupServerMessage *msg,
                          TnSandboxCaller   *caller)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  TnSandboxToken *stored = lookup_token (self, soup_message_headers_get_one (headers, "X-Auth-Token"));

  if (stored == NULL || !stored->scoped)
    return FALSE;
  _tn_sandbox_caller_init (self, caller, stored->admin);
  return TRUE;
}

/**
 * _tn_sandbox_caller_init:
 * @admin: the administrator (project admin) rather than a demo project
 *   member
 *
 * Fills in @caller for the seeds, which act as a user of the cloud would.
 */
void
_tn_sandbox_caller_init (TnSandbox       *self,
                         TnSandboxCaller *caller,
                         gboolean         admin)
{
  caller->project_id = admin ? self->admin_project_id : self->project_id;
  caller->admin = admin;
}

void
_tn_sandbox_forget_token (TnSandbox         *self,
                          SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *token = soup_message_headers_get_one (headers, "X-Auth-Token");

  if (token != NULL)
    g_hash_table_remove (self->tokens, token);
}

const char *
tn_sandbox_get_project_id (TnSandbox *self)
{
  g_return_val_if_fail (TN_IS_SANDBOX (self), NULL);

  return self->project_id;
}
