/* SPDX-License-Identifier: Apache-2.0 */
/* clocks.h - the system's clocks: PBnDIV setup writes from /hypervisor and
 * the check of each VM's expected clocks against them. */
#ifndef VZCFG_CLOCKS_H
#define VZCFG_CLOCKS_H

#include "model.h"

int clocks_plan(struct cfg_system *sys);

#endif
