/* SPDX-License-Identifier: Apache-2.0 */
/* vz.c - the MIPS VZ module: guest mode, the guest CP0 context, exits to
 * root, two-stage translation, guest interrupts (GuestCtl2) and the guest
 * timer, and the root side (GuestCtl*, GTOffset, MFGC0/MTGC0, TLBG*).
 *
 * c->cp0 is always the running context. Entering guest mode swaps the guest
 * context in and parks root's in c->other; any exception taken by root swaps
 * back. So the core's CP0, TLB, exception and ERET code serves both contexts,
 * and guest-mode checks sit only on slow paths. The decisions (what traps,
 * which fields, reset values) are vz_policy.c; docs/simulator-vz.md explains
 * them. */
#include <stdlib.h>

#include "cpu_internal.h"
#include "vz_policy.h"

/* ---- Contexts and modes ------------------------------------------------ */

static void swap_contexts(struct cpu *c)
{
	struct cp0 t = c->cp0;
	c->cp0 = c->other;
	c->other = t;
	c->guest = !c->guest;
}

static void enter_guest(struct machine *m)
{
	struct cpu *c = &m->cpu;
	swap_contexts(c);
	mmu_mode_changed(m);
	cpu_request_irq_check(m);
	machine_event(m, VZSIM_EV_GUEST_ENTER, c->gctl1 & VZ_GC1_ID, 0, 0, c->pc);
}

static void leave_guest(struct machine *m)
{
	struct cpu *c = &m->cpu;
	swap_contexts(c);
	mmu_mode_changed(m);
}

void vz_update_mode(struct machine *m)
{
	struct cpu *c = &m->cpu;
	if (c->guest || !(c->gctl0 & VZ_GC0_GM))
		return;
	if ((c->cp0.status & (ST_EXL | ST_ERL)) || (c->cp0.debug & 0x40000000u))
		return;
	enter_guest(m);
}

/* The storage of a guest context register (NULL: computed or absent). */
static uint32_t *ctx_field(struct cp0 *cp, unsigned reg, unsigned sel)
{
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(0, 0): return &cp->index;
	case VZ_CP0(2, 0): return &cp->entrylo0;
	case VZ_CP0(3, 0): return &cp->entrylo1;
	case VZ_CP0(4, 0): return &cp->context;
	case VZ_CP0(4, 2): return &cp->userlocal;
	case VZ_CP0(5, 0): return &cp->pagemask;
	case VZ_CP0(5, 1): return &cp->pagegrain;
	case VZ_CP0(6, 0): return &cp->wired;
	case VZ_CP0(7, 0): return &cp->hwrena;
	case VZ_CP0(8, 0): return &cp->badvaddr;
	case VZ_CP0(8, 1): return &cp->badinstr;
	case VZ_CP0(8, 2): return &cp->badinstrp;
	case VZ_CP0(10, 0): return &cp->entryhi;
	case VZ_CP0(11, 0): return &cp->compare;
	case VZ_CP0(12, 0): return &cp->status;
	case VZ_CP0(12, 1): return &cp->intctl;
	case VZ_CP0(12, 2): return &cp->srsctl;
	case VZ_CP0(12, 3): return &cp->srsmap;
	case VZ_CP0(12, 5): return &cp->srsmap2;
	case VZ_CP0(13, 0): return &cp->cause;
	case VZ_CP0(13, 5): return &cp->nestedexc;
	case VZ_CP0(14, 0): return &cp->epc;
	case VZ_CP0(14, 2): return &cp->nestedepc;
	case VZ_CP0(15, 1): return &cp->ebase;
	case VZ_CP0(16, 0): case VZ_CP0(16, 1): case VZ_CP0(16, 2):
	case VZ_CP0(16, 3): case VZ_CP0(16, 4): case VZ_CP0(16, 5):
		return &cp->config[sel];
	case VZ_CP0(17, 0): return &cp->lladdr;
	case VZ_CP0(30, 0): return &cp->errorepc;
	case VZ_CP0(31, 2): return &cp->kscratch[0];
	case VZ_CP0(31, 3): return &cp->kscratch[1];
	default: return NULL;
	}
}

/* [4] The guest's part of the shared TLB: Config1.MMUSize + 1 entries.
 * The field keeps what the hardware accepted (root reads it back). */
static void guest_tlb_size_from_config(struct cp0 *g)
{
	unsigned mmusize = (g->config[1] >> 25) & 0x3F;
	if (mmusize > VZ_GUEST_MMUSIZE_MAX)
		mmusize = VZ_GUEST_MMUSIZE_MAX;
	g->config[1] = (g->config[1] & ~0x7E000000u) | mmusize << 25;
	g->tlb_size = mmusize + 1;
}

static void guest_timer_fire(struct machine *m, struct event *ev)
{
	(void)ev;
	guest_cp0(&m->cpu)->cause |= CA_TI;
	vz_guest_timer_reschedule(m);
}

void vz_init(struct machine *m)
{
	struct cpu *c = &m->cpu;
	c->gtimer_ev = calloc(1, sizeof *c->gtimer_ev);
	if (!c->gtimer_ev)
		machine_fatal(m, "cpu: out of host memory");
}

void vz_free(struct machine *m)
{
	struct cpu *c = &m->cpu;
	if (c->gtimer_ev)
		event_cancel(m, c->gtimer_ev);
	free(c->gtimer_ev);
	c->gtimer_ev = NULL;
}

/* Guest context at chip reset [3.12]; cp0 is root's (root mode). */
void vz_reset(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct cp0 *g = &c->other;
	c->guest = false;
	memset(g, 0, sizeof *g);
	for (unsigned reg = 0; reg < 32; reg++) {
		for (unsigned sel = 0; sel < 8; sel++) {
			uint32_t *p = ctx_field(g, reg, sel);
			if (p)
				*p = vz_policy_guest_reset(reg, sel);
		}
	}
	guest_tlb_size_from_config(g);
	c->gctl0 = vz_policy_gctl0_reset();
	c->gctl0ext = c->gctl1 = c->gctl2 = c->gctl3 = c->gtoffset = 0;
	c->vz_gpa = 0;
	if (c->gtimer_ev) {
		c->gtimer_ev->fn = NULL;
		vz_guest_timer_reschedule(m);
	}
}

/* ---- Guest timer --------------------------------------------------------- */

void vz_guest_timer_reschedule(struct machine *m)
{
	struct cpu *c = &m->cpu;
	if (!c->gtimer_ev)
		return;
	if (root_cp0(c)->cause & CA_DC) {
		event_cancel(m, c->gtimer_ev);
		return;
	}
	uint32_t now = cp0_root_count(m) + c->gtoffset;
	uint64_t ticks = (uint32_t)(guest_cp0(c)->compare - now);
	if (ticks == 0)
		ticks = 1ull << 32;
	c->gtimer_ev->fn = guest_timer_fire;
	c->gtimer_ev->name = "guest timer";
	event_schedule(m, c->gtimer_ev, ((m->cycle >> 1) + ticks) << 1);
	c->limit = 0;
}

/* A guest writing Count (GT = 1) moves its offset from root Count [3.4]. */
void vz_guest_count_write(struct machine *m, uint32_t v)
{
	m->cpu.gtoffset = v - cp0_root_count(m);
	vz_guest_timer_reschedule(m);
}

/* ---- Exits and guest exceptions ----------------------------------------- */

/* Leave guest mode and take a root exception. GExcCode from flags. */
static void exit_to_root(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
			 unsigned flags, uint32_t badvaddr, unsigned ce)
{
	struct cpu *c = &m->cpu;
	uint32_t bi[2] = { 0, 0 };
	if (flags & EXF_BADINSTR) { /* read through the guest's translation */
		bi[0] = mmu_peek_insn(m, pc);
		if (in_ds)
			bi[1] = mmu_peek_insn(m, pc - c->bsz);
	}
	leave_guest(m);
	if (flags & EXF_GEXC)
		c->gctl0 = (c->gctl0 & ~VZ_GC0_GEXC) |
			   ((flags >> 8) & 0x1Fu) << VZ_GC0_GEXC_SHIFT;
	cpu_exception_entry_ctx(m, code, pc, in_ds, flags, badvaddr, ce, bi);
	machine_event(m, VZSIM_EV_GUEST_EXIT, c->gctl1 & VZ_GC1_ID, code,
		      (c->gctl0 & VZ_GC0_GEXC) >> VZ_GC0_GEXC_SHIFT, pc);
}

void vz_exception(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
		  unsigned flags, uint32_t badvaddr, unsigned ce)
{
	struct cpu *c = &m->cpu;
	bool irq = (flags & EXF_INTERRUPT) != 0;

	/* Root's by nature: bus errors (the bus is root's) [3.17]; a guest RI
	 * while GuestCtl0.RI redirects it (GRR). */
	if (!(flags & EXF_ROOT)) {
		if (code == EXC_IBE || code == EXC_DBE) {
			flags |= EXF_GEXC_CODE(VZ_GEXC_GVA) | EXF_BADVADDR;
		} else if (code == EXC_RI && (c->gctl0 & VZ_GC0_RI)) {
			code = EXC_GE;
			flags |= EXF_GEXC_CODE(VZ_GEXC_GRR);
		}
	}
	if (flags & EXF_ROOT) {
		exit_to_root(m, code, pc, in_ds, flags, badvaddr, ce);
		return;
	}

	/* The guest's own exception, on its context and vectors. */
	bool was_exl = (c->cp0.status & ST_EXL) != 0;
	cpu_exception_entry_ctx(m, code, pc, in_ds, flags, badvaddr, ce, NULL);
	/* [3.9] GHFC when hardware changed EXL 0 -> 1: the change is complete;
	 * root gets EPC = the guest vector. */
	if (!was_exl && vz_policy_ghfc(c->gctl0, c->gctl0ext, irq))
		exit_to_root(m, EXC_GE, c->pc, false, EXF_GEXC_CODE(VZ_GEXC_GHFC), 0, 0);
}

void vz_exit_insn(struct machine *m, unsigned gexc)
{
	struct cpu *c = &m->cpu;
	exit_to_root(m, EXC_GE, cpu_cur_pc(c), c->in_ds, EXF_BADINSTR | EXF_GEXC_CODE(gexc), 0, 0);
}

/* ---- Guest CP0 instruction checks ---------------------------------------- */

bool vz_guest_mfc0_ok(struct machine *m, unsigned reg, unsigned sel)
{
	struct cpu *c = &m->cpu;
	if (vz_policy_mfc0(reg, sel, c->gctl0, c->gctl0ext) == VZ_EXEC)
		return true;
	vz_exit_insn(m, VZ_GEXC_GPSI);
	return false;
}

bool vz_guest_mtc0_ok(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cpu *c = &m->cpu;
	uint32_t *p = ctx_field(&c->cp0, reg, sel);
	uint32_t old = p ? *p : 0;
	/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): c is &m->cpu, never NULL */
	switch (vz_policy_mtc0(reg, sel, c->gctl0, c->gctl0ext, old, v)) {
	case VZ_EXEC:
		return true;
	case VZ_GSFC:
		vz_exit_insn(m, VZ_GEXC_GSFC);
		return false;
	default:
		vz_exit_insn(m, VZ_GEXC_GPSI);
		return false;
	}
}

bool vz_guest_privop_ok(struct machine *m, unsigned op)
{
	struct cpu *c = &m->cpu;
	if (vz_policy_privop((enum vz_privop)op, c->gctl0) == VZ_EXEC)
		return true;
	vz_exit_insn(m, VZ_GEXC_GPSI);
	return false;
}

bool vz_guest_cu1_ok(struct machine *m)
{
	struct cpu *c = &m->cpu;
	if (c->other.status & ST_CU1)
		return true;
	/* Root's FPU permission: root CpU with CE = 1 (lazy FPU switching). */
	exit_to_root(m, EXC_CPU, cpu_cur_pc(c), c->in_ds, EXF_BADINSTR | EXF_ROOT, 0, 1);
	return false;
}

bool vz_guest_mx_ok(struct machine *m)
{
	struct cpu *c = &m->cpu;
	if (c->other.status & ST_MX)
		return true;
	/* Root's DSP permission (lazy DSP context switching), like CU1. */
	exit_to_root(m, EXC_DSPDIS, cpu_cur_pc(c), c->in_ds, EXF_BADINSTR | EXF_ROOT, 0, 0);
	return false;
}

/* ---- Two-stage translation ------------------------------------------------ */

unsigned vz_translate_gpa(struct machine *m, enum access acc, struct xlate *x)
{
	struct cpu *c = &m->cpu;
	const struct cp0 *r = &c->other;   /* root context (guest mode) */
	uint32_t gpa = x->pa;
	unsigned tlbl = acc == ACC_STORE ? EXC_TLBS : EXC_TLBL;
	c->vz_gpa = gpa;
	struct tlb_owner second = { false, c->gctl1 & VZ_GC1_ID };
	int i = tlb_lookup(c, gpa, r->entryhi & EH_ASID, second);
	if (i < 0)
		return tlbl | XL_REFILL | XL_ROOT;
	const struct tlb_entry *e = &c->tlb[i];
	uint32_t page = ((e->pagemask | 0x1FFFu) + 1) >> 1;
	uint32_t lo = e->entrylo[(gpa & page) ? 1 : 0];
	if (!(lo & EL_V))
		return tlbl | XL_ROOT;
	if (acc == ACC_FETCH && (lo & EL_XI) && (r->pagegrain & PG_XIE))
		return ((r->pagegrain & PG_IEC) ? EXC_TLBXI : EXC_TLBL) | XL_ROOT;
	if (acc == ACC_LOAD && (lo & EL_RI) && (r->pagegrain & PG_RIE))
		return ((r->pagegrain & PG_IEC) ? EXC_TLBRI : EXC_TLBL) | XL_ROOT;
	if (acc == ACC_STORE && !(lo & EL_D))
		return EXC_MOD | XL_ROOT;
	uint32_t base = ((lo >> 6) & 0x00FFFFFFu) << 12;
	x->pa = (base & ~(page - 1)) | (gpa & (page - 1));
	return 0;
}

/* ---- Guest interrupts (GuestCtl2, EIC mode) ------------------------------ */

bool vz_guest_irq_pending(struct machine *m)
{
	struct cpu *c = &m->cpu;
	return vz_policy_guest_irq_pending(c->gctl2, c->cp0.status);
}

void vz_take_guest_irq(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct cp0 *g = &c->cp0;
	unsigned ripl = (c->gctl2 & VZ_GC2_GRIPL) >> VZ_GC2_GRIPL_SHIFT;
	unsigned vs = (g->intctl >> 5) & 0x1F;
	c->vz_irq_ripl = ripl;
	c->vz_irq_voff = vz_policy_guest_irq_offset(true, vs, c->gctl2);
	/* [3.15] Accepted: guest Cause.RIPL keeps the level, GRIPL clears. */
	g->cause = (g->cause & ~CA_RIPL) | ripl << CA_RIPL_SHIFT;
	c->gctl2 &= ~VZ_GC2_GRIPL;
	machine_event(m, VZSIM_EV_IRQ_TAKEN, c->gctl1 & VZ_GC1_ID, ripl, 0, c->pc);
	cpu_exception_entry(m, EXC_INT, c->pc, false, EXF_INTERRUPT, 0, 0);
}

/* ---- Root registers and instructions ------------------------------------- */

uint32_t vz_root_read(struct machine *m, unsigned reg, unsigned sel)
{
	struct cpu *c = &m->cpu;
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(12, 6): return c->gctl0;
	case VZ_CP0(11, 4): return c->gctl0ext;
	case VZ_CP0(10, 4): return c->gctl1;
	case VZ_CP0(10, 5): return c->gctl2;
	case VZ_CP0(10, 6): return c->gctl3;
	case VZ_CP0(12, 7): return c->gtoffset;
	default: return 0;
	}
}

void vz_root_write(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cpu *c = &m->cpu;
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(12, 6):
		c->gctl0 = vz_policy_gctl0_write(c->gctl0, v);
		vz_update_mode(m);
		break;
	case VZ_CP0(11, 4): c->gctl0ext = vz_policy_gctl0ext_write(c->gctl0ext, v); break;
	case VZ_CP0(10, 4): c->gctl1 = vz_policy_gctl1_write(c->gctl1, v); break;
	case VZ_CP0(10, 5): {
		struct cp0 *g = guest_cp0(c);
		c->gctl2 = vz_policy_gctl2_write(c->gctl2, v);
		unsigned ripl = (c->gctl2 & VZ_GC2_GRIPL) >> VZ_GC2_GRIPL_SHIFT;
		if (ripl) { /* the guest sees a requested level in Cause.RIPL */
			g->cause = (g->cause & ~CA_RIPL) | ripl << CA_RIPL_SHIFT;
			machine_event(m, VZSIM_EV_IRQ_INJECT, c->gctl1 & VZ_GC1_ID, ripl, 0, 0);
		}
		break;
	}
	case VZ_CP0(10, 6): c->gctl3 = vz_policy_gctl3_write(c->gctl3, v); break;
	case VZ_CP0(12, 7):
		c->gtoffset = v;
		vz_guest_timer_reschedule(m);
		break;
	default: break;
	}
}

uint32_t vz_mfgc0(struct machine *m, unsigned reg, unsigned sel)
{
	struct cpu *c = &m->cpu;
	struct cp0 *g = &c->other;    /* root mode: the guest context waits here */
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(1, 0): return tlb_random_of(m, g);
	case VZ_CP0(9, 0): return cp0_root_count(m) + c->gtoffset;
	case VZ_CP0(12, 4): return ((g->status & ST_IPL) >> ST_IPL_SHIFT) << 2;
	case VZ_CP0(13, 4): return ((g->cause & CA_RIPL) >> CA_RIPL_SHIFT) << 2;
	default: {
		uint32_t *p = ctx_field(g, reg, sel);
		return p ? *p : 0;
	}
	}
}

void vz_mtgc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cpu *c = &m->cpu;
	struct cp0 *g = &c->other;
	uint32_t *p = ctx_field(g, reg, sel);
	uint32_t mask = vz_policy_root_wmask(reg, sel);
	if (VZ_CP0(reg, sel) == VZ_CP0(12, 4)) {           /* View_IPL */
		g->status = (g->status & ~ST_IPL) | ((v >> 2) & 0x3F) << ST_IPL_SHIFT;
		return;
	}
	if (!p || !mask)
		return;
	*p = (*p & ~mask) | (v & mask);
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(11, 0):  /* Compare: clears the guest's TI */
		g->cause &= ~CA_TI;
		vz_guest_timer_reschedule(m);
		break;
	case VZ_CP0(15, 1):
		g->ebase |= 0x80000000u;
		break;
	case VZ_CP0(16, 1):
		guest_tlb_size_from_config(g);
		break;
	default:
		break;
	}
}

/* TLBG* (root mode): the guest TLB instructions on the guest context's
 * registers, for the guest entries of GuestCtl1.RID [4]: TLBGWI/TLBGWR tag
 * the entry with RID, TLBGR loads the entry's GuestID into RID, TLBGP and
 * the invalidates match RID. TLBGINV/TLBGINVF exist only with root
 * Config4.IE >= 2 (insn_vz.c raises RI before this). */
void vz_tlbg(struct machine *m, unsigned fn)
{
	struct cpu *c = &m->cpu;
	struct cp0 *g = &c->other;
	struct tlb_owner rid = tlb_rid_owner(c, true);
	switch (fn) {
	case 0x09: { /* TLBGR */
		int gid = tlb_read_ctx(m, g);
		if (gid >= 0)
			c->gctl1 = (c->gctl1 & ~VZ_GC1_RID) | (uint32_t)gid << VZ_GC1_RID_SHIFT;
		break;
	}
	case 0x0A: /* TLBGWI */
		if (!tlb_write_ctx(m, g, g->index & 0xFu, rid))
			tlb_machine_check(m);
		break;
	case 0x0E: /* TLBGWR */
		if (!tlb_write_ctx(m, g, tlb_random_of(m, g), rid))
			tlb_machine_check(m);
		break;
	case 0x10: /* TLBGP */
		tlb_probe_ctx(m, g, rid);
		break;
	case 0x0B: /* TLBGINV */
		tlb_invalidate(m, rid, false, g->entryhi & EH_ASID);
		break;
	case 0x0C: /* TLBGINVF */
		tlb_invalidate(m, rid, true, 0);
		break;
	default:
		break;
	}
}
