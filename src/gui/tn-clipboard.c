/* tn-clipboard.c: copy a secret, and take it back later
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TnClipboard"

#include "config.h"

#include "tn-clipboard.h"
#include "tn-wipe.h"

/*
 * A pre-shared key copied to the clipboard is cleared after 30 seconds,
 * if the clipboard still holds it: whatever the user copied since stays.
 * The one copy kept to compare is wiped when the timeout is done.
 */

typedef struct
{
  GdkClipboard *clipboard;
  char         *secret;
} Pending;

static guint timeout_seconds = TN_CLIPBOARD_SECRET_SECONDS;

static void
pending_free (Pending *p)
{
  g_clear_object (&p->clipboard);
  tn_wipe_free (p->secret);
  g_free (p);
}

static void
on_text_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Pending *p = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  if (text != NULL && g_strcmp0 (text, p->secret) == 0)
    {
      g_debug ("Clearing a secret from the clipboard");
      gdk_clipboard_set_text (p->clipboard, "");
    }
  if (text != NULL)
    tn_wipe_memory (text, strlen (text));

  pending_free (p);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  Pending *p = user_data;

  gdk_clipboard_read_text_async (p->clipboard, NULL, on_text_read_cb, p);

  return G_SOURCE_REMOVE;
}

/**
 * tn_clipboard_copy_secret:
 * @widget: a widget on the display whose clipboard to use
 * @secret: the text to copy
 *
 * Copies @secret and clears the clipboard after
 * %TN_CLIPBOARD_SECRET_SECONDS seconds if it still holds it.
 */
void
tn_clipboard_copy_secret (GtkWidget  *widget,
                          const char *secret)
{
  Pending *p;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (secret != NULL);

  p = g_new0 (Pending, 1);
  p->clipboard = g_object_ref (gtk_widget_get_clipboard (widget));
  p->secret = g_strdup (secret);

  gdk_clipboard_set_text (p->clipboard, secret);
  g_timeout_add_seconds (timeout_seconds, on_timeout_cb, p);
}

/**
 * tn_clipboard_set_secret_timeout:
 *
 * Changes how long a secret stays on the clipboard; for tests.
 */
void
tn_clipboard_set_secret_timeout (guint seconds)
{
  timeout_seconds = seconds;
}
