/* tn-export-libreswan.c: the peer side for Libreswan 4.x and 5.x
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExport"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-export-private.h"
#include "tn-wipe.h"

/* Libreswan caps both lifetimes at a day */
#define LIBRESWAN_MAX_LIFETIME 86400

static const char *
libreswan_hash (const char *auth)
{
  static const char * const names[][2] = {
    { "sha1", "sha1" }, { "sha256", "sha2_256" }, { "sha384", "sha2_384" }, { "sha512", "sha2_512" },
    { "aes-xcbc", "aes_xcbc" }, { "aes-cmac", "aes_cmac" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], auth))
      return names[i][1];

  return auth;
}

/* aes-128 → aes128, aes-256-gcm-16 → aes_gcm256, aes-128-ctr → aesctr128 */
static char *
libreswan_cipher (const char *encryption)
{
  int bits = _tn_export_aes_bits (encryption);

  if (bits == 0)
    return g_strdup (encryption);
  if (strstr (encryption, "gcm") != NULL)
    return g_strdup_printf ("aes_gcm%d", bits);
  if (strstr (encryption, "ccm") != NULL)
    return g_strdup_printf ("aes_ccm%d", bits);
  if (strstr (encryption, "ctr") != NULL)
    return g_strdup_printf ("aesctr%d", bits);

  return g_strdup_printf ("aes%d", bits);
}

/* MODP groups by size, elliptic curves as dhN; %NULL when Libreswan has none */
static const char *
libreswan_group (const char *pfs)
{
  switch (_tn_export_group_number (pfs))
    {
    case 2: return "modp1024";
    case 5: return "modp1536";
    case 14: return "modp2048";
    case 15: return "modp3072";
    case 16: return "modp4096";
    case 17: return "modp6144";
    case 18: return "modp8192";
    case 19: return "dh19";
    case 20: return "dh20";
    case 21: return "dh21";
    case 31: return "dh31";
    default: return NULL;
    }
}

static char *
libreswan_proposal (TnExportContext *ctx,
                    const char      *encryption,
                    const char      *auth,
                    const char      *pfs,
                    gboolean         ike)
{
  g_autofree char *cipher = libreswan_cipher (encryption);
  const char *group = libreswan_group (pfs);
  gboolean aead = strstr (encryption, "gcm") != NULL || strstr (encryption, "ccm") != NULL;

  if (group == NULL)
    {
      _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                       ike ? N_("Libreswan has no DH group %s for the IKE policy; change the cloud's IKE policy.")
                           : N_("Libreswan has no DH group %s for the IPsec policy; change the cloud's IPsec policy."),
                       pfs);
      group = pfs;
    }

  /* an AEAD cipher takes no integrity algorithm in ESP; IKE names its PRF */
  if (aead && !ike)
    return g_strdup_printf ("%s-%s", cipher, group);

  return g_strdup_printf ("%s-%s-%s", cipher, libreswan_hash (auth), group);
}

static char *
libreswan_id (const char *id)
{
  if (_tn_export_is_ip_address (id) || id[0] == '@')
    return g_strdup (id);

  return g_strconcat ("@", id, NULL);
}

static void
add_warnings (TnExportContext *ctx)
{
  if (ctx->ike_version == 1)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_LIBRESWAN_IKEV1,
                     N_("Libreswan 5 and later refuse IKEv1 unless \"ikev1-policy=accept\" is in config setup "
                        "(the line is in this export, commented out)."));
  if (_tn_export_group_number (ctx->ike_pfs) == 2 || _tn_export_group_number (ctx->esp_pfs) == 2)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_LIBRESWAN_DH2,
                     N_("Libreswan 5.5 and later no longer have DH group 2 (modp1024), nor do some builds of "
                        "older versions (Debian 12's 4.10 refuses it for IKE). Change the cloud's policies to group 14."));
  if (_tn_export_dpd_is_on (ctx))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_LIBRESWAN_DPD,
                     N_("Libreswan 5 and later ignore dpdaction: the DPD action \"%s\" only applies to Libreswan 4."),
                     ctx->dpd_action);
  _tn_export_check_lifetimes (ctx, "Libreswan", LIBRESWAN_MAX_LIFETIME, LIBRESWAN_MAX_LIFETIME);
}

void
_tn_export_libreswan (TnExportContext *ctx)
{
  GString *conf = g_string_new (NULL);
  GString *secrets = g_string_new (NULL);
  g_autofree char *ike = NULL;
  g_autofree char *esp = NULL;
  g_autofree char *leftid = libreswan_id (ctx->peer_id);
  g_autofree char *rightid = libreswan_id (ctx->cloud_id);
  g_autofree char *psk = _tn_export_quote_psk (ctx->psk);
  g_autofree char *conf_name = g_strconcat (ctx->name, ".conf", NULL);
  g_autofree char *secrets_name = g_strconcat (ctx->name, ".secrets", NULL);

  add_warnings (ctx);
  ike = libreswan_proposal (ctx, ctx->ike_encryption, ctx->ike_auth, ctx->ike_pfs, TRUE);
  esp = libreswan_proposal (ctx, ctx->esp_encryption, ctx->esp_auth, ctx->esp_pfs, FALSE);

  g_string_append_printf (conf, "# Goes in /etc/ipsec.d/%s; the key in /etc/ipsec.d/%s.\n", conf_name, secrets_name);
  if (ctx->ike_version == 1)
    g_string_append (conf, "# Libreswan 5.x refuses IKEv1 by default: add this line to config setup\n"
                           "# in /etc/ipsec.conf:\n"
                           "#    ikev1-policy=accept\n");
  g_string_append (conf, "\n");
  g_string_append_printf (conf, "conn %s\n", ctx->name);
  g_string_append (conf, "    authby=secret\n");
  g_string_append_printf (conf, "    left=%s\n", ctx->peer_address);
  g_string_append_printf (conf, "    leftid=%s\n", leftid);
  if (g_strv_length ((char **)ctx->peer_cidrs) == 1)
    g_string_append_printf (conf, "    leftsubnet=%s\n", ctx->peer_cidrs[0]);
  else
    {
      g_autofree char *cidrs = g_strjoinv (" ", (char **)ctx->peer_cidrs);

      g_string_append_printf (conf, "    leftsubnets={%s}\n", cidrs);
    }
  g_string_append_printf (conf, "    right=%s\n", ctx->cloud_address);
  g_string_append_printf (conf, "    rightid=%s\n", rightid);
  g_string_append_printf (conf, "    rightsubnet=%s\n", ctx->cloud_cidr);
  g_string_append_printf (conf, "    ikev2=%s\n", ctx->ike_version == 2 ? "yes" : "no");
  if (g_str_equal (ctx->phase1_mode, "aggressive"))
    g_string_append (conf, "    aggressive=yes\n");
  g_string_append_printf (conf, "    ike=%s\n", ike);
  g_string_append_printf (conf, "    esp=%s\n", esp);
  g_string_append (conf, "    pfs=yes\n");
  g_string_append_printf (conf, "    ikelifetime=%" G_GINT64_FORMAT "s\n", MIN (ctx->ike_lifetime, LIBRESWAN_MAX_LIFETIME));
  g_string_append_printf (conf, "    salifetime=%" G_GINT64_FORMAT "s\n", MIN (ctx->esp_lifetime, LIBRESWAN_MAX_LIFETIME));
  if (_tn_export_dpd_is_on (ctx))
    {
      g_string_append_printf (conf, "    dpddelay=%d\n", ctx->dpd_interval);
      g_string_append_printf (conf, "    dpdtimeout=%d\n", ctx->dpd_timeout);
      g_string_append_printf (conf, "    # dpdaction applies to Libreswan 4.x only\n"
                                    "    dpdaction=%s\n", ctx->dpd_action);
    }
  if (tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address"))
    g_string_append (conf, "    replay-window=0\n");
  g_string_append_printf (conf, "    type=%s\n", ctx->encapsulation);
  g_string_append_printf (conf, "    # Libreswan 5.x also spells auto=route as auto=ondemand\n"
                                "    auto=%s\n", ctx->response_only ? "start" : "route");

  g_string_append_printf (secrets, "# /etc/ipsec.d/%s (mode 0600)\n", secrets_name);
  g_string_append_printf (secrets, "%s %s : PSK %s\n", leftid, rightid, psk);

  tn_wipe_memory (psk, strlen (psk));
  _tn_export_add_file (ctx, conf_name, conf, FALSE);
  _tn_export_add_file (ctx, secrets_name, secrets, TRUE);
}
