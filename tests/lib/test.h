/* SPDX-License-Identifier: Apache-2.0 */
/* test.h - self-checks for target test programs (see tests/lib/start.S).
 *
 * A test program defines `int test_main(void)`. The start-up code runs it
 * from the reset vector; returning 0 means pass, any other value means fail
 * with that value as the failing check id.
 *
 * A failing CHECK records its id and detail words in the mailbox, marks the
 * test failed and halts at once: the first failure is the only one, and the
 * program never runs on in a state it did not expect.
 */
#ifndef TEST_H
#define TEST_H

#include <stddef.h>
#include <stdint.h>

#include "test_mailbox.h"

#define TEST_MAILBOX ((volatile struct test_mailbox *)TEST_MAILBOX_KSEG1)

int test_main(void);

/* Record a check. ok != 0 counts a pass; otherwise fail with id and details. */
void test_check(uint32_t id, int ok, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3);
/* Mark the test passed (unless a check failed) and halt. */
void test_pass(void) __attribute__((noreturn));
/* Mark the test failed with id and details and halt. */
void test_fail(uint32_t id, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3)
	__attribute__((noreturn));
/* Stop the core for good: interrupts off, WAIT forever. */
void test_halt(void) __attribute__((noreturn));

#define CHECK(id, cond) test_check((id), (cond) ? 1 : 0, 0, 0, 0, 0)
/* Details: word0 = expected, word1 = actual. */
#define CHECK_EQ(id, expected, actual)                                         \
	do {                                                                   \
		uint32_t check_e_ = (uint32_t)(expected);                      \
		uint32_t check_a_ = (uint32_t)(actual);                        \
		test_check((id), check_e_ == check_a_, check_e_, check_a_, 0, 0); \
	} while (0)
/* Any condition with up to four words of your own detail. */
#define CHECK_DETAIL(id, cond, d0, d1, d2, d3)                                 \
	test_check((id), (cond) ? 1 : 0, (uint32_t)(d0), (uint32_t)(d1),       \
		   (uint32_t)(d2), (uint32_t)(d3))

/* ---- Exceptions ---------------------------------------------------------
 * The BEV vectors (0xBFC00200 refill, 0xBFC00380 general, 0xBFC00400
 * interrupt) save the registers below on a separate exception stack and call
 * test_exception(). The default (weak) version fails the test with
 * TEST_ID_EXC_* and details Cause, EPC, BadVAddr, Status. A test that expects
 * exceptions defines its own test_exception(); it may change any saved
 * register, and epc, before returning: the start-up code restores them and
 * returns with ERET. */
struct test_exc_frame {
	uint32_t r[32];     /* r[0], r[26] (k0), r[27] (k1) are not restored */
	uint32_t hi, lo;
	uint32_t epc;       /* written back to CP0 EPC before ERET */
	uint32_t cause, status, badvaddr; /* as seen on entry (read only) */
	uint32_t vector;    /* 0x200 refill, 0x380 general, 0x400 interrupt */
};
void test_exception(struct test_exc_frame *f);

/* ---- Small helpers ------------------------------------------------------ */
#define TEST_EXCCODE(cause) (((cause) >> 2) & 0x1F)

/* The compiler may emit calls to these even in freestanding code
 * (guests/lib/string.c, linked into every test program). */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

#endif
