/* SPDX-License-Identifier: Apache-2.0 */
/* uart.h - polled UART driver (UART1..6) and the console (UART4 on the
 * chipKIT Wi-Fire). Baud rates assume PBCLK2 = 100 MHz. */
#ifndef GUEST_UART_H
#define GUEST_UART_H

#include <stdint.h>

#define CONSOLE_UART 4

void uart_init(unsigned n, uint32_t baud);
void uart_putc(unsigned n, char c);       /* waits while the TX FIFO is full */
int uart_getc(unsigned n);                /* next received byte, or -1 (never waits) */
void uart_flush(unsigned n);              /* wait until the last bit has left */
/* Enable (or disable) the receive interrupt: one per received byte. */
void uart_rx_irq(unsigned n, int enable, unsigned priority);

/* Console: "\n" goes out as "\r\n". */
void console_init(uint32_t baud);
void console_putc(char c);
void console_puts(const char *s);
int console_getc(void);
/* printf subset: %d %i %u %x %X %c %s %p %%, width, '0' and '-' flags,
 * 'l' accepted (long is 32-bit). */
void cprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
