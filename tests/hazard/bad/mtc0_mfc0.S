/* SPDX-License-Identifier: Apache-2.0 */
/* mtc0_mfc0.S - MFC0 of a register MTC0 just changed: EHB between them. */
#include "../hz.h"
_start:
	li	$8, 0x1234
writer:	mtc0	$8, $14, 0		/* EPC */
	FIX(ehb)
consumer:
	mfc0	$9, $14, 0
	halt
