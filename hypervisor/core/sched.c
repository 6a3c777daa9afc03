/* SPDX-License-Identifier: Apache-2.0 */
/* sched.c - round robin over the runnable VMs with a time slice per turn.
 * A VM that executes WAIT leaves the round until an event for it arrives,
 * and then runs at once. With nothing runnable the hypervisor itself WAITs.
 *
 * With a major frame (window.c) only the current window's VM may run and
 * turns end at the window boundaries instead of slices.
 *
 * Decisions are recorded during a handler (sched_wake, sched_stop, ...) and
 * carried out once at its end by sched_commit(), so handlers never see the
 * running VM change under them. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

struct vz_vm *hv_cur;            /* VM to return to (NULL while idle) */
struct vz_vm *sched_loaded;     /* VM whose guest context is in the CPU (debug_info.c) */
struct vz_vm *sched_want;        /* VM to run next, if any */
#define want sched_want
static uint32_t slice_end;
static bool slice_armed;

uint32_t sched_slice_deadline(bool *armed)
{
	uint32_t due = slice_end;
	*armed = slice_armed;
	if (vz_system.schedule != NULL) {
		*armed = true;               /* boundaries are due even while idle */
		due = win_due();
	}
	return due;
}

static bool may_run(const struct vz_vm *vm)
{
	return vm->state == (uint8_t)VM_RUNNABLE && win_allows(vm);
}

static uint32_t slice_of(const struct vz_vm *vm)
{
	uint32_t t = vm->cfg->slice_ticks ? vm->cfg->slice_ticks : vz_system.slice_ticks;
	return t ? t : 100000u;   /* 1 ms */
}

/* Put vm's context into the CPU (the outgoing one is saved). */
static void load(struct vz_vm *vm)
{
	if (sched_loaded != vm) {
		if (sched_loaded) {
			ehb(); /* EPC and GuestCtl2 may have just been written */
			sched_loaded->resume_pc = CP0_READ(C0_EPC);
			sched_loaded->guestctl2 = CP0_READ(C0_GUESTCTL2);
			vz_gctx_save(sched_loaded->gctx);
			sched_loaded->hi = hv_fast.hi;
			sched_loaded->lo = hv_fast.lo;
			vcon_flush(sched_loaded);
		}
		gtlb_switch(sched_loaded, vm);   /* also GuestCtl1 = vm (arch/mips/gtlb.c) */
		vz_gctx_restore(vm->gctx);
		hv_fast.hi = vm->hi;
		hv_fast.lo = vm->lo;
		GCP0_WRITE(C0_COMPARE, vm->compare);
		CP0_WRITE(C0_GTOFFSET, (uint32_t)vm->gtoffset);
		CP0_WRITE(C0_GUESTCTL2, vm->guestctl2);
		/* PSS only: ESS is 0 (cp0_init) and the rest read-only */
		CP0_WRITE(C0_SRSCTL, (uint32_t)vm->id << SRS_PSS_SHIFT);
		CP0_WRITE(C0_EPC, vm->resume_pc);
		units_grant(vm);
		hv_fast.cur_id = vm->id;
		hv_fast.tlb_cur = vm->cfg->tlb + vm->tlb_wired;
		hv_fast.tlb_end = vm->cfg->tlb + vm->cfg->tlb_count;
		hv_fast.evic = vm->evic_block ? &vm->evic : NULL;
		hv_fast.blk_cur = vm->cfg->blocks;
		hv_fast.blk_end = vm->cfg->blocks + vm->cfg->block_count;
		sched_loaded = vm;
		ehb();
	}
	hv_cur = vm;
	slice_end = CP0_READ(C0_COUNT) + slice_of(vm);
	slice_armed = true;
}

/* The VM whose registers are live must not be used by a restart while still
 * "sched_loaded": forget it so the next load() restores from memory. */
static void unload(struct vz_vm *vm)
{
	if (sched_loaded == vm) {
		gtlb_drop(vm);
		sched_loaded = NULL;
		hv_cur = NULL;
	}
}

static struct vz_vm *next_runnable(const struct vz_vm *after)
{
	unsigned n = hv_fast.num_vms;
	unsigned start = (after != NULL) ? after->id : n;
	struct vz_vm *found = NULL;
	for (unsigned k = 1u; k <= n && found == NULL; k++) {
		struct vz_vm *vm = vm_by_id((start + k - 1u) % n + 1u);
		if (may_run(vm)) {
			found = vm;
		}
	}
	return found;
}

/* Nothing to run: wait for an interrupt in root mode (GM = 0 so that EXL = 0
 * does not mean guest mode), with IE = 0 so it is not taken but handled here
 * (Config7.WII: WAIT still wakes). */
static void idle(void)
{
	uint32_t gc0 = CP0_READ(C0_GUESTCTL0);
	/* IPL 0 too: a root interrupt taken earlier raised it, and WAIT only
	 * wakes for requests above IPL. */
	uint32_t st = CP0_READ(C0_STATUS) & ~ST_IPL_MASK;
	CP0_WRITE(C0_GUESTCTL0, gc0 & ~GC0_GM);
	CP0_WRITE(C0_STATUS, st & ~(ST_IE | ST_EXL));
	ehb();
	cpu_wait();
	CP0_WRITE(C0_STATUS, st);
	CP0_WRITE(C0_GUESTCTL0, gc0);
	ehb();
	hv_interrupt_take();
}

static void commit(void)
{
	bool done = false;
	while (!done) {
		if (vz_system.schedule != NULL &&
		    (int32_t)(CP0_READ(C0_COUNT) - win_due()) >= 0) {
			sched_slice_end();   /* a long handler passed a boundary */
		}
		struct vz_vm *next = want;
		want = NULL;
		if (next != NULL && !may_run(next)) {
			next = NULL;
		}
		if (next == NULL && hv_cur != NULL && may_run(hv_cur)) {
			done = true;                 /* keep running the current VM */
		} else {
			if (next == NULL) {
				next = next_runnable((hv_cur != NULL) ? hv_cur : sched_loaded);
			}
			if (next != NULL) {
				load(next);
				time_program();
				win_enter();
				done = true;
			} else {
				if (hv_cur != NULL) {
					vcon_flush(hv_cur);
				}
				hv_cur = NULL;
				slice_armed = false;
				time_program();
				idle();
			}
		}
	}
}

void sched_commit_slow(void)
{
	commit();
}

void sched_wake(struct vz_vm *vm)
{
	if (vm->state == (uint8_t)VM_WAITING) {
		dbg_note(vm, DBG_T_WAKE, 0, 0);
		vm->state = VM_RUNNABLE;
		want = vm;
	}
}

void sched_wait(void)
{
	struct vz_vm *vm = hv_cur;
	if (!vevic_pending(vm)) {       /* else WAIT completes at once */
		vm->state = VM_WAITING;
		dbg_note(vm, DBG_T_WAIT, 0, 0);
		vcon_flush(vm);
		health_wait(vm);
	}
}

void sched_yield(void)
{
	struct vz_vm *next = next_runnable(hv_cur);
	if (next != NULL && next != hv_cur) {
		want = next;
	}
}

void sched_slice_end(void)
{
	if (vz_system.schedule != NULL) {
		win_advance(CP0_READ(C0_COUNT));
		want = win_owner();
		if (hv_cur != NULL && hv_cur != want) {
			/* its window ended: nobody runs unless commit finds the owner */
			dbg_note(hv_cur, DBG_T_SLICE, (want != NULL) ? want->id : 0u, 0u);
			vcon_flush(hv_cur);
			hv_cur = NULL;
		}
	} else if (hv_cur == NULL) {
		slice_armed = false;
	} else {
		sched_yield();
		dbg_note(hv_cur, DBG_T_SLICE, (want != NULL) ? want->id : 0u, 0u);
		if (want == NULL) {
			slice_end = CP0_READ(C0_COUNT) + slice_of(hv_cur);
		}
	}
}

void sched_stop(struct vz_vm *vm, uint8_t state)
{
	if (vm != NULL) {
		vm->state = state;
		vm->timer_armed = 0;
		vevic_release(vm);
		vdma_stop(vm);  /* its transfers end with it */
		vcon_flush(vm);
	}
}

void sched_resume(struct vz_vm *vm)
{
	if (vm != NULL && vm->state == (uint8_t)VM_STOPPED) {
		vm->state = VM_RUNNABLE;
		/* owned sources come back as the guest's virtual IEC says */
		vevic_reclaim(vm);
		vevic_update(vm);
		vwdt_resume(vm);   /* its watchdog paused while stopped */
	}
}

void sched_reboot(struct vz_vm *vm, bool cold)
{
	if (vm != NULL) {
		sched_stop(vm, VM_STOPPED);
		unload(vm);
		if (cold) {
			vm_clear_ram(vm);
		}
		vm_reset(vm);
		vm->state = VM_RUNNABLE;
	}
}

void sched_restart(struct vz_vm *vm)
{
	sched_reboot(vm, true);
}

void sched_init(void)
{
	for (unsigned i = 1; i <= hv_fast.num_vms; i++) {
		struct vz_vm *vm = vm_by_id(i);
		vm_reset(vm);
		vm->state = (vm->cfg->flags & VZ_VM_NO_AUTOSTART) ? VM_STOPPED : VM_RUNNABLE;
	}
}

void sched_start(void)
{
	win_start();
	commit();
	vz_launch();
}
