/* SPDX-License-Identifier: Apache-2.0 */
/* vz_ctx.c - the guest CP0 context and what surrounds it: guest reset
 * values, MFGC0/MTGC0 round trips, VZ instructions in guest mode (guest RI),
 * guest exceptions handled by the guest alone, shadow-set selection by ERET
 * and GuestCtl3, separate LLbit per context, exits from a branch delay slot
 * and ERET back into it, guest FPU use with root Status.CU1 = 0.
 */
#include "vzt.h"

#define GUEST 1
#define GC0 (GC0_CP0)

static volatile uint32_t result, result2;

/* ---- Guest reset values and round trips ---- */
struct reg_case {
	uint8_t reg, sel;
	uint32_t after_ones;   /* MFGC0 after MTGC0 0xFFFFFFFF */
};
static const struct reg_case round_trip[] = {
	{0, 0, 0x0000000Fu},   /* Index */
	{2, 0, 0xC3FFFFFFu},   /* EntryLo0 */
	{3, 0, 0xC3FFFFFFu},   /* EntryLo1 */
	{4, 0, 0xFF800000u},   /* Context.PTEBase */
	{4, 2, 0xFFFFFFFFu},   /* UserLocal */
	{5, 0, 0x1FFFE000u},   /* PageMask */
	{5, 1, 0xC8000000u},   /* PageGrain */
	{6, 0, 0x0000000Fu},   /* Wired */
	{7, 0, 0x2000000Fu},   /* HWREna */
	{8, 0, 0xFFFFFFFFu},   /* BadVAddr (root may write) */
	{8, 1, 0xFFFFFFFFu},   /* BadInstr */
	{8, 2, 0xFFFFFFFFu},   /* BadInstrP */
	{10, 0, 0xFFFFE4FFu},  /* EntryHi */
	{11, 0, 0xFFFFFFFFu},  /* Compare */
	{12, 1, 0x000003E0u},  /* IntCtl.VS */
	{14, 0, 0xFFFFFFFFu},  /* EPC */
	{14, 2, 0xFFFFFFFFu},  /* NestedEPC */
	{15, 1, 0xBFFFF000u},  /* EBase */
	{17, 0, 0xFFFFFFFFu},  /* LLAddr */
	{30, 0, 0xFFFFFFFFu},  /* ErrorEPC */
	{31, 2, 0xFFFFFFFFu},  /* KScratch1 */
	{31, 3, 0xFFFFFFFFu},  /* KScratch2 */
	{15, 0, 0},            /* PRId: not in the guest context */
	{23, 0, 0},            /* Debug: not in the guest context */
	{16, 7, 0},            /* Config7: not in the guest context */
};

/* MFGC0/MTGC0 take reg/sel as immediates: one accessor per case. */
#define RT_CASE(r, s)                                                           \
	case (r) * 8 + (s):                                                     \
		if (write) MTGC0(r, s, v);                                      \
		return MFGC0(r, s);
static uint32_t gc0_access(unsigned reg, unsigned sel, int write, uint32_t v)
{
	switch (reg * 8 + sel) {
	RT_CASE(0, 0) RT_CASE(2, 0) RT_CASE(3, 0) RT_CASE(4, 0) RT_CASE(4, 2)
	RT_CASE(5, 0) RT_CASE(5, 1) RT_CASE(6, 0) RT_CASE(7, 0) RT_CASE(8, 0)
	RT_CASE(8, 1) RT_CASE(8, 2) RT_CASE(10, 0) RT_CASE(11, 0) RT_CASE(12, 1)
	RT_CASE(14, 0) RT_CASE(14, 2) RT_CASE(15, 1) RT_CASE(17, 0) RT_CASE(30, 0)
	RT_CASE(31, 2) RT_CASE(31, 3) RT_CASE(15, 0) RT_CASE(23, 0) RT_CASE(16, 7)
	default: return 0xDEADBEEFu;
	}
}

/* Guest: read KScratch1 (root wrote it), write KScratch2 (root reads it). */
static void guest_kscratch(uint32_t a)
{
	result = MFC0(31, 2);
	MTC0(31, 3, a);
	vzt_guest_exit(0);
}

/* ---- VZ instructions in guest mode ---- */
extern char g_mfgc0_at[];
static void guest_mfgc0(uint32_t a)
{
	__asm__ volatile(".globl g_mfgc0_at\ng_mfgc0_at: mfgc0 $8, $12, 0\n\tnop" ::: "$8");
	__asm__ volatile("mtgc0 $0, $12, 0\n\ttlbgp\n\ttlbginvf\n\tnop" ::: "memory");
	vzt_guest_exit(a);
}

/* ---- Guest exception handled by the guest alone ---- */
extern char g_sys_at[];
static void guest_syscall(uint32_t a)
{
	__asm__ volatile(".globl g_sys_at\ng_sys_at: syscall\n\tnop");
	vzt_guest_exit(a);
}

/* ---- Shadow sets ---- */
static volatile uint32_t srs_at_exit, root_s0_seen, guest_s0_in_set;
static void guest_set_s0(uint32_t a)
{
	(void)a;
	__asm__ volatile("li $16, 0x5E75E7\n\thypcall 5\n\tnop" ::: "$16", "memory");
	vzt_guest_exit(0);
}
static enum vzt_action peek_shadow_set(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_HC &&
	    ((e->badinstr >> 11) & 0x3FF) == 5) {
		uint32_t v;
		srs_at_exit = e->srsctl;
		__asm__ volatile("rdpgpr %0, $16" : "=r"(v));   /* from SRS[PSS] */
		guest_s0_in_set = v;
		root_s0_seen = f->r[16];
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

/* ---- LLbit ---- */
static volatile uint32_t ll_word, root_sc_ok, guest_lladdr, root_lladdr;
static void guest_ll_hc_sc(uint32_t a)
{
	(void)a;
	uint32_t v, ok;
	__asm__ volatile("ll %0, 0(%1)" : "=r"(v) : "r"(&ll_word) : "memory");
	HYPCALL(6);
	ok = v + 1;
	__asm__ volatile("sc %0, 0(%1)" : "+r"(ok) : "r"(&ll_word) : "memory");
	result = ok;
	vzt_guest_exit(0);
}
static uint32_t root_word;
static enum vzt_action root_ll_sc(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_HC &&
	    ((e->badinstr >> 11) & 0x3FF) == 6) {
		uint32_t v, ok;
		guest_lladdr = MFGC0(17, 0);
		__asm__ volatile("ll %0, 0(%1)" : "=r"(v) : "r"(&root_word) : "memory");
		root_lladdr = MFC0(17, 0);
		ok = v + 1;
		__asm__ volatile("sc %0, 0(%1)" : "+r"(ok) : "r"(&root_word) : "memory");
		root_sc_ok = ok;
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

/* ---- Delay slot ---- */
extern char g_ds_branch[], g_ds_target[];
static void guest_ds_gpsi(uint32_t a)
{
	(void)a;
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li $8, 0\n"
			 ".globl g_ds_branch\ng_ds_branch: beq $0, $0, g_ds_target\n"
			 "mfc0 $8, $15, 0\n"          /* GPSI in the delay slot */
			 "li $8, 0xBAD\n"
			 ".globl g_ds_target\ng_ds_target: sw $8, 0(%0)\n"
			 ".set pop" :: "r"(&result) : "$8", "memory");
	vzt_guest_exit(0);
}
static enum vzt_action emulate_in_ds(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GPSI && (e->cause & CA_BD)) {
		f->r[8] = 0x0001A720u;
		f->epc = (uint32_t)g_ds_target;    /* branch emulated: taken */
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}
extern char g_ds2_branch[], g_ds2_target[];
static void guest_ds_gpa(uint32_t a)
{
	(void)a;
	__asm__ volatile(".set push\n.set noreorder\n"
			 "lui $9, 0xA024\n"
			 "li $8, 0\n"
			 ".globl g_ds2_branch\ng_ds2_branch: bne $9, $0, g_ds2_target\n"
			 "lw $8, 8($9)\n"            /* root TLB refill in the delay slot */
			 "li $8, 0xBAD\n"
			 ".globl g_ds2_target\ng_ds2_target: sw $8, 0(%0)\n"
			 ".set pop" :: "r"(&result) : "$8", "$9", "memory");
	vzt_guest_exit(0);
}
static enum vzt_action map_in_ds(struct test_exc_frame *f, const struct vzt_exit *e)
{
	(void)f;
	if (VZT_EXCCODE(e) == EXC_TLBL && VZT_GEXCCODE(e) == GEXC_GPA) {
		vzt_root_map(6, GUEST, 0x00240000u, 0x1000u, 0x0006A000u, 0x0006B000u, EL_VDG);
		return VZT_RESUME;    /* ERET to the branch: it runs again with its slot */
	}
	return VZT_DEFAULT;
}

/* ---- FPU ---- */
extern char g_fpu_at[];
static void guest_fpu(uint32_t a)
{
	(void)a;
	__asm__ volatile(".set push\n.set hardfloat\n"
			 "li $8, 0x3F800000\n"
			 ".globl g_fpu_at\ng_fpu_at: mtc1 $8, $f2\n"
			 "mfc1 $9, $f2\n"
			 "sw $9, 0(%0)\n"
			 ".set pop" :: "r"(&result) : "$8", "$9", "memory");
	vzt_guest_exit(0);
}
static enum vzt_action grant_cu1(struct test_exc_frame *f, const struct vzt_exit *e)
{
	(void)f;
	if (VZT_EXCCODE(e) == EXC_CPU) {
		MTC0(12, 0, MFC0(12, 0) | ST_CU1);   /* lazy FPU switch: retry */
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static void begin(enum vzt_action (*hook)(struct test_exc_frame *, const struct vzt_exit *))
{
	vzt_nexits = 0;
	vzt_hook = hook;
	vzt_guest_reset();
	result = result2 = 0;
}

int test_main(void)
{
	/* 1. Guest context at reset, before anything wrote it. */
	CHECK_EQ(1, 0x00400004u, MFGC0(12, 0));               /* BEV | ERL */
	CHECK_EQ(2, 0x80000000u, MFGC0(15, 1));               /* EBase */
	CHECK_EQ(3, 0x80000482u, MFGC0(16, 0));               /* Config0 */
	CHECK_EQ(4, 14, (MFGC0(16, 1) >> 25) & 0x3F);          /* 15 guest TLB entries */
	CHECK_EQ(5, 0, MFGC0(16, 3) & (1u << 23));            /* no nested VZ */
	CHECK_EQ(6, 0x40, MFGC0(16, 3) & 0x40);               /* EIC */
	CHECK_EQ(7, 0, MFGC0(13, 0));

	/* 2. MFGC0/MTGC0 round trips. */
	for (unsigned i = 0; i < sizeof round_trip / sizeof round_trip[0]; i++) {
		const struct reg_case *rc = &round_trip[i];
		uint32_t ones = gc0_access(rc->reg, rc->sel, 1, 0xFFFFFFFFu);
		uint32_t zero = gc0_access(rc->reg, rc->sel, 1, 0);
		uint32_t zero_expect = (rc->reg == 15 && rc->sel == 1) ? 0x80000000u : 0;
		CHECK_DETAIL(0x100 + i, ones == rc->after_ones && zero == zero_expect,
			     rc->reg << 8 | rc->sel, rc->after_ones, ones, zero);
	}
	/* Root Config3.VZ is set; the guest one is not. */
	CHECK_EQ(8, 1u << 23, MFC0(16, 3) & (1u << 23));

	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);

	/* 3. Guest MFC0/MTC0 reach the same registers. */
	begin(0);
	MTGC0(31, 2, 0x600DF00Du);
	vzt_run_guest(guest_kscratch, 0x1234u, GC0, GUEST, 0);
	CHECK_EQ(10, 0x600DF00Du, result);
	CHECK_EQ(11, 0x1234u, MFGC0(31, 3));
	CHECK_EQ(12, 1, vzt_nexits);

	/* 4. MFGC0/MTGC0/TLBG* in guest mode: guest RI each (no root exit). */
	begin(0);
	vzt_run_guest(guest_mfgc0, 0, GC0, GUEST, 0);
	CHECK_EQ(20, 4, vzt_g.count);
	CHECK_EQ(21, EXC_RI, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(22, 1, vzt_nexits);
	/* ... and with GuestCtl0.RI they become GRR exits. */
	begin(0);
	vzt_run_guest(guest_mfgc0, 0, GC0 | GC0_RI, GUEST, 0);
	CHECK_EQ(23, 0, vzt_g.count);
	CHECK_EQ(24, 5, vzt_nexits);
	CHECK_EQ(25, GEXC_GRR, VZT_GEXCCODE(&vzt_exits[0]));
	CHECK_EQ(26, (uint32_t)g_mfgc0_at, vzt_exits[0].epc);

	/* 5. A guest SYSCALL is the guest's business: guest vector, no exit. */
	begin(0);
	vzt_run_guest(guest_syscall, 0, GC0, GUEST, 0);
	CHECK_EQ(30, 1, vzt_nexits);
	CHECK_EQ(31, 1, vzt_g.count);
	CHECK_EQ(32, EXC_SYS, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(33, (uint32_t)g_sys_at, vzt_g.epc);
	CHECK_EQ(34, ST_EXL, vzt_g.status & ST_EXL);

	/* 6. Shadow sets: root BEV = 0 with ESS = 0; the guest runs in set 3,
	 * selected by PSS at ERET; the exit saves it in PSS again. */
	begin(peek_shadow_set);
	MTC0(15, 1, (uint32_t)vzt_root_vectors);
	MTC0(12, 0, MFC0(12, 0) & ~ST_BEV);
	MTC0(12, 2, (MFC0(12, 2) & ~0xF3C0u) | 3u << 6);     /* ESS 0, PSS 3 */
	MTC0(10, 6, 3);                                       /* GuestCtl3.GLSS */
	vzt_run_guest(guest_set_s0, 0, GC0, GUEST, 0);
	MTC0(12, 0, MFC0(12, 0) | ST_BEV);
	CHECK_EQ(40, 3, (srs_at_exit >> 6) & 0xF);            /* PSS = the guest's set */
	CHECK_EQ(41, 0, srs_at_exit & 0xF);                   /* CSS = ESS */
	CHECK_EQ(42, 0x5E75E7u, guest_s0_in_set);
	CHECK(43, root_s0_seen != 0x5E75E7u);
	CHECK_EQ(44, 3, MFC0(10, 6));
	CHECK_EQ(45, 0, MFC0(12, 2) & 0xF);                   /* back in set 0 */
	MTC0(10, 6, 0);

	/* 7. LLbit per context: the guest's LL survives root's own LL/SC and
	 * root's ERET; LLAddr differs per context. */
	begin(root_ll_sc);
	ll_word = 41;
	root_word = 7;
	vzt_run_guest(guest_ll_hc_sc, 0, GC0, GUEST, 0);
	CHECK_EQ(50, 1, root_sc_ok);
	CHECK_EQ(51, 1, result);                              /* guest SC succeeded */
	CHECK_EQ(52, 42, ll_word);
	CHECK_EQ(53, 8, root_word);
	CHECK_EQ(54, ((uint32_t)&ll_word & 0x1FFFFFFFu) >> 4, guest_lladdr);
	CHECK_EQ(55, ((uint32_t)&root_word & 0x1FFFFFFFu) >> 4, root_lladdr);

	/* 8. Exit from a branch delay slot: EPC = branch, Cause.BD, BadInstr =
	 * the slot, BadInstrP = the branch; root emulates both and resumes at
	 * the branch target. */
	begin(emulate_in_ds);
	vzt_run_guest(guest_ds_gpsi, 0, GC0, GUEST, 0);
	const struct vzt_exit *e = &vzt_exits[0];
	CHECK_EQ(60, GEXC_GPSI, VZT_GEXCCODE(e));
	CHECK_EQ(61, CA_BD, e->cause & CA_BD);
	CHECK_EQ(62, (uint32_t)g_ds_branch, e->epc);
	CHECK_EQ(63, 0x40087800u, e->badinstr);
	CHECK_EQ(64, *(uint32_t *)g_ds_branch, e->badinstrp);
	CHECK_EQ(65, 0x0001A720u, result);
	/* ERET back to the branch after a root TLB refill in its slot: the
	 * branch and the slot run again. */
	*(volatile uint32_t *)0xA006A008u = 0xD5D5D5D5u;
	begin(map_in_ds);
	vzt_run_guest(guest_ds_gpa, 0, GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(66, EXC_TLBL, VZT_EXCCODE(e));
	CHECK_EQ(67, CA_BD, e->cause & CA_BD);
	CHECK_EQ(68, (uint32_t)g_ds2_branch, e->epc);
	CHECK_EQ(69, 0x00240008u, e->badvaddr);
	CHECK_EQ(70, 0xD5D5D5D5u, result);

	/* 9. Guest FPU: guest CU1 = 1 but root CU1 = 0 -> root CpU with CE = 1;
	 * root grants CU1 and the instruction runs. Guest CU1 = 0 -> guest CpU. */
	begin(grant_cu1);
	MTC0(12, 0, MFC0(12, 0) & ~ST_CU1);
	MTGC0(12, 0, ST_CU0 | ST_CU1);
	vzt_run_guest(guest_fpu, 0, GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(80, EXC_CPU, VZT_EXCCODE(e));
	CHECK_EQ(81, 1, (e->cause >> 28) & 3);
	CHECK_EQ(82, (uint32_t)g_fpu_at, e->epc);
	CHECK_EQ(83, 0x3F800000u, result);
	CHECK_EQ(84, 0, vzt_g.count);
	begin(0);
	MTC0(12, 0, MFC0(12, 0) | ST_CU1);
	vzt_g.resume = 0;
	vzt_run_guest(guest_fpu, 0, GC0, GUEST, 0);            /* guest CU1 = 0 */
	CHECK_EQ(85, 2, vzt_g.count);                         /* mtc1 and mfc1 */
	CHECK_EQ(86, EXC_CPU, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(87, 1, (vzt_g.cause >> 28) & 3);
	CHECK_EQ(88, 1, vzt_nexits);
	MTC0(12, 0, MFC0(12, 0) & ~ST_CU1);
	return 0;
}
