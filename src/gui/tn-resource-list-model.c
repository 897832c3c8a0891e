/* tn-resource-list-model.c: what a resource list shows: searched, sorted, let in a few rows at a time
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnResourceList"

#include "config.h"

#include <string.h>

#include "tn-resource-list-private.h"

/*
 * store → filter (search) → sort (the column view's sorter) → reveal →
 * selection. The store updates in place, so selection and scroll position
 * survive a refresh. A search filters incrementally; without one the
 * filter model has no filter and passes the store through at once, so
 * the sort model sorts a load once instead of merging batch after batch
 * (a first load even comes sorted by name, see tn-store-set.c).
 *
 * The reveal (a GtkSliceListModel) is GTK 4.8's list view being careful:
 * it creates row widgets for up to 200 rows after the first one shown,
 * whether they fit the window or not, at once, when the model grows.
 * With ten cells a row, that is more than 100 ms of one main loop
 * iteration. So when rows first arrive the reveal lets them into the
 * view a few at a time, each step within REVEAL_BUDGET_USEC, until the
 * view has all the widgets it will ever make; then it lets everything
 * through at once (rows further down have no widgets until scrolled to).
 * While the list is shown, the steps are paced by its frames: styling and
 * laying out the new rows (~0.5 ms each here) happens in the next frame,
 * in one main loop iteration with its paint, so each frame gets only as
 * many new rows as keep it within REVEAL_FRAME_USEC: the number follows
 * how long the last frame took (16 to start with).
 */

#define REVEAL_BUDGET_USEC 5000
#define REVEAL_ROWS        4     /* per sub-step */
#define REVEAL_ALL         240   /* more rows than the view makes widgets for */
#define REVEAL_FRAME_ROWS  16    /* new rows for the first frame */
#define REVEAL_FRAME_MIN   4
#define REVEAL_FRAME_MAX   64
#define REVEAL_FRAME_USEC  11000   /* a frame's budget, paint included */

static gboolean on_reveal_step_cb (gpointer user_data);

static void
schedule_reveal_step (TnResourceList *self)
{
  self->reveal_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_reveal_step_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->reveal_source),
                            "[tunnels] list reveal");
}

/* Only there to ask for a frame. */
static gboolean
on_reveal_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TN_RESOURCE_LIST (widget)->reveal_tick = 0;

  return G_SOURCE_REMOVE;
}

static void
next_reveal_step (TnResourceList *self)
{
  self->reveal_waiting = FALSE;
  self->reveal_frame_rows = 0;
  schedule_reveal_step (self);
}

/* A list that is not shown draws no frames to wait for. */
static void
on_unmap_cb (TnResourceList *self)
{
  if (self->reveal_waiting)
    next_reveal_step (self);
}

static void
on_reveal_before_paint_cb (GdkFrameClock  *clock,
                           TnResourceList *self)
{
  self->reveal_frame_start = g_get_monotonic_time ();
}

/* The frame with the last rows is drawn: the next frame's share is as
 * many rows as this one could have had within the budget. */
static void
on_reveal_after_paint_cb (GdkFrameClock  *clock,
                          TnResourceList *self)
{
  gint64 took = g_get_monotonic_time () - self->reveal_frame_start;
  guint rows;

  if (!self->reveal_waiting || self->reveal_frame_start == 0)
    return;

  rows = (guint) ((gint64) self->reveal_frame_rows * REVEAL_FRAME_USEC / MAX (took, 1));
  self->reveal_frame_max = CLAMP (rows, REVEAL_FRAME_MIN, REVEAL_FRAME_MAX);
  self->reveal_frame_start = 0;
  next_reveal_step (self);
}

static void
watch_frames (TnResourceList *self,
              GdkFrameClock  *clock)
{
  if (self->reveal_clock == clock)
    return;

  if (self->reveal_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->reveal_clock, self);
  g_set_object (&self->reveal_clock, clock);
  if (clock != NULL)
    {
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_reveal_before_paint_cb), self);
      g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_reveal_after_paint_cb), self);
    }
}

static void
stop_reveal (TnResourceList *self)
{
  watch_frames (self, NULL);
  self->reveal_frame_max = REVEAL_FRAME_ROWS;
  self->reveal_frame_rows = 0;
  self->reveal_waiting = FALSE;
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
}

static gboolean
on_reveal_step_cb (gpointer user_data)
{
  TnResourceList *self = user_data;
  gint64 deadline = g_get_monotonic_time () + REVEAL_BUDGET_USEC;
  guint size = gtk_slice_list_model_get_size (self->reveal_model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gboolean paced = gtk_widget_get_mapped (GTK_WIDGET (self));

  do
    {
      size += REVEAL_ROWS;
      if (size >= MIN (n, REVEAL_ALL))
        {
          self->reveal_source = 0;
          stop_reveal (self);
          gtk_slice_list_model_set_size (self->reveal_model, G_MAXUINT);
          return G_SOURCE_REMOVE;
        }
      gtk_slice_list_model_set_size (self->reveal_model, size);

      self->reveal_frame_rows += REVEAL_ROWS;
      if (paced && self->reveal_frame_rows >= self->reveal_frame_max)
        {
          watch_frames (self, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
          self->reveal_source = 0;
          self->reveal_waiting = TRUE;
          self->reveal_frame_start = 0;
          if (self->reveal_tick == 0)
            self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_reveal_tick_cb, NULL, NULL);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < deadline);

  return G_SOURCE_CONTINUE;
}

/* An empty view keeps the reveal closed, and rows that come into it are
 * shown a few at a time. (Connected after the reveal's own handler: a
 * closed reveal has let nothing through.) */
static void
on_sort_model_changed_cb (TnResourceList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  if (n == 0)
    {
      stop_reveal (self);
      gtk_slice_list_model_set_size (self->reveal_model, 0);
    }
  else if (gtk_slice_list_model_get_size (self->reveal_model) == 0 && self->reveal_source == 0 &&
           !self->reveal_waiting)
    {
      /* The first step at once: the next frame shows rows, not an empty
       * table waiting for the main loop to be idle; the rest when idle. */
      if (on_reveal_step_cb (self) == G_SOURCE_CONTINUE)
        schedule_reveal_step (self);
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TnResourceList *self = user_data;

  return self->needle == NULL || _tn_resource_list_matches (item, self->needle);
}

/**
 * _tn_resource_list_init_models:
 *
 * Makes the models between the store and the column view (the store
 * comes with tn_resource_list_set_stores()).
 */
void
_tn_resource_list_init_models (TnResourceList *self)
{
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, FALSE);
  self->reveal_model = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)), 0, 0);
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (on_sort_model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->reveal_model)));
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
  self->reveal_frame_max = REVEAL_FRAME_ROWS;
}

void
_tn_resource_list_clear_models (TnResourceList *self)
{
  stop_reveal (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->reveal_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
}

/**
 * _tn_resource_list_set_needle:
 * @needle: (transfer full) (nullable): casefolded text to search for
 */
void
_tn_resource_list_set_needle (TnResourceList *self,
                              char           *needle_in)
{
  g_autofree char *needle = needle_in;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

  /* Without a search the filter model passes the store through as is: no
   * batches for the sort model to merge one after the other. */
  if (self->needle == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}


/**
 * tn_resource_list_is_busy:
 *
 * Returns: whether searching, sorting or showing new rows still runs
 *   (incrementally)
 */
gboolean
tn_resource_list_is_busy (TnResourceList *self)
{
  g_return_val_if_fail (TN_IS_RESOURCE_LIST (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0 || self->reveal_source != 0 ||
         self->reveal_waiting;
}
