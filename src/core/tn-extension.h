/* tn-extension.h: an API extension the cloud advertises
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TN_TYPE_EXTENSION (tn_extension_get_type ())

/**
 * TnExtension:
 * @alias: the short name, e.g. `vpnaas`
 * @name: the human name
 * @description: what it adds
 *
 * An API extension the cloud advertises: a plain, reference-counted record, read-only
 * once filled in.
 */
typedef struct
{
  char  *alias;
  char  *name;
  char  *description;
} TnExtension;

GType        tn_extension_get_type (void) G_GNUC_CONST;
TnExtension *tn_extension_new      (void);
TnExtension *tn_extension_ref      (TnExtension *self);
void         tn_extension_unref    (TnExtension *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TnExtension, tn_extension_unref)

G_END_DECLS
