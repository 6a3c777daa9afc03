/* SPDX-License-Identifier: Apache-2.0 */
/* diag.h - error reporting for vzlet-config.
 *
 * Every error names the devicetree node and property it is about, in the form
 *   error: /vms/vm@1: property "ram-size": 0x1234 is not a multiple of 4 KB
 * Errors are counted rather than fatal so that one run reports as many as it
 * can; the caller stops at the end of a phase when diag_errors() is non-zero.
 * The last message is kept for unit tests.
 */
#ifndef VZCFG_DIAG_H
#define VZCFG_DIAG_H

#include <stdio.h>

/* Report an error about property `prop` of node `node` (prop may be NULL). */
void diag_error(const char *node, const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A warning: printed, not counted. */
void diag_warning(const char *node, const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

unsigned diag_errors(void);
const char *diag_last(void);
/* Forget the count and the last message; set where messages go (NULL: stderr). */
void diag_reset(FILE *out);

#endif
