/* SPDX-License-Identifier: Apache-2.0 */
/* exc.c - precise exceptions: EPC, Cause.BD/ExcCode/CE, BadVAddr, BadInstr
 * and BadInstrP for faults outside and inside branch delay slots (taken and
 * not taken), SYSCALL, BREAK, traps (register and immediate), overflow,
 * reserved instruction, coprocessor unusable, misaligned jump targets, an
 * instruction fetch bus error, NestedEPC/NestedExc. */
#include "test.h"

struct seen {
	uint32_t count, cause, epc, badvaddr, badinstr, badinstrp, nestedexc, nestedepc;
};
static volatile struct seen seen;

/* Each probe loads $t9 with the address to resume at. */
void test_exception(struct test_exc_frame *f)
{
	uint32_t bi, bip, ne, nepc;
	__asm__ volatile("mfc0 %0, $8, 1\n\tmfc0 %1, $8, 2\n\tmfc0 %2, $13, 5\n\tmfc0 %3, $14, 2"
			 : "=r"(bi), "=r"(bip), "=r"(ne), "=r"(nepc));
	seen.count++;
	seen.cause = f->cause;
	seen.epc = f->epc;
	seen.badvaddr = f->badvaddr;
	seen.badinstr = bi;
	seen.badinstrp = bip;
	seen.nestedexc = ne;
	seen.nestedepc = nepc;
	f->epc = f->r[25];
}

static uint32_t word_at(uint32_t addr) { return *(volatile uint32_t *)addr; }

#define CAUSE_BD 0x80000000u

/* body must contain label 8: at the instruction of interest (the faulting one
 * or the branch owning the faulting delay slot). Returns that address. */
#define PROBE(body, ...) ({ uint32_t at_; \
	__asm__ volatile(".set push\n\t.set noreorder\n\t.set noat\n\t" \
		"la $t9, 9f\n\tla %0, 8f\n\t" body "\n9:\t.set pop" \
		: "=&r"(at_) : __VA_ARGS__ : "t9", "t0", "t1", "memory"); at_; })

static void expect(uint32_t id, uint32_t code, uint32_t at, int in_ds)
{
	CHECK_EQ(id, code, TEST_EXCCODE(seen.cause));
	CHECK_EQ(id + 1, at, seen.epc);
	CHECK_EQ(id + 2, in_ds ? CAUSE_BD : 0, seen.cause & CAUSE_BD);
	CHECK_EQ(id + 3, word_at(at + (in_ds ? 4 : 0)), seen.badinstr);
	if (in_ds)
		CHECK_EQ(id + 4, word_at(at), seen.badinstrp);
	CHECK_EQ(id + 5, at, seen.nestedepc);
	CHECK_EQ(id + 6, 0, seen.nestedexc);
}

int test_main(void)
{
	uint32_t at, n = 0;

	at = PROBE("8:\tsyscall\n\tnop", "r"(0));
	expect(10, 8, at, 0);
	CHECK_EQ(17, ++n, seen.count);

	at = PROBE("8:\tbreak 5\n\tnop", "r"(0));
	expect(20, 9, at, 0);

	/* Trap in the delay slot of a taken branch. */
	at = PROBE("8:\tbeq $0, $0, 9f\n\tteq $0, $0", "r"(0));
	expect(30, 13, at, 1);

	/* Address error in the delay slot of a not-taken branch. */
	at = PROBE("li $t0, 0x80000002\n"
		   "8:\tbne $0, $0, 9f\n\tlw $t1, 0($t0)\n\tnop", "r"(0));
	expect(40, 4, at, 1);
	CHECK_EQ(47, 0x80000002u, seen.badvaddr);

	/* A fault in a jump's delay slot (JAL). */
	at = PROBE("8:\tjal 9f\n\tsyscall", "r"(0));
	expect(50, 8, at, 1);

	/* Overflow: destination unchanged. */
	{
		uint32_t d = 0x1234;
		PROBE("li $t0, 0x7fffffff\n8:\tadd %1, $t0, $t0\n\tnop", "r"(0), "r"(d));
		CHECK_EQ(60, 12, TEST_EXCCODE(seen.cause));
		__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tli $t0, 0x80000000\n\t"
				 "addi %0, $t0, -1\n1:\t.set pop" : "+r"(d) : : "t0", "t9");
		CHECK_EQ(61, 12, TEST_EXCCODE(seen.cause));
		CHECK_EQ(62, 0x1234, d);
		CHECK_EQ(63, 6, seen.count - n);
		n = seen.count;
		__asm__ volatile("li $t0, 0x7fffffff\n\taddu %0, $t0, $t0" : "=r"(d) : : "t0");
		CHECK_EQ(64, n, seen.count);             /* ADDU never traps */
	}

	/* Traps: immediate and register forms, taken and not. */
	n = seen.count;
	PROBE("li $t0, -1\n8:\ttgei $t0, 0\n\tnop", "r"(0));      /* no trap */
	PROBE("li $t0, -1\n8:\ttlti $t0, 0\n\tnop", "r"(0));      /* trap */
	PROBE("li $t0, 5\n8:\tteqi $t0, 5\n\tnop", "r"(0));       /* trap */
	PROBE("li $t0, 5\n8:\ttnei $t0, 5\n\tnop", "r"(0));       /* no trap */
	PROBE("li $t0, -1\n8:\ttgeiu $t0, 1\n\tnop", "r"(0));     /* trap (unsigned) */
	PROBE("li $t0, 3\n8:\ttltiu $t0, 2\n\tnop", "r"(0));      /* no trap */
	PROBE("li $t0, 3\n8:\ttge $t0, $0\n\tnop", "r"(0));       /* trap */
	PROBE("li $t0, 3\n8:\ttgeu $0, $t0\n\tnop", "r"(0));      /* no trap */
	PROBE("li $t0, 3\n8:\ttlt $0, $t0\n\tnop", "r"(0));       /* trap */
	PROBE("li $t0, 3\n8:\ttltu $t0, $0\n\tnop", "r"(0));      /* no trap */
	PROBE("li $t0, 3\n8:\ttne $t0, $0\n\tnop", "r"(0));       /* trap */
	CHECK_EQ(70, 6, seen.count - n);
	CHECK_EQ(71, 13, TEST_EXCCODE(seen.cause));

	/* Reserved instruction. */
	at = PROBE("8:\t.word 0xFC000000\n\tnop", "r"(0));
	expect(80, 10, at, 0);

	/* Coprocessor unusable: CP1 with Status.CU1 = 0 (CE = 1), CP2 (CE = 2). */
	at = PROBE("8:\t.word 0x44080000\n\tnop", "r"(0));
	expect(90, 11, at, 0);
	CHECK_EQ(97, 1, (seen.cause >> 28) & 3);
	(void)PROBE("8:\t.word 0x48080000\n\tnop", "r"(0));
	CHECK_EQ(98, 11, TEST_EXCCODE(seen.cause));
	CHECK_EQ(99, 2, (seen.cause >> 28) & 3);

	/* Misaligned jump target: the fetch faults, EPC = BadVAddr = target. */
	{
		uint32_t tgt;
		PROBE("la $t0, 9f\n\taddiu $t0, $t0, 2\n8:\tjr $t0\n\tnop", "r"(0));
		__asm__ volatile("la %0, 9f\n\taddiu %0, %0, 2\n\t.set push\n\t.set noreorder\n9:\t.set pop" : "=r"(tgt));
		CHECK_EQ(100, 4, TEST_EXCCODE(seen.cause));
		CHECK_EQ(101, seen.badvaddr, seen.epc);
		CHECK_EQ(102, 0, seen.cause & CAUSE_BD);
		CHECK_EQ(103, 2, seen.badvaddr & 3);
		(void)tgt;
	}

	/* Fetch from an SFR address: instruction bus error. */
	PROBE("li $t0, 0xBF800000\n8:\tjr $t0\n\tnop", "r"(0));
	CHECK_EQ(110, 6, TEST_EXCCODE(seen.cause));
	CHECK_EQ(111, 0xBF800000u, seen.epc);
	return 0;
}
