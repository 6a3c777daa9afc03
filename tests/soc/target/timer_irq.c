/* SPDX-License-Identifier: Apache-2.0 */
/* timer_irq.c - Timer2 period interrupts end to end: the EVIC presents
 * vector 9 at priority 3, the core takes it at the BEV interrupt vector, the
 * handler sees RIPL and INTSTAT, and successive interrupts are one period
 * apart on the core timer. A higher-priority Timer3 interrupt pending at the
 * same time is taken first. */
#include "pic32.h"
#include "test.h"

#define V_T2 9
#define V_T3 14
#define PERIODS 5
/* PR2 = 9999 with 1:8 prescale: 80000 PBCLK3 = 160000 SYSCLK = 80000 counts. */
#define PERIOD_COUNTS 80000u

static volatile uint32_t n_irq, stamps[PERIODS], ripl[PERIODS], sirq[PERIODS];
static volatile uint32_t order[2], n_order;

void test_exception(struct test_exc_frame *f)
{
	uint32_t now = CP0_COUNT();
	if (f->vector != 0x400 || TEST_EXCCODE(f->cause) != 0)
		test_fail(100, f->vector, f->cause, f->epc, 0);
	uint32_t v = SFR(INTSTAT) & 0xFFu;
	if (n_order < 2) {
		order[n_order++] = v;
		irq_clear(v);
	} else {
		if (n_irq < PERIODS) {
			stamps[n_irq] = now;
			ripl[n_irq] = CAUSE_RIPL(f->cause);
			sirq[n_irq] = v;
			n_irq++;
		}
		irq_clear(V_T2);
	}
	irq_return_ipl0();
}

int test_main(void)
{
	SFR(INTCON) = INTCON_MVEC;
	irq_enable(V_T2, 3, 0);
	irq_enable(V_T3, 5, 0);
	MTC0(13, 0, CAUSE_IV);

	/* Both flags pending before interrupts are enabled: Timer3 (priority
	 * 5) must be taken before Timer2 (priority 3). */
	SET(IFS(0)) = 1u << V_T2 | 1u << V_T3;
	MTC0(12, 0, ST_BEV | ST_IE);
	while (n_order < 2)
		wait_for_interrupt();
	CHECK_EQ(1, V_T3, order[0]);
	CHECK_EQ(2, V_T2, order[1]);

	SFR(TPR(2)) = 9999;
	SFR(TTMR(2)) = 0;
	SFR(TCON(2)) = TCON_ON | 3u << 4;       /* 1:8 */
	while (n_irq < PERIODS)
		wait_for_interrupt();
	SFR(TCON(2)) = 0;
	MTC0(12, 0, ST_BEV);

	for (unsigned i = 0; i < PERIODS; i++) {
		CHECK_EQ(10 + i, 3, ripl[i]);
		CHECK_EQ(20 + i, V_T2, sirq[i]);
	}
	for (unsigned i = 1; i < PERIODS; i++) {
		uint32_t d = stamps[i] - stamps[i - 1];
		CHECK_DETAIL(30 + i, d + 20 >= PERIOD_COUNTS && d <= PERIOD_COUNTS + 20,
			     d, PERIOD_COUNTS, i, 0);
	}
	return 0;
}
