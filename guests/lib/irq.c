/* SPDX-License-Identifier: Apache-2.0 */
/* irq.c - EVIC helpers and the multi-vector set-up crt0 runs before main. */
#include "guest.h"
#include "irq.h"

struct isr_entry {
	uint32_t vector;
	uint32_t stub;
};
extern const struct isr_entry _isr_table_start[], _isr_table_end[];
extern char guest_spurious_stub[];

/* Vectors without GUEST_ISR go to the spurious stub (EBase+0x200); each
 * GUEST_ISR vector to its own stub. Only vectors in the table and the ones
 * a guest may enable are written: under vzlet each OFF write is emulated. */
void guest_irq_setup(void)
{
	for (const struct isr_entry *e = _isr_table_start; e < _isr_table_end; e++)
		if (e->vector < IRQ_VECTORS)
			SFR(OFF(e->vector)) = e->stub - (uint32_t)_ebase;
	SFR_SET(INTCON) = INTCON_MVEC;
}

/* Vector offset crt0 gives to vectors without a handler. */
uint32_t guest_spurious_offset(void)
{
	return (uint32_t)guest_spurious_stub - (uint32_t)_ebase;
}

void irq_set_priority(unsigned irq, unsigned priority, unsigned sub)
{
	unsigned shift = (irq % 4) * 8;
	SFR_CLR(IPC(irq / 4)) = 0x1Fu << shift;
	SFR_SET(IPC(irq / 4)) = ((priority & 7u) << 2 | (sub & 3u)) << shift;
}

void irq_enable(unsigned irq)
{
	/* a vector without GUEST_ISR must still land somewhere sensible */
	if (SFR(OFF(irq)) == 0)
		SFR(OFF(irq)) = guest_spurious_offset();
	SFR_SET(IEC(irq / 32)) = 1u << (irq % 32);
}

void irq_disable(unsigned irq) { SFR_CLR(IEC(irq / 32)) = 1u << (irq % 32); }
void irq_clear(unsigned irq) { SFR_CLR(IFS(irq / 32)) = 1u << (irq % 32); }
bool irq_pending(unsigned irq) { return (SFR(IFS(irq / 32)) >> (irq % 32)) & 1u; }

/* SYNC first: SFR stores are posted, and a source masked or acknowledged
 * by one still in flight would be taken at once (docs/guest-lib.md). */
void irq_global_enable(void)
{
	/* noreorder: the assembler would move the EHB into the delay slot of
	 * the return, and the interrupt unmasked by EI could then be taken at
	 * the JR itself (hazard checker, docs/simulator-cpu.md). */
	__asm__ volatile(".set push\n\t.set noreorder\n\tsync\n\tei\n\tehb\n\t.set pop"
			 : : : "memory");
}

uint32_t irq_save_disable(void)
{
	uint32_t status;
	__asm__ volatile(".set push\n\t.set noreorder\n\tdi %0\n\tehb\n\t.set pop"
			 : "=r"(status) : : "memory");
	return status;
}

void irq_restore(uint32_t status)
{
	if (status & ST_IE)
		irq_global_enable();
}
