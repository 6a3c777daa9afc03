/* SPDX-License-Identifier: Apache-2.0 */
/* roundtrip.S - an image with bytes in boot flash, program flash and RAM
 * (initialised data stored in flash), for the loader round-trip test: the
 * ELF and its SREC/HEX conversions must fill memory identically. */
	.section .boot, "ax", @progbits
	.word 0x0BF00100, 0x00000000, 0xCAFEF00D
	.ascii "boot flash"

	.section .text, "ax", @progbits
	.globl _start
_start:
	.fill 300, 4, 0x01234567
	.ascii "odd length tail"

	.section .data, "aw", @progbits
	.word 0xDA7ADA7A
	.fill 100, 1, 0x5A

	.section .ramcode, "awx", @progbits
	.word 0x1234ABCD, 0x5678EF01
