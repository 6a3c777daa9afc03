/* SPDX-License-Identifier: Apache-2.0 */
/* insn_priv.c - the CP0 access path and privileged instructions: MFC0/MTC0,
 * TLB operations, ERET, WAIT, DI/EI, RDPGPR/WRPGPR, RDHWR, CACHE, and the
 * dispatch of COP1/COP1X/MOVCI into the FPU model.
 *
 * VZ: the guest-mode checks (GPSI/GSFC/GHFC, guest CP0 context) belong in
 * cp0_access_allowed() and in the handlers here. */
#include "insns.h"
#include "vz_policy.h"

/* In guest mode, a guest-kernel privileged instruction may exit to root
 * (GPSI) under GuestCtl0; guest-mode checks are only here, off the hot path. */
#define GUEST_PRIVOP(m, op) (likely(!(m)->cpu.guest) || vz_guest_privop_ok((m), (op)))

/* Coprocessor 0 usable by the running context, else CpU (CE = 0). */
static bool cp0_access_allowed(struct machine *m)
{
	if (unlikely(m->cpu.hz.exec))
		hazard_cp0_use(m);
	if (likely(cp0_usable(&m->cpu)))
		return true;
	cpu_raise_ce(m, EXC_CPU, 0);
	return false;
}

/* MFC0: rd = destination GPR, imm = CP0 register, sa = select. */
OP(mfc0)
{
	if (!cp0_access_allowed(m))
		return;
	if (unlikely(m->cpu.guest) && !vz_guest_mfc0_ok(m, d->imm, d->sa))
		return;
	if (unlikely(m->cpu.hz.exec))
		hazard_mfc0(m, 0, d->imm, d->sa);
	RD = cp0_read(m, d->imm, d->sa);
}
/* MTC0: rt = source GPR. */
OP(mtc0)
{
	if (!cp0_access_allowed(m))
		return;
	if (unlikely(m->cpu.guest) && !vz_guest_mtc0_ok(m, d->imm, d->sa, RT))
		return;
	hazard_mtc0(m, d->imm, d->sa, RT); /* cp0_write, tracked */
}

static bool tlb_op_allowed(struct machine *m)
{
	return cp0_access_allowed(m) && GUEST_PRIVOP(m, VZ_OP_TLB);
}
/* Each TLB instruction between the hazard checker's begin and end (fn:
 * its function field). */
#define TLB_OP(name, fn, body) OP(name)				\
{								\
	(void)d;						\
	if (!tlb_op_allowed(m))					\
		return;						\
	hazard_tlb_begin(m, 0, fn);				\
	body;							\
	hazard_tlb_end(m, 0);					\
}
TLB_OP(tlbr, 0x01, tlb_read(m))
TLB_OP(tlbwi, 0x02, tlb_write(m, m->cpu.cp0.index & 0xFu))
TLB_OP(tlbwr, 0x06, tlb_write(m, tlb_random(m)))
TLB_OP(tlbp, 0x08, tlb_probe(m))
#undef TLB_OP
/* TLBINV (imm 3) / TLBINVF (imm 4): only with Config4.IE >= 2; the M5150's
 * IE = 1 makes them reserved instructions, before any privilege check. */
OP(tlbinv)
{
	struct cpu *c = &m->cpu;
	if (!tlb_inv_present(c)) {
		cpu_raise(m, EXC_RI);
		return;
	}
	if (!tlb_op_allowed(m))
		return;
	struct tlb_owner o = c->guest ? tlb_running_owner(c) : tlb_rid_owner(c, false);
	hazard_tlb_begin(m, 0, d->imm);
	tlb_invalidate(m, o, d->imm == 4, c->cp0.entryhi & EH_ASID);
	hazard_tlb_end(m, 0);
}

OP(eret)
{
	(void)d;
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_ERET))
		return;
	m->cycle += CYC_ERET;
	hazard_eret(m);
	cpu_eret(m);
}

/* WAIT: with Config7.WII = 1 an interrupt that IE alone masks still wakes
 * the core; the run loop fast-forwards time to the next event. */
OP(wait)
{
	(void)d;
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_WAIT))
		return;
	if (cpu_interrupt_pending(m, true))
		return;
	m->cpu.waiting = true;
	m->cpu.limit = 0;
	machine_event(m, VZSIM_EV_IDLE_BEGIN, 0, 0, 0, m->cpu.pc - 4);
}

OP(di)
{
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_DEIE))
		return;
	RD = m->cpu.cp0.status;
	m->cpu.cp0.status &= ~ST_IE;
	if (RD & ST_IE)
		hazard_status_op(m, RD);
}
OP(ei)
{
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_DEIE))
		return;
	RD = m->cpu.cp0.status;
	m->cpu.cp0.status |= ST_IE;
	if (!(RD & ST_IE))
		hazard_status_op(m, RD);
	cpu_request_irq_check(m);
}

static inline unsigned pss(const struct cpu *c)
{
	return SRS_FIELD(c->cp0.srsctl, SRS_PSS_SHIFT);
}
static inline unsigned css(const struct cpu *c)
{
	return SRS_FIELD(c->cp0.srsctl, SRS_CSS_SHIFT);
}

/* RDPGPR rd, rt: GPR[rd] <- SRS[PSS][rt]. */
OP(rdpgpr)
{
	struct cpu *c = &m->cpu;
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_SRSGPR))
		return;
	if (unlikely(c->hz.exec))
		hazard_srs_use(m);
	RD = pss(c) == css(c) ? c->r[d->rt] : c->srs[pss(c)][d->rt];
}
/* WRPGPR rd, rt: SRS[PSS][rd] <- GPR[rt]; sa holds rd. */
OP(wrpgpr)
{
	struct cpu *c = &m->cpu;
	if (!cp0_access_allowed(m) || !GUEST_PRIVOP(m, VZ_OP_SRSGPR))
		return;
	if (unlikely(c->hz.exec))
		hazard_srs_use(m);
	if (d->sa == 0)
		return;
	if (pss(c) == css(c))
		c->r[d->sa] = RT;
	else
		c->srs[pss(c)][d->sa] = RT;
}

/* RDHWR rt, rd: sa = hardware register; allowed in kernel mode, with CU0,
 * or when HWREna enables it. */
OP(rdhwr)
{
	struct cpu *c = &m->cpu;
	unsigned hw = d->sa;
	uint32_t v;
	bool enabled = cp0_usable(c) || (c->cp0.hwrena >> hw) & 1;
	switch (hw) {
	case 0: v = c->cp0.ebase & 0x3FFu; break;  /* CPUNum */
	case 1: v = 16; break;                      /* SYNCI_Step: cache line */
	case 2: v = cp0_count(m); break;            /* CC */
	case 3: v = 2; break;                       /* CCRes: Count ticks every 2 cycles */
	case 29:
		if (!(c->cp0.config[3] & (1u << 13))) {
			enabled = false;
			v = 0;
			break;
		}
		v = c->cp0.userlocal;
		break;
	default: enabled = false; v = 0; break;
	}
	if (!enabled) {
		cpu_raise(m, EXC_RI);
		return;
	}
	if (unlikely(c->guest) && vz_policy_rdhwr(hw, c->gctl0) != VZ_EXEC) {
		vz_exit_insn(m, VZ_GEXC_GPSI);
		return;
	}
	RD = v;
}

/* CACHE op, offset(base): kernel only (or CU0); in guest mode GuestCtl0.CG
 * and GuestCtl0Ext.CGI decide (vz_policy_cache); what runs acts on the
 * one physical cache (cache.c), a guest's hit operations on its own
 * addresses through both translation stages. */
OP(cache)
{
	struct cpu *c = &m->cpu;
	if (!cp0_access_allowed(m))
		return;
	if (unlikely(c->guest) &&
	    vz_policy_cache(d->rt, c->gctl0, c->gctl0ext) != VZ_EXEC) {
		vz_exit_insn(m, VZ_GEXC_GPSI);
		return;
	}
	cache_op(m, d->rt, RS + d->imm);
}

static void fpu_result(struct machine *m, enum fpu_result r)
{
	switch (r) {
	case FPU_OK: case FPU_EXC_ADDR: break;
	case FPU_EXC_FPE: cpu_raise(m, EXC_FPE); break;
	case FPU_EXC_RI: cpu_raise(m, EXC_RI); break;
	}
}

OP(cop1)
{
	if (!cpu_cu1_usable(m))
		return;
	fpu_result(m, fpu_exec(m, d->raw));
}
OP(movci) { op_cop1(m, d); }
