/* SPDX-License-Identifier: Apache-2.0 */
/* vectors.S - the guest's exception vectors at EBase (0x9D000000) and the
 * common interrupt and exception paths.
 *
 *   EBase+0x000 TLB refill   -> guest_exc_entry (guests map nothing)
 *   EBase+0x0F8 image header: the word _ebase (chipKIT convention)
 *   EBase+0x100 cache error  -> guest_exc_entry
 *   EBase+0x180 general      -> guest_exc_entry
 *   EBase+0x200 interrupt    -> guest_spurious_interrupt (vectors without GUEST_ISR
 *                               keep OFF = 0x200, see irq.c)
 *   EBase+0x280.. one stub per GUEST_ISR, reached through OFFn
 */
#define CP0_BADVADDR $8, 0
#define CP0_STATUS   $12, 0
#define CP0_CAUSE    $13, 0
#define CP0_EPC      $14, 0

	.set noreorder
	.set noat

	.section .vector_refill, "ax", @progbits
	j	guest_exc_entry
	nop

	.section .image_header, "a", @progbits
	.word	_ebase
	.word	_start			/* bit 0 set: a microMIPS image (boot.S) */

	.section .vector_cache, "ax", @progbits
	j	guest_exc_entry
	nop

	.section .vector_general, "ax", @progbits
	j	guest_exc_entry
	nop

	.section .vector_interrupt, "ax", @progbits
	.globl guest_spurious_stub
guest_spurious_stub:
	lui	$27, %hi(guest_spurious_interrupt)
	j	guest_isr_common
	addiu	$27, $27, %lo(guest_spurious_interrupt)

/* Interrupt: k1 = C handler. Saves what the C calling convention lets the
 * handler destroy, on the interrupted code's stack. EXL stays set: no
 * nesting. Guests run at IPL 0; the core may raise Status.IPL to the
 * request's level on entry (the simulator does), so IPL goes back to 0
 * before ERET or the same interrupt could never come again. */
#define ISR_FRAME 96
	.section .isr_stubs, "ax", @progbits
	.globl guest_isr_common
	.ent guest_isr_common
guest_isr_common:
	addiu	$sp, $sp, -ISR_FRAME
	sw	$1, 16($sp)
	sw	$2, 20($sp)
	sw	$3, 24($sp)
	sw	$4, 28($sp)
	sw	$5, 32($sp)
	sw	$6, 36($sp)
	sw	$7, 40($sp)
	sw	$8, 44($sp)
	sw	$9, 48($sp)
	sw	$10, 52($sp)
	sw	$11, 56($sp)
	sw	$12, 60($sp)
	sw	$13, 64($sp)
	sw	$14, 68($sp)
	sw	$15, 72($sp)
	sw	$24, 76($sp)
	sw	$25, 80($sp)
	sw	$31, 84($sp)
	mfhi	$8
	sw	$8, 88($sp)
	mflo	$8
	sw	$8, 92($sp)
	jalr	$27
	nop
	sync				/* the handler's SFR stores (IFS clear) land first */
	lw	$8, 88($sp)
	mthi	$8
	lw	$8, 92($sp)
	mtlo	$8
	lw	$1, 16($sp)
	lw	$2, 20($sp)
	lw	$3, 24($sp)
	lw	$4, 28($sp)
	lw	$5, 32($sp)
	lw	$6, 36($sp)
	lw	$7, 40($sp)
	lw	$8, 44($sp)
	lw	$9, 48($sp)
	lw	$10, 52($sp)
	lw	$11, 56($sp)
	lw	$12, 60($sp)
	lw	$13, 64($sp)
	lw	$14, 68($sp)
	lw	$15, 72($sp)
	lw	$24, 76($sp)
	lw	$25, 80($sp)
	lw	$31, 84($sp)
	addiu	$sp, $sp, ISR_FRAME
	mfc0	$26, CP0_STATUS
	ins	$26, $0, 10, 6		/* IPL = 0 */
	mtc0	$26, CP0_STATUS
	ehb
	eret
	.end guest_isr_common

/* Exception: full frame (struct guest_exc_frame) on the current stack. */
#define EXC_FRAME 176	/* 16 argument area + 38 words, 8-aligned */
#define F(n) (16 + 4 * (n))
	.text
	.globl guest_exc_entry
	.ent guest_exc_entry
guest_exc_entry:
	addiu	$sp, $sp, -EXC_FRAME
	sw	$1, F(1)($sp)
	sw	$2, F(2)($sp)
	sw	$3, F(3)($sp)
	sw	$4, F(4)($sp)
	sw	$5, F(5)($sp)
	sw	$6, F(6)($sp)
	sw	$7, F(7)($sp)
	sw	$8, F(8)($sp)
	sw	$9, F(9)($sp)
	sw	$10, F(10)($sp)
	sw	$11, F(11)($sp)
	sw	$12, F(12)($sp)
	sw	$13, F(13)($sp)
	sw	$14, F(14)($sp)
	sw	$15, F(15)($sp)
	sw	$16, F(16)($sp)
	sw	$17, F(17)($sp)
	sw	$18, F(18)($sp)
	sw	$19, F(19)($sp)
	sw	$20, F(20)($sp)
	sw	$21, F(21)($sp)
	sw	$22, F(22)($sp)
	sw	$23, F(23)($sp)
	sw	$24, F(24)($sp)
	sw	$25, F(25)($sp)
	sw	$0, F(0)($sp)
	sw	$0, F(26)($sp)
	sw	$0, F(27)($sp)
	sw	$28, F(28)($sp)
	addiu	$8, $sp, EXC_FRAME
	sw	$8, F(29)($sp)		/* the interrupted $sp */
	sw	$30, F(30)($sp)
	sw	$31, F(31)($sp)
	mfhi	$8
	sw	$8, F(32)($sp)
	mflo	$8
	sw	$8, F(33)($sp)
	mfc0	$8, CP0_EPC
	sw	$8, F(34)($sp)
	mfc0	$8, CP0_CAUSE
	sw	$8, F(35)($sp)
	mfc0	$8, CP0_STATUS
	sw	$8, F(36)($sp)
	mfc0	$8, CP0_BADVADDR
	sw	$8, F(37)($sp)
	jal	guest_exception
	addiu	$4, $sp, 16
	lw	$8, F(34)($sp)
	mtc0	$8, CP0_EPC
	lw	$8, F(32)($sp)
	mthi	$8
	lw	$8, F(33)($sp)
	mtlo	$8
	lw	$1, F(1)($sp)
	lw	$2, F(2)($sp)
	lw	$3, F(3)($sp)
	lw	$4, F(4)($sp)
	lw	$5, F(5)($sp)
	lw	$6, F(6)($sp)
	lw	$7, F(7)($sp)
	lw	$8, F(8)($sp)
	lw	$9, F(9)($sp)
	lw	$10, F(10)($sp)
	lw	$11, F(11)($sp)
	lw	$12, F(12)($sp)
	lw	$13, F(13)($sp)
	lw	$14, F(14)($sp)
	lw	$15, F(15)($sp)
	lw	$16, F(16)($sp)
	lw	$17, F(17)($sp)
	lw	$18, F(18)($sp)
	lw	$19, F(19)($sp)
	lw	$20, F(20)($sp)
	lw	$21, F(21)($sp)
	lw	$22, F(22)($sp)
	lw	$23, F(23)($sp)
	lw	$24, F(24)($sp)
	lw	$25, F(25)($sp)
	lw	$28, F(28)($sp)
	lw	$30, F(30)($sp)
	lw	$31, F(31)($sp)
	addiu	$sp, $sp, EXC_FRAME
	ehb
	eret
	.end guest_exc_entry

	.globl guest_halt
	.ent guest_halt
guest_halt:
	di
	ehb
1:	wait
	b	1b
	nop
	.end guest_halt
