/* cpu.c - the core's life cycle and run loop, plus the services other parts
 * use (public register access, FPU services).
 *
 * The run loop executes bursts of predecoded instructions until m->cycle
 * reaches c->limit = min(until, next event). Anything that may need
 * attention between instructions (events, interrupts, WAIT, stop) sets
 * c->limit = 0 so the burst ends and cpu_run() looks at it. */
#include <inttypes.h>
#include <stdlib.h>

#include "insns.h"

static struct insn *alloc_decode(struct machine *m, uint32_t size)
{
	size_t n = size / 4 + 1; /* one spare entry in front */
	struct insn *a = malloc(n * sizeof *a);
	if (!a) {
		machine_fatal(m, "cpu: out of host memory for the predecode arrays");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		a[i].fn = op_decode;
		a[i].id = INSN_ID_decode;
		a[i].cycles = 1;
	}
	return a + 1;
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
	vz_init(m);
}

void cpu_free(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct insn *arrays[] = { c->dec_ram, c->dec_pflash, c->dec_boot1, c->dec_boot2 };
	for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
		if (arrays[i])
			free(arrays[i] - 1);
	if (c->timer_ev)
		event_cancel(m, c->timer_ev);
	free(c->timer_ev);
	c->timer_ev = NULL;
	vz_free(m);
}

void cpu_reset(struct machine *m)
{
	struct cpu *c = &m->cpu;
	memset(c->r, 0, sizeof c->r);
	memset(c->srs, 0, sizeof c->srs);
	c->hi = c->lo = 0;
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
	vz_reset(m);
	fpu_reset(&c->fpu);
	c->mode_key = ~0u;
	mmu_mode_changed(m);
	if (c->timer_ev) {
		c->timer_ev->fn = NULL;
		cp0_timer_reschedule(m);
	}
}

void cpu_trace_insn(struct machine *m, uint32_t pc, const struct insn *d)
{
	struct insn tmp;
	uint32_t raw = d->fn == op_decode ? mmu_peek_insn(m, pc) : d->raw;
	const char *mn = insn_decode(raw, 0, &tmp);
	/* Guest-mode lines carry the GuestID: "[g1]". */
	char guest[8] = "";
	if (m->cpu.guest)
		snprintf(guest, sizeof guest, " [g%u]", (unsigned)(m->cpu.gctl1 & 0xFF));
	fprintf(m->opt.trace, "%12" PRIu64 " %08" PRIx32 " %08" PRIx32 " %-8s%s%s\n",
		m->cycle, pc, raw, mn, m->cpu.in_ds ? " (ds)" : "", guest);
}

/* The hot loop: threaded dispatch. After each handler the next instruction
 * is fetched and dispatched from a jump site of its own, so the host's
 * branch predictor learns instruction sequences instead of having one
 * indirect call site for all of them. */
static void run_burst(struct machine *m)
{
#define LABEL_ADDR(name) &&L_##name,
	static void *const labels[INSN_ID_COUNT] = { INSN_LIST(LABEL_ADDR) &&L_decode };
#undef LABEL_ADDR
	struct cpu *c = &m->cpu;
	const struct insn *d;
	uint64_t n = 0;

#define DISPATCH() do {							\
		uint32_t pc_, off_;					\
		if (unlikely(m->cycle >= c->limit))			\
			goto out;					\
		pc_ = c->pc;						\
		off_ = pc_ - c->fetch_base;				\
		c->pc = pc_ + 4;					\
		if (likely(off_ < c->fetch_size))			\
			d = c->fetch_dec + (off_ >> 2);			\
		else if (!(d = mmu_fetch_slow(m, pc_)))			\
			goto next;					\
		m->cycle += d->cycles + c->fetch_wait;			\
		n++;							\
		goto *labels[d->id];					\
	} while (0)

next:
	DISPATCH();
#define LABEL_CASE(name) L_##name: op_##name(m, d); DISPATCH();
	INSN_LIST(LABEL_CASE)
#undef LABEL_CASE
L_decode:
	op_decode(m, d);
	DISPATCH();
#undef DISPATCH
out:
	m->insns += n;
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
		m->cycle += d->cycles + c->fetch_wait;
		n++;
		d->fn(m, d);
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
		if (unlikely(m->opt.trace != NULL))
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
