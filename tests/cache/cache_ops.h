/* SPDX-License-Identifier: Apache-2.0 */
/* cache_ops.h - CACHE, SYNCI and Config.K0 for the cache test programs. */
#ifndef CACHE_OPS_H
#define CACHE_OPS_H
#include <stdint.h>

#define KSEG0(pa) (0x80000000u | (uint32_t)(pa))
#define KSEG1(pa) (0xA0000000u | (uint32_t)(pa))
#define U32(va)   (*(volatile uint32_t *)(va))

/* CACHE op codes: cache select in bits 1:0 (0 I, 1 D), operation above. */
#define IDX_INV_I      0x00
#define IDX_WBINV_D    0x01
#define IDX_LDTAG_I    0x04
#define IDX_LDTAG_D    0x05
#define IDX_STTAG_D    0x09
#define HIT_INV_I      0x10
#define HIT_INV_D      0x11
#define HIT_WBINV_D    0x15
#define HIT_WB_D       0x19

#define CACHE(op, va) __asm__ volatile("cache %0, 0(%1)" : : "i"(op), "r"(va) : "memory")

static inline void set_k0(unsigned k0)
{
	uint32_t c;
	__asm__ volatile("mfc0 %0, $16, 0" : "=r"(c));
	c = (c & ~7u) | k0;
	__asm__ volatile("mtc0 %0, $16, 0\n\tehb" : : "r"(c) : "memory");
}

static inline uint32_t taglo(void)
{
	uint32_t v;
	__asm__ volatile("mfc0 %0, $28, 0" : "=r"(v));
	return v;
}

/* Write back and invalidate the whole D-cache (before K0 goes uncached). */
static inline void dcache_flush_all(void)
{
	for (uint32_t a = 0x80000000u; a < 0x80001000u; a += 16)
		CACHE(IDX_WBINV_D, a);
}

#define TAG_V 0x80u
#define TAG_D 0x40u
#define TAG_PA(t) ((t) & 0xFFFFFC00u)

#endif
