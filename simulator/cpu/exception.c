/* SPDX-License-Identifier: Apache-2.0 */
/* exception.c - exception entry, ERET, shadow register sets and the EIC
 * interrupt interface.
 *
 * VZ: exits from guest mode to root and guest exceptions taken to the guest
 * context belong in cpu_exception_entry(); guest interrupts (GuestCtl2) in
 * cpu_interrupt_pending()/cpu_check_interrupts(); ERET into a guest in
 * cpu_eret(). */
#include "cpu_internal.h"

void cpu_set_css(struct machine *m, unsigned css)
{
	struct cpu *c = &m->cpu;
	unsigned old = SRS_FIELD(c->cp0.srsctl, SRS_CSS_SHIFT);
	if (css == old)
		return;
	memcpy(c->srs[old], c->r, sizeof c->srs[old]);
	memcpy(c->r, c->srs[css], sizeof c->srs[css]);
	c->r[0] = 0;
	c->cp0.srsctl = (c->cp0.srsctl & ~0xFu) | css;
}

void cpu_exception_entry(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
			 unsigned flags, uint32_t badvaddr, unsigned ce)
{
	hazard_exception(m, true);
	if (unlikely(m->cpu.guest)) {
		vz_exception(m, code, pc, in_ds, flags, badvaddr, ce);
		return;
	}
	cpu_exception_entry_ctx(m, code, pc, in_ds, flags, badvaddr, ce, NULL);
}

/* Exception entry on the running context. bi: BadInstr/BadInstrP already read
 * (VZ exits read them through the guest's translation), or NULL. */
void cpu_exception_entry_ctx(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
			     unsigned flags, uint32_t badvaddr, unsigned ce, const uint32_t *bi)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = &c->cp0;
	uint32_t st = cp->status;
	bool exl = st & ST_EXL;
	uint32_t restart = in_ds ? pc - c->bsz : pc;
	uint32_t vector;
	bool mm = c->mm; /* the ISA of the interrupted code, kept in EPC bit 0 */

	hazard_exception(m, false); /* VZ exits come here directly */

	/* NestedExc/NestedEPC record every exception (Release 5). */
	cp->nestedexc = (st & (ST_EXL | ST_ERL));
	cp->nestedepc = restart | mm;

	if (!exl) {
		cp->epc = restart | mm;
		cp->cause = in_ds ? cp->cause | CA_BD : cp->cause & ~CA_BD;
	}
	cp->cause = (cp->cause & ~(CA_EXC | CA_CE)) | code << CA_EXC_SHIFT | (ce & 3) << CA_CE_SHIFT;

	if (flags & EXF_BADVADDR)
		cp->badvaddr = badvaddr;
	if (flags & EXF_TLB) {
		cp->context = (cp->context & 0xFF800000u) | ((badvaddr >> 9) & 0x007FFFF0u);
		cp->entryhi = (cp->entryhi & (EH_ASID | EH_EHINV)) | (badvaddr & EH_VPN2);
		cp->entryhi &= ~EH_EHINV;
	}
	if (flags & EXF_BADINSTR) {
		if (bi) {
			cp->badinstr = bi[0];
			if (in_ds)
				cp->badinstrp = bi[1];
		} else {
			cp->badinstr = mmu_peek_insn(m, pc);
			if (in_ds)
				cp->badinstrp = mmu_peek_insn(m, pc - c->bsz);
		}
	}

	if (st & ST_BEV) {
		if ((flags & EXF_REFILL) && !exl)
			vector = 0xBFC00200u;
		else if ((flags & EXF_INTERRUPT) && (cp->cause & CA_IV))
			vector = 0xBFC00400u;
		else
			vector = 0xBFC00380u;
	} else {
		uint32_t base = (cp->ebase & 0xFFFFF000u);
		if ((flags & EXF_REFILL) && !exl)
			vector = base;
		else if ((flags & EXF_INTERRUPT) && (cp->cause & CA_IV))
			vector = base + (c->guest ? c->vz_irq_voff : c->eic_voff);
		else
			vector = base + 0x180;
		/* Shadow sets: PSS <- CSS, CSS <- EICSS (vectored interrupt) or ESS. */
		if (!exl && SRS_FIELD(cp->srsctl, SRS_HSS_SHIFT) > 0) {
			unsigned css = SRS_FIELD(cp->srsctl, SRS_CSS_SHIFT);
			unsigned next = ((flags & EXF_INTERRUPT) && (cp->cause & CA_IV)) ?
				c->eic_eicss : SRS_FIELD(cp->srsctl, SRS_ESS_SHIFT);
			cp->srsctl = (cp->srsctl & ~(0xFu << SRS_PSS_SHIFT)) | css << SRS_PSS_SHIFT;
			cpu_set_css(m, next);
		}
	}
	/* Status.IPL is left alone: in EIC mode the handler's prologue copies
	 * Cause.RIPL into Status.IPL itself (the MCU ASE's automatic prologue,
	 * IntCtl.APE, is not modelled and reads 0). */
	cp->status |= ST_EXL;

	c->pc = vector;
	c->in_ds = false;
	cpu_set_isa(m, (cp->config[3] & CFG3_ISAONEXC) != 0);
	c->exc_seq++;
	c->limit = 0;
	m->cycle += CYC_EXC_ENTRY;
	mmu_mode_changed(m);
}

void cpu_raise(struct machine *m, unsigned code)
{
	cpu_exception_entry(m, code, cpu_cur_pc(&m->cpu), m->cpu.in_ds, EXF_BADINSTR, 0, 0);
}

void cpu_raise_ce(struct machine *m, unsigned code, unsigned ce)
{
	cpu_exception_entry(m, code, cpu_cur_pc(&m->cpu), m->cpu.in_ds, EXF_BADINSTR, 0, ce);
}

void cpu_raise_addr(struct machine *m, unsigned code, uint32_t va)
{
	cpu_exception_entry(m, code, cpu_cur_pc(&m->cpu), m->cpu.in_ds,
			    EXF_BADINSTR | EXF_BADVADDR, va, 0);
}

void cpu_set_isa(struct machine *m, bool mm)
{
	struct cpu *c = &m->cpu;
	if (c->mm == mm)
		return;
	c->mm = mm;
	c->isz = c->bsz = 4;
	c->limit = 0;
}

void cpu_jump(struct machine *m, uint32_t target)
{
	struct cpu *c = &m->cpu;
	cpu_set_isa(m, target & 1);
	target &= ~1u;
	c->pc = target;
	if (!c->mm && (target & 2)) {
		/* The fetch at target faults: EPC = BadVAddr = target. */
		c->pc = target + 4;
		c->isz = 4;
		c->in_ds = false;
		mmu_fault(m, target, EXC_ADEL, true);
	}
}

void cpu_eret(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = &c->cp0;
	uint32_t target;
	if (cp->status & ST_ERL) {
		target = cp->errorepc;
		cp->status &= ~ST_ERL;
	} else {
		target = cp->epc;
		cp->status &= ~ST_EXL;
		if (SRS_FIELD(cp->srsctl, SRS_HSS_SHIFT) > 0 && !(cp->status & ST_BEV))
			cpu_set_css(m, SRS_FIELD(cp->srsctl, SRS_PSS_SHIFT));
	}
	cp->llbit = false;
	mmu_mode_changed(m);
	cpu_request_irq_check(m);
	if (!c->guest)
		vz_update_mode(m); /* root ERET with GuestCtl0.GM enters the guest */
	cpu_jump(m, target);
}

/* ---- Interrupts (EIC mode: Config3.VEIC = 1 on the PIC32MZ) ---------- */

bool cpu_interrupt_pending(struct machine *m, bool ignore_ie)
{
	const struct cp0 *cp = root_cp0(&m->cpu); /* root interrupts, in either mode */
	unsigned ipl = (cp->status & ST_IPL) >> ST_IPL_SHIFT;
	if (m->cpu.eic_ripl <= ipl)
		return false;
	if (ignore_ie)
		return true; /* WAIT wake-up: Config7.WII = 1 */
	return (cp->status & (ST_IE | ST_EXL | ST_ERL)) == ST_IE &&
	       !(cp->debug & 0x40000000u);
}

void cpu_check_interrupts(struct machine *m)
{
	struct cpu *c = &m->cpu;
	c->irq_check = false;
	if (unlikely(c->hz.exec))
		hazard_irq(m);
	if (cpu_interrupt_pending(m, false)) {
		soc_irq_taken(m);
		cpu_exception_entry(m, EXC_INT, c->pc, false, EXF_INTERRUPT | EXF_ROOT, 0, 0);
	} else if (unlikely(c->guest) && vz_guest_irq_pending(m))
		vz_take_guest_irq(m);
}

void cpu_eic_update(struct machine *m, unsigned ripl, uint32_t voff, unsigned eicss)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = root_cp0(c);
	c->eic_ripl = ripl & 0x3F;
	c->eic_voff = voff;
	c->eic_eicss = eicss & 0xF;
	cp->cause = (cp->cause & ~CA_RIPL) | c->eic_ripl << CA_RIPL_SHIFT;
	cp->srsctl = (cp->srsctl & ~(0xFu << SRS_EICSS_SHIFT)) | c->eic_eicss << SRS_EICSS_SHIFT;
	cpu_request_irq_check(m);
}
