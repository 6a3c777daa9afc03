/* SPDX-License-Identifier: Apache-2.0 */
/* tlb.c - the joint TLB: TLBWI/TLBWR/TLBP/TLBR, refill vs invalid vs
 * modified, ASID and global matching, PageMask (16 KB pages), EHINV,
 * RI/XI with PageGrain.IEC (TLBRI/TLBXI), Context/EntryHi on a fault,
 * ERL making kuseg unmapped, user mode fetching from a mapped page, and
 * the EBase vectors (refill at +0x000 only with EXL = 0, else +0x180 with
 * EPC left alone). */
#include "test.h"
#include "cp0_access.h"

struct seen { uint32_t count, cause, epc, badvaddr, entryhi, context, vector, status; };
static volatile struct seen seen;

void test_exception(struct test_exc_frame *f)
{
	seen.count++;
	seen.cause = f->cause;
	seen.epc = f->epc;
	seen.badvaddr = f->badvaddr;
	seen.entryhi = MFC0(10, 0);
	seen.context = MFC0(4, 0);
	seen.vector = f->vector;
	seen.status = f->status;
	/* Back to kernel mode (the probes may run in user mode). */
	MTC0(12, 0, MFC0(12, 0) & ~0x18u);
	f->epc = f->r[25];
}

static void tlb_set(unsigned index, uint32_t hi, uint32_t mask, uint32_t lo0, uint32_t lo1)
{
	MTC0(0, 0, index);
	MTC0(10, 0, hi);
	MTC0(5, 0, mask);
	MTC0(2, 0, lo0);
	MTC0(3, 0, lo1);
	tlbwi();
}

/* Load from va; resume after it on a fault. Returns the value or 0xDEAD. */
static uint32_t probe_load(uint32_t va)
{
	uint32_t v = 0xDEAD;
	__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tlw %0, 0(%1)\n1:\t.set pop"
			 : "+r"(v) : "r"(va) : "t9", "memory");
	return v;
}

static void probe_store(uint32_t va, uint32_t v)
{
	__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tsw %0, 0(%1)\n1:\t.set pop"
			 : : "r"(v), "r"(va) : "t9", "memory");
}

/* Call code at va (jalr); on a fault resume after the call. */
static uint32_t probe_call(uint32_t va)
{
	uint32_t v = 0xDEAD;
	__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tjalr.hb %1\n\tnop\n\tmove %0, $v0\n1:\t.set pop"
			 : "+r"(v) : "r"(va) : "t9", "ra", "v0", "memory");
	return v;
}

#define RAM(pa) (*(volatile uint32_t *)(0xA0000000u | (pa)))

int test_main(void)
{
	uint32_t n;

	/* Clean TLB: every entry invalid with EHINV. */
	for (unsigned i = 0; i < 16; i++)
		tlb_set(i, 0x400, 0, 0, 0);
	MTC0(6, 0, 2); /* Wired = 2 */

	/* Entry 0: va 0x00400000 (ASID 5) -> pa 0x50000 (dirty) / 0x51000 (clean). */
	tlb_set(0, 0x00400000u | 5, 0, ENTRYLO(0x50000, 2, 1, 1, 0), ENTRYLO(0x51000, 2, 0, 1, 0));
	MTC0(10, 0, 5);
	RAM(0x50010) = 0x11110000u;
	RAM(0x51020) = 0x22220000u;
	CHECK_EQ(1, 0x11110000u, probe_load(0x00400010u));
	CHECK_EQ(2, 0x22220000u, probe_load(0x00401020u));
	probe_store(0x00400014u, 0xABCDu);
	CHECK_EQ(3, 0xABCDu, RAM(0x50014));
	CHECK_EQ(4, 0, seen.count);

	/* Modified: store to the clean page. */
	probe_store(0x00401024u, 1);
	CHECK_EQ(10, 1, TEST_EXCCODE(seen.cause));
	CHECK_EQ(11, 0x00401024u, seen.badvaddr);
	CHECK_EQ(12, 0x380, seen.vector);
	CHECK_EQ(13, 0x00400005u, seen.entryhi);   /* VPN2 of the fault, ASID kept */
	CHECK_EQ(14, (0x00401024u >> 13) << 4, seen.context & 0x007FFFF0u);
	CHECK_EQ(15, 0, RAM(0x51024));

	/* Refill: no entry (load TLBL, store TLBS) at the refill vector. */
	CHECK_EQ(20, 0xDEAD, probe_load(0x00402000u));
	CHECK_EQ(21, 2, TEST_EXCCODE(seen.cause));
	CHECK_EQ(22, 0x200, seen.vector);
	CHECK_EQ(23, 0x00402000u, seen.badvaddr);
	probe_store(0x7FFFF000u, 1);
	CHECK_EQ(24, 3, TEST_EXCCODE(seen.cause));
	CHECK_EQ(25, 0x200, seen.vector);
	CHECK_EQ(26, 0x7FFFE005u, seen.entryhi);

	/* Other ASID: refill; global entry: matches. */
	MTC0(10, 0, 6);
	CHECK_EQ(30, 0xDEAD, probe_load(0x00400010u));
	CHECK_EQ(31, 0x200, seen.vector);
	tlb_set(1, 0x00800000u | 9, 0, ENTRYLO(0x50000, 2, 1, 1, 1), ENTRYLO(0x51000, 2, 1, 0, 1));
	MTC0(10, 0, 6);
	CHECK_EQ(32, 0x11110000u, probe_load(0x00800010u));
	/* Invalid (V = 0): TLBL at the general vector. */
	CHECK_EQ(33, 0xDEAD, probe_load(0x00801000u));
	CHECK_EQ(34, 2, TEST_EXCCODE(seen.cause));
	CHECK_EQ(35, 0x380, seen.vector);

	/* TLBP / TLBR. */
	MTC0(10, 0, 0x00400000u | 5);
	tlbp();
	CHECK_EQ(40, 0, MFC0(0, 0));
	MTC0(10, 0, 0x00C00000u | 5);
	tlbp();
	CHECK_EQ(41, 0x80000000u, MFC0(0, 0) & 0x80000000u);
	MTC0(0, 0, 1);
	tlbr();
	CHECK_EQ(42, 0x00800009u, MFC0(10, 0));
	CHECK_EQ(43, ENTRYLO(0x50000, 2, 1, 1, 1), MFC0(2, 0));
	CHECK_EQ(44, ENTRYLO(0x51000, 2, 1, 0, 1), MFC0(3, 0));
	/* Random stays within [Wired, 15]; TLBWR never hits a wired entry. */
	for (int i = 0; i < 20; i++) {
		uint32_t r = MFC0(1, 0);
		CHECK(45, r >= 2 && r <= 15);
	}

	/* EHINV: the entry stops matching. */
	tlb_set(0, 0x00400000u | 5 | 0x400, 0, ENTRYLO(0x50000, 2, 1, 1, 0), 0);
	MTC0(10, 0, 5);
	CHECK_EQ(50, 0xDEAD, probe_load(0x00400010u));
	CHECK_EQ(51, 0x200, seen.vector);

	/* 16 KB pages (PageMask 0x6000): even page 0x01000000-0x01003FFF. */
	tlb_set(2, 0x01000000u | 5, 0x6000, ENTRYLO(0x40000, 2, 1, 1, 0), ENTRYLO(0x44000, 2, 1, 1, 0));
	MTC0(10, 0, 5);
	RAM(0x43FF0) = 0x16161616u;
	RAM(0x44008) = 0x17171717u;
	CHECK_EQ(55, 0x16161616u, probe_load(0x01003FF0u));
	CHECK_EQ(56, 0x17171717u, probe_load(0x01004008u));
	MTC0(10, 0, 0x01004000u | 5);
	tlbp();
	CHECK_EQ(57, 2, MFC0(0, 0));

	/* RI/XI with IEC: even page read-inhibited, odd page execute-inhibited. */
	MTC0(5, 1, 0xC8000000u);
	tlb_set(3, 0x00600000u | 5, 0, ENTRYLO(0x52000, 2, 1, 1, 0) | 0x80000000u,
		ENTRYLO(0x53000, 2, 1, 1, 0) | 0x40000000u);
	MTC0(10, 0, 5);
	RAM(0x52000) = 0x03E00008u; /* jr ra */
	RAM(0x52004) = 0x24020077u; /* li v0, 0x77 */
	RAM(0x53000) = 0x03E00008u;
	RAM(0x53004) = 0x24020078u;
	n = seen.count;
	CHECK_EQ(60, 0x77, probe_call(0x00600000u)); /* RI page is executable */
	CHECK_EQ(61, n, seen.count);
	CHECK_EQ(62, 0xDEAD, probe_load(0x00600000u));
	CHECK_EQ(63, 19, TEST_EXCCODE(seen.cause));
	CHECK_EQ(64, 0x03E00008u, probe_load(0x00601000u)); /* XI page is readable */
	CHECK_EQ(65, 0xDEAD, probe_call(0x00601000u));
	CHECK_EQ(66, 20, TEST_EXCCODE(seen.cause));
	CHECK_EQ(67, 0x00601000u, seen.epc);
	CHECK_EQ(68, 0x00601000u, seen.badvaddr);
	/* Without IEC the same faults report TLBL. */
	MTC0(5, 1, 0xC0000000u);
	CHECK_EQ(69, 0xDEAD, probe_load(0x00600000u));
	CHECK_EQ(70, 2, TEST_EXCCODE(seen.cause));
	MTC0(5, 1, 0);
	CHECK_EQ(71, 0x03E00008u, probe_load(0x00600000u)); /* RIE off: readable */

	/* ERL = 1: kuseg is unmapped (va = pa). */
	MTC0(12, 0, MFC0(12, 0) | CP0_STATUS_ERL);
	CHECK_EQ(80, 0x11110000u, *(volatile uint32_t *)0x00050010u);
	MTC0(12, 0, MFC0(12, 0) & ~CP0_STATUS_ERL);

	/* User mode: run mapped code at 0x00600000 that touches CP0 (CpU) and
	 * kernel space (AdEL). Entered with ERET, left through the handler. */
	RAM(0x52000) = 0x40086000u; /* mfc0 t0, Status */
	RAM(0x52004) = 0x00000000u;
	RAM(0x52008) = 0x3C098000u; /* lui t1, 0x8000 */
	RAM(0x5200C) = 0x8D2A0000u; /* lw t2, 0(t1) */
	{
		uint32_t st = MFC0(12, 0);
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la $t9, 1f\n\t"
				 "mtc0 %0, $14\n\t"
				 "mtc0 %1, $12\n\tehb\n\t"
				 "eret\n1:\t.set pop"
				 : : "r"(0x00600000u), "r"(st | CP0_STATUS_EXL | CP0_STATUS_KSU_USER)
				 : "t9", "memory");
		CHECK_EQ(90, 11, TEST_EXCCODE(seen.cause));
		CHECK_EQ(91, 0, (seen.cause >> 28) & 3);
		CHECK_EQ(92, 0x00600000u, seen.epc);
		CHECK_EQ(93, CP0_STATUS_KSU_USER, seen.status & 0x18);
		__asm__ volatile(".set push\n\t.set noreorder\n\t"
				 "la $t9, 1f\n\t"
				 "mtc0 %0, $14\n\t"
				 "mtc0 %1, $12\n\tehb\n\t"
				 "eret\n1:\t.set pop"
				 : : "r"(0x00600008u), "r"(st | CP0_STATUS_EXL | CP0_STATUS_KSU_USER)
				 : "t9", "memory");
		CHECK_EQ(94, 4, TEST_EXCCODE(seen.cause));
		CHECK_EQ(95, 0x80000000u, seen.badvaddr);
		CHECK_EQ(96, 0x0060000Cu, seen.epc);
	}

	/* EBase vectors (BEV = 0). */
	install_vector_stub(0x80060000u, 0x000);
	install_vector_stub(0x80060000u, 0x180);
	MTC0(15, 1, 0x80060000u);
	MTC0(12, 0, MFC0(12, 0) & ~CP0_STATUS_BEV);
	MTC0(10, 0, 5);
	CHECK_EQ(100, 0xDEAD, probe_load(0x00402000u));      /* refill */
	CHECK_EQ(101, 0x000, seen.vector);
	CHECK_EQ(102, 0xDEAD, probe_load(0x00801000u));      /* invalid */
	CHECK_EQ(103, 0x180, seen.vector);
	/* Refill with EXL = 1: general vector, EPC not written. */
	MTC0(14, 0, 0x12345678u);
	MTC0(12, 0, MFC0(12, 0) | CP0_STATUS_EXL);
	CHECK_EQ(104, 0xDEAD, probe_load(0x00402000u));
	CHECK_EQ(105, 0x180, seen.vector);
	CHECK_EQ(106, 0x12345678u, seen.epc);
	CHECK_EQ(107, 2, TEST_EXCCODE(seen.cause));
	MTC0(12, 0, MFC0(12, 0) | CP0_STATUS_BEV);
	return 0;
}
