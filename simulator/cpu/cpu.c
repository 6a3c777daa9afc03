/* SPDX-License-Identifier: Apache-2.0 */
/* cpu.c - the core's life cycle and run loop, plus the services other parts
 * use (public register access, FPU services).
 *
 * The run loop executes bursts of predecoded instructions until m->cycle
 * reaches c->limit = min(until, next event). Anything that may need
 * attention between instructions (events, interrupts, WAIT, stop) sets
 * c->limit = 0 so the burst ends and cpu_run() looks at it. */
#include <inttypes.h>
#include <stdlib.h>

#include "insn_alu.h"
#include "trace.h" /* cpu_trace_insn, cpu_trace_done */

/* Entries in front of each predecode array: the spare entry "before" the
 * first word, and the I-cache alignment (ICACHE_SET_OF): the array of a
 * memory starts on a 16 KB boundary, so entry address bits 13:6 are the
 * physical address bits 11:4 of its word. */
#define DECODE_FRONT 1024u

static struct insn *alloc_decode(struct machine *m, uint32_t size)
{
	size_t n = size / 4 + DECODE_FRONT;
	struct insn *a = aligned_alloc(DECODE_FRONT * sizeof *a, n * sizeof *a);
	if (!a) {
		machine_fatal(m, "cpu: out of host memory for the predecode arrays");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		a[i].id = INSN_ID_decode;
		a[i].cycles = 1;
	}
	return a + DECODE_FRONT;
}

void cpu_init(struct machine *m)
{
	struct cpu *c = &m->cpu;
	c->dec_ram = alloc_decode(m, PA_RAM_SIZE);
	c->dec_pflash = alloc_decode(m, PA_PFLASH_SIZE);
	c->dec_boot1 = alloc_decode(m, PA_BOOT_SIZE);
	c->dec_boot2 = alloc_decode(m, PA_BOOT_SIZE);
	c->timer_ev = calloc(1, sizeof *c->timer_ev);
	if (!c->timer_ev)
		machine_fatal(m, "cpu: out of host memory");
	mm_init(m);
	cache_init(m);
	vz_init(m);
}

void cpu_free(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct insn *arrays[] = { c->dec_ram, c->dec_pflash, c->dec_boot1, c->dec_boot2 };
	for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
		if (arrays[i])
			free(arrays[i] - DECODE_FRONT);
	if (c->timer_ev)
		event_cancel(m, c->timer_ev);
	free(c->timer_ev);
	c->timer_ev = NULL;
	mm_free(m);
	cache_free(m);
	vz_free(m);
}

void cpu_reset(struct machine *m)
{
	struct cpu *c = &m->cpu;
	memset(c->r, 0, sizeof c->r);
	memset(c->srs, 0, sizeof c->srs);
	c->hi = c->lo = 0;
	memset(&c->dsp, 0, sizeof c->dsp);
	c->pc = 0xBFC00000u;
	c->in_ds = false;
	c->waiting = false;
	c->irq_check = true;
	c->limit = 0;
	c->eic_ripl = 0;
	c->eic_voff = 0;
	c->eic_eicss = 0;
	c->core_irq_lines = 0;
	cp0_reset(m, &c->cp0);
	/* The reset ISA is the one exceptions use (DEVCFG0.BOOTISA). */
	c->mm = (c->cp0.config[3] & CFG3_ISAONEXC) != 0;
	c->isz = c->bsz = 4;
	tlb_reset(m);
	vz_reset(m);
	hazard_reset(m);
	fpu_reset(&c->fpu);
	cache_reset(m);
	c->mode_key = ~0u;
	mmu_mode_changed(m);
	if (c->timer_ev) {
		c->timer_ev->fn = NULL;
		cp0_timer_reschedule(m);
	}
}

/* The hot loop: threaded dispatch over predecoded entries, with the
 * machine state the handlers share kept in locals for the whole burst.
 *
 * Locals: d is the executing entry, inside the fetch window [c->fetch_dec,
 * end); the pc is derived from d (PC_OF) only when something needs it.
 * cycle mirrors m->cycle. The window and c->limit change only in calls, so
 * they are read where they are needed (few host registers stay busy).
 * A window with fetch wait states (uncached flash) dispatches through
 * wait_labels, which call every handler; so the in-place paths never add
 * wait states. The ALU/MDU handlers (insn_alu.h), loads and stores that hit the
 * data translation cache, and branches and jumps whose delay slot is in the
 * same page run in place; everything else (and every slow case) is a call
 * with the state saved (c->pc = its address + 4, m->cycle) and reloaded
 * afterwards, exactly what the handler would have seen in a plain loop.
 * m->insns counts delay slots before every call and the rest at the end of
 * the burst (TLBWR's Random is derived from it). Each handler fetches and dispatches
 * the next instruction from a jump site of its own, so the host's
 * indirect-branch predictor learns instruction sequences. */
static void run_burst(struct machine *m)
{
#define LABEL_ADDR(name) &&L_##name,
	static void *const labels[INSN_ID_COUNT] = { INSN_LIST(LABEL_ADDR) &&L_decode, &&L_icheck };
#undef LABEL_ADDR
#define SLOT_ADDR(name) &&S_##name,
	static void *const slot_labels[INSN_ID_COUNT] = { INSN_LIST(SLOT_ADDR) &&S_decode,
							  &&S_icheck };
#undef SLOT_ADDR
#define WAIT_ADDR(name) &&W_any,
	static void *const wait_labels[INSN_ID_COUNT] = { INSN_LIST(WAIT_ADDR) &&W_any, &&W_any };
#undef WAIT_ADDR
	void *const *lbl; /* labels, or wait_labels in a window with wait states */
	struct cpu *c = &m->cpu;
	const struct insn *d, *s = NULL, *end; /* s: a delay slot */
	uint64_t cycle, nds = 0; /* nds: delay slots, not yet in m->insns */
	uint64_t nbase;          /* cycle - instructions run by RUN_D (see there) */
	uint32_t pc;
	uintptr_t t = 0; /* where a branch goes after its slot: the address of
			  * its entry if it is in the window (T_OF_PC) */

#define RELOAD() do {							\
		cycle = m->cycle;					\
		end = c->fetch_dec + (c->fetch_size >> 2);		\
		lbl = c->fetch_uncached ? wait_labels : labels;	\
	} while (0)
#define PC_OF(e) (c->fetch_base + (uint32_t)((e) - c->fetch_dec) * 4)
	/* Virtual address <-> entry address in the window's terms (modulo
	 * 2^32, so any pc maps there and back). */
#define T_OF_PC(pc_) ((uintptr_t)c->fetch_dec +				\
		      (uintptr_t)(intptr_t)(int32_t)((pc_) - c->fetch_base) * 4)
#define PC_OF_T(t_) (c->fetch_base +					\
		     (uint32_t)((intptr_t)((t_) - (uintptr_t)c->fetch_dec) >> 2))
	/* Charge and run entry d. It is charged one cycle here, which also
	 * counts it (instructions = cycle - nbase); every other change of
	 * cycle moves nbase along (EXTRA). The rest of its static cost
	 * (d->cycles - 1: load-use, or a stale cost op_decode corrects) is
	 * charged by the loads in place and by CALL, before anything can
	 * look at the cycle count. */
#define RUN_D() do {							\
		cycle++;						\
		goto *lbl[d->id];					\
	} while (0)
#define EXTRA(x) do {							\
		uint64_t x_ = (x);					\
		cycle += x_;						\
		nbase += x_;						\
	} while (0)
	/* After a handler ran on m->cycle (set to cycle before). */
#define TAKE_CYCLE() EXTRA(m->cycle - cycle)
	/* Continue at pc. */
#define GOTO_PC() do {							\
		uint32_t off_;						\
		if (unlikely(cycle >= c->limit))				\
			goto out;					\
		off_ = pc - c->fetch_base;				\
		if (unlikely(off_ >= c->fetch_size))			\
			goto fetch_slow;				\
		d = c->fetch_dec + (off_ >> 2);				\
		RUN_D();						\
	} while (0)
	/* Continue at entry t (window valid). */
#define GOTO_T() do {							\
		uintptr_t o_ = t - (uintptr_t)c->fetch_dec;		\
		if (unlikely(cycle >= c->limit)) {			\
			pc = PC_OF_T(t);				\
			goto out;					\
		}							\
		if (unlikely(o_ >= CPU_FETCH_PAGE * 4)) {		\
			pc = PC_OF_T(t);				\
			goto fetch_slow;				\
		}							\
		d = (const struct insn *)t;				\
		RUN_D();						\
	} while (0)
	/* Continue with the instruction after d. */
#define NEXT() do {							\
		if (unlikely(cycle >= c->limit)) {				\
			pc = PC_OF(d) + 4;				\
			goto out;					\
		}							\
		if (unlikely(((uintptr_t)++d & 63) == 0))		\
			goto line_next;					\
		RUN_D();						\
	} while (0)
	/* Run handler fn_ on d with the state in memory. */
#define CALL(fn_) do {							\
		c->pc = PC_OF(d) + 4;					\
		EXTRA(d->cycles - 1u);					\
		m->cycle = cycle;					\
		m->insns += nds;					\
		nds = 0;						\
		fn_(m, d);						\
		TAKE_CYCLE();						\
		RELOAD();						\
		pc = c->pc;						\
		GOTO_PC();						\
	} while (0)

	RELOAD();
	nbase = cycle;
	pc = c->pc;
	GOTO_PC();

fetch_slow: /* pc is outside the window; the limit was checked */
	c->pc = pc + 4;
	m->cycle = cycle;
	m->insns += nds;
	nds = 0;
	d = mmu_fetch_slow(m, pc);
	TAKE_CYCLE();
	RELOAD();
	if (!d) { /* the fetch took an exception */
		pc = c->pc;
		GOTO_PC();
	}
	RUN_D();

line_next: /* NEXT crossed into the next line (16 bytes, 4 entries) */
	if (unlikely(d == end)) {
		pc = c->fetch_base + c->fetch_size;
		goto fetch_slow;
	}
	RUN_D();

	/* A cached fetch enters a line that is not its I-cache set's most
	 * recently used one (its entries hold INSN_ID_icheck, cache.c): the
	 * cache's bookkeeping, which releases the line's entries, then the
	 * entry's own handler (already charged). */
L_icheck:
	m->cycle = cycle;
	cache_ifetch(m, d);
	TAKE_CYCLE();
	goto *lbl[d->id];

#define ALU_CASE(name) L_##name: alu_##name(m, d); NEXT();
	INSN_ALU_LIST(ALU_CASE)
#undef ALU_CASE
#define MDU_CASE(name) L_##name: m->cycle = cycle; alu_##name(m, d); TAKE_CYCLE(); NEXT();
	INSN_MDU_LIST(MDU_CASE)
#undef MDU_CASE

	/* The dtlb entry of va (32 bytes each: a byte offset from a shift). */
#define DTLB_AT(va) ((const struct dtlb_entry *)((const char *)c->dtlb +	\
		      (((va) >> (12 - 5)) & ((CPU_DTLB_SIZE - 1) << 5))))
	/* The D-cache line filter entry of va (32 bytes each). */
#define DLINE_AT(va) ((const struct dline_entry *)((const char *)c->dline +	\
		       (((va) << 1) & ((CPU_DLINE_SIZE - 1) << 5))))
#define DLINE_STAMP(va) (*(uint64_t *)(c->dline_stamps +		\
			 ((va) & ((CPU_DLINE_SIZE - 1) << 4))))
	/* The D-cache part of a dtlb hit (the line filter missed): the line's
	 * state allows the access (DS_RD for loads, DS_WR for stores), so it
	 * stores its LRU stamp and enters the line filter; else the cache's
	 * bookkeeping with the state saved, then the access in place; the
	 * handler (slow path) if the page is uncached. */
#define DCACHE_HIT(fn_, va_, e_, bit_) do {				\
		if (CACHE_MODEL) {					\
			unsigned st_ = (e_)->dstate[((va_) & 0xFFFu) >> 4]; \
			if (likely(st_ & (bit_))) {			\
				DSTAMP(c, (va_), st_) = cycle;		\
				cache_dline_enter(m, (e_), (va_), st_);	\
			} else {					\
				c->pc = PC_OF(d) + 4;			\
				m->cycle = cycle;			\
				if (!cache_dtlb_miss(m, (e_), (va_), (bit_) == DS_WR)) \
					CALL(fn_);			\
				TAKE_CYCLE();				\
			}						\
		}							\
	} while (0)
	/* Loads and stores: the data translation cache hit of mem_load/
	 * mem_store, with the alignment check folded into the tag compare
	 * (a misaligned address never matches; the handler raises AdEL/AdES). */
#define LOAD_CASE(name, align, type) L_##name: {				\
		uint32_t va_ = RS + d->imm;				\
		if (CACHE_MODEL) {					\
			const struct dline_entry *l_ = DLINE_AT(va_);	\
			if (likely(l_->tag_r == (va_ & (0xFFFFFFF0u | (align))))) { \
				type v_;				\
				DLINE_STAMP(va_) = cycle;		\
				memcpy(&v_, l_->host + (va_ & 15u), sizeof v_); \
				RD = (uint32_t)v_;			\
				EXTRA(d->cycles - 1u); /* load-use */	\
				NEXT();					\
			}						\
		}							\
		const struct dtlb_entry *e_ = DTLB_AT(va_);		\
		if (likely(e_->tag_r == (va_ & (0xFFFFF000u | (align))))) { \
			DCACHE_HIT(op_##name, va_, e_, DS_RD);		\
			type v_;					\
			memcpy(&v_, e_->host + (va_ & 0xFFFu), sizeof v_); \
			RD = (uint32_t)v_;				\
			EXTRA(d->cycles - 1u); /* load-use */		\
			NEXT();						\
		}							\
		CALL(op_##name);					\
	}
	LOAD_CASE(lb, 0, int8_t)
	LOAD_CASE(lbu, 0, uint8_t)
	LOAD_CASE(lh, 1, int16_t)
	LOAD_CASE(lhu, 1, uint16_t)
	LOAD_CASE(lw, 3, uint32_t)
#undef LOAD_CASE
#define STORE_CASE(name, align, type) L_##name: {			\
		uint32_t va_ = RS + d->imm;				\
		if (CACHE_MODEL) {					\
			const struct dline_entry *l_ = DLINE_AT(va_);	\
			if (likely(l_->tag_w == (va_ & (0xFFFFFFF0u | (align))))) { \
				type v_ = (type)RT;			\
				DLINE_STAMP(va_) = cycle;		\
				memcpy(l_->host + (va_ & 15u), &v_, sizeof v_); \
				struct insn *w_ = l_->dec + ((va_ & 15u) >> 2); \
				w_[0].id = INSN_ID_decode; /* decode_invalidate */ \
				w_[-1].id = INSN_ID_decode;		\
				NEXT();					\
			}						\
		}							\
		const struct dtlb_entry *e_ = DTLB_AT(va_);		\
		if (likely(e_->tag_w == (va_ & (0xFFFFF000u | (align))))) { \
			DCACHE_HIT(op_##name, va_, e_, DS_WR);		\
			uint32_t off_ = va_ & 0xFFFu;			\
			type v_ = (type)RT;				\
			memcpy(e_->host + off_, &v_, sizeof v_);	\
			struct insn *w_ = e_->dec + (off_ >> 2);	\
			w_[0].id = INSN_ID_decode; /* decode_invalidate */ \
			w_[-1].id = INSN_ID_decode;			\
			NEXT();						\
		}							\
		CALL(op_##name);					\
	}
	STORE_CASE(sb, 0, uint8_t)
	STORE_CASE(sh, 1, uint16_t)
	STORE_CASE(sw, 3, uint32_t)
#undef STORE_CASE

	/* Branches and jumps set t and run their delay slot (d + 1) below;
	 * a slot in the next page is the handler's business. A NOP slot is
	 * only charged (one cycle plus the fetch wait states, as it would be
	 * run). */
#define TO_SLOT() do {							\
		if (d->flags & INSN_F_SLOT_NOP) {			\
			EXTRA(1); /* in the branch's line: no fetch */	\
			nds++;						\
			GOTO_T();					\
		}							\
		goto slot;						\
	} while (0)
#define BRANCH_CASE(name, cond) L_##name:					\
	if (likely(d->flags & INSN_F_SLOT_NOP) || likely(d + 1 != end)) { \
		t = (cond) ? (uintptr_t)(d + 1) + (uintptr_t)(intptr_t)(int32_t)d->imm * 4 \
			   : (uintptr_t)(d + 2);				\
		TO_SLOT();						\
	}								\
	CALL(op_##name);
	INSN_BRANCH_LIST(BRANCH_CASE)
#undef BRANCH_CASE
L_j:
	if (unlikely(d + 1 == end))
		CALL(op_j);
	t = T_OF_PC(((PC_OF(d) + 4) & 0xF0000000u) | d->imm);
	TO_SLOT();
L_jal:
	if (unlikely(d + 1 == end))
		CALL(op_jal);
	R(31) = PC_OF(d) + 8;
	t = T_OF_PC(((PC_OF(d) + 4) & 0xF0000000u) | d->imm);
	TO_SLOT();
L_jr:
	pc = RS;
	if (unlikely(d + 1 == end || (pc & 3)))
		CALL(op_jr);
	t = T_OF_PC(pc);
	TO_SLOT();
L_jalr:
	pc = RS;
	if (unlikely(d + 1 == end || (pc & 3)))
		CALL(op_jalr);
	RD = PC_OF(d) + 8;
	t = T_OF_PC(pc);
	TO_SLOT();

#define CALL_CASE(name) L_##name: CALL(op_##name);
	INSN_CALL_LIST(CALL_CASE)
#undef CALL_CASE
L_decode:
	CALL(op_decode);
W_any: /* every instruction of an uncached window: its fetch, the handler */
	m->cycle = cycle;
	EXTRA(cache_uncached_fetch(m, d));
	CALL(insn_handlers[d->id]);

slot: /* the delay slot of branch d; never split from it */
	s = d + 1;
	EXTRA(s->cycles);
	nds++;
	goto *slot_labels[s->id];
S_icheck: /* the slot is in the next line, not its set's MRU (L_icheck) */
	m->cycle = cycle;
	cache_ifetch(m, s);
	TAKE_CYCLE();
	goto *slot_labels[s->id];
#define ALU_SLOT(name) S_##name: alu_##name(m, s); GOTO_T();
	INSN_ALU_LIST(ALU_SLOT)
#undef ALU_SLOT
#define MDU_SLOT(name) S_##name: m->cycle = cycle; alu_##name(m, s); TAKE_CYCLE(); \
	GOTO_T();
	INSN_MDU_LIST(MDU_SLOT)
#undef MDU_SLOT
#define SLOT_LABEL(name) S_##name:
	INSN_BRANCH_NAMES(SLOT_LABEL) INSN_LOOP_MEM_LIST(SLOT_LABEL)
	INSN_LOOP_JUMP_LIST(SLOT_LABEL) INSN_CALL_LIST(SLOT_LABEL)
#undef SLOT_LABEL
S_decode: { /* the slot's handler, with the state in memory */
		uint32_t seq = c->exc_seq;
		pc = PC_OF_T(t); /* before the window can change */
		c->pc = PC_OF(s) + 4;
		c->in_ds = true;
		m->cycle = cycle;
		m->insns += nds;
		nds = 0;
		insn_handlers[s->id](m, s);
		c->in_ds = false;
		TAKE_CYCLE();
		RELOAD();
		if (c->exc_seq != seq)
			pc = c->pc; /* an exception wins */
		GOTO_PC();
	}
#undef RELOAD
#undef PC_OF
#undef RUN_D
#undef GOTO_PC
#undef NEXT
#undef CALL
#undef EXTRA
#undef TAKE_CYCLE
#undef TO_SLOT
#undef DTLB_AT
#undef DCACHE_HIT
#undef DLINE_AT
#undef DLINE_STAMP
#undef GOTO_T
#undef T_OF_PC
#undef PC_OF_T
out:
	c->pc = pc;
	m->cycle = cycle;
	m->insns += cycle - nbase + nds;
}

/* Same loop with one trace line per instruction. */
static void run_burst_traced(struct machine *m)
{
	struct cpu *c = &m->cpu;
	uint64_t n = 0;
	while (m->cycle < c->limit) {
		uint32_t pc = c->pc, off = pc - c->fetch_base;
		const struct insn *d;
		c->pc = pc + 4;
		if (likely(off < c->fetch_size))
			d = c->fetch_dec + (off >> 2);
		else if (!(d = mmu_fetch_slow(m, pc)))
			continue;
		if (m->cycle >= m->opt.trace_after)
			cpu_trace_insn(m, pc, d);
		m->cycle += d->cycles;
		cpu_fetch_charge(m, d);
		n++;
		insn_handlers[d->id](m, d);
		cpu_trace_done(m); /* the line shows what the instruction wrote */
	}
	m->insns += n;
}

/* Can no armed event ever wake the core? True when only the core timer with
 * Cause.TI already set (firing again changes nothing) and the guest timer
 * (it sets a guest's TI, never a root interrupt) are armed. */
static bool nothing_can_wake(struct machine *m)
{
	struct cpu *c = &m->cpu;
	for (const struct event *e = m->events; e; e = e->next) {
		if (e == c->timer_ev && (c->cp0.cause & CA_TI))
			continue;
		if (e == c->gtimer_ev)
			continue;
		return false;
	}
	return true;
}

/* WAIT: sleep until an interrupt can wake the core, jumping from event to
 * event. Returns true if the core is awake again. */
static bool cpu_sleep(struct machine *m, uint64_t until)
{
	struct cpu *c = &m->cpu;
	for (;;) {
		if (cpu_interrupt_pending(m, true)) {
			c->waiting = false;
			machine_event(m, VZSIM_EV_IDLE_END, 0, 0, 0, c->pc);
			return true;
		}
		if (m->stop != VZSIM_RUNNING)
			return false;
		if (nothing_can_wake(m)) {
			m->stop = VZSIM_STOP_HALT;
			return false;
		}
		if (m->next_event >= until) {
			m->cycle = until > m->cycle ? until : m->cycle;
			return false;
		}
		if (m->next_event > m->cycle)
			m->cycle = m->next_event;
		event_dispatch(m);
	}
}

void cpu_run(struct machine *m, uint64_t until)
{
	struct cpu *c = &m->cpu;
	while (m->stop == VZSIM_RUNNING && m->cycle < until) {
		if (m->cycle >= m->next_event)
			event_dispatch(m);
		if (c->waiting && !cpu_sleep(m, until))
			return;
		if (c->irq_check)
			cpu_check_interrupts(m);
		if (m->stop != VZSIM_RUNNING)
			return;
		c->limit = until < m->next_event ? until : m->next_event;
		if (c->irq_check)
			c->limit = 0; /* taking the interrupt changed something: look again */
		if (unlikely(c->mm))
			mm_run_burst(m); /* microMIPS: cpu_micromips.c */
		else if (unlikely(m->opt.trace != NULL))
			run_burst_traced(m);
		else
			run_burst(m);
	}
}

/* ---- Public register access ------------------------------------------- */

uint32_t vzsim_pc(const struct machine *m) { return m->cpu.pc; }

uint32_t vzsim_gpr(const struct machine *m, int n)
{
	if (n <= 0 || n > 31)
		return 0;
	return m->cpu.r[n];
}

/* ---- FPU services (fpu.h) --------------------------------------------- */

struct fpu *cpu_fpu(struct machine *m) { return &m->cpu.fpu; }
bool cpu_fpu_fr(const struct machine *m) { return (m->cpu.cp0.status & ST_FR) != 0; }
uint32_t cpu_gpr_read(struct machine *m, unsigned r) { return r < 32 ? m->cpu.r[r] : 0; }
void cpu_gpr_write(struct machine *m, unsigned r, uint32_t v)
{
	if (r != 0 && r < 32)
		m->cpu.r[r] = v;
}

bool cpu_load(struct machine *m, uint32_t va, unsigned size, uint64_t *val)
{
	uint32_t lo, hi = 0;
	if (va & (size - 1)) {
		cpu_raise_addr(m, EXC_ADEL, va);
		return false;
	}
	if (!mem_load(m, va, 4, &lo))
		return false;
	if (size == 8 && !mem_load(m, va + 4, 4, &hi))
		return false;
	*val = (uint64_t)hi << 32 | lo;
	return true;
}

bool cpu_store(struct machine *m, uint32_t va, unsigned size, uint64_t val)
{
	struct xlate x;
	unsigned f;
	if (va & (size - 1)) {
		cpu_raise_addr(m, EXC_ADES, va);
		return false;
	}
	/* Check the translation first so a fault never leaves half a double. */
	f = mmu_translate(m, va, ACC_STORE, &x);
	if (f) {
		mmu_fault(m, va, f, false);
		return false;
	}
	if (!mem_store(m, va, 4, (uint32_t)val))
		return false;
	return size != 8 || mem_store(m, va + 4, 4, (uint32_t)(val >> 32));
}
