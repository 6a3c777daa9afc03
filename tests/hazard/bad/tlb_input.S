/* SPDX-License-Identifier: Apache-2.0 */
/* tlb_input.S - TLBP with an EntryHi MTC0 just changed: EHB between. */
#include "../hz.h"
_start:
	li	$8, 0x00400000
writer:	mtc0	$8, $10, 0		/* EntryHi */
	FIX(ehb)
consumer:
	tlbp
	halt
