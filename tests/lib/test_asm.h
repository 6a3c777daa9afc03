/* SPDX-License-Identifier: Apache-2.0 */
/* test_asm.h - names and macros for the assembly of target test programs
 * (tests/lib/start.S, tests/vz/vzt_asm.S). Assembler only. */
#ifndef TEST_ASM_H
#define TEST_ASM_H

/* CP0 registers, select 0 */
#define CP0_ENTRYLO0 $2
#define CP0_ENTRYLO1 $3
#define CP0_PAGEMASK $5
#define CP0_BADVADDR $8
#define CP0_ENTRYHI  $10
#define CP0_STATUS   $12
#define CP0_CAUSE    $13
#define CP0_EPC      $14

#define ST_BEV       0x00400000

/* Which vector test_exc_entry was entered from ($k1, struct
 * test_exc_frame's vector): its offset from 0xBFC00000 with BEV = 1; root
 * vectors with BEV = 0 (tests/vz) pass the same codes. */
#define TEST_VEC_REFILL    0x200
#define TEST_VEC_GENERAL   0x380
#define TEST_VEC_INTERRUPT 0x400

/* A two-instruction vector: to the common exception path, k1 = offset. */
.macro test_vector offset
	j	test_exc_entry
	li	$27, \offset
.endm

/* Store CP0 register reg at off(base), through tmp. */
.macro cp0_save tmp, reg, off, base
	mfc0	\tmp, \reg
	sw	\tmp, \off(\base)
.endm

#endif
