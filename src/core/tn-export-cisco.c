/* tn-export-cisco.c: the peer side for Cisco IOS: an IKEv1 crypto map, or
 * an IKEv2 proposal, keyring and profile on the same crypto map
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

#define DEVICE "Cisco IOS"

/* `lifetime` of ISAKMP policies and IKEv2 profiles; IPsec SAs */
#define CISCO_MAX_IKE_LIFETIME 86400
#define CISCO_MAX_ESP_LIFETIME 2592000

/* IOS declares a peer dead after five unanswered retries */
#define CISCO_DPD_RETRIES 5

static gboolean
group_supported (int group)
{
  switch (group)
    {
    case 2: case 5: case 14: case 15: case 16: case 19: case 20: case 21: case 24:
      return TRUE;
    default:
      return FALSE;
    }
}

/* IKEv1 policy: `encryption aes 256`; IKEv2 proposal: `encryption aes-cbc-256` */
static char *
ike_cipher (const char *encryption,
            int         version)
{
  int bits = _tn_export_aes_bits (encryption);

  if (g_str_equal (encryption, "3des"))
    return g_strdup ("3des");
  if (bits == 0 || strchr (encryption + strlen ("aes-"), '-') != NULL)
    return NULL;

  return version == 2 ? g_strdup_printf ("aes-cbc-%d", bits) : g_strdup_printf ("aes %d", bits);
}

static char *
ike_hash (const char *auth,
          int         version)
{
  if (g_str_equal (auth, "sha1"))
    return g_strdup (version == 2 ? "sha1" : "sha");
  if (g_str_equal (auth, "sha256") || g_str_equal (auth, "sha384") || g_str_equal (auth, "sha512"))
    return g_strdup (auth);

  return NULL;
}

/* the transform set: `esp-aes 256 esp-sha256-hmac` */
static char *
esp_transform (const char *encryption,
               const char *auth)
{
  int bits = _tn_export_aes_bits (encryption);
  const char *hmac = NULL;

  if (g_str_equal (auth, "sha1"))
    hmac = "esp-sha-hmac";
  else if (g_str_equal (auth, "sha256"))
    hmac = "esp-sha256-hmac";
  else if (g_str_equal (auth, "sha384"))
    hmac = "esp-sha384-hmac";
  else if (g_str_equal (auth, "sha512"))
    hmac = "esp-sha512-hmac";

  if (hmac == NULL)
    return NULL;
  if (g_str_equal (encryption, "3des"))
    return g_strdup_printf ("esp-3des %s", hmac);
  if (bits == 0 || strchr (encryption + strlen ("aes-"), '-') != NULL)
    return NULL;

  return g_strdup_printf ("esp-aes %d %s", bits, hmac);
}

static gboolean
psk_fits (const char *psk)
{
  for (const char *p = psk; *p != '\0'; p++)
    if (*p <= 0x20 || *p > 0x7e || *p == '?')
      return FALSE;

  return psk[0] != '\0';
}

static void
add_warnings (TnExportContext *ctx,
              int             *retry)
{
  g_autofree char *cipher = ike_cipher (ctx->ike_encryption, ctx->ike_version);
  g_autofree char *hash = ike_hash (ctx->ike_auth, ctx->ike_version);
  g_autofree char *transform = esp_transform (ctx->esp_encryption, ctx->esp_auth);

  if (cipher == NULL)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s has no %s for the IKE policy; change the cloud's IKE policy."),
                     DEVICE, ctx->ike_encryption);
  if (hash == NULL)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s has no %s for the IKE policy; change the cloud's IKE policy."),
                     DEVICE, ctx->ike_auth);
  if (!group_supported (_tn_export_group_number (ctx->ike_pfs)))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s has no %s for the IKE policy; change the cloud's IKE policy."),
                     DEVICE, ctx->ike_pfs);
  if (transform == NULL)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s has no %s for the IPsec policy; change the cloud's IPsec policy."),
                     DEVICE, ctx->esp_encryption);
  if (!group_supported (_tn_export_group_number (ctx->esp_pfs)))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("%s has no %s for the IPsec policy; change the cloud's IPsec policy."),
                     DEVICE, ctx->esp_pfs);
  if (g_str_equal (ctx->phase1_mode, "aggressive"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("This export does not write aggressive mode for %s; set it up by hand."),
                     DEVICE);
  if (!g_str_equal (ctx->transform, "esp") || !g_str_equal (ctx->encapsulation, "tunnel"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_UNSUPPORTED,
                     N_("This export writes ESP in tunnel mode only, not %s in %s mode."),
                     ctx->transform, ctx->encapsulation);

  *retry = CLAMP ((ctx->dpd_timeout - ctx->dpd_interval) / CISCO_DPD_RETRIES, 2, 60);
  if (_tn_export_dpd_is_on (ctx))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_DPD_RETRIES,
                     N_("%s counts DPD in retries: every %d s, then %d retries %d s apart, "
                        "about the cloud's %d s timeout."),
                     DEVICE, ctx->dpd_interval, CISCO_DPD_RETRIES, *retry, ctx->dpd_timeout);
  if (ctx->psk != NULL && !psk_fits (ctx->psk))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_PSK_CHARACTERS,
                     N_("The pre-shared key has spaces or characters %s cannot take (? or non-ASCII): "
                        "change the key on both sides."),
                     DEVICE);
  _tn_export_check_lifetimes (ctx, DEVICE, CISCO_MAX_IKE_LIFETIME, CISCO_MAX_ESP_LIFETIME);
}

static const char *
key_text (TnExportContext *ctx)
{
  if (ctx->psk == NULL)
    return TN_EXPORT_PSK_PLACEHOLDER;

  return psk_fits (ctx->psk) ? ctx->psk : "<KEY-NOT-WRITABLE-FOR-IOS>";
}

static void
append_ike (TnExportContext *ctx,
            GString         *text,
            int              retry)
{
  g_autofree char *cipher = ike_cipher (ctx->ike_encryption, ctx->ike_version);
  g_autofree char *hash = ike_hash (ctx->ike_auth, ctx->ike_version);
  int group = _tn_export_group_number (ctx->ike_pfs);
  gint64 lifetime = MIN (ctx->ike_lifetime, CISCO_MAX_IKE_LIFETIME);

  if (ctx->ike_version == 1)
    {
      g_string_append (text, "crypto isakmp policy 10\n");
      g_string_append_printf (text, " encryption %s\n", cipher ? cipher : ctx->ike_encryption);
      g_string_append_printf (text, " hash %s\n", hash ? hash : ctx->ike_auth);
      g_string_append (text, " authentication pre-share\n");
      g_string_append_printf (text, " group %d\n", group);
      g_string_append_printf (text, " lifetime %" G_GINT64_FORMAT "\n", lifetime);
      g_string_append_printf (text, "crypto isakmp key %s address %s\n", key_text (ctx), ctx->cloud_address);
      if (_tn_export_dpd_is_on (ctx))
        g_string_append_printf (text, "crypto isakmp keepalive %d %d periodic\n", ctx->dpd_interval, retry);
      g_string_append (text, "!\n");
      return;
    }

  g_string_append_printf (text, "crypto ikev2 proposal %s\n", ctx->name);
  g_string_append_printf (text, " encryption %s\n", cipher ? cipher : ctx->ike_encryption);
  g_string_append_printf (text, " integrity %s\n", hash ? hash : ctx->ike_auth);
  g_string_append_printf (text, " group %d\n", group);
  g_string_append_printf (text, "crypto ikev2 policy %s\n", ctx->name);
  g_string_append_printf (text, " proposal %s\n", ctx->name);
  g_string_append_printf (text, "crypto ikev2 keyring %s\n", ctx->name);
  g_string_append (text, " peer cloud\n");
  g_string_append_printf (text, "  address %s\n", ctx->cloud_address);
  g_string_append_printf (text, "  pre-shared-key %s\n", key_text (ctx));
  g_string_append_printf (text, "crypto ikev2 profile %s\n", ctx->name);
  if (_tn_export_is_ip_address (ctx->cloud_id))
    g_string_append_printf (text, " match identity remote address %s 255.255.255.255\n", ctx->cloud_id);
  else
    g_string_append_printf (text, " match identity remote fqdn %s\n", ctx->cloud_id);
  g_string_append_printf (text, " identity local %s %s\n",
                          _tn_export_is_ip_address (ctx->peer_id) ? "address" : "fqdn", ctx->peer_id);
  g_string_append (text, " authentication remote pre-share\n"
                         " authentication local pre-share\n");
  g_string_append_printf (text, " keyring local %s\n", ctx->name);
  g_string_append_printf (text, " lifetime %" G_GINT64_FORMAT "\n", lifetime);
  if (_tn_export_dpd_is_on (ctx))
    g_string_append_printf (text, " dpd %d %d periodic\n", ctx->dpd_interval, retry);
  g_string_append (text, "!\n");
}

void
_tn_export_cisco (TnExportContext *ctx)
{
  GString *text = g_string_new (NULL);
  g_autofree char *transform = esp_transform (ctx->esp_encryption, ctx->esp_auth);
  g_autofree char *remote = NULL;
  g_autofree char *remote_mask = NULL;
  g_autofree char *remote_wildcard = NULL;
  int retry = 0;

  add_warnings (ctx, &retry);
  if (!_tn_export_split_cidr (ctx->cloud_cidr, &remote, &remote_mask, &remote_wildcard))
    {
      remote = g_strdup (ctx->cloud_cidr);
      remote_wildcard = g_strdup ("<wildcard>");
    }

  g_string_append (text, "! Configuration mode (configure terminal). Apply the crypto map to the\n"
                         "! outside interface and exempt this traffic from NAT.\n");
  append_ike (ctx, text, retry);

  g_string_append_printf (text, "crypto ipsec transform-set %s %s\n", ctx->name,
                          transform ? transform : ctx->esp_encryption);
  g_string_append (text, " mode tunnel\n!\n");

  g_string_append_printf (text, "ip access-list extended %s\n", ctx->name);
  for (guint i = 0; ctx->peer_cidrs[i] != NULL; i++)
    {
      g_autofree char *local = NULL;
      g_autofree char *local_mask = NULL;
      g_autofree char *local_wildcard = NULL;

      if (!_tn_export_split_cidr (ctx->peer_cidrs[i], &local, &local_mask, &local_wildcard))
        {
          local = g_strdup (ctx->peer_cidrs[i]);
          local_wildcard = g_strdup ("<wildcard>");
        }
      g_string_append_printf (text, " permit ip %s %s %s %s\n", local, local_wildcard, remote, remote_wildcard);
    }
  g_string_append (text, "!\n");

  g_string_append_printf (text, "crypto map TUNNELS 10 ipsec-isakmp\n");
  g_string_append_printf (text, " set peer %s\n", ctx->cloud_address);
  g_string_append_printf (text, " set transform-set %s\n", ctx->name);
  g_string_append_printf (text, " set pfs group%d\n", _tn_export_group_number (ctx->esp_pfs));
  g_string_append_printf (text, " set security-association lifetime seconds %" G_GINT64_FORMAT "\n",
                          MIN (ctx->esp_lifetime, CISCO_MAX_ESP_LIFETIME));
  if (tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address"))
    g_string_append (text, " set security-association replay disable\n");
  if (ctx->ike_version == 2)
    g_string_append_printf (text, " set ikev2-profile %s\n", ctx->name);
  g_string_append_printf (text, " match address %s\n", ctx->name);
  g_string_append (text, "!\n"
                         "interface GigabitEthernet0/0\n"
                         " ! the outside interface; change the name\n"
                         " crypto map TUNNELS\n"
                         "!\n");

  _tn_export_add_file (ctx, "cisco-ios.txt", text, TRUE);
}
