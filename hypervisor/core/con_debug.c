/* SPDX-License-Identifier: Apache-2.0 */
/* con_debug.c - the console's debug mode (tinyVP's d, e, i, t): `d` turns
 * recording on and off, `e`, `i` and `t` print the selected VM's last exits,
 * interrupts and time events, oldest first, from the rings dbgring.c
 * keeps (docs/console.md, "Debug mode"). */
#include <vzlet/hv.h>

static const char *const exc_names[32] = {
	[EXC_INT] = "Int", [EXC_MOD] = "Mod", [EXC_TLBL] = "TLBL", [EXC_TLBS] = "TLBS",
	[EXC_ADEL] = "AdEL", [EXC_ADES] = "AdES", [EXC_IBE] = "IBE", [EXC_DBE] = "DBE",
	[EXC_SYS] = "Sys", [EXC_BP] = "Bp", [EXC_RI] = "RI", [EXC_CPU] = "CpU",
	[EXC_OV] = "Ov", [EXC_TR] = "Tr", [EXC_DSPDIS] = "DSPDis", [EXC_GE] = "GE",
};
static const char *const gexc_names[16] = {
	[GEXC_GPSI] = "GPSI", [GEXC_GSFC] = "GSFC", [GEXC_HC] = "HC", [GEXC_GRR] = "GRR",
	[GEXC_GVA] = "GVA", [GEXC_GHFC] = "GHFC", [GEXC_GPA] = "GPA",
};
static const char *const ring_names[DBG_RINGS] = { "exits", "interrupts", "time events" };

static const char *name_or(const char *name, const char *other)
{
	return name ? name : other;
}

static void show_exit(const struct vz_dbg_entry *e)
{
	unsigned exc = e->kind & 31u;
	bool tlb = exc == EXC_TLBL || exc == EXC_TLBS || exc == EXC_MOD;
	con_printf(" %s%s%s pc=%08x %s=%08x\n", name_or(exc_names[exc], "exc?"),
		   exc == EXC_GE ? " " : "",
		   exc == EXC_GE ? name_or(gexc_names[e->x & 15u], "gexc?") : "",
		   e->a, tlb ? "gpa" : "insn", e->b);
}

static void show_irq(const struct vz_dbg_entry *e)
{
	if (e->kind == DBG_IRQ_RAISED)
		con_printf(" raised %u%s\n", e->a, e->b ? " (its device)" : "");
	else
		con_printf(" offered level %u (GuestCtl2 %08x)\n",
			   e->a >> GC2_GRIPL_SHIFT & 63u, e->a);
}

static void show_time(const struct vz_dbg_entry *e)
{
	switch (e->kind) {
	case DBG_T_COMPARE:
		if ((int32_t)e->b > 0)
			con_printf(" Compare=%08x, due in %u ticks\n", e->a, e->b);
		else
			con_printf(" Compare=%08x, passed %u ticks ago\n", e->a, 0u - e->b);
		break;
	case DBG_T_TIMER:
		con_printf(" timer due at %08x fired, %u ticks late\n", e->a, e->b);
		break;
	case DBG_T_WAIT:
		con_printf(" WAIT: leaves the CPU\n");
		break;
	case DBG_T_WAKE:
		con_printf(" woken\n");
		break;
	default:
		if (e->a)
			con_printf(" slice ended: vm%u next\n", e->a);
		else
			con_printf(" slice ended: runs on\n");
		break;
	}
}

static void show_ring(const struct vz_vm *vm, unsigned ring)
{
	unsigned n = dbg_held(vm, ring);
	con_printf("vm%u %s: last %u of %u %s%s\n", vm->id, vm->cfg->name, n,
		   vm->dbg.count[ring], ring_names[ring], dbg_on ? "" : " (recording off: d)");
	for (unsigned i = 0; i < n; i++) {
		const struct vz_dbg_entry *e = dbg_entry(vm, ring, i);
		uint32_t us = dbg_micros(e->when);
		con_printf("  %u.%06u", us / 1000000u, us % 1000000u);
		if (ring == DBG_EXITS)
			show_exit(e);
		else if (ring == DBG_IRQS)
			show_irq(e);
		else
			show_time(e);
	}
}

void con_debug_command(char c, const struct vz_vm *vm)
{
	switch (c) {
	case 'd':
		dbg_on = !dbg_on;
		con_printf("debug recording %s\n", dbg_on ? "on" : "off");
		break;
	case 'e':
		show_ring(vm, DBG_EXITS);
		break;
	case 'i':
		show_ring(vm, DBG_IRQS);
		break;
	default:
		show_ring(vm, DBG_TIME);
		break;
	}
}
