/* tn-resource-editor.c: the edit window and create form of a resource, from the region table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "tn-a11y.h"
#include "tn-connection.h"
#include "tn-error.h"
#include "tn-resource-editor-private.h"
#include "tn-router.h"
#include "tn-secrets.h"
#include "tn-subnet.h"
#include "tn-validate.h"
#include "tn-wipe.h"

/*
 * One window for the four kinds and both jobs. Editing: the region's
 * editable fields are rows the user can change, the others show their
 * value; Save is sensitive once something changed and everything checks
 * out, and sends only what changed. Creating (policies and services):
 * the fields a client may set, filled with the region's defaults, the
 * fixed ones shown. A server error keeps the window open with the input
 * as it was and shows what the server said.
 *
 * The create form also serves nested (the connection assistant opens it
 * with the connection's zone): it emits ::created with the new resource.
 */

struct _TnResourceEditor
{
  AdwWindow        parent_instance;

  TnStoreSet      *stores;
  TnResource      *original;    /* the store's resource; NULL when creating */
  TnResource      *draft;       /* the values to start from */
  TnResourceKind   kind;
  GPtrArray       *fields;      /* TnEditorField */
  GCancellable    *cancellable;
  gboolean         busy;
  char            *server_error;
  char            *new_psk;     /* a connection's new key, for the keyring once saved */

  /* Template widgets */
  GtkButton       *cancel_button;
  GtkButton       *save_button;
  GtkSpinner      *spinner;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (TnResourceEditor, tn_resource_editor, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TnRegionProfile *
get_profile (TnResourceEditor *self)
{
  return tn_store_set_get_profile (self->stores);
}

static TnEditorField *
find_field (TnResourceEditor *self,
            const char       *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      TnEditorField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->info->field, name))
        return field;
    }

  return NULL;
}

/* Reads every row into a copy; marks the rows that are wrong. Returns the
 * copy, or NULL with the first problem in @message. */
static TnResource *
read_form (TnResourceEditor  *self,
           char             **message)
{
  g_autoptr(TnResource) changed = tn_resource_dup (self->original ? self->original : self->draft);
  const TnRegionProfile *profile = get_profile (self);
  g_autofree char *first = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      TnEditorField *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) error = NULL;

      if (!_tn_editor_field_read (field, profile, changed, &error))
        {
          _tn_editor_field_mark (field, field->touched ? error->message : NULL);
          if (first == NULL)
            first = g_strdup_printf ("%s: %s", tn_field_info_get_title (field->info), error->message);
        }
      else
        _tn_editor_field_mark (field, NULL);
    }

  /* Checks across fields. */
  if (first == NULL && self->kind == TN_RESOURCE_CONNECTION)
    {
      TnConnection *connection = TN_CONNECTION (changed);
      g_autoptr(GError) error = NULL;
      GSocketFamily family = G_SOCKET_FAMILY_IPV4;

      tn_validate_ip_address (tn_connection_get_peer_address (connection), FALSE, &family, NULL);
      if (!tn_validate_dpd (profile, tn_connection_get_dpd_interval (connection),
                            tn_connection_get_dpd_timeout (connection), &error) ||
          !tn_validate_mtu (tn_connection_get_mtu (connection), family, &error))
        first = g_strdup (error->message);
    }

  if (first == NULL && self->original == NULL &&
      (tn_resource_get_name (changed) == NULL || *tn_resource_get_name (changed) == '\0'))
    first = g_strdup (_("Enter a name."));

  if (first != NULL)
    {
      *message = g_steal_pointer (&first);
      return NULL;
    }

  return g_steal_pointer (&changed);
}

static gboolean
differs (TnResource *a,
         TnResource *b)
{
  const TnResourceField *fields;
  guint n_fields = 0;

  fields = tn_resource_get_fields (a, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!tn_resource_field_equal (a, b, &fields[i]))
      return TRUE;

  return FALSE;
}

static void
update_state (TnResourceEditor *self)
{
  g_autoptr(TnResource) changed = NULL;
  g_autofree char *message = NULL;
  gboolean any_touched = FALSE;
  gboolean can_save;

  changed = read_form (self, &message);
  for (guint i = 0; i < self->fields->len; i++)
    any_touched |= ((TnEditorField *) g_ptr_array_index (self->fields, i))->touched;

  if (self->original != NULL)
    can_save = changed != NULL && differs (self->original, changed);
  else
    can_save = changed != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save && !self->busy);

  /* The server's message stays until the user changes something; then a
   * problem of the input, once the user started typing, shows instead. */
  if (self->server_error != NULL)
    gtk_label_set_label (self->error_label, self->server_error);
  else if (message != NULL && any_touched)
    gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer,
                                 self->server_error != NULL || (message != NULL && any_touched));
}

static void
on_field_changed_cb (TnResourceEditor *self,
                     GParamSpec       *pspec,
                     GtkWidget        *row)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      TnEditorField *field = g_ptr_array_index (self->fields, i);

      if (field->row == row || field->control == row)
        field->touched = TRUE;
    }

  g_clear_pointer (&self->server_error, g_free);
  update_state (self);
}

static void
set_busy (TnResourceEditor *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !busy);
  update_state (self);
}

static void
show_server_error (TnResourceEditor *self,
                   const GError     *error)
{
  const TnErrorDetails *details = tn_error_get_details (error);

  g_free (self->server_error);
  if (details != NULL && details->request_id != NULL)
    /* Translators: an error message, then the id of the request for support */
    self->server_error = g_strdup_printf (_("%s (Request %s)"), error->message, details->request_id);
  else
    self->server_error = g_strdup (error->message);
  set_busy (self, FALSE);
}

static void
on_psk_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tn_secrets_store_finish (result, &error))
    g_debug ("The new pre-shared key is not in the keyring: %s", error->message);
}

/* A connection's new key replaces the one in the keyring. */
static void
store_psk (TnResourceEditor *self,
           TnResource       *saved,
           const char       *psk)
{
  TnAccount *account = tn_session_get_account (tn_store_set_get_session (self->stores));
  TnSecretKey key = {
    tn_account_get_id (account), TN_SECRET_PSK, tn_account_get_region (account), tn_resource_get_id (saved),
  };
  /* Translators: the keyring item's label; %s is a connection's name */
  g_autofree char *label = g_strdup_printf (_("Pre-shared key of “%s”"), tn_resource_get_name (saved));

  tn_secrets_store_async (&key, label, psk, NULL, on_psk_stored_cb, NULL);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TnResourceEditor) self = user_data;
  g_autoptr(TnResource) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->original != NULL)
    saved = tn_store_set_update_finish (TN_STORE_SET (object), result, &error);
  else
    saved = tn_store_set_create_finish (TN_STORE_SET (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (saved == NULL)
    {
      show_server_error (self, error);
      return;
    }

  if (self->new_psk != NULL)
    store_psk (self, saved, self->new_psk);
  g_clear_pointer (&self->new_psk, tn_wipe_free);

  if (self->original == NULL)
    g_signal_emit (self, signals[CREATED], 0, saved);

  tn_a11y_destroy_window (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (TnResourceEditor *self)
{
  g_autoptr(TnResource) changed = NULL;
  g_autofree char *message = NULL;

  changed = read_form (self, &message);
  if (changed == NULL || self->busy)
    return;

  g_clear_pointer (&self->server_error, g_free);
  set_busy (self, TRUE);

  g_clear_pointer (&self->new_psk, tn_wipe_free);
  if (self->kind == TN_RESOURCE_CONNECTION && self->original != NULL &&
      g_strcmp0 (tn_connection_get_psk (TN_CONNECTION (changed)), tn_connection_get_psk (TN_CONNECTION (self->original))) != 0)
    self->new_psk = g_strdup (tn_connection_get_psk (TN_CONNECTION (changed)));

  if (self->original != NULL)
    tn_store_set_update_async (self->stores, self->original, changed, self->cancellable,
                               on_saved_cb, g_object_ref (self));
  else
    tn_store_set_create_async (self->stores, changed, self->cancellable, on_saved_cb, g_object_ref (self));
}

static void
on_cancel_button_clicked_cb (TnResourceEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Pickers */

static char *
router_label (TnRouter *router)
{
  if (router->external_ips != NULL && router->external_ips[0] != NULL)
    return g_strdup_printf ("%s (%s)", router->name && *router->name ? router->name : router->id, router->external_ips[0]);
  return g_strdup (router->name && *router->name ? router->name : router->id);
}

static void
on_routers_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TnResourceEditor *self = user_data;
  g_autoptr(GPtrArray) routers = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  TnEditorField *field;

  routers = tn_session_list_routers_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  field = find_field (self, "router_id");
  if (routers == NULL)
    {
      show_server_error (self, error);
      return;
    }

  /* A VPN service needs a router with an external gateway. */
  for (guint i = 0; i < routers->len; i++)
    {
      TnRouter *router = g_ptr_array_index (routers, i);

      if (router->external_network_id == NULL)
        continue;
      g_ptr_array_add (ids, g_strdup (router->id));
      g_ptr_array_add (labels, router_label (router));
    }

  _tn_editor_field_set_ids (field, ids, labels);
  update_state (self);
}

static void
on_subnets_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TnResourceEditor *self = user_data;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  subnets = tn_session_list_subnets_finish (TN_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (subnets == NULL)
    {
      show_server_error (self, error);
      return;
    }

  for (guint i = 0; i < subnets->len; i++)
    {
      TnSubnet *subnet = g_ptr_array_index (subnets, i);

      g_ptr_array_add (ids, g_strdup (subnet->id));
      g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", subnet->name && *subnet->name ? subnet->name : subnet->id,
                                                subnet->cidr ? subnet->cidr : ""));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("None")));

  _tn_editor_field_set_ids (find_field (self, "subnet_id"), ids, labels);
  update_state (self);
}

/* Building the form */

static gboolean
field_is_editable (TnResourceEditor  *self,
                   const TnFieldInfo *info)
{
  TnFieldAccess access = tn_region_profile_get_access (get_profile (self), self->kind, info->field);

  if (self->original != NULL)
    return access == TN_FIELD_EDITABLE;

  return access == TN_FIELD_EDITABLE || access == TN_FIELD_CREATE_ONLY;
}

static gboolean
field_is_shown (TnResourceEditor  *self,
                const TnFieldInfo *info)
{
  TnFieldAccess access;

  if (g_str_equal (info->field, "id") || g_str_equal (info->field, "status"))
    return FALSE;

  access = tn_region_profile_get_access (get_profile (self), self->kind, info->field);
  if (access == TN_FIELD_ABSENT)
    return FALSE;

  /* What only the server sets means nothing before there is a resource. */
  return self->original != NULL || access != TN_FIELD_READ_ONLY;
}

static void
build_form (TnResourceEditor *self)
{
  const TnRegionProfile *profile = get_profile (self);
  AdwPreferencesGroup *groups[TN_N_FIELD_GROUPS] = { NULL };
  const TnFieldInfo *infos;
  guint n_infos = 0;

  infos = tn_field_info_list (self->kind, &n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      TnEditorField *field;
      GtkWidget *row;

      if (!field_is_shown (self, &infos[i]))
        continue;

      if (groups[infos[i].group] == NULL)
        {
          groups[infos[i].group] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[infos[i].group], tn_field_group_get_title (infos[i].group));
          adw_preferences_page_add (self->page, groups[infos[i].group]);
        }

      field = g_new0 (TnEditorField, 1);
      field->info = &infos[i];
      row = _tn_editor_field_build (field, profile, self->stores, self->draft, field_is_editable (self, &infos[i]));
      g_ptr_array_add (self->fields, field);
      adw_preferences_group_add (groups[infos[i].group], row);

      if (field->control != NULL)
        g_signal_connect_object (field->control, "notify::active", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      else if (ADW_IS_COMBO_ROW (row))
        g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      else if (GTK_IS_EDITABLE (row))
        g_signal_connect_object (row, "notify::text", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* A new resource starts with the region's defaults (and fixed values). */
static void
fill_defaults (TnResourceEditor *self,
               const char       *availability_zone)
{
  const TnRegionProfile *profile = get_profile (self);

  for (guint i = 0; i < self->fields->len; i++)
    {
      TnEditorField *field = g_ptr_array_index (self->fields, i);
      const char *value = tn_region_profile_get_default (profile, self->kind, field->info->field);

      if (g_str_equal (field->info->field, "availability_zone"))
        value = availability_zone;
      if (value != NULL && *value != '\0')
        _tn_editor_field_set_text (field, value);
    }
}

static const char *
guess_availability_zone (TnResourceEditor *self)
{
  GListModel *services = G_LIST_MODEL (tn_store_set_get_store (self->stores, TN_RESOURCE_VPN_SERVICE));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GObject) service = g_list_model_get_item (services, i);
      g_autofree char *zone = NULL;

      g_object_get (service, "availability-zone", &zone, NULL);
      if (zone != NULL && *zone != '\0')
        {
          g_object_set_data_full (G_OBJECT (self), "tn-zone", g_steal_pointer (&zone), g_free);
          return g_object_get_data (G_OBJECT (self), "tn-zone");
        }
    }

  return NULL;
}

static void
setup (TnResourceEditor *self,
       TnStoreSet       *stores,
       TnResource       *original,
       TnResourceKind    kind,
       const char       *availability_zone)
{
  const char *singular = tn_resource_kind_get_singular (kind);
  g_autofree char *title = NULL;

  self->stores = g_object_ref (stores);
  self->kind = kind;
  self->original = original ? g_object_ref (original) : NULL;
  self->draft = original ? tn_resource_dup (original) : tn_resource_new (kind);

  build_form (self);

  if (original != NULL)
    /* Translators: %s is e.g. “IKE Policy” */
    title = g_strdup_printf (_("Edit %s"), singular);
  else
    {
      TnSession *session = tn_store_set_get_session (stores);

      /* Translators: %s is e.g. “IKE Policy” */
      title = g_strdup_printf (_("New %s"), singular);
      gtk_button_set_label (self->save_button, _("C_reate"));
      fill_defaults (self, availability_zone ? availability_zone : guess_availability_zone (self));

      if (kind == TN_RESOURCE_VPN_SERVICE && session != NULL)
        {
          tn_session_list_routers_async (session, self->cancellable, on_routers_listed_cb, self);
          tn_session_list_subnets_async (session, self->cancellable, on_subnets_listed_cb, self);
        }
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  update_state (self);
}

static gboolean
tn_resource_editor_close_request (GtkWindow *window)
{
  TnResourceEditor *self = TN_RESOURCE_EDITOR (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (tn_resource_editor_parent_class)->close_request (window);
}

static void
tn_resource_editor_dispose (GObject *object)
{
  TnResourceEditor *self = TN_RESOURCE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (tn_resource_editor_parent_class)->dispose (object);
}

static void
tn_resource_editor_finalize (GObject *object)
{
  TnResourceEditor *self = TN_RESOURCE_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->stores);
  g_clear_object (&self->original);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->server_error, g_free);
  g_clear_pointer (&self->new_psk, tn_wipe_free);

  G_OBJECT_CLASS (tn_resource_editor_parent_class)->finalize (object);
}

static void
tn_resource_editor_class_init (TnResourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tn_resource_editor_dispose;
  object_class->finalize = tn_resource_editor_finalize;
  window_class->close_request = tn_resource_editor_close_request;

  /**
   * TnResourceEditor::created:
   * @resource: the new resource, as its store has it
   *
   * The create form made a resource; the window closes next.
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TN_TYPE_RESOURCE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/tn-resource-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TnResourceEditor, page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tn_resource_editor_init (TnResourceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tn_a11y_track_window (GTK_WINDOW (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _tn_editor_field_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * tn_resource_editor_new_edit:
 * @parent: (nullable): the window to be modal for
 * @resource: the store's resource
 *
 * Returns: (transfer none): the edit window of @resource
 */
TnResourceEditor *
tn_resource_editor_new_edit (GtkWindow  *parent,
                             TnStoreSet *stores,
                             TnResource *resource)
{
  TnResourceEditor *self;

  g_return_val_if_fail (TN_IS_STORE_SET (stores), NULL);
  g_return_val_if_fail (TN_IS_RESOURCE (resource), NULL);

  self = g_object_new (TN_TYPE_RESOURCE_EDITOR, "transient-for", parent, NULL);
  setup (self, stores, resource, tn_resource_get_kind (resource), NULL);

  return self;
}

/**
 * tn_resource_editor_new_create:
 * @parent: (nullable): the window to be modal for (another dialog, when
 *   nested)
 * @kind: an IKE policy, an IPsec policy or a VPN service
 * @availability_zone: (nullable): the zone to create in (type A), e.g.
 *   the connection's when the assistant asks
 *
 * Returns: (transfer none): the create form; it emits ::created
 */
TnResourceEditor *
tn_resource_editor_new_create (GtkWindow      *parent,
                               TnStoreSet     *stores,
                               TnResourceKind  kind,
                               const char     *availability_zone)
{
  TnResourceEditor *self;

  g_return_val_if_fail (TN_IS_STORE_SET (stores), NULL);
  g_return_val_if_fail (kind != TN_RESOURCE_CONNECTION, NULL);

  self = g_object_new (TN_TYPE_RESOURCE_EDITOR, "transient-for", parent, NULL);
  setup (self, stores, NULL, kind, availability_zone);

  return self;
}

/**
 * tn_resource_editor_get_resource:
 *
 * Returns: (transfer none) (nullable): the resource edited
 */
TnResource *
tn_resource_editor_get_resource (TnResourceEditor *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_EDITOR (self), NULL);

  return self->original;
}

/**
 * tn_resource_editor_get_row:
 * @field: an API attribute, e.g. `lifetime.value`
 *
 * Returns: (transfer none) (nullable): the row of @field
 */
GtkWidget *
tn_resource_editor_get_row (TnResourceEditor *self,
                            const char       *field)
{
  TnEditorField *found;

  g_return_val_if_fail (TN_IS_RESOURCE_EDITOR (self), NULL);

  found = find_field (self, field);
  return found ? found->row : NULL;
}

gboolean
tn_resource_editor_is_busy (TnResourceEditor *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_EDITOR (self), FALSE);

  return self->busy;
}
