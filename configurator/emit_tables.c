/* SPDX-License-Identifier: Apache-2.0 */
/* emit_tables.c - write the system as C tables in the types of
 * hypervisor/include/vzlet/vm_config.h (data only, no code). */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#include "channels.h"
#include "health.h"
#include "windows.h"
#include "tlb_plan.h"
#include <vzlet/vm_config.h>

#define ENTRYLO_XI (1u << 30)

static uint32_t entrylo(const struct cfg_tlb_entry *e, int h)
{
	const struct cfg_page *p = &e->half[h];
	uint32_t v = 1; /* G: the GuestID, not the ASID, selects the VM */

	if (!e->valid[h])
		return v;
	v |= (p->pa >> 12) << 6;
	v |= (uint32_t)p->cache << 3;
	if (p->perms & PERM_W)
		v |= 1u << 2;   /* D: writable */
	v |= 1u << 1;           /* V */
	if (!(p->perms & PERM_X))
		v |= ENTRYLO_XI;
	return v;
}

static const char *size_name(uint32_t s, char *buf, size_t len)
{
	if (s >= 0x100000)
		snprintf(buf, len, "%u MB", s >> 20);
	else
		snprintf(buf, len, "%u KB", s >> 10);
	return buf;
}

static void region_flags(FILE *f, const struct cfg_region *r)
{
	const char *sep = "";

	if (r->perms & PERM_R) {
		fprintf(f, "%sVZ_REGION_R", sep);
		sep = " | ";
	}
	if (r->perms & PERM_W) {
		fprintf(f, "%sVZ_REGION_W", sep);
		sep = " | ";
	}
	if (r->perms & PERM_X) {
		fprintf(f, "%sVZ_REGION_X", sep);
		sep = " | ";
	}
	if (r->shared) {
		fprintf(f, "%sVZ_REGION_SHARED", sep);
		sep = " | ";
	}
	if (r->kind == REGION_DEVICE) {
		fprintf(f, "%sVZ_REGION_DEVICE", sep);
		sep = " | ";
	}
	if (r->kind == REGION_FLASH) {
		fprintf(f, "%sVZ_REGION_FLASH", sep);
		sep = " | ";
	}
	if (!*sep)
		fprintf(f, "0");
}

static const char *block_kind(const struct cfg_block *b)
{
	if (b->emulator == EMU_EVIC)
		return "VZ_EMU_EVIC";
	if (b->emulator == EMU_CONSOLE)
		return "VZ_EMU_CONSOLE";
	if (b->emulator == EMU_DMA)
		return "VZ_EMU_DMA";
	if (b->emulator == EMU_WDT)
		return "VZ_EMU_WDT";
	switch (b->access) {
	case ACCESS_READ_ONLY:
		return "VZ_EMU_READ_ONLY";
	case ACCESS_WRITE_IGNORED:
		return "VZ_EMU_WRITE_IGNORE";
	case ACCESS_WRITE_LOGGED:
		return "VZ_EMU_WRITE_LOG";
	case ACCESS_READ_WRITE:
		break;
	}
	return "VZ_EMU_GUARDED";
}

static bool block_guarded(const struct cfg_block *b)
{
	return b->emulator == EMU_NONE && b->access == ACCESS_READ_WRITE;
}

/* Blocks that trap (not mapped), sorted by address. */
static unsigned trapped_blocks(const struct cfg_vm *vm, const struct cfg_block **out)
{
	unsigned n = 0;

	for (unsigned i = 0; i < vm->nblocks; i++)
		if (!vm->blocks[i].direct)
			out[n++] = &vm->blocks[i];
	for (unsigned i = 1; i < n; i++)
		for (unsigned k = i; k > 0 && out[k - 1]->base > out[k]->base; k--) {
			const struct cfg_block *t = out[k];

			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}

_Static_assert(CFG_MAX_THREADS == VZ_MAX_THREADS, "thread limits differ");

uint32_t emit_slice_ticks(const struct cfg_system *sys, uint32_t us)
{
	uint64_t t = (uint64_t)us * (sys->hv.cpu_clock_hz / 2) / 1000000u;

	return t > UINT32_MAX ? UINT32_MAX : (uint32_t)t;
}

static uint32_t phys(uint32_t a)
{
	return (a >= 0x80000000u && a < 0xC0000000u) ? a & 0x1FFFFFFFu : a;
}

static void emit_vm(FILE *f, const struct cfg_system *sys, const struct cfg_vm *vm)
{
	unsigned id = vm->id;
	const struct cfg_block *blocks[CFG_MAX_BLOCKS];
	unsigned nb = trapped_blocks(vm, blocks);
	char sz[16];

	(void)sys;
	fprintf(f, "/* ---- VM %u \"%s\" (%s): %s ---- */\n\n", id, vm->label, vm->path,
		vm->elf_path);
	fprintf(f, "static const struct vz_region vm%u_regions[] = {\n", id);
	for (unsigned i = 0; i < vm->nregions; i++) {
		const struct cfg_region *r = &vm->regions[i];

		fprintf(f, "\t{ .gpa = 0x%08x, .rpa = 0x%08x, .size = 0x%08x, .flags = ",
			r->gpa, r->pa, r->size);
		region_flags(f, r);
		fprintf(f, " }, /* %s */\n", r->what);
	}
	fprintf(f, "};\n\n");

	fprintf(f, "/* %u entries, %u wired. */\n", vm->nentries, vm->nwired);
	fprintf(f, "static const struct vz_tlb_entry vm%u_tlb[] = {\n", id);
	for (unsigned i = 0; i < vm->nentries; i++) {
		const struct cfg_tlb_entry *e = &vm->entries[i];

		fprintf(f, "\t{ .entryhi = 0x%08x, .pagemask = 0x%08x, .entrylo0 = 0x%08x, "
			".entrylo1 = 0x%08x }, /* 2 x %s:", e->vpn2_base, tlb_pagemask(e->page_size),
			entrylo(e, 0), entrylo(e, 1), size_name(e->page_size, sz, sizeof sz));
		for (int h = 0; h < 2; h++) {
			if (e->valid[h])
				fprintf(f, " %08x->%08x", e->half[h].gpa, e->half[h].pa);
			else
				fprintf(f, " -");
		}
		fprintf(f, " */\n");
	}
	fprintf(f, "};\n\n");

	for (unsigned i = 0; i < nb; i++) {
		const struct cfg_block *b = blocks[i];

		if (!block_guarded(b))
			continue;
		fprintf(f, "static const struct vz_subpage vm%u_block%u_subpages[] = {\n", id, i);
		for (unsigned s = 0; s < b->size / SUBPAGE_SIZE; s++)
			fprintf(f, "\t{ { 0x%08x, 0x%08x, 0x%08x, 0x%08x } }, /* +0x%03x */\n",
				b->sub[s].allow[0], b->sub[s].allow[1], b->sub[s].allow[2],
				b->sub[s].allow[3], s * SUBPAGE_SIZE);
		fprintf(f, "};\n\n");
	}
	if (nb) {
		fprintf(f, "static const struct vz_block vm%u_blocks[] = {\n", id);
		for (unsigned i = 0; i < nb; i++) {
			const struct cfg_block *b = blocks[i];

			fprintf(f, "\t{ .gpa = 0x%08x, .rpa = 0x%08x, .size = 0x%x, .kind = %s, "
				".subpages = ", b->base, b->base, b->size, block_kind(b));
			if (block_guarded(b))
				fprintf(f, "vm%u_block%u_subpages", id, i);
			else
				fprintf(f, "0");
			fprintf(f, " }, /* %s: %s */\n",
				b->device >= 0 ? sys->devices[b->device].name : "registers", b->prop);
		}
		fprintf(f, "};\n\n");
	}
	if (vm->nsetup) {
		fprintf(f, "static const struct vz_reg_write vm%u_setup[] = {\n", id);
		for (unsigned i = 0; i < vm->nsetup; i++)
			fprintf(f, "\t{ .pa = 0x%08x, .value = 0x%08x },\n", phys(vm->setup[i].addr),
				vm->setup[i].value);
		fprintf(f, "};\n\n");
	}
}

static void emit_vm_config(FILE *f, const struct cfg_system *sys, const struct cfg_vm *vm)
{
	unsigned id = vm->id;
	unsigned nb = 0;

	for (unsigned i = 0; i < vm->nblocks; i++)
		nb += !vm->blocks[i].direct;
	fprintf(f, "\t{\n");
	fprintf(f, "\t\t.id = %u,\n", id);
	fprintf(f, "\t\t.flags = 0%s%s%s,\n", vm->polling ? " | VZ_VM_POLLING" : "",
		vm->no_autostart ? " | VZ_VM_NO_AUTOSTART" : "",
		vm->exc_micromips ? " | VZ_VM_EXC_MICROMIPS" : "");
	fprintf(f, "\t\t.cache_mode = %u,\n", (unsigned)vm->cache);
	fprintf(f, "\t\t.tlb_wired = %u,\n", vm->nwired);
	fprintf(f, "\t\t.name = \"%s\",\n", vm->label);
	fprintf(f, "\t\t.entry = 0x%08x,\n", vm->entry);
	fprintf(f, "\t\t.status = VZ_GUEST_STATUS_RESET,\n");
	fprintf(f, "\t\t.ebase = VZ_GUEST_EBASE_RESET,\n");
	fprintf(f, "\t\t.intctl = VZ_GUEST_INTCTL_RESET,\n");
	fprintf(f, "\t\t.regions = vm%u_regions,\n", id);
	fprintf(f, "\t\t.region_count = %u,\n", vm->nregions);
	fprintf(f, "\t\t.tlb_count = %u,\n", vm->nentries);
	fprintf(f, "\t\t.block_count = %u,\n", nb);
	fprintf(f, "\t\t.setup_count = %u,\n", vm->nsetup);
	fprintf(f, "\t\t.tlb = vm%u_tlb,\n", id);
	if (nb)
		fprintf(f, "\t\t.blocks = vm%u_blocks,\n", id);
	else
		fprintf(f, "\t\t.blocks = 0,\n");
	if (vm->nsetup)
		fprintf(f, "\t\t.setup = vm%u_setup,\n", id);
	else
		fprintf(f, "\t\t.setup = 0,\n");
	fprintf(f, "\t\t.irq_owned = {");
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++)
		fprintf(f, "%s0x%08x", w ? ", " : " ", vm->irq_owned[w]);
	fprintf(f, " },\n");
	fprintf(f, "\t\t.slice_ticks = %u,\n",
		vm->slice_us ? emit_slice_ticks(sys, vm->slice_us) : 0);
	fprintf(f, "\t\t.guest_tlb = %u,\n", vm->guest_tlb);
	if (vm->dma_channels)
		fprintf(f, "\t\t.dma_channels = 0x%02x,\n", vm->dma_channels);
	if (vm->wdt_period_ms)   /* DEVCFG1: FWDTWINSZ, FWDTEN, WDTPS, WINDIS */
		fprintf(f, "\t\t.wdt_devcfg1 = 0x%08x,\n", vm->wdt_devcfg1);
	fprintf(f, "\t},\n");
}

int emit_tables(FILE *f, const struct cfg_system *sys)
{
	const struct cfg_vm *order[CFG_MAX_VMS];

	/* vms[i].id == i + 1 */
	for (unsigned i = 0; i < sys->nvms; i++)
		order[sys->vms[i].id - 1] = &sys->vms[i];

	fprintf(f, "/* Generated by vzlet-config from %s. Do not edit: change the\n"
		" * system description and rebuild. Types: hypervisor/include/vzlet/vm_config.h. */\n"
		"#include <vzlet/vm_config.h>\n\n", sys->source);
	for (unsigned i = 0; i < sys->nvms; i++)
		/* NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage): ids are 1..n (dt_read) */
		emit_vm(f, sys, order[i]);

	fprintf(f, "static const struct vz_vm_config vz_vm_configs[%u] = {\n", sys->nvms);
	for (unsigned i = 0; i < sys->nvms; i++)
		emit_vm_config(f, sys, order[i]);
	fprintf(f, "};\n\n");

	fprintf(f, "/* Real interrupt sources: owning VM id (0 = hypervisor or nobody). */\n");
	fprintf(f, "static const uint8_t vz_irq_owner_table[VZ_NUM_IRQS] = {\n");
	for (unsigned irq = 0; irq < VZ_NUM_IRQS; irq++)
		if (sys->irq_owner[irq])
			fprintf(f, "\t[%u] = %u,\n", irq, sys->irq_owner[irq]);
	fprintf(f, "};\n\n");

	/* The board setup, then the bus permissions confining guest DMA. */
	unsigned nboard = sys->hv.nsetup + sys->nbus_plan;
	if (nboard) {
		fprintf(f, "static const struct vz_reg_write vz_board_setup_table[] = {\n");
		for (unsigned i = 0; i < sys->hv.nsetup; i++)
			fprintf(f, "\t{ .pa = 0x%08x, .value = 0x%08x },\n",
				phys(sys->hv.setup[i].addr), sys->hv.setup[i].value);
		for (unsigned i = 0; i < sys->nbus_plan; i++)
			fprintf(f, "\t{ .pa = 0x%08x, .value = 0x%08x }, /* DMA confinement */\n",
				sys->bus_plan[i].addr, sys->bus_plan[i].value);
		fprintf(f, "};\n\n");
	}

	/* Hypervisor threads: a stack each (in the hypervisor's RAM) and the
	 * hypervisor function it runs. */
	for (unsigned i = 0; i < sys->hv.nthreads; i++) {
		const struct cfg_thread *t = &sys->hv.threads[i];
		fprintf(f, "void hv_thread_%s(const struct vz_thread_config *self);\n", t->function);
		fprintf(f, "static uint32_t vz_thread_stack_%s[%u] __attribute__((aligned(8)));\n",
			t->name, t->stack_size / 4);
	}
	if (sys->hv.nthreads) {
		fprintf(f, "static const struct vz_thread_config vz_thread_table[] = {\n");
		for (unsigned i = 0; i < sys->hv.nthreads; i++) {
			const struct cfg_thread *t = &sys->hv.threads[i];
			fprintf(f, "\t{ .name = \"%s\", .entry = hv_thread_%s, .stack = vz_thread_stack_%s,\n"
				"\t  .stack_words = %u, .period_ticks = %u }, /* %u us */\n",
				t->name, t->function, t->name, t->stack_size / 4,
				emit_slice_ticks(sys, t->period_us), t->period_us);
		}
		fprintf(f, "};\n\n");
	}

	channels_emit(f, sys);
	health_emit(f, sys);
	windows_emit(f, sys);
	fprintf(f, "const struct vz_system vz_system = {\n");
	fprintf(f, "\t.num_vms = %u,\n", sys->nvms);
	fprintf(f, "\t.console_uart = %u,\n", sys->hv.console_uart);
	fprintf(f, "\t.board_setup_count = %u,\n", nboard);
	fprintf(f, "\t.guest_tlb_part = %u,\n", sys->guest_tlb_part);
	fprintf(f, "\t.console_baud = %u,\n", sys->hv.console_baud);
	fprintf(f, "\t.sysclk_hz = %u,\n", sys->hv.cpu_clock_hz);
	fprintf(f, "\t.pbclk2_hz = %u,\n", sys->hv.pbclk2_hz);
	fprintf(f, "\t.slice_ticks = %u, /* %u us */\n",
		emit_slice_ticks(sys, sys->hv.time_slice_us), sys->hv.time_slice_us);
	fprintf(f, "\t.vms = vz_vm_configs,\n");
	fprintf(f, "\t.irq_owner = vz_irq_owner_table,\n");
	fprintf(f, "\t.board_setup = %s,\n", nboard ? "vz_board_setup_table" : "0");
	fprintf(f, "\t.hv_flash_base = VZ_HV_FLASH_BASE,\n");
	fprintf(f, "\t.hv_flash_size = VZ_HV_FLASH_SIZE,\n");
	fprintf(f, "\t.hv_ram_base = VZ_HV_RAM_BASE,\n");
	fprintf(f, "\t.hv_ram_size = VZ_HV_RAM_SIZE,\n");
	if (sys->hv.nthreads)
		fprintf(f, "\t.threads = vz_thread_table,\n\t.num_threads = %u,\n", sys->hv.nthreads);
	if (sys->nchannels)
		fprintf(f, "\t.channels = vz_channel_table,\n\t.num_channels = %u,\n", sys->nchannels);
	if (sys->health_present)
		fprintf(f, "\t.health = vz_health_table,\n");
	if (sys->schedule.path[0])
		fprintf(f, "\t.schedule = &vz_schedule,\n");
	fprintf(f, "};\n\n");
	fprintf(f, "VZ_DEFINE_VM_STATE(%u);\n", sys->nvms);
	return ferror(f) ? -1 : 0;
}
