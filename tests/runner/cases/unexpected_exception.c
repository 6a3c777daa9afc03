/* SPDX-License-Identifier: Apache-2.0 */
/* unexpected_exception.c - a BREAK nobody handles: the default handler fails
 * the test with the general-exception id and ExcCode 9 (Bp). */
#include "test.h"

int test_main(void)
{
	CHECK(1, 1);
	__asm__ volatile("break 3");
	return 0;
}
