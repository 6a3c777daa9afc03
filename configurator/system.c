/* SPDX-License-Identifier: Apache-2.0 */
/* system.c - the configurator's pipeline (see system.h). */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "channels.h"
#include "check.h"
#include "clocks.h"
#include "diag.h"
#include "health.h"
#include "windows.h"
#include "mem_pool.h"
#include "tlb_plan.h"
#include "dma.h"
#include "vm_build.h"
#include "wdt.h"
#include <vzlet/vm_config.h>

struct alloc_req {
	struct cfg_vm *vm;
	struct cfg_region *r;
};

static int cmp_req(const void *a, const void *b)
{
	const struct alloc_req *x = a, *y = b;

	if (x->r->align != y->r->align)
		return x->r->align > y->r->align ? -1 : 1;
	if (x->r->size != y->r->size)
		return x->r->size > y->r->size ? -1 : 1;
	if (x->vm->id != y->vm->id)
		return x->vm->id < y->vm->id ? -1 : 1;
	/* Same VM: keep the description's order, so the result is the same
	 * whatever qsort does with ties. */
	return x->r < y->r ? -1 : x->r > y->r;
}

int system_allocate(struct cfg_system *sys)
{
	unsigned before = diag_errors();
	struct alloc_req reqs[CFG_MAX_VMS * CFG_MAX_REGIONS];
	unsigned n = 0;

	pool_init(&sys->flash_pool, "flash", VZ_GUEST_FLASH_BASE, VZ_GUEST_FLASH_END);
	pool_init(&sys->ram_pool, "RAM", VZ_GUEST_RAM_BASE, VZ_GUEST_RAM_END);
	for (unsigned i = 0; i < sys->nreserved; i++) {
		uint32_t lo = sys->reserved[i].base & ~(PAGE_4K - 1);
		uint64_t hi = ((uint64_t)sys->reserved[i].base + sys->reserved[i].size +
			       PAGE_4K - 1) & ~(uint64_t)(PAGE_4K - 1);

		pool_remove(&sys->flash_pool, lo, (uint32_t)(hi - lo));
		pool_remove(&sys->ram_pool, lo, (uint32_t)(hi - lo));
	}
	for (unsigned v = 0; v < sys->nvms; v++) {
		struct cfg_vm *vm = &sys->vms[v];

		for (unsigned i = 0; i < vm->nregions; i++) {
			struct cfg_region *r = &vm->regions[i];

			if (r->kind == REGION_MEMORY) {
				pool_remove(&sys->flash_pool, r->pa, r->size);
				pool_remove(&sys->ram_pool, r->pa, r->size);
			} else if (r->allocated) {
				reqs[n].vm = vm;
				reqs[n].r = r;
				n++;
			}
		}
	}
	/* Most constrained first: large alignments fragment the pool least when
	 * they go first. */
	qsort(reqs, n, sizeof reqs[0], cmp_req);
	for (unsigned i = 0; i < n; i++) {
		struct cfg_region *r = reqs[i].r;
		struct cfg_pool *pool = r->kind == REGION_RAM ? &sys->ram_pool : &sys->flash_pool;
		uint32_t align = r->align ? r->align : PAGE_4K;
		int rc = -1;

		/* Weaker alignment costs TLB entries, not correctness. */
		for (; align >= PAGE_4K && rc != 0; align >>= 2)
			rc = pool_alloc(pool, r->size, align, r->gpa, &r->pa);
		if (rc != 0) {
			diag_error(r->path, r->prop, "%s exhausted: %s needs 0x%x bytes, the largest "
				   "free piece is 0x%x bytes", pool->name, r->what, r->size,
				   pool_largest(pool));
			continue;
		}
	}
	return diag_errors() == before ? 0 : -1;
}

int system_plan_tlb(struct cfg_system *sys)
{
	unsigned before = diag_errors();
	unsigned total = 0, budget;

	if (check_tlb_partition(sys) != 0)
		return -1;
	sys->guest_tlb_part = tlb_partition(sys, &budget);
	for (unsigned v = 0; v < sys->nvms; v++) {
		struct cfg_vm *vm = &sys->vms[v];
		unsigned need = tlb_plan(vm->regions, vm->nregions, vm->entries, CFG_MAX_ENTRIES);

		if (need > CFG_MAX_ENTRIES) {
			diag_error(vm->path, NULL, "needs %u root TLB entries, more than %u: use "
				   "fewer or better aligned regions", need, CFG_MAX_ENTRIES);
			vm->nentries = 0;
			continue;
		}
		vm->nentries = need;
		total += need;
	}
	/* Wire everything when it fits; otherwise share the wired slots and let
	 * the refill path load the rest (entries are sorted by address, so RAM
	 * and flash come first). */
	if (total <= budget) {
		for (unsigned v = 0; v < sys->nvms; v++)
			sys->vms[v].nwired = sys->vms[v].nentries;
	} else {
		unsigned left = budget;

		for (unsigned v = 0; v < sys->nvms; v++) {
			unsigned share = budget / sys->nvms;

			sys->vms[v].nwired = sys->vms[v].nentries < share ? sys->vms[v].nentries : share;
			left -= sys->vms[v].nwired;
		}
		for (unsigned v = 0; left && v < sys->nvms; v++)
			while (left && sys->vms[v].nwired < sys->vms[v].nentries) {
				sys->vms[v].nwired++;
				left--;
			}
	}
	return diag_errors() == before ? 0 : -1;
}

int system_build(struct cfg_system *sys)
{
	if (diag_errors())
		return -1;
	if (check_vm_ids(sys) != 0)
		return -1;
	for (unsigned v = 0; v < sys->nvms; v++) {
		struct cfg_vm *vm = &sys->vms[v];

		/* Explicit memory regions come first in the list (dt_read.c). */
		if (vm_build_image(vm) == 0 && vm_build_ram(vm) == 0)
			vm_check_image_fits(vm);
		vm_build_blocks(sys, vm);
		dma_build_vm(sys, vm);
		vm_mask_coupled(sys, vm);
	}
	if (diag_errors())
		return -1;
	for (unsigned v = 0; v < sys->nvms; v++)
		vm_check_layout(sys, &sys->vms[v]);
	check_ownership(sys);
	check_irqs(sys);
	check_memory(sys);
	clocks_plan(sys);
	check_setup(sys);
	dma_check(sys);
	channels_check(sys);
	health_check(sys);
	windows_check(sys);
	wdt_check(sys);
	if (diag_errors())
		return -1;
	if (system_allocate(sys) != 0 || dma_plan(sys) != 0 || channels_place(sys) != 0)
		return -1;
	return system_plan_tlb(sys);
}
