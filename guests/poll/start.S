/* start.S - start-up of the demo guests (shared by guests/poll and
 * guests/irq): a boot-flash stub for bare runs, the reset-like CP0 set-up a
 * bare program does, .data/.bss, then main(). The interrupt vector saves the
 * caller-saved registers and calls guest_interrupt() (EIC single-vector mode:
 * EBase + 0x200). */
	.set noreorder
	.set noat

/* ---- Bare runs: the chip starts here ----------------------------------- */
	.section .boot, "ax", @progbits
	.globl _boot
_boot:
	la	$8, _start
	jr	$8
	nop

/* ---- Vectors at EBase = 0x9D000000 -------------------------------------- */
	.section .vectors, "ax", @progbits
	.org 0x180
vec_general:				/* no exceptions expected: stop here */
	b	vec_general
	nop
	.org 0x200
vec_interrupt:
	addiu	$sp, $sp, -80
	sw	$1, 0($sp)
	sw	$2, 4($sp)
	sw	$3, 8($sp)
	sw	$4, 12($sp)
	sw	$5, 16($sp)
	sw	$6, 20($sp)
	sw	$7, 24($sp)
	sw	$8, 28($sp)
	sw	$9, 32($sp)
	sw	$10, 36($sp)
	sw	$11, 40($sp)
	sw	$12, 44($sp)
	sw	$13, 48($sp)
	sw	$14, 52($sp)
	sw	$15, 56($sp)
	sw	$24, 60($sp)
	sw	$25, 64($sp)
	sw	$31, 68($sp)
	mfhi	$8
	mflo	$9
	sw	$8, 72($sp)
	jal	guest_interrupt
	sw	$9, 76($sp)
	lw	$8, 72($sp)
	lw	$9, 76($sp)
	mthi	$8
	mtlo	$9
	lw	$1, 0($sp)
	lw	$2, 4($sp)
	lw	$3, 8($sp)
	lw	$4, 12($sp)
	lw	$5, 16($sp)
	lw	$6, 20($sp)
	lw	$7, 24($sp)
	lw	$8, 28($sp)
	lw	$9, 32($sp)
	lw	$10, 36($sp)
	lw	$11, 40($sp)
	lw	$12, 44($sp)
	lw	$13, 48($sp)
	lw	$14, 52($sp)
	lw	$15, 56($sp)
	lw	$24, 60($sp)
	lw	$25, 64($sp)
	lw	$31, 68($sp)
	addiu	$sp, $sp, 80
	/* Back to the main program's level: IPL 0 (taking an EIC interrupt may
	 * have raised IPL to the request's level). */
	mfc0	$26, $12
	ins	$26, $0, 10, 6
	mtc0	$26, $12
	ehb
	eret

/* ---- Start: what a bare program does after reset ------------------------ */
	.section .start, "ax", @progbits
	.globl _start
_start:
	la	$sp, _stack_top
	/* EBase while BEV = 1, then vectored EIC interrupts, then leave the
	 * reset state (BEV, ERL) with interrupts still off. */
	la	$8, 0x9D000000
	mtc0	$8, $15, 1
	li	$8, 0x20		/* IntCtl.VS = 1 */
	mtc0	$8, $12, 1
	li	$8, 0x00800000		/* Cause.IV */
	mtc0	$8, $13
	li	$8, 0x10000000		/* Status: CU0 only */
	mtc0	$8, $12
	ehb
	la	$8, _data_load
	la	$9, _data_start
	la	$10, _data_end
1:	beq	$9, $10, 2f
	nop
	lw	$11, 0($8)
	sw	$11, 0($9)
	addiu	$8, $8, 4
	b	1b
	addiu	$9, $9, 4
2:	la	$9, _bss_start
	la	$10, _bss_end
3:	beq	$9, $10, 4f
	nop
	sw	$0, 0($9)
	b	3b
	addiu	$9, $9, 4
4:	jal	main
	nop
5:	b	5b
	nop
