/* SPDX-License-Identifier: Apache-2.0 */
/* test_config.c - unit tests of vzlet-config's placement, page splitting,
 * sub-page masks and checks (cmocka). The whole-tool error cases are in
 * tests/config/bad (run-bad.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "diag.h"
#include "dt_read.h"
#include "elf_image.h"
#include "emit.h"
#include "mem_pool.h"
#include "model.h"
#include "system.h"
#include "tlb_plan.h"
#include "vm_build.h"
#include <vzlet/vm_config.h>

/* Where config.mk puts the test inputs (build/tests/config). */
#ifndef FUZZ_DIR
#define FUZZ_DIR "build/tests/config"
#endif

static FILE *devnull;

static int setup(void **state)
{
	(void)state;
	diag_reset(devnull);
	return 0;
}

/* ---- pools ---------------------------------------------------------------- */

static void test_pool_alignment_phase(void **state)
{
	struct cfg_pool p;
	uint32_t a;

	(void)state;
	pool_init(&p, "RAM", 0x4000, 0x7F000);
	/* 64 KB aligned like its guest address 0. */
	assert_int_equal(pool_alloc(&p, 0x10000, 0x10000, 0, &a), 0);
	assert_int_equal(a, 0x10000);
	/* The hole left below is used by smaller alignments. */
	assert_int_equal(pool_alloc(&p, 0x4000, 0x4000, 0, &a), 0);
	assert_int_equal(a, 0x4000);
	/* Phase: real address == guest address modulo the alignment. */
	assert_int_equal(pool_alloc(&p, 0x1000, 0x4000, 0x1D003000, &a), 0);
	assert_int_equal(a % 0x4000, 0x3000);
	assert_true(a >= 0x8000);
}

static void test_pool_exhaustion_and_split(void **state)
{
	struct cfg_pool p;
	uint32_t a;

	(void)state;
	pool_init(&p, "RAM", 0x0, 0x10000);
	pool_remove(&p, 0x4000, 0x1000);      /* splits the hole */
	assert_int_equal(p.nholes, 2);
	assert_int_equal(pool_largest(&p), 0xB000);
	assert_int_equal(pool_alloc(&p, 0xC000, 0x1000, 0, &a), -1);
	assert_int_equal(pool_alloc(&p, 0xB000, 0x1000, 0, &a), 0);
	assert_int_equal(a, 0x5000);
	assert_int_equal(pool_alloc(&p, 0x4000, 0x1000, 0, &a), 0);
	assert_int_equal(a, 0x0);
	assert_int_equal(pool_alloc(&p, 0x1000, 0x1000, 0, &a), -1);
}

/* ---- page splitting --------------------------------------------------------- */

static struct cfg_region region(uint32_t gpa, uint32_t pa, uint32_t size)
{
	struct cfg_region r;

	memset(&r, 0, sizeof r);
	r.gpa = gpa;
	r.pa = pa;
	r.size = size;
	r.perms = PERM_R | PERM_W;
	r.cache = CACHE_WRITE_BACK;
	return r;
}

static bool is_power_of_4_page(uint32_t s)
{
	return s >= 0x1000 && (s & (s - 1)) == 0 && (__builtin_ctz(s) - 12) % 2 == 0;
}

/* Every 4 KB of every region is translated by exactly one valid half to the
 * right real address; entries do not overlap; halves are naturally aligned;
 * nothing outside the regions is mapped. Returns the entry count. */
static unsigned plan_and_verify(const struct cfg_region *r, unsigned n)
{
	static struct cfg_tlb_entry e[512];
	unsigned count = tlb_plan(r, n, e, 512);

	assert_true(count <= 512);
	for (unsigned i = 0; i < count; i++) {
		uint32_t s = e[i].page_size;

		assert_true(is_power_of_4_page(s));
		assert_int_equal(e[i].vpn2_base % (2 * s), 0);
		assert_true(e[i].valid[0] || e[i].valid[1]);
		for (int h = 0; h < 2; h++) {
			if (!e[i].valid[h])
				continue;
			assert_int_equal(e[i].half[h].gpa, e[i].vpn2_base + (uint32_t)h * s);
			assert_int_equal(e[i].half[h].pa % s, 0);
		}
		for (unsigned k = 0; k < i; k++) {
			uint64_t a0 = e[k].vpn2_base, a1 = a0 + 2ull * e[k].page_size;
			uint64_t b0 = e[i].vpn2_base, b1 = b0 + 2ull * s;

			assert_false(a0 < b1 && b0 < a1);       /* disjoint spans */
			assert_true(e[k].vpn2_base < e[i].vpn2_base); /* sorted */
		}
	}
	/* Coverage, page by page. */
	for (unsigned i = 0; i < n; i++)
		for (uint32_t off = 0; off < r[i].size; off += 0x1000) {
			uint32_t g = r[i].gpa + off;
			unsigned hits = 0;

			for (unsigned k = 0; k < count; k++)
				for (int h = 0; h < 2; h++) {
					const struct cfg_page *p = &e[k].half[h];

					if (e[k].valid[h] && g >= p->gpa && g - p->gpa < p->size) {
						hits++;
						assert_int_equal(p->pa + (g - p->gpa), r[i].pa + off);
					}
				}
			assert_int_equal(hits, 1);
		}
	/* Nothing extra: mapped bytes == region bytes. */
	uint64_t mapped = 0, wanted = 0;

	for (unsigned k = 0; k < count; k++)
		for (int h = 0; h < 2; h++)
			mapped += e[k].valid[h] ? e[k].page_size : 0;
	for (unsigned i = 0; i < n; i++)
		wanted += r[i].size;
	assert_int_equal(mapped, wanted);
	return count;
}

static void test_split_aligned_regions_take_one_entry(void **state)
{
	struct cfg_region r;

	(void)state;
	r = region(0, 0x10000, 0x10000);        /* 64 KB: one 64 KB half */
	assert_int_equal(plan_and_verify(&r, 1), 1);
	r = region(0, 0x20000, 0x20000);        /* 128 KB: a pair of 64 KB */
	assert_int_equal(plan_and_verify(&r, 1), 1);
	r = region(0x1D000000, 0x1D100000, 0x80000); /* 512 KB: a pair of 256 KB */
	assert_int_equal(plan_and_verify(&r, 1), 1);
}

static void test_split_minimal_counts(void **state)
{
	struct cfg_region r;

	(void)state;
	/* 20 KB = 16 + 4: the 32 KB span is half used, so it splits into 8 KB
	 * spans: 3 entries, no fewer possible without overlapping entries. */
	r = region(0x1D000000, 0x1D010000, 0x5000);
	assert_int_equal(plan_and_verify(&r, 1), 3);
	/* 96 KB at 0: a 64 KB-page entry would span 128 KB and collide with
	 * whatever maps the last 32 KB, so: three pairs of 16 KB. */
	r = region(0, 0x20000, 0x18000);
	assert_int_equal(plan_and_verify(&r, 1), 3);
	/* The same 64 KB at a real address only 16 KB aligned: 2 pairs of 16 KB. */
	r = region(0, 0x14000, 0x10000);
	assert_int_equal(plan_and_verify(&r, 1), 2);
	/* Two halves of one entry may come from different regions. */
	struct cfg_region two[2] = { region(0x1F810000, 0x1F810000, 0x1000),
				     region(0x1F811000, 0x1F811000, 0x1000) };
	two[0].perms = PERM_R;                  /* different attributes */
	assert_int_equal(plan_and_verify(two, 2), 1);
}

static void test_split_random_layouts(void **state)
{
	uint32_t seed = 12345;

	(void)state;
	for (int round = 0; round < 300; round++) {
		struct cfg_region r[4];
		unsigned n = 0;
		uint32_t gpa = 0;

		for (int i = 0; i < 4; i++) {
			uint32_t pages, shift;

			seed = seed * 1103515245u + 12345u;
			pages = 1 + (seed >> 16) % 40;
			shift = (seed >> 8) % 5 * 2;   /* real alignment 4 KB .. 1 MB */
			gpa += ((seed >> 20) % 3) * 0x1000;
			r[n] = region(gpa, 0x1D000000u + ((uint32_t)i << 20) +
				      (gpa & ((0x1000u << shift) - 1)), pages * 0x1000);
			gpa += pages * 0x1000;
			n++;
		}
		plan_and_verify(r, n);
	}
}

static void test_natural_alignment_and_flash_rounding(void **state)
{
	(void)state;
	assert_int_equal(tlb_natural_align(0, 0x10000), 0x10000);
	assert_int_equal(tlb_natural_align(0x1D000000, 0x5000), 0x4000);
	assert_int_equal(tlb_natural_align(0x1000, 0x3000), 0x1000);
	/* 20 KB of flash costs 3 entries; 32 KB costs 1: worth rounding. */
	assert_int_equal(vm_flash_size_for(0x1D000000, 0x5010), 0x8000);
	/* 64 KB exactly: nothing to gain. */
	assert_int_equal(vm_flash_size_for(0x1D000000, 0x10000), 0x10000);
	/* Never more than double. */
	assert_true(vm_flash_size_for(0x1D000000, 0x41000) <= 0x82000);
}

static void test_pagemask_values(void **state)
{
	(void)state;
	assert_int_equal(tlb_pagemask(0x1000), 0);
	assert_int_equal(tlb_pagemask(0x4000), 0x6000);
	assert_int_equal(tlb_pagemask(0x10000), 0x1E000);
	assert_int_equal(tlb_pagemask(0x40000), 0x7E000);
	assert_int_equal(tlb_pagemask(0x100000), 0x1FE000);
}

/* ---- sub-page masks ----------------------------------------------------------- */

static struct cfg_system sys;

static int add_device(const char *name, uint32_t base, uint32_t size, bool port)
{
	struct cfg_device *d = &sys.devices[sys.ndevices];

	memset(d, 0, sizeof *d);
	snprintf(d->path, sizeof d->path, "/soc/%s", name);
	snprintf(d->name, sizeof d->name, "%s", name);
	d->base = base;
	d->size = size;
	d->is_port = port;
	d->owner = -1;
	return (int)sys.ndevices++;
}

static struct cfg_vm *add_vm(unsigned id)
{
	struct cfg_vm *vm = &sys.vms[sys.nvms++];

	memset(vm, 0, sizeof *vm);
	vm->id = id;
	snprintf(vm->path, sizeof vm->path, "/vms/vm@%u", id);
	snprintf(vm->label, sizeof vm->label, "vm%u", id);
	return vm;
}

static void test_pin_masks(void **state)
{
	struct cfg_vm *vm;
	int portg;

	(void)state;
	memset(&sys, 0, sizeof sys);
	portg = add_device("gpio@1f860600", 0x1F860600, 0xA0, true);
	vm = add_vm(1);
	vm->pins[0].port = portg;
	vm->pins[0].pin = 6;
	vm->pins[1].port = portg;
	vm->pins[1].pin = 15;
	vm->npins = 2;
	vm_build_blocks(&sys, vm);
	assert_int_equal(diag_errors(), 0);
	assert_int_equal(vm->nblocks, 1);
	const struct cfg_block *b = &vm->blocks[0];

	assert_int_equal(b->base, 0x1F860600);
	assert_int_equal(b->size, 0xA0);
	assert_false(b->direct);
	for (unsigned sp = 0; sp < 10; sp++)
		for (int w = 0; w < 4; w++) {
			/* CNCON (+0x70) and CNSTAT (+0x90) are port-wide or status. */
			uint32_t want = (sp == 7 || sp == 9) ? 0 : (1u << 6 | 1u << 15);

			assert_int_equal(b->sub[sp].allow[w], want);
		}
}

static void test_small_block_guarded_whole_page_mapped(void **state)
{
	struct cfg_vm *vm;
	int uart, dma;

	(void)state;
	memset(&sys, 0, sizeof sys);
	uart = add_device("serial@1f822200", 0x1F822200, 0x200, false);
	dma = add_device("big@1f8c0000", 0x1F8C0000, 0x1000, false);
	vm = add_vm(1);
	vm->devices[0] = uart;
	vm->devices[1] = dma;
	vm->ndevices = 2;
	vm_build_blocks(&sys, vm);
	assert_int_equal(diag_errors(), 0);
	assert_int_equal(vm->nblocks, 2);
	/* The UART is smaller than a page: guarded, every bit writable. */
	assert_false(vm->blocks[0].direct);
	for (unsigned sp = 0; sp < 0x200 / 16; sp++)
		assert_int_equal(vm->blocks[0].sub[sp].allow[3], 0xFFFFFFFFu);
	/* A whole page is mapped directly, uncached, not executable. */
	assert_true(vm->blocks[1].direct);
	assert_int_equal(vm->nregions, 1);
	assert_int_equal(vm->regions[0].kind, REGION_DEVICE);
	assert_int_equal(vm->regions[0].gpa, 0x1F8C0000);
	assert_int_equal(vm->regions[0].pa, 0x1F8C0000);
	assert_int_equal(vm->regions[0].cache, CACHE_UNCACHED);
	assert_false(vm->regions[0].perms & PERM_X);
}

/* ---- checks ---------------------------------------------------------------- */

static void test_irq_given_twice(void **state)
{
	struct cfg_vm *a, *b;
	int t2;

	(void)state;
	memset(&sys, 0, sizeof sys);
	t2 = add_device("timer@1f840200", 0x1F840200, 0x30, false);
	sys.devices[t2].shareable = true;
	sys.devices[t2].irqs[0] = 9;
	sys.devices[t2].nirqs = 1;
	a = add_vm(1);
	b = add_vm(2);
	a->devices[0] = b->devices[0] = t2;
	a->ndevices = b->ndevices = 1;
	a->irqs[0] = b->irqs[0] = 9;
	a->nirqs = b->nirqs = 1;
	vm_build_blocks(&sys, a);
	vm_build_blocks(&sys, b);
	assert_int_equal(check_irqs(&sys), -1);
	assert_string_equal(diag_last(), "error: /vms/vm@2: property \"interrupts\": "
			    "IRQ 9 is already owned by /vms/vm@1");
	assert_int_equal(sys.irq_owner[9], 1);
	assert_int_equal(a->irq_owned[0], 1u << 9);
	assert_int_equal(b->irq_owned[0], 0);
}

static void test_allocation_exhausted(void **state)
{
	struct cfg_vm *a, *b;

	(void)state;
	memset(&sys, 0, sizeof sys);
	a = add_vm(1);
	b = add_vm(2);
	a->ram[0].size = b->ram[0].size = 0x40000;
	a->nram = b->nram = 1;
	snprintf(a->ram_prop, sizeof a->ram_prop, "ram-size");
	snprintf(b->ram_prop, sizeof b->ram_prop, "ram-size");
	assert_int_equal(vm_build_ram(a), 0);
	assert_int_equal(vm_build_ram(b), 0);
	assert_int_equal(system_allocate(&sys), -1);
	assert_non_null(strstr(diag_last(), "property \"ram-size\": RAM exhausted: RAM needs "
				"0x40000 bytes"));
	/* No 256 KB-aligned hole fits below the reserved last 4 KB: the first
	 * got the next best alignment (64 KB, two entries instead of one). */
	assert_int_equal(a->regions[0].pa, 0x10000);
	assert_true(a->regions[0].pa >= VZ_GUEST_RAM_BASE);
	assert_true(a->regions[0].pa + 0x40000 <= VZ_GUEST_RAM_END);
}

static void test_allocations_do_not_overlap(void **state)
{
	uint32_t sizes[] = { 0x10000, 0x8000, 0x4000, 0x3000, 0x20000 };

	(void)state;
	memset(&sys, 0, sizeof sys);
	for (unsigned i = 0; i < 5; i++) {
		struct cfg_vm *vm = add_vm(i + 1);

		vm->ram[0].size = sizes[i];
		vm->nram = 1;
		assert_int_equal(vm_build_ram(vm), 0);
	}
	sys.reserved[0].base = 0x7FF00;
	sys.reserved[0].size = 0x100;
	sys.nreserved = 1;
	assert_int_equal(system_allocate(&sys), 0);
	for (unsigned i = 0; i < 5; i++) {
		const struct cfg_region *r = &sys.vms[i].regions[0];

		assert_true(r->pa >= VZ_GUEST_RAM_BASE && r->pa + r->size <= VZ_GUEST_RAM_END);
		assert_int_equal(r->pa % r->align, r->gpa % r->align);
		for (unsigned k = 0; k < i; k++) {
			const struct cfg_region *o = &sys.vms[k].regions[0];

			assert_false(r->pa < o->pa + o->size && o->pa < r->pa + r->size);
		}
	}
	assert_int_equal(system_plan_tlb(&sys), 0);
	/* 1 + 1 + 1 + 2 + 1 entries: all wired (13 slots: 16 less the guests'
	 * part of 1 and the refill pool of 2). */
	unsigned total = 0;

	for (unsigned i = 0; i < 5; i++) {
		total += sys.vms[i].nentries;
		assert_int_equal(sys.vms[i].nwired, sys.vms[i].nentries);
	}
	assert_int_equal(total, 6);
}

/* The TLB partition: the guests' part is the largest share (at least 1),
 * root may wire what the refill pool of 2 leaves; a share above 14 is
 * refused naming the VM. */
static void test_tlb_partition(void **state)
{
	unsigned budget;

	(void)state;
	memset(&sys, 0, sizeof sys);
	add_vm(1);
	assert_int_equal(tlb_partition(&sys, &budget), 1);
	assert_int_equal(budget, 13);
	add_vm(2)->guest_tlb = 6;
	add_vm(3)->guest_tlb = 3;
	assert_int_equal(tlb_partition(&sys, &budget), 6);
	assert_int_equal(budget, 8);
	sys.vms[2].guest_tlb = 14;
	assert_int_equal(check_tlb_partition(&sys), 0);
	assert_int_equal(tlb_partition(&sys, &budget), 14);
	assert_int_equal(budget, 0);
	sys.vms[2].guest_tlb = 15;
	assert_int_equal(check_tlb_partition(&sys), -1);
	assert_string_equal(diag_last(), "error: /vms/vm@3: property \"guest-tlb-entries\": 15 "
			    "guest TLB entries do not fit: the 16-entry TLB keeps 2 for root's "
			    "refill pool, so a guest share is at most 14");
}

static void test_vm_id_gap(void **state)
{
	(void)state;
	memset(&sys, 0, sizeof sys);
	add_vm(1);
	add_vm(3);
	assert_int_equal(check_vm_ids(&sys), -1);
	assert_string_equal(diag_last(), "error: /vms/vm@3: property \"reg\": VM id 3 leaves "
			    "id 2 unused: ids are 1..2 without gaps");
}

/* ---- emitted tables ---------------------------------------------------------- */

static void test_emitted_tlb_and_blocks(void **state)
{
	struct cfg_vm *vm;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int portg;

	(void)state;
	memset(&sys, 0, sizeof sys);
	sys.hv.cpu_clock_hz = 200000000;
	sys.hv.time_slice_us = 1000;
	sys.hv.console_uart = 4;
	portg = add_device("gpio@1f860600", 0x1F860600, 0xA0, true);
	vm = add_vm(1);
	vm->cache = CACHE_WRITE_BACK;
	vm->regions[0] = region(0, 0x4000, 0x4000);          /* RAM, rwx */
	vm->regions[0].perms = PERM_R | PERM_W | PERM_X;
	vm->regions[1] = region(0x1D000000, 0x1D010000, 0x1000); /* flash, r only */
	vm->regions[1].perms = PERM_R;
	vm->nregions = 2;
	vm->pins[0].port = portg;
	vm->pins[0].pin = 6;
	vm->npins = 1;
	vm_build_blocks(&sys, vm);
	vm->slice_us = 500;
	sys.irq_owner[9] = 1;
	vm->irq_owned[0] = 1u << 9;
	assert_int_equal(system_plan_tlb(&sys), 0);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(emit_tables(f, &sys), 0);
	fclose(f);
	/* RAM: PFN 4, C = 3, D, V, G; odd half invalid (G only). */
	assert_non_null(strstr(text, ".entryhi = 0x00000000, .pagemask = 0x00006000, "
			       ".entrylo0 = 0x0000011f, .entrylo1 = 0x00000001"));
	/* Flash: PFN 0x1D010, not writable, XI (bit 30) since not executable. */
	assert_non_null(strstr(text, ".entryhi = 0x1d000000, .pagemask = 0x00000000, "
			       ".entrylo0 = 0x4074041b, .entrylo1 = 0x00000001"));
	assert_non_null(strstr(text, ".kind = VZ_EMU_GUARDED, .subpages = vm1_block0_subpages"));
	assert_non_null(strstr(text, "{ { 0x00000040, 0x00000040, 0x00000040, 0x00000040 } }, /* +0x030 */"));
	assert_non_null(strstr(text, "[9] = 1,"));
	assert_non_null(strstr(text, ".irq_owned = { 0x00000200, 0x00000000"));
	assert_non_null(strstr(text, ".slice_ticks = 50000,"));      /* 500 us at 100 MHz */
	assert_non_null(strstr(text, ".slice_ticks = 100000, /* 1000 us */"));
	assert_non_null(strstr(text, "VZ_DEFINE_VM_STATE(1);"));
	assert_non_null(strstr(text, ".flags = 0,"));
	free(text);
	vm->exc_micromips = true;           /* the exception ISA reaches the table */
	f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(emit_tables(f, &sys), 0);
	fclose(f);
	assert_non_null(strstr(text, ".flags = 0 | VZ_VM_EXC_MICROMIPS,"));
	free(text);
}

/* ---- the exception ISA of a guest image -------------------------------------- */

static void put32(uint8_t *p, uint32_t v)
{
	for (unsigned i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* A minimal executable: code at 0x9D000000 and, if devcfg, the four DEVCFG
 * words at 0x1FC0FFC0 with DEVCFG0 = devcfg0. */
static size_t tiny_elf(uint8_t *b, uint32_t entry, bool devcfg, uint32_t devcfg0)
{
	static const uint8_t ident[8] = { 0x7F, 'E', 'L', 'F', 1, 1, 1, 0 };
	uint8_t *ph = b + 52;

	memset(b, 0, 0x120);
	memcpy(b, ident, sizeof ident);
	b[16] = 2;                           /* ET_EXEC */
	b[18] = 8;                           /* EM_MIPS */
	b[20] = 1;
	put32(b + 24, entry);
	put32(b + 28, 52);                   /* program headers, no sections */
	b[40] = 52;
	b[42] = 32;
	b[44] = devcfg ? 2 : 1;
	put32(ph, 1);                        /* PT_LOAD: code */
	put32(ph + 4, 0x100);
	put32(ph + 8, 0x9D000000u);
	put32(ph + 12, 0x9D000000u);
	put32(ph + 16, 4);
	put32(ph + 20, 4);
	put32(ph + 24, 5);                   /* R X */
	put32(ph + 32, 1);                   /* PT_LOAD: DEVCFG3..0 */
	put32(ph + 36, 0x110);
	put32(ph + 40, 0xBFC0FFC0u);
	put32(ph + 44, 0xBFC0FFC0u);
	put32(ph + 48, 16);
	put32(ph + 52, 16);
	put32(ph + 56, 4);
	memset(b + 0x110, 0xFF, 12);
	put32(b + 0x11C, devcfg0);
	return 0x120;
}

/* As on a chip, DEVCFG0.BOOTISA of the image decides the exception ISA;
 * an image without DEVCFG0 takes its entry point's. */
static void test_exception_isa(void **state)
{
	static uint8_t b[0x120];
	struct elf_image img;
	size_t n;

	(void)state;
	n = tiny_elf(b, 0x9D000001u, true, 0xFFFFFF93u);           /* BOOTISA = 0 */
	assert_int_equal(elf_image_parse(b, n, "t.elf", "/vms/vm@1", "elf", &img), 0);
	assert_true(img.has_devcfg0);
	assert_int_equal(img.devcfg0, 0xFFFFFF93u);
	assert_true(elf_exc_micromips(&img));
	n = tiny_elf(b, 0x9D000001u, true, 0xFFFFFFDBu);           /* BOOTISA = 1 */
	assert_int_equal(elf_image_parse(b, n, "t.elf", "/vms/vm@1", "elf", &img), 0);
	assert_false(elf_exc_micromips(&img));                     /* a microMIPS entry */
	n = tiny_elf(b, 0x9D000000u, true, 0xFFFFFF93u);
	assert_int_equal(elf_image_parse(b, n, "t.elf", "/vms/vm@1", "elf", &img), 0);
	assert_true(elf_exc_micromips(&img));                      /* a MIPS32 entry */
	n = tiny_elf(b, 0x9D000001u, false, 0);
	assert_int_equal(elf_image_parse(b, n, "t.elf", "/vms/vm@1", "elf", &img), 0);
	assert_false(img.has_devcfg0);
	assert_true(elf_exc_micromips(&img));
	n = tiny_elf(b, 0x9D000000u, false, 0);
	assert_int_equal(elf_image_parse(b, n, "t.elf", "/vms/vm@1", "elf", &img), 0);
	assert_false(elf_exc_micromips(&img));
}

/* ---- malformed input never crashes ------------------------------------------- */

static uint32_t fuzz_seed = 2026;

static uint32_t fuzz_next(void)
{
	fuzz_seed = fuzz_seed * 1103515245u + 12345u;
	return fuzz_seed >> 8;
}

static void test_mutated_devicetrees(void **state)
{
	size_t size;
	uint8_t *good = dt_load_file(FUZZ_DIR "/two-vms.dtb", &size);
	static uint8_t blob[1u << 16];
	unsigned accepted = 0;

	(void)state;
	assert_non_null(good);
	assert_true(size <= sizeof blob);
	for (int round = 0; round < 600; round++) {
		size_t len = size;

		memcpy(blob, good, size);
		for (uint32_t k = 1 + fuzz_next() % 6; k > 0; k--)
			blob[fuzz_next() % size] = (uint8_t)fuzz_next();
		if (round % 10 == 0)
			len = fuzz_next() % size;
		diag_reset(devnull);
		int rc = dt_read_system(blob, len, "fuzz", &sys);

		assert_true(rc == 0 || rc == -1);
		assert_true(rc == -1 || diag_errors() == 0);
		if (rc == 0) {
			rc = system_build(&sys);
			assert_true(rc == 0 || rc == -1);
			accepted += rc == 0;
		}
	}
	free(good);
	/* Some mutations only touch values that stay valid. */
	assert_true(accepted > 0);
}

static void test_mutated_elf_files(void **state)
{
	FILE *f = fopen(FUZZ_DIR "/guest-small.elf", "rb");
	static uint8_t good[1u << 20], buf[1u << 20];
	size_t size;
	struct elf_image img;

	(void)state;
	assert_non_null(f);
	size = fread(good, 1, sizeof good, f);
	fclose(f);
	assert_true(size > 0x100 && size < sizeof good);
	for (int round = 0; round < 300; round++) {
		size_t len = size;

		memcpy(buf, good, size);
		/* Mostly the headers: that is where the structure is. */
		for (uint32_t k = 1 + fuzz_next() % 4; k > 0; k--)
			buf[fuzz_next() % (round % 3 ? 0x100 : size)] = (uint8_t)fuzz_next();
		if (round % 7 == 0)
			len = fuzz_next() % size;
		f = fopen(FUZZ_DIR "/fuzz.elf", "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(buf, 1, len, f), len);
		fclose(f);
		diag_reset(devnull);
		int rc = elf_image_read(FUZZ_DIR "/fuzz.elf", "/vms/vm@1", "elf", &img);

		assert_true(rc == 0 || rc == -1);
		assert_true(rc == -1 || (img.nsegments > 0 && img.nsegments <= CFG_MAX_SEGMENTS));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_pool_alignment_phase, setup),
		cmocka_unit_test_setup(test_pool_exhaustion_and_split, setup),
		cmocka_unit_test_setup(test_split_aligned_regions_take_one_entry, setup),
		cmocka_unit_test_setup(test_split_minimal_counts, setup),
		cmocka_unit_test_setup(test_split_random_layouts, setup),
		cmocka_unit_test_setup(test_natural_alignment_and_flash_rounding, setup),
		cmocka_unit_test_setup(test_pagemask_values, setup),
		cmocka_unit_test_setup(test_pin_masks, setup),
		cmocka_unit_test_setup(test_small_block_guarded_whole_page_mapped, setup),
		cmocka_unit_test_setup(test_irq_given_twice, setup),
		cmocka_unit_test_setup(test_allocation_exhausted, setup),
		cmocka_unit_test_setup(test_allocations_do_not_overlap, setup),
		cmocka_unit_test_setup(test_vm_id_gap, setup),
		cmocka_unit_test_setup(test_tlb_partition, setup),
		cmocka_unit_test_setup(test_emitted_tlb_and_blocks, setup),
		cmocka_unit_test_setup(test_exception_isa, setup),
		cmocka_unit_test_setup(test_mutated_devicetrees, setup),
		cmocka_unit_test_setup(test_mutated_elf_files, setup),
	};

	devnull = fopen("/dev/null", "w");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
