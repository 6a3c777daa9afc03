/* SPDX-License-Identifier: Apache-2.0 */
/* cycles.c - the cycle model (docs/cycle-model.md), measured with Count
 * (2 core cycles per tick) around code generated into RAM and run cached
 * with warm caches (the second of two calls): 1 cycle per instruction,
 * load-use interlock +1, EHB 3, MULT 1/2, MUL 2/3, DIVU early-out 12..33;
 * uncached flash fetches paying the bus and PRECON.PFMWS wait states while
 * cached ones hit, the prefetch module hiding sequential flash fetches,
 * and the cost of I-cache misses. Each sequence is timed against an empty
 * function so the call and Count-read overhead cancels. */
#include "test.h"
#include "cp0_access.h"

#define CODE_KSEG1 ((volatile uint32_t *)0xA0060000u)
#define CODE_KSEG0 0x80060000u

#define I_JR_RA   0x03E00008u
#define I_NOP     0x00000000u
#define I_ADDU    0x01094021u   /* addu t0, t0, t1 */
#define I_LW_T2   0x8FAA0000u   /* lw t2, 0(sp) */
#define I_ADDU_T2 0x010A4021u   /* addu t0, t0, t2 */
#define I_EHB     0x000000C0u
#define I_MULT    0x01090018u   /* mult t0, t1 */
#define I_MUL     0x71094802u   /* mul t1, t0, t1 */
#define I_DIVU    0x0109001Bu   /* divu t0, t1 */
#define I_LW_SFR  0x8D2A0000u   /* lw t2, 0(t1) */
#define I_SW_SFR  0xAD2A0000u   /* sw t2, 0(t1) */
#define I_SYNC    0x0000000Fu
#define IPTMR     0xBF810030u   /* an EVIC register (PBCLK1) without side effects */

typedef void (*fn_t)(uint32_t t0, uint32_t t1);

static unsigned emit(unsigned at, uint32_t w, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		CODE_KSEG1[at++] = w;
	return at;
}

/* 64 NOPs in boot flash, callable through KSEG1 (uncached) or KSEG0. */
__asm__(".section .text.nops64, \"ax\"\n"
	".globl nops64\n"
	".set push\n.set noreorder\n"
	"nops64:\n.rept 64\nnop\n.endr\njr $ra\nnop\n"
	".set pop\n.previous\n");
extern char nops64[];

/* Cycles taken by a call of the code at fn (t0, t1 preset). */
static uint32_t time_call_at(uint32_t fn, uint32_t t0, uint32_t t1)
{
	uint32_t a, b;
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "move $t0, %2\n\tmove $t1, %3\n\t"
			 "mfc0 %0, $9\n\t"
			 "jalr %4\n\tnop\n\t"
			 "mfc0 %1, $9\n\t.set pop"
			 : "=&r"(a), "=&r"(b)
			 : "r"(t0), "r"(t1), "r"(fn)
			 : "t0", "t1", "t2", "ra", "hi", "lo", "memory");
	return (b - a) * 2;
}

#define CYC_BUS 2        /* an uncached access: system bus round trip */
#define CYC_FILL 5       /* an I-cache line fill from RAM */

/* The generated code is written through KSEG1 (memory): drop the I-cache
 * lines it may still hold from an earlier sequence (Hit Invalidate I). */
static void icache_invalidate(uint32_t va, unsigned bytes)
{
	for (uint32_t a = va & ~15u; a < va + bytes; a += 16)
		__asm__ volatile("cache 0x10, 0(%0)" : : "r"(a) : "memory");
}

/* Write back and invalidate the whole D-cache (Index Writeback Invalidate
 * on every line) before KSEG0 goes uncached again. */
static void dcache_flush(void)
{
	for (uint32_t a = 0x80000000u; a < 0x80001000u; a += 16)
		__asm__ volatile("cache 0x01, 0(%0)" : : "r"(a) : "memory");
}

static unsigned code_words;

/* Warm (second) call of the generated code. */
static uint32_t time_call(uint32_t t0, uint32_t t1)
{
	icache_invalidate(CODE_KSEG0, code_words * 4);
	time_call_at(CODE_KSEG0, t0, t1);
	return time_call_at(CODE_KSEG0, t0, t1);
}

/* Body of n copies of w (or of the pair w, w2), then jr ra; nop. */
static uint32_t measure(uint32_t w, uint32_t w2, unsigned n, uint32_t t0, uint32_t t1)
{
	unsigned at = 0;
	for (unsigned i = 0; i < n; i++) {
		at = emit(at, w, 1);
		if (w2)
			at = emit(at, w2, 1);
	}
	at = emit(at, I_JR_RA, 1);
	code_words = emit(at, I_NOP, 1);
	return time_call(t0, t1);
}

static int near(uint32_t expected, uint32_t got)
{
	return got + 2 >= expected && got <= expected + 2;
}

int test_main(void)
{
	uint32_t base, c;

	MTC0(16, 0, (MFC0(16, 0) & ~7u) | 3);     /* KSEG0 cached (start.S initialised) */
	base = measure(I_NOP, 0, 0, 0, 0);
	c = measure(I_ADDU, 0, 64, 0, 0) - base;
	CHECK_DETAIL(1, near(64, c), 64, c, base, 0);
	c = measure(I_LW_T2, I_ADDU_T2, 32, 0, 0) - base;
	CHECK_DETAIL(2, near(32 * 3, c), 96, c, base, 0);       /* load-use: 2 + 1 */
	c = measure(I_LW_T2, I_ADDU, 32, 0, 0) - base;
	CHECK_DETAIL(3, near(32 * 2, c), 64, c, base, 0);       /* independent: no stall */
	c = measure(I_EHB, 0, 32, 0, 0) - base;
	CHECK_DETAIL(4, near(32 * 3, c), 96, c, base, 0);
	c = measure(I_MULT, 0, 32, 3, 0x1234) - base;
	CHECK_DETAIL(5, near(32 * 1, c), 32, c, base, 0);       /* 16-bit operand */
	c = measure(I_MULT, 0, 32, 3, 0x12345678) - base;
	CHECK_DETAIL(6, near(32 * 2, c), 64, c, base, 0);       /* 32-bit operand */
	c = measure(I_MUL, 0, 1, 3, 0x1234) - base;
	CHECK_DETAIL(7, near(2, c), 2, c, base, 0);
	c = measure(I_DIVU, 0, 16, 0xFFFFFFFFu, 3) - base;
	CHECK_DETAIL(8, near(16 * 33, c), 16 * 33, c, base, 0);
	c = measure(I_DIVU, 0, 16, 0xFF, 3) - base;
	CHECK_DETAIL(9, near(16 * 12, c), 16 * 12, c, base, 0);

	/* Peripheral bus (PBCLK1 = SYSCLK/2): an SFR load costs the bridge
	 * (2) and two PBCLK periods (4) on top of its own cycle; stores are
	 * posted (1 cycle while the 4-entry buffer has room); SYNC waits until
	 * the last has landed (one store per 2 PBCLK periods, each landing 6
	 * cycles after it got the bus). */
	c = measure(I_LW_SFR, I_ADDU, 16, 0, IPTMR) - base;
	CHECK_DETAIL(16, near(16 * 8, c), 16 * 8, c, base, 0);
	c = measure(I_SW_SFR, 0, 4, 0, IPTMR) - base;
	CHECK_DETAIL(17, near(4, c), 4, c, base, 0);
	{
		unsigned at = emit(0, I_SW_SFR, 4);
		at = emit(at, I_SYNC, 1);
		at = emit(at, I_JR_RA, 1);
		code_words = emit(at, I_NOP, 1);
		c = time_call(0, IPTMR) - base;
		CHECK_DETAIL(18, near(3 * 4 + 6 + 1, c), 3 * 4 + 6 + 1, c, base, 0);
	}

	/* A cold call of 64 ADDUs (17 lines with the return) pays one line
	 * fill from RAM per line (the NOP body's lines are warm). */
	{
		uint32_t warm, cold;
		warm = measure(I_ADDU, 0, 64, 0, 0);
		icache_invalidate(CODE_KSEG0, code_words * 4);
		cold = time_call_at(CODE_KSEG0, 0, 0);
		CHECK_DETAIL(13, near(17 * CYC_FILL, cold - warm), 17 * CYC_FILL, cold - warm, cold, warm);
	}

	/* Flash fetches: 66 instructions uncached pay the bus and PFMWS each
	 * (PRECON.PREFEN = 0 at reset: no prefetch buffer); the KSEG0 alias
	 * hits in the I-cache once warm. */
	{
		volatile uint32_t *precon = (volatile uint32_t *)0xBF8E0000u;
		uint32_t ws = *precon & 7;   /* PRECON.PFMWS */
		uint32_t uncached, cached, prefetched;
		uncached = time_call_at((uint32_t)nops64, 0, 0);
		time_call_at((uint32_t)nops64 & ~0x20000000u, 0, 0);
		cached = time_call_at((uint32_t)nops64 & ~0x20000000u, 0, 0);
		CHECK_DETAIL(10, ws > 0, ws, 0, 0, 0);
		CHECK_DETAIL(11, near(66 * (ws + CYC_BUS), uncached - cached), 66 * (ws + CYC_BUS),
			     uncached - cached, uncached, cached);
		/* PREFEN = 2 (non-cacheable): the buffer and the predictive
		 * prefetch hide the wait states of sequential fetches. */
		*precon = (*precon & ~0x30u) | 0x20u;
		prefetched = time_call_at((uint32_t)nops64, 0, 0);
		*precon &= ~0x30u;
		CHECK_DETAIL(14, prefetched + 60 * ws < uncached, prefetched, uncached, ws, 0);
		/* ... leaving the bus and at most one line's wait states */
		CHECK_DETAIL(15, prefetched + 8 >= cached + 66 * CYC_BUS &&
			     prefetched <= cached + 66 * CYC_BUS + ws + 4, prefetched, cached, ws, 0);
		dcache_flush();
		MTC0(16, 0, (MFC0(16, 0) & ~7u) | 2);
		cached = time_call_at((uint32_t)nops64 & ~0x20000000u, 0, 0);
		CHECK_DETAIL(12, near(uncached, cached), uncached, cached, 0, 0); /* K0 = 2: uncached */
	}
	return 0;
}
