/* SPDX-License-Identifier: Apache-2.0 */
/* libcheck.c - exercises the guest library on the simulated Wi-Fire; the
 * host script (test-guest-lib.sh) checks the console text it produces.
 * Each numbered step prints "ok N ..." or "FAIL N ...", then the program
 * ends with a BREAK to show the default exception report. */
#include "board.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"

static volatile uint32_t timer2_ticks;
static volatile char rx_buf[16];
static volatile unsigned rx_len;

GUEST_ISR(9, timer2_isr);          /* Timer2 */
GUEST_ISR(171, uart4_rx_isr);      /* UART4 receive */

void timer2_isr(void)
{
	irq_clear(timer_irq(2));
	timer2_ticks++;
}

void uart4_rx_isr(void)
{
	int c;
	while ((c = console_getc()) >= 0)
		if (rx_len < sizeof rx_buf - 1)
			rx_buf[rx_len++] = (char)c;
	irq_clear(UART_IRQ_RX(CONSOLE_UART)); /* after draining: the flag follows the FIFO */
}

static unsigned failures;

static void report(unsigned step, int ok, const char *what, uint32_t value)
{
	cprintf("%s %u %s (%u)\n", ok ? "ok" : "FAIL", step, what, (unsigned)value);
	if (!ok)
		failures++;
}

int main(void)
{
	console_init(115200);
	cprintf("libcheck: start\n");

	/* 1: formatting */
	cprintf("fmt [%d] [%5d] [%-5d|] [%05d] [%x] [%08X] [%u] [%c] [%s] [%-4s|] [%p] [%%] [%i]\n",
		-42, 42, 42, -42, 0xbeefu, 0xbeefu, 4000000000u, 'z', "str", "ab",
		(void *)0x1234, 0);

	/* 2: busy delay of 500 us within 1 us */
	uint32_t t0 = ct_now();
	delay_us(500);
	uint32_t us = (ct_now() - t0) / CT_TICKS_PER_US;
	report(2, us >= 500 && us <= 501, "delay_us(500)", us);

	/* 3: WAIT-based sleep of 20 ms within 10 us, interrupts off */
	t0 = ct_now();
	sleep_ms(20);
	us = (ct_now() - t0) / CT_TICKS_PER_US;
	report(3, us >= 20000 && us <= 20010, "sleep_ms(20)", us);

	/* 4: Timer2 at 1 kHz keeps interrupting while main sleeps 50 ms */
	irq_set_priority(timer_irq(2), 2, 0);
	irq_clear(timer_irq(2));
	report(4, timer_start_hz(2, 1000) == 0, "timer_start_hz(2, 1000)", 0);
	irq_enable(timer_irq(2));
	irq_global_enable();
	sleep_ms(50);
	uint32_t ticks = timer2_ticks;
	report(5, ticks >= 49 && ticks <= 51, "Timer2 ticks in 50 ms", ticks);
	report(6, (cp0_read(CP0_STATUS) & ST_IE) != 0, "sleep_ms keeps interrupts enabled", 0);

	/* 7: out-of-range timer rates are refused */
	report(7, timer_start_hz(1, 1) == -1, "timer_start_hz(1, 1) refused", 0);

	/* 8: console input by interrupt (the host types "hello" at 100 ms) */
	uart_rx_irq(CONSOLE_UART, 1, 4);
	sleep_ms(100);
	unsigned n = rx_len;
	report(8, n == 5 && rx_buf[0] == 'h' && rx_buf[4] == 'o', "received by interrupt", n);
	uart_rx_irq(CONSOLE_UART, 0, 0);

	/* 9: buttons (the host holds BTN2 from 250 ms to 260 ms) */
	button_init();
	int released_before = !button_pressed(2);
	t0 = ct_now();
	while (!button_pressed(2) && ct_now() - t0 < 500u * CT_TICKS_PER_MS)
		;
	int pressed = button_pressed(2) && !button_pressed(1);
	while (button_pressed(2) && ct_now() - t0 < 500u * CT_TICKS_PER_MS)
		;
	report(9, released_before && pressed && !button_pressed(2), "BTN2 pressed and released",
	       (ct_now() - t0) / CT_TICKS_PER_MS);

	/* 10: LEDs (the host watches them with --leds) */
	led_init();
	led_set(1, true);
	led_toggle(4);
	led_toggle(4);
	led_set(2, true);
	report(10, 1, "LEDs set", 0);

	cprintf("libcheck: %s\n", failures ? "FAILED" : "all passed");
	__asm__ volatile("break 7"); /* the default exception report follows */
	return 0;
}
