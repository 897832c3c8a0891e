/* tn-logger.c: HTTP traces without secrets
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnLogger"

#include "config.h"

#include <string.h>

#include "tn-logger.h"

/*
 * The session's SoupLogger sends every line through tn_logger_redact()
 * before g_debug(): header lines of tokens and credentials lose their value,
 * and JSON members named password, secret or psk (request and response
 * bodies, also cut-off ones) lose theirs. The session then scrubs the
 * literal values it knows (its token and the account's secret) as a second
 * line of defence. The redaction is textual, so it also works on bodies the
 * logger truncated.
 */

/* Headers whose value is a credential. */
#define SECRET_HEADERS "X-Auth-Token|X-Subject-Token|X-Service-Token|Authorization|" \
                       "Proxy-Authorization|Cookie|Set-Cookie"

/* JSON members whose string value is a secret. */
#define SECRET_MEMBERS "password|secret|psk|token_id|access_token|refresh_token"

static GRegex *
get_header_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(\\s*(?:" SECRET_HEADERS ")\\s*:).*$",
                                    G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE,
                                    0, NULL));

  return regex;
}

static GRegex *
get_member_regex (void)
{
  static GRegex *regex;

  /* A value cut off by a truncated body (no closing quote, maybe ending in
   * half an escape) is redacted too. */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("(\"(?:" SECRET_MEMBERS ")\"\\s*:\\s*)"
                                    "\"(?:[^\"\\\\]|\\\\.)*\\\\?(?:\"|$)",
                                    G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE,
                                    0, NULL));

  return regex;
}

/* Quoted parts of a message: 'x' or "x", also cut off at the end. */
static GRegex *
get_quoted_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("'[^']*(?:'|$)|\"[^\"]*(?:\"|$)", G_REGEX_OPTIMIZE, 0, NULL));

  return regex;
}

/* Single-quoted parts, within a JSON string. */
static GRegex *
get_single_quoted_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("'[^']*(?:'|$)", G_REGEX_OPTIMIZE, 0, NULL));

  return regex;
}

/* JSON string values, also one cut off at the end. */
static GRegex *
get_string_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("\"(?:[^\"\\\\]|\\\\.)*\\\\?(?:\"|$)",
                                    G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, NULL));

  return regex;
}

static gboolean
mentions_secret (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return strstr (lower, "psk") != NULL || strstr (lower, "password") != NULL ||
         strstr (lower, "secret") != NULL || strstr (lower, "token") != NULL ||
         strstr (lower, "pre-shared") != NULL;
}

static gboolean
replace_quoted_cb (const GMatchInfo *match_info,
                   GString          *result,
                   gpointer          user_data)
{
  g_autofree char *quoted = g_match_info_fetch (match_info, 0);
  g_autofree char *inner = NULL;
  gsize len = strlen (quoted);

  /* Without the quotes (the closing one may be missing). */
  inner = g_strndup (quoted + 1, len > 1 && quoted[len - 1] == quoted[0] ? len - 2 : len - 1);

  /* The name of the attribute (“Required attribute 'psk' not specified”)
   * is no secret. */
  if (g_regex_match_simple ("^(?:" SECRET_MEMBERS "|pre-shared key)$", inner,
                            G_REGEX_CASELESS, 0))
    g_string_append (result, quoted);
  else
    g_string_append_printf (result, "%c" TN_LOGGER_REDACTED "%c", quoted[0], quoted[0]);

  return FALSE;
}

static char *
redact_quoted (const char *text)
{
  return g_regex_replace_eval (get_quoted_regex (), text, -1, 0, 0, replace_quoted_cb, NULL, NULL);
}

static gboolean
replace_string_cb (const GMatchInfo *match_info,
                   GString          *result,
                   gpointer          user_data)
{
  g_autofree char *string = g_match_info_fetch (match_info, 0);
  g_autofree char *inner = NULL;
  g_autofree char *redacted = NULL;

  if (!mentions_secret (string))
    {
      g_string_append (result, string);
      return FALSE;
    }

  /* Within a JSON string only the single quotes of the server's message
   * count; keep the surrounding double quotes. */
  inner = g_strdup (string + 1);
  redacted = g_regex_replace_eval (get_single_quoted_regex (), inner, -1, 0, 0,
                                   replace_quoted_cb, NULL, NULL);
  g_string_append_c (result, '"');
  g_string_append (result, redacted ? redacted : TN_LOGGER_REDACTED);

  return FALSE;
}

/**
 * tn_logger_redact:
 * @text: (nullable): a line or block the HTTP logger prints: headers or a
 *   JSON body
 *
 * Returns: (transfer full): @text with the values of credential headers,
 *   of secret JSON members, and the quoted values in JSON strings about a
 *   secret (a server's “Invalid input for psk. Reason: 'x…'”) replaced by
 *   `[REDACTED]`
 */
char *
tn_logger_redact (const char *text)
{
  g_autofree char *headers_done = NULL;
  g_autofree char *members_done = NULL;

  if (text == NULL)
    return NULL;

  headers_done = g_regex_replace (get_header_regex (), text, -1, 0,
                                  "\\1 " TN_LOGGER_REDACTED, 0, NULL);
  if (headers_done == NULL)
    return g_strdup (TN_LOGGER_REDACTED);

  members_done = g_regex_replace (get_member_regex (), headers_done, -1, 0,
                                  "\\1\"" TN_LOGGER_REDACTED "\"", 0, NULL);
  if (members_done == NULL)
    return g_strdup (TN_LOGGER_REDACTED);

  return g_regex_replace_eval (get_string_regex (), members_done, -1, 0, 0,
                               replace_string_cb, NULL, NULL);
}

/**
 * tn_logger_redact_message:
 * @message: (nullable): a server's error message
 *
 * Neutron quotes the value it rejects (“Invalid input for psk. Reason:
 * 'x…' exceeds maximum length of 255.”). When a message is about a
 * secret, every quoted part of it but the attribute's name is replaced.
 *
 * Returns: (transfer full): the message, safe to show and log
 */
char *
tn_logger_redact_message (const char *message)
{
  if (message == NULL)
    return NULL;

  if (!mentions_secret (message))
    return g_strdup (message);

  return redact_quoted (message);
}

/**
 * tn_logger_scrub:
 * @text: a string to clean in place
 * @secret: (nullable): a secret value that must not appear in @text
 *
 * Overwrites every occurrence of @secret in @text with `*`.
 */
void
tn_logger_scrub (char       *text,
                 const char *secret)
{
  gsize len;
  char *p;

  if (text == NULL || secret == NULL || *secret == '\0')
    return;

  len = strlen (secret);
  while ((p = strstr (text, secret)) != NULL)
    memset (p, '*', len);
}
