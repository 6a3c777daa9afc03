/* vz_tlb.h - the guest TLB: a dual-page TLB of up to 16 entries owned by the
 * guest CP0 context (docs/simulator-vz.md [4]). Pure data structure: the core
 * supplies the guest EntryHi/EntryLo/PageMask values and raises exceptions
 * from the returned status.
 */
#ifndef VZSIM_VZ_TLB_H
#define VZSIM_VZ_TLB_H

#include <stdbool.h>
#include <stdint.h>

#include "vz_policy.h"

struct vz_tlb_entry {
	uint32_t vpn2;      /* EntryHi bits 31:13 (already masked by PageMask) */
	uint32_t mask;      /* PageMask bits 28:13 */
	uint32_t lo[2];     /* EntryLo0/1 as written (G bit folded into `global`) */
	uint8_t asid;
	bool global;
	bool invalid;       /* EHINV */
};

struct vz_tlb {
	struct vz_tlb_entry e[VZ_GUEST_TLB_MAX];
};

enum vz_tlb_result {
	VZ_TLB_HIT = 0,
	VZ_TLB_REFILL,      /* no matching entry */
	VZ_TLB_INVALID,     /* matching entry, V = 0 */
	VZ_TLB_MODIFIED,    /* store to a page with D = 0 */
	VZ_TLB_RI,          /* read of a read-inhibited page */
	VZ_TLB_XI,          /* fetch from an execute-inhibited page */
};

enum vz_tlb_access { VZ_TLB_LOAD, VZ_TLB_STORE, VZ_TLB_FETCH };

/* All entries invalid (EHINV) with distinct VPN2s. */
void vz_tlb_reset(struct vz_tlb *t);
/* Translate va for `asid` among the first `size` entries. pagegrain gives
 * RIE/XIE. On a hit *pa is the physical (for the guest: GPA) address. */
enum vz_tlb_result vz_tlb_translate(const struct vz_tlb *t, unsigned size,
				    uint32_t va, uint8_t asid, enum vz_tlb_access acc,
				    uint32_t pagegrain, uint32_t *pa);
/* TLBP: index of the entry matching EntryHi, or -1. */
int vz_tlb_probe(const struct vz_tlb *t, unsigned size, uint32_t entryhi);
/* TLBWI/TLBWR at index i. */
void vz_tlb_write(struct vz_tlb *t, unsigned i, uint32_t entryhi, uint32_t pagemask,
		  uint32_t lo0, uint32_t lo1);
/* TLBR at index i: the four registers as the entry stores them. */
void vz_tlb_read(const struct vz_tlb *t, unsigned i, uint32_t *entryhi,
		 uint32_t *pagemask, uint32_t *lo0, uint32_t *lo1);
/* Invalidate entry i (EHINV) / all entries / entries with this non-global ASID. */
void vz_tlb_invalidate(struct vz_tlb *t, unsigned i);
void vz_tlb_invalidate_all(struct vz_tlb *t);
void vz_tlb_invalidate_asid(struct vz_tlb *t, uint8_t asid);

#endif
