/* SPDX-License-Identifier: Apache-2.0 */
/* uninit_icache.S - BROKEN on purpose (rule cache-uninitialised): reset
 * code initialises only the D-cache, makes KSEG0 cacheable and jumps to
 * the KSEG0 alias of boot flash: the I-cache still has random tags. */
	.set noreorder
	.text
	.globl _start
_start:
	mtc0	$0, $28, 0		/* TagLo = 0 */
	ehb
	li	$8, 0x80000000
	li	$9, 0x80001000
1:	cache	0x09, 0($8)		/* Index Store Tag D only */
	addiu	$8, $8, 16
	bne	$8, $9, 1b
	nop
	mfc0	$8, $16, 0
	li	$9, 3
	ins	$8, $9, 0, 3
	mtc0	$8, $16, 0
	ehb
	la	$8, spin
	li	$9, 0xDFFFFFFF
	and	$8, $8, $9		/* KSEG0 alias */
	jr.hb	$8
	nop
spin:	b	spin
	nop
