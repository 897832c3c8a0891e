/* tn-sandbox-policy.c: Neutron's default policy as far as the sandbox's
 * resources go — who sees a resource, which attributes only an
 * administrator sees or sets
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnSandboxPolicy"

#include "config.h"

#include "tn-sandbox-private.h"

/* Attributes `get_<resource>:<attribute>` allows an administrator only
 * (neutron/conf/policies/{network,router}.py). */
static const struct {
  const char *collection;
  const char *attr;
} admin_only_reads[] = {
  { "networks", "provider:network_type" },
  { "networks", "provider:physical_network" },
  { "networks", "provider:segmentation_id" },
  { "routers", "distributed" },
  { "routers", "ha" },
};

/* The attributes Neutron enforces a rule `create_<resource>:<attribute>`
 * (and `update_<…>`) for, in the order its rules are joined: @admin_only
 * ones only an administrator passes, the others any owner. On create an
 * attribute counts when given with a value other than @default_json (NULL:
 * Neutron's default is "not specified", so any value counts); on update
 * whenever it is given. @members are an object attribute's own rules. */
typedef struct
{
  const char *name;
  gboolean    admin_only;
} PolicyMember;

static const PolicyMember gateway_members[] = {
  { "network_id", FALSE },
  { "enable_snat", TRUE },
  { "external_fixed_ips", TRUE },
};

static const struct {
  const char         *collection;
  const char         *attr;
  gboolean            admin_only;
  const char         *default_json;
  const PolicyMember *members;
  guint               n_members;
} enforced[] = {
  { "networks", "shared", TRUE, "false" },
  { "networks", "router:external", TRUE, "false" },
  { "networks", "port_security_enabled", FALSE, "true" },
  { "networks", "provider:network_type", TRUE, NULL },
  { "networks", "provider:physical_network", TRUE, NULL },
  { "networks", "provider:segmentation_id", TRUE, NULL },
  { "networks", "is_default", TRUE, "false" },
  { "routers", "external_gateway_info", FALSE, "null", gateway_members, G_N_ELEMENTS (gateway_members) },
  { "routers", "ha", TRUE, NULL },
  { "routers", "distributed", TRUE, NULL },
};

/**
 * _tn_sandbox_owns:
 *
 * Whether @object belongs to the caller's project.
 */
gboolean
_tn_sandbox_owns (const TnSandboxCaller *caller,
                  JsonObject            *object)
{
  return g_strcmp0 (_tn_sandbox_get_string (object, "project_id"), caller->project_id) == 0;
}

/**
 * _tn_sandbox_may_see:
 *
 * Whether @caller may see @object: an administrator sees everything, a
 * project member what its project owns, and networks that are external
 * or shared (`get_network`: admin, project reader, `rule:shared`,
 * `rule:external`).
 */
gboolean
_tn_sandbox_may_see (const TnSandboxCaller *caller,
                     const char            *collection,
                     JsonObject            *object)
{
  if (caller->admin || _tn_sandbox_owns (caller, object))
    return TRUE;
  if (g_str_equal (collection, "networks"))
    return json_object_get_boolean_member_with_default (object, "router:external", FALSE)
           || json_object_get_boolean_member_with_default (object, "shared", FALSE);
  return FALSE;
}

/**
 * _tn_sandbox_region_find:
 *
 * Looks a resource up as @caller: what it may not see is not there.
 *
 * Returns: (transfer none) (nullable): the resource
 */
JsonObject *
_tn_sandbox_region_find (TnSandboxRegion       *region,
                         const TnSandboxCaller *caller,
                         const char            *collection,
                         const char            *id)
{
  JsonObject *object = _tn_sandbox_region_lookup (region, collection, id);

  return object != NULL && _tn_sandbox_may_see (caller, collection, object) ? object : NULL;
}

static gboolean
is_hidden (const TnSandboxCaller *caller,
           const char            *collection,
           const char            *attr)
{
  if (caller->admin)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (admin_only_reads); i++)
    if (g_str_equal (admin_only_reads[i].collection, collection) && g_str_equal (admin_only_reads[i].attr, attr))
      return TRUE;
  return FALSE;
}

/**
 * _tn_sandbox_present:
 *
 * @object as an answer to @caller shows it: without what only an
 * administrator sees. Networks always have their address scopes (none in
 * the sandbox; a state saved before they were kept lacks them).
 *
 * Returns: (transfer full): @object itself, or a changed copy
 */
JsonObject *
_tn_sandbox_present (const TnSandboxCaller *caller,
                     const char            *collection,
                     JsonObject            *object)
{
  static const char * const scopes[] = { "ipv4_address_scope", "ipv6_address_scope" };
  gboolean network = g_str_equal (collection, "networks");
  gboolean change = FALSE;
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *shown;

  for (GList *l = members; l != NULL && !change; l = l->next)
    change = is_hidden (caller, collection, l->data);
  for (guint i = 0; network && i < G_N_ELEMENTS (scopes) && !change; i++)
    change = !json_object_has_member (object, scopes[i]);
  if (!change)
    return json_object_ref (object);

  shown = json_object_new ();
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_hidden (caller, collection, l->data))
      json_object_set_member (shown, l->data, json_node_copy (json_object_get_member (object, l->data)));
  for (guint i = 0; network && i < G_N_ELEMENTS (scopes); i++)
    if (!json_object_has_member (shown, scopes[i]))
      json_object_set_null_member (shown, scopes[i]);
  return shown;
}

/**
 * _tn_sandbox_member_names:
 *
 * The names of @body's members, before defaults are filled in: what the
 * client gave.
 *
 * Returns: (transfer full): a set of names
 */
GHashTable *
_tn_sandbox_member_names (JsonObject *body)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) members = json_object_get_members (body);

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, g_strdup (l->data));
  return names;
}

static char *
singular (const char *collection)
{
  return g_strndup (collection, strlen (collection) - 1);
}

/**
 * _tn_sandbox_policy_check_delete:
 *
 * Refuses with 403, as Neutron does, to delete a resource the caller sees
 * and does not own (a member and another project's external network).
 */
gboolean
_tn_sandbox_policy_check_delete (const TnSandboxCaller *caller,
                                 const char            *collection,
                                 JsonObject            *object,
                                 TnNeutronError       **error)
{
  g_autofree char *resource = NULL;

  if (caller->admin || _tn_sandbox_owns (caller, object))
    return TRUE;
  resource = singular (collection);
  _tn_neutron_error_set (error, SOUP_STATUS_FORBIDDEN, "PolicyNotAuthorized",
                         "rule:delete_%s is disallowed by policy", resource);
  return FALSE;
}

static gboolean
explicitly_set (JsonObject *body,
                GHashTable *given,
                gboolean    create,
                guint       i)
{
  const char *default_json = enforced[i].default_json;
  g_autoptr(JsonNode) fallback = NULL;

  if (!g_hash_table_contains (given, enforced[i].attr) || !json_object_has_member (body, enforced[i].attr))
    return FALSE;
  if (!create || default_json == NULL)
    return TRUE;
  fallback = _tn_sandbox_parse_json (default_json);
  return !json_node_equal (fallback, json_object_get_member (body, enforced[i].attr));
}

/* The rule of attribute @i: `rule:A:x`, or for an object with members'
 * rules `(rule:A:x and (rule:A:x:m and rule:A:x:n))`. Sets *admin_only
 * when it has a part only an administrator passes. */
static char *
attribute_rule (const char *action,
                JsonObject *body,
                guint       i,
                gboolean   *admin_only)
{
  const char *attr = enforced[i].attr;
  JsonNode *node = json_object_get_member (body, attr);
  JsonObject *value;
  g_autoptr(GString) members = NULL;

  *admin_only = enforced[i].admin_only;
  if (enforced[i].members == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf ("rule:%s:%s", action, attr);

  value = json_node_get_object (node);
  members = g_string_new (NULL);
  for (guint j = 0; j < enforced[i].n_members; j++)
    if (json_object_has_member (value, enforced[i].members[j].name))
      {
        g_string_append_printf (members, "%srule:%s:%s:%s", members->len ? " and " : "",
                                action, attr, enforced[i].members[j].name);
        *admin_only |= enforced[i].members[j].admin_only;
      }
  return g_strdup_printf ("(rule:%s:%s and (%s))", action, attr, members->str);
}

/**
 * _tn_sandbox_policy_check:
 * @create: POST rather than PUT
 * @owned: whether the resource is the caller's (on create, it will be)
 * @given: the names of the members the client sent (before defaults)
 * @body: the checked and converted body
 *
 * Refuses with 403 `PolicyNotAuthorized`, as Neutron does after it has
 * checked the body, what a project member may not do: set attributes only
 * an administrator may (an external or shared network, provider
 * attributes, distributed or HA routers, SNAT or addresses of a gateway),
 * or change a resource of another project it sees (an external network).
 * The message names the rules Neutron joins, in its order.
 */
gboolean
_tn_sandbox_policy_check (const TnSandboxCaller *caller,
                          const char            *collection,
                          gboolean               create,
                          gboolean               owned,
                          GHashTable            *given,
                          JsonObject            *body,
                          TnNeutronError       **error)
{
  g_autofree char *resource = singular (collection);
  g_autofree char *action = g_strdup_printf ("%s_%s", create ? "create" : "update", resource);
  g_autoptr(GString) rule = g_string_new (NULL);
  gboolean refused = !owned;

  if (caller->admin)
    return TRUE;

  g_string_printf (rule, "rule:%s", action);
  for (guint i = 0; i < G_N_ELEMENTS (enforced); i++)
    {
      g_autofree char *attr_rule = NULL;
      gboolean admin_only;

      if (!g_str_equal (enforced[i].collection, collection) || !explicitly_set (body, given, create, i))
        continue;
      /* (rule:A and rule:A:x), then ((rule:A and rule:A:x) and rule:A:y) */
      attr_rule = attribute_rule (action, body, i, &admin_only);
      refused |= admin_only;
      g_string_prepend_c (rule, '(');
      g_string_append_printf (rule, " and %s)", attr_rule);
    }
  if (!refused)
    return TRUE;

  _tn_neutron_error_set (error, SOUP_STATUS_FORBIDDEN, "PolicyNotAuthorized",
                         "%s is disallowed by policy", rule->str);
  return FALSE;
}
