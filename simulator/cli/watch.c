/* SPDX-License-Identifier: Apache-2.0 */
/* watch.c - find a string in a UART's output as it streams out (--until,
 * --fail-on). Knuth-Morris-Pratt, one match state per UART, so output
 * interleaved from several UARTs never fakes or hides a match. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int watch_init(struct watch *w, const char *pattern)
{
	memset(w, 0, sizeof *w);
	w->text = unescape(pattern, &w->len);
	if (!w->text)
		return -1;
	if (w->len == 0) {
		fputs("vzlet-sim: an empty string cannot be watched for\n", stderr);
		free(w->text);
		w->text = NULL;
		return -1;
	}
	w->fail = calloc(w->len, sizeof *w->fail);
	if (!w->fail) {
		fputs("vzlet-sim: out of memory\n", stderr);
		return -1;
	}
	/* fail[i]: length of the longest proper border of text[0..i] */
	for (size_t i = 1, k = 0; i < w->len; i++) {
		while (k > 0 && w->text[i] != w->text[k])
			k = w->fail[k - 1];
		if (w->text[i] == w->text[k])
			k++;
		w->fail[i] = k;
	}
	return 0;
}

void watch_free(struct watch *w)
{
	free(w->text);
	free(w->fail);
	w->text = NULL;
	w->fail = NULL;
}

bool watch_feed(struct watch *w, int uart, uint8_t byte)
{
	size_t *k = &w->state[uart - 1];
	while (*k > 0 && (uint8_t)w->text[*k] != byte)
		*k = w->fail[*k - 1];
	if ((uint8_t)w->text[*k] == byte)
		(*k)++;
	if (*k == w->len) {
		*k = w->fail[*k - 1];
		w->matched = true;
		return true;
	}
	return false;
}
