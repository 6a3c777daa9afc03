/* SPDX-License-Identifier: Apache-2.0 */
/* tlb_plan.c - minimal root TLB cover of a VM's map (see tlb_plan.h). */
#include "tlb_plan.h"

#include <stdlib.h>
#include <string.h>

#include <vzlet/vm_config.h>

#define GPA_SPACE 0x20000000u  /* guest kseg0/kseg1 reach 512 MB */
#define MIN_PAGE 0x1000u
#define MAX_PAGE 0x10000000u

/* A run of guest-physical space with one translation and one set of
 * attributes (adjacent compatible regions are merged into one run). */
struct run {
	uint32_t gpa, end;     /* [gpa, end) */
	uint32_t delta;        /* pa - gpa, modulo 2^32 */
	unsigned perms;
	enum cache_mode cache;
};

struct plan {
	struct run runs[CFG_MAX_REGIONS];
	unsigned nruns;
	struct cfg_tlb_entry *out;
	unsigned max, count;
};

static bool is_page_size(uint32_t s)
{
	/* 4 KB * 4^k */
	return s >= MIN_PAGE && s <= MAX_PAGE && (s & (s - 1)) == 0 &&
	       (__builtin_ctz(s) - 12) % 2 == 0;
}

uint32_t tlb_natural_align(uint32_t gpa, uint32_t size)
{
	uint32_t best = MIN_PAGE;

	while (size >= MIN_PAGE) {
		uint32_t s = MAX_PAGE;

		while (s > MIN_PAGE && (gpa % s != 0 || s > size))
			s >>= 2;
		if (s > best)
			best = s;
		gpa += s;
		size -= s;
	}
	return best;
}

uint32_t tlb_pagemask(uint32_t page_size)
{
	return (page_size / MIN_PAGE - 1) << 13;
}

static int cmp_run(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	return x->gpa < y->gpa ? -1 : x->gpa > y->gpa;
}

/* What covers [lo, lo + s): 0 nothing, 1 one uniform aligned run (*r), -1 mixed. */
static int half_state(const struct plan *pl, uint32_t lo, uint32_t s, const struct run **r)
{
	uint64_t hi = (uint64_t)lo + s;

	for (unsigned i = 0; i < pl->nruns; i++) {
		const struct run *x = &pl->runs[i];

		if (x->end <= lo || x->gpa >= hi)
			continue;
		if (x->gpa <= lo && x->end >= hi && ((lo + x->delta) & (s - 1)) == 0) {
			*r = x;
			return 1;
		}
		return -1;
	}
	return 0;
}

static bool touches(const struct plan *pl, uint32_t lo, uint64_t span)
{
	for (unsigned i = 0; i < pl->nruns; i++)
		if (pl->runs[i].gpa < lo + span && pl->runs[i].end > lo)
			return true;
	return false;
}

static void fill_half(struct cfg_tlb_entry *e, int h, uint32_t lo, uint32_t s,
		      const struct run *r)
{
	e->valid[h] = r != NULL;
	if (!r)
		return;
	e->half[h].gpa = lo;
	e->half[h].pa = lo + r->delta;
	e->half[h].size = s;
	e->half[h].perms = r->perms;
	e->half[h].cache = r->cache;
}

static void cover(struct plan *pl, uint32_t lo, uint64_t span)
{
	uint32_t s = (uint32_t)(span / 2);
	const struct run *r0 = NULL, *r1 = NULL;
	int h0, h1;

	if (!touches(pl, lo, span))
		return;
	h0 = half_state(pl, lo, s, &r0);
	h1 = half_state(pl, lo + s, s, &r1);
	if (h0 >= 0 && h1 >= 0 && is_page_size(s)) {
		if (pl->count < pl->max) {
			struct cfg_tlb_entry *e = &pl->out[pl->count];

			memset(e, 0, sizeof *e);
			e->vpn2_base = lo;
			e->page_size = s;
			fill_half(e, 0, lo, s, r0);
			fill_half(e, 1, lo + s, s, r1);
		}
		pl->count++;
		return;
	}
	for (int i = 0; i < 4; i++)
		cover(pl, lo + (uint32_t)(span / 4) * (uint32_t)i, span / 4);
}

unsigned tlb_plan(const struct cfg_region *regions, unsigned nregions,
		  struct cfg_tlb_entry *out, unsigned max)
{
	struct plan pl;

	memset(&pl, 0, sizeof pl);
	for (unsigned i = 0; i < nregions && i < CFG_MAX_REGIONS; i++) {
		struct run *r = &pl.runs[pl.nruns++];

		r->gpa = regions[i].gpa;
		r->end = regions[i].gpa + regions[i].size;
		r->delta = regions[i].pa - regions[i].gpa;
		r->perms = regions[i].perms;
		r->cache = regions[i].cache;
	}
	qsort(pl.runs, pl.nruns, sizeof pl.runs[0], cmp_run);
	/* Merge neighbours that translate and behave alike. */
	for (unsigned i = 1; i < pl.nruns;) {
		struct run *a = &pl.runs[i - 1], *b = &pl.runs[i];

		if (a->end == b->gpa && a->delta == b->delta && a->perms == b->perms &&
		    a->cache == b->cache) {
			a->end = b->end;
			memmove(b, b + 1, (pl.nruns - i - 1) * sizeof *b);
			pl.nruns--;
		} else {
			i++;
		}
	}
	pl.out = out;
	pl.max = max;
	cover(&pl, 0, (uint64_t)GPA_SPACE);
	return pl.count;
}

unsigned tlb_partition(const struct cfg_system *sys, unsigned *wired_budget)
{
	unsigned part = 1;

	for (unsigned v = 0; v < sys->nvms; v++)
		if (sys->vms[v].guest_tlb > part)
			part = sys->vms[v].guest_tlb;
	*wired_budget = part + VZ_TLB_REFILL_MIN < VZ_ROOT_TLB_ENTRIES ?
			VZ_ROOT_TLB_ENTRIES - VZ_TLB_REFILL_MIN - part : 0;
	return part;
}
