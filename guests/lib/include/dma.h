/* SPDX-License-Identifier: Apache-2.0 */
/* dma.h - the DMA controller for guests: block copies and transfers that
 * an interrupt source paces (a UART's transmit request), on the program's
 * own addresses. The DMA reaches memory, not the D-cache: buffers must be
 * written back first, or used through KSEG1 (uncached), as the demo does.
 * Under vzlet the same code runs unchanged on the channels the VM owns
 * (`dma-channels`): the hypervisor translates and checks the addresses. */
#ifndef GUEST_DMA_H
#define GUEST_DMA_H

#include <stdbool.h>
#include <stdint.h>

#define DMA_CHANNELS 8u
#define DMA_NO_IRQ   (-1)

struct dma_xfer {
	const volatile void *src;  /* program addresses (KSEG0/KSEG1) */
	volatile void *dst;
	uint16_t src_size;         /* bytes; 0 means 65536 */
	uint16_t dst_size;
	uint16_t cell_size;        /* bytes per start event */
	int start_irq;             /* interrupt vector that starts each cell,
	                            * or DMA_NO_IRQ (dma_force starts it) */
};

/* The physical address the DMA needs for a program address. */
uint32_t dma_phys(const volatile void *p);
/* Write back and drop the D-cache lines of [p, p + n) (CACHE Hit Writeback
 * Invalidate): before the DMA reads memory the program wrote cached, or
 * writes memory the program will read. */
void dma_cache_flush(const volatile void *p, uint32_t n);
/* Program channel ch (stops what it was doing) and enable it. */
void dma_setup(unsigned ch, const struct dma_xfer *x);
/* One cell now (CFORCE). */
void dma_force(unsigned ch);
/* Block done (1), still running (0), or ended by an address error or an
 * abort (-1). */
int dma_status(unsigned ch);
/* Wait for the block's end: 0 done, -1 error or abort. */
int dma_wait(unsigned ch);
void dma_abort(unsigned ch);
/* Copy n bytes (1..65536) with channel ch and wait: 0 or -1. Cached
 * (KSEG0) buffers are flushed before and the destination after. */
int dma_copy(unsigned ch, volatile void *dst, const volatile void *src, uint32_t n);

#endif
