/* SPDX-License-Identifier: Apache-2.0 */
/* cpu_micromips.c - running microMIPS code: fetch of 16/32-bit
 * instructions through the fetch window, a decode cache, the run loop and
 * delay slots.
 *
 * The MIPS32 predecode arrays hold one entry per word; microMIPS code
 * instead keeps its decoded instructions in a cache keyed by the
 * instruction bits themselves (struct mm_memo): an instruction is fetched
 * (one or two halfwords from the window's host memory) and looked up, so
 * stores into code need no invalidation and the same encoding anywhere
 * shares one entry. The loop is a plain one (every handler a call); the
 * ISA switches (cpu_set_isa) end its burst. */
#include <stdlib.h>

#include "insns.h"
#include "trace.h"

#define MM_MEMO_BITS 13
#define MM_MEMO_SIZE (1u << MM_MEMO_BITS)
/* Key: a 32-bit instruction's two halfwords, or a 16-bit one's in bits
 * 31:16 (its major opcode never starts a 32-bit one, so keys never
 * collide). MM_KEY_NONE has a 16-bit major opcode and low bits set. */
#define MM_KEY_NONE 0x04000001u

struct mm_memo {
	uint32_t key[MM_MEMO_SIZE];
	struct insn d[MM_MEMO_SIZE];
};

void mm_init(struct machine *m)
{
	struct mm_memo *t = malloc(sizeof *t);
	if (!t) {
		machine_fatal(m, "cpu: out of host memory for the microMIPS decode cache");
		return;
	}
	for (unsigned i = 0; i < MM_MEMO_SIZE; i++)
		t->key[i] = MM_KEY_NONE;
	m->cpu.mm_memo = t;
}

void mm_free(struct machine *m)
{
	free(m->cpu.mm_memo);
	m->cpu.mm_memo = NULL;
}

static inline const struct insn *mm_lookup(struct mm_memo *t, uint32_t key)
{
	unsigned i = (key * 0x9E3779B1u) >> (32 - MM_MEMO_BITS);
	if (unlikely(t->key[i] != key)) {
		mm_decode(key >> 16, key & 0xFFFFu, &t->d[i]);
		t->key[i] = key;
	}
	return &t->d[i];
}

/* Fetch the instruction at pc: c->pc and c->isz are set for it (also
 * before a fetch exception, whose EPC is pc; BadVAddr is the halfword that
 * faulted). NULL after an exception. */
static const struct insn *mm_fetch(struct machine *m, uint32_t pc)
{
	struct cpu *c = &m->cpu;
	uint32_t off = pc - c->fetch_base;
	uint16_t h0, h1;
	c->pc = pc + 2;
	c->isz = 2;
	if (unlikely(off >= c->fetch_size)) {
		if (!mmu_fetch_map(m, pc))
			return NULL;
		off = pc - c->fetch_base;
	}
	memcpy(&h0, c->fetch_host + off, 2);
	if (mm_is16(h0))
		return mm_lookup(c->mm_memo, (uint32_t)h0 << 16);
	off += 2;
	if (unlikely(off >= c->fetch_size)) { /* the second half in the next page */
		if (!mmu_fetch_map(m, pc + 2))
			return NULL;
		off = pc + 2 - c->fetch_base;
	}
	memcpy(&h1, c->fetch_host + off, 2);
	c->pc = pc + 4;
	c->isz = 4;
	return mm_lookup(c->mm_memo, (uint32_t)h0 << 16 | h1);
}

/* Charge and run d (fetched at pc). */
static inline void mm_exec(struct machine *m, uint32_t pc, const struct insn *d)
{
	if (unlikely(m->opt.trace != NULL) && m->cycle >= m->opt.trace_after)
		cpu_trace_insn(m, pc, d);
	m->cycle += d->cycles;
	cache_fetch_at(m, pc, m->cpu.isz); /* the I-cache or the uncached bus */
	m->insns++;
	insn_handlers[d->id](m, d);
}

bool mm_exec_delay_slot(struct machine *m, unsigned flags)
{
	struct cpu *c = &m->cpu;
	uint32_t slot = c->pc, seq = c->exc_seq;
	const struct insn *d;
	c->bsz = c->isz;
	c->in_ds = true;
	d = mm_fetch(m, slot);
	if (!d)
		return false; /* the exception entry cleared in_ds */
	if (unlikely(((flags & INSN_F_MM_SLOT16) && c->isz != 2) ||
		     ((flags & INSN_F_MM_SLOT32) && c->isz != 4))) {
		cpu_raise(m, EXC_RI); /* a slot of the wrong size */
		return false;
	}
	mm_exec(m, slot, d);
	c->in_ds = false;
	return c->exc_seq == seq;
}

void mm_run_burst(struct machine *m)
{
	struct cpu *c = &m->cpu;
	unsigned loaded = 0; /* GPR the previous instruction loaded (load-use) */
	while (m->cycle < c->limit) {
		uint32_t pc = c->pc;
		const struct insn *d = mm_fetch(m, pc);
		if (!d) {
			loaded = 0;
			continue;
		}
		if (unlikely(loaded) && (d->rs == loaded || d->rt == loaded))
			m->cycle++; /* load-use interlock, as MIPS32 code pays it */
		loaded = (d->flags & INSN_F_MM_LOAD) ? d->rd : 0;
		mm_exec(m, pc, d);
		if (unlikely(m->opt.trace != NULL))
			cpu_trace_done(m);
	}
}
