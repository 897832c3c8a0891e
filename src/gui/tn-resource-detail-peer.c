/* tn-resource-detail-peer.c: a connection's pre-shared key, and what to compare with the peer
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceDetail"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-connection.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-resource-detail-private.h"
#include "tn-secrets.h"
#include "tn-vpn-service.h"
#include "tn-wipe.h"

#define MASK "••••••••••••"

/* The pre-shared key: masked, revealed or copied on demand. It comes
 * from the keyring when Tunnels stored it, else from the cloud's answer
 * (Neutron returns it), and the page says which. */

static gboolean
is_revealed (TnResourceDetail *self)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "tn-psk-revealed"));
}

static void
on_reveal_toggled_cb (GtkToggleButton  *button,
                      TnResourceDetail *self)
{
  g_object_set_data (G_OBJECT (self), "tn-psk-revealed", GINT_TO_POINTER (gtk_toggle_button_get_active (button)));
  _tn_resource_detail_queue_rebuild (self);
}

static void
on_copy_clicked_cb (GtkButton        *button,
                    TnResourceDetail *self)
{
  char *psk = *_tn_resource_detail_psk_slot (self);

  if (psk != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), psk);
}

void
_tn_resource_detail_add_psk (TnResourceDetail    *self,
                             AdwPreferencesGroup *group,
                             const TnFieldInfo   *info)
{
  const char *psk = *_tn_resource_detail_psk_slot (self);
  const char *source = tn_resource_detail_get_psk_source (self);
  GtkWidget *row, *reveal, *copy;
  g_autofree char *subtitle = NULL;

  if (psk == NULL)
    subtitle = g_strdup (_("Not known: neither the keyring nor the cloud has it."));
  else if (g_strcmp0 (source, "keyring") == 0)
    /* Translators: the masked or shown key, then where it is from */
    subtitle = g_strdup_printf (_("%s (from the keyring)"), is_revealed (self) ? psk : MASK);
  else
    /* Translators: the masked or shown key, then where it is from */
    subtitle = g_strdup_printf (_("%s (from the cloud’s answer; not in the keyring)"), is_revealed (self) ? psk : MASK);

  row = _tn_resource_detail_add_row (self, group, info->field, tn_field_info_get_title (info), subtitle);
  if (psk == NULL)
    return;

  reveal = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (reveal), is_revealed (self) ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), is_revealed (self));
  gtk_widget_set_valign (reveal, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reveal, "flat");
  gtk_widget_set_tooltip_text (reveal, is_revealed (self) ? _("Hide") : _("Reveal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reveal), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reveal the Pre-Shared Key"), -1);
  g_signal_connect_object (reveal, "toggled", G_CALLBACK (on_reveal_toggled_cb), self, 0);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the Pre-Shared Key"), -1);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (on_copy_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reveal);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
}

typedef struct
{
  TnResourceDetail *self;
  TnResource       *resource;
} Lookup;

static void
on_psk_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Lookup *lookup = user_data;
  TnResourceDetail *self = lookup->self;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = tn_secrets_lookup_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      tn_resource_detail_get_resource (self) == lookup->resource)
    {
      char **slot = _tn_resource_detail_psk_slot (self);
      const char *from_cloud = tn_connection_get_psk (TN_CONNECTION (lookup->resource));

      tn_wipe_clear (slot);
      if (secret != NULL)
        {
          *slot = g_strdup (secret);
          _tn_resource_detail_set_psk_source (self, "keyring");
        }
      else if (from_cloud != NULL && *from_cloud != '\0')
        {
          *slot = g_strdup (from_cloud);
          _tn_resource_detail_set_psk_source (self, "cloud");
        }
      _tn_resource_detail_queue_rebuild (self);
    }

  tn_secrets_free (secret);
  g_object_unref (lookup->self);
  g_object_unref (lookup->resource);
  g_free (lookup);
}

void
_tn_resource_detail_lookup_psk (TnResourceDetail *self)
{
  TnResource *resource = tn_resource_detail_get_resource (self);
  TnSession *session = tn_store_set_get_session (_tn_resource_detail_get_stores (self));
  TnAccount *account;
  TnSecretKey key;
  Lookup *lookup;

  if (session == NULL || tn_resource_get_kind (resource) != TN_RESOURCE_CONNECTION)
    return;

  account = tn_session_get_account (session);
  key = (TnSecretKey) { tn_account_get_id (account), TN_SECRET_PSK, tn_account_get_region (account),
                        tn_resource_get_id (resource) };
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->resource = g_object_ref (resource);
  tn_secrets_lookup_async (&key, _tn_resource_detail_get_cancellable (self), on_psk_looked_up_cb, lookup);
}

void
_tn_resource_detail_forget_psk (TnResourceDetail *self)
{
  tn_wipe_clear (_tn_resource_detail_psk_slot (self));
  _tn_resource_detail_set_psk_source (self, NULL);
  g_object_set_data (G_OBJECT (self), "tn-psk-revealed", NULL);
}

/* The seed's 留意事項: when a connection is not Active, the peer's
 * settings must match ours. Each row names our value so the user can hold
 * it against the peer's configuration. */

static char *
describe_ike (TnIkePolicy *ike)
{
  /* Translators: IKE policy parameters: version, authentication, encryption, PFS group, lifetime in seconds */
  return g_strdup_printf (_("%s, %s, %s, %s, lifetime %d s"),
                          tn_ike_policy_get_ike_version (ike) ? tn_ike_policy_get_ike_version (ike) : "v1",
                          tn_ike_policy_get_auth_algorithm (ike), tn_ike_policy_get_encryption_algorithm (ike),
                          tn_ike_policy_get_pfs (ike), tn_ike_policy_get_lifetime_value (ike));
}

static char *
describe_ipsec (TnIpsecPolicy *ipsec)
{
  /* Translators: IPsec policy parameters: protocol, authentication, encryption, PFS group, lifetime in seconds */
  return g_strdup_printf (_("%s, %s, %s, %s, lifetime %d s"),
                          tn_ipsec_policy_get_transform_protocol (ipsec), tn_ipsec_policy_get_auth_algorithm (ipsec),
                          tn_ipsec_policy_get_encryption_algorithm (ipsec), tn_ipsec_policy_get_pfs (ipsec),
                          tn_ipsec_policy_get_lifetime_value (ipsec));
}

static void
add_check (TnResourceDetail    *self,
           AdwPreferencesGroup *group,
           guint               *n,
           const char          *title,
           const char          *value)
{
  g_autofree char *name = g_strdup_printf ("check-%u", (*n)++);
  GtkWidget *row = _tn_resource_detail_add_row (self, group, name, title, value);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
}

void
_tn_resource_detail_add_checklist (TnResourceDetail *self)
{
  TnStoreSet *stores = _tn_resource_detail_get_stores (self);
  TnConnection *connection = TN_CONNECTION (tn_resource_detail_get_resource (self));
  const TnRegionProfile *profile = tn_store_set_get_profile (stores);
  TnResource *service = tn_store_set_lookup (stores, TN_RESOURCE_VPN_SERVICE, tn_connection_get_vpnservice_id (connection));
  TnResource *ike = tn_store_set_lookup (stores, TN_RESOURCE_IKE_POLICY, tn_connection_get_ikepolicy_id (connection));
  TnResource *ipsec = tn_store_set_lookup (stores, TN_RESOURCE_IPSEC_POLICY, tn_connection_get_ipsecpolicy_id (connection));
  const char *endpoint = tn_connection_get_ipsec_endpoint_address (connection);
  const char * const *cidrs = tn_connection_get_peer_cidrs (connection);
  g_autofree char *joined = cidrs ? g_strjoinv (", ", (char **) cidrs) : g_strdup ("");
  AdwPreferencesGroup *group;
  guint n = 0;

  group = _tn_resource_detail_add_group (self, _("Compare With the Peer"),
                                         _("The connection is not active. Check that the peer’s information and settings match these."));

  if (endpoint != NULL && *endpoint != '\0')
    add_check (self, group, &n, _("The peer targets this address, with anti-replay disabled"), endpoint);
  else if (service != NULL)
    add_check (self, group, &n, _("The peer targets this address"),
               tn_vpn_service_get_external_v4_ip (TN_VPN_SERVICE (service)));

  add_check (self, group, &n, _("Its own address is the peer’s global IP address here"),
             tn_connection_get_peer_address (connection));
  add_check (self, group, &n, _("Its local network is the peer’s private IP address here"), joined);
  add_check (self, group, &n, _("Its pre-shared key is the same"), _("See Pre-Shared Key above"));

  if (ike != NULL)
    {
      g_autofree char *text = describe_ike (TN_IKE_POLICY (ike));

      add_check (self, group, &n, _("Its phase 1 (IKE) proposal matches"), text);
    }
  if (ipsec != NULL)
    {
      g_autofree char *text = describe_ipsec (TN_IPSEC_POLICY (ipsec));

      add_check (self, group, &n, _("Its phase 2 (IPsec) proposal matches"), text);
    }

  if (tn_region_profile_has_field (profile, TN_RESOURCE_CONNECTION, "ike_version"))
    add_check (self, group, &n, _("It speaks the same IKE version"), tn_connection_get_ike_version (connection));

  if (!tn_connection_get_admin_state_up (connection))
    add_check (self, group, &n, _("The connection is switched on"), _("Its admin state here is Down"));
}
