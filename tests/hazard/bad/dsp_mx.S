/* SPDX-License-Identifier: Apache-2.0 */
/* dsp_mx.S - a DSP instruction right after Status.MX was set: EHB between. */
#include "../hz.h"
	.set dspr2
_start:
	mfc0	$8, $12, 0
	lui	$9, 0x0100		/* MX */
	or	$8, $8, $9
writer:	mtc0	$8, $12, 0
	FIX(ehb)
consumer:
	addu.qb	$10, $11, $12
	halt
