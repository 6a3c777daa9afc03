/* vz_tlb.c - see vz_tlb.h. */
#include "vz_tlb.h"

#define EH_EHINV 0x00000400u
#define LO_RI    0x80000000u
#define LO_XI    0x40000000u
#define LO_D     0x00000004u
#define LO_V     0x00000002u
#define LO_G     0x00000001u
#define PG_RIE   0x80000000u
#define PG_XIE   0x40000000u

void vz_tlb_reset(struct vz_tlb *t)
{
	for (unsigned i = 0; i < VZ_GUEST_TLB_MAX; i++) {
		struct vz_tlb_entry *e = &t->e[i];
		/* Distinct unmapped-region VPN2s, so no two entries ever match one
		 * address even if software clears EHINV by rewriting them. */
		e->vpn2 = 0x80000000u + (i << 13);
		e->mask = 0;
		e->lo[0] = e->lo[1] = 0;
		e->asid = 0;
		e->global = false;
		e->invalid = true;
	}
}

static bool entry_matches(const struct vz_tlb_entry *e, uint32_t va, uint8_t asid)
{
	uint32_t cmp = ~(e->mask | 0x1FFFu);
	if (e->invalid)
		return false;
	if ((va & cmp) != (e->vpn2 & cmp))
		return false;
	return e->global || e->asid == asid;
}

enum vz_tlb_result vz_tlb_translate(const struct vz_tlb *t, unsigned size,
				    uint32_t va, uint8_t asid, enum vz_tlb_access acc,
				    uint32_t pagegrain, uint32_t *pa)
{
	for (unsigned i = 0; i < size && i < VZ_GUEST_TLB_MAX; i++) {
		const struct vz_tlb_entry *e = &t->e[i];
		if (!entry_matches(e, va, asid))
			continue;
		uint32_t half = ((e->mask | 0x1FFFu) + 1) >> 1;  /* one page */
		uint32_t lo = e->lo[(va & half) ? 1 : 0];
		if (!(lo & LO_V))
			return VZ_TLB_INVALID;
		if (acc == VZ_TLB_FETCH && (pagegrain & PG_XIE) && (lo & LO_XI))
			return VZ_TLB_XI;
		if (acc == VZ_TLB_LOAD && (pagegrain & PG_RIE) && (lo & LO_RI))
			return VZ_TLB_RI;
		if (acc == VZ_TLB_STORE && !(lo & LO_D))
			return VZ_TLB_MODIFIED;
		uint32_t base = ((lo >> 6) & 0x000FFFFFu) << 12;
		*pa = (base & ~(half - 1)) | (va & (half - 1));
		return VZ_TLB_HIT;
	}
	return VZ_TLB_REFILL;
}

int vz_tlb_probe(const struct vz_tlb *t, unsigned size, uint32_t entryhi)
{
	for (unsigned i = 0; i < size && i < VZ_GUEST_TLB_MAX; i++) {
		if (entry_matches(&t->e[i], entryhi & 0xFFFFE000u, (uint8_t)entryhi))
			return (int)i;
	}
	return -1;
}

void vz_tlb_write(struct vz_tlb *t, unsigned i, uint32_t entryhi, uint32_t pagemask,
		  uint32_t lo0, uint32_t lo1)
{
	struct vz_tlb_entry *e = &t->e[i % VZ_GUEST_TLB_MAX];
	e->mask = pagemask & 0x1FFFE000u;
	e->vpn2 = entryhi & ~(e->mask | 0x1FFFu);
	e->asid = (uint8_t)entryhi;
	e->invalid = (entryhi & EH_EHINV) != 0;
	e->global = (lo0 & lo1 & LO_G) != 0;
	e->lo[0] = lo0 & ~LO_G;
	e->lo[1] = lo1 & ~LO_G;
}

void vz_tlb_read(const struct vz_tlb *t, unsigned i, uint32_t *entryhi,
		 uint32_t *pagemask, uint32_t *lo0, uint32_t *lo1)
{
	const struct vz_tlb_entry *e = &t->e[i % VZ_GUEST_TLB_MAX];
	uint32_t g = e->global ? LO_G : 0;
	*entryhi = e->vpn2 | e->asid | (e->invalid ? EH_EHINV : 0);
	*pagemask = e->mask;
	*lo0 = e->lo[0] | g;
	*lo1 = e->lo[1] | g;
}

void vz_tlb_invalidate(struct vz_tlb *t, unsigned i)
{
	t->e[i % VZ_GUEST_TLB_MAX].invalid = true;
}

void vz_tlb_invalidate_all(struct vz_tlb *t)
{
	for (unsigned i = 0; i < VZ_GUEST_TLB_MAX; i++)
		t->e[i].invalid = true;
}

void vz_tlb_invalidate_asid(struct vz_tlb *t, uint8_t asid)
{
	for (unsigned i = 0; i < VZ_GUEST_TLB_MAX; i++) {
		if (!t->e[i].global && t->e[i].asid == asid)
			t->e[i].invalid = true;
	}
}
