/* SPDX-License-Identifier: Apache-2.0 */
/* code_not_written_back.c - BROKEN on purpose (rule cache-coherence):
 * instructions stored through the D-cache are executed without writing
 * the line back (and invalidating the I-cache, or SYNCI): the I-cache
 * fills from memory, which does not have them. */
#include "test.h"
#include "../cache_ops.h"

int test_main(void)
{
	uint32_t code = KSEG0(0x40100), r;
	set_k0(3);
	U32(code) = 0x03E00008u;          /* jr ra */
	U32(code + 4) = 0x24020000u;      /* li v0, 0 */
	__asm__ volatile(".set push\n\t.set noreorder\n\tjalr.hb %1\n\tnop\n\tmove %0, $v0\n\t.set pop"
			 : "=r"(r) : "r"(code) : "v0", "ra", "memory");
	return (int)r;
}
