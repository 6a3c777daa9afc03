/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - each VM's own watchdog timer (hypervisor/vdev/wdt.c). A VM given
 * the chip's WDT (`devices = <... &wdt>`) gets a virtual WDTCON; the fields
 * a bare chip takes from its DEVCFG1 word the VM states in its node:
 *   watchdog-period-ms = <N>  the period, N = 1 << WDTPS: 1 .. 1048576 ms
 *                             (required: no guess at what the guest expects)
 *   watchdog-window = "25%"   FWDTWINSZ: "25%" (default), "37.5%", "50%", "75%"
 *   watchdog-windowed         WINDIS = 0: window mode whatever WDTWINEN says
 *   watchdog-enabled          FWDTEN = 1: running from reset, ON stays set
 * The tables carry them as that DEVCFG1 word (vz_vm_config.wdt_devcfg1). */
#include "wdt.h"

#include <string.h>

#include "diag.h"
#include "dt_read.h"

#define DEVCFG1_WINDIS (1u << 15)
#define DEVCFG1_FWDTEN (1u << 23)
#define WDTPS_MAX 20u

/* FWDTWINSZ values 0..3 */
static const char *const windows[4] = { "75%", "50%", "37.5%", "25%" };

void wdt_read_vm(const void *fdt, int off, struct cfg_vm *vm)
{
	static const char *const props[] = {
		"watchdog-period-ms", "watchdog-window", "watchdog-windowed", "watchdog-enabled",
	};
	uint32_t ms = 0;
	unsigned ps = 0, winsz = 3;
	const char *s;

	for (unsigned i = 0; i < sizeof props / sizeof props[0]; i++)
		if (!vm->wdt_prop[0] && fdt_getprop(fdt, off, props[i], NULL))
			snprintf(vm->wdt_prop, sizeof vm->wdt_prop, "%s", props[i]);
	if (dt_get_u32(fdt, off, vm->path, "watchdog-period-ms", &ms, false) != 1) {
		vm->wdt_period_given = true;
		while (ps < WDTPS_MAX && (1u << ps) < ms)
			ps++;
		if (ms != 1u << ps)
			diag_error(vm->path, "watchdog-period-ms", "%u ms is not a period of the "
				   "watchdog: 1 ms << WDTPS, a power of two from 1 to 1048576", ms);
		else
			vm->wdt_period_ms = ms;
	}
	s = dt_get_string(fdt, off, vm->path, "watchdog-window", false);
	if (s) {
		for (winsz = 0; winsz < 4 && strcmp(s, windows[winsz]) != 0; winsz++)
			;
		if (winsz == 4)
			diag_error(vm->path, "watchdog-window", "unknown window \"%s\" (the last "
				   "25%%, 37.5%%, 50%% or 75%% of the period)", s);
		winsz &= 3u;
	}
	vm->wdt_devcfg1 = winsz << 24 | ps << 16 |
			  (fdt_getprop(fdt, off, "watchdog-enabled", NULL) ? DEVCFG1_FWDTEN : 0) |
			  (fdt_getprop(fdt, off, "watchdog-windowed", NULL) ? 0 : DEVCFG1_WINDIS);
}

static bool has_wdt(const struct cfg_vm *vm)
{
	for (unsigned i = 0; i < vm->nblocks; i++)
		if (vm->blocks[i].emulator == EMU_WDT)
			return true;
	return false;
}

/* The longest the VM may wait for the CPU: with a major frame, the longest
 * gap between its windows (the frame wraps); under the round robin, every
 * VM's time slice once. */
static uint32_t off_cpu_us(const struct cfg_system *sys, unsigned id)
{
	const struct cfg_schedule *s = &sys->schedule;
	uint32_t us = 0;

	if (!s->path[0]) {
		for (unsigned v = 0; v < sys->nvms; v++)
			us += sys->vms[v].slice_us ? sys->vms[v].slice_us : sys->hv.time_slice_us;
		return us;
	}
	/* windows sorted by start (windows_check): from the end of each of the
	 * VM's windows to the start of its next one, round the frame */
	for (unsigned i = 0; i < s->nwindows; i++) {
		const struct cfg_window *w = &s->windows[i];
		uint32_t end = w->start_us + w->duration_us, next = 0;
		bool found = false;

		if (w->vm != id)
			continue;
		for (unsigned k = 1; k <= s->nwindows && !found; k++) {
			const struct cfg_window *n = &s->windows[(i + k) % s->nwindows];

			if (n->vm == id) {
				next = n->start_us + (i + k >= s->nwindows ? s->frame_us : 0);
				found = true;
			}
		}
		if (found && next > end && next - end > us)
			us = next - end;
	}
	return us;
}

int wdt_check(const struct cfg_system *sys)
{
	unsigned before = diag_errors();

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];
		bool wdt = has_wdt(vm);

		if (!wdt && vm->wdt_prop[0])
			diag_error(vm->path, vm->wdt_prop, "the VM has no watchdog: add &wdt to "
				   "its \"devices\"");
		else if (wdt && !vm->wdt_period_given)
			diag_error(vm->path, "watchdog-period-ms", "missing: a VM with &wdt states "
				   "its watchdog's period (DEVCFG1.WDTPS)");
		else if (wdt && vm->wdt_period_ms &&
			 (uint64_t)vm->wdt_period_ms * 1000u < off_cpu_us(sys, vm->id))
			diag_warning(vm->path, "watchdog-period-ms", "%u ms is shorter than the "
				     "VM may wait for the CPU (%u us%s): it may expire however the "
				     "guest clears it", vm->wdt_period_ms, off_cpu_us(sys, vm->id),
				     sys->schedule.path[0] ? ", the longest gap between its windows" :
				     ", one round of every VM's time slice");
	}
	return diag_errors() == before ? 0 : -1;
}
