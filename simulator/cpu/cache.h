/* SPDX-License-Identifier: Apache-2.0 */
/* cache.h - state of the M5150's L1 caches as built into the PIC32MZ EF
 * (what Config1 reports: 16 KB I-cache, 4 KB D-cache, 4-way, 16-byte
 * lines) and of the flash prefetch module in front of program/boot flash.
 * The behaviour is in cache.c; docs/simulator-cache.md explains the model. */
#ifndef VZSIM_CACHE_H
#define VZSIM_CACHE_H

#include <stdbool.h>
#include <stdint.h>

/* The cache model is the simulator's only model; the benchmark builds a
 * second library without it (-DVZSIM_NO_CACHE_MODEL: every access hits,
 * no checks) only to measure what the model costs in host time. */
#ifdef VZSIM_NO_CACHE_MODEL
#define CACHE_MODEL 0
#else
#define CACHE_MODEL 1
#endif

#define CACHE_WAYS 4
#define CACHE_LINE 16u
#define ICACHE_SETS 256     /* 16 KB / 4 ways / 16 B: 4 KB per way */
#define DCACHE_SETS 64      /* 4 KB / 4 ways / 16 B: 1 KB per way */

/* Value of an empty fast-filter slot (never a 16-byte-aligned address). */
#define CACHE_FILTER_NONE 1u

/* D-cache state of one physical line for the data fast paths, one byte
 * per 16 bytes of RAM and flash (struct caches.dstate): DS_RD, a cached
 * load needs nothing but its LRU stamp; DS_WR, a store through a
 * write-back page neither (the line is dirty already); bits 4:3 the way
 * that holds the line, so (state & DS_WAY_MASK) is the way's byte offset
 * in its set's stamps. 0 for a line no way holds, an uninitialised,
 * invalid or stale one, or one of an uninitialised set other than its
 * most recently used: the access takes the slow path (cache_data_access). */
#define DS_RD 0x01u
#define DS_WR 0x02u
#define DS_WAY_SHIFT 3
#define DS_WAY_MASK (3u << DS_WAY_SHIFT)

struct cache_line {
	uint32_t tag;      /* physical address of the line (pa & ~15) */
	uint8_t valid, dirty, lock;
	uint8_t init;      /* written by software (a CACHE op or a fill) since power-on */
	uint8_t stale;     /* D: an uncached store changed memory under this clean line */
	/* I: the instruction bytes the line holds. D: the bytes MEMORY holds for
	 * the line while it is valid (the cached bytes are host memory itself,
	 * so cached accesses run on host pointers); random at power-on. */
	uint8_t data[CACHE_LINE];
};

struct cache {
	unsigned sets;
	unsigned way_shift;        /* log2(way size): index ops pick the way above it */
	unsigned uninit;           /* lines not yet initialised by software */
	struct cache_line *lines;  /* sets x CACHE_WAYS */
	/* I-cache LRU order of each set: bits 2p+1:2p name the way at rank p
	 * (0 = most recently used .. 3 = least): one byte per set, updated
	 * with one table look-up (struct caches.lru_touch) when a fetch enters
	 * a line. (The D-cache uses struct caches.dstamp.) */
	uint8_t lru[ICACHE_SETS];
};

/* The LRU order a set has after way w is used: lru_touch[order][w]. */
#define LRU_ORDER_RESET 0xE4u  /* ranks 0..3 = ways 0..3 */

/* The prefetch module (PIC32MZ): one line buffer for CPU instructions,
 * one for CPU data, predictive prefetch of the next instruction line. */
struct prefetch {
	uint32_t iline, dline;     /* buffered flash lines (CACHE_FILTER_NONE: none) */
	uint32_t next;             /* line being prefetched ... */
	uint64_t next_ready;       /* ... and the cycle its flash read completes */
};

struct caches {
	struct cache i, d;
	struct prefetch pf;
	uint64_t rng;              /* power-on contents: seeded, so runs repeat */
	uint8_t lru_touch[256][CACHE_WAYS];
	/* D-cache LRU: the cycle each way was last used (0: not since power-on);
	 * the victim is the way with the oldest stamp. An access hitting its
	 * line stores one stamp, a predictable store instead of a reordering. */
	uint64_t dstamp[DCACHE_SETS * CACHE_WAYS];
	uint8_t *dstate;           /* DS_* per physical line (cache_dstate_page) */
	/* The line filter entry (cpu.dline) following each D-cache way, -1 if none. */
	int16_t dline_of[DCACHE_SETS * CACHE_WAYS];
	uint8_t dstate_none[4096 / CACHE_LINE]; /* all 0: uncached pages' state */
};

#endif
