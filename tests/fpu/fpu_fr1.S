/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_fr1.S - FPU checks with Status.FR = 1 (32 64-bit registers): FIR,
 * arithmetic and rounding modes, legacy NaNs, compares and branches,
 * conversions, unfused multiply-add, indexed loads/stores, conditional
 * moves, flags, flush-to-zero and floating-point exceptions.
 * Expected values are IEEE 754 / MIPS facts (see docs/simulator-fpu.md).
 */
#include "fpu_test.h"

	.set	reorder
	.set	hardfloat	/* the objects stay soft-float ABI, like tests/lib */
	.set	fp=64
	.text
	.globl	test_main
	.ent	test_main
test_main:
	addiu	$sp, $sp, -32
	sw	$ra, 28($sp)
	FPU_ON	1

	/* FIR: FC F64 L W D S, ProcessorID 0xA7 */
	cfc1	$t2, $0
	EXPECT	1, 0x0173A720, $t2
	SETFCSR	0
	CHKFCSR	2, 0

	/* exact arithmetic */
	LDS	$f2, 0x3FC00000		/* 1.5 */
	LDS	$f4, 0x40100000		/* 2.25 */
	add.s	$f0, $f2, $f4
	CHKS	3, $f0, 0x40700000	/* 3.75 */
	sub.s	$f0, $f2, $f4
	CHKS	4, $f0, 0xBF400000	/* -0.75 */
	mul.s	$f0, $f2, $f4
	CHKS	5, $f0, 0x40580000	/* 3.375 */
	LDD	$f6, 0x40190000, 0	/* 6.25 */
	sqrt.d	$f8, $f6
	CHKD	6, $f8, 0x40040000, 0	/* 2.5 */
	CHKFCSR	7, 0

	/* 1/3 and -1/3 in the four rounding modes */
	LDS	$f2, 0x3F800000		/* 1 */
	LDS	$f3, 0xBF800000		/* -1 */
	LDS	$f4, 0x40400000		/* 3 */
	div.s	$f0, $f2, $f4
	CHKS	10, $f0, 0x3EAAAAAB
	CHKFCSR	11, CAUSE_I | FLAG_I
	SETFCSR	1
	div.s	$f0, $f2, $f4
	CHKS	12, $f0, 0x3EAAAAAA
	SETFCSR	2
	div.s	$f0, $f3, $f4
	CHKS	13, $f0, 0xBEAAAAAA
	div.s	$f0, $f2, $f4
	CHKS	14, $f0, 0x3EAAAAAB
	SETFCSR	3
	div.s	$f0, $f3, $f4
	CHKS	15, $f0, 0xBEAAAAAB
	LDD	$f6, 0x3FF00000, 0	/* 1.0 */
	LDD	$f8, 0x40080000, 0	/* 3.0 */
	SETFCSR	2
	div.d	$f10, $f6, $f8
	CHKD	16, $f10, 0x3FD55555, 0x55555556
	SETFCSR	0
	div.d	$f10, $f6, $f8
	CHKD	17, $f10, 0x3FD55555, 0x55555555
	sqrt.d	$f10, $f6
	LDD	$f12, 0x40000000, 0	/* 2.0 */
	sqrt.d	$f10, $f12
	CHKD	18, $f10, 0x3FF6A09E, 0x667F3BCD

	/* flags accumulate, Cause is per instruction */
	SETFCSR	0
	LDS	$f5, 0
	div.s	$f0, $f2, $f4		/* inexact */
	div.s	$f0, $f2, $f5		/* 1/0 */
	CHKS	20, $f0, 0x7F800000
	CHKFCSR	21, CAUSE_Z | FLAG_Z | FLAG_I
	add.s	$f0, $f2, $f2		/* exact */
	CHKFCSR	22, FLAG_Z | FLAG_I

	/* legacy NaNs: sNaN -> Invalid + default NaN; qNaN propagates */
	SETFCSR	0
	LDS	$f6, 0x7FC00000		/* sNaN (top fraction bit set) */
	add.s	$f0, $f6, $f2
	CHKS	30, $f0, 0x7FBFFFFF
	CHKFCSR	31, CAUSE_V | FLAG_V
	SETFCSR	0
	LDS	$f7, 0x7F800123		/* qNaN */
	mul.s	$f0, $f2, $f7
	CHKS	32, $f0, 0x7F800123
	CHKFCSR	33, 0
	LDD	$f8, 0, 0
	div.d	$f10, $f8, $f8		/* 0/0 */
	CHKD	34, $f10, 0x7FF7FFFF, 0xFFFFFFFF
	CHKFCSR	35, CAUSE_V | FLAG_V
	SETFCSR	0
	neg.s	$f0, $f6		/* legacy NEG is arithmetic */
	CHKS	36, $f0, 0x7FBFFFFF
	abs.s	$f0, $f3
	CHKS	37, $f0, 0x3F800000

	/* compares, branches, condition codes */
	SETFCSR	0
	c.lt.s	$f2, $f4		/* 1 < 3 -> cc0 */
	li	$t2, 0
	bc1f	1f
	li	$t2, 1
1:	EXPECT	40, 1, $t2
	c.eq.s	$fcc5, $f2, $f4		/* false -> cc5 */
	li	$t2, 0
	bc1t	$fcc5, 1f
	li	$t2, 1
1:	EXPECT	41, 1, $t2
	c.ueq.s	$fcc7, $f7, $f2		/* unordered -> true, no Invalid */
	CHKFCSR	42, 0x80800000
	c.ngle.s $fcc1, $f7, $f2	/* signalling: Invalid */
	CHKFCSR	43, 0x82800000 | CAUSE_V | FLAG_V
	cfc1	$t2, $25		/* FCCR */
	EXPECT	44, 0x83, $t2
	li	$t3, 0x1234
	li	$t2, 0
	movt	$t2, $t3, $fcc7
	EXPECT	45, 0x1234, $t2
	movf	$t2, $zero, $fcc5
	EXPECT	46, 0, $t2

	/* conversions to integer */
	SETFCSR	0
	LDS	$f2, 0x40200000		/* 2.5 */
	cvt.w.s	$f0, $f2
	CHKS	50, $f0, 2
	SETFCSR	2
	cvt.w.s	$f0, $f2
	CHKS	51, $f0, 3
	SETFCSR	0
	LDS	$f2, 0xC02CCCCD		/* -2.7 */
	trunc.w.s $f0, $f2
	CHKS	52, $f0, -2
	floor.w.s $f0, $f2
	CHKS	53, $f0, -3
	ceil.w.s $f0, $f2
	CHKS	54, $f0, -2
	LDS	$f2, 0x40600000		/* 3.5 */
	round.w.s $f0, $f2
	CHKS	55, $f0, 4
	LDD	$f6, 0x41E65A0B, 0xC0000000	/* 3e9 */
	SETFCSR	0
	cvt.w.d	$f0, $f6
	CHKS	56, $f0, 0x7FFFFFFF
	CHKFCSR	57, CAUSE_V | FLAG_V
	trunc.l.d $f8, $f6
	CHKD	58, $f8, 0, 0xB2D05E00
	LDD	$f6, 0x43E00000, 0	/* 2^63 */
	floor.l.d $f8, $f6
	CHKD	59, $f8, 0x7FFFFFFF, 0xFFFFFFFF
	/* integer to float */
	SETFCSR	0
	LDS	$f2, 16777217
	cvt.s.w	$f0, $f2
	CHKS	60, $f0, 0x4B800000
	CHKFCSR	61, CAUSE_I | FLAG_I
	LDD	$f6, 0xFFFFFFFF, 0xFFFFFFFD	/* -3 */
	cvt.d.l	$f8, $f6
	CHKD	62, $f8, 0xC0080000, 0
	cvt.s.d	$f0, $f8
	CHKS	63, $f0, 0xC0400000
	cvt.d.s	$f8, $f0
	CHKD	64, $f8, 0xC0080000, 0

	/* MADD is unfused: (1+2^-23)(1-2^-24) rounds to 1, minus 1 -> 0 */
	SETFCSR	0
	LDS	$f2, 0x3F800001
	LDS	$f4, 0x3F7FFFFF
	LDS	$f6, 0xBF800000
	madd.s	$f0, $f6, $f2, $f4
	CHKS	70, $f0, 0
	CHKFCSR	71, CAUSE_I | FLAG_I
	nmadd.s	$f0, $f6, $f2, $f4
	CHKS	72, $f0, 0x80000000
	LDD	$f8, 0x40080000, 0	/* 3 */
	LDD	$f10, 0x40100000, 0	/* 4 */
	LDD	$f12, 0x3FE00000, 0	/* 0.5 */
	msub.d	$f14, $f12, $f8, $f10
	CHKD	73, $f14, 0x40270000, 0	/* 11.5 */
	nmsub.d	$f14, $f12, $f8, $f10
	CHKD	74, $f14, 0xC0270000, 0

	/* 64-bit registers: odd numbers hold doubles, high halves */
	LDD	$f1, 0x3FF00000, 0
	LDD	$f3, 0x40000000, 0
	add.d	$f5, $f1, $f3
	CHKD	80, $f5, 0x40080000, 0
	LDS	$f5, 0xAAAA5555		/* MTC1 keeps the high half */
	CHKD	81, $f5, 0x40080000, 0xAAAA5555
	mov.d	$f7, $f5
	CHKD	82, $f7, 0x40080000, 0xAAAA5555

	/* loads and stores, plain and indexed */
	la	$s0, scratch
	LDD	$f2, 0x11223344, 0x55667788
	sdc1	$f2, 8($s0)
	lw	$t2, 8($s0)
	EXPECT	90, 0x55667788, $t2
	lw	$t2, 12($s0)
	EXPECT	91, 0x11223344, $t2
	li	$s1, 8
	ldxc1	$f4, $s1($s0)
	CHKD	92, $f4, 0x11223344, 0x55667788
	li	$s1, 12
	lwxc1	$f6, $s1($s0)
	CHKS	93, $f6, 0x11223344
	li	$s1, 20
	swxc1	$f6, $s1($s0)
	lw	$t2, 20($s0)
	EXPECT	94, 0x11223344, $t2
	li	$s1, 13
	luxc1	$f8, $s1($s0)		/* ignores the low 3 bits */
	CHKD	95, $f8, 0x11223344, 0x55667788
	li	$s1, 24
	sdxc1	$f8, $s1($s0)
	ldc1	$f10, 24($s0)
	CHKD	96, $f10, 0x11223344, 0x55667788
	lwc1	$f12, 28($s0)
	swc1	$f12, 32($s0)
	lw	$t2, 32($s0)
	EXPECT	97, 0x11223344, $t2

	/* reciprocals */
	SETFCSR	0
	LDS	$f2, 0x40800000		/* 4 */
	recip.s	$f0, $f2
	CHKS	98, $f0, 0x3E800000
	LDD	$f4, 0x40300000, 0	/* 16 */
	rsqrt.d	$f6, $f4
	CHKD	99, $f6, 0x3FD00000, 0	/* 0.25 */

	/* FCSR views: FEXR, FENR */
	SETFCSR	0
	li	$t0, 0x00000F86		/* enables, FS, RM = 2 */
	ctc1	$t0, $28
	CHKFCSR	104, 0x01000F82
	cfc1	$t2, $28
	EXPECT	105, 0x00000F86, $t2
	SETFCSR	0
	li	$t0, CAUSE_I | FLAG_O
	ctc1	$t0, $26
	CHKFCSR	106, CAUSE_I | FLAG_O
	cfc1	$t2, $26
	EXPECT	107, CAUSE_I | FLAG_O, $t2

	/* conditional moves */
	SETFCSR	0x02000000		/* cc1 */
	LDS	$f2, 0x12345678
	LDS	$f4, 0
	movt.s	$f4, $f2, $fcc1
	CHKS	100, $f4, 0x12345678
	LDS	$f4, 0
	movf.s	$f4, $f2, $fcc1
	CHKS	101, $f4, 0
	li	$t2, 0
	movz.s	$f4, $f2, $t2
	CHKS	102, $f4, 0x12345678
	LDD	$f6, 0x40080000, 0
	LDD	$f8, 0, 0
	movn.d	$f8, $f6, $t2
	CHKD	103, $f8, 0, 0

	/* underflow and flush to zero */
	SETFCSR	0
	LDS	$f2, 0x00800001
	LDS	$f4, 0x3F000000		/* 0.5 */
	mul.s	$f0, $f2, $f4
	CHKS	110, $f0, 0x00400000
	CHKFCSR	111, CAUSE_U | CAUSE_I | FLAG_U | FLAG_I
	SETFCSR	FCSR_FS
	LDS	$f2, 0x80800000		/* -2^-126 */
	mul.s	$f0, $f2, $f4
	CHKS	112, $f0, 0x80000000
	CHKFCSR	113, FCSR_FS | CAUSE_U | CAUSE_I | FLAG_U | FLAG_I
	/* tininess after rounding: (1+2^-23)(1-2^-23)2^-126 rounds to 2^-126
	 * with 24 bits -> not tiny; 1.5 * 5592405 * 2^-149 = (2^23-1/2)2^-149
	 * is below 2^-126 with 24 bits -> tiny, though it rounds to 2^-126 */
	SETFCSR	0
	LDS	$f2, 0x3F800001
	LDS	$f4, 0x007FFFFF
	mul.s	$f0, $f2, $f4
	CHKS	116, $f0, 0x00800000
	CHKFCSR	117, CAUSE_I | FLAG_I
	SETFCSR	0
	LDS	$f2, 0x3FC00000
	LDS	$f4, 0x00555555
	mul.s	$f0, $f2, $f4
	CHKS	118, $f0, 0x00800000
	CHKFCSR	119, CAUSE_U | CAUSE_I | FLAG_U | FLAG_I
	/* overflow */
	SETFCSR	0
	LDS	$f2, 0x7F7FFFFF
	LDS	$f4, 0x40000000
	mul.s	$f0, $f2, $f4
	CHKS	114, $f0, 0x7F800000
	CHKFCSR	115, CAUSE_O | CAUSE_I | FLAG_O | FLAG_I

	/* enabled Invalid: FPE (ExcCode 15), destination kept, flags kept */
	sw	$zero, exc_count
	SETFCSR	EN_V
	LDS	$f6, 0x7FC00000
	LDS	$f0, 0x01020304
	la	$s2, 1f
1:	add.s	$f0, $f6, $f6
	lw	$t2, exc_count
	EXPECT	120, 1, $t2
	lw	$t2, exc_cause
	srl	$t2, $t2, 2
	andi	$t2, $t2, 0x1F
	EXPECT	121, 15, $t2
	lw	$a2, exc_epc		/* EPC = the faulting instruction */
	move	$a1, $s2
	li	$a0, 122
	jal	fpu_expect
	CHKS	123, $f0, 0x01020304
	CHKFCSR	124, EN_V | CAUSE_V

	/* the same in a branch delay slot: EPC = the branch, Cause.BD */
	sw	$zero, exc_count
	SETFCSR	EN_V
	la	$s2, 2f
	la	$t0, 3f
	sw	$t0, exc_resume
	.set	noreorder
2:	b	4f
	add.s	$f0, $f6, $f6
	.set	reorder
4:	li	$s3, 0xBAD		/* the branch must not complete */
3:	lw	$t2, exc_count
	EXPECT	130, 1, $t2
	lw	$a2, exc_epc
	move	$a1, $s2
	li	$a0, 131
	jal	fpu_expect
	lw	$t2, exc_cause
	srl	$t2, $t2, 31
	EXPECT	132, 1, $t2
	li	$t2, 0xBAD
	beq	$s3, $t2, 1f
	li	$t2, 0
1:	EXPECT	133, 0, $t2
	CHKS	134, $f0, 0x01020304

	/* MADD with an enabled exception writes nothing */
	sw	$zero, exc_count
	SETFCSR	EN_V
	LDS	$f2, 0x3F800000
	madd.s	$f0, $f6, $f2, $f2	/* fr = sNaN */
	lw	$t2, exc_count
	EXPECT	135, 1, $t2
	CHKS	136, $f0, 0x01020304

	/* CTC1 that sets a Cause bit with its Enable traps at once */
	sw	$zero, exc_count
	SETFCSR	0
	li	$t0, CAUSE_Z | EN_Z
	ctc1	$t0, $31
	lw	$t2, exc_count
	EXPECT	125, 1, $t2
	SETFCSR	0

	move	$v0, $zero
	lw	$ra, 28($sp)
	addiu	$sp, $sp, 32
	jr	$ra
	.end	test_main

#include "fpu_common.inc"
