/* SPDX-License-Identifier: Apache-2.0 */
/* integer.S - directed differential cases for the MIPS32r2 integer ISA: the
 * edge values random cases reach only by luck. No self-checks: each case's
 * final state is compared between qemu-system-mipsel and vzlet-sim. */
#define BLOB_FLAGS 0
#include "directed.h"

	BLOB_BEGIN

/* ---- arithmetic and overflow traps ---- */
CASE(add_no_overflow)
	li	$t0, 0x7ffffffe
	li	$t1, 1
	add	$t2, $t0, $t1
	addi	$t3, $t2, -0x8000
	sub	$t4, $t3, $t1
	addu	$t5, $t2, $t2
	subu	$t6, $zero, $t5
	CASE_END
CASE(add_overflow_traps)
	li	$t0, 0x7fffffff
	li	$t2, 0x1234
	add	$t2, $t0, $t0		/* Ov: t2 must keep 0x1234 */
	CASE_END
CASE(addi_overflow_traps)
	li	$t0, 0x80000000
	addi	$t1, $t0, -1
	CASE_END
CASE(sub_overflow_traps)
	li	$t0, 0x80000000
	li	$t1, 1
	sub	$t2, $t0, $t1
	CASE_END
CASE(overflow_in_delay_slot)
	li	$t0, 0x7fffffff
	beq	$zero, $zero, 1f
	add	$t1, $t0, $t0		/* Ov with BD = 1, EPC = the branch */
1:	CASE_END
CASE(slt_family)
	li	$t0, -1
	li	$t1, 1
	slt	$t2, $t0, $t1
	sltu	$t3, $t0, $t1
	slti	$t4, $t0, -0x8000
	sltiu	$t5, $t1, -1		/* immediate sign-extended, compared unsigned */
	sltiu	$t6, $t0, -1
	CASE_END
CASE(logic_immediates)
	li	$t0, 0x8000ffff
	andi	$t1, $t0, 0xffff
	ori	$t2, $t0, 0x8000
	xori	$t3, $t0, 0xffff
	nor	$t4, $t0, $zero
	lui	$t5, 0x8001
	CASE_END

/* ---- multiply/divide unit ---- */
CASE(mult_signed_unsigned)
	li	$t0, 0x80000000
	li	$t1, 0xffffffff
	mult	$t0, $t1
	mfhi	$t2
	mflo	$t3
	multu	$t0, $t1
	mfhi	$t4
	mflo	$t5
	CASE_END
CASE(madd_msub_accumulate)
	li	$t0, 0x7fffffff
	li	$t1, 0x7fffffff
	mtlo	$zero
	mthi	$zero
	madd	$t0, $t1
	madd	$t0, $t1
	maddu	$t0, $t1
	msub	$t1, $t0
	msubu	$t0, $t0
	mfhi	$t2
	mflo	$t3
	CASE_END
CASE(mul_gpr_result)
	li	$t0, 0x12345678
	li	$t1, -3
	mul	$t2, $t0, $t1
	mflo	$zero			/* HI/LO are UNPREDICTABLE after MUL: */
	mthi	$zero			/* rewrite both before the state is saved */
	mtlo	$zero
	CASE_END
CASE(div_edge_values)
	li	$t0, 0x80000000
	li	$t1, -1
	div	$zero, $t0, $t1		/* INT_MIN / -1 */
	mfhi	$t2
	mflo	$t3
	li	$t4, -7
	li	$t5, 2
	div	$zero, $t4, $t5		/* truncates toward zero, remainder negative */
	mfhi	$t6
	mflo	$t7
	divu	$zero, $t4, $t5
	mfhi	$s0
	mflo	$s1
	CASE_END
CASE(mthi_mtlo_roundtrip)
	li	$t0, 0xdeadbeef
	li	$t1, 0x0badf00d
	mthi	$t0
	mtlo	$t1
	mfhi	$t2
	mflo	$t3
	CASE_END

/* ---- shifts and rotates ---- */
CASE(shifts)
	li	$t0, 0x80000001
	sll	$t1, $t0, 31
	srl	$t2, $t0, 31
	sra	$t3, $t0, 31
	rotr	$t4, $t0, 1
	li	$t5, 33			/* shift amounts use the low 5 bits */
	sllv	$t6, $t0, $t5
	srlv	$t7, $t0, $t5
	srav	$s0, $t0, $t5
	rotrv	$s1, $t0, $t5
	rotr	$s2, $t0, 0
	CASE_END

/* ---- bit fields and byte manipulation ---- */
CASE(ext_ins)
	li	$t0, 0xf0f0a5c3
	ext	$t1, $t0, 0, 32
	ext	$t2, $t0, 31, 1
	ext	$t3, $t0, 4, 12
	li	$t4, 0x12345678
	ins	$t4, $t0, 8, 8
	li	$t5, 0xffffffff
	ins	$t5, $zero, 0, 32
	li	$t6, 0
	ins	$t6, $t0, 31, 1
	CASE_END
CASE(clz_clo)
	li	$t0, 0
	clz	$t1, $t0
	clo	$t2, $t0
	li	$t0, -1
	clz	$t3, $t0
	clo	$t4, $t0
	li	$t0, 0x00010000
	clz	$t5, $t0
	li	$t0, 0xfffe0000
	clo	$t6, $t0
	CASE_END
CASE(seb_seh_wsbh)
	li	$t0, 0x12348080
	seb	$t1, $t0
	seh	$t2, $t0
	wsbh	$t3, $t0
	li	$t0, 0x7f7f
	seb	$t4, $t0
	seh	$t5, $t0
	CASE_END
CASE(movn_movz)
	li	$t0, 5
	li	$t1, 7
	li	$t2, 9
	movn	$t2, $t0, $zero		/* not moved */
	movz	$t3, $t1, $zero		/* moved */
	movn	$t4, $t1, $t0		/* moved */
	movz	$t5, $t1, $t0		/* not moved */
	CASE_END

/* ---- loads and stores, aligned and not ---- */
CASE(loads_sign_zero_extend)
	li	$t9, SCRATCH
	li	$t0, 0x80ff7f01
	sw	$t0, 0($t9)
	lb	$t1, 3($t9)
	lbu	$t2, 3($t9)
	lh	$t3, 2($t9)
	lhu	$t4, 2($t9)
	lb	$t5, 0($t9)
	lh	$t6, 0($t9)
	CASE_END
CASE(lwl_lwr_all_offsets)
	li	$t9, SCRATCH
	li	$t0, 0x11111111
	li	$t1, 0x22222222
	li	$t2, 0x33333333
	li	$t3, 0x44444444
	lwl	$t0, 3($t9)
	lwr	$t0, 0($t9)
	lwl	$t1, 4($t9)
	lwr	$t1, 1($t9)
	lwl	$t2, 5($t9)
	lwr	$t2, 2($t9)
	lwl	$t3, 6($t9)
	lwr	$t3, 3($t9)
	lwr	$t4, 5($t9)		/* partial merges */
	lwl	$t5, 9($t9)
	CASE_END
CASE(swl_swr_all_offsets)
	li	$t9, SCRATCH
	li	$t0, 0xa1b2c3d4
	swl	$t0, 3($t9)
	swr	$t0, 0($t9)
	swl	$t0, 8($t9)
	swr	$t0, 13($t9)
	swl	$t0, 18($t9)
	swr	$t0, 23($t9)
	swl	$t0, 25($t9)
	swr	$t0, 30($t9)
	CASE_END
CASE(sb_sh_store)
	li	$t9, SCRATCH
	li	$t0, 0x12345678
	sb	$t0, 1($t9)
	sh	$t0, 6($t9)
	sb	$t0, 63($t9)
	CASE_END
CASE(lw_misaligned_adel)
	li	$t9, SCRATCH
	lw	$t0, 2($t9)		/* AdEL, BadVAddr = scratch + 2 */
	CASE_END
CASE(lh_misaligned_adel)
	li	$t9, SCRATCH
	lhu	$t0, 5($t9)
	CASE_END
CASE(sw_misaligned_ades)
	li	$t9, SCRATCH
	sw	$t9, 1($t9)		/* AdES, memory unchanged */
	CASE_END
CASE(sh_misaligned_in_delay_slot)
	li	$t9, SCRATCH
	bne	$t9, $zero, 1f
	sh	$t9, 3($t9)
1:	CASE_END

/* ---- branches, delay slots and branch-likely ---- */
CASE(branch_delay_slot_runs)
	li	$t0, 1
	beq	$t0, $t0, 1f
	addiu	$t1, $zero, 11		/* runs */
	addiu	$t2, $zero, 22		/* skipped */
1:	bne	$t0, $zero, 2f
	addiu	$t3, $zero, 33		/* runs */
2:	CASE_END
CASE(branch_likely_nullifies)
	li	$t0, 1
	beql	$t0, $zero, 1f
	addiu	$t1, $zero, 11		/* nullified */
	bnel	$t0, $zero, 1f
	addiu	$t2, $zero, 22		/* runs */
	addiu	$t3, $zero, 33		/* skipped */
1:	blezl	$t0, 2f
	addiu	$t4, $zero, 44		/* nullified */
	bgtzl	$t0, 2f
	addiu	$t5, $zero, 55
2:	bltzl	$t0, 3f
	lw	$t6, 1($zero)		/* nullified: no AdEL */
3:	CASE_END
CASE(branch_and_link)
	bal	1f
	addiu	$t0, $ra, 0		/* sees the new ra */
1:	move	$t1, $ra
	li	$t2, -1
	bltzal	$t2, 2f
	nop
2:	move	$t3, $ra
	bgezall	$t2, 3f			/* not taken, still links */
	addiu	$t4, $zero, 1		/* nullified */
3:	move	$t5, $ra
	CASE_END
CASE(jump_register_and_link)
	la	$t0, 1f
	jalr	$t1, $t0
	addiu	$t2, $t1, 4		/* sees the link */
	addiu	$t3, $zero, 3		/* skipped */
1:	la	$t4, 2f
	jr	$t4
	addiu	$t5, $zero, 5
2:	jal	3f
	nop
3:	move	$t6, $ra
	CASE_END
CASE(trap_in_likely_taken_slot)
	li	$t0, 3
	beql	$t0, $t0, 1f
	teq	$t0, $t0		/* Tr with BD = 1 */
1:	CASE_END

/* ---- traps, syscall, break ---- */
CASE(trap_immediates)
	li	$t0, -5
	tgei	$t0, 0			/* no trap */
	tltiu	$t0, 5			/* no trap: unsigned 0xfffffffb */
	tnei	$t0, -5			/* no trap */
	tlti	$t0, 0			/* trap */
	CASE_END
CASE(trap_registers)
	li	$t0, 1
	li	$t1, 2
	tge	$t0, $t1
	tgeu	$t0, $t1
	tne	$t0, $t0
	tltu	$t1, $t0
	tlt	$t0, $t1		/* trap */
	CASE_END
CASE(syscall_code)
	li	$t0, 1
	syscall	0x12345
	CASE_END
CASE(break_code)
	break	0x3ff, 0x3ff
	CASE_END

/* ---- LL/SC ---- */
CASE(ll_sc_success)
	li	$t9, SCRATCH
	ll	$t0, 8($t9)
	addiu	$t0, $t0, 1
	sc	$t0, 8($t9)
	lw	$t1, 8($t9)
	CASE_END
CASE(sc_after_eret_fails)
	li	$t9, SCRATCH
	ll	$t0, 12($t9)
	syscall				/* the driver's ERET clears LLbit; the case ends here */
	CASE_END
CASE(ll_misaligned)
	li	$t9, SCRATCH
	ll	$t0, 6($t9)
	CASE_END

/* ---- misc ---- */
CASE(sync_nop_ehb)
	li	$t0, 1
	sync
	nop
	ssnop
	ehb
	addiu	$t1, $t0, 1
	CASE_END
CASE(zero_register_writes_ignored)
	li	$t0, 5
	addiu	$zero, $t0, 1
	li	$t9, SCRATCH
	lw	$zero, 0($t9)
	CASE_END

	BLOB_END
