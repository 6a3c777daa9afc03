/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_test.h - assembler macros for the FPU target programs (tests/fpu/*.S).
 * Each check compares an expected 32-bit value with an actual one through
 * fpu_expect (fpu_common.S), which reports to the mailbox via test_check().
 * The programs run with .set reorder: the assembler fills delay slots.
 */
#ifndef FPU_TEST_H
#define FPU_TEST_H

#define CP0_STATUS  $12
#define CP0_CAUSE   $13
#define ST_CU1      0x20000000
#define ST_FR       0x04000000
#define ST_BEV      0x00400000

/* FCSR fields */
#define FCSR_FS     0x01000000
#define CAUSE_I     0x00001000
#define CAUSE_U     0x00002000
#define CAUSE_O     0x00004000
#define CAUSE_Z     0x00008000
#define CAUSE_V     0x00010000
#define FLAG_I      0x00000004
#define FLAG_U      0x00000008
#define FLAG_O      0x00000010
#define FLAG_Z      0x00000020
#define FLAG_V      0x00000040
#define EN_Z        0x00000400
#define EN_V        0x00000800

/* Status.CU1 on, FR as asked. */
.macro FPU_ON fr
	mfc0	$t0, CP0_STATUS
	li	$t1, ~ST_FR
	and	$t0, $t0, $t1
	li	$t1, ST_CU1 | (\fr * ST_FR)
	or	$t0, $t0, $t1
	mtc0	$t0, CP0_STATUS
	ehb
.endm

.macro SETFCSR v
	li	$t0, \v
	ctc1	$t0, $31
.endm

/* Load raw bits into a single register / the low and high words of a
 * 64-bit register (FR=1) or pair (FR=0). */
.macro LDS freg, v
	li	$t0, \v
	mtc1	$t0, \freg
.endm
.macro LDD freg, hi, lo
	li	$t0, \lo
	mtc1	$t0, \freg
	li	$t0, \hi
	mthc1	$t0, \freg
.endm

/* Checks: expected constant against a GPR, an FPR word, an FPR high word,
 * FCSR. */
.macro EXPECT id, v, reg
	move	$a2, \reg
	li	$a1, \v
	li	$a0, \id
	jal	fpu_expect
.endm
.macro CHKS id, freg, v
	mfc1	$a2, \freg
	li	$a1, \v
	li	$a0, \id
	jal	fpu_expect
.endm
.macro CHKH id, freg, v
	mfhc1	$a2, \freg
	li	$a1, \v
	li	$a0, \id
	jal	fpu_expect
.endm
.macro CHKD id, freg, hi, lo
	CHKS	\id, \freg, \lo
	CHKH	(\id + 0x8000), \freg, \hi
.endm
.macro CHKFCSR id, v
	cfc1	$a2, $31
	li	$a1, \v
	li	$a0, \id
	jal	fpu_expect
.endm

#endif
