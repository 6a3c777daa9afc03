/* script.c - scripted console input (--input, --input-at): bytes offered to
 * the console UART at given cycles, so tests get the same input at the same
 * simulated time on every run. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int script_add(struct script *s, const char *arg, bool with_cycle)
{
	uint64_t cycle = 0;
	const char *text = arg;
	if (with_cycle) {
		const char *colon = strchr(arg, ':');
		char num[32];
		size_t nl = colon ? (size_t)(colon - arg) : 0;
		if (!colon || nl == 0 || nl >= sizeof num) {
			fprintf(stderr, "vzlet-sim: --input-at needs CYCLE:STRING, not '%s'\n", arg);
			return -1;
		}
		memcpy(num, arg, nl);
		num[nl] = '\0';
		if (!parse_count(num, &cycle)) {
			fprintf(stderr, "vzlet-sim: --input-at: bad cycle number '%s'\n", num);
			return -1;
		}
		text = colon + 1;
	}
	size_t len;
	char *bytes = unescape(text, &len);
	if (!bytes)
		return -1;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct script_item *it = realloc(s->items, cap * sizeof *it);
		if (!it) {
			free(bytes);
			fputs("vzlet-sim: out of memory\n", stderr);
			return -1;
		}
		s->items = it;
		s->cap = cap;
	}
	s->items[s->n++] = (struct script_item){ cycle, (uint8_t *)bytes, len, 0 };
	return 0;
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
