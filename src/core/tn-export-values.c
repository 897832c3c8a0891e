/* tn-export-values.c: values as the targets spell them: algorithm and
 * group names, proposals, netmasks, and the quoting of pre-shared keys
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExport"

#include "config.h"

#include <gio/gio.h>

#include "tn-export-private.h"
#include "tn-wipe.h"

gboolean
_tn_export_is_printable_ascii (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p < 0x20 || *p > 0x7e)
      return FALSE;

  return text != NULL;
}

/* A key strongSwan and Libreswan take between double quotes as it is;
 * anything else goes in their base64 form (`0s…`). A quoted key that starts
 * with 0x or 0s would be decoded by swanctl, so it is encoded too. */
gboolean
_tn_export_psk_is_plain (const char *psk)
{
  if (!_tn_export_is_printable_ascii (psk) || psk[0] == '\0')
    return FALSE;
  if (psk[0] == '0' && (psk[1] == 'x' || psk[1] == 'X' || psk[1] == 's' || psk[1] == 'S'))
    return FALSE;

  return strpbrk (psk, "\"\\$") == NULL;
}

char *
_tn_export_to_base64 (const char *psk)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *)psk, strlen (psk));
  char *result = g_strconcat ("0s", encoded, NULL);

  tn_wipe_memory (encoded, strlen (encoded));

  return result;
}

char *
_tn_export_quote_psk (const char *psk)
{
  if (psk == NULL)
    return g_strdup ("\"" TN_EXPORT_PSK_PLACEHOLDER "\"");
  if (_tn_export_psk_is_plain (psk))
    return g_strconcat ("\"", psk, "\"", NULL);

  return _tn_export_to_base64 (psk);
}

static const struct
{
  const char *neutron;
  const char *strongswan;
} strongswan_names[] = {
  { "3des", "3des" },
  { "aes-xcbc", "aesxcbc" },
  { "aes-cmac", "aescmac" },
  { "group2", "modp1024" },
  { "group5", "modp1536" },
  { "group14", "modp2048" },
  { "group15", "modp3072" },
  { "group16", "modp4096" },
  { "group17", "modp6144" },
  { "group18", "modp8192" },
  { "group19", "ecp256" },
  { "group20", "ecp384" },
  { "group21", "ecp521" },
  { "group22", "modp1024s160" },
  { "group23", "modp2048s224" },
  { "group24", "modp2048s256" },
  { "group25", "ecp192" },
  { "group26", "ecp224" },
  { "group27", "ecp224bp" },
  { "group28", "ecp256bp" },
  { "group29", "ecp384bp" },
  { "group30", "ecp512bp" },
  { "group31", "curve25519" },
};

/* aes-128 → aes128, aes-256-gcm-16 → aes256gcm16, group14 → modp2048;
 * sha1, sha256… are the same. Unknown values are returned as they are. */
const char *
_tn_export_strongswan_name (const char *value)
{
  static GHashTable *aes_names;

  for (guint i = 0; i < G_N_ELEMENTS (strongswan_names); i++)
    if (g_strcmp0 (strongswan_names[i].neutron, value) == 0)
      return strongswan_names[i].strongswan;

  if (value != NULL && g_str_has_prefix (value, "aes-"))
    {
      char *name;

      if (g_once_init_enter (&aes_names))
        g_once_init_leave (&aes_names, g_hash_table_new (g_str_hash, g_str_equal));
      name = g_hash_table_lookup (aes_names, value);
      if (name == NULL)
        {
          g_auto(GStrv) parts = g_strsplit (value, "-", -1);

          name = g_strjoinv ("", parts);
          g_hash_table_insert (aes_names, g_strdup (value), name);
        }
      return name;
    }

  return value;
}

static gboolean
is_aead (const char *encryption)
{
  return encryption != NULL && (strstr (encryption, "gcm") != NULL || strstr (encryption, "ccm") != NULL);
}

/* An IKE or ESP proposal in strongSwan's syntax: enc-integ-dh; an AEAD
 * cipher takes no integrity algorithm (IKE then names the PRF). */
char *
_tn_export_strongswan_proposal (const char *encryption,
                                const char *auth,
                                const char *pfs)
{
  GString *proposal = g_string_new (_tn_export_strongswan_name (encryption));

  if (!is_aead (encryption))
    g_string_append_printf (proposal, "-%s", _tn_export_strongswan_name (auth));
  if (pfs != NULL)
    g_string_append_printf (proposal, "-%s", _tn_export_strongswan_name (pfs));

  return g_string_free (proposal, FALSE);
}

int
_tn_export_group_number (const char *pfs)
{
  if (pfs == NULL || !g_str_has_prefix (pfs, "group"))
    return 0;

  return (int)g_ascii_strtoll (pfs + strlen ("group"), NULL, 10);
}

/* 128, 192 or 256 for aes-*; 0 for anything else */
int
_tn_export_aes_bits (const char *encryption)
{
  if (encryption == NULL || !g_str_has_prefix (encryption, "aes-"))
    return 0;

  return (int)g_ascii_strtoll (encryption + strlen ("aes-"), NULL, 10);
}

/* DPD on the peer: the cloud's hold, clear and restart; the actions the
 * cloud's strongSwan refuses get none (that side never comes up anyway). */
gboolean
_tn_export_dpd_is_on (TnExportContext *ctx)
{
  return g_str_equal (ctx->dpd_action, "hold") || g_str_equal (ctx->dpd_action, "clear")
         || g_str_equal (ctx->dpd_action, "restart");
}

gboolean
_tn_export_is_ip_address (const char *text)
{
  return text != NULL && g_hostname_is_ip_address (text);
}

/* 10.0.0.0/24 → 10.0.0.0, 255.255.255.0, 0.0.0.255 (IPv4 only) */
gboolean
_tn_export_split_cidr (const char  *cidr,
                       char       **address,
                       char       **netmask,
                       char       **wildcard)
{
  g_autoptr(GInetAddressMask) mask = g_inet_address_mask_new_from_string (cidr, NULL);
  guint32 bits;
  guint length;

  if (mask == NULL || g_inet_address_mask_get_family (mask) != G_SOCKET_FAMILY_IPV4)
    return FALSE;

  length = g_inet_address_mask_get_length (mask);
  bits = length == 0 ? 0 : 0xffffffffu << (32 - length);
  *address = g_inet_address_to_string (g_inet_address_mask_get_address (mask));
  *netmask = g_strdup_printf ("%u.%u.%u.%u", bits >> 24, (bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
  bits = ~bits;
  *wildcard = g_strdup_printf ("%u.%u.%u.%u", bits >> 24, (bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);

  return TRUE;
}
