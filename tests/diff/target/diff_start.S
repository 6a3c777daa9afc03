/* SPDX-License-Identifier: Apache-2.0 */
/* diff_start.S - reset code, case entry/exit and exception capture of the
 * differential-test driver. Runs unchanged on vzlet-sim (PIC32MZ) and on
 * qemu-system-mipsel -M mipssim: it lives in boot flash at 0xBFC00000 and
 * keeps Status.BEV = 1, so the exception vector is 0xBFC00380 on both.
 *
 * During a case k0 points at the case's result block and k1 is reserved for
 * the driver; the generated code never touches k0/k1. Outside a case k0 = 0.
 */
#include "../diff_abi.h"

	.set noreorder
	.set noat
	.set hardfloat
	.set fp=64
	.set dspr2

#define STATUS_BEV 0x00400000

	.section .reset, "ax"
	.globl _start
_start:				/* 0xBFC00000 */
	lui	$k0, 0
	mtc0	$zero, $12		/* Status: ERL = 0 (ERET must use EPC), BEV = 0 for now */
	lui	$k1, %hi(STATUS_BEV)
	mtc0	$k1, $12		/* Status.BEV = 1: vectors stay in boot flash */
	ehb
	la	$sp, diff_stack_top
	la	$t0, _bss_start
	la	$t1, _bss_end
1:	sw	$zero, 0($t0)
	addiu	$t0, $t0, 4
	sltu	$t2, $t0, $t1
	bnez	$t2, 1b
	nop
	la	$t0, diff_main
	jr	$t0
	nop

/* ---- 0xBFC00100: the end of every case ------------------------------- */
	.org	0x100
	.globl diff_case_exit
diff_case_exit:				/* fixed address: DIFF_CASE_EXIT */
	b	diff_case_exit_body
	nop

/* ---- 0xBFC00200: TLB refill vector (BEV = 1): an exception like any other */
	.org	0x200
	b	diff_exception
	nop

/* ---- 0xBFC00380: general exception vector (BEV = 1) ------------------ */
	.org	0x380
diff_exception:
	beqz	$k0, diff_stray_exception
	nop
	mfc0	$k1, $13
	sw	$k1, RB_CAUSE($k0)
	mfc0	$k1, $14
	sw	$k1, RB_EPC($k0)
	mfc0	$k1, $8
	sw	$k1, RB_BADVADDR($k0)
	addiu	$k1, $zero, RB_STATUS_EXCEPTION
	sw	$k1, RB_STATUS($k0)
	la	$k1, diff_exc_resume
	mtc0	$k1, $14
	ehb
	eret

/* ---- 0xBFC00400: interrupt vector; interrupts stay disabled ---------- */
	.org	0x400
	b	diff_stray_exception
	nop

diff_stray_exception:		/* an exception in the driver itself */
	mfc0	$a0, $13
	mfc0	$a1, $14
	mfc0	$a2, $8
	la	$sp, diff_stack_top
	la	$t0, diff_fatal_exception
	jr	$t0
	nop

diff_case_exit_body:
	sw	$1, RB_GPR + 4($k0)
	addiu	$1, $zero, RB_STATUS_EXIT
	b	diff_save_rest
	sw	$1, RB_STATUS($k0)
diff_exc_resume:			/* from the exception vector, status already set */
	sw	$1, RB_GPR + 4($k0)
diff_save_rest:
	sw	$2, RB_GPR + 8($k0)
	sw	$3, RB_GPR + 12($k0)
	sw	$4, RB_GPR + 16($k0)
	sw	$5, RB_GPR + 20($k0)
	sw	$6, RB_GPR + 24($k0)
	sw	$7, RB_GPR + 28($k0)
	sw	$8, RB_GPR + 32($k0)
	sw	$9, RB_GPR + 36($k0)
	sw	$10, RB_GPR + 40($k0)
	sw	$11, RB_GPR + 44($k0)
	sw	$12, RB_GPR + 48($k0)
	sw	$13, RB_GPR + 52($k0)
	sw	$14, RB_GPR + 56($k0)
	sw	$15, RB_GPR + 60($k0)
	sw	$16, RB_GPR + 64($k0)
	sw	$17, RB_GPR + 68($k0)
	sw	$18, RB_GPR + 72($k0)
	sw	$19, RB_GPR + 76($k0)
	sw	$20, RB_GPR + 80($k0)
	sw	$21, RB_GPR + 84($k0)
	sw	$22, RB_GPR + 88($k0)
	sw	$23, RB_GPR + 92($k0)
	sw	$24, RB_GPR + 96($k0)
	sw	$25, RB_GPR + 100($k0)
	sw	$28, RB_GPR + 112($k0)
	sw	$29, RB_GPR + 116($k0)
	sw	$30, RB_GPR + 120($k0)
	sw	$31, RB_GPR + 124($k0)
	mfhi	$1
	sw	$1, RB_HI($k0)
	mflo	$1
	sw	$1, RB_LO($k0)
	la	$2, diff_fp_flags
	lw	$2, 0($2)
	andi	$3, $2, DIFF_FLAG_DSP
	beqz	$3, 4f
	nop
	rddsp	$1, 0x3F
	sw	$1, RB_DSP + 0($k0)
	mfhi	$1, $ac1
	sw	$1, RB_DSP + 4($k0)
	mflo	$1, $ac1
	sw	$1, RB_DSP + 8($k0)
	mfhi	$1, $ac2
	sw	$1, RB_DSP + 12($k0)
	mflo	$1, $ac2
	sw	$1, RB_DSP + 16($k0)
	mfhi	$1, $ac3
	sw	$1, RB_DSP + 20($k0)
	mflo	$1, $ac3
	sw	$1, RB_DSP + 24($k0)
4:	andi	$3, $2, DIFF_FLAG_FP
	beqz	$3, 3f
	andi	$3, $2, DIFF_FLAG_FR1
	cfc1	$1, $31
	sw	$1, RB_FCSR($k0)
	beqz	$3, 2f
	nop
	sdc1	$f0, RB_FPR + 0($k0)
	sdc1	$f1, RB_FPR + 8($k0)
	sdc1	$f2, RB_FPR + 16($k0)
	sdc1	$f3, RB_FPR + 24($k0)
	sdc1	$f4, RB_FPR + 32($k0)
	sdc1	$f5, RB_FPR + 40($k0)
	sdc1	$f6, RB_FPR + 48($k0)
	sdc1	$f7, RB_FPR + 56($k0)
	sdc1	$f8, RB_FPR + 64($k0)
	sdc1	$f9, RB_FPR + 72($k0)
	sdc1	$f10, RB_FPR + 80($k0)
	sdc1	$f11, RB_FPR + 88($k0)
	sdc1	$f12, RB_FPR + 96($k0)
	sdc1	$f13, RB_FPR + 104($k0)
	sdc1	$f14, RB_FPR + 112($k0)
	sdc1	$f15, RB_FPR + 120($k0)
	sdc1	$f16, RB_FPR + 128($k0)
	sdc1	$f17, RB_FPR + 136($k0)
	sdc1	$f18, RB_FPR + 144($k0)
	sdc1	$f19, RB_FPR + 152($k0)
	sdc1	$f20, RB_FPR + 160($k0)
	sdc1	$f21, RB_FPR + 168($k0)
	sdc1	$f22, RB_FPR + 176($k0)
	sdc1	$f23, RB_FPR + 184($k0)
	sdc1	$f24, RB_FPR + 192($k0)
	sdc1	$f25, RB_FPR + 200($k0)
	sdc1	$f26, RB_FPR + 208($k0)
	sdc1	$f27, RB_FPR + 216($k0)
	sdc1	$f28, RB_FPR + 224($k0)
	sdc1	$f29, RB_FPR + 232($k0)
	sdc1	$f30, RB_FPR + 240($k0)
	b	3f
	sdc1	$f31, RB_FPR + 248($k0)
2:	/* FR = 0: 32 single registers, each stored as the low word */
	swc1	$f0, RB_FPR + 0($k0)
	swc1	$f1, RB_FPR + 8($k0)
	swc1	$f2, RB_FPR + 16($k0)
	swc1	$f3, RB_FPR + 24($k0)
	swc1	$f4, RB_FPR + 32($k0)
	swc1	$f5, RB_FPR + 40($k0)
	swc1	$f6, RB_FPR + 48($k0)
	swc1	$f7, RB_FPR + 56($k0)
	swc1	$f8, RB_FPR + 64($k0)
	swc1	$f9, RB_FPR + 72($k0)
	swc1	$f10, RB_FPR + 80($k0)
	swc1	$f11, RB_FPR + 88($k0)
	swc1	$f12, RB_FPR + 96($k0)
	swc1	$f13, RB_FPR + 104($k0)
	swc1	$f14, RB_FPR + 112($k0)
	swc1	$f15, RB_FPR + 120($k0)
	swc1	$f16, RB_FPR + 128($k0)
	swc1	$f17, RB_FPR + 136($k0)
	swc1	$f18, RB_FPR + 144($k0)
	swc1	$f19, RB_FPR + 152($k0)
	swc1	$f20, RB_FPR + 160($k0)
	swc1	$f21, RB_FPR + 168($k0)
	swc1	$f22, RB_FPR + 176($k0)
	swc1	$f23, RB_FPR + 184($k0)
	swc1	$f24, RB_FPR + 192($k0)
	swc1	$f25, RB_FPR + 200($k0)
	swc1	$f26, RB_FPR + 208($k0)
	swc1	$f27, RB_FPR + 216($k0)
	swc1	$f28, RB_FPR + 224($k0)
	swc1	$f29, RB_FPR + 232($k0)
	swc1	$f30, RB_FPR + 240($k0)
	swc1	$f31, RB_FPR + 248($k0)
3:	/* back to C */
	la	$k1, diff_c_save
	lw	$16, 0($k1)
	lw	$17, 4($k1)
	lw	$18, 8($k1)
	lw	$19, 12($k1)
	lw	$20, 16($k1)
	lw	$21, 20($k1)
	lw	$22, 24($k1)
	lw	$23, 28($k1)
	lw	$28, 32($k1)
	lw	$29, 36($k1)
	lw	$30, 40($k1)
	lw	$31, 44($k1)
	move	$k0, $zero
	jr	$31
	nop

	.text
/* void diff_run_case(const uint32_t *table_entry, uint32_t *result)
 * Loads the case's initial state, runs it; returns after diff_case_exit. */
	.globl diff_run_case
diff_run_case:
	la	$k1, diff_c_save
	sw	$16, 0($k1)
	sw	$17, 4($k1)
	sw	$18, 8($k1)
	sw	$19, 12($k1)
	sw	$20, 16($k1)
	sw	$21, 20($k1)
	sw	$22, 24($k1)
	sw	$23, 28($k1)
	sw	$28, 32($k1)
	sw	$29, 36($k1)
	sw	$30, 40($k1)
	sw	$31, 44($k1)
	move	$k0, $a1
	lw	$t0, CT_ENTRY($a0)
	sw	$t0, RB_ENTRY($k0)
	lw	$k1, CT_INIT($a0)
	la	$t0, diff_fp_flags
	lw	$t0, 0($t0)
	andi	$t1, $t0, DIFF_FLAG_DSP
	beqz	$t1, 5f
	nop
	lw	$t1, IB_DSP + 0($k1)
	wrdsp	$t1, 0x3F
	lw	$t1, IB_DSP + 4($k1)
	mthi	$t1, $ac1
	lw	$t1, IB_DSP + 8($k1)
	mtlo	$t1, $ac1
	lw	$t1, IB_DSP + 12($k1)
	mthi	$t1, $ac2
	lw	$t1, IB_DSP + 16($k1)
	mtlo	$t1, $ac2
	lw	$t1, IB_DSP + 20($k1)
	mthi	$t1, $ac3
	lw	$t1, IB_DSP + 24($k1)
	mtlo	$t1, $ac3
5:	andi	$t1, $t0, DIFF_FLAG_FP
	beqz	$t1, 3f
	andi	$t1, $t0, DIFF_FLAG_FR1
	lw	$t0, IB_FCSR($k1)
	beqz	$t1, 2f
	ctc1	$t0, $31
	ldc1	$f0, IB_FPR + 0($k1)
	ldc1	$f1, IB_FPR + 8($k1)
	ldc1	$f2, IB_FPR + 16($k1)
	ldc1	$f3, IB_FPR + 24($k1)
	ldc1	$f4, IB_FPR + 32($k1)
	ldc1	$f5, IB_FPR + 40($k1)
	ldc1	$f6, IB_FPR + 48($k1)
	ldc1	$f7, IB_FPR + 56($k1)
	ldc1	$f8, IB_FPR + 64($k1)
	ldc1	$f9, IB_FPR + 72($k1)
	ldc1	$f10, IB_FPR + 80($k1)
	ldc1	$f11, IB_FPR + 88($k1)
	ldc1	$f12, IB_FPR + 96($k1)
	ldc1	$f13, IB_FPR + 104($k1)
	ldc1	$f14, IB_FPR + 112($k1)
	ldc1	$f15, IB_FPR + 120($k1)
	ldc1	$f16, IB_FPR + 128($k1)
	ldc1	$f17, IB_FPR + 136($k1)
	ldc1	$f18, IB_FPR + 144($k1)
	ldc1	$f19, IB_FPR + 152($k1)
	ldc1	$f20, IB_FPR + 160($k1)
	ldc1	$f21, IB_FPR + 168($k1)
	ldc1	$f22, IB_FPR + 176($k1)
	ldc1	$f23, IB_FPR + 184($k1)
	ldc1	$f24, IB_FPR + 192($k1)
	ldc1	$f25, IB_FPR + 200($k1)
	ldc1	$f26, IB_FPR + 208($k1)
	ldc1	$f27, IB_FPR + 216($k1)
	ldc1	$f28, IB_FPR + 224($k1)
	ldc1	$f29, IB_FPR + 232($k1)
	ldc1	$f30, IB_FPR + 240($k1)
	b	3f
	ldc1	$f31, IB_FPR + 248($k1)
2:	lwc1	$f0, IB_FPR + 0($k1)
	lwc1	$f1, IB_FPR + 8($k1)
	lwc1	$f2, IB_FPR + 16($k1)
	lwc1	$f3, IB_FPR + 24($k1)
	lwc1	$f4, IB_FPR + 32($k1)
	lwc1	$f5, IB_FPR + 40($k1)
	lwc1	$f6, IB_FPR + 48($k1)
	lwc1	$f7, IB_FPR + 56($k1)
	lwc1	$f8, IB_FPR + 64($k1)
	lwc1	$f9, IB_FPR + 72($k1)
	lwc1	$f10, IB_FPR + 80($k1)
	lwc1	$f11, IB_FPR + 88($k1)
	lwc1	$f12, IB_FPR + 96($k1)
	lwc1	$f13, IB_FPR + 104($k1)
	lwc1	$f14, IB_FPR + 112($k1)
	lwc1	$f15, IB_FPR + 120($k1)
	lwc1	$f16, IB_FPR + 128($k1)
	lwc1	$f17, IB_FPR + 136($k1)
	lwc1	$f18, IB_FPR + 144($k1)
	lwc1	$f19, IB_FPR + 152($k1)
	lwc1	$f20, IB_FPR + 160($k1)
	lwc1	$f21, IB_FPR + 168($k1)
	lwc1	$f22, IB_FPR + 176($k1)
	lwc1	$f23, IB_FPR + 184($k1)
	lwc1	$f24, IB_FPR + 192($k1)
	lwc1	$f25, IB_FPR + 200($k1)
	lwc1	$f26, IB_FPR + 208($k1)
	lwc1	$f27, IB_FPR + 216($k1)
	lwc1	$f28, IB_FPR + 224($k1)
	lwc1	$f29, IB_FPR + 232($k1)
	lwc1	$f30, IB_FPR + 240($k1)
	lwc1	$f31, IB_FPR + 248($k1)
3:	lw	$1, IB_HI($k1)
	mthi	$1
	lw	$1, IB_LO($k1)
	mtlo	$1
	lw	$1, IB_GPR + 4($k1)
	lw	$2, IB_GPR + 8($k1)
	lw	$3, IB_GPR + 12($k1)
	lw	$4, IB_GPR + 16($k1)
	lw	$5, IB_GPR + 20($k1)
	lw	$6, IB_GPR + 24($k1)
	lw	$7, IB_GPR + 28($k1)
	lw	$8, IB_GPR + 32($k1)
	lw	$9, IB_GPR + 36($k1)
	lw	$10, IB_GPR + 40($k1)
	lw	$11, IB_GPR + 44($k1)
	lw	$12, IB_GPR + 48($k1)
	lw	$13, IB_GPR + 52($k1)
	lw	$14, IB_GPR + 56($k1)
	lw	$15, IB_GPR + 60($k1)
	lw	$16, IB_GPR + 64($k1)
	lw	$17, IB_GPR + 68($k1)
	lw	$18, IB_GPR + 72($k1)
	lw	$19, IB_GPR + 76($k1)
	lw	$20, IB_GPR + 80($k1)
	lw	$21, IB_GPR + 84($k1)
	lw	$22, IB_GPR + 88($k1)
	lw	$23, IB_GPR + 92($k1)
	lw	$24, IB_GPR + 96($k1)
	lw	$25, IB_GPR + 100($k1)
	lw	$28, IB_GPR + 112($k1)
	lw	$29, IB_GPR + 116($k1)
	lw	$30, IB_GPR + 120($k1)
	lw	$31, IB_GPR + 124($k1)
	lw	$k1, RB_ENTRY($k0)
	jr	$k1
	nop

/* void diff_set_status(uint32_t status) */
	.globl diff_set_status
diff_set_status:
	mtc0	$a0, $12
	jr.hb	$ra
	nop

/* void diff_semihost_exit(int code): UHI exit, understood by QEMU -semihosting */
	.globl diff_semihost_exit
diff_semihost_exit:
	addiu	$25, $zero, 1
	sdbbp	1
	jr	$ra
	nop
