/* SPDX-License-Identifier: Apache-2.0 */
/* uart_loopback.c - UART4 end to end on the whole simulator: characters
 * sent in loopback arrive in order after their frame time (measured with the
 * core timer), nine unread characters overrun the receive FIFO (OERR), and
 * the receive interrupt reaches the core through the EVIC. */
#include "pic32.h"
#include "test.h"

#define U 4
#define V_RX 171
/* 115200 baud at PBCLK2 = 100 MHz: BRG 53, 10 bits x 16 x 54 x 2 SYSCLK,
 * and the core timer counts at SYSCLK / 2. */
#define CHAR_COUNTS (10u * 16u * 54u)

static volatile uint32_t rx_irqs, rx_byte, rx_ripl, rx_sirq;

void test_exception(struct test_exc_frame *f)
{
	if (f->vector != 0x400)
		test_fail(100, f->vector, f->cause, f->epc, 0);
	rx_ripl = CAUSE_RIPL(f->cause);
	rx_sirq = SFR(INTSTAT) & 0xFFu;
	while (SFR(USTA(U)) & USTA_URXDA)
		rx_byte = SFR(URX(U));
	irq_clear(V_RX); /* the condition is gone, so the flag stays clear */
	rx_irqs++;
	irq_return_ipl0();
}

int test_main(void)
{
	SFR(UBRG(U)) = 53;
	SFR(UMODE(U)) = UMODE_ON | UMODE_LPBACK;
	SFR(USTA(U)) = USTA_URXEN | USTA_UTXEN;

	/* Three characters back to back. */
	uint32_t t0 = CP0_COUNT();
	SFR(UTX(U)) = 'H';
	SFR(UTX(U)) = 'i';
	SFR(UTX(U)) = '!';
	while (!(SFR(USTA(U)) & USTA_TRMT))
		;
	uint32_t dt = CP0_COUNT() - t0;
	CHECK_DETAIL(1, dt >= 3 * CHAR_COUNTS && dt < 3 * CHAR_COUNTS + 100, dt, 3 * CHAR_COUNTS, 0, 0);
	CHECK_EQ(2, 'H', SFR(URX(U)));
	CHECK_EQ(3, 'i', SFR(URX(U)));
	CHECK_EQ(4, '!', SFR(URX(U)));
	CHECK_EQ(5, 0, SFR(USTA(U)) & USTA_URXDA);

	/* Nine characters into an 8-deep receive FIFO: overrun. */
	for (unsigned i = 0; i < 9; i++)
		SFR(UTX(U)) = 'a' + i;
	while (!(SFR(USTA(U)) & USTA_TRMT))
		;
	CHECK(6, SFR(USTA(U)) & USTA_OERR);
	CHECK_EQ(7, 'a', SFR(URX(U)));
	CLR(USTA(U)) = USTA_OERR;               /* also empties the FIFO */
	CHECK_EQ(8, 0, SFR(USTA(U)) & (USTA_OERR | USTA_URXDA));

	/* Receive interrupt, multi-vector, priority 2, taken at the BEV
	 * interrupt vector (Cause.IV = 1). */
	SFR(INTCON) = INTCON_MVEC;
	irq_clear(V_RX);
	irq_enable(V_RX, 2, 0);
	MTC0(13, 0, CAUSE_IV);
	MTC0(12, 0, ST_BEV | ST_IE);
	SFR(UTX(U)) = 'Z';
	while (!rx_irqs)
		wait_for_interrupt();
	CHECK_EQ(9, 1, rx_irqs);
	CHECK_EQ(10, 'Z', rx_byte);
	CHECK_EQ(11, 2, rx_ripl);
	CHECK_EQ(12, V_RX, rx_sirq);
	MTC0(12, 0, ST_BEV);
	return 0;
}
