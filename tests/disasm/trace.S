/* SPDX-License-Identifier: Apache-2.0 */
/* trace.S - a few instructions at the reset vector whose trace lines
 * tests/disasm/trace-test.sh checks: disassembly, register writes, a write
 * in a delay slot, a store (no write) and a trap (!exc). */
	.set	noreorder
	.set	noat
	.text
	.globl	_start
_start:
	li	$v0, 0x12
	lui	$t0, 0xa007
	ori	$t0, $t0, 0xff00
	sw	$v0, 4($t0)
	lw	$v1, 4($t0)
	bal	1f
	addu	$a0, $v0, $v1		/* delay slot */
1:	mfc0	$a1, $12
	sll	$zero, $zero, 0
	teq	$zero, $zero		/* Trap: BEV vector 0xBFC00380 */
	b	.
	nop

	.org	0x380
	mfc0	$k0, $13		/* Cause: ExcCode 13 (Tr) */
	b	.
	nop
