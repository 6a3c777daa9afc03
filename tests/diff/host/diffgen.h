/* SPDX-License-Identifier: Apache-2.0 */
/* diffgen.h - seeded random instruction-sequence generator for the
 * differential tests: builds a case blob (diff_abi.h) of many random cases. */
#ifndef VZLET_DIFFGEN_H
#define VZLET_DIFFGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diffgen_opts {
	uint64_t seed;      /* image seed: same seed, same blob */
	unsigned ncases;    /* 1..DIFF_MAX_CASES */
	bool fp;            /* generate FPU instructions (Status.CU1 = 1) */
	bool fr1;           /* Status.FR = 1 (else FR = 0) */
	bool dsp;           /* generate DSP ASE r2 instructions (Status.MX = 1; not with fp) */
	bool micromips;     /* microMIPS cases (integer only; QEMU -cpu M14Kc) */
};

/* Builds the blob into buf (capacity DIFF_BLOB_MAX bytes). Returns its size,
 * or 0 with a message in err when the cases do not fit. */
size_t diffgen_build(const struct diffgen_opts *o, uint8_t *buf, char *err, size_t errlen);

/* One random microMIPS case (diffgen_mm.c) at code address va into out
 * (room for DIFFGEN_MM_MAX bytes); base is the memory base register, counter
 * the loop counter. Returns its size in bytes (a multiple of 2). */
#define DIFFGEN_MM_MAX 2048
struct rng;
size_t diffgen_mm_case(struct rng *r, unsigned base, unsigned counter, uint32_t va, uint8_t *out);
/* The per-case seed (printed in reports). */
uint64_t diffgen_case_seed(uint64_t image_seed, unsigned index);

#endif
