/* SPDX-License-Identifier: Apache-2.0 */
/* tlb_use.S - TLBP right after the TLBWI that changed the entry it finds:
 * EHB between. */
#include "../hz.h"
_start:
	li	$8, 0x00400000
	mtc0	$8, $10, 0		/* EntryHi: VPN2 0x00400000, ASID 0 */
	li	$8, (0x40 << 6) | (2 << 3) | 6	/* PFN 0x40, uncached, D, V */
	mtc0	$8, $2, 0
	li	$8, (0x41 << 6) | (2 << 3) | 6
	mtc0	$8, $3, 0
	mtc0	$0, $5, 0		/* 4 KB pages */
	mtc0	$0, $0, 0		/* Index 0 */
	ehb
writer:	tlbwi
	FIX(ehb)
consumer:
	tlbp
	halt
