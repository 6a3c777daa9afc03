/* SPDX-License-Identifier: Apache-2.0 */
/* crt_data.h - the .data copy and .bss clear every start-up does before C
 * runs (guests/lib/crt0.S, tests/lib/start.S). Assembler only; needs
 * .set noreorder and the linker symbols _data_load, _data_start, _data_end,
 * _bss_start and _bss_end (word-aligned). Uses $8-$11. */
#ifndef GUEST_CRT_DATA_H
#define GUEST_CRT_DATA_H

.macro copy_data_clear_bss
	la	$8, _data_load
	la	$9, _data_start
	la	$10, _data_end
.Lcopy_data\@:
	beq	$9, $10, .Ldata_done\@
	nop
	lw	$11, 0($8)
	sw	$11, 0($9)
	addiu	$8, $8, 4
	b	.Lcopy_data\@
	addiu	$9, $9, 4
.Ldata_done\@:
	la	$9, _bss_start
	la	$10, _bss_end
.Lclear_bss\@:
	beq	$9, $10, .Lbss_done\@
	nop
	sw	$0, 0($9)
	b	.Lclear_bss\@
	addiu	$9, $9, 4
.Lbss_done\@:
.endm

#endif
