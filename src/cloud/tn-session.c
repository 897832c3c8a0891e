/* tn-session.c: one signed-in account: Keystone auth and the VPNaaS API
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSession"

#include "config.h"

#include <string.h>


#include "tn-catalog.h"
#include "tn-cloud-error.h"
#include "tn-json.h"
#include "tn-logger.h"
#include "tn-session-private.h"
#include "tn-tls-database.h"
#include "tn-wipe.h"

/*
 * A TnSession holds one account's token and endpoints. It signs in with
 * POST {identity}/v3/auth/tokens, scoped to the project; the token comes in
 * X-Subject-Token and the endpoints from the token's catalog, by the service
 * types of the region table. When a request meets a 401 the token is
 * dropped, one authentication is made for every request waiting at that
 * moment, and each request is retried once (tn-session-request.c).
 *
 * The account's secret and the token live only here, and are wiped when
 * replaced or when the session goes away. HTTP traces go to g_debug() in
 * this log domain, redacted by tn-logger.c.
 */

#define DEFAULT_TIMEOUT_MSEC (60 * 1000)
#define DEFAULT_POLL_FIRST_MSEC (2 * 1000)
#define DEFAULT_POLL_MAX_MSEC (30 * 1000)
#define EXPIRY_MARGIN_SEC 60

struct _TnSession
{
  GObject                parent_instance;

  TnAccount             *account;
  char                  *secret;
  const TnRegionProfile *profile;
  SoupSession           *soup;

  /* What the last authentication gave */
  char                  *token;
  guint                  token_serial;
  GDateTime             *expires_at;
  char                  *project_id;
  char                  *network_url;
  char                  *vpn_url;

  /* The authentication in flight, and the GTasks waiting for it */
  GCancellable          *auth_cancellable;
  GPtrArray             *auth_waiters;

  guint                  timeout_msec;
  guint                  page_size;
  guint                  poll_first_msec;
  guint                  poll_max_msec;
};

G_DEFINE_FINAL_TYPE (TnSession, tn_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_TIMEOUT,
  PROP_PAGE_SIZE,
  PROP_SIGNED_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  TnSession *self;
  GTask     *task;
  gulong     cancelled_id;
} Waiter;

static void start_authentication (TnSession *self);

static void
on_logger_print_cb (SoupLogger         *logger,
                    SoupLoggerLogLevel  level,
                    char                direction,
                    const char         *data,
                    gpointer            user_data)
{
  TnSession *self = user_data;
  g_autofree char *line = tn_logger_redact (data);

  tn_logger_scrub (line, self->secret);
  tn_logger_scrub (line, self->token);

  g_debug ("%c %s", direction, line);
}

static void
clear_token (TnSession *self)
{
  gboolean was_signed_in = self->token != NULL;

  tn_wipe_clear (&self->token);
  g_clear_pointer (&self->expires_at, g_date_time_unref);

  if (was_signed_in)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

static void
waiter_free (Waiter *waiter)
{
  GCancellable *cancellable = g_task_get_cancellable (waiter->task);

  if (waiter->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, waiter->cancelled_id);

  g_object_unref (waiter->task);
  g_free (waiter);
}

static void
tn_session_dispose (GObject *object)
{
  TnSession *self = (TnSession *)object;

  g_cancellable_cancel (self->auth_cancellable);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (tn_session_parent_class)->dispose (object);
}

static void
tn_session_finalize (GObject *object)
{
  TnSession *self = (TnSession *)object;

  clear_token (self);
  tn_wipe_clear (&self->secret);
  g_clear_object (&self->account);
  g_clear_object (&self->auth_cancellable);
  g_clear_pointer (&self->auth_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->network_url, g_free);
  g_clear_pointer (&self->vpn_url, g_free);

  G_OBJECT_CLASS (tn_session_parent_class)->finalize (object);
}

static void
tn_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TnSession *self = TN_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_msec);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, tn_session_is_signed_in (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TnSession *self = TN_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_TIMEOUT:
      tn_session_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_PAGE_SIZE:
      tn_session_set_page_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tn_session_constructed (GObject *object)
{
  TnSession *self = (TnSession *)object;

  G_OBJECT_CLASS (tn_session_parent_class)->constructed (object);

  g_assert (self->account != NULL);

  self->profile = tn_region_profile_lookup (tn_account_get_region (self->account));
  self->soup = soup_session_new_with_options ("user-agent", "Tunnels/" PACKAGE_VERSION, NULL);

  /* Only pay for the traces when someone reads them. */
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_BODY);

      soup_logger_set_max_body_size (logger, 64 * 1024);
      soup_logger_set_printer (logger, on_logger_print_cb, self, NULL);
      soup_session_add_feature (self->soup, SOUP_SESSION_FEATURE (logger));
    }
}

static void
tn_session_class_init (TnSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tn_session_constructed;
  object_class->dispose = tn_session_dispose;
  object_class->finalize = tn_session_finalize;
  object_class->get_property = tn_session_get_property;
  object_class->set_property = tn_session_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, TN_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Milliseconds a request may take, from sending to the last byte; 0: no limit. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_MSEC,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The `limit` of list requests; 0: the server's default. */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tn_session_init (TnSession *self)
{
  self->timeout_msec = DEFAULT_TIMEOUT_MSEC;
  self->poll_first_msec = DEFAULT_POLL_FIRST_MSEC;
  self->poll_max_msec = DEFAULT_POLL_MAX_MSEC;
  self->auth_waiters = g_ptr_array_new ();
}

/* Authentication */

static JsonObject *
build_auth_body (TnSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TnAccount *account = self->account;
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "auth");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "identity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "methods");
  json_builder_begin_array (builder);

  if (tn_account_get_auth_method (account) == TN_AUTH_APPLICATION_CREDENTIAL)
    {
      /* An application credential carries its own scope; Keystone refuses
       * a scope next to it. */
      json_builder_add_string_value (builder, "application_credential");
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "application_credential");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tn_account_get_application_credential_id (account));
      json_builder_set_member_name (builder, "secret");
      json_builder_add_string_value (builder, self->secret ? self->secret : "");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_string_value (builder, "password");
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "password");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "user");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tn_account_get_user_name (account));
      json_builder_set_member_name (builder, "domain");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tn_account_get_user_domain (account));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, self->secret ? self->secret : "");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "scope");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "project");
      json_builder_begin_object (builder);
      if (tn_account_get_project_id (account) != NULL)
        {
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, tn_account_get_project_id (account));
        }
      else
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tn_account_get_project_name (account));
          json_builder_set_member_name (builder, "domain");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tn_account_get_project_domain (account));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_object_ref (json_node_get_object (root));
}

static char *
build_auth_url (TnSession *self)
{
  g_autofree char *base = g_strdup (tn_account_get_identity_url (self->account));
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  if (g_str_has_suffix (base, "/v3"))
    return g_strconcat (base, "/auth/tokens", NULL);

  return g_strconcat (base, "/v3/auth/tokens", NULL);
}

/* Reads the token, its expiry, the project and the endpoints. */
static gboolean
read_token (TnSession    *self,
            SoupMessage  *message,
            GBytes       *body,
            GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *network_url = NULL;
  g_autofree char *vpn_url = NULL;
  JsonObject *token, *project;
  JsonNode *catalog;
  const char *subject, *expires;
  const char *region = tn_account_get_region (self->account);

  subject = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                          "X-Subject-Token");
  if (subject == NULL || *subject == '\0')
    {
      tn_cloud_set_bad_response (error, "no X-Subject-Token");
      return FALSE;
    }

  root = tn_json_parse_bytes (body, error);
  if (root == NULL)
    return FALSE;

  token = tn_json_get_member_object (root, "token", error);
  if (token == NULL)
    return FALSE;

  catalog = json_object_get_member (token, "catalog");
  if (catalog == NULL || !JSON_NODE_HOLDS_ARRAY (catalog))
    {
      tn_cloud_set_bad_response (error, "a token without a catalog");
      return FALSE;
    }

  network_url = tn_catalog_find_endpoint (json_node_get_array (catalog),
                                          tn_region_profile_get_service_types (self->profile),
                                          region, "public", error);
  if (network_url == NULL)
    return FALSE;

  vpn_url = tn_catalog_find_endpoint (json_node_get_array (catalog),
                                      tn_region_profile_get_vpn_service_types (self->profile),
                                      region, "public", error);
  if (vpn_url == NULL)
    return FALSE;

  clear_token (self);
  self->token = g_strdup (subject);
  self->token_serial++;

  expires = json_object_get_string_member_with_default (token, "expires_at", NULL);
  self->expires_at = expires ? g_date_time_new_from_iso8601 (expires, NULL) : NULL;

  project = json_object_get_object_member (token, "project");
  g_free (self->project_id);
  self->project_id = project ? g_strdup (json_object_get_string_member_with_default (project, "id", NULL)) : NULL;

  g_free (self->network_url);
  self->network_url = g_steal_pointer (&network_url);
  g_free (self->vpn_url);
  self->vpn_url = g_steal_pointer (&vpn_url);

  g_debug ("Signed in to %s, project %s, network %s, VPN %s",
           region, self->project_id, self->network_url, self->vpn_url);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);

  return TRUE;
}

static void
complete_waiters (TnSession    *self,
                  const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->auth_waiters);

  self->auth_waiters = g_ptr_array_new ();

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);
      g_autoptr(GTask) task = g_object_ref (waiter->task);

      waiter_free (waiter);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
on_auth_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SoupMessage) message = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  TnSession *self = TN_SESSION (object);
  guint status;

  body = _tn_session_send_finish (self, result, &error);
  g_clear_object (&self->auth_cancellable);

  /* Every waiter gave up meanwhile, but a new one came: start again. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->auth_waiters->len > 0 &&
      self->soup != NULL)
    {
      start_authentication (self);
      return;
    }

  status = soup_message_get_status (message);
  if (error == NULL && status != SOUP_STATUS_CREATED && status != SOUP_STATUS_OK)
    {
      const char *request_id;

      request_id = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                 "x-openstack-request-id");
      error = tn_cloud_error_from_response (status, soup_message_get_reason_phrase (message),
                                            body, request_id);
    }

  if (error == NULL)
    read_token (self, message, body, &error);

  tn_wipe_bytes_free (g_steal_pointer (&body));

  if (error != NULL)
    g_debug ("Authentication failed: %s", error->message);

  complete_waiters (self, error);
}

static void
start_authentication (TnSession *self)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *url = build_auth_url (self);
  GBytes *bytes;

  g_assert (self->auth_cancellable == NULL);

  clear_token (self);

  message = soup_message_new (SOUP_METHOD_POST, url);
  if (message == NULL)
    {
      g_autoptr(GError) error = tn_cloud_error_new (TN_ERROR_NETWORK_UNREACHABLE, url);

      complete_waiters (self, error);
      return;
    }

  g_debug ("Authenticating at %s as %s", url,
           tn_account_get_auth_method (self->account) == TN_AUTH_APPLICATION_CREDENTIAL
             ? tn_account_get_application_credential_id (self->account)
             : tn_account_get_user_name (self->account));

  body = build_auth_body (self);
  bytes = tn_json_to_bytes (body);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  tn_wipe_bytes_free (bytes);

  self->auth_cancellable = g_cancellable_new ();
  _tn_session_send_async (self, message, self->auth_cancellable,
                          on_auth_sent_cb, g_object_ref (message));
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  Waiter *waiter = user_data;
  g_autoptr(GTask) task = g_object_ref (waiter->task);

  waiter_free (waiter);
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static void
on_waiter_cancelled_cb (GCancellable *cancellable,
                        Waiter       *waiter)
{
  TnSession *self = waiter->self;

  /* This runs inside g_cancellable_cancel(): the waiter leaves the queue
   * now, and is disconnected and answered from the main loop. */
  g_ptr_array_remove (self->auth_waiters, waiter);
  g_idle_add (return_cancelled_cb, waiter);

  /* Nobody waits any more: stop the exchange. */
  if (self->auth_waiters->len == 0 && self->auth_cancellable != NULL)
    g_cancellable_cancel (self->auth_cancellable);
}

/*
 * Waits for a fresh token: joins the authentication in flight or starts
 * one. Every request that needs a token at the same moment shares one
 * exchange with Keystone.
 */
void
_tn_session_authenticate_async (TnSession           *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _tn_session_authenticate_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  waiter = g_new0 (Waiter, 1);
  waiter->self = self;
  waiter->task = g_object_ref (task);
  g_ptr_array_add (self->auth_waiters, waiter);

  if (cancellable != NULL)
    waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled_cb),
                                                  waiter, NULL);

  if (self->auth_cancellable == NULL && self->auth_waiters->len > 0)
    start_authentication (self);
}

gboolean
_tn_session_authenticate_finish (TnSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The current token, unless it expires within a minute. */
const char *
_tn_session_get_token (TnSession *self,
                       guint     *serial)
{
  if (self->token != NULL && self->expires_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (g_date_time_difference (self->expires_at, now) < EXPIRY_MARGIN_SEC * G_TIME_SPAN_SECOND)
        {
          g_debug ("The token expires soon; signing in again");
          clear_token (self);
        }
    }

  *serial = self->token_serial;

  return self->token;
}

/* A request was refused with the token of @serial: drop it, unless a newer
 * one has come meanwhile. */
void
_tn_session_invalidate_token (TnSession *self,
                              guint      serial)
{
  if (serial == self->token_serial && self->token != NULL)
    {
      g_debug ("The token was refused; signing in again");
      clear_token (self);
    }
}

const char *
_tn_session_get_endpoint (TnSession      *self,
                          TnEndpointKind  endpoint)
{
  return endpoint == TN_ENDPOINT_VPN ? self->vpn_url : self->network_url;
}

SoupSession *
_tn_session_get_soup (TnSession *self)
{
  return self->soup;
}

/* The pointer result of one of our GTasks, checked against its tag. */
gpointer
_tn_session_propagate (TnSession     *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (TN_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
_tn_session_get_poll_first (TnSession *self)
{
  return self->poll_first_msec;
}

guint
_tn_session_get_poll_max (TnSession *self)
{
  return self->poll_max_msec;
}

/* API */

/**
 * tn_session_new:
 * @account: where and as whom to sign in
 * @secret: (nullable): the password or application-credential secret; the
 *   session keeps a copy in memory only and wipes it when it goes away
 * @error: a #GError
 *
 * Creates a session; nothing is sent until the first request or
 * tn_session_sign_in_async(). When the account names an extra CA file it
 * is read here and trusted next to the system's certificates.
 *
 * Returns: (transfer full): a new session, or %NULL with %TN_ERROR_TLS when
 *   the CA file cannot be used
 */
TnSession *
tn_session_new (TnAccount   *account,
                const char  *secret,
                GError     **error)
{
  g_autoptr(TnSession) self = NULL;
  const char *ca_file;

  g_return_val_if_fail (TN_IS_ACCOUNT (account), NULL);

  self = g_object_new (TN_TYPE_SESSION, "account", account, NULL);
  self->secret = g_strdup (secret);

  ca_file = tn_account_get_ca_file (account);
  if (ca_file != NULL && *ca_file != '\0')
    {
      g_autoptr(GTlsDatabase) database = tn_tls_database_new (ca_file, error);

      if (database == NULL)
        return NULL;

      soup_session_set_tls_database (self->soup, database);
    }

  return g_steal_pointer (&self);
}

/**
 * tn_session_get_account:
 * @self: a #TnSession
 *
 * Returns: (transfer none): the account
 */
TnAccount *
tn_session_get_account (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), NULL);

  return self->account;
}

/**
 * tn_session_get_profile:
 * @self: a #TnSession
 *
 * Returns: (transfer none): the region profile of the account's region
 */
const TnRegionProfile *
tn_session_get_profile (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), NULL);

  return self->profile;
}

guint
tn_session_get_timeout (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), 0);

  return self->timeout_msec;
}

/**
 * tn_session_set_timeout:
 * @self: a #TnSession
 * @msec: how long one request may take, in milliseconds; 0 for no limit
 *
 * A request that takes longer fails with %TN_ERROR_TIMEOUT.
 */
void
tn_session_set_timeout (TnSession *self,
                        guint      msec)
{
  g_return_if_fail (TN_IS_SESSION (self));

  if (self->timeout_msec == msec)
    return;

  self->timeout_msec = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
tn_session_get_page_size (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), 0);

  return self->page_size;
}

/**
 * tn_session_set_page_size:
 * @self: a #TnSession
 * @page_size: the `limit` of list requests, or 0 for the server's default
 *
 * Lists follow the pages to the end whatever the size.
 */
void
tn_session_set_page_size (TnSession *self,
                          guint      page_size)
{
  g_return_if_fail (TN_IS_SESSION (self));

  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * tn_session_set_poll_interval:
 * @self: a #TnSession
 * @first_msec: the first pause between two polls (2 s by default)
 * @max_msec: the longest pause; pauses double up to it (30 s by default)
 *
 * How tn_session_wait_async() polls; tests shorten it.
 */
void
tn_session_set_poll_interval (TnSession *self,
                              guint      first_msec,
                              guint      max_msec)
{
  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (first_msec > 0 && first_msec <= max_msec);

  self->poll_first_msec = first_msec;
  self->poll_max_msec = max_msec;
}

/**
 * tn_session_is_signed_in:
 * @self: a #TnSession
 *
 * Returns: whether the session holds a token
 */
gboolean
tn_session_is_signed_in (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), FALSE);

  return self->token != NULL;
}

/**
 * tn_session_get_expires_at:
 * @self: a #TnSession
 *
 * Returns: (transfer none) (nullable): when the token expires
 */
GDateTime *
tn_session_get_expires_at (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), NULL);

  return self->expires_at;
}

/**
 * tn_session_get_project_id:
 * @self: a #TnSession
 *
 * Returns: (nullable): the id of the project the token is scoped to
 */
const char *
tn_session_get_project_id (TnSession *self)
{
  g_return_val_if_fail (TN_IS_SESSION (self), NULL);

  return self->project_id;
}

/**
 * tn_session_sign_in_async:
 * @self: a #TnSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its closure
 *
 * Gets a fresh token and the endpoints of the account's region. Requests
 * sign in by themselves when needed; this is for checking an account.
 */
void
tn_session_sign_in_async (TnSession           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (TN_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _tn_session_authenticate_async (self, cancellable, callback, user_data);
}

/**
 * tn_session_sign_in_finish:
 * @self: a #TnSession
 * @result: the result
 * @error: a #GError
 *
 * Returns: %TRUE when signed in; else %FALSE with %TN_ERROR_AUTH_FAILED
 *   (wrong credentials), %TN_ERROR_NO_ENDPOINT (the region has no network
 *   endpoint) or a transport error
 */
gboolean
tn_session_sign_in_finish (TnSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (TN_IS_SESSION (self), FALSE);

  return _tn_session_authenticate_finish (self, result, error);
}
