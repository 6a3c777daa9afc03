/* SPDX-License-Identifier: Apache-2.0 */
/* sw_irq.S - a software interrupt requested in Cause.IP0 with interrupts
 * enabled: it reaches the core (through the EVIC) after the hazard, so
 * where it is taken is not determined before EHB. */
#include "../hz.h"
_start:
	cs0_enable
	li	$10, ST_BEV | 1		/* IE, ERL = 0 */
	mtc0	$10, $12, 0
	ehb
	mfc0	$10, $13, 0
	ori	$10, $10, 0x100		/* IP0 */
writer:	mtc0	$10, $13, 0
	FIX(ehb)
consumer:
	nop
	nop
	halt
	.org	0x380			/* interrupt (BEV = 1) */
	halt
