/* main.c - the polling demo guest: no interrupts taken. Delays are WAITs on
 * the core timer (enabled in the interrupt controller, Status.IE = 0: WAIT
 * wakes without taking the interrupt). LD1 toggles every 500 ms; every
 * second it prints its symbol, which the last printable key typed on its
 * console replaces. */
#include "board.h"

#define HALF_SECOND (500u * TICKS_PER_MS)

static void wait_until(uint32_t when)
{
	write_compare(when);               /* clears Cause.TI ... */
	CLR(IFS(0)) = 1;                   /* ... then the latched flag */
	while ((int32_t)(read_count() - when) < 0)
		__asm__ volatile("wait");
}

int main(void);
void guest_interrupt(void);

/* Never called: this guest keeps Status.IE = 0. */
void guest_interrupt(void)
{
}

int main(void)
{
	char symbol = '.';
	unsigned halves = 0;

	console_init();
	CLR(TRIS(PORT_G)) = 1u << 6;       /* LD1 output */
	CLR(LAT(PORT_G)) = 1u << 6;
	REG(INTCON) = 0;                   /* single vector */
	CLR(IPC(0)) = 0x1F;
	SET(IPC(0)) = 1u << 2;             /* core timer priority 1 */
	CLR(IFS(0)) = 1;
	SET(IEC(0)) = 1;                   /* lets WAIT wake on the timer */

	console_puts("poll: LD1 blinks, one symbol per second; type to change it\n");
	uint32_t next = read_count() + HALF_SECOND;
	for (;;) {
		wait_until(next);
		next += HALF_SECOND;
		INV(LAT(PORT_G)) = 1u << 6;
		int c;
		while ((c = console_getc()) >= 0)
			if (c > ' ' && c < 127)
				symbol = (char)c;
		if (++halves % 2 == 0)
			console_putc(symbol);
	}
}
