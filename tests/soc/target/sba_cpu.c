/* SPDX-License-Identifier: Apache-2.0 */
/* sba_cpu.c - the bus permissions on the core, end to end: with the CPU
 * in permission group 1 and a high-priority region of RAM bank 1 writable
 * only by group 0, a store there is a data bus error (nothing written), a
 * load still works, the violation is logged (SBT3ELOG1, SBFLAG) and raises
 * vector 106; back in group 0 the store goes through. Then a DMA copy by
 * the real CPU program, written back from the D-cache first. */
#include "pic32.h"
#include "test.h"

#define CFGPG    0xBF8000E0u
#define SBFLAG   0xBF8F0510u
#define SBT3     (0xBF8F8000u + 0x400u * 3)
#define ELOG1    (SBT3 + 0x20)
#define ECON     (SBT3 + 0x28)
#define ECLRM    (SBT3 + 0x38)
#define REG1     (SBT3 + 0x60)
#define RD1      (REG1 + 0x10)
#define WR1      (REG1 + 0x18)
#define V_SB     106

#define DMACON   0xBF811000u
#define CH0      0xBF811060u

#define PROTECTED 0xA0070000u   /* RAM bank 1, kseg1 */

static volatile uint32_t dbe_count, dbe_badvaddr;

void test_exception(struct test_exc_frame *f)
{
	if (f->vector != 0x380 || TEST_EXCCODE(f->cause) != 7)
		test_fail(100, f->vector, f->cause, f->epc, f->badvaddr);
	dbe_count++;
	dbe_badvaddr = f->badvaddr;
	f->epc += 4; /* skip the store */
}

static void store(uint32_t va, uint32_t v)
{
	__asm__ volatile(".set push\n\t.set noreorder\n\tsw %0, 0(%1)\n\tnop\n\t.set pop"
			 : : "r"(v), "r"(va) : "memory");
}

int test_main(void)
{
	*(volatile uint32_t *)PROTECTED = 0x11111111u;
	SFR(REG1) = 0x00070000u | 1u << 9 | 3u << 3;    /* 4 KB, high priority */
	SFR(RD1) = 0x3;
	SFR(WR1) = 0x1;                                  /* writes: group 0 only */
	SFR(ECON) = 1u << 24;
	SFR(CFGPG) = 1;                                  /* CPU in group 1 */
	(void)SFR(CFGPG);

	store(PROTECTED, 0x22222222u);
	CHECK_EQ(1, 1, dbe_count);
	CHECK_EQ(2, 0x11111111u, *(volatile uint32_t *)PROTECTED);  /* loads allowed */
	CHECK_EQ(3, 1u << 3, SFR(SBFLAG));
	CHECK_EQ(4, 3u << 24 | 1u << 8 | 1u << 4 | 2u, SFR(ELOG1)); /* CPU, region 1, write */
	CHECK_EQ(5, 1u << (V_SB % 32), SFR(IFS(V_SB / 32)) & (1u << (V_SB % 32)));
	store(PROTECTED + 0x1000, 0x33333333u);          /* outside the region */
	CHECK_EQ(6, 1, dbe_count);
	CHECK_EQ(7, 0x33333333u, *(volatile uint32_t *)(PROTECTED + 0x1000));

	SFR(CFGPG) = 0;                                  /* back in group 0 */
	(void)SFR(CFGPG);
	store(PROTECTED, 0x44444444u);
	CHECK_EQ(8, 1, dbe_count);
	CHECK_EQ(9, 0x44444444u, *(volatile uint32_t *)PROTECTED);
	(void)SFR(ECLRM);
	irq_clear(V_SB);
	CHECK_EQ(10, 0, SFR(SBFLAG));
	CHECK_EQ(11, 0, SFR(IFS(V_SB / 32)) & (1u << (V_SB % 32)));

	/* A DMA copy of 256 bytes between uncached buffers. */
	volatile uint8_t *src = (volatile uint8_t *)0xA0060000u;
	volatile uint8_t *dst = (volatile uint8_t *)0xA0061000u;
	for (unsigned i = 0; i < 256; i++) {
		src[i] = (uint8_t)(i * 13 + 1);
		dst[i] = 0;
	}
	SFR(DMACON) = 1u << 15;
	SFR(CH0 + 0x30) = 0x00060000u;
	SFR(CH0 + 0x40) = 0x00061000u;
	SFR(CH0 + 0x50) = 256;
	SFR(CH0 + 0x60) = 256;
	SFR(CH0 + 0x90) = 256;
	SFR(CH0) = 1u << 7;
	SET(CH0 + 0x10) = 1u << 7;                       /* CFORCE */
	uint32_t polls = 0;
	while (!(SFR(CH0 + 0x20) & (1u << 3)))           /* CHBCIF */
		polls++;
	CHECK_DETAIL(12, polls > 0, polls, 0, 0, 0);     /* it takes bus time */
	for (unsigned i = 0; i < 256; i++)
		CHECK_EQ(13, (uint8_t)(i * 13 + 1), dst[i]);
	return 0;
}
