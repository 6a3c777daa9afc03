/* SPDX-License-Identifier: Apache-2.0 */
/* start.S - start-up of the hypervisor benchmark guest: a bare chipKIT
 * Wi-Fire program (boot-flash jump for bare runs; unmodified under vzlet).
 *
 * Its code sits at 0x9D040000, not at the start of flash, so that every PC
 * the host driver sees is unambiguous: 0x9D00xxxx is the hypervisor's code,
 * 0x9D04xxxx this guest's (both are kseg0 views of program flash).
 *
 * Interrupts use EIC single-vector mode: every interrupt enters at
 * EBase + 0x200, which jumps to the handler the current measurement put in
 * k1 (compiled C never uses k0/k1). */
#include "../../../guests/lib/include/cache_init.h"

	.set noreorder
	.set noat

/* ---- Bare runs: the chip starts here ------------------------------------ */
	.section .boot, "ax", @progbits
	.globl _boot
_boot:
	cache_init			/* random tags at power-on (cache_init.h) */
	cache_set_k0 3
	la	$8, _start
	jr.hb	$8
	nop

/* ---- Vectors at EBase = 0x9D040000 --------------------------------------- */
	.section .vectors, "ax", @progbits
	.org 0x180
	.globl hvb_vec_general
hvb_vec_general:			/* no exception is expected: stop here */
	b	hvb_vec_general
	nop

	.org 0x200
	.globl hvb_vec_interrupt
hvb_vec_interrupt:
	jr	$27
	nop

/* ---- Start: what a bare program does after reset ------------------------ */
	.section .start, "ax", @progbits
	.globl _start
_start:
	la	$sp, _stack_top
	la	$8, 0x9D040000		/* EBase, written while BEV = 1 */
	mtc0	$8, $15, 1
	li	$8, 0x20		/* IntCtl.VS = 1 */
	mtc0	$8, $12, 1
	li	$8, 0x00800000		/* Cause.IV */
	mtc0	$8, $13
	mfc0	$8, $16			/* Config.K0 = 3: kseg0 cacheable, as */
	ins	$8, $0, 0, 3		/* every bare PIC32 start-up does (a */
	ori	$8, $8, 3		/* guest's write traps; vzlet keeps it) */
	mtc0	$8, $16
	li	$8, 0x10000000		/* Status: CU0 only (leave BEV, ERL) */
	mtc0	$8, $12
	ehb
	la	$27, hvb_unexpected_irq
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

/* An interrupt no measurement asked for: stop here (the host sees no
 * progress and reports it). */
	.text
	.globl hvb_unexpected_irq
hvb_unexpected_irq:
	b	hvb_unexpected_irq
	nop
