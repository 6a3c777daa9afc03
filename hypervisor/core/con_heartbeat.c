/* SPDX-License-Identifier: Apache-2.0 */
/* con_heartbeat.c - the `heartbeat` hypervisor thread (thread.c): each
 * period, one console line with the time since boot, every VM's state and
 * the thread's own stack use, as tinyVP's heartbeat line every 2 s:
 *   [hv] heartbeat: 2.000 s; vm1 poll waiting, vm2 irq running; stack 312/1024
 * Chatter level: dropped (and counted) rather than delaying guest text. */
#include <vzlet/hv.h>
#include <vzlet/thread.h>

static const char *const vm_states[] = { "stopped", "running", "waiting", "faulted" };

/* Milliseconds since boot (wraps after 49 days), without libgcc's 64-bit
 * division and shifts (not linked): long division in 15-bit steps, so that
 * the remainder (< 100000 < 2^17) shifted by 15 fits 32 bits; constant
 * shifts only. */
static void ms_step(uint32_t *q, uint32_t *r, uint32_t chunk)
{
	const uint32_t d = HV_TICKS_PER_SEC / 1000u;
	*r = *r << 15 | (chunk & 0x7FFFu);
	*q = *q << 15 | *r / d;
	*r %= d;
}

uint32_t time_ms_since_boot(void)
{
	uint64_t t = time_now();
	uint32_t hi = (uint32_t)(t >> 32), lo = (uint32_t)t, q = 0, r = 0;
	ms_step(&q, &r, hi >> 28);                  /* bits 63..60 */
	ms_step(&q, &r, hi >> 13);                  /* 59..45 */
	ms_step(&q, &r, hi << 2 | lo >> 30);        /* 44..30 */
	ms_step(&q, &r, lo >> 15);                  /* 29..15 */
	ms_step(&q, &r, lo);                        /* 14..0 */
	return q;
}

void hv_thread_heartbeat(const struct vz_thread_config *self)
{
	for (;;) {
		uint32_t ms = time_ms_since_boot();
		con_report(CON_CHATTER, "%s: %u.%03u s;", self->name, ms / 1000u, ms % 1000u);
		for (unsigned i = 1; i <= hv_fast.num_vms; i++) {
			const struct vz_vm *vm = vm_by_id(i);
			con_report(CON_CHATTER, "%s vm%u %s %s", i > 1 ? "," : "", i, vm->cfg->name,
				   vm_states[vm->state & 3u]);
		}
		con_report(CON_CHATTER, "; stack %u/%u\n", thread_stack_used(self),
			   self->stack_words * 4u);
		thread_wait_period();
	}
}
