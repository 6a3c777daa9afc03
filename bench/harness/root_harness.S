/* SPDX-License-Identifier: Apache-2.0 */
/* root_harness.S - minimal VZ root harness for the guest-mode benchmark:
 * runs bench/workload as a guest (GuestID 1) whose physical memory
 * [0, 0x40000) is real RAM [0x40000, 0x80000), mapped by two wired root TLB
 * entries of 2 x 64 KB. The guest starts at BENCH_ENTRY in kernel mode with
 * interrupts off and may use no CP0 (none is needed). Any exit to root (the
 * workload's final WAIT is a GPSI exit) ends the run: root waits forever and
 * the host reads the result from the guest's parameter block. */
#include "bench_abi.h"
#include "../../guests/lib/include/cache_init.h"

#define GUEST_ID        1
#define PAGEMASK_64K    0x0001E000
#define ENTRYLO(pa)     ((((pa) >> 12) << 6) | (3 << 3) | 0x7)   /* cacheable, D, V, G */

	.set noreorder
	.set noat
	.set virt
	.section .reset, "ax"
	.globl _start
_start:					/* 0xBFC00000, reset */
	lui	$t0, 0x0040		/* root Status: BEV = 1, ERL = 0, IE = 0 */
	mtc0	$t0, $12
	ehb
	cache_init			/* random tags at power-on */
	li	$t0, (GUEST_ID << 16) | GUEST_ID
	mtc0	$t0, $10, 4		/* GuestCtl1: ID (running) and RID (TLB writes) */
	li	$t0, PAGEMASK_64K
	mtc0	$t0, $5
	mtc0	$zero, $6		/* Wired = 0 */
	/* entry 0: GPA 0x00000-0x1FFFF -> RAM 0x40000-0x5FFFF */
	mtc0	$zero, $0
	mtc0	$zero, $10
	li	$t0, ENTRYLO(0x40000)
	mtc0	$t0, $2
	li	$t0, ENTRYLO(0x50000)
	mtc0	$t0, $3
	ehb
	tlbwi
	/* entry 1: GPA 0x20000-0x3FFFF -> RAM 0x60000-0x7FFFF */
	li	$t0, 1
	mtc0	$t0, $0
	li	$t0, 0x20000
	mtc0	$t0, $10
	li	$t0, ENTRYLO(0x60000)
	mtc0	$t0, $2
	li	$t0, ENTRYLO(0x70000)
	mtc0	$t0, $3
	ehb
	tlbwi
	li	$t0, 2
	mtc0	$t0, $6			/* Wired = 2 */
	mtc0	$zero, $10		/* root EntryHi: ASID 0 */
	/* guest context: kernel mode, BEV = 1, interrupts off, KSEG0
	 * write-back cached (the guest's own K0 decides: GuestCtl0Ext.NCC = 0) */
	lui	$t0, 0x0040
	mtgc0	$t0, $12
	mfgc0	$t0, $16
	li	$t1, 3
	ins	$t0, $t1, 0, 3
	mtgc0	$t0, $16
	/* enter: root EXL = 1, EPC = guest entry, GuestCtl0.GM = 1 (CP0 = 0:
	 * any guest CP0 access exits, which the workload never does) */
	lui	$t0, 0x0040
	ori	$t0, $t0, 2
	mtc0	$t0, $12
	ehb
	li	$t0, BENCH_ENTRY
	mtc0	$t0, $14
	lui	$t0, 0x8000
	mtc0	$t0, $12, 6
	ehb
	eret

	.org	0x200			/* root TLB refill (BEV) */
	b	root_idle
	nop

	.org	0x380			/* root general exception: every guest exit */
root_idle:
	wait
	b	root_idle
	nop

	.org	0x400			/* interrupts (none are enabled) */
	b	root_idle
	nop
