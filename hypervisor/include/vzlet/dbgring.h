/* SPDX-License-Identifier: Apache-2.0 */
/* dbgring.h - the console's debug mode (tinyVP's d, e, i, t): per VM, rings
 * of its last exits, interrupts and time events, recorded by the hypervisor
 * while recording is on (core/dbgring.c) and printed by the console
 * (core/con_debug.c). Fixed size: VZ_DBG_RING entries of 16 bytes per ring,
 * three rings per VM (docs/console.md, "Debug mode"). */
#ifndef VZLET_DBGRING_H
#define VZLET_DBGRING_H

#include <stdbool.h>
#include <stdint.h>

#define VZ_DBG_RING 8u            /* entries per ring: power of two */

enum vz_dbg_ring { DBG_EXITS, DBG_IRQS, DBG_TIME, DBG_RINGS };

/* Kinds of DBG_IRQS and DBG_TIME entries, which name their ring
 * (DBG_EXITS: kind is the root ExcCode, x the GExcCode of a guest exit). */
enum vz_dbg_kind {
	DBG_IRQ_RAISED = 1,   /* a: vector, b: 1 if a real source the VM owns */
	DBG_IRQ_OFFERED,      /* a: GuestCtl2 with the level and vector offered */
	DBG_T_COMPARE,        /* the first of DBG_TIME */        /* a: guest Compare written, b: ticks until it matches */
	DBG_T_TIMER,          /* a: the deadline (root Count), b: ticks late */
	DBG_T_WAIT,           /* executed WAIT, left the CPU */
	DBG_T_WAKE,           /* woken from WAIT */
	DBG_T_SLICE,          /* its time slice ended (a: the VM that runs next, 0 if none) */
};

struct vz_dbg_entry {
	uint32_t when;        /* time_now() / 16: 160 ns units, wraps after 687 s */
	uint32_t a, b;
	uint16_t kind;
	uint16_t x;
};

struct vz_dbg_rings {
	struct vz_dbg_entry e[DBG_RINGS][VZ_DBG_RING];
	uint32_t count[DBG_RINGS];   /* entries ever recorded (free-running) */
};

struct vz_vm;
extern bool dbg_on;              /* console `d` */
void dbg_note_slow(struct vz_vm *vm, unsigned kind, uint32_t a, uint32_t b);
void dbg_note_exit(struct vz_vm *vm, uint32_t cause);

/* The hooks: one load and a branch while recording is off. */
static inline void dbg_note(struct vz_vm *vm, unsigned kind, uint32_t a, uint32_t b)
{
	if (dbg_on)
		dbg_note_slow(vm, kind, a, b);
}

/* Reading, for the console: how many entries the ring holds (at most
 * VZ_DBG_RING), and the i-th of them, oldest first. */
unsigned dbg_held(const struct vz_vm *vm, unsigned ring);
const struct vz_dbg_entry *dbg_entry(const struct vz_vm *vm, unsigned ring, unsigned i);
/* Console `d`, `e`, `i`, `t` for the selected VM (con_debug.c). */
void con_debug_command(char c, const struct vz_vm *vm);
/* An entry's time in microseconds (modulo 687 s). */
uint32_t dbg_micros(uint32_t when);

#endif
