/* tn-export-yamaha.c: the peer side for Yamaha RTX routers
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

/* `ipsec ike duration isakmp-sa` and `ipsec-sa` take at most 8 hours */
#define YAMAHA_MAX_LIFETIME 28800
#define YAMAHA_MAX_DPD_COUNT 50

#define DEVICE "Yamaha RTX"

/* IKE: 3des-cbc, aes-cbc (128 bits), aes256-cbc; %NULL when RTX has none */
static const char *
yamaha_cipher (const char *encryption)
{
  if (g_str_equal (encryption, "3des"))
    return "3des-cbc";
  if (g_str_equal (encryption, "aes-128"))
    return "aes-cbc";
  if (g_str_equal (encryption, "aes-256"))
    return "aes256-cbc";

  return NULL;
}

static const char *
yamaha_hash (const char *auth,
             gboolean    hmac)
{
  static const char * const names[][3] = {
    { "sha1", "sha", "sha-hmac" }, { "sha256", "sha256", "sha256-hmac" },
    { "sha384", "sha384", "sha384-hmac" }, { "sha512", "sha512", "sha512-hmac" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], auth))
      return names[i][hmac ? 2 : 1];

  return NULL;
}

static const char *
yamaha_group (const char *pfs)
{
  switch (_tn_export_group_number (pfs))
    {
    case 2: return "modp1024";
    case 5: return "modp1536";
    case 14: return "modp2048";
    default: return NULL;
    }
}

/* A value RTX cannot take: warn, and write the command commented out */
static const char *
check (TnExportContext *ctx,
       const char      *name,
       const char      *value,
       gboolean         ike)
{
  if (name != NULL)
    return name;

  _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                   ike ? N_("%s has no %s for the IKE policy; change the cloud's IKE policy.")
                       : N_("%s has no %s for the IPsec policy; change the cloud's IPsec policy."),
                   DEVICE, value);
  return NULL;
}

static void
append_command (GString    *text,
                const char *value,
                const char *format,
                ...) G_GNUC_PRINTF (3, 4);

static void
append_command (GString    *text,
                const char *value,
                const char *format,
                ...)
{
  va_list args;

  if (value == NULL)
    g_string_append (text, "# (not available on RTX) ");
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
  g_string_append_c (text, '\n');
}

static gboolean
psk_fits (const char *psk)
{
  for (const char *p = psk; *p != '\0'; p++)
    if (*p <= 0x20 || *p > 0x7e || *p == '"' || *p == '#' || *p == '?' || *p == '\\')
      return FALSE;

  return psk[0] != '\0';
}

void
_tn_export_yamaha (TnExportContext *ctx)
{
  GString *text = g_string_new (NULL);
  const char *ike_cipher = check (ctx, yamaha_cipher (ctx->ike_encryption), ctx->ike_encryption, TRUE);
  const char *ike_hash = check (ctx, yamaha_hash (ctx->ike_auth, FALSE), ctx->ike_auth, TRUE);
  const char *ike_group = check (ctx, yamaha_group (ctx->ike_pfs), ctx->ike_pfs, TRUE);
  const char *esp_cipher = check (ctx, yamaha_cipher (ctx->esp_encryption), ctx->esp_encryption, FALSE);
  const char *esp_hash = check (ctx, yamaha_hash (ctx->esp_auth, TRUE), ctx->esp_auth, FALSE);
  int count = (ctx->dpd_timeout + ctx->dpd_interval - 1) / ctx->dpd_interval;
  gboolean dpd = _tn_export_dpd_is_on (ctx);

  count = CLAMP (count, 1, YAMAHA_MAX_DPD_COUNT);
  if (g_strcmp0 (ctx->ike_pfs, ctx->esp_pfs) != 0)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_PFS_DIFFERS,
                     N_("%s uses one DH group for both phases, but the IKE policy has %s and the IPsec policy %s: "
                        "make them the same."),
                     DEVICE, ctx->ike_pfs, ctx->esp_pfs);
  if (dpd)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_DPD_RETRIES,
                     N_("%s counts DPD in retries: every %d s, %d times, about the cloud's %d s timeout."),
                     DEVICE, ctx->dpd_interval, count, ctx->dpd_timeout);
  if (g_strv_length ((char **)ctx->peer_cidrs) > 1)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s negotiates one pair of networks per tunnel: this export covers %s only; "
                        "add a tunnel for each other peer CIDR."),
                     DEVICE, ctx->peer_cidrs[0]);
  if (!g_str_equal (ctx->transform, "esp") || !g_str_equal (ctx->encapsulation, "tunnel"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("This export writes ESP in tunnel mode only, not %s in %s mode."),
                     ctx->transform, ctx->encapsulation);
  if (ctx->psk != NULL && !psk_fits (ctx->psk))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_PSK_CHARACTERS,
                     N_("The pre-shared key has spaces or characters %s cannot take (\", #, ?, \\ or non-ASCII): "
                        "change the key on both sides."),
                     DEVICE);
  _tn_export_check_lifetimes (ctx, DEVICE, YAMAHA_MAX_LIFETIME, YAMAHA_MAX_LIFETIME);

  g_string_append (text, "# Tunnel 1, gateway 1 and SA policy 101: change them to free numbers.\n");
  g_string_append (text, "tunnel select 1\n");
  g_string_append (text, " ipsec tunnel 101\n");
  g_string_append (text, "  ");
  append_command (text, esp_cipher != NULL && esp_hash != NULL ? esp_cipher : NULL, "ipsec sa policy 101 1 esp %s %s%s",
                  esp_cipher ? esp_cipher : ctx->esp_encryption, esp_hash ? esp_hash : ctx->esp_auth,
                  tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address")
                  ? " anti-replay-check=off" : "");
  if (ctx->ike_version == 2)
    g_string_append (text, "  ipsec ike version 1 2\n");
  g_string_append_printf (text, "  ipsec ike duration ipsec-sa 1 %" G_GINT64_FORMAT "\n",
                          MIN (ctx->esp_lifetime, YAMAHA_MAX_LIFETIME));
  g_string_append_printf (text, "  ipsec ike duration isakmp-sa 1 %" G_GINT64_FORMAT "\n",
                          MIN (ctx->ike_lifetime, YAMAHA_MAX_LIFETIME));
  g_string_append (text, "  ");
  append_command (text, ike_cipher, "ipsec ike encryption 1 %s", ike_cipher ? ike_cipher : ctx->ike_encryption);
  g_string_append (text, "  ");
  append_command (text, ike_group, "ipsec ike group 1 %s", ike_group ? ike_group : ctx->ike_pfs);
  g_string_append (text, "  ");
  append_command (text, ike_hash, "ipsec ike hash 1 %s", ike_hash ? ike_hash : ctx->ike_auth);
  if (g_str_equal (ctx->phase1_mode, "aggressive"))
    g_string_append (text, "  ipsec ike exchange-type 1 aggressive\n");
  if (dpd)
    g_string_append_printf (text, "  ipsec ike keepalive use 1 on dpd %d %d\n", ctx->dpd_interval, count);
  else
    g_string_append (text, "  ipsec ike keepalive use 1 off\n");
  g_string_append_printf (text, "  ipsec ike local address 1 %s\n", ctx->peer_address);
  if (g_strcmp0 (ctx->peer_id, ctx->peer_address) != 0)
    g_string_append_printf (text, "  ipsec ike local name 1 %s %s\n", ctx->peer_id,
                            _tn_export_is_ip_address (ctx->peer_id) ? "ipv4-addr" : "fqdn");
  g_string_append_printf (text, "  ipsec ike local id 1 %s\n", ctx->peer_cidrs[0]);
  g_string_append (text, "  ipsec ike pfs 1 on\n");
  if (ctx->psk == NULL || psk_fits (ctx->psk))
    g_string_append_printf (text, "  ipsec ike pre-shared-key 1 text %s\n", ctx->psk ? ctx->psk : TN_EXPORT_PSK_PLACEHOLDER);
  else
    g_string_append (text, "  # ipsec ike pre-shared-key 1 text (this key cannot be written for RTX)\n");
  g_string_append_printf (text, "  ipsec ike remote address 1 %s\n", ctx->cloud_address);
  if (g_strcmp0 (ctx->cloud_id, ctx->cloud_address) != 0)
    g_string_append_printf (text, "  ipsec ike remote name 1 %s %s\n", ctx->cloud_id,
                            _tn_export_is_ip_address (ctx->cloud_id) ? "ipv4-addr" : "fqdn");
  g_string_append_printf (text, "  ipsec ike remote id 1 %s\n", ctx->cloud_cidr);
  if (ctx->response_only)
    g_string_append (text, "  ipsec auto refresh 1 on\n");
  g_string_append_printf (text, "  ip tunnel mtu %d\n", ctx->mtu);
  g_string_append (text, "  ip tunnel tcp mss limit auto\n");
  g_string_append (text, " tunnel enable 1\n");
  g_string_append (text, "tunnel select none\n");
  g_string_append_printf (text, "ip route %s gateway tunnel 1\n", ctx->cloud_cidr);
  g_string_append (text, "ipsec auto refresh on\n");

  _tn_export_add_file (ctx, "yamaha-rtx.txt", text, TRUE);
}
