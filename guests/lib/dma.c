/* SPDX-License-Identifier: Apache-2.0 */
/* dma.c - see dma.h. Register layout: hardware.md section 4, DMA;
 * docs/simulator-dma.md. */
#include "dma.h"
#include "pic32mz.h"

#define DMACON       0xBF811000u
#define DMACON_ON    (1u << 15)
#define DCH(ch, off) (0xBF811060u + 0xC0u * (ch) + (off))
#define DCH_CON  0x00u
#define DCH_ECON 0x10u
#define DCH_INT  0x20u
#define DCH_SSA  0x30u
#define DCH_DSA  0x40u
#define DCH_SSIZ 0x50u
#define DCH_DSIZ 0x60u
#define DCH_CSIZ 0x90u
#define CON_CHEN    (1u << 7)
#define CON_CHBUSY  (1u << 15)
#define ECON_CFORCE (1u << 7)
#define ECON_CABORT (1u << 6)
#define ECON_SIRQEN (1u << 4)
#define INT_ERIF (1u << 0)
#define INT_TAIF (1u << 1)
#define INT_BCIF (1u << 3)

uint32_t dma_phys(const volatile void *p)
{
	return (uint32_t)(uintptr_t)p & 0x1FFFFFFFu;
}

void dma_cache_flush(const volatile void *p, uint32_t n)
{
	uint32_t a = (uint32_t)(uintptr_t)p;
	if ((a >> 29) != 4 || !n)
		return;                  /* only KSEG0 goes through the cache */
	for (uint32_t l = a & ~15u; l - (a & ~15u) < n + (a & 15u); l += 16)
		__asm__ volatile("cache 0x15, 0(%0)" : : "r"(l) : "memory");
	__asm__ volatile("sync" ::: "memory");
}

void dma_abort(unsigned ch)
{
	SFR_SET(DCH(ch, DCH_ECON)) = ECON_CABORT;
	SFR_CLR(DCH(ch, DCH_CON)) = CON_CHEN;
	while (SFR(DCH(ch, DCH_CON)) & CON_CHBUSY)
		;
}

void dma_setup(unsigned ch, const struct dma_xfer *x)
{
	SFR_SET(DMACON) = DMACON_ON;
	dma_abort(ch);
	SFR(DCH(ch, DCH_ECON)) = x->start_irq >= 0 ? (uint32_t)x->start_irq << 8 | ECON_SIRQEN : 0;
	SFR(DCH(ch, DCH_INT)) = 0;       /* flags clear, no interrupt requests */
	SFR(DCH(ch, DCH_SSA)) = dma_phys(x->src);
	SFR(DCH(ch, DCH_DSA)) = dma_phys(x->dst);
	SFR(DCH(ch, DCH_SSIZ)) = x->src_size;
	SFR(DCH(ch, DCH_DSIZ)) = x->dst_size;
	SFR(DCH(ch, DCH_CSIZ)) = x->cell_size;
	SFR(DCH(ch, DCH_CON)) = CON_CHEN | 3u;   /* priority 3 */
}

void dma_force(unsigned ch)
{
	SFR_SET(DCH(ch, DCH_ECON)) = ECON_CFORCE;
}

int dma_status(unsigned ch)
{
	uint32_t f = SFR(DCH(ch, DCH_INT));
	if (f & (INT_ERIF | INT_TAIF))
		return -1;
	return (f & INT_BCIF) ? 1 : 0;
}

int dma_wait(unsigned ch)
{
	int s;
	while ((s = dma_status(ch)) == 0)
		;
	return s > 0 ? 0 : -1;
}

int dma_copy(unsigned ch, volatile void *dst, const volatile void *src, uint32_t n)
{
	uint16_t size = (uint16_t)n; /* 65536 is 0 */
	struct dma_xfer x = { .src = src, .dst = dst, .src_size = size, .dst_size = size,
			      .cell_size = size, .start_irq = DMA_NO_IRQ };
	dma_cache_flush(src, n);
	dma_cache_flush(dst, n);
	dma_setup(ch, &x);
	dma_force(ch);
	int r = dma_wait(ch);
	dma_cache_flush(dst, n);
	return r;
}
