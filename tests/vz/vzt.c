/* SPDX-License-Identifier: Apache-2.0 */
/* vzt.c - root-side helpers for the VZ target tests; see vzt.h. */
#include "vzt.h"

volatile unsigned vzt_nexits;
struct vzt_exit vzt_exits[VZT_MAX_EXITS];
enum vzt_action (*vzt_hook)(struct test_exc_frame *f, const struct vzt_exit *e);
volatile struct vzt_guest_log vzt_g;
uint32_t vzt_guest_stack[1024] __attribute__((aligned(8)));

/* Saved by vzt_enter_guest (vzt_asm.S): s0-s7, gp, sp, fp, ra. */
extern uint32_t vzt_root_ctx[12];
uint32_t vzt_enter_guest(void (*entry)(uint32_t), uint32_t arg, uint32_t gctl0,
			 uint32_t ie);
extern char vzt_guest_returned[];

static const struct vzt_exit vzt_none;

const struct vzt_exit *vzt_last(void)
{
	unsigned n = vzt_nexits;
	if (n == 0)
		return &vzt_none;
	return &vzt_exits[(n - 1) % VZT_MAX_EXITS];
}

static enum vzt_action standard_policy(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) != EXC_GE)
		return VZT_STOP;
	switch (VZT_GEXCCODE(e)) {
	case GEXC_HC:
		if (((e->badinstr >> 11) & 0x3FF) == 0)
			return VZT_STOP;
		f->epc += 4;
		return VZT_RESUME;
	case GEXC_GPSI:
	case GEXC_GSFC:
	case GEXC_GRR:
		f->epc += 4;
		return VZT_RESUME;
	case GEXC_GHFC:
		return VZT_RESUME;
	default:
		return VZT_STOP;
	}
}

/* Every root exception while a test runs guests comes here (tests/lib). */
volatile uint32_t vzt_root_catch, vzt_root_cause, vzt_root_status;

void test_exception(struct test_exc_frame *f)
{
	struct vzt_exit *e = &vzt_exits[vzt_nexits % VZT_MAX_EXITS];
	e->cause = f->cause;
	e->epc = f->epc;
	e->status = f->status;
	e->badvaddr = f->badvaddr;
	e->gctl0 = MFC0(12, 6);
	e->badinstr = MFC0(8, 1);
	e->badinstrp = MFC0(8, 2);
	e->srsctl = MFC0(12, 2);
	e->entryhi = MFC0(10, 0);
	e->vector = f->vector;
	vzt_nexits++;

	if (!(e->gctl0 & GC0_GM) && vzt_root_catch) {
		vzt_root_cause = f->cause;
		vzt_root_status = f->status;
		vzt_nexits--;
		f->epc += 4;
		return;
	}
	if (!(e->gctl0 & GC0_GM))
		test_fail(0xE1000000u | f->vector, f->cause, f->epc, f->badvaddr, f->status);

	enum vzt_action a = VZT_DEFAULT;
	if (vzt_hook)
		a = vzt_hook(f, e);
	if (a == VZT_DEFAULT)
		a = standard_policy(f, e);
	if (a == VZT_RESUME)
		return;

	/* Stop: back to vzt_enter_guest's caller, in root mode, in the register
	 * set this handler runs in. */
	uint32_t guest_a0 = f->r[4];
	for (int i = 0; i < 8; i++)
		f->r[16 + i] = vzt_root_ctx[i];
	f->r[28] = vzt_root_ctx[8];
	f->r[29] = vzt_root_ctx[9];
	f->r[30] = vzt_root_ctx[10];
	f->r[31] = vzt_root_ctx[11];
	f->r[2] = guest_a0;
	f->epc = (uint32_t)vzt_guest_returned;
	MTC0(12, 6, MFC0(12, 6) & ~GC0_GM);
	MTC0(12, 0, MFC0(12, 0) & ~ST_IE);
	uint32_t srs = MFC0(12, 2);
	MTC0(12, 2, (srs & ~(0xFu << 6)) | (srs & 0xFu) << 6);  /* PSS <- CSS */
}

void vzt_root_map(unsigned index, unsigned gid, uint32_t gpa, uint32_t page,
		  uint32_t rpa0, uint32_t rpa1, uint32_t flags)
{
	uint32_t gc1 = MFC0(10, 4);
	MTC0(10, 4, (gc1 & ~0x00FF0000u) | (gid & 0xFFu) << 16);  /* RID */
	MTC0(5, 0, ((page >> 12) - 1) << 13);                   /* PageMask */
	MTC0(10, 0, gpa & ~(2 * page - 1));                     /* EntryHi, ASID 0 */
	MTC0(2, 0, (rpa0 >> 12) << 6 | flags);
	MTC0(3, 0, (rpa1 >> 12) << 6 | flags);
	MTC0(0, 0, VZT_ROOT_SLOT(index));
	__asm__ volatile("tlbwi\n\tehb" ::: "memory");
	MTC0(5, 0, 0);
	MTC0(10, 4, gc1);
}

void vzt_root_tlb_clear(void)
{
	uint32_t gc1 = MFC0(10, 4);
	MTC0(10, 4, gc1 & ~0x00FF0000u);
	for (unsigned i = 0; i < 16; i++) {
		MTC0(5, 0, 0);
		MTC0(10, 0, 0x00400u | (0x80000000u + (i << 13)));  /* EHINV */
		MTC0(2, 0, 0);
		MTC0(3, 0, 0);
		MTC0(0, 0, i);
		__asm__ volatile("tlbwi\n\tehb" ::: "memory");
	}
	MTC0(10, 0, 0);
	MTC0(10, 4, gc1);
	uint32_t c1 = MFGC0(16, 1) & ~0x7E000000u;
	MTGC0(16, 1, c1 | (VZT_GUEST_PART - 1) << 25);
	MTC0(6, 0, VZT_GUEST_PART);
}

void vzt_guest_tlb_clear(void)
{
	MTGC0(5, 0, 0);
	MTGC0(2, 0, 0);
	MTGC0(3, 0, 0);
	for (unsigned i = 0; i < VZT_GUEST_PART; i++) {
		MTGC0(0, 0, i);
		MTGC0(10, 0, 0x00400u | (0x80000000u + (i << 13)));  /* EHINV */
		__asm__ volatile("tlbgwi\n\tehb" ::: "memory");
	}
	MTGC0(10, 0, 0);
}

void vzt_map_identity(unsigned first_index, unsigned gid)
{
	vzt_root_map(first_index, gid, 0x00000000u, 0x40000u, 0x00000000u, 0x00040000u, EL_VDG);
	vzt_root_map(first_index + 1, gid, 0x1FC00000u, 0x10000u, 0x1FC00000u, 0x1FC10000u,
		     EL_VDG);
}

void vzt_guest_reset(void)
{
	MTGC0(12, 0, ST_CU0);
	MTGC0(13, 0, 0);
	MTGC0(12, 1, 0);
	MTGC0(15, 1, (uint32_t)vzt_guest_vectors);
	MTGC0(10, 0, 0);
	MTGC0(5, 1, 0);
	MTGC0(6, 0, 0);
	MTGC0(5, 0, 0);
	volatile uint32_t *p = (volatile uint32_t *)&vzt_g;
	for (unsigned i = 0; i < sizeof vzt_g / 4; i++)
		p[i] = 0;
}

uint32_t vzt_run_guest(void (*entry)(uint32_t), uint32_t arg, uint32_t gctl0,
		       unsigned gid, int root_status_ie)
{
	MTC0(10, 4, (MFC0(10, 4) & ~0xFFu) | (gid & 0xFFu));
	return vzt_enter_guest(entry, arg, gctl0 | GC0_GM, root_status_ie ? 1 : 0);
}
