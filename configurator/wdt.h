/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.h - each VM's own watchdog timer in the system description
 * (watchdog-* properties of a VM given &wdt, docs/configuration.md). */
#ifndef VZCFG_WDT_H
#define VZCFG_WDT_H

#include "model.h"

void wdt_read_vm(const void *fdt, int off, struct cfg_vm *vm);
int wdt_check(const struct cfg_system *sys);

#endif
