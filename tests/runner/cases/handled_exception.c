/* SPDX-License-Identifier: Apache-2.0 */
/* handled_exception.c - a test with its own exception handler: SYSCALL is
 * taken, skipped through EPC, and a register changed in the frame arrives. */
#include "test.h"

static volatile uint32_t seen_cause;

void test_exception(struct test_exc_frame *f)
{
	seen_cause = f->cause;
	f->r[2] = 0xC0FFEE;   /* v0 after return */
	f->epc += 4;
}

int test_main(void)
{
	uint32_t v0;
	__asm__ volatile("li $2, 0\n\tsyscall\n\tmove %0, $2" : "=r"(v0) : : "$2");
	CHECK_EQ(1, 8, TEST_EXCCODE(seen_cause)); /* Sys */
	CHECK_EQ(2, 0xC0FFEE, v0);
	return 0;
}
