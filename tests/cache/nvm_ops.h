/* SPDX-License-Identifier: Apache-2.0 */
/* nvm_ops.h - program one flash word through the flash controller (NVM),
 * for the cache programs: flash changes in memory, not in a cache line. */
#ifndef NVM_OPS_H
#define NVM_OPS_H
#include <stdint.h>

#define NVM_REG(off) (*(volatile uint32_t *)(0xBF800600u + (off)))
#define NVMCON    0x00
#define NVMCONSET 0x08
#define NVMKEY    0x10
#define NVMADDR   0x20
#define NVMDATA0  0x30
#define NVM_WR    (1u << 15)
#define NVM_WREN  (1u << 14)
#define NVMOP_WORD 1u

/* Program the word at physical address pa (bits can only be cleared). */
static inline void nvm_program_word(uint32_t pa, uint32_t v)
{
	NVM_REG(NVMADDR) = pa;
	NVM_REG(NVMDATA0) = v;
	NVM_REG(NVMCON) = NVM_WREN | NVMOP_WORD;
	NVM_REG(NVMKEY) = 0;
	NVM_REG(NVMKEY) = 0xAA996655u;
	NVM_REG(NVMKEY) = 0x556699AAu;
	NVM_REG(NVMCONSET) = NVM_WR;
	while (NVM_REG(NVMCON) & NVM_WR)
		;
}

#endif
