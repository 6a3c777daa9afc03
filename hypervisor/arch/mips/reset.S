/* SPDX-License-Identifier: Apache-2.0 */
/* reset.S - what the chip runs at reset (boot flash, KSEG1) and the device
 * configuration words. The reset code only leaves boot flash: everything
 * else lives in program flash (see docs/architecture.md). */
#include "asm.h"

	.set noreorder
	.section .reset, "ax", @progbits
LEAF(_reset)
	la	t0, hv_start
	jr	t0
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
