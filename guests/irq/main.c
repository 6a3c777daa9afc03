/* main.c - the interrupt-driven demo guest: Timer2 interrupts every 100 ms
 * move a light along LD2 -> LD3 -> LD4 and print its symbol; UART RX
 * interrupts take the last printable key typed on its console as the new
 * symbol. The main loop only WAITs. The interrupt controller runs in
 * multi-vector mode. */
#include "../poll/board.h"

#define T2_PERIOD  39062u       /* 100 ms at 100 MHz / 256 */

static volatile unsigned ticks;
static volatile char symbol = '*';

void guest_interrupt(void);
int main(void);

void guest_interrupt(void)
{
	if (REG(IFS(0)) & (1u << T2_IRQ)) {
		CLR(IFS(0)) = 1u << T2_IRQ;
		ticks++;
	}
	if (REG(IFS(U4_RX_IRQ / 32)) & (1u << (U4_RX_IRQ % 32))) {
		int c;
		while ((c = console_getc()) >= 0)
			if (c > ' ' && c < 127)
				symbol = (char)c;
		CLR(IFS(U4_RX_IRQ / 32)) = 1u << (U4_RX_IRQ % 32);
	}
}

static void leds(unsigned step)
{
	CLR(LAT(PORT_D)) = 1u << 4;
	CLR(LAT(PORT_B)) = 1u << 11;
	CLR(LAT(PORT_G)) = 1u << 15;
	switch (step % 3) {
	case 0: SET(LAT(PORT_D)) = 1u << 4; break;    /* LD2 */
	case 1: SET(LAT(PORT_B)) = 1u << 11; break;   /* LD3 */
	case 2: SET(LAT(PORT_G)) = 1u << 15; break;   /* LD4 */
	}
}

int main(void)
{
	console_init();
	CLR(TRIS(PORT_D)) = 1u << 4;
	CLR(TRIS(PORT_B)) = 1u << 11;
	CLR(TRIS(PORT_G)) = 1u << 15;
	leds(0);

	/* Multi-vector mode: each vector at EBase + its OFF register (both
	 * lead to the one handler at EBase + 0x200 here). */
	REG(OFF(T2_IRQ)) = 0x200;
	REG(OFF(U4_RX_IRQ)) = 0x200;
	REG(INTCON) = INTCON_MVEC;
	/* Timer2: priority 3; UART4 RX: priority 2. */
	CLR(IPC(T2_IRQ / 4)) = 0x1Fu << (8 * (T2_IRQ % 4));
	SET(IPC(T2_IRQ / 4)) = (3u << 2) << (8 * (T2_IRQ % 4));
	CLR(IPC(U4_RX_IRQ / 4)) = 0x1Fu << (8 * (U4_RX_IRQ % 4));
	SET(IPC(U4_RX_IRQ / 4)) = (2u << 2) << (8 * (U4_RX_IRQ % 4));
	CLR(IFS(0)) = 1u << T2_IRQ;
	CLR(IFS(U4_RX_IRQ / 32)) = 1u << (U4_RX_IRQ % 32);
	SET(IEC(0)) = 1u << T2_IRQ;
	SET(IEC(U4_RX_IRQ / 32)) = 1u << (U4_RX_IRQ % 32);

	REG(T2CON) = 0;
	REG(TMR2) = 0;
	REG(PR2) = T2_PERIOD - 1;
	REG(T2CON) = 0x8070;                        /* ON, 1:256 */

	console_puts("irq: LD2-LD4 move every 100 ms, one symbol each; type to change it\n");
	__asm__ volatile("ei; ehb");

	unsigned seen = 0;
	for (;;) {
		/* Check and WAIT with interrupts off, so that a tick arriving in
		 * between still wakes the WAIT (Config7.WII) instead of being
		 * taken just before it and leaving us asleep for a whole period. */
		__asm__ volatile("di; ehb" ::: "memory");
		if (ticks == seen)
			__asm__ volatile("wait");
		__asm__ volatile("ei; ehb" ::: "memory");
		if (ticks == seen)
			continue;
		seen++;
		leds(seen);
		console_putc(symbol);
	}
}
