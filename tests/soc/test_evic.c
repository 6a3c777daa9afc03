/* SPDX-License-Identifier: Apache-2.0 */
/* test_evic.c - interrupt controller arbitration and its outputs to the
 * core: priority, subpriority, vector-number ties, priority 0, single and
 * multi-vector offsets, PRISS shadow sets, INTSTAT, persistent core lines,
 * unused vectors. */
#include "test_soc_common.h"

#define INTCON  0xBF810000u
#define PRISS   0xBF810010u
#define INTSTAT 0xBF810020u
#define MVEC    (1u << 12)

static void enable(unsigned v, unsigned pri, unsigned sub)
{
	uint32_t ipc = 0xBF810140u + 0x10 * (v / 4);
	unsigned sh = (v % 4) * 8;
	wr(ipc + 4, 0x1Fu << sh);
	wr(ipc + 8, (pri << 2 | sub) << sh);
	wr(0xBF8100C8u + 0x10 * (v / 32), 1u << (v % 32)); /* IECxSET */
}

static void set_flag(unsigned v)
{
	wr(0xBF810048u + 0x10 * (v / 32), 1u << (v % 32)); /* IFSxSET */
}

static void set_off(unsigned v, uint32_t off) { wr(0xBF810540u + 4 * v, off); }

static void nothing_pending(void **state)
{
	(void)state;
	assert_int_equal(m->soc.evic.out_ripl, 0);
	/* A flag without enable, or enabled with priority 0, is not requested. */
	set_flag(9);
	assert_int_equal(m->soc.evic.out_ripl, 0);
	enable(9, 0, 3);
	assert_int_equal(m->soc.evic.out_ripl, 0);
	enable(9, 1, 0);
	assert_int_equal(m->soc.evic.out_ripl, 1);
}

static void priority_wins(void **state)
{
	(void)state;
	wr(INTCON, MVEC);
	set_off(9, 0x400);
	set_off(14, 0x600);
	enable(9, 3, 3);
	enable(14, 5, 0);
	set_flag(9);
	assert_int_equal(m->soc.evic.out_ripl, 3);
	assert_int_equal(m->soc.evic.out_voff, 0x400);
	set_flag(14);
	assert_int_equal(m->soc.evic.out_ripl, 5);
	assert_int_equal(m->soc.evic.out_voff, 0x600);
	assert_int_equal(rd(INTSTAT), 14u | 5u << 8);
	/* Software clears 14: 9 is next. */
	clear_ifs(14);
	assert_int_equal(m->soc.evic.out_ripl, 3);
	assert_int_equal(rd(INTSTAT), 9u | 3u << 8);
	/* Disable 9: nothing requested; SRIPL reads 0 (the request presented),
	 * SIRQ keeps the last winner. */
	wr(0xBF8100C4u, 1u << 9);
	assert_int_equal(m->soc.evic.out_ripl, 0);
	assert_int_equal(m->soc.evic.out_vector, -1);
	assert_int_equal(rd(INTSTAT), 9u);
}

static void subpriority_then_vector(void **state)
{
	(void)state;
	wr(INTCON, MVEC);
	for (unsigned v = 112; v <= 114; v++)
		set_off(v, 0x100 * v);
	enable(112, 4, 1);
	enable(113, 4, 2);
	enable(114, 4, 2);
	set_flag(112);
	set_flag(114);
	set_flag(113);
	/* Same priority: subpriority 2 beats 1; 113 and 114 tie: lower wins. */
	assert_int_equal(m->soc.evic.out_vector, 113);
	assert_int_equal(m->soc.evic.out_voff, 0x100 * 113);
	clear_ifs(113);
	assert_int_equal(m->soc.evic.out_vector, 114);
	clear_ifs(114);
	assert_int_equal(m->soc.evic.out_vector, 112);
	/* Priority beats any subpriority. */
	enable(4, 5, 0);
	set_flag(4);
	assert_int_equal(m->soc.evic.out_vector, 4);
}

static void single_vector_mode(void **state)
{
	(void)state;
	set_off(24, 0x1230);
	enable(24, 6, 0);
	set_flag(24);
	/* MVEC = 0 (reset): EBase + 0x200, shadow set 0 unless SS0. */
	assert_int_equal(m->soc.evic.out_voff, 0x200);
	assert_int_equal(m->soc.evic.out_eicss, 0);
	wr(PRISS, 0x70000001u);
	assert_int_equal(m->soc.evic.out_eicss, 1);
	/* Switching to multi-vector takes OFF and PRI6SS. */
	wr(PRISS, 0x03000000u);
	wr(INTCON + 8, MVEC);
	assert_int_equal(m->soc.evic.out_voff, 0x1230);
	assert_int_equal(m->soc.evic.out_eicss, 3);
	assert_int_equal(m->soc.evic.out_ripl, 6);
}

static void priss_shadow_sets(void **state)
{
	(void)state;
	wr(INTCON, MVEC);
	wr(PRISS, 0x76543210u);
	for (unsigned pri = 1; pri <= 7; pri++) {
		unsigned v = 40 + pri;
		enable(v, pri, 0);
		set_flag(v);
		assert_int_equal(m->soc.evic.out_ripl, pri);
		assert_int_equal(m->soc.evic.out_eicss, pri);
	}
	/* Changing PRISS re-presents the winner with the new set. */
	wr(PRISS, 0x20000000u);
	assert_int_equal(m->soc.evic.out_eicss, 2);
}

static void off_change_is_presented(void **state)
{
	(void)state;
	wr(INTCON, MVEC);
	enable(36, 2, 0);
	set_flag(36);
	set_off(36, 0x880);
	assert_int_equal(m->soc.evic.out_voff, 0x880);
}

static void core_lines_persist(void **state)
{
	(void)state;
	enable(0, 7, 0);
	soc_core_irq(m, 0, true);
	assert_true(ifs(0));
	assert_int_equal(m->soc.evic.out_ripl, 7);
	/* Cleared while the source is still asserted: set again at once. */
	clear_ifs(0);
	assert_true(ifs(0));
	soc_core_irq(m, 0, false);
	assert_true(ifs(0));                /* flags latch */
	clear_ifs(0);
	assert_false(ifs(0));
	assert_int_equal(m->soc.evic.out_ripl, 0);
	/* Software interrupts 0/1 are vectors 1 and 2. */
	soc_core_irq(m, 1, true);
	soc_core_irq(m, 2, true);
	assert_true(ifs(1));
	assert_true(ifs(2));
	soc_core_irq(m, 1, false);
	soc_core_irq(m, 2, false);
	clear_ifs(1);
	clear_ifs(2);
	assert_false(ifs(1) || ifs(2));
}

static void unused_vectors(void **state)
{
	(void)state;
	static const unsigned unused[] = { 108, 191, 195, 197, 203, 204, 211, 212 };
	for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++) {
		unsigned v = unused[i];
		set_flag(v);
		assert_false(ifs(v));
		wr(0xBF8100C8u + 0x10 * (v / 32), 1u << (v % 32));
		assert_int_equal((m->soc.evic.iec[v / 32] >> (v % 32)) & 1u, 0);
	}
	/* Neighbours exist. */
	set_flag(107);
	set_flag(213);
	assert_true(ifs(107) && ifs(213));
	wr(0xBF8100A8u, 0xFFFFFFFFu); /* IFS6SET: 214..223 do not exist */
	assert_int_equal(rd(0xBF8100A0u) >> 22, 0);
}

int run_evic_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(nothing_pending, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(priority_wins, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(subpriority_then_vector, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(single_vector_mode, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(priss_shadow_sets, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(off_change_is_presented, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(core_lines_persist, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(unused_vectors, soc_setup, soc_teardown),
	};
	return cmocka_run_group_tests_name("soc-evic", tests, NULL, NULL);
}
