/* SPDX-License-Identifier: Apache-2.0 */
/* test_uart.c - UART FIFOs, status bits, character timing, interrupt
 * conditions, reception through vzsim_uart_rx, loopback overrun. */
#include "test_soc_common.h"

#define U4     0xBF822600u
#define MODE   (U4 + 0x00)
#define STA    (U4 + 0x10)
#define TXREG  (U4 + 0x20)
#define RXREG  (U4 + 0x30)
#define BRG    (U4 + 0x40)
#define SET    8
#define CLR    4

#define ON     (1u << 15)
#define LPBACK (1u << 6)
#define BRGH   (1u << 3)
#define URXDA  (1u << 0)
#define OERR   (1u << 1)
#define RIDLE  (1u << 4)
#define TRMT   (1u << 8)
#define UTXBF  (1u << 9)
#define UTXEN  (1u << 10)
#define URXEN  (1u << 12)

#define V_ERR 170
#define V_RX  171
#define V_TX  172

/* 115200 baud from PBCLK2 = 100 MHz: BRG 53; 10 bits x 16 x 54 x PB2DIV 2. */
#define CHAR_CYCLES (10u * 16u * 54u * 2u)

static struct {
	int uart[64];
	uint8_t byte[64];
	uint64_t when[64];
	unsigned n;
} sent;

static void on_tx(void *ctx, int uart, uint8_t byte)
{
	(void)ctx;
	if (sent.n < 64) {
		sent.uart[sent.n] = uart;
		sent.byte[sent.n] = byte;
		sent.when[sent.n] = m->cycle;
		sent.n++;
	}
}

static int uart_setup(void **state)
{
	if (soc_setup(state))
		return -1;
	memset(&sent, 0, sizeof sent);
	vzsim_set_uart_tx(m, on_tx, NULL);
	wr(BRG, 53);
	wr(MODE, ON);
	wr(STA, UTXEN | URXEN);
	return 0;
}

static void reset_state(void **state)
{
	(void)state;
	for (unsigned n = 0; n < 6; n++) {
		uint32_t base = 0xBF822000u + 0x200 * n;
		if (n == 3)
			continue; /* UART4 was configured by the setup */
		assert_int_equal(rd(base), 0);
		assert_int_equal(rd(base + 0x10), TRMT | RIDLE);
	}
}

static void one_character_timing(void **state)
{
	(void)state;
	uint64_t t0 = m->cycle;
	wr(TXREG, 'A');
	assert_int_equal(rd(STA) & TRMT, 0);
	advance_to(t0 + CHAR_CYCLES - 1);
	assert_int_equal(sent.n, 0);
	advance_to(t0 + CHAR_CYCLES);
	assert_int_equal(sent.n, 1);
	assert_int_equal(sent.uart[0], 4);
	assert_int_equal(sent.byte[0], 'A');
	assert_true(rd(STA) & TRMT);
}

static void fifo_full_and_back_to_back(void **state)
{
	(void)state;
	uint64_t t0 = m->cycle;
	/* One character goes to the shift register, eight fill the FIFO. */
	for (unsigned i = 0; i < 9; i++) {
		assert_int_equal(rd(STA) & UTXBF, 0);
		wr(TXREG, '0' + i);
	}
	assert_true(rd(STA) & UTXBF);
	wr(TXREG, 'X'); /* dropped */
	advance_to(t0 + 20ull * CHAR_CYCLES);
	assert_int_equal(sent.n, 9);
	for (unsigned i = 0; i < 9; i++) {
		assert_int_equal(sent.byte[i], '0' + i);
		assert_int_equal(sent.when[i], t0 + (i + 1ull) * CHAR_CYCLES);
	}
	assert_true(rd(STA) & TRMT);
}

static void frame_formats(void **state)
{
	(void)state;
	/* BRGH: 4 clocks per bit; 9-bit data and two stop bits: 12 bits. */
	wr(MODE + SET, BRGH | (3u << 1) | 1u);
	uint64_t t0 = m->cycle;
	wr(TXREG, 0x1A5);
	advance_to(t0 + 12u * 4u * 54u * 2u - 1);
	assert_int_equal(sent.n, 0);
	advance(1);
	assert_int_equal(sent.n, 1);
	assert_int_equal(sent.byte[0], 0xA5);
	/* PB2DIV changes the time in SYSCLK cycles. */
	unlock();
	wr(0xBF801310u, 0x8803u); /* PB2DIV: divide by 4 */
	wr(MODE + CLR, BRGH | (3u << 1) | 1u);
	t0 = m->cycle;
	wr(TXREG, 'z');
	advance_to(t0 + 10u * 16u * 54u * 4u - 1);
	assert_int_equal(sent.n, 1);
	advance(1);
	assert_int_equal(sent.n, 2);
}

static void utxen_gates_and_aborts(void **state)
{
	(void)state;
	wr(STA + CLR, UTXEN);
	wr(TXREG, 'q');
	advance(3 * CHAR_CYCLES);
	assert_int_equal(sent.n, 0);
	assert_int_equal(rd(STA) & TRMT, 0); /* waiting in the FIFO */
	uint64_t t0 = m->cycle;
	wr(STA + SET, UTXEN);
	advance_to(t0 + CHAR_CYCLES);
	assert_int_equal(sent.n, 1);
	/* Clearing UTXEN mid-character aborts it. */
	wr(TXREG, 'r');
	advance(CHAR_CYCLES / 2);
	wr(STA + CLR, UTXEN);
	advance(3 * CHAR_CYCLES);
	assert_int_equal(sent.n, 1);
	assert_true(rd(STA) & TRMT);
	/* Turning the UART off empties everything; TXREG is ignored while off. */
	wr(MODE + CLR, ON);
	wr(TXREG, 's');
	wr(MODE + SET, ON);
	wr(STA + SET, UTXEN);
	advance(3 * CHAR_CYCLES);
	assert_int_equal(sent.n, 1);
}

static void tx_interrupt_conditions(void **state)
{
	(void)state;
	/* UTXISEL 00: while the FIFO has room. */
	assert_true(ifs(V_TX));
	for (unsigned i = 0; i < 9; i++)
		wr(TXREG, 'a');
	clear_ifs(V_TX);
	assert_false(ifs(V_TX));              /* full: condition false */
	advance(CHAR_CYCLES);                 /* one leaves the FIFO */
	assert_true(ifs(V_TX));
	advance(20 * CHAR_CYCLES);
	/* UTXISEL 01: when everything has gone (TRMT). */
	wr(STA + SET, 1u << 14);
	wr(TXREG, 'b');
	clear_ifs(V_TX);
	assert_false(ifs(V_TX));
	advance(CHAR_CYCLES - 1);
	assert_false(ifs(V_TX));
	advance(1);
	assert_true(ifs(V_TX));
	/* UTXISEL 10: FIFO empty (the shift register may still be busy). */
	wr(STA + CLR, 3u << 14);
	wr(STA + SET, 2u << 14);
	wr(TXREG, 'c');
	wr(TXREG, 'd');
	clear_ifs(V_TX);
	assert_false(ifs(V_TX));
	advance(CHAR_CYCLES);                 /* 'd' moved to the shifter */
	assert_true(ifs(V_TX));
	assert_int_equal(rd(STA) & TRMT, 0);
}

static void receive_fifo(void **state)
{
	(void)state;
	for (unsigned i = 0; i < 8; i++)
		assert_true(vzsim_uart_rx(m, 4, (uint8_t)('a' + i)));
	assert_false(vzsim_uart_rx(m, 4, 'X')); /* full: caller retries */
	assert_int_equal(rd(STA) & OERR, 0);     /* nothing was lost */
	assert_true(rd(STA) & URXDA);
	for (unsigned i = 0; i < 8; i++)
		assert_int_equal(rd(RXREG), 'a' + i);
	assert_int_equal(rd(STA) & URXDA, 0);
	/* A byte read of RXREG pops too. */
	assert_true(vzsim_uart_rx(m, 4, 0x5A));
	assert_int_equal(rdn(RXREG, 1), 0x5A);
	assert_int_equal(rd(STA) & URXDA, 0);
	/* Receiver off: the byte is not taken; once on, the retry lands. */
	wr(STA + CLR, URXEN);
	assert_false(vzsim_uart_rx(m, 4, 'n'));
	assert_int_equal(rd(STA) & URXDA, 0);
	wr(MODE + CLR, ON);
	assert_false(vzsim_uart_rx(m, 4, 'n'));
	wr(MODE + SET, ON);
	wr(STA + SET, URXEN);
	assert_true(vzsim_uart_rx(m, 4, 'n'));
	assert_int_equal(rd(RXREG), 'n');
	/* Other UARTs are independent (UART1 is off); bad numbers drop. */
	assert_false(vzsim_uart_rx(m, 1, 'x'));
	assert_int_equal(rd(STA) & URXDA, 0);
	assert_true(vzsim_uart_rx(m, 7, 'x'));
	assert_true(vzsim_uart_rx(m, 0, 'x'));
}

static void rx_interrupt_thresholds(void **state)
{
	(void)state;
	static const struct { unsigned sel, need; } cases[] = { { 0, 1 }, { 1, 4 }, { 2, 6 } };
	for (size_t c = 0; c < 3; c++) {
		wr(STA + CLR, 3u << 6);
		wr(STA + SET, cases[c].sel << 6);
		for (unsigned i = 1; i <= 8; i++) {
			assert_true(vzsim_uart_rx(m, 4, (uint8_t)i));
			clear_ifs(V_RX);
			assert_int_equal(ifs(V_RX), i >= cases[c].need);
		}
		while (rd(STA) & URXDA)
			rd(RXREG);
		clear_ifs(V_RX);
		assert_false(ifs(V_RX));
	}
}

static void loopback_overrun(void **state)
{
	(void)state;
	wr(MODE + SET, LPBACK);
	for (unsigned i = 0; i < 9; i++)
		wr(TXREG, 'A' + i);
	advance(10 * CHAR_CYCLES);
	assert_int_equal(sent.n, 0);          /* nothing leaves the chip */
	/* 8 fit, the 9th overruns. */
	assert_true(rd(STA) & OERR);
	assert_true(ifs(V_ERR));
	assert_false(vzsim_uart_rx(m, 4, 'z')); /* receiver stopped */
	assert_int_equal(rd(RXREG), 'A');
	/* OERR cannot be set by software, only cleared; clearing empties. */
	wr(STA + CLR, OERR);
	assert_int_equal(rd(STA) & (OERR | URXDA), 0);
	wr(STA + SET, OERR);
	assert_int_equal(rd(STA) & OERR, 0);
	clear_ifs(V_ERR);
	assert_false(ifs(V_ERR));
}

static void pmd_disables_uart(void **state)
{
	(void)state;
	wr(0xBF800088u, 1u << 3);             /* PMD5SET U4MD */
	assert_int_equal(rd(MODE), 0);
	assert_int_equal(rd(STA), 0);
	wr(BRG, 7);
	assert_int_equal(rd(BRG), 0);
	assert_false(vzsim_uart_rx(m, 4, 'x')); /* not taken */
	wr(0xBF800084u, 1u << 3);             /* PMD5CLR: back at reset values */
	assert_int_equal(rd(MODE), 0);
	assert_int_equal(rd(BRG), 0);
	assert_int_equal(rd(STA), TRMT | RIDLE);
	/* PMDLOCK freezes PMD. */
	unlock();
	wr(0xBF800008u, 1u << 12);
	wr(0xBF800088u, 1u << 3);
	assert_int_equal(rd(0xBF800080u), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, uart_setup, soc_teardown)

int run_uart_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(reset_state), T(one_character_timing), T(fifo_full_and_back_to_back),
		T(frame_formats), T(utxen_gates_and_aborts), T(tx_interrupt_conditions),
		T(receive_fifo), T(rx_interrupt_thresholds), T(loopback_overrun),
		T(pmd_disables_uart),
	};
	return cmocka_run_group_tests_name("soc-uart", tests, NULL, NULL);
}
