/* SPDX-License-Identifier: Apache-2.0 */
/* time.c - the root core timer: guests' virtual Compare deadlines, the
 * scheduler's time slice and the console's partial-line flushes share it;
 * root Compare is always the earliest.
 *
 * Guest time (GuestCtl0.GT = 0): guest Count = root Count + GTOffset, so a
 * guest's clock keeps running while it is off the CPU (wall-clock time, the
 * same for every guest) and its Compare writes trap; the interrupt a bare
 * chip would raise at Count == Compare is raised here as the guest's virtual
 * core-timer IRQ (vector 0). */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>
#include <vzlet/thread.h>

#define MIN_DELTA   40u          /* never program Compare closer than this */
#define MAX_DELTA   0x40000000u  /* wake at least this often (64-bit time) */
#define LATE_WINDOW 0x10000      /* a deadline this recently passed still fires */

static uint32_t time_hi, time_last;

uint64_t time_now(void)
{
	uint32_t c = CP0_READ(C0_COUNT);
	if (c < time_last) {
		time_hi++;
	}
	time_last = c;
	return (uint64_t)time_hi << 32 | c;
}

/* The smaller of best and the ticks from now to due (at least MIN_DELTA). */
static uint32_t nearer(uint32_t best, uint32_t due, uint32_t now)
{
	int32_t d = (int32_t)(due - now);
	if (d < (int32_t)MIN_DELTA) {
		d = (int32_t)MIN_DELTA;
	}
	return (uint32_t)d < best ? (uint32_t)d : best;
}

void time_program(void)
{
	/* The watchdogs first: `now` must be read just before the loops, or
	 * a deadline MIN_DELTA ahead could have passed at the Compare write. */
	uint32_t wdt = 0;
	bool wdt_armed = vwdt_on != 0u && vwdt_deadline(MAX_DELTA, &wdt);
	uint32_t now = CP0_READ(C0_COUNT);
	uint32_t best = MAX_DELTA;
	bool armed;
	uint32_t slice = sched_slice_deadline(&armed);
	if (armed) {
		best = nearer(best, slice, now);
	}
	uint32_t wake = threads_deadline(&armed);
	if (armed) {
		best = nearer(best, wake, now);
	}
	if (wdt_armed) {
		best = nearer(best, wdt, now);
	}
	for (unsigned i = 0; i < hv_fast.num_vms; i++) {
		struct vz_vm *vm = &vz_vm_state[i];
		if (vm->timer_armed) {
			best = nearer(best, vm->timer_due, now);
		}
		if (vm->con_flush_armed) {
			best = nearer(best, vm->con_flush_due, now);
		}
	}
	CP0_WRITE(C0_COMPARE, now + best);
}

void time_interrupt(void)
{
	(void)time_now();
	uint32_t now = time_last;
	CP0_WRITE(C0_COMPARE, now - 1);   /* clears Cause.TI; reprogrammed below */
	evic_clear(0);
	for (unsigned i = 0; i < hv_fast.num_vms; i++) {
		struct vz_vm *vm = &vz_vm_state[i];
		if (vm->timer_armed && (int32_t)(now - vm->timer_due) >= 0) {
			vm->timer_armed = 0;
			dbg_note(vm, DBG_T_TIMER, vm->timer_due, now - vm->timer_due);
			vevic_raise(vm, 0);
		}
		if (vm->con_flush_armed && (int32_t)(now - vm->con_flush_due) >= 0) {
			vcon_flush(vm);
		}
	}
	bool armed;
	uint32_t slice = sched_slice_deadline(&armed);
	if (armed && (int32_t)(now - slice) >= 0) {
		sched_slice_end();
	}
	health_tick(now);
	if (vwdt_on != 0u) {
		vwdt_tick();
	}
	threads_run();   /* due hypervisor threads, before any VM runs again */
	time_program();
}

/* The guest wrote Compare (or Count): re-arm its deadline. */
void time_guest_compare(struct vz_vm *vm, uint32_t compare)
{
	uint32_t now = CP0_READ(C0_COUNT);
	vm->compare = compare;
	vm->timer_due = compare - (uint32_t)vm->gtoffset;
	int32_t d = (int32_t)(vm->timer_due - now);
	dbg_note(vm, DBG_T_COMPARE, compare, (uint32_t)d);
	if (d > 0) {
		vm->timer_armed = 1;
	} else if (d > -LATE_WINDOW) {
		/* Passed while the write was trapping: on the bare chip it would
		 * still have matched. */
		vm->timer_armed = 0;
		vevic_raise(vm, 0);
	} else {
		vm->timer_armed = 0;   /* matches only after Count wraps */
	}
	time_program();
}
