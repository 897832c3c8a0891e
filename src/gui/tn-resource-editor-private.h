/* tn-resource-editor-private.h: the rows of the editor
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tn-field-info.h"
#include "tn-resource-editor.h"

G_BEGIN_DECLS

/* One field of the form: its row and how to read and check it. */
typedef struct
{
  const TnFieldInfo   *info;
  GtkWidget           *row;
  GtkWidget           *control;    /* the switch of a boolean row */
  const char * const  *allowed;    /* the values of a combo row */
  GPtrArray           *ids;        /* the ids of a picker (router, subnet) */
  gboolean             editable;
  gboolean             touched;
} TnEditorField;

void        _tn_editor_field_free      (TnEditorField          *field);
GtkWidget  *_tn_editor_field_build     (TnEditorField          *field,
                                        const TnRegionProfile  *profile,
                                        TnStoreSet             *stores,
                                        TnResource             *resource,
                                        gboolean                editable);
void        _tn_editor_field_set_text  (TnEditorField          *field,
                                        const char             *text);
gboolean    _tn_editor_field_read      (TnEditorField          *field,
                                        const TnRegionProfile  *profile,
                                        TnResource             *target,
                                        GError                **error);
void        _tn_editor_field_set_ids   (TnEditorField          *field,
                                        GPtrArray              *ids,
                                        GPtrArray              *labels);
void        _tn_editor_field_mark      (TnEditorField          *field,
                                        const char             *message);

G_END_DECLS
