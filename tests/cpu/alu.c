/* SPDX-License-Identifier: Apache-2.0 */
/* alu.c - integer ALU, shifts, set-on-less-than, immediates, multiply/divide
 * with HI/LO accumulation, CLZ/CLO, EXT/INS, SEB/SEH/WSBH, MOVN/MOVZ. */
#include "test.h"

#define OP2(insn, a, b) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1, %2" : "=r"(r_) : "r"((uint32_t)(a)), "r"((uint32_t)(b))); r_; })
#define OPI(insn, a, imm) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1, " #imm : "=r"(r_) : "r"((uint32_t)(a))); r_; })
#define OP1(insn, a) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1" : "=r"(r_) : "r"((uint32_t)(a))); r_; })

/* Run a HI/LO instruction starting from hi:lo; returns the new hi:lo. */
#define MDU(insn, hi0, lo0, a, b, hi, lo) \
	__asm__ volatile("mthi %2\n\tmtlo %3\n\t" insn " %4, %5\n\tmfhi %0\n\tmflo %1" \
			 : "=r"(hi), "=r"(lo) \
			 : "r"((uint32_t)(hi0)), "r"((uint32_t)(lo0)), "r"((uint32_t)(a)), "r"((uint32_t)(b)) \
			 : "hi", "lo")

int test_main(void)
{
	uint32_t hi, lo;

	CHECK_EQ(1, 0x80000001u, OP2("addu", 0x7FFFFFFFu, 2));
	CHECK_EQ(2, 0xFFFFFFFFu, OP2("subu", 1, 2));
	CHECK_EQ(3, 0x00F0F000u, OP2("and", 0x0FF0F00Fu, 0xF0F0F0F0u) & 0x00FFFF00u);
	CHECK_EQ(4, 0xFFF0F0FFu, OP2("or", 0x0FF000FFu, 0xF0F0F0F0u));
	CHECK_EQ(5, 0xFF00FF00u, OP2("xor", 0x0F0F0F0Fu, 0xF00FF00Fu));
	CHECK_EQ(6, 0x0F0F0F0Fu, OP2("nor", 0xF0F0F0F0u, 0x00000000u));
	CHECK_EQ(7, 1, OP2("slt", 0xFFFFFFFFu, 0));
	CHECK_EQ(8, 0, OP2("sltu", 0xFFFFFFFFu, 0));
	CHECK_EQ(9, 0x00000100u, OP2("sllv", 1, 0x28));        /* shift amount mod 32 */
	CHECK_EQ(10, 0x0000FFFFu, OP2("srlv", 0xFFFF0000u, 16));
	CHECK_EQ(11, 0xFFFFFFF0u, OP2("srav", 0xFFFFFF00u, 4));
	CHECK_EQ(12, 0x23456781u, OP2("rotrv", 0x12345678u, 28));
	CHECK_EQ(13, 0x80000000u, OPI("sll", 1, 31));
	CHECK_EQ(14, 0x00000001u, OPI("srl", 0x80000000u, 31));
	CHECK_EQ(15, 0xFFFFFFFFu, OPI("sra", 0x80000000u, 31));
	CHECK_EQ(16, 0x81234567u, OPI("rotr", 0x12345678u, 4));
	CHECK_EQ(17, 0xFFFFFFFEu, OPI("addiu", 1, -3));
	CHECK_EQ(18, 1, OPI("slti", 0xFFFFFFFEu, -1));
	CHECK_EQ(19, 1, OPI("sltiu", 5, -1));                   /* imm sign-extended, compared unsigned */
	CHECK_EQ(20, 0x00008000u, OPI("andi", 0xFFFF8000u, 0xFFFF)); /* zero-extended */
	CHECK_EQ(21, 0x1234FFFFu, OPI("ori", 0x12340000u, 0xFFFF));
	CHECK_EQ(22, 0x1234EDCBu, OPI("xori", 0x12341234u, 0xFFFF));
	{
		uint32_t r;
		__asm__ volatile("lui %0, 0x8765" : "=r"(r));
		CHECK_EQ(23, 0x87650000u, r);
	}

	MDU("mult", 0, 0, 0xFFFFFFFEu, 3, hi, lo);  /* -2 * 3 */
	CHECK_EQ(30, 0xFFFFFFFFu, hi);
	CHECK_EQ(31, 0xFFFFFFFAu, lo);
	MDU("multu", 0, 0, 0xFFFFFFFEu, 3, hi, lo);
	CHECK_EQ(32, 2, hi);
	CHECK_EQ(33, 0xFFFFFFFAu, lo);
	MDU("madd", 0, 10, 0xFFFFFFFFu, 5, hi, lo); /* 10 + (-5) */
	CHECK_EQ(34, 0, hi);
	CHECK_EQ(35, 5, lo);
	MDU("maddu", 1, 0xFFFFFFFFu, 2, 3, hi, lo); /* carry into HI */
	CHECK_EQ(36, 2, hi);
	CHECK_EQ(37, 5, lo);
	MDU("msub", 0, 3, 2, 2, hi, lo);            /* 3 - 4 */
	CHECK_EQ(38, 0xFFFFFFFFu, hi);
	CHECK_EQ(39, 0xFFFFFFFFu, lo);
	MDU("msubu", 1, 0, 1, 1, hi, lo);
	CHECK_EQ(40, 0, hi);
	CHECK_EQ(41, 0xFFFFFFFFu, lo);
	MDU("div $0,", 0, 0, 0xFFFFFFF9u, 2, hi, lo);   /* -7 / 2 */
	CHECK_EQ(42, 0xFFFFFFFFu, hi);              /* remainder -1 */
	CHECK_EQ(43, 0xFFFFFFFDu, lo);              /* quotient -3 */
	MDU("divu $0,", 0, 0, 0xFFFFFFF9u, 2, hi, lo);
	CHECK_EQ(44, 1, hi);
	CHECK_EQ(45, 0x7FFFFFFCu, lo);
	CHECK_EQ(46, 0xFFFFFFF4u, OP2("mul", 0xFFFFFFFDu, 4));
	{
		uint32_t a, b;
		__asm__ volatile("mthi %2\n\tmtlo %3\n\tmfhi %0\n\tmflo %1"
				 : "=r"(a), "=r"(b) : "r"(0x1111u), "r"(0x2222u) : "hi", "lo");
		CHECK_EQ(47, 0x1111u, a);
		CHECK_EQ(48, 0x2222u, b);
	}

	CHECK_EQ(50, 32, OP1("clz", 0));
	CHECK_EQ(51, 3, OP1("clz", 0x10000000u));
	CHECK_EQ(52, 4, OP1("clo", 0xF7FFFFFFu));
	CHECK_EQ(53, 32, OP1("clo", 0xFFFFFFFFu));
	CHECK_EQ(54, 0xFFFFFF80u, OP1("seb", 0x12345680u));
	CHECK_EQ(55, 0x00007F00u, OP1("seh", 0x12347F00u));
	CHECK_EQ(56, 0x34127856u, OP1("wsbh", 0x12345678u));
	{
		uint32_t r;
		__asm__ volatile("ext %0, %1, 4, 8" : "=r"(r) : "r"(0x12345678u));
		CHECK_EQ(57, 0x67u, r);
		__asm__ volatile("ext %0, %1, 0, 32" : "=r"(r) : "r"(0x12345678u));
		CHECK_EQ(58, 0x12345678u, r);
		r = 0xFFFFFFFFu;
		__asm__ volatile("ins %0, %1, 8, 12" : "+r"(r) : "r"(0xABCu));
		CHECK_EQ(59, 0xFFFABCFFu, r);
		r = 0x11111111u;
		__asm__ volatile("movz %0, %1, %2" : "+r"(r) : "r"(0x22u), "r"(0u));
		CHECK_EQ(60, 0x22u, r);
		__asm__ volatile("movz %0, %1, %2" : "+r"(r) : "r"(0x33u), "r"(1u));
		CHECK_EQ(61, 0x22u, r);
		__asm__ volatile("movn %0, %1, %2" : "+r"(r) : "r"(0x44u), "r"(7u));
		CHECK_EQ(62, 0x44u, r);
		__asm__ volatile("movn %0, %1, %2" : "+r"(r) : "r"(0x55u), "r"(0u));
		CHECK_EQ(63, 0x44u, r);
	}
	{
		/* Writes to $zero are discarded. */
		uint32_t r;
		__asm__ volatile("addiu $0, $0, 5\n\tmove %0, $0" : "=r"(r));
		CHECK_EQ(64, 0, r);
	}
	return 0;
}
