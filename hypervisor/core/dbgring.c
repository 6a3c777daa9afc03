/* SPDX-License-Identifier: Apache-2.0 */
/* dbgring.c - recording for the console's debug mode: each VM's last exits
 * through the C path, interrupts raised and offered to it, and its time
 * events (Compare writes, timer deadlines, WAIT, wake-ups, slice ends), in
 * fixed rings inside its struct vz_vm. Only records and hands entries out;
 * the console prints them (con_debug.c). Off until the console's `d`. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

bool dbg_on;

static void note(struct vz_vm *vm, unsigned ring, unsigned kind, uint32_t a, uint32_t b,
		 unsigned x)
{
	struct vz_dbg_rings *r = &vm->dbg;
	struct vz_dbg_entry *e = &r->e[ring][r->count[ring]++ % VZ_DBG_RING];
	e->when = (uint32_t)(time_now() >> 4);
	e->a = a;
	e->b = b;
	e->kind = (uint16_t)kind;
	e->x = (uint16_t)x;
}

__attribute__((noinline)) void dbg_note_slow(struct vz_vm *vm, unsigned kind, uint32_t a, uint32_t b)
{
	note(vm, kind >= DBG_T_COMPARE ? DBG_TIME : DBG_IRQS, kind, a, b, 0);
}

/* An exit through hv_exception: root ExcCode and, for a guest exit, the
 * GExcCode; the guest PC; the guest physical address of a TLB exit (an
 * emulated device access) or else the instruction. */
__attribute__((noinline)) void dbg_note_exit(struct vz_vm *vm, uint32_t cause)
{
	unsigned exc = (cause & CA_EXC_MASK) >> CA_EXC_SHIFT;
	unsigned gexc = exc == EXC_GE ?
		(CP0_READ(C0_GUESTCTL0) & GC0_GEXC_MASK) >> GC0_GEXC_SHIFT : 0;
	uint32_t what = exc == EXC_TLBL || exc == EXC_TLBS || exc == EXC_MOD ?
		CP0_READ(C0_BADVADDR) : CP0_READ(C0_BADINSTR);
	note(vm, DBG_EXITS, exc, CP0_READ(C0_EPC), what, gexc);
}

unsigned dbg_held(const struct vz_vm *vm, unsigned ring)
{
	uint32_t n = vm->dbg.count[ring];
	return n < VZ_DBG_RING ? (unsigned)n : VZ_DBG_RING;
}

const struct vz_dbg_entry *dbg_entry(const struct vz_vm *vm, unsigned ring, unsigned i)
{
	uint32_t first = vm->dbg.count[ring] - dbg_held(vm, ring);
	return &vm->dbg.e[ring][(first + i) % VZ_DBG_RING];
}

/* 16 core-timer ticks (10 ns each) per unit: 4/25 us. In 32 bits without a
 * 64-bit division. */
uint32_t dbg_micros(uint32_t when)
{
	return when / 25u * 4u + when % 25u * 4u / 25u;
}
