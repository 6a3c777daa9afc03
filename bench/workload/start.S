/* SPDX-License-Identifier: Apache-2.0 */
/* start.S - workload entry at BENCH_ENTRY: stack, zeroed bss, then C. */
#include "bench_abi.h"

	.set noreorder
	.section .entry, "ax"
	.globl bench_entry
bench_entry:
	li	$sp, BENCH_STACK_TOP
	la	$t0, _bss_start
	la	$t1, _bss_end
1:	beq	$t0, $t1, 2f
	nop
	sw	$zero, 0($t0)
	b	1b
	addiu	$t0, $t0, 4
2:	la	$t0, bench_main
	jalr	$t0
	nop
3:	b	3b
	nop

/* void bench_semihost_exit(int code): UHI exit (QEMU -semihosting only) */
	.text
	.globl bench_semihost_exit
bench_semihost_exit:
	addiu	$25, $zero, 1
	sdbbp	1
	jr	$ra
	nop

/* void bench_wait(void) */
	.globl bench_wait
bench_wait:
	wait
	jr	$ra
	nop
