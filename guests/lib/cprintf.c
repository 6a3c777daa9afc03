/* SPDX-License-Identifier: Apache-2.0 */
/* cprintf.c - a small printf for the console. */
#include <stdarg.h>

#include "uart.h"

static void put_padded(const char *s, unsigned len, int width, int left, char pad)
{
	if (!left)
		for (int i = (int)len; i < width; i++)
			console_putc(pad);
	for (unsigned i = 0; i < len; i++)
		console_putc(s[i]);
	if (left)
		for (int i = (int)len; i < width; i++)
			console_putc(' ');
}

/* Digits of v in base (10 or 16) into buf (at least 11 bytes), backwards
 * from the end; returns the first digit. */
static char *format_unsigned(char *end, uint32_t v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;
	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return p;
}

void cprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			console_putc(*f);
			continue;
		}
		int left = 0, width = 0;
		char pad = ' ';
		f++;
		for (;; f++) {
			if (*f == '-')
				left = 1;
			else if (*f == '0')
				pad = '0';
			else
				break;
		}
		while (*f >= '0' && *f <= '9')
			width = width * 10 + (*f++ - '0');
		while (*f == 'l')
			f++;
		char buf[12];
		char *end = buf + sizeof buf;
		char *s;
		switch (*f) {
		case 'd':
		case 'i': {
			int32_t v = va_arg(ap, int32_t);
			uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
			s = format_unsigned(end, u, 10, 0);
			if (v < 0) {
				if (pad == '0') {
					console_putc('-');
					width--;
				} else {
					*--s = '-';
				}
			}
			put_padded(s, (unsigned)(end - s), width, left, pad);
			break;
		}
		case 'u':
			s = format_unsigned(end, va_arg(ap, uint32_t), 10, 0);
			put_padded(s, (unsigned)(end - s), width, left, pad);
			break;
		case 'x':
		case 'X':
			s = format_unsigned(end, va_arg(ap, uint32_t), 16, *f == 'X');
			put_padded(s, (unsigned)(end - s), width, left, pad);
			break;
		case 'p':
			console_puts("0x");
			s = format_unsigned(end, (uint32_t)va_arg(ap, void *), 16, 0);
			put_padded(s, (unsigned)(end - s), 8, 0, '0');
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			put_padded(&c, 1, width, left, ' ');
			break;
		}
		case 's': {
			const char *str = va_arg(ap, const char *);
			unsigned len = 0;
			if (!str)
				str = "(null)";
			while (str[len])
				len++;
			put_padded(str, len, width, left, ' ');
			break;
		}
		case '%':
			console_putc('%');
			break;
		case '\0':
			f--; /* format ends in '%': stop */
			break;
		default:
			console_putc('%');
			console_putc(*f);
			break;
		}
	}
	va_end(ap);
}
