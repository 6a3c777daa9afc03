/* SPDX-License-Identifier: Apache-2.0 */
/* evic.c - the real PIC32MZ interrupt controller, owned by the hypervisor.
 * Single-vector mode: every interrupt enters at EBase + 0x200 in shadow set
 * 0 and the handler reads INTSTAT. */
#include <vzlet/hv.h>

#define EVIC_PA      0x1F810000u
#define INTCON       (EVIC_PA + 0x00u)
#define PRISS        (EVIC_PA + 0x10u)
#define IFS(n)       (EVIC_PA + 0x40u + 0x10u * (n))
#define IEC(n)       (EVIC_PA + 0xC0u + 0x10u * (n))
#define IPC(n)       (EVIC_PA + 0x140u + 0x10u * (n))
#define CLR 4u
#define SET 8u

void evic_init(void)
{
	HV_REG32(INTCON) = 0;          /* single vector, no proximity timer */
	HV_REG32(PRISS) = 0;           /* all levels use shadow set 0 */
	for (unsigned i = 0; i < VZ_IRQ_WORDS + 1u; i++) {
		HV_REG32(IEC(i)) = 0;
		HV_REG32(IFS(i)) = 0;
	}
}

/* SFR stores are posted: a mask or an acknowledgement is read back, so
 * that it has landed before the ERET that could take the source again
 * (docs/cycle-model.md, "Peripheral bus"). An unmask may land late. */
void evic_enable(unsigned irq, bool on)
{
	HV_REG32(IEC(irq >> 5) + (on ? SET : CLR)) = 1u << (irq & 31u);
	if (!on) {
		(void)HV_REG32(IEC(irq >> 5));
	}
}

void evic_clear(unsigned irq)
{
	HV_REG32(IFS(irq >> 5) + CLR) = 1u << (irq & 31u);
	(void)HV_REG32(IFS(irq >> 5));
}

void evic_set_priority(unsigned irq, unsigned pri, unsigned sub)
{
	unsigned shift = (irq & 3u) * 8u;
	uint32_t pa = IPC(irq >> 2);
	HV_REG32(pa + CLR) = 0x1Fu << shift;
	HV_REG32(pa + SET) = ((pri & 7u) << 2 | (sub & 3u)) << shift;
}
