/* insn_int.c - integer ALU, shifts, multiply/divide, traps, bit fields,
 * SYSCALL/BREAK and the reserved-instruction handler. */
#include "insns.h"

OP(nop) { (void)m; (void)d; }
OP(ehb) { (void)m; (void)d; } /* cost is in d->cycles */

OP(sll) { RD = RT << d->sa; }
OP(srl) { RD = RT >> d->sa; }
OP(sra) { RD = (uint32_t)((int32_t)RT >> d->sa); }
OP(rotr) { uint32_t v = RT; RD = d->sa ? (v >> d->sa) | (v << (32 - d->sa)) : v; }
OP(sllv) { RD = RT << (RS & 31); }
OP(srlv) { RD = RT >> (RS & 31); }
OP(srav) { RD = (uint32_t)((int32_t)RT >> (RS & 31)); }
OP(rotrv) { uint32_t v = RT, s = RS & 31; RD = s ? (v >> s) | (v << (32 - s)) : v; }

OP(movz) { if (RT == 0) RD = RS; }
OP(movn) { if (RT != 0) RD = RS; }

OP(mfhi) { RD = m->cpu.hi; }
OP(mthi) { m->cpu.hi = RS; }
OP(mflo) { RD = m->cpu.lo; }
OP(mtlo) { m->cpu.lo = RS; }

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

OP(mult) { mdu_mult_cost(m, RT, true); set_hilo(m, (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
OP(multu) { mdu_mult_cost(m, RT, false); set_hilo(m, (uint64_t)RS * RT); }
OP(madd) { mdu_mult_cost(m, RT, true); set_hilo(m, get_hilo(m) + (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
OP(maddu) { mdu_mult_cost(m, RT, false); set_hilo(m, get_hilo(m) + (uint64_t)RS * RT); }
OP(msub) { mdu_mult_cost(m, RT, true); set_hilo(m, get_hilo(m) - (uint64_t)((int64_t)(int32_t)RS * (int32_t)RT)); }
OP(msubu) { mdu_mult_cost(m, RT, false); set_hilo(m, get_hilo(m) - (uint64_t)RS * RT); }
/* MUL: 2 cycles for a 16-bit operand, 3 for 32-bit; HI/LO are unpredictable
 * afterwards on the M5150's MDU, we leave them alone. */
OP(mul) { mdu_mult_cost(m, RT, true); m->cycle += 1; RD = (uint32_t)((int32_t)RS * (int64_t)(int32_t)RT); }

/* Divide early-out on the dividend's significant bits: 8/16/24/32 bits take
 * about 12/19/26/33 cycles. */
static void mdu_div_cost(struct machine *m, uint32_t magnitude)
{
	unsigned bits = magnitude ? 32 - (unsigned)__builtin_clz(magnitude) : 0;
	unsigned cost = bits <= 8 ? 12 : bits <= 16 ? 19 : bits <= 24 ? 26 : 33;
	m->cycle += cost - 1;
}

OP(div)
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

OP(divu)
{
	uint32_t a = RS, b = RT;
	mdu_div_cost(m, a);
	if (b == 0)
		return;
	m->cpu.lo = a / b;
	m->cpu.hi = a % b;
}

OP(add)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)RS, (int32_t)RT, &r)) {
		cpu_raise(m, EXC_OV);
		return;
	}
	RD = (uint32_t)r;
}
OP(addu) { RD = RS + RT; }
OP(sub)
{
	int32_t r;
	if (__builtin_sub_overflow((int32_t)RS, (int32_t)RT, &r)) {
		cpu_raise(m, EXC_OV);
		return;
	}
	RD = (uint32_t)r;
}
OP(subu) { RD = RS - RT; }
OP(and) { RD = RS & RT; }
OP(or) { RD = RS | RT; }
OP(xor) { RD = RS ^ RT; }
OP(nor) { RD = ~(RS | RT); }
OP(slt) { RD = (int32_t)RS < (int32_t)RT; }
OP(sltu) { RD = RS < RT; }

static inline void trap_if(struct machine *m, bool cond)
{
	if (cond)
		cpu_raise(m, EXC_TR);
}
OP(tge) { trap_if(m, (int32_t)RS >= (int32_t)RT); }
OP(tgeu) { trap_if(m, RS >= RT); }
OP(tlt) { trap_if(m, (int32_t)RS < (int32_t)RT); }
OP(tltu) { trap_if(m, RS < RT); }
OP(teq) { trap_if(m, RS == RT); }
OP(tne) { trap_if(m, RS != RT); }
OP(tgei) { trap_if(m, (int32_t)RS >= (int32_t)d->imm); }
OP(tgeiu) { trap_if(m, RS >= d->imm); }
OP(tlti) { trap_if(m, (int32_t)RS < (int32_t)d->imm); }
OP(tltiu) { trap_if(m, RS < d->imm); }
OP(teqi) { trap_if(m, RS == d->imm); }
OP(tnei) { trap_if(m, RS != d->imm); }

OP(addi)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)RS, (int32_t)d->imm, &r)) {
		cpu_raise(m, EXC_OV);
		return;
	}
	RD = (uint32_t)r;
}
OP(addiu) { RD = RS + d->imm; }
OP(slti) { RD = (int32_t)RS < (int32_t)d->imm; }
OP(sltiu) { RD = RS < d->imm; }
OP(andi) { RD = RS & d->imm; }
OP(ori) { RD = RS | d->imm; }
OP(xori) { RD = RS ^ d->imm; }
OP(lui) { RD = d->imm; }

OP(clz) { uint32_t v = RS; RD = v ? (uint32_t)__builtin_clz(v) : 32; }
OP(clo) { uint32_t v = ~RS; RD = v ? (uint32_t)__builtin_clz(v) : 32; }

/* EXT: sa = lsb, imm = size (msbd + 1). */
OP(ext)
{
	uint32_t v = RS >> d->sa;
	RD = d->imm >= 32 ? v : v & ((1u << d->imm) - 1);
}
/* INS: sa = lsb, imm = mask of the field in place. */
OP(ins) { RD = (RT & ~d->imm) | ((RS << d->sa) & d->imm); }
OP(wsbh) { uint32_t v = RT; RD = ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu); }
OP(seb) { RD = (uint32_t)(int32_t)(int8_t)RT; }
OP(seh) { RD = (uint32_t)(int32_t)(int16_t)RT; }

OP(syscall) { (void)d; cpu_raise(m, EXC_SYS); }
OP(break) { (void)d; cpu_raise(m, EXC_BP); }
OP(sync) { (void)m; (void)d; } /* one in-order core, no write buffer modelled */
OP(ri) { (void)d; cpu_raise(m, EXC_RI); }
/* COP2 and LWC2/SWC2/LDC2/SDC2: the M5150 has no coprocessor 2. */
OP(cpu_cop2) { (void)d; cpu_raise_ce(m, EXC_CPU, 2); }
