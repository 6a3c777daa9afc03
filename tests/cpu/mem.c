/* SPDX-License-Identifier: Apache-2.0 */
/* mem.c - loads and stores of every width, LWL/LWR/SWL/SWR (little-endian),
 * LL/SC and the LLbit cleared by ERET, bus errors (stores to flash, unmapped
 * physical addresses), address errors, and code written to RAM at run time
 * (the predecoded copy must follow the store). */
#include "test.h"

static volatile uint32_t buf[4] __attribute__((aligned(16)));
static volatile uint32_t exc_code, exc_badva, exc_count;

void test_exception(struct test_exc_frame *f)
{
	exc_code = TEST_EXCCODE(f->cause);
	exc_badva = f->badvaddr;
	exc_count++;
	f->epc += 4;
}

#define LOAD(insn, addr) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, 0(%1)" : "=r"(r_) : "r"(addr) : "memory"); r_; })
#define LOADW(insn, init, addr) ({ uint32_t r_ = (init); \
	__asm__ volatile(insn " %0, 0(%1)" : "+r"(r_) : "r"(addr) : "memory"); r_; })
#define STORE(insn, val, addr) \
	__asm__ volatile(insn " %0, 0(%1)" : : "r"((uint32_t)(val)), "r"(addr) : "memory")

typedef uint32_t (*fn_t)(void);

int test_main(void)
{
	volatile uint8_t *b = (volatile uint8_t *)buf;

	buf[0] = 0x8899AABBu;
	buf[1] = 0x11223344u;
	CHECK_EQ(1, 0xFFFFFFBBu, LOAD("lb", b));
	CHECK_EQ(2, 0x000000AAu, LOAD("lbu", b + 1));
	CHECK_EQ(3, 0xFFFF8899u, LOAD("lh", b + 2));
	CHECK_EQ(4, 0x00008899u, LOAD("lhu", b + 2));
	CHECK_EQ(5, 0x8899AABBu, LOAD("lw", b));
	STORE("sb", 0x1234u, b + 3);
	CHECK_EQ(6, 0x3499AABBu, buf[0]);
	STORE("sh", 0xCAFEu, b + 0);
	CHECK_EQ(7, 0x3499CAFEu, buf[0]);
	STORE("sw", 0xDEADBEEFu, b + 4);
	CHECK_EQ(8, 0xDEADBEEFu, buf[1]);

	/* Unaligned word pieces: load 0x0403020100 bytes at offset 1..4. */
	buf[0] = 0x03020100u;
	buf[1] = 0x07060504u;
	{
		/* lwr at 1 then lwl at 1+3: the unaligned word at 1. */
		CHECK_EQ(10, 0xEE030201u, LOADW("lwr", 0xEEEEEEEEu, b + 1));
		CHECK_EQ(11, 0x04EEEEEEu, LOADW("lwl", 0xEEEEEEEEu, b + 4));
		uint32_t w = 0xEEEEEEEEu;
		__asm__ volatile("lwr %0, 1(%1)\n\tlwl %0, 4(%1)" : "+r"(w) : "r"(b) : "memory");
		CHECK_EQ(12, 0x04030201u, w);
		__asm__ volatile("swr %0, 2(%1)\n\tswl %0, 5(%1)" : : "r"(0xAABBCCDDu), "r"(b) : "memory");
		CHECK_EQ(13, 0xCCDD0100u, buf[0]);
		CHECK_EQ(14, 0x0706AABBu, buf[1]);
	}

	/* LL/SC: success, failure after a second SC, failure after ERET. */
	{
		uint32_t ok, v;
		buf[2] = 5;
		__asm__ volatile("ll %1, 0(%2)\n\taddiu %1, %1, 1\n\tmove %0, %1\n\tsc %0, 0(%2)"
				 : "=&r"(ok), "=&r"(v) : "r"(&buf[2]) : "memory");
		CHECK_EQ(20, 1, ok);
		CHECK_EQ(21, 6, buf[2]);
		__asm__ volatile("li %0, 9\n\tsc %0, 0(%1)" : "=&r"(ok) : "r"(&buf[2]) : "memory");
		CHECK_EQ(22, 0, ok);
		CHECK_EQ(23, 6, buf[2]);
		__asm__ volatile("ll %1, 0(%2)\n\tsyscall\n\tli %0, 9\n\tsc %0, 0(%2)"
				 : "=&r"(ok), "=&r"(v) : "r"(&buf[2]) : "memory");
		CHECK_EQ(24, 0, ok);                  /* ERET cleared LLbit */
		CHECK_EQ(25, 6, buf[2]);
	}

	/* Address errors. */
	exc_count = 0;
	(void)LOAD("lw", b + 2);
	CHECK_EQ(30, 4, exc_code);                    /* AdEL */
	CHECK_EQ(31, (uint32_t)(b + 2), exc_badva);
	STORE("sh", 1, b + 1);
	CHECK_EQ(32, 5, exc_code);                    /* AdES */
	CHECK_EQ(33, (uint32_t)(b + 1), exc_badva);
	(void)LOAD("lw", (volatile void *)0x00001000u); /* kuseg, ERL = 0: TLB refill */
	CHECK_EQ(34, 2, exc_code);
	CHECK_EQ(35, 3, exc_count);

	/* Bus errors: flash is not writable by stores; holes raise DBE. */
	STORE("sw", 0, (volatile void *)0xBD000000u);
	CHECK_EQ(40, 7, exc_code);
	CHECK_EQ(41, 0xBD000000u, exc_badva);
	(void)LOAD("lw", (volatile void *)0xA0100000u); /* no RAM there */
	CHECK_EQ(42, 7, exc_code);
	CHECK_EQ(43, 0xFFFFFFFFu, LOAD("lw", (volatile void *)0xBD000000u)); /* blank flash reads */

	/* Code in RAM, rewritten between calls. */
	{
		volatile uint32_t *code = (volatile uint32_t *)0xA0060000u;
		fn_t f = (fn_t)0x80060000u;
		code[0] = 0x03E00008u;                  /* jr ra */
		code[1] = 0x24020011u;                  /* li v0, 0x11 */
		CHECK_EQ(50, 0x11, f());
		code[1] = 0x24020022u;                  /* li v0, 0x22 */
		CHECK_EQ(51, 0x22, f());
		code[0] = 0x24020033u;                  /* li v0, 0x33 */
		code[1] = 0x03E00008u;                  /* jr ra */
		code[2] = 0x00000000u;
		CHECK_EQ(52, 0x33, f());
	}
	return 0;
}
