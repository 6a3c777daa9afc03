/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the polling demo guest: no interrupts taken. Delays are WAITs on
 * the core timer (ct_sleep_until: the timer only wakes WAIT). LD1 toggles
 * every 500 ms; every second it prints its symbol, which the last printable
 * key typed on its console replaces. Under vzlet it owns only LD1's pin. */
#include "board.h"
#include "coretimer.h"
#include "guest.h"
#include "uart.h"

#define HALF_SECOND (500u * CT_TICKS_PER_MS)

int main(void)
{
	char symbol = '.';
	unsigned halves = 0;

	console_init(115200);
	led_init_one(1);
	console_puts("poll: LD1 blinks, one symbol per second; type to change it\n");
	/* Absolute targets: the blink period does not drift with the work done
	 * between sleeps. */
	uint32_t next = ct_now() + HALF_SECOND;
	for (;;) {
		ct_sleep_until(next);
		next += HALF_SECOND;
		led_toggle(1);
		int c;
		while ((c = console_getc()) >= 0)
			if (c > ' ' && c < 127)
				symbol = (char)c;
		if (++halves % 2 == 0)
			console_putc(symbol);
	}
}
