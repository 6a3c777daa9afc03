/* SPDX-License-Identifier: Apache-2.0 */
/* text.c - line and hex-digit helpers for the text image formats. */
#include "image.h"

bool text_next_line(struct text_cursor *c, const uint8_t **line, size_t *len)
{
	if (c->p >= c->end)
		return false;
	const uint8_t *s = c->p;
	const uint8_t *e = s;
	while (e < c->end && *e != '\n')
		e++;
	c->p = e < c->end ? e + 1 : e;
	if (e > s && e[-1] == '\r')
		e--;
	c->line++;
	*line = s;
	*len = (size_t)(e - s);
	return true;
}

size_t text_trimmed(const uint8_t *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

static int hex_digit(uint8_t ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

int text_hex_byte(const uint8_t *s)
{
	int hi = hex_digit(s[0]), lo = hex_digit(s[1]);
	if (hi < 0 || lo < 0)
		return -1;
	return hi << 4 | lo;
}

int text_hex_record(struct image *img, unsigned line, const uint8_t *digits, size_t ndigits,
		    uint8_t *out, size_t outmax)
{
	for (size_t i = 0; i < ndigits; i++) {
		uint8_t ch = digits[i];
		if (hex_digit(ch) >= 0)
			continue;
		if (ch >= 0x20 && ch < 0x7F)
			return image_error(img, line, "invalid character '%c' where a hex digit belongs", ch);
		return image_error(img, line, "invalid byte 0x%02X where a hex digit belongs", ch);
	}
	if (ndigits % 2)
		return image_error(img, line, "odd number of hex digits in record");
	if (ndigits / 2 > outmax)
		return image_error(img, line, "record longer than any valid record (%zu bytes)",
				   ndigits / 2);
	for (size_t i = 0; i < ndigits / 2; i++)
		out[i] = (uint8_t)text_hex_byte(digits + 2 * i);
	return (int)(ndigits / 2);
}
