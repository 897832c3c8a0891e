/* tn-sandbox-private.h: what the files of the sandbox cloud share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "tn-region.h"
#include "tn-sandbox.h"

G_BEGIN_DECLS

/* One region of the simulated cloud: its own Neutron with its own state. */
typedef struct
{
  char       *name;
  TnDialect   dialect;
  /* The external network's addresses: prefix + host numbers. */
  char       *ext_prefix;
  guint       ext_first;
  guint       ext_last;
  /* The availability zones (type A): NULL-terminated, and the default as
   * JSON. */
  char      **zones;
  char       *zone_default_json;
  /* Where the VPN collections are: the endpoint ("network" or "nfv") and
   * the path segments before the collection (from the region table). */
  char       *vpn_endpoint;
  char      **vpn_prefix;
  char      **service_types;
  /* collection name → GTree (id → JsonObject), ordered by id */
  GHashTable *collections;
} TnSandboxRegion;

typedef struct _TnSandboxFault TnSandboxFault;

struct _TnSandbox
{
  GObject      parent_instance;

  char        *state_file;
  SoupServer  *server;
  char        *base_url;
  char        *identity_url;
  guint        port;

  guint        settle_delay;
  guint        token_lifetime;

  GPtrArray   *regions;          /* TnSandboxRegion */
  char        *project_id;       /* the demo project */
  char        *admin_project_id; /* the administrator's project */
  char        *user_id;
  GHashTable  *users;            /* name → password */
  GHashTable  *app_credentials;  /* id → secret */
  GHashTable  *tokens;           /* token → expiry (gint64 *, µs real time) */

  GPtrArray   *faults;           /* TnSandboxFault */
  guint        last_fault_id;
  GHashTable  *request_counts;   /* "METHOD path" → count */

  GHashTable  *settle_timers;    /* resource id → TnSandboxSettle */
  GPtrArray   *delayed;          /* answers a fault holds back */

  guint        save_source;
  gboolean     saving;
  gboolean     save_again;
};

/* Who makes a request, as Keystone middleware tells Neutron: the project
 * of the token (one of the sandbox's own strings) and whether the token
 * has the admin role. */
typedef struct
{
  const char *project_id;
  gboolean    admin;
} TnSandboxCaller;

/* A Neutron failure: HTTP status, NeutronError type and message. */
typedef struct
{
  guint  status;
  char  *type;
  char  *message;
} TnNeutronError;

void             _tn_neutron_error_free        (TnNeutronError      *error);
void             _tn_neutron_error_set         (TnNeutronError     **error,
                                                guint                status,
                                                const char          *type,
                                                const char          *format,
                                                ...) G_GNUC_PRINTF (4, 5);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnNeutronError, _tn_neutron_error_free)

/* tn-sandbox.c: answers */
void             _tn_sandbox_respond_json      (SoupServerMessage   *msg,
                                                guint                status,
                                                JsonNode            *node);
void             _tn_sandbox_respond_object    (SoupServerMessage   *msg,
                                                guint                status,
                                                const char          *key,
                                                JsonObject          *object);
void             _tn_sandbox_respond_error     (SoupServerMessage   *msg,
                                                const TnNeutronError *error);
void             _tn_sandbox_respond_neutron   (SoupServerMessage   *msg,
                                                guint                status,
                                                const char          *type,
                                                const char          *message);
void             _tn_sandbox_respond_unauthorized (TnSandbox         *self,
                                                SoupServerMessage   *msg);
void             _tn_sandbox_dispatch          (TnSandbox           *self,
                                                SoupServerMessage   *msg);
char            *_tn_sandbox_new_uuid          (void);
char            *_tn_sandbox_now_iso8601       (void);
void             _tn_sandbox_schedule_settle   (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                const char          *collection,
                                                const char          *id);
void             _tn_sandbox_cancel_settle     (TnSandbox           *self,
                                                const char          *id);

/* tn-sandbox-keystone.c */
void             _tn_sandbox_keystone_handle   (TnSandbox           *self,
                                                SoupServerMessage   *msg,
                                                const char          *path);
gboolean         _tn_sandbox_authenticate      (TnSandbox           *self,
                                                SoupServerMessage   *msg,
                                                TnSandboxCaller     *caller);
void             _tn_sandbox_caller_init       (TnSandbox           *self,
                                                TnSandboxCaller     *caller,
                                                gboolean             admin);
void             _tn_sandbox_forget_token      (TnSandbox           *self,
                                                SoupServerMessage   *msg);

/* tn-sandbox-store.c: regions, collections, persistence */
TnSandboxRegion *_tn_sandbox_region_new        (const char          *name,
                                                const char          *ext_prefix,
                                                guint                ext_first,
                                                guint                ext_last);
const char      *_tn_sandbox_endpoint_for_type (const char          *service_type);
const char * const *_tn_sandbox_region_service_types (TnSandboxRegion *region);
void             _tn_sandbox_region_free       (TnSandboxRegion     *region);
TnSandboxRegion *_tn_sandbox_find_region       (TnSandbox           *self,
                                                const char          *name);
void             _tn_sandbox_add_regions       (TnSandbox           *self);
GTree           *_tn_sandbox_region_get        (TnSandboxRegion     *region,
                                                const char          *collection);
JsonObject      *_tn_sandbox_region_lookup     (TnSandboxRegion     *region,
                                                const char          *collection,
                                                const char          *id);
void             _tn_sandbox_region_insert     (TnSandboxRegion     *region,
                                                const char          *collection,
                                                JsonObject          *object);
void             _tn_sandbox_region_remove     (TnSandboxRegion     *region,
                                                const char          *collection,
                                                const char          *id);
void             _tn_sandbox_region_clear      (TnSandboxRegion     *region);
gboolean         _tn_sandbox_load              (TnSandbox           *self,
                                                GError             **error);
void             _tn_sandbox_changed           (TnSandbox           *self);

/* tn-sandbox-attrs.c: Neutron's attribute maps and request bodies */
typedef enum
{
  TN_ATTR_STRING,
  TN_ATTR_BOOL,
  TN_ATTR_UUID,
  TN_ATTR_UUID_OR_NULL,
  TN_ATTR_VALUES,
  TN_ATTR_INT,
  TN_ATTR_LIFETIME,
  TN_ATTR_DPD,
  TN_ATTR_SUBNET_LIST,
  TN_ATTR_LIST,
  TN_ATTR_ANY,
} TnAttrType;

typedef enum
{
  TN_ATTR_POST = 1 << 0,  /* may be given on create */
  TN_ATTR_PUT  = 1 << 1,  /* may be given on update */
} TnAttrFlags;

/* One attribute of a resource, as in Neutron's RESOURCE_ATTRIBUTE_MAP.
 * For LIFETIME, @values are the units and @min/@max the value's range; for
 * DPD, @values are the actions; for STRING, @max is the length. An
 * attribute with TN_ATTR_POST and no @default_json is required. */
typedef struct
{
  const char         *name;
  TnAttrType          type;
  TnAttrFlags         flags;
  const char         *default_json;
  const char * const *values;
  gint64              min;
  gint64              max;
} TnAttr;

gboolean         _tn_sandbox_parse_body        (SoupServerMessage   *msg,
                                                const char          *member,
                                                JsonObject         **out,
                                                TnNeutronError     **error);
gboolean         _tn_sandbox_check_body        (JsonObject          *body,
                                                const TnAttr        *attrs,
                                                guint                n_attrs,
                                                gboolean             create,
                                                const TnSandboxCaller *caller,
                                                TnNeutronError     **error);
gboolean         _tn_sandbox_parse_cidr        (const char          *text,
                                                int                 *ip_version);
int              _tn_sandbox_ip_version        (const char          *address);
const char      *_tn_sandbox_get_string        (JsonObject          *object,
                                                const char          *member);
JsonNode        *_tn_sandbox_parse_json        (const char          *text);

/* tn-sandbox-query.c: lists, filters, fields and pagination */
void             _tn_sandbox_respond_list      (TnSandbox           *self,
                                                SoupServerMessage   *msg,
                                                const TnSandboxCaller *caller,
                                                GTree               *tree,
                                                const char          *collection);
void             _tn_sandbox_respond_member    (SoupServerMessage   *msg,
                                                guint                status,
                                                const char          *member,
                                                JsonObject          *object);

/* tn-sandbox-policy.c: Neutron's policy — who sees and may change what */
gboolean         _tn_sandbox_may_see           (const TnSandboxCaller *caller,
                                                const char          *collection,
                                                JsonObject          *object);
gboolean         _tn_sandbox_owns              (const TnSandboxCaller *caller,
                                                JsonObject          *object);
JsonObject      *_tn_sandbox_region_find       (TnSandboxRegion     *region,
                                                const TnSandboxCaller *caller,
                                                const char          *collection,
                                                const char          *id);
JsonObject      *_tn_sandbox_present           (const TnSandboxCaller *caller,
                                                const char          *collection,
                                                JsonObject          *object);
GHashTable      *_tn_sandbox_member_names      (JsonObject          *body);
gboolean         _tn_sandbox_policy_check      (const TnSandboxCaller *caller,
                                                const char          *collection,
                                                gboolean             create,
                                                gboolean             owned,
                                                GHashTable          *given,
                                                JsonObject          *body,
                                                TnNeutronError     **error);
gboolean         _tn_sandbox_policy_check_delete (const TnSandboxCaller *caller,
                                                const char          *collection,
                                                JsonObject          *object,
                                                TnNeutronError     **error);

/* tn-sandbox-addresses.c */
char            *_tn_sandbox_address_at        (const char          *cidr,
                                                gint64               offset);
char            *_tn_sandbox_allocate_in_subnet (TnSandboxRegion    *region,
                                                JsonObject          *subnet);
JsonObject      *_tn_sandbox_external_subnet   (TnSandboxRegion     *region,
                                                const char          *network_id,
                                                int                  ip_version);

/* tn-sandbox-network.c: networks, subnets, routers */
gboolean         _tn_sandbox_network_handle    (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                SoupServerMessage   *msg,
                                                const TnSandboxCaller *caller,
                                                char               **parts);
const char      *_tn_sandbox_router_external_ip (TnSandboxRegion    *region,
                                                JsonObject          *router,
                                                int                  ip_version);
char            *_tn_sandbox_allocate_external_ip (TnSandboxRegion  *region);
JsonObject      *_tn_sandbox_network_create    (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                const TnSandboxCaller *caller,
                                                const char          *collection,
                                                JsonObject          *body,
                                                TnNeutronError     **error);
JsonObject      *_tn_sandbox_network_attach    (TnSandboxRegion     *region,
                                                JsonObject          *router,
                                                JsonObject          *subnet);

/* tn-sandbox-vpn.c: the VPNaaS resources */
gboolean         _tn_sandbox_vpn_handle        (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                SoupServerMessage   *msg,
                                                const TnSandboxCaller *caller,
                                                const char          *collection,
                                                const char          *id);
void             _tn_sandbox_vpn_settle        (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                const char          *collection,
                                                const char          *id);
void             _tn_sandbox_vpn_settle_all    (TnSandbox           *self);
JsonObject      *_tn_sandbox_vpn_build         (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                const TnSandboxCaller *caller,
                                                const char          *collection,
                                                JsonObject          *request,
                                                TnNeutronError     **error);
const char      *_tn_sandbox_connection_local_address (TnSandboxRegion *region,
                                                JsonObject          *connection);
const char      *_tn_sandbox_connection_status (TnSandbox           *self,
                                                TnSandboxRegion     *region,
                                                JsonObject          *connection);

/* tn-sandbox-faults.c */
void             _tn_sandbox_fault_free        (TnSandboxFault      *fault);
void             _tn_sandbox_delayed_free      (gpointer             delayed);
gboolean         _tn_sandbox_faults_apply      (TnSandbox           *self,
                                                SoupServerMessage   *msg,
                                                const char          *method,
                                                const char          *path);
gboolean         _tn_sandbox_path_matches      (const char          *pattern,
                                                const char          *path);

/* tn-sandbox-seed.c */
gboolean         _tn_sandbox_seed_demo         (TnSandbox           *self,
                                                GError             **error);
gboolean         _tn_sandbox_seed_scale        (TnSandbox           *self,
                                                guint                n,
                                                GError             **error);
void             _tn_sandbox_seed_base         (TnSandbox           *self,
                                                TnSandboxRegion     *region);

G_END_DECLS
