/* SPDX-License-Identifier: Apache-2.0 */
/* sba.c - system bus arbitration: the access-protection logic between the
 * bus initiators (the CPU, the DMA controller) and the 14 bus targets.
 *
 * Each target has 8 regions (SBTxREGy: BASE 31:10, PRI 9, SIZE 7:3, the
 * region 2^(SIZE-1) KB, SIZE 0 = absent) with read and write permission
 * per permission group (SBTxRDy/WRy bits 3:0); CFGPG puts each initiator
 * in a group (CPUPG 1:0, DMAPG 5:4). Region 0 is the whole target
 * (read-only REG0); its permissions are programmable.
 * Decisions (docs/simulator-dma.md, "Bus permissions"):
 *   - the regions that contain an access and have the highest PRI among
 *     those decide; every one of them must grant the initiator's group;
 *   - every CPU access is checked (also a cached hit: stricter than a
 *     check on the bus transactions only), loads and stores get a data bus
 *     error, fetches an instruction bus error;
 *   - a violation is logged in SBTxELOG1 (MULTI 31, CODE 27:24 = 3
 *     permission, INITID 15:8, REGION 7:4, CMD 2:0 = 1 read / 2 write)
 *     and ELOG2 (GROUP 1:0) unless one is logged already (then MULTI),
 *     sets SBFLAG bit x, and with SBTxECON.ERRP requests vector 106 (a
 *     persistent source); a read of ECLRS clears the log, ECLRM also
 *     MULTI; writing ones to ELOG1 clears those bits.
 */
#include "machine.h"

#define SBFLAG_PA  0x1F8F0510u
#define SBT_BASE   0x1F8F8000u
#define SBA_VECTOR 106u

#define REG_PRI    (1u << 9)
#define ECON_ERRP  (1u << 24)
#define ELOG_MULTI (1u << 31)
#define ELOG_CODE_PERMISSION 3u

/* Where each target lives: [lo, hi) physical ranges (up to two). */
struct sba_range { uint32_t lo, hi; };
static const struct sba_range sba_map[SBA_TARGETS][2] = {
	{ { 0x1F8F0000u, 0x1F900000u }, { 0, 0 } },                  /* 0 bus registers */
	{ { 0x1D000000u, 0x1D200000u }, { 0x1FC00000u, 0x1FC80000u } }, /* 1 flash */
	{ { 0x00000000u, 0x00040000u }, { 0, 0 } },                  /* 2 RAM 0-256K */
	{ { 0x00040000u, 0x00080000u }, { 0, 0 } },                  /* 3 RAM 256-512K */
	{ { 0x20000000u, 0x24000000u }, { 0x1F8E1000u, 0x1F8E2000u } }, /* 4 EBI */
	{ { 0x1F800000u, 0x1F820000u }, { 0, 0 } },                  /* 5 PS1 */
	{ { 0x1F820000u, 0x1F840000u }, { 0, 0 } },                  /* 6 PS2 */
	{ { 0x1F840000u, 0x1F860000u }, { 0, 0 } },                  /* 7 PS3 */
	{ { 0x1F860000u, 0x1F880000u }, { 0, 0 } },                  /* 8 PS4 */
	{ { 0x1F880000u, 0x1F8E0000u }, { 0, 0 } },                  /* 9 PS5 */
	{ { 0x1F8E3000u, 0x1F8E4000u }, { 0, 0 } },                  /* 10 USB */
	{ { 0x30000000u, 0x34000000u }, { 0x1F8E2000u, 0x1F8E3000u } }, /* 11 SQI */
	{ { 0x1F8E5000u, 0x1F8E6000u }, { 0, 0 } },                  /* 12 crypto */
	{ { 0x1F8E6000u, 0x1F8E7000u }, { 0x1F8E0000u, 0x1F8E1000u } }, /* 13 RNG; prefetch regs */
};

static int sba_target_of(uint32_t pa)
{
	for (int t = 0; t < SBA_TARGETS; t++)
		for (unsigned r = 0; r < 2; r++)
			if (pa - sba_map[t][r].lo < sba_map[t][r].hi - sba_map[t][r].lo)
				return t;
	return -1;
}

/* Region y of target x contains pa? */
static bool region_has(const struct sba_target *x, unsigned y, uint32_t pa)
{
	if (y == 0)
		return true;
	unsigned sz = (x->reg[y] >> 3) & 0x1Fu;
	if (!sz)
		return false;
	uint32_t size = sz >= 23 ? 0xFFFFFFFFu : 1024u << (sz - 1);
	uint32_t base = x->reg[y] & ~0x3FFu & ~(size - 1);
	return pa - base < size;
}

static unsigned group_of(const struct machine *m, enum sba_initiator who)
{
	uint32_t pg = m->soc.sys.cfgpg;
	return who == SBA_CPU ? pg & 3u : (pg >> 4) & 3u;
}

/* The deciding regions for pa grant group g (RD or WR)? *deny: one that
 * does not. */
static bool target_grants(const struct sba_target *x, uint32_t pa, unsigned g, bool write,
			  unsigned *deny)
{
	bool high = false;
	for (unsigned y = 1; y < SBA_REGIONS; y++)
		if ((x->reg[y] & REG_PRI) && region_has(x, y, pa))
			high = true;
	for (unsigned y = 0; y < SBA_REGIONS; y++) {
		if (!region_has(x, y, pa) || (high && !(x->reg[y] & REG_PRI)))
			continue;
		uint32_t perm = write ? x->wr[y] : x->rd[y];
		if (!(perm & (1u << g))) {
			*deny = y;
			return false;
		}
	}
	return true;
}

static void sba_update_irq(struct machine *m)
{
	struct sba *s = &m->soc.sba;
	bool level = false;
	for (unsigned t = 0; t < SBA_TARGETS; t++)
		if ((s->sbflag & (1u << t)) && (s->target[t].econ & ECON_ERRP))
			level = true;
	s->irq_level = level;
	evic_set_level(m, SBA_VECTOR, level);
}

static void sba_log(struct machine *m, unsigned t, enum sba_initiator who, unsigned region,
		    unsigned g, bool write)
{
	struct sba *s = &m->soc.sba;
	struct sba_target *x = &s->target[t];
	unsigned id = who;
	if ((who == SBA_CPU && (m->soc.sys.cfgcon & (1u << 24))) ||
	    (who != SBA_CPU && (m->soc.sys.cfgcon & (1u << 25))))
		id++; /* the high-priority initiator ID (CFGCON.CPUPRI/DMAPRI) */
	if (x->elog1 & (0xFu << 24)) {
		x->elog1 |= ELOG_MULTI;
	} else {
		x->elog1 = ELOG_CODE_PERMISSION << 24 | id << 8 | region << 4 | (write ? 2u : 1u);
		x->elog2 = g;
	}
	s->sbflag |= 1u << t;
	sba_update_irq(m);
}

bool sba_allowed(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		 bool write)
{
	struct sba *s = &m->soc.sba;
	if (!s->restricted)
		return true;
	int t = sba_target_of(pa);
	if (t < 0)
		return true;
	unsigned g = group_of(m, who), deny = 0;
	/* The regions are at least 1 KB and an access is naturally aligned:
	 * its first byte decides for all of it. */
	(void)size;
	if (target_grants(&s->target[t], pa, g, write, &deny))
		return true;
	sba_log(m, (unsigned)t, who, deny, g, write);
	return false;
}

bool sba_cpu_page_open(const struct machine *m, uint32_t pa)
{
	const struct sba *s = &m->soc.sba;
	if (!s->restricted)
		return true;
	unsigned g = group_of(m, SBA_CPU), deny;
	pa &= ~0xFFFu;
	/* 1 KB is the smallest region: four probes cover the page. */
	for (uint32_t a = pa; a < pa + 0x1000u; a += 0x400u) {
		int t = sba_target_of(a);
		if (t < 0)
			continue;
		if (!target_grants(&s->target[t], a, g, false, &deny) ||
		    !target_grants(&s->target[t], a, g, true, &deny))
			return false;
	}
	return true;
}

/* Some permission changed: is anything restricted now? The core drops
 * the translations it cached under the old permissions. */
void sba_config_changed(struct machine *m)
{
	struct sba *s = &m->soc.sba;
	bool r = false;
	for (unsigned t = 0; t < SBA_TARGETS && !r; t++)
		for (unsigned y = 0; y < SBA_REGIONS; y++)
			if ((y == 0 || ((s->target[t].reg[y] >> 3) & 0x1Fu)) &&
			    ((s->target[t].rd[y] & 0xFu) != 0xFu || (s->target[t].wr[y] & 0xFu) != 0xFu))
				r = true;
	s->restricted = r;
	cpu_bus_permissions_changed(m);
}

static void perm_write(struct machine *m, struct sfr *r, uint32_t old)
{
	if (*r->val != old)
		sba_config_changed(m);
}

static void econ_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)r;
	(void)old;
	sba_update_irq(m);
}

static struct sba_target *target_of_sfr(struct machine *m, const struct sfr *r)
{
	return &m->soc.sba.target[(r->pa - SBT_BASE) / 0x400u];
}

static void elog1_write(struct machine *m, struct sfr *r, uint32_t old)
{
	/* the bits written as ones clear (the storage got the value merged in) */
	struct sba_target *x = target_of_sfr(m, r);
	x->elog1 = old & ~(*r->val);
	if (!(x->elog1 & (0xFu << 24)) && !(x->elog1 & ELOG_MULTI)) {
		m->soc.sba.sbflag &= ~(1u << ((r->pa - SBT_BASE) / 0x400u));
		sba_update_irq(m);
	}
}

static uint32_t clear_read(struct machine *m, struct sfr *r, bool multi)
{
	struct sba_target *x = target_of_sfr(m, r);
	unsigned t = (r->pa - SBT_BASE) / 0x400u;
	x->elog1 &= multi ? 0 : ELOG_MULTI;
	if (multi || !(x->elog1 & ELOG_MULTI)) {
		x->elog2 = 0;
		m->soc.sba.sbflag &= ~(1u << t);
	}
	sba_update_irq(m);
	return 0;
}

static uint32_t eclrs_read(struct machine *m, struct sfr *r) { return clear_read(m, r, false); }
static uint32_t eclrm_read(struct machine *m, struct sfr *r) { return clear_read(m, r, true); }

/* REG0 of each target: the whole target (its first range). */
static uint32_t reg0_value(unsigned t)
{
	uint32_t size = sba_map[t][0].hi - sba_map[t][0].lo;
	unsigned code = 1;
	while ((1024u << (code - 1)) < size && code < 23)
		code++;
	return sba_map[t][0].lo | code << 3;
}

void sba_init(struct machine *m)
{
	struct sba *s = &m->soc.sba;
	sfr_add(m, "SBFLAG", SBFLAG_PA, &s->sbflag, 0, 0, SFR_NOALIAS, NULL, NULL, s);
	for (unsigned t = 0; t < SBA_TARGETS; t++) {
		struct sba_target *x = &s->target[t];
		uint32_t base = SBT_BASE + 0x400 * t;
		sfr_add(m, "SBTxELOG1", base + 0x20, &x->elog1, 0, 0xFFFFFFFFu, SFR_NOALIAS,
			NULL, elog1_write, s);
		sfr_add(m, "SBTxELOG2", base + 0x24, &x->elog2, 0, 0, SFR_NOALIAS, NULL, NULL, s);
		sfr_add(m, "SBTxECON", base + 0x28, &x->econ, 0, ECON_ERRP, SFR_NOALIAS,
			NULL, econ_write, s);
		sfr_add(m, "SBTxECLRS", base + 0x30, &x->eclrs, 0, 0, SFR_NOALIAS,
			eclrs_read, NULL, s);
		sfr_add(m, "SBTxECLRM", base + 0x38, &x->eclrm, 0, 0, SFR_NOALIAS,
			eclrm_read, NULL, s);
		for (unsigned y = 0; y < SBA_REGIONS; y++) {
			uint32_t rb = base + 0x40 + 0x20 * y;
			sfr_add(m, "SBTxREGy", rb, &x->reg[y], y ? 0 : reg0_value(t),
				y ? 0xFFFFFEF8u : 0, SFR_NOALIAS, NULL, perm_write, s);
			sfr_add(m, "SBTxRDy", rb + 0x10, &x->rd[y], 0xFu, 0xFu, SFR_NOALIAS,
				NULL, perm_write, s);
			sfr_add(m, "SBTxWRy", rb + 0x18, &x->wr[y], 0xFu, 0xFu, SFR_NOALIAS,
				NULL, perm_write, s);
		}
	}
}

void sba_reset(struct machine *m)
{
	m->soc.sba.restricted = false;
	m->soc.sba.irq_level = 0;
	cpu_bus_permissions_changed(m);
}

/* ---- Bus masters other than the core ---------------------------------- */

static bool master_ok(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		      bool write)
{
	if (pa - PA_SFR_BASE >= PA_SFR_END - PA_SFR_BASE && sba_target_of(pa) < 0)
		return false; /* nothing answers: bus error */
	return sba_allowed(m, who, pa, size, write);
}

bool soc_master_read(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		     uint32_t *val)
{
	if (!master_ok(m, who, pa, size, false))
		return false;
	if (pa < PA_RAM_SIZE && cache_master_access(m, pa, size, false, val))
		return true;
	return soc_read(m, pa, size, val);
}

bool soc_master_write(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		      uint32_t val)
{
	if (!master_ok(m, who, pa, size, true))
		return false;
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE || pa - PA_BOOT_BASE < 0x80000u)
		return false; /* flash: no bus writes (decision: a DMA write error) */
	if (pa < PA_RAM_SIZE && cache_master_access(m, pa, size, true, &val)) {
		cpu_code_written(m, pa, size);
		return true;
	}
	return soc_write(m, pa, size, val);
}
