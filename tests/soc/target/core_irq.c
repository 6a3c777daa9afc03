/* SPDX-License-Identifier: Apache-2.0 */
/* core_irq.c - the core's own interrupt lines through the EVIC, end to
 * end: the core timer (Cause.TI -> vector 0) and software interrupt 0
 * (Cause.IP0 -> vector 1). Both are persistent sources: clearing IFS while
 * the core still asserts the line does not stick, so handlers clear the
 * source first and the flag second. */
#include "pic32.h"
#include "test.h"

#define V_CT  0
#define V_CS0 1
#define CAUSE_IP0 (1u << 8)
#define TICKS 5000u  /* core timer counts to the match; entry costs ~65 boot
                      * flash instructions at 8 cycles (PFMWS 7) */

static volatile uint32_t ct_irqs, cs0_irqs, flag_stuck, ct_when;

void test_exception(struct test_exc_frame *f)
{
	uint32_t v = SFR(INTSTAT) & 0xFFu;
	if (f->vector != 0x400)
		test_fail(100, f->vector, f->cause, f->epc, 0);
	if (v == V_CT) {
		ct_when = CP0_COUNT();
		/* Wrong order first: the flag comes straight back. */
		irq_clear(V_CT);
		flag_stuck = SFR(IFS(0)) & 1u;
		MTC0(11, 0, MFC0(11, 0) - 1);   /* Compare write clears Cause.TI */
		irq_clear(V_CT);
		ct_irqs++;
	} else if (v == V_CS0) {
		MTC0(13, 0, MFC0(13, 0) & ~CAUSE_IP0);
		irq_clear(V_CS0);
		cs0_irqs++;
	} else {
		test_fail(101, v, f->cause, 0, 0);
	}
	irq_return_ipl0();
}

int test_main(void)
{
	SFR(INTCON) = INTCON_MVEC;
	irq_enable(V_CT, 4, 0);
	irq_enable(V_CS0, 2, 0);
	MTC0(13, 0, CAUSE_IV);
	MTC0(12, 0, ST_BEV | ST_IE);

	uint32_t start = CP0_COUNT();
	MTC0(11, 0, start + TICKS);
	while (!ct_irqs)
		wait_for_interrupt();
	CHECK_EQ(1, 1, ct_irqs);
	CHECK_EQ(2, 1, flag_stuck);
	uint32_t late = ct_when - start;
	CHECK_DETAIL(3, late >= TICKS && late < TICKS + 1000, late, TICKS, 0, 0);
	CHECK_EQ(4, 0, SFR(IFS(0)) & 1u);

	/* Software interrupt 0. */
	MTC0(13, 0, MFC0(13, 0) | CAUSE_IP0);
	while (!cs0_irqs)
		wait_for_interrupt();
	CHECK_EQ(5, 1, cs0_irqs);
	CHECK_EQ(6, 0, SFR(IFS(0)) & 2u);
	CHECK_EQ(7, 1, ct_irqs);
	MTC0(12, 0, ST_BEV);
	return 0;
}
