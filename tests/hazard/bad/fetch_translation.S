/* SPDX-License-Identifier: Apache-2.0 */
/* fetch_translation.S - leaving ERL changes how kuseg is fetched (unmapped
 * to mapped); EHB does not clear that instruction hazard, JR.HB does. (The
 * fixed program takes the TLB refill at 0x00001000 and spins there.) */
#include "../hz.h"
_start:
	li	$8, ST_BEV
	li	$9, 0x00001000
writer:	mtc0	$8, $12, 0		/* ERL = 0 */
	ehb
	NOFIX(jr $9)
	FIX(jr.hb $9)
	nop
	halt
	.org	0x200			/* TLB refill, BEV = 1 */
	halt
	.org	0x380
	halt
