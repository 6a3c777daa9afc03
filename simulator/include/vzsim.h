/* SPDX-License-Identifier: Apache-2.0 */
/* vzsim.h - public API of the vzlet simulator library (libvzsim).
 *
 * The simulator models a PIC32MZ EF chip (MIPS M5150 core with the VZ module,
 * 512 KB RAM, 2 MB program flash, boot flash, SFRs) cycle by cycle. Same images
 * and same input give the same output and the same cycle counts.
 *
 * The CLI (simulator/cli), the tests and the benchmarks use only this header.
 */
#ifndef VZSIM_H
#define VZSIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct machine;

/* Why vzsim_run() returned. */
enum vzsim_stop {
	VZSIM_RUNNING = 0,      /* internal: not stopped */
	VZSIM_STOP_LIMIT,       /* the cycle limit was reached */
	VZSIM_STOP_REQUEST,     /* vzsim_request_stop() was called (e.g. a string matched) */
	VZSIM_STOP_FATAL,       /* a fatal simulation error; see vzsim_error() */
	VZSIM_STOP_HALT,        /* the core waits forever: WAIT with no interrupt source able to wake it */
};

struct vzsim_options {
	bool strict_sfr;        /* an access to an unimplemented SFR stops the run (VZSIM_STOP_FATAL) */
	bool strict;            /* a model-checker finding (cache coherence, CP0 hazard,
	                         * ...: machine_finding) stops the run (VZSIM_STOP_FATAL);
	                         * otherwise each rule is reported once as a warning */
	unsigned lenient_rules; /* bit r: findings of rule r stay warnings even with
	                         * strict (vzsim_rule_by_name gives r) */
	bool quiet;             /* do not print warnings (unimplemented SFRs, ...) on stderr */
	FILE *trace;            /* if non-NULL, one line per executed instruction */
	int board;              /* enum vzsim_board: what drives the pins outside the chip */
	uint64_t trace_after;   /* start tracing at this cycle */
};

/* The board around the chip, as far as the chip's pins see it: the
 * chipKIT Wi-Fire pulls its button pins RA4/RA5 down; the other boards
 * (DM320007, PIC32-EMZ64) have buttons to ground and no pull on the board,
 * so nothing drives their pins. */
enum vzsim_board { VZSIM_BOARD_WIFIRE = 0, VZSIM_BOARD_OTHER };

/* Callbacks: the simulated chip talking to the outside world. */
typedef void (*vzsim_uart_tx_fn)(void *ctx, int uart /* 1..6 */, uint8_t byte);
typedef void (*vzsim_gpio_fn)(void *ctx, int port /* 0 = A .. 10 = K */,
			      uint32_t old_lat, uint32_t new_lat, uint32_t tris);

/* Lifetime. vzsim_new returns NULL only when out of host memory. */
struct machine *vzsim_new(const struct vzsim_options *opt);
void vzsim_free(struct machine *m);

/* Erase all memories to their blank state (RAM 0, flash 0xFF). */
void vzsim_erase(struct machine *m);

/* Load an image (ELF, Intel HEX or SREC, detected from content) into flash/RAM.
 * Returns 0, or -1 with a message in err (naming the file and the problem). */
int vzsim_load(struct machine *m, const char *path, char *err, size_t errlen);

/* Power-on reset of the whole chip (CPU at 0xBFC00000, SFRs at reset values). */
void vzsim_reset(struct machine *m);

/* Run until max_cycles more core cycles have elapsed or something stops the run. */
enum vzsim_stop vzsim_run(struct machine *m, uint64_t max_cycles);
void vzsim_request_stop(struct machine *m);  /* callable from callbacks */
const char *vzsim_error(const struct machine *m); /* message for VZSIM_STOP_FATAL */

/* Devices seen from outside. */
void vzsim_set_uart_tx(struct machine *m, vzsim_uart_tx_fn fn, void *ctx);
/* Offer one received byte to a UART's receiver. Returns false if the byte was
 * not taken because it cannot be received now: the receive FIFO is full, an
 * overrun is pending, or the UART/receiver is off. The caller keeps the byte
 * and retries later, so no input is ever lost. */
bool vzsim_uart_rx(struct machine *m, int uart, uint8_t byte);
void vzsim_set_gpio(struct machine *m, vzsim_gpio_fn fn, void *ctx);
void vzsim_set_pin(struct machine *m, int port, int pin, bool level); /* external input */
uint32_t vzsim_port_lat(struct machine *m, int port);

/* Statistics and state, for tests and the CLI. */
uint64_t vzsim_cycles(const struct machine *m);
uint64_t vzsim_instructions(const struct machine *m);
/* Model-checker findings so far (each machine_finding call counts once). */
uint64_t vzsim_findings(const struct machine *m);
/* The number of the model-checker rule called `name` ("cp0-hazard", ...),
 * for vzsim_options.lenient_rules; -1 if there is none. */
int vzsim_rule_by_name(const char *name);

/* Write back and invalidate every I- and D-cache line holding physical
 * memory in [pa, pa + len) (benchmarks: the hypervisor's lines evicted, as
 * other code's work does on silicon). Takes no simulated time. */
void vzsim_cache_evict(struct machine *m, uint32_t pa, uint32_t len);
uint32_t vzsim_pc(const struct machine *m);
uint32_t vzsim_gpr(const struct machine *m, int n);   /* current shadow set */
/* Physical memory peek/poke (RAM, flash, boot flash; no side effects). */
bool vzsim_peek(struct machine *m, uint32_t pa, void *buf, size_t len);
bool vzsim_poke(struct machine *m, uint32_t pa, const void *buf, size_t len);

/* Debugger access (vzlet-sim --gdb). Register numbers follow the MIPS
 * debugger convention: 0-31 the GPRs of the current shadow set, then these. */
enum vzsim_reg {
	VZSIM_REG_STATUS = 32, VZSIM_REG_LO, VZSIM_REG_HI, VZSIM_REG_BADVADDR,
	VZSIM_REG_CAUSE, VZSIM_REG_PC, VZSIM_REG_COUNT
};
/* Read register n (0..VZSIM_REG_COUNT-1) of the running context. */
uint32_t vzsim_get_reg(const struct machine *m, int n);
/* Write GPR 1-31, LO, HI or PC (the next instruction, outside any delay slot).
 * Returns false for the others: writing Status/Cause/BadVAddr from outside
 * would skip their side effects. Call only between runs. */
bool vzsim_set_reg(struct machine *m, int n, uint32_t v);
/* Read [va, va+len) through the unmapped segments KSEG0/KSEG1 only (no TLB,
 * no side effects); false if any byte is elsewhere or not RAM/flash. */
bool vzsim_read_virt(struct machine *m, uint32_t va, void *buf, size_t len);
bool vzsim_write_virt(struct machine *m, uint32_t va, const void *buf, size_t len);

/* ---- Debugger views (debug.c): what a JTAG probe would see, without side
 * effects. The gdb server builds its VM threads from these. ---- */
struct vzsim_cpu_view {
	bool guest;             /* guest mode: the next instruction is a guest's */
	unsigned guestid;       /* GuestCtl1.ID (the guest context in the hardware) */
	unsigned css;           /* the shadow register set in use */
	uint32_t pc;            /* the next instruction (root or guest virtual) */
	bool micromips;         /* it is microMIPS code (the ISA bit gdb shows in PC) */
	uint32_t exc_seq;       /* exception entries so far (root and guest) */
	bool waiting;           /* in WAIT: nothing executes before next_event */
	uint64_t next_event;    /* cycle of the earliest timed event */
};
void vzsim_cpu_view(const struct machine *m, struct vzsim_cpu_view *v);
/* GPR n (1..31) of shadow set `set`, wherever it is held. */
uint32_t vzsim_srs_get(const struct machine *m, unsigned set, unsigned n);
bool vzsim_srs_set(struct machine *m, unsigned set, unsigned n, uint32_t v);
uint32_t vzsim_hilo(const struct machine *m, bool hi);
/* CP0 register (reg, sel) of the root context or of the guest context in
 * the hardware; false for registers this view does not offer (the guest's
 * Count: its meaning is the hypervisor's). */
bool vzsim_cp0_get(struct machine *m, bool guest, unsigned reg, unsigned sel, uint32_t *v);
uint64_t vzsim_fpr(const struct machine *m, unsigned n);    /* FPR n, 64 bits */
uint32_t vzsim_fcr(const struct machine *m, unsigned n);    /* 0: FIR, 31: FCSR */
uint32_t vzsim_dsp_get(const struct machine *m, unsigned n); /* 0-5: ac1 hi, lo .. ac3 lo; 6: DSPControl */

/* A guest's first-stage state when it is not in the hardware (the copy a
 * hypervisor keeps): Status (ERL), EntryHi (ASID) and its TLB entries. */
struct vzsim_guest_tlb { uint32_t entryhi, pagemask, entrylo0, entrylo1; };
struct vzsim_guest_space {
	uint32_t status, entryhi;
	const struct vzsim_guest_tlb *tlb;
	unsigned ntlb;
};
/* Translation with kernel privilege, as a debugger does, without side
 * effects; false when there is no valid (for write: dirty) mapping.
 * Root virtual -> physical (segments, root TLB). Guest virtual -> guest
 * physical (sp == NULL: the guest context in the hardware, else sp). Guest
 * physical -> physical through the root TLB entries tagged GuestID gid. A
 * lookup in a list of entries (global or matching asid), for the copies a
 * hypervisor keeps. */
bool vzsim_root_translate(const struct machine *m, uint32_t va, bool write, uint32_t *pa);
bool vzsim_guest_va_to_gpa(const struct machine *m, const struct vzsim_guest_space *sp,
			   uint32_t va, bool write, uint32_t *gpa);
bool vzsim_gpa_to_pa(const struct machine *m, unsigned gid, uint32_t gpa, bool write, uint32_t *pa);
bool vzsim_tlb_list_map(const struct vzsim_guest_tlb *tlb, unsigned n, uint32_t asid,
			uint32_t va, bool write, uint32_t *out);

/* ---- System events (vzlet-sim --trace-events): what the chip did, with
 * its cycle. Reported only while a callback is set; the checks sit on slow
 * paths (mode changes, WAIT, EVIC flag changes), so no callback costs nothing. */
enum vzsim_event_kind {
	VZSIM_EV_GUEST_ENTER,   /* guest mode entered: guestid, pc */
	VZSIM_EV_GUEST_EXIT,    /* exit to root: guestid, code = root ExcCode,
	                         * gexc = GuestCtl0.GExcCode (code 27), pc = guest pc */
	VZSIM_EV_IDLE_BEGIN,    /* root executed WAIT: the core sleeps */
	VZSIM_EV_IDLE_END,      /* an interrupt woke it */
	VZSIM_EV_IRQ_RAISE,     /* EVIC flag IFS[code] set */
	VZSIM_EV_IRQ_CLEAR,     /* EVIC flag IFS[code] cleared (acknowledged) */
	VZSIM_EV_IRQ_INJECT,    /* root set GuestCtl2.GRIPL = code for guestid */
	VZSIM_EV_IRQ_TAKEN,     /* guestid took a guest interrupt of level code */
};
struct vzsim_event {
	enum vzsim_event_kind kind;
	uint64_t cycle;
	unsigned guestid, code, gexc;
	uint32_t pc;
};
typedef void (*vzsim_event_fn)(void *ctx, const struct vzsim_event *ev);
void vzsim_set_events(struct machine *m, vzsim_event_fn fn, void *ctx);

#endif
