/* SPDX-License-Identifier: Apache-2.0 */
/* sfr.c - the SFR framework: a table of registers, an O(1) address decode
 * (4 KB page -> word slot -> register), CLR/SET/INV aliases, 8/16/32-bit
 * accesses, read-only bits, hooks, PMD gating and SYSKEY-locked registers.
 *
 * Decisions (docs/simulator-soc.md): aliases read as 0; a partial (byte or
 * halfword) write touches only its lanes, also through the aliases; an
 * access to an SFR address no device claims reads 0, ignores the write and
 * is reported once per word (fatal with opt.strict_sfr).
 */
#include <string.h>

#include "machine.h"

struct sfr *sfr_add(struct machine *m, const char *name, uint32_t pa,
		    uint32_t *val, uint32_t reset, uint32_t wmask, unsigned flags,
		    sfr_read_fn read, sfr_write_fn write, void *dev)
{
	struct sfr_table *t = &m->soc.sfr;
	uint32_t off = pa - PA_SFR_BASE;
	unsigned words = (flags & SFR_NOALIAS) ? 1 : 4;

	if (off >= PA_SFR_END - PA_SFR_BASE || (off & 3) || t->count >= SFR_MAX) {
		machine_fatal(m, "soc: bad SFR definition %s at 0x%08x", name, pa);
		return &t->regs[0];
	}
	struct sfr *r = &t->regs[t->count++];
	*r = (struct sfr){ .val = val, .reset = reset, .wmask = wmask, .pa = pa,
			   .read = read, .write = write, .dev = dev,
			   .flags = (uint16_t)flags, .name = name };
	*val = reset;

	unsigned page = off >> 12;
	if (!t->page_map[page]) {
		if (t->pool_used >= SFR_POOL_PAGES) {
			machine_fatal(m, "soc: SFR page pool exhausted at %s", name);
			return r;
		}
		t->page_map[page] = (uint8_t)(++t->pool_used);
	}
	struct sfr_page *p = &t->pool[t->page_map[page] - 1];
	for (unsigned i = 0; i < words; i++)
		p->slot[((off >> 2) & (SFR_PAGE_WORDS - 1)) + i] = (uint16_t)t->count;
	return r;
}

void sfr_reset_all(struct machine *m)
{
	struct sfr_table *t = &m->soc.sfr;
	for (unsigned i = 0; i < t->count; i++)
		*t->regs[i].val = t->regs[i].reset;
}

static bool sfr_in(const struct sfr *r, const void *lo, const void *hi)
{
	return (const char *)r->val >= (const char *)lo &&
	       (const char *)r->val < (const char *)hi;
}

void sfr_reset_range(struct machine *m, const void *lo, const void *hi)
{
	struct sfr_table *t = &m->soc.sfr;
	for (unsigned i = 0; i < t->count; i++)
		if (sfr_in(&t->regs[i], lo, hi))
			*t->regs[i].val = t->regs[i].reset;
}

void sfr_set_pmd(struct machine *m, const void *lo, const void *hi,
		 const uint32_t *pmd, uint32_t bit)
{
	struct sfr_table *t = &m->soc.sfr;
	for (unsigned i = 0; i < t->count; i++) {
		if (sfr_in(&t->regs[i], lo, hi)) {
			t->regs[i].pmd = pmd;
			t->regs[i].pmd_bit = bit;
		}
	}
}

/* The register a physical SFR address belongs to, or NULL. */
static struct sfr *sfr_lookup(struct machine *m, uint32_t pa)
{
	struct sfr_table *t = &m->soc.sfr;
	uint32_t off = pa - PA_SFR_BASE;
	unsigned pi = t->page_map[off >> 12];
	if (!pi)
		return NULL;
	unsigned s = t->pool[pi - 1].slot[(off >> 2) & (SFR_PAGE_WORDS - 1)];
	return s ? &t->regs[s - 1] : NULL;
}

static void sfr_unimplemented(struct machine *m, uint32_t pa, bool write)
{
	uint32_t w = (pa - PA_SFR_BASE) >> 2;
	uint32_t *warned = m->soc.sfr.warned;
	if (m->opt.strict_sfr) {
		machine_fatal(m, "%s of unimplemented SFR 0x%08x",
			      write ? "write" : "read", pa | 0xA0000000u);
		return;
	}
	if (warned[w / 32] & (1u << (w % 32)))
		return;
	warned[w / 32] |= 1u << (w % 32);
	machine_warn(m, "%s of unimplemented SFR 0x%08x (reads 0, writes ignored)",
		     write ? "write" : "read", (pa & ~3u) | 0xA0000000u);
}

static bool sfr_gated(const struct sfr *r)
{
	return r->pmd && (*r->pmd & r->pmd_bit);
}

uint32_t sfr_read(struct machine *m, uint32_t pa, unsigned size)
{
	struct sfr *r = sfr_lookup(m, pa);
	if (!r) {
		sfr_unimplemented(m, pa, false);
		return 0;
	}
	if ((pa & ~3u) != r->pa || sfr_gated(r))
		return 0; /* CLR/SET/INV aliases and disabled modules read 0 */
	uint32_t v = r->read ? r->read(m, r) : *r->val;
	unsigned shift = (pa & 3) * 8;
	uint32_t lanes = size == 4 ? 0xFFFFFFFFu : (1u << (size * 8)) - 1;
	return (v >> shift) & lanes;
}

void sfr_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val)
{
	struct sfr *r = sfr_lookup(m, pa);
	if (!r) {
		sfr_unimplemented(m, pa, true);
		return;
	}
	if (sfr_gated(r))
		return;
	if ((r->flags & SFR_LOCKED) && !sys_unlocked(m))
		return;
	unsigned shift = (pa & 3) * 8;
	uint32_t lanes = size == 4 ? 0xFFFFFFFFu : ((1u << (size * 8)) - 1) << shift;
	uint32_t v = (val << shift) & lanes;
	uint32_t old = *r->val, nv;
	switch (((pa & ~3u) - r->pa) >> 2) {
	case 0: nv = (old & ~lanes) | v; break;
	case 1: nv = old & ~v; break;
	case 2: nv = old | v; break;
	default: nv = old ^ v; break;
	}
	*r->val = (old & ~r->wmask) | (nv & r->wmask);
	if (r->write)
		r->write(m, r, old);
}
