/* SPDX-License-Identifier: Apache-2.0 */
/* tlb.c - root's side of the shared TLB: guest mappings tagged with
 * GuestIDs. Entries 0 .. guest part - 1 belong to the guests (gtlb.c); the
 * first entries of each VM's plan are wired right above them; root Wired
 * covers both, so the refill path (arch/mips/vectors.S) fills only the pool
 * above with TLBWR (vm_config.h, docs/architecture.md "TLB partition"). */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define ENTRYHI_EHINV 0x400u

static unsigned wired;

static void set_rid(unsigned id)
{
	uint32_t gc1 = CP0_READ(C0_GUESTCTL1);
	CP0_WRITE(C0_GUESTCTL1, (gc1 & ~0x00FF0000u) | id << GC1_RID_SHIFT);
	ehb();
}

static void write_indexed(unsigned i, const struct vz_tlb_entry *e)
{
	CP0_WRITE(C0_INDEX, i);
	CP0_WRITE(C0_PAGEMASK, e->pagemask);
	CP0_WRITE(C0_ENTRYHI, e->entryhi);
	CP0_WRITE(C0_ENTRYLO0, e->entrylo0);
	CP0_WRITE(C0_ENTRYLO1, e->entrylo1);
	ehb();
	__asm__ volatile("tlbwi" ::: "memory");
	ehb();
}

void tlb_init(void)
{
	set_rid(0);
	CP0_WRITE(C0_WIRED, 0);
	for (unsigned i = 0; i < VZ_ROOT_TLB_ENTRIES; i++) {
		struct vz_tlb_entry e = { ENTRYHI_EHINV | (i << 13), 0, 0, 0 };
		write_indexed(i, &e);
	}
}

void tlb_wire_plans(void)
{
	unsigned part = (vz_system.guest_tlb_part != 0u) ? vz_system.guest_tlb_part : 1u;
	unsigned slot = part, last = VZ_ROOT_TLB_ENTRIES - VZ_TLB_REFILL_MIN;
	for (unsigned id = 1; id <= hv_fast.num_vms; id++) {
		struct vz_vm *vm = vm_by_id(id);
		const struct vz_vm_config *c = vm->cfg;
		unsigned j = 0;
		set_rid(id);
		for (; j < c->tlb_wired && j < c->tlb_count && slot < last; j++) {
			write_indexed(slot++, &c->tlb[j]);
		}
		vm->tlb_wired = (uint8_t)j;
	}
	wired = slot;
	CP0_WRITE(C0_WIRED, wired);       /* the guests' part and the plans */
	set_rid(hv_fast.cur_id);
}

unsigned tlb_wired_count(void)
{
	return wired;
}

void tlb_dump(void)
{
	uint32_t gc1 = CP0_READ(C0_GUESTCTL1);
	uint32_t hi = CP0_READ(C0_ENTRYHI);
	con_printf("root TLB, %u wired (guests' part %u): index GuestID EntryHi PageMask "
		   "EntryLo0/1\n", wired, vz_system.guest_tlb_part);
	for (unsigned i = 0; i < VZ_ROOT_TLB_ENTRIES; i++) {
		CP0_WRITE(C0_INDEX, i);
		ehb();
		__asm__ volatile("tlbr" ::: "memory");
		ehb();
		uint32_t eh = CP0_READ(C0_ENTRYHI);
		if ((eh & ENTRYHI_EHINV) == 0u) {
			con_printf(" %u %u %08x %08x %08x %08x\n", i,
				   (CP0_READ(C0_GUESTCTL1) >> GC1_RID_SHIFT) & 0xFFu, eh,
				   CP0_READ(C0_PAGEMASK), CP0_READ(C0_ENTRYLO0),
				   CP0_READ(C0_ENTRYLO1));
		}
	}
	CP0_WRITE(C0_ENTRYHI, hi);
	CP0_WRITE(C0_GUESTCTL1, gc1);
	ehb();
}

/* The assembly reads these at fixed offsets (arch/mips/vectors.S). */
_Static_assert(offsetof(struct hv_fast, evic) == 16u, "HVF_EVIC");
_Static_assert(offsetof(struct hv_fast, hi) == 20u, "HVF_HI");
_Static_assert(offsetof(struct hv_fast, lo) == 24u, "HVF_LO");
_Static_assert(offsetof(struct hv_fast, blk_cur) == 28u, "HVF_BLK_CUR");
_Static_assert(offsetof(struct hv_fast, blk_end) == 32u, "HVF_BLK_END");
_Static_assert(offsetof(struct vz_block, rpa) == 4u && offsetof(struct vz_block, size) == 8u &&
	       offsetof(struct vz_block, kind) == 12u && offsetof(struct vz_block, subpages) == 16u &&
	       sizeof(struct vz_block) == 20u, "BLK_*");
_Static_assert((unsigned)VZ_EMU_GUARDED == 6u && (unsigned)VZ_EMU_READ_ONLY == 3u &&
	       (unsigned)VZ_EMU_WRITE_IGNORE == 4u && (unsigned)VZ_EMU_WRITE_LOG == 5u,
	       "block kinds that read the real register: 3..6");
_Static_assert(offsetof(struct hv_fast, tlb_cur) == 8u, "HVF_TLB_CUR");
