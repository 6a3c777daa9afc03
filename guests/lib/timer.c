/* SPDX-License-Identifier: Apache-2.0 */
/* timer.c - Timer1..9 as periodic interrupt sources. */
#include "guest.h"
#include "timer.h"

static const uint8_t timer_vectors[9] = { 4, 9, 14, 19, 24, 28, 32, 36, 40 };
/* Prescalers by TCKPS value: Timer1 (type A) and Timer2-9 (type B). */
static const uint16_t prescale_a[4] = { 1, 8, 64, 256 };
static const uint16_t prescale_b[8] = { 1, 2, 4, 8, 16, 32, 64, 256 };

unsigned timer_irq(unsigned n) { return n >= 1 && n <= 9 ? timer_vectors[n - 1] : 0; }

int timer_start_hz(unsigned n, uint32_t hz)
{
	if (n < 1 || n > 9 || hz == 0)
		return -1;
	const uint16_t *pre = n == 1 ? prescale_a : prescale_b;
	unsigned count = n == 1 ? 4 : 8;
	/* The timers' clock as the chip runs it: under vzlet the system
	 * description decides PBCLK3 (give the VM PB3DIV read-only). */
	uint32_t pbclk3 = SYSCLK_HZ / ((SFR(PBDIV(3)) & PBDIV_MASK) + 1);
	for (unsigned i = 0; i < count; i++) {
		uint32_t ticks = pbclk3 / pre[i] / hz;
		if (ticks >= 1 && ticks <= 0x10000u) {
			SFR(TCON(n)) = 0;
			SFR(TMR(n)) = 0;
			SFR(PR(n)) = ticks - 1;
			SFR(TCON(n)) = TCON_ON | i << 4; /* TCKPS at bit 4 in both types */
			return 0;
		}
	}
	return -1;
}

void timer_stop(unsigned n)
{
	if (n >= 1 && n <= 9)
		SFR(TCON(n)) = 0;
}
