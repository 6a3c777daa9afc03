/* SPDX-License-Identifier: Apache-2.0 */
/* health.h - the health monitor in the system description (/health-monitor,
 * docs/health-monitor.md): read, checked, tables written. */
#ifndef VZCFG_HEALTH_H
#define VZCFG_HEALTH_H

#include <stdio.h>

#include "model.h"

void health_read(const void *fdt, struct cfg_system *sys);
int health_check(const struct cfg_system *sys);
void health_emit(FILE *f, const struct cfg_system *sys);

#endif
