/* SPDX-License-Identifier: Apache-2.0 */
/* vz_micromips.c - exits from microMIPS guest code (this file is microMIPS;
 * the helpers and root's handler are MIPS32): root sees EPC with bit 0 set,
 * BadInstr in the microMIPS layout (a 32-bit instruction's first halfword in
 * 31:16, a 16-bit one in 15:0), BadInstrP of a 16-bit branch owning the
 * exiting slot, the HYPCALL code; an ERET to EPC + 4 resumes in microMIPS;
 * the guest context's own Config3.ISAOnExc picks the ISA of guest exception
 * entry. */
#include "vzt.h"

#define GUEST 1
#define BASE_GC0 (GC0_CP0)

static volatile uint32_t result;

extern char g_mm_gpsi_at[], g_mm_hc_at[], g_mm_slot_at[], g_mm_sys_at[];

static enum vzt_action emulate_prid(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GPSI) {
		f->r[8] = 0x0001A720u;
		f->epc = e->badinstrp && (e->cause & CA_BD) ? f->r[25] : f->epc + 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static void guest_gpsi(uint32_t a)
{
	__asm__ volatile(".globl g_mm_gpsi_at\ng_mm_gpsi_at: mfc0 $8, $15, 0\n\tsw $8, 0(%0)"
			 :: "r"(&result) : "$8", "memory");
	vzt_guest_exit(a);
}

static void guest_hc(uint32_t a)
{
	__asm__ volatile(".globl g_mm_hc_at\ng_mm_hc_at: hypcall 0x155\n\tnop");
	vzt_guest_exit(a);
}

/* An exiting MFC0 in the (32-bit) slot of B16; root resumes at $t9. */
static void guest_slot(uint32_t a)
{
	__asm__ volatile(".set push\n\t.set noreorder\n\tla $25, 1f\n"
			 ".globl g_mm_slot_at\ng_mm_slot_at: b16 1f\n\tmfc0 $8, $15, 0\n"
			 "1:\tsw $8, 0(%0)\n\t.set pop" :: "r"(&result) : "$8", "$25", "memory");
	vzt_guest_exit(a);
}

static void guest_syscall(uint32_t a)
{
	__asm__ volatile(".globl g_mm_sys_at\ng_mm_sys_at: syscall\n\tnop");
	vzt_guest_exit(a);
}

static uint16_t half(const char *p) { return *(volatile const uint16_t *)((uint32_t)p & ~1u); }

int test_main(void)
{
	const struct vzt_exit *e;
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);

	/* GPSI from microMIPS code. */
	vzt_nexits = 0;
	vzt_hook = emulate_prid;
	vzt_guest_reset();
	result = 0;
	CHECK_EQ(1, 0x600D, vzt_run_guest(guest_gpsi, 0x600D, BASE_GC0, GUEST, 0));
	e = &vzt_exits[0];
	CHECK_EQ(2, EXC_GE, VZT_EXCCODE(e));
	CHECK_EQ(3, GEXC_GPSI, VZT_GEXCCODE(e));
	CHECK_EQ(4, (uint32_t)g_mm_gpsi_at, e->epc);       /* with bit 0 */
	CHECK_EQ(5, 1, e->epc & 1);
	CHECK_EQ(6, 0x010F00FCu, e->badinstr);             /* mfc0 $8, $15, 0 */
	CHECK_EQ(7, 0x0001A720u, result);                  /* resumed in microMIPS */

	/* HYPCALL with a code: microMIPS puts it in bits 25:16. */
	vzt_nexits = 0;
	vzt_hook = 0;
	vzt_guest_reset();
	vzt_run_guest(guest_hc, 0, BASE_GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(10, GEXC_HC, VZT_GEXCCODE(e));
	CHECK_EQ(11, (uint32_t)g_mm_hc_at, e->epc);
	CHECK_EQ(12, 0x0155C37Cu, e->badinstr);

	/* An exit in the slot of a 16-bit branch: EPC = the branch, BD,
	 * BadInstrP = its halfword in 15:0, BadInstr = the slot. */
	vzt_nexits = 0;
	vzt_hook = emulate_prid;
	vzt_guest_reset();
	result = 0;
	vzt_run_guest(guest_slot, 0, BASE_GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(20, GEXC_GPSI, VZT_GEXCCODE(e));
	CHECK_EQ(21, (uint32_t)g_mm_slot_at, e->epc);
	CHECK_EQ(22, CA_BD, e->cause & CA_BD);
	CHECK_EQ(23, half(g_mm_slot_at), e->badinstrp);
	CHECK_EQ(24, 0x010F00FCu, e->badinstr);
	CHECK_EQ(25, 0x0001A720u, result);

	/* Guest exceptions: in MIPS32 with the guest's ISAOnExc = 0 (its
	 * vectors are MIPS32 code here), EPC bit 0 telling the guest where it
	 * was; the guest's Config3 says both ISAs. */
	vzt_nexits = 0;
	vzt_hook = 0;
	vzt_guest_reset();
	vzt_g.count = 0;
	vzt_run_guest(guest_syscall, 0, BASE_GC0, GUEST, 0);
	CHECK_EQ(30, 1, vzt_g.count);
	CHECK_EQ(31, EXC_SYS, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(32, (uint32_t)g_mm_sys_at, vzt_g.epc);
	CHECK_EQ(33, 2, (MFGC0(16, 3) >> 14) & 3);
	/* Root sets the guest's ISAOnExc; root's own stays 0. */
	MTGC0(16, 3, MFGC0(16, 3) | 0x10000u);
	CHECK_EQ(34, 0x10000u, MFGC0(16, 3) & 0x10000u);
	CHECK_EQ(35, 0, MFC0(16, 3) & 0x10000u);
	MTGC0(16, 3, MFGC0(16, 3) & ~0x10000u);
	return 0;
}
