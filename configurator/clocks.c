/* SPDX-License-Identifier: Apache-2.0 */
/* clocks.c - the system's clocks are decided by its description: the
 * peripheral-bus clocks /hypervisor gives become PBnDIV writes at boot, and a
 * VM that states the clocks its binary was built for (cpu-clock-hz,
 * pbclkN-hz in its node) is checked against them. A guest's own writes to
 * the oscillator are dropped (the oscillator is the hypervisor's), so a
 * guest built for other clocks would count time and baud rates wrongly;
 * this turns that into a configuration error (docs/configuration.md). */
#include "clocks.h"

#include "diag.h"

#define PBDIV_BASE 0x1F801300u    /* PB1DIV; PBnDIV at + 0x10 * (n - 1) */
#define PBDIV_ON   0x00008000u

int clocks_plan(struct cfg_system *sys)
{
	unsigned before = diag_errors();
	struct cfg_hypervisor *hv = &sys->hv;

	for (unsigned b = 0; b < 8; b++) {
		char name[16];
		uint32_t hz = hv->pbclk_hz[b];

		if (!hv->pbclk_set[b])
			continue;
		snprintf(name, sizeof name, "pbclk%u-hz", b + 1);
		if (hz == 0 || hv->cpu_clock_hz % hz || hv->cpu_clock_hz / hz > 128) {
			diag_error(hv->path, name, "%u Hz is not cpu-clock-hz (%u) divided by 1..128",
				   hz, hv->cpu_clock_hz);
			continue;
		}
		if (hv->nsetup == CFG_MAX_SETUP) {
			diag_error(hv->path, "setup", "no room for the PBnDIV writes (at most %u writes)",
				   CFG_MAX_SETUP);
			break;
		}
		/* Before the board's own writes would be more natural, but the
		 * order does not matter: nothing runs from these buses yet. */
		hv->setup[hv->nsetup].addr = PBDIV_BASE + 0x10 * b;
		hv->setup[hv->nsetup].value = PBDIV_ON | (hv->cpu_clock_hz / hz - 1);
		hv->nsetup++;
	}

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		if (vm->expect_cpu_hz && vm->expect_cpu_hz != hv->cpu_clock_hz)
			diag_error(vm->path, "cpu-clock-hz", "the guest is built for %u Hz, the system "
				   "runs SYSCLK at %u Hz (cpu-clock-hz in %s)", vm->expect_cpu_hz,
				   hv->cpu_clock_hz, hv->path);
		for (unsigned b = 0; b < 8; b++) {
			char name[16];

			if (!vm->expect_pbclk_hz[b] || vm->expect_pbclk_hz[b] == hv->pbclk_hz[b])
				continue;
			snprintf(name, sizeof name, "pbclk%u-hz", b + 1);
			diag_error(vm->path, name, "the guest is built for %u Hz, the system runs "
				   "PBCLK%u at %u Hz (set %s in %s; every VM on that bus must agree)",
				   vm->expect_pbclk_hz[b], b + 1, hv->pbclk_hz[b], name, hv->path);
		}
	}
	return diag_errors() == before ? 0 : -1;
}
