/* SPDX-License-Identifier: Apache-2.0 */
/* crt0.S - guest start-up at the chipKIT application entry 0x9D001000.
 *
 * Reached from the boot stub / bootloader (bare chip) or from the vzlet
 * hypervisor, which starts a guest as the chip comes out of reset (Status
 * BEV|ERL). Sets up the stack, .data and .bss, the exception base and
 * multi-vector interrupts, then calls main(). Touches no clock, cache or
 * pin settings: those belong to whoever booted the chip.
 */
#include "crt_data.h"

#define CP0_STATUS $12, 0
#define CP0_INTCTL $12, 1
#define CP0_CAUSE  $13, 0
#define CP0_EBASE  $15, 1
#define ST_BEV     0x00400000
#define CAUSE_IV   0x00800000
#define INTCTL_VS_32 0x20

	.set noreorder
	.section .start, "ax", @progbits
	.globl _start
	.ent _start
_start:
	/* Kernel mode, interrupts off, BEV on: EBase may only change now. */
	li	$8, ST_BEV
	mtc0	$8, CP0_STATUS
	ehb
	la	$sp, _stack_top
	copy_data_clear_bss

#ifdef __mips_micromips
	/* microMIPS build: the vectors are microMIPS code, so exceptions must
	 * enter in microMIPS (Config3.ISAOnExc; a chip with DEVCFG0.BOOTISA =
	 * MIPS32 resets it to 0; under vzlet it is already set). */
	mfc0	$8, $16, 3
	lui	$9, 0x0001
	or	$8, $8, $9
	mtc0	$8, $16, 3
	ehb
#endif
	la	$8, _ebase
	mtc0	$8, CP0_EBASE
	li	$8, INTCTL_VS_32
	mtc0	$8, CP0_INTCTL
	li	$8, CAUSE_IV		/* interrupts use their own vectors */
	mtc0	$8, CP0_CAUSE
	mtc0	$0, CP0_STATUS		/* BEV off: EBase vectors from now on */
	ehb

	jal	guest_irq_setup
	nop
	jal	main
	nop
	j	guest_halt
	nop
	.end _start
