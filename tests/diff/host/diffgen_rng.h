/* SPDX-License-Identifier: Apache-2.0 */
/* diffgen_rng.h - the generators' seeded random numbers (splitmix64), shared
 * by the MIPS32 (diffgen.c) and microMIPS (diffgen_mm.c) case generators. */
#ifndef VZLET_DIFFGEN_RNG_H
#define VZLET_DIFFGEN_RNG_H

#include <stdbool.h>
#include <stdint.h>

struct rng {
	uint64_t s;
};

static inline uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static inline uint32_t rnd32(struct rng *r)
{
	return (uint32_t)(splitmix64(&r->s) >> 16);
}

static inline unsigned rnd(struct rng *r, unsigned n)   /* 0..n-1 */
{
	return (unsigned)(splitmix64(&r->s) % n);
}

static inline bool chance(struct rng *r, unsigned percent)
{
	return rnd(r, 100) < percent;
}

#endif
