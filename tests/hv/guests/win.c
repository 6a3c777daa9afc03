/* SPDX-License-Identifier: Apache-2.0 */
/* win.c - a guest for the time-partitioning tests (tests/hv/systems/win.dts,
 * tests/hv/windows.sh). It never waits: every jump in its Count larger than
 * GAP is time it was off the CPU, so the next instruction is a window start.
 * As VM 2 (one window per frame) it also arms its core timer for the middle
 * of the time it is off the CPU: the interrupt must be held until its next
 * window and taken at once when that starts. The key 'o' on its console
 * (read at each window start) makes it fault 10 us before the end of its
 * next window: its cold restart clears its RAM in the hypervisor past the
 * boundary, a window overrun. */
#include "coretimer.h"
#include "cp0.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"
#include "vzcall.h"

#define GAP 10000u             /* ticks (100 us) off the CPU: another window (a long exit, a console line, takes less) */

static volatile uint32_t isr_at;
static volatile unsigned isr_count;

void ct_isr(void);
void ct_isr(void)
{
	isr_at = ct_now();
	isr_count++;
	irq_disable(0);
	irq_clear(0);
}
GUEST_ISR(0, ct_isr);

int main(void)
{
	uint32_t r[2], last, start[8], due = 0, expected = 0, cur = 0, len = 0;
	unsigned n = 0;
	bool overrun = false;

	console_init(115200);
	vz_hypercall(VZ_HC_VM_ID, 0, 0, r);
	cprintf("win: vm%u runs\n", r[0]);
	last = ct_now();
	for (;;) {
		uint32_t now = ct_now();
		if (now - last > GAP) {
			len = last - cur;          /* the previous window, as we saw it */
			cur = now;
			if (n < 8) {
				start[n] = now;
			}
			n++;
			if (n >= 4 && console_getc() == 'o') {
				cprintf("win: fault 10 us before the window ends (%u ticks)\n", len);
				overrun = true;
			}
			if (r[0] == 2 && n == 3) {
				uint32_t frame = start[2] - start[1];
				/* the next time off the CPU: [last, now) + frame */
				due = last + frame + (now - last) / 2u;
				expected = now + frame;
				irq_set_priority(0, 3, 0);
				irq_clear(0);
				cp0_write(CP0_COMPARE, due);
				irq_enable(0);
				irq_global_enable();
			}
			if (r[0] == 2 && n == 4) {
				cprintf("win: held irq %u: due %d ticks before the window, taken %d ticks "
					"after its start\n", isr_count, (int)(expected - due),
					(int)(isr_at - expected));
			}
			now = ct_now();            /* printing is no gap */
		}
		if (overrun && now - cur + 1000u >= len) {
			SFR(0xA0020000u) = 1;      /* outside its memory */
		}
		last = now;
	}
}
