/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_fr0.S - FPU checks with Status.FR = 0 (16 even/odd pairs for 64-bit
 * values, 32 single registers): pair layout through loads, stores and
 * MFC1/MTC1/MFHC1/MTHC1, double arithmetic on pairs, singles in odd
 * registers, odd 64-bit operands reserved, and CP1 unusable with CU1 = 0.
 */
#include "fpu_test.h"

	.set	reorder
	.set	hardfloat	/* the objects stay soft-float ABI, like tests/lib */
	.set	fp=32
	.text
	.globl	test_main
	.ent	test_main
test_main:
	addiu	$sp, $sp, -32
	sw	$ra, 28($sp)
	FPU_ON	0
	SETFCSR	0

	/* LDC1 fills the pair: even = low word, odd = high word */
	la	$s0, scratch
	li	$t0, 0x55667788
	sw	$t0, 0($s0)
	li	$t0, 0x3FF80000		/* 1.5 */
	sw	$t0, 4($s0)
	ldc1	$f2, 0($s0)
	mfc1	$t2, $f2
	EXPECT	1, 0x55667788, $t2
	mfc1	$t2, $f3
	EXPECT	2, 0x3FF80000, $t2
	mfhc1	$t2, $f2		/* the high half of pair 2 is f3 */
	EXPECT	3, 0x3FF80000, $t2

	/* MTC1 into the halves, then double arithmetic on the pairs */
	mtc1	$zero, $f2
	mtc1	$zero, $f4
	li	$t0, 0x40020000		/* 2.25 */
	mtc1	$t0, $f5
	add.d	$f6, $f2, $f4
	mfc1	$t2, $f6
	EXPECT	4, 0, $t2
	mfc1	$t2, $f7
	EXPECT	5, 0x400E0000, $t2	/* 3.75 */
	sdc1	$f6, 8($s0)
	lw	$t2, 12($s0)
	EXPECT	6, 0x400E0000, $t2
	li	$t0, 0x40100000		/* MTHC1 writes the odd register */
	mthc1	$t0, $f8
	mtc1	$zero, $f8
	mfc1	$t2, $f9
	EXPECT	7, 0x40100000, $t2
	mul.d	$f10, $f8, $f6		/* 4 * 3.75 */
	mfc1	$t2, $f11
	EXPECT	8, 0x402E0000, $t2	/* 15 */

	/* singles use odd registers freely */
	li	$t0, 0x40000000
	mtc1	$t0, $f1
	li	$t0, 0x40400000
	mtc1	$t0, $f3
	mul.s	$f5, $f1, $f3
	mfc1	$t2, $f5
	EXPECT	10, 0x40C00000, $t2	/* 6 */
	/* and a single write leaves the partner word alone */
	mfc1	$t2, $f4
	EXPECT	11, 0, $t2
	cvt.d.s	$f12, $f5
	mfc1	$t2, $f13
	EXPECT	12, 0x40180000, $t2
	c.eq.d	$fcc2, $f12, $f12
	li	$t2, 0
	bc1f	$fcc2, 1f
	li	$t2, 1
1:	EXPECT	13, 1, $t2
	/* multiply-add on pairs */
	madd.d	$f14, $f12, $f8, $f6	/* 4 * 3.75 + 6 = 21 */
	mfc1	$t2, $f15
	EXPECT	14, 0x40350000, $t2
	/* indexed load/store on pairs */
	li	$s1, 8
	ldxc1	$f16, $s1($s0)
	mfc1	$t2, $f17
	EXPECT	15, 0x400E0000, $t2
	li	$s1, 16
	sdxc1	$f14, $s1($s0)
	lw	$t2, 20($s0)
	EXPECT	16, 0x40350000, $t2
	/* the L format is UNPREDICTABLE with FR = 0: Reserved Instruction */
	sw	$zero, exc_count
	trunc.l.d $f18, $f14
	cvt.s.l	$f20, $f18
	lw	$t2, exc_count
	EXPECT	17, 2, $t2
	lw	$t2, exc_cause
	srl	$t2, $t2, 2
	andi	$t2, $t2, 0x1F
	EXPECT	18, 10, $t2
	trunc.w.d $f18, $f14		/* W is fine */
	mfc1	$t2, $f18
	EXPECT	19, 21, $t2

	/* a 64-bit operand in an odd register is a Reserved Instruction */
	sw	$zero, exc_count
#ifdef __mips_micromips	/* (the microMIPS build, tests/fpu/fpu.mk) */
	.hword	0x54A3, 0x0930	/* add.d $f1, $f3, $f5 */
#else
	.word	0x46201840 | (1 << 6) | (3 << 11) | (5 << 16)	/* add.d $f1, $f3, $f5 */
#endif
	lw	$t2, exc_count
	EXPECT	20, 1, $t2
	lw	$t2, exc_cause
	srl	$t2, $t2, 2
	andi	$t2, $t2, 0x1F
	EXPECT	21, 10, $t2

	/* with Status.CU1 = 0 any CP1 instruction is Coprocessor Unusable, CE = 1 */
	sw	$zero, exc_count
	mfc0	$t0, CP0_STATUS
	li	$t1, ~ST_CU1
	and	$t0, $t0, $t1
	mtc0	$t0, CP0_STATUS
	ehb
	add.s	$f0, $f1, $f1
	lw	$t2, exc_count
	EXPECT	22, 1, $t2
	lw	$t2, exc_cause
	srl	$t3, $t2, 2
	andi	$t3, $t3, 0x1F
	EXPECT	23, 11, $t3
	srl	$t3, $t2, 28
	andi	$t3, $t3, 3
	EXPECT	24, 1, $t3
	FPU_ON	0

	move	$v0, $zero
	lw	$ra, 28($sp)
	addiu	$sp, $sp, 32
	jr	$ra
	.end	test_main

#include "fpu_common.inc"
