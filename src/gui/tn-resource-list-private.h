/* tn-resource-list-private.h: what the list's files share
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-resource-list.h"

G_BEGIN_DECLS

struct _TnResourceList
{
  GtkWidget           parent_instance;

  TnStoreSet         *stores;
  TnResourceKind      kind;
  char               *needle;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSliceListModel  *reveal_model;
  guint               reveal_source;
  guint               reveal_tick;        /* asks for the frame that shows the last rows */
  gboolean            reveal_waiting;     /* for that frame to be drawn */
  guint               reveal_frame_rows;  /* rows let in since the last frame */
  guint               reveal_frame_max;   /* how many the next frame may take */
  GdkFrameClock      *reveal_clock;       /* timing its frames while revealing */
  gint64              reveal_frame_start;
  GtkSingleSelection *selection;
  TnResource         *watched;      /* the selected item, for its status */
  TnResource         *wanted;       /* what the user selected, kept across searches and refreshes */
  GtkPopoverMenu     *context_menu;

  /* Template widgets */
  GtkWidget          *box;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
};


void     _tn_resource_list_build_columns (TnResourceList        *self,
                                          GtkColumnView         *column_view,
                                          TnStoreSet            *stores,
                                          TnResourceKind         kind,
                                          const TnRegionProfile *profile);
gboolean _tn_resource_list_matches       (TnResource            *resource,
                                          const char            *needle);
void     _tn_resource_list_select_item   (TnResourceList        *self,
                                          gpointer               item);
GMenuModel *_tn_resource_list_build_menu (TnResourceList        *self,
                                          TnResource            *resource);

void     _tn_resource_list_init_models   (TnResourceList        *self);
void     _tn_resource_list_clear_models  (TnResourceList        *self);
void     _tn_resource_list_set_needle    (TnResourceList        *self,
                                          char                  *needle);

G_END_DECLS
