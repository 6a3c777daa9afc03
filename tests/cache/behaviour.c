/* SPDX-License-Identifier: Apache-2.0 */
/* behaviour.c - the D- and I-cache model (docs/simulator-cache.md) seen
 * by software, with no coherence rule broken: write-back and
 * write-allocate, LRU eviction with write-back of the victim, the tags
 * through Index Load Tag, Hit Writeback / Hit Invalidate / Hit Writeback
 * Invalidate / Index Writeback Invalidate, write-through (K0 = 1), the
 * uncached and cached aliases of one line, and SYNCI making stored
 * instructions executable. KSEG0 is cacheable (K0 = 3) in between. */
#include "test.h"
#include "cache_ops.h"
#include "nvm_ops.h"

#define FLASH 0x1D100200u /* erased program flash */

#define BUF 0x40000u            /* scratch RAM, D-cache set 0 */
#define WAY_STRIDE 0x400u       /* 1 KB: the next line in the same D set */

/* Index Load Tag D of way w of the set holding pa. */
static uint32_t dtag(uint32_t pa, unsigned w)
{
	CACHE(IDX_LDTAG_D, KSEG0((pa & 0x3F0u) | w * WAY_STRIDE));
	return taglo();
}

/* Way of the D-cache holding pa, or -1. */
static int dway(uint32_t pa)
{
	for (unsigned w = 0; w < 4; w++) {
		uint32_t t = dtag(pa, w);
		if ((t & TAG_V) && TAG_PA(t) == (pa & ~0x3FFu))
			return (int)w;
	}
	return -1;
}

typedef uint32_t (*fn_t)(void);

int test_main(void)
{
	set_k0(3);

	/* Write-back, write-allocate: a cached store allocates a dirty line
	 * and memory keeps the old value until the line is written back. */
	U32(KSEG1(BUF)) = 0x11111111u;
	U32(KSEG0(BUF)) = 0x22222222u;
	CHECK(1, dway(BUF) >= 0);
	CHECK_EQ(2, TAG_D, dtag(BUF, (unsigned)dway(BUF)) & TAG_D);
	CACHE(HIT_WB_D, KSEG0(BUF));
	CHECK_EQ(3, 0, dtag(BUF, (unsigned)dway(BUF)) & TAG_D);  /* clean, still valid */
	CHECK_EQ(4, 0x22222222u, U32(KSEG1(BUF)));               /* memory has it */

	/* Hit Invalidate drops a dirty line: the store is lost. */
	U32(KSEG0(BUF)) = 0x33333333u;
	CACHE(HIT_INV_D, KSEG0(BUF));
	CHECK_EQ(5, -1, dway(BUF));
	CHECK_EQ(6, 0x22222222u, U32(KSEG0(BUF)));               /* refilled from memory */

	/* LRU: five lines of one set; the least recently used is evicted and
	 * written back, the other four stay. Touching line 0 again makes
	 * line 1 the victim. */
	for (unsigned i = 0; i < 5; i++)
		U32(KSEG1(BUF + i * WAY_STRIDE)) = 0;
	CACHE(HIT_WBINV_D, KSEG0(BUF));
	for (unsigned i = 0; i < 4; i++)
		U32(KSEG0(BUF + i * WAY_STRIDE)) = 0xA0 + i;
	(void)U32(KSEG0(BUF));                                   /* line 0 most recent */
	U32(KSEG0(BUF + 4 * WAY_STRIDE)) = 0xA4;                 /* evicts line 1 */
	CHECK_EQ(7, -1, dway(BUF + WAY_STRIDE));
	CHECK_EQ(8, 0xA1u, U32(KSEG1(BUF + WAY_STRIDE)));        /* written back */
	CHECK(9, dway(BUF) >= 0 && dway(BUF + 2 * WAY_STRIDE) >= 0 &&
		 dway(BUF + 3 * WAY_STRIDE) >= 0 && dway(BUF + 4 * WAY_STRIDE) >= 0);
	/* Index Writeback Invalidate of every way of the set. */
	for (unsigned w = 0; w < 4; w++)
		CACHE(IDX_WBINV_D, KSEG0((BUF & 0x3F0u) | w * WAY_STRIDE));
	CHECK_EQ(10, -1, dway(BUF + 4 * WAY_STRIDE));
	CHECK_EQ(11, 0xA4u, U32(KSEG1(BUF + 4 * WAY_STRIDE)));
	CHECK_EQ(12, 0xA0u, U32(KSEG1(BUF)));

	/* The uncached alias of a line not in the cache, then cached. */
	U32(KSEG1(BUF + 0x10)) = 0x5555AAAAu;
	CHECK_EQ(13, 0x5555AAAAu, U32(KSEG0(BUF + 0x10)));
	CACHE(HIT_INV_D, KSEG0(BUF + 0x10));                     /* clean: nothing lost */

	/* Write-through (K0 = 1): memory follows every store, no dirty line. */
	dcache_flush_all();
	set_k0(1);
	U32(KSEG0(BUF + 0x20)) = 0x77777777u;
	CHECK_EQ(14, 0, dtag(BUF + 0x20, (unsigned)dway(BUF + 0x20)) & TAG_D);
	CHECK_EQ(15, 0x77777777u, U32(KSEG1(BUF + 0x20)));
	set_k0(3);

	/* SYNCI: instructions stored through the D-cache become executable
	 * (D line written back, I line invalidated), then JR.HB. */
	{
		uint32_t code = KSEG0(BUF + 0x100);
		uint32_t r;
		for (unsigned pass = 0; pass < 2; pass++) {
			U32(code) = 0x03E00008u;                 /* jr ra */
			U32(code + 4) = 0x24020000u | (0x40 + pass); /* li v0, 0x40 + pass */
			__asm__ volatile("synci 0(%0)\n\tsync" : : "r"(code) : "memory");
			__asm__ volatile(".set push\n\t.set noreorder\n\t"
					 "jalr.hb %1\n\tnop\n\tmove %0, $v0\n\t.set pop"
					 : "=r"(r) : "r"(code) : "v0", "ra", "memory");
			CHECK_EQ(20 + pass, 0x40u + pass, r);
		}
		/* The I-cache holds the line now: Index Load Tag I finds it. */
		{
			int found = 0;
			for (unsigned w = 0; w < 4; w++) {
				CACHE(IDX_LDTAG_I, KSEG0(((BUF + 0x100) & 0xFF0u) | w * 0x1000u));
				if ((taglo() & TAG_V) && TAG_PA(taglo()) == ((BUF + 0x100) & ~0x3FFu))
					found = 1;
			}
			CHECK(22, found);
		}
	}

	/* Flash programmed under a cached line: Hit Invalidate D, then the
	 * cached load reads the new bytes (flash_stale_dline without it). */
	(void)U32(KSEG0(FLASH));
	nvm_program_word(FLASH, 0x0F0F0F0Fu);
	CACHE(HIT_INV_D, KSEG0(FLASH));
	CHECK_EQ(23, 0x0F0F0F0Fu, U32(KSEG0(FLASH)));

	dcache_flush_all();
	set_k0(2);
	return 0;
}
