/* SPDX-License-Identifier: Apache-2.0 */
/* mem_pool.c - physical memory pools (see mem_pool.h). */
#include "mem_pool.h"

#include <string.h>

void pool_init(struct cfg_pool *p, const char *name, uint32_t base, uint32_t end)
{
	memset(p, 0, sizeof *p);
	p->name = name;
	p->base = base;
	p->size = end - base;
	p->holes[0].base = base;
	p->holes[0].size = end - base;
	p->nholes = end > base;
}

static void remove_hole(struct cfg_pool *p, unsigned i)
{
	memmove(&p->holes[i], &p->holes[i + 1], (p->nholes - i - 1) * sizeof p->holes[0]);
	p->nholes--;
}

void pool_remove(struct cfg_pool *p, uint32_t base, uint32_t size)
{
	uint64_t lo = base, hi = (uint64_t)base + size;

	for (unsigned i = 0; i < p->nholes; i++) {
		uint64_t hlo = p->holes[i].base, hhi = hlo + p->holes[i].size;

		if (hi <= hlo || lo >= hhi)
			continue;
		if (lo <= hlo && hi >= hhi) {            /* whole hole */
			remove_hole(p, i);
			i--;
		} else if (lo <= hlo) {                 /* head */
			p->holes[i].base = (uint32_t)hi;
			p->holes[i].size = (uint32_t)(hhi - hi);
		} else if (hi >= hhi) {                 /* tail */
			p->holes[i].size = (uint32_t)(lo - hlo);
		} else {                                /* middle: split in two */
			if (p->nholes == CFG_MAX_POOL_HOLES) {
				/* Out of bookkeeping: keep the larger side only. */
				if (lo - hlo >= hhi - hi)
					p->holes[i].size = (uint32_t)(lo - hlo);
				else {
					p->holes[i].base = (uint32_t)hi;
					p->holes[i].size = (uint32_t)(hhi - hi);
				}
				continue;
			}
			memmove(&p->holes[i + 2], &p->holes[i + 1],
				(p->nholes - i - 1) * sizeof p->holes[0]);
			p->nholes++;
			p->holes[i].size = (uint32_t)(lo - hlo);
			p->holes[i + 1].base = (uint32_t)hi;
			p->holes[i + 1].size = (uint32_t)(hhi - hi);
			i++;
		}
	}
}

int pool_alloc(struct cfg_pool *p, uint32_t size, uint32_t align, uint32_t phase,
	       uint32_t *addr)
{
	if (size == 0 || align == 0 || (align & (align - 1)))
		return -1;
	phase &= align - 1;
	for (unsigned i = 0; i < p->nholes; i++) {
		uint64_t a = p->holes[i].base, end = a + p->holes[i].size;

		a += (phase - (uint32_t)a) & (align - 1);   /* next a == phase (mod align) */
		if (a + size <= end) {
			*addr = (uint32_t)a;
			pool_remove(p, (uint32_t)a, size);
			return 0;
		}
	}
	return -1;
}

uint32_t pool_largest(const struct cfg_pool *p)
{
	uint32_t best = 0;

	for (unsigned i = 0; i < p->nholes; i++)
		if (p->holes[i].size > best)
			best = p->holes[i].size;
	return best;
}

int pool_spans(const struct cfg_pool *p, uint32_t base, uint32_t size)
{
	return base >= p->base && (uint64_t)base + size <= (uint64_t)p->base + p->size;
}
