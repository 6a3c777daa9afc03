/* SPDX-License-Identifier: Apache-2.0 */
/* flash_stale_dline.c - BROKEN on purpose (rule cache-coherence): a flash
 * word is read cached (the D-cache holds its line), the flash controller
 * programs it, and a cached load then reads the line's old bytes: on
 * silicon a Hit Invalidate D is needed in between. */
#include "test.h"
#include "../cache_ops.h"
#include "../nvm_ops.h"

#define FLASH 0x1D100000u

int test_main(void)
{
	set_k0(3);
	(void)U32(KSEG0(FLASH));
	nvm_program_word(FLASH, 0x12345678u);
	return U32(KSEG0(FLASH)) == 0x12345678u ? 0 : 1;
}
