/* SPDX-License-Identifier: Apache-2.0 */
/* tlb_plan.h - cover a VM's guest-physical map with root TLB entries.
 *
 * An entry maps a naturally aligned pair of equal-size pages (4 KB, 16 KB,
 * 64 KB, ... 256 MB: the M5150's power-of-4 PageMask values); each half has
 * its own real address and may be invalid. Entries must not overlap. Seen
 * from the guest-physical side, entry spans (two pages) form a 4-ary tree of
 * aligned blocks of 8 KB, 32 KB, 128 KB, ... 512 MB, so the fewest entries
 * for a given placement come from a top-down walk: a block becomes one entry
 * when each half is either unmapped or one uniform mapping whose real address
 * is aligned to the half's size; otherwise its four children are tried. */
#ifndef VZCFG_TLB_PLAN_H
#define VZCFG_TLB_PLAN_H

#include <stdint.h>

#include "model.h"

/* Largest page the region [gpa, gpa + size) would use if its real address had
 * the same alignment as its guest address: the alignment to allocate with. */
uint32_t tlb_natural_align(uint32_t gpa, uint32_t size);

/* Fill out[] (sorted by guest address) for the regions (pa set, 4 KB granular,
 * not overlapping). Returns the number of entries needed, which may exceed
 * max (then only max are stored). */
unsigned tlb_plan(const struct cfg_region *regions, unsigned nregions,
		  struct cfg_tlb_entry *out, unsigned max);

/* The TLB partition (vzlet/vm_config.h): the guests' part, entries 0..n-1,
 * is the largest guest share and at least 1 (a guest without a share still
 * has guest index 0); root may wire the entries above it up to the refill
 * pool of VZ_TLB_REFILL_MIN. Returns the part; *wired_budget = the root
 * entries left for wired plan entries. */
unsigned tlb_partition(const struct cfg_system *sys, unsigned *wired_budget);

/* PageMask register value for a page size. */
uint32_t tlb_pagemask(uint32_t page_size);

#endif
