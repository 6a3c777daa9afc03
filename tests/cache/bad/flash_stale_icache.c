/* SPDX-License-Identifier: Apache-2.0 */
/* flash_stale_icache.c - BROKEN on purpose (rule cache-coherence): code
 * programmed into flash is run cached (the I-cache holds its line), one of
 * its words is programmed again, and the code runs again without Hit
 * Invalidate I: the core would run the old instruction. */
#include "test.h"
#include "../cache_ops.h"
#include "../nvm_ops.h"

#define CODE 0x1D100100u

static uint32_t call(void)
{
	uint32_t r;
	__asm__ volatile("jalr %1\n\tnop\n\tmove %0, $2"
			 : "=r"(r) : "r"(KSEG0(CODE)) : "v0", "ra", "memory");
	return r;
}

int test_main(void)
{
	set_k0(3);
	nvm_program_word(CODE, 0x03E00008u);      /* jr ra */
	nvm_program_word(CODE + 4, 0x34020007u);  /* ori v0, zero, 7 (slot) */
	if (call() != 7)
		return 1;
	nvm_program_word(CODE + 4, 0x34020003u);  /* ori v0, zero, 3: bits cleared */
	return call() == 3 ? 0 : 1;
}
