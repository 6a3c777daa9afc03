/* SPDX-License-Identifier: Apache-2.0 */
/* test_system.c - SYSKEY and the registers it guards, CFGCON lock bits,
 * PPS under IOLOCK, the oscillator block and clock frequencies, DEVCFG
 * decoding at reset, RSWRST software reset, PRECON wait states. */
#include "test_soc_common.h"

#define CFGCON  0xBF800000u
#define SYSKEY  0xBF800030u
#define CFGPG   0xBF8000E0u
#define OSCCON  0xBF801200u
#define SPLLCON 0xBF801220u
#define RCON    0xBF801240u
#define RSWRST  0xBF801250u
#define PB2DIV  0xBF801310u
#define PRECON  0xBF8E0000u
#define U1RXR   0xBF801468u
#define IOLOCK  (1u << 13)
#define PGLOCK  (1u << 11)

static void syskey_sequence(void **state)
{
	(void)state;
	uint32_t osccon = rd(OSCCON);
	wr(OSCCON + 8, 1u << 7);               /* locked: ignored */
	assert_int_equal(rd(OSCCON), osccon);
	unlock();
	assert_int_equal(rd(SYSKEY), 0);
	wr(OSCCON + 8, 1u << 7);
	assert_int_equal(rd(OSCCON), osccon | 1u << 7);
	/* It stays unlocked for more writes. */
	wr(OSCCON + 4, 1u << 7);
	assert_int_equal(rd(OSCCON), osccon);
	/* Any other value relocks. */
	wr(SYSKEY, 0x12345678u);
	wr(OSCCON + 8, 1u << 7);
	assert_int_equal(rd(OSCCON), osccon);
	/* Keys in the wrong order, or interrupted, do not unlock. */
	wr(SYSKEY, 0x556699AAu);
	wr(SYSKEY, 0xAA996655u);
	wr(OSCCON + 8, 1u << 7);
	assert_int_equal(rd(OSCCON), osccon);
	wr(SYSKEY, 0xAA996655u);
	wr(SYSKEY, 0);
	wr(SYSKEY, 0x556699AAu);
	wr(OSCCON + 8, 1u << 7);
	assert_int_equal(rd(OSCCON), osccon);
	/* PBxDIV and RSWRST are guarded too. */
	wr(PB2DIV, 0x8803u);
	assert_int_equal(rd(PB2DIV), 0x8801u);
	unlock();
	wr(PB2DIV, 0x8803u);
	assert_int_equal(rd(PB2DIV), 0x8803u);
}

static void cfgcon_locks(void **state)
{
	(void)state;
	wr(CFGCON + 8, IOLOCK);
	assert_int_equal(rd(CFGCON) & IOLOCK, 0);
	wr(CFGCON + 8, 1u << 24);              /* CPUPRI is not a lock bit */
	assert_true(rd(CFGCON) & (1u << 24));
	wr(U1RXR, 3);
	assert_int_equal(rd(U1RXR), 3);
	unlock();
	wr(CFGCON + 8, IOLOCK | PGLOCK);
	assert_int_equal(rd(CFGCON) & (IOLOCK | PGLOCK), IOLOCK | PGLOCK);
	wr(U1RXR, 5);                          /* PPS frozen by IOLOCK */
	assert_int_equal(rd(U1RXR), 3);
	wr(CFGPG, 0x3);
	assert_int_equal(rd(CFGPG), 0);
	wr(CFGCON + 4, IOLOCK | PGLOCK);
	wr(U1RXR, 5);
	assert_int_equal(rd(U1RXR), 5);
	wr(CFGPG, 0x3);
	assert_int_equal(rd(CFGPG), 3);
}

static void wifire_clocks(void **state)
{
	(void)state;
	/* Blank DEVCFG: the Wi-Fire configuration, SPLL at 200 MHz. */
	assert_int_equal(soc_sysclk_hz(m), 200000000u);
	assert_int_equal(soc_pbclk_hz(m, 2), 100000000u);
	assert_int_equal(soc_pbclk_hz(m, 7), 200000000u);
	assert_int_equal(rd(SPLLCON), 0x01310201u);
	assert_int_equal((rd(OSCCON) >> 12) & 7u, 1);
	/* Clock switch to FRC completes at once. */
	unlock();
	wr(OSCCON + 4, 7u << 8);
	wr(OSCCON + 8, 1u);
	assert_int_equal(rd(OSCCON) & 1u, 0);
	assert_int_equal((rd(OSCCON) >> 12) & 7u, 0);
	assert_int_equal(soc_sysclk_hz(m), 8000000u);
	/* PLL reprogrammed and selected again. */
	wr(SPLLCON, 0x00310201u);               /* PLLODIV /2 -> still /2 */
	wr(OSCCON + 8, 1u << 8 | 1u);
	assert_int_equal(soc_sysclk_hz(m), 200000000u);
	wr(SPLLCON, 0x02310201u);               /* /4 */
	assert_int_equal(soc_sysclk_hz(m), 100000000u);
}

static void devcfg_decoded_at_reset(void **state)
{
	(void)state;
	/* DEVCFG3..0 at 0x1FC0FFC0: FNOSC = POSC, an FRC-based PLL. */
	uint32_t devcfg[4] = {
		0xFFFFFFFFu,    /* DEVCFG3 */
		0xFFF8A7F9u,    /* DEVCFG2: ODIV /2, MULT x40, ICLK FRC, RNG 7, IDIV /2 */
		0xFFFFFFFAu,    /* DEVCFG1: FNOSC = POSC */
		0xFFFFFCFBu,    /* DEVCFG0: FECCCON 00, JTAGEN 0 */
	};
	assert_true(vzsim_poke(m, 0x1FC0FFC0u, devcfg, sizeof devcfg));
	vzsim_reset(m);
	assert_int_equal(soc_sysclk_hz(m), 24000000u);
	assert_int_equal(rd(SPLLCON) & 0x077F0787u, 0x00270187u);
	assert_int_equal(rd(CFGCON) & 0x38u, 0);
	/* Switch to the PLL: 8 MHz / 2 * 40 / 2 = 80 MHz. */
	unlock();
	wr(OSCCON + 4, 7u << 8);
	wr(OSCCON + 8, 1u << 8 | 1u);
	assert_int_equal(soc_sysclk_hz(m), 80000000u);
}

static void software_reset(void **state)
{
	(void)state;
	assert_int_equal(rd(RCON), 3u);         /* POR | BOR */
	wr(RCON + 4, 3u);
	wr(0xBF810030u, 0x1234u);               /* IPTMR, to see the reset */
	wr(RSWRST, 1);                          /* locked: ignored */
	assert_int_equal(rd(RSWRST), 0);
	advance(10);
	assert_int_equal(rd(0xBF810030u), 0x1234u);
	unlock();
	wr(RSWRST + 8, 1);
	uint64_t before = m->cycle;
	assert_int_equal(rd(RSWRST), 1);        /* the read triggers the reset */
	advance(1);
	assert_int_equal(rd(0xBF810030u), 0);
	assert_int_equal(rd(RSWRST), 0);
	assert_int_equal(rd(RCON), 1u << 6);    /* SWR; POR/BOR stayed clear */
	assert_true(m->cycle >= before);        /* time goes on */
	/* Locked again after the reset. */
	wr(RSWRST, 1);
	assert_int_equal(rd(RSWRST), 0);
}

static void precon_wait_states(void **state)
{
	(void)state;
	assert_int_equal(rd(PRECON), 7u);
	assert_int_equal(soc_flash_wait_states(m), 7);
	wr(PRECON, 0x32u);                      /* PREFEN 3, PFMWS 2 */
	assert_int_equal(soc_flash_wait_states(m), 2);
	assert_int_equal(rd(PRECON), 0x32u);
	wr(PRECON + 4, 0x2u);
	assert_int_equal(soc_flash_wait_states(m), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, soc_setup, soc_teardown)

int run_system_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(syskey_sequence), T(cfgcon_locks), T(wifire_clocks),
		T(devcfg_decoded_at_reset), T(software_reset), T(precon_wait_states),
	};
	return cmocka_run_group_tests_name("soc-system", tests, NULL, NULL);
}
