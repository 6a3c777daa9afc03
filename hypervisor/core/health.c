/* SPDX-License-Identifier: Apache-2.0 */
/* health.c - the health monitor (docs/health-monitor.md): events about a
 * VM (a fault, its watchdog, an interrupt storm, a window overrun, hypercall
 * misuse, a WAIT nothing can end) are counted, remembered and answered with
 * the action the system description gives that VM for that event. */
#include <vzlet/hv.h>

#define HM_LAST 4u                 /* last events kept per VM */
#define RSWRST_PA 0x1F801250u      /* software reset register (SWRST = bit 0) */

struct hm_vm {
	uint32_t count[VZ_HM_EVENTS];
	uint32_t last_ms[HM_LAST];     /* when (ms since boot) */
	uint8_t last[HM_LAST];         /* which; newest at (next - 1) % HM_LAST */
	uint8_t next;
	uint32_t storm_start;          /* root Count when the storm window began */
	uint32_t storm_base;           /* the VM's interrupt count then */
};
static struct hm_vm hm[VZ_MAX_VMS];

static const char *const event_names[VZ_HM_EVENTS] = {
	"fault", "watchdog", "interrupt storm", "window overrun", "hypercall misuse",
	"guest stopped",
};
static const char *const action_names[] = {
	"log", "stop", "warm restart", "cold restart", "restart VMs", "reset chip",
};

/* Send what is queued on the console, then reset the chip (RSWRST: set
 * SWRST unlocked, the next read resets). */
static void reset_chip(void) __attribute__((noreturn));
static void reset_chip(void)
{
	con_drain();
	syskey_unlock();
	HV_REG32(RSWRST_PA + 8u) = 1u;           /* RSWRSTSET */
	(void)HV_REG32(RSWRST_PA);
	for (;;) {
	}
}

void health_event(struct vz_vm *vm, unsigned ev)
{
	struct hm_vm *h = &hm[vm->id - 1u];
	h->count[ev]++;
	h->last[h->next % HM_LAST] = (uint8_t)ev;
	h->last_ms[h->next % HM_LAST] = time_ms_since_boot();
	h->next++;
	/* A system without a health monitor only counts (a fault has
	 * stopped the VM already, as it always did). */
	if (!vz_system.health)
		return;
	unsigned act = vz_system.health[vm->id - 1u].action[ev];
	/* Logged-only events may repeat quickly: rate-limited like other chatter. */
	bool chatter = act == (unsigned)VZ_HM_LOG;
	if (!chatter || con_log_allowed(vm))
		con_report(chatter ? CON_CHATTER : CON_FAULT, "vm%u (%s) health: %s -> %s\n",
			   vm->id, vm->cfg->name, event_names[ev], action_names[act]);
	switch (act) {
	case VZ_HM_LOG:
		break;
	case VZ_HM_STOP:
		if (vm->state != VM_FAULTED)
			sched_stop(vm, VM_STOPPED);
		break;
	case VZ_HM_WARM_RESTART:
		sched_reboot(vm, false);
		break;
	case VZ_HM_COLD_RESTART:
		sched_restart(vm);
		break;
	case VZ_HM_RESTART_VMS:
		for (unsigned id = 1; id <= hv_fast.num_vms; id++)
			if ((vz_system.health[vm->id - 1u].restart_set >> id) & 1u)
				sched_restart(vm_by_id(id));
		break;
	default:
		reset_chip();
		break;
	}
}

void health_vm_reset(const struct vz_vm *vm)
{
	struct hm_vm *h = &hm[vm->id - 1u];
	h->storm_start = CP0_READ(C0_COUNT);
	h->storm_base = 0;
}

/* At each hypervisor timer interrupt (at least once a time slice while a
 * VM runs): more owned interrupts than the limit within one window, or at
 * a higher average rate over a longer time since the last check, is a
 * storm. */
void health_tick(uint32_t now)
{
	if (!vz_system.health)
		return;
	for (unsigned i = 1; i <= hv_fast.num_vms; i++) {
		struct vz_vm *vm = vm_by_id(i);
		const struct vz_health *cfg = &vz_system.health[i - 1u];
		struct hm_vm *h = &hm[i - 1u];
		if (!cfg->storm_irqs || (vm->state != VM_RUNNABLE && vm->state != VM_WAITING))
			continue;
		uint32_t n = vm->irqs - h->storm_base, elapsed = now - h->storm_start;
		bool storm = n > cfg->storm_irqs &&
			     (elapsed < cfg->storm_ticks ||
			      (uint64_t)n * cfg->storm_ticks > (uint64_t)cfg->storm_irqs * elapsed);
		if (storm || elapsed >= cfg->storm_ticks) {
			h->storm_start = now;
			h->storm_base = vm->irqs;
		}
		if (storm)
			health_event(vm, VZ_HM_IRQ_STORM);
	}
}

/* The VM executed WAIT and will sleep: with no interrupt enabled in its
 * virtual EVIC nothing can ever wake it (the chip would sleep for good). */
void health_wait(struct vz_vm *vm)
{
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++)
		if (vm->evic.iec[w])
			return;
	health_event(vm, VZ_HM_STOPPED);
}

/* The console's status: counters and the last events, if any. */
void health_show(const struct vz_vm *vm)
{
	const struct hm_vm *h = &hm[vm->id - 1u];
	if (!h->next)
		return;
	con_printf("  health: fault %u, watchdog %u, storm %u, overrun %u, misuse %u, stopped %u;"
		   " last:", h->count[VZ_HM_FAULT], h->count[VZ_HM_WATCHDOG],
		   h->count[VZ_HM_IRQ_STORM], h->count[VZ_HM_WINDOW_OVERRUN],
		   h->count[VZ_HM_HYPERCALL], h->count[VZ_HM_STOPPED]);
	unsigned n = h->next < HM_LAST ? h->next : HM_LAST;
	for (unsigned k = 1; k <= n; k++) {
		unsigned j = (h->next - k) % HM_LAST;
		con_printf(" %s@%ums", event_names[h->last[j]], h->last_ms[j]);
	}
	con_printf("\n");
}
