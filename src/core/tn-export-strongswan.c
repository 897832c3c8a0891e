/* tn-export-strongswan.c: the peer side for strongSwan, swanctl.conf and
 * the legacy ipsec.conf + ipsec.secrets
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExport"

#include "config.h"

#include "tn-export-private.h"
#include "tn-wipe.h"

/* The cloud's DPD action, as the peer's: hold waits for traffic (trap),
 * restart and clear are the same; the actions strongSwan refuses get no
 * DPD at all (the cloud side never comes up anyway). */
static const char *
swanctl_dpd_action (const char *action)
{
  if (g_str_equal (action, "hold"))
    return "trap";
  if (g_str_equal (action, "restart") || g_str_equal (action, "clear"))
    return action;

  return NULL;
}

static char *
join_cidrs (const char * const *cidrs,
            const char         *separator)
{
  return g_strjoinv (separator, (char **)cidrs);
}

/* ipsec.conf and ipsec.secrets take an FQDN identity with a leading @ */
static char *
legacy_id (const char *id)
{
  if (_tn_export_is_ip_address (id) || id[0] == '@')
    return g_strdup (id);

  return g_strconcat ("@", id, NULL);
}

static gboolean
needs_anti_replay_off (TnExportContext *ctx)
{
  return tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address");
}

void
_tn_export_swanctl (TnExportContext *ctx)
{
  GString *text = g_string_new (NULL);
  g_autofree char *ike = _tn_export_strongswan_proposal (ctx->ike_encryption, ctx->ike_auth, ctx->ike_pfs);
  g_autofree char *esp = _tn_export_strongswan_proposal (ctx->esp_encryption, ctx->esp_auth, ctx->esp_pfs);
  g_autofree char *local_ts = join_cidrs (ctx->peer_cidrs, ", ");
  g_autofree char *psk = _tn_export_quote_psk (ctx->psk);

  g_string_append (text, "connections {\n");
  g_string_append_printf (text, "    %s {\n", ctx->name);
  g_string_append_printf (text, "        version = %d\n", ctx->ike_version);
  g_string_append_printf (text, "        local_addrs = %s\n", ctx->peer_address);
  g_string_append_printf (text, "        remote_addrs = %s\n", ctx->cloud_address);
  g_string_append_printf (text, "        proposals = %s\n", ike);
  if (ctx->ike_version == 2)
    g_string_append_printf (text, "        rekey_time = %" G_GINT64_FORMAT "s\n", ctx->ike_lifetime);
  else
    g_string_append_printf (text, "        rekey_time = 0s\n"
                                  "        reauth_time = %" G_GINT64_FORMAT "s\n", ctx->ike_lifetime);
  if (g_str_equal (ctx->phase1_mode, "aggressive"))
    g_string_append (text, "        aggressive = yes\n");
  if (_tn_export_dpd_is_on (ctx))
    {
      g_string_append_printf (text, "        dpd_delay = %ds\n", ctx->dpd_interval);
      if (ctx->ike_version == 1)
        g_string_append_printf (text, "        dpd_timeout = %ds\n", ctx->dpd_timeout);
    }
  g_string_append (text, "        local {\n"
                         "            auth = psk\n");
  g_string_append_printf (text, "            id = %s\n", ctx->peer_id);
  g_string_append (text, "        }\n"
                         "        remote {\n"
                         "            auth = psk\n");
  g_string_append_printf (text, "            id = %s\n", ctx->cloud_id);
  g_string_append (text, "        }\n"
                         "        children {\n");
  g_string_append_printf (text, "            %s {\n", ctx->name);
  g_string_append_printf (text, "                local_ts = %s\n", local_ts);
  g_string_append_printf (text, "                remote_ts = %s\n", ctx->cloud_cidr);
  g_string_append_printf (text, "                esp_proposals = %s\n", esp);
  g_string_append_printf (text, "                life_time = %" G_GINT64_FORMAT "s\n", ctx->esp_lifetime);
  g_string_append_printf (text, "                rekey_time = %" G_GINT64_FORMAT "s\n", ctx->esp_lifetime * 9 / 10);
  g_string_append_printf (text, "                mode = %s\n", ctx->encapsulation);
  if (_tn_export_dpd_is_on (ctx))
    g_string_append_printf (text, "                dpd_action = %s\n", swanctl_dpd_action (ctx->dpd_action));
  if (needs_anti_replay_off (ctx))
    g_string_append (text, "                replay_window = 0\n");
  g_string_append_printf (text, "                start_action = %s\n", ctx->response_only ? "start" : "trap");
  g_string_append (text, "            }\n"
                         "        }\n"
                         "    }\n"
                         "}\n"
                         "\n"
                         "secrets {\n");
  g_string_append_printf (text, "    ike-%s {\n", ctx->name);
  g_string_append_printf (text, "        id-local = %s\n", ctx->peer_id);
  g_string_append_printf (text, "        id-remote = %s\n", ctx->cloud_id);
  g_string_append_printf (text, "        secret = %s\n", psk);
  g_string_append (text, "    }\n"
                         "}\n");

  tn_wipe_memory (psk, strlen (psk));
  _tn_export_add_file (ctx, "swanctl.conf", text, TRUE);
}

void
_tn_export_ipsec_conf (TnExportContext *ctx)
{
  GString *conf = g_string_new (NULL);
  GString *secrets = g_string_new (NULL);
  g_autofree char *ike = _tn_export_strongswan_proposal (ctx->ike_encryption, ctx->ike_auth, ctx->ike_pfs);
  g_autofree char *esp = _tn_export_strongswan_proposal (ctx->esp_encryption, ctx->esp_auth, ctx->esp_pfs);
  g_autofree char *leftsubnet = join_cidrs (ctx->peer_cidrs, ",");
  g_autofree char *leftid = legacy_id (ctx->peer_id);
  g_autofree char *rightid = legacy_id (ctx->cloud_id);
  g_autofree char *psk = _tn_export_quote_psk (ctx->psk);
  gint64 shortest = MIN (ctx->ike_lifetime, ctx->esp_lifetime);

  g_string_append (conf, "config setup\n\n");
  g_string_append_printf (conf, "conn %s\n", ctx->name);
  g_string_append_printf (conf, "    keyexchange=ikev%d\n", ctx->ike_version);
  g_string_append (conf, "    authby=psk\n");
  g_string_append_printf (conf, "    left=%s\n", ctx->peer_address);
  g_string_append_printf (conf, "    leftid=%s\n", leftid);
  g_string_append_printf (conf, "    leftsubnet=%s\n", leftsubnet);
  g_string_append_printf (conf, "    right=%s\n", ctx->cloud_address);
  g_string_append_printf (conf, "    rightid=%s\n", rightid);
  g_string_append_printf (conf, "    rightsubnet=%s\n", ctx->cloud_cidr);
  g_string_append_printf (conf, "    ike=%s!\n", ike);
  g_string_append_printf (conf, "    esp=%s!\n", esp);
  if (g_str_equal (ctx->phase1_mode, "aggressive"))
    g_string_append (conf, "    aggressive=yes\n");
  g_string_append_printf (conf, "    ikelifetime=%" G_GINT64_FORMAT "s\n", ctx->ike_lifetime);
  g_string_append_printf (conf, "    lifetime=%" G_GINT64_FORMAT "s\n", ctx->esp_lifetime);
  /* the default margin, 9 minutes, must stay below both lifetimes */
  if (shortest < 2 * 540)
    g_string_append_printf (conf, "    margintime=%" G_GINT64_FORMAT "s\n", shortest / 10);
  if (_tn_export_dpd_is_on (ctx))
    {
      g_string_append_printf (conf, "    dpdaction=%s\n", ctx->dpd_action);
      g_string_append_printf (conf, "    dpddelay=%ds\n", ctx->dpd_interval);
      g_string_append_printf (conf, "    dpdtimeout=%ds\n", ctx->dpd_timeout);
    }
  else
    g_string_append (conf, "    dpdaction=none\n");
  if (needs_anti_replay_off (ctx))
    g_string_append (conf, "    replay_window=0\n");
  g_string_append_printf (conf, "    type=%s\n", ctx->encapsulation);
  g_string_append_printf (conf, "    auto=%s\n", ctx->response_only ? "start" : "route");

  g_string_append_printf (secrets, "# ipsec.secrets (mode 0600) for %s\n", ctx->name);
  g_string_append_printf (secrets, "%s %s : PSK %s\n", leftid, rightid, psk);

  tn_wipe_memory (psk, strlen (psk));
  _tn_export_add_file (ctx, "ipsec.conf", conf, FALSE);
  _tn_export_add_file (ctx, "ipsec.secrets", secrets, TRUE);
}
