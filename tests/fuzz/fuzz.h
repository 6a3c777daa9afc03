/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz.h - the one entry point every fuzz harness defines (tests/fuzz).
 * driver.c calls it once per input: under afl-fuzz in persistent mode, or
 * over files given on the command line (the corpus replay of make test). */
#ifndef VZLET_FUZZ_H
#define VZLET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Run the code under test on one input. Must not keep state that changes
 * the outcome of a later input (persistent mode runs many in one process). */
void fuzz_one(const uint8_t *data, size_t len);

#endif
