/* SPDX-License-Identifier: Apache-2.0 */
/* uart.c - polled UART driver and the console. */
#include "guest.h"
#include "irq.h"
#include "uart.h"

void uart_init(unsigned n, uint32_t baud)
{
	SFR(UMODE(n)) = 0;
	/* BRGH = 1: baud = PBCLK2 / (4 * (BRG + 1)); 0.08% off at 115200 */
	SFR(UBRG(n)) = (PBCLK2_HZ / 4 + baud / 2) / baud - 1;
	SFR(USTA(n)) = USTA_UTXEN | USTA_URXEN;
	SFR(UMODE(n)) = UMODE_ON | UMODE_BRGH;
}

void uart_putc(unsigned n, char c)
{
	while (SFR(USTA(n)) & USTA_UTXBF)
		;
	SFR(UTXREG(n)) = (uint8_t)c;
}

int uart_getc(unsigned n)
{
	uint32_t sta = SFR(USTA(n));
	if (sta & USTA_OERR)
		SFR_CLR(USTA(n)) = USTA_OERR; /* overrun stops the receiver until cleared */
	if (!(sta & USTA_URXDA))
		return -1;
	return (int)(SFR(URXREG(n)) & 0xFF);
}

void uart_flush(unsigned n)
{
	while (!(SFR(USTA(n)) & USTA_TRMT))
		;
}

void uart_rx_irq(unsigned n, int enable, unsigned priority)
{
	unsigned irq = UART_IRQ_RX(n);
	if (!enable) {
		irq_disable(irq);
		return;
	}
	SFR_CLR(USTA(n)) = USTA_URXISEL_MASK; /* interrupt while the FIFO holds a byte */
	irq_set_priority(irq, priority, 0);
	irq_clear(irq);
	irq_enable(irq);
}

void console_init(uint32_t baud) { uart_init(CONSOLE_UART, baud); }

void console_putc(char c)
{
	if (c == '\n')
		uart_putc(CONSOLE_UART, '\r');
	uart_putc(CONSOLE_UART, c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

int console_getc(void) { return uart_getc(CONSOLE_UART); }
