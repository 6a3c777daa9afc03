/* SPDX-License-Identifier: Apache-2.0 */
/* demo.c - the bare-metal demo for the chipKIT Wi-Fire: LD1 blinks from
 * the main loop, which sleeps in WAIT between steps; Timer1 interrupts at
 * 10 Hz walk a light along LD2-LD4; the console (UART4, 115200 baud)
 * reports both and echoes what you type. Runs on the bare chip (after the
 * boot stub or the chipKIT bootloader) and unmodified under vzlet. */
#include "board.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"

#define TICK_TIMER 1
#define TICK_HZ 10
#define BLINK_MS 500

static volatile uint32_t timer_ticks;

GUEST_ISR(4, timer1_isr); /* vector 4 = Timer1 */

void timer1_isr(void)
{
	irq_clear(timer_irq(TICK_TIMER));
	timer_ticks++;
	unsigned lit = 2 + timer_ticks % 3; /* LD2, LD3, LD4, LD2, ... */
	for (unsigned led = 2; led <= 4; led++)
		led_set(led, led == lit);
}

int main(void)
{
	console_init(115200);
	led_init();
	cprintf("\nvzlet demo: bare-metal PIC32MZ EF on a chipKIT Wi-Fire\n");
	cprintf("LD1 blinks every %u ms, Timer1 walks LD2-LD4 at %u Hz; type to echo\n",
		BLINK_MS, TICK_HZ);

	irq_set_priority(timer_irq(TICK_TIMER), 3, 0);
	irq_clear(timer_irq(TICK_TIMER));
	if (timer_start_hz(TICK_TIMER, TICK_HZ) != 0)
		cprintf("demo: cannot run Timer1 at %u Hz\n", TICK_HZ);
	irq_enable(timer_irq(TICK_TIMER));
	irq_global_enable();

	uint32_t next = ct_now();
	for (unsigned step = 1;; step++) {
		next += BLINK_MS * CT_TICKS_PER_MS;
		ct_sleep_until(next);
		led_toggle(1);
		cprintf("tick %u: %u timer interrupts\n", step, (unsigned)timer_ticks);
		int c;
		while ((c = console_getc()) >= 0)
			cprintf("you typed '%c' (0x%02x)\n", c >= 0x20 && c < 0x7F ? c : '.', (unsigned)c);
	}
}
