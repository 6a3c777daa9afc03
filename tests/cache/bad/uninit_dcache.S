/* SPDX-License-Identifier: Apache-2.0 */
/* uninit_dcache.S - BROKEN on purpose (rule cache-uninitialised): reset
 * code that makes KSEG0 cacheable and loads through it without having
 * initialised the D-cache (its tags are random at power-on). */
	.set noreorder
	.text
	.globl _start
_start:
	mfc0	$8, $16, 0
	li	$9, 3
	ins	$8, $9, 0, 3
	mtc0	$8, $16, 0		/* K0 = 3, caches never initialised */
	ehb
	li	$8, 0x80040000
	lw	$9, 0($8)
1:	b	1b
	nop
