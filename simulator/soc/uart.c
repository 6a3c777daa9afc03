/* SPDX-License-Identifier: Apache-2.0 */
/* uart.c - UART1-6: 8-deep transmit and receive FIFOs, a transmit shift
 * register timed from the baud rate, status bits and the three persistent
 * interrupt requests (error, receive, transmit) of each UART.
 *
 * Timing: one character occupies the shift register for
 *   (1 start + 8 or 9 data/parity + 1 or 2 stop) bits
 *   x (BRGH ? 4 : 16) x (BRG + 1) PBCLK2 cycles x PB2DIV SYSCLK cycles,
 * and reaches m->uart_tx when its last stop bit has left. Characters follow
 * each other back to back. Reception is instantaneous and never loses host
 * input (see vzsim_uart_rx and the docs).
 * Not modelled: PPS routing (every UART is "connected"), IrDA, RTS/CTS,
 * auto-baud, address detect, break transmission, RXINV/UTXINV, FERR/PERR
 * (the host sends clean characters).
 */
#include "machine.h"

#define UART_BASE 0x1F822000u

#define MODE_ON     (1u << 15)
#define MODE_LPBACK (1u << 6)
#define MODE_BRGH   (1u << 3)
#define MODE_PDSEL  (3u << 1)
#define MODE_STSEL  (1u << 0)

#define STA_URXDA   (1u << 0)
#define STA_OERR    (1u << 1)
#define STA_FERR    (1u << 2)
#define STA_PERR    (1u << 3)
#define STA_RIDLE   (1u << 4)
#define STA_TRMT    (1u << 8)
#define STA_UTXBF   (1u << 9)
#define STA_UTXEN   (1u << 10)
#define STA_URXEN   (1u << 12)
#define STA_STATUS  (STA_URXDA | STA_FERR | STA_PERR | STA_RIDLE | STA_TRMT | STA_UTXBF)

/* Error vector of UARTn; receive is +1, transmit +2. */
static const unsigned uart_vector[UART_COUNT] = { 112, 145, 157, 170, 179, 188 };

static bool uart_on(const struct uart *u) { return u->mode & MODE_ON; }

/* Recompute the read-only status bits and the interrupt requests. */
static void uart_update(struct machine *m, struct uart *u)
{
	uint32_t st = u->sta & ~STA_STATUS;
	st |= STA_RIDLE;
	if (u->rx_count)
		st |= STA_URXDA;
	if (u->tx_count == UART_FIFO)
		st |= STA_UTXBF;
	if (!u->tx_count && !u->tsr_busy)
		st |= STA_TRMT;
	u->sta = st;

	bool on = uart_on(u);
	bool tx = false, rx = false;
	switch ((st >> 14) & 3u) { /* UTXISEL */
	case 0: tx = u->tx_count < UART_FIFO; break;
	case 1: tx = (st & STA_TRMT) != 0; break;
	case 2: tx = u->tx_count == 0; break;
	default: break;
	}
	switch ((st >> 6) & 3u) { /* URXISEL */
	case 0: rx = u->rx_count >= 1; break;
	case 1: rx = u->rx_count >= UART_FIFO / 2; break;
	case 2: rx = u->rx_count >= UART_FIFO * 3 / 4; break;
	default: break;
	}
	unsigned v = uart_vector[u->n - 1];
	evic_set_level(m, v, on && (st & (STA_OERR | STA_FERR | STA_PERR)));
	evic_set_level(m, v + 1, on && rx);
	evic_set_level(m, v + 2, on && tx);
}

/* SYSCLK cycles one character spends in the transmit shift register. */
static uint64_t uart_char_cycles(const struct machine *m, const struct uart *u)
{
	unsigned bits = 1 + ((u->mode & MODE_PDSEL) ? 9 : 8) + ((u->mode & MODE_STSEL) ? 2 : 1);
	uint64_t per_bit = (uint64_t)((u->mode & MODE_BRGH) ? 4 : 16) * ((u->brg & 0xFFFFu) + 1);
	return bits * per_bit * soc_pbclk_div(m, 2);
}

static void uart_start_tx(struct machine *m, struct uart *u, uint64_t now)
{
	if (u->tsr_busy || !u->tx_count || !uart_on(u) || !(u->sta & STA_UTXEN))
		return;
	u->tsr = u->tx_fifo[u->tx_head];
	u->tx_head = (u->tx_head + 1) % UART_FIFO;
	u->tx_count--;
	u->tsr_busy = true;
	event_schedule(m, &u->tx_done, now + uart_char_cycles(m, u));
}

/* Receiver side: returns false if the FIFO cannot take the character. */
static bool uart_rx_push(struct uart *u, uint8_t byte)
{
	if (u->rx_count == UART_FIFO || (u->sta & STA_OERR))
		return false;
	u->rx_fifo[(u->rx_head + u->rx_count) % UART_FIFO] = byte;
	u->rx_count++;
	return true;
}

static void uart_tx_done(struct machine *m, struct event *ev)
{
	struct uart *u = (struct uart *)((char *)ev - offsetof(struct uart, tx_done));
	u->tsr_busy = false;
	if (u->mode & MODE_LPBACK) {
		/* Loopback: the character arrives at our own receiver; with the
		 * FIFO full it is lost and OERR set, as on the chip. */
		if ((u->sta & STA_URXEN) && !uart_rx_push(u, u->tsr))
			u->sta |= STA_OERR;
	} else if (m->uart_tx) {
		m->uart_tx(m->uart_tx_ctx, (int)u->n, u->tsr);
	}
	uart_start_tx(m, u, ev->when);
	uart_update(m, u);
}

/* Transmitter and receiver back to their idle, empty state. */
static void uart_flush(struct machine *m, struct uart *u)
{
	event_cancel(m, &u->tx_done);
	u->tsr_busy = false;
	u->tx_head = u->tx_count = 0;
	u->rx_head = u->rx_count = 0;
}

static void uart_mode_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct uart *u = r->dev;
	if ((old & MODE_ON) && !uart_on(u)) {
		uart_flush(m, u);
		u->sta &= ~STA_OERR;
	}
	uart_start_tx(m, u, m->cycle);
	uart_update(m, u);
}

static void uart_sta_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct uart *u = r->dev;
	/* OERR can only be cleared; clearing it empties the receive FIFO. */
	u->sta = (u->sta & ~STA_OERR) | (u->sta & old & STA_OERR);
	if ((old & STA_OERR) && !(u->sta & STA_OERR))
		u->rx_head = u->rx_count = 0;
	/* Clearing UTXEN aborts the transmission and empties the buffer. */
	if ((old & STA_UTXEN) && !(u->sta & STA_UTXEN)) {
		event_cancel(m, &u->tx_done);
		u->tsr_busy = false;
		u->tx_head = u->tx_count = 0;
	}
	uart_start_tx(m, u, m->cycle);
	uart_update(m, u);
}

static void uart_txreg_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	struct uart *u = r->dev;
	uint8_t byte = (uint8_t)*r->val;
	*r->val = 0; /* TXREG is write-only */
	if (!uart_on(u) || u->tx_count == UART_FIFO)
		return; /* a full FIFO drops the write, as on the chip */
	u->tx_fifo[(u->tx_head + u->tx_count) % UART_FIFO] = byte;
	u->tx_count++;
	uart_start_tx(m, u, m->cycle);
	uart_update(m, u);
}

static uint32_t uart_txreg_read(struct machine *m, struct sfr *r)
{
	(void)m;
	(void)r;
	return 0;
}

static uint32_t uart_rxreg_read(struct machine *m, struct sfr *r)
{
	struct uart *u = r->dev;
	if (u->rx_count) {
		u->rxreg = u->rx_fifo[u->rx_head];
		u->rx_head = (u->rx_head + 1) % UART_FIFO;
		u->rx_count--;
		uart_update(m, u);
	}
	return u->rxreg; /* an empty FIFO repeats the last character */
}

bool vzsim_uart_rx(struct machine *m, int n, uint8_t byte)
{
	if (n < 1 || n > UART_COUNT)
		return true; /* no such UART: nothing listens on that line */
	struct uart *u = &m->soc.uart[n - 1];
	/* A receiver that is off or full does not take the byte: the caller
	 * keeps it and offers it again, so host input is never lost (even
	 * when it is typed before the program has set up the UART). */
	if (!uart_on(u) || !(u->sta & STA_URXEN) || (m->soc.sys.pmd[4] & (1u << (n - 1))))
		return false;
	if (!uart_rx_push(u, byte))
		return false;
	uart_update(m, u);
	return true;
}

void uart_disable(struct machine *m, unsigned i)
{
	struct uart *u = &m->soc.uart[i];
	uart_flush(m, u);
	sfr_reset_range(m, u, u + 1);
	uart_update(m, u);
}

void uart_init(struct machine *m)
{
	for (unsigned i = 0; i < UART_COUNT; i++) {
		struct uart *u = &m->soc.uart[i];
		uint32_t base = UART_BASE + 0x200 * i;
		u->n = i + 1;
		u->tx_done = (struct event){ .fn = uart_tx_done, .name = "uart-tx" };
		sfr_add(m, "UxMODE", base + 0x00, &u->mode, 0, 0x0000BBFFu, 0,
			NULL, uart_mode_write, u);
		sfr_add(m, "UxSTA", base + 0x10, &u->sta, STA_TRMT | STA_RIDLE,
			0x01FFFCE2u, 0, NULL, uart_sta_write, u);
		sfr_add(m, "UxTXREG", base + 0x20, &u->txreg, 0, 0x1FFu, SFR_NOALIAS,
			uart_txreg_read, uart_txreg_write, u);
		sfr_add(m, "UxRXREG", base + 0x30, &u->rxreg, 0, 0, SFR_NOALIAS,
			uart_rxreg_read, NULL, u);
		sfr_add(m, "UxBRG", base + 0x40, &u->brg, 0, 0xFFFFu, 0, NULL, NULL, u);
		sfr_set_pmd(m, u, u + 1, &m->soc.sys.pmd[4], 1u << i);
	}
}

void uart_reset(struct machine *m)
{
	for (unsigned i = 0; i < UART_COUNT; i++)
		uart_flush(m, &m->soc.uart[i]);
}
