/* SPDX-License-Identifier: Apache-2.0 */
/* script.c - scripted console input (--input, --input-at) and pin levels
 * (--pin-at): applied at given cycles, so tests get the same input at the
 * same simulated time on every run. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* "CYCLE:REST": the cycle, and REST in *rest. */
static int split_cycle(const char *arg, const char *opt, const char *what, uint64_t *cycle,
		       const char **rest)
{
	const char *colon = strchr(arg, ':');
	char num[32];
	size_t nl = colon ? (size_t)(colon - arg) : 0;
	if (!colon || nl == 0 || nl >= sizeof num) {
		fprintf(stderr, "vzlet-sim: %s needs CYCLE:%s, not '%s'\n", opt, what, arg);
		return -1;
	}
	memcpy(num, arg, nl);
	num[nl] = '\0';
	if (!parse_count(num, cycle)) {
		fprintf(stderr, "vzlet-sim: %s: bad cycle number '%s'\n", opt, num);
		return -1;
	}
	*rest = colon + 1;
	return 0;
}

static int script_push(struct script *s, struct script_item item)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct script_item *it = realloc(s->items, cap * sizeof *it);
		if (!it) {
			fputs("vzlet-sim: out of memory\n", stderr);
			return -1;
		}
		s->items = it;
		s->cap = cap;
	}
	s->items[s->n++] = item;
	return 0;
}

int script_add(struct script *s, const char *arg, bool with_cycle)
{
	uint64_t cycle = 0;
	const char *text = arg;
	if (with_cycle && split_cycle(arg, "--input-at", "STRING", &cycle, &text) != 0)
		return -1;
	size_t len;
	char *bytes = unescape(text, &len);
	if (!bytes)
		return -1;
	if (script_push(s, (struct script_item){ .cycle = cycle, .bytes = (uint8_t *)bytes,
						 .len = len }) != 0) {
		free(bytes);
		return -1;
	}
	return 0;
}

int script_add_pin(struct script *s, const char *arg)
{
	uint64_t cycle;
	const char *p;
	if (split_cycle(arg, "--pin-at", "Rxn=0|1", &cycle, &p) != 0)
		return -1;
	/* R, port letter A-K (no I), pin 0-15, '=', 0 or 1 */
	char *end;
	long pin = -1;
	if ((p[0] == 'R' || p[0] == 'r') && p[1])
		pin = strtol(p + 2, &end, 10);
	char letter = (char)(p[0] ? p[1] & ~0x20 : 0);
	if (pin < 0 || pin > 15 || letter < 'A' || letter > 'K' || letter == 'I' ||
	    end == p + 2 || end[0] != '=' || (end[1] != '0' && end[1] != '1') || end[2]) {
		fprintf(stderr, "vzlet-sim: --pin-at needs CYCLE:Rxn=0|1 (e.g. 100M:RA5=1), not '%s'\n", arg);
		return -1;
	}
	return script_push(s, (struct script_item){ .cycle = cycle, .port = letter - 'A',
						    .pin = (int)pin, .level = end[1] == '1' });
}

bool script_has_input(const struct script *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i].bytes)
			return true;
	return false;
}

/* Stable insertion sort by cycle: items at the same cycle keep their order. */
void script_sort(struct script *s)
{
	for (size_t i = 1; i < s->n; i++) {
		struct script_item it = s->items[i];
		size_t j = i;
		while (j > 0 && s->items[j - 1].cycle > it.cycle) {
			s->items[j] = s->items[j - 1];
			j--;
		}
		s->items[j] = it;
	}
}

void script_deliver(struct script *s, struct machine *m, int uart)
{
	uint64_t now = vzsim_cycles(m);
	while (s->next < s->n) {
		struct script_item *it = &s->items[s->next];
		if (it->cycle > now)
			return;
		if (!it->bytes) {
			vzsim_set_pin(m, it->port, it->pin, it->level);
			s->next++;
			continue;
		}
		while (it->sent < it->len) {
			if (!vzsim_uart_rx(m, uart, it->bytes[it->sent]))
				return; /* FIFO full: the rest waits */
			it->sent++;
		}
		s->next++;
	}
}

uint64_t script_next_cycle(const struct script *s, uint64_t now)
{
	for (size_t i = s->next; i < s->n; i++)
		if (s->items[i].cycle > now)
			return s->items[i].cycle;
	return UINT64_MAX;
}

void script_free(struct script *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i].bytes);
	free(s->items);
	memset(s, 0, sizeof *s);
}
