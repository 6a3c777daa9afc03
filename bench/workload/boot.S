/* SPDX-License-Identifier: Apache-2.0 */
/* boot.S - reset stub for running the benchmark workload bare on the chip
 * (vzlet-sim) or on QEMU mipssim: leave the reset state (ERL) with BEV = 1
 * and interrupts off, then enter the workload in RAM. A VZ root harness does
 * not use this: it enters the workload at BENCH_ENTRY as a guest. */
#include "bench_abi.h"

	.set noreorder
	.section .reset, "ax"
	.globl _start
_start:
	lui	$t0, 0x0040		/* Status: BEV = 1, ERL = EXL = IE = 0 */
	mtc0	$t0, $12
	ehb
	li	$t0, BENCH_ENTRY
	jr	$t0
	nop
