/* SPDX-License-Identifier: Apache-2.0 */
/* pass.c - a test that passes: three checks, data and bss set up. */
#include "test.h"

static volatile uint32_t initialised = 0x12345678;
static volatile uint32_t zeroed[4];

int test_main(void)
{
	CHECK_EQ(1, 0x12345678, initialised);
	CHECK_EQ(2, 0, zeroed[0] | zeroed[1] | zeroed[2] | zeroed[3]);
	CHECK(3, TEST_MAILBOX->magic == TEST_MAGIC);
	return 0;
}
