/* SPDX-License-Identifier: Apache-2.0 */
/* insn_branch.c - jumps and branches. The branch handler runs its delay
 * slot itself (cpu_exec_delay_slot), then redirects; so a branch and its
 * slot are never split by an interrupt or a burst boundary.
 * While a branch executes, c->pc is the address of its delay slot. */
#include "insns.h"

/* Branch target: imm is the sign-extended offset << 2, relative to the slot. */
static inline void branch(struct machine *m, const struct insn *d, bool taken)
{
	/* Only the next pc stays live across the delay slot. */
	uint32_t next = m->cpu.pc + (taken ? d->imm : 4);
	if (cpu_exec_delay_slot(m))
		m->cpu.pc = next;
}

static inline void branch_likely(struct machine *m, const struct insn *d, bool taken)
{
	if (!taken) {
		m->cpu.pc += 4; /* slot nullified */
		return;
	}
	branch(m, d, true);
}

static inline void link(struct machine *m, unsigned reg)
{
	m->cpu.r[reg] = m->cpu.pc + 4;
}

OP(j)
{
	uint32_t target = (m->cpu.pc & 0xF0000000u) | d->imm;
	if (cpu_exec_delay_slot(m))
		m->cpu.pc = target;
}
OP(jal) { link(m, 31); op_j(m, d); }

static inline void jump_reg(struct machine *m, uint32_t target)
{
	if (cpu_exec_delay_slot(m))
		cpu_jump(m, target);
}
OP(jr) { jump_reg(m, RS); }
/* JR.HB/JALR.HB: the barrier is in force after the delay slot. */
static inline void jump_reg_hb(struct machine *m, uint32_t target)
{
	m->cycle += CYC_EHB;
	if (cpu_exec_delay_slot(m)) {
		hazard_barrier(m);
		cpu_jump(m, target);
	}
}
OP(jr_hb) { jump_reg_hb(m, RS); }
OP(jalr) { uint32_t t = RS; link(m, d->rd); jump_reg(m, t); }
OP(jalr_hb) { uint32_t t = RS; link(m, d->rd); jump_reg_hb(m, t); }

#define BRANCH_OP(name, cond) OP(name) { branch(m, d, cond); }
INSN_BRANCH_LIST(BRANCH_OP)
#undef BRANCH_OP
OP(bal) { link(m, 31); branch(m, d, true); }
OP(beql) { branch_likely(m, d, RS == RT); }
OP(bnel) { branch_likely(m, d, RS != RT); }
OP(blezl) { branch_likely(m, d, (int32_t)RS <= 0); }
OP(bgtzl) { branch_likely(m, d, (int32_t)RS > 0); }
OP(bltzl) { branch_likely(m, d, (int32_t)RS < 0); }
OP(bgezl) { branch_likely(m, d, (int32_t)RS >= 0); }
/* The condition is read before the link is written (rs = 31 is
 * unpredictable on hardware; this is the natural reading). */
OP(bltzal) { bool t = (int32_t)RS < 0; link(m, 31); branch(m, d, t); }
OP(bgezal) { bool t = (int32_t)RS >= 0; link(m, 31); branch(m, d, t); }
OP(bltzall) { bool t = (int32_t)RS < 0; link(m, 31); branch_likely(m, d, t); }
OP(bgezall) { bool t = (int32_t)RS >= 0; link(m, 31); branch_likely(m, d, t); }

static inline bool cu1(struct machine *m) { return cpu_cu1_usable(m); }
/* BC1x: sa holds the condition code number. */
OP(bc1f) { if (cu1(m)) branch(m, d, !fpu_condition(&m->cpu.fpu, d->sa)); }
OP(bc1t) { if (cu1(m)) branch(m, d, fpu_condition(&m->cpu.fpu, d->sa)); }
OP(bc1fl) { if (cu1(m)) branch_likely(m, d, !fpu_condition(&m->cpu.fpu, d->sa)); }
OP(bc1tl) { if (cu1(m)) branch_likely(m, d, fpu_condition(&m->cpu.fpu, d->sa)); }
