/* SPDX-License-Identifier: Apache-2.0 */
/* vz_tlb.c - the one TLB root and guest share (docs/simulator-vz.md
 * section 4): the TLBINV family is absent (Config4.IE = 1), root TLBWR
 * reaches the guest part unless root Wired covers it, a guest TLBWR
 * overwrites a root entry left in the guest part, guest entries carry the
 * GuestID (TLBGWI tags with RID, TLBGR loads it, TLBGP matches it, lookups
 * match GuestCtl1.ID), and a write that would duplicate a match raises
 * Machine Check. Each check fails on a model with separate root and guest
 * arrays or without guest GuestIDs.
 */
#include "vzt.h"

#define GUEST_A 1
#define GUEST_B 2
#define GC0 (GC0_CP0)
#define EXC_MCHECK 24
#define ST_TS 0x00200000u
#define MISS 0x80000000u

#define LO(pa) ((((pa) >> 12) << 6) | EL_VDG)

static volatile uint32_t result;

/* Guest: result = the word at va. */
static void guest_read(uint32_t va)
{
	result = *(volatile uint32_t *)va;
	vzt_guest_exit(0);
}

/* Guest: TLBWR of EntryHi = hi with the EntryLo pair in vzt_g.refill_lo*. */
static void guest_tlbwr(uint32_t hi)
{
	MTC0(5, 0, 0);
	MTC0(10, 0, hi);
	MTC0(2, 0, vzt_g.refill_lo0);
	MTC0(3, 0, vzt_g.refill_lo1);
	__asm__ volatile("tlbwr\n\tehb" ::: "memory");
	vzt_guest_exit(0);
}

/* Guest: TLBR of entry `index`; result = the EntryHi read. */
static void guest_tlbr(uint32_t index)
{
	MTC0(0, 0, index);
	__asm__ volatile("tlbr\n\tehb" ::: "memory");
	result = MFC0(10, 0);
	vzt_guest_exit(0);
}

/* Guest: TLBINV and TLBINVF (guest RI, taken by the guest). */
static void guest_tlbinv(uint32_t a)
{
	__asm__ volatile(".word 0x42000003\n\tnop\n\t.word 0x42000004\n\tnop" ::: "memory");
	vzt_guest_exit(a);
}

static void set_rid(unsigned gid)
{
	MTC0(10, 4, (MFC0(10, 4) & ~0x00FF0000u) | gid << 16);
}

/* TLBGWI at guest index i of EntryHi hi -> pa, tagged with RID = gid. */
static void guest_entry(unsigned gid, unsigned i, uint32_t hi, uint32_t pa)
{
	set_rid(gid);
	MTGC0(5, 0, 0);
	MTGC0(0, 0, i);
	MTGC0(10, 0, hi);
	MTGC0(2, 0, LO(pa));
	MTGC0(3, 0, LO(pa + 0x1000u));
	__asm__ volatile("tlbgwi\n\tehb" ::: "memory");
}

/* TLBGP for hi among the guest entries of GuestID gid: index or MISS. */
static uint32_t guest_probe(unsigned gid, uint32_t hi)
{
	set_rid(gid);
	MTGC0(10, 0, hi);
	__asm__ volatile("tlbgp\n\tehb" ::: "memory");
	return MFGC0(0, 0);
}

/* Root TLBWR of a root entry (RID 0) at VA hi; returns where it landed. */
static uint32_t root_tlbwr(uint32_t hi)
{
	set_rid(0);
	MTC0(5, 0, 0);
	MTC0(10, 0, hi);
	MTC0(2, 0, LO(0x00030000u));
	MTC0(3, 0, LO(0x00031000u));
	__asm__ volatile("tlbwr\n\tehb\n\ttlbp\n\tehb" ::: "memory");
	uint32_t idx = MFC0(0, 0);
	MTC0(10, 0, 0);
	return idx;
}

static void fill_guest_part(unsigned gid)
{
	for (unsigned i = 0; i < VZT_GUEST_PART; i++)
		guest_entry(gid, i, 0x00100000u + (i << 13), 0x00030000u);
}

static unsigned guest_part_left(unsigned gid)
{
	unsigned n = 0;
	for (unsigned i = 0; i < VZT_GUEST_PART; i++)
		n += guest_probe(gid, 0x00100000u + (i << 13)) == i;
	return n;
}

/* A fresh TLB with the partition, the guests' identity mappings and a
 * clean guest context. */
static void begin(void)
{
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST_A);
	vzt_map_identity(2, GUEST_B);
	vzt_nexits = 0;
	vzt_hook = 0;
	vzt_guest_reset();
	result = 0;
}

int test_main(void)
{
	volatile uint32_t *ram = (volatile uint32_t *)0xA0000000u;
	ram[0x30010 / 4] = 0x11110000u;
	ram[0x64010 / 4] = 0x22220000u;

	/* 1. The TLBINV family: Config4.IE = 1 (EHINV only), so TLBINV,
	 * TLBINVF, TLBGINV and TLBGINVF are reserved instructions in root
	 * mode, and TLBINV/TLBINVF in guest mode (guest Config4.IE = 0). */
	CHECK_EQ(1, 1, (MFC0(16, 4) >> 29) & 3);
	vzt_root_catch = 1;
	vzt_root_cause = 0;
	__asm__ volatile(".word 0x42000003\n\tnop" ::: "memory");   /* TLBINV */
	CHECK_EQ(2, EXC_RI, TEST_EXCCODE(vzt_root_cause));
	vzt_root_cause = 0;
	__asm__ volatile(".word 0x42000004\n\tnop" ::: "memory");   /* TLBINVF */
	CHECK_EQ(3, EXC_RI, TEST_EXCCODE(vzt_root_cause));
	vzt_root_cause = 0;
	__asm__ volatile("tlbginv\n\tnop" ::: "memory");
	CHECK_EQ(4, EXC_RI, TEST_EXCCODE(vzt_root_cause));
	vzt_root_cause = 0;
	__asm__ volatile("tlbginvf\n\tnop" ::: "memory");
	CHECK_EQ(5, EXC_RI, TEST_EXCCODE(vzt_root_cause));
	vzt_root_catch = 0;
	begin();
	vzt_run_guest(guest_tlbinv, 7, GC0, GUEST_A, 0);
	CHECK_EQ(6, 2, vzt_g.count);
	CHECK_EQ(7, EXC_RI, TEST_EXCCODE(vzt_g.cause));
	CHECK_EQ(8, 1, vzt_nexits);                       /* only the final HYPCALL */

	/* 2. Root TLBWR with root Wired below the guest part lands there and
	 * evicts a guest entry: one TLB, not two. */
	begin();
	fill_guest_part(GUEST_A);
	CHECK_EQ(10, VZT_GUEST_PART, guest_part_left(GUEST_A));
	MTC0(6, 0, 0);                                    /* root Wired = 0 */
	uint32_t landed = MISS;
	for (unsigned k = 0; k < 64 && landed == MISS; k++) {
		uint32_t idx = root_tlbwr(0x10000000u + (k << 13));
		if (idx < VZT_GUEST_PART)
			landed = idx;
	}
	CHECK_DETAIL(11, landed < VZT_GUEST_PART, landed, 0, 0, 0);
	CHECK_EQ(12, MISS, guest_probe(GUEST_A, 0x00100000u + (landed << 13)));
	CHECK_EQ(13, VZT_GUEST_PART - 1, guest_part_left(GUEST_A));

	/* 3. With root Wired covering the guest part, root TLBWR never
	 * reaches it. */
	begin();                                          /* root Wired = 4 */
	fill_guest_part(GUEST_A);
	uint32_t lowest = 16;
	for (unsigned k = 0; k < 64; k++) {
		uint32_t idx = root_tlbwr(0x10000000u + (k << 13));
		if (idx < lowest)
			lowest = idx;
	}
	CHECK_DETAIL(20, lowest >= VZT_GUEST_PART && lowest < 16, lowest, 0, 0, 0);
	CHECK_EQ(21, VZT_GUEST_PART, guest_part_left(GUEST_A));

	/* 4. A root entry left in the guest part (entry 3, wired by root) is
	 * overwritten by the guest's TLBWR (guest Wired 3 of 4 entries: its
	 * Random is 3): root Wired does not protect against the guest. */
	begin();
	set_rid(GUEST_A);
	MTC0(5, 0, 0);
	MTC0(10, 0, 0x00300000u);
	MTC0(2, 0, LO(0x00064000u));
	MTC0(3, 0, LO(0x00065000u));
	MTC0(0, 0, 3);
	__asm__ volatile("tlbwi\n\tehb\n\ttlbp\n\tehb" ::: "memory");
	CHECK_EQ(30, 3, MFC0(0, 0));
	MTGC0(6, 0, 3);                                   /* guest Wired */
	vzt_g.refill_lo0 = LO(0x00030000u);
	vzt_g.refill_lo1 = LO(0x00031000u);
	vzt_run_guest(guest_tlbwr, 0x00500000u, GC0, GUEST_A, 0);
	set_rid(GUEST_A);
	MTC0(10, 0, 0x00300000u);
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
	CHECK_EQ(31, MISS, MFC0(0, 0) & MISS);            /* root's entry is gone */
	CHECK_EQ(32, 3, guest_probe(GUEST_A, 0x00500000u));
	MTGC0(6, 0, 0);

	/* 5. GuestID tags: two guests map the same guest VA in the guest part
	 * (no conflict: different GuestIDs); TLBGP finds each by RID, TLBGR
	 * loads the tag into RID, each guest hits only its own entry. */
	begin();
	guest_entry(GUEST_A, 0, 0x00700000u, 0x00030000u);
	guest_entry(GUEST_B, 1, 0x00700000u, 0x00064000u);
	CHECK_EQ(40, 0, guest_probe(GUEST_A, 0x00700000u));
	CHECK_EQ(41, 1, guest_probe(GUEST_B, 0x00700000u));
	CHECK_EQ(42, MISS, guest_probe(3, 0x00700000u) & MISS);
	set_rid(0);
	MTGC0(0, 0, 1);
	__asm__ volatile("tlbgr\n\tehb" ::: "memory");
	CHECK_EQ(43, (uint32_t)GUEST_B << 16, MFC0(10, 4) & 0x00FF0000u);
	CHECK_EQ(44, LO(0x00064000u), MFGC0(2, 0));
	vzt_run_guest(guest_read, 0x00700010u, GC0, GUEST_A, 0);
	CHECK_EQ(45, 0x11110000u, result);
	vzt_run_guest(guest_read, 0x00700010u, GC0, GUEST_B, 0);
	CHECK_EQ(46, 0x22220000u, result);
	CHECK_EQ(47, 0, vzt_g.refill_count);
	/* An indexed read sees an entry whoever owns it: guest B's TLBR of
	 * entry 0 returns guest A's EntryHi (a hypervisor must not leave one
	 * guest's entries for another). */
	vzt_run_guest(guest_tlbr, 0, GC0, GUEST_B, 0);
	CHECK_EQ(48, 0x00700000u, result);

	/* 6. A TLBGWI that would give guest A two matching entries raises a
	 * root Machine Check (Status.TS) and writes nothing. */
	vzt_root_catch = 1;
	vzt_root_cause = 0;
	guest_entry(GUEST_A, 2, 0x00700000u, 0x00064000u);
	vzt_root_catch = 0;
	CHECK_EQ(50, EXC_MCHECK, TEST_EXCCODE(vzt_root_cause));
	CHECK_EQ(51, ST_TS, vzt_root_status & ST_TS);
	MTC0(12, 0, MFC0(12, 0) & ~ST_TS);
	MTGC0(0, 0, 2);
	__asm__ volatile("tlbgr\n\tehb" ::: "memory");
	CHECK_EQ(52, 0x400u, MFGC0(10, 0) & 0x400u);      /* still invalid */
	/* Guest B already maps that VA at entry 1: the same for B. */
	vzt_root_catch = 1;
	vzt_root_cause = 0;
	guest_entry(GUEST_B, 2, 0x00700000u, 0x00064000u);
	vzt_root_catch = 0;
	CHECK_EQ(53, EXC_MCHECK, TEST_EXCCODE(vzt_root_cause));
	MTC0(12, 0, MFC0(12, 0) & ~ST_TS);

	vzt_guest_tlb_clear();
	set_rid(0);
	return 0;
}
