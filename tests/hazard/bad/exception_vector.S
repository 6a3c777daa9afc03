/* SPDX-License-Identifier: Apache-2.0 */
/* exception_vector.S - an exception right after EBase changed (BEV = 0, so
 * the vector comes from it): EHB between. The vector is 0x9FC00180, this
 * boot flash through KSEG0 (uncached at reset). */
#include "../hz.h"
_start:
	li	$8, ST_BEV
	mtc0	$8, $12, 0		/* ERL = 0; EBase may change while BEV = 1 */
	ehb
	li	$8, 0x9FC00000
writer:	mtc0	$8, $15, 1		/* EBase */
	mtc0	$0, $12, 0		/* BEV = 0 */
	FIX(ehb)
consumer:
	syscall
	halt
	.org	0x180
	halt
	.org	0x380
	halt
