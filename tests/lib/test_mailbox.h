/* SPDX-License-Identifier: Apache-2.0 */
/* test_mailbox.h - where a target test program leaves its verdict.
 *
 * The mailbox is the last 256 bytes of RAM. The program writes the magic word
 * first; the host runner (tests/runner) reads the block through the
 * simulator's physical-memory peek and stops once the status is non-zero.
 * Shared by target code (C and assembly) and host code, so plain numbers only.
 */
#ifndef TEST_MAILBOX_H
#define TEST_MAILBOX_H

#define TEST_MAILBOX_PA      0x0007FF00  /* physical address */
#define TEST_MAILBOX_KSEG1   0xA007FF00  /* uncached view used by the target */
#define TEST_MAILBOX_SIZE    0x100

#define TEST_MAGIC           0x7E57AB1E

/* Word offsets (bytes) inside the mailbox. */
#define TEST_MB_MAGIC        0x00
#define TEST_MB_STATUS       0x04
#define TEST_MB_PASSED       0x08  /* number of checks that passed */
#define TEST_MB_FAILED_ID    0x0C  /* id of the first failing check */
#define TEST_MB_DETAIL       0x10  /* 4 words: e.g. expected, actual */
#define TEST_MB_DETAIL_WORDS 4

#define TEST_STATUS_RUNNING  0
#define TEST_STATUS_PASS     1
#define TEST_STATUS_FAIL     2

/* Failing-check ids reserved by the start-up code (tests/lib/start.S).
 * Test programs use ids below 0xE0000000. */
#define TEST_ID_EXC_REFILL   0xE0000200  /* unexpected TLB refill (BEV vector) */
#define TEST_ID_EXC_GENERAL  0xE0000380  /* unexpected general exception */
#define TEST_ID_EXC_INTR     0xE0000400  /* unexpected interrupt */
/* For the exception ids the detail words are Cause, EPC, BadVAddr, Status. */

#ifndef __ASSEMBLER__
#include <stdint.h>
struct test_mailbox {
	uint32_t magic;
	uint32_t status;
	uint32_t passed;
	uint32_t failed_id;
	uint32_t detail[TEST_MB_DETAIL_WORDS];
};
#endif

#endif
