/* SPDX-License-Identifier: Apache-2.0 */
/* boot.S - reset stub for running the benchmark workload bare on the chip
 * (vzlet-sim) or on QEMU mipssim: leave the reset state (ERL) with BEV = 1
 * and interrupts off, initialise the caches and make KSEG0 cacheable, then
 * enter the workload in RAM. A VZ root harness does
 * not use this: it enters the workload at BENCH_ENTRY as a guest. */
#include "bench_abi.h"
#include "../../guests/lib/include/cache_init.h"

	.set noreorder
	.section .reset, "ax"
	.globl _start
_start:
	lui	$t0, 0x0040		/* Status: BEV = 1, ERL = EXL = IE = 0 */
	mtc0	$t0, $12
	ehb
	cache_init			/* random tags at power-on */
	cache_set_k0 3			/* KSEG0 write-back cached, as firmware runs */
	li	$t0, BENCH_ENTRY
	jr.hb	$t0
	nop
