/* SPDX-License-Identifier: Apache-2.0 */
/* check.h - checks across VMs: ids, device and pin ownership, interrupts,
 * explicit memory, setup writes. Each problem is reported with the node and
 * property that caused it. */
#ifndef VZCFG_CHECK_H
#define VZCFG_CHECK_H

#include "model.h"

int check_vm_ids(const struct cfg_system *sys);
int check_ownership(struct cfg_system *sys);
int check_irqs(struct cfg_system *sys);
int check_memory(const struct cfg_system *sys);
int check_setup(struct cfg_system *sys);
/* Each VM's guest TLB share fits the shared TLB beside root's refill pool
 * (vzlet/vm_config.h, docs/architecture.md "TLB partition"). */
int check_tlb_partition(const struct cfg_system *sys);

#endif
