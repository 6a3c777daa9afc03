/* SPDX-License-Identifier: Apache-2.0 */
/* leds.c - the board's user LEDs as text lines (--leds; board.c: the
 * Wi-Fire's LD1 = RG6, LD2 = RD4, LD3 = RB11, LD4 = RG15 by default), all
 * active high. An LED is lit when its pin is an output (TRIS 0) driving
 * high (LAT 1). */
#include <inttypes.h>
#include <string.h>

#include "cli.h"


void leds_gpio(void *ctx, int port, uint32_t old_lat, uint32_t new_lat, uint32_t tris)
{
	struct leds *l = ctx;
	(void)old_lat;
	for (int i = 0; i < l->board->nleds; i++) {
		if (l->board->leds[i].port != port)
			continue;
		uint32_t bit = 1u << l->board->leds[i].pin;
		bool on = (new_lat & bit) && !(tris & bit);
		if (on == l->on[i])
			continue;
		l->on[i] = on;
		if (l->trace)
			trace_events_led(l->trace, i + 1, on);
		if (!l->out)
			continue;
		uint64_t c = vzsim_cycles(l->m);
		/* time in ms with 6 decimals, from integer cycles (no rounding drift) */
		uint64_t ns = c / CLI_SYSCLK_HZ * 1000000000ull +
			      c % CLI_SYSCLK_HZ * 1000000000ull / CLI_SYSCLK_HZ;
		char line[sizeof l->pending[0]];
		snprintf(line, sizeof line, "[led] %s %s @ %" PRIu64 ".%06" PRIu64 " ms\n",
			 l->board->leds[i].label, on ? "on" : "off", ns / 1000000, ns % 1000000);
		bool mid_line = l->stdout_mid_line && *l->stdout_mid_line && l->out == stdout;
		if (mid_line && l->npending < LEDS_PENDING) {
			memcpy(l->pending[l->npending++], line, sizeof line);
			continue;
		}
		if (mid_line) { /* a line that never ends: break it rather than lose reports */
			fputc('\n', l->out);
			*l->stdout_mid_line = false;
		}
		leds_flush(l);
		fputs(line, l->out);
	}
}

void leds_flush(struct leds *l)
{
	for (int i = 0; i < l->npending; i++)
		fputs(l->pending[i], l->out);
	l->npending = 0;
}
