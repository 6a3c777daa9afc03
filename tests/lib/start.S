/* SPDX-License-Identifier: Apache-2.0 */
/* start.S - start-up for self-checking target test programs.
 *
 * The program runs from the reset vector in boot flash (KSEG1, uncached), so
 * it needs nothing else on the chip: no bootloader, no EBase setup. The BEV
 * exception vectors are reserved here; each saves the registers on a
 * dedicated exception stack and calls test_exception() (tests/lib/test.h).
 * Frame layout: must match struct test_exc_frame.
 */
#include "../../guests/lib/include/cache_init.h"
#include "../../guests/lib/include/crt_data.h"
#include "test_asm.h"
#include "test_mailbox.h"

#define FRAME_R(n)   ((n) * 4)
#define FRAME_HI     128
#define FRAME_LO     132
#define FRAME_EPC    136
#define FRAME_CAUSE  140
#define FRAME_STATUS 144
#define FRAME_BADVA  148
#define FRAME_VECTOR 152
#define FRAME_SIZE   160

	.set noreorder
	.set noat

/* ---- Reset: 0xBFC00000 -------------------------------------------------- */
	.section .reset, "ax", @progbits
	.globl _reset
	.ent _reset
_reset:
	/* Leave the reset state (ERL = 1) for plain kernel mode, still with the
	 * BEV vectors and interrupts off: ERET then returns through EPC as the
	 * exception tests expect. */
	li	$8, ST_BEV
	mtc0	$8, CP0_STATUS
	ehb
	/* The caches come up with random tags: initialise them as real
	 * start-up code does (KSEG0 stays uncached; tests that want it
	 * cacheable switch Config.K0 themselves). */
	cache_init
	la	$sp, _stack_top

	/* Mailbox: clear the verdict first, then announce ourselves. */
	li	$8, TEST_MAILBOX_KSEG1
	sw	$0, TEST_MB_STATUS($8)
	sw	$0, TEST_MB_PASSED($8)
	sw	$0, TEST_MB_FAILED_ID($8)
	sw	$0, TEST_MB_DETAIL + 0($8)
	sw	$0, TEST_MB_DETAIL + 4($8)
	sw	$0, TEST_MB_DETAIL + 8($8)
	sw	$0, TEST_MB_DETAIL + 12($8)
	li	$9, TEST_MAGIC
	sw	$9, TEST_MB_MAGIC($8)

	/* .data from its load address in boot flash; .bss cleared */
	copy_data_clear_bss

	jal	test_main
	nop
	jal	test_finish		/* never returns */
	move	$4, $2
	.end _reset

/* ---- BEV exception vectors ---------------------------------------------- */
	.section .vec_refill, "ax", @progbits
	test_vector TEST_VEC_REFILL

	.section .vec_general, "ax", @progbits
	test_vector TEST_VEC_GENERAL

	.section .vec_interrupt, "ax", @progbits
	test_vector TEST_VEC_INTERRUPT

/* ---- Common exception path ---------------------------------------------- */
	.text
	.globl test_exc_entry
	.ent test_exc_entry
test_exc_entry:
	/* k1 = vector offset. Switch to the exception stack: the test may have
	 * broken $sp on purpose. */
	la	$26, _exc_stack_top - FRAME_SIZE
	sw	$1, FRAME_R(1)($26)
	sw	$2, FRAME_R(2)($26)
	sw	$3, FRAME_R(3)($26)
	sw	$4, FRAME_R(4)($26)
	sw	$5, FRAME_R(5)($26)
	sw	$6, FRAME_R(6)($26)
	sw	$7, FRAME_R(7)($26)
	sw	$8, FRAME_R(8)($26)
	sw	$9, FRAME_R(9)($26)
	sw	$10, FRAME_R(10)($26)
	sw	$11, FRAME_R(11)($26)
	sw	$12, FRAME_R(12)($26)
	sw	$13, FRAME_R(13)($26)
	sw	$14, FRAME_R(14)($26)
	sw	$15, FRAME_R(15)($26)
	sw	$16, FRAME_R(16)($26)
	sw	$17, FRAME_R(17)($26)
	sw	$18, FRAME_R(18)($26)
	sw	$19, FRAME_R(19)($26)
	sw	$20, FRAME_R(20)($26)
	sw	$21, FRAME_R(21)($26)
	sw	$22, FRAME_R(22)($26)
	sw	$23, FRAME_R(23)($26)
	sw	$24, FRAME_R(24)($26)
	sw	$25, FRAME_R(25)($26)
	sw	$0, FRAME_R(0)($26)
	sw	$0, FRAME_R(26)($26)
	sw	$0, FRAME_R(27)($26)
	sw	$28, FRAME_R(28)($26)
	sw	$29, FRAME_R(29)($26)
	sw	$30, FRAME_R(30)($26)
	sw	$31, FRAME_R(31)($26)
	sw	$27, FRAME_VECTOR($26)
	mfhi	$8
	sw	$8, FRAME_HI($26)
	mflo	$8
	sw	$8, FRAME_LO($26)
	cp0_save $8, CP0_EPC, FRAME_EPC, $26
	cp0_save $8, CP0_CAUSE, FRAME_CAUSE, $26
	cp0_save $8, CP0_STATUS, FRAME_STATUS, $26
	cp0_save $8, CP0_BADVADDR, FRAME_BADVA, $26

	move	$sp, $26
	move	$4, $26
	addiu	$sp, $sp, -16		/* o32 argument save area */
	jal	test_exception
	nop
	addiu	$26, $sp, 16		/* $sp is callee-saved: the frame again */

	lw	$8, FRAME_EPC($26)
	mtc0	$8, CP0_EPC
	lw	$8, FRAME_HI($26)
	mthi	$8
	lw	$8, FRAME_LO($26)
	mtlo	$8
	lw	$1, FRAME_R(1)($26)
	lw	$2, FRAME_R(2)($26)
	lw	$3, FRAME_R(3)($26)
	lw	$4, FRAME_R(4)($26)
	lw	$5, FRAME_R(5)($26)
	lw	$6, FRAME_R(6)($26)
	lw	$7, FRAME_R(7)($26)
	lw	$8, FRAME_R(8)($26)
	lw	$9, FRAME_R(9)($26)
	lw	$10, FRAME_R(10)($26)
	lw	$11, FRAME_R(11)($26)
	lw	$12, FRAME_R(12)($26)
	lw	$13, FRAME_R(13)($26)
	lw	$14, FRAME_R(14)($26)
	lw	$15, FRAME_R(15)($26)
	lw	$16, FRAME_R(16)($26)
	lw	$17, FRAME_R(17)($26)
	lw	$18, FRAME_R(18)($26)
	lw	$19, FRAME_R(19)($26)
	lw	$20, FRAME_R(20)($26)
	lw	$21, FRAME_R(21)($26)
	lw	$22, FRAME_R(22)($26)
	lw	$23, FRAME_R(23)($26)
	lw	$24, FRAME_R(24)($26)
	lw	$25, FRAME_R(25)($26)
	lw	$28, FRAME_R(28)($26)
	lw	$29, FRAME_R(29)($26)
	lw	$30, FRAME_R(30)($26)
	lw	$31, FRAME_R(31)($26)
	ehb				/* EPC write visible to ERET */
	eret
	.end test_exc_entry

/* ---- Halt --------------------------------------------------------------- */
	.globl test_halt
	.ent test_halt
test_halt:
	di
	ehb
1:	wait
	b	1b
	nop
	.end test_halt
