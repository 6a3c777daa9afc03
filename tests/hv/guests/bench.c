/* SPDX-License-Identifier: Apache-2.0 */
/* bench.c - the hypervisor's costs seen from inside a guest, in core-timer
 * ticks (Count, SYSCLK / 2), one "name: value" line each (make hv-costs).
 * These are not bench-hv's figures (bench/hv, exact per-instance cycles from
 * the simulator; the goals refer to those): every figure here includes the
 * guest's own loop, and the names say what each one covers:
 *   guest_hypercall_ticks      HYPCALL VZ_HC_VM_ID and back, in a loop
 *   guest_trap_prid_ticks      a trap emulated in the hypervisor's C path
 *                              and back (guest MFC0 PRId, GPSI)
 *   guest_guarded_store_ticks  a store to a guarded device register (PR2)
 *   guest_swirq_round_ticks    software IRQ, the whole round: the store that
 *                              sets the flag, the injection, the guest's
 *                              handler (with its stub and its acknowledging
 *                              store) and the return to the polling loop
 *   guest_timer_irq_cost_ticks the CPU time one Timer2 interrupt (every
 *                              20 us) takes from a busy loop, delivered to
 *                              and handled by this guest
 * Each figure is the average over many repetitions (the Count reads around
 * a loop trap too; they are amortised). Runs bare too (figures then show the
 * bare chip's cost). */
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"

#define N 512u
#define CS0_IRQ 1u
#define TIMER 2                      /* vector 9 */

static volatile unsigned sw_irqs, timer_irqs;

/* Each source has its own vector: the handlers need not look at IFS. */
GUEST_ISR(1, cs0_isr);
void cs0_isr(void)
{
	SFR_CLR(IFS(0)) = 1u << CS0_IRQ;
	sw_irqs++;
}

GUEST_ISR(9, timer_isr);
void timer_isr(void)
{
	irq_clear(timer_irq(TIMER));
	timer_irqs++;
}

static void report(const char *name, uint32_t ticks, uint32_t reps)
{
	cprintf("%s: %u\n", name, (unsigned)((ticks + reps / 2) / reps));
}

static uint32_t busy_loop(uint32_t n)
{
	uint32_t t0 = ct_now();
	for (volatile uint32_t i = 0; i < n; i++)
		;
	return ct_now() - t0;
}

int main(void)
{
	uint32_t t0, t;

	console_init(115200);
	console_puts("bench: start\n");

	/* Config3.VZ reads 1 on the bare chip and 0 in a guest: HYPCALL only
	 * means something under a hypervisor. */
	uint32_t config3;
	__asm__ volatile("mfc0 %0, $16, 3" : "=r"(config3));
	if (!(config3 & (1u << 23))) {
		t0 = ct_now();
		for (unsigned i = 0; i < N; i++)
			__asm__ volatile(".set push\n.set virt\nli $2, 0\nhypcall\n.set pop" ::: "$2", "$3");
		report("guest_hypercall_ticks", ct_now() - t0, N);
	}

	t0 = ct_now();
	for (unsigned i = 0; i < N; i++) {
		uint32_t v;
		__asm__ volatile("mfc0 %0, $15" : "=r"(v));
	}
	report("guest_trap_prid_ticks", ct_now() - t0, N);

	t0 = ct_now();
	for (unsigned i = 0; i < N; i++)
		SFR(PR(TIMER)) = 0xFFFF;
	report("guest_guarded_store_ticks", ct_now() - t0, N);

	/* Software interrupt 0 (vector 1), priority 1, interrupts on. */
	irq_set_priority(CS0_IRQ, 1, 0);
	irq_enable(CS0_IRQ);
	irq_global_enable();
	t0 = ct_now();
	for (unsigned i = 0; i < N; i++) {
		unsigned before = sw_irqs;
		SFR_SET(IFS(0)) = 1u << CS0_IRQ;
		while (sw_irqs == before)
			;
	}
	t = ct_now() - t0;
	report("guest_swirq_round_ticks", t, N);

	/* Device IRQ: the same busy loop without and with Timer2 interrupts
	 * every 20 us; the difference per interrupt is its whole cost. */
	uint32_t quiet = busy_loop(200000);
	irq_set_priority(timer_irq(TIMER), 3, 0);
	irq_clear(timer_irq(TIMER));
	irq_enable(timer_irq(TIMER));
	timer_irqs = 0;
	timer_start_hz(TIMER, 50000);      /* every 20 us: PR = 2000 - 1 */
	t = busy_loop(200000);
	timer_stop(TIMER);
	unsigned irqs = timer_irqs;
	report("guest_timer_irq_cost_ticks", irqs ? t - quiet : 0, irqs ? irqs : 1);
	console_puts("bench: done\n");
	for (;;)
		__asm__ volatile("wait");
}
