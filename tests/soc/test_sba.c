/* SPDX-License-Identifier: Apache-2.0 */
/* test_sba.c - the system bus permissions on the DMA initiator: a group
 * confined by region 0 of a target and let into one high-priority region,
 * the violation log (SBTxELOG1/2, SBFLAG), the bus error interrupt and
 * clearing it; the DMA sees an address error and nothing is written. */
#include "test_soc_common.h"

#define DMACON   0xBF811000u
#define DMAADDR  0xBF811020u
#define CH0      0xBF811060u
#define SET 8

#define CFGCON   0xBF800000u
#define CFGPG    0xBF8000E0u
#define SBFLAG   0xBF8F0510u
#define SBT(x)   (0xBF8F8000u + 0x400u * (x))
#define ELOG1(x) (SBT(x) + 0x20)
#define ELOG2(x) (SBT(x) + 0x24)
#define ECON(x)  (SBT(x) + 0x28)
#define ECLRS(x) (SBT(x) + 0x30)
#define ECLRM(x) (SBT(x) + 0x38)
#define REG(x, y) (SBT(x) + 0x40 + 0x20 * (y))
#define RD(x, y)  (REG(x, y) + 0x10)
#define WR(x, y)  (REG(x, y) + 0x18)

#define V_SB 106

/* size code of a 2^k byte region: 2^(SIZE-1) KB */
static uint32_t region(uint32_t base, unsigned kb_log2, bool high)
{
	return base | (high ? 1u << 9 : 0) | (kb_log2 + 1) << 3;
}

static void dma_copy(uint32_t src, uint32_t dst, uint32_t n)
{
	wr(CH0 + 0x20, 0);
	wr(CH0 + 0x30, src);
	wr(CH0 + 0x40, dst);
	wr(CH0 + 0x50, n);
	wr(CH0 + 0x60, n);
	wr(CH0 + 0x90, n);
	wr(CH0, 1u << 7);
	wr(CH0 + 0x10 + SET, 1u << 7);
	advance(10 * n + 100);
}

/* DMA in group 1; RAM bank 0 closed to group 1 except 0x4000-0x4FFF. */
static void confine(void)
{
	unlock();
	wr(CFGPG, 1u << 4);                          /* DMAPG = 1, CPU group 0 */
	wr(RD(2, 0), 0x1);
	wr(WR(2, 0), 0x1);
	wr(REG(2, 1), region(0x4000, 2, true));      /* 4 KB, high priority */
	wr(RD(2, 1), 0x3);
	wr(WR(2, 1), 0x3);
	wr(DMACON, 1u << 15);
}

static void region0_is_the_target(void **state)
{
	(void)state;
	assert_int_equal(rd(REG(2, 0)), region(0, 8, false));   /* 256 KB */
	wr(REG(2, 0), 0x12345678u);                             /* read-only */
	assert_int_equal(rd(REG(2, 0)), region(0, 8, false));
}

static void dma_inside_region(void **state)
{
	(void)state;
	confine();
	for (unsigned i = 0; i < 32; i++)
		m->ram[0x4000 + i] = (uint8_t)i;
	dma_copy(0x4000, 0x4800, 32);
	assert_memory_equal(m->ram + 0x4000, m->ram + 0x4800, 32);
	assert_int_equal(rd(CH0 + 0x20) & 1u, 0);
	assert_int_equal(rd(SBFLAG), 0);
}

static void dma_outside_logged(void **state)
{
	(void)state;
	confine();
	wr(ECON(2), 1u << 24);                        /* ERRP: interrupt */
	memset(m->ram + 0x8000, 0x5A, 32);
	dma_copy(0x4000, 0x8000, 32);                 /* write outside */
	for (unsigned i = 0; i < 32; i++)
		assert_int_equal(m->ram[0x8000 + i], 0x5A);
	assert_true(rd(CH0 + 0x20) & 1u);             /* CHERIF */
	assert_int_equal(rd(DMAADDR), 0x8000);
	assert_int_equal(rd(SBFLAG), 1u << 2);
	/* CODE 3, INITID 5 (DMA write, low priority), region 0, CMD write */
	assert_int_equal(rd(ELOG1(2)), 3u << 24 | 5u << 8 | 0u << 4 | 2u);
	assert_int_equal(rd(ELOG2(2)), 1);            /* group 1 */
	assert_true(ifs(V_SB));
	/* a second violation: MULTI, the first log kept */
	dma_copy(0x9000, 0x4000, 4);                  /* read outside */
	assert_int_equal(rd(ELOG1(2)), 1u << 31 | 3u << 24 | 5u << 8 | 2u);
	assert_int_equal(rd(ECLRS(2)), 0);            /* MULTI stays */
	assert_int_equal(rd(SBFLAG), 1u << 2);
	assert_int_equal(rd(ECLRM(2)), 0);
	assert_int_equal(rd(ELOG1(2)), 0);
	assert_int_equal(rd(SBFLAG), 0);
	clear_ifs(V_SB);
	assert_false(ifs(V_SB));
}

/* With CFGCON.DMAPRI the DMA logs as the high-priority initiator (6). */
static void high_priority_id(void **state)
{
	(void)state;
	confine();
	wr(CFGCON + SET, 1u << 25);
	dma_copy(0x4000, 0x8000, 4);
	assert_int_equal((rd(ELOG1(2)) >> 8) & 0xFu, 6);
}

/* Low-priority regions do not override region 0: both must grant. */
static void low_priority_region_does_not_open(void **state)
{
	(void)state;
	confine();
	wr(REG(2, 1), region(0x4000, 2, false));
	memset(m->ram + 0x4800, 0, 4);
	dma_copy(0x4000, 0x4800, 4);
	assert_true(rd(CH0 + 0x20) & 1u);
}

int run_sba_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(region0_is_the_target, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(dma_inside_region, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(dma_outside_logged, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(high_priority_id, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(low_priority_region_does_not_open, soc_setup,
						soc_teardown),
	};
	return cmocka_run_group_tests_name("sba", tests, NULL, NULL);
}
