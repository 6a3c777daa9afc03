/* SPDX-License-Identifier: Apache-2.0 */
/* vz_dsp.c - the DSP ASE across the VZ modes (onion model, hardware.md
 * section 2): a guest DSP instruction with guest Status.MX = 0 raises the
 * guest's own DSP State Disabled exception (ExcCode 26), handled in the
 * guest; with guest MX = 1 but root Status.MX = 0 it exits to root with
 * ExcCode 26 (root's lazy DSP switch), root grants MX and the instruction
 * runs. The guest's check comes first when both are 0. BPOSGE32 too. */
#include "vzt.h"

#define GUEST 1
#define GC0 (GC0_CP0)
#define ST_MX 0x01000000u
#define EXC_DSPDIS 26

static volatile uint32_t result;

/* ADDQ.PH in the guest; result stays 0xDEAD if the guest skipped it. */
extern char g_dsp_at[];
static void guest_dsp(uint32_t a)
{
	uint32_t v = 0xDEAD;
	__asm__ volatile(".set push\n\t.set dspr2\n"
			 ".globl g_dsp_at\ng_dsp_at: addq.ph %0, %1, %1\n\t"
			 ".set pop\n\tnop" : "+r"(v) : "r"(0x00010001u));
	result = v;
	vzt_guest_exit(a);
}

/* BPOSGE32 in the guest (DSPControl.pos = 0: not taken). */
extern char g_bpos_at[];
static void guest_bposge32(uint32_t a)
{
	__asm__ volatile(".set push\n\t.set dspr2\n\t.set noreorder\n"
			 ".globl g_bpos_at\ng_bpos_at: bposge32 1f\n\tnop\n1:\n\t.set pop\n\tnop");
	result = 1;
	vzt_guest_exit(a);
}

static volatile uint32_t status_at_exit;
static enum vzt_action grant_mx(struct test_exc_frame *f, const struct vzt_exit *e)
{
	(void)f;
	if (VZT_EXCCODE(e) == EXC_DSPDIS) {
		status_at_exit = e->status;
		MTC0(12, 0, MFC0(12, 0) | ST_MX);    /* lazy DSP switch: retry */
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static void begin(enum vzt_action (*hook)(struct test_exc_frame *, const struct vzt_exit *),
		  uint32_t root_mx, uint32_t guest_mx)
{
	vzt_nexits = 0;
	vzt_hook = hook;
	vzt_guest_reset();
	result = 0;
	status_at_exit = 0;
	MTC0(12, 0, (MFC0(12, 0) & ~ST_MX) | root_mx);
	MTGC0(12, 0, ST_CU0 | guest_mx);
}

int test_main(void)
{
	const struct vzt_exit *e;
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);
	/* 0. The guest's Config3 offers the DSP ASE r2 (DSPP, DSP2P) like root's. */
	CHECK_EQ(40, 0x00000C00u, MFGC0(16, 3) & 0x00000C00u);
	/* DSPControl.pos = 0 for the BPOSGE32 guest (the state is shared). */
	__asm__ volatile(".set push\n\t.set dspr2\n\t"
			 "mfc0 $8, $12\n\tlui $9, 0x0100\n\tor $9, $8, $9\n\tmtc0 $9, $12\n\tehb\n\t"
			 "wrdsp $0, 0x3F\n\tmtc0 $8, $12\n\tehb\n\t.set pop" ::: "$8", "$9");

	/* 1. Guest MX = 1, root MX = 0: root DSPDis, then the instruction runs. */
	begin(grant_mx, 0, ST_MX);
	vzt_run_guest(guest_dsp, 0, GC0, GUEST, 0);
	CHECK_EQ(1, 2, vzt_nexits);                          /* DSPDis, HYPCALL 0 */
	e = &vzt_exits[0];
	CHECK_EQ(2, EXC_DSPDIS, VZT_EXCCODE(e));
	CHECK_EQ(3, (uint32_t)g_dsp_at, e->epc);
	CHECK_EQ(4, *(volatile uint32_t *)g_dsp_at, e->badinstr);
	CHECK_EQ(5, 0, e->cause & CA_BD);
	CHECK_EQ(6, 0, status_at_exit & ST_MX);              /* root's MX was 0 */
	CHECK_EQ(7, 0x00020002u, result);                    /* ran after the grant */
	CHECK_EQ(8, 0, vzt_g.count);                         /* the guest saw nothing */

	/* 2. Guest MX = 0, root MX = 1: the guest's own DSPDis, no exit. */
	begin(0, ST_MX, 0);
	vzt_g.resume = 0;
	vzt_run_guest(guest_dsp, 0, GC0, GUEST, 0);
	CHECK_EQ(10, 1, vzt_nexits);                         /* only the HYPCALL */
	CHECK_EQ(11, 1, vzt_g.count);
	CHECK_EQ(12, EXC_DSPDIS, (vzt_g.cause >> 2) & 0x1F);
	CHECK_EQ(13, (uint32_t)g_dsp_at, vzt_g.epc);
	CHECK_EQ(14, 0xDEADu, result);                       /* skipped by the guest */

	/* 3. Both 0: the guest's check comes first (guest DSPDis, no exit). */
	begin(0, 0, 0);
	vzt_g.resume = 0;
	vzt_run_guest(guest_dsp, 0, GC0, GUEST, 0);
	CHECK_EQ(20, 1, vzt_nexits);
	CHECK_EQ(21, 1, vzt_g.count);
	CHECK_EQ(22, EXC_DSPDIS, (vzt_g.cause >> 2) & 0x1F);

	/* 4. BPOSGE32 is a DSP instruction too: root DSPDis with root MX = 0. */
	begin(grant_mx, 0, ST_MX);
	vzt_run_guest(guest_bposge32, 0, GC0, GUEST, 0);
	e = &vzt_exits[0];
	CHECK_EQ(30, EXC_DSPDIS, VZT_EXCCODE(e));
	CHECK_EQ(31, (uint32_t)g_bpos_at, e->epc);
	CHECK_EQ(32, 1, result);
	CHECK_EQ(33, 0, vzt_g.count);

	MTC0(12, 0, MFC0(12, 0) & ~ST_MX);
	return 0;
}
