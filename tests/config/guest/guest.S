/* SPDX-License-Identifier: Apache-2.0 */
/* guest.S - a stand-in guest image for the configurator tests: a reset stub
 * in boot flash, code in program flash, initialised data and bss in RAM and
 * the DEVCFG words, like a real bare-metal PIC32MZ program. Sizes come from
 * --defsym (TEXT_PAD, DATA_PAD, BSS_SIZE) so that tests can shape it. */
	.set noreorder

	.section .reset, "ax", @progbits
	.globl _reset
_reset:
	lui	$t0, %hi(main)
	addiu	$t0, $t0, %lo(main)
	jr	$t0
	nop

	.text
	.globl main
main:
	b	main
	nop
	.space	TEXT_PAD

	.data
	.word	0x12345678
	.space	DATA_PAD

	.bss
	.space	BSS_SIZE

	.section .devcfg, "a", @progbits
	.word	0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff
