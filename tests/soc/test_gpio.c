/* SPDX-License-Identifier: Apache-2.0 */
/* test_gpio.c - ports: LAT changes reported with TRIS, PORT reading pins,
 * PORT writes going to LAT (also through aliases), pull-ups, open drain,
 * ANSEL, the Wi-Fire LEDs and buttons, change notification. */
#include "test_soc_common.h"

#define PORTBASE(idx) (0xBF860000u + 0x100 * (idx))  /* A=0 .. H=7, J=8, K=9 */
#define ANSEL(i) (PORTBASE(i) + 0x00)
#define TRIS(i)  (PORTBASE(i) + 0x10)
#define PORT(i)  (PORTBASE(i) + 0x20)
#define LAT(i)   (PORTBASE(i) + 0x30)
#define ODC(i)   (PORTBASE(i) + 0x40)
#define CNPU(i)  (PORTBASE(i) + 0x50)
#define CNCON(i) (PORTBASE(i) + 0x70)
#define CNEN(i)  (PORTBASE(i) + 0x80)
#define CNSTAT(i) (PORTBASE(i) + 0x90)
#define PA 0
#define PD 3
#define PG 6
#define PK 9

static struct {
	int port[16];
	uint32_t old[16], new_[16], tris[16];
	unsigned n;
} calls;

static void on_gpio(void *ctx, int port, uint32_t old_lat, uint32_t new_lat, uint32_t tris)
{
	(void)ctx;
	if (calls.n < 16) {
		calls.port[calls.n] = port;
		calls.old[calls.n] = old_lat;
		calls.new_[calls.n] = new_lat;
		calls.tris[calls.n] = tris;
		calls.n++;
	}
}

static int gpio_setup(void **state)
{
	if (soc_setup(state))
		return -1;
	memset(&calls, 0, sizeof calls);
	vzsim_set_gpio(m, on_gpio, NULL);
	return 0;
}

static void led_changes_reported(void **state)
{
	(void)state;
	/* LD1 = RG6, LD4 = RG15: outputs, then on. */
	wr(TRIS(PG) + 4, 1u << 6 | 1u << 15);
	assert_int_equal(calls.n, 0);          /* TRIS alone is not a LAT change */
	wr(LAT(PG) + 8, 1u << 6);
	assert_int_equal(calls.n, 1);
	assert_int_equal(calls.port[0], 6);
	assert_int_equal(calls.old[0], 0);
	assert_int_equal(calls.new_[0], 1u << 6);
	assert_int_equal(calls.tris[0], 0xF3C3u & ~(1u << 6 | 1u << 15));
	wr(LAT(PG) + 8, 1u << 6);              /* no change, no call */
	assert_int_equal(calls.n, 1);
	wr(LAT(PG) + 0xC, 1u << 6 | 1u << 15);
	assert_int_equal(calls.n, 2);
	assert_int_equal(calls.new_[1], 1u << 15);
	assert_int_equal(vzsim_port_lat(m, 6), 1u << 15);
	/* LD2 = RD4 through PORTxSET: writes go to LAT. */
	wr(TRIS(PD) + 4, 1u << 4);
	wr(PORT(PD) + 8, 1u << 4);
	assert_int_equal(vzsim_port_lat(m, 3), 1u << 4);
	assert_int_equal(rd(LAT(PD)), 1u << 4);
	assert_int_equal(calls.port[2], 3);
	wr(PORT(PD) + 4, 1u << 4);
	assert_int_equal(rd(LAT(PD)), 0);
	/* Port K is public number 10 (I is skipped). */
	wr(LAT(PK), 0x0001);
	assert_int_equal(vzsim_port_lat(m, 10), 1);
	assert_int_equal(calls.port[4], 10);
	assert_int_equal(vzsim_port_lat(m, 8), 0);
}

static void port_reads_pins(void **state)
{
	(void)state;
	wr(ANSEL(PD), 0);                      /* RD14/RD15 are analog at reset */
	/* Outputs read LAT, inputs the outside or the pull-up, else 0. */
	wr(TRIS(PD), 0xFF00u);
	wr(LAT(PD), 0x0F0Fu);
	assert_int_equal(rd(PORT(PD)), 0x000Fu);
	vzsim_set_pin(m, 3, 9, true);
	assert_int_equal(rd(PORT(PD)), 0x020Fu);
	wr(CNPU(PD), 0x8000u);
	assert_int_equal(rd(PORT(PD)), 0x820Fu);
	vzsim_set_pin(m, 3, 15, false);        /* driven low beats the pull-up */
	assert_int_equal(rd(PORT(PD)), 0x020Fu);
	/* Open drain: a 1 lets the pin float. */
	wr(ODC(PD), 0x0001u);
	assert_int_equal(rd(PORT(PD)) & 1u, 0);
	wr(CNPU(PD) + 8, 1u);
	assert_int_equal(rd(PORT(PD)) & 1u, 1);
	/* Analog pins read 0; only analog-capable pins have ANSEL bits. */
	vzsim_set_pin(m, 3, 15, true);
	assert_int_equal(rd(PORT(PD)) & 0x8000u, 0x8000u);
	wr(ANSEL(PD), 0x8200u);
	assert_int_equal(rd(ANSEL(PD)), 0x8000u);
	assert_int_equal(rd(PORT(PD)) & 0x8200u, 0x0200u);
	/* Pins the 100-pin package lacks (RD6-RD8) read 0 and ignore writes. */
	wr(TRIS(PD), 0);
	wr(LAT(PD), 0xFFFFu);
	assert_int_equal(rd(LAT(PD)), 0xFE3Fu);
	assert_int_equal(rd(PORT(PD)) & 0x01C0u, 0);
	vzsim_set_pin(m, 3, 7, true);
	wr(TRIS(PD), 0xFFFFu);
	assert_int_equal(rd(TRIS(PD)), 0xFE3Fu);
	assert_int_equal(rd(PORT(PD)) & 0x01C0u, 0);
}

static void reset_values(void **state)
{
	(void)state;
	static const uint32_t pins[7] = { 0xC6FF, 0xFFFF, 0xF01E, 0xFE3F, 0x03FF, 0x313F, 0xF3C3 };
	static const uint32_t analog[7] = { 0x0623, 0xFFFF, 0x001E, 0xC000, 0x03F0, 0x3000, 0x83C0 };
	for (unsigned i = 0; i < 7; i++) {
		assert_int_equal(rd(TRIS(i)), pins[i]);
		assert_int_equal(rd(ANSEL(i)), analog[i]);
		assert_int_equal(rd(LAT(i)), 0);
	}
	assert_int_equal(rd(TRIS(PK)), 0xFFFFu);
	assert_int_equal(rd(ANSEL(PK)), 0);
}

static void wifire_buttons(void **state)
{
	(void)state;
	/* BTN1 = RA5, BTN2 = RA4: pulled down on the board, high when pressed. */
	vzsim_set_pin(m, 0, 5, true);
	assert_int_equal(rd(PORT(PA)) & 0x20u, 0); /* RA5 is analog at reset */
	wr(ANSEL(PA) + 4, 0x20u);
	assert_int_equal(rd(PORT(PA)) & 0x30u, 0x20u);
	vzsim_set_pin(m, 0, 5, false);
	wr(CNPU(PA), 0x30u);                   /* the board's resistor wins */
	assert_int_equal(rd(PORT(PA)) & 0x30u, 0);
	vzsim_set_pin(m, 0, 4, true);
	assert_int_equal(rd(PORT(PA)) & 0x30u, 0x10u);
	/* Out-of-range pins and ports are ignored. */
	vzsim_set_pin(m, 8, 0, true);
	vzsim_set_pin(m, 11, 0, true);
	vzsim_set_pin(m, 0, 16, true);
	vzsim_set_pin(m, -1, 0, true);
}

static void change_notification(void **state)
{
	(void)state;
	wr(ANSEL(PA), 0);
	wr(CNCON(PA), 1u << 15);
	wr(CNEN(PA), 1u << 5);
	vzsim_set_pin(m, 0, 4, true);          /* not enabled */
	assert_false(ifs(118));
	vzsim_set_pin(m, 0, 5, true);
	assert_true(ifs(118));
	assert_int_equal(rd(CNSTAT(PA)), 1u << 5);
	rd(PORT(PA));                          /* reading PORT ends the mismatch */
	assert_int_equal(rd(CNSTAT(PA)), 0);
	/* Edge mode: CNEN rising, CNNE falling, flags in CNF. */
	clear_ifs(118);
	wr(CNCON(PA) + 8, 1u << 11);
	wr(PORTBASE(PA) + 0xA0, 1u << 4);      /* CNNE: RA4 falling */
	vzsim_set_pin(m, 0, 5, false);         /* falling, only rising enabled */
	assert_false(ifs(118));
	vzsim_set_pin(m, 0, 4, false);
	assert_true(ifs(118));
	assert_int_equal(rd(PORTBASE(PA) + 0xB0), 1u << 4);
	/* Port G is vector 124. */
	wr(CNCON(PG), 1u << 15);
	wr(CNEN(PG), 1u);
	vzsim_set_pin(m, 6, 0, true);
	assert_true(ifs(124));
}

static void reset_turns_leds_off(void **state)
{
	(void)state;
	wr(TRIS(PG) + 4, 1u << 6);
	wr(LAT(PG), 1u << 6);
	calls.n = 0;
	vzsim_reset(m);
	assert_int_equal(calls.n, 1);
	assert_int_equal(calls.old[0], 1u << 6);
	assert_int_equal(calls.new_[0], 0);
	assert_int_equal(rd(TRIS(PG)), 0xF3C3u);
}

#define T(f) cmocka_unit_test_setup_teardown(f, gpio_setup, soc_teardown)

int run_gpio_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(led_changes_reported), T(port_reads_pins), T(reset_values), T(wifire_buttons),
		T(change_notification), T(reset_turns_leds_off),
	};
	return cmocka_run_group_tests_name("soc-gpio", tests, NULL, NULL);
}
