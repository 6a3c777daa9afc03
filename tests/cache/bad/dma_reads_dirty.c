/* SPDX-License-Identifier: Apache-2.0 */
/* dma_reads_dirty.c - BROKEN on purpose (rule cache-coherence): a cached
 * store leaves a dirty line and the DMA controller, a bus master that
 * reads memory, copies the line before it is written back. */
#include "test.h"
#include "../cache_ops.h"
#include "dma_start.h"

int test_main(void)
{
	set_k0(3);
	U32(KSEG0(0x40000)) = 1;
	dma_copy(0x40000, 0x41000, 16); /* reads the old bytes on silicon */
	return 0;
}
