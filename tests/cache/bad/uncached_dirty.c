/* SPDX-License-Identifier: Apache-2.0 */
/* uncached_dirty.c - BROKEN on purpose (rule cache-coherence): a cached
 * store leaves a dirty line, then the KSEG1 alias reads memory, which does
 * not have the store yet. */
#include "test.h"
#include "../cache_ops.h"

int test_main(void)
{
	set_k0(3);
	U32(KSEG0(0x40000)) = 1;
	return (int)U32(KSEG1(0x40000)); /* stale on silicon */
}
