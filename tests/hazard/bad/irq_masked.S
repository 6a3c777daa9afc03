/* SPDX-License-Identifier: Apache-2.0 */
/* irq_masked.S - DI without EHB: an interrupt requested before the barrier
 * may still be taken (here the request lands, as a posted store, while the
 * program believes interrupts are off). */
#include "../hz.h"
_start:
	cs0_enable
	li	$10, ST_BEV | 1		/* IE, ERL = 0 */
	mtc0	$10, $12, 0
	ehb
	li	$9, CS0_BIT
	sw	$9, IFS0SET($8)		/* request: lands a few cycles later */
writer:	di
	FIX(ehb)
	nop
	nop
	nop
	nop
	nop
	nop
	nop
	nop
	nop
	nop
	halt
	.org	0x380			/* interrupt (BEV = 1) */
	halt
