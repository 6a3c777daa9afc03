/* SPDX-License-Identifier: Apache-2.0 */
/* cache.c - the L1 I- and D-caches of the M5150 in the PIC32MZ EF, the
 * flash prefetch module, CACHE and SYNCI, and the coherence and
 * initialisation checks (docs/simulator-cache.md).
 *
 * Data layout: host memory (m->ram, the flash arrays) holds what CACHED
 * accesses see; a valid D-cache line keeps the bytes memory holds in
 * line->data. So cached loads and stores stay host-pointer accesses, and
 * only uncached accesses, misses, write-backs and CACHE operations look
 * at the lines. The fast paths skip all bookkeeping while an access hits
 * a line whose state allows it (struct caches.dstate, one byte per
 * physical line: DS_* in cache.h) or, for fetches, the most recently
 * used line of its I-cache set (the filter in struct cpu). Every change
 * of a D line goes through dset_publish, which keeps that state true. */
#include <stdlib.h>

#include "cpu_internal.h"
#include "insns.h"

/* Cycle costs (docs/cycle-model.md). */
#define CYC_BUS 2        /* system-bus round trip before the first word */
#define CYC_BEATS 3      /* the other three words of a 16-byte line */
#define CYC_WRITEBACK 4  /* four words of a dirty line to memory */

static inline struct caches *caches_of(struct machine *m) { return &m->cpu.caches; }

static uint32_t rnd(struct caches *k)
{
	uint64_t x = k->rng; /* xorshift64: deterministic power-on contents */
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	k->rng = x;
	return (uint32_t)(x >> 16);
}

static void cache_alloc(struct machine *m, struct cache *k, unsigned sets)
{
	k->sets = sets;
	k->way_shift = sets == ICACHE_SETS ? 12 : 10;
	k->lines = calloc((size_t)sets * CACHE_WAYS, sizeof *k->lines);
	if (!k->lines)
		machine_fatal(m, "cpu: out of host memory for the caches");
}

/* lru_touch[order][w]: way w moves to rank 0, the ways ranked before it
 * move down one rank. */
static void lru_table(struct caches *k)
{
	for (unsigned o = 0; o < 256; o++)
		for (unsigned w = 0; w < CACHE_WAYS; w++) {
			unsigned p = 0, keep;
			while (p < 3 && ((o >> (2 * p)) & 3) != w)
				p++;
			keep = o & ~((1u << (2 * p + 2)) - 1); /* ranks after p */
			k->lru_touch[o][w] = (uint8_t)(keep | (o & ((1u << (2 * p)) - 1)) << 2 | w);
		}
}

/* The D-cache line states cover every cacheable physical memory: RAM,
 * program flash and the three boot flash windows (the lower alias and the
 * two panels are distinct physical addresses, so distinct lines). */
#define DSTATE_BOOT (PA_RAM_SIZE + PA_PFLASH_SIZE)
#define DSTATE_LINES ((DSTATE_BOOT + 3 * PA_BOOT_SIZE) / CACHE_LINE)

static inline uint8_t *dstate_of(struct caches *k, uint32_t line)
{
	uint32_t i;
	if (line < PA_RAM_SIZE)
		i = line;
	else if (line - PA_PFLASH_BASE < PA_PFLASH_SIZE)
		i = PA_RAM_SIZE + (line - PA_PFLASH_BASE);
	else if (line - PA_BOOT_BASE < PA_BOOT_SIZE)
		i = DSTATE_BOOT + (line - PA_BOOT_BASE);
	else if (line - PA_BOOT1_BASE < PA_BOOT_SIZE)
		i = DSTATE_BOOT + PA_BOOT_SIZE + (line - PA_BOOT1_BASE);
	else if (line - PA_BOOT2_BASE < PA_BOOT_SIZE)
		i = DSTATE_BOOT + 2 * PA_BOOT_SIZE + (line - PA_BOOT2_BASE);
	else
		return NULL;
	return &k->dstate[i / CACHE_LINE];
}

/* Physical address of the line whose state is *p (dstate_of inverted). */
static uint32_t dstate_pa(const struct caches *k, const uint8_t *p)
{
	uint32_t i = (uint32_t)(p - k->dstate) * CACHE_LINE;
	if (i < PA_RAM_SIZE)
		return i;
	if (i < DSTATE_BOOT)
		return PA_PFLASH_BASE + (i - PA_RAM_SIZE);
	i -= DSTATE_BOOT;
	if (i < PA_BOOT_SIZE)
		return PA_BOOT_BASE + i;
	if (i < 2 * PA_BOOT_SIZE)
		return PA_BOOT1_BASE + (i - PA_BOOT_SIZE);
	return PA_BOOT2_BASE + (i - 2 * PA_BOOT_SIZE);
}

const uint8_t *cache_dstate_page(struct machine *m, uint32_t pa, unsigned cca)
{
	struct caches *k = caches_of(m);
	const uint8_t *p = CACHE_MODEL && cca_cached(cca) ? dstate_of(k, pa) : NULL;
	return p ? p : k->dstate_none;
}

void cache_init(struct machine *m)
{
	struct cpu *c = &m->cpu;
	/* 2 KB away from guest RAM's host address bits 11:0 (cpu.h) */
	uintptr_t want = ((uintptr_t)m->ram + 2048u) & 0xFF0u;
	uintptr_t at = (uintptr_t)c->dline_stamp_buf;
	c->dline_stamps = c->dline_stamp_buf + ((want - at) & 0xFF0u);

	cache_alloc(m, &m->cpu.caches.i, ICACHE_SETS);
	cache_alloc(m, &m->cpu.caches.d, DCACHE_SETS);
	m->cpu.caches.dstate = calloc(DSTATE_LINES, 1);
	if (!m->cpu.caches.dstate)
		machine_fatal(m, "cpu: out of host memory for the caches");
	lru_table(&m->cpu.caches);
	for (unsigned s = 0; s < ICACHE_SETS; s++)
		m->cpu.ic_mru[s] = CACHE_FILTER_NONE; /* no line unguarded yet */
}

void cache_free(struct machine *m)
{
	free(m->cpu.caches.i.lines);
	free(m->cpu.caches.d.lines);
	free(m->cpu.caches.dstate);
	m->cpu.caches.i.lines = m->cpu.caches.d.lines = NULL;
	m->cpu.caches.dstate = NULL;
}

/* The I-cache filter is in the predecode entries themselves: an entry of
 * a line other than its set's MRU line holds INSN_ID_icheck (its handler
 * number kept in held), so the run loop dispatches to the cache's
 * bookkeeping exactly when a fetch enters such a line and compares
 * nothing otherwise. Entries waiting for op_decode need no guard (it
 * does the bookkeeping). ic_mru[set] names the one unguarded line. */
static void guard_line(struct insn *e)
{
	for (unsigned i = 0; i < CACHE_LINE / 4; i++)
		if (e[i].id != INSN_ID_decode && e[i].id != INSN_ID_icheck) {
			e[i].held = e[i].id;
			e[i].id = INSN_ID_icheck;
		}
}

static void unguard_line(struct insn *e)
{
	for (unsigned i = 0; i < CACHE_LINE / 4; i++)
		if (e[i].id == INSN_ID_icheck)
			e[i].id = e[i].held;
}

/* Line (first predecode entry, or CACHE_FILTER_NONE) is now the MRU line
 * of I set s. */
static void imru_set(struct cpu *c, unsigned s, uintptr_t line)
{
	uintptr_t old = c->ic_mru[s];
	if (old != line && old != CACHE_FILTER_NONE)
		guard_line((struct insn *)old);
	if (line != CACHE_FILTER_NONE)
		unguard_line((struct insn *)line);
	c->ic_mru[s] = line;
}

static void ifilter_flush(struct cpu *c)
{
	for (unsigned s = 0; s < ICACHE_SETS; s++)
		imru_set(c, s, CACHE_FILTER_NONE);
}

/* Power-on: tags, valid/dirty bits and data undefined (seeded random);
 * the hardware initialises nothing (Config7.HCI = 0). */
static void power_on(struct caches *k, struct cache *ca, bool dcache)
{
	ca->uninit = ca->sets * CACHE_WAYS;
	memset(ca->lru, LRU_ORDER_RESET, sizeof ca->lru);
	for (unsigned i = 0; i < ca->sets * CACHE_WAYS; i++) {
		struct cache_line *l = &ca->lines[i];
		uint32_t r = rnd(k);
		l->tag = (rnd(k) & ~(CACHE_LINE - 1) & ~(((uint32_t)ca->sets - 1) << 4)) |
			 (uint32_t)(i / CACHE_WAYS) << 4;
		l->valid = r & 1;
		l->dirty = dcache && (r & 2);
		l->lock = 0;
		l->init = 0;
		l->stale = 0;
		for (unsigned b = 0; b < CACHE_LINE; b += 4) {
			uint32_t w = rnd(k);
			memcpy(l->data + b, &w, 4);
		}
	}
}

void cache_reset(struct machine *m)
{
	struct caches *k = caches_of(m);
	k->rng = 0x9E3779B97F4A7C15ull;
	power_on(k, &k->i, false);
	power_on(k, &k->d, true);
	k->pf.iline = k->pf.dline = k->pf.next = CACHE_FILTER_NONE;
	k->pf.next_ready = 0;
	cache_dline_flush(m);
	memset(k->dstamp, 0, sizeof k->dstamp);
	memset(k->dstate, 0, DSTATE_LINES); /* no line is valid and initialised */
	ifilter_flush(&m->cpu);
}

/* ---- Lines and sets --------------------------------------------------- */

static inline struct cache_line *set_of(const struct cache *ca, uint32_t addr)
{
	return &ca->lines[((addr >> 4) & (ca->sets - 1)) * CACHE_WAYS];
}

static int find(struct cache_line *set, uint32_t line)
{
	for (int w = 0; w < CACHE_WAYS; w++)
		if (set[w].valid && set[w].tag == line)
			return w;
	return -1;
}

/* Set number of a line of ca. */
static inline unsigned line_set(const struct cache *ca, const struct cache_line *l)
{
	return (unsigned)(l - ca->lines) / CACHE_WAYS;
}

static inline bool is_dcache(struct machine *m, const struct cache *ca)
{
	return ca == &caches_of(m)->d;
}

/* The LRU stamps of a D set. */
static inline uint64_t *dstamps(struct machine *m, const struct cache_line *set)
{
	return &caches_of(m)->dstamp[line_set(&caches_of(m)->d, set) * CACHE_WAYS];
}

/* The LRU stamp of line filter entry i (cpu.dline_stamps). */
static inline uint64_t *dline_stamp(const struct cpu *c, unsigned i)
{
	return (uint64_t *)(c->dline_stamps + i * 16u);
}

/* The LRU stamps of a D set's ways: the stamp array's, or that of the
 * line filter entry following the way if it saw a later access. */
static void dset_stamps(struct machine *m, const struct cache_line *set, uint64_t st[CACHE_WAYS])
{
	const struct cpu *c = &m->cpu;
	unsigned base = line_set(&c->caches.d, set) * CACHE_WAYS;
	for (unsigned w = 0; w < CACHE_WAYS; w++) {
		int i = c->caches.dline_of[base + w];
		st[w] = c->caches.dstamp[base + w];
		if (i >= 0 && *dline_stamp(c, (unsigned)i) > st[w])
			st[w] = *dline_stamp(c, (unsigned)i);
	}
}

/* Way w of set is now its most recently used. */
static inline void touch(struct machine *m, struct cache *ca, struct cache_line *set, int w)
{
	if (is_dcache(m, ca)) {
		dstamps(m, set)[w] = m->cycle;
		return;
	}
	uint8_t *o = &ca->lru[line_set(ca, set)];
	*o = caches_of(m)->lru_touch[*o][w];
}

/* Replacement: an invalid unlocked way first, else the least recently
 * used unlocked way (the LRU way if all are locked). */
static int victim(struct machine *m, const struct cache *ca, const struct cache_line *set)
{
	for (int w = 0; w < CACHE_WAYS; w++)
		if (!set[w].valid && !set[w].lock)
			return w;
	if (is_dcache(m, ca)) {
		/* the oldest stamp; among equal ones (power-on, or lines one
		 * instruction used) the higher way, as the I-cache's reset
		 * order ranks them */
		uint64_t st[CACHE_WAYS];
		int best = -1, oldest = CACHE_WAYS - 1;
		dset_stamps(m, set, st);
		for (int w = CACHE_WAYS - 1; w >= 0; w--) {
			if (st[w] < st[oldest])
				oldest = w;
			if (!set[w].lock && (best < 0 || st[w] < st[best]))
				best = w;
		}
		return best >= 0 ? best : oldest;
	}
	unsigned o = ca->lru[line_set(ca, set)];
	for (int p = CACHE_WAYS - 1; p >= 0; p--) {
		int w = (int)(o >> (2 * p)) & 3;
		if (!set[w].lock)
			return w;
	}
	return (int)(o >> 6) & 3;
}

static bool set_uninit(const struct cache *ca, const struct cache_line *set)
{
	if (likely(ca->uninit == 0))
		return false;
	for (int w = 0; w < CACHE_WAYS; w++)
		if (!set[w].init)
			return true;
	return false;
}

/* ---- The line filter (cpu.dline) ------------------------------------- */

/* Drop the line filter entry following D way `slot` (set * 4 + way),
 * keeping the LRU stamp of its last access. */
static void dline_drop(struct machine *m, unsigned slot)
{
	struct cpu *c = &m->cpu;
	int i = c->caches.dline_of[slot];
	if (i >= 0) {
		struct dline_entry *le = &c->dline[i];
		if (*dline_stamp(c, (unsigned)i) > c->caches.dstamp[slot])
			c->caches.dstamp[slot] = *dline_stamp(c, (unsigned)i);
		le->tag_r = le->tag_w = DTLB_NONE;
		c->caches.dline_of[slot] = -1;
	}
}

void cache_dline_flush(struct machine *m)
{
	struct cpu *c = &m->cpu;
	for (unsigned i = 0; i < DCACHE_SETS * CACHE_WAYS; i++)
		dline_drop(m, i);
	for (unsigned i = 0; i < CPU_DLINE_SIZE; i++) {
		c->dline[i].tag_r = c->dline[i].tag_w = DTLB_NONE;
		c->dline_slot[i] = 0;
	}
}

void cache_dline_enter(struct machine *m, const struct dtlb_entry *e, uint32_t va, unsigned st)
{
	struct cpu *c = &m->cpu;
	struct caches *k = &c->caches;
	unsigned idx = (va >> 4) & (CPU_DLINE_SIZE - 1);
	unsigned slot = ((va >> 4) & (DCACHE_SETS - 1)) * CACHE_WAYS +
			((st & DS_WAY_MASK) >> DS_WAY_SHIFT);
	struct dline_entry *le = &c->dline[idx];
	uint32_t page = va & ~0xFFFu, line = va & ~(CACHE_LINE - 1);
	if (k->dline_of[c->dline_slot[idx]] == (int16_t)idx)
		dline_drop(m, c->dline_slot[idx]); /* the way it followed */
	dline_drop(m, slot); /* one entry per way: the way's state drops it */
	le->tag_r = e->tag_r == page ? line : DTLB_NONE;
	le->tag_w = (st & DS_WR) && e->tag_w == page ? line : DTLB_NONE;
	le->host = e->host + (va & 0xFF0u);
	le->dec = le->tag_w != DTLB_NONE ? e->dec + ((va & 0xFF0u) >> 2) : NULL;
	*dline_stamp(c, idx) = k->dstamp[slot];
	c->dline_slot[idx] = (uint8_t)slot;
	k->dline_of[slot] = (int16_t)idx;
}

/* The fast-path state of line l in way w, set aside the uninitialised-set
 * rule: 0 unless it is valid, initialised and not stale. */
static inline uint8_t dline_state(const struct cache_line *l, int w)
{
	if (!l->valid || !l->init || l->stale)
		return 0;
	return (uint8_t)(DS_RD | (l->dirty ? DS_WR : 0u) | (unsigned)w << DS_WAY_SHIFT);
}

/* Make the fast-path state of D set `set` true to its lines: every line
 * the set holds loses its state, then each valid, initialised line whose
 * memory did not change under it gets DS_RD (and DS_WR if dirty) with its
 * way. In a set with uninitialised lines only the most recently used line
 * gets them: an access to another line must reach cache_data_access,
 * which reports it. Ways are visited from 3 down to 0, so if software's
 * Index Store Tag gave two ways one tag, way order decides, as find(). */
static void dset_publish(struct machine *m, const struct cache_line *set)
{
	struct caches *k = caches_of(m);
	uint64_t st[CACHE_WAYS];
	bool uninit = set_uninit(&k->d, set);
	unsigned s = line_set(&k->d, set);
	int mru = 0;
	dset_stamps(m, set, st);
	for (int w = 1; w < CACHE_WAYS; w++)
		if (st[w] > st[mru])
			mru = w;
	for (int w = 0; w < CACHE_WAYS; w++) {
		uint8_t *p = dstate_of(k, set[w].tag);
		dline_drop(m, s * CACHE_WAYS + (unsigned)w);
		if (p)
			*p = 0;
	}
	for (int w = CACHE_WAYS - 1; w >= 0; w--) {
		const struct cache_line *l = &set[w];
		uint8_t *p = dstate_of(k, l->tag);
		if (p && dline_state(l, w) && !(uninit && w != mru))
			*p = dline_state(l, w);
	}
}

/* The same for way w only (the others unchanged), when that is enough. */
static void dline_publish(struct machine *m, const struct cache_line *set, int w)
{
	struct caches *k = caches_of(m);
	const struct cache_line *l = &set[w];
	uint8_t *p = dstate_of(k, l->tag);
	dline_drop(m, line_set(&k->d, set) * CACHE_WAYS + (unsigned)w);
	if (!p)
		return;
	for (int o = 0; o < CACHE_WAYS; o++)
		if (o != w && set[o].tag == l->tag) {
			dset_publish(m, set); /* one tag in two ways (Index Store Tag) */
			return;
		}
	if (set_uninit(&k->d, set)) {
		dset_publish(m, set); /* the MRU rule */
		return;
	}
	*p = dline_state(l, w);
}

/* The D set holding line l. */
static inline const struct cache_line *dset_of_line(struct machine *m, const struct cache_line *l)
{
	return &caches_of(m)->d.lines[line_set(&caches_of(m)->d, l) * CACHE_WAYS];
}

/* dline_publish for line l, wherever it is. */
static void dline_publish_line(struct machine *m, const struct cache_line *l)
{
	const struct cache_line *set = dset_of_line(m, l);
	dline_publish(m, set, (int)(l - set));
}

static void mark_init(struct cache *ca, struct cache_line *l)
{
	if (!l->init) {
		l->init = 1;
		ca->uninit--;
	}
}

/* Host bytes of physical memory at a line, or NULL (SFRs, unmapped). */
static inline uint8_t *line_host(struct machine *m, uint32_t line)
{
	return line < PA_RAM_SIZE ? m->ram + line : mmu_host(m, line); /* RAM: the misses' case */
}

/* Whether two 16-byte lines hold the same bytes. */
static inline bool line_same(const uint8_t *a, const uint8_t *b)
{
	uint64_t a0, a1, b0, b1;
	memcpy(&a0, a, 8);
	memcpy(&a1, a + 8, 8);
	memcpy(&b0, b, 8);
	memcpy(&b1, b + 8, 8);
	return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

static const char *state_name(const struct cache_line *l)
{
	if (!l->init)
		return "uninitialised";
	if (!l->valid)
		return "invalid";
	if (l->dirty)
		return "valid, dirty";
	return l->stale ? "valid, differs from memory" : "valid, clean";
}

/* PC of the executing instruction (handlers run with c->pc = it + 4). */
static uint32_t cur_pc(const struct machine *m) { return m->cpu.pc - 4; }

static void finding(struct machine *m, enum finding_rule rule, uint32_t pc, const char *what,
		    uint32_t addr, const struct cache_line *l)
{
	machine_finding(m, rule, "pc %08x: %s, pa %08x, line %s", pc, what, addr,
			l ? state_name(l) : "not present");
	m->cpu.limit = 0;
}

/* ---- D-cache line transfers ------------------------------------------- */

/* An uninitialised line that software reaches (its random tag matched):
 * its random bytes become what cached accesses see. */
static void adopt_random(struct machine *m, struct cache *ca, struct cache_line *l)
{
	uint8_t *h = line_host(m, l->tag);
	if (h && l->tag < PA_RAM_SIZE) {
		uint8_t mem[CACHE_LINE];
		memcpy(mem, h, CACHE_LINE);
		memcpy(h, l->data, CACHE_LINE);
		memcpy(l->data, mem, CACHE_LINE);
		cpu_code_written(m, l->tag, CACHE_LINE);
	}
	mark_init(ca, l);
}

/* Write a dirty D line back to memory; publish: update the fast-path
 * state (the caller may leave it to a d_drop that follows). */
static unsigned d_writeback_line(struct machine *m, struct cache_line *l, bool publish)
{
	uint8_t *h = line_host(m, l->tag);
	if (!l->valid || !l->dirty)
		return 0;
	l->dirty = 0;
	if (h) {
		if (l->init) {
			memcpy(l->data, h, CACHE_LINE); /* memory <- the cached bytes */
		} else if (l->tag < PA_RAM_SIZE) {
			memcpy(h, l->data, CACHE_LINE); /* random bytes over real memory */
			cpu_code_written(m, l->tag, CACHE_LINE);
		}
	}
	l->stale = 0;
	if (publish)
		dline_publish_line(m, l);
	return CYC_WRITEBACK;
}

static unsigned d_writeback(struct machine *m, struct cache_line *l)
{
	return d_writeback_line(m, l, true);
}

/* Drop a D line without write-back: cached accesses see memory again. */
static void d_drop(struct machine *m, struct cache_line *l)
{
	uint8_t *h = line_host(m, l->tag);
	/* (flash: only the flash controller changes its memory, cpu_memory_line) */
	if (l->valid && l->init && h && (l->tag < PA_RAM_SIZE || l->stale) &&
	    !line_same(h, l->data)) {
		memcpy(h, l->data, CACHE_LINE);
		cpu_code_written(m, l->tag, CACHE_LINE);
	}
	l->valid = l->dirty = l->stale = 0;
	dline_publish_line(m, l);
}

/* ---- Flash and the prefetch module ------------------------------------ */

/* Wait states of a flash read of the line at pa (PRECON.PFMWS, hidden
 * by the prefetch module's buffers when PRECON.PREFEN enables them for
 * this kind of access). */
static unsigned flash_read(struct machine *m, uint32_t pa, bool insn, bool cacheable)
{
	struct prefetch *p = &caches_of(m)->pf;
	uint32_t line = pa & ~(CACHE_LINE - 1);
	unsigned ws = soc_flash_wait_states(m), en = soc_flash_prefetch(m), cost;
	if (!(en == 3 || en == (cacheable ? 1u : 2u)))
		return ws;
	if (line == p->iline || line == p->dline)
		cost = 0;
	else if (insn && line == p->next)
		cost = m->cycle >= p->next_ready ? 0 : (unsigned)(p->next_ready - m->cycle);
	else
		cost = ws;
	if (insn && line != p->iline) {
		/* a new instruction line: predictive prefetch of the next one
		 * (instructions only), one flash read after this one */
		p->iline = line;
		p->next = line + CACHE_LINE;
		p->next_ready = m->cycle + cost + ws + 1;
	} else if (!insn) {
		p->dline = line;
	}
	return cost;
}

static inline bool is_flash(uint32_t pa) { return pa >= PA_RAM_SIZE; }

/* Cycles to bring a line into a cache. */
static unsigned fill_cost(struct machine *m, uint32_t line, bool insn)
{
	unsigned c = CYC_BUS + CYC_BEATS;
	if (is_flash(line))
		c += flash_read(m, line, insn, true);
	return c;
}

/* ---- D-cache accesses ------------------------------------------------- */

static inline bool cca_write_through(unsigned cca) { return cca == 0 || cca == 1; }

/* A cached data access (load or store) to physical pa through va. The
 * bytes themselves are moved by the caller on host memory. */
void cache_data_access(struct machine *m, uint32_t va, uint32_t pa, unsigned cca, bool store)
{
	if (!CACHE_MODEL)
		return;
	struct cpu *c = &m->cpu;
	struct cache *ca = &c->caches.d;
	uint32_t line = pa & ~(CACHE_LINE - 1);
	struct cache_line *set = set_of(ca, pa);
	int w;
	(void)va;
	if (unlikely(set_uninit(ca, set))) {
		int u = 0;
		while (set[u].init)
			u++;
		finding(m, FINDING_CACHE_INIT, cur_pc(m), store ? "cached store before the D-cache was initialised"
			: "cached load before the D-cache was initialised", pa, &set[u]);
	}
	w = find(set, line);
	if (w >= 0 && !set[w].init)
		adopt_random(m, ca, &set[w]);
	if (w >= 0 && set[w].stale)
		finding(m, FINDING_COHERENCE, cur_pc(m),
			"cached access hits a line whose memory changed under it (uncached store, DMA, flash program)",
			pa, &set[w]);
	if (w < 0 && !(store && cca == 0)) { /* miss: allocate (CCA 0 stores do not) */
		w = victim(m, ca, set);
		struct cache_line *l = &set[w];
		if (!l->init)
			finding(m, FINDING_CACHE_INIT, cur_pc(m), "fill evicts an uninitialised D-cache line",
				pa, l);
		if (l->valid) {
			m->cycle += d_writeback_line(m, l, false);
			d_drop(m, l);
		}
		mark_init(ca, l);
		const uint8_t *h = line_host(m, line);
		if (h)
			memcpy(l->data, h, CACHE_LINE);
		l->tag = line;
		l->valid = 1;
		l->dirty = l->stale = 0;
		m->cycle += fill_cost(m, line, false);
	}
	if (w < 0) /* write-through, no write-allocate miss: memory only */
		return;
	touch(m, ca, set, w);
	if (store && !cca_write_through(cca)) /* write-through: cache_store_done() */
		set[w].dirty = 1;
	dline_publish(m, set, w);
}

/* A load or store whose page is in the data translation cache (e) but
 * whose line state does not allow it there: the cache's bookkeeping, after
 * which the caller does the access on host memory (true); false for what
 * the slow path must do (an uncached page). A store's page is write-back
 * here: write-through pages are not in the dtlb for writes; a load's
 * write policy does not matter. */
bool cache_dtlb_miss(struct machine *m, const struct dtlb_entry *e, uint32_t va, bool store)
{
	struct caches *k = caches_of(m);
	if (!CACHE_MODEL || e->dstate == k->dstate_none)
		return false;
	cache_data_access(m, va, dstate_pa(k, e->dstate) | (va & 0xFFFu), 3, store);
	unsigned st = e->dstate[(va & 0xFFFu) >> 4];
	if (st & (store ? DS_WR : DS_RD))
		cache_dline_enter(m, e, va, st); /* the next access to the line hits there */
	return true;
}

/* After a write-through store wrote host memory: memory has the bytes too. */
void cache_store_done(struct machine *m, uint32_t pa)
{
	if (!CACHE_MODEL)
		return;
	struct cache *ca = &m->cpu.caches.d;
	struct cache_line *set = set_of(ca, pa);
	int w = find(set, pa & ~(CACHE_LINE - 1));
	const uint8_t *h = line_host(m, pa & ~(CACHE_LINE - 1));
	if (w >= 0 && set[w].init && h)
		memcpy(set[w].data, h, CACHE_LINE);
}

/* An uncached data access to RAM or flash at pa. Returns true if it was
 * done here, on the memory bytes of a D-cache line that holds pa (memory,
 * not the cached bytes, is what an uncached access reaches). */
/* An access to memory (not the cached bytes) at pa, by the core uncached
 * or by another bus master (core false): done on the memory bytes of a D
 * line that holds pa (true). */
static bool memory_access(struct machine *m, uint32_t pa, unsigned size, bool store, uint32_t *val,
			  bool core)
{
	struct cache *ca = &m->cpu.caches.d;
	struct cache_line *set = set_of(ca, pa);
	int w = find(set, pa & ~(CACHE_LINE - 1));
	if (w < 0 || !set[w].init)
		return false;
	struct cache_line *l = &set[w];
	/* An uncached store under a dirty line is lost at its write-back; a
	 * bus master writing under one too. A DMA write under a clean line
	 * makes it stale: the finding comes with the next cached hit. */
	if (l->dirty || (l->stale && core)) {
		const char *what = core ? (store ? "uncached store to a line the D-cache holds"
						 : "uncached load of a line the D-cache holds")
					: (store ? "DMA write to a line the D-cache holds dirty"
						 : "DMA read of a line the D-cache holds dirty");
		finding(m, FINDING_COHERENCE, cur_pc(m), what, pa, l);
	}
	uint8_t *p = l->data + (pa & (CACHE_LINE - 1));
	if (store) {
		const uint8_t *h = line_host(m, l->tag);
		for (unsigned i = 0; i < size; i++)
			p[i] = (uint8_t)(val[0] >> (8 * i));
		if (h && !line_same(h, l->data)) {
			l->stale = 1;
			dset_publish(m, set);
		}
	} else {
		uint32_t v = 0;
		for (unsigned i = 0; i < size; i++)
			v |= (uint32_t)p[i] << (8 * i);
		*val = v;
	}
	return true;
}

bool cache_uncached_data(struct machine *m, uint32_t pa, unsigned size, bool store, uint32_t *val)
{
	if (!CACHE_MODEL)
		return false;
	if (!store)
		m->cycle += CYC_BUS + (is_flash(pa) ? flash_read(m, pa, false, false) : 0);
	return memory_access(m, pa, size, store, val, true);
}

bool cache_master_access(struct machine *m, uint32_t pa, unsigned size, bool store, uint32_t *val)
{
	if (!CACHE_MODEL)
		return false;
	return memory_access(m, pa, size, store, val, false);
}

/* ---- Instruction fetch ------------------------------------------------ */

/* Physical address of predecoded entry d in the current fetch window. */
static uint32_t window_pa(const struct cpu *c, const struct insn *d)
{
	return c->fetch_pa + (uint32_t)(d - c->fetch_dec) * 4;
}

static uint32_t window_va(const struct cpu *c, const struct insn *d)
{
	return c->fetch_base + (uint32_t)(d - c->fetch_dec) * 4;
}

/* The bytes memory holds for a line (a D line's copy if it holds it). */
static const uint8_t *memory_bytes(struct machine *m, uint32_t line, const struct cache_line **dl)
{
	struct cache *dc = &m->cpu.caches.d;
	struct cache_line *set = set_of(dc, line);
	int w = find(set, line);
	*dl = NULL;
	if (w >= 0 && set[w].init) {
		*dl = &set[w];
		return set[w].data;
	}
	return line_host(m, line);
}

/* A cached fetch at physical pa (virtual va, for reports): LRU, and on a
 * miss a fill from memory. Returns the way holding the line. */
static int ifetch_pa(struct machine *m, uint32_t va, uint32_t pa)
{
	struct cache *ca = &m->cpu.caches.i;
	uint32_t line = pa & ~(CACHE_LINE - 1);
	struct cache_line *set = set_of(ca, pa);
	int w;
	if (unlikely(set_uninit(ca, set))) {
		int u = 0;
		while (set[u].init)
			u++;
		finding(m, FINDING_CACHE_INIT, va,
			"instruction fetch before the I-cache was initialised", pa, &set[u]);
	}
	w = find(set, line);
	if (w >= 0 && !set[w].init) {
		mark_init(ca, &set[w]); /* random bytes: decode them */
		cpu_code_written(m, line, CACHE_LINE);
	}
	if (w < 0) {
		const struct cache_line *dl;
		const uint8_t *mem = memory_bytes(m, line, &dl);
		const uint8_t *view = line_host(m, line);
		w = victim(m, ca, set);
		struct cache_line *l = &set[w];
		mark_init(ca, l);
		l->tag = line;
		l->valid = 1;
		l->dirty = l->stale = 0;
		if (mem)
			memcpy(l->data, mem, CACHE_LINE);
		if (mem && view && !line_same(mem, view)) {
			finding(m, FINDING_COHERENCE, va,
				"instruction fetch of bytes stored through the D-cache and not written back",
				pa, dl);
			cpu_code_written(m, line, CACHE_LINE); /* decode what the I-cache got */
		}
		m->cycle += fill_cost(m, line, true);
	}
	touch(m, ca, set, w);
	return w;
}

/* A cached fetch of the line holding entry d (the run loop calls this
 * when the line is not the most recently used one of its set). */
void cache_ifetch(struct machine *m, const struct insn *d)
{
	if (!CACHE_MODEL)
		return;
	struct cpu *c = &m->cpu;
	uint32_t pa = window_pa(c, d);
	ifetch_pa(m, window_va(c, d), pa);
	imru_set(c, (pa >> 4) & (ICACHE_SETS - 1), (uintptr_t)(d - ((pa >> 2) & 3)));
}

static inline bool in_window(const struct cpu *c, const struct insn *e)
{
	return e >= c->fetch_dec && e < c->fetch_dec + (c->fetch_size >> 2);
}

void cache_fetch_entry(struct machine *m, const struct insn *d)
{
	struct cpu *c = &m->cpu;
	if (CACHE_MODEL && !c->fetch_uncached && !c->mm && in_window(c, d) &&
	    c->ic_mru[ICACHE_SET_OF(d)] != ICACHE_LINE_OF(d))
		cache_ifetch(m, d);
}

void cache_guard_entry(struct machine *m, struct insn *e)
{
	if (CACHE_MODEL && m->cpu.ic_mru[ICACHE_SET_OF(e)] != ICACHE_LINE_OF(e)) {
		e->held = e->id;
		e->id = INSN_ID_icheck;
	}
}

OP(icheck)
{
	struct insn *e = (struct insn *)d;
	cache_fetch_entry(m, e); /* uncached windows run it as it is */
	insn_handlers[e->id == INSN_ID_icheck ? e->held : e->id](m, e);
}

static unsigned uncached_fetch_pa(struct machine *m, uint32_t va, uint32_t pa)
{
	if (is_flash(pa))
		return CYC_BUS + flash_read(m, pa, true, false);
	if (!CACHE_MODEL)
		return 0;
	struct cache_line *set = set_of(&m->cpu.caches.d, pa);
	int w = find(set, pa & ~(CACHE_LINE - 1));
	if (w >= 0 && set[w].init && (set[w].dirty || set[w].stale))
		finding(m, FINDING_COHERENCE, va, "uncached fetch of a line the D-cache holds", pa, &set[w]);
	return CYC_BUS;
}

/* Extra cycles of one uncached fetch of entry d (prefetch module for
 * flash, the bus for RAM), checking that no D line holds newer bytes. */
unsigned cache_uncached_fetch(struct machine *m, const struct insn *d)
{
	return uncached_fetch_pa(m, window_va(&m->cpu, d), window_pa(&m->cpu, d));
}

/* The fetch of a microMIPS instruction of size bytes at va in the fetch
 * window: charged, and its bytes compared with the I-cache line's (the
 * microMIPS loop decodes from host memory, so the check is per fetch). */
void cache_fetch_at(struct machine *m, uint32_t va, unsigned size)
{
	struct cpu *c = &m->cpu;
	uint32_t pa = c->fetch_pa + (va - c->fetch_base);
	if (va - c->fetch_base >= c->fetch_size)
		return; /* a 32-bit instruction across pages: its second page is mapped */
	if (c->fetch_uncached) {
		m->cycle += uncached_fetch_pa(m, va, pa);
		return;
	}
	if (!CACHE_MODEL)
		return;
	int w = ifetch_pa(m, va, pa);
	const struct cache_line *l = &set_of(&c->caches.i, pa)[w];
	const uint8_t *view = line_host(m, pa);
	unsigned n = CACHE_LINE - (pa & (CACHE_LINE - 1));
	if (n > size)
		n = size;
	if (view && memcmp(view, l->data + (pa & (CACHE_LINE - 1)), n) != 0)
		finding(m, FINDING_COHERENCE, va,
			"instruction fetch from an I-cache line older than the stored bytes (no I-cache invalidate / SYNCI)",
			pa, l);
	imru_set(c, (pa >> 4) & (ICACHE_SETS - 1), CACHE_FILTER_NONE);
}

/* The instruction word a cached fetch of entry e gets: the I-cache line's
 * (a store through the D-cache does not reach the I-cache). Reports a
 * line that differs from what was stored. False: e is not fetched cached. */
bool cache_insn_word(struct machine *m, const struct insn *e, uint32_t *w)
{
	if (!CACHE_MODEL)
		return false;
	struct cpu *c = &m->cpu;
	if (c->fetch_uncached || !in_window(c, e))
		return false;
	uint32_t pa = window_pa(c, e);
	struct cache_line *set = set_of(&c->caches.i, pa);
	int way = find(set, pa & ~(CACHE_LINE - 1));
	if (way < 0)
		return false;
	uint32_t iw;
	memcpy(&iw, set[way].data + (pa & 0xC), 4);
	if (iw != *w) {
		finding(m, FINDING_COHERENCE, window_va(c, e),
			"instruction fetch from an I-cache line older than the stored bytes (no I-cache invalidate / SYNCI)",
			pa, &set[way]);
		*w = iw;
	}
	return true;
}

/* ---- CACHE and SYNCI -------------------------------------------------- */

enum { CACHE_I = 0, CACHE_D = 1 };

static void i_invalidate(struct machine *m, struct cache_line *l)
{
	if (l->valid)
		imru_set(&m->cpu, (l->tag >> 4) & (ICACHE_SETS - 1), CACHE_FILTER_NONE);
	l->valid = 0;
}

static void i_fill(struct machine *m, struct cache_line *set, uint32_t line, bool lock)
{
	int w = find(set, line);
	if (w < 0) {
		const struct cache_line *dl;
		const uint8_t *mem = memory_bytes(m, line, &dl);
		w = victim(m, &m->cpu.caches.i, set);
		mark_init(&m->cpu.caches.i, &set[w]);
		set[w].tag = line;
		set[w].valid = 1;
		if (mem)
			memcpy(set[w].data, mem, CACHE_LINE);
		m->cycle += fill_cost(m, line, true);
	}
	set[w].lock |= lock;
	touch(m, &m->cpu.caches.i, set, w);
	imru_set(&m->cpu, (line >> 4) & (ICACHE_SETS - 1), CACHE_FILTER_NONE);
}

static void tag_to_taglo(struct cpu *c, const struct cache_line *l, unsigned sel)
{
	struct cp0 *cp = &c->cp0;
	cp->taglo = (l->tag & 0xFFFFFC00u) | (uint32_t)l->valid << 7 |
		    (uint32_t)(sel == CACHE_D && l->dirty) << 6 | (uint32_t)l->lock << 5;
}

static void index_op(struct machine *m, unsigned sel, unsigned type, uint32_t va)
{
	struct cpu *c = &m->cpu;
	struct cache *ca = sel == CACHE_I ? &c->caches.i : &c->caches.d;
	struct cache_line *set = set_of(ca, va);
	struct cache_line *l = &set[(va >> ca->way_shift) & (CACHE_WAYS - 1)];
	uint32_t setbits = va & ((1u << ca->way_shift) - 1) & ~(CACHE_LINE - 1);
	switch (type) {
	case 0: /* Index Invalidate (I) / Index Writeback Invalidate (D) */
		if (sel == CACHE_D) {
			if (!l->init)
				finding(m, FINDING_CACHE_INIT, cur_pc(m),
					"Index Writeback Invalidate of an uninitialised D-cache line", l->tag, l);
			m->cycle += d_writeback(m, l);
			d_drop(m, l);
		} else {
			i_invalidate(m, l);
		}
		l->lock = 0;
		mark_init(ca, l);
		break;
	case 1: /* Index Load Tag: TagLo, and the data word at the index in DataLo */
		tag_to_taglo(c, l, sel);
		if (sel == CACHE_D && l->valid && l->init && line_host(m, l->tag))
			memcpy(&c->cp0.datalo, line_host(m, l->tag) + (va & 0xC), 4);
		else
			memcpy(&c->cp0.datalo, l->data + (va & 0xC), 4);
		break;
	case 2: /* Index Store Tag: the line's tag and state from TagLo */
		if (sel == CACHE_D && l->init)
			d_drop(m, l);
		else if (sel == CACHE_I)
			i_invalidate(m, l);
		l->tag = (c->cp0.taglo & ~((1u << ca->way_shift) - 1)) | setbits;
		l->valid = (c->cp0.taglo >> 7) & 1;
		l->dirty = sel == CACHE_D && ((c->cp0.taglo >> 6) & 1);
		l->lock = (c->cp0.taglo >> 5) & 1;
		l->stale = 0;
		mark_init(ca, l);
		if (l->valid) { /* a valid tag stored by hand holds what memory holds */
			const uint8_t *h = line_host(m, l->tag);
			if (h)
				memcpy(l->data, h, CACHE_LINE);
		}
		break;
	case 3: /* Index Store Data: DataLo into the data array */
		if (sel == CACHE_D && l->valid && l->init && line_host(m, l->tag) &&
		    l->tag < PA_RAM_SIZE) {
			memcpy(line_host(m, l->tag) + (va & 0xC), &c->cp0.datalo, 4);
			cpu_code_written(m, l->tag + (va & 0xC), 4);
		} else {
			memcpy(l->data + (va & 0xC), &c->cp0.datalo, 4);
			if (sel == CACHE_I && l->valid)
				cpu_code_written(m, l->tag + (va & 0xC), 4);
		}
		break;
	}
	if (sel == CACHE_D)
		dset_publish(m, set);
	else
		imru_set(c, (va >> 4) & (ICACHE_SETS - 1), CACHE_FILTER_NONE);
}

static void hit_op(struct machine *m, unsigned sel, unsigned type, uint32_t pa)
{
	struct cpu *c = &m->cpu;
	struct cache *ca = sel == CACHE_I ? &c->caches.i : &c->caches.d;
	uint32_t line = pa & ~(CACHE_LINE - 1);
	struct cache_line *set = set_of(ca, pa);
	int w;
	if (set_uninit(ca, set)) {
		int u = 0;
		while (set[u].init)
			u++;
		finding(m, FINDING_CACHE_INIT, cur_pc(m), "hit-type CACHE operation on an uninitialised set",
			pa, &set[u]);
	}
	w = find(set, line);
	if (sel == CACHE_I) {
		if (type == 4 && w >= 0)            /* Hit Invalidate */
			i_invalidate(m, &set[w]);
		else if (type == 5 || type == 7)    /* Fill, Fetch and Lock */
			i_fill(m, set, line, type == 7);
		return;
	}
	if (type == 7) {                            /* Fetch and Lock */
		cache_data_access(m, pa, pa, 3, false);
		w = find(set, line);
		if (w >= 0)
			set[w].lock = 1;
		return;
	}
	if (w < 0)
		return;
	struct cache_line *l = &set[w];
	if (!l->init) {
		adopt_random(m, ca, l);
		dset_publish(m, set);
	}
	switch (type) {
	case 4: /* Hit Invalidate: dirty bytes are lost */
		d_drop(m, l);
		l->lock = 0;
		break;
	case 5: /* Hit Writeback Invalidate */
		m->cycle += d_writeback(m, l);
		d_drop(m, l);
		l->lock = 0;
		break;
	case 6: /* Hit Writeback */
		m->cycle += d_writeback(m, l);
		break;
	}
}

/* CACHE op, offset(base) after the privilege checks. */
void cache_op(struct machine *m, unsigned op, uint32_t va)
{
	unsigned sel = op & 3, type = op >> 2;
	if (sel > CACHE_D)
		return; /* no secondary or tertiary cache */
	if (!CACHE_MODEL)
		return;
	if (type <= 3) {
		index_op(m, sel, type, va);
		return;
	}
	struct xlate x;
	unsigned f = mmu_translate(m, va, ACC_LOAD, &x);
	if (f) {
		mmu_fault(m, va, f, false);
		return;
	}
	hit_op(m, sel, type, x.pa);
}

/* SYNCI: write the D line back and invalidate the I line holding va. */
void cache_synci(struct machine *m, uint32_t va)
{
	struct xlate x;
	unsigned f = mmu_translate(m, va, ACC_LOAD, &x);
	if (f) {
		mmu_fault(m, va, f, false);
		return;
	}
	if (!CACHE_MODEL)
		return;
	hit_op(m, CACHE_D, 6, x.pa);
	hit_op(m, CACHE_I, 4, x.pa);
}

/* ---- Other bus masters --------------------------------------------- */

static struct cache_line *d_holding(struct machine *m, uint32_t pa)
{
	struct cache_line *set = set_of(&m->cpu.caches.d, pa);
	int w = find(set, pa & ~(CACHE_LINE - 1));
	return w >= 0 && set[w].init ? &set[w] : NULL;
}

uint8_t *cpu_memory_line(struct machine *m, uint32_t pa)
{
	struct cache_line *l = CACHE_MODEL ? d_holding(m, pa) : NULL;
	return l ? l->data : line_host(m, pa & ~(CACHE_LINE - 1));
}

void cpu_memory_line_changed(struct machine *m, uint32_t pa)
{
	struct cache_line *l = CACHE_MODEL ? d_holding(m, pa) : NULL;
	const uint8_t *h = line_host(m, pa & ~(CACHE_LINE - 1));
	if (l && h && !l->dirty && !line_same(h, l->data)) {
		l->stale = 1; /* the cached bytes are the old ones */
		dset_publish(m, dset_of_line(m, l));
	}
}

void cpu_memory_line_read(struct machine *m, uint32_t pa, const char *who)
{
	struct cache_line *l = CACHE_MODEL ? d_holding(m, pa) : NULL;
	char what[96];
	if (l && l->dirty) {
		snprintf(what, sizeof what, "%s reads memory the D-cache holds newer (not written back)",
			 who);
		finding(m, FINDING_COHERENCE, cur_pc(m), what, pa, l);
	}
}

void vzsim_cache_evict(struct machine *m, uint32_t pa, uint32_t len)
{
	struct caches *k = caches_of(m);
	uint64_t cycle = m->cycle;
	for (unsigned i = 0; i < k->d.sets * CACHE_WAYS; i++) {
		struct cache_line *l = &k->d.lines[i];
		if (l->valid && l->init && l->tag - pa < len) {
			d_writeback(m, l);
			d_drop(m, l);
		}
	}
	for (unsigned i = 0; i < k->i.sets * CACHE_WAYS; i++) {
		struct cache_line *l = &k->i.lines[i];
		if (l->valid && l->init && l->tag - pa < len)
			i_invalidate(m, l);
	}
	ifilter_flush(&m->cpu);
	m->cycle = cycle;
}
