/* tn-connection-assistant.c: create an IPsec VPN connection, step by step
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnConnectionAssistant"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-choices.h"
#include "tn-clipboard.h"
#include "tn-connection.h"
#include "tn-connection-assistant.h"
#include "tn-error.h"
#include "tn-ike-policy.h"
#include "tn-ipsec-policy.h"
#include "tn-resource-editor.h"
#include "tn-secrets.h"
#include "tn-validate.h"
#include "tn-wipe.h"

/*
 * The portal's flow (the seed's steps 1–5): Connection → Policies → Peer
 * → Review → Create. Which fields each step has, which are fixed and what
 * they allow come from the region table. Next is insensitive until the
 * step validates; a field's message appears right below it once the user
 * has typed there. Back keeps everything. A Create that may have reached
 * the cloud before failing looks for the connection before sending again,
 * so a retry never makes two.
 */

enum {
  STEP_CONNECTION,
  STEP_POLICIES,
  STEP_PEER,
  STEP_REVIEW,
  N_STEPS
};

static const char *step_names[N_STEPS] = { "connection", "policies", "peer", "review" };
static const char *step_titles[N_STEPS] = {
  N_("Connection"), N_("Policies"), N_("Peer"), N_("Review"),
};

struct _TnConnectionAssistant
{
  AdwWindow              parent_instance;

  TnStoreSet            *stores;
  TnSessionManager      *sessions;
  TnSession             *session;
  const TnRegionProfile *profile;
  GCancellable          *cancellable;

  GPtrArray             *services;   /* TnVpnService */
  GPtrArray             *ike;        /* TnIkePolicy */
  GPtrArray             *ipsec;      /* TnIpsecPolicy */
  GPtrArray             *created;    /* names of policies made from here */
  GPtrArray             *review_groups;
  GHashTable            *touched;    /* rows the user typed in */
  GHashTable            *own_addresses; /* address → region */
  char                  *fixed_service_id;
  guint                  step;
  guint                  pending_loads;
  gboolean               busy;
  gboolean               maybe_created;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkButton             *next_button;
  GtkBox                *steps_box;
  GtkSpinner            *spinner;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkStack              *stack;
  AdwComboRow           *service_row;
  AdwEntryRow           *name_row;
  AdwActionRow          *name_error;
  AdwEntryRow           *description_row;
  AdwActionRow          *description_error;
  AdwActionRow          *az_row;
  GtkSwitch             *admin_switch;
  AdwPasswordEntryRow   *psk_row;
  AdwActionRow          *psk_error;
  AdwActionRow          *psk_hint;
  AdwComboRow           *initiator_row;
  AdwComboRow           *ike_version_row;
  AdwComboRow           *dpd_action_row;
  AdwEntryRow           *dpd_interval_row;
  AdwEntryRow           *dpd_timeout_row;
  AdwActionRow          *dpd_error;
  AdwComboRow           *ike_row;
  AdwComboRow           *ipsec_row;
  AdwEntryRow           *peer_address_row;
  AdwActionRow          *peer_address_error;
  AdwEntryRow           *peer_cidrs_row;
  AdwActionRow          *peer_cidrs_error;
  GtkListBox            *my_addresses_list;
  GtkPopover            *my_addresses_popover;
  AdwPreferencesPage    *review_page;
};

G_DEFINE_FINAL_TYPE (TnConnectionAssistant, tn_connection_assistant, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (TnConnectionAssistant *self);

/* ------------------------------------------------------------------ */
/* Reading the form                                                   */

static char *
row_strip (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gpointer
selected_item (AdwComboRow *row,
               GPtrArray   *items)
{
  guint selected = adw_combo_row_get_selected (row);

  return items != NULL && selected < items->len ? g_ptr_array_index (items, selected) : NULL;
}

static TnVpnService *
selected_service (TnConnectionAssistant *self)
{
  return selected_item (self->service_row, self->services);
}

/* "192.168.1.0/24, 192.168.2.0/24" → a list */
static GStrv
split_cidrs (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,]+", text ? text : "", 0, 0);
  GPtrArray *cidrs = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (cidrs, g_strdup (parts[i]));
  g_ptr_array_add (cidrs, NULL);

  return (GStrv) g_ptr_array_free (cidrs, FALSE);
}

/* ------------------------------------------------------------------ */
/* Validation                                                         */

static void
on_row_touched_cb (TnConnectionAssistant *self,
                   GtkEditable           *row)
{
  if (!g_hash_table_contains (self->touched, row))
    {
      g_hash_table_add (self->touched, row);
      update_state (self);
    }
}

/* Shows *@error below @row once the user typed in it, and clears it;
 * returns @ok. (The error comes by address: C does not order the
 * evaluation of arguments, so it is read only here, after the check.) */
static gboolean
show_check (TnConnectionAssistant  *self,
            gpointer                row,
            AdwActionRow           *error_row,
            gboolean                ok,
            GError                **error)
{
  gboolean show = !ok && *error != NULL && g_hash_table_contains (self->touched, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), show ? (*error)->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_row), show);
  if (show)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_clear_error (error);

  return ok;
}

static gboolean
check_connection_step (TnConnectionAssistant *self)
{
  g_autofree char *name = row_strip (self->name_row);
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  const char *psk = gtk_editable_get_text (GTK_EDITABLE (self->psk_row));
  g_autofree char *interval_text = row_strip (self->dpd_interval_row);
  g_autofree char *timeout_text = row_strip (self->dpd_timeout_row);
  gboolean ok = selected_service (self) != NULL;
  GError *error = NULL;
  gint64 interval = 0, timeout = 0;
  gboolean dpd_ok;

  ok &= show_check (self, self->name_row, self->name_error,
                    tn_validate_text (name, TRUE, &error), &error);
  ok &= show_check (self, self->description_row, self->description_error,
                    tn_validate_text (description, FALSE, &error), &error);
  ok &= show_check (self, self->psk_row, self->psk_error,
                    tn_validate_psk (psk, &error), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->psk_hint),
                          *psk != '\0' && tn_validate_psk (psk, NULL) && tn_psk_is_weak (psk));

  dpd_ok = tn_validate_number (self->profile, TN_RESOURCE_CONNECTION, "dpd.interval", interval_text, &interval, &error) &&
           tn_validate_number (self->profile, TN_RESOURCE_CONNECTION, "dpd.timeout", timeout_text, &timeout, &error) &&
           tn_validate_dpd (self->profile, interval, timeout, &error);
  if (!g_hash_table_contains (self->touched, self->dpd_timeout_row))
    g_hash_table_remove (self->touched, self->dpd_interval_row);
  ok &= show_check (self, g_hash_table_contains (self->touched, self->dpd_timeout_row) ? self->dpd_timeout_row : self->dpd_interval_row,
                    self->dpd_error, dpd_ok, &error);

  return ok;
}

static gboolean
check_policies_step (TnConnectionAssistant *self)
{
  return selected_item (self->ike_row, self->ike) != NULL &&
         selected_item (self->ipsec_row, self->ipsec) != NULL;
}

static gboolean
check_peer_step (TnConnectionAssistant *self)
{
  g_autofree char *address = row_strip (self->peer_address_row);
  g_autofree char *cidrs_text = row_strip (self->peer_cidrs_row);
  g_auto(GStrv) cidrs = split_cidrs (cidrs_text);
  GError *error = NULL;
  gboolean ok = TRUE;

  ok &= show_check (self, self->peer_address_row, self->peer_address_error,
                    tn_validate_peer_address (self->profile, address, &error), &error);
  ok &= show_check (self, self->peer_cidrs_row, self->peer_cidrs_error,
                    tn_validate_peer_cidrs (self->profile, (const char * const *) cidrs, &error), &error);

  return ok;
}

static gboolean
step_is_valid (TnConnectionAssistant *self,
               guint                  step)
{
  switch (step)
    {
    case STEP_CONNECTION:
      return check_connection_step (self);
    case STEP_POLICIES:
      return check_policies_step (self);
    case STEP_PEER:
      return check_peer_step (self);
    case STEP_REVIEW:
    default:
      return check_connection_step (self) && check_policies_step (self) && check_peer_step (self);
    }
}

/* ------------------------------------------------------------------ */
/* The review                                                         */

static AdwPreferencesGroup *
add_review_group (TnConnectionAssistant *self,
                  const char            *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->review_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->review_groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
add_review_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
add_warning (AdwPreferencesGroup *group,
             const char          *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (icon, "warning");
  adw_preferences_group_add (group, row);
}


static gboolean
is_weak (const char *value)
{
  static const char * const weak[] = { "3des", "sha1", "group2", NULL };

  return value != NULL && g_strv_contains (weak, value);
}

/* What users regret later: shown first on the review. */
static GPtrArray *
collect_warnings (TnConnectionAssistant *self,
                  TnIkePolicy           *ike,
                  TnIpsecPolicy         *ipsec,
                  const char            *address)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  const char *weak_values[6];

  if (tn_region_profile_warns_service_drop (self->profile))
    g_ptr_array_add (warnings, g_strdup (_("Creating the connection briefly drops every tunnel of its VPN service.")));

  if (tn_region_profile_warns_same_region (self->profile))
    {
      const char *region = g_hash_table_lookup (self->own_addresses, address);

      if (region != NULL && g_strcmp0 (region, tn_account_get_region (tn_session_get_account (self->session))) == 0)
        g_ptr_array_add (warnings, g_strdup (_("The peer is in this region too: IPsec between two points of one region is not supported.")));
    }

  weak_values[0] = ike ? tn_ike_policy_get_encryption_algorithm (ike) : NULL;
  weak_values[1] = ike ? tn_ike_policy_get_auth_algorithm (ike) : NULL;
  weak_values[2] = ike ? tn_ike_policy_get_pfs (ike) : NULL;
  weak_values[3] = ipsec ? tn_ipsec_policy_get_encryption_algorithm (ipsec) : NULL;
  weak_values[4] = ipsec ? tn_ipsec_policy_get_auth_algorithm (ipsec) : NULL;
  weak_values[5] = ipsec ? tn_ipsec_policy_get_pfs (ipsec) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (weak_values); i++)
    if (is_weak (weak_values[i]))
      {
        /* Translators: %s is an algorithm or group such as sha1, 3des or group2 */
        g_ptr_array_add (warnings, g_strdup_printf (_("The policies use %s, which is considered weak. Prefer aes-256, sha256 and group14."),
                                                    weak_values[i]));
        break;
      }

  return warnings;
}

static void
build_review (TnConnectionAssistant *self)
{
  TnVpnService *service = selected_service (self);
  TnIkePolicy *ike = selected_item (self->ike_row, self->ike);
  TnIpsecPolicy *ipsec = selected_item (self->ipsec_row, self->ipsec);
  AdwPreferencesGroup *group;
  g_autofree char *interval = row_strip (self->dpd_interval_row);
  g_autofree char *timeout = row_strip (self->dpd_timeout_row);
  g_autofree char *address = row_strip (self->peer_address_row);
  g_autofree char *cidrs_text = row_strip (self->peer_cidrs_row);
  g_auto(GStrv) cidrs = split_cidrs (cidrs_text);
  g_autofree char *cidrs_joined = g_strjoinv (", ", cidrs);
  g_autoptr(GPtrArray) warnings = collect_warnings (self, ike, ipsec, address);

  for (guint i = 0; i < self->review_groups->len; i++)
    adw_preferences_page_remove (self->review_page, g_ptr_array_index (self->review_groups, i));
  g_ptr_array_set_size (self->review_groups, 0);

  if (warnings->len > 0)
    {
      group = add_review_group (self, _("Before You Create"));
      for (guint i = 0; i < warnings->len; i++)
        add_warning (group, g_ptr_array_index (warnings, i));
    }

  /* In the portal's order. */
  group = add_review_group (self, _("IPsec VPN Connection"));
  add_review_row (group, _("VPN Service"), service ? tn_resource_get_name (TN_RESOURCE (service)) : NULL);
  add_review_row (group, _("Name"), gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  add_review_row (group, _("Description"), gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  if (gtk_widget_get_visible (GTK_WIDGET (self->az_row)))
    add_review_row (group, _("Availability Zone"), adw_action_row_get_subtitle (self->az_row));
  add_review_row (group, _("Admin State"),
                  gtk_switch_get_active (self->admin_switch) ? C_("admin state", "Up") : C_("admin state", "Down"));
  add_review_row (group, _("Pre-Shared Key"), _("Set (kept in the keyring)"));
  if (gtk_widget_get_visible (GTK_WIDGET (self->initiator_row)))
    add_review_row (group, _("Initiator"), tn_choice_row_get_label (self->initiator_row));
  add_review_row (group, _("DPD Action"), tn_choice_row_get_label (self->dpd_action_row));
  add_review_row (group, _("DPD Interval"), interval);
  add_review_row (group, _("DPD Timeout"), timeout);
  if (gtk_widget_get_visible (GTK_WIDGET (self->ike_version_row)))
    add_review_row (group, _("IKE Version"), tn_choice_row_get_label (self->ike_version_row));

  group = add_review_group (self, _("Policies"));
  add_review_row (group, _("IKE Policy"), ike ? tn_resource_get_name (TN_RESOURCE (ike)) : NULL);
  add_review_row (group, _("IPsec Policy"), ipsec ? tn_resource_get_name (TN_RESOURCE (ipsec)) : NULL);

  group = add_review_group (self, _("Peer"));
  add_review_row (group, _("Peer’s Global IP Address"), address);
  add_review_row (group, _("Peer’s Private IP Address (CIDR)"), cidrs_joined);
}

/* ------------------------------------------------------------------ */
/* Steps                                                              */

static void
update_steps_box (TnConnectionAssistant *self)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (i == self->step)
        {
          gtk_widget_add_css_class (child, "accent");
          gtk_widget_remove_css_class (child, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (child, "accent");
          gtk_widget_add_css_class (child, "dim-label");
        }
    }
}

static void
update_state (TnConnectionAssistant *self)
{
  gboolean valid = step_is_valid (self, self->step);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", self->step > 0 && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next",
                                 valid && !self->busy && self->pending_loads == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.copy-psk",
                                 tn_validate_psk (gtk_editable_get_text (GTK_EDITABLE (self->psk_row)), NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy || self->pending_loads > 0);
  gtk_spinner_set_spinning (self->spinner, self->busy || self->pending_loads > 0);

  adw_window_title_set_subtitle (self->window_title, _(step_titles[self->step]));
  update_steps_box (self);
}

static void
show_step (TnConnectionAssistant *self,
           guint                  step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  gtk_button_set_label (self->next_button, step == STEP_REVIEW ? _("_Create") : _("_Next"));

  if (step == STEP_REVIEW)
    build_review (self);

  update_state (self);
}

static void
on_input_changed_cb (TnConnectionAssistant *self)
{
  update_state (self);
}

/* ------------------------------------------------------------------ */
/* Loading what to choose from                                        */

static char *
policy_summary (TnResource *policy)
{
  if (TN_IS_IKE_POLICY (policy))
    {
      TnIkePolicy *ike = TN_IKE_POLICY (policy);

      return g_strdup_printf ("%s · %s · %s · %s · %d s",
                              tn_ike_policy_get_encryption_algorithm (ike),
                              tn_ike_policy_get_auth_algorithm (ike),
                              tn_ike_policy_get_pfs (ike),
                              tn_ike_policy_get_ike_version (ike) ? tn_ike_policy_get_ike_version (ike) : "",
                              tn_ike_policy_get_lifetime_value (ike));
    }
  else
    {
      TnIpsecPolicy *ipsec = TN_IPSEC_POLICY (policy);

      return g_strdup_printf ("%s · %s · %s · %s · %d s",
                              tn_ipsec_policy_get_transform_protocol (ipsec),
                              tn_ipsec_policy_get_encryption_algorithm (ipsec),
                              tn_ipsec_policy_get_auth_algorithm (ipsec),
                              tn_ipsec_policy_get_pfs (ipsec),
                              tn_ipsec_policy_get_lifetime_value (ipsec));
    }
}

static void
on_policy_selected_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       GPtrArray   *items)
{
  TnResource *policy = selected_item (row, items);
  g_autofree char *summary = policy ? policy_summary (policy) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary ? summary : "");
}

static void
fill_items_row (AdwComboRow *row,
                GPtrArray   *items,
                const char  *select_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < items->len; i++)
    {
      TnResource *item = g_ptr_array_index (items, i);
      const char *name = tn_resource_get_name (item);

      gtk_string_list_append (names, name && *name ? name : tn_resource_get_id (item));
      if (g_strcmp0 (tn_resource_get_id (item), select_id) == 0)
        selected = i;
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  if (items->len == 0)
    adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

static void
update_service_details (TnConnectionAssistant *self)
{
  TnVpnService *service = selected_service (self);
  const char *az = service ? tn_vpn_service_get_availability_zone (service) : NULL;

  adw_action_row_set_subtitle (self->az_row, az ? az : "—");
}

static void
show_error (TnConnectionAssistant *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

typedef struct
{
  TnConnectionAssistant *self;
  TnResourceKind         kind;
} Load;

static void
on_list_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(TnConnectionAssistant) self = load->self;
  TnResourceKind kind = load->kind;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_free (load);
  items = tn_session_list_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending_loads--;
  if (items == NULL)
    {
      show_error (self, error->message);
      update_state (self);
      return;
    }

  switch (kind)
    {
    case TN_RESOURCE_VPN_SERVICE:
      g_ptr_array_set_size (self->services, 0);
      g_ptr_array_extend_and_steal (self->services, g_steal_pointer (&items));
      fill_items_row (self->service_row, self->services, self->fixed_service_id);
      update_service_details (self);
      break;

    case TN_RESOURCE_IKE_POLICY:
      g_ptr_array_extend_and_steal (self->ike, g_steal_pointer (&items));
      fill_items_row (self->ike_row, self->ike, NULL);
      on_policy_selected_cb (self->ike_row, NULL, self->ike);
      break;

    case TN_RESOURCE_IPSEC_POLICY:
      g_ptr_array_extend_and_steal (self->ipsec, g_steal_pointer (&items));
      fill_items_row (self->ipsec_row, self->ipsec, NULL);
      on_policy_selected_cb (self->ipsec_row, NULL, self->ipsec);
      break;

    case TN_RESOURCE_CONNECTION:
    case TN_N_RESOURCE_KINDS:
    default:
      g_assert_not_reached ();
    }

  update_state (self);
}

static void
load_list (TnConnectionAssistant *self,
           TnResourceKind         kind)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->kind = kind;
  self->pending_loads++;
  tn_session_list_async (self->session, kind, self->cancellable, on_list_loaded_cb, load);
}

/* ------------------------------------------------------------------ */
/* The user's own addresses, across every signed-in account            */

static void
add_own_address (TnConnectionAssistant *self,
                 TnSession             *session,
                 const char            *address,
                 const char            *what)
{
  TnAccount *account = tn_session_get_account (session);
  g_autofree char *label = NULL;
  const char *region_name = tn_region_profile_get_display_name (tn_session_get_profile (session));
  GtkWidget *row, *box, *title, *subtitle;

  if (address == NULL || *address == '\0' || g_hash_table_contains (self->own_addresses, address))
    return;

  g_hash_table_insert (self->own_addresses, g_strdup (address), g_strdup (tn_account_get_region (account)));

  /* Translators: where an address is: account, region, VPN service */
  label = g_strdup_printf (_("%s · %s · %s"), tn_account_get_name (account),
                           region_name ? region_name : tn_account_get_region (account), what);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title = gtk_label_new (address);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  subtitle = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, address);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, subtitle, NULL,
                                  -1);
  gtk_list_box_append (self->my_addresses_list, row);
}

static void
on_own_services_loaded_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(TnConnectionAssistant) self = user_data;
  TnSession *session = TN_SESSION (object);
  g_autoptr(GPtrArray) items = tn_session_list_finish (session, result, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TnResource *item = g_ptr_array_index (items, i);

      if (TN_IS_VPN_SERVICE (item))
        add_own_address (self, session, tn_vpn_service_get_external_v4_ip (TN_VPN_SERVICE (item)),
                         tn_resource_get_name (item));
      else if (TN_IS_CONNECTION (item))
        add_own_address (self, session, tn_connection_get_ipsec_endpoint_address (TN_CONNECTION (item)),
                         tn_resource_get_name (item));
    }
}

static void
load_own_addresses (TnConnectionAssistant *self)
{
  g_autoptr(GPtrArray) sessions = tn_session_manager_list_sessions (self->sessions);

  for (guint i = 0; i < sessions->len; i++)
    {
      TnSession *session = g_ptr_array_index (sessions, i);

      tn_session_list_async (session, TN_RESOURCE_VPN_SERVICE, self->cancellable,
                             on_own_services_loaded_cb, g_object_ref (self));
      /* Type B: the address a peer targets is the connection's endpoint. */
      if (tn_region_profile_get_dialect (tn_session_get_profile (session)) == TN_DIALECT_FJCLOUD_B)
        tn_session_list_async (session, TN_RESOURCE_CONNECTION, self->cancellable,
                               on_own_services_loaded_cb, g_object_ref (self));
    }
}

static void
on_my_addresses_list_row_activated_cb (TnConnectionAssistant *self,
                                       GtkListBoxRow         *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self->peer_address_row), gtk_widget_get_name (GTK_WIDGET (row)));
  g_hash_table_add (self->touched, self->peer_address_row);
  gtk_popover_popdown (self->my_addresses_popover);
}

/* ------------------------------------------------------------------ */
/* Creating                                                           */

static TnConnection *
build_connection (TnConnectionAssistant *self)
{
  TnConnection *connection = tn_connection_new ();
  TnVpnService *service = selected_service (self);
  TnResource *ike = selected_item (self->ike_row, self->ike);
  TnResource *ipsec = selected_item (self->ipsec_row, self->ipsec);
  g_autofree char *name = row_strip (self->name_row);
  g_autofree char *address = row_strip (self->peer_address_row);
  g_autofree char *cidrs_text = row_strip (self->peer_cidrs_row);
  g_autofree char *interval = row_strip (self->dpd_interval_row);
  g_autofree char *timeout = row_strip (self->dpd_timeout_row);
  g_auto(GStrv) cidrs = split_cidrs (cidrs_text);

  tn_resource_set_name (TN_RESOURCE (connection), name);
  tn_resource_set_description (TN_RESOURCE (connection), gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  tn_connection_set_vpnservice_id (connection, tn_resource_get_id (TN_RESOURCE (service)));
  tn_connection_set_ikepolicy_id (connection, tn_resource_get_id (ike));
  tn_connection_set_ipsecpolicy_id (connection, tn_resource_get_id (ipsec));
  tn_connection_set_peer_address (connection, address);
  tn_connection_set_peer_id (connection, address);
  tn_connection_set_peer_cidrs (connection, (const char * const *) cidrs);
  tn_connection_set_psk (connection, gtk_editable_get_text (GTK_EDITABLE (self->psk_row)));
  tn_connection_set_admin_state_up (connection, gtk_switch_get_active (self->admin_switch));
  tn_connection_set_dpd_action (connection, tn_choice_row_get_value (self->dpd_action_row));
  tn_connection_set_dpd_interval (connection, atoi (interval));
  tn_connection_set_dpd_timeout (connection, atoi (timeout));
  if (tn_region_profile_has_field (self->profile, TN_RESOURCE_CONNECTION, "initiator"))
    tn_connection_set_initiator (connection, tn_choice_row_get_value (self->initiator_row));
  if (tn_region_profile_has_field (self->profile, TN_RESOURCE_CONNECTION, "ike_version"))
    tn_connection_set_ike_version (connection, tn_choice_row_get_value (self->ike_version_row));

  return connection;
}

static void
set_busy (TnConnectionAssistant *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  update_state (self);
}

static void
on_psk_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TnConnectionAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  TnResource *connection = g_object_get_data (G_OBJECT (self), "connection");
  gboolean saved;

  saved = tn_secrets_store_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_signal_emit (self, signals[CREATED], 0, connection, saved);
  tn_a11y_destroy_window (GTK_WINDOW (self));
}

static void
finish_created (TnConnectionAssistant *self,
                TnResource            *connection)
{
  TnAccount *account = tn_session_get_account (self->session);
  TnSecretKey key = {
    tn_account_get_id (account), TN_SECRET_PSK,
    tn_account_get_region (account), tn_resource_get_id (connection),
  };
  g_autofree char *label =
    /* Translators: a keyring label; the connection's name and its region */
    g_strdup_printf (_("Tunnels: pre-shared key of %s (%s)"), tn_resource_get_name (connection),
                     tn_account_get_region (account));

  g_object_set_data_full (G_OBJECT (self), "connection", g_object_ref (connection), g_object_unref);
  tn_secrets_store_async (&key, label, gtk_editable_get_text (GTK_EDITABLE (self->psk_row)),
                          self->cancellable, on_psk_stored_cb, g_object_ref (self));
}

/* Whether a failed request may still have created the resource. */
static gboolean
may_have_reached_server (const GError *error)
{
  if (error->domain != TN_ERROR)
    return TRUE;

  switch (error->code)
    {
    case TN_ERROR_TIMEOUT:
    case TN_ERROR_SERVER_ERROR:
    case TN_ERROR_UNAVAILABLE:
    case TN_ERROR_BAD_RESPONSE:
    case TN_ERROR_NETWORK_UNREACHABLE:
    case TN_ERROR_FAILED:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_connection_created_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(TnConnectionAssistant) self = user_data;
  g_autoptr(TnResource) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = tn_store_set_create_finish (TN_STORE_SET (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (connection == NULL)
    {
      const TnErrorDetails *details = tn_error_get_details (error);
      g_autofree char *message = NULL;

      self->maybe_created |= may_have_reached_server (error);
      if (details != NULL && details->message != NULL && *details->message != '\0')
        /* Translators: an explanation, then the cloud's own words */
        message = g_strdup_printf (_("%s (%s)"), error->message, details->message);
      show_error (self, message ? message : error->message);
      set_busy (self, FALSE);
      return;
    }

  finish_created (self, connection);
}

static gboolean
is_same_connection (TnResource   *found,
                    TnConnection *wanted)
{
  return TN_IS_CONNECTION (found) &&
         g_strcmp0 (tn_resource_get_name (found), tn_resource_get_name (TN_RESOURCE (wanted))) == 0 &&
         g_strcmp0 (tn_connection_get_vpnservice_id (TN_CONNECTION (found)), tn_connection_get_vpnservice_id (wanted)) == 0 &&
         g_strcmp0 (tn_connection_get_peer_address (TN_CONNECTION (found)), tn_connection_get_peer_address (wanted)) == 0;
}

static void
on_existing_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TnConnectionAssistant) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TnConnection) wanted = build_connection (self);

  items = tn_session_list_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      show_error (self, error->message);
      set_busy (self, FALSE);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    if (is_same_connection (g_ptr_array_index (items, i), wanted))
      {
        g_debug ("The first attempt did create the connection; not creating it again");
        finish_created (self, g_ptr_array_index (items, i));
        return;
      }

  self->maybe_created = FALSE;
  tn_store_set_create_async (self->stores, TN_RESOURCE (wanted), self->cancellable,
                             on_connection_created_cb, g_object_ref (self));
}

static void
create_connection (TnConnectionAssistant *self)
{
  g_autoptr(TnConnection) connection = NULL;

  show_error (self, NULL);
  set_busy (self, TRUE);

  /* A failed attempt may have created it: look before sending again. */
  if (self->maybe_created)
    {
      tn_session_list_async (self->session, TN_RESOURCE_CONNECTION, self->cancellable,
                             on_existing_listed_cb, g_object_ref (self));
      return;
    }

  connection = build_connection (self);
  tn_store_set_create_async (self->stores, TN_RESOURCE (connection), self->cancellable,
                             on_connection_created_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);

  if (!step_is_valid (self, self->step))
    return;

  if (self->step == STEP_REVIEW)
    create_connection (self);
  else
    show_step (self, self->step + 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);

  if (self->step > 0)
    show_step (self, self->step - 1);
}

static void
generate_psk_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);
  char *psk = tn_psk_generate ();

  gtk_editable_set_text (GTK_EDITABLE (self->psk_row), psk);
  g_hash_table_add (self->touched, self->psk_row);
  tn_wipe_free (psk);
  update_state (self);
}

static void
copy_psk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);

  tn_clipboard_copy_secret (widget, gtk_editable_get_text (GTK_EDITABLE (self->psk_row)));
  tn_a11y_add_toast (self->toast_overlay,
                     adw_toast_new (_("Pre-shared key copied. The clipboard forgets it in 30 seconds.")));
}

static gboolean
has_input (TnConnectionAssistant *self)
{
  return g_hash_table_size (self->touched) > 0 || self->step > 0;
}

static gboolean
destroy_cb (gpointer data)
{
  tn_a11y_destroy_window (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        TnConnectionAssistant *self)
{
  /* After the message dialog, which belongs to the assistant, is gone. */
  if (g_str_equal (response, "discard"))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);
  GtkWidget *dialog;

  if (self->busy)
    {
      /* Stop waiting; the cloud may still finish what it got. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->maybe_created = TRUE;
      set_busy (self, FALSE);
      return;
    }

  if (!has_input (self) && self->created->len == 0)
    {
      tn_a11y_destroy_window (GTK_WINDOW (self));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the New Connection?"), NULL);
  if (self->created->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (self->created, NULL);
      names = g_strjoinv (", ", (char **) self->created->pdata);
      g_ptr_array_remove_index (self->created, self->created->len - 1);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: %s is a list of policy names */
                                      _("What you entered is lost. The policies you created here stay: %s."), names);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("What you entered is lost."));
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
tn_connection_assistant_close_request (GtkWindow *window)
{
  cancel_action (GTK_WIDGET (window), "assistant.cancel", NULL);

  return TRUE;
}

static void
on_policy_created_cb (TnConnectionAssistant *self,
                      TnResource            *policy)
{
  gboolean ike = TN_IS_IKE_POLICY (policy);
  GPtrArray *items = ike ? self->ike : self->ipsec;
  AdwComboRow *row = ike ? self->ike_row : self->ipsec_row;

  g_ptr_array_add (self->created, g_strdup (tn_resource_get_name (policy)));
  g_ptr_array_add (items, g_object_ref (policy));
  fill_items_row (row, items, tn_resource_get_id (policy));
  on_policy_selected_cb (row, NULL, items);
  update_state (self);
}

static void
new_policy_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (widget);
  TnVpnService *service = selected_service (self);
  TnResourceKind kind = g_str_equal (g_variant_get_string (parameter, NULL), "ike")
                        ? TN_RESOURCE_IKE_POLICY : TN_RESOURCE_IPSEC_POLICY;
  TnResourceEditor *form;

  /* The create form of the policy lists, nested; the policy inherits the
   * connection's availability zone and comes back selected. */
  form = tn_resource_editor_new_create (GTK_WINDOW (self), self->stores, kind,
                                        service ? tn_vpn_service_get_availability_zone (service) : NULL);
  g_signal_connect_object (form, "created", G_CALLBACK (on_policy_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

/* ------------------------------------------------------------------ */
/* The class                                                          */

static void
tn_connection_assistant_dispose (GObject *object)
{
  TnConnectionAssistant *self = TN_CONNECTION_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->sessions);
  g_clear_object (&self->stores);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->ike, g_ptr_array_unref);
  g_clear_pointer (&self->ipsec, g_ptr_array_unref);
  g_clear_pointer (&self->created, g_ptr_array_unref);
  g_clear_pointer (&self->review_groups, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->own_addresses, g_hash_table_unref);
  g_clear_pointer (&self->fixed_service_id, g_free);

  G_OBJECT_CLASS (tn_connection_assistant_parent_class)->dispose (object);
}

static void
tn_connection_assistant_class_init (TnConnectionAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tn_connection_assistant_dispose;
  window_class->close_request = tn_connection_assistant_close_request;

  /**
   * TnConnectionAssistant::created:
   * @connection: the new connection
   * @psk_saved: whether the keyring took its pre-shared key
   *
   * Emitted once the cloud created the connection, before the assistant
   * closes.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TN_TYPE_RESOURCE, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-connection-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TnConnectionAssistant, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (next_button);
  BIND (steps_box);
  BIND (spinner);
  BIND (error_revealer);
  BIND (error_label);
  BIND (stack);
  BIND (service_row);
  BIND (name_row);
  BIND (name_error);
  BIND (description_row);
  BIND (description_error);
  BIND (az_row);
  BIND (admin_switch);
  BIND (psk_row);
  BIND (psk_error);
  BIND (psk_hint);
  BIND (initiator_row);
  BIND (ike_version_row);
  BIND (dpd_action_row);
  BIND (dpd_interval_row);
  BIND (dpd_timeout_row);
  BIND (dpd_error);
  BIND (ike_row);
  BIND (ipsec_row);
  BIND (peer_address_row);
  BIND (peer_address_error);
  BIND (peer_cidrs_row);
  BIND (peer_cidrs_error);
  BIND (my_addresses_list);
  BIND (my_addresses_popover);
  BIND (review_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_my_addresses_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "assistant.generate-psk", NULL, generate_psk_action);
  gtk_widget_class_install_action (widget_class, "assistant.copy-psk", NULL, copy_psk_action);
  gtk_widget_class_install_action (widget_class, "assistant.new-policy", "s", new_policy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
}

static void
tn_connection_assistant_init (TnConnectionAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tn_a11y_track_window (GTK_WINDOW (self));

  self->cancellable = g_cancellable_new ();
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->ike = g_ptr_array_new_with_free_func (g_object_unref);
  self->ipsec = g_ptr_array_new_with_free_func (g_object_unref);
  self->created = g_ptr_array_new_with_free_func (g_free);
  self->review_groups = g_ptr_array_new ();
  self->touched = g_hash_table_new (NULL, NULL);
  self->own_addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < N_STEPS; i++)
    {
      /* Translators: a step of the assistant: its number and name */
      g_autofree char *text = g_strdup_printf (_("%u %s"), i + 1, _(step_titles[i]));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (self->steps_box, label);
    }

  /* A field's message appears once the user typed there. */
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->psk_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->dpd_interval_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->dpd_timeout_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->peer_address_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->peer_cidrs_row, "changed", G_CALLBACK (on_row_touched_cb), self);
  g_signal_connect_swapped (self->service_row, "notify::selected", G_CALLBACK (update_service_details), self);
}

static void
setup_for_region (TnConnectionAssistant *self)
{
  const TnRegionProfile *p = self->profile;
  TnResourceKind conn = TN_RESOURCE_CONNECTION;
  const char *interval = tn_region_profile_get_default (p, conn, "dpd.interval");
  const char *timeout = tn_region_profile_get_default (p, conn, "dpd.timeout");

  gtk_widget_set_visible (GTK_WIDGET (self->az_row), tn_region_profile_has_field (p, conn, "availability_zone"));
  tn_choice_row_setup (self->initiator_row, p, conn, "initiator", NULL, TRUE);
  tn_choice_row_setup (self->ike_version_row, p, conn, "ike_version", NULL, TRUE);
  tn_choice_row_setup (self->dpd_action_row, p, conn, "dpd.action", NULL, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->dpd_interval_row), interval ? interval : "");
  gtk_editable_set_text (GTK_EDITABLE (self->dpd_timeout_row), timeout ? timeout : "");
  /* Fixed in the region (type B: 120 s): shown, not editable. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpd_timeout_row),
                            tn_region_profile_get_access (p, conn, "dpd.timeout") != TN_FIELD_FIXED);

  if (tn_region_profile_get_max_peer_cidrs (p) == 1)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->peer_cidrs_row), _("Peer’s Private IP Address (CIDR)"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->peer_cidrs_row),
                                   _("Peer’s Private IP Addresses (CIDR, Separated by Commas)"));
}

/**
 * tn_connection_assistant_new:
 * @parent: the window it belongs to
 * @stores: the active account's resources; the connection is made there
 * @service: (nullable): the VPN service to add the connection to; %NULL
 *   lets the user choose
 */
TnConnectionAssistant *
tn_connection_assistant_new (GtkWindow    *parent,
                             TnStoreSet   *stores,
                             TnVpnService *service)
{
  TnConnectionAssistant *self;
  TnSession *session;

  g_return_val_if_fail (TN_IS_STORE_SET (stores), NULL);
  session = tn_store_set_get_session (stores);
  g_return_val_if_fail (session != NULL, NULL);

  self = g_object_new (TN_TYPE_CONNECTION_ASSISTANT, "transient-for", parent, NULL);
  self->stores = g_object_ref (stores);
  self->sessions = g_object_ref (tn_store_set_get_sessions (stores));
  self->session = g_object_ref (session);
  self->profile = tn_session_get_profile (session);

  if (service != NULL)
    {
      self->fixed_service_id = g_strdup (tn_resource_get_id (TN_RESOURCE (service)));
      g_ptr_array_add (self->services, g_object_ref (service));
      fill_items_row (self->service_row, self->services, self->fixed_service_id);
      gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), FALSE);
      update_service_details (self);
    }
  else
    {
      load_list (self, TN_RESOURCE_VPN_SERVICE);
    }

  g_signal_connect (self->ike_row, "notify::selected", G_CALLBACK (on_policy_selected_cb), self->ike);
  g_signal_connect (self->ipsec_row, "notify::selected", G_CALLBACK (on_policy_selected_cb), self->ipsec);
  load_list (self, TN_RESOURCE_IKE_POLICY);
  load_list (self, TN_RESOURCE_IPSEC_POLICY);
  load_own_addresses (self);

  setup_for_region (self);
  show_step (self, STEP_CONNECTION);

  return self;
}
