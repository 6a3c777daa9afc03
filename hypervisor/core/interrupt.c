/* interrupt.c - root interrupts (EIC, single vector): the core timer, the
 * console UART and the real sources owned by VMs. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define INTSTAT 0x1F810020u
#define IFS(n)  (0x1F810040u + 0x10 * (n))
#define IEC(n)  (0x1F8100C0u + 0x10 * (n))

static void dispatch(unsigned irq)
{
	unsigned con = uart_irq_base();
	if (irq == 0)
		time_interrupt();
	else if (irq == con || irq == con + 1)
		con_interrupt_rx();
	else if (irq == con + 2)
		con_interrupt_tx();
	else
		vevic_real_irq(irq);
}

/* Every pending enabled source, lowest vector first. */
void hv_interrupt_poll(void)
{
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++) {
		uint32_t p = HV_REG32(IFS(w)) & HV_REG32(IEC(w));
		while (p) {
			unsigned b = (unsigned)__builtin_ctz(p);
			p &= p - 1;
			dispatch(w * 32 + b);
		}
	}
}

void hv_interrupt(void)
{
	unsigned irq = HV_REG32(INTSTAT) & 0xFF;
	uint32_t m = 1u << (irq & 31);
	if (irq < VZ_NUM_IRQS && (HV_REG32(IFS(irq >> 5)) & HV_REG32(IEC(irq >> 5)) & m))
		dispatch(irq);
	else
		hv_interrupt_poll();
	sched_commit();
}
