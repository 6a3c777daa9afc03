/* SPDX-License-Identifier: Apache-2.0 */
/* evic.c - the PIC32MZ interrupt controller in front of the core's EIC
 * interface.
 *
 * Arbitration: among vectors with IFS & IEC and priority > 0, the highest
 * priority wins, then the highest subpriority, then the lowest vector number.
 * The winner goes to the core as (RIPL, vector offset, EICSS):
 *   multi-vector (INTCON.MVEC = 1): offset OFFk.VOFF, shadow set PRISS.PRIxSS
 *     of the winner's priority x;
 *   single vector (MVEC = 0): offset 0x200 (EBase + 0x200, the chip's single
 *     vector), shadow set 1 if PRISS.SS0 else 0.
 * INTSTAT shows the current winner (SIRQ = vector, SRIPL = priority); when
 * nothing is requested SRIPL reads 0 and SIRQ keeps the last winner.
 * Not modelled: the temporal proximity timer (INTCON.TPC, IPTMR are plain
 * storage) and external INT0-4 pins (INTxEP plain storage).
 */
#include "machine.h"

#define EVIC_BASE 0x1F810000u
#define INTCON_MVEC (1u << 12)

/* Vector numbers the PIC32MZ EF does not implement. */
static const unsigned evic_unused[] = { 108, 191, 195, 197, 203, 204, 211, 212 };

/* IFS/IEC bits that exist (vectors 0..213 minus the unused ones). */
static uint32_t evic_impl[8];

static void evic_compute_impl(void)
{
	for (unsigned v = 0; v < EVIC_VECTORS; v++)
		evic_impl[v / 32] |= 1u << (v % 32);
	for (unsigned i = 0; i < sizeof evic_unused / sizeof evic_unused[0]; i++)
		evic_impl[evic_unused[i] / 32] &= ~(1u << (evic_unused[i] % 32));
}

/* Flag changes since the last look, for the event trace (raised, cleared). */
static void report_flags(struct machine *m, struct evic *e)
{
	for (unsigned w = 0; w < 8; w++) {
		uint32_t diff = e->ifs[w] ^ e->ifs_seen[w];
		while (diff) {
			unsigned b = (unsigned)__builtin_ctz(diff);
			diff &= diff - 1;
			machine_event(m, (e->ifs[w] >> b) & 1 ? VZSIM_EV_IRQ_RAISE : VZSIM_EV_IRQ_CLEAR,
				      0, w * 32 + b, 0, 0);
		}
		e->ifs_seen[w] = e->ifs[w];
	}
}

void evic_update(struct machine *m)
{
	struct evic *e = &m->soc.evic;
	if (machine_events_on(m))
		report_flags(m, e);
	int best = -1;
	unsigned best_pri = 0, best_sub = 0;

	for (unsigned w = 0; w < 7; w++) {
		uint32_t pend = e->ifs[w] & e->iec[w];
		while (pend) {
			unsigned b = (unsigned)__builtin_ctz(pend);
			pend &= pend - 1;
			unsigned v = w * 32 + b;
			uint32_t f = e->ipc[v / 4] >> ((v % 4) * 8);
			unsigned pri = (f >> 2) & 7, sub = f & 3;
			if (pri > best_pri || (pri && pri == best_pri && sub > best_sub)) {
				best = (int)v;
				best_pri = pri;
				best_sub = sub;
			}
		}
	}

	unsigned ripl = 0, eicss = 0;
	uint32_t voff = 0;
	if (best >= 0) {
		ripl = best_pri;
		if (e->intcon & INTCON_MVEC) {
			voff = e->off[best] & 0x3FFFEu;
			eicss = (e->priss >> (4 * best_pri)) & 0xF;
		} else {
			voff = 0x200;
			eicss = e->priss & 1u;
		}
		e->intstat = (uint32_t)best | best_pri << 8;
	} else {
		e->intstat &= 0xFFu;   /* no request: SRIPL 0, SIRQ the last one */
	}
	e->out_vector = best;
	if (ripl != e->out_ripl || voff != e->out_voff || eicss != e->out_eicss) {
		e->out_ripl = ripl;
		e->out_voff = voff;
		e->out_eicss = eicss;
		cpu_eic_update(m, ripl, voff, eicss);
	}
}

void evic_raise(struct machine *m, unsigned vector)
{
	struct evic *e = &m->soc.evic;
	uint32_t bit = 1u << (vector % 32);
	if (m->soc.dma.listen[vector / 32] & bit)
		dma_irq_event(m, vector); /* a DMA start/abort trigger */
	if (e->ifs[vector / 32] & bit)
		return;
	e->ifs[vector / 32] |= bit & evic_impl[vector / 32];
	evic_update(m);
}

void evic_set_level(struct machine *m, unsigned vector, bool level)
{
	struct evic *e = &m->soc.evic;
	uint32_t bit = 1u << (vector % 32);
	uint32_t *l = &e->level[vector / 32];
	if (level == !!(*l & bit))
		return;
	if (level) {
		*l |= bit;
		evic_raise(m, vector);
	} else {
		*l &= ~bit;
	}
}

void soc_core_irq(struct machine *m, unsigned line, bool level)
{
	if (line <= 2)
		evic_set_level(m, line, level);
}

/* IFS: software may clear flags, but a persistent source sets its flag
 * again at once. */
static void evic_ifs_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct evic *e = &m->soc.evic;
	unsigned w = (unsigned)(r->val - e->ifs);
	/* A flag a persistent source sets again is a new request: a DMA
	 * channel waiting for it starts. */
	uint32_t again = old & ~*r->val & e->level[w] & m->soc.dma.listen[w];
	*r->val |= e->level[w];
	while (again) {
		unsigned b = (unsigned)__builtin_ctz(again);
		again &= again - 1;
		dma_irq_event(m, w * 32 + b);
	}
	evic_update(m);
}

static void evic_changed(struct machine *m, struct sfr *r, uint32_t old)
{
	if (*r->val != old)
		evic_update(m);
}

void evic_init(struct machine *m)
{
	struct evic *e = &m->soc.evic;
	static const char *ifs_names[8] = { "IFS0", "IFS1", "IFS2", "IFS3",
					    "IFS4", "IFS5", "IFS6", "IFS7" };
	static const char *iec_names[8] = { "IEC0", "IEC1", "IEC2", "IEC3",
					    "IEC4", "IEC5", "IEC6", "IEC7" };
	if (!evic_impl[0])
		evic_compute_impl();

	sfr_add(m, "INTCON", EVIC_BASE + 0x00, &e->intcon, 0, 0x0000171Fu, 0,
		NULL, evic_changed, e);
	sfr_add(m, "PRISS", EVIC_BASE + 0x10, &e->priss, 0, 0xFFFFFFF1u, 0,
		NULL, evic_changed, e);
	sfr_add(m, "INTSTAT", EVIC_BASE + 0x20, &e->intstat, 0, 0, SFR_NOALIAS,
		NULL, NULL, e);
	sfr_add(m, "IPTMR", EVIC_BASE + 0x30, &e->iptmr, 0, 0xFFFFFFFFu, 0,
		NULL, NULL, e);
	for (unsigned i = 0; i < 8; i++) {
		sfr_add(m, ifs_names[i], EVIC_BASE + 0x40 + 0x10 * i, &e->ifs[i], 0,
			evic_impl[i], 0, NULL, evic_ifs_write, e);
		sfr_add(m, iec_names[i], EVIC_BASE + 0xC0 + 0x10 * i, &e->iec[i], 0,
			evic_impl[i], 0, NULL, evic_changed, e);
	}
	for (unsigned i = 0; i < 54; i++)
		sfr_add(m, "IPC", EVIC_BASE + 0x140 + 0x10 * i, &e->ipc[i], 0,
			0x1F1F1F1Fu, 0, NULL, evic_changed, e);
	for (unsigned v = 0; v < EVIC_VECTORS; v++)
		sfr_add(m, "OFF", EVIC_BASE + 0x540 + 4 * v, &e->off[v], 0,
			0x0003FFFEu, SFR_NOALIAS, NULL, evic_changed, e);
}

void evic_reset(struct machine *m)
{
	struct evic *e = &m->soc.evic;
	for (unsigned i = 0; i < 8; i++)
		e->level[i] = 0;
	e->out_vector = -1;
	e->out_ripl = 0;
	e->out_voff = 0;
	e->out_eicss = 0;
	cpu_eic_update(m, 0, 0, 0);
}
