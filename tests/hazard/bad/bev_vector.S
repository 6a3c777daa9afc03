/* SPDX-License-Identifier: Apache-2.0 */
/* bev_vector.S - an exception right after Status.BEV was cleared: BEV
 * selects the vector (boot or EBase), EHB between. EBase is 0x9FC00000,
 * this boot flash through KSEG0 (uncached at reset), set long before. */
#include "../hz.h"
_start:
	li	$8, ST_BEV
	mtc0	$8, $12, 0		/* ERL = 0 */
	li	$8, 0x9FC00000
	mtc0	$8, $15, 1		/* EBase */
	ehb
writer:	mtc0	$0, $12, 0		/* BEV = 0 */
	FIX(ehb)
consumer:
	syscall
	halt
	.org	0x180
	halt
	.org	0x380
	halt
