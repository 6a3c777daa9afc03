/* SPDX-License-Identifier: Apache-2.0 */
/* returns_nonzero.c - test_main's non-zero result is the failing id. */
#include "test.h"

int test_main(void)
{
	return 42;
}
