/* SPDX-License-Identifier: Apache-2.0 */
/* eret_input.S - ERET right after the MTC0 of the ErrorEPC it returns to:
 * EHB between. */
#include "../hz.h"
_start:
	la	$8, target
writer:	mtc0	$8, $30, 0		/* ErrorEPC (ERL = 1 at reset) */
	FIX(ehb)
consumer:
	eret
target:
	halt
