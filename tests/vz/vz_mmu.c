/* SPDX-License-Identifier: Apache-2.0 */
/* vz_mmu.c - two-stage translation: guest TLB refill handled by the guest
 * alone, a guest-TLB-mapped access faulting in the root TLB (GPA in
 * BadVAddr), GuestID isolation in the root TLB, root TLB operations with
 * GuestCtl1.RID, the TLBG* instructions and the guest TLB size.
 */
#include "vzt.h"

#define GUEST_A 1
#define GUEST_B 2
#define GC0 (GC0_CP0)

static volatile uint32_t result;

#define LO(pa) ((((pa) >> 12) << 6) | EL_VDG)

/* Guest: load a word from `va` into result. */
extern char g_load_at[];
static void guest_load(uint32_t va)
{
	__asm__ volatile(".globl g_load_at\ng_load_at: lw $8, 0(%0)\n\tsw $8, 0(%1)"
			 :: "r"(va), "r"(&result) : "$8", "memory");
	vzt_guest_exit(0);
}

static enum vzt_action map_gpa_300000(struct test_exc_frame *f, const struct vzt_exit *e)
{
	(void)f;
	if (VZT_EXCCODE(e) == EXC_TLBL && VZT_GEXCCODE(e) == GEXC_GPA) {
		vzt_root_map(5, GUEST_A, 0x00300000u, 0x1000u, 0x00064000u, 0x00065000u, EL_VDG);
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static void begin(void)
{
	vzt_nexits = 0;
	vzt_hook = 0;
	vzt_guest_reset();
	vzt_guest_tlb_clear();
	result = 0;
}

int test_main(void)
{
	volatile uint32_t *ram = (volatile uint32_t *)0xA0000000u;
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST_A);
	vzt_map_identity(2, GUEST_B);

	ram[0x30010 / 4] = 0x11110000u;  /* real 0x30010 */
	ram[0x64020 / 4] = 0x22220000u;  /* real 0x64020 */
	ram[0x66000 / 4] = 0x33330000u;  /* real 0x66000: guest B's page */
	ram[0x68000 / 4] = 0x44440000u;  /* real 0x68000: root's own page */

	/* 1. Guest TLB refill: handled by the guest's own refill vector; the
	 * root sees no exit but the final HYPCALL. GVA 0x00400010 -> GPA
	 * 0x00030010 (identity in root) -> real 0x30010. */
	begin();
	vzt_g.refill_lo0 = LO(0x00030000u);
	vzt_g.refill_lo1 = LO(0x00031000u);
	vzt_run_guest(guest_load, 0x00400010u, GC0, GUEST_A, 0);
	CHECK_EQ(1, 1, vzt_nexits);
	CHECK_EQ(2, 1, vzt_g.refill_count);
	CHECK_EQ(3, 0x00400010u, vzt_g.refill_badvaddr);
	CHECK_EQ(4, 0x00400000u, vzt_g.refill_entryhi & 0xFFFFE000u);
	CHECK_EQ(5, 0x11110000u, result);
	/* The entry the guest wrote is in the guest TLB, tagged with its
	 * GuestID: TLBGP with RID = that GuestID finds it, with RID 0 not. */
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	MTGC0(10, 0, 0x00400000u);
	__asm__ volatile("tlbgp\n\tehb" ::: "memory");
	CHECK_EQ(6, 0, MFGC0(0, 0) & 0x80000000u);
	MTC0(10, 4, 0);
	__asm__ volatile("tlbgp\n\tehb" ::: "memory");
	CHECK_EQ(7, 0x80000000u, MFGC0(0, 0) & 0x80000000u);

	/* 2. Two-stage fault: the guest TLB maps GVA 0x00500020 to GPA
	 * 0x00300020, which the root TLB does not map: root refill with the
	 * GPA; root maps GPA 0x300000 -> real 0x64000 and the load completes. */
	begin();
	vzt_hook = map_gpa_300000;
	vzt_g.refill_lo0 = LO(0x00300000u);
	vzt_g.refill_lo1 = LO(0x00301000u);
	vzt_run_guest(guest_load, 0x00500020u, GC0, GUEST_A, 0);
	CHECK_EQ(10, 2, vzt_nexits);
	CHECK_EQ(11, EXC_TLBL, VZT_EXCCODE(&vzt_exits[0]));
	CHECK_EQ(12, GEXC_GPA, VZT_GEXCCODE(&vzt_exits[0]));
	CHECK_EQ(13, 0x00300020u, vzt_exits[0].badvaddr);
	CHECK_EQ(14, (uint32_t)g_load_at, vzt_exits[0].epc);
	CHECK_EQ(15, 0x22220000u, result);
	CHECK_EQ(16, 1, vzt_g.refill_count);

	/* 3. GuestID isolation: guest B's mapping of GPA 0x00600000 (to real
	 * 0x66000) and root's own mapping of VA 0x00600000 (to real 0x68000)
	 * are invisible to guest A, which faults to root instead. */
	vzt_root_map(6, GUEST_B, 0x00600000u, 0x1000u, 0x00066000u, 0x00067000u, EL_VDG);
	vzt_root_map(7, 0, 0x00600000u, 0x1000u, 0x00068000u, 0x00069000u, EL_VDG);
	begin();
	vzt_run_guest(guest_load, 0xA0600000u, GC0, GUEST_A, 0);
	CHECK_EQ(20, EXC_TLBL, VZT_EXCCODE(&vzt_exits[0]));
	CHECK_EQ(21, GEXC_GPA, VZT_GEXCCODE(&vzt_exits[0]));
	CHECK_EQ(22, 0, result);
	begin();
	vzt_run_guest(guest_load, 0xA0600000u, GC0, GUEST_B, 0);
	CHECK_EQ(23, 1, vzt_nexits);
	CHECK_EQ(24, 0x33330000u, result);
	/* Root mode sees only its own (GuestID 0) entry. */
	CHECK_EQ(25, 0x44440000u, *(volatile uint32_t *)0x00600000u);

	/* 4. Root TLBP matches GuestCtl1.RID; TLBR loads the entry's GuestID
	 * into RID. */
	MTC0(10, 0, 0x00600000u);
	MTC0(10, 4, (uint32_t)GUEST_B << 16);
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
	CHECK_EQ(30, VZT_ROOT_SLOT(6), MFC0(0, 0));
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
	CHECK_EQ(31, 0x80000000u, MFC0(0, 0) & 0x80000000u);
	MTC0(10, 4, 0);
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
	CHECK_EQ(32, VZT_ROOT_SLOT(7), MFC0(0, 0));
	MTC0(0, 0, VZT_ROOT_SLOT(6));
	__asm__ volatile("tlbr\n\tehb" ::: "memory");
	CHECK_EQ(33, (uint32_t)GUEST_B << 16, MFC0(10, 4) & 0x00FF0000u);
	CHECK_EQ(34, 0x00600000u, MFC0(10, 0) & 0xFFFFE000u);
	MTC0(10, 4, 0);
	MTC0(10, 0, 0);

	/* 5. TLBGWI / TLBGR / TLBGP from root on the guest TLB, with
	 * GuestCtl1.RID = the guest's GuestID (the entry's tag). */
	begin();
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	MTGC0(0, 0, 3);
	MTGC0(5, 0, 0);
	MTGC0(10, 0, 0x00700000u);
	MTGC0(2, 0, LO(0x00030000u));
	MTGC0(3, 0, LO(0x00031000u));
	__asm__ volatile("tlbgwi\n\tehb" ::: "memory");
	MTGC0(10, 0, 0);
	MTGC0(2, 0, 0);
	MTGC0(0, 0, 3);
	__asm__ volatile("tlbgr\n\tehb" ::: "memory");
	CHECK_EQ(40, 0x00700000u, MFGC0(10, 0));
	CHECK_EQ(41, LO(0x00030000u), MFGC0(2, 0));
	MTGC0(0, 0, 0);
	__asm__ volatile("tlbgp\n\tehb" ::: "memory");
	CHECK_EQ(42, 3, MFGC0(0, 0));
	vzt_run_guest(guest_load, 0x00700010u, GC0, GUEST_A, 0);
	CHECK_EQ(43, 0, vzt_g.refill_count);
	CHECK_EQ(44, 0x11110000u, result);
	/* Guest B does not hit guest A's entry: it refills. */
	begin();
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	MTGC0(0, 0, 3);
	MTGC0(10, 0, 0x00700000u);
	MTGC0(2, 0, LO(0x00030000u));
	MTGC0(3, 0, LO(0x00031000u));
	__asm__ volatile("tlbgwi\n\tehb" ::: "memory");
	vzt_g.refill_lo0 = LO(0x00030000u);
	vzt_g.refill_lo1 = LO(0x00031000u);
	vzt_run_guest(guest_load, 0x00700010u, GC0, GUEST_B, 0);
	CHECK_EQ(45, 1, vzt_g.refill_count);

	/* 6. TLBGWR writes at the guest's Random (Wired .. MMUSize). */
	begin();
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	MTGC0(6, 0, 2);                                  /* guest Wired */
	MTGC0(10, 0, 0x00800000u | 5);                   /* ASID 5 */
	MTGC0(2, 0, LO(0x00030000u) & ~EL_G);
	MTGC0(3, 0, LO(0x00031000u) & ~EL_G);
	__asm__ volatile("tlbgwr\n\tehb" ::: "memory");
	__asm__ volatile("tlbgp\n\tehb" ::: "memory");
	uint32_t idx = MFGC0(0, 0);
	CHECK_DETAIL(50, idx >= 2 && idx < VZT_GUEST_PART, idx, 0, 0, 0);
	MTGC0(6, 0, 0);

	/* 7. Guest TLB size from guest Config1.MMUSize (root-writable, clamped
	 * to 15 entries). An entry written while the guest had 4 entries
	 * still matches after the size shrinks to 2: entries leave the TLB
	 * only when overwritten (why KVM flushes before it resizes). */
	begin();
	uint32_t c1 = MFGC0(16, 1);
	MTGC0(16, 1, c1 | 0x3Fu << 25);
	CHECK_EQ(60, 14, (MFGC0(16, 1) >> 25) & 0x3F);
	MTGC0(16, 1, c1);
	MTC0(10, 4, (uint32_t)GUEST_A << 16);
	MTGC0(0, 0, 3);
	MTGC0(10, 0, 0x00700000u);
	MTGC0(2, 0, LO(0x00030000u));
	MTGC0(3, 0, LO(0x00031000u));
	__asm__ volatile("tlbgwi\n\tehb" ::: "memory");
	MTGC0(16, 1, (c1 & ~0x7E000000u) | 1u << 25);
	CHECK_EQ(61, 1, (MFGC0(16, 1) >> 25) & 0x3F);
	vzt_run_guest(guest_load, 0x00700010u, GC0, GUEST_A, 0);
	CHECK_EQ(62, 0, vzt_g.refill_count);
	CHECK_EQ(63, 0x11110000u, result);
	MTGC0(16, 1, c1);
	vzt_guest_tlb_clear();
	MTC0(10, 4, 0);
	return 0;
}
