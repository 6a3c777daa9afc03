/* SPDX-License-Identifier: Apache-2.0 */
/* sba.c - the system bus access-protection registers (SBFLAG and, for each
 * of the 14 bus targets, ELOG1/2, ECON, ECLRS/ECLRM and 8 regions of REG,
 * RD, WR), as plain storage.
 *
 * Only the CPU initiates bus transfers in this simulator (DMA, USB,
 * Ethernet and the other initiators are not modelled) and the CPU sits in
 * permission group 0 with full access after reset, so no access ever
 * violates a permission: SBFLAG and the error logs stay 0. The registers
 * exist so that software that programs the protection (as tinyVP does to
 * confine guest DMA) runs, and reads back what it wrote.
 */
#include "machine.h"

#define SBFLAG_PA  0x1F8F0510u
#define SBT_BASE   0x1F8F8000u

void sba_init(struct machine *m)
{
	struct sba *s = &m->soc.sba;
	sfr_add(m, "SBFLAG", SBFLAG_PA, &s->sbflag, 0, 0, SFR_NOALIAS, NULL, NULL, s);
	for (unsigned t = 0; t < SBA_TARGETS; t++) {
		struct sba_target *x = &s->target[t];
		uint32_t base = SBT_BASE + 0x400 * t;
		sfr_add(m, "SBTxELOG1", base + 0x20, &x->elog1, 0, 0, SFR_NOALIAS, NULL, NULL, s);
		sfr_add(m, "SBTxELOG2", base + 0x24, &x->elog2, 0, 0, SFR_NOALIAS, NULL, NULL, s);
		sfr_add(m, "SBTxECON", base + 0x28, &x->econ, 0, 1u << 24, SFR_NOALIAS, NULL, NULL, s);
		/* Writes to ECLRS/ECLRM clear the (always empty) error log. */
		sfr_add(m, "SBTxECLRS", base + 0x30, &x->eclrs, 0, 0, SFR_NOALIAS, NULL, NULL, s);
		sfr_add(m, "SBTxECLRM", base + 0x38, &x->eclrm, 0, 0, SFR_NOALIAS, NULL, NULL, s);
		for (unsigned r = 0; r < SBA_REGIONS; r++) {
			uint32_t rb = base + 0x40 + 0x20 * r;
			sfr_add(m, "SBTxREGy", rb, &x->reg[r], 0, 0xFFFFFEF8u, SFR_NOALIAS, NULL, NULL, s);
			sfr_add(m, "SBTxRDy", rb + 0x10, &x->rd[r], 0xFu, 0xFu, SFR_NOALIAS, NULL, NULL, s);
			sfr_add(m, "SBTxWRy", rb + 0x18, &x->wr[r], 0xFu, 0xFu, SFR_NOALIAS, NULL, NULL, s);
		}
	}
}
