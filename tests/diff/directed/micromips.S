/* SPDX-License-Identifier: Apache-2.0 */
/* micromips.S - directed differential cases for microMIPS code (QEMU -cpu
 * M14Kc): the 16-bit forms' encoded immediates and register sets, links of
 * the 16/32-bit-slot branches and jumps (ISA bit), compact branches,
 * JRADDIUSP, JALX to MIPS32 and JALR back, wrong-size delay slots and
 * multiple/pair accesses in slots or with bad registers (reserved
 * instruction on both), exceptions with BD from 16- and 32-bit branches.
 * Case labels get the ISA bit from the linker, so the driver's JR enters
 * them in microMIPS. */
#define BLOB_FLAGS DIFF_FLAG_MM
#include "directed.h"

	BLOB_BEGIN
	.set micromips

#undef CASE_END
#define CASE_END \
	lui $k1, 0xBFC0; \
	ori $k1, $k1, 0x0100; \
	jr $k1; \
	nop

CASE(andi16_every_immediate)
	li	$v0, -1
	andi	$s0, $v0, 128
	andi	$s1, $v0, 1
	andi	$a0, $v0, 2
	andi	$a1, $v0, 3
	andi	$a2, $v0, 4
	andi	$a3, $v0, 7
	andi	$v1, $v0, 8
	andi	$t0, $v0, 15
	move	$t1, $s0
	move	$t2, $s1
	andi	$s0, $v0, 16
	andi	$s1, $v0, 31
	andi	$a0, $v0, 32
	andi	$a1, $v0, 63
	andi	$a2, $v0, 64
	andi	$a3, $v0, 255
	andi	$v1, $v0, 32768
	andi	$v0, $v0, 65535
	CASE_END
CASE(addiu_16bit_forms)
	addiu	$sp, $sp, -1024		/* ADDIUSP: the far encodings */
	addiu	$sp, $sp, 1028
	addiu	$sp, $sp, -8
	addiu	$sp, $sp, 256
	addiu	$s0, $sp, 252		/* ADDIUR1SP */
	addiu	$s1, $s0, -1		/* ADDIUR2 */
	addiu	$a0, $s1, 24
	addiu	$t5, $t5, 7		/* ADDIUS5 */
	addiu	$t5, $t5, -8
	li	$a1, -1			/* LI16 */
	li	$a2, 126
	not	$a3, $a2
	sll	$v0, $a2, 8		/* SLL16 with 0 meaning 8 */
	srl	$v1, $a1, 8
	CASE_END
CASE(loads_16bit_offsets)
	li	$a0, SCRATCH + 1
	lbu	$v0, -1($a0)		/* LBU16: offset 15 is -1 */
	lbu	$v1, 14($a0)
	li	$a0, SCRATCH
	lhu	$s0, 30($a0)
	lw	$s1, 60($a0)
	move	$sp, $a0
	lw	$a1, 124($sp)		/* LWSP: beyond the buffer, still RAM */
	lw	$a2, 8($sp)
	move	$gp, $a0
	addiu	$gp, $gp, 32
	lw	$a3, -32($gp)		/* LWGP */
	lw	$t0, 28($gp)
	sb	$zero, 3($a0)		/* SB16 of $zero */
	sh	$s1, 6($a0)
	sw	$v0, 60($a0)
	sw	$a1, 12($sp)		/* SWSP */
	CASE_END
CASE(movep_every_pair)
	li	$s0, 0x10
	li	$s1, 0x11
	li	$s2, 0x12
	li	$s3, 0x13
	li	$s4, 0x14
	li	$v0, 0x2
	li	$v1, 0x3
	movep	$a1, $a2, $zero, $s1
	movep	$a1, $a3, $v0, $v1
	movep	$a2, $a3, $s0, $s2
	movep	$a0, $s5, $s3, $s4
	movep	$a0, $s6, $s1, $zero
	movep	$a0, $a1, $s4, $s3
	movep	$a0, $a2, $v1, $v0
	movep	$a0, $a3, $s2, $s0
	CASE_END
CASE(links_and_slot_sizes)
	jals	1f
	nop16
1:	move	$s0, $ra
	jal	2f
	nop32
2:	move	$s1, $ra
	la	$t0, 3f
	jalrs	$t0
	nop16
3:	move	$s2, $ra
	la	$t0, 4f
	jalr	$t0			/* JALR16: 32-bit slot */
	nop32
4:	move	$s3, $ra
	la	$t0, 5f
	jalr	$t1, $t0		/* JALR rt, rs */
	nop32
5:	li	$t2, -1
	bltzals	$t2, 6f
	nop16
6:	move	$s4, $ra
	bgezal	$t2, 7f			/* not taken: still links */
	nop32
7:	move	$s5, $ra
	CASE_END
CASE(compact_branches)
	li	$a0, 0
	beqzc	$a0, 1f
	li	$v0, 1			/* skipped: no delay slot */
1:	bnezc	$a0, 2f
	li	$v1, 2			/* falls through */
2:	la	$t0, 3f
	jrc	$t0
	li	$s0, 3
3:	la	$ra, 4f
	addiu	$sp, $sp, -32
	jraddiusp 32
	li	$s1, 4
4:	move	$s2, $sp
	CASE_END
CASE(jalx_to_mips32_and_back)
	li	$a0, 5
	jalx	1f
	nop32
	b	2f
	nop16
	.set nomicromips
	.align	2
1:	addiu	$a0, $a0, 3
	jr	$ra			/* ra has bit 0: back to microMIPS */
	sll	$a0, $a0, 1
	.set micromips
2:	move	$s0, $a0
	CASE_END
CASE(jr_into_mips32_code)
	la	$t0, 1f
	jr	$t0			/* bit 0 clear: MIPS32 */
	nop32
	.set nomicromips
	.align	2
1:	li	$a0, 0x33
	la	$t1, 2f
	jr	$t1			/* bit 0 set: microMIPS again */
	nop
	.set micromips
2:	addiu	$a0, $a0, 1
	CASE_END
CASE(jals_with_32bit_slot_is_ri)
	.hword	0x7400, 0x0000		/* JALS (target irrelevant) */
	.hword	0x3108, 0x1234		/* ADDIU $t0, $t0, 0x1234: 32 bits */
	CASE_END
CASE(jal_with_16bit_slot_is_ri)
	.hword	0xF400, 0x0000		/* JAL */
	.hword	0x0C00			/* NOP16 */
	.hword	0x0C00
	CASE_END
CASE(lwm_in_delay_slot_is_ri)
	li	$a0, SCRATCH
	beqz	$zero, 1f
	lwm	$s0-$s2, 0($a0)
1:	CASE_END
CASE(lwp_base_overlap_is_ri)
	li	$a0, SCRATCH
	lwp	$a0, 0($a0)
	CASE_END
CASE(lwm_and_lwp)
	li	$a0, SCRATCH
	lwm	$16-$23, $30, $31, 8($a0)
	lwp	$a2, 40($a0)
	li	$t0, 3
	lwxs	$t1, $t0($a0)
	CASE_END
/* A misaligned LWM/LWP: Address Error on vzlet-sim (the architecture);
 * QEMU 7.2 loads anyway (docs/testing.md), so tests/cpu/micromips.c
 * checks it instead. */
CASE(trap_in_16bit_branch_slot)
	li	$t0, 7
	b	1f
	teq	$t0, $t0
1:	CASE_END
CASE(overflow_in_jals_slot)
	li	$t0, 0x7fffffff
	jals	1f
	nop16
1:	add	$t1, $t0, $t0
	CASE_END
CASE(break16_and_sdbbp16)
	break16	5
	CASE_END
CASE(reserved_16bit_opcodes)
	.hword	0xA400			/* major 0x29 */
	CASE_END
CASE(reserved_32bit_pool32a)
	.hword	0x0000, 0x0015		/* POOL32A minor 0x15 */
	CASE_END
CASE(addiupc_outside_slots)
	addiupc	$v0, 64
	addiupc	$s1, -4
	CASE_END

	.set nomicromips
	BLOB_END
