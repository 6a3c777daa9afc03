/* SPDX-License-Identifier: Apache-2.0 */
/* stale_line.c - BROKEN on purpose (rule cache-coherence): a clean line is
 * in the D-cache, an uncached store changes memory under it, and a cached
 * load then reads the line's old bytes. */
#include "test.h"
#include "../cache_ops.h"

int test_main(void)
{
	set_k0(3);
	(void)U32(KSEG0(0x40000));
	U32(KSEG1(0x40000)) = 5;
	return U32(KSEG0(0x40000)) == 5 ? 0 : 1;
}
