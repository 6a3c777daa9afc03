/* SPDX-License-Identifier: Apache-2.0 */
/* interrupt.c - root interrupts (EIC, single vector): the core timer, the
 * console UART and the real sources owned by VMs. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define INTSTAT 0x1F810020u
#define IFS(n)  (0x1F810040u + 0x10u * (n))
#define IEC(n)  (0x1F8100C0u + 0x10u * (n))

static void dispatch(unsigned irq)
{
	unsigned con = uart_irq_base();
	if (irq == 0u) {
		time_interrupt();
	} else if (irq == con || irq == con + 1u) {
		con_interrupt_rx();
	} else if (irq == con + 2u) {
		con_interrupt_tx();
	} else {
		vevic_real_irq(irq);
	}
}

/* Every pending enabled source, lowest vector first. */
static void poll(void)
{
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++) {
		uint32_t p = HV_REG32(IFS(w)) & HV_REG32(IEC(w));
		while (p != 0u) {
			unsigned b = (unsigned)__builtin_ctz(p);
			p &= p - 1u;
			dispatch(w * 32u + b);
		}
	}
}

/* INTSTAT names the request being presented (SRIPL != 0): the one taken,
 * or the one that woke the idle hypervisor's WAIT. Others still pending are
 * taken next (in guest mode, or the idle WAIT returns at once). */
void hv_interrupt_take(void)
{
	uint32_t st = HV_REG32(INTSTAT);
	if ((st & 0x700u) != 0u) {
		dispatch(st & 0xFFu);
	} else {
		poll();
	}
}

void hv_interrupt(void)
{
	hv_interrupt_take();
	if (hv_cur) {
		vevic_reassert(hv_cur);
	}
	sched_commit();
}
