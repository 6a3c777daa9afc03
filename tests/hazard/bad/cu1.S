/* SPDX-License-Identifier: Apache-2.0 */
/* cu1.S - an FPU instruction right after Status.CU1 was set: EHB between. */
#include "../hz.h"
	.set hardfloat
_start:
	mfc0	$8, $12, 0
	lui	$9, 0x2000		/* CU1 */
	or	$8, $8, $9
writer:	mtc0	$8, $12, 0
	FIX(ehb)
consumer:
	mfc1	$10, $f0
	halt
