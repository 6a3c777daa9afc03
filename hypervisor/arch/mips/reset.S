/* SPDX-License-Identifier: Apache-2.0 */
/* reset.S - what the chip runs at reset (boot flash, KSEG1) and the device
 * configuration words. The reset code initialises the caches, makes KSEG0
 * cacheable and leaves boot flash: everything else lives in program flash
 * (see docs/architecture.md). */
#include "asm.h"

#define LINE_SIZE         16
#define ICACHE_SIZE       16384
#define DCACHE_SIZE       4096
#define INDEX_STORE_TAG_I 0x08
#define INDEX_STORE_TAG_D 0x09
#define K0_WRITE_BACK     3

	.set noreorder
	.section .reset, "ax", @progbits
LEAF(_reset)
	/* The caches power up with random tags (Config7.HCI = 0): a zero
	 * (invalid) tag into every line of both, from here in KSEG1, before
	 * anything runs cached. */
	mtc0	zero, $28, 0		/* TagLo */
	ehb
	li	t0, 0x80000000
	li	t1, 0x80000000 + ICACHE_SIZE
1:	cache	INDEX_STORE_TAG_I, 0(t0)
	addiu	t0, t0, LINE_SIZE
	bne	t0, t1, 1b
	nop
	li	t0, 0x80000000
	li	t1, 0x80000000 + DCACHE_SIZE
2:	cache	INDEX_STORE_TAG_D, 0(t0)
	addiu	t0, t0, LINE_SIZE
	bne	t0, t1, 2b
	nop
	/* KSEG0 write-back cached, while still running uncached; JR.HB so
	 * that the first KSEG0 fetch sees it. */
	mfc0	t0, $16, 0		/* Config */
	li	t1, K0_WRITE_BACK
	ins	t0, t1, 0, 3
	mtc0	t0, $16, 0
	ehb
	la	t0, hv_start
	jr.hb	t0
	nop
END(_reset)

/* DEVCFG for a chipKIT Wi-Fire at 200 MHz (24 MHz EC clock, SPLL x50/3/2),
 * watchdog and deadman timer off, JTAG off, PPS/PMD/permission groups
 * reconfigurable (the hypervisor applies setup writes more than once on VM
 * restart). Field values follow the PIC32MZ EF DEVCFG layout. */
#define HV_DEVCFG3 0xC7FFFFFF
#define HV_DEVCFG2 0xFFF9B11A
#define HV_DEVCFG1 0x0374FC39
#define HV_DEVCFG0 0xFFFFFBDB

	.section .adevcfg, "a", @progbits
	.word HV_DEVCFG3, HV_DEVCFG2, HV_DEVCFG1, HV_DEVCFG0
	.section .devcfg, "a", @progbits
	.word HV_DEVCFG3, HV_DEVCFG2, HV_DEVCFG1, HV_DEVCFG0
