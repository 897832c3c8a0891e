/* tn-test-cloud.c: an in-process sandbox and a session signed in to it
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tn-test-cloud.h"

/* One region of each dialect, and jp-east-2 for its own rule. */
const char * const tn_test_regions[] = { "RegionOne", "jp-east-1", "jp-east-2", "jp-east-3", NULL };

void
tn_test_on_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Runs the main loop until @result is set; returns it (the caller owns it
 * through @result). */
GAsyncResult *
tn_test_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

TnAccount *
tn_test_cloud_new_account (TnTestCloud *cloud)
{
  TnAccount *account = tn_account_new (tn_sandbox_get_identity_url (cloud->sandbox), cloud->region);

  tn_account_set_user_name (account, TN_SANDBOX_USER);
  tn_account_set_user_domain (account, TN_SANDBOX_USER_DOMAIN);
  tn_account_set_project_name (account, TN_SANDBOX_PROJECT);
  tn_account_set_project_domain (account, TN_SANDBOX_PROJECT_DOMAIN);

  return account;
}

TnSession *
tn_test_cloud_new_session (TnTestCloud *cloud,
                           TnAccount   *account,
                           const char  *secret)
{
  g_autoptr(GError) error = NULL;
  TnSession *session = tn_session_new (account, secret, &error);

  g_assert_no_error (error);
  tn_session_set_timeout (session, 10000);
  tn_session_set_poll_interval (session, 20, 80);

  return session;
}

void
tn_test_cloud_setup (TnTestCloud   *cloud,
                     gconstpointer  region)
{
  g_autoptr(TnAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  cloud->region = region ? region : "RegionOne";
  cloud->sandbox = tn_sandbox_new (NULL);
  tn_sandbox_set_settle_delay (cloud->sandbox, 30);
  tn_sandbox_seed (cloud->sandbox, "demo", &error);
  g_assert_no_error (error);
  tn_sandbox_listen (cloud->sandbox, 0, &error);
  g_assert_no_error (error);

  account = tn_test_cloud_new_account (cloud);
  cloud->session = tn_test_cloud_new_session (cloud, account, TN_SANDBOX_PASSWORD);
}

void
tn_test_cloud_teardown (TnTestCloud   *cloud,
                        gconstpointer  region)
{
  g_assert_finalize_object (cloud->session);
  tn_sandbox_stop (cloud->sandbox);
  g_assert_finalize_object (cloud->sandbox);

  /* Let libsoup close what it still holds. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
tn_test_sign_in (TnSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tn_session_sign_in_async (session, NULL, tn_test_on_result_cb, &result);
  g_assert_true (tn_session_sign_in_finish (session, tn_test_wait (&result), &error));
  g_assert_no_error (error);
}

GPtrArray *
tn_test_list (TnSession       *session,
              TnResourceKind   kind,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_list_async (session, kind, NULL, tn_test_on_result_cb, &result);

  return tn_session_list_finish (session, tn_test_wait (&result), error);
}

TnResource *
tn_test_create (TnSession   *session,
                TnResource  *resource,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tn_session_create_async (session, resource, TN_WRITE_FLAGS_WAIT, NULL,
                           tn_test_on_result_cb, &result);

  return tn_session_create_finish (session, tn_test_wait (&result), error);
}

/* Sets a property from the region table's text form of a default. */
static void
set_from_text (TnResource *resource,
               const char *property,
               const char *text)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (resource), property);

  if (pspec->value_type == G_TYPE_STRING)
    g_object_set (resource, property, text, NULL);
  else if (pspec->value_type == G_TYPE_INT)
    g_object_set (resource, property, (int)g_ascii_strtoll (text, NULL, 10), NULL);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_object_set (resource, property, g_str_equal (text, "true"), NULL);
}

/* A resource of @kind filled with the region's defaults, the way the
 * forms will do it, plus what has no default. */
TnResource *
tn_test_new_resource (TnSession      *session,
                      TnResourceKind  kind,
                      const char     *name)
{
  const TnRegionProfile *profile = tn_session_get_profile (session);
  TnResource *resource = tn_resource_new (kind);
  const TnResourceField *fields;
  guint n_fields = 0;

  fields = tn_resource_get_fields (resource, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const TnFieldRule *rule = tn_region_profile_get_rule (profile, kind, fields[i].field);

      if (rule == NULL || rule->default_value == NULL || *rule->default_value == '\0')
        continue;

      switch (rule->access)
        {
        case TN_FIELD_EDITABLE:
        case TN_FIELD_CREATE_ONLY:
        case TN_FIELD_FIXED:
          set_from_text (resource, fields[i].property, rule->default_value);
          break;

        case TN_FIELD_ABSENT:
        case TN_FIELD_READ_ONLY:
        default:
          break;
        }
    }

  tn_resource_set_name (resource, name);
  tn_resource_set_description (resource, "made by test-session");

  return resource;
}

/* Any settled resource of @kind in the demo project. */
TnResource *
tn_test_find_settled (TnSession      *session,
                      TnResourceKind  kind)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = tn_test_list (session, kind, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (tn_resource_get_status (g_ptr_array_index (items, i)), "ACTIVE") == 0)
      return g_object_ref (g_ptr_array_index (items, i));

  return NULL;
}
