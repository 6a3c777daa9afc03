/* SPDX-License-Identifier: Apache-2.0 */
/* system.h - the configurator's pipeline over one system: build every VM,
 * check, place guest memory in the pools, plan the root TLB. */
#ifndef VZCFG_SYSTEM_H
#define VZCFG_SYSTEM_H

#include "model.h"

/* After dt_read_system(). Returns 0 if the system is valid and complete. */
int system_build(struct cfg_system *sys);

/* Placement alone (exposed for tests): allocate every pool-backed region
 * of every VM; reports exhaustion against the region's node/property. */
int system_allocate(struct cfg_system *sys);
/* TLB plan and wired split for every VM (after allocation). */
int system_plan_tlb(struct cfg_system *sys);

#endif
