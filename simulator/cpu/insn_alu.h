/* SPDX-License-Identifier: Apache-2.0 */
/* insn_alu.h - the handlers that only compute on GPRs and HI/LO (and, for
 * the MDU, add their extra cycles to m->cycle): INSN_ALU_LIST and
 * INSN_MDU_LIST of insns.h (every entry of theirs costs 1 static cycle). They are inline so that the run loop executes
 * them in place; insn_int.c makes the op_ functions from the same bodies. */
#ifndef VZSIM_INSN_ALU_H
#define VZSIM_INSN_ALU_H

#include "insns.h"

#define ALU(name) static inline void alu_##name(struct machine *m, const struct insn *d)

ALU(nop) { (void)m; (void)d; }

ALU(sll) { RD = RT << d->sa; }
ALU(srl) { RD = RT >> d->sa; }
ALU(sra) { RD = (uint32_t)((int32_t)RT >> d->sa); }
ALU(rotr) { uint32_t v = RT; RD = d->sa ? (v >> d->sa) | (v << (32 - d->sa)) : v; }
ALU(sllv) { RD = RT << (RS & 31); }
ALU(srlv) { RD = RT >> (RS & 31); }
ALU(srav) { RD = (uint32_t)((int32_t)RT >> (RS & 31)); }
ALU(rotrv) { uint32_t v = RT, s = RS & 31; RD = s ? (v >> s) | (v << (32 - s)) : v; }

ALU(movz) { if (RT == 0) RD = RS; }
ALU(movn) { if (RT != 0) RD = RS; }

ALU(mfhi) { RD = m->cpu.hi; }
ALU(mthi) { m->cpu.hi = RS; }
ALU(mflo) { RD = m->cpu.lo; }
ALU(mtlo) { m->cpu.lo = RS; }

ALU(addu) { RD = RS + RT; }
ALU(subu) { RD = RS - RT; }
ALU(and) { RD = RS & RT; }
ALU(or) { RD = RS | RT; }
ALU(xor) { RD = RS ^ RT; }
ALU(nor) { RD = ~(RS | RT); }
ALU(slt) { RD = (int32_t)RS < (int32_t)RT; }
ALU(sltu) { RD = RS < RT; }

ALU(addiu) { RD = RS + d->imm; }
ALU(slti) { RD = (int32_t)RS < (int32_t)d->imm; }
ALU(sltiu) { RD = RS < d->imm; }
ALU(andi) { RD = RS & d->imm; }
ALU(ori) { RD = RS | d->imm; }
ALU(xori) { RD = RS ^ d->imm; }
ALU(lui) { (void)m; RD = d->imm; }

ALU(clz) { uint32_t v = RS; RD = v ? (uint32_t)__builtin_clz(v) : 32; }
ALU(clo) { uint32_t v = ~RS; RD = v ? (uint32_t)__builtin_clz(v) : 32; }

/* EXT: sa = lsb, imm = size (msbd + 1). */
ALU(ext)
{
	uint32_t v = RS >> d->sa;
	RD = d->imm >= 32 ? v : v & ((1u << d->imm) - 1);
}
/* INS: sa = lsb, imm = mask of the field in place. */
ALU(ins) { RD = (RT & ~d->imm) | ((RS << d->sa) & d->imm); }
ALU(wsbh) { uint32_t v = RT; RD = ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu); }
ALU(seb) { RD = (uint32_t)(int32_t)(int8_t)RT; }
ALU(seh) { RD = (uint32_t)(int32_t)(int16_t)RT; }

ALU(pref) { (void)m; (void)d; }
/* The predecode arrays are always coherent with stores, so SYNCI has
 * nothing to do; it costs its cycle. */

/* MDU cost: 16-bit rt operand 1 cycle, 32-bit 2 (hardware.md). */
static inline void mdu_mult_cost(struct machine *m, uint32_t rt, bool is_signed)
{
	bool narrow = is_signed ? ((int32_t)rt >= -32768 && (int32_t)rt <= 32767) : rt <= 0xFFFFu;
	if (!narrow)
		m->cycle += 1;
}

static inline void set_hilo(struct machine *m, uint64_t v)
{
	m->cpu.lo = (uint32_t)v;
	m->cpu.hi = (uint32_t)(v >> 32);
}

static inline uint64_t get_hilo(struct machine *m)
{
	return ((uint64_t)m->cpu.hi << 32) | m->cpu.lo;
}

ALU(mult) { mdu_mult_cost(m, RT, true); set_hilo(m, (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
ALU(multu) { mdu_mult_cost(m, RT, false); set_hilo(m, (uint64_t)RS * RT); }
ALU(madd) { mdu_mult_cost(m, RT, true); set_hilo(m, get_hilo(m) + (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
ALU(maddu) { mdu_mult_cost(m, RT, false); set_hilo(m, get_hilo(m) + (uint64_t)RS * RT); }
ALU(msub) { mdu_mult_cost(m, RT, true); set_hilo(m, get_hilo(m) - (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
ALU(msubu) { mdu_mult_cost(m, RT, false); set_hilo(m, get_hilo(m) - (uint64_t)RS * RT); }
/* MUL: 2 cycles for a 16-bit operand, 3 for 32-bit; HI/LO are unpredictable
 * afterwards on the M5150's MDU, we leave them alone. */
ALU(mul) { mdu_mult_cost(m, RT, true); m->cycle += 1; RD = (uint32_t)((int32_t)RS * (int64_t)(int32_t)RT); }

/* Divide early-out on the dividend's significant bits: 8/16/24/32 bits take
 * about 12/19/26/33 cycles. */
static inline void mdu_div_cost(struct machine *m, uint32_t magnitude)
{
	unsigned bits = magnitude ? 32 - (unsigned)__builtin_clz(magnitude) : 0;
	unsigned cost = bits <= 8 ? 12 : bits <= 16 ? 19 : bits <= 24 ? 26 : 33;
	m->cycle += cost - 1;
}

ALU(div)
{
	int32_t a = (int32_t)RS, b = (int32_t)RT;
	mdu_div_cost(m, a < 0 ? (uint32_t)-(int64_t)a : (uint32_t)a);
	if (b == 0)
		return; /* result unpredictable: HI/LO unchanged */
	if (a == INT32_MIN && b == -1) {
		m->cpu.lo = (uint32_t)INT32_MIN;
		m->cpu.hi = 0;
		return;
	}
	m->cpu.lo = (uint32_t)(a / b);
	m->cpu.hi = (uint32_t)(a % b);
}

ALU(divu)
{
	uint32_t a = RS, b = RT;
	mdu_div_cost(m, a);
	if (b == 0)
		return;
	m->cpu.lo = a / b;
	m->cpu.hi = a % b;
}

#undef ALU
#endif
