/* SPDX-License-Identifier: Apache-2.0 */
/* coretimer.c - delays from the MIPS core timer. */
#include "coretimer.h"
#include "guest.h"
#include "irq.h"

#define CORE_TIMER_IRQ 0

uint32_t ct_now(void) { return cp0_read(CP0_COUNT); }

static void delay_ticks(uint32_t ticks)
{
	uint32_t start = ct_now();
	while (ct_now() - start < ticks)
		;
}

void delay_us(uint32_t us)
{
	while (us > 1000000u) { /* stay far from Count wrap-around */
		delay_ticks(1000000u * CT_TICKS_PER_US);
		us -= 1000000u;
	}
	delay_ticks(us * CT_TICKS_PER_US);
}

void delay_ms(uint32_t ms)
{
	while (ms--)
		delay_ticks(CT_TICKS_PER_MS);
}

void ct_sleep_until(uint32_t target)
{
	uint32_t status = irq_save_disable();
	uint32_t iec = SFR(IEC(0)) & 1u;
	/* Priority 0 (whatever the subpriority) never requests: not a wake-up. */
	bool no_priority = (SFR(IPC(0)) & 0x1Cu) == 0;

	/* The core timer only wakes WAIT here; it is never taken. With IE = 0 a
	 * pending interrupt still ends WAIT (Config7.WII on the M5150), so the
	 * check and the WAIT cannot race with an interrupt. Other interrupts
	 * are let in between WAITs if the caller had them enabled; the core
	 * timer is pending only once the target has passed, and then the loop
	 * ends before interrupts are enabled again. */
	cp0_write(CP0_COMPARE, target);    /* clears Cause.TI ... */
	irq_clear(CORE_TIMER_IRQ);         /* ... and the flag it latched */
	if (no_priority)
		SFR_SET(IPC(0)) = 1u << 2;
	irq_enable(CORE_TIMER_IRQ);
	while ((int32_t)(ct_now() - target) < 0) {
		__asm__ volatile("wait");
		if ((int32_t)(ct_now() - target) >= 0)
			break;
		if (status & ST_IE)
			__asm__ volatile(".set push\n\t.set noreorder\n\tei\n\tehb\n\tdi\n\tehb\n\t.set pop"
					 : : : "memory");
	}

	if (!iec)
		irq_disable(CORE_TIMER_IRQ);
	if (no_priority)
		SFR_CLR(IPC(0)) = 1u << 2;
	irq_clear(CORE_TIMER_IRQ);
	irq_restore(status);
}

void sleep_ms(uint32_t ms)
{
	while (ms > 0) {
		uint32_t step = ms > 10000u ? 10000u : ms; /* < 2^31 ticks */
		ct_sleep_until(ct_now() + step * CT_TICKS_PER_MS);
		ms -= step;
	}
}
