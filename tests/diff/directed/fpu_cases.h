/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_cases.h - directed FPU cases shared by the FR = 1 and FR = 0 blobs
 * (fpu_fr1.S, fpu_fr0.S). Double operands use even registers only, so the
 * same text is valid in both modes. */

#define LS(freg, bits)  li $t8, bits; mtc1 $t8, freg
#define LD(freg, hi, lo) li $t8, lo; mtc1 $t8, freg; li $t8, hi; mthc1 $t8, freg
#define FCSR(v)         li $t8, v; ctc1 $t8, $31

	BLOB_BEGIN

CASE(single_arith)
	LS($f2, 0x3fc00000)		/* 1.5 */
	LS($f3, 0x40200000)		/* 2.5 */
	add.s	$f4, $f2, $f3
	sub.s	$f5, $f2, $f3
	mul.s	$f6, $f2, $f3
	div.s	$f7, $f2, $f3		/* inexact */
	sqrt.s	$f8, $f3
	mov.s	$f9, $f7
	CASE_END
CASE(double_arith)
	LD($f2, 0x3ff80000, 0)		/* 1.5 */
	LD($f4, 0x40090000, 0)		/* 3.125 */
	add.d	$f6, $f2, $f4
	sub.d	$f8, $f2, $f4
	mul.d	$f10, $f2, $f4
	div.d	$f12, $f2, $f4
	sqrt.d	$f14, $f4
	mov.d	$f16, $f12
	CASE_END
CASE(rounding_modes_single)
	LS($f2, 0x3f800000)		/* 1.0 */
	LS($f3, 0x40400000)		/* 3.0 */
	FCSR(0)
	div.s	$f4, $f2, $f3
	FCSR(1)
	div.s	$f5, $f2, $f3
	FCSR(2)
	div.s	$f6, $f2, $f3
	FCSR(3)
	div.s	$f7, $f2, $f3
	neg.s	$f8, $f2		/* -1.0: exact, same in every model */
	FCSR(2)
	div.s	$f9, $f8, $f3
	FCSR(3)
	div.s	$f10, $f8, $f3
	CASE_END
CASE(rounding_modes_double)
	LD($f2, 0x3ff00000, 0)
	LD($f4, 0x40080000, 0)
	FCSR(1)
	div.d	$f6, $f2, $f4
	FCSR(2)
	div.d	$f8, $f2, $f4
	FCSR(3)
	div.d	$f10, $f2, $f4
	CASE_END
CASE(flags_accumulate)
	LS($f2, 0x7f7fffff)		/* FLT_MAX */
	LS($f3, 0x00000000)
	LS($f4, 0x00800000)		/* FLT_MIN */
	FCSR(0)
	mul.s	$f5, $f2, $f2		/* overflow + inexact */
	div.s	$f6, $f2, $f3		/* divide by zero */
	div.s	$f7, $f3, $f3		/* invalid: 0/0 */
	mul.s	$f8, $f4, $f4		/* underflow + inexact */
	sub.s	$f9, $f2, $f2		/* exact: clears the cause bits */
	CASE_END
CASE(divide_by_zero_trap)
	LS($f2, 0x3f800000)
	LS($f3, 0x00000000)
	FCSR(0x00000400)		/* enable Z */
	div.s	$f4, $f2, $f3		/* FPE; f4 unchanged, cause Z set */
	CASE_END
CASE(invalid_trap_sqrt)
	LD($f2, 0xbff00000, 0)		/* -1.0 */
	FCSR(0x00000800)		/* enable V */
	sqrt.d	$f4, $f2
	CASE_END
CASE(ctc1_cause_and_enable_traps)
	FCSR(0x00001080)		/* cause I with enable I: CTC1 itself traps */
	CASE_END
CASE(nan_operands)
	LS($f2, 0x7fbfffff)		/* default quiet NaN */
	LS($f3, 0x7fc00000)		/* signalling NaN (legacy) */
	LS($f4, 0x3f800000)
	FCSR(0)
	add.s	$f5, $f2, $f4		/* quiet NaN in: no Invalid */
	add.s	$f6, $f3, $f4		/* sNaN in: Invalid, default NaN */
	mul.s	$f7, $f4, $f3
	CASE_END
CASE(compare_all_conditions)
	LS($f2, 0x3f800000)
	LS($f3, 0x40000000)
	LS($f4, 0x7fbfffff)		/* quiet NaN */
	c.f.s	$fcc0, $f2, $f3
	c.un.s	$fcc1, $f2, $f4
	c.eq.s	$fcc2, $f2, $f2
	c.ueq.s	$fcc3, $f4, $f2
	c.olt.s	$fcc4, $f2, $f3
	c.ult.s	$fcc5, $f3, $f2
	c.ole.s	$fcc6, $f2, $f2
	c.ule.s	$fcc7, $f4, $f4
	cfc1	$t0, $31
	cfc1	$t1, $25		/* FCCR view */
	c.sf.s	$fcc0, $f2, $f3
	c.ngle.s $fcc1, $f2, $f3
	c.seq.s	$fcc2, $f2, $f2
	c.ngl.s	$fcc3, $f2, $f3
	c.lt.s	$fcc4, $f2, $f3
	c.nge.s	$fcc5, $f2, $f3
	c.le.s	$fcc6, $f3, $f2
	c.ngt.s	$fcc7, $f2, $f3
	cfc1	$t2, $31
	c.lt.s	$fcc0, $f4, $f2		/* signalling compare on a quiet NaN: Invalid */
	cfc1	$t3, $31
	CASE_END
CASE(compare_double_and_branch)
	LD($f2, 0x3ff00000, 0)
	LD($f4, 0x3ff00000, 1)
	c.olt.d	$fcc3, $f2, $f4
	bc1t	$fcc3, 1f
	addiu	$t0, $zero, 1		/* delay slot runs */
	addiu	$t1, $zero, 2		/* skipped */
1:	bc1fl	$fcc3, 2f
	addiu	$t2, $zero, 3		/* nullified */
	bc1tl	$fcc3, 2f
	addiu	$t3, $zero, 4
	addiu	$t4, $zero, 5		/* skipped */
2:	CASE_END
CASE(conversions_word)
	LS($f2, 0x4f000000)		/* 2^31: out of range for W */
	LS($f3, 0xcf000000)		/* -2^31: fits */
	LS($f4, 0x3fc00000)		/* 1.5 */
	LS($f5, 0xbfc00000)		/* -1.5 */
	cvt.w.s	$f6, $f2		/* Invalid, 0x7fffffff */
	cvt.w.s	$f7, $f3
	round.w.s $f8, $f4
	trunc.w.s $f9, $f5
	ceil.w.s $f10, $f5
	floor.w.s $f11, $f5
	round.w.s $f12, $f5
	li	$t0, -7
	mtc1	$t0, $f13
	cvt.s.w	$f14, $f13
	cvt.d.w	$f16, $f13
	cvt.s.d	$f18, $f16
	cvt.d.s	$f20, $f4
	cvt.w.d	$f21, $f20
	CASE_END
CASE(conversion_double_to_single_overflow)
	LD($f2, 0x47f00000, 0)		/* 2^128 */
	LD($f4, 0x36900000, 0)		/* tiny */
	cvt.s.d	$f6, $f2
	cvt.s.d	$f7, $f4
	CASE_END
CASE(movf_movt_fmt)
	LS($f2, 0x3f800000)
	LS($f3, 0x40000000)
	LD($f4, 0x40100000, 0)
	LD($f6, 0x40200000, 0)
	c.eq.s	$fcc2, $f2, $f2		/* fcc2 = 1 */
	movt.s	$f8, $f2, $fcc2		/* moved */
	movf.s	$f9, $f3, $fcc2		/* not moved */
	movt.d	$f10, $f4, $fcc2	/* moved */
	movf.d	$f12, $f6, $fcc1	/* fcc1 = 0: moved */
	movt	$t0, $t8, $fcc2		/* GPR form */
	CASE_END
CASE(movn_movz_fmt)
	LS($f2, 0x3f800000)
	LD($f4, 0x40100000, 0)
	li	$t0, 1
	movn.s	$f6, $f2, $t0		/* moved */
	movz.s	$f7, $f2, $t0		/* not moved */
	movn.d	$f8, $f4, $zero		/* not moved */
	movz.d	$f10, $f4, $zero	/* moved */
	CASE_END
CASE(madd_family)
	LS($f2, 0x3f800001)
	LS($f3, 0x3f7ffffe)
	LS($f4, 0xbf800000)
	madd.s	$f5, $f4, $f2, $f3
	msub.s	$f6, $f4, $f2, $f3
	nmadd.s	$f7, $f4, $f2, $f3
	nmsub.s	$f8, $f4, $f2, $f3
	LD($f10, 0x3ff00000, 1)
	LD($f12, 0x3ff00000, 3)
	LD($f14, 0xbff00000, 0)
	madd.d	$f16, $f14, $f10, $f12	/* unfused: two roundings */
	nmsub.d	$f18, $f14, $f10, $f12
	CASE_END
CASE(fp_loads_stores)
	li	$t9, SCRATCH
	lwc1	$f2, 4($t9)
	ldc1	$f4, 8($t9)
	swc1	$f2, 16($t9)
	sdc1	$f4, 24($t9)
	li	$t0, 32
	lwxc1	$f6, $t0($t9)
	ldxc1	$f8, $t0($t9)
	li	$t0, 40
	swxc1	$f2, $t0($t9)
	li	$t0, 48
	sdxc1	$f4, $t0($t9)
	CASE_END
CASE(ldc1_misaligned)
	li	$t9, SCRATCH
	ldc1	$f2, 4($t9)		/* AdEL: doubleword loads need 8-byte alignment */
	CASE_END
CASE(mfhc1_mthc1_mfc1)
	LD($f2, 0x12345678, 0x9abcdef0)
	mfc1	$t0, $f2
	mfhc1	$t1, $f2
	mtc1	$t1, $f4
	mthc1	$t0, $f4
	/* FIR (cfc1 $0) is not compared: implementation and revision fields differ by design. */
	CASE_END
CASE(fcsr_views)
	FCSR(0xfe83ffff)
	CASE_END
CASE(fcsr_views_readback)
	FCSR(0xfe800f7f)		/* FCCs, flags, enables, RM (no cause) */
	cfc1	$t0, $31
	cfc1	$t1, $25		/* FCCR */
	cfc1	$t2, $26		/* FEXR */
	cfc1	$t3, $28		/* FENR */
	li	$t4, 0x55
	ctc1	$t4, $25
	cfc1	$t5, $31
	li	$t4, 0x0
	ctc1	$t4, $28
	cfc1	$t6, $31
	CASE_END

	BLOB_END
