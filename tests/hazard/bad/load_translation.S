/* SPDX-License-Identifier: Apache-2.0 */
/* load_translation.S - a load through the mapping an EntryHi.ASID change
 * just selected: EHB between (execution hazard on the data access). */
#include "../hz.h"
_start:
	li	$8, ST_BEV
	mtc0	$8, $12, 0		/* leave ERL: kuseg is mapped */
	li	$8, 0x00400001		/* VPN2 0x00400000, ASID 1 */
	mtc0	$8, $10, 0
	li	$8, (0x40 << 6) | (2 << 3) | 6	/* not global */
	mtc0	$8, $2, 0
	li	$8, (0x41 << 6) | (2 << 3) | 6
	mtc0	$8, $3, 0
	mtc0	$0, $5, 0
	mtc0	$0, $0, 0
	ehb
	tlbwi
	mtc0	$0, $10, 0		/* ASID 0: the page is not mapped */
	ehb
	li	$8, 1
	li	$9, 0x00400000
writer:	mtc0	$8, $10, 0		/* ASID 1: now it is */
	FIX(ehb)
consumer:
	lw	$10, 0($9)
	halt
