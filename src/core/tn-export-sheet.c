/* tn-export-sheet.c: every value a peer device needs, as text and JSON
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExport"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tn-export-private.h"
#include "tn-wipe.h"

static gboolean
anti_replay (TnExportContext *ctx)
{
  return !tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address");
}

static const char *
region_name (TnExportContext *ctx)
{
  const char *name = tn_region_profile_get_name (ctx->profile);

  return name != NULL ? name : "OpenStack";
}

static void
row (GString    *text,
     const char *label,
     const char *peer,
     const char *cloud)
{
  g_string_append_printf (text, "%-24s %-26s %s\n", label, peer, cloud != NULL ? cloud : "");
}

static void
value (GString    *text,
       const char *label,
       const char *format,
       ...) G_GNUC_PRINTF (3, 4);

static void
value (GString    *text,
       const char *label,
       const char *format,
       ...)
{
  va_list args;

  g_string_append_printf (text, "%-24s ", label);
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
  g_string_append_c (text, '\n');
}

void
_tn_export_sheet_text (TnExportContext *ctx)
{
  GString *text = g_string_new (NULL);
  g_autofree char *ike = _tn_export_strongswan_proposal (ctx->ike_encryption, ctx->ike_auth, ctx->ike_pfs);
  g_autofree char *esp = _tn_export_strongswan_proposal (ctx->esp_encryption, ctx->esp_auth, ctx->esp_pfs);

  value (text, "Connection", "%s (%s)", ctx->name, ctx->id);
  value (text, "Region", "%s", region_name (ctx));
  g_string_append_c (text, '\n');
  row (text, "", "This device (local)", "The cloud (remote)");
  row (text, "Gateway address", ctx->peer_address, ctx->cloud_address);
  row (text, "IKE identity", ctx->peer_id, ctx->cloud_id);
  for (guint i = 0; ctx->peer_cidrs[i] != NULL; i++)
    row (text, i == 0 ? "Private networks" : "", ctx->peer_cidrs[i], i == 0 ? ctx->cloud_cidr : NULL);
  g_string_append_c (text, '\n');
  value (text, "Pre-shared key", "%s", ctx->psk ? ctx->psk : TN_EXPORT_PSK_PLACEHOLDER);
  value (text, "Authentication", "pre-shared key");
  g_string_append_c (text, '\n');
  g_string_append (text, "IKE (phase 1)\n");
  value (text, "  Version", "IKEv%d", ctx->ike_version);
  value (text, "  Exchange mode", "%s", ctx->ike_version == 1 ? ctx->phase1_mode : "(IKEv2)");
  value (text, "  Encryption", "%s", ctx->ike_encryption);
  value (text, "  Integrity (hash)", "%s", ctx->ike_auth);
  value (text, "  DH group", "%s (%s)", ctx->ike_pfs, _tn_export_strongswan_name (ctx->ike_pfs));
  value (text, "  Lifetime", "%" G_GINT64_FORMAT " s", ctx->ike_lifetime);
  value (text, "  strongSwan proposal", "%s", ike);
  g_string_append_c (text, '\n');
  g_string_append (text, "IPsec (phase 2)\n");
  value (text, "  Protocol", "%s", ctx->transform);
  value (text, "  Mode", "%s", ctx->encapsulation);
  value (text, "  Encryption", "%s", ctx->esp_encryption);
  value (text, "  Integrity", "%s", ctx->esp_auth);
  value (text, "  PFS group", "%s (%s)", ctx->esp_pfs, _tn_export_strongswan_name (ctx->esp_pfs));
  value (text, "  Lifetime", "%" G_GINT64_FORMAT " s", ctx->esp_lifetime);
  value (text, "  strongSwan proposal", "%s", esp);
  value (text, "  Anti-replay", "%s", anti_replay (ctx) ? "on" : "off");
  g_string_append_c (text, '\n');
  value (text, "DPD", "%s, every %d s, timeout %d s", ctx->dpd_action, ctx->dpd_interval, ctx->dpd_timeout);
  value (text, "Cloud initiator", "%s", ctx->response_only ? "response-only (the peer must initiate)" : "bi-directional");
  value (text, "MTU", "%d", ctx->mtu);

  _tn_export_add_file (ctx, "parameters.txt", text, TRUE);
}

static void
add_side (JsonBuilder        *builder,
          const char         *member,
          const char         *address,
          const char         *id,
          const char * const *cidrs)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, address);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "cidrs");
  json_builder_begin_array (builder);
  for (guint i = 0; cidrs[i] != NULL; i++)
    json_builder_add_string_value (builder, cidrs[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Opens the object @member; the caller adds its own members and closes it */
static void
add_phase (JsonBuilder *builder,
           const char  *member,
           const char  *encryption,
           const char  *auth,
           const char  *pfs,
           gint64       lifetime)
{
  g_autofree char *proposal = _tn_export_strongswan_proposal (encryption, auth, pfs);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "encryption_algorithm");
  json_builder_add_string_value (builder, encryption);
  json_builder_set_member_name (builder, "auth_algorithm");
  json_builder_add_string_value (builder, auth);
  json_builder_set_member_name (builder, "pfs");
  json_builder_add_string_value (builder, pfs);
  json_builder_set_member_name (builder, "dh_group");
  json_builder_add_int_value (builder, _tn_export_group_number (pfs));
  json_builder_set_member_name (builder, "lifetime_seconds");
  json_builder_add_int_value (builder, lifetime);
  json_builder_set_member_name (builder, "strongswan_proposal");
  json_builder_add_string_value (builder, proposal);
}

void
_tn_export_sheet_json (TnExportContext *ctx)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const cloud_cidrs[] = { ctx->cloud_cidr, NULL };
  char *json;
  GString *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "connection");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ctx->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ctx->title);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region_name (ctx));
  json_builder_end_object (builder);

  add_side (builder, "local", ctx->peer_address, ctx->peer_id, ctx->peer_cidrs);
  add_side (builder, "remote", ctx->cloud_address, ctx->cloud_id, cloud_cidrs);

  json_builder_set_member_name (builder, "auth_mode");
  json_builder_add_string_value (builder, "psk");
  json_builder_set_member_name (builder, "psk");
  if (ctx->psk != NULL)
    json_builder_add_string_value (builder, ctx->psk);
  else
    json_builder_add_null_value (builder);

  add_phase (builder, "ike", ctx->ike_encryption, ctx->ike_auth, ctx->ike_pfs, ctx->ike_lifetime);
  json_builder_set_member_name (builder, "ike_version");
  json_builder_add_int_value (builder, ctx->ike_version);
  json_builder_set_member_name (builder, "phase1_negotiation_mode");
  json_builder_add_string_value (builder, ctx->phase1_mode);
  json_builder_end_object (builder);

  add_phase (builder, "ipsec", ctx->esp_encryption, ctx->esp_auth, ctx->esp_pfs, ctx->esp_lifetime);
  json_builder_set_member_name (builder, "transform_protocol");
  json_builder_add_string_value (builder, ctx->transform);
  json_builder_set_member_name (builder, "encapsulation_mode");
  json_builder_add_string_value (builder, ctx->encapsulation);
  json_builder_set_member_name (builder, "anti_replay");
  json_builder_add_boolean_value (builder, anti_replay (ctx));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "dpd");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, ctx->dpd_action);
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, ctx->dpd_interval);
  json_builder_set_member_name (builder, "timeout");
  json_builder_add_int_value (builder, ctx->dpd_timeout);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cloud_initiator");
  json_builder_add_string_value (builder, ctx->response_only ? "response-only" : "bi-directional");
  json_builder_set_member_name (builder, "mtu");
  json_builder_add_int_value (builder, ctx->mtu);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ctx->warnings->len; i++)
    json_builder_add_string_value (builder, ((TnExportWarning *)g_ptr_array_index (ctx->warnings, i))->comment);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  text = g_string_new (json);
  g_string_append_c (text, '\n');
  tn_wipe_free (json);

  _tn_export_add_file (ctx, "parameters.json", text, TRUE);
}
