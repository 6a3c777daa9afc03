/* SPDX-License-Identifier: Apache-2.0 */
/* disasm_test.h - what test_disasm.c shares with the microMIPS half of the
 * disassembler test (micromips.c). */
#ifndef DISASM_TEST_H
#define DISASM_TEST_H

#include <stddef.h>
#include <stdint.h>

#define OBJDUMP "mipsel-linux-gnu-objdump"

extern char **elf_paths;
extern int elf_count;
extern int report;  /* --report: every difference, not the first 20 */

/* Blank runs to one space, no trailing blanks (objdump's tabs vs padding). */
void normalise(const char *in, char *out, size_t len);
/* The ASE of an objdump text the M5150 lacks, or NULL. */
const char *foreign_ase(const char *ref);
/* The seeded generator of the random words. */
uint32_t rng(void);

void test_micromips_directed(void **state);
void test_micromips_program(void **state);
void test_micromips_random(void **state);

#endif
