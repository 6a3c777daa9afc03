/* SPDX-License-Identifier: Apache-2.0 */
/* srs_input.S - RDPGPR right after SRSCtl.PSS changed: EHB between. */
#include "../hz.h"
_start:
	li	$8, 1 << 6		/* PSS = 1 */
writer:	mtc0	$8, $12, 2
	FIX(ehb)
consumer:
	rdpgpr	$9, $8
	halt
