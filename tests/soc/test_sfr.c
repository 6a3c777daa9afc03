/* SPDX-License-Identifier: Apache-2.0 */
/* test_sfr.c - the SFR framework and the physical map: CLR/SET/INV aliases,
 * 8/16/32-bit accesses, read-only bits, registers without aliases,
 * unimplemented SFR reports and strict mode, bus errors, boot flash. */
#include "test_soc_common.h"

#define IPTMR   0xBF810030u
#define INTSTAT 0xBF810020u
#define DEVID   0xBF800020u
#define IFS7    0xBF8100B0u
#define U1TXREG 0xBF822020u

static void aliases_clr_set_inv(void **state)
{
	(void)state;
	wr(IPTMR, 0x12345678u);
	assert_int_equal(rd(IPTMR), 0x12345678u);
	wr(IPTMR + 4, 0x00000078u);           /* CLR */
	assert_int_equal(rd(IPTMR), 0x12345600u);
	wr(IPTMR + 8, 0x80000001u);           /* SET */
	assert_int_equal(rd(IPTMR), 0x92345601u);
	wr(IPTMR + 0xC, 0xFF000000u);         /* INV */
	assert_int_equal(rd(IPTMR), 0x6D345601u);
	/* The aliases themselves read as 0. */
	assert_int_equal(rd(IPTMR + 4), 0);
	assert_int_equal(rd(IPTMR + 8), 0);
	assert_int_equal(rd(IPTMR + 0xC), 0);
}

static void partial_accesses(void **state)
{
	(void)state;
	wr(IPTMR, 0x11223344u);
	assert_int_equal(rdn(IPTMR, 1), 0x44);
	assert_int_equal(rdn(IPTMR + 1, 1), 0x33);
	assert_int_equal(rdn(IPTMR + 3, 1), 0x11);
	assert_int_equal(rdn(IPTMR + 2, 2), 0x1122);
	wrn(IPTMR + 2, 1, 0xAB);
	assert_int_equal(rd(IPTMR), 0x11AB3344u);
	wrn(IPTMR + 2, 2, 0xCDEF);
	assert_int_equal(rd(IPTMR), 0xCDEF3344u);
	/* A byte through SET touches only its lane. */
	wrn(IPTMR + 8 + 1, 1, 0x80);
	assert_int_equal(rd(IPTMR), 0xCDEFB344u);
	/* A halfword through CLR. */
	wrn(IPTMR + 4 + 2, 2, 0xFFFF);
	assert_int_equal(rd(IPTMR), 0x0000B344u);
	/* A halfword through INV. */
	wrn(IPTMR + 0xC, 2, 0x00FF);
	assert_int_equal(rd(IPTMR), 0x0000B3BBu);
}

static void read_only_bits(void **state)
{
	(void)state;
	uint32_t id = rd(DEVID);
	assert_int_equal(id & 0x0FFFFFFFu, 0x0720E053u);
	wr(DEVID, 0);
	assert_int_equal(rd(DEVID), id);
	/* IFS7 has no implemented vectors. */
	wr(IFS7, 0xFFFFFFFFu);
	assert_int_equal(rd(IFS7), 0);
	/* PRISS bits 3:1 do not exist. */
	wr(0xBF810010u, 0xFFFFFFFFu);
	assert_int_equal(rd(0xBF810010u), 0xFFFFFFF1u);
}

static bool warned(uint32_t kseg1)
{
	uint32_t w = ((kseg1 & 0x1FFFFFFFu) - PA_SFR_BASE) >> 2;
	return (m->soc.sfr.warned[w / 32] >> (w % 32)) & 1u;
}

static void no_alias_registers(void **state)
{
	(void)state;
	/* INTSTAT and TXREG have no CLR/SET/INV: those words are unimplemented. */
	assert_false(warned(INTSTAT + 4));
	wr(INTSTAT + 4, 0xFFFFFFFFu);
	assert_true(warned(INTSTAT + 4));
	assert_int_equal(rd(INTSTAT), 0);
	assert_int_equal(rd(U1TXREG + 8), 0);
	assert_true(warned(U1TXREG + 8));
	/* OFF registers are 4 bytes apart, no aliases. */
	wr(0xBF810540u, 0x1234u);
	wr(0xBF810544u, 0x0200u);
	assert_int_equal(rd(0xBF810540u), 0x1234u);
	assert_int_equal(rd(0xBF810544u), 0x0200u);
	/* OFF.VOFF is bits 17:1. */
	wr(0xBF810548u, 0xFFFFFFFFu);
	assert_int_equal(rd(0xBF810548u), 0x0003FFFEu);
}

static void unimplemented_reported_once(void **state)
{
	(void)state;
	uint32_t hole = 0xBF8C0000u; /* nothing lives in this page */
	assert_int_equal(rd(hole), 0);
	assert_true(warned(hole));
	wr(hole, 5);
	assert_int_equal(rd(hole), 0);
	assert_int_equal(m->stop, VZSIM_RUNNING);
	/* a neighbouring word is reported on its own */
	assert_false(warned(hole + 4));
	rdn(hole + 6, 2);
	assert_true(warned(hole + 4));
}

static void unimplemented_strict_is_fatal(void **state)
{
	(void)state;
	uint32_t v;
	assert_int_equal(m->stop, VZSIM_RUNNING);
	assert_true(soc_read(m, 0x1F8C0010u, 4, &v));
	assert_int_equal(m->stop, VZSIM_STOP_FATAL);
	assert_non_null(strstr(vzsim_error(m), "0xbf8c0010"));
}

static void strict_allows_implemented(void **state)
{
	(void)state;
	wr(IPTMR, 1);
	rd(DEVID);
	assert_int_equal(m->stop, VZSIM_RUNNING);
}

static void bus_errors(void **state)
{
	(void)state;
	static const uint32_t bad[] = {
		0x00080000u, 0x0FFFFFFCu, 0x1CFFFFFCu, 0x1D200000u, 0x1F7FFFFCu,
		0x1F900000u, 0x1FBFFFFCu, 0x1FC80000u, 0x20000000u, 0x30000000u,
		0xFFFFFFFCu,
	};
	uint32_t v;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(soc_read(m, bad[i], 4, &v));
		assert_false(soc_write(m, bad[i], 4, 0));
		assert_false(soc_read(m, bad[i], 1, &v));
	}
	/* The edges of the good regions are fine. */
	assert_true(soc_read(m, 0x0007FFFCu, 4, &v));
	assert_true(soc_read(m, 0x1D1FFFFCu, 4, &v));
	assert_true(soc_read(m, 0x1F8FFFFCu, 4, &v));
	assert_true(soc_read(m, 0x1FC7FFFCu, 4, &v));
}

static void memories_through_soc(void **state)
{
	(void)state;
	uint32_t v;
	assert_true(soc_write(m, 0x00001000u, 4, 0xA1B2C3D4u));
	assert_true(soc_read(m, 0x00001000u, 4, &v));
	assert_int_equal(v, 0xA1B2C3D4u);
	assert_true(soc_read(m, 0x00001001u, 1, &v));
	assert_int_equal(v, 0xC3);
	assert_true(soc_write(m, 0x00001002u, 2, 0x5566));
	assert_true(soc_read(m, 0x00001000u, 4, &v));
	assert_int_equal(v, 0x5566C3D4u);
	/* Flash ignores stores. */
	assert_true(soc_write(m, 0x1D000000u, 4, 0));
	assert_true(soc_read(m, 0x1D000000u, 4, &v));
	assert_int_equal(v, 0xFFFFFFFFu);
	/* Boot flash window: panels, the upper alias, DEVSN, erased gaps. */
	uint8_t word[4] = { 0x11, 0x22, 0x33, 0x44 };
	assert_true(vzsim_poke(m, PA_BOOT2_BASE + 0x10, word, 4));
	assert_true(soc_read(m, 0x1FC20010u, 4, &v));
	assert_int_equal(v, 0x44332211u);
	assert_true(soc_read(m, 0x1FC14000u, 4, &v));
	assert_int_equal(v, 0xFFFFFFFFu);
	uint32_t sn0, sn1;
	assert_true(soc_read(m, 0x1FC54020u, 4, &sn0));
	assert_true(soc_read(m, 0x1FC54024u, 4, &sn1));
	assert_true(sn0 != 0xFFFFFFFFu && sn1 != 0xFFFFFFFFu);
}

static void bus_protection_storage(void **state)
{
	(void)state;
	/* Target 9 (PS4, ports), region 2: programmed and read back. */
	uint32_t reg = 0xBF8F8000u + 0x400 * 9 + 0x40 + 0x20 * 2;
	assert_int_equal(rd(reg + 0x10), 0xF);      /* RD: all groups */
	wr(reg, 0x1F860000u | 0x80u);
	wr(reg + 0x10, 0x1);
	wr(reg + 0x18, 0x3);
	assert_int_equal(rd(reg), 0x1F860080u);
	assert_int_equal(rd(reg + 0x10), 0x1);
	assert_int_equal(rd(reg + 0x18), 0x3);
	assert_int_equal(rd(0xBF8F0510u), 0);       /* SBFLAG: no violations */
	assert_int_equal(m->stop, VZSIM_RUNNING);
}

int run_sfr_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(aliases_clr_set_inv, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(partial_accesses, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(read_only_bits, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(no_alias_registers, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(unimplemented_reported_once, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(unimplemented_strict_is_fatal, soc_setup_strict, soc_teardown),
		cmocka_unit_test_setup_teardown(strict_allows_implemented, soc_setup_strict, soc_teardown),
		cmocka_unit_test_setup_teardown(bus_errors, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(memories_through_soc, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(bus_protection_storage, soc_setup_strict, soc_teardown),
	};
	return cmocka_run_group_tests_name("soc-sfr", tests, NULL, NULL);
}
