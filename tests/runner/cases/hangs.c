/* SPDX-License-Identifier: Apache-2.0 */
/* hangs.c - never reaches a verdict: the runner's cycle limit must end it. */
#include "test.h"

int test_main(void)
{
	for (;;)
		__asm__ volatile("nop");
}
