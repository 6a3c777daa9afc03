/* SPDX-License-Identifier: Apache-2.0 */
/* blink.c - the demo guest of the other boards tinyVP ran on (docs/boards.md):
 * LED number DEMO_LED of the board toggles every DEMO_MS milliseconds
 * (WAIT-based sleeps on the core timer), and each time it lights the guest
 * prints its symbol, which the last printable key typed on its console
 * replaces. Built once per board and LED (guests/boards/boards.mk):
 *   BOARD_DM320007  Microchip PIC32MZ EF Starter Kit: LED1 RH0, LED2 RH2,
 *                   LED3 RH1; console UART1
 *   BOARD_EMZ64     Olimex PIC32-EMZ64: LED1 RB8, LED2 RB9, LED3 RB10;
 *                   console UART4
 * (the same pins as systems/dm320007.dtsi and olimex-emz64.dtsi). Under
 * vzlet it owns only its LED's pin. */
#include "coretimer.h"
#include "guest.h"
#include "uart.h"

#define PORT_H 7

/* Defaults, for tools that compile the file alone (static analysis). */
#if !defined(BOARD_DM320007) && !defined(BOARD_EMZ64)
#define BOARD_DM320007
#endif
#ifndef DEMO_LED
#define DEMO_LED 1
#define DEMO_MS 500u
#define DEMO_SYMBOL '.'
#define DEMO_BANNER "slow"
#endif

#if defined(BOARD_DM320007)
#define BOARD_CONSOLE 1
static const struct { uint8_t port, pin; } leds[3] = { { PORT_H, 0 }, { PORT_H, 2 }, { PORT_H, 1 } };
#elif defined(BOARD_EMZ64)
#define BOARD_CONSOLE 4
static const struct { uint8_t port, pin; } leds[3] = { { PORT_B, 8 }, { PORT_B, 9 }, { PORT_B, 10 } };
#endif

static void puts_console(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc(BOARD_CONSOLE, '\r');
		uart_putc(BOARD_CONSOLE, *s);
	}
}

int main(void)
{
	const unsigned port = leds[DEMO_LED - 1].port;
	const uint32_t bit = 1u << leds[DEMO_LED - 1].pin;
	char symbol = DEMO_SYMBOL;

	uart_init(BOARD_CONSOLE, 115200);
	SFR_CLR(LAT(port)) = bit;       /* its pin only: output, digital, off */
	SFR_CLR(ANSEL(port)) = bit;
	SFR_CLR(TRIS(port)) = bit;
	puts_console(DEMO_BANNER "\n");
	uint32_t next = ct_now() + DEMO_MS * CT_TICKS_PER_MS;
	for (;;) {
		ct_sleep_until(next);        /* absolute targets: no drift */
		next += DEMO_MS * CT_TICKS_PER_MS;
		SFR_INV(LAT(port)) = bit;
		int c;
		while ((c = uart_getc(BOARD_CONSOLE)) >= 0)
			if (c > ' ' && c < 127)
				symbol = (char)c;
		if (SFR(LAT(port)) & bit)
			uart_putc(BOARD_CONSOLE, symbol);
	}
}
