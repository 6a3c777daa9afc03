/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the DMA demo guest: a 4 KB memory-to-memory copy with DMA
 * channel 0 (checked byte by byte, timed with the core timer), then a
 * message sent to UART2 by DMA channel 1, one byte per transmit request
 * of the UART (its TX interrupt source starts each 1-byte cell), with the
 * UART in loopback so that the guest reads back what the DMA sent.
 * Then a copy that ends with channel 2's block-complete interrupt
 * (vector 136). Last, the time of 64 writes to a channel register (what a virtualised
 * register write costs: make bench-hv).
 * Runs unchanged on the bare chip (after guests/lib/boot) and under vzlet
 * with `dma-channels = <0 1>` and UART2 (docs/guest-lib.md). */
#include "coretimer.h"
#include "dma.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"

#define COPY_BYTES 4096u
#define KSEG1(p)   ((volatile uint8_t *)(0xA0000000u | dma_phys(p)))
#define MSG        "DMA->U2!"
#define MSG_LEN    8u

static uint8_t src_buf[COPY_BYTES] __attribute__((aligned(16)));
static uint8_t dst_buf[COPY_BYTES] __attribute__((aligned(16)));
static const char msg[MSG_LEN + 1] = MSG;
static uint8_t msg_ram[MSG_LEN] __attribute__((aligned(16)));

static int mem_to_mem(void)
{
	dma_cache_flush(src_buf, COPY_BYTES);  /* crt0 cleared them cached */
	dma_cache_flush(dst_buf, COPY_BYTES);
	volatile uint8_t *s = KSEG1(src_buf), *d = KSEG1(dst_buf);
	for (unsigned i = 0; i < COPY_BYTES; i++) {
		s[i] = (uint8_t)(i * 7 + 3);
		d[i] = 0;
	}
	uint32_t t0 = ct_now();
	if (dma_copy(0, d, s, COPY_BYTES) != 0) {
		cprintf("dma: memory-to-memory copy failed\n");
		return -1;
	}
	uint32_t ticks = ct_now() - t0;
	for (unsigned i = 0; i < COPY_BYTES; i++)
		if (d[i] != (uint8_t)(i * 7 + 3)) {
			cprintf("dma: byte %u is %u\n", i, d[i]);
			return -1;
		}
	/* core timer ticks are 10 ns: bytes per us = bytes * 100 / ticks */
	cprintf("dma: memory-to-memory %u bytes ok, %u core timer ticks\n", COPY_BYTES,
		(unsigned)ticks);
	return 0;
}

static int uart_tx(void)
{
	dma_cache_flush(msg_ram, MSG_LEN);
	volatile uint8_t *m = KSEG1(msg_ram);
	for (unsigned i = 0; i < MSG_LEN; i++)
		m[i] = (uint8_t)msg[i];
	SFR(UMODE(2)) = 0;
	SFR(USTA(2)) = 0;
	SFR(UBRG(2)) = 0;                        /* fastest: PBCLK2 / 16 */
	struct dma_xfer x = { .src = m, .dst = (volatile void *)UTXREG(2), .src_size = MSG_LEN,
			      .dst_size = 1, .cell_size = 1, .start_irq = UART_IRQ_TX(2) };
	dma_setup(1, &x);
	/* The transmit request rises when the UART comes on: the DMA feeds it. */
	SFR(UMODE(2)) = UMODE_ON | (1u << 6);    /* loopback */
	SFR(USTA(2)) = USTA_UTXEN | USTA_URXEN;
	if (dma_wait(1) != 0) {
		cprintf("dma: uart transfer failed\n");
		return -1;
	}
	char got[MSG_LEN + 1];
	unsigned n = 0;
	uint32_t deadline = ct_now() + 100 * CT_TICKS_PER_MS;
	while (n < MSG_LEN && (int32_t)(ct_now() - deadline) < 0) {
		int c = uart_getc(2);
		if (c >= 0)
			got[n++] = (char)c;
	}
	got[n] = 0;
	SFR(UMODE(2)) = 0;
	cprintf("dma: uart2 sent by DMA, read back \"%s\"\n", got);
	return n == MSG_LEN ? 0 : -1;
}

#define DCH2INT    0xBF811200u           /* 0xBF811060 + 0xC0 * 2 + 0x20 */
#define CHBCIF     (1u << 3)
#define CHBCIE     (1u << 19)
#define V_DMA2     136u

static volatile uint32_t dma2_irqs;

GUEST_ISR(136, dma2_isr);

void dma2_isr(void)
{
	SFR_CLR(DCH2INT) = CHBCIF;               /* the source first, then the flag */
	irq_clear(V_DMA2);
	dma2_irqs++;
}

/* 256 bytes with channel 2, its end signalled by its interrupt. */
static int irq_copy(void)
{
	volatile uint8_t *s = KSEG1(src_buf), *d = KSEG1(dst_buf);
	struct dma_xfer x = { .src = s, .dst = d + 256, .src_size = 256, .dst_size = 256,
			      .cell_size = 256, .start_irq = DMA_NO_IRQ };
	dma_setup(2, &x);
	SFR(DCH2INT) = CHBCIE;
	irq_set_priority(V_DMA2, 3, 0);
	irq_clear(V_DMA2);
	irq_enable(V_DMA2);
	irq_global_enable();
	dma_force(2);
	uint32_t deadline = ct_now() + 10 * CT_TICKS_PER_MS;
	while (!dma2_irqs && (int32_t)(ct_now() - deadline) < 0)
		;
	int ok = dma2_irqs == 1;
	for (unsigned i = 0; ok && i < 256; i++)
		ok = d[256 + i] == s[i];
	cprintf("dma: block-complete interrupt %s\n", ok ? "taken" : "MISSING");
	return ok ? 0 : -1;
}

#define REG_WRITES 64u

/* 64 writes to DCH1CSIZ (a channel register the hypervisor emulates):
 * core timer ticks for all of them. */
static void reg_writes(void)
{
	volatile uint32_t *csiz = (volatile uint32_t *)(0xBF811060u + 0xC0u + 0x90u);
	uint32_t t0 = ct_now();
	for (unsigned i = 0; i < REG_WRITES; i++)
		*csiz = i + 1;
	(void)*csiz;                             /* the last write has landed */
	uint32_t ticks = ct_now() - t0;
	cprintf("dma: %u channel register writes, %u core timer ticks\n", REG_WRITES,
		(unsigned)ticks);
}

int main(void)
{
	console_init(115200);
	cprintf("dma: demo guest\n");
	int ok = mem_to_mem() == 0 && uart_tx() == 0 && irq_copy() == 0;
	reg_writes();
	cprintf("dma: %s\n", ok ? "all ok" : "FAILED");
	for (;;)
		__asm__ volatile("wait");
}
