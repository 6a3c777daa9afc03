/* SPDX-License-Identifier: Apache-2.0 */
/* irq_unmasked.S - EI with an interrupt requested: it is recognised
 * somewhere before the barrier, so the instruction it interrupts is not
 * determined; EHB right after EI (as Linux's irq_enable_hazard). */
#include "../hz.h"
_start:
	cs0_enable
	li	$9, CS0_BIT
	sw	$9, IFS0SET($8)		/* request ... */
	lw	$9, IFS0($8)		/* ... landed (read back) */
	li	$10, ST_BEV		/* IE, EXL, ERL = 0 */
	mtc0	$10, $12, 0
	ehb
writer:	ei
	FIX(ehb)
consumer:
	nop
	nop
	halt
	.org	0x380			/* interrupt (BEV = 1) */
	halt
