/* SPDX-License-Identifier: Apache-2.0 */
/* dsp.h - state of the MIPS DSP ASE revision 2 (as the M5150 implements it,
 * Config3.DSPP = DSP2P = 1): the DSPControl register and the accumulators
 * ac1-ac3 (ac0 is HI/LO, struct cpu). Instructions: insn_dsp.c; decoding:
 * dsp_decode.c; docs/simulator-cpu.md, section "DSP ASE". */
#ifndef VZSIM_DSP_H
#define VZSIM_DSP_H

#include <stdint.h>

/* DSPControl fields (MIPS32: ccond has 4 bits, 27:24). */
#define DSP_POS      0x0000003Fu  /* 5:0   extraction position */
#define DSP_SCOUNT_SHIFT 7
#define DSP_SCOUNT   0x00001F80u  /* 12:7  INSV size */
#define DSP_C        0x00002000u  /* 13    carry (ADDSC/ADDWC) */
#define DSP_EFI      0x00004000u  /* 14    EXTP/EXTPDP failed */
#define DSP_OUFLAG_SHIFT 16
#define DSP_OUFLAG   0x00FF0000u  /* 23:16 overflow/underflow flags */
#define DSP_CCOND_SHIFT 24
#define DSP_CCOND    0x0F000000u  /* 27:24 condition codes */

/* ouflag bit numbers (DSPControl bit = 16 + n): 0-3 accumulator ac0-ac3,
 * 4 add/subtract/abs, 5 multiply, 6 shift/precision reduction, 7 extract. */
enum dsp_ouflag { DSP_OU_ADD = 4, DSP_OU_MUL = 5, DSP_OU_SHIFT = 6, DSP_OU_EXTR = 7 };

struct dsp {
	uint32_t ctl;        /* DSPControl */
	uint32_t hi[4], lo[4]; /* ac1-ac3 at index 1-3; index 0 unused (ac0 = HI/LO) */
};

#endif
