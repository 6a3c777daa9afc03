/* SPDX-License-Identifier: Apache-2.0 */
/* vzt_asm.S - guest entry/return for the VZ target tests, the guest
 * exception vectors, and a BEV = 0 root vector block (see vzt.h). */
#include "test_asm.h"

/* struct vzt_guest_log offsets (vzt.h) */
#define G_COUNT     0
#define G_CAUSE     4
#define G_EPC       8
#define G_BADVADDR  12
#define G_STATUS    16
#define G_ENTRYHI   20
#define G_RESUME    24
#define G_IRQ_COUNT 28
#define G_IRQ_CAUSE 32
#define G_IRQ_EPC   36
#define G_IRQ_STATUS 40
#define G_IRQ_VECTOR 44
#define G_REFILL_COUNT 48
#define G_REFILL_BADVADDR 52
#define G_REFILL_ENTRYHI 56
#define G_REFILL_LO0 60
#define G_REFILL_LO1 64

/* vzt_g (in $26) counter at off += 1, through $27 */
.macro log_count off
	lw	$27, \off($26)
	addiu	$27, $27, 1
	sw	$27, \off($26)
.endm

	.set noreorder
	.set noat
	.set virt
	.text

/* uint32_t vzt_enter_guest(entry, arg, gctl0, ie) */
	.globl vzt_enter_guest
	.ent vzt_enter_guest
vzt_enter_guest:
	la	$8, vzt_root_ctx
	sw	$16, 0($8)
	sw	$17, 4($8)
	sw	$18, 8($8)
	sw	$19, 12($8)
	sw	$20, 16($8)
	sw	$21, 20($8)
	sw	$22, 24($8)
	sw	$23, 28($8)
	sw	$28, 32($8)
	sw	$29, 36($8)
	sw	$30, 40($8)
	sw	$31, 44($8)
	/* Root EXL first: GM with EXL = 0 would be guest mode at once. */
	mfc0	$9, CP0_STATUS
	ori	$9, $9, 2
	beqz	$7, 1f
	nop
	ori	$9, $9, 1
1:	mtc0	$9, CP0_STATUS
	ehb
	mtc0	$6, $12, 6		/* GuestCtl0 with GM */
	mtc0	$4, CP0_EPC
	la	$10, vzt_guest_stack + 4096
	wrpgpr	$29, $10		/* the guest's set is the one ERET selects */
	wrpgpr	$4, $5
	ehb
	eret
	.end vzt_enter_guest

	.globl vzt_guest_returned
vzt_guest_returned:
	jr	$31
	nop

/* Guest side: HYPCALL 0 with a0 = value. */
	.globl vzt_guest_exit
	.ent vzt_guest_exit
vzt_guest_exit:
	hypcall	0
1:	b	1b
	nop
	.end vzt_guest_exit

/* ---- Guest exception vectors (guest EBase) ------------------------------- */
	.section .text.vzt_guest_vectors, "ax", @progbits
	.balign 4096
	.globl vzt_guest_vectors
vzt_guest_vectors:
	/* +0x000 TLB refill: log, then TLBWR the prepared EntryLo pair. */
	la	$26, vzt_g
	log_count G_REFILL_COUNT
	cp0_save $27, CP0_BADVADDR, G_REFILL_BADVADDR, $26
	cp0_save $27, CP0_ENTRYHI, G_REFILL_ENTRYHI, $26
	lw	$27, G_REFILL_LO0($26)
	mtc0	$27, CP0_ENTRYLO0
	lw	$27, G_REFILL_LO1($26)
	mtc0	$27, CP0_ENTRYLO1
	mtc0	$0, CP0_PAGEMASK
	ehb
	tlbwr
	ehb
	eret

	.org 0x180
	/* +0x180 general exception: log, resume at vzt_g.resume or EPC + 4. */
	la	$26, vzt_g
	log_count G_COUNT
	cp0_save $27, CP0_CAUSE, G_CAUSE, $26
	cp0_save $27, CP0_EPC, G_EPC, $26
	cp0_save $27, CP0_BADVADDR, G_BADVADDR, $26
	cp0_save $27, CP0_STATUS, G_STATUS, $26
	cp0_save $27, CP0_ENTRYHI, G_ENTRYHI, $26
	lw	$27, G_RESUME($26)
	bnez	$27, 1f
	sw	$0, G_RESUME($26)
	mfc0	$27, CP0_EPC
	addiu	$27, $27, 4
1:	mtc0	$27, CP0_EPC
	ehb
	eret

	.org 0x200
	/* +0x200 interrupt (Cause.IV = 1, IntCtl.VS = 0). */
	la	$26, vzt_g
	b	vzt_guest_irq
	li	$27, 0x200

	.org 0x400
	/* +0x400 interrupt through GuestCtl2.GVEC = 0x400. */
	la	$26, vzt_g
	b	vzt_guest_irq
	li	$27, 0x400

vzt_guest_irq:
	sw	$27, G_IRQ_VECTOR($26)
	log_count G_IRQ_COUNT
	cp0_save $27, CP0_CAUSE, G_IRQ_CAUSE, $26
	cp0_save $27, CP0_EPC, G_IRQ_EPC, $26
	cp0_save $27, CP0_STATUS, G_IRQ_STATUS, $26
	eret

/* ---- Root vectors for BEV = 0 ------------------------------------------- */
	.section .text.vzt_root_vectors, "ax", @progbits
	.balign 4096
	.globl vzt_root_vectors
vzt_root_vectors:
	test_vector TEST_VEC_REFILL
	.org 0x180
	test_vector TEST_VEC_GENERAL
	.org 0x200
	test_vector TEST_VEC_INTERRUPT

	.data
	.globl vzt_root_ctx
vzt_root_ctx:
	.space 48
