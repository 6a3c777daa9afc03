/* SPDX-License-Identifier: Apache-2.0 */
/* vz_exits.c - every exit to root a guest can cause, with the state root
 * sees: Cause.ExcCode, GuestCtl0.GExcCode, EPC, BadInstr, BadVAddr.
 *   GPSI (root emulates PRId), GSFC (root completes a Status.CU1 change),
 *   HC (HYPCALL code), GRR (GuestCtl0.RI), GHFC (GuestCtl0.MC on a guest
 *   exception), GPA (root TLB refill and modified, GPA in BadVAddr, root maps
 *   the page and the guest access completes), GVA (bus error).
 */
#include "vzt.h"

#define GUEST 1
#define BASE_GC0 (GC0_CP0)

static volatile uint32_t result;

/* ---- GPSI ---- */
extern char g_gpsi_at[];
static void guest_gpsi(uint32_t a)
{
	__asm__ volatile(".globl g_gpsi_at\ng_gpsi_at: mfc0 $8, $15, 0\n\tsw $8, 0(%0)"
			 :: "r"(&result) : "$8", "memory");
	vzt_guest_exit(a);
}
static enum vzt_action emulate_prid(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GPSI) {
		f->r[8] = 0x0001A720u;  /* emulated PRId */
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

/* ---- GSFC ---- */
extern char g_gsfc_at[];
static void guest_gsfc(uint32_t a)
{
	__asm__ volatile("mfc0 $8, $12\n\tlui $9, 0x2000\n\tor $8, $8, $9\n"
			 ".globl g_gsfc_at\ng_gsfc_at: mtc0 $8, $12\n\tehb" ::: "$8", "$9");
	vzt_guest_exit(a);
}
static uint32_t gsfc_status_at_exit;
static enum vzt_action complete_gsfc(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GSFC) {
		gsfc_status_at_exit = MFGC0(12, 0);
		MTGC0(12, 0, f->r[8]);
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

/* ---- HC ---- */
extern char g_hc_at[];
static void guest_hc(uint32_t a)
{
	__asm__ volatile(".globl g_hc_at\ng_hc_at: hypcall 0x155\n\tnop");
	vzt_guest_exit(a);
}

/* ---- GRR ---- */
extern char g_rsvd_at[];
static void guest_rsvd(uint32_t a)
{
	__asm__ volatile(".globl g_rsvd_at\ng_rsvd_at: .word 0x9C000000\n\tnop");  /* LWU: not MIPS32 */
	vzt_guest_exit(a);
}

/* ---- GHFC ---- */
extern char g_sys_at[];
static void guest_syscall(uint32_t a)
{
	__asm__ volatile(".globl g_sys_at\ng_sys_at: syscall\n\tnop");
	vzt_guest_exit(a);
}

/* ---- GPA ---- */
extern char g_gpa_load_at[], g_gpa_store_at[];
static void guest_gpa(uint32_t a)
{
	/* GVA 0xA0200010 (guest kseg1) -> GPA 0x00200010: unmapped in root. */
	__asm__ volatile("lui $9, 0xA020\n"
			 ".globl g_gpa_load_at\ng_gpa_load_at: lw $8, 16($9)\n\tsw $8, 0(%0)"
			 :: "r"(&result) : "$8", "$9", "memory");
	/* GPA 0x00210000: mapped read-only (D = 0) in root. */
	__asm__ volatile("lui $9, 0xA021\n"
			 ".globl g_gpa_store_at\ng_gpa_store_at: sw $0, 0($9)" ::: "$9", "memory");
	vzt_guest_exit(a);
}
static enum vzt_action map_on_gpa_fault(struct test_exc_frame *f, const struct vzt_exit *e)
{
	(void)f;
	unsigned code = VZT_EXCCODE(e);
	if (code == EXC_TLBL && VZT_GEXCCODE(e) == GEXC_GPA) {
		/* GPA 0x200000 -> RPA 0x60000 (4 KB pages), then retry. */
		vzt_root_map(4, GUEST, 0x00200000u, 0x1000u, 0x00060000u, 0x00061000u, EL_VDG);
		return VZT_RESUME;
	}
	if (code == EXC_MOD && VZT_GEXCCODE(e) == GEXC_GPA) {
		vzt_root_map(5, GUEST, 0x00210000u, 0x1000u, 0x00062000u, 0x00063000u, EL_VDG);
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

/* ---- GVA ---- */
extern char g_gva_at[];
static void guest_gva(uint32_t a)
{
	/* GPA 0x00400000 maps to real 0x10000000: no memory, no device. */
	__asm__ volatile("lui $9, 0xA040\n"
			 ".globl g_gva_at\ng_gva_at: lw $8, 0($9)\n\tnop" ::: "$8", "$9");
	vzt_guest_exit(a);
}
static enum vzt_action skip_bus_error(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_DBE) {
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static void begin(enum vzt_action (*hook)(struct test_exc_frame *, const struct vzt_exit *))
{
	vzt_nexits = 0;
	vzt_hook = hook;
	vzt_guest_reset();
}

int test_main(void)
{
	const struct vzt_exit *e;
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);

	/* GPSI: EPC and BadInstr name the instruction; root's answer lands. */
	begin(emulate_prid);
	result = 0;
	CHECK_EQ(1, 0x600D, vzt_run_guest(guest_gpsi, 0x600D, BASE_GC0, GUEST, 0));
	CHECK_EQ(2, 2, vzt_nexits);
	e = &vzt_exits[0];
	CHECK_EQ(3, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(4, GEXC_GPSI, VZT_GEXCCODE(e));
	CHECK_EQ(5, (uint32_t)g_gpsi_at, e->epc);
	CHECK_EQ(6, 0x40087800u, e->badinstr);            /* mfc0 $8, $15, 0 */
	CHECK_EQ(7, 0x0001A720u, result);
	CHECK_EQ(8, 0, e->cause & CA_BD);
	/* The final exit is the HYPCALL 0. */
	CHECK_EQ(9, GEXC_HC, VZT_GEXCCODE(&vzt_exits[1]));

	/* GSFC: the write is not done by hardware; root completes it. */
	begin(complete_gsfc);
	vzt_run_guest(guest_gsfc, 0, BASE_GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(10, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(11, GEXC_GSFC, VZT_GEXCCODE(e));
	CHECK_EQ(12, (uint32_t)g_gsfc_at, e->epc);
	CHECK_EQ(13, 0x40886000u, e->badinstr);           /* mtc0 $8, $12, 0 */
	CHECK_EQ(14, 0, gsfc_status_at_exit & ST_CU1);
	CHECK_EQ(15, ST_CU1, MFGC0(12, 0) & ST_CU1);

	/* HC: code in BadInstr 20:11. */
	begin(0);
	vzt_run_guest(guest_hc, 0, BASE_GC0, GUEST, 0);
	CHECK_EQ(20, 2, vzt_nexits);
	e = &vzt_exits[0];
	CHECK_EQ(21, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(22, GEXC_HC, VZT_GEXCCODE(e));
	CHECK_EQ(23, (uint32_t)g_hc_at, e->epc);
	CHECK_EQ(24, 0x155, (e->badinstr >> 11) & 0x3FF);
	CHECK_EQ(25, 0x42000028u | 0x155u << 11, e->badinstr);

	/* GRR: with GuestCtl0.RI a guest RI goes to root; the guest sees nothing. */
	begin(0);
	vzt_run_guest(guest_rsvd, 0, BASE_GC0 | GC0_RI, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(30, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(31, GEXC_GRR, VZT_GEXCCODE(e));
	CHECK_EQ(32, (uint32_t)g_rsvd_at, e->epc);
	CHECK_EQ(33, 0x9C000000u, e->badinstr);
	CHECK_EQ(34, 0, vzt_g.count);

	/* GHFC: with MC the guest's own exception entry (EXL 0 -> 1) exits
	 * after it is complete: root EPC is the guest vector. */
	begin(0);
	vzt_run_guest(guest_syscall, 0, BASE_GC0 | GC0_MC, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(40, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(41, GEXC_GHFC, VZT_GEXCCODE(e));
	CHECK_EQ(42, (uint32_t)vzt_guest_vectors + 0x180, e->epc);
	CHECK_EQ(43, 1, vzt_g.count);
	CHECK_EQ(44, EXC_SYS, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(45, (uint32_t)g_sys_at, vzt_g.epc);
	CHECK_EQ(46, 2, vzt_nexits);

	/* GPA: root TLB refill and modified exceptions, GPA in BadVAddr and
	 * EntryHi; once root maps the page the guest's access completes. */
	*(volatile uint32_t *)0xA0060010u = 0x5EC0DA7Au;
	*(volatile uint32_t *)0xA0062000u = 0xFFFFFFFFu;
	vzt_root_map(5, GUEST, 0x00210000u, 0x1000u, 0x00062000u, 0x00063000u,
		     EL_V | EL_G | EL_UNCACHED);                 /* D = 0 */
	begin(map_on_gpa_fault);
	result = 0;
	vzt_run_guest(guest_gpa, 0, BASE_GC0, GUEST, 0);
	CHECK_EQ(50, 3, vzt_nexits);
	e = &vzt_exits[0];
	CHECK_EQ(51, EXC_TLBL, VZT_EXCCODE(e));
	CHECK_EQ(52, GEXC_GPA, VZT_GEXCCODE(e));
	CHECK_EQ(53, 0x00200010u, e->badvaddr);
	CHECK_EQ(54, (uint32_t)g_gpa_load_at, e->epc);
	CHECK_EQ(55, 0x200, e->vector);                       /* root refill vector */
	CHECK_EQ(56, 0x00200000u, e->entryhi & 0xFFFFE000u);
	CHECK_EQ(57, 0x5EC0DA7Au, result);
	e = &vzt_exits[1];
	CHECK_EQ(58, EXC_MOD, VZT_EXCCODE(e));
	CHECK_EQ(59, GEXC_GPA, VZT_GEXCCODE(e));
	CHECK_EQ(60, 0x00210000u, e->badvaddr);
	CHECK_EQ(61, 0x380, e->vector);
	CHECK_EQ(62, (uint32_t)g_gpa_store_at, e->epc);
	CHECK_EQ(63, 0, *(volatile uint32_t *)0xA0062000u);

	/* GVA: a bus error on a guest access goes to root with the GVA. */
	vzt_root_map(6, GUEST, 0x00400000u, 0x1000u, 0x10000000u, 0x10001000u, EL_VDG);
	begin(skip_bus_error);
	vzt_run_guest(guest_gva, 0, BASE_GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(70, EXC_DBE, VZT_EXCCODE(e));
	CHECK_EQ(71, GEXC_GVA, VZT_GEXCCODE(e));
	CHECK_EQ(72, 0xA0400000u, e->badvaddr);
	CHECK_EQ(73, (uint32_t)g_gva_at, e->epc);
	CHECK_EQ(74, 2, vzt_nexits);
	return 0;
}
