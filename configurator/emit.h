/* SPDX-License-Identifier: Apache-2.0 */
/* emit.h - the configurator's outputs: C tables, linker fragment, merge plan,
 * make dependencies and a human-readable report. */
#ifndef VZCFG_EMIT_H
#define VZCFG_EMIT_H

#include <stdio.h>

#include "model.h"

int emit_tables(FILE *f, const struct cfg_system *sys);
int emit_linker(FILE *f, const struct cfg_system *sys);
/* srec_cat arguments placing the hypervisor ELF's stored bytes and every
 * guest's at their real physical addresses. Checks the hypervisor image
 * against its reservation. */
int emit_merge(FILE *f, const struct cfg_system *sys, const char *hv_elf);
/* A make rule "TARGETS: <guest ELFs>" (targets as given, space-separated).
 * Fails on an ELF path make cannot take literally. */
int emit_deps(FILE *f, const struct cfg_system *sys, const char *targets);
void emit_report(FILE *f, const struct cfg_system *sys);
uint32_t emit_slice_ticks(const struct cfg_system *sys, uint32_t us);

#endif
