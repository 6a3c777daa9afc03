/* SPDX-License-Identifier: Apache-2.0 */
/* mmu.c - address translation (segments, JTLB, RI/XI), physical memory
 * access (host memory fast path, SoC for the rest), the fetch window and
 * the data translation cache, and the TLB instructions.
 *
 * VZ: guest-mode two-stage translation belongs in mmu_translate() (guest
 * segments/guest TLB first, then the root TLB with GuestCtl1.ID). */
#include "cpu_internal.h"
#include "vz_policy.h"

/* ---- TLB -------------------------------------------------------------- */

/* One array of CPU_TLB_MAX dual entries serves root and guest (VZ shared
 * TLB, docs/simulator-vz.md section 4). Guest index i is entry i: the guest
 * part is entries 0 .. guest MMUSize, which root keeps out of its TLBWR
 * range with root Wired. Every entry carries a guest flag and a GuestID,
 * and a lookup, probe or duplicate check only sees the entries of one owner:
 * root's own (guest = 0, GuestID 0), root's second-stage entries of a guest
 * (guest = 0, GuestID = GuestCtl1.ID/RID) or a guest's own (guest = 1). */

static inline uint32_t pair_mask(uint32_t pagemask)
{
	return pagemask | 0x1FFFu; /* VA bits covered by one entry (both pages) */
}

void tlb_reset(struct machine *m)
{
	for (unsigned i = 0; i < CPU_TLB_MAX; i++) {
		memset(&m->cpu.tlb[i], 0, sizeof m->cpu.tlb[i]);
		m->cpu.tlb[i].entryhi = EH_EHINV; /* no stale matches after reset */
	}
}

struct tlb_owner tlb_running_owner(const struct cpu *c)
{
	if (c->guest)
		return (struct tlb_owner){ true, c->gctl1 & VZ_GC1_ID };
	return (struct tlb_owner){ false, 0 };
}

struct tlb_owner tlb_rid_owner(const struct cpu *c, bool guest)
{
	return (struct tlb_owner){ guest, (c->gctl1 & VZ_GC1_RID) >> VZ_GC1_RID_SHIFT };
}

static inline bool owned_by(const struct tlb_entry *e, struct tlb_owner o)
{
	return e->guest == o.guest && e->guestid == o.gid;
}

int tlb_lookup(const struct cpu *c, uint32_t va, uint32_t asid, struct tlb_owner o)
{
	for (unsigned i = 0; i < CPU_TLB_MAX; i++) {
		const struct tlb_entry *e = &c->tlb[i];
		uint32_t mask = pair_mask(e->pagemask);
		if (e->entryhi & EH_EHINV)
			continue;
		if (!owned_by(e, o))
			continue;
		if (((e->entryhi ^ va) & ~mask) != 0)
			continue;
		if (!e->g && (e->entryhi & EH_ASID) != asid)
			continue;
		return (int)i;
	}
	return -1;
}

static unsigned tlb_translate(struct cpu *c, uint32_t va, enum access acc, struct xlate *x)
{
	const struct cp0 *cp = &c->cp0;
	int i = tlb_lookup(c, va, cp->entryhi & EH_ASID, tlb_running_owner(c));
	unsigned tlbl = acc == ACC_STORE ? EXC_TLBS : EXC_TLBL;
	if (i < 0)
		return tlbl | XL_REFILL;
	const struct tlb_entry *e = &c->tlb[i];
	uint32_t page = (pair_mask(e->pagemask) + 1) >> 1;
	uint32_t lo = e->entrylo[(va & page) ? 1 : 0];
	if (!(lo & EL_V))
		return tlbl;
	if (acc == ACC_FETCH && (lo & EL_XI) && (cp->pagegrain & PG_XIE))
		return (cp->pagegrain & PG_IEC) ? EXC_TLBXI : EXC_TLBL;
	if (acc == ACC_LOAD && (lo & EL_RI) && (cp->pagegrain & PG_RIE))
		return (cp->pagegrain & PG_IEC) ? EXC_TLBRI : EXC_TLBL;
	if (acc == ACC_STORE && !(lo & EL_D))
		return EXC_MOD;
	uint32_t pfn_pa = ((lo >> 6) & 0x00FFFFFFu) << 12;
	x->pa = (pfn_pa & ~(page - 1)) | (va & (page - 1));
	x->cca = (lo >> 3) & 7;
	return 0;
}

/* First (or only) stage: the running context's segments and TLB. */
static unsigned translate_va(struct machine *m, uint32_t va, enum access acc, struct xlate *x)
{
	struct cpu *c = &m->cpu;
	uint32_t st = c->cp0.status;
	bool kernel = (st & (ST_EXL | ST_ERL)) || !(st & ST_KSU);
	bool super = !kernel && ((st & ST_KSU) >> ST_KSU_SHIFT) == 1;
	unsigned adel = acc == ACC_STORE ? EXC_ADES : EXC_ADEL;

	if (va < 0x80000000u) {
		if (st & ST_ERL) { /* kuseg unmapped and uncached while ERL = 1 */
			x->pa = va;
			x->cca = 2;
			return 0;
		}
		return tlb_translate(c, va, acc, x);
	}
	if (va < 0xC0000000u) {
		if (!kernel)
			return adel;
		x->pa = va & 0x1FFFFFFFu;
		x->cca = va < 0xA0000000u ? (c->cp0.config[0] & 7) : 2;
		return 0;
	}
	if (va < 0xE0000000u ? (kernel || super) : kernel)
		return tlb_translate(c, va, acc, x);
	return adel;
}

unsigned mmu_translate(struct machine *m, uint32_t va, enum access acc, struct xlate *x)
{
	unsigned f = translate_va(m, va, acc, x);
	if (likely(!m->cpu.guest) || f)
		return f;
	return vz_translate_gpa(m, acc, x); /* guest: GPA -> real address */
}

void mmu_fault(struct machine *m, uint32_t va, unsigned fault, bool fetch)
{
	struct cpu *c = &m->cpu;
	unsigned code = fault & 0xFF;
	unsigned flags = EXF_BADVADDR;
	if (fault & XL_ROOT) {
		/* Second stage: a root exception about the GPA (GExcCode GPA). */
		flags |= EXF_GEXC_CODE(VZ_GEXC_GPA);
		va = c->vz_gpa;
	}
	if (code == EXC_TLBL || code == EXC_TLBS || code == EXC_MOD ||
	    code == EXC_TLBRI || code == EXC_TLBXI)
		flags |= EXF_TLB;
	if (fault & XL_REFILL)
		flags |= EXF_REFILL;
	if (!fetch)
		flags |= EXF_BADINSTR;
	cpu_exception_entry(m, code, cpu_cur_pc(c), c->in_ds, flags, va, 0);
}

/* ---- Physical memory -------------------------------------------------- */

/* Host pointer for physical page containing pa (RAM, program flash, boot
 * flash), with the bytes left in that memory; NULL for SFRs/unmapped. */
static uint8_t *host_of(struct machine *m, uint32_t pa, bool *is_ram, bool *is_flash)
{
	*is_ram = false;
	*is_flash = true;
	if (pa < PA_RAM_SIZE) {
		*is_ram = true;
		*is_flash = false;
		return m->ram + pa;
	}
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE)
		return m->pflash + (pa - PA_PFLASH_BASE);
	if (pa - PA_BOOT_BASE < PA_BOOT_SIZE)
		return m->boot1 + (pa - PA_BOOT_BASE);
	if (pa - PA_BOOT1_BASE < PA_BOOT_SIZE)
		return m->boot1 + (pa - PA_BOOT1_BASE);
	if (pa - PA_BOOT2_BASE < PA_BOOT_SIZE)
		return m->boot2 + (pa - PA_BOOT2_BASE);
	*is_flash = false;
	return NULL;
}

uint8_t *mmu_host(struct machine *m, uint32_t pa)
{
	bool is_ram, is_flash;
	return host_of(m, pa, &is_ram, &is_flash);
}

static void dtlb_fill(struct machine *m, uint32_t va, const struct xlate *x, bool readable,
		      bool writable)
{
	uint32_t pa = x->pa;
	struct dtlb_entry *e = &m->cpu.dtlb[(va >> 12) & (CPU_DTLB_SIZE - 1)];
	bool is_ram, is_flash;
	uint8_t *host = host_of(m, pa & ~0xFFFu, &is_ram, &is_flash);
	if (!host || !sba_cpu_page_open(m, pa))
		return; /* a page with bus permission limits stays on the slow path */
	if (e->tag_r != (va & ~0xFFFu)) {
		e->tag_r = DTLB_NONE;
		e->tag_w = DTLB_NONE;
	}
	e->host = host;
	e->dstate = cache_dstate_page(m, pa & ~0xFFFu, x->cca);
	if (readable)
		e->tag_r = va & ~0xFFFu;
	/* (a write-through store also updates the line's memory copy: the
	 * slow path's business, so such a page is not cached for writes) */
	if (writable && is_ram && !(CACHE_MODEL && (x->cca == 0 || x->cca == 1))) {
		e->tag_w = va & ~0xFFFu;
		e->dec = decode_slot(m, pa & ~0xFFFu);
	}
}

static bool phys_load(struct machine *m, uint32_t pa, unsigned size, uint32_t *val)
{
	bool is_ram, is_flash;
	uint8_t *p = host_of(m, pa, &is_ram, &is_flash);
	if (p) {
		switch (size) {
		case 1: *val = *p; break;
		case 2: { uint16_t h; memcpy(&h, p, 2); *val = h; break; }
		default: memcpy(val, p, 4); break;
		}
		return true;
	}
	m->cpu.limit = 0; /* a device access may have changed events or interrupts */
	return soc_bus_read(m, pa, size, val);
}

static bool phys_store(struct machine *m, uint32_t pa, unsigned size, uint32_t val)
{
	bool is_ram, is_flash;
	uint8_t *p = host_of(m, pa, &is_ram, &is_flash);
	if (p) {
		if (!is_ram)
			return false; /* flash is written through the NVM controller only */
		switch (size) {
		case 1: *p = (uint8_t)val; break;
		case 2: { uint16_t h = (uint16_t)val; memcpy(p, &h, 2); break; }
		default: memcpy(p, &val, 4); break;
		}
		decode_invalidate(decode_slot(m, pa & ~3u));
		return true;
	}
	/* A device write may change events, interrupts or the flash wait
	 * states (PRECON): end the burst and re-derive the fetch window. */
	m->cpu.limit = 0;
	m->cpu.fetch_size = 0;
	return soc_bus_write(m, pa, size, val, m->cpu.pc - 4);
}

void cpu_bus_permissions_changed(struct machine *m)
{
	mmu_flush(m);
	m->cpu.limit = 0;
}

/* The bus permissions (SBA) refuse this core access: a bus error. */
static bool bus_denied(struct machine *m, uint32_t pa, unsigned size, bool store)
{
	return unlikely(m->soc.sba.restricted) && !sba_allowed(m, SBA_CPU, pa, size, store);
}

void cpu_sfr_written(struct machine *m)
{
	m->cpu.limit = 0;
	m->cpu.fetch_size = 0;
}

/* The cache's part of a data access to host memory at x (cache.c): a
 * cached access does the bookkeeping and leaves the bytes to the caller;
 * an uncached one may be done on a D line's copy of memory (true). */
static bool cache_part(struct machine *m, uint32_t va, const struct xlate *x, unsigned size,
		       bool store, uint32_t *val)
{
	if (cca_cached(x->cca)) {
		cache_data_access(m, va, x->pa, x->cca, store);
		return false;
	}
	return cache_uncached_data(m, x->pa, size, store, val);
}

bool mem_load_slow(struct machine *m, uint32_t va, unsigned size, uint32_t *val)
{
	struct xlate x;
	bool is_ram, is_flash;
	unsigned f = mmu_translate(m, va, ACC_LOAD, &x);
	if (unlikely(m->cpu.hz.data.valid))
		hazard_access(m, va, ACC_LOAD, f, &x);
	if (f) {
		mmu_fault(m, va, f, false);
		return false;
	}
	if (bus_denied(m, x.pa, size, false)) {
		cpu_raise_addr(m, EXC_DBE, va);
		return false;
	}
	if (host_of(m, x.pa, &is_ram, &is_flash) && cache_part(m, va, &x, size, false, val))
		return true;
	if (!phys_load(m, x.pa, size, val)) {
		cpu_raise_addr(m, EXC_DBE, va);
		return false;
	}
	dtlb_fill(m, va, &x, true, false);
	return true;
}

bool mem_store_slow(struct machine *m, uint32_t va, unsigned size, uint32_t val)
{
	struct xlate x;
	bool is_ram, is_flash;
	unsigned f = mmu_translate(m, va, ACC_STORE, &x);
	if (unlikely(m->cpu.hz.data.valid))
		hazard_access(m, va, ACC_STORE, f, &x);
	if (f) {
		mmu_fault(m, va, f, false);
		return false;
	}
	if (bus_denied(m, x.pa, size, true)) {
		cpu_raise_addr(m, EXC_DBE, va);
		return false;
	}
	if (host_of(m, x.pa, &is_ram, &is_flash)) {
		if (!is_ram) { /* flash: bus error, before any cache effect */
			cpu_raise_addr(m, EXC_DBE, va);
			return false;
		}
		if (cache_part(m, va, &x, size, true, &val))
			return true;
	}
	if (!phys_store(m, x.pa, size, val)) {
		cpu_raise_addr(m, EXC_DBE, va);
		return false;
	}
	if (x.cca == 0 || x.cca == 1)
		cache_store_done(m, x.pa); /* write-through: memory has it too */
	/* Cache the page for writes; for reads too unless it is read-inhibited. */
	struct xlate rx;
	dtlb_fill(m, va, &x, mmu_translate(m, va, ACC_LOAD, &rx) == 0, true);
	return true;
}

/* ---- Fetch ------------------------------------------------------------ */

bool mmu_fetch_map(struct machine *m, uint32_t va)
{
	struct cpu *c = &m->cpu;
	struct xlate x;
	bool is_ram, is_flash;
	unsigned f;
	c->fetch_size = 0;
	f = mmu_translate(m, va, ACC_FETCH, &x);
	if (unlikely(c->hz.fetch.valid))
		hazard_access(m, va, ACC_FETCH, f, &x);
	if (f) {
		mmu_fault(m, va, f, true);
		return false;
	}
	struct insn *page = decode_slot(m, x.pa & ~0xFFFu);
	if (!page || bus_denied(m, x.pa, 4, false)) {
		/* Executing from SFRs or unmapped space: instruction bus error. */
		cpu_exception_entry(m, EXC_IBE, cpu_cur_pc(c), c->in_ds, 0, va, 0);
		return false;
	}
	c->fetch_base = va & ~(CPU_FETCH_PAGE - 1);
	c->fetch_size = CPU_FETCH_PAGE;
	c->fetch_dec = page;
	c->fetch_host = host_of(m, x.pa & ~0xFFFu, &is_ram, &is_flash);
	c->fetch_pa = x.pa & ~(CPU_FETCH_PAGE - 1);
	/* Every uncached fetch pays the bus or flash; cached ones go through
	 * the I-cache (cache.c, docs/cycle-model.md). */
	c->fetch_uncached = !cca_cached(x.cca);
	return true;
}

const struct insn *mmu_fetch_slow(struct machine *m, uint32_t va)
{
	struct cpu *c = &m->cpu;
	if (va & 3) {
		c->fetch_size = 0;
		mmu_fault(m, va, EXC_ADEL, true);
		return NULL;
	}
	if (!mmu_fetch_map(m, va))
		return NULL;
	return c->fetch_dec + ((va & 0xFFFu) >> 2);
}

static bool peek_half(struct machine *m, uint32_t va, uint32_t *h)
{
	struct xlate x;
	bool is_ram, is_flash;
	uint16_t v;
	if (mmu_translate(m, va, ACC_FETCH, &x))
		return false;
	const uint8_t *p = host_of(m, x.pa, &is_ram, &is_flash);
	if (!p)
		return false;
	memcpy(&v, p, 2);
	*h = v;
	return true;
}

uint32_t mmu_peek_insn(struct machine *m, uint32_t va)
{
	struct xlate x;
	bool is_ram, is_flash;
	uint32_t w = 0, h1 = 0;
	if (m->cpu.mm) {
		if ((va & 1) || !peek_half(m, va, &w))
			return 0;
		if (mm_is16(w))
			return w;
		return peek_half(m, va + 2, &h1) ? w << 16 | h1 : 0;
	}
	if ((va & 3) || mmu_translate(m, va, ACC_FETCH, &x))
		return 0;
	const uint8_t *p = host_of(m, x.pa, &is_ram, &is_flash);
	if (p)
		memcpy(&w, p, 4);
	return w;
}

/* ---- Translation caches ----------------------------------------------- */

void mmu_flush(struct machine *m)
{
	struct cpu *c = &m->cpu;
	for (unsigned i = 0; i < CPU_DTLB_SIZE; i++) {
		c->dtlb[i].tag_r = DTLB_NONE;
		c->dtlb[i].tag_w = DTLB_NONE;
	}
	cache_dline_flush(m); /* keyed by virtual address too */
	c->fetch_size = 0;
}

void mmu_mode_changed(struct machine *m)
{
	struct cpu *c = &m->cpu;
	uint32_t st = c->cp0.status;
	unsigned mode = ((st & (ST_EXL | ST_ERL)) || !(st & ST_KSU)) ? 0 : (st & ST_KSU) >> ST_KSU_SHIFT;
	uint32_t key = (c->cp0.entryhi & EH_ASID) | mode << 8 | (st & ST_ERL) << 10 |
		       (c->cp0.config[0] & 7) << 12;
	if (c->guest) /* guest translations also depend on the GuestID */
		key |= 1u << 15 | (c->gctl1 & VZ_GC1_ID) << 16;
	c->fetch_size = 0;
	if (key != c->mode_key) {
		c->mode_key = key;
		mmu_flush(m);
	}
}

/* ---- TLB instructions ------------------------------------------------- */

/* An index outside the context's part of the TLB (guest Index >= guest
 * MMUSize + 1): the architecture leaves the result undefined, so the model
 * reports it and does nothing. */
static bool index_ok(struct machine *m, const struct cp0 *r, unsigned i, const char *op)
{
	if (i < r->tlb_size)
		return true;
	machine_finding(m, FINDING_TLB, "%s: index %u outside the %u entries of the %s TLB",
			op, i, r->tlb_size, r == guest_cp0(&m->cpu) ? "guest" : "root");
	return false;
}

void tlb_probe_ctx(struct machine *m, struct cp0 *r, struct tlb_owner o)
{
	/* TLBP compares VPN2 under each entry's own mask, like a lookup. */
	int i = tlb_lookup(&m->cpu, r->entryhi & EH_VPN2, r->entryhi & EH_ASID, o);
	r->index = i < 0 ? 0x80000000u : (uint32_t)i;
}

int tlb_read_ctx(struct machine *m, struct cp0 *r)
{
	unsigned i = r->index & 0xFu;
	if (!index_ok(m, r, i, "TLBR"))
		return -1;
	/* An indexed read sees the entry whoever owns it: only the GuestID
	 * (root TLBR/TLBGR load it into RID) tells. */
	const struct tlb_entry *e = &m->cpu.tlb[i];
	r->entryhi = e->entryhi;
	r->pagemask = e->pagemask;
	r->entrylo0 = e->entrylo[0] | (e->g ? EL_G : 0);
	r->entrylo1 = e->entrylo[1] | (e->g ? EL_G : 0);
	return e->guestid;
}

/* Would n match some VA/ASID together with another valid entry of the same
 * owner? */
static bool duplicates(const struct cpu *c, unsigned i, const struct tlb_entry *n)
{
	if (n->entryhi & EH_EHINV)
		return false;
	for (unsigned j = 0; j < CPU_TLB_MAX; j++) {
		const struct tlb_entry *e = &c->tlb[j];
		uint32_t mask = pair_mask(e->pagemask) | pair_mask(n->pagemask);
		if (j == i || (e->entryhi & EH_EHINV) || e->guest != n->guest ||
		    e->guestid != n->guestid)
			continue;
		if (((e->entryhi ^ n->entryhi) & ~mask) != 0)
			continue;
		if (e->g || n->g || ((e->entryhi ^ n->entryhi) & EH_ASID) == 0)
			return true;
	}
	return false;
}

bool tlb_write_ctx(struct machine *m, struct cp0 *r, unsigned i, struct tlb_owner o)
{
	if (!index_ok(m, r, i, "TLBW"))
		return true;
	struct tlb_entry n;
	n.entryhi = r->entryhi & (EH_VPN2 | EH_EHINV | EH_ASID) & ~r->pagemask;
	n.pagemask = r->pagemask;
	n.g = (r->entrylo0 & r->entrylo1 & EL_G) != 0;
	n.entrylo[0] = r->entrylo0 & ~EL_G;
	n.entrylo[1] = r->entrylo1 & ~EL_G;
	n.guest = o.guest;
	n.guestid = (uint8_t)o.gid;
	/* A write that would make two entries match raises Machine Check and
	 * leaves the TLB as it was (PRA: TLB shutdown). */
	if (duplicates(&m->cpu, i, &n))
		return false;
	m->cpu.tlb[i] = n;
	mmu_flush(m);
	return true;
}

/* Random counts down from tlb_size - 1 to Wired, one step per instruction;
 * derived from the retired-instruction count so it is deterministic. */
uint32_t tlb_random_of(const struct machine *m, const struct cp0 *r)
{
	unsigned wired = r->wired & 0xF, n = r->tlb_size;
	if (wired >= n)
		return n - 1;
	return n - 1 - (unsigned)(m->insns % (n - wired));
}

uint32_t tlb_random(struct machine *m)
{
	return tlb_random_of(m, &m->cpu.cp0);
}

/* The running context's TLBP/TLBR/TLBWI/TLBWR. Root acts on its own
 * entries and on second-stage entries with GuestCtl1.RID; a guest on its
 * own entries (GuestCtl1.ID). */
void tlb_probe(struct machine *m)
{
	struct cpu *c = &m->cpu;
	tlb_probe_ctx(m, &c->cp0, c->guest ? tlb_running_owner(c) : tlb_rid_owner(c, false));
}

void tlb_read(struct machine *m)
{
	struct cpu *c = &m->cpu;
	int gid = tlb_read_ctx(m, &c->cp0);
	if (gid >= 0 && !c->guest) /* root TLBR: the entry's GuestID into RID */
		c->gctl1 = (c->gctl1 & ~VZ_GC1_RID) | (uint32_t)gid << VZ_GC1_RID_SHIFT;
	mmu_mode_changed(m); /* ASID may have changed */
}

void tlb_write(struct machine *m, unsigned i)
{
	struct cpu *c = &m->cpu;
	struct tlb_owner o = c->guest ? tlb_running_owner(c) : tlb_rid_owner(c, false);
	if (!tlb_write_ctx(m, &c->cp0, i, o))
		tlb_machine_check(m);
}

void tlb_machine_check(struct machine *m)
{
	m->cpu.cp0.status |= ST_TS;
	cpu_raise(m, EXC_MCHECK);
}

/* Config4.IE >= 2 announces TLBINV/TLBINVF (and with VZ TLBGINV/TLBGINVF);
 * the M5150's IE = 1 (EHINV only) says they are absent. */
bool tlb_inv_present(const struct cpu *c)
{
	return ((c->cp0.config[4] >> 29) & 3u) >= 2;
}

/* TLBINV/TLBGINV (all = false: non-global entries of asid) and
 * TLBINVF/TLBGINVF (all = true) on the entries of owner o. */
void tlb_invalidate(struct machine *m, struct tlb_owner o, bool all, uint32_t asid)
{
	for (unsigned i = 0; i < CPU_TLB_MAX; i++) {
		struct tlb_entry *e = &m->cpu.tlb[i];
		if (owned_by(e, o) && (all || (!e->g && (e->entryhi & EH_ASID) == asid)))
			e->entryhi |= EH_EHINV;
	}
	mmu_flush(m);
}
