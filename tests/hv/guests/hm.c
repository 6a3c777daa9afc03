/* SPDX-License-Identifier: Apache-2.0 */
/* hm.c - a guest for the health-monitor tests (tests/hv/systems/hm.dts).
 * It counts its boots in RAM that crt0 does not touch (a warm restart keeps
 * it, a cold one clears it) and, for each key on its console, misbehaves:
 *   f  write outside its memory (a fault)
 *   m  a hypercall with a bad channel (hypercall misuse), then goes on
 *   h  disable every interrupt it enabled and WAIT (a guest that stops)
 *   n  Timer3 interrupts at 10 kHz (a normal rate)
 *   s  Timer3 interrupts at 2 MHz (a storm)
 *   c  check that Timer3 interrupts arrive */
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"

/* Above .data/.bss, below the stack at the top of the 16 KB (guest.ld). */
#define BOOTS ((volatile uint32_t *)0x80002800u)
#define BOOTS_MAGIC 0x484D4254u
#define T3_IRQ 14

static volatile uint32_t ticks;
static bool timer_on;

void t3_isr(void);
void t3_isr(void)
{
	ticks++;
	irq_clear(T3_IRQ);
}
GUEST_ISR(14, t3_isr);

static void timer3(uint32_t hz)
{
	if (timer_start_hz(3, hz) != 0) {
		cprintf("hm: timer3 %u Hz refused\n", hz);
		return;
	}
	irq_set_priority(T3_IRQ, 2, 0);
	irq_clear(T3_IRQ);
	irq_enable(T3_IRQ);
	irq_global_enable();
	timer_on = true;
	cprintf("hm: timer3 %u Hz\n", hz);
}

int main(void)
{
	extern char _bss_end[];
	console_init(115200);
	if ((uint32_t)_bss_end > (uint32_t)BOOTS)
		cprintf("hm: FAIL boot counter inside .bss\n");
	if (BOOTS[0] != BOOTS_MAGIC) {
		BOOTS[0] = BOOTS_MAGIC;
		BOOTS[1] = 0;
	}
	BOOTS[1]++;
	cprintf("hm: boot %u\n", BOOTS[1]);
	for (;;) {
		int c = console_getc();
		if (c < 0) {
			/* sleep_ms keeps the core timer as a wake-up that must not
			 * be taken: not while interrupts are on for Timer3 */
			if (timer_on)
				delay_ms(1);
			else
				sleep_ms(10);
			continue;
		}
		switch (c) {
		case 'f':
			SFR(0xA0020000u) = 1;
			cprintf("hm: FAIL wrote outside\n");
			break;
		case 'm': {
			uint32_t r[2];
			vz_hypercall3(VZ_HC_CHAN_WRITE, 99, 0, 0, r);
			cprintf("hm: misuse survived (%d)\n", (int)r[0]);
			break;
		}
		case 'h':
			(void)irq_save_disable();
			for (unsigned w = 0; w < 7; w++)
				SFR_CLR(IEC(w)) = SFR(IEC(w));
			cprintf("hm: halting\n");
			for (;;)
				__asm__ volatile("wait");
		case 'n':
			timer3(10000);
			break;
		case 'c':
			cprintf("hm: %s\n", ticks > 100 ? "timer3 runs" : "FAIL timer3 stopped");
			break;
		case 's':
			timer3(2000000);
			break;
		default:
			break;
		}
	}
}
