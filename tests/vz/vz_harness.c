/* SPDX-License-Identifier: Apache-2.0 */
/* vz_harness.c - the minimal root harness of issue 3's "done when": two
 * guests with their own GuestIDs and RAM, time-sliced by the root core timer
 * (a root interrupt preempts the running guest; root saves its registers and
 * guest CP0 state and switches to the other), hypercalls served (console
 * output per guest), guest interrupts injected through GuestCtl2, guest
 * field changes completed. Checks that both guests progress, their output
 * and interrupts stay their own, and root's memory is untouched.
 *
 * Both guests run the same code from boot flash; guest physical [0, 128 KB)
 * is real 0x20000 (guest 1) or 0x40000 (guest 2), so each has its own copy
 * of every .bss variable (guest code uses only .bss).
 */
#include "vzt.h"

#define NGUESTS 2
#define SLICE_CYCLES 40000u       /* core timer ticks at half the core clock */
#define SWITCHES 24

#define EVIC_IFS0CLR (*(volatile uint32_t *)0xBF810044u)
#define EVIC_IEC0SET (*(volatile uint32_t *)0xBF8100C8u)
#define EVIC_IEC0CLR (*(volatile uint32_t *)0xBF8100C4u)
#define EVIC_IPC0    (*(volatile uint32_t *)0xBF810140u)

static const uint32_t guest_rpa[NGUESTS] = { 0x00020000u, 0x00040000u };

/* ---- Guest code (runs in both guests) ---- */
static volatile uint32_t g_counter, g_id;

static void guest_main(uint32_t id)
{
	g_id = id;
	MTC0(12, 1, 0x20);                 /* IntCtl.VS = 1: GSFC, root completes */
	MTC0(13, 0, 0x00800000u);          /* Cause.IV: GSFC */
	MTC0(12, 0, ST_CU0 | ST_IE);
	for (;;) {
		g_counter++;
		if ((g_counter & 0x7FF) == 0) {
			register uint32_t a0 __asm__("$4") = 'A' + id - 1;
			__asm__ volatile("hypcall 1\n\tnop" : "+r"(a0) :: "memory");
		}
	}
}

/* ---- Root: per-guest state and the scheduler ---- */
struct guest_state {
	uint32_t r[32], hi, lo, epc;
	uint32_t status, cause, gepc, ebase, intctl, gctl2;
	int started;
	char out[64];
	unsigned nout;
	unsigned exits;
};
static struct guest_state gs[NGUESTS];
static unsigned cur, switches, bad_guestid;

static void save_guest(struct test_exc_frame *f, struct guest_state *g)
{
	for (int i = 1; i < 32; i++)
		g->r[i] = f->r[i];
	g->hi = f->hi;
	g->lo = f->lo;
	g->epc = f->epc;
	g->status = MFGC0(12, 0);
	g->cause = MFGC0(13, 0);
	g->gepc = MFGC0(14, 0);
	g->ebase = MFGC0(15, 1);
	g->intctl = MFGC0(12, 1);
	g->gctl2 = MFC0(10, 5);
}

static void load_guest(struct test_exc_frame *f, unsigned n)
{
	struct guest_state *g = &gs[n];
	MTC0(10, 4, n + 1);                                    /* GuestCtl1.ID */
	if (!g->started) {
		g->started = 1;
		vzt_guest_reset();                             /* guest CP0 (vzt_g: root's copy) */
		f->epc = (uint32_t)guest_main;
		f->r[4] = n + 1;
		f->r[29] = (uint32_t)vzt_guest_stack + sizeof vzt_guest_stack;
		MTC0(10, 5, 0);
		return;
	}
	for (int i = 1; i < 32; i++)
		if (i != 26 && i != 27)
			f->r[i] = g->r[i];
	f->hi = g->hi;
	f->lo = g->lo;
	f->epc = g->epc;
	MTGC0(12, 0, g->status);
	MTGC0(13, 0, g->cause);
	MTGC0(14, 0, g->gepc);
	MTGC0(15, 1, g->ebase);
	MTGC0(12, 1, g->intctl);
	/* Every third slice of a guest comes with an interrupt for it. */
	uint32_t gc2 = g->gctl2;
	if (switches % 3 == 0)
		gc2 = 2u << 24 | VZT_GVEC_IRQ_OFFSET;
	MTC0(10, 5, gc2);
}

static enum vzt_action scheduler(struct test_exc_frame *f, const struct vzt_exit *e)
{
	struct guest_state *g = &gs[cur];
	g->exits++;
	if ((MFC0(10, 4) & 0xFF) != cur + 1)
		bad_guestid++;
	if (VZT_EXCCODE(e) == EXC_INT) {             /* time slice over */
		MTC0(11, 0, MFC0(9, 0) + SLICE_CYCLES / 2);
		EVIC_IFS0CLR = 1;
		MTC0(12, 0, MFC0(12, 0) & ~0xFC00u);  /* entry raised IPL to RIPL */
		if (++switches == SWITCHES) {
			EVIC_IEC0CLR = 1;
			return VZT_STOP;
		}
		save_guest(f, g);
		cur = (cur + 1) % NGUESTS;
		load_guest(f, cur);
		return VZT_RESUME;
	}
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_HC &&
	    ((e->badinstr >> 11) & 0x3FF) == 1) {    /* console write */
		if (g->nout < sizeof g->out)
			g->out[g->nout++] = (char)f->r[4];
		f->epc += 4;
		return VZT_RESUME;
	}
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GSFC) {
		uint32_t insn = e->badinstr;
		unsigned rt = (insn >> 16) & 31, rd = (insn >> 11) & 31, sel = insn & 7;
		if (rd == 12 && sel == 1) MTGC0(12, 1, f->r[rt]);
		else if (rd == 13 && sel == 0) MTGC0(13, 0, f->r[rt]);
		else if (rd == 12 && sel == 0) MTGC0(12, 0, f->r[rt]);
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_STOP;                              /* anything else: a bug */
}

static volatile uint32_t *in_guest(unsigned n, const volatile void *kseg0_addr)
{
	return (volatile uint32_t *)(0xA0000000u | (guest_rpa[n] +
						    ((uint32_t)kseg0_addr & 0x1FFFFFFFu)));
}

int test_main(void)
{
	vzt_root_tlb_clear();
	for (unsigned n = 0; n < NGUESTS; n++) {
		volatile uint32_t *p = (volatile uint32_t *)(0xA0000000u | guest_rpa[n]);
		for (unsigned i = 0; i < 0x20000 / 4; i++)
			p[i] = 0;
		vzt_root_map(2 * n, n + 1, 0, 0x10000u, guest_rpa[n], guest_rpa[n] + 0x10000u, EL_VDG);
		vzt_root_map(2 * n + 1, n + 1, 0x1FC00000u, 0x10000u, 0x1FC00000u, 0x1FC10000u, EL_VDG);
	}
	vzt_nexits = 0;
	vzt_hook = scheduler;
	MTC0(13, 0, 0x00800000u);                              /* root IV: vector 0x400 */
	EVIC_IPC0 = (EVIC_IPC0 & ~0x1Fu) | 3u << 2;
	EVIC_IFS0CLR = 1;
	EVIC_IEC0SET = 1;
	MTC0(11, 0, MFC0(9, 0) + SLICE_CYCLES / 2);
	cur = 0;
	gs[0].started = 1;
	vzt_guest_reset();
	vzt_run_guest(guest_main, 1, GC0_CP0, 1, 1);
	MTC0(13, 0, 0);

	CHECK_EQ(1, SWITCHES, switches);
	CHECK_EQ(2, 0, bad_guestid);
	for (unsigned n = 0; n < NGUESTS; n++) {
		uint32_t counter = *in_guest(n, &g_counter);
		uint32_t id = *in_guest(n, &g_id);
		const volatile struct vzt_guest_log *log =
			(const volatile struct vzt_guest_log *)in_guest(n, &vzt_g);
		CHECK_DETAIL(10 + n, counter > 0x1000, n, counter, 0, 0);
		CHECK_EQ(20 + n, n + 1, id);
		CHECK_DETAIL(30 + n, gs[n].nout > 0, n, gs[n].nout, 0, 0);
		for (unsigned i = 0; i < gs[n].nout; i++)
			CHECK_EQ(40 + n, 'A' + n, (uint8_t)gs[n].out[i]);
		CHECK_DETAIL(50 + n, log->irq_count > 0 && log->irq_vector == VZT_GVEC_IRQ_OFFSET,
			     n, log->irq_count, log->irq_vector, 0);
		CHECK_DETAIL(60 + n, gs[n].exits > 0, n, gs[n].exits, 0, 0);
	}
	/* Root's own copies were never touched by a guest. */
	CHECK_EQ(70, 0, g_counter);
	CHECK_EQ(71, 0, vzt_g.irq_count);
	return 0;
}
