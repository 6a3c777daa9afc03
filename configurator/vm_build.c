/* SPDX-License-Identifier: Apache-2.0 */
/* vm_build.c - turn each VM's description into memory regions and register
 * blocks: what its guest ELF needs, its RAM windows, its devices and pins.
 * Placement (real addresses) is mem_alloc.c's job, the TLB plan tlb_plan.c's.
 */
#include "vm_build.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "elf_image.h"
#include "tlb_plan.h"
#include <vzlet/vm_config.h>

#define ALL_BITS 0xFFFFFFFFu

/* Port registers whose bit n belongs to pin n (offsets in the port block):
 * ANSEL, TRIS, PORT (writes go to LAT), LAT, ODC, CNPU, CNPD, CNEN. CNCON
 * (port-wide) and CNSTAT (status) are not given out. */
static const uint32_t port_pin_regs[] = { 0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x80 };

static uint32_t round_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static bool ranges_overlap(uint32_t a, uint32_t as, uint32_t b, uint32_t bs)
{
	return (uint64_t)a < (uint64_t)b + bs && (uint64_t)b < (uint64_t)a + as;
}

static bool inside(uint32_t a, uint32_t as, uint32_t b, uint32_t bs)
{
	return a >= b && (uint64_t)a + as <= (uint64_t)b + bs;
}

static struct cfg_region *add_region(struct cfg_vm *vm, const char *prop)
{
	struct cfg_region *r;

	if (vm->nregions == CFG_MAX_REGIONS) {
		diag_error(vm->path, prop, "more than %u memory regions", CFG_MAX_REGIONS);
		return NULL;
	}
	r = &vm->regions[vm->nregions++];
	memset(r, 0, sizeof *r);
	memcpy(r->path, vm->path, sizeof r->path);
	snprintf(r->prop, sizeof r->prop, "%s", prop);
	return r;
}

/* ---- guest image ------------------------------------------------------------ */

/* Keep the stored bytes that are guest content: everything but the DEVCFG
 * words, which configure the real chip (the hypervisor's). */
static int keep_piece(struct cfg_vm *vm, const struct cfg_piece *p)
{
	uint32_t lo = p->gpa_load, hi = p->gpa_load + p->size;
	uint32_t cut_lo[2], cut_hi[2];
	unsigned n = 0;

	if (!ranges_overlap(lo, p->size, PIC32_DEVCFG_BASE, PIC32_DEVCFG_END - PIC32_DEVCFG_BASE)) {
		cut_lo[n] = lo;
		cut_hi[n++] = hi;
	} else {
		if (lo < PIC32_DEVCFG_BASE) {
			cut_lo[n] = lo;
			cut_hi[n++] = PIC32_DEVCFG_BASE;
		}
		if (hi > PIC32_DEVCFG_END) {
			cut_lo[n] = PIC32_DEVCFG_END;
			cut_hi[n++] = hi;
		}
	}
	for (unsigned k = 0; k < n; k++) {
		struct cfg_piece *q;

		if (vm->npieces == CFG_MAX_PIECES) {
			diag_error(vm->path, "elf", "\"%s\" has more than %u loadable pieces",
				   vm->elf_path, CFG_MAX_PIECES);
			return -1;
		}
		q = &vm->pieces[vm->npieces++];
		*q = *p;
		q->offset = p->offset + (cut_lo[k] - lo);
		q->gpa_load = cut_lo[k];
		q->size = cut_hi[k] - cut_lo[k];
	}
	return 0;
}

/* Entries a lone region at its natural alignment needs. */
static unsigned entries_for(uint32_t gpa, uint32_t size)
{
	struct cfg_region r;
	struct cfg_tlb_entry e[CFG_MAX_ENTRIES];

	memset(&r, 0, sizeof r);
	r.gpa = gpa;
	r.pa = gpa;
	r.size = size;
	return tlb_plan(&r, 1, e, CFG_MAX_ENTRIES);
}

uint32_t vm_flash_size_for(uint32_t gpa, uint32_t image_size)
{
	uint32_t best = round_up(image_size, PAGE_4K);
	unsigned best_entries = entries_for(gpa, best);

	/* Flash is plentiful next to TLB entries: round up (at most doubling) when
	 * that saves entries. */
	for (uint32_t z = 0x4000; z <= 0x100000; z <<= 2) {
		uint32_t s = round_up(image_size, z);
		unsigned e;

		if (s > 2 * round_up(image_size, PAGE_4K) || s > PIC32_PFLASH_SIZE)
			break;
		e = entries_for(gpa, s);
		if (e < best_entries || (e == best_entries && s < best)) {
			best = s;
			best_entries = e;
		}
	}
	return best;
}

static void build_flash_region(struct cfg_vm *vm, uint32_t area_base, uint32_t area_size,
			       const char *what, bool use_flash_size)
{
	uint32_t lo = UINT32_MAX, hi = 0;
	unsigned perms = PERM_R;
	struct cfg_region *r;

	for (unsigned i = 0; i < vm->npieces; i++) {
		const struct cfg_piece *p = &vm->pieces[i];

		if (!inside(p->gpa_load, p->size, area_base, area_size))
			continue;
		if (p->gpa_load < lo)
			lo = p->gpa_load;
		if (p->gpa_load + p->size > hi)
			hi = p->gpa_load + p->size;
		if (p->exec)
			perms |= PERM_X;
	}
	if (use_flash_size && vm->flash_size) {
		if (lo == UINT32_MAX)
			lo = hi = area_base;
		lo &= ~(PAGE_4K - 1);
		if (vm->flash_size % PAGE_4K) {
			diag_error(vm->path, "flash-size", "0x%x is not a multiple of 4 KB",
				   vm->flash_size);
			return;
		}
		if ((uint64_t)lo + vm->flash_size > (uint64_t)area_base + area_size) {
			diag_error(vm->path, "flash-size", "0x%x is larger than the flash it "
				   "maps (0x%x bytes from 0x%08x)", vm->flash_size,
				   area_base + area_size - lo, lo);
			return;
		}
		if (lo + vm->flash_size < hi) {
			diag_error(vm->path, "flash-size", "0x%x is too small: the guest image "
				   "ends at 0x%08x, outside its region", vm->flash_size, hi);
			return;
		}
		hi = lo + vm->flash_size;
		perms |= PERM_X;
	} else {
		if (lo == UINT32_MAX)
			return;
		lo &= ~(PAGE_4K - 1);
		uint32_t size = vm_flash_size_for(lo, hi - lo);

		/* Near the end of the flash map, rounding up could leave it. */
		if ((uint64_t)lo + size > (uint64_t)area_base + area_size)
			size = round_up(hi - lo, PAGE_4K);
		hi = lo + size;
	}
	r = add_region(vm, use_flash_size && vm->flash_size ? "flash-size" : "elf");
	if (!r)
		return;
	r->kind = REGION_FLASH;
	r->gpa = lo;
	r->size = hi - lo;
	r->perms = perms;
	r->cache = vm->cache;
	r->allocated = true;
	r->align = tlb_natural_align(r->gpa, r->size);
	snprintf(r->what, sizeof r->what, "%s", what);
}

static bool in_region(const struct cfg_vm *vm, uint32_t a, uint32_t size, unsigned perms)
{
	for (unsigned i = 0; i < vm->nregions; i++) {
		const struct cfg_region *r = &vm->regions[i];

		if (inside(a, size, r->gpa, r->size) && (r->perms & perms) == perms)
			return true;
	}
	return false;
}

int vm_build_image(struct cfg_vm *vm)
{
	struct elf_image img;
	unsigned before = diag_errors();

	if (!vm->elf_path[0])
		return -1;
	if (elf_image_read(vm->elf_path, vm->path, "elf", &img) != 0)
		return -1;
	vm->entry = img.entry;
	vm->exc_micromips = elf_exc_micromips(&img);
	vm->nsegments = img.nsegments;
	memcpy(vm->segments, img.segments, sizeof img.segments[0] * img.nsegments);
	vm->npieces = 0;
	/* A guest that starts in program flash carries its boot-flash stub only
	 * for bare runs (the chip's reset vector); under the hypervisor it is
	 * dead code, so it is neither placed nor mapped. */
	uint32_t entry_gpa = 0;
	/* Bit 0 of the entry point is the ISA (microMIPS), not an address bit. */
	bool boots_from_boot_flash = elf_guest_physical(img.entry & ~1u, &entry_gpa) == 0 &&
		inside(entry_gpa, 4, PIC32_BFLASH_BASE, PIC32_BFLASH_SIZE);

	for (unsigned i = 0; i < img.npieces; i++) {
		if (!boots_from_boot_flash &&
		    inside(img.pieces[i].gpa_load, img.pieces[i].size, PIC32_BFLASH_BASE,
			   PIC32_BFLASH_SIZE))
			continue;
		if (keep_piece(vm, &img.pieces[i]) != 0)
			return -1;
	}

	/* Stored bytes must be in flash: a flash image cannot preload RAM. */
	for (unsigned i = 0; i < vm->npieces; i++) {
		const struct cfg_piece *p = &vm->pieces[i];

		if (!inside(p->gpa_load, p->size, PIC32_PFLASH_BASE, PIC32_PFLASH_SIZE) &&
		    !inside(p->gpa_load, p->size, PIC32_BFLASH_BASE, PIC32_BFLASH_SIZE))
			diag_error(vm->path, "elf", "\"%s\": guest image outside its region: "
				   "bytes at 0x%08x..0x%08x are neither in program flash nor "
				   "in boot flash (a flash image cannot preload RAM)",
				   vm->elf_path, p->gpa_load, p->gpa_load + p->size - 1);
	}
	if (diag_errors() != before)
		return -1;
	build_flash_region(vm, PIC32_PFLASH_BASE, PIC32_PFLASH_SIZE, "program flash", true);
	build_flash_region(vm, PIC32_BFLASH_BASE, PIC32_BFLASH_SIZE, "boot flash", false);
	return diag_errors() == before ? 0 : -1;
}

/* ---- RAM windows -------------------------------------------------------------- */

int vm_build_ram(struct cfg_vm *vm)
{
	unsigned before = diag_errors();
	const char *prop = vm->ram_prop[0] ? vm->ram_prop : "ram-size";

	for (unsigned i = 0; i < vm->nram; i++) {
		uint32_t gpa = vm->ram[i].gpa, size = vm->ram[i].size;
		struct cfg_region *r;

		if (size == 0) {
			diag_error(vm->path, prop, "a RAM window cannot be empty");
			continue;
		}
		if (gpa % PAGE_4K || size % PAGE_4K) {
			diag_error(vm->path, prop, "0x%x bytes at 0x%08x: misaligned, RAM windows "
				   "are whole 4 KB pages", size, gpa);
			continue;
		}
		if (!inside(gpa, size, PIC32_RAM_BASE, PIC32_RAM_SIZE)) {
			diag_error(vm->path, prop, "0x%x bytes at 0x%08x: oversized, the chip's "
				   "RAM map is 0x%x bytes at 0x%08x", size, gpa, PIC32_RAM_SIZE,
				   PIC32_RAM_BASE);
			continue;
		}
		for (unsigned k = 0; k < i; k++)
			if (ranges_overlap(gpa, size, vm->ram[k].gpa, vm->ram[k].size))
				diag_error(vm->path, prop, "RAM windows overlap at 0x%08x", gpa);
		r = add_region(vm, prop);
		if (!r)
			return -1;
		r->kind = REGION_RAM;
		r->gpa = gpa;
		r->size = size;
		r->perms = PERM_R | PERM_W | PERM_X;
		r->cache = vm->cache;
		r->allocated = true;
		r->align = tlb_natural_align(gpa, size);
		snprintf(r->what, sizeof r->what, "RAM");
	}
	return diag_errors() == before ? 0 : -1;
}

/* Everything the ELF runs from or keeps data in must be mapped; the entry
 * point must be executable. */
int vm_check_image_fits(struct cfg_vm *vm)
{
	unsigned before = diag_errors();
	uint32_t entry;

	for (unsigned i = 0; i < vm->nsegments; i++) {
		const struct cfg_segment *s = &vm->segments[i];
		unsigned need = PERM_R | ((s->flags & ELF_PF_W) ? PERM_W : 0);

		if (s->gpa_run >= PIC32_DEVCFG_BASE && s->gpa_run < PIC32_DEVCFG_END)
			continue;
		/* A boot stub left out by vm_build_image (the guest starts in
		 * program flash) needs no mapping. */
		if (inside(s->gpa_run, s->memsz, PIC32_BFLASH_BASE, PIC32_BFLASH_SIZE) &&
		    !in_region(vm, PIC32_BFLASH_BASE, 1, 0) && !in_region(vm, s->gpa_run, 1, 0))
			continue;
		if (!in_region(vm, s->gpa_run, s->memsz, need))
			diag_error(vm->path, (s->flags & ELF_PF_W) ? vm->ram_prop : "elf",
				   "guest image outside its region: \"%s\" uses 0x%08x..0x%08x "
				   "(%s), which the VM's %s does not cover", vm->elf_path,
				   s->vaddr, s->vaddr + s->memsz - 1,
				   (s->flags & ELF_PF_W) ? "writable" : "read-only",
				   (s->flags & ELF_PF_W) ? "RAM" : "flash");
	}
	/* The entry keeps bit 0 (a microMIPS entry: the guest starts and takes
	 * its exceptions in microMIPS); the code is at the even address. */
	if (elf_guest_physical(vm->entry & ~1u, &entry) != 0 || !in_region(vm, entry, 2, PERM_X))
		diag_error(vm->path, "elf", "\"%s\": entry point 0x%08x is not in executable "
			   "guest memory", vm->elf_path, vm->entry);
	return diag_errors() == before ? 0 : -1;
}

/* ---- devices, blocks, pins ---------------------------------------------------- */

static int device_containing(const struct cfg_system *sys, uint32_t base, uint32_t size)
{
	for (unsigned i = 0; i < sys->ndevices; i++)
		if (inside(base, size, sys->devices[i].base, sys->devices[i].size))
			return (int)i;
	return -1;
}

static void set_allow_all(struct cfg_block *b)
{
	for (unsigned i = 0; i < b->size / SUBPAGE_SIZE && i < SUBPAGES_PER_PAGE; i++)
		for (int w = 0; w < 4; w++)
			b->sub[i].allow[w] = ALL_BITS;
}

static struct cfg_block *push_block(struct cfg_vm *vm, const char *prop)
{
	struct cfg_block *b;

	if (vm->nblocks == CFG_MAX_BLOCKS) {
		diag_error(vm->path, prop, "more than %u register blocks", CFG_MAX_BLOCKS);
		return NULL;
	}
	b = &vm->blocks[vm->nblocks++];
	memset(b, 0, sizeof *b);
	memcpy(b->path, vm->path, sizeof b->path);
	snprintf(b->prop, sizeof b->prop, "%s", prop);
	b->device = -1;
	return b;
}

/* Read-write access to a register range: whole pages are mapped, anything
 * smaller is guarded with full allow masks. */
static void give_read_write(struct cfg_vm *vm, struct cfg_block *b)
{
	if (b->base % PAGE_4K == 0 && b->size % PAGE_4K == 0) {
		struct cfg_region *r = add_region(vm, b->prop);

		if (!r)
			return;
		r->kind = REGION_DEVICE;
		r->gpa = r->pa = b->base;
		r->size = b->size;
		r->perms = PERM_R | PERM_W;
		r->cache = CACHE_UNCACHED;
		snprintf(r->path, sizeof r->path, "%s", b->path);
		snprintf(r->what, sizeof r->what, "registers");
		b->direct = true;
		return;
	}
	if (b->size > PAGE_4K) {
		diag_error(b->path, b->prop, "0x%x bytes at 0x%08x: oversized, a block that is "
			   "not whole 4 KB pages must fit in one page", b->size, b->base);
		return;
	}
	set_allow_all(b);
}

void vm_build_blocks(struct cfg_system *sys, struct cfg_vm *vm)
{
	unsigned nexplicit = vm->nblocks;

	/* Explicit blocks (children of the VM node). */
	for (unsigned i = 0; i < nexplicit; i++) {
		struct cfg_block *b = &vm->blocks[i];

		if (b->size == 0 || b->base % SUBPAGE_SIZE || b->size % SUBPAGE_SIZE) {
			diag_error(b->path, b->prop, "<0x%x 0x%x>: misaligned, blocks are 16-byte "
				   "aligned and a multiple of 16 bytes", b->base, b->size);
			continue;
		}
		if (b->device < 0)
			b->device = device_containing(sys, b->base, b->size);
		if (b->device < 0) {
			diag_error(b->path, b->prop, "<0x%x 0x%x>: unknown device: no device of the "
				   "SoC description contains these registers", b->base, b->size);
			continue;
		}
		const struct cfg_device *d = &sys->devices[b->device];

		if (d->emulator != EMU_NONE) {
			if (b->access != ACCESS_READ_WRITE)
				diag_error(b->path, "access", "%s is emulated; only its whole "
					   "block can be given (read-write)", d->path);
			b->emulator = d->emulator;
			b->base = d->base;
			b->size = d->size;
			continue;
		}
		if (b->access == ACCESS_READ_WRITE) {
			if (d->hypervisor_only)
				diag_error(b->path, b->prop, "%s belongs to the hypervisor; give it "
					   "read-only, write-ignored or write-logged", d->path);
			else
				give_read_write(vm, b);
		}
		/* Read-only, write-ignored and write-logged blocks trap on every
		 * access: nothing to prepare. */
	}

	/* Whole devices from `devices`. */
	for (unsigned i = 0; i < vm->ndevices; i++) {
		const struct cfg_device *d = &sys->devices[vm->devices[i]];
		struct cfg_block *b = push_block(vm, "devices");

		if (!b)
			return;
		b->device = vm->devices[i];
		b->base = d->base;
		b->size = d->size;
		b->access = ACCESS_READ_WRITE;
		b->emulator = d->emulator;
		if (d->emulator != EMU_NONE)
			continue;
		if (d->hypervisor_only) {
			diag_error(vm->path, "devices", "%s belongs to the hypervisor; give it as a "
				   "read-only, write-ignored or write-logged vzlet,block", d->path);
			vm->nblocks--;
			continue;
		}
		give_read_write(vm, b);
	}

	/* Pins: one guarded block per port, only the pins' bits writable. */
	for (unsigned i = 0; i < vm->npins; i++) {
		const struct cfg_device *d = &sys->devices[vm->pins[i].port];
		struct cfg_block *b = NULL;

		for (unsigned k = 0; k < vm->nblocks; k++)
			if (vm->blocks[k].device == vm->pins[i].port) {
				b = &vm->blocks[k];
				break;
			}
		if (b && !b->pins_only) {
			diag_error(vm->path, "pins", "%s is already given whole to this VM",
				   d->path);
			continue;
		}
		if (!b) {
			b = push_block(vm, "pins");
			if (!b)
				return;
			b->device = vm->pins[i].port;
			b->base = d->base;
			b->size = d->size;
			b->access = ACCESS_READ_WRITE;
			b->pins_only = true;
			if (b->size > PAGE_4K) {
				diag_error(d->path, "reg", "an I/O port block must fit in one page");
				continue;
			}
		}
		for (unsigned k = 0; k < sizeof port_pin_regs / sizeof port_pin_regs[0]; k++) {
			uint32_t sp = port_pin_regs[k] / SUBPAGE_SIZE;

			if (port_pin_regs[k] + SUBPAGE_SIZE > b->size)
				continue;
			for (int w = 0; w < 4; w++)
				b->sub[sp].allow[w] |= 1u << vm->pins[i].pin;
		}
	}
}

static bool vm_writes_device(const struct cfg_vm *vm, int dev)
{
	for (unsigned i = 0; i < vm->nblocks; i++)
		if (vm->blocks[i].device == dev && vm->blocks[i].access == ACCESS_READ_WRITE &&
		    !vm->blocks[i].pins_only)
			return true;
	return false;
}

/* Coupled bits (vzlet,coupled: a timer pair's T32 makes the odd timer the
 * even one's upper half) are writable only by a VM that has the other
 * device too; without it they are taken out of every alias's allow mask, so
 * the VM cannot take over a device it was not given. A directly mapped page
 * cannot be filtered bit by bit: refused. */
void vm_mask_coupled(const struct cfg_system *sys, struct cfg_vm *vm)
{
	for (unsigned i = 0; i < vm->nblocks; i++) {
		struct cfg_block *b = &vm->blocks[i];

		if (b->emulator != EMU_NONE || b->access != ACCESS_READ_WRITE)
			continue;
		for (unsigned d = 0; d < sys->ndevices; d++) {
			const struct cfg_device *dev = &sys->devices[d];
			uint32_t reg = dev->base + dev->couple_off;

			if (dev->coupled < 0 || !inside(reg, 4, b->base, b->size) ||
			    vm_writes_device(vm, dev->coupled))
				continue;
			if (b->direct) {
				diag_error(b->path, b->prop, "%s is mapped directly, so its bits 0x%x "
					   "at +0x%x, which control %s, cannot be guarded: give "
					   "this VM %s too", dev->path, dev->couple_mask,
					   dev->couple_off, sys->devices[dev->coupled].path,
					   sys->devices[dev->coupled].path);
				continue;
			}
			for (int w = 0; w < 4; w++)
				b->sub[(reg - b->base) / SUBPAGE_SIZE].allow[w] &= ~dev->couple_mask;
		}
	}
}

/* Within one VM: blocks must not overlap each other, and a page with a block
 * is never mapped (a block there would be bypassed). */
int vm_check_layout(const struct cfg_system *sys, const struct cfg_vm *vm)
{
	unsigned before = diag_errors();

	(void)sys;
	for (unsigned i = 0; i < vm->nblocks; i++) {
		const struct cfg_block *a = &vm->blocks[i];

		if (a->direct)
			continue;
		for (unsigned k = i + 1; k < vm->nblocks; k++) {
			const struct cfg_block *b = &vm->blocks[k];

			if (!b->direct && ranges_overlap(a->base, a->size, b->base, b->size))
				diag_error(b->path, b->prop, "registers 0x%08x..0x%08x given twice "
					   "to this VM (also by %s)", b->base, b->base + b->size - 1,
					   a->path);
		}
		for (unsigned k = 0; k < vm->nregions; k++) {
			const struct cfg_region *r = &vm->regions[k];
			uint32_t page = a->base & ~(PAGE_4K - 1);
			uint32_t span = round_up(a->base + a->size, PAGE_4K) - page;

			if (ranges_overlap(page, span, r->gpa, r->size))
				diag_error(a->path, a->prop, "an emulated or guarded block "
					   "(0x%08x..0x%08x) and a directly mapped region (%s, "
					   "0x%08x..0x%08x) in one 4 KB page", a->base,
					   a->base + a->size - 1, r->what, r->gpa, r->gpa + r->size - 1);
		}
	}
	for (unsigned i = 0; i < vm->nregions; i++)
		for (unsigned k = i + 1; k < vm->nregions; k++) {
			const struct cfg_region *a = &vm->regions[i], *b = &vm->regions[k];

			if (ranges_overlap(a->gpa, a->size, b->gpa, b->size))
				diag_error(b->path, b->prop, "overlapping memory: guest addresses "
					   "0x%08x..0x%08x (%s) overlap %s at 0x%08x..0x%08x", b->gpa,
					   b->gpa + b->size - 1, b->what, a->what, a->gpa,
					   a->gpa + a->size - 1);
		}
	return diag_errors() == before ? 0 : -1;
}
