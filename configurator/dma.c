/* SPDX-License-Identifier: Apache-2.0 */
/* dma.c - guest DMA in the configurator: the channels a VM owns
 * (`dma-channels`), the emulated DMA register block and the channels'
 * interrupts that come with them, and the bus permission plan (the SBA)
 * that confines the DMA controller to that VM's memory even where the
 * hypervisor's own checks would let a transfer slip
 * (docs/isolation.md, "DMA").
 *
 * Limits, from the hardware:
 *   - the DMA controller is one bus initiator in one permission group
 *     (CFGPG.DMAPG for all 8 channels), so the bus permissions can confine
 *     it to one VM's memory at a time: only one VM may own DMA channels;
 *   - a permission region is 2^n KB aligned to its size, inside one bus
 *     target (RAM 0-256 KB, RAM 256-512 KB, flash, a peripheral set), at
 *     most 7 besides region 0 per target: each memory region of the DMA VM
 *     must be one such region.
 */
#include <string.h>

#include "diag.h"
#include "dma.h"

#define DMA_BASE     0x1F811000u
#define DMA_VECTOR0  134u
#define DMA_CHANNELS 8u

#define CFGPG_PA     0x1F8000E0u
#define CFGPG_DMA_G1 (1u << 4)     /* DMAPG = 1; the CPU and the rest stay in 0 */
#define SBT_PA(t)    (0x1F8F8000u + 0x400u * (t))
#define SBA_TARGETS  14u
#define SBA_REGIONS  8u
#define REG_PRI      (1u << 9)
#define GROUPS_CPU   0x1u          /* group 0: the core (root and guests) */
#define GROUPS_BOTH  0x3u          /* groups 0 and 1: the core and the DMA */

/* The bus target of a physical range, or -1 if it crosses targets or none
 * takes it (the map of simulator/soc/sba.c, docs/simulator-dma.md). */
static int bus_target(uint32_t pa, uint32_t size)
{
	static const struct { uint32_t lo, hi; int t; } map[] = {
		{ 0x00000000u, 0x00040000u, 2 }, { 0x00040000u, 0x00080000u, 3 },
		{ 0x1D000000u, 0x1D200000u, 1 }, { 0x1FC00000u, 0x1FC80000u, 1 },
		{ 0x1F800000u, 0x1F820000u, 5 }, { 0x1F820000u, 0x1F840000u, 6 },
		{ 0x1F840000u, 0x1F860000u, 7 }, { 0x1F860000u, 0x1F880000u, 8 },
		{ 0x1F880000u, 0x1F8E0000u, 9 },
	};
	for (unsigned i = 0; i < sizeof map / sizeof map[0]; i++)
		if (pa >= map[i].lo && pa < map[i].hi)
			return size <= map[i].hi - pa ? map[i].t : -1;
	return -1;
}

static unsigned size_code(uint32_t size)
{
	unsigned code = 1;
	while ((1024u << (code - 1)) < size)
		code++;
	return code;
}

static const struct cfg_vm *dma_vm(const struct cfg_system *sys)
{
	for (unsigned v = 0; v < sys->nvms; v++)
		if (sys->vms[v].dma_channels)
			return &sys->vms[v];
	return NULL;
}

void dma_build_vm(struct cfg_system *sys, struct cfg_vm *vm)
{
	if (!vm->dma_channels)
		return;
	/* The channels' interrupt vectors go with them. */
	for (unsigned n = 0; n < DMA_CHANNELS; n++) {
		uint16_t v = (uint16_t)(DMA_VECTOR0 + n);
		bool listed = false;

		if (!(vm->dma_channels & (1u << n)))
			continue;
		for (unsigned i = 0; i < vm->nirqs; i++)
			listed |= vm->irqs[i] == v;
		if (listed)
			continue;
		if (vm->nirqs == CFG_MAX_VM_IRQS) {
			diag_error(vm->path, "dma-channels", "no room for the interrupt of "
				   "channel %u: more than %u interrupts", n, CFG_MAX_VM_IRQS);
			return;
		}
		vm->irqs[vm->nirqs++] = v;
	}
	/* The DMA registers: one emulated block (the hypervisor checks and
	 * translates each channel's addresses, vdev/dma.c). */
	if (vm->nblocks == CFG_MAX_BLOCKS) {
		diag_error(vm->path, "dma-channels", "more than %u register blocks", CFG_MAX_BLOCKS);
		return;
	}
	struct cfg_block *b = &vm->blocks[vm->nblocks++];
	memset(b, 0, sizeof *b);
	memcpy(b->path, vm->path, sizeof b->path);
	memcpy(b->prop, "dma-channels", sizeof "dma-channels");
	b->base = DMA_BASE;
	b->size = 0x1000u;
	b->access = ACCESS_READ_WRITE;
	b->emulator = EMU_DMA;
	b->device = -1;
	for (unsigned d = 0; d < sys->ndevices; d++)
		if (sys->devices[d].base == DMA_BASE)
			b->device = (int)d;
}

bool dma_irq_owned(const struct cfg_vm *vm, unsigned irq)
{
	return irq >= DMA_VECTOR0 && irq < DMA_VECTOR0 + DMA_CHANNELS &&
	       ((vm->dma_channels >> (irq - DMA_VECTOR0)) & 1u);
}

void dma_check(const struct cfg_system *sys)
{
	const struct cfg_vm *first = NULL;

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		if (!vm->dma_channels)
			continue;
		if (first)
			diag_error(vm->path, "dma-channels", "%s owns DMA channels already: the "
				   "DMA controller is one bus initiator in one permission group "
				   "(CFGPG.DMAPG), so the bus permissions can confine it to one "
				   "VM's memory only", first->path);
		else
			first = vm;
	}
}

static bool plan_add(struct cfg_system *sys, uint32_t pa, uint32_t value)
{
	if (sys->nbus_plan == CFG_MAX_BUS_PLAN) {
		diag_error("/vms", "dma-channels", "the bus permission plan needs more than "
			   "%u register writes", CFG_MAX_BUS_PLAN);
		return false;
	}
	sys->bus_plan[sys->nbus_plan].addr = pa;
	sys->bus_plan[sys->nbus_plan].value = value;
	sys->nbus_plan++;
	return true;
}

/* One permission region opening [pa, pa + size) to the DMA's group. */
static void plan_one(struct cfg_system *sys, const struct cfg_vm *vm, unsigned *used,
		     uint32_t pa, uint32_t size, bool write, const char *what)
{
	int t = bus_target(pa, size);

	if (t < 0) {
		diag_error(vm->path, "dma-channels", "%s at 0x%08x, 0x%x bytes, is not inside "
			   "one bus target: the DMA could not be confined to it", what, pa, size);
		return;
	}
	if (used[t] == SBA_REGIONS - 1) {
		diag_error(vm->path, "dma-channels", "%s: more than %u bus permission regions "
			   "in bus target %d (each region is 2^n KB, aligned)", what,
			   SBA_REGIONS - 1, t);
		return;
	}
	uint32_t reg = SBT_PA((unsigned)t) + 0x40u + 0x20u * ++used[t];
	if (plan_add(sys, reg, pa | REG_PRI | size_code(size) << 3))
		if (plan_add(sys, reg + 0x10u, GROUPS_BOTH))
			plan_add(sys, reg + 0x18u, write ? GROUPS_BOTH : GROUPS_CPU);
}

/* A memory range as permission regions: each a power of two of at least
 * 1 KB aligned to its size (a buddy decomposition). */
static void plan_range(struct cfg_system *sys, const struct cfg_vm *vm, unsigned *used,
		       uint32_t pa, uint32_t size, bool write, const char *what)
{
	if ((pa | size) & 0x3FFu) {
		diag_error(vm->path, "dma-channels", "%s at 0x%08x, 0x%x bytes, is not made of "
			   "1 KB bus permission regions", what, pa, size);
		return;
	}
	while (size) {
		uint32_t chunk = 0x80000000u;

		while (chunk > size || (pa & (chunk - 1)))
			chunk >>= 1;
		plan_one(sys, vm, used, pa, chunk, write, what);
		pa += chunk;
		size -= chunk;
	}
}

int dma_plan(struct cfg_system *sys)
{
	const struct cfg_vm *vm = dma_vm(sys);
	unsigned used[SBA_TARGETS] = { 0 };
	unsigned before = diag_errors();

	sys->nbus_plan = 0;
	if (!vm)
		return 0;
	/* Region 0 of every target (the whole target): the core only. */
	plan_add(sys, CFGPG_PA, CFGPG_DMA_G1);
	for (unsigned t = 0; t < SBA_TARGETS; t++) {
		plan_add(sys, SBT_PA(t) + 0x50u, GROUPS_CPU);
		plan_add(sys, SBT_PA(t) + 0x58u, GROUPS_CPU);
	}
	/* Then the VM's memory, high priority, for both groups. */
	for (unsigned i = 0; i < vm->nregions; i++) {
		const struct cfg_region *r = &vm->regions[i];

		plan_range(sys, vm, used, r->pa, r->size, (r->perms & PERM_W) != 0, r->what);
	}
	/* And the registers it owns directly (a guarded block: its 1 KB). */
	for (unsigned i = 0; i < vm->nblocks; i++) {
		const struct cfg_block *b = &vm->blocks[i];

		if (b->emulator != EMU_NONE || b->access != ACCESS_READ_WRITE || b->pins_only ||
		    b->direct)
			continue;
		uint32_t lo = b->base & ~0x3FFu, hi = (b->base + b->size + 0x3FFu) & ~0x3FFu;
		uint32_t size = 1024u;

		while (size < hi - lo || (lo & (size - 1)))
			size <<= 1;
		lo &= ~(size - 1);
		plan_one(sys, vm, used, lo, size, true, "a register block");
	}
	return diag_errors() == before ? 0 : -1;
}
