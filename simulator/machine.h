/* SPDX-License-Identifier: Apache-2.0 */
/* machine.h - the simulated chip as one object, and the contracts between its
 * parts. The CPU (simulator/cpu), the SoC (simulator/soc) and the loaders
 * (simulator/loaders) only meet here.
 *
 * Time: m->cycle counts SYSCLK cycles (the core clock). Everything timed
 * (core timer, peripheral timers, UART shift registers) is derived from it
 * and scheduled as events, never polled per instruction.
 */
#ifndef VZSIM_MACHINE_H
#define VZSIM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vzsim.h"

/* A timed event. Owners embed these in their device state (defined before
 * the parts' headers so that they can). */
struct machine;
struct event;
typedef void (*event_fn)(struct machine *m, struct event *ev);
struct event {
	uint64_t when;          /* cycle at which fn runs */
	event_fn fn;
	struct event *next;     /* scheduler list, ordered by when */
	bool armed;
	const char *name;
};

#include "cpu/cpu.h"
#include "soc/soc.h"

/* Physical memory map of the PIC32MZ2048EF (hardware.md section 3). */
#define PA_RAM_BASE      0x00000000u
#define PA_RAM_SIZE      0x00080000u   /* 512 KB */
#define PA_PFLASH_BASE   0x1D000000u
#define PA_PFLASH_SIZE   0x00200000u   /* 2 MB */
#define PA_SFR_BASE      0x1F800000u
#define PA_SFR_END       0x1F900000u
#define PA_BOOT_BASE     0x1FC00000u   /* lower alias: the active boot flash panel */
#define PA_BOOT1_BASE    0x1FC40000u
#define PA_BOOT2_BASE    0x1FC60000u
#define PA_BOOT_SIZE     0x00014000u   /* 80 KB per panel */

/* Schedule (or reschedule) ev at absolute cycle `when`; cancel is idempotent. */
void event_schedule(struct machine *m, struct event *ev, uint64_t when);
void event_cancel(struct machine *m, struct event *ev);
/* Run every event whose time has come (called by the CPU run loop when
 * m->cycle >= m->next_event). */
void event_dispatch(struct machine *m);

struct machine {
	/* Hot state first: the CPU loop reads these every instruction burst. */
	uint64_t cycle;         /* SYSCLK cycles since reset */
	uint64_t next_event;    /* earliest armed event (UINT64_MAX if none) */
	uint64_t insns;         /* instructions retired */
	enum vzsim_stop stop;   /* != VZSIM_RUNNING ends the run loop */

	/* Host memory backing the chip's memories (fixed sizes above). */
	uint8_t *ram;
	uint8_t *pflash;
	uint8_t *boot1;
	uint8_t *boot2;

	struct cpu cpu;
	struct soc soc;

	struct event *events;   /* sorted list of armed events */

	/* Outside world. */
	struct vzsim_options opt;
	vzsim_uart_tx_fn uart_tx;
	void *uart_tx_ctx;
	vzsim_gpio_fn gpio;
	void *gpio_ctx;
	vzsim_event_fn event_fn;  /* system events (--trace-events), NULL: off */
	void *event_ctx;
	char error[256];        /* set with VZSIM_STOP_FATAL */
	uint64_t findings;      /* machine_finding calls */
	uint32_t findings_warned; /* bit per rule already warned about (lenient mode) */
};

/* Report a system event if anyone listens (vzsim_set_events).
 * -DVZSIM_NO_EVENT_HOOKS compiles the hooks out: only for the benchmark that
 * shows what they cost while no one listens (make bench-sim,
 * sim_mips_no_event_hooks:); vzsim_set_events then records nothing. */
void machine_event_slow(struct machine *m, enum vzsim_event_kind kind, unsigned guestid,
			unsigned code, unsigned gexc, uint32_t pc);
static inline bool machine_events_on(const struct machine *m)
{
#ifdef VZSIM_NO_EVENT_HOOKS
	(void)m;
	return false;
#else
	return __builtin_expect(m->event_fn != NULL, 0);
#endif
}
static inline void machine_event(struct machine *m, enum vzsim_event_kind kind, unsigned guestid,
				 unsigned code, unsigned gexc, uint32_t pc)
{
	if (machine_events_on(m))
		machine_event_slow(m, kind, guestid, code, gexc, pc);
}

/* Stop the run with a fatal error (printf-style message). */
void machine_fatal(struct machine *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print a warning on stderr unless opt.quiet. */
void machine_warn(struct machine *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Model checkers (finding.c): software did something that silicon does not
 * guarantee to work (a cache-coherence or CP0-hazard rule broken, ...). With
 * opt.strict the run stops with a fatal error naming the rule; otherwise the
 * first finding of each rule is printed as a warning. */
enum finding_rule {
	FINDING_COHERENCE,      /* cache coherence (uncached vs cached alias, I/D) */
	FINDING_CACHE_INIT,     /* use of a cache line never initialised */
	FINDING_HAZARD,         /* CP0 state used before the required barrier */
	FINDING_BUS,            /* peripheral bus ordering (posted store) */
	FINDING_ISA,            /* an ISA mode or encoding the model does not run */
	FINDING_TLB,            /* TLB index outside the context's part of the TLB */
	FINDING_RULES
};
void machine_finding(struct machine *m, enum finding_rule rule, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *finding_rule_name(enum finding_rule rule);

/* ---- Contracts implemented by the CPU (simulator/cpu) -------------------- */
void cpu_init(struct machine *m);                 /* once, after allocation */
void cpu_reset(struct machine *m);                /* power-on / MCLR reset */
void cpu_free(struct machine *m);                 /* release what cpu_init allocated */
/* Execute until m->cycle >= until or m->stop != VZSIM_RUNNING. Dispatches
 * events itself whenever m->cycle reaches m->next_event. */
void cpu_run(struct machine *m, uint64_t until);
/* The EVIC's outputs changed (EIC mode interface): requested interrupt level,
 * vector offset from EBase, and shadow set. ripl == 0 means none. */
void cpu_eic_update(struct machine *m, unsigned ripl, uint32_t voff, unsigned eicss);
/* Physical memory [pa, pa+len) was changed behind the CPU's back (loader,
 * flash programming, DMA): drop predecoded instructions there. */
void cpu_code_written(struct machine *m, uint32_t pa, uint32_t len);
/* The bus permissions (sba.c) changed: drop translations cached under the
 * old ones (the core checks every access it does not cache). */
void cpu_bus_permissions_changed(struct machine *m);
/* A bus master other than the core (DMA) reads or writes RAM at pa: it
 * reaches memory, not the D-cache (cache.c). A read of a line the D-cache
 * holds dirty and a write under a valid line that is later read cached
 * are coherence findings. True if done here on a D line's copy of memory;
 * false: the caller accesses memory itself. */
bool cache_master_access(struct machine *m, uint32_t pa, unsigned size, bool store, uint32_t *val);
/* Another bus master (the flash controller) and the L1 D-cache
 * (cpu/cache.c): the bytes memory holds for the 16-byte line at pa, to
 * read or change (a D line's memory copy while it holds the line, else
 * host memory; NULL outside RAM and flash); after a change,
 * cpu_memory_line_changed marks a D line that now differs from memory
 * (a cached access to it is then a coherence finding, as on silicon).
 * cpu_memory_line_read reports a D line that holds the line dirty (the
 * master reads memory, not the newer cached bytes); who names the master. */
uint8_t *cpu_memory_line(struct machine *m, uint32_t pa);
void cpu_memory_line_changed(struct machine *m, uint32_t pa);
void cpu_memory_line_read(struct machine *m, uint32_t pa, const char *who);
/* A posted SFR store landed: devices, interrupts or the flash wait states
 * may have changed (end the burst, re-derive the fetch window). */
void cpu_sfr_written(struct machine *m);

/* ---- Contracts implemented by the SoC (simulator/soc) -------------------- */
void soc_init(struct machine *m);                 /* once, after allocation */
void soc_reset(struct machine *m);
/* Accesses to physical addresses outside RAM and flash (SFRs, unmapped).
 * size is 1, 2 or 4 and pa is naturally aligned. Returns false for a bus
 * error (the CPU raises IBE/DBE). */
bool soc_read(struct machine *m, uint32_t pa, unsigned size, uint32_t *val);
bool soc_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val);
/* Core interrupt lines into the EVIC: 0 = core timer (Cause.TI),
 * 1 = core software interrupt 0 (Cause.IP0), 2 = software interrupt 1. */
void soc_core_irq(struct machine *m, unsigned line, bool level);
/* The core's own loads and stores outside RAM and flash (bus.c): SFR
 * accesses cost peripheral-bus cycles (added to m->cycle) and SFR stores are
 * posted (they take effect later, as an event); pc names the store. Other
 * addresses behave as soc_read/soc_write. */
bool soc_bus_read(struct machine *m, uint32_t pa, unsigned size, uint32_t *val);
bool soc_bus_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val, uint32_t pc);
/* SYNC: every posted store lands (the core waits). */
void soc_bus_sync(struct machine *m);
/* The core is taking the root interrupt the EVIC presents (a posted store
 * that masks it is a FINDING_BUS). */
void soc_irq_taken(struct machine *m);
/* Flash wait states the CPU pays for an uncached program/boot flash access
 * (from PRECON.PFMWS). */
unsigned soc_flash_wait_states(const struct machine *m);
/* DEVCFG0.BOOTISA (bit 6) = 0: the core resets into microMIPS and takes
 * exceptions in microMIPS (Config3.ISAOnExc). */
bool soc_boot_micromips(const struct machine *m);
/* PRECON.PREFEN: prefetch module lines and predictive prefetch for
 * 0 none, 1 cacheable, 2 non-cacheable, 3 all accesses. */
unsigned soc_flash_prefetch(const struct machine *m);

#endif
