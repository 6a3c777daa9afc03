/* SPDX-License-Identifier: Apache-2.0 */
/* debug.c - what a debugger sees of the core (vzsim.h "Debugger views"):
 * any shadow register set, both CP0 contexts (root and the guest context
 * held in the hardware), the FPU and DSP registers, and address translation
 * of root and guest virtual addresses through the segments and the TLBs.
 * Nothing here changes the machine except the explicit setters; a lookup
 * never raises an exception or touches the translation caches. */
#include <string.h>

#include "cpu/cpu_internal.h"
#include "cpu/vz_policy.h"

static const struct cp0 *root_ctx(const struct cpu *c)
{
	return c->guest ? &c->other : &c->cp0;
}

static const struct cp0 *guest_ctx(const struct cpu *c)
{
	return c->guest ? &c->cp0 : &c->other;
}

void vzsim_cpu_view(const struct machine *m, struct vzsim_cpu_view *v)
{
	const struct cpu *c = &m->cpu;
	v->guest = c->guest;
	v->guestid = c->gctl1 & VZ_GC1_ID;
	v->css = SRS_FIELD(root_ctx(c)->srsctl, SRS_CSS_SHIFT);
	v->pc = c->pc;
	v->micromips = c->mm;
	v->exc_seq = c->exc_seq;
	v->waiting = c->waiting;
	v->next_event = m->next_event;
}

/* The running set lives in c->r; the others in c->srs. */
uint32_t vzsim_srs_get(const struct machine *m, unsigned set, unsigned n)
{
	const struct cpu *c = &m->cpu;
	if (n == 0 || n > 31 || set >= CPU_SHADOW_SETS)
		return 0;
	if (set == SRS_FIELD(root_ctx(c)->srsctl, SRS_CSS_SHIFT))
		return c->r[n];
	return c->srs[set][n];
}

bool vzsim_srs_set(struct machine *m, unsigned set, unsigned n, uint32_t v)
{
	struct cpu *c = &m->cpu;
	if (n == 0 || n > 31 || set >= CPU_SHADOW_SETS)
		return false;
	if (set == SRS_FIELD(root_ctx(c)->srsctl, SRS_CSS_SHIFT))
		c->r[n] = v;
	else
		c->srs[set][n] = v;
	return true;
}

uint32_t vzsim_hilo(const struct machine *m, bool hi)
{
	return hi ? m->cpu.hi : m->cpu.lo;
}

bool vzsim_cp0_get(struct machine *m, bool guest, unsigned reg, unsigned sel, uint32_t *v)
{
	const struct cpu *c = &m->cpu;
	const struct cp0 *cp = guest ? guest_ctx(c) : root_ctx(c);
	switch (reg << 3 | sel) {
	case 0 << 3 | 0: *v = cp->index; break;
	case 2 << 3 | 0: *v = cp->entrylo0; break;
	case 3 << 3 | 0: *v = cp->entrylo1; break;
	case 4 << 3 | 0: *v = cp->context; break;
	case 4 << 3 | 2: *v = cp->userlocal; break;
	case 5 << 3 | 0: *v = cp->pagemask; break;
	case 5 << 3 | 1: *v = cp->pagegrain; break;
	case 6 << 3 | 0: *v = cp->wired; break;
	case 7 << 3 | 0: *v = cp->hwrena; break;
	case 8 << 3 | 0: *v = cp->badvaddr; break;
	case 8 << 3 | 1: *v = cp->badinstr; break;
	case 8 << 3 | 2: *v = cp->badinstrp; break;
	case 9 << 3 | 0:
		if (guest)
			return false; /* the guest's Count is the hypervisor's business */
		*v = cp0_root_count(m);
		break;
	case 10 << 3 | 0: *v = cp->entryhi; break;
	case 10 << 3 | 4: if (guest) return false; *v = c->gctl1; break;
	case 10 << 3 | 5: if (guest) return false; *v = c->gctl2; break;
	case 11 << 3 | 0: *v = cp->compare; break;
	case 12 << 3 | 0: *v = cp->status; break;
	case 12 << 3 | 1: *v = cp->intctl; break;
	case 12 << 3 | 2: *v = cp->srsctl; break;
	case 12 << 3 | 6: if (guest) return false; *v = c->gctl0; break;
	case 12 << 3 | 7: if (guest) return false; *v = c->gtoffset; break;
	case 13 << 3 | 0: *v = cp->cause; break;
	case 14 << 3 | 0: *v = cp->epc; break;
	case 14 << 3 | 2: *v = cp->nestedepc; break;
	case 15 << 3 | 1: *v = cp->ebase; break;
	case 16 << 3 | 0: *v = cp->config[0]; break;
	case 16 << 3 | 3: *v = cp->config[3]; break;
	case 17 << 3 | 0: *v = cp->lladdr; break;
	case 30 << 3 | 0: *v = cp->errorepc; break;
	case 31 << 3 | 2: *v = cp->kscratch[0]; break;
	case 31 << 3 | 3: *v = cp->kscratch[1]; break;
	default: return false;
	}
	return true;
}

uint64_t vzsim_fpr(const struct machine *m, unsigned n)
{
	return n < 32 ? m->cpu.fpu.fpr[n] : 0;
}

uint32_t vzsim_fcr(const struct machine *m, unsigned n)
{
	return n == 0 ? m->cpu.fpu.fir : n == 31 ? m->cpu.fpu.fcsr : 0;
}

uint32_t vzsim_dsp_get(const struct machine *m, unsigned n)
{
	const struct dsp *d = &m->cpu.dsp;
	if (n < 6)
		return n & 1 ? d->lo[n / 2 + 1] : d->hi[n / 2 + 1];
	return n == 6 ? d->ctl : 0;
}

/* ---- Translation ------------------------------------------------------- */

/* One TLB entry's answer for va (pair already matched). */
static bool entry_pa(uint32_t pagemask, const uint32_t lo[2], uint32_t va, bool write, uint32_t *pa)
{
	uint32_t page = ((pagemask | 0x1FFFu) + 1) >> 1;
	uint32_t l = lo[(va & page) ? 1 : 0];
	if (!(l & EL_V) || (write && !(l & EL_D)))
		return false;
	uint32_t base = ((l >> 6) & 0x00FFFFFFu) << 12;
	*pa = (base & ~(page - 1)) | (va & (page - 1));
	return true;
}

/* First stage with kernel privilege: kseg0/kseg1 unmapped, kuseg unmapped
 * while ERL = 1, everything else through the TLB entries of owner o. */
static bool va_to_first(const struct cpu *c, struct tlb_owner o, uint32_t status, uint32_t asid,
			uint32_t va, bool write, uint32_t *out)
{
	if ((va >= 0x80000000u && va < 0xC0000000u) || (va < 0x80000000u && (status & ST_ERL))) {
		*out = va < 0x80000000u ? va : va & 0x1FFFFFFFu;
		return true;
	}
	int i = tlb_lookup(c, va, asid, o);
	return i >= 0 && entry_pa(c->tlb[i].pagemask, c->tlb[i].entrylo, va, write, out);
}

bool vzsim_root_translate(const struct machine *m, uint32_t va, bool write, uint32_t *pa)
{
	const struct cp0 *r = root_ctx(&m->cpu);
	return va_to_first(&m->cpu, (struct tlb_owner){ false, 0 }, r->status, r->entryhi & EH_ASID,
			   va, write, pa);
}

bool vzsim_guest_va_to_gpa(const struct machine *m, const struct vzsim_guest_space *sp,
			   uint32_t va, bool write, uint32_t *gpa)
{
	if (!sp) {
		const struct cpu *c = &m->cpu;
		const struct cp0 *g = guest_ctx(c);
		struct tlb_owner o = { true, c->gctl1 & VZ_GC1_ID }; /* the guest's own entries */
		return va_to_first(c, o, g->status, g->entryhi & EH_ASID, va, write, gpa);
	}
	if ((va >= 0x80000000u && va < 0xC0000000u) || (va < 0x80000000u && (sp->status & ST_ERL))) {
		*gpa = va < 0x80000000u ? va : va & 0x1FFFFFFFu;
		return true;
	}
	return vzsim_tlb_list_map(sp->tlb, sp->ntlb, sp->entryhi & EH_ASID, va, write, gpa);
}

bool vzsim_gpa_to_pa(const struct machine *m, unsigned gid, uint32_t gpa, bool write, uint32_t *pa)
{
	const struct cpu *c = &m->cpu;
	const struct cp0 *r = root_ctx(c);
	/* Root's second-stage entries for GuestID gid (shared TLB, simulator-vz.md). */
	int i = tlb_lookup(c, gpa, r->entryhi & EH_ASID, (struct tlb_owner){ false, gid & 0xFFu });
	return i >= 0 && entry_pa(c->tlb[i].pagemask, c->tlb[i].entrylo, gpa, write, pa);
}

bool vzsim_tlb_list_map(const struct vzsim_guest_tlb *tlb, unsigned n, uint32_t asid,
			uint32_t va, bool write, uint32_t *out)
{
	for (unsigned i = 0; i < n; i++) {
		const struct vzsim_guest_tlb *e = &tlb[i];
		bool global = e->entrylo0 & e->entrylo1 & 1;
		if ((e->entryhi & EH_EHINV) || ((e->entryhi ^ va) & ~(e->pagemask | 0x1FFFu)))
			continue;
		if (!global && (e->entryhi & EH_ASID) != asid)
			continue;
		const uint32_t lo[2] = { e->entrylo0, e->entrylo1 };
		return entry_pa(e->pagemask, lo, va, write, out);
	}
	return false;
}
