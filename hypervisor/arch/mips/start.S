/* SPDX-License-Identifier: Apache-2.0 */
/* start.S - first code in program flash: stack, .data, .bss, then C. */
#include "asm.h"

	.set noreorder
	.text
LEAF(hv_start)
	la	sp, _stack_top
	la	t0, _data_load
	la	t1, _data_start
	la	t2, _data_end
1:	beq	t1, t2, 2f
	nop
	lw	t3, 0(t0)
	sw	t3, 0(t1)
	addiu	t0, t0, 4
	b	1b
	addiu	t1, t1, 4
2:	la	t1, _bss_start
	la	t2, _bss_end
3:	beq	t1, t2, 4f
	nop
	sw	zero, 0(t1)
	b	3b
	addiu	t1, t1, 4
4:	jal	hv_main
	nop
5:	b	5b
	nop
END(hv_start)
