/* SPDX-License-Identifier: Apache-2.0 */
/* dma_under_clean.c - BROKEN on purpose (rule cache-coherence): the DMA
 * controller writes memory under a clean D-cache line and the program
 * reads it cached without invalidating the line first. */
#include "test.h"
#include "../cache_ops.h"
#include "dma_start.h"

int test_main(void)
{
	set_k0(3);
	U32(KSEG1(0x40000)) = 7;
	U32(KSEG1(0x41000)) = 1;
	(void)U32(KSEG0(0x41000));     /* the line is valid and clean */
	dma_copy(0x40000, 0x41000, 16);
	return (int)U32(KSEG0(0x41000)); /* the cache still has 1 on silicon */
}
