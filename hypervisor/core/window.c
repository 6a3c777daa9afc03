/* SPDX-License-Identifier: Apache-2.0 */
/* window.c - time partitioning (docs/time-partitioning.md): with a major
 * frame in the tables, the CPU belongs to one VM per window and to nobody
 * between windows. The scheduler asks win_owner() who may run and arms the
 * core timer for win_boundary(); at each boundary win_advance() moves on.
 * Boundaries are absolute (frame start + offset), so lateness never
 * accumulates. The boundary interrupt comes WIN_LEAD ticks early: the
 * switch is done before the boundary and win_enter() holds the incoming VM
 * until it (the switch's cost is charged to the outgoing window). A window
 * end handled later than overrun_ticks after that is the
 * VZ_HM_WINDOW_OVERRUN event of the VM whose window it was. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define WIN_LEAD 500u          /* ticks: a VM switch costs 430-480 (make bench-hv) */

static uint32_t frame_start;   /* root Count at the start of the current frame */
static uint8_t win_idx;        /* the window we are in, or the next one */
static bool win_in;            /* inside window win_idx (else in the gap before it) */

static const struct vz_window *cur(void)
{
	return &vz_system.schedule->windows[win_idx];
}

bool win_allows(const struct vz_vm *vm)
{
	const struct vz_schedule *s = vz_system.schedule;
	bool ok = true;
	if (s != NULL) {
		ok = win_in && cur()->vm == vm->id;
	}
	return ok;
}

struct vz_vm *win_owner(void)
{
	struct vz_vm *vm = NULL;
	if (win_in) {
		vm = vm_by_id(cur()->vm);
	}
	return vm;
}

uint32_t win_boundary(void)
{
	return frame_start + (win_in ? cur()->end : cur()->start);
}

uint32_t win_due(void)
{
	return win_boundary() - WIN_LEAD;
}

/* A VM was just loaded: if its window has not begun yet, wait for it. */
void win_enter(void)
{
	if (win_in) {
		uint32_t start = frame_start + cur()->start;
		uint32_t now = CP0_READ(C0_COUNT);
		while ((int32_t)(now - start) < 0) {
			now = CP0_READ(C0_COUNT);
		}
	}
}

/* The first frame starts at the next multiple of the frame in root Count
 * (so the schedule's phase can be read from the time alone: tests). */
void win_start(void)
{
	const struct vz_schedule *s = vz_system.schedule;
	if (s != NULL) {
		uint32_t now = CP0_READ(C0_COUNT);
		frame_start = (now / s->frame_ticks + 1u) * s->frame_ticks;
		win_idx = 0;
		win_in = false;
		con_printf("major frame %u ticks, %u windows, first frame at Count %u\n",
			   s->frame_ticks, s->num_windows, frame_start);
	}
}

void win_advance(uint32_t now)
{
	const struct vz_schedule *s = vz_system.schedule;
	struct vz_vm *late = NULL;
	uint32_t t = now + WIN_LEAD;     /* boundaries are handled this early */
	while ((int32_t)(t - win_boundary()) >= 0) {
		if (win_in) {
			if (late == NULL && t - win_boundary() > s->overrun_ticks) {
				late = vm_by_id(cur()->vm);
			}
			win_in = false;
			win_idx++;
			if (win_idx == s->num_windows) {
				win_idx = 0;
				frame_start += s->frame_ticks;
			}
		} else {
			win_in = true;
		}
	}
	if (late != NULL) {
		health_event(late, VZ_HM_WINDOW_OVERRUN);
	}
}
