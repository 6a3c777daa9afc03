/* SPDX-License-Identifier: Apache-2.0 */
/* insn_micromips.c - the microMIPS instructions without a MIPS32 twin
 * (decode_micromips.c), and JALX, the MIPS32 jump into microMIPS.
 *
 * While a microMIPS instruction executes, c->pc is its address + its size
 * (cpu_cur_pc), so for a branch c->pc is its delay slot. Branch offsets are
 * relative to the slot, as in MIPS32, but count halfwords; a link address
 * is the address after the slot with bit 0 set (the ISA bit: return into
 * microMIPS). A branch whose slot must have one size (JALS: 16 bits, JAL:
 * 32) takes a reserved-instruction exception on the slot of the other size
 * (the architecture leaves it UNPREDICTABLE; strict choice, as QEMU). */
#include "insns.h"
#include "dsp.h"

/* Run the slot; then continue at target if taken, else after the slot. */
static inline void mm_branch(struct machine *m, const struct insn *d, bool taken)
{
	uint32_t target = m->cpu.pc + d->imm;
	if (mm_exec_delay_slot(m, d->flags) && taken)
		m->cpu.pc = target;
}

/* The link of a branch or jump: after its slot, whose size the entry
 * requires (a JR/JALR-like instruction linking to $0 requires none). */
static inline uint32_t mm_link(const struct machine *m, const struct insn *d)
{
	return (m->cpu.pc + ((d->flags & INSN_F_MM_SLOT16) ? 2 : 4)) | 1;
}

OP(mm_beq) { mm_branch(m, d, RS == RT); }
OP(mm_bne) { mm_branch(m, d, RS != RT); }
OP(mm_blez) { mm_branch(m, d, (int32_t)RS <= 0); }
OP(mm_bgtz) { mm_branch(m, d, (int32_t)RS > 0); }
OP(mm_bltz) { mm_branch(m, d, (int32_t)RS < 0); }
OP(mm_bgez) { mm_branch(m, d, (int32_t)RS >= 0); }
/* BLTZAL(S)/BGEZAL(S): the condition is read before the link is written. */
OP(mm_bltzal) { bool t = (int32_t)RS < 0; R(31) = mm_link(m, d); mm_branch(m, d, t); }
OP(mm_bgezal) { bool t = (int32_t)RS >= 0; R(31) = mm_link(m, d); mm_branch(m, d, t); }
OP(mm_bc1f) { if (cpu_cu1_usable(m)) mm_branch(m, d, !fpu_condition(&m->cpu.fpu, d->sa)); }
OP(mm_bc1t) { if (cpu_cu1_usable(m)) mm_branch(m, d, fpu_condition(&m->cpu.fpu, d->sa)); }
OP(mm_bposge32)
{
	struct cpu *c = &m->cpu;
	if (unlikely(c->hz.exec))
		hazard_mx_use(m);
	if (!(c->cp0.status & ST_MX)) {
		cpu_raise(m, EXC_DSPDIS);
		return;
	}
	if (unlikely(c->guest) && !vz_guest_mx_ok(m))
		return;
	mm_branch(m, d, (c->dsp.ctl & DSP_POS) >= 32);
}

/* Compact branches: no delay slot; relative to the next instruction. */
OP(mm_beqzc) { if (RS == 0) m->cpu.pc += d->imm; }
OP(mm_bnezc) { if (RS != 0) m->cpu.pc += d->imm; }

/* J/JAL/JALS: the target keeps bits 31:27 of the slot's address. */
static inline void mm_jump(struct machine *m, const struct insn *d, uint32_t target)
{
	if (mm_exec_delay_slot(m, d->flags))
		m->cpu.pc = target;
}
OP(mm_j) { mm_jump(m, d, (m->cpu.pc & 0xF8000000u) | d->imm); }
OP(mm_jal)
{
	uint32_t target = (m->cpu.pc & 0xF8000000u) | d->imm;
	R(31) = mm_link(m, d);
	mm_jump(m, d, target);
}
/* JALX: to MIPS32 code in the same 256 MB. */
OP(mm_jalx)
{
	uint32_t target = (m->cpu.pc & 0xF0000000u) | d->imm;
	R(31) = mm_link(m, d);
	if (mm_exec_delay_slot(m, d->flags))
		cpu_jump(m, target); /* bit 0 clear: MIPS32 */
}

/* JALR/JALRS/JR/JR16/JALR16/JALRS16 (rd = the sink for the JRs); sa = .HB.
 * The target's bit 0 picks the ISA. */
OP(mm_jalr)
{
	uint32_t target = RS;
	if (d->sa)
		m->cycle += CYC_EHB;
	RD = mm_link(m, d);
	if (mm_exec_delay_slot(m, d->flags)) {
		if (d->sa)
			hazard_barrier(m); /* in force after the slot */
		cpu_jump(m, target);
	}
}
/* JRC, and JRADDIUSP (sp += imm): compact, no slot. */
OP(mm_jrc)
{
	uint32_t target = RS;
	R(29) += d->imm;
	cpu_jump(m, target);
}

/* JALX (MIPS32): to microMIPS code in the same 256 MB. */
OP(jalx)
{
	uint32_t target = (m->cpu.pc & 0xF0000000u) | d->imm;
	R(31) = m->cpu.pc + 4;
	if (cpu_exec_delay_slot(m))
		cpu_jump(m, target | 1);
}

/* ---- Loads and stores ---------------------------------------------------- */

/* The registers LWM/SWM name: reglist bits 3:0 count s0, s1, ... (9 adds
 * fp = $30), bit 4 adds ra. Returns how many, 0 for an invalid list. */
static unsigned mm_reglist(unsigned list, uint8_t regs[10])
{
	unsigned n = list & 15, k = 0;
	if (n > 9 || list == 0)
		return 0;
	for (unsigned i = 0; i < n && i < 8; i++)
		regs[k++] = (uint8_t)(16 + i);
	if (n == 9)
		regs[k++] = 30;
	if (list & 16)
		regs[k++] = 31;
	return k;
}

/* A multiple or pair access in a delay slot, or an invalid register list,
 * is UNPREDICTABLE: a reserved instruction here (strict, as QEMU). */
static bool mm_multi_ok(struct machine *m, unsigned n)
{
	if (n == 0 || m->cpu.in_ds) {
		cpu_raise(m, EXC_RI);
		return false;
	}
	return true;
}

/* LWM writes no register unless every load succeeded (the instruction is
 * restarted from the beginning after a fault); SWM stores word by word. */
OP(mm_lwm)
{
	uint8_t regs[10];
	unsigned n = mm_reglist(d->sa, regs);
	uint32_t va = RS + d->imm, v[10];
	if (!mm_multi_ok(m, n))
		return;
	if (va & 3) {
		cpu_raise_addr(m, EXC_ADEL, va);
		return;
	}
	for (unsigned i = 0; i < n; i++)
		if (!mem_load(m, va + 4 * i, 4, &v[i]))
			return;
	for (unsigned i = 0; i < n; i++)
		R(regs[i]) = v[i];
}
OP(mm_swm)
{
	uint8_t regs[10];
	unsigned n = mm_reglist(d->sa, regs);
	uint32_t va = RS + d->imm;
	if (!mm_multi_ok(m, n))
		return;
	if (va & 3) {
		cpu_raise_addr(m, EXC_ADES, va);
		return;
	}
	for (unsigned i = 0; i < n; i++)
		if (!mem_store(m, va + 4 * i, 4, R(regs[i])))
			return;
}

/* LWP/SWP rt, rt + 1. LWP with rt = base or rt = 31 is UNPREDICTABLE. */
OP(mm_lwp)
{
	uint32_t va = RS + d->imm, v0, v1;
	if (!mm_multi_ok(m, d->rt == 31 || d->rt == d->rs ? 0 : 1))
		return;
	if (va & 3) {
		cpu_raise_addr(m, EXC_ADEL, va);
		return;
	}
	if (!mem_load(m, va, 4, &v0) || !mem_load(m, va + 4, 4, &v1))
		return;
	if (d->rt)
		R(d->rt) = v0;
	R(d->rt + 1) = v1;
}
OP(mm_swp)
{
	uint32_t va = RS + d->imm;
	if (!mm_multi_ok(m, d->rt == 31 ? 0 : 1))
		return;
	if (va & 3) {
		cpu_raise_addr(m, EXC_ADES, va);
		return;
	}
	if (mem_store(m, va, 4, RT))
		mem_store(m, va + 4, 4, R(d->rt + 1));
}

/* LWXS rd, index(base): base + index * 4. */
OP(mm_lwxs)
{
	uint32_t va = RS + (RT << 2), v;
	if (va & 3) {
		cpu_raise_addr(m, EXC_ADEL, va);
		return;
	}
	if (mem_load(m, va, 4, &v))
		RD = v;
}

/* ---- Others -------------------------------------------------------------- */

/* ADDIUPC: the instruction's own address, word-aligned, plus imm (also in
 * a delay slot; QEMU differs there, docs/testing.md). */
OP(mm_addiupc) { RD = (cpu_cur_pc(&m->cpu) & ~3u) + d->imm; }

/* MOVEP: both sources are read before either destination is written. */
OP(mm_movep)
{
	uint32_t a = RS, b = RT;
	R(d->rd) = a;
	R(d->sa) = b;
}
