/* SPDX-License-Identifier: Apache-2.0 */
/* windows.h - time partitioning in the system description
 * (/time-partitioning, docs/time-partitioning.md): read, checked, tables written. */
#ifndef VZCFG_WINDOWS_H
#define VZCFG_WINDOWS_H

#include <stdio.h>

#include "model.h"

void windows_read(const void *fdt, struct cfg_system *sys);
int windows_check(struct cfg_system *sys);     /* also sorts the windows */
void windows_emit(FILE *f, const struct cfg_system *sys);

#endif
