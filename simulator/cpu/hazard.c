/* SPDX-License-Identifier: Apache-2.0 */
/* hazard.c - the CP0 hazard checker (hazard.h). The rules, with their
 * sources, are the table in docs/simulator-cpu.md ("CP0 hazards").
 *
 * Writers (MTC0, MTGC0, DI/EI, TLB instructions) record which CP0 slots they
 * changed and by which pc; a write that changes the running context's
 * translation (Status, EntryHi, Config, PageGrain, TLB entries) also keeps
 * the translation state as it was at the last barrier. Consumers check only
 * what they read. The window is strict: only a barrier clears a hazard (EHB
 * the execution hazards; JR.HB, JALR.HB, ERET or an exception all of them),
 * never a number of instructions. Only real changes count: a write of the
 * value a register already holds cannot be observed early or late. */
#include "cpu_internal.h"

#define S_INDEX    HZ_SLOT(0, 0)
#define S_ENTRYLO0 HZ_SLOT(2, 0)
#define S_ENTRYLO1 HZ_SLOT(3, 0)
#define S_PAGEMASK HZ_SLOT(5, 0)
#define S_PAGEGRAIN HZ_SLOT(5, 1)
#define S_WIRED    HZ_SLOT(6, 0)
#define S_ENTRYHI  HZ_SLOT(10, 0)
#define S_GCTL1    HZ_SLOT(10, 4)
#define S_STATUS   HZ_SLOT(12, 0)
#define S_INTCTL   HZ_SLOT(12, 1)
#define S_SRSCTL   HZ_SLOT(12, 2)
#define S_SRSMAP   HZ_SLOT(12, 3)
#define S_VIEWIPL  HZ_SLOT(12, 4)
#define S_GCTL0    HZ_SLOT(12, 6)
#define S_EPC      HZ_SLOT(14, 0)
#define S_NESTEDEPC HZ_SLOT(14, 2)
#define S_EBASE    HZ_SLOT(15, 1)
#define S_CONFIG0  HZ_SLOT(16, 0)
#define S_ERROREPC HZ_SLOT(30, 0)
#define S_CAUSE    HZ_SLOT(13, 0)
#define S_NONE     0xFFFFu

#define OP_TLBR  0x01
#define OP_TLBWI 0x02
#define OP_TLBWR 0x06
#define OP_TLBP  0x08
#define OP_TLBGR 0x09
#define OP_TLBGWI 0x0A
#define OP_TLBGINV 0x0B
#define OP_TLBGINVF 0x0C
#define OP_TLBGWR 0x0E
#define OP_TLBGP 0x10

static const char *slot_name(unsigned slot)
{
	switch (slot) {
	case S_INDEX: return "Index";
	case S_ENTRYLO0: return "EntryLo0";
	case S_ENTRYLO1: return "EntryLo1";
	case S_PAGEMASK: return "PageMask";
	case S_PAGEGRAIN: return "PageGrain";
	case S_WIRED: return "Wired";
	case S_ENTRYHI: return "EntryHi";
	case S_GCTL1: return "GuestCtl1";
	case HZ_SLOT(10, 5): return "GuestCtl2";
	case HZ_SLOT(10, 6): return "GuestCtl3";
	case HZ_SLOT(11, 4): return "GuestCtl0Ext";
	case S_STATUS: return "Status";
	case S_INTCTL: return "IntCtl";
	case S_SRSCTL: return "SRSCtl";
	case S_SRSMAP: return "SRSMap";
	case S_GCTL0: return "GuestCtl0";
	case HZ_SLOT(13, 0): return "Cause";
	case S_EPC: return "EPC";
	case S_NESTEDEPC: return "NestedEPC";
	case S_EBASE: return "EBase";
	case S_CONFIG0: return "Config";
	case S_ERROREPC: return "ErrorEPC";
	case HZ_TLB: return "a TLB entry";
	default: return NULL;
	}
}

/* "guest EntryHi", "CP0 r9 s0", ... into buf. */
static const char *describe(char *buf, size_t n, unsigned ctx, unsigned slot)
{
	const char *name = slot_name(slot);
	const char *who = ctx ? "guest " : "";
	if (name)
		snprintf(buf, n, "%s%s", who, name);
	else
		snprintf(buf, n, "%sCP0 register %u select %u", who, slot >> 3, slot & 7);
	return buf;
}

static inline uint32_t insn_pc(const struct machine *m)
{
	return m->cpu.pc - 4; /* while an instruction executes */
}

static bool slot_written(const struct hazard *h, unsigned ctx, unsigned slot)
{
	return (h->ctx[ctx].written[slot >> 5] >> (slot & 31)) & 1;
}

static void mark(struct machine *m, unsigned ctx, unsigned slot)
{
	struct hazard *h = &m->cpu.hz;
	h->ctx[ctx].written[slot >> 5] |= 1u << (slot & 31);
	h->ctx[ctx].pc[slot] = insn_pc(m);
	h->exec = true;
}

static void report(struct machine *m, const char *consumer, uint32_t at, unsigned ctx,
		   unsigned slot, uint32_t writer, const char *barrier)
{
	char name[48];
	machine_finding(m, FINDING_HAZARD,
			"%s at %08x uses %s written at %08x without %s between them",
			consumer, at, describe(name, sizeof name, ctx, slot), writer, barrier);
}

/* Check a consumer's inputs (a list ending in S_NONE) in context ctx. */
static void use(struct machine *m, const char *consumer, unsigned ctx, const uint16_t *in)
{
	struct hazard *h = &m->cpu.hz;
	if (!h->exec)
		return;
	for (; *in != S_NONE; in++)
		if (slot_written(h, ctx, *in)) {
			report(m, consumer, insn_pc(m), ctx, *in, h->ctx[ctx].pc[*in], "EHB");
			return;
		}
}

/* ---- Translation snapshots ------------------------------------------------ */

static bool translation_slot(unsigned slot)
{
	return slot == S_STATUS || slot == S_ENTRYHI || slot == S_CONFIG0 ||
	       slot == S_PAGEGRAIN || slot == HZ_TLB;
}

static void snap_take(const struct cpu *c, struct hazard_snap *s)
{
	const struct cp0 *cp = &c->cp0;
	s->valid = true;
	s->status = cp->status;
	s->entryhi = cp->entryhi;
	s->config0 = cp->config[0];
	s->pagegrain = cp->pagegrain;
	memcpy(s->tlb, c->tlb, sizeof s->tlb);   /* the one TLB root and guest share */
}

/* Before a write that may change translation: keep the state of the last
 * barrier if nothing has changed it since. Returns a mask of the snapshots
 * taken now (1 data, 2 fetch), to drop them if the write changed nothing. */
static unsigned snap_open(struct machine *m)
{
	struct hazard *h = &m->cpu.hz;
	unsigned fresh = 0;
	if (!h->data.valid) {
		snap_take(&m->cpu, &h->data);
		fresh |= 1;
	}
	if (!h->fetch.valid) {
		snap_take(&m->cpu, &h->fetch);
		fresh |= 2;
	}
	return fresh;
}

static void snap_close(struct machine *m, unsigned fresh, bool changed)
{
	struct hazard *h = &m->cpu.hz;
	if (changed) {
		h->data.writer = h->fetch.writer = insn_pc(m);
		return;
	}
	if (fresh & 1)
		h->data.valid = false;
	if (fresh & 2)
		h->fetch.valid = false;
}

/* Translate va as the state of snapshot s would. */
static unsigned translate_old(struct machine *m, const struct hazard_snap *s, uint32_t va,
			      enum access acc, struct xlate *x)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = &c->cp0;
	uint32_t st = cp->status, eh = cp->entryhi, c0 = cp->config[0], pg = cp->pagegrain;
	uint32_t gpa = c->vz_gpa;
	struct tlb_entry tlb[CPU_TLB_MAX];
	memcpy(tlb, c->tlb, sizeof tlb);
	cp->status = s->status;
	cp->entryhi = s->entryhi;
	cp->config[0] = s->config0;
	cp->pagegrain = s->pagegrain;
	memcpy(c->tlb, s->tlb, sizeof tlb);
	unsigned f = mmu_translate(m, va, acc, x);
	cp->status = st;
	cp->entryhi = eh;
	cp->config[0] = c0;
	cp->pagegrain = pg;
	memcpy(c->tlb, tlb, sizeof tlb);
	c->vz_gpa = gpa;
	return f;
}

void hazard_access(struct machine *m, uint32_t va, unsigned acc, unsigned f,
		   const struct xlate *x)
{
	struct hazard *h = &m->cpu.hz;
	bool fetch = acc == ACC_FETCH;
	const struct hazard_snap *s = fetch ? &h->fetch : &h->data;
	struct xlate old = { 0, 0 };
	if (!s->valid)
		return;
	unsigned fo = translate_old(m, s, va, (enum access)acc, &old);
	/* A change of cacheability alone is the cache model's business: cached
	 * and uncached accesses agree while the line is coherent, which the
	 * coherence checker watches. */
	if (fo == f && (f || old.pa == x->pa))
		return;
	if (fetch)
		machine_finding(m, FINDING_HAZARD,
				"instruction fetch at %08x depends on a translation change "
				"(Status, EntryHi, Config, PageGrain or the TLB) at %08x "
				"without JR.HB, ERET or an exception between them",
				va, s->writer);
	else
		machine_finding(m, FINDING_HAZARD,
				"%s of %08x at %08x depends on a translation change "
				"(Status, EntryHi, Config, PageGrain or the TLB) at %08x "
				"without EHB between them",
				acc == ACC_LOAD ? "load" : "store", va, insn_pc(m), s->writer);
}

/* ---- Barriers ---------------------------------------------------------- */

void hazard_reset(struct machine *m)
{
	struct hazard *h = &m->cpu.hz;
	memset(h, 0, sizeof *h);
	h->gepc_slot = 0xFF;
}

void hazard_ehb(struct machine *m)
{
	struct hazard *h = &m->cpu.hz;
	if (h->exec) {
		memset(h->ctx[0].written, 0, sizeof h->ctx[0].written);
		memset(h->ctx[1].written, 0, sizeof h->ctx[1].written);
		h->exec = false;
	}
	h->data.valid = false;
	h->gepc_slot = 0xFF;
	h->sw_irq_raised = false;
}

void hazard_barrier(struct machine *m)
{
	hazard_ehb(m);
	m->cpu.hz.fetch.valid = false;
}

void hazard_exception(struct machine *m, bool check)
{
	static const uint16_t vector_in[] = { S_EBASE, S_INTCTL, S_SRSCTL, S_SRSMAP, S_NONE };
	struct hazard *h = &m->cpu.hz;
	/* With BEV = 1 the vectors and shadow sets ignore these. */
	if (check && !m->cpu.guest && !(m->cpu.cp0.status & ST_BEV))
		use(m, "the exception taken", 0, vector_in);
	/* BEV itself selects the vectors (boot or EBase). */
	if (check && !m->cpu.guest && slot_written(h, 0, S_STATUS) &&
	    ((h->status_before ^ m->cpu.cp0.status) & ST_BEV))
		report(m, "the exception taken (Status.BEV selects its vector)", insn_pc(m), 0,
		       S_STATUS, h->ctx[0].pc[S_STATUS], "EHB");
	hazard_barrier(m);
}

/* ---- Writers ----------------------------------------------------------- */

void hazard_mtc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cpu *c = &m->cpu;
	unsigned slot = HZ_SLOT(reg, sel);
	if (slot == S_VIEWIPL)
		slot = S_STATUS; /* the same bits */
	bool tr = translation_slot(slot);
	bool guest = c->guest;
	unsigned fresh = tr ? snap_open(m) : 0;
	uint32_t before = cp0_read(m, slot >> 3, slot & 7);
	cp0_write(m, reg, sel, v);
	if (c->guest != guest) { /* Status or GuestCtl0 switched the mode */
		hazard_barrier(m);
		return;
	}
	bool changed = cp0_read(m, slot >> 3, slot & 7) != before;
	if (tr)
		snap_close(m, fresh, changed);
	if (!changed)
		return;
	if (slot == S_STATUS) {
		hazard_status_op(m, before);
		return;
	}
	mark(m, 0, slot);
	/* A software interrupt requested (Cause.IP1:0 set): through the EVIC
	 * it reaches the core after the hazard, so where it is taken is not
	 * determined before EHB (hazard_irq). */
	if (slot == S_CAUSE && !c->guest && ((c->cp0.cause & ~before) & (CA_IP0 | CA_IP1))) {
		c->hz.sw_irq_raised = true;
		cpu_request_irq_check(m);
	}
}

/* DI, EI, or MTC0 changed Status from old. Keeps Status as it was at the
 * barrier for the consumers that compare (interrupts, CU1). */
void hazard_status_op(struct machine *m, uint32_t old)
{
	struct hazard *h = &m->cpu.hz;
	if (!slot_written(h, 0, S_STATUS))
		h->status_before = old;
	mark(m, 0, S_STATUS);
	cpu_request_irq_check(m); /* hazard_irq looks before the next instruction */
}

void hazard_mtgc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct hazard *h = &m->cpu.hz;
	unsigned slot = HZ_SLOT(reg, sel);
	/* Erratum (tinyVP's "errata E5" workaround on this chip): guest
	 * NestedEPC and EPC written back to back without EHB. */
	if (slot == S_EPC || slot == S_NESTEDEPC) {
		if (h->gepc_slot != 0xFF && h->gepc_slot != sel)
			machine_finding(m, FINDING_HAZARD,
					"MTGC0 guest %s at %08x follows MTGC0 guest %s at %08x "
					"without EHB between them (M5150 erratum E5)",
					slot == S_EPC ? "EPC" : "NestedEPC", insn_pc(m),
					slot == S_EPC ? "NestedEPC" : "EPC", h->gepc_pc);
		h->gepc_slot = (uint8_t)sel;
		h->gepc_pc = insn_pc(m);
	}
	uint32_t before = vz_mfgc0(m, reg, sel);
	vz_mtgc0(m, reg, sel, v);
	if (vz_mfgc0(m, reg, sel) != before)
		mark(m, 1, slot);
}

/* ---- Consumers ---------------------------------------------------------- */

void hazard_mfc0(struct machine *m, unsigned ctx, unsigned reg, unsigned sel)
{
	struct hazard *h = &m->cpu.hz;
	unsigned slot = HZ_SLOT(reg, sel);
	if (slot == S_VIEWIPL)
		slot = S_STATUS;
	if (slot_written(h, ctx, slot))
		report(m, ctx ? "MFGC0" : "MFC0", insn_pc(m), ctx, slot, h->ctx[ctx].pc[slot], "EHB");
}

/* Inputs of TLBP, TLBR, TLBWI, TLBWR (and of their TLBG forms) in the
 * context they act on; GuestCtl1 (RID) is root's. */
static const uint16_t *tlb_inputs(unsigned fn)
{
	static const uint16_t p[] = { S_ENTRYHI, HZ_TLB, S_NONE };
	static const uint16_t r[] = { S_INDEX, HZ_TLB, S_NONE };
	static const uint16_t wi[] = { S_INDEX, S_ENTRYHI, S_ENTRYLO0, S_ENTRYLO1, S_PAGEMASK, S_NONE };
	static const uint16_t wr[] = { S_WIRED, S_ENTRYHI, S_ENTRYLO0, S_ENTRYLO1, S_PAGEMASK, S_NONE };
	static const uint16_t inv[] = { S_ENTRYHI, S_NONE };
	static const uint16_t none[] = { S_NONE };
	switch (fn) {
	case OP_TLBP: case OP_TLBGP: return p;
	case OP_TLBR: case OP_TLBGR: return r;
	case OP_TLBWI: case OP_TLBGWI: return wi;
	case OP_TLBWR: case OP_TLBGWR: return wr;
	case OP_TLBGINV: return inv;
	default: return none;
	}
}

static const char *tlb_name(unsigned fn)
{
	switch (fn) {
	case OP_TLBR: return "TLBR";
	case OP_TLBWI: return "TLBWI";
	case OP_TLBWR: return "TLBWR";
	case OP_TLBP: return "TLBP";
	case OP_TLBGR: return "TLBGR";
	case OP_TLBGWI: return "TLBGWI";
	case OP_TLBGINV: return "TLBGINV";
	case OP_TLBGINVF: return "TLBGINVF";
	case OP_TLBGWR: return "TLBGWR";
	case OP_TLBGP: return "TLBGP";
	default: return "TLB instruction";
	}
}

static void regs_of(const struct cp0 *cp, uint32_t r[5])
{
	r[0] = cp->index;
	r[1] = cp->entryhi;
	r[2] = cp->entrylo0;
	r[3] = cp->entrylo1;
	r[4] = cp->pagemask;
}

static bool entry_same(const struct tlb_entry *a, const struct tlb_entry *b)
{
	return a->entryhi == b->entryhi && a->pagemask == b->pagemask &&
	       a->entrylo[0] == b->entrylo[0] && a->entrylo[1] == b->entrylo[1] &&
	       a->g == b->g && a->guest == b->guest && a->guestid == b->guestid;
}

void hazard_tlb_begin(struct machine *m, unsigned ctx, unsigned fn)
{
	static const uint16_t rid[] = { S_GCTL1, S_NONE };
	struct cpu *c = &m->cpu;
	struct hazard *h = &c->hz;
	const char *name = tlb_name(fn);
	use(m, name, ctx, tlb_inputs(fn));
	if (!c->guest)
		use(m, name, 0, rid);
	h->tlb_fresh = snap_open(m);
	regs_of(&c->cp0, h->tlb_regs[0]);
	regs_of(&c->other, h->tlb_regs[1]);
	memcpy(h->tlb_before, c->tlb, sizeof h->tlb_before);
	h->gctl1_before = c->gctl1;
}

void hazard_tlb_end(struct machine *m, unsigned ctx)
{
	static const uint16_t reg_slot[5] = { S_INDEX, S_ENTRYHI, S_ENTRYLO0, S_ENTRYLO1, S_PAGEMASK };
	struct cpu *c = &m->cpu;
	struct hazard *h = &c->hz;
	bool translation = false;
	(void)ctx;
	for (unsigned k = 0; k < 2; k++) {
		uint32_t now[5];
		regs_of(k ? &c->other : &c->cp0, now);
		for (unsigned i = 0; i < 5; i++)
			if (now[i] != h->tlb_regs[k][i]) {
				mark(m, k, reg_slot[i]);
				if (k == 0 && i == 1)
					translation = true; /* TLBR loaded EntryHi.ASID */
			}
	}
	/* The TLB is shared: a changed entry concerns the context that owns it
	 * (before or after): 0 = the running context, 1 = the other. */
	for (unsigned i = 0; i < CPU_TLB_MAX; i++) {
		const struct tlb_entry *b = &h->tlb_before[i], *a = &c->tlb[i];
		if (entry_same(b, a))
			continue;
		for (unsigned k = 0; k < 2; k++) {
			bool guest_ctx = k == 0 ? c->guest : !c->guest;
			if (b->guest == guest_ctx || a->guest == guest_ctx) {
				mark(m, k, HZ_TLB);
				if (k == 0)
					translation = true;
			}
		}
	}
	if (c->gctl1 != h->gctl1_before)
		mark(m, 0, S_GCTL1);
	snap_close(m, h->tlb_fresh, translation);
}

void hazard_eret(struct machine *m)
{
	static const uint16_t in[] = { S_STATUS, S_EPC, S_ERROREPC, S_SRSCTL, S_NONE };
	static const uint16_t root_in[] = { S_GCTL0, S_GCTL1, S_NONE };
	use(m, "ERET", 0, in);
	if (!m->cpu.guest)
		use(m, "ERET", 0, root_in);
	hazard_barrier(m);
}

void hazard_srs_use(struct machine *m)
{
	static const uint16_t in[] = { S_SRSCTL, S_NONE };
	use(m, "RDPGPR/WRPGPR", 0, in);
}

/* Usability under a Status value: what a consumer sees depends on the
 * change only if it differs between the value at the barrier and now. */
static void status_use(struct machine *m, const char *consumer, bool (*usable)(uint32_t st))
{
	struct hazard *h = &m->cpu.hz;
	if (slot_written(h, 0, S_STATUS) &&
	    usable(h->status_before) != usable(m->cpu.cp0.status))
		report(m, consumer, insn_pc(m), 0, S_STATUS, h->ctx[0].pc[S_STATUS], "EHB");
}

static bool cp0_usable_under(uint32_t s)
{
	return (s & (ST_EXL | ST_ERL | ST_CU0)) || !(s & ST_KSU);
}

static bool mx_under(uint32_t s) { return (s & ST_MX) != 0; }

void hazard_cp0_use(struct machine *m)
{
	status_use(m, "coprocessor 0 instruction (Status.CU0/KSU/EXL/ERL usability)", cp0_usable_under);
}

void hazard_mx_use(struct machine *m)
{
	status_use(m, "DSP instruction (Status.MX)", mx_under);
}

void hazard_cu1_use(struct machine *m)
{
	struct hazard *h = &m->cpu.hz;
	if (slot_written(h, 0, S_STATUS) &&
	    ((h->status_before ^ m->cpu.cp0.status) & (ST_CU1 | ST_FR)))
		report(m, "coprocessor 1 instruction", insn_pc(m), 0, S_STATUS,
		       h->ctx[0].pc[S_STATUS], "EHB");
}

static bool takes_irq(const struct machine *m, uint32_t status)
{
	unsigned ipl = (status & ST_IPL) >> ST_IPL_SHIFT;
	return m->cpu.eic_ripl > ipl && (status & (ST_IE | ST_EXL | ST_ERL)) == ST_IE;
}

/* A Status change that masks a requested interrupt is not in force before
 * the barrier: the interrupt may still be taken at the next instruction,
 * inside what software believes is masked. */
void hazard_irq(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct hazard *h = &c->hz;
	bool st = slot_written(h, 0, S_STATUS);
	if (c->guest || (!st && !h->sw_irq_raised))
		return;
	bool now = takes_irq(m, c->cp0.status), before = st ? takes_irq(m, h->status_before) : now;
	if (now == before && !(now && h->sw_irq_raised))
		return;
	uint32_t next = mmu_peek_insn(m, c->pc);
	if (next == 0x000000C0u /* EHB */ || next == 0x42000018u /* ERET */)
		return;
	if (before && !now)
		machine_finding(m, FINDING_HAZARD,
				"interrupt (level %u) may still be taken at %08x: Status masked it at "
				"%08x without EHB between them", c->eic_ripl, c->pc,
				h->ctx[0].pc[S_STATUS]);
	else if (now && st && !before)
		/* The enable side: the interrupt is recognised somewhere up to the
		 * barrier, so which instruction it interrupts is not determined. */
		machine_finding(m, FINDING_HAZARD,
				"interrupt (level %u) taken at %08x: Status unmasked it at %08x "
				"without EHB between them (the interrupted instruction is not "
				"determined)", c->eic_ripl, c->pc, h->ctx[0].pc[S_STATUS]);
	else
		machine_finding(m, FINDING_HAZARD,
				"interrupt (level %u) taken at %08x after a software interrupt "
				"requested in Cause at %08x without EHB between them (the "
				"interrupted instruction is not determined)", c->eic_ripl, c->pc,
				h->ctx[0].pc[S_CAUSE]);
}
