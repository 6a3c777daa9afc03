/* SPDX-License-Identifier: Apache-2.0 */
/* args.c - option argument decoding: string escapes (counts: count.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *unescape(const char *s, size_t *len)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1);
	if (!out) {
		fputs("vzlet-sim: out of memory\n", stderr);
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			out[o++] = s[i];
			continue;
		}
		char e = s[++i];
		switch (e) {
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'e': out[o++] = 0x1B; break;
		case '\\': out[o++] = '\\'; break;
		case 'x': {
			int hi = i + 1 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				fprintf(stderr, "vzlet-sim: bad escape in '%s': \\x needs two hex digits\n", s);
				free(out);
				return NULL;
			}
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
			break;
		}
		default:
			fprintf(stderr, "vzlet-sim: bad escape '\\%c' in '%s' (use \\n \\r \\t \\e \\\\ \\xHH)\n",
				e ? e : ' ', s);
			free(out);
			return NULL;
		}
	}
	out[o] = '\0';
	*len = o;
	return out;
}
