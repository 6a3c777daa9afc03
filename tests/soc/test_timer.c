/* SPDX-License-Identifier: Apache-2.0 */
/* test_timer.c - Timer1 (type A) and Timer2-9 (type B): prescalers, period
 * match and interrupt, lazy counting, 32-bit pairs, counts above PR, stop,
 * PBCLK3 divider changes. PBCLK3 = SYSCLK / 2 after reset. */
#include "test_soc_common.h"

#define TCON(n) (0xBF840000u + 0x200 * ((n) - 1))
#define TMR(n)  (TCON(n) + 0x10)
#define PR(n)   (TCON(n) + 0x20)
#define ON      (1u << 15)
#define T32     (1u << 3)

static void timer1_prescaler_and_period(void **state)
{
	(void)state;
	wr(PR(1), 99);
	uint64_t t0 = m->cycle;
	wr(TCON(1), ON | 1u << 4);            /* 1:8 -> 16 SYSCLK per count */
	advance_to(t0 + 800);
	assert_int_equal(rd(TMR(1)), 50);
	advance_to(t0 + 1599);
	assert_false(ifs(4));
	assert_int_equal(rd(TMR(1)), 99);
	advance_to(t0 + 1600);
	assert_true(ifs(4));
	assert_int_equal(rd(TMR(1)), 0);
	clear_ifs(4);
	advance_to(t0 + 3199);
	assert_false(ifs(4));
	advance_to(t0 + 3200);
	assert_true(ifs(4));
	/* Type A prescaler 1:256. */
	clear_ifs(4);
	wr(TCON(1), 0);
	wr(TMR(1), 0);
	wr(PR(1), 3);
	t0 = m->cycle;
	wr(TCON(1), ON | 3u << 4);
	advance_to(t0 + 4 * 512 - 1);
	assert_false(ifs(4));
	advance_to(t0 + 4 * 512);
	assert_true(ifs(4));
}

static void type_b_prescalers(void **state)
{
	(void)state;
	static const unsigned ps[8] = { 1, 2, 4, 8, 16, 32, 64, 256 };
	for (unsigned k = 0; k < 8; k++) {
		static const unsigned vec[10] = { 0, 4, 9, 14, 19, 24, 28, 32, 36, 40 };
		unsigned n = 2 + k;                   /* timers 2..9 */
		wr(PR(n), 9);
		uint64_t t0 = m->cycle;
		wr(TCON(n), ON | k << 4);
		uint64_t period = 10ull * ps[k] * 2;
		advance_to(t0 + period - 1);
		assert_false(ifs(vec[n]));
		advance_to(t0 + period);
		assert_true(ifs(vec[n]));
		wr(TCON(n), 0);
		clear_ifs(vec[n]);
	}
}

static void pair_32bit(void **state)
{
	(void)state;
	wr(PR(2), 0x2345);
	wr(PR(3), 0x0001);
	wr(TCON(3), ON);                      /* ignored while paired */
	uint64_t t0 = m->cycle;
	wr(TCON(2), ON | T32);
	uint64_t period = 0x12346ull * 2;
	advance_to(t0 + 2 * 0x10005ull);
	assert_int_equal(rd(TMR(2)), 0x0005);
	assert_int_equal(rd(TMR(3)), 0x0001);
	advance_to(t0 + period - 1);
	assert_false(ifs(14));
	assert_false(ifs(9));
	advance_to(t0 + period);
	assert_true(ifs(14));                 /* the odd timer's vector */
	assert_false(ifs(9));
	assert_int_equal(rd(TMR(2)), 0);
	assert_int_equal(rd(TMR(3)), 0);
}

static void count_above_period_wraps(void **state)
{
	(void)state;
	wr(PR(1), 99);
	wr(TMR(1), 200);
	uint64_t t0 = m->cycle;
	wr(TCON(1), ON);                      /* 1:1 -> 2 SYSCLK per count */
	uint64_t wrap = (0x10000ull - 200) * 2;
	advance_to(t0 + wrap - 2);
	assert_int_equal(rd(TMR(1)), 0xFFFF);
	advance_to(t0 + wrap);
	assert_int_equal(rd(TMR(1)), 0);
	assert_false(ifs(4));                 /* wrapping is not a match */
	advance_to(t0 + wrap + 200 - 1);
	assert_false(ifs(4));
	advance_to(t0 + wrap + 200);
	assert_true(ifs(4));
}

static void stop_write_and_pr_change(void **state)
{
	(void)state;
	wr(PR(4), 1000);
	uint64_t t0 = m->cycle;
	wr(TCON(4), ON);
	advance_to(t0 + 200);
	wr(TCON(4) + 4, ON);                  /* stop: the count freezes */
	advance(5000);
	assert_int_equal(rd(TMR(4)), 100);
	assert_false(ifs(19));
	/* Writing TMR and restarting. */
	wr(TMR(4), 990);
	t0 = m->cycle;
	wr(TCON(4) + 8, ON);
	advance_to(t0 + 21);
	assert_false(ifs(19));
	advance_to(t0 + 22);
	assert_true(ifs(19));
	clear_ifs(19);
	/* A new PR takes effect for the running count. */
	t0 = m->cycle;
	wr(PR(4), 10);
	advance_to(t0 + 21);
	assert_false(ifs(19));
	advance_to(t0 + 22);
	assert_true(ifs(19));
}

static void pbclk3_divider(void **state)
{
	(void)state;
	unlock();
	wr(0xBF801320u, 0x8807u);             /* PB3DIV: divide by 8 */
	wr(PR(5), 4);
	uint64_t t0 = m->cycle;
	wr(TCON(5), ON);
	advance_to(t0 + 5 * 8 - 1);
	assert_false(ifs(24));
	advance_to(t0 + 5 * 8);
	assert_true(ifs(24));
}

static void pmd_disables_timer(void **state)
{
	(void)state;
	wr(PR(6), 3);
	wr(TCON(6), ON);
	wr(0xBF800078u, 1u << 5);             /* PMD4SET T6MD */
	advance(1000);
	assert_false(ifs(28));
	assert_int_equal(rd(TCON(6)), 0);
	wr(0xBF800074u, 1u << 5);
	assert_int_equal(rd(PR(6)), 0xFFFF);  /* came back at reset values */
}

static void neighbours_keep_phase(void **state)
{
	(void)state;
	/* Timer3 runs 1:256 (512 SYSCLK per count); reconfiguring Timer2 in
	 * the middle of a count must not delay Timer3's match. */
	wr(PR(3), 1);
	uint64_t t0 = m->cycle;
	wr(TCON(3), ON | 7u << 4);
	advance_to(t0 + 300);
	wr(TCON(2), ON);
	wr(TCON(2), 0);
	advance_to(t0 + 2 * 512 - 1);
	assert_false(ifs(14));
	advance_to(t0 + 2 * 512);
	assert_true(ifs(14));
}

#define T(f) cmocka_unit_test_setup_teardown(f, soc_setup, soc_teardown)

int run_timer_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(timer1_prescaler_and_period), T(type_b_prescalers), T(pair_32bit),
		T(count_above_period_wraps), T(stop_write_and_pr_change),
		T(pbclk3_divider), T(pmd_disables_timer), T(neighbours_keep_phase),
	};
	return cmocka_run_group_tests_name("soc-timer", tests, NULL, NULL);
}
