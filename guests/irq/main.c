/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the interrupt-driven demo guest: Timer2 interrupts every 100 ms
 * move a light along LD2 -> LD3 -> LD4 and print its symbol; UART RX
 * interrupts take the last printable key typed on its console as the new
 * symbol. The main loop only WAITs. Each interrupt has its own vector (the
 * library's multi-vector mode, OFF registers); Timer2 is vector 9, as
 * systems/wifire-2guests.dts gives it. Under vzlet it owns only the pins of
 * LD2-LD4. */
#include "board.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"

#define TICK_TIMER 2
#define TICK_HZ    10

static volatile unsigned ticks;
static volatile char symbol = '*';

GUEST_ISR(9, tick_isr);              /* = timer_irq(TICK_TIMER) */
void tick_isr(void)
{
	irq_clear(timer_irq(TICK_TIMER));
	ticks++;
}

GUEST_ISR(171, console_rx_isr);      /* = UART_IRQ_RX(CONSOLE_UART) */
void console_rx_isr(void)
{
	int c;
	while ((c = console_getc()) >= 0)
		if (c > ' ' && c < 127)
			symbol = (char)c;
	irq_clear(UART_IRQ_RX(CONSOLE_UART));
}

static void show_step(unsigned step)
{
	for (unsigned n = 2; n <= 4; n++)
		led_set(n, n == 2 + step % 3);
}

int main(void)
{
	console_init(115200);
	for (unsigned n = 2; n <= 4; n++)
		led_init_one(n);
	show_step(0);

	irq_set_priority(timer_irq(TICK_TIMER), 3, 0);
	irq_clear(timer_irq(TICK_TIMER));
	irq_enable(timer_irq(TICK_TIMER));
	uart_rx_irq(CONSOLE_UART, 1, 2);
	timer_start_hz(TICK_TIMER, TICK_HZ);

	console_puts("irq: LD2-LD4 move every 100 ms, one symbol each; type to change it\n");
	irq_global_enable();

	unsigned seen = 0;
	for (;;) {
		/* Check and WAIT with interrupts off, so that a tick arriving in
		 * between still wakes the WAIT (Config7.WII) instead of being
		 * taken just before it and leaving us asleep for a whole period. */
		irq_save_disable();
		if (ticks == seen)
			__asm__ volatile("wait");
		irq_global_enable();
		if (ticks == seen)
			continue;
		seen++;
		show_step(seen);
		console_putc(symbol);
	}
}
