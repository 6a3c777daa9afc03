/* SPDX-License-Identifier: Apache-2.0 */
/* micromips_twin.h - microMIPS FPU and DSP ASE instructions as the MIPS32
 * words that do the same (their "twins"): the decoder runs the twin's
 * handler, so both ISAs share one implementation. */
#ifndef VZSIM_MICROMIPS_TWIN_H
#define VZSIM_MICROMIPS_TWIN_H

#include <stdint.h>

#define MM_NO_TWIN 0xFFFFFFFFu   /* reserved instruction */

/* x: a 32-bit microMIPS instruction (first halfword in bits 31:16). */
uint32_t mm_fpu_twin(uint32_t x);   /* POOL32F (major opcode 0x15) */
uint32_t mm_dsp_twin(uint32_t x);   /* the DSP ASE r2 in POOL32A/POOL32Axf */

#endif
