/* SPDX-License-Identifier: Apache-2.0 */
/* board.c - chipKIT Wi-Fire LEDs and buttons. */
#include "board.h"
#include "guest.h"

static const struct { uint8_t port, pin; } led_pins[4] = {
	{ PORT_G, 6 }, { PORT_D, 4 }, { PORT_B, 11 }, { PORT_G, 15 },
};
static const uint8_t button_pins[2] = { 5, 4 }; /* RA5, RA4 */

/* Touches only LD n's pin bit: under vzlet a guest may own single pins. */
void led_init_one(unsigned n)
{
	if (n < 1 || n > 4)
		return;
	uint32_t bit = 1u << led_pins[n - 1].pin;
	SFR_CLR(LAT(led_pins[n - 1].port)) = bit;
	SFR_CLR(ANSEL(led_pins[n - 1].port)) = bit;
	SFR_CLR(TRIS(led_pins[n - 1].port)) = bit;
}

void led_init(void)
{
	for (unsigned n = 1; n <= 4; n++)
		led_init_one(n);
}

void led_set(unsigned n, bool on)
{
	if (n < 1 || n > 4)
		return;
	uint32_t bit = 1u << led_pins[n - 1].pin;
	if (on)
		SFR_SET(LAT(led_pins[n - 1].port)) = bit;
	else
		SFR_CLR(LAT(led_pins[n - 1].port)) = bit;
}

void led_toggle(unsigned n)
{
	if (n >= 1 && n <= 4)
		SFR_INV(LAT(led_pins[n - 1].port)) = 1u << led_pins[n - 1].pin;
}

void button_init(void)
{
	uint32_t bits = 1u << button_pins[0] | 1u << button_pins[1];
	SFR_CLR(ANSEL(PORT_A)) = bits;
	SFR_SET(TRIS(PORT_A)) = bits;
}

bool button_pressed(unsigned n)
{
	if (n < 1 || n > 2)
		return false;
	return (SFR(PORT(PORT_A)) >> button_pins[n - 1]) & 1u;
}
