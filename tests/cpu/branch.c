/* SPDX-License-Identifier: Apache-2.0 */
/* branch.c - every branch and jump: taken and not taken, the delay slot
 * always executed (nullified for a not-taken branch-likely), link values,
 * JR/JALR/JALR.HB. Each probe counts delay-slot executions in t0 and records
 * in t1 whether the branch was taken. */
#include "test.h"

/* Runs `br` (a branch to label 1f) with `a`, `b` as its operands in $a0/$a1.
 * Returns taken * 2 + slot_executed. */
#define PROBE(br, a, b) ({ uint32_t r_; \
	__asm__ volatile(".set push\n\t.set noreorder\n\t" \
		"move $a0, %1\n\tmove $a1, %2\n\tli $t0, 0\n\tli $t1, 0\n\t" \
		br "\n\t" \
		"addiu $t0, $t0, 1\n\t" \
		"b 2f\n\tnop\n" \
		"1:\tli $t1, 2\n" \
		"2:\taddu %0, $t0, $t1\n\t.set pop" \
		: "=r"(r_) : "r"((uint32_t)(a)), "r"((uint32_t)(b)) : "a0", "a1", "t0", "t1", "ra"); r_; })

#define TAKEN 3      /* taken, slot executed */
#define NOT 1        /* not taken, slot executed */
#define NULLIFIED 0  /* likely, not taken: slot skipped */

int test_main(void)
{
	CHECK_EQ(1, TAKEN, PROBE("beq $a0, $a1, 1f", 5, 5));
	CHECK_EQ(2, NOT, PROBE("beq $a0, $a1, 1f", 5, 6));
	CHECK_EQ(3, TAKEN, PROBE("bne $a0, $a1, 1f", 5, 6));
	CHECK_EQ(4, NOT, PROBE("bne $a0, $a1, 1f", 5, 5));
	CHECK_EQ(5, TAKEN, PROBE("blez $a0, 1f", 0, 0));
	CHECK_EQ(6, NOT, PROBE("blez $a0, 1f", 1, 0));
	CHECK_EQ(7, TAKEN, PROBE("bgtz $a0, 1f", 1, 0));
	CHECK_EQ(8, NOT, PROBE("bgtz $a0, 1f", 0x80000000u, 0));
	CHECK_EQ(9, TAKEN, PROBE("bltz $a0, 1f", 0x80000000u, 0));
	CHECK_EQ(10, NOT, PROBE("bltz $a0, 1f", 0, 0));
	CHECK_EQ(11, TAKEN, PROBE("bgez $a0, 1f", 0, 0));
	CHECK_EQ(12, NOT, PROBE("bgez $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(13, TAKEN, PROBE("b 1f", 0, 0));

	CHECK_EQ(20, TAKEN, PROBE("beql $a0, $a1, 1f", 5, 5));
	CHECK_EQ(21, NULLIFIED, PROBE("beql $a0, $a1, 1f", 5, 6));
	CHECK_EQ(22, TAKEN, PROBE("bnel $a0, $a1, 1f", 5, 6));
	CHECK_EQ(23, NULLIFIED, PROBE("bnel $a0, $a1, 1f", 5, 5));
	CHECK_EQ(24, TAKEN, PROBE("blezl $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(25, NULLIFIED, PROBE("blezl $a0, 1f", 1, 0));
	CHECK_EQ(26, TAKEN, PROBE("bgtzl $a0, 1f", 7, 0));
	CHECK_EQ(27, NULLIFIED, PROBE("bgtzl $a0, 1f", 0, 0));
	CHECK_EQ(28, TAKEN, PROBE("bltzl $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(29, NULLIFIED, PROBE("bltzl $a0, 1f", 0, 0));
	CHECK_EQ(30, TAKEN, PROBE("bgezl $a0, 1f", 0, 0));
	CHECK_EQ(31, NULLIFIED, PROBE("bgezl $a0, 1f", 0xFFFFFFFFu, 0));

	CHECK_EQ(40, TAKEN, PROBE("bgezal $a0, 1f", 0, 0));
	CHECK_EQ(41, NOT, PROBE("bgezal $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(42, TAKEN, PROBE("bltzal $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(43, NOT, PROBE("bltzal $a0, 1f", 0, 0));
	CHECK_EQ(44, TAKEN, PROBE("bgezall $a0, 1f", 0, 0));
	CHECK_EQ(45, NULLIFIED, PROBE("bgezall $a0, 1f", 0xFFFFFFFFu, 0));
	CHECK_EQ(46, TAKEN, PROBE("bltzall $a0, 1f", 0x80000000u, 0));
	CHECK_EQ(47, NULLIFIED, PROBE("bltzall $a0, 1f", 1, 0));
	CHECK_EQ(48, TAKEN, PROBE("bal 1f", 0, 0));
	CHECK_EQ(49, TAKEN, PROBE("j 1f", 0, 0));

	/* Link values: the address after the delay slot, also when not taken. */
	{
		uint32_t ra, here;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "bltzal $zero, 1f\n\tnop\n1:\t"
				 "move %0, $ra\n\tbal 2f\n\tnop\n2:\tmove %1, $ra\n\t.set pop"
				 : "=r"(ra), "=r"(here) : : "ra");
		CHECK_EQ(50, here - 12, ra);             /* not-taken link = its own pc + 8 */
	}
	{
		uint32_t ra, target;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la %1, 1f\n\t"
				 "jalr %0, %1\n\tnop\n"
				 "1:\t.set pop"
				 : "=&r"(ra), "=&r"(target));
		CHECK_EQ(51, target, ra);                /* jalr rd links pc + 8 */
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la %1, 1f\n\t"
				 "jalr.hb %0, %1\n\tnop\n"
				 "1:\t.set pop"
				 : "=&r"(ra), "=&r"(target));
		CHECK_EQ(52, target, ra);
	}
	{
		/* JR with the target register changed in the delay slot: the
		 * branch uses the old value. */
		uint32_t r;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la $t0, 1f\n\tla $t1, 2f\n\tli %0, 0\n\t"
				 "jr $t0\n\tmove $t0, $t1\n\t"
				 "li %0, 99\n"
				 "2:\tli %0, 98\n"
				 "1:\taddiu %0, %0, 1\n\t.set pop"
				 : "=&r"(r) : : "t0", "t1");
		CHECK_EQ(53, 1, r);
	}
	{
		/* A loop counted with a branch whose delay slot does the work. */
		uint32_t n = 0, i = 10;
		__asm__ volatile(".set push\n\t.set noreorder\n"
				 "1:\taddiu %1, %1, -1\n\tbnez %1, 1b\n\taddiu %0, %0, 3\n\t.set pop"
				 : "+r"(n), "+r"(i));
		CHECK_EQ(54, 30, n);
	}
	return 0;
}
