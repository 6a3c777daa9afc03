/* SPDX-License-Identifier: Apache-2.0 */
/* cp0.c - CP0 identity and reset values (PRId, Config0-7, EBase, SRSCtl,
 * IntCtl), writable/read-only fields, KScratch, RDHWR with HWREna,
 * RDPGPR/WRPGPR through SRSCtl.PSS, DI/EI, the Count rate and Cause.DC. */
#include "test.h"
#include "cp0_access.h"

static volatile uint32_t exc_code, exc_count;

void test_exception(struct test_exc_frame *f)
{
	exc_code = TEST_EXCCODE(f->cause);
	exc_count++;
	MTC0(12, 0, MFC0(12, 0) & ~0x18u);
	f->epc = f->r[25];
}

#define RDHWR(n) ({ uint32_t v_ = 0xDEAD; \
	__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\trdhwr %0, $" #n "\n1:\t.set pop" \
			 : "+r"(v_) : : "t9"); v_; })

int test_main(void)
{
	CHECK_EQ(1, 0x0001A700u, MFC0(15, 0) & 0xFFFFFF00u);      /* PRId: MIPS, M5150 */
	CHECK_EQ(2, 0x80000000u, MFC0(15, 1));                    /* EBase reset */
	CHECK_EQ(3, 0x80000482u, MFC0(16, 0));                    /* Config: M, AR=1, MT=1, K0=2 */
	CHECK_EQ(4, 15, (MFC0(16, 1) >> 25) & 0x3F);              /* Config1.MMUSize */
	CHECK_EQ(5, 1, MFC0(16, 1) & 1);                          /* Config1.FP */
	CHECK_EQ(6, 0x80000000u, MFC0(16, 1) & 0x80000000u);      /* Config2 present */
	CHECK_EQ(7, 1u << 23, MFC0(16, 3) & (1u << 23));          /* Config3.VZ */
	CHECK_EQ(8, 1u << 6, MFC0(16, 3) & (1u << 6));            /* Config3.VEIC */
	CHECK_EQ(9, 0x0Cu, (MFC0(16, 4) >> 16) & 0xFF);           /* KScrExist */
	CHECK_EQ(10, 0x80000000u, MFC0(16, 7) & 0x80000000u);     /* Config7.WII */
	CHECK_EQ(11, 7u << 26, MFC0(12, 2) & (0xFu << 26));       /* SRSCtl.HSS = 7 */
	CHECK_EQ(12, CP0_STATUS_BEV, MFC0(12, 0) & (CP0_STATUS_BEV | CP0_STATUS_ERL | CP0_STATUS_EXL));

	/* Writable and read-only fields. */
	MTC0(16, 0, 0xFFFFFFFFu); /* K0 = 7: uncached too (the stack stays coherent) */
	CHECK_EQ(20, 0x80000487u, MFC0(16, 0));                   /* only K0 changes */
	MTC0(16, 0, 0x80000482u);
	MTC0(15, 0, 0);
	CHECK_EQ(21, 0x0001A700u, MFC0(15, 0) & 0xFFFFFF00u);
	MTC0(15, 1, 0xFFFFFFFFu);
	CHECK_EQ(22, 0xBFFFF000u, MFC0(15, 1));                   /* EBase bits 29:12 */
	MTC0(15, 1, 0x80000000u);
	MTC0(31, 2, 0x12345678u);
	MTC0(31, 3, 0x9ABCDEF0u);
	CHECK_EQ(23, 0x12345678u, MFC0(31, 2));
	CHECK_EQ(24, 0x9ABCDEF0u, MFC0(31, 3));
	MTC0(12, 1, 0xFFFFFFFFu);
	CHECK_EQ(25, 0x3E0u, MFC0(12, 1));                        /* IntCtl.VS only */
	MTC0(12, 1, 0);
	/* VZ root registers are plain storage for now (GuestCtl1). */
	MTC0(10, 4, 0x00050003u);
	CHECK_EQ(26, 0x00050003u, MFC0(10, 4));
	MTC0(10, 4, 0);

	/* RDHWR: kernel mode may read all; user mode needs HWREna. */
	MTC0(4, 2, 0xCAFE0001u);
	CHECK_EQ(30, 0, RDHWR(0));                                /* CPUNum */
	CHECK_EQ(31, 16, RDHWR(1));                               /* SYNCI_Step */
	CHECK_EQ(32, 2, RDHWR(3));                                /* CCRes */
	CHECK_EQ(33, 0xCAFE0001u, RDHWR(29));                     /* UserLocal */
	{
		uint32_t a = RDHWR(2), b = MFC0(9, 0);
		CHECK(34, b - a < 8);                             /* CC is Count */
	}
	exc_count = 0;
	(void)RDHWR(5);                                           /* not implemented */
	CHECK_EQ(35, 10, exc_code);
	CHECK_EQ(36, 1, exc_count);

	/* Count runs at half the core clock; Cause.DC stops it. */
	{
		uint32_t a = MFC0(9, 0);
		for (volatile int i = 0; i < 100; i++)
			;
		uint32_t b = MFC0(9, 0);
		uint32_t d = b - a;
		CHECK_DETAIL(40, d > 100 && d < 10000, a, b, d, 0);
		MTC0(13, 0, CP0_CAUSE_DC);
		a = MFC0(9, 0);
		for (volatile int i = 0; i < 100; i++)
			;
		CHECK_EQ(41, a, MFC0(9, 0));
		MTC0(13, 0, 0);
		MTC0(9, 0, 1000);
		b = MFC0(9, 0);
		CHECK(42, b >= 1000 && b < 1020); /* a few uncached flash fetches */
	}

	/* DI/EI return the old Status. */
	{
		uint32_t before = MFC0(12, 0), got;
		__asm__ volatile("ei %0\n\tehb" : "=r"(got));
		CHECK_EQ(50, before, got);
		CHECK_EQ(51, CP0_STATUS_IE, MFC0(12, 0) & CP0_STATUS_IE);
		__asm__ volatile("di %0\n\tehb" : "=r"(got));
		CHECK_EQ(52, CP0_STATUS_IE, got & CP0_STATUS_IE);
		CHECK_EQ(53, 0, MFC0(12, 0) & CP0_STATUS_IE);
	}

	/* WRPGPR/RDPGPR reach the set in SRSCtl.PSS; with PSS = CSS they are
	 * the live registers. */
	{
		uint32_t v;
		MTC0(12, 2, 3u << 6);                             /* PSS = 3 */
		CHECK_EQ(60, 3u << 6, MFC0(12, 2) & (0xFu << 6));
		__asm__ volatile("wrpgpr $t3, %0" : : "r"(0x5A5A0003u));
		__asm__ volatile("rdpgpr %0, $t3" : "=r"(v));
		CHECK_EQ(61, 0x5A5A0003u, v);
		__asm__ volatile("li $t3, 7\n\trdpgpr %0, $t3" : "=r"(v) : : "t3");
		CHECK_EQ(62, 0x5A5A0003u, v);                     /* not the live $t3 */
		MTC0(12, 2, 0);                                    /* PSS = 0 = CSS */
		__asm__ volatile("li $t3, 9\n\trdpgpr %0, $t3" : "=r"(v) : : "t3");
		CHECK_EQ(63, 9, v);
	}

	/* User mode: RDHWR CC needs HWREna bit 2. */
	{
		volatile uint32_t *code = (volatile uint32_t *)0xA0060000u;
		uint32_t st = MFC0(12, 0);
		/* Run at 0x80060000? kseg0 is not user-accessible: use ERL-free
		 * kuseg mapping through the TLB. */
		MTC0(0, 0, 0);
		MTC0(10, 0, 0x00200000u);
		MTC0(5, 0, 0);
		MTC0(2, 0, ENTRYLO(0x60000, 3, 1, 1, 1));
		MTC0(3, 0, 0);
		tlbwi();
		code[0] = 0x7C02103Bu;                            /* rdhwr v0, $2 */
		code[1] = 0x0000000Cu;                            /* syscall */
		exc_count = 0;
		MTC0(7, 0, 0);
		__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tmtc0 %0, $14\n\t"
				 "mtc0 %1, $12\n\tehb\n\teret\n1:\t.set pop"
				 : : "r"(0x00200000u), "r"(st | CP0_STATUS_EXL | CP0_STATUS_KSU_USER) : "t9", "memory");
		CHECK_EQ(70, 10, exc_code);                       /* RI */
		MTC0(7, 0, 4);
		__asm__ volatile(".set push\n\t.set noreorder\n\tla $t9, 1f\n\tmtc0 %0, $14\n\t"
				 "mtc0 %1, $12\n\tehb\n\teret\n1:\t.set pop"
				 : : "r"(0x00200000u), "r"(st | CP0_STATUS_EXL | CP0_STATUS_KSU_USER) : "t9", "memory");
		CHECK_EQ(71, 8, exc_code);                        /* reached the syscall */
		CHECK_EQ(72, 2, exc_count);
	}
	return 0;
}
