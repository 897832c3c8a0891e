/* tn-sandbox-vpn.c: the VPNaaS collections — attribute maps per dialect
 * and the create/show/update/delete flow
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxVpn"

#include "config.h"

#include "tn-sandbox-vpn-private.h"

#define D_OS  (1u << TN_DIALECT_OPENSTACK)
#define D_A   (1u << TN_DIALECT_FJCLOUD_A)
#define D_B   (1u << TN_DIALECT_FJCLOUD_B)
#define D_ALL (D_OS | D_A | D_B)
#define PP    (TN_ATTR_POST | TN_ATTR_PUT)
#define P     TN_ATTR_POST

/* Neutron VPNaaS's valid values (neutron-lib's vpn definition with the
 * vpn-aes-ccm-gcm extension, which the sandbox's Neutron advertises). The
 * FJcloud dialects take theirs from the region table. */
static const char * const auth_algorithms[] = {
  "sha1", "sha256", "sha384", "sha512", "aes-xcbc", "aes-cmac", NULL
};
static const char * const encryption_algorithms[] = {
  "3des", "aes-128", "aes-192", "aes-256",
  "aes-128-ccm-8", "aes-192-ccm-8", "aes-256-ccm-8",
  "aes-128-ccm-12", "aes-192-ccm-12", "aes-256-ccm-12",
  "aes-128-ccm-16", "aes-192-ccm-16", "aes-256-ccm-16",
  "aes-128-gcm-8", "aes-192-gcm-8", "aes-256-gcm-8",
  "aes-128-gcm-12", "aes-192-gcm-12", "aes-256-gcm-12",
  "aes-128-gcm-16", "aes-192-gcm-16", "aes-256-gcm-16",
  NULL
};
static const char * const pfs_groups[] = {
  "group2", "group5", "group14", "group15", "group16", "group17", "group18",
  "group19", "group20", "group21", "group22", "group23", "group24", "group25",
  "group26", "group27", "group28", "group29", "group30", "group31", NULL
};
static const char * const phase1_modes[] = { "main", "aggressive", NULL };
static const char * const ike_versions[] = { "v1", "v2", NULL };
static const char * const lifetime_units[] = { "seconds", "kilobytes", NULL };
static const char * const transform_protocols[] = { "esp", "ah", "ah-esp", NULL };
static const char * const encapsulation_modes[] = { "tunnel", "transport", NULL };
static const char * const initiators[] = { "bi-directional", "response-only", NULL };
static const char * const dpd_actions[] = { "hold", "clear", "restart", "disabled", "restart-by-peer", NULL };
static const char * const endpoint_types[] = { "subnet", "cidr", "vlan", "network", "router", NULL };

/* The attribute maps in the order Neutron shows the attributes; each row
 * says in which dialects the attribute exists. A region's own rules (which
 * values, which default, fixed or not) come from its profile. */
static const TnVpnAttr ike_attrs[] = {
  { { "id", TN_ATTR_UUID, 0 }, D_ALL },
  { { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
  { { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "auth_algorithm", TN_ATTR_VALUES, PP, "\"sha1\"", auth_algorithms }, D_ALL },
  { { "encryption_algorithm", TN_ATTR_VALUES, PP, "\"aes-128\"", encryption_algorithms }, D_ALL },
  { { "phase1_negotiation_mode", TN_ATTR_VALUES, PP, "\"main\"", phase1_modes }, D_ALL },
  { { "lifetime", TN_ATTR_LIFETIME, PP, "{}", lifetime_units, 60, G_MAXINT32 }, D_ALL },
  { { "ike_version", TN_ATTR_VALUES, PP, "\"v1\"", ike_versions }, D_OS | D_A },
  { { "pfs", TN_ATTR_VALUES, PP, "\"group5\"", pfs_groups }, D_ALL },
  { { "availability_zone", TN_ATTR_VALUES, P, NULL, NULL }, D_A },
  { { "status", TN_ATTR_STRING, 0 }, D_B },
  { { "status_description", TN_ATTR_STRING, 0 }, D_B },
  { { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
};

static const TnVpnAttr ipsec_attrs[] = {
  { { "id", TN_ATTR_UUID, 0 }, D_ALL },
  { { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
  { { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "transform_protocol", TN_ATTR_VALUES, PP, "\"esp\"", transform_protocols }, D_ALL },
  { { "auth_algorithm", TN_ATTR_VALUES, PP, "\"sha1\"", auth_algorithms }, D_ALL },
  { { "encryption_algorithm", TN_ATTR_VALUES, PP, "\"aes-128\"", encryption_algorithms }, D_ALL },
  { { "encapsulation_mode", TN_ATTR_VALUES, PP, "\"tunnel\"", encapsulation_modes }, D_ALL },
  { { "lifetime", TN_ATTR_LIFETIME, PP, "{}", lifetime_units, 60, G_MAXINT32 }, D_ALL },
  { { "pfs", TN_ATTR_VALUES, PP, "\"group5\"", pfs_groups }, D_ALL },
  { { "initiator", TN_ATTR_VALUES, PP, "\"bi-directional\"", initiators }, D_B },
  { { "availability_zone", TN_ATTR_VALUES, P, NULL, NULL }, D_A },
  { { "status", TN_ATTR_STRING, 0 }, D_B },
  { { "status_description", TN_ATTR_STRING, 0 }, D_B },
  { { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
};

static const TnVpnAttr service_attrs[] = {
  { { "id", TN_ATTR_UUID, 0 }, D_ALL },
  { { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
  { { "subnet_id", TN_ATTR_UUID_OR_NULL, P, "null" }, D_ALL },
  { { "router_id", TN_ATTR_UUID, P, NULL }, D_ALL },
  { { "flavor_id", TN_ATTR_UUID_OR_NULL, P, "null" }, D_ALL },
  { { "admin_state_up", TN_ATTR_BOOL, PP, "true" }, D_ALL },
  { { "external_v4_ip", TN_ATTR_STRING, 0 }, D_ALL },
  { { "external_v6_ip", TN_ATTR_STRING, 0 }, D_ALL },
  { { "status", TN_ATTR_STRING, 0 }, D_ALL },
  { { "availability_zone", TN_ATTR_VALUES, P, NULL, NULL }, D_A },
  { { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
};

static const TnVpnAttr connection_attrs[] = {
  { { "id", TN_ATTR_UUID, 0 }, D_ALL },
  { { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
  { { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "peer_address", TN_ATTR_STRING, PP, NULL, NULL, 0, 255 }, D_ALL },
  { { "peer_id", TN_ATTR_STRING, PP, NULL, NULL, 0, 255 }, D_ALL },
  { { "local_id", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_ALL },
  { { "route_mode", TN_ATTR_STRING, 0 }, D_ALL },
  { { "mtu", TN_ATTR_INT, PP, "1500" }, D_ALL },
  { { "auth_mode", TN_ATTR_STRING, 0 }, D_ALL },
  { { "psk", TN_ATTR_STRING, PP, NULL, NULL, 0, 255 }, D_ALL },
  { { "initiator", TN_ATTR_VALUES, PP, "\"bi-directional\"", initiators }, D_OS | D_A },
  { { "dpd", TN_ATTR_DPD, PP, "{}", dpd_actions }, D_ALL },
  { { "admin_state_up", TN_ATTR_BOOL, PP, "true" }, D_ALL },
  { { "status", TN_ATTR_STRING, 0 }, D_ALL },
  { { "vpnservice_id", TN_ATTR_UUID, P, NULL }, D_ALL },
  { { "ikepolicy_id", TN_ATTR_UUID, P, NULL }, D_ALL },
  { { "ipsecpolicy_id", TN_ATTR_UUID, P, NULL }, D_ALL },
  { { "peer_cidrs", TN_ATTR_SUBNET_LIST, PP, "[]" }, D_ALL },
  { { "local_ep_group_id", TN_ATTR_UUID_OR_NULL, PP, "null" }, D_OS },
  { { "peer_ep_group_id", TN_ATTR_UUID_OR_NULL, PP, "null" }, D_OS },
  { { "ike_version", TN_ATTR_VALUES, PP, "\"v1\"", ike_versions }, D_B },
  { { "ipsec_endpoint_address", TN_ATTR_STRING, 0 }, D_B },
  { { "availability_zone", TN_ATTR_VALUES, P, NULL, NULL }, D_A },
  { { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_ALL },
};

static const TnVpnAttr endpoint_group_attrs[] = {
  { { "id", TN_ATTR_UUID, 0 }, D_OS },
  { { "tenant_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_OS },
  { { "name", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_OS },
  { { "description", TN_ATTR_STRING, PP, "\"\"", NULL, 0, 255 }, D_OS },
  { { "type", TN_ATTR_VALUES, P, NULL, endpoint_types }, D_OS },
  { { "endpoints", TN_ATTR_LIST, P, "[]" }, D_OS },
  { { "project_id", TN_ATTR_STRING, P, NULL, NULL, 0, 255 }, D_OS },
};

#define KIND_ATTRS(a) a, G_N_ELEMENTS (a)

const TnVpnKind tn_vpn_kinds[] = {
  { "ikepolicies", "ikepolicy", TN_RESOURCE_IKE_POLICY,
    "IKEPolicyNotFound", "IKEPolicy %s could not be found",
    "IKEPolicyInUse", "IKEPolicy %s is in use by existing IPsecSiteConnection and can't be updated or deleted",
    KIND_ATTRS (ike_attrs) },
  { "ipsecpolicies", "ipsecpolicy", TN_RESOURCE_IPSEC_POLICY,
    "IPsecPolicyNotFound", "IPsecPolicy %s could not be found",
    "IPsecPolicyInUse", "IPsecPolicy %s is in use by existing IPsecSiteConnection and can't be updated or deleted",
    KIND_ATTRS (ipsec_attrs) },
  { "vpnservices", "vpnservice", TN_RESOURCE_VPN_SERVICE,
    "VPNServiceNotFound", "VPNService %s could not be found",
    "VPNServiceInUse", "VPNService %s is still in use",
    KIND_ATTRS (service_attrs) },
  { "ipsec-site-connections", "ipsec_site_connection", TN_RESOURCE_CONNECTION,
    "IPsecSiteConnectionNotFound", "ipsec_site_connection %s not found",
    NULL, NULL,
    KIND_ATTRS (connection_attrs) },
  { "endpoint-groups", "endpoint_group", -1,
    "EndpointGroupNotFound", "Endpoint group %s could not be found",
    "EndpointGroupInUse", "Endpoint group %s is in use and cannot be deleted",
    KIND_ATTRS (endpoint_group_attrs) },
};

const TnVpnKind *
_tn_vpn_kind_lookup (const char *collection)
{
  for (guint i = 0; i < G_N_ELEMENTS (tn_vpn_kinds); i++)
    if (g_str_equal (tn_vpn_kinds[i].collection, collection))
      return &tn_vpn_kinds[i];
  return NULL;
}

/* The attribute map of a kind in a region: the dialect's attributes with
 * the region profile's rules applied. */
GArray *
_tn_vpn_region_attrs (TnSandboxRegion *region,
                      const TnVpnKind *kind)
{
  GArray *attrs = g_array_new (FALSE, FALSE, sizeof (TnAttr));

  for (guint i = 0; i < kind->n_attrs; i++)
    {
      TnAttr attr = kind->attrs[i].attr;

      if ((kind->attrs[i].dialects & (1u << region->dialect)) == 0)
        continue;
      if (g_str_equal (attr.name, "availability_zone"))
        {
          attr.values = (const char * const *) region->zones;
          attr.default_json = region->zone_default_json;
          if (kind->profile_kind == TN_RESOURCE_CONNECTION)
            attr.default_json = "null";
        }
      if (!_tn_vpn_apply_profile (region, kind, &attr))
        continue;
      g_array_append_val (attrs, attr);
    }
  return attrs;
}

const TnAttr *
_tn_vpn_find_attr (GArray     *attrs,
                   const char *name)
{
  for (guint i = 0; i < attrs->len; i++)
    if (g_str_equal (g_array_index (attrs, TnAttr, i).name, name))
      return &g_array_index (attrs, TnAttr, i);
  return NULL;
}

/* A message from one of the templates above: %s stands for the id. */
void
_tn_vpn_set_error (TnNeutronError **error,
                   guint            status,
                   const char      *type,
                   const char      *template,
                   const char      *id)
{
  g_auto(GStrv) parts = g_strsplit (template, "%s", 2);
  g_autofree char *message = g_strjoinv (id, parts);

  _tn_neutron_error_set (error, status, type, "%s", message);
}

/* Objects */

/* The stored object: every attribute of the map, in its order. */
static JsonObject *
shape_object (GArray     *attrs,
              JsonObject *values)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < attrs->len; i++)
    {
      const char *name = g_array_index (attrs, TnAttr, i).name;

      if (json_object_has_member (values, name))
        json_object_set_member (object, name, json_node_copy (json_object_get_member (values, name)));
    }
  return object;
}

static void
merge_dict (JsonObject *body,
            JsonObject *old,
            const char *member)
{
  JsonObject *merged = json_object_new ();
  JsonObject *old_dict = json_object_get_object_member (old, member);
  JsonObject *new_dict = json_object_get_object_member (body, member);
  g_autoptr(GList) names = json_object_get_members (old_dict);

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (old_dict, l->data)));
  g_clear_pointer (&names, g_list_free);
  names = json_object_get_members (new_dict);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (new_dict, l->data)));

  json_object_set_object_member (body, member, merged);
}

/* The values a new resource gets besides the request's own. */
static void
fill_defaults (TnSandbox       *self,
               TnSandboxRegion *region,
               const TnVpnKind *kind,
               GArray          *attrs,
               JsonObject      *body)
{
  g_autofree char *id = _tn_sandbox_new_uuid ();
  const TnAttr *lifetime = _tn_vpn_find_attr (attrs, "lifetime");
  const TnAttr *dpd = _tn_vpn_find_attr (attrs, "dpd");
  g_autoptr(JsonObject) old = json_object_new ();

  json_object_set_string_member (body, "id", id);

  if (lifetime != NULL)
    {
      JsonObject *defaults = json_object_new ();

      json_object_set_string_member (defaults, "units", "seconds");
      json_object_set_int_member (defaults, "value", _tn_vpn_default_int (region, kind, "lifetime.value", 3600));
      json_object_set_object_member (old, "lifetime", defaults);
      merge_dict (body, old, "lifetime");
    }
  if (dpd != NULL)
    {
      JsonObject *defaults = json_object_new ();

      json_object_set_string_member (defaults, "action", _tn_vpn_default_string (region, kind, "dpd.action", "hold"));
      json_object_set_int_member (defaults, "interval", _tn_vpn_default_int (region, kind, "dpd.interval", 30));
      json_object_set_int_member (defaults, "timeout", _tn_vpn_default_int (region, kind, "dpd.timeout", 120));
      json_object_set_object_member (old, "dpd", defaults);
      merge_dict (body, old, "dpd");
    }

  if (_tn_vpn_find_attr (attrs, "status") != NULL)
    {
      gboolean policy = kind->profile_kind == TN_RESOURCE_IKE_POLICY
                        || kind->profile_kind == TN_RESOURCE_IPSEC_POLICY;

      if (policy)
        _tn_vpn_set_policy_status (body, "BUILD", "Creating the policy");
      else
        json_object_set_string_member (body, "status", "PENDING_CREATE");
    }
}

static gboolean
is_settling (JsonObject *object)
{
  const char *status = _tn_sandbox_get_string (object, "status");

  return status != NULL && (g_str_has_prefix (status, "PENDING_") || g_str_equal (status, "BUILD")
                            || g_str_equal (status, "DELETING"));
}

/* Handlers */

static void
respond_not_found (SoupServerMessage *msg,
                   const TnVpnKind   *kind,
                   const char        *id)
{
  g_autoptr(TnNeutronError) error = NULL;

  _tn_vpn_set_error (&error, SOUP_STATUS_NOT_FOUND, kind->not_found_type, kind->not_found_format, id);
  _tn_sandbox_respond_error (msg, error);
}

static guint
write_status (TnSandboxRegion *region,
              guint            sync_status)
{
  return region->dialect == TN_DIALECT_FJCLOUD_B ? SOUP_STATUS_ACCEPTED : sync_status;
}

static void
handle_create (TnSandbox             *self,
               TnSandboxRegion       *region,
               SoupServerMessage     *msg,
               const TnSandboxCaller *caller,
               const TnVpnKind       *kind)
{
  g_autoptr(GArray) attrs = _tn_vpn_region_attrs (region, kind);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(TnNeutronError) error = NULL;

  if (!_tn_sandbox_parse_body (msg, kind->member, &body, &error)
      || !_tn_sandbox_check_body (body, (TnAttr *) attrs->data, attrs->len, TRUE, caller, &error))
    {
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  fill_defaults (self, region, kind, attrs, body);
  if (!_tn_vpn_check_create (self, region, kind, attrs, body, &error))
    {
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  object = shape_object (attrs, body);
  _tn_sandbox_region_insert (region, kind->collection, object);
  if (is_settling (object))
    _tn_sandbox_schedule_settle (self, region, kind->collection,
                                 json_object_get_string_member (object, "id"));
  _tn_sandbox_changed (self);

  g_debug ("%s: created %s %s", region->name, kind->member, json_object_get_string_member (object, "id"));
  _tn_sandbox_respond_member (msg, write_status (region, SOUP_STATUS_CREATED), kind->member, object);
}

static void
handle_update (TnSandbox             *self,
               TnSandboxRegion       *region,
               SoupServerMessage     *msg,
               const TnSandboxCaller *caller,
               const TnVpnKind       *kind,
               const char            *id)
{
  g_autoptr(GArray) attrs = _tn_vpn_region_attrs (region, kind);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(TnNeutronError) error = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *old;
  const char *status;

  if (!_tn_sandbox_parse_body (msg, kind->member, &body, &error)
      || !_tn_sandbox_check_body (body, (TnAttr *) attrs->data, attrs->len, FALSE, caller, &error))
    {
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  old = _tn_sandbox_region_find (region, caller, kind->collection, id);
  if (old == NULL)
    {
      respond_not_found (msg, kind, id);
      return;
    }

  status = _tn_sandbox_get_string (old, "status");
  if (status != NULL && is_settling (old))
    {
      _tn_neutron_error_set (&error, SOUP_STATUS_BAD_REQUEST, "VPNStateInvalidToUpdate",
                             "Invalid state %s of vpnaas resource %s for updating", status, id);
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  if (kind->in_use_type != NULL && kind->profile_kind != TN_RESOURCE_VPN_SERVICE
      && _tn_vpn_is_in_use (region, kind, id))
    {
      _tn_vpn_set_error (&error, SOUP_STATUS_CONFLICT, kind->in_use_type, kind->in_use_format, id);
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  merged = json_object_new ();
  names = json_object_get_members (old);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (old, l->data)));
  if (json_object_has_member (body, "lifetime") && json_object_has_member (old, "lifetime"))
    merge_dict (body, old, "lifetime");
  if (json_object_has_member (body, "dpd") && json_object_has_member (old, "dpd"))
    merge_dict (body, old, "dpd");
  g_clear_pointer (&names, g_list_free);
  names = json_object_get_members (body);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (merged, l->data, json_node_copy (json_object_get_member (body, l->data)));

  if (!_tn_vpn_check_update (self, region, kind, attrs, merged, &error))
    {
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  if (status != NULL)
    {
      gboolean policy = kind->profile_kind == TN_RESOURCE_IKE_POLICY
                        || kind->profile_kind == TN_RESOURCE_IPSEC_POLICY;

      if (policy)
        _tn_vpn_set_policy_status (merged, "BUILD", "Updating the policy");
      else
        json_object_set_string_member (merged, "status", "PENDING_UPDATE");
      _tn_sandbox_schedule_settle (self, region, kind->collection, id);
    }

  _tn_sandbox_region_insert (region, kind->collection, merged);
  _tn_sandbox_changed (self);

  g_debug ("%s: updated %s %s", region->name, kind->member, id);
  _tn_sandbox_respond_member (msg, write_status (region, SOUP_STATUS_OK), kind->member, merged);
}

static void
handle_delete (TnSandbox             *self,
               TnSandboxRegion       *region,
               SoupServerMessage     *msg,
               const TnSandboxCaller *caller,
               const TnVpnKind       *kind,
               const char            *id)
{
  JsonObject *object = _tn_sandbox_region_find (region, caller, kind->collection, id);
  g_autoptr(TnNeutronError) error = NULL;

  if (object == NULL)
    {
      respond_not_found (msg, kind, id);
      return;
    }

  if (kind->in_use_type != NULL && _tn_vpn_is_in_use (region, kind, id))
    {
      guint status = kind->profile_kind < 0 ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_CONFLICT;

      _tn_vpn_set_error (&error, status, kind->in_use_type, kind->in_use_format, id);
      _tn_sandbox_respond_error (msg, error);
      return;
    }

  if (region->dialect == TN_DIALECT_FJCLOUD_B)
    {
      gboolean policy = kind->profile_kind == TN_RESOURCE_IKE_POLICY
                        || kind->profile_kind == TN_RESOURCE_IPSEC_POLICY;

      if (policy)
        _tn_vpn_set_policy_status (object, "DELETING", "Deleting the policy");
      else
        json_object_set_string_member (object, "status", "PENDING_DELETE");
      _tn_sandbox_schedule_settle (self, region, kind->collection, id);
      _tn_sandbox_changed (self);
      _tn_sandbox_respond_json (msg, SOUP_STATUS_ACCEPTED, NULL);
      return;
    }

  _tn_vpn_remove (self, region, kind, id);
  g_debug ("%s: deleted %s %s", region->name, kind->member, id);
  _tn_sandbox_respond_json (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
respond_method_not_allowed (SoupServerMessage *msg)
{
  _tn_sandbox_respond_neutron (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "HTTPMethodNotAllowed",
                               "The server could not comply with the request since it is either "
                               "malformed or otherwise incorrect.");
}

/**
 * _tn_sandbox_vpn_handle:
 * @caller: who asks; a project member sees only its project's resources
 * @collection: the collection in the path (`ikepolicies`)
 * @id: (nullable): the resource id in the path
 *
 * Returns: %FALSE if the region has no such collection
 */
gboolean
_tn_sandbox_vpn_handle (TnSandbox             *self,
                        TnSandboxRegion       *region,
                        SoupServerMessage     *msg,
                        const TnSandboxCaller *caller,
                        const char            *collection,
                        const char            *id)
{
  const TnVpnKind *kind = _tn_vpn_kind_lookup (collection);
  const char *method = soup_server_message_get_method (msg);
  JsonObject *object;

  if (kind == NULL || (kind->attrs[0].dialects & (1u << region->dialect)) == 0)
    return FALSE;

  if (id == NULL)
    {
      if (g_str_equal (method, SOUP_METHOD_GET))
        _tn_sandbox_respond_list (self, msg, caller, _tn_sandbox_region_get (region, collection), collection);
      else if (g_str_equal (method, SOUP_METHOD_POST))
        handle_create (self, region, msg, caller, kind);
      else
        respond_method_not_allowed (msg);
      return TRUE;
    }

  if (g_str_equal (method, SOUP_METHOD_GET))
    {
      object = _tn_sandbox_region_find (region, caller, collection, id);
      if (object == NULL)
        respond_not_found (msg, kind, id);
      else
        _tn_sandbox_respond_member (msg, SOUP_STATUS_OK, kind->member, object);
    }
  else if (g_str_equal (method, SOUP_METHOD_PUT))
    handle_update (self, region, msg, caller, kind, id);
  else if (g_str_equal (method, SOUP_METHOD_DELETE))
    handle_delete (self, region, msg, caller, kind, id);
  else
    respond_method_not_allowed (msg);

  return TRUE;
}

/**
 * _tn_sandbox_vpn_build:
 * @caller: who creates it
 * @collection: which kind of resource
 * @request: the attributes a client would send
 *
 * Creates a resource as a POST would, without HTTP (the seeds use it).
 * Its status is final at once where a POST would leave it settling.
 *
 * Returns: (transfer none): the stored resource, or %NULL with @error set
 */
JsonObject *
_tn_sandbox_vpn_build (TnSandbox              *self,
                       TnSandboxRegion        *region,
                       const TnSandboxCaller  *caller,
                       const char             *collection,
                       JsonObject             *request,
                       TnNeutronError        **error)
{
  const TnVpnKind *kind = _tn_vpn_kind_lookup (collection);
  g_autoptr(GArray) attrs = _tn_vpn_region_attrs (region, kind);
  g_autoptr(JsonObject) object = NULL;

  if (!_tn_sandbox_check_body (request, (TnAttr *) attrs->data, attrs->len, TRUE, caller, error))
    return NULL;
  fill_defaults (self, region, kind, attrs, request);
  if (!_tn_vpn_check_create (self, region, kind, attrs, request, error))
    return NULL;

  object = shape_object (attrs, request);
  _tn_sandbox_region_insert (region, collection, object);
  return object;
}
