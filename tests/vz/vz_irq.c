/* SPDX-License-Identifier: Apache-2.0 */
/* vz_irq.c - guest interrupts through GuestCtl2 (EIC mode): delivery to the
 * guest vector, masking by guest IE/EXL/IPL, GRIPL cleared on acceptance,
 * the GHFC that tells root about it; root interrupts preempting a guest;
 * the guest timer with GT = 1 and GTOffset.
 */
#include "vzt.h"

#define GUEST 1
#define GC0 (GC0_CP0)

#define EVIC_IFS0CLR (*(volatile uint32_t *)0xBF810044u)
#define EVIC_IEC0SET (*(volatile uint32_t *)0xBF8100C8u)
#define EVIC_IEC0CLR (*(volatile uint32_t *)0xBF8100C4u)
#define EVIC_IPC0    (*(volatile uint32_t *)0xBF810140u)

static volatile uint32_t spins, seen_before, hc_at;

/* Guest: enable interrupts (IE, IPL 0, IV, VS = 1), spin until the
 * interrupt came (or a bound), report the spin count. */
static void guest_wait_irq(uint32_t ipl)
{
	uint32_t n = 0;
	MTC0(12, 1, 0x20);                      /* IntCtl.VS = 1 (GSFC: root completes) */
	MTC0(13, 0, 0x00800000u);               /* Cause.IV (GSFC) */
	MTC0(12, 0, ST_CU0 | ipl << 10 | ST_IE);
	while (vzt_g.irq_count == 0 && n < 2000)
		n++;
	spins = n;
	vzt_guest_exit(0);
}

/* Guest: interrupts disabled for a while, then enabled. */
static void guest_masked(uint32_t a)
{
	(void)a;
	MTC0(12, 1, 0x20);
	MTC0(13, 0, 0x00800000u);
	MTC0(12, 0, ST_CU0);                    /* IE = 0 */
	for (volatile int i = 0; i < 200; i++)
		;
	seen_before = vzt_g.irq_count;
	__asm__ volatile("ei\n\tehb" ::: "memory");
	for (volatile int i = 0; i < 20; i++)
		;
	vzt_guest_exit(0);
}

/* Guest: IE on, then a hypercall during which root injects. */
extern char g_inject_hc[];
static void guest_inject_at_hc(uint32_t a)
{
	(void)a;
	MTC0(12, 1, 0x20);
	MTC0(13, 0, 0x00800000u);
	MTC0(12, 0, ST_CU0 | ST_IE);
	__asm__ volatile(".globl g_inject_hc\ng_inject_hc: hypcall 7\n\tnop\n\tnop" ::: "memory");
	vzt_guest_exit(0);
}

/* Root hooks. */
static enum vzt_action complete_gsfc(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GSFC) {
		uint32_t insn = e->badinstr;
		unsigned rt = (insn >> 16) & 31, rd = (insn >> 11) & 31, sel = insn & 7;
		uint32_t v = f->r[rt];
		if (rd == 12 && sel == 0) MTGC0(12, 0, v);
		else if (rd == 12 && sel == 1) MTGC0(12, 1, v);
		else if (rd == 13 && sel == 0) MTGC0(13, 0, v);
		f->epc += 4;
		return VZT_RESUME;
	}
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_HC &&
	    ((e->badinstr >> 11) & 0x3FF) == 7) {
		MTC0(10, 5, 2u << 24 | VZT_GVEC_IRQ_OFFSET);   /* inject RIPL 2 */
		hc_at = e->epc;
		f->epc += 4;
		return VZT_RESUME;
	}
	return VZT_DEFAULT;
}

static uint32_t gripl_at_ghfc = 0xFFFFFFFFu;
static enum vzt_action note_ghfc(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_GE && VZT_GEXCCODE(e) == GEXC_GHFC)
		gripl_at_ghfc = MFC0(10, 5) >> 24;
	return complete_gsfc(f, e);
}

static enum vzt_action stop_on_root_irq(struct test_exc_frame *f, const struct vzt_exit *e)
{
	if (VZT_EXCCODE(e) == EXC_INT) {
		MTC0(11, 0, MFC0(9, 0) - 1);        /* Compare far away: clears TI */
		EVIC_IFS0CLR = 1;
		EVIC_IEC0CLR = 1;
		return VZT_STOP;
	}
	return complete_gsfc(f, e);
}

static void begin(void)
{
	vzt_nexits = 0;
	vzt_hook = complete_gsfc;
	vzt_guest_reset();
	MTC0(11, 4, 0);
	MTC0(10, 5, 0);
}

/* Guest timer with GT = 1: Count = root Count + GTOffset; Compare match
 * sets guest Cause.TI; writing Compare clears it. */
static volatile uint32_t g_count, r_before, r_after, ti_spins, ti_after_write;
static void guest_timer(uint32_t a)
{
	(void)a;
	uint32_t n = 0;
	g_count = MFC0(9, 0);
	MTC0(11, 0, MFC0(9, 0) + 100);
	while (!(MFC0(13, 0) & 0x40000000u) && n < 5000)
		n++;
	ti_spins = n;
	MTC0(11, 0, MFC0(9, 0) + 100000);
	ti_after_write = MFC0(13, 0) & 0x40000000u;
	vzt_guest_exit(0);
}

static void guest_spin_forever(uint32_t a)
{
	(void)a;
	for (;;)
		spins++;
}

int test_main(void)
{
	vzt_root_tlb_clear();
	vzt_map_identity(0, GUEST);

	/* 1. Injection and acceptance: GRIPL 3 with GVEC 0x400; the guest takes
	 * it at guest EBase + 0x400 with Cause.RIPL = 3; GRIPL is 0 afterwards. */
	begin();
	MTC0(10, 5, 3u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_wait_irq, 0, GC0, GUEST, 0);
	CHECK_EQ(1, 1, vzt_g.irq_count);
	CHECK_EQ(2, 0x400, vzt_g.irq_vector);
	CHECK_EQ(3, 3, (vzt_g.irq_cause >> 10) & 0x3F);
	CHECK_EQ(4, 0, (vzt_g.irq_cause >> 2) & 0x1F);      /* ExcCode Int */
	CHECK_EQ(5, 0, MFC0(10, 5) >> 24);
	CHECK_EQ(6, ST_EXL, vzt_g.irq_status & ST_EXL);

	/* 2. Guest IPL >= GRIPL: not taken. */
	begin();
	MTC0(10, 5, 3u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_wait_irq, 3, GC0, GUEST, 0);
	CHECK_EQ(10, 0, vzt_g.irq_count);
	CHECK_EQ(11, 2000, spins);
	CHECK_EQ(12, 3, MFC0(10, 5) >> 24);                  /* still pending */
	/* IPL below it: taken. */
	begin();
	MTC0(10, 5, 3u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_wait_irq, 2, GC0, GUEST, 0);
	CHECK_EQ(13, 1, vzt_g.irq_count);

	/* 3. Guest IE = 0 masks it until EI. */
	begin();
	MTC0(10, 5, 1u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_masked, 0, GC0, GUEST, 0);
	CHECK_EQ(20, 0, seen_before);
	CHECK_EQ(21, 1, vzt_g.irq_count);

	/* 4. IntCtl.VS = 0: the fixed offset 0x200 instead of GVEC. */
	begin();
	vzt_hook = 0;  /* GSFC skipped: VS stays 0, IV stays 0 ... */
	MTGC0(13, 0, 0x00800000u);                           /* ... so set IV here */
	MTC0(10, 5, 3u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_wait_irq, 0, GC0, GUEST, 0);
	CHECK_EQ(30, 1, vzt_g.irq_count);
	CHECK_EQ(31, 0x200, vzt_g.irq_vector);

	/* 5. Injection at a hypercall exit is taken right after it. */
	begin();
	hc_at = 0;
	vzt_run_guest(guest_inject_at_hc, 0, GC0, GUEST, 0);
	CHECK_EQ(40, 1, vzt_g.irq_count);
	CHECK_EQ(41, (uint32_t)g_inject_hc + 4, vzt_g.irq_epc);
	CHECK_EQ(42, 2, (vzt_g.irq_cause >> 10) & 0x3F);

	/* 6. With MC = 1 and FCD = 1 (tinyVP's setting) acceptance exits with
	 * GHFC at the guest vector, GRIPL already clear. */
	begin();
	vzt_hook = note_ghfc;
	MTC0(11, 4, GC0X_FCD);
	MTC0(10, 5, 3u << 24 | VZT_GVEC_IRQ_OFFSET);
	vzt_run_guest(guest_wait_irq, 0, GC0 | GC0_MC, GUEST, 0);
	CHECK_EQ(50, 1, vzt_g.irq_count);
	CHECK_EQ(51, 0, gripl_at_ghfc);
	unsigned ghfc = 0;
	for (unsigned i = 0; i < vzt_nexits; i++) {
		if (VZT_EXCCODE(&vzt_exits[i]) == EXC_GE && VZT_GEXCCODE(&vzt_exits[i]) == GEXC_GHFC) {
			ghfc++;
			CHECK_EQ(52, (uint32_t)vzt_guest_vectors + 0x400, vzt_exits[i].epc);
		}
	}
	CHECK_EQ(53, 1, ghfc);
	MTC0(11, 4, 0);

	/* 7. A root interrupt (core timer through the EVIC) preempts a guest
	 * that never exits on its own. */
	begin();
	vzt_hook = stop_on_root_irq;
	EVIC_IPC0 = (EVIC_IPC0 & ~0x1Fu) | 3u << 2;           /* core timer priority 3 */
	EVIC_IFS0CLR = 1;
	EVIC_IEC0SET = 1;
	MTC0(13, 0, 0x00800000u);                            /* root Cause.IV: BEV vector 0x400 */
	MTC0(11, 0, MFC0(9, 0) + 2000);
	spins = 0;
	vzt_run_guest(guest_spin_forever, 0, GC0, GUEST, 1);
	const struct vzt_exit *e = vzt_last();
	CHECK_EQ(60, EXC_INT, VZT_EXCCODE(e));
	CHECK_EQ(61, 0x400, e->vector);
	CHECK(62, e->gctl0 & GC0_GM);
	CHECK(63, spins > 10);
	CHECK_DETAIL(64, e->epc >= (uint32_t)guest_spin_forever &&
			     e->epc < (uint32_t)guest_spin_forever + 64, e->epc, 0, 0, 0);
	MTC0(13, 0, 0);

	/* 8. Guest timer: GT = 1, GTOffset = 0x40000000. */
	begin();
	MTC0(12, 7, 0x40000000u);
	r_before = MFC0(9, 0);
	vzt_run_guest(guest_timer, 0, GC0 | GC0_GT, GUEST, 0);
	r_after = MFC0(9, 0);
	CHECK_DETAIL(70, g_count - 0x40000000u - r_before < r_after - r_before, g_count, r_before,
		     r_after, 0);
	CHECK_DETAIL(71, ti_spins < 5000, ti_spins, 0, 0, 0);
	CHECK_EQ(72, 0, ti_after_write);
	/* MFGC0 Count follows GTOffset too. */
	uint32_t gc = MFGC0(9, 0), rc = MFC0(9, 0);
	CHECK_DETAIL(73, rc - (gc - 0x40000000u) < 16, gc, rc, 0, 0);
	MTC0(12, 7, 0);
	return 0;
}
