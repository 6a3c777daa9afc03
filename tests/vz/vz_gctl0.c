/* SPDX-License-Identifier: Apache-2.0 */
/* vz_gctl0.c - every GuestCtl0 / GuestCtl0Ext control, on and off, and the
 * read-only fields of the root VZ registers. Each case runs one guest
 * instruction and checks whether it exits (and how) or runs on the guest.
 */
#include "vzt.h"

#define GUEST 1

#define SNIPPET(name, text)                                                     \
	extern char name##_at[];                                                \
	static void name(uint32_t a)                                            \
	{                                                                       \
		__asm__ volatile(".globl " #name "_at\n" #name "_at: " text     \
				 "\n\tnop" ::: "$8", "$9", "memory");          \
		vzt_guest_exit(a);                                              \
	}

SNIPPET(g_mfc0_status, "mfc0 $8, $12, 0")
SNIPPET(g_mfc0_count, "mfc0 $8, $9, 0")
SNIPPET(g_rdhwr_cc, "rdhwr $8, $2")
SNIPPET(g_cache_hit, "cache 0x15, 0($29)")       /* Hit Writeback Invalidate D */
SNIPPET(g_cache_index, "cache 0x01, 0($29)")     /* Index Writeback Invalidate D */
SNIPPET(g_mtc0_config0, "li $8, 0x80000483\n\tmtc0 $8, $16, 0")
SNIPPET(g_rsvd, ".word 0x9C000000")
SNIPPET(g_syscall, "syscall")
SNIPPET(g_set_exl, "li $8, 0x10000002\n\tmtc0 $8, $12, 0\n\tli $8, 0x10000000\n\tmtc0 $8, $12, 0")
SNIPPET(g_set_ip0, "li $8, 0x100\n\tmtc0 $8, $13, 0")
SNIPPET(g_set_bev, "li $8, 0x10400000\n\tmtc0 $8, $12, 0")
SNIPPET(g_wait, "wait")

static void setup(uint32_t gc0x)
{
	vzt_nexits = 0;
	vzt_hook = 0;
	vzt_guest_reset();
	MTC0(11, 4, gc0x);
}

/* The guest instruction at `at` exits with GExcCode `gexc` (first exit);
 * the run ends with HYPCALL 0 (second exit). */
static void expect_exit(uint32_t id, void (*g)(uint32_t), const char *at, uint32_t gc0,
			uint32_t gc0x, unsigned gexc)
{
	setup(gc0x);
	vzt_run_guest(g, 0, gc0, GUEST, 0);
	const struct vzt_exit *e = &vzt_exits[0];
	CHECK_DETAIL(id, vzt_nexits == 2 && VZT_EXCCODE(e) == EXC_GE &&
			     VZT_GEXCCODE(e) == gexc && e->epc >= (uint32_t)at &&
			     e->epc < (uint32_t)at + 16,
		     vzt_nexits, e->cause, e->gctl0, e->epc);
}

/* The guest runs the snippet without any exit but the final HYPCALL 0. */
static void expect_no_exit(uint32_t id, void (*g)(uint32_t), uint32_t gc0, uint32_t gc0x)
{
	setup(gc0x);
	vzt_run_guest(g, 0, gc0, GUEST, 0);
	const struct vzt_exit *e = &vzt_exits[0];
	CHECK_DETAIL(id, vzt_nexits == 1 && VZT_GEXCCODE(e) == GEXC_HC, vzt_nexits,
		     e->cause, e->gctl0, e->epc);
}

int test_main(void)
{
	const uint32_t cp0 = GC0_CP0;
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);

	/* Read-only and writable fields of the root VZ registers. */
	MTC0(12, 6, 0);
	CHECK_EQ(1, GC0_RO_M5150, MFC0(12, 6));
	MTC0(12, 6, 0x7FFFFFFFu);   /* everything but GM (root stays root) */
	CHECK_EQ(2, 0x7383FC03u | GC0_RO_M5150, MFC0(12, 6));
	MTC0(12, 6, 0);
	MTC0(11, 4, 0xFFFFFFFFu);
	CHECK_EQ(3, 0xD8, MFC0(11, 4));
	MTC0(11, 4, 0);
	MTC0(10, 4, 0xFFFFFFFFu);
	CHECK_EQ(4, 0x00FF00FFu, MFC0(10, 4));
	MTC0(10, 4, 0);
	MTC0(10, 5, 0xFFFFFFFFu);
	CHECK_EQ(5, 0x3F3CFFFFu, MFC0(10, 5));
	MTC0(10, 5, 0);
	MTC0(10, 6, 0xFFFFFFFFu);
	CHECK_EQ(6, 0xF, MFC0(10, 6));
	MTC0(10, 6, 0);
	MTC0(12, 7, 0xFFFFFFFFu);
	CHECK_EQ(7, 0xFFFFFFFFu, MFC0(12, 7));
	MTC0(12, 7, 0);
	CHECK_EQ(8, 1u << 23, MFC0(16, 3) & (1u << 23));   /* Config3.VZ */

	/* CP0: guest CP0 use at all. */
	expect_exit(10, g_mfc0_status, g_mfc0_status_at, 0, 0, GEXC_GPSI);
	expect_no_exit(11, g_mfc0_status, cp0, 0);

	/* GT: guest Count/Compare and RDHWR CC. */
	expect_exit(20, g_mfc0_count, g_mfc0_count_at, cp0, 0, GEXC_GPSI);
	expect_no_exit(21, g_mfc0_count, cp0 | GC0_GT, 0);
	expect_exit(22, g_rdhwr_cc, g_rdhwr_cc_at, cp0, 0, GEXC_GPSI);
	expect_no_exit(23, g_rdhwr_cc, cp0 | GC0_GT, 0);

	/* CG and GuestCtl0Ext.CGI: guest CACHE. */
	expect_exit(30, g_cache_hit, g_cache_hit_at, cp0, 0, GEXC_GPSI);
	expect_no_exit(31, g_cache_hit, cp0 | GC0_CG, 0);
	expect_exit(32, g_cache_index, g_cache_index_at, cp0 | GC0_CG, 0, GEXC_GPSI);
	expect_no_exit(33, g_cache_index, cp0 | GC0_CG, GC0X_CGI);

	/* CF: guest Config writes. */
	expect_exit(40, g_mtc0_config0, g_mtc0_config0_at, cp0, 0, GEXC_GPSI);
	CHECK_EQ(41, 2, MFGC0(16, 0) & 7);
	expect_no_exit(42, g_mtc0_config0, cp0 | GC0_CF, 0);
	CHECK_EQ(43, 3, MFGC0(16, 0) & 7);
	/* Root reads the guest's results uncached: the guest's KSEG0 goes back
	 * to uncached, and what it stored cached is written back first. */
	MTGC0(16, 0, (MFGC0(16, 0) & ~7u) | 2);
	for (uint32_t a = 0x80000000u; a < 0x80001000u; a += 16)
		__asm__ volatile("cache 0x01, 0(%0)" : : "r"(a) : "memory"); /* Index WB Inv D */

	/* RI: reserved instructions to root (GRR) or to the guest. */
	expect_exit(50, g_rsvd, g_rsvd_at, cp0 | GC0_RI, 0, GEXC_GRR);
	CHECK_EQ(51, 0, vzt_g.count);
	expect_no_exit(52, g_rsvd, cp0, 0);
	CHECK_EQ(53, 1, vzt_g.count);
	CHECK_EQ(54, EXC_RI, (vzt_g.cause >> 2) & 0x1F);

	/* MC and GuestCtl0Ext.FCD: guest mode changes. */
	expect_no_exit(60, g_syscall, cp0, 0);
	CHECK_EQ(61, EXC_SYS, (vzt_g.cause >> 2) & 0x1F);
	expect_exit(62, g_syscall, (const char *)vzt_guest_vectors + 0x180, cp0 | GC0_MC, 0,
		    GEXC_GHFC);
	expect_no_exit(63, g_syscall, cp0 | GC0_MC, GC0X_FCD);
	CHECK_EQ(64, 1, vzt_g.count);
	expect_no_exit(65, g_set_exl, cp0, 0);
	expect_exit(66, g_set_exl, g_set_exl_at, cp0 | GC0_MC, 0, GEXC_GSFC);
	expect_no_exit(67, g_set_exl, cp0 | GC0_MC, GC0X_FCD);

	/* SFC1: guest Cause.IP1:0; SFC2: guest Status.BEV. */
	expect_no_exit(70, g_set_ip0, cp0, 0);
	CHECK_EQ(71, 0x100, MFGC0(13, 0) & 0x300);
	expect_exit(72, g_set_ip0, g_set_ip0_at, cp0 | GC0_SFC1, 0, GEXC_GSFC);
	CHECK_EQ(73, 0, MFGC0(13, 0) & 0x300);
	expect_no_exit(74, g_set_bev, cp0, 0);
	CHECK_EQ(75, ST_BEV, MFGC0(12, 0) & ST_BEV);
	expect_exit(76, g_set_bev, g_set_bev_at, cp0 | GC0_SFC2, 0, GEXC_GSFC);
	CHECK_EQ(77, 0, MFGC0(12, 0) & ST_BEV);

	/* WAIT always exits, whatever the controls. */
	expect_exit(80, g_wait, g_wait_at, cp0 | GC0_GT | GC0_CG | GC0_CF, GC0X_CGI, GEXC_GPSI);
	return 0;
}
