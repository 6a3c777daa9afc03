/* SPDX-License-Identifier: Apache-2.0 */
/* insn_int.c - integer instructions that can raise (ADD/SUB/ADDI overflow,
 * traps, SYSCALL/BREAK, reserved), and the op_ functions of the pure ALU and
 * MDU handlers, whose bodies are in insn_alu.h. */
#include "insn_alu.h"

#define ALU_OP(name) OP(name) { alu_##name(m, d); }
INSN_ALU_LIST(ALU_OP)
INSN_MDU_LIST(ALU_OP)
#undef ALU_OP

OP(ehb) { (void)d; hazard_ehb(m); } /* cost is in d->cycles */
/* SYNC: posted SFR stores complete first (docs/cycle-model.md). */
OP(sync) { (void)d; soc_bus_sync(m); }

OP(add)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)RS, (int32_t)RT, &r)) {
		cpu_raise(m, EXC_OV);
		return;
	}
	RD = (uint32_t)r;
}
OP(sub)
{
	int32_t r;
	if (__builtin_sub_overflow((int32_t)RS, (int32_t)RT, &r)) {
		cpu_raise(m, EXC_OV);
		return;
	}
	RD = (uint32_t)r;
}

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

OP(syscall) { (void)d; cpu_raise(m, EXC_SYS); }
OP(break) { (void)d; cpu_raise(m, EXC_BP); }
OP(ri) { (void)d; cpu_raise(m, EXC_RI); }
/* COP2 and LWC2/SWC2/LDC2/SDC2: the M5150 has no coprocessor 2. */
OP(cpu_cop2) { (void)d; cpu_raise_ce(m, EXC_CPU, 2); }
