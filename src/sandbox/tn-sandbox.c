/* tn-sandbox.c: the local simulated cloud — server, routing, settling
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandbox"

#include "config.h"

#include "tn-sandbox-private.h"

typedef struct
{
  TnSandbox       *sandbox;
  TnSandboxRegion *region;
  char            *collection;
  char            *id;
  guint            source_id;
} TnSandboxSettle;

G_DEFINE_FINAL_TYPE (TnSandbox, tn_sandbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE_FILE,
  PROP_SETTLE_DELAY,
  PROP_TOKEN_LIFETIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_SETTLE_DELAY_MS 2000
#define DEFAULT_TOKEN_LIFETIME_S (3 * 60 * 60)

/* Errors */

void
_tn_neutron_error_free (TnNeutronError *error)
{
  if (error == NULL)
    return;
  g_free (error->type);
  g_free (error->message);
  g_free (error);
}

void
_tn_neutron_error_set (TnNeutronError **error,
                       guint            status,
                       const char      *type,
                       const char      *format,
                       ...)
{
  TnNeutronError *e;
  va_list args;

  if (error == NULL)
    return;
  g_return_if_fail (*error == NULL);

  e = g_new0 (TnNeutronError, 1);
  e->status = status;
  e->type = g_strdup (type);
  va_start (args, format);
  e->message = g_strdup_vprintf (format, args);
  va_end (args);
  *error = e;
}

/* Helpers */

char *
_tn_sandbox_new_uuid (void)
{
  return g_uuid_string_random ();
}

char *
_tn_sandbox_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *request_id = g_strconcat ("req-", uuid, NULL);

  soup_message_headers_replace (headers, "X-Openstack-Request-Id", request_id);
}

void
_tn_sandbox_respond_json (SoupServerMessage *msg,
                          guint              status,
                          JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *data;
  gsize length;

  set_common_headers (msg);
  soup_server_message_set_status (msg, status, NULL);
  if (node == NULL)
    return;

  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);
  soup_server_message_set_response (msg, "application/json",
                                    SOUP_MEMORY_TAKE, data, length);
}

void
_tn_sandbox_respond_object (SoupServerMessage *msg,
                            guint              status,
                            const char        *key,
                            JsonObject        *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) wrapper = NULL;

  if (key != NULL)
    {
      wrapper = json_object_new ();
      json_object_set_object_member (wrapper, key, json_object_ref (object));
      json_node_set_object (root, wrapper);
    }
  else
    json_node_set_object (root, object);

  _tn_sandbox_respond_json (msg, status, root);
}

void
_tn_sandbox_respond_neutron (SoupServerMessage *msg,
                             guint              status,
                             const char        *type,
                             const char        *message)
{
  g_autoptr(JsonObject) error = json_object_new ();
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_string_member (error, "type", type);
  json_object_set_string_member (error, "message", message);
  json_object_set_string_member (error, "detail", "");
  json_object_set_object_member (body, "NeutronError", g_steal_pointer (&error));
  _tn_sandbox_respond_object (msg, status, NULL, body);
}

void
_tn_sandbox_respond_error (SoupServerMessage    *msg,
                           const TnNeutronError *error)
{
  _tn_sandbox_respond_neutron (msg, error->status, error->type, error->message);
}

/* What keystonemiddleware answers for a missing, unknown or expired token. */
void
_tn_sandbox_respond_unauthorized (TnSandbox         *self,
                                  SoupServerMessage *msg)
{
  g_autoptr(JsonObject) error = json_object_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *challenge = g_strdup_printf ("Keystone uri=\"%s/identity\"", self->base_url);

  json_object_set_int_member (error, "code", 401);
  json_object_set_string_member (error, "title", "Unauthorized");
  json_object_set_string_member (error, "message",
                                 "The request you have made requires authentication.");
  json_object_set_object_member (body, "error", g_steal_pointer (&error));
  _tn_sandbox_respond_object (msg, SOUP_STATUS_UNAUTHORIZED, NULL, body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Www-Authenticate", challenge);
}

static void
on_server_request_cb (SoupServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  TnSandbox *self = TN_SANDBOX (user_data);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *key = g_strconcat (method, " ", path, NULL);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, key));

  g_debug ("%s %s", method, path);
  g_hash_table_replace (self->request_counts, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));

  if (_tn_sandbox_faults_apply (self, msg, method, path))
    return;

  _tn_sandbox_dispatch (self, msg);
}

/* Settling: PENDING_* and BUILD move on after the settle delay */

static void
settle_free (gpointer data)
{
  TnSandboxSettle *settle = data;

  g_clear_handle_id (&settle->source_id, g_source_remove);
  g_free (settle->collection);
  g_free (settle->id);
  g_free (settle);
}

static gboolean
on_settle_timeout_cb (gpointer user_data)
{
  TnSandboxSettle *settle = user_data;
  TnSandbox *self = settle->sandbox;
  TnSandboxRegion *region = settle->region;
  g_autofree char *collection = g_strdup (settle->collection);
  g_autofree char *id = g_strdup (settle->id);

  settle->source_id = 0;
  g_hash_table_remove (self->settle_timers, id);
  _tn_sandbox_vpn_settle (self, region, collection, id);

  return G_SOURCE_REMOVE;
}

void
_tn_sandbox_schedule_settle (TnSandbox       *self,
                             TnSandboxRegion *region,
                             const char      *collection,
                             const char      *id)
{
  TnSandboxSettle *settle = g_new0 (TnSandboxSettle, 1);

  settle->sandbox = self;
  settle->region = region;
  settle->collection = g_strdup (collection);
  settle->id = g_strdup (id);
  settle->source_id = g_timeout_add (self->settle_delay, on_settle_timeout_cb, settle);
  g_hash_table_replace (self->settle_timers, g_strdup (id), settle);
}

void
_tn_sandbox_cancel_settle (TnSandbox  *self,
                           const char *id)
{
  g_hash_table_remove (self->settle_timers, id);
}

/* GObject */

static void
tn_sandbox_finalize (GObject *object)
{
  TnSandbox *self = (TnSandbox *)object;

  tn_sandbox_stop (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->settle_timers, g_hash_table_unref);
  g_clear_pointer (&self->delayed, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_hash_table_unref);
  g_clear_pointer (&self->app_credentials, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->state_file, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->identity_url, g_free);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->admin_project_id, g_free);
  g_clear_pointer (&self->user_id, g_free);

  G_OBJECT_CLASS (tn_sandbox_parent_class)->finalize (object);
}

static void
tn_sandbox_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TnSandbox *self = TN_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_STATE_FILE:
      g_value_set_string (value, self->state_file);
      break;
    case PROP_SETTLE_DELAY:
      g_value_set_uint (value, self->settle_delay);
      break;
    case PROP_TOKEN_LIFETIME:
      g_value_set_uint (value, self->token_lifetime);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_sandbox_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TnSandbox *self = TN_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_STATE_FILE:
      self->state_file = g_value_dup_string (value);
      break;
    case PROP_SETTLE_DELAY:
      tn_sandbox_set_settle_delay (self, g_value_get_uint (value));
      break;
    case PROP_TOKEN_LIFETIME:
      tn_sandbox_set_token_lifetime (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_sandbox_class_init (TnSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tn_sandbox_finalize;
  object_class->get_property = tn_sandbox_get_property;
  object_class->set_property = tn_sandbox_set_property;

  /**
   * TnSandbox:state-file:
   *
   * The JSON file the state persists in, or %NULL to keep it in memory.
   */
  properties[PROP_STATE_FILE] =
    g_param_spec_string ("state-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TnSandbox:settle-delay:
   *
   * Milliseconds a resource stays PENDING_* or BUILD before it settles.
   */
  properties[PROP_SETTLE_DELAY] =
    g_param_spec_uint ("settle-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_SETTLE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TnSandbox:token-lifetime:
   *
   * Seconds a Keystone token is valid for.
   */
  properties[PROP_TOKEN_LIFETIME] =
    g_param_spec_uint ("token-lifetime", NULL, NULL, 1, G_MAXUINT, DEFAULT_TOKEN_LIFETIME_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_sandbox_init (TnSandbox *self)
{
  self->settle_delay = DEFAULT_SETTLE_DELAY_MS;
  self->token_lifetime = DEFAULT_TOKEN_LIFETIME_S;
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) _tn_sandbox_region_free);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->app_credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) _tn_sandbox_fault_free);
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settle_timers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, settle_free);
  self->delayed = g_ptr_array_new_with_free_func (_tn_sandbox_delayed_free);
  self->project_id = g_compute_checksum_for_string (G_CHECKSUM_MD5, "tunnels-sandbox:project:" TN_SANDBOX_PROJECT, -1);
  self->admin_project_id = g_compute_checksum_for_string (G_CHECKSUM_MD5,
                                                          "tunnels-sandbox:project:" TN_SANDBOX_ADMIN_PROJECT, -1);
  self->user_id = g_compute_checksum_for_string (G_CHECKSUM_MD5, "tunnels-sandbox:user:" TN_SANDBOX_USER, -1);
  self->base_url = g_strdup ("http://127.0.0.1");
  g_hash_table_insert (self->users, g_strdup (TN_SANDBOX_USER), g_strdup (TN_SANDBOX_PASSWORD));
  g_hash_table_insert (self->users, g_strdup (TN_SANDBOX_ADMIN_USER), g_strdup (TN_SANDBOX_ADMIN_PASSWORD));
}

/* API */

/**
 * tn_sandbox_new:
 * @state_file: (nullable): where the state persists, or %NULL
 *
 * Creates the sandbox cloud and loads its state from @state_file if that
 * exists. A state that cannot be read is reported with g_warning() and
 * replaced by an empty cloud.
 *
 * Returns: (transfer full): a new #TnSandbox, not yet listening
 */
TnSandbox *
tn_sandbox_new (const char *state_file)
{
  TnSandbox *self = g_object_new (TN_TYPE_SANDBOX, "state-file", state_file, NULL);
  g_autoptr(GError) error = NULL;

  _tn_sandbox_add_regions (self);
  if (!_tn_sandbox_load (self, &error))
    g_warning ("Could not load the sandbox state: %s", error->message);

  return self;
}

/**
 * tn_sandbox_listen:
 * @self: a #TnSandbox
 * @port: the TCP port on 127.0.0.1, or 0 for any free port
 * @error: return location for a #GError
 *
 * Starts answering on 127.0.0.1 from the thread-default main context.
 *
 * Returns: %TRUE if the server listens
 */
gboolean
tn_sandbox_listen (TnSandbox  *self,
                   guint       port,
                   GError    **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  g_return_val_if_fail (TN_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  server = soup_server_new (NULL, NULL);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, port);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  g_free (self->identity_url);
  self->identity_url = g_strdup_printf ("%s/identity/v3", self->base_url);

  soup_server_add_handler (server, NULL, on_server_request_cb, self, NULL);
  self->server = g_steal_pointer (&server);
  g_debug ("Listening on %s", self->base_url);

  return TRUE;
}

/**
 * tn_sandbox_stop:
 * @self: a #TnSandbox
 *
 * Stops answering, settles nothing more and writes the state file if it
 * has unsaved changes.
 */
void
tn_sandbox_stop (TnSandbox *self)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  g_hash_table_remove_all (self->settle_timers);
  g_ptr_array_set_size (self->delayed, 0);

  if (self->save_source != 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->save_source, g_source_remove);
      if (!tn_sandbox_save (self, &error))
        g_warning ("Could not save the sandbox state: %s", error->message);
    }
}

guint
tn_sandbox_get_port (TnSandbox *self)
{
  g_return_val_if_fail (TN_IS_SANDBOX (self), 0);

  return self->port;
}

/**
 * tn_sandbox_get_identity_url:
 * @self: a #TnSandbox
 *
 * Gets what a client puts in as the identity (auth) URL, like
 * `OS_AUTH_URL`: `http://127.0.0.1:PORT/identity/v3`. Tokens are issued at
 * `<identity URL>/auth/tokens`.
 *
 * Returns: (nullable): the URL, or %NULL before tn_sandbox_listen()
 */
const char *
tn_sandbox_get_identity_url (TnSandbox *self)
{
  g_return_val_if_fail (TN_IS_SANDBOX (self), NULL);

  return self->identity_url;
}

void
tn_sandbox_set_settle_delay (TnSandbox *self,
                             guint      milliseconds)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  if (self->settle_delay == milliseconds)
    return;
  self->settle_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLE_DELAY]);
}

void
tn_sandbox_set_token_lifetime (TnSandbox *self,
                               guint      seconds)
{
  g_return_if_fail (TN_IS_SANDBOX (self));
  g_return_if_fail (seconds > 0);

  if (self->token_lifetime == seconds)
    return;
  self->token_lifetime = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_LIFETIME]);
}

/**
 * tn_sandbox_dup_tokens:
 *
 * For tests that look for leaks: the tokens the sandbox handed out and
 * still honours.
 *
 * Returns: (transfer full): a %NULL-terminated array of tokens
 */
char **
tn_sandbox_dup_tokens (TnSandbox *self)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (TN_IS_SANDBOX (self), NULL);

  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (tokens, g_strdup (key));
  g_ptr_array_add (tokens, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

/**
 * tn_sandbox_expire_tokens:
 * @self: a #TnSandbox
 *
 * Makes every token issued so far invalid, as if they had expired.
 */
void
tn_sandbox_expire_tokens (TnSandbox *self)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  g_hash_table_remove_all (self->tokens);
}

/**
 * tn_sandbox_add_user:
 * @self: a #TnSandbox
 * @user: a user name in the domain %TN_SANDBOX_USER_DOMAIN
 * @password: the password
 *
 * Adds (or changes) a user who may sign in to the demo project, as a
 * member (roles member and reader). %TN_SANDBOX_ADMIN_USER stays the
 * administrator of project %TN_SANDBOX_ADMIN_PROJECT; this only changes
 * its password.
 */
void
tn_sandbox_add_user (TnSandbox  *self,
                     const char *user,
                     const char *password)
{
  g_return_if_fail (TN_IS_SANDBOX (self));
  g_return_if_fail (user != NULL && password != NULL);

  g_hash_table_replace (self->users, g_strdup (user), g_strdup (password));
}

/**
 * tn_sandbox_add_app_credential:
 * @self: a #TnSandbox
 * @id: the application credential's id
 * @secret: its secret
 *
 * Adds an application credential of the demo user on the demo project.
 */
void
tn_sandbox_add_app_credential (TnSandbox  *self,
                               const char *id,
                               const char *secret)
{
  g_return_if_fail (TN_IS_SANDBOX (self));
  g_return_if_fail (id != NULL && secret != NULL);

  g_hash_table_replace (self->app_credentials, g_strdup (id), g_strdup (secret));
}

/**
 * tn_sandbox_settle_now:
 * @self: a #TnSandbox
 *
 * Settles at once every resource that waits for its settle delay, as a
 * VPN agent reporting in would.
 */
void
tn_sandbox_settle_now (TnSandbox *self)
{
  g_return_if_fail (TN_IS_SANDBOX (self));

  g_hash_table_remove_all (self->settle_timers);
  _tn_sandbox_vpn_settle_all (self);
}

/**
 * tn_sandbox_seed:
 * @self: a #TnSandbox
 * @seed: `demo`, or `scale:N` for N connections with their policies
 * @error: return location for a #GError
 *
 * Fills the cloud with resources, replacing what every region had.
 *
 * Returns: %TRUE on success, %FALSE if @seed is not known
 */
gboolean
tn_sandbox_seed (TnSandbox   *self,
                 const char  *seed,
                 GError     **error)
{
  g_return_val_if_fail (TN_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (seed != NULL, FALSE);

  if (g_str_equal (seed, "demo"))
    return _tn_sandbox_seed_demo (self, error);

  if (g_str_has_prefix (seed, "scale:"))
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (seed + strlen ("scale:"), 10, 1, 1000000, &n, NULL))
        return _tn_sandbox_seed_scale (self, (guint) n, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Unknown seed “%s” (expected “demo” or “scale:N”)", seed);
  return FALSE;
}
