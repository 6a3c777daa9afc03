/* SPDX-License-Identifier: Apache-2.0 */
/* count.h - decoding counts such as "200M" (vzlet-sim, vzlet-testrun). */
#ifndef VZSIM_CLI_COUNT_H
#define VZSIM_CLI_COUNT_H

#include <stdbool.h>
#include <stdint.h>

/* Unsigned number, decimal or 0x hex, with an optional k/M/G suffix
 * (x1000, x10^6, x10^9). False for anything else or on overflow. */
bool parse_count(const char *s, uint64_t *out);

#endif
