/* tn-choices.h: combo rows whose values come from the region table
 *
 * Copyright 2026 Tunnels developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tn-region.h"

G_BEGIN_DECLS

void        tn_choice_row_setup        (AdwComboRow           *row,
                                        const TnRegionProfile *profile,
                                        TnResourceKind         kind,
                                        const char            *field,
                                        const char            *value,
                                        gboolean               creating);
const char *tn_choice_row_get_value    (AdwComboRow           *row);
const char *tn_choice_row_get_label    (AdwComboRow           *row);

G_END_DECLS
