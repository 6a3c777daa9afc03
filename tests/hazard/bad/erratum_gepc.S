/* SPDX-License-Identifier: Apache-2.0 */
/* erratum_gepc.S - guest NestedEPC and guest EPC written back to back: the
 * M5150 erratum tinyVP works around with an EHB between them. */
#include "../hz.h"
	.set virt
_start:
	li	$8, 0x100
writer:	mtgc0	$8, $14, 2		/* guest NestedEPC */
	FIX(ehb)
consumer:
	mtgc0	$8, $14, 0		/* guest EPC */
	halt
