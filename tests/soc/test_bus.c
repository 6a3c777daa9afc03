/* SPDX-License-Identifier: Apache-2.0 */
/* test_bus.c - the core's path to the SFRs (simulator/soc/bus.c): the cost
 * of a load, posted stores landing later and in order, read-back and SYNC
 * completing them, the 4-entry buffer, and the SFR audit's fixes (reserved
 * and status bits, INTSTAT with nothing pending). */
#include "test_soc_common.h"

#define IPTMR   0xBF810030u  /* PBCLK1, plain storage */
#define IFS0SET 0xBF810048u
#define IEC0    0xBF8100C0u
#define U1MODE  0xBF822000u  /* PBCLK2 */
#define U1BRG   0xBF822040u
#define REFO1CON 0xBF801280u
#define INTSTAT 0xBF810020u

static uint32_t bus_rd(uint32_t kseg1)
{
	uint32_t v = 0;
	assert_true(soc_bus_read(m, kseg1 & 0x1FFFFFFFu, 4, &v));
	return v;
}

static void bus_wr(uint32_t kseg1, uint32_t v)
{
	assert_true(soc_bus_write(m, kseg1 & 0x1FFFFFFFu, 4, v, 0x9D001000u));
}

static void load_costs_bridge_and_two_pbclk(void **state)
{
	(void)state;
	uint64_t t = m->cycle;
	bus_rd(IPTMR);
	assert_int_equal(m->cycle - t, 2 + 2 * soc_pbclk_div(m, 1));
}

static void store_lands_later(void **state)
{
	(void)state;
	uint64_t t = m->cycle;
	bus_wr(IPTMR, 0x1234);
	assert_int_equal(m->cycle, t);                /* posted: no stall */
	assert_int_equal(rd(IPTMR), 0);               /* not there yet */
	advance(2 + 2 * soc_pbclk_div(m, 1) - 1);
	assert_int_equal(rd(IPTMR), 0);
	advance(1);
	assert_int_equal(rd(IPTMR), 0x1234);          /* landed, as an event */
}

static void read_back_completes_its_bus_only(void **state)
{
	(void)state;
	bus_wr(IPTMR, 7);
	bus_wr(U1BRG, 9);
	assert_int_equal(bus_rd(IPTMR), 7);           /* same bus: waited */
	assert_int_equal(rd(U1BRG), 0);               /* other bus: still in flight */
	soc_bus_sync(m);
	assert_int_equal(rd(U1BRG), 9);               /* SYNC: everything landed */
}

static void stores_to_one_bus_land_in_order(void **state)
{
	(void)state;
	bus_wr(IPTMR, 1);
	bus_wr(IPTMR, 2);
	advance(2 + 2 * soc_pbclk_div(m, 1));
	assert_int_equal(rd(IPTMR), 1);
	advance(2 * soc_pbclk_div(m, 1));
	assert_int_equal(rd(IPTMR), 2);
}

static void fifth_store_waits_for_the_oldest(void **state)
{
	(void)state;
	uint64_t t = m->cycle;
	for (unsigned i = 0; i < BUS_POSTED_MAX; i++)
		bus_wr(IPTMR, i);
	assert_int_equal(m->cycle, t);
	bus_wr(IPTMR, 99);
	assert_int_equal(m->cycle, t + 2 + 2 * soc_pbclk_div(m, 1));
	assert_int_equal(rd(IPTMR), 0);               /* the oldest landed */
}

/* Audit: reserved bits read 0, status bits are the hardware's. */
static void audit_reserved_and_status_bits(void **state)
{
	(void)state;
	wr(U1MODE, 0xFFFFFFFFu);
	assert_int_equal(rd(U1MODE) & (1u << 14 | 1u << 10 | 0xFFFF0000u), 0);
	wr(REFO1CON, 1u << 8 | 1u << 9);              /* ACTIVE is status, DIVSWEN done */
	assert_int_equal(rd(REFO1CON), 0);
	wr(REFO1CON, 1u << 15);
	assert_int_equal(rd(REFO1CON), 1u << 15 | 1u << 8);
	wr(INTSTAT, 0xFFFFFFFFu);                     /* read-only */
	assert_int_equal(rd(INTSTAT) & 0x700u, 0);    /* nothing pending: SRIPL 0 */
}

#define T(f) cmocka_unit_test_setup_teardown(f, soc_setup, soc_teardown)

int run_bus_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(load_costs_bridge_and_two_pbclk), T(store_lands_later),
		T(read_back_completes_its_bus_only), T(stores_to_one_bus_land_in_order),
		T(fifth_store_waits_for_the_oldest), T(audit_reserved_and_status_bits),
	};
	return cmocka_run_group_tests_name("soc-bus", tests, NULL, NULL);
}
