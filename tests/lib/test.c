/* SPDX-License-Identifier: Apache-2.0 */
/* test.c - the C half of the test start-up: checks, verdicts, default
 * exception handler. See test.h. */
#include "test.h"

void test_finish(int result) __attribute__((noreturn));

void test_check(uint32_t id, int ok, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3)
{
	if (ok) {
		TEST_MAILBOX->passed++;
		return;
	}
	test_fail(id, d0, d1, d2, d3);
}

void test_fail(uint32_t id, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3)
{
	volatile struct test_mailbox *mb = TEST_MAILBOX;
	if (mb->status == TEST_STATUS_RUNNING) {
		mb->failed_id = id;
		mb->detail[0] = d0;
		mb->detail[1] = d1;
		mb->detail[2] = d2;
		mb->detail[3] = d3;
		mb->status = TEST_STATUS_FAIL; /* last: the runner may look at any time */
	}
	test_halt();
}

void test_pass(void)
{
	volatile struct test_mailbox *mb = TEST_MAILBOX;
	if (mb->status == TEST_STATUS_RUNNING)
		mb->status = TEST_STATUS_PASS;
	test_halt();
}

/* Called by start.S with test_main's return value. */
void test_finish(int result)
{
	if (result == 0)
		test_pass();
	test_fail((uint32_t)result, 0, 0, 0, 0);
}

__attribute__((weak)) void test_exception(struct test_exc_frame *f)
{
	test_fail(0xE0000000u | f->vector, f->cause, f->epc, f->badvaddr, f->status);
}
