/* SPDX-License-Identifier: Apache-2.0 */
/* diag.c - error reporting for vzlet-config (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

static unsigned error_count;
static char last_message[512];
static FILE *diag_out;

static void diag_emit(const char *kind, const char *node, const char *prop,
		      const char *fmt, va_list ap)
{
	int n;

	if (prop)
		n = snprintf(last_message, sizeof last_message, "%s: %s: property \"%s\": ",
			     kind, node, prop);
	else
		n = snprintf(last_message, sizeof last_message, "%s: %s: ", kind, node);
	if (n > 0 && (size_t)n < sizeof last_message)
		vsnprintf(last_message + n, sizeof last_message - (size_t)n, fmt, ap);
	fprintf(diag_out ? diag_out : stderr, "%s\n", last_message);
}

void diag_error(const char *node, const char *prop, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_emit("error", node, prop, fmt, ap);
	va_end(ap);
	error_count++;
}

void diag_warning(const char *node, const char *prop, const char *fmt, ...)
{
	va_list ap;
	char saved[sizeof last_message];

	/* A warning must not hide the last error from tests. */
	snprintf(saved, sizeof saved, "%s", last_message);
	va_start(ap, fmt);
	diag_emit("warning", node, prop, fmt, ap);
	va_end(ap);
	snprintf(last_message, sizeof last_message, "%s", saved);
}

unsigned diag_errors(void)
{
	return error_count;
}

const char *diag_last(void)
{
	return last_message;
}

void diag_reset(FILE *out)
{
	error_count = 0;
	last_message[0] = '\0';
	diag_out = out;
}
