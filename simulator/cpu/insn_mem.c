/* SPDX-License-Identifier: Apache-2.0 */
/* insn_mem.c - loads and stores, LL/SC, unaligned word pieces, PREF/SYNCI,
 * and the FPU loads/stores the core executes itself. */
#include "insns.h"

#define EA (RS + d->imm)

static inline bool check_align(struct machine *m, uint32_t va, unsigned size, unsigned code)
{
	if (unlikely(va & (size - 1))) {
		cpu_raise_addr(m, code, va);
		return false;
	}
	return true;
}

OP(lb) { uint32_t v; if (mem_load(m, EA, 1, &v)) RD = (uint32_t)(int32_t)(int8_t)v; }
OP(lbu) { uint32_t v; if (mem_load(m, EA, 1, &v)) RD = v; }
OP(lh)
{
	uint32_t va = EA, v;
	if (check_align(m, va, 2, EXC_ADEL) && mem_load(m, va, 2, &v))
		RD = (uint32_t)(int32_t)(int16_t)v;
}
OP(lhu)
{
	uint32_t va = EA, v;
	if (check_align(m, va, 2, EXC_ADEL) && mem_load(m, va, 2, &v))
		RD = v;
}
OP(lw)
{
	uint32_t va = EA, v;
	if (check_align(m, va, 4, EXC_ADEL) && mem_load(m, va, 4, &v))
		RD = v;
}

/* Little-endian LWL/LWR/SWL/SWR: b = byte offset inside the aligned word. */
OP(lwl)
{
	uint32_t va = EA, w;
	if (!mem_load(m, va & ~3u, 4, &w))
		return;
	unsigned shift = (3 - (va & 3)) * 8;
	RD = (RT & (uint32_t)((1ull << shift) - 1)) | (w << shift);
}
OP(lwr)
{
	uint32_t va = EA, w;
	if (!mem_load(m, va & ~3u, 4, &w))
		return;
	unsigned shift = (va & 3) * 8;
	RD = (RT & ~(0xFFFFFFFFu >> shift)) | (w >> shift);
}
OP(swl)
{
	uint32_t va = EA, w;
	if (!mem_load(m, va & ~3u, 4, &w))
		return;
	unsigned shift = (3 - (va & 3)) * 8;
	w = (w & ~(0xFFFFFFFFu >> shift)) | (RT >> shift);
	mem_store(m, va & ~3u, 4, w);
}
OP(swr)
{
	uint32_t va = EA, w;
	if (!mem_load(m, va & ~3u, 4, &w))
		return;
	unsigned shift = (va & 3) * 8;
	w = (w & (uint32_t)((1ull << shift) - 1)) | (RT << shift);
	mem_store(m, va & ~3u, 4, w);
}

/* SYNCI: make the instruction bytes stored at EA visible to fetches (D
 * line written back, I line invalidated); user mode may use it. */
OP(synci) { cache_synci(m, EA); }

OP(sb) { mem_store(m, EA, 1, RT); }
OP(sh) { uint32_t va = EA; if (check_align(m, va, 2, EXC_ADES)) mem_store(m, va, 2, RT); }
OP(sw) { uint32_t va = EA; if (check_align(m, va, 4, EXC_ADES)) mem_store(m, va, 4, RT); }

OP(ll)
{
	uint32_t va = EA, v;
	struct xlate x;
	if (!check_align(m, va, 4, EXC_ADEL) || !mem_load(m, va, 4, &v))
		return;
	if (mmu_translate(m, va, ACC_LOAD, &x) == 0) /* a guest's is its GPA */
		m->cpu.cp0.lladdr = (m->cpu.guest ? m->cpu.vz_gpa : x.pa) >> 4;
	m->cpu.cp0.llbit = true;
	RD = v;
}

/* SC stores only while LLbit is set; either way LLbit is cleared so that a
 * second SC without LL fails (decision, docs/simulator-cpu.md). */
OP(sc)
{
	uint32_t va = EA;
	if (!check_align(m, va, 4, EXC_ADES))
		return;
	if (m->cpu.cp0.llbit) {
		if (!mem_store(m, va, 4, RT))
			return;
		m->cpu.cp0.llbit = false;
		RD = 1;
	} else {
		RD = 0;
	}
}

static inline bool fpu_usable(struct machine *m) { return cpu_cu1_usable(m); }

OP(lwc1)
{
	uint32_t va = EA, v;
	if (!fpu_usable(m) || !check_align(m, va, 4, EXC_ADEL) || !mem_load(m, va, 4, &v))
		return;
	fpu_put_word(&m->cpu.fpu, cpu_fpu_fr(m), d->rt, v);
}
OP(ldc1)
{
	uint32_t va = EA;
	uint64_t v;
	if (!fpu_usable(m) || !check_align(m, va, 8, EXC_ADEL) || !cpu_load(m, va, 8, &v))
		return;
	fpu_put_double(&m->cpu.fpu, cpu_fpu_fr(m), d->rt, v);
}
OP(swc1)
{
	uint32_t va = EA;
	if (!fpu_usable(m) || !check_align(m, va, 4, EXC_ADES))
		return;
	mem_store(m, va, 4, fpu_get_word(&m->cpu.fpu, cpu_fpu_fr(m), d->rt));
}
OP(sdc1)
{
	uint32_t va = EA;
	if (!fpu_usable(m) || !check_align(m, va, 8, EXC_ADES))
		return;
	cpu_store(m, va, 8, fpu_get_double(&m->cpu.fpu, cpu_fpu_fr(m), d->rt));
}
