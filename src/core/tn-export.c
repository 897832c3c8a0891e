/* tn-export.c: the peer side of a connection
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnExport"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tn-error.h"
#include "tn-export-private.h"
#include "tn-wipe.h"

typedef struct
{
  char     *name;
  char     *text;
  gboolean  secret;
} TnExportFile;

struct _TnExportResult
{
  TnExportTarget  target;
  char           *text;
  GPtrArray      *files;
  GPtrArray      *warnings;
};

typedef struct
{
  const char *id;
  const char *name;
  const char *file_name;
  const char *what;       /* English, for the file's head */
  const char *comment;
  void      (*run) (TnExportContext *ctx);
} TargetInfo;

static const TargetInfo targets[TN_N_EXPORT_TARGETS] = {
  [TN_EXPORT_SWANCTL] =
    { "swanctl", N_("strongSwan (swanctl.conf)"), "swanctl.conf", "strongSwan (swanctl.conf)", "#", _tn_export_swanctl },
  [TN_EXPORT_IPSEC_CONF] =
    { "ipsec-conf", N_("strongSwan, Legacy (ipsec.conf and ipsec.secrets)"), "ipsec.conf", "strongSwan (legacy ipsec.conf and ipsec.secrets)", "#", _tn_export_ipsec_conf },
  [TN_EXPORT_LIBRESWAN] =
    { "libreswan", N_("Libreswan (ipsec.conf and .secrets)"), "tunnels.conf", "Libreswan 4.x and 5.x (ipsec.conf and .secrets)", "#", _tn_export_libreswan },
  [TN_EXPORT_YAMAHA] =
    { "yamaha", N_("Yamaha RTX"), "yamaha-rtx.txt", "Yamaha RTX routers", "#", _tn_export_yamaha },
  [TN_EXPORT_CISCO] =
    { "cisco", N_("Cisco IOS"), "cisco-ios.txt", "Cisco IOS routers", "!", _tn_export_cisco },
  [TN_EXPORT_SHEET_TEXT] =
    { "sheet", N_("Parameter Sheet (Text)"), "parameters.txt", "any device (parameter sheet)", "#", _tn_export_sheet_text },
  [TN_EXPORT_SHEET_JSON] =
    { "json", N_("Parameter Sheet (JSON)"), "parameters.json", NULL, NULL, _tn_export_sheet_json },
};

static void
tn_export_warning_free (gpointer data)
{
  TnExportWarning *warning = data;

  g_free (warning->message);
  g_free (warning->comment);
  g_free (warning);
}

static void
tn_export_file_free (gpointer data)
{
  TnExportFile *file = data;

  g_free (file->name);
  tn_wipe_free (file->text);
  g_free (file);
}

/* Helpers shared by the targets */

void
_tn_export_warn (TnExportContext     *ctx,
                 TnExportWarningKind  kind,
                 const char          *format,
                 ...)
{
  TnExportWarning *warning = g_new0 (TnExportWarning, 1);
  va_list args;

  warning->kind = kind;
  va_start (args, format);
  warning->comment = g_strdup_vprintf (format, args);
  va_end (args);
  va_start (args, format);
  warning->message = g_strdup_vprintf (_(format), args);
  va_end (args);
  g_ptr_array_add (ctx->warnings, warning);
}

void
_tn_export_add_file (TnExportContext *ctx,
                     const char      *name,
                     GString         *text,
                     gboolean         secret)
{
  TnExportFile *file = g_new0 (TnExportFile, 1);

  file->name = g_strdup (name);
  file->text = g_string_free (text, FALSE);
  file->secret = secret && ctx->psk != NULL;
  g_ptr_array_add (ctx->files, file);
}

static void
append_wrapped (GString    *text,
                const char *comment,
                const char *first,
                const char *paragraph)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  gsize column;

  g_string_append_printf (text, "%s %s", comment, first);
  column = strlen (comment) + 1 + strlen (first);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (column + strlen (words[i]) + 1 > 96 && column > strlen (comment) + 4)
        {
          g_string_append_printf (text, "\n%s   ", comment);
          column = strlen (comment) + 3;
        }
      g_string_append_printf (text, " %s", words[i]);
      column += strlen (words[i]) + 1;
    }
  g_string_append_c (text, '\n');
}

/* The comment at the head of the first file: what it is, and the warnings
 * in English (devices expect ASCII). */
void
_tn_export_append_header (TnExportContext *ctx,
                          GString         *text,
                          const char      *comment,
                          const char      *what)
{
  if (_tn_export_is_printable_ascii (ctx->title) && ctx->title[0] != '\0')
    g_string_append_printf (text, "%s Peer side of the IPsec VPN connection \"%s\" (%s)\n",
                            comment, ctx->title, ctx->id);
  else
    g_string_append_printf (text, "%s Peer side of the IPsec VPN connection %s\n", comment, ctx->id);
  g_string_append_printf (text, "%s for %s, exported by Tunnels.\n", comment, what);
  g_string_append_printf (text, "%s Local: this device, %s; remote: the cloud, %s.\n",
                          comment, ctx->peer_address, ctx->cloud_address);
  if (ctx->psk == NULL)
    g_string_append_printf (text, "%s Replace %s with the connection's pre-shared key.\n",
                            comment, TN_EXPORT_PSK_PLACEHOLDER);

  for (guint i = 0; i < ctx->warnings->len; i++)
    {
      TnExportWarning *warning = g_ptr_array_index (ctx->warnings, i);

      if (i == 0)
        g_string_append_printf (text, "%s\n", comment);
      append_wrapped (text, comment, "WARNING:", warning->comment);
    }
  g_string_append_c (text, '\n');
}

/* Warn when a lifetime is above what @device takes; the targets write
 * MIN (lifetime, maximum). */
void
_tn_export_check_lifetimes (TnExportContext *ctx,
                            const char      *device,
                            gint64           ike_max,
                            gint64           esp_max)
{
  if (ike_max > 0 && ctx->ike_lifetime > ike_max)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX,
                     N_("The IKE lifetime, %d s, is above the maximum of %s, %d s. "
                        "The export uses the maximum, so this side rekeys first."),
                     (int)ctx->ike_lifetime, device, (int)ike_max);
  if (esp_max > 0 && ctx->esp_lifetime > esp_max)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_LIFETIME_ABOVE_MAX,
                     N_("The IPsec lifetime, %d s, is above the maximum of %s, %d s. "
                        "The export uses the maximum, so this side rekeys first."),
                     (int)ctx->esp_lifetime, device, (int)esp_max);
}

/* The context */

static char *
make_safe_name (const char *name,
                const char *id)
{
  GString *safe = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0' && safe->len < 32; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (safe, *p);
      else if ((*p == ' ' || *p == '.') && safe->len > 0 && safe->str[safe->len - 1] != '-')
        g_string_append_c (safe, '-');
    }
  while (safe->len > 0 && safe->str[safe->len - 1] == '-')
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0 || !g_ascii_isalpha (safe->str[0]))
    {
      g_string_prepend (safe, "tn-");
      if (safe->len == 3)
        g_string_append_len (safe, id != NULL ? id : "connection", id != NULL ? MIN (strlen (id), 8) : 10);
    }

  return g_string_free (safe, FALSE);
}

static const char *
first_set (const char *value,
           const char *fallback)
{
  return value != NULL && value[0] != '\0' ? value : fallback;
}

static gboolean
fill_context (TnExportContext       *ctx,
              const TnExportSource  *source,
              GError               **error)
{
  const TnRegionProfile *profile = source->profile;
  TnConnection *conn = source->connection;
  const char *version;
  const char *initiator;

  if (tn_region_profile_has_field (profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address"))
    ctx->cloud_address = tn_connection_get_ipsec_endpoint_address (conn);
  else if (_tn_export_is_ip_address (tn_connection_get_peer_address (conn))
           && strchr (tn_connection_get_peer_address (conn), ':') != NULL)
    ctx->cloud_address = tn_vpn_service_get_external_v6_ip (source->vpn_service);
  else
    ctx->cloud_address = tn_vpn_service_get_external_v4_ip (source->vpn_service);

  if (ctx->cloud_address == NULL || ctx->cloud_address[0] == '\0')
    {
      g_set_error_literal (error, TN_ERROR, TN_ERROR_INVALID_STATE,
                           _("The cloud has not given this connection an address yet. Wait until it is active, then export again."));
      return FALSE;
    }
  if (source->cloud_cidr == NULL || source->cloud_cidr[0] == '\0')
    {
      g_set_error_literal (error, TN_ERROR, TN_ERROR_INVALID_STATE,
                           _("The VPN service has no subnet, so the cloud's private network is unknown."));
      return FALSE;
    }
  if (tn_connection_get_peer_address (conn) == NULL || tn_connection_get_peer_cidrs (conn) == NULL
      || tn_connection_get_peer_cidrs (conn)[0] == NULL)
    {
      g_set_error_literal (error, TN_ERROR, TN_ERROR_INVALID_STATE,
                           _("The connection has no peer address or no peer CIDR."));
      return FALSE;
    }

  ctx->profile = profile;
  ctx->id = first_set (tn_resource_get_id (TN_RESOURCE (conn)), "");
  ctx->title = first_set (tn_resource_get_name (TN_RESOURCE (conn)), "");
  ctx->name = make_safe_name (ctx->title, ctx->id);

  ctx->peer_address = tn_connection_get_peer_address (conn);
  ctx->peer_id = first_set (tn_connection_get_peer_id (conn), ctx->peer_address);
  ctx->peer_cidrs = tn_connection_get_peer_cidrs (conn);
  ctx->cloud_id = first_set (tn_connection_get_local_id (conn), ctx->cloud_address);
  ctx->cloud_cidr = source->cloud_cidr;

  if (tn_region_profile_has_field (profile, TN_RESOURCE_CONNECTION, "ike_version"))
    version = tn_connection_get_ike_version (conn);
  else
    version = tn_ike_policy_get_ike_version (source->ike_policy);
  version = first_set (version, first_set (tn_region_profile_get_default (profile, TN_RESOURCE_IKE_POLICY, "ike_version"), "v1"));
  ctx->ike_version = g_str_equal (version, "v2") ? 2 : 1;

  ctx->phase1_mode = first_set (tn_ike_policy_get_phase1_negotiation_mode (source->ike_policy), "main");
  ctx->ike_encryption = first_set (tn_ike_policy_get_encryption_algorithm (source->ike_policy), "aes-128");
  ctx->ike_auth = first_set (tn_ike_policy_get_auth_algorithm (source->ike_policy), "sha1");
  ctx->ike_pfs = first_set (tn_ike_policy_get_pfs (source->ike_policy), "group5");
  ctx->ike_lifetime = tn_ike_policy_get_lifetime_value (source->ike_policy);
  if (ctx->ike_lifetime <= 0)
    ctx->ike_lifetime = 3600;

  ctx->transform = first_set (tn_ipsec_policy_get_transform_protocol (source->ipsec_policy), "esp");
  ctx->encapsulation = first_set (tn_ipsec_policy_get_encapsulation_mode (source->ipsec_policy), "tunnel");
  ctx->esp_encryption = first_set (tn_ipsec_policy_get_encryption_algorithm (source->ipsec_policy), "aes-128");
  ctx->esp_auth = first_set (tn_ipsec_policy_get_auth_algorithm (source->ipsec_policy), "sha1");
  ctx->esp_pfs = first_set (tn_ipsec_policy_get_pfs (source->ipsec_policy), "group5");
  ctx->esp_lifetime = tn_ipsec_policy_get_lifetime_value (source->ipsec_policy);
  if (ctx->esp_lifetime <= 0)
    ctx->esp_lifetime = 3600;

  ctx->dpd_action = first_set (tn_connection_get_dpd_action (conn), "hold");
  ctx->dpd_interval = tn_connection_get_dpd_interval (conn) > 0 ? tn_connection_get_dpd_interval (conn) : 30;
  ctx->dpd_timeout = tn_connection_get_dpd_timeout (conn) > 0 ? tn_connection_get_dpd_timeout (conn) : 120;
  ctx->mtu = tn_connection_get_mtu (conn) > 0 ? tn_connection_get_mtu (conn) : 1500;

  if (tn_region_profile_has_field (profile, TN_RESOURCE_CONNECTION, "initiator"))
    initiator = tn_connection_get_initiator (conn);
  else
    initiator = tn_ipsec_policy_get_initiator (source->ipsec_policy);
  ctx->response_only = g_strcmp0 (initiator, "response-only") == 0;

  return TRUE;
}

static gboolean
cloud_names_group (const char *pfs)
{
  int group = _tn_export_group_number (pfs);

  return group == 2 || group == 5 || group == 14 || group == 15;
}

/* What every target shares: the cloud's behaviour, the region's rules and
 * weak choices. */
static void
add_common_warnings (TnExportContext *ctx)
{
  gboolean strongswan = tn_region_profile_cloud_is_strongswan (ctx->profile);

  if (strongswan && (g_str_equal (ctx->dpd_action, "disabled") || g_str_equal (ctx->dpd_action, "restart-by-peer")))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_DPD_ACTION_BREAKS,
                     N_("The connection's DPD action is \"%s\", which the cloud's strongSwan refuses "
                        "(bad value: dpdaction=%s): the tunnel never comes up. Change the DPD action "
                        "to hold, clear or restart."),
                     ctx->dpd_action, ctx->dpd_action);
  /* Neutron's driver maps only these groups to strongSwan's names and
   * passes the others through (ike=…-group19), which starter refuses */
  if (strongswan && (!cloud_names_group (ctx->ike_pfs) || !cloud_names_group (ctx->esp_pfs)))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_CLOUD_GROUP,
                     N_("The cloud's strongSwan driver knows DH groups 2, 5, 14 and 15 only, so it cannot load a "
                        "connection with %s: the tunnel never comes up. Change the cloud's policies."),
                     cloud_names_group (ctx->ike_pfs) ? ctx->esp_pfs : ctx->ike_pfs);
  if (strongswan && ctx->esp_lifetime > 17 * 60)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_CLOUD_REKEYS,
                     N_("The cloud rekeys the CHILD SA after about 17 minutes whatever the IPsec lifetime "
                        "(%d s). A PFS group that differs only fails then, not when the tunnel comes up."),
                     (int)ctx->esp_lifetime);
  if (strongswan && ctx->response_only)
    _tn_export_warn (ctx, TN_EXPORT_WARNING_CLOUD_INITIATES,
                     N_("The connection is response-only, but the cloud initiates anyway: "
                        "the peer must accept the cloud's initiation too."));

  if (tn_region_profile_has_field (ctx->profile, TN_RESOURCE_CONNECTION, "ipsec_endpoint_address"))
    {
      _tn_export_warn (ctx, TN_EXPORT_WARNING_ENDPOINT_ADDRESS,
                       N_("The peer must send IKE to the connection's IPsec endpoint address, %s, "
                          "not to the VPN service's external address."),
                       ctx->cloud_address);
      _tn_export_warn (ctx, TN_EXPORT_WARNING_ANTI_REPLAY,
                       N_("The peer must turn anti-replay checking off."));
      _tn_export_warn (ctx, TN_EXPORT_WARNING_REEXPORT,
                       N_("The IPsec endpoint address changes when the connection is created again: "
                          "export the peer configuration again after that."));
    }

  if (g_str_equal (ctx->ike_encryption, "3des") || g_str_equal (ctx->esp_encryption, "3des"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_WEAK,
                     N_("3DES is a weak cipher; prefer AES-128 or AES-256."));
  if (g_str_equal (ctx->ike_auth, "sha1") || g_str_equal (ctx->esp_auth, "sha1"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_WEAK,
                     N_("SHA-1 is a weak hash; prefer SHA-256 or stronger."));
  if (g_str_equal (ctx->ike_pfs, "group2") || g_str_equal (ctx->esp_pfs, "group2"))
    _tn_export_warn (ctx, TN_EXPORT_WARNING_WEAK,
                     N_("DH group 2 (1024-bit MODP) is weak; prefer group 14 or stronger."));
}

static char *
join_files (const TargetInfo *info,
            GPtrArray        *files)
{
  GString *text = g_string_new (NULL);

  if (files->len == 1)
    {
      TnExportFile *file = g_ptr_array_index (files, 0);

      g_string_append (text, file->text);
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < files->len; i++)
    {
      TnExportFile *file = g_ptr_array_index (files, i);

      g_string_append_printf (text, "%s%s ==> %s <==\n", i > 0 ? "\n" : "", info->comment, file->name);
      g_string_append (text, file->text);
    }

  return g_string_free (text, FALSE);
}

/* API */

/**
 * tn_export_target_get_id:
 *
 * Returns: a stable ASCII name of @target (`swanctl`, `cisco`, …), for
 *   file names and the command line
 */
const char *
tn_export_target_get_id (TnExportTarget target)
{
  g_return_val_if_fail (target < TN_N_EXPORT_TARGETS, NULL);

  return targets[target].id;
}

/**
 * tn_export_target_get_name:
 *
 * Returns: the translated display name of @target
 */
const char *
tn_export_target_get_name (TnExportTarget target)
{
  g_return_val_if_fail (target < TN_N_EXPORT_TARGETS, NULL);

  return _(targets[target].name);
}

/**
 * tn_export_target_get_file_name:
 *
 * Returns: the file name to suggest when saving an export of @target (the
 *   first file's, for targets that write two)
 */
const char *
tn_export_target_get_file_name (TnExportTarget target)
{
  g_return_val_if_fail (target < TN_N_EXPORT_TARGETS, NULL);

  return targets[target].file_name;
}

gboolean
tn_export_target_from_id (const char     *id,
                          TnExportTarget *target)
{
  for (guint i = 0; i < TN_N_EXPORT_TARGETS; i++)
    if (g_strcmp0 (targets[i].id, id) == 0)
      {
        *target = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * tn_export_run:
 * @source: the connection and what it hangs off
 * @target: what to export for
 * @psk: (nullable): the pre-shared key to write, or %NULL for a placeholder
 * @error: a #TN_ERROR_INVALID_STATE when the cloud has not given the
 *   connection an address or the service has no subnet
 *
 * Writes the peer side of a connection for @target, with the warnings the
 * user must read (also written as comments at the head of the text).
 *
 * Returns: (transfer full): the export, or %NULL on error
 */
TnExportResult *
tn_export_run (const TnExportSource  *source,
               TnExportTarget         target,
               const char            *psk,
               GError               **error)
{
  TnExportContext ctx = { 0 };
  TnExportResult *result;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (TN_IS_CONNECTION (source->connection), NULL);
  g_return_val_if_fail (TN_IS_IKE_POLICY (source->ike_policy), NULL);
  g_return_val_if_fail (TN_IS_IPSEC_POLICY (source->ipsec_policy), NULL);
  g_return_val_if_fail (TN_IS_VPN_SERVICE (source->vpn_service), NULL);
  g_return_val_if_fail (source->profile != NULL, NULL);
  g_return_val_if_fail (target < TN_N_EXPORT_TARGETS, NULL);

  if (!fill_context (&ctx, source, error))
    return NULL;

  ctx.target = target;
  ctx.psk = psk;
  ctx.warnings = g_ptr_array_new_with_free_func (tn_export_warning_free);
  ctx.files = g_ptr_array_new_with_free_func (tn_export_file_free);

  add_common_warnings (&ctx);
  targets[target].run (&ctx);

  if (targets[target].comment != NULL)
    {
      TnExportFile *first = g_ptr_array_index (ctx.files, 0);
      GString *text = g_string_new (NULL);

      _tn_export_append_header (&ctx, text, targets[target].comment, targets[target].what);
      g_string_append (text, first->text);
      tn_wipe_free (first->text);
      first->text = g_string_free (text, FALSE);
    }

  result = g_new0 (TnExportResult, 1);
  result->target = target;
  result->files = g_steal_pointer (&ctx.files);
  result->warnings = g_steal_pointer (&ctx.warnings);
  result->text = join_files (&targets[target], result->files);
  g_free (ctx.name);

  return result;
}

TnExportTarget
tn_export_result_get_target (TnExportResult *result)
{
  return result->target;
}

/**
 * tn_export_result_get_text:
 *
 * Returns: the whole export: the one file, or each file after a
 *   `# ==> name <==` line
 */
const char *
tn_export_result_get_text (TnExportResult *result)
{
  return result->text;
}

guint
tn_export_result_get_n_files (TnExportResult *result)
{
  return result->files->len;
}

const char *
tn_export_result_get_file_name (TnExportResult *result,
                                guint           index)
{
  g_return_val_if_fail (index < result->files->len, NULL);

  return ((TnExportFile *)g_ptr_array_index (result->files, index))->name;
}

const char *
tn_export_result_get_file_text (TnExportResult *result,
                                guint           index)
{
  g_return_val_if_fail (index < result->files->len, NULL);

  return ((TnExportFile *)g_ptr_array_index (result->files, index))->text;
}

/**
 * tn_export_result_file_has_secret:
 *
 * Returns: %TRUE if file @index holds the pre-shared key (save it private)
 */
gboolean
tn_export_result_file_has_secret (TnExportResult *result,
                                  guint           index)
{
  g_return_val_if_fail (index < result->files->len, FALSE);

  return ((TnExportFile *)g_ptr_array_index (result->files, index))->secret;
}

guint
tn_export_result_get_n_warnings (TnExportResult *result)
{
  return result->warnings->len;
}

/**
 * tn_export_result_get_warning:
 *
 * Returns: warning @index, translated
 */
const char *
tn_export_result_get_warning (TnExportResult *result,
                              guint           index)
{
  g_return_val_if_fail (index < result->warnings->len, NULL);

  return ((TnExportWarning *)g_ptr_array_index (result->warnings, index))->message;
}

TnExportWarningKind
tn_export_result_get_warning_kind (TnExportResult *result,
                                   guint           index)
{
  g_return_val_if_fail (index < result->warnings->len, 0);

  return ((TnExportWarning *)g_ptr_array_index (result->warnings, index))->kind;
}

gboolean
tn_export_result_has_warning (TnExportResult      *result,
                              TnExportWarningKind  kind)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (((TnExportWarning *)g_ptr_array_index (result->warnings, i))->kind == kind)
      return TRUE;

  return FALSE;
}

/**
 * tn_export_result_free:
 *
 * Frees @result, wiping the texts (they may hold the pre-shared key).
 */
void
tn_export_result_free (TnExportResult *result)
{
  if (result == NULL)
    return;

  tn_wipe_free (result->text);
  g_ptr_array_unref (result->files);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}
