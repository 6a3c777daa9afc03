/* SPDX-License-Identifier: Apache-2.0 */
/* hypervisor.S - a stand-in hypervisor image for the merge-plan tests:
 * reset code in boot flash, code in program flash, the DEVCFG words. */
	.set noreorder
	.section .reset, "ax", @progbits
	.globl _reset
_reset:
	b	_reset
	nop
	.text
	.globl hv_main
hv_main:
	b	hv_main
	nop
	.space	HV_PAD
	.section .devcfg, "a", @progbits
	.word	0xc7ffffff, 0xfff9b11a, 0x0374fc39, 0xfffffbdb
