/* SPDX-License-Identifier: Apache-2.0 */
/* dma_start.h - one DMA block copy between physical addresses, waited
 * for (the DMA programs of the cache tests). */
#ifndef CACHE_BAD_DMA_START_H
#define CACHE_BAD_DMA_START_H
#include <stdint.h>

#define DMA_SFR(a) (*(volatile uint32_t *)(a))

static inline void dma_copy(uint32_t src, uint32_t dst, uint32_t n)
{
	DMA_SFR(0xBF811000u) = 1u << 15;             /* DMACON.ON */
	DMA_SFR(0xBF811090u) = src;                  /* DCH0SSA */
	DMA_SFR(0xBF8110A0u) = dst;                  /* DCH0DSA */
	DMA_SFR(0xBF8110B0u) = n;                    /* DCH0SSIZ */
	DMA_SFR(0xBF8110C0u) = n;                    /* DCH0DSIZ */
	DMA_SFR(0xBF8110F0u) = n;                    /* DCH0CSIZ */
	DMA_SFR(0xBF811060u) = 1u << 7;              /* DCH0CON.CHEN */
	DMA_SFR(0xBF811078u) = 1u << 7;              /* DCH0ECONSET = CFORCE */
	while (!(DMA_SFR(0xBF811080u) & (1u << 3)))  /* DCH0INT.CHBCIF */
		;
}
#endif
