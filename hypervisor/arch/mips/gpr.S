/* SPDX-License-Identifier: Apache-2.0 */
/* gpr.S - read/write a guest GPR by number in the previous shadow set
 * (SRSCtl.PSS = the interrupted guest's set). RDPGPR/WRPGPR encode the
 * register number in the instruction, hence the tables of 8-byte stubs. */
#include "asm.h"

	.set noreorder
	.set noat
	.text

/* uint32_t vz_gpr_read(unsigned n) */
LEAF(vz_gpr_read)
	la	t0, 1f
	andi	a0, a0, 31
	sll	a0, a0, 3
	addu	t0, t0, a0
	jr	t0
	nop
	/* the stubs; arch/mips/vectors.S calls stub n directly */
	.globl	vz_gpr_read_stubs
vz_gpr_read_stubs:
1:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	jr	ra
	rdpgpr	v0, $\n
	.endr
END(vz_gpr_read)

/* void vz_gpr_write(unsigned n, uint32_t value); writing $0 is harmless */
LEAF(vz_gpr_write)
	la	t0, 1f
	andi	a0, a0, 31
	sll	a0, a0, 3
	addu	t0, t0, a0
	jr	t0
	nop
1:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	jr	ra
	wrpgpr	$\n, a1
	.endr
END(vz_gpr_write)
