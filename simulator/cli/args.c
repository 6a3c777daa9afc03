/* args.c - option argument decoding: counts with suffixes, string escapes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool parse_count(const char *s, uint64_t *out)
{
	char *end;
	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s)
		return false;
	uint64_t mul = 1;
	if (*end == 'k' || *end == 'K')
		mul = 1000, end++;
	else if (*end == 'M')
		mul = 1000000, end++;
	else if (*end == 'G')
		mul = 1000000000, end++;
	if (*end)
		return false;
	if (v > UINT64_MAX / mul)
		return false;
	*out = v * mul;
	return true;
}

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
