/* SPDX-License-Identifier: Apache-2.0 */
/* mem_pool.h - physical memory pools (guest flash, guest RAM) from which the
 * configurator carves each guest's regions. A pool is a sorted list of free
 * ranges; allocation is first fit with an alignment phase so that a region's
 * real address can share the natural alignment of its guest address. */
#ifndef VZCFG_MEM_POOL_H
#define VZCFG_MEM_POOL_H

#include <stdint.h>

#include "model.h"

void pool_init(struct cfg_pool *p, const char *name, uint32_t base, uint32_t end);
/* Take [base, base + size) out of the free list (whatever part is free). */
void pool_remove(struct cfg_pool *p, uint32_t base, uint32_t size);
/* Lowest address a with a % align == phase % align and [a, a + size) free;
 * returns 0 and removes it, or -1 when nothing fits. align: power of two. */
int pool_alloc(struct cfg_pool *p, uint32_t size, uint32_t align, uint32_t phase,
	       uint32_t *addr);
/* Size of the largest free range (for error messages). */
uint32_t pool_largest(const struct cfg_pool *p);
/* Is [base, base + size) inside the pool's span (free or not)? */
int pool_spans(const struct cfg_pool *p, uint32_t base, uint32_t size);

#endif
