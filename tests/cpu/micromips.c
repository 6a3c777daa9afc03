/* SPDX-License-Identifier: Apache-2.0 */
/* micromips.c - the microMIPS ISA (this file is compiled with -mmicromips;
 * the start-up code and the check library are MIPS32, so every check is a
 * JALX round trip): 16- and 32-bit instructions, branches with 16- and
 * 32-bit delay slots and their link values (ISA bit set), compact branches,
 * JR/JALR switching ISA by bit 0, LWM/SWM/LWP/SWP/LWXS/ADDIUPC/MOVEP,
 * exceptions from microMIPS code (EPC bit 0, BD, 16-bit BadInstr,
 * BadInstrP of a 32-bit branch), Config3.ISA/ISAOnExc, a wrong-size delay
 * slot, and compiled C. */
#include "test.h"

struct seen {
	uint32_t count, cause, epc, badinstr, badinstrp;
};
static volatile struct seen seen;

/* Each probe loads $t9 with the address to resume at (bit 0 set: a
 * microMIPS label). */
void test_exception(struct test_exc_frame *f)
{
	uint32_t bi, bip;
	__asm__ volatile("mfc0 %0, $8, 1\n\tmfc0 %1, $8, 2" : "=r"(bi), "=r"(bip));
	seen.count++;
	seen.cause = f->cause;
	seen.epc = f->epc;
	seen.badinstr = bi;
	seen.badinstrp = bip;
	f->epc = f->r[25];
}

#define CAUSE_BD 0x80000000u

/* body has label 8: at the instruction of interest; returns its address
 * (with the ISA bit, as `la` gives it). */
#define PROBE(body) ({ uint32_t at_; \
	__asm__ volatile(".set push\n\t.set noreorder\n\t.set noat\n\t" \
		"la $t9, 9f\n\tla %0, 8f\n\t" body "\n9:\t.set pop" \
		: "=&r"(at_) : : "t9", "t0", "t1", "memory"); at_; })

static uint32_t half_at(uint32_t addr) { return *(volatile uint16_t *)(addr & ~1u); }

/* A branch probe: t0 counts slot executions, t1 = 2 if taken; returns
 * taken * 2 + slot. */
#define BR(br, slot) ({ uint32_t r_; \
	__asm__ volatile(".set push\n\t.set noreorder\n\t" \
		"li $t0, 0\n\tli $t1, 0\n\tli $a0, 5\n\tli $a1, 0\n\t" \
		br "\n\t" slot "\n\t" \
		"b 2f\n\tnop\n" \
		"1:\tli $t1, 2\n" \
		"2:\taddu %0, $t0, $t1\n\t.set pop" \
		: "=r"(r_) : : "a0", "a1", "t0", "t1", "ra"); r_; })
#define SLOT16 "addiu $t0, $t0, 1"   /* ADDIUS5: 16 bits */
#define SLOT32 "ori $t0, $t0, 1"      /* ORI: 32 bits only */

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t words[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };

int test_main(void)
{
	uint32_t v, at, n;

	/* Compiled code: recursion, calls across ISAs, arithmetic. */
	CHECK_EQ(1, 55, fib(10));
	{
		uint32_t acc = 0;
		for (uint32_t i = 0; i < 20; i++)
			acc = acc * 31 + (i ^ (acc >> 3));
		CHECK_EQ(2, 0xA5469AB3u, acc);
	}

	/* Branches with 16-bit slots: taken and not. */
	CHECK_EQ(10, 3, BR("beqz $a1, 1f", SLOT16));
	CHECK_EQ(11, 1, BR("beqz $a0, 1f", SLOT16));
	CHECK_EQ(12, 3, BR("bnez $a0, 1f", SLOT16));
	CHECK_EQ(13, 3, BR("b 1f", SLOT16));
	CHECK_EQ(14, 3, BR("bgtz $a0, 1f", SLOT16));
	CHECK_EQ(15, 1, BR("bltz $a0, 1f", SLOT16));
	CHECK_EQ(16, 3, BR("bgez $a1, 1f", SLOT16));
	CHECK_EQ(17, 3, BR("blez $a1, 1f", SLOT16));
	CHECK_EQ(18, 3, BR("bne $a0, $a1, 1f", SLOT16));
	CHECK_EQ(19, 1, BR("beq $a0, $a1, 1f", SLOT16));
	/* ... and with 32-bit slots. */
	CHECK_EQ(20, 3, BR("beq $a1, $0, 1f", SLOT32));
	CHECK_EQ(23, 1, BR("bne $a1, $0, 1f", SLOT32));
	CHECK_EQ(21, 2, BR("beqzc $a1, 1f", "addiu $t0, $t0, 1"));  /* compact: no slot */
	CHECK_EQ(22, 1, BR("bnezc $a1, 1f", "addiu $t0, $t0, 1"));

	/* Links: JALS (16-bit slot) links after a 16-bit slot, JAL after a
	 * 32-bit one, both with bit 0 set. */
	{
		uint32_t ra1, ra2, l1, l2;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "jals 1f\n\tnop16\n2:\n1:\tmove %0, $ra\n\tla %1, 2b\n\t"
				 "jal 3f\n\tnop32\n4:\n3:\tmove %2, $ra\n\tla %3, 4b\n\t.set pop"
				 : "=&r"(ra1), "=&r"(l1), "=&r"(ra2), "=&r"(l2) : : "ra");
		CHECK_EQ(30, l1, ra1);
		CHECK_EQ(31, 1, ra1 & 1);
		CHECK_EQ(32, l2, ra2);
		__asm__ volatile(".set push\n\t.set noreorder\n\tla $t0, 1f\n\t"
				 "jalrs $t0\n\tnop16\n2:\n1:\tmove %0, $ra\n\tla %1, 2b\n\t.set pop"
				 : "=&r"(ra1), "=&r"(l1) : : "ra", "t0");
		CHECK_EQ(33, l1, ra1);
		__asm__ volatile(".set push\n\t.set noreorder\n\tli $t0, -1\n\t"
				 "bltzals $t0, 1f\n\tnop16\n2:\n1:\tmove %0, $ra\n\tla %1, 2b\n\t.set pop"
				 : "=&r"(ra1), "=&r"(l1) : : "ra", "t0");
		CHECK_EQ(34, l1, ra1);
	}

	/* JALX into MIPS32 and JR back by the link's bit 0. */
	{
		uint32_t r;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "li $a0, 7\n\tjalx 1f\n\tnop32\n\tb 2f\n\tnop16\n"
				 "\t.set nomicromips\n\t.align 2\n"
				 "1:\taddiu $a0, $a0, 1\n\tjr $ra\n\tsll $a0, $a0, 2\n"
				 "\t.set micromips\n"
				 "2:\tmove %0, $a0\n\t.set pop" : "=r"(r) : : "a0", "ra");
		CHECK_EQ(40, 32, r);
	}

	/* Multiple and pair loads/stores, indexed load, PC-relative add, MOVEP. */
	{
		uint32_t a, b, c, s0, s1;
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "move $t0, %3\n\t"
				 "lwp $a0, 4($t0)\n\t"
				 "li $a2, 3\n\tlwxs $a2, $a2($t0)\n\t"
				 "move %0, $a0\n\tmove %1, $a1\n\tmove %2, $a2\n\t.set pop"
				 : "=r"(a), "=r"(b), "=r"(c) : "r"(words) : "a0", "a1", "a2", "t0");
		CHECK_EQ(50, 0x22, a);
		CHECK_EQ(51, 0x33, b);
		CHECK_EQ(52, 0x44, c);
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "move $t0, %2\n\t"
				 "li $s0, 0xA0\n\tli $s1, 0xA1\n\tswm $16-$17, 16($t0)\n\t"
				 "li $s0, 0\n\tli $s1, 0\n\tlwm $16-$17, 0($t0)\n\t"
				 "move %0, $s0\n\tmove %1, $s1\n\t.set pop"
				 : "=r"(s0), "=r"(s1) : "r"(words) : "t0", "s0", "s1", "memory");
		CHECK_EQ(53, 0x11, s0);
		CHECK_EQ(54, 0x22, s1);
		CHECK_EQ(55, 0xA0, words[4]);
		CHECK_EQ(56, 0xA1, words[5]);
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la %1, 1f\n1:\taddiupc $v0, 8\n\tmove %0, $v0\n\t.set pop"
				 : "=r"(a), "=r"(b) : : "v0");
		CHECK_EQ(57, (b & ~3u) + 8, a);
		__asm__ volatile("li $s1, 0x51\n\tli $v0, 0x52\n\tmovep $a1, $a2, $s1, $v0\n\t"
				 "move %0, $a1\n\tmove %1, $a2" : "=r"(a), "=r"(b) : : "s1", "v0", "a1", "a2");
		CHECK_EQ(58, 0x51, a);
		CHECK_EQ(59, 0x52, b);
	}

	/* Exceptions from microMIPS code: EPC carries bit 0; a 16-bit
	 * instruction's BadInstr is its halfword. */
	n = seen.count;
	at = PROBE("8:\tbreak16 3\n\tnop16");
	CHECK_EQ(60, n + 1, seen.count);
	CHECK_EQ(61, 9, TEST_EXCCODE(seen.cause));
	CHECK_EQ(62, at, seen.epc);
	CHECK_EQ(63, 1, seen.epc & 1);
	CHECK_EQ(64, half_at(at), seen.badinstr);
	/* A trap in the slot of a 32-bit branch: EPC = the branch,
	 * BadInstrP = its two halfwords, first one in 31:16. */
	at = PROBE("li $t0, 1\n8:\tbeq $t0, $t0, 9f\n\tteq $t0, $t0");
	CHECK_EQ(65, 13, TEST_EXCCODE(seen.cause));
	CHECK_EQ(66, at, seen.epc);
	CHECK_EQ(67, CAUSE_BD, seen.cause & CAUSE_BD);
	CHECK_EQ(68, half_at(at) << 16 | half_at(at + 2), seen.badinstrp);
	CHECK_EQ(69, half_at(at + 4) << 16 | half_at(at + 6), seen.badinstr);
	/* Overflow in the 32-bit slot of a 16-bit branch. */
	at = PROBE("li $t0, 0x7fffffff\n8:\tb16 9f\n\tadd $t1, $t0, $t0");
	CHECK_EQ(70, 12, TEST_EXCCODE(seen.cause));
	CHECK_EQ(71, at, seen.epc);
	CHECK_EQ(72, half_at(at), seen.badinstrp);
	/* JALS with a 32-bit slot: reserved instruction on the slot. */
	at = PROBE("8:\tjals 9f\n\t.hword 0x3108, 0x1234"); /* ADDIU $t0, $t0, 0x1234 */
	CHECK_EQ(73, 10, TEST_EXCCODE(seen.cause));
	CHECK_EQ(74, at, seen.epc);
	CHECK_EQ(75, CAUSE_BD, seen.cause & CAUSE_BD);
	/* Reserved encodings. */
	at = PROBE("8:\t.hword 0x0000, 0x003F\n\tnop");
	CHECK_EQ(76, 10, TEST_EXCCODE(seen.cause));
	CHECK_EQ(77, at | 1, seen.epc); /* a label on data lacks the ISA bit */

	/* Misaligned LWM and LWP: Address Error, nothing loaded. */
	at = PROBE("li $t0, 0x80000002\n8:\tlwm $16-$17, 0($t0)");
	CHECK_EQ(78, 4, TEST_EXCCODE(seen.cause));
	CHECK_EQ(79, at, seen.epc);
	PROBE("li $t0, 0x80000006\n8:\tlwp $t1, 0($t0)");
	CHECK_EQ(83, 4, TEST_EXCCODE(seen.cause));

	/* Config3: ISA = 2 (both ISAs, MIPS32 at reset), ISAOnExc = 0 and
	 * writable. */
	__asm__ volatile("mfc0 %0, $16, 3" : "=r"(v));
	CHECK_EQ(80, 2, (v >> 14) & 3);
	CHECK_EQ(81, 0, (v >> 16) & 1);
	__asm__ volatile("mtc0 %1, $16, 3\n\tehb\n\tmfc0 %0, $16, 3\n\tmtc0 %2, $16, 3\n\tehb"
			 : "=&r"(at) : "r"(v | 0x10000u), "r"(v));
	CHECK_EQ(82, 1, (at >> 16) & 1);
	return 0;
}
