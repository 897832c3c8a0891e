/* tn-validate.c: checks of user input, before any request (SPEC §5)
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnValidate"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "tn-error.h"
#include "tn-validate.h"

#define MAX_TEXT_LENGTH 255

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, TN_ERROR, TN_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/**
 * tn_validate_text:
 * @required: whether an empty text is an error
 *
 * Checks a name, a description or an identifier: at most 255 characters.
 */
gboolean
tn_validate_text (const char  *text,
                  gboolean     required,
                  GError     **error)
{
  if (text == NULL || *text == '\0')
    return required ? fail (error, _("Enter a value.")) : TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, _("The text is not valid UTF-8."));

  if (g_utf8_strlen (text, -1) > MAX_TEXT_LENGTH)
    return fail (error, _("Use at most 255 characters."));

  return TRUE;
}

static GInetAddress *
parse_address (const char *text)
{
  /* GLib accepts only the canonical forms; no surrounding space. */
  if (text == NULL || *text == '\0' || g_ascii_isspace (text[0]) ||
      g_ascii_isspace (text[strlen (text) - 1]))
    return NULL;

  return g_inet_address_new_from_string (text);
}

/**
 * tn_validate_ip_address:
 * @ipv4_only: whether IPv6 addresses are refused
 * @family: (out) (optional): the address family
 */
gboolean
tn_validate_ip_address (const char     *text,
                        gboolean        ipv4_only,
                        GSocketFamily  *family,
                        GError        **error)
{
  g_autoptr(GInetAddress) address = parse_address (text);

  if (address == NULL)
    return fail (error, ipv4_only ? _("Enter an IPv4 address, such as 203.0.113.10.")
                                  : _("Enter an IPv4 or IPv6 address."));

  if (ipv4_only && g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
    return fail (error, _("Enter an IPv4 address, such as 203.0.113.10."));

  if (g_inet_address_get_is_any (address) || g_inet_address_get_is_multicast (address))
    return fail (error, _("Enter the address of one host."));

  if (family)
    *family = g_inet_address_get_family (address);

  return TRUE;
}

static gboolean
is_host_name (const char *text)
{
  g_auto(GStrv) labels = NULL;
  gboolean has_letter = FALSE;
  gsize length = strlen (text);

  if (length == 0 || length > 253)
    return FALSE;

  labels = g_strsplit (text, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize n = strlen (label);

      if (n == 0 || n > 63 || label[0] == '-' || label[n - 1] == '-')
        return FALSE;

      for (const char *p = label; *p; p++)
        {
          if (g_ascii_isalpha (*p))
            has_letter = TRUE;
          else if (!g_ascii_isdigit (*p) && *p != '-')
            return FALSE;
        }
    }

  return has_letter;
}

/**
 * tn_validate_peer_address:
 *
 * Checks the peer's global address as the region takes it: an IPv4
 * address on FJcloud type A; IPv4, IPv6 or a host name elsewhere.
 */
gboolean
tn_validate_peer_address (const TnRegionProfile  *profile,
                          const char             *text,
                          GError                **error)
{
  gboolean ipv4_only = tn_region_profile_peer_ipv4_only (profile);
  g_autoptr(GInetAddress) address = NULL;

  if (text == NULL || *text == '\0')
    return fail (error, _("Enter the peer’s address."));

  address = parse_address (text);
  if (address != NULL || ipv4_only)
    return tn_validate_ip_address (text, ipv4_only, NULL, error);

  /* Something that looks like an address but is not one is a typo, not a
   * host name. */
  if (strspn (text, "0123456789.") == strlen (text) || strchr (text, ':') != NULL)
    return fail (error, _("Enter an IPv4 or IPv6 address."));

  if (!is_host_name (text))
    return fail (error, _("Enter an IP address or a host name."));

  return TRUE;
}

/**
 * tn_validate_cidr:
 * @family: (out) (optional): the network's address family
 *
 * Checks a network in CIDR notation whose host bits are zero.
 */
gboolean
tn_validate_cidr (const char     *text,
                  gboolean        ipv4_only,
                  GSocketFamily  *family,
                  GError        **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *address_text = NULL;
  const char *slash;
  guint64 prefix;
  guint n_bits;
  const guint8 *bytes;
  char *end;

  slash = text ? strchr (text, '/') : NULL;
  if (slash == NULL || slash[1] == '\0')
    return fail (error, _("Enter a network in CIDR notation, such as 192.168.10.0/24."));

  address_text = g_strndup (text, slash - text);
  address = parse_address (address_text);
  if (address == NULL || !g_ascii_isdigit (slash[1]))
    return fail (error, _("Enter a network in CIDR notation, such as 192.168.10.0/24."));

  if (ipv4_only && g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
    return fail (error, _("Enter an IPv4 network, such as 192.168.10.0/24."));

  n_bits = g_inet_address_get_native_size (address) * 8;
  prefix = g_ascii_strtoull (slash + 1, &end, 10);
  if (*end != '\0' || prefix > n_bits)
    return fail (error, n_bits == 32 ? _("The prefix length of an IPv4 network is 0 to 32.")
                                     : _("The prefix length of an IPv6 network is 0 to 128."));

  bytes = g_inet_address_to_bytes (address);
  for (guint bit = prefix; bit < n_bits; bit++)
    {
      if (bytes[bit / 8] & (0x80 >> (bit % 8)))
        {
          guint8 network[16];
          g_autoptr(GInetAddress) network_address = NULL;
          g_autofree char *network_text = NULL;
          g_autofree char *message = NULL;

          memcpy (network, bytes, n_bits / 8);
          for (guint b = prefix; b < n_bits; b++)
            network[b / 8] &= ~(0x80 >> (b % 8));
          network_address = g_inet_address_new_from_bytes (network, g_inet_address_get_family (address));
          network_text = g_inet_address_to_string (network_address);
          /* Translators: %s/%u is the network the user probably meant, e.g. 192.168.10.0/24 */
          message = g_strdup_printf (_("The address has host bits set. Did you mean %s/%u?"),
                                     network_text, (guint) prefix);
          return fail (error, message);
        }
    }

  if (family)
    *family = g_inet_address_get_family (address);

  return TRUE;
}

/**
 * tn_validate_peer_cidrs:
 * @cidrs: the peer's private networks
 *
 * Checks each network, their number (the region may take exactly one)
 * and that they share one IP version.
 */
gboolean
tn_validate_peer_cidrs (const TnRegionProfile  *profile,
                        const char * const     *cidrs,
                        GError                **error)
{
  guint max = tn_region_profile_get_max_peer_cidrs (profile);
  gboolean ipv4_only = tn_region_profile_peer_ipv4_only (profile);
  GSocketFamily first = G_SOCKET_FAMILY_INVALID;
  guint n = cidrs ? g_strv_length ((char **) cidrs) : 0;

  if (n == 0)
    return fail (error, _("Enter the peer’s private network."));

  if (max != 0 && n > max)
    return fail (error, _("This region takes exactly one peer network."));

  for (guint i = 0; i < n; i++)
    {
      GSocketFamily family;

      if (!tn_validate_cidr (cidrs[i], ipv4_only, &family, error))
        return FALSE;

      if (i == 0)
        first = family;
      else if (family != first)
        return fail (error, _("Use networks of one IP version only."));

      for (guint j = 0; j < i; j++)
        if (g_str_equal (cidrs[i], cidrs[j]))
          return fail (error, _("A network is listed twice."));
    }

  return TRUE;
}

/**
 * tn_validate_number:
 * @field: the field in the region table, for its range
 * @value: (out) (optional): the number
 *
 * Checks a whole number against the range the region allows.
 */
gboolean
tn_validate_number (const TnRegionProfile  *profile,
                    TnResourceKind          kind,
                    const char             *field,
                    const char             *text,
                    gint64                 *value,
                    GError                **error)
{
  gint64 number, min, max;
  g_autofree char *message = NULL;

  if (text == NULL || *text == '\0')
    return fail (error, _("Enter a number."));

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return fail (error, _("Enter a whole number."));

  if (tn_region_profile_get_range (profile, kind, field, &min, &max))
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      if (max != 0 && (number < min || number > max))
        {
          if (min == max)
            /* Translators: %s is the only value allowed */
            message = g_strdup_printf (_("This region allows only %s."), min_text);
          else
            /* Translators: the range of values allowed */
            message = g_strdup_printf (_("Enter a number from %s to %s."), min_text, max_text);
          return fail (error, message);
        }
      if (number < min)
        {
          /* Translators: %s is the least value allowed */
          message = g_strdup_printf (_("Enter a number of at least %s."), min_text);
          return fail (error, message);
        }
    }

  if (value)
    *value = number;

  return TRUE;
}

/**
 * tn_validate_dpd:
 *
 * Checks a DPD interval and timeout: the timeout is longer than the
 * interval, and each is in the region's range.
 */
gboolean
tn_validate_dpd (const TnRegionProfile  *profile,
                 gint64                  interval,
                 gint64                  timeout,
                 GError                **error)
{
  g_autofree char *interval_text = g_strdup_printf ("%" G_GINT64_FORMAT, interval);
  g_autofree char *timeout_text = g_strdup_printf ("%" G_GINT64_FORMAT, timeout);

  if (!tn_validate_number (profile, TN_RESOURCE_CONNECTION, "dpd.interval", interval_text, NULL, error))
    return FALSE;

  if (!tn_validate_number (profile, TN_RESOURCE_CONNECTION, "dpd.timeout", timeout_text, NULL, error))
    return FALSE;

  if (timeout <= interval)
    return fail (error, _("The DPD timeout must be longer than the DPD interval."));

  return TRUE;
}

/**
 * tn_validate_mtu:
 * @family: the IP version of the peer's networks
 *
 * Checks an MTU: at least 68 for IPv4 and 1280 for IPv6.
 */
gboolean
tn_validate_mtu (gint64          mtu,
                 GSocketFamily   family,
                 GError        **error)
{
  if (family == G_SOCKET_FAMILY_IPV6 && mtu < 1280)
    return fail (error, _("The MTU of an IPv6 connection is at least 1280."));

  if (mtu < 68)
    return fail (error, _("The MTU is at least 68."));

  if (mtu > 65535)
    return fail (error, _("The MTU is at most 65535."));

  return TRUE;
}

/**
 * tn_validate_psk:
 *
 * Checks a pre-shared key: 1 to 255 printable ASCII characters other
 * than the double quote. (A short key is allowed; see tn_psk_is_weak().)
 */
gboolean
tn_validate_psk (const char  *psk,
                 GError     **error)
{
  if (psk == NULL || *psk == '\0')
    return fail (error, _("Enter a pre-shared key."));

  if (strlen (psk) > MAX_TEXT_LENGTH)
    return fail (error, _("Use at most 255 characters."));

  for (const char *p = psk; *p; p++)
    if (*p < 0x20 || *p > 0x7e || *p == '"')
      return fail (error, _("Use letters, digits and ASCII punctuation other than \" only."));

  return TRUE;
}

/**
 * tn_psk_is_weak:
 *
 * Returns: %TRUE if @psk is shorter than 16 characters
 */
gboolean
tn_psk_is_weak (const char *psk)
{
  return psk == NULL || strlen (psk) < TN_PSK_GENERATED_LENGTH / 2;
}

/**
 * tn_psk_generate:
 *
 * Makes a pre-shared key of 32 letters and digits from the system's
 * random number generator: every peer device accepts them, and no format
 * needs to quote them.
 *
 * Returns: (transfer full): the key; wipe it before freeing
 */
char *
tn_psk_generate (void)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const guint n = sizeof alphabet - 1;
  const guint limit = 256 - (256 % n); /* reject bytes that would bias the choice */
  char *psk = g_malloc0 (TN_PSK_GENERATED_LENGTH + 1);
  guint filled = 0;

  while (filled < TN_PSK_GENERATED_LENGTH)
    {
      guint8 bytes[64];
      ssize_t got = getrandom (bytes, sizeof bytes, 0);

      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("The system’s random number generator failed: %s", g_strerror (errno));
        }

      for (ssize_t i = 0; i < got && filled < TN_PSK_GENERATED_LENGTH; i++)
        if (bytes[i] < limit)
          psk[filled++] = alphabet[bytes[i] % n];

      explicit_bzero (bytes, sizeof bytes);
    }

  return psk;
}
