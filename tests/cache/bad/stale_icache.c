/* SPDX-License-Identifier: Apache-2.0 */
/* stale_icache.c - BROKEN on purpose (rule cache-coherence): code in RAM
 * runs cached (its line is now in the I-cache), is rewritten in memory
 * and run again without invalidating the I-cache line: the core would
 * execute the old instructions. */
#include "test.h"
#include "../cache_ops.h"

static uint32_t call(uint32_t code)
{
	uint32_t r;
	__asm__ volatile(".set push\n\t.set noreorder\n\tjalr.hb %1\n\tnop\n\tmove %0, $v0\n\t.set pop"
			 : "=r"(r) : "r"(code) : "v0", "ra", "memory");
	return r;
}

int test_main(void)
{
	uint32_t pa = 0x40100;
	set_k0(3);
	U32(KSEG1(pa)) = 0x03E00008u;     /* jr ra */
	U32(KSEG1(pa + 4)) = 0x24020001u; /* li v0, 1 */
	CACHE(HIT_INV_I, KSEG0(pa));
	if (call(KSEG0(pa)) != 1)
		return 1;
	U32(KSEG1(pa + 4)) = 0x24020000u; /* li v0, 0: memory only */
	return (int)call(KSEG0(pa));
}
