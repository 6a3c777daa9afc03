/* SPDX-License-Identifier: Apache-2.0 */
/* fail_check.c - a test whose check 7 fails with expected 1, actual 2. */
#include "test.h"

static volatile uint32_t two = 2;

int test_main(void)
{
	CHECK(6, 1);
	CHECK_EQ(7, 1, two);
	CHECK(8, 1); /* never reached: the first failure halts */
	return 0;
}
