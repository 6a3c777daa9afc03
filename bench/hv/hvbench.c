/* SPDX-License-Identifier: Apache-2.0 */
/* hvbench.c - vzlet-bench-hv: the hypervisor's costs, measured exactly on
 * vzlet-sim (make bench-hv, docs/benchmarks.md).
 *
 * It runs the benchmark guest (bench/hv/guest) twice through libvzsim: bare,
 * and under the real hypervisor image the configurator built. Once the guest
 * is ready, the driver single-steps the simulator and notes the cycle at
 * which the PC reaches each label of ops.S; a figure is the cycles between
 * two such events (or from the cycle at which the driver itself offers a
 * byte to UART2, for the device interrupt). Guest code is at 0x9D04xxxx and
 * the hypervisor's at 0x9D00xxxx, so a PC says whose it is. With the
 * hypervisor ELF given, every step is also attributed to the function its
 * PC lies in: the profile says where the cycles of a figure go.
 *
 * Count (the core timer) runs at SYSCLK / 2, so ticks = cycles / 2. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vzsim.h"
#include "elfsyms.h"
#include "vmswitch.h"
#include "partbench.h"
#include "guest/hvb_record.h"

#define RAM_PA      0x00000000u
#define RAM_SIZE    0x00080000u
#define DEV_UART    2
#define INJECT_DELAY 64              /* cycles into the spin before the byte */
#define INJECT_DELAY_IDLE 4000       /* cycles into WAIT: everyone is asleep */
#define BOOT_LIMIT  200000000ull     /* cycles until the guest is ready */
#define QUIET_CYCLES 100000ull       /* no console output for this long... */
#define QUIET_LIMIT 20000000ull      /* ...waited for at most this long */
#define RUN_LIMIT   50000000ull      /* cycles of single-stepped measuring */
#define SWITCH_LIMIT 60000000ull     /* cycles of the VM-switch system */
#define PART_LIMIT 400000000ull      /* cycles of the partitioning system */
#define CYCLES_PER_US 200.0          /* SYSCLK 200 MHz */

static const char *prog = "vzlet-bench-hv";

static void __attribute__((noreturn)) die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz);
	if (!p)
		die("out of memory");
	return p;
}

static struct symtab load_symbols(const char *path)
{
	struct symtab t;
	char err[512];
	if (elfsyms_load(path, &t, err, sizeof err) != 0)
		die("%s", err);
	return t;
}

static uint32_t sym_addr(const struct symtab *t, const char *name, const char *path)
{
	const struct sym *s = elfsyms_by_name(t, name);
	if (!s)
		die("%s: symbol %s not found (not the benchmark guest?)", path, name);
	return s->addr;
}

static const char *sym_at(const struct symtab *t, uint32_t pc)
{
	const struct sym *s = elfsyms_at(t, pc);
	return s ? s->name : "?";
}

/* ---- Events ------------------------------------------------------------- */

/* Everything the driver times, by the event names used in the figures. */
enum ev {
	EV_EMPTY_OP, EV_EMPTY_AFTER,
	EV_HC_OP, EV_HC_AFTER,
	EV_TRAP_OP, EV_TRAP_AFTER,
	EV_PRID_OP, EV_PRID_AFTER,
	EV_HCTIME_OP, EV_HCTIME_AFTER,
	EV_REGSW_OP, EV_REGSW_AFTER,
	EV_REGLW_OP, EV_REGLW_AFTER,
	EV_EVLW_OP, EV_EVLW_AFTER,
	EV_EVSW_OP, EV_EVSW_AFTER,
	EV_SWIRQ_OP, EV_SWIRQ_AFTER,
	EV_SWACK_OP, EV_SWACK_AFTER,
	EV_VECTOR,
	EV_DEVREAD_OP, EV_DEVREAD_AFTER,
	EV_DEVACK_OP, EV_DEVACK_AFTER,
	EV_LABELS,                      /* the above are PCs; these are not: */
	EV_INJECT = EV_LABELS,          /* the driver offered the byte (guest spinning) */
	EV_RESUME,                      /* back in the spin loop after the handler */
	EV_INJECT_IDLE,                 /* the same, guest waiting in WAIT */
	EV_COUNT
};

static const char *const ev_label[EV_LABELS] = {
	"hvb_empty_op", "hvb_empty_after",
	"hvb_hypcall_op", "hvb_hypcall_after",
	"hvb_trap_op", "hvb_trap_after",
	"hvb_prid_op", "hvb_prid_after",
	"hvb_hctime_op", "hvb_hctime_after",
	"hvb_reg_sw_op", "hvb_reg_sw_after",
	"hvb_reg_lw_op", "hvb_reg_lw_after",
	"hvb_evic_lw_op", "hvb_evic_lw_after",
	"hvb_evic_sw_op", "hvb_evic_sw_after",
	"hvb_swirq_op", "hvb_swirq_after",
	"hvb_swirq_ack_op", "hvb_swirq_ack_after",
	"hvb_vec_interrupt",
	"hvb_dev_read_op", "hvb_dev_read_after",
	"hvb_dev_ack_op", "hvb_dev_ack_after",
};

struct event {
	enum ev id;
	uint64_t cycle;
	size_t step;                    /* index into the step log */
};

struct step {
	uint32_t pc;
	uint64_t cycle;
};

struct run {
	const char *what;
	bool ok;
	struct hvb_record rec;
	struct event *ev;
	size_t nev, cap_ev;
	struct step *steps;
	size_t nsteps, cap_steps;
	char console[4096];
	size_t ncon;
	struct machine *m;
	uint64_t last_tx;               /* cycle of the last console byte */
};

static void add_event(struct run *r, enum ev id, uint64_t cycle)
{
	if (r->nev == r->cap_ev) {
		r->cap_ev = r->cap_ev ? r->cap_ev * 2 : 1024;
		r->ev = realloc(r->ev, r->cap_ev * sizeof *r->ev);
		if (!r->ev)
			die("out of memory");
	}
	r->ev[r->nev++] = (struct event){ id, cycle, r->nsteps ? r->nsteps - 1 : 0 };
}

static void add_step(struct run *r, uint32_t pc, uint64_t cycle)
{
	if (r->nsteps == r->cap_steps) {
		r->cap_steps = r->cap_steps ? r->cap_steps * 2 : 1 << 16;
		r->steps = realloc(r->steps, r->cap_steps * sizeof *r->steps);
		if (!r->steps)
			die("out of memory");
	}
	r->steps[r->nsteps++] = (struct step){ pc, cycle };
}

static void on_uart(void *ctx, int uart, uint8_t byte)
{
	struct run *r = ctx;
	if (uart != 4)
		return;
	r->last_tx = vzsim_cycles(r->m);
	if (r->ncon + 1 < sizeof r->console)
		r->console[r->ncon++] = (char)byte;
}

/* ---- Running ------------------------------------------------------------ */

static bool find_record(struct machine *m, uint32_t *pa)
{
	static uint32_t ram[RAM_SIZE / 4];
	if (!vzsim_peek(m, RAM_PA, ram, sizeof ram))
		return false;
	for (uint32_t i = 0; i + 1 < RAM_SIZE / 4; i++)
		if (ram[i] == HVB_MAGIC0 && ram[i + 1] == HVB_MAGIC1) {
			*pa = RAM_PA + 4 * i;
			return true;
		}
	return false;
}

static void peek_record(struct machine *m, uint32_t pa, struct hvb_record *rec)
{
	if (!vzsim_peek(m, pa, rec, sizeof *rec))
		die("cannot read the record at 0x%08x", pa);
}

static void poke_go(struct machine *m, uint32_t pa, uint32_t v)
{
	if (!vzsim_poke(m, pa + offsetof(struct hvb_record, go), &v, sizeof v))
		die("cannot write the record at 0x%08x", pa);
}

enum dev_phase { DEV_IDLE, DEV_ARMED, DEV_INFLIGHT, DEV_LEAVING };

/* Run one image until the guest has measured everything. */
/* The hypervisor's memory (hypervisor.ld): code and tables in program
 * flash below the guests' (0x9D04xxxx), data, bss and stack in the first
 * 16 KB of RAM. A cold run evicts its lines from both caches. */
#define HV_FLASH_PA 0x1D000000u
#define HV_FLASH_LEN 0x00040000u
#define HV_RAM_LEN 0x00004000u

/* Does event i start a keyed figure (an instance measured cold)? */
static bool cold_start(enum ev i)
{
	return i == EV_HC_OP || i == EV_TRAP_OP || i == EV_REGSW_OP || i == EV_SWIRQ_OP;
}

static void evict_hv(struct machine *m)
{
	vzsim_cache_evict(m, HV_FLASH_PA, HV_FLASH_LEN);
	vzsim_cache_evict(m, RAM_PA, HV_RAM_LEN);
}

/* Run one image until the guest has measured everything. With cold, the
 * hypervisor's cache lines are evicted as each instance of a keyed figure
 * starts (what a guest's own work does to them on silicon). */
static void run_image(struct run *r, const char *image, const struct symtab *gsyms,
		      const char *gpath, bool cold)
{
	uint32_t label[EV_LABELS];
	for (int i = 0; i < EV_LABELS; i++)
		label[i] = sym_addr(gsyms, ev_label[i], gpath);
	uint32_t dev_wait = sym_addr(gsyms, "hvb_dev_wait", gpath);
	uint32_t spin = sym_addr(gsyms, "hvb_dev_spin", gpath);
	uint32_t spin_end = sym_addr(gsyms, "hvb_dev_spin_end", gpath);
	uint32_t idle = sym_addr(gsyms, "hvb_dev_idle", gpath);
	uint32_t idle_wait = sym_addr(gsyms, "hvb_dev_idle_wait", gpath);
	uint32_t idle_end = sym_addr(gsyms, "hvb_dev_idle_end", gpath);

	struct vzsim_options opt = { .quiet = true, .strict = true };
	struct machine *m = vzsim_new(&opt);
	char err[256];
	if (!m)
		die("out of memory");
	r->m = m;
	vzsim_set_uart_tx(m, on_uart, r);
	if (vzsim_load(m, image, err, sizeof err) != 0)
		die("%s", err);
	vzsim_reset(m);

	/* Boot at full speed until the guest waits for us. */
	uint32_t pa = 0;
	bool found = false;
	while (vzsim_cycles(m) < BOOT_LIMIT) {
		enum vzsim_stop st = vzsim_run(m, 20000);
		if (st == VZSIM_STOP_FATAL)
			die("%s: simulation error: %s", r->what, vzsim_error(m));
		if (!found)
			found = find_record(m, &pa);
		if (found) {
			peek_record(m, pa, &r->rec);
			if (r->rec.state == HVB_STATE_READY)
				break;
		}
		if (st == VZSIM_STOP_HALT)
			break;
	}
	if (!found || r->rec.state != HVB_STATE_READY) {
		fprintf(stderr, "%s: %s: the guest never got ready (%s); console:\n%.*s\n",
			prog, r->what, found ? "record found" : "no record in RAM",
			(int)r->ncon, r->console);
		vzsim_free(m);
		return;
	}

	/* Let the console go quiet first (the hypervisor's banner drains under
	 * transmit interrupts), so that they do not land in the measurements. */
	uint64_t quiet_limit = vzsim_cycles(m) + QUIET_LIMIT;
	while (vzsim_cycles(m) - r->last_tx < QUIET_CYCLES && vzsim_cycles(m) < quiet_limit)
		if (vzsim_run(m, 10000) != VZSIM_STOP_LIMIT)
			break;

	/* Measure: one instruction per step. */
	poke_go(m, pa, HVB_GO_START);
	uint64_t end = vzsim_cycles(m) + RUN_LIMIT, inject_at = 0;
	enum dev_phase dev = DEV_IDLE;
	bool idle_round = false;
	unsigned n = 0;
	while (vzsim_cycles(m) < end) {
		uint32_t pc = vzsim_pc(m);
		uint64_t cyc = vzsim_cycles(m);
		add_step(r, pc, cyc);
		for (int i = 0; i < EV_LABELS; i++)
			if (pc == label[i]) {
				add_event(r, (enum ev)i, cyc);
				if (cold && cold_start((enum ev)i))
					evict_hv(m);
			}
		switch (dev) {
		case DEV_IDLE:
			if (pc == spin || pc == idle_wait) {
				idle_round = pc == idle_wait;
				dev = DEV_ARMED;
				inject_at = cyc + (idle_round ? INJECT_DELAY_IDLE : INJECT_DELAY);
			}
			break;
		case DEV_ARMED:
			if (cyc >= inject_at) {
				if (cold)
					evict_hv(m);
				if (!vzsim_uart_rx(m, DEV_UART, 'x'))
					die("%s: UART2 did not take the byte", r->what);
				add_event(r, idle_round ? EV_INJECT_IDLE : EV_INJECT, cyc);
				dev = DEV_INFLIGHT;
			}
			break;
		case DEV_INFLIGHT:
			/* Done when the guest is back where it waited, after its
			 * handler's acknowledgement. */
			if (((pc >= spin && pc < spin_end) || (pc >= idle_wait && pc < idle_end)) &&
			    r->nev && r->ev[r->nev - 1].id == EV_DEVACK_AFTER) {
				if (!idle_round)
					add_event(r, EV_RESUME, cyc);
				poke_go(m, pa, HVB_GO_NEXT);
				dev = DEV_LEAVING;
			}
			break;
		case DEV_LEAVING:
			if (pc == dev_wait || pc == idle)
				dev = DEV_IDLE;
			break;
		}
		/* The record changes rarely; read it every 256 steps. */
		if ((++n & 255) == 0) {
			peek_record(m, pa, &r->rec);
			if (r->rec.state == HVB_STATE_DONE)
				break;
		}
		enum vzsim_stop st = vzsim_run(m, 1);
		if (st == VZSIM_STOP_FATAL)
			die("%s: simulation error: %s", r->what, vzsim_error(m));
		if (st == VZSIM_STOP_HALT)
			break;
	}
	peek_record(m, pa, &r->rec);
	/* Let the console drain (the summary lines). */
	for (int i = 0; i < 200 && !strstr(r->console, "hvbench: done"); i++) {
		r->console[r->ncon] = '\0';
		if (vzsim_run(m, 100000) != VZSIM_STOP_LIMIT)
			break;
	}
	r->console[r->ncon] = '\0';
	r->ok = r->rec.state == HVB_STATE_DONE;
	if (!r->ok)
		fprintf(stderr, "%s: %s: the guest did not finish (state %u, pc 0x%08x); console:\n%s\n",
			prog, r->what, r->rec.state, vzsim_pc(m), r->console);
	vzsim_free(m);
}

/* ---- Figures ------------------------------------------------------------ */

struct sample {
	uint64_t cycles;
	size_t from, to;                /* step indices */
};

struct stats {
	size_t n;
	uint64_t min, median, max;
	double mean;
	struct sample med;              /* the median instance */
	struct sample worst;            /* the slowest one */
};

static int sample_cmp(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;
	return x->cycles < y->cycles ? -1 : x->cycles > y->cycles;
}

/* Every start event paired with the first end event after it (before the
 * next start); with `via` (not EV_COUNT), the first end event after the
 * first `via` event. A label counts as reached when the PC gets there, even
 * if an interrupt is then taken before that instruction runs: `via` skips
 * such an early arrival (the software IRQ's return point). */
static struct stats measure(const struct run *r, enum ev from, enum ev via, enum ev to)
{
	struct stats s = { 0 };
	if (!r->ok)
		return s;
	struct sample *v = xcalloc(r->nev, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < r->nev; i++) {
		if (r->ev[i].id != from)
			continue;
		bool passed = via == EV_COUNT;
		for (size_t j = i + 1; j < r->nev && r->ev[j].id != from; j++) {
			if (r->ev[j].id == via)
				passed = true;
			if (passed && r->ev[j].id == to) {
				v[n++] = (struct sample){ r->ev[j].cycle - r->ev[i].cycle,
							  r->ev[i].step, r->ev[j].step };
				break;
			}
		}
	}
	if (n) {
		qsort(v, n, sizeof *v, sample_cmp);
		double sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += (double)v[i].cycles;
		s.n = n;
		s.min = v[0].cycles;
		s.max = v[n - 1].cycles;
		s.med = v[n / 2];
		s.worst = v[n - 1];
		s.median = s.med.cycles;
		s.mean = sum / (double)n;
	}
	free(v);
	return s;
}

/* Guest's own Count view: ticks per iteration beyond the empty loop. */
static double guest_ticks(const struct run *r, enum hvb_loop l)
{
	if (!r->ok || !r->rec.reps)
		return -1;
	return ((double)r->rec.loop_ticks[l] - (double)r->rec.loop_ticks[HVB_L_EMPTY]) /
	       (double)r->rec.reps;
}

struct figure {
	const char *name;               /* table row */
	const char *key;                /* machine-readable name, NULL: detail row */
	enum ev from, via, to;
	int loop;                       /* hvb_loop for the guest view, -1: none */
	const char *tinyvp;
	double goal;                    /* ticks, 0: none */
};

static const struct figure figures[] = {
	{ "hypercall round trip (HYPCALL VM_ID)", "hypercall_ticks",
	  EV_HC_OP, EV_COUNT, EV_HC_AFTER, HVB_L_HYPCALL, "74", 35 },
	{ "forced context switch to root and back (CACHE)", "context_switch_ticks",
	  EV_TRAP_OP, EV_COUNT, EV_TRAP_AFTER, HVB_L_TRAP, "336", 170 },
	{ "  trap with emulation (MFC0 PRId)", NULL,
	  EV_PRID_OP, EV_COUNT, EV_PRID_AFTER, -1, "", 0 },
	{ "  hypercall answered in C (VZ_HC_TIME)", NULL,
	  EV_HCTIME_OP, EV_COUNT, EV_HCTIME_AFTER, -1, "", 0 },
	{ "emulated guarded register store (PR2)", "register_emulation_ticks",
	  EV_REGSW_OP, EV_COUNT, EV_REGSW_AFTER, HVB_L_REG_SW, "207", 100 },
	{ "  guarded register load (PR2)", NULL,
	  EV_REGLW_OP, EV_COUNT, EV_REGLW_AFTER, HVB_L_REG_LW, "", 0 },
	{ "  virtual EVIC load (IFS0)", NULL,
	  EV_EVLW_OP, EV_COUNT, EV_EVLW_AFTER, HVB_L_EVIC_LW, "", 0 },
	{ "  virtual EVIC store (IEC0SET)", NULL,
	  EV_EVSW_OP, EV_COUNT, EV_EVSW_AFTER, HVB_L_EVIC_SW, "", 0 },
	{ "software IRQ injection (IFS0SET -> handler)", "irq_injection_ticks",
	  EV_SWIRQ_OP, EV_COUNT, EV_VECTOR, -1, "173", 85 },
	{ "  handler's acknowledgement (IFS0CLR)", NULL,
	  EV_SWACK_OP, EV_COUNT, EV_SWACK_AFTER, -1, "", 0 },
	{ "  whole round (raise, handler, ack, return)", NULL,
	  EV_SWIRQ_OP, EV_SWACK_AFTER, EV_SWIRQ_AFTER, HVB_L_SWIRQ, "", 0 },
	{ "device IRQ round trip (UART2 RX -> ack done)", "device_irq_round_trip_ticks",
	  EV_INJECT, EV_COUNT, EV_DEVACK_AFTER, -1, "512-580", 260 },
	{ "  device event -> guest handler entry", NULL,
	  EV_INJECT, EV_COUNT, EV_VECTOR, -1, "", 0 },
	{ "  handler's read of U2RXREG", NULL,
	  EV_DEVREAD_OP, EV_COUNT, EV_DEVREAD_AFTER, -1, "", 0 },
	{ "  handler's acknowledgement (IFS4CLR)", NULL,
	  EV_DEVACK_OP, EV_COUNT, EV_DEVACK_AFTER, -1, "", 0 },
	{ "  device event -> back in the interrupted loop", NULL,
	  EV_INJECT, EV_COUNT, EV_RESUME, -1, "", 0 },
	{ "  guest idle in WAIT: event -> handler entry", NULL,
	  EV_INJECT_IDLE, EV_COUNT, EV_VECTOR, -1, "", 0 },
	{ "  guest idle in WAIT: event -> ack done", NULL,
	  EV_INJECT_IDLE, EV_COUNT, EV_DEVACK_AFTER, -1, "", 0 },
	{ "  (reference: one guest NOP in the loop)", NULL,
	  EV_EMPTY_OP, EV_COUNT, EV_EMPTY_AFTER, -1, "", 0 },
};
#define NFIG (sizeof figures / sizeof figures[0])

static void fmt_ticks(char *b, size_t len, const struct stats *s)
{
	if (!s->n)
		snprintf(b, len, "-");
	else
		snprintf(b, len, "%.1f", (double)s->median / 2);
}

static void fmt_cycles(char *b, size_t len, const struct stats *s)
{
	if (!s->n)
		snprintf(b, len, "-");
	else if (s->min == s->max)
		snprintf(b, len, "%llu", (unsigned long long)s->median);
	else
		snprintf(b, len, "%llu (%llu-%llu)", (unsigned long long)s->median,
			 (unsigned long long)s->min, (unsigned long long)s->max);
}

/* Where the cycles of one instance go. path: one row per stay in a
 * function, in order (the exit path as executed); else one row per
 * function, most expensive first. */
static void profile(const struct run *r, const struct sample *smp,
		    const struct symtab *hv, const struct symtab *guest, bool path)
{
	struct row { const char *fn; uint64_t cyc; unsigned insns; bool root; } rows[96];
	size_t nr = 0;
	uint64_t root_cyc = 0;
	for (size_t i = smp->from; i < smp->to && i + 1 < r->nsteps; i++) {
		uint32_t pc = r->steps[i].pc;
		bool root = (pc & 0xFFFF0000u) == 0x9D000000u;
		const char *fn = root ? (hv ? sym_at(hv, pc) : "(hypervisor)") : sym_at(guest, pc);
		uint64_t c = r->steps[i + 1].cycle - r->steps[i].cycle;
		size_t k;
		if (path) {
			k = nr ? nr - 1 : 0;
			if (nr && rows[k].root == root && !strcmp(rows[k].fn, fn))
				goto add;
		} else {
			for (k = 0; k < nr; k++)
				if (rows[k].root == root && !strcmp(rows[k].fn, fn))
					goto add;
		}
		if (nr == sizeof rows / sizeof rows[0])
			continue;
		k = nr++;
		rows[k] = (struct row){ .fn = fn, .root = root };
add:
		rows[k].cyc += c;
		rows[k].insns++;
		if (root)
			root_cyc += c;
	}
	if (!path)
		for (size_t a = 1; a < nr; a++)          /* insertion sort, by cycles */
			for (size_t b = a; b > 0 && rows[b].cyc > rows[b - 1].cyc; b--) {
				struct row t = rows[b];
				rows[b] = rows[b - 1];
				rows[b - 1] = t;
			}
	for (size_t k = 0; k < nr; k++)
		printf("      %-6s %-28s %5u insns %6llu cycles\n", rows[k].root ? "root" : "guest",
		       rows[k].fn, rows[k].insns, (unsigned long long)rows[k].cyc);
	printf("      (%llu of %llu cycles in the hypervisor)\n", (unsigned long long)root_cyc,
	       (unsigned long long)smp->cycles);
}

/* One line per instruction of an instance: cycle offset, PC, function+offset,
 * cycles taken (objdump -d of the ELF shows the instruction). The simulator
 * runs a branch and its delay slot as one step: one line. */
static void trace_instance(const struct run *r, const struct sample *smp,
			   const struct symtab *hv, const struct symtab *guest)
{
	uint64_t t0 = r->steps[smp->from].cycle;
	for (size_t i = smp->from; i < smp->to && i + 1 < r->nsteps; i++) {
		uint32_t pc = r->steps[i].pc;
		bool root = (pc & 0xFFFF0000u) == 0x9D000000u;
		const struct sym *s = root ? (hv ? elfsyms_at(hv, pc) : NULL) : elfsyms_at(guest, pc);
		printf("      %+6lld  %08x  %-5s %s+0x%x  %llu\n", (long long)(r->steps[i].cycle - t0),
		       pc, root ? "root" : "guest", s ? s->name : "?", s ? pc - s->addr : 0,
		       (unsigned long long)(r->steps[i + 1].cycle - r->steps[i].cycle));
	}
}

static void size_line(const char *tool, const char *elf, unsigned long *code,
		      unsigned long *ram)
{
	char cmd[1024], line[512];
	snprintf(cmd, sizeof cmd, "'%s' '%s'", tool, elf);
	/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
	FILE *p = popen(cmd, "r");
	if (!p)
		die("cannot run %s", tool);
	bool got = false;
	while (fgets(line, sizeof line, p)) {
		unsigned long t, d, b;
		/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
		if (sscanf(line, " %lu %lu %lu", &t, &d, &b) == 3) {
			*code = t;
			*ram = d + b;
			got = true;
		}
	}
	if (pclose(p) != 0 || !got)
		die("%s %s: no size figures", tool, elf);
}

/* One table row, without trailing blanks. */
__attribute__((format(printf, 1, 2)))
static void row(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	size_t n = strlen(line);
	while (n && line[n - 1] == ' ')
		line[--n] = '\0';
	puts(line);
}

/* ---- Partitioning: channels and restarts (partbench.c) ------------------ */

static const char *const pb_name[PB_FIGS] = {
	"sampling-port write, 16 bytes (HYPCALL -> back)",
	"doorbell: ring -> the waiting VM's vector",
	"queuing round trip A -> B -> A, doorbells",
	"VM restart, cold: fault -> first instruction",
	"  warm (RAM kept)",
};
/* Machine-readable names; restarts in microseconds, the rest in ticks. */
static const char *const pb_key[PB_FIGS] = {
	"sampling_write", "doorbell", "queuing_round_trip", "vm_restart", "vm_warm_restart",
};

static bool pb_in_us(int f)
{
	return f == PB_RESTART_COLD || f == PB_RESTART_WARM;
}

static void pb_value(char *b, size_t len, const struct partbench_result *r, int f)
{
	if (!r->n[f])
		snprintf(b, len, "-");
	else if (pb_in_us(f))
		snprintf(b, len, "%.1f us", (double)r->median[f] / CYCLES_PER_US);
	else
		snprintf(b, len, "%.1f", (double)r->median[f] / 2);
}

/* pb[0] warm caches, pb[1] the hypervisor's lines evicted at each start. */
static void partition_figures(const char *image, const char *guest, struct partbench_result pb[2])
{
	struct symtab g = load_symbols(guest);
	char err[512];
	for (int cold = 0; cold < 2; cold++)
		if (partbench_measure(image, &g, cold, PART_LIMIT, &pb[cold], err, sizeof err))
			die("%s: %s", image, err);
	printf("\nPartitioning (%s: two VMs with channels, two restarted by the\n"
	       "health monitor; core-timer ticks, restarts in microseconds):\n", image);
	row("%-48s %8s %-22s %5s %10s", "figure", "vzlet", "cycles (min-max)", "n", "cold");
	for (int f = 0; f < PB_FIGS; f++) {
		char v[32], c[64], vc[32];
		pb_value(v, sizeof v, &pb[0], f);
		pb_value(vc, sizeof vc, &pb[1], f);
		snprintf(c, sizeof c, "%llu (%llu-%llu)", (unsigned long long)pb[0].median[f],
			 (unsigned long long)pb[0].min[f], (unsigned long long)pb[0].max[f]);
		row("%-48s %8s %-22s %5u %10s", pb_name[f], v, c, pb[0].n[f], vc);
	}
}

static void partition_keys(const struct partbench_result pb[2])
{
	for (int cold = 0; cold < 2; cold++)
		for (int f = 0; f < PB_FIGS; f++) {
			if (cold && pb_in_us(f))
				continue;
			const char *sfx = pb_in_us(f) ? "us" : "ticks";
			if (!pb[cold].n[f])
				printf("%s%s_%s: unmeasured\n", pb_key[f], cold ? "_cold" : "", sfx);
			else if (pb_in_us(f))
				printf("%s_us: %.1f\n", pb_key[f], (double)pb[cold].median[f] / CYCLES_PER_US);
			else
				printf("%s%s_ticks: %llu\n", pb_key[f], cold ? "_cold" : "",
				       (unsigned long long)((pb[cold].median[f] + 1) / 2));
		}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s --guest ELF [--image IMAGE] [--hv-elf ELF] [--size-elf ELF]\n"
		"       [--size-tool PROG] [--profile] [--worst] [--trace] [--console]\n"
		"  --guest ELF       the benchmark guest (bench/hv/guest), run bare\n"
		"  --image IMAGE     the system image with the hypervisor and that guest\n"
		"  --hv-elf ELF      the hypervisor ELF of IMAGE (symbols for --profile)\n"
		"  --size-elf ELF    the hypervisor ELF whose code/RAM size is reported\n"
		"  --size-tool PROG  Berkeley-format size tool (mipsel-linux-gnu-size)\n"
		"  --profile         the path (function by function) of every figure's median\n"
		"                    instance; without it, per-function totals of the missed ones\n"
		"  --worst           profile the slowest instance instead of the median one\n"
		"  --trace           with the profile, every instruction of the instance\n"
		"  --console         print the guest's console output of both runs\n"
		"  --switch-image IMAGE --switch-hv-elf ELF\n"
		"                    a system whose VMs differ in their guest TLB share: times\n"
		"                    the guest TLB work (gtlb_switch) of its VM switches\n"
		"  --partition-image IMAGE --partition-guest ELF\n"
		"                    the channels and restarts system (bench/hv/bench-partition.dts)\n",
		prog);
}

int main(int argc, char **argv)
{
	const char *guest = NULL, *image = NULL, *hv_elf = NULL, *size_elf = NULL;
	const char *sw_image = NULL, *sw_elf = NULL;
	const char *pb_image = NULL, *pb_guest = NULL;
	const char *size_tool = "mipsel-linux-gnu-size";
	bool want_profile = false, want_console = false, want_worst = false, want_trace = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		if (!strcmp(a, "--guest") && more)
			guest = argv[++i];
		else if (!strcmp(a, "--image") && more)
			image = argv[++i];
		else if (!strcmp(a, "--hv-elf") && more)
			hv_elf = argv[++i];
		else if (!strcmp(a, "--size-elf") && more)
			size_elf = argv[++i];
		else if (!strcmp(a, "--size-tool") && more)
			size_tool = argv[++i];
		else if (!strcmp(a, "--switch-image") && more)
			sw_image = argv[++i];
		else if (!strcmp(a, "--switch-hv-elf") && more)
			sw_elf = argv[++i];
		else if (!strcmp(a, "--partition-image") && more)
			pb_image = argv[++i];
		else if (!strcmp(a, "--partition-guest") && more)
			pb_guest = argv[++i];
		else if (!strcmp(a, "--profile"))
			want_profile = true;
		else if (!strcmp(a, "--trace"))
			want_trace = true;
		else if (!strcmp(a, "--worst"))
			want_worst = true;
		else if (!strcmp(a, "--console"))
			want_console = true;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (!guest) {
		usage(stderr);
		return 2;
	}

	struct symtab gsyms = load_symbols(guest);
	struct symtab hsyms = { 0 };
	if (hv_elf)
		hsyms = load_symbols(hv_elf);

	static struct run bare = { .what = "bare" }, hv = { .what = "under vzlet" },
		hvcold = { .what = "under vzlet, hypervisor lines evicted" };
	run_image(&bare, guest, &gsyms, guest, false);
	if (image) {
		run_image(&hv, image, &gsyms, guest, false);
		run_image(&hvcold, image, &gsyms, guest, true);
	}

	unsigned long code = 0, ram = 0;
	if (size_elf)
		size_line(size_tool, size_elf, &code, &ram);

	printf("vzlet hypervisor costs on vzlet-sim (exact simulated cycles; core-timer ticks = cycles / 2);\n"
	       "median over %u instances (%u for the device IRQ), min-max in brackets\n\n",
	       HVB_REPS, HVB_DEV_ROUNDS);
	row("%-48s %8s %-16s %8s %7s %8s %7s %s", "figure (core-timer ticks)", "vzlet",
	       "cycles", "bare", "guest", "tinyVP", "goal", "");
	struct stats st[NFIG];
	for (size_t f = 0; f < NFIG; f++) {
		const struct figure *fg = &figures[f];
		struct stats sb = measure(&bare, fg->from, fg->via, fg->to);
		st[f] = measure(&hv, fg->from, fg->via, fg->to);
		char t[32], c[48], b[32], g[32], goal[16];
		fmt_ticks(t, sizeof t, &st[f]);
		fmt_cycles(c, sizeof c, &st[f]);
		fmt_ticks(b, sizeof b, &sb);
		double gv = fg->loop >= 0 && hv.ok ? guest_ticks(&hv, (enum hvb_loop)fg->loop) : -1;
		if (gv >= 0)
			snprintf(g, sizeof g, "%.1f", gv);
		else
			snprintf(g, sizeof g, "-");
		if (fg->goal > 0)
			snprintf(goal, sizeof goal, "<= %.0f", fg->goal);
		else
			goal[0] = '\0';
		const char *verdict = "";
		if (fg->goal > 0 && st[f].n)
			verdict = (double)st[f].median / 2 <= fg->goal ? "met" : "MISSED";
		row("%-48s %8s %-16s %8s %7s %8s %7s %s", fg->name, t, c, b, g,
		       fg->tinyvp, goal, verdict);
	}
	if (size_elf) {
		row("%-48s %8lu %-16s %8s %7s %8s %7s %s", "hypervisor code bytes (two-guest system)",
		       code, "", "", "", "35 KB", "20 KB", code <= 20480 ? "met" : "MISSED");
		row("%-48s %8lu %-16s %8s %7s %8s %7s %s", "hypervisor RAM bytes (data+bss+stack)",
		       ram, "", "", "", "24 KB", "12 KB", ram <= 12288 ? "met" : "MISSED");
	}
	printf("\nvzlet/bare: median of exact per-instance cycles from PCs / 2; guest: the guest's\n"
	       "own Count, per iteration beyond an empty loop (averaged over %u)\n", HVB_REPS);

	/* Where the cycles go: per function for each figure that misses its
	 * goal; with --profile, the whole path of every figure. */
	if (hv.ok) {
		bool any = false;
		for (size_t f = 0; f < NFIG; f++) {
			bool missed = figures[f].goal > 0 && st[f].n &&
				      (double)st[f].median / 2 > figures[f].goal;
			if (!st[f].n || !(missed || want_profile))
				continue;
			if (!any)
				printf("\nWhere the cycles go (the %s instance under vzlet%s):\n",
				       want_worst ? "slowest" : "median",
				       want_profile ? ", the path in order" : ", per function");
			any = true;
			const struct sample *smp = want_worst ? &st[f].worst : &st[f].med;
			printf("  %s: %llu cycles\n", figures[f].name, (unsigned long long)smp->cycles);
			profile(&hv, smp, hv_elf ? &hsyms : NULL, &gsyms, want_profile);
			if (want_trace)
				trace_instance(&hv, smp, hv_elf ? &hsyms : NULL, &gsyms);
		}
	}
	struct vmswitch_result sw = { 0 };
	bool sw_ok = false;
	if (sw_image && sw_elf) {
		struct symtab swsyms = load_symbols(sw_elf);
		char err[512];
		if (vmswitch_measure(sw_image, &swsyms, SWITCH_LIMIT, &sw, err, sizeof err) != 0)
			die("%s: %s", sw_image, err);
		sw_ok = true;
		static const char *const what[VMSW_KINDS] = {
			"  between VMs without a share",
			"  out of a VM with a share (save, invalidate)",
			"  into a VM with a share (restore)",
		};
		printf("\nGuest TLB work of a VM switch (gtlb_switch: GuestCtl1, guest MMUSize,\n"
		       "TLBGR/TLBGWI), measured on real switches of %s:\n", sw_image);
		row("%-48s %8s %-16s %8s %s", "figure (core-timer ticks)", "vzlet", "cycles",
		    "calls", "TLBG*");
		for (int k = 0; k < VMSW_KINDS; k++) {
			if (!sw.n[k]) {
				row("%-48s %8s", what[k], "-");
				continue;
			}
			row("%-48s %8.1f %-16llu %8u %u", what[k], (double)sw.median[k] / 2,
			    (unsigned long long)sw.median[k], sw.n[k], sw.tlbg[k]);
		}
	}
	struct partbench_result pb[2];
	bool pb_ok = pb_image && pb_guest;
	if (pb_ok)
		partition_figures(pb_image, pb_guest, pb);
	if (want_console) {
		printf("\nconsole, bare:\n%s\nconsole, under vzlet:\n%s\n", bare.console, hv.console);
	}

	/* Cold: the same instances with the hypervisor's lines evicted first. */
	if (image) {
		printf("\ncold caches (the hypervisor's lines evicted as each instance starts):\n");
		for (size_t f = 0; f < NFIG; f++) {
			if (!figures[f].key)
				continue;
			struct stats sc = measure(&hvcold, figures[f].from, figures[f].via, figures[f].to);
			char t[32], c[48];
			fmt_ticks(t, sizeof t, &sc);
			fmt_cycles(c, sizeof c, &sc);
			printf("  %-46s %8s %-16s\n", figures[f].name, t, c);
		}
	}

	printf("\n");
	for (size_t f = 0; f < NFIG; f++)
		if (figures[f].key) {
			if (st[f].n)
				printf("%s: %llu\n", figures[f].key,
				       (unsigned long long)((st[f].median + 1) / 2));
			else
				printf("%s: unmeasured\n", figures[f].key);
		}
	for (size_t f = 0; image && f < NFIG; f++)
		if (figures[f].key) {
			struct stats sc = measure(&hvcold, figures[f].from, figures[f].via, figures[f].to);
			size_t n = strlen(figures[f].key) - strlen("_ticks");
			if (sc.n)
				printf("%.*s_cold_ticks: %llu\n", (int)n, figures[f].key,
				       (unsigned long long)((sc.median + 1) / 2));
			else
				printf("%.*s_cold_ticks: unmeasured\n", (int)n, figures[f].key);
		}
	if (sw_ok) {
		/* A switch between two VMs with a share does both halves; one
		 * without costs the GuestCtl1 write every switch has and the
		 * outgoing VM's entry 0 written invalid. */
		if (sw.n[VMSW_OUT] && sw.n[VMSW_IN])
			printf("guest_tlb_switch_ticks: %llu\n",
			       (unsigned long long)((sw.median[VMSW_OUT] + sw.median[VMSW_IN] + 1) / 2));
		else
			printf("guest_tlb_switch_ticks: unmeasured\n");
		if (sw.n[VMSW_NONE])
			printf("guest_tlb_switch_ticks_no_share: %llu\n",
			       (unsigned long long)((sw.median[VMSW_NONE] + 1) / 2));
		else
			printf("guest_tlb_switch_ticks_no_share: unmeasured\n");
	}
	if (pb_ok)
		partition_keys(pb);
	if (size_elf) {
		printf("hv_code_bytes: %lu\n", code);
		printf("hv_ram_bytes: %lu\n", ram);
	}
	bool pb_all = true;
	for (int f = 0; pb_ok && f < PB_FIGS; f++)
		pb_all = pb_all && pb[0].n[f] && pb[1].n[f];
	return bare.ok && (!image || (hv.ok && hvcold.ok)) && pb_all ? 0 : 1;
}
