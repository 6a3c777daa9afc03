/* SPDX-License-Identifier: Apache-2.0 */
/* uart.c - the console UART (one of UART1..6), interrupt driven. */
#include <vzlet/hv.h>

#define U_MODE 0x00u
#define U_STA  0x10u
#define U_TX   0x20u
#define U_RX   0x30u
#define U_BRG  0x40u
#define CLR 4u
#define SET 8u

#define MODE_ON    0x8000u
#define MODE_BRGH  0x0008u
#define STA_URXEN  0x1000u
#define STA_UTXEN  0x0400u
#define STA_UTXBF  0x0200u
#define STA_TRMT   0x0100u
#define STA_OERR   0x0002u
#define STA_URXDA  0x0001u

static uint32_t uart_pa;
static unsigned uart_irq;

/* Fault/RX/TX vectors of UART1..6 on the PIC32MZ EF. */
static const uint8_t uart_irqs[6] = { 112, 145, 157, 170, 179, 188 };

void uart_init(unsigned n, uint32_t baud, uint32_t pbclk)
{
	if (n < 1u || n > 6u) {
		n = 4u;
	}
	uart_pa = 0x1F822000u + (n - 1u) * 0x200u;
	uart_irq = uart_irqs[n - 1u];
	HV_REG32(uart_pa + U_MODE) = 0u;
	HV_REG32(uart_pa + U_BRG) = (pbclk + 2u * baud) / (4u * baud) - 1u;  /* BRGH = 1 */
	HV_REG32(uart_pa + U_STA) = STA_URXEN | STA_UTXEN;  /* RX irq per byte, TX irq on space */
	HV_REG32(uart_pa + U_MODE) = MODE_ON | MODE_BRGH;
}

unsigned uart_irq_base(void)
{
	return uart_irq;
}

bool uart_tx_ready(void)
{
	return (HV_REG32(uart_pa + U_STA) & STA_UTXBF) == 0u;
}

bool uart_tx_idle(void)
{
	return (HV_REG32(uart_pa + U_STA) & STA_TRMT) != 0u;
}

void uart_tx(uint8_t c)
{
	HV_REG32(uart_pa + U_TX) = c;
}

int uart_rx(void)
{
	uint32_t sta = HV_REG32(uart_pa + U_STA);
	int c = -1;
	if ((sta & STA_OERR) != 0u) {
		HV_REG32(uart_pa + U_STA + CLR) = STA_OERR;
	}
	if ((sta & STA_URXDA) != 0u) {
		c = (int)(HV_REG32(uart_pa + U_RX) & 0xFFu);
	}
	return c;
}
