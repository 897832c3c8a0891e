/* test-validate.c: input checks and pre-shared keys
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "tn-error.h"
#include "tn-validate.h"

static const TnRegionProfile *os;
static const TnRegionProfile *type_a;
static const TnRegionProfile *type_b;

/* Asserts a failed check whose message contains @fragment. */
/* The error is passed by address: C does not order the evaluation of
 * arguments, so it must be read after the check ran. */
static void
assert_invalid (gboolean     ok,
                GError     **error,
                const char  *fragment)
{
  g_assert_false (ok);
  g_assert_error (*error, TN_ERROR, TN_ERROR_INVALID_INPUT);
  if (strstr ((*error)->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", (*error)->message, fragment);
  g_clear_error (error);
}

static void
assert_valid (gboolean   ok,
              GError   **error)
{
  g_assert_no_error (*error);
  g_assert_true (ok);
}

static void
test_validate_text (void)
{
  g_autofree char *long_name = g_strnfill (256, 'x');
  g_autofree char *max_name = g_strnfill (255, 'x');
  g_autoptr(GString) japanese = g_string_new (NULL);
  GError *e = NULL;

  assert_invalid (tn_validate_text ("", TRUE, &e), &e, "Enter a value");
  assert_invalid (tn_validate_text (NULL, TRUE, &e), &e, "Enter a value");
  assert_invalid (tn_validate_text (long_name, FALSE, &e), &e, "255");
  assert_invalid (tn_validate_text ("bad \xff utf8", FALSE, &e), &e, "UTF-8");

  assert_valid (tn_validate_text ("", FALSE, &e), &e);
  assert_valid (tn_validate_text (max_name, TRUE, &e), &e);
  /* Characters, not bytes: 255 Japanese characters are fine. */
  for (int i = 0; i < 255; i++)
    g_string_append (japanese, "接");
  assert_valid (tn_validate_text (japanese->str, TRUE, &e), &e);
}

static void
test_validate_ip_address (void)
{
  const char *bad[] = { "", "203.0.113", "203.0.113.256", "203.0.113.1 ", "abc", "0.0.0.0", "224.0.0.1", "::" };
  GSocketFamily family = G_SOCKET_FAMILY_INVALID;
  GError *e = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_invalid (tn_validate_ip_address (bad[i], FALSE, NULL, &e), &e, "");
    }

  assert_valid (tn_validate_ip_address ("203.0.113.10", TRUE, &family, &e), &e);
  g_assert_cmpint (family, ==, G_SOCKET_FAMILY_IPV4);
  assert_valid (tn_validate_ip_address ("2001:db8::1", FALSE, &family, &e), &e);
  g_assert_cmpint (family, ==, G_SOCKET_FAMILY_IPV6);
  assert_invalid (tn_validate_ip_address ("2001:db8::1", TRUE, NULL, &e), &e, "IPv4");
}

static void
test_validate_peer_address (void)
{
  const char *bad_anywhere[] = { "", "203.0.113.300", "203.0.113.", "peer..example.com", "-peer.example.com",
                                 "peer_1.example.com", "2001:db8::zz" };
  const char *good_openstack[] = { "203.0.113.10", "2001:db8::1", "vpn.example.com", "peer-1.example.co.jp", "localhost" };
  GError *e = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_anywhere); i++)
    {
      assert_invalid (tn_validate_peer_address (os, bad_anywhere[i], &e), &e, "");
      assert_invalid (tn_validate_peer_address (type_a, bad_anywhere[i], &e), &e, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_openstack); i++)
    assert_valid (tn_validate_peer_address (os, good_openstack[i], &e), &e);

  /* Type A takes IPv4 only. */
  assert_valid (tn_validate_peer_address (type_a, "203.0.113.10", &e), &e);
  assert_invalid (tn_validate_peer_address (type_a, "2001:db8::1", &e), &e, "IPv4");
  assert_invalid (tn_validate_peer_address (type_a, "vpn.example.com", &e), &e, "IPv4");
}

static void
test_validate_cidr (void)
{
  const char *bad[] = { "", "192.168.10.0", "192.168.10.0/", "192.168.10.0/33", "192.168.10/24",
                        "192.168.10.0/24x", "2001:db8::/129", "/24", "192.168.10.0/-1" };
  GSocketFamily family;
  GError *e = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_invalid (tn_validate_cidr (bad[i], FALSE, NULL, &e), &e, "");
    }

  /* Host bits: the message offers the network that was meant. */
  assert_invalid (tn_validate_cidr ("192.168.10.1/24", FALSE, NULL, &e), &e, "192.168.10.0/24");
  assert_invalid (tn_validate_cidr ("2001:db8::1/64", FALSE, NULL, &e), &e, "2001:db8::/64");
  assert_invalid (tn_validate_cidr ("2001:db8::/64", TRUE, NULL, &e), &e, "IPv4");

  assert_valid (tn_validate_cidr ("192.168.10.0/24", TRUE, &family, &e), &e);
  g_assert_cmpint (family, ==, G_SOCKET_FAMILY_IPV4);
  assert_valid (tn_validate_cidr ("10.0.0.0/8", FALSE, NULL, &e), &e);
  assert_valid (tn_validate_cidr ("192.168.10.7/32", FALSE, NULL, &e), &e);
  assert_valid (tn_validate_cidr ("2001:db8:1::/48", FALSE, &family, &e), &e);
  g_assert_cmpint (family, ==, G_SOCKET_FAMILY_IPV6);
}

static void
test_validate_peer_cidrs (void)
{
  const char *none[] = { NULL };
  const char *one[] = { "192.168.10.0/24", NULL };
  const char *two[] = { "192.168.10.0/24", "192.168.20.0/24", NULL };
  const char *mixed[] = { "192.168.10.0/24", "2001:db8::/64", NULL };
  const char *twice[] = { "192.168.10.0/24", "192.168.10.0/24", NULL };
  const char *v6[] = { "2001:db8::/64", NULL };
  GError *e = NULL;

  assert_invalid (tn_validate_peer_cidrs (os, none, &e), &e, "private network");
  assert_invalid (tn_validate_peer_cidrs (os, mixed, &e), &e, "one IP version");
  assert_invalid (tn_validate_peer_cidrs (os, twice, &e), &e, "twice");
  assert_valid (tn_validate_peer_cidrs (os, two, &e), &e);
  assert_valid (tn_validate_peer_cidrs (os, v6, &e), &e);

  /* Exactly one on FJcloud; IPv4 on type A. */
  assert_invalid (tn_validate_peer_cidrs (type_a, two, &e), &e, "exactly one");
  assert_invalid (tn_validate_peer_cidrs (type_b, two, &e), &e, "exactly one");
  assert_invalid (tn_validate_peer_cidrs (type_a, v6, &e), &e, "IPv4");
  assert_valid (tn_validate_peer_cidrs (type_a, one, &e), &e);
  assert_valid (tn_validate_peer_cidrs (type_b, one, &e), &e);
}

static void
test_validate_number (void)
{
  gint64 value = 0;
  GError *e = NULL;

  assert_invalid (tn_validate_number (os, TN_RESOURCE_IKE_POLICY, "lifetime.value", "", NULL, &e), &e, "number");
  assert_invalid (tn_validate_number (os, TN_RESOURCE_IKE_POLICY, "lifetime.value", "12a", NULL, &e), &e, "whole number");
  assert_invalid (tn_validate_number (os, TN_RESOURCE_IKE_POLICY, "lifetime.value", "59", NULL, &e), &e, "at least 60");
  assert_invalid (tn_validate_number (os, TN_RESOURCE_IKE_POLICY, "lifetime.value", "3.5", NULL, &e), &e, "whole number");
  assert_valid (tn_validate_number (os, TN_RESOURCE_IKE_POLICY, "lifetime.value", "60", &value, &e), &e);
  g_assert_cmpint (value, ==, 60);

  /* Type B: 120 … 946080000. */
  assert_invalid (tn_validate_number (type_b, TN_RESOURCE_IPSEC_POLICY, "lifetime.value", "119", NULL, &e), &e, "120 to 946080000");
  assert_invalid (tn_validate_number (type_b, TN_RESOURCE_IPSEC_POLICY, "lifetime.value", "946080001", NULL, &e), &e, "946080000");
  assert_valid (tn_validate_number (type_b, TN_RESOURCE_IPSEC_POLICY, "lifetime.value", "946080000", NULL, &e), &e);
}

static void
test_validate_dpd (void)
{
  GError *e = NULL;

  assert_invalid (tn_validate_dpd (os, 30, 30, &e), &e, "longer than");
  assert_invalid (tn_validate_dpd (os, 30, 10, &e), &e, "longer than");
  assert_invalid (tn_validate_dpd (os, 0, 120, &e), &e, "at least 1");
  assert_invalid (tn_validate_dpd (os, -5, 120, &e), &e, "at least 1");
  assert_valid (tn_validate_dpd (os, 30, 120, &e), &e);
  assert_valid (tn_validate_dpd (os, 1, 2, &e), &e);

  /* Type B fixes the timeout at 120. */
  assert_invalid (tn_validate_dpd (type_b, 30, 150, &e), &e, "only 120");
  assert_invalid (tn_validate_dpd (type_b, 120, 120, &e), &e, "");
  assert_valid (tn_validate_dpd (type_b, 30, 120, &e), &e);
}

static void
test_validate_mtu (void)
{
  GError *e = NULL;

  assert_invalid (tn_validate_mtu (67, G_SOCKET_FAMILY_IPV4, &e), &e, "68");
  assert_invalid (tn_validate_mtu (1279, G_SOCKET_FAMILY_IPV6, &e), &e, "1280");
  assert_invalid (tn_validate_mtu (70000, G_SOCKET_FAMILY_IPV4, &e), &e, "65535");
  assert_valid (tn_validate_mtu (68, G_SOCKET_FAMILY_IPV4, &e), &e);
  assert_valid (tn_validate_mtu (1280, G_SOCKET_FAMILY_IPV6, &e), &e);
  assert_valid (tn_validate_mtu (1500, G_SOCKET_FAMILY_IPV4, &e), &e);
}

static void
test_validate_psk (void)
{
  g_autofree char *too_long = g_strnfill (256, 'k');
  g_autofree char *longest = g_strnfill (255, 'k');
  GError *e = NULL;

  assert_invalid (tn_validate_psk ("", &e), &e, "pre-shared key");
  assert_invalid (tn_validate_psk (too_long, &e), &e, "255");
  assert_invalid (tn_validate_psk ("with\"quote", &e), &e, "\"");
  assert_invalid (tn_validate_psk ("tab\tinside", &e), &e, "ASCII");
  assert_invalid (tn_validate_psk ("鍵", &e), &e, "ASCII");

  assert_valid (tn_validate_psk ("short", &e), &e);
  assert_valid (tn_validate_psk (longest, &e), &e);
  assert_valid (tn_validate_psk ("p@ss w0rd!#$%&'()*+,-./:;<=>?[\\]^_`{|}~", &e), &e);

  g_assert_true (tn_psk_is_weak ("short"));
  g_assert_true (tn_psk_is_weak ("fifteen-chars!!"));
  g_assert_false (tn_psk_is_weak ("sixteen-chars!!!"));
}

static void
test_psk_generate (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[256] = { 0 };

  for (int i = 0; i < 200; i++)
    {
      char *psk = tn_psk_generate ();
      GError *e = NULL;

      g_assert_cmpuint (strlen (psk), ==, TN_PSK_GENERATED_LENGTH);
      assert_valid (tn_validate_psk (psk, &e), &e);
      g_assert_false (tn_psk_is_weak (psk));
      for (const char *p = psk; *p; p++)
        {
          g_assert_true (g_ascii_isalnum (*p));
          counts[(guchar) *p]++;
        }
      /* 200 keys of 190 bits: any repeat means the generator is broken. */
      g_assert_true (g_hash_table_add (seen, psk));
    }

  /* 6400 characters over 62 symbols: each appears about 103 times; all
   * of them appear, and none dominates. */
  for (const char *c = "AZaz09"; *c; c++)
    g_assert_cmpuint (counts[(guchar) *c], >, 40);
  for (guint i = 0; i < 256; i++)
    g_assert_cmpuint (counts[i], <, 200);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  os = tn_region_profile_lookup ("RegionOne");
  type_a = tn_region_profile_lookup ("jp-east-1");
  type_b = tn_region_profile_lookup ("jp-east-3");

  g_test_add_func ("/validate/text", test_validate_text);
  g_test_add_func ("/validate/ip-address", test_validate_ip_address);
  g_test_add_func ("/validate/peer-address", test_validate_peer_address);
  g_test_add_func ("/validate/cidr", test_validate_cidr);
  g_test_add_func ("/validate/peer-cidrs", test_validate_peer_cidrs);
  g_test_add_func ("/validate/number", test_validate_number);
  g_test_add_func ("/validate/dpd", test_validate_dpd);
  g_test_add_func ("/validate/mtu", test_validate_mtu);
  g_test_add_func ("/validate/psk", test_validate_psk);
  g_test_add_func ("/validate/psk-generate", test_psk_generate);

  return g_test_run ();
}
