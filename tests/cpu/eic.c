/* SPDX-License-Identifier: Apache-2.0 */
/* eic.c - interrupts in EIC mode through the PIC32MZ EVIC: multi-vector
 * offsets (EBase + OFFx), priority/subpriority/vector-number arbitration,
 * Status.IPL masking and IPL <- RIPL on entry, shadow set selection
 * (PRISS -> EICSS -> SRSCtl.CSS, PSS <- previous CSS, CSS restored by ERET),
 * single-vector mode (EBase + 0x200, PRISS.SS0), Cause.IV = 0 (general
 * vector), BEV = 1 (0xBFC00400), the core timer (Compare match -> Cause.TI
 * -> vector 0; writing Compare clears TI), and WAIT waking up with IE = 0. */
#include "test.h"
#include "cp0_access.h"

#define EVIC(off) (*(volatile uint32_t *)(0xBF810000u + (off)))
#define INTCON 0x00
#define PRISS 0x10
#define IFS0 0x40
#define IEC0 0xC0
#define IPC0 0x140
#define OFF(n) (0x540 + 4 * (n))
#define CLR 4
#define SET 8
#define INTCON_MVEC (1u << 12)

#define EBASE 0x80060000u

struct entry { uint32_t vector, cause, status, srsctl, epc; };
static volatile struct entry log[8];
static volatile uint32_t nlog;

static void clear_source(unsigned vec)
{
	if (vec == 0)
		MTC0(11, 0, MFC0(9, 0) - 1);                  /* far away; clears TI */
	else
		MTC0(13, 0, MFC0(13, 0) & ~(1u << (7 + vec))); /* IP0 / IP1 */
	EVIC(IFS0 + CLR) = 1u << vec;
}

void test_exception(struct test_exc_frame *f)
{
	uint32_t srs = MFC0(12, 2);
	unsigned vec;
	if (TEST_EXCCODE(f->cause) != 0)
		test_fail(0xE1, f->cause, f->epc, f->vector, f->status);
	if (nlog < 8) {
		log[nlog].vector = f->vector;
		log[nlog].cause = f->cause;
		log[nlog].status = MFC0(12, 0);
		log[nlog].srsctl = srs;
		log[nlog].epc = f->epc;
		nlog++;
	}
	/* Which source: the one INTSTAT reports. */
	vec = EVIC(0x20) & 0xFF;
	clear_source(vec);
}

static void install_stub(uint32_t off) { install_vector_stub(EBASE, off); }

static void set_priority(unsigned vec, unsigned pri, unsigned sub)
{
	unsigned shift = (vec % 4) * 8;
	volatile uint32_t *ipc = &EVIC(IPC0 + 0x10 * (vec / 4));
	*ipc = (*ipc & ~(0x1Fu << shift)) | ((pri << 2 | sub) << shift);
}

static void sw_irq(unsigned n) { MTC0(13, 0, MFC0(13, 0) | (1u << (8 + n))); }
static void irq_on(void) { __asm__ volatile("ei\n\tehb" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("di\n\tehb" ::: "memory"); }
static void set_ipl(unsigned ipl) { MTC0(12, 0, (MFC0(12, 0) & ~0xFC00u) | ipl << 10); }

/* Open the window n times at IPL 0 (entry raises IPL to the level taken and
 * the test handler returns without restoring it, so one per window). */
static void take(unsigned n)
{
	while (n--) {
		set_ipl(0);
		irq_on();
		__asm__ volatile("nop\n\tnop");
		irq_off();
	}
	set_ipl(0);
}

int test_main(void)
{
	install_stub(0x180);
	install_stub(0x200);
	install_stub(0x300);
	install_stub(0x320);
	install_stub(0x340);
	MTC0(15, 1, EBASE);
	MTC0(13, 0, CP0_CAUSE_IV);
	MTC0(12, 0, MFC0(12, 0) & ~CP0_STATUS_BEV);  /* EBase vectors, IE = 0 */

	EVIC(INTCON) = INTCON_MVEC;
	EVIC(OFF(0)) = 0x300;
	EVIC(OFF(1)) = 0x320;
	EVIC(OFF(2)) = 0x340;
	EVIC(PRISS) = 3u << 12 | 5u << 20;            /* priority 3 -> set 3, 5 -> set 5 */
	set_priority(1, 3, 0);
	set_priority(2, 5, 0);
	EVIC(IEC0 + SET) = 0x7;

	/* Both software interrupts pending, masked by IE = 0: nothing taken. */
	sw_irq(0);
	sw_irq(1);
	CHECK_EQ(1, 0, nlog);
	CHECK_EQ(2, 5u << 10, MFC0(13, 0) & 0xFC00u);   /* Cause.RIPL = 5 */
	/* IPL = 5 masks both levels 3 and 5. */
	set_ipl(5);
	irq_on();
	CHECK_EQ(3, 0, nlog);
	/* IPL = 4: level 5 goes first, then level 3 after its return. */
	set_ipl(4);
	__asm__ volatile("nop\n\tnop");
	irq_off();
	CHECK_EQ(10, 1, nlog);
	CHECK_EQ(11, 0x340, log[0].vector);
	CHECK_EQ(12, 4u << 10, log[0].status & 0xFC00u); /* entry leaves IPL alone */
	CHECK_EQ(13, 5, log[0].srsctl & 0xF);           /* CSS = PRI5SS */
	CHECK_EQ(14, 0, (log[0].srsctl >> 6) & 0xF);    /* PSS = old CSS */
	CHECK_EQ(15, 5, (log[0].srsctl >> 18) & 0xF);   /* EICSS */
	CHECK_EQ(16, 0, MFC0(12, 2) & 0xF);              /* ERET restored CSS */
	set_ipl(0);
	irq_on();
	__asm__ volatile("nop");
	irq_off();
	CHECK_EQ(17, 2, nlog);
	CHECK_EQ(18, 0x320, log[1].vector);
	CHECK_EQ(19, 3, log[1].srsctl & 0xF);

	/* Same priority: subpriority, then the lower vector number wins. */
	nlog = 0;
	set_priority(1, 4, 1);
	set_priority(2, 4, 2);
	sw_irq(0);
	sw_irq(1);
	take(2);
	CHECK_EQ(20, 2, nlog);
	CHECK_EQ(21, 0x340, log[0].vector);
	CHECK_EQ(22, 0x320, log[1].vector);
	nlog = 0;
	set_priority(2, 4, 1);
	sw_irq(1);
	sw_irq(0);
	take(2);
	CHECK_EQ(23, 0x320, log[0].vector);
	CHECK_EQ(24, 0x340, log[1].vector);

	/* EPC of an interrupt: the next instruction to run (here the EHB right
	 * after EI: the simulator takes it at the first instruction boundary). */
	{
		uint32_t after;
		nlog = 0;
		sw_irq(0);
		__asm__ volatile(".set push\n\t.set noreorder\n\tei\n1:\tehb\n\tnop\n\tla %0, 1b\n\t.set pop"
				 : "=r"(after) : : "memory");
		irq_off();
		CHECK_EQ(25, 1, nlog);
		CHECK_EQ(26, after, log[0].epc);
		set_ipl(0);
	}

	/* Single vector mode: EBase + 0x200, shadow set from PRISS.SS0. */
	nlog = 0;
	EVIC(INTCON) = 0;
	EVIC(PRISS) = 1;
	sw_irq(0);
	take(1);
	CHECK_EQ(30, 1, nlog);
	CHECK_EQ(31, 0x200, log[0].vector);
	CHECK_EQ(32, 1, log[0].srsctl & 0xF);

	/* Cause.IV = 0: the general exception vector, ExcCode Int; ESS used. */
	nlog = 0;
	MTC0(12, 2, 2u << 12);                          /* ESS = 2 */
	MTC0(13, 0, 0);
	sw_irq(0);
	take(1);
	CHECK_EQ(40, 1, nlog);
	CHECK_EQ(41, 0x180, log[0].vector);
	CHECK_EQ(42, 2, log[0].srsctl & 0xF);
	MTC0(12, 2, 0);

	/* BEV = 1 with IV = 1: 0xBFC00400, no shadow set switch. */
	nlog = 0;
	MTC0(13, 0, CP0_CAUSE_IV);
	MTC0(12, 0, MFC0(12, 0) | CP0_STATUS_BEV);
	sw_irq(0);
	take(1);
	CHECK_EQ(50, 1, nlog);
	CHECK_EQ(51, 0x400, log[0].vector);
	CHECK_EQ(52, 0, log[0].srsctl & 0xF);
	MTC0(12, 0, MFC0(12, 0) & ~CP0_STATUS_BEV);

	/* Core timer: Compare match sets Cause.TI and raises vector 0. */
	EVIC(INTCON) = INTCON_MVEC;
	EVIC(PRISS) = 0;
	set_priority(0, 2, 0);
	nlog = 0;
	MTC0(11, 0, MFC0(9, 0) + 300);
	CHECK_EQ(60, 0, MFC0(13, 0) & CP0_CAUSE_TI);
	irq_on();
	for (volatile int i = 0; i < 200 && nlog == 0; i++)
		;
	irq_off();
	CHECK_EQ(61, 1, nlog);
	CHECK_EQ(62, 0x300, log[0].vector);
	CHECK_EQ(63, CP0_CAUSE_TI, log[0].cause & CP0_CAUSE_TI);
	CHECK_EQ(64, 0, MFC0(13, 0) & CP0_CAUSE_TI);  /* cleared by the Compare write */
	set_ipl(0);

	/* WAIT with IE = 0 wakes when the timer fires; no interrupt taken. */
	nlog = 0;
	{
		uint32_t c0 = MFC0(9, 0), c1;
		MTC0(11, 0, c0 + 5000);
		__asm__ volatile("wait");
		c1 = MFC0(9, 0);
		CHECK_EQ(70, 0, nlog);
		CHECK_EQ(71, CP0_CAUSE_TI, MFC0(13, 0) & CP0_CAUSE_TI);
		CHECK_DETAIL(72, c1 - c0 >= 5000 && c1 - c0 < 5100, c0, c1, 0, 0);
		/* ... and `ei` then takes it. */
		irq_on();
		__asm__ volatile("nop");
		irq_off();
		CHECK_EQ(73, 1, nlog);
		set_ipl(0);
	}
	/* WAIT with IE = 1: the interrupt is taken; EPC is after the WAIT. */
	{
		uint32_t after;
		nlog = 0;
		MTC0(11, 0, MFC0(9, 0) + 1000);
		__asm__ volatile(".set push\n\t.set noreorder\n\tei\n\tehb\n\twait\n1:\tnop\n\tla %0, 1b\n\t.set pop"
				 : "=r"(after) : : "memory");
		irq_off();
		CHECK_EQ(80, 1, nlog);
		CHECK_EQ(81, after, log[0].epc);
	}
	return 0;
}
