/* SPDX-License-Identifier: Apache-2.0 */
/* cpu_internal.h - what the files of the core share: CP0 field names,
 * exception codes, and the entry points between decode, execution, MMU,
 * exceptions and CP0. Not for use outside simulator/cpu.
 */
#ifndef VZSIM_CPU_INTERNAL_H
#define VZSIM_CPU_INTERNAL_H

#include <string.h>

#include "machine.h"

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Status */
#define ST_IE    0x00000001u
#define ST_EXL   0x00000002u
#define ST_ERL   0x00000004u
#define ST_KSU   0x00000018u
#define ST_KSU_SHIFT 3
#define ST_IPL_SHIFT 10
#define ST_IPL   0x0000FC00u
#define ST_IM01  0x00000300u
#define ST_NMI   0x00080000u
#define ST_SR    0x00100000u
#define ST_TS    0x00200000u
#define ST_BEV   0x00400000u
#define ST_MX    0x01000000u
#define ST_FR    0x04000000u
#define ST_RP    0x08000000u
#define ST_CU0   0x10000000u
#define ST_CU1   0x20000000u
#define ST_WRITABLE 0x3D78FF1Fu

/* Cause */
#define CA_EXC_SHIFT 2
#define CA_EXC   0x0000007Cu
#define CA_IP0   0x00000100u
#define CA_IP1   0x00000200u
#define CA_RIPL_SHIFT 10
#define CA_RIPL  0x0000FC00u
#define CA_WP    0x00400000u
#define CA_IV    0x00800000u
#define CA_DC    0x08000000u
#define CA_CE_SHIFT 28
#define CA_CE    0x30000000u
#define CA_TI    0x40000000u
#define CA_BD    0x80000000u
#define CA_WRITABLE (CA_DC | CA_IV | CA_WP | CA_IP1 | CA_IP0)

/* SRSCtl */
#define SRS_CSS_SHIFT 0
#define SRS_PSS_SHIFT 6
#define SRS_ESS_SHIFT 12
#define SRS_EICSS_SHIFT 18
#define SRS_HSS_SHIFT 26
#define SRS_FIELD(v, s) (((v) >> (s)) & 0xFu)

/* Config3: ISA (bits 15:14: 2 = MIPS32 and microMIPS, MIPS32 at reset;
 * 3 = both, microMIPS at reset) and ISAOnExc (the ISA of exception
 * vectors, writable). */
#define CFG3_ISA_SHIFT 14
#define CFG3_ISAONEXC  0x00010000u

/* PageGrain */
#define PG_RIE  0x80000000u
#define PG_XIE  0x40000000u
#define PG_IEC  0x08000000u

/* EntryLo */
#define EL_RI   0x80000000u
#define EL_XI   0x40000000u
#define EL_D    0x00000004u
#define EL_V    0x00000002u
#define EL_G    0x00000001u
#define EL_WRITABLE 0xC3FFFFFFu  /* PFN limited to a 32-bit physical address */

/* EntryHi */
#define EH_EHINV 0x00000400u
#define EH_ASID  0x000000FFu
#define EH_VPN2  0xFFFFE000u

/* Exception codes (Cause.ExcCode) */
enum exc_code {
	EXC_INT = 0, EXC_MOD = 1, EXC_TLBL = 2, EXC_TLBS = 3, EXC_ADEL = 4,
	EXC_ADES = 5, EXC_IBE = 6, EXC_DBE = 7, EXC_SYS = 8, EXC_BP = 9,
	EXC_RI = 10, EXC_CPU = 11, EXC_OV = 12, EXC_TR = 13, EXC_FPE = 15,
	EXC_TLBRI = 19, EXC_TLBXI = 20, EXC_MCHECK = 24, EXC_DSPDIS = 26, EXC_GE = 27,
};

/* Cycle costs (docs/cycle-model.md). */
#define CYC_EXC_ENTRY 4      /* extra cycles to redirect to a vector */
#define CYC_ERET 2           /* extra cycles for ERET (hazard-clearing jump) */
#define CYC_EHB 3            /* total for EHB and extra for JR.HB/JALR.HB */

/* Processor identity (docs/simulator-cpu.md). */
#define M5150_PRID 0x0001A720u

static inline struct cpu *cpu_of(struct machine *m) { return &m->cpu; }

/* ---- decode.c --------------------------------------------------------- */
/* Decode raw into d (handler, fields, static cost). next is the following
 * word in memory (for the load-use interlock) or 0 if unknown. Returns the
 * mnemonic. */
const char *insn_decode(uint32_t raw, uint32_t next, struct insn *d);
/* Handler every invalidated predecode entry holds: decodes, then runs. */
void op_decode(struct machine *m, const struct insn *d);
/* Handler of an entry whose line is not its I-cache set's MRU (cache.c):
 * the fetch's bookkeeping, then the handler it holds. */
void op_icheck(struct machine *m, const struct insn *d);
/* Predecode array and index range for a physical address, or NULL. */
struct insn *decode_slot(struct machine *m, uint32_t pa);
/* Number of op_decode in enum insn_id (insns.h), kept here so the fast
 * store path needs no more than this header. */
extern const uint8_t insn_id_decode;
/* Handler of each enum insn_id (insns.h). */
extern const insn_fn insn_handlers[];
static inline void decode_invalidate(struct insn *d)
{
	d[0].id = insn_id_decode;
	d[-1].id = insn_id_decode; /* its load-use cost (or fused slot) depended on this word */
}

/* ---- cache.c ---------------------------------------------------------- */
void cache_init(struct machine *m);
void cache_free(struct machine *m);
void cache_reset(struct machine *m);            /* power-on: random contents */
/* Cacheable CCA (2 and 7 are uncached; 0/1 write-through, 3-6 write-back). */
static inline bool cca_cached(unsigned cca) { return cca != 2 && cca != 7; }
/* A cached load/store of pa (bytes moved by the caller on host memory). */
void cache_data_access(struct machine *m, uint32_t va, uint32_t pa, unsigned cca, bool store);
void cache_store_done(struct machine *m, uint32_t pa);   /* after a write-through store */
/* The D-cache line states (DS_*) of the physical page at pa for a dtlb
 * entry: all 0 (every access slow) unless cca is cacheable. */
const uint8_t *cache_dstate_page(struct machine *m, uint32_t pa, unsigned cca);
/* A dtlb-hitting access whose line state does not allow it: the cache's
 * bookkeeping for a cacheable page (true), or false: take the slow path. */
bool cache_dtlb_miss(struct machine *m, const struct dtlb_entry *e, uint32_t va, bool store);
/* A dtlb-hitting access that the line's state st allowed: its line enters
 * the line filter (cpu.dline). */
void cache_dline_enter(struct machine *m, const struct dtlb_entry *e, uint32_t va, unsigned st);
/* Empty the line filter (translations changed). */
void cache_dline_flush(struct machine *m);
/* An uncached load/store of RAM/flash: true if done here on a D line's memory copy. */
bool cache_uncached_data(struct machine *m, uint32_t pa, unsigned size, bool store, uint32_t *val);
/* Cached fetch of entry d's line in the fetch window (LRU, miss, checks). */
void cache_ifetch(struct machine *m, const struct insn *d);
/* The same if d is fetched cached from the window and its line is not its
 * set's MRU (op_decode). */
void cache_fetch_entry(struct machine *m, const struct insn *d);
/* A freshly decoded entry: held behind op_icheck unless its line is its
 * set's MRU (the run loop checks nothing else on entering a line). */
void cache_guard_entry(struct machine *m, struct insn *e);
/* Extra cycles of an uncached fetch of entry d. */
unsigned cache_uncached_fetch(struct machine *m, const struct insn *d);
/* Charge a microMIPS fetch of size bytes at va in the window (and check it). */
void cache_fetch_at(struct machine *m, uint32_t va, unsigned size);
/* The word a cached fetch of e gets from the I-cache (op_decode). */
bool cache_insn_word(struct machine *m, const struct insn *e, uint32_t *w);
void cache_op(struct machine *m, unsigned op, uint32_t va);
void cache_synci(struct machine *m, uint32_t va);

/* The LRU stamp of the D-cache way holding va's line, whose state is st
 * (DS_RD or DS_WR set): a fast-path hit stores the cycle in it. */
#define DSTAMP(c, va, st) (*(uint64_t *)((char *)(c)->caches.dstamp +	\
			   (((va) & ((DCACHE_SETS - 1u) << 4)) << 1) + ((st) & DS_WAY_MASK)))

/* The I-cache set of a predecode entry (arrays are aligned so that an
 * entry's address bits 13:6 are its physical address bits 11:4) and the
 * first entry of its line. */
#define ICACHE_SET_OF(d) (((uintptr_t)(d) >> 6) & (ICACHE_SETS - 1))
#define ICACHE_LINE_OF(d) ((uintptr_t)(d) & ~(uintptr_t)63)
/* Charge the fetch of entry d outside the fast loop (delay slots, traces). */
static inline void cpu_fetch_charge(struct machine *m, const struct insn *d)
{
	struct cpu *c = &m->cpu;
	if (c->fetch_uncached)
		m->cycle += cache_uncached_fetch(m, d);
	else if (CACHE_MODEL && c->ic_mru[ICACHE_SET_OF(d)] != ICACHE_LINE_OF(d))
		cache_ifetch(m, d);
}

/* ---- mmu.c ------------------------------------------------------------ */
enum access { ACC_LOAD, ACC_STORE, ACC_FETCH };
#define XL_REFILL 0x100      /* fault flag: TLB refill (vector offset 0) */
#define XL_ROOT   0x200      /* fault flag (guest mode): in the root TLB, on vz_gpa */
struct xlate {
	uint32_t pa;
	unsigned cca;            /* cache coherency attribute (2 = uncached) */
};
/* Translate va for acc in the running context. Returns 0, or an exception
 * code (| XL_REFILL). Does not raise anything. */
unsigned mmu_translate(struct machine *m, uint32_t va, enum access acc, struct xlate *x);
/* Raise the exception mmu_translate returned for va. */
void mmu_fault(struct machine *m, uint32_t va, unsigned fault, bool fetch);
/* Data access through translation, caching the page in the dtlb when it is
 * host memory. size 1, 2 or 4 and va aligned. False = exception taken. */
bool mem_load_slow(struct machine *m, uint32_t va, unsigned size, uint32_t *val);
bool mem_store_slow(struct machine *m, uint32_t va, unsigned size, uint32_t val);
/* Fetch: set the fetch window for va; returns the predecoded entry or NULL
 * after taking an exception. c->pc must already be va + 4. */
const struct insn *mmu_fetch_slow(struct machine *m, uint32_t va);
/* Set the fetch window (and c->fetch_host) for va, any alignment; false
 * after taking the fetch exception for the instruction at c->pc - c->isz. */
bool mmu_fetch_map(struct machine *m, uint32_t va);
/* Instruction at va without side effects (for BadInstr), 0 if none: a
 * MIPS32 word, or in microMIPS mode the instruction as BadInstr holds it
 * (a 16-bit one in bits 15:0, a 32-bit one with its first halfword in
 * bits 31:16). */
uint32_t mmu_peek_insn(struct machine *m, uint32_t va);
/* Host memory behind physical address pa (RAM, flash), or NULL. */
uint8_t *mmu_host(struct machine *m, uint32_t pa);
/* Forget cached translations (mode, ASID or TLB changed). */
void mmu_flush(struct machine *m);
/* Recompute the mode key; flush if it changed. */
void mmu_mode_changed(struct machine *m);
/* The shared TLB (docs/simulator-vz.md section 4). An owner is root's own
 * entries (guest = false, gid 0), root's entries for a guest's second stage
 * (guest = false, gid = GuestID) or a guest's own (guest = true). */
struct tlb_owner {
	bool guest;
	unsigned gid;
};
void tlb_reset(struct machine *m);
/* Who the running context's lookups, TLBP and TLBW* are for; root TLB
 * instructions (guest = false) and TLBG* (guest = true) with GuestCtl1.RID. */
struct tlb_owner tlb_running_owner(const struct cpu *c);
struct tlb_owner tlb_rid_owner(const struct cpu *c, bool guest);
/* Index of the entry of owner o matching va/asid, or -1. */
int tlb_lookup(const struct cpu *c, uint32_t va, uint32_t asid, struct tlb_owner o);
/* TLBP/TLBR/TLBW on the registers r (a CP0 context, running or not):
 * read returns the entry's GuestID (-1: index outside r's part); write
 * returns false when it would duplicate a match (Machine Check, not written). */
void tlb_probe_ctx(struct machine *m, struct cp0 *r, struct tlb_owner o);
int tlb_read_ctx(struct machine *m, struct cp0 *r);
bool tlb_write_ctx(struct machine *m, struct cp0 *r, unsigned i, struct tlb_owner o);
uint32_t tlb_random_of(const struct machine *m, const struct cp0 *r);
/* The running context's instructions. */
void tlb_probe(struct machine *m);
void tlb_read(struct machine *m);
void tlb_write(struct machine *m, unsigned index);
uint32_t tlb_random(struct machine *m);
/* Machine Check for a duplicate TLB write: Status.TS, ExcCode 24. */
void tlb_machine_check(struct machine *m);
/* TLBINV family: present only with Config4.IE >= 2 (not on the M5150). */
bool tlb_inv_present(const struct cpu *c);
void tlb_invalidate(struct machine *m, struct tlb_owner o, bool all, uint32_t asid);

/* Fast data access (hits in the dtlb), else slow path. */
static inline bool mem_load(struct machine *m, uint32_t va, unsigned size, uint32_t *val)
{
	struct dtlb_entry *e = &m->cpu.dtlb[(va >> 12) & (CPU_DTLB_SIZE - 1)];
	if (likely(e->tag_r == (va & ~0xFFFu))) {
		if (CACHE_MODEL) {
			unsigned st = e->dstate[(va & 0xFFFu) >> 4];
			if (unlikely(!(st & DS_RD))) {
				if (!cache_dtlb_miss(m, e, va, false))
					return mem_load_slow(m, va, size, val);
			} else {
				DSTAMP(&m->cpu, va, st) = m->cycle;
			}
		}
		const uint8_t *p = e->host + (va & 0xFFFu);
		switch (size) {
		case 1: *val = *p; break;
		case 2: { uint16_t h; memcpy(&h, p, 2); *val = h; break; }
		default: memcpy(val, p, 4); break;
		}
		return true;
	}
	return mem_load_slow(m, va, size, val);
}

static inline bool mem_store(struct machine *m, uint32_t va, unsigned size, uint32_t val)
{
	struct dtlb_entry *e = &m->cpu.dtlb[(va >> 12) & (CPU_DTLB_SIZE - 1)];
	if (likely(e->tag_w == (va & ~0xFFFu))) {
		if (CACHE_MODEL) {
			unsigned st = e->dstate[(va & 0xFFFu) >> 4];
			if (unlikely(!(st & DS_WR))) {
				if (!cache_dtlb_miss(m, e, va, true))
					return mem_store_slow(m, va, size, val);
			} else {
				DSTAMP(&m->cpu, va, st) = m->cycle;
			}
		}
		uint32_t off = va & 0xFFFu;
		uint8_t *p = e->host + off;
		switch (size) {
		case 1: *p = (uint8_t)val; break;
		case 2: { uint16_t h = (uint16_t)val; memcpy(p, &h, 2); break; }
		default: memcpy(p, &val, 4); break;
		}
		decode_invalidate(e->dec + (off >> 2));
		return true;
	}
	return mem_store_slow(m, va, size, val);
}

/* ---- exception.c ------------------------------------------------------ */
#define EXF_BADVADDR  0x1u   /* write BadVAddr (and Context/EntryHi for TLB) */
#define EXF_TLB       0x2u   /* TLB exception: also Context.BadVPN2, EntryHi.VPN2 */
#define EXF_REFILL    0x4u   /* TLB refill: vector offset 0 when EXL = 0 */
#define EXF_BADINSTR  0x8u   /* write BadInstr/BadInstrP */
#define EXF_INTERRUPT 0x10u  /* interrupt: EIC vector, IPL, EICSS */
/* VZ, in guest mode: the exception goes to root (an exit), optionally with a
 * GuestCtl0.GExcCode. Without EXF_ROOT it goes to the guest (vz.c decides
 * the few codes that are root's by nature). */
#define EXF_ROOT      0x20u
#define EXF_GEXC      0x40u  /* GExcCode valid: bits 12:8 */
#define EXF_GEXC_CODE(g) (EXF_ROOT | EXF_GEXC | (unsigned)(g) << 8)
/* Take an exception for the instruction at pc (in a delay slot if in_ds). */
void cpu_exception_entry(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
			 unsigned flags, uint32_t badvaddr, unsigned ce);
void cpu_exception_entry_ctx(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
			     unsigned flags, uint32_t badvaddr, unsigned ce, const uint32_t *bi);
/* Address of the executing instruction. */
static inline uint32_t cpu_cur_pc(const struct cpu *c) { return c->pc - c->isz; }
/* Exception caused by the executing instruction (at cpu_cur_pc). */
void cpu_raise(struct machine *m, unsigned code);
void cpu_raise_ce(struct machine *m, unsigned code, unsigned ce);
void cpu_raise_addr(struct machine *m, unsigned code, uint32_t va);
/* Interrupt logic: evaluate and take a pending interrupt (EIC mode). */
bool cpu_interrupt_pending(struct machine *m, bool ignore_ie);
void cpu_check_interrupts(struct machine *m);
/* Something changed that may unmask an interrupt: check before the next insn. */
static inline void cpu_request_irq_check(struct machine *m)
{
	m->cpu.irq_check = true;
	m->cpu.limit = 0;
}
/* Switch the live register file to shadow set css. */
void cpu_set_css(struct machine *m, unsigned css);
/* Jump to an address computed from a register (JR/JALR/ERET): bit 0
 * selects the ISA mode (cpu_set_isa). */
void cpu_jump(struct machine *m, uint32_t target);
/* Enter MIPS32 (mm = false) or microMIPS mode; ends the burst on a change
 * (the loops are per ISA). */
void cpu_set_isa(struct machine *m, bool mm);
void cpu_eret(struct machine *m);

/* The context registers of root and guest wherever they are now. */
static inline struct cp0 *root_cp0(struct cpu *c) { return c->guest ? &c->other : &c->cp0; }
static inline struct cp0 *guest_cp0(struct cpu *c) { return c->guest ? &c->cp0 : &c->other; }

/* ---- vz.c ------------------------------------------------------------- */
void vz_init(struct machine *m);
void vz_free(struct machine *m);
void vz_reset(struct machine *m);
/* Root state changed (Status, GuestCtl0, ERET): enter guest mode if the VZ
 * conditions now hold. Root mode only. */
void vz_update_mode(struct machine *m);
/* cpu_exception_entry in guest mode: route to the guest or exit to root. */
void vz_exception(struct machine *m, unsigned code, uint32_t pc, bool in_ds,
		  unsigned flags, uint32_t badvaddr, unsigned ce);
/* Second stage (guest mode): x->pa is a GPA on entry, the real address on
 * return 0; else a fault code | XL_ROOT. */
unsigned vz_translate_gpa(struct machine *m, enum access acc, struct xlate *x);
/* Guest interrupt through GuestCtl2: pending now? take it. */
bool vz_guest_irq_pending(struct machine *m);
void vz_take_guest_irq(struct machine *m);
/* Exit for the executing instruction with a GExcCode (GPSI, GSFC, HC). */
void vz_exit_insn(struct machine *m, unsigned gexc);
/* Guest CP0 instruction checks; true = allowed (else the exit is taken). */
bool vz_guest_mfc0_ok(struct machine *m, unsigned reg, unsigned sel);
bool vz_guest_mtc0_ok(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
bool vz_guest_privop_ok(struct machine *m, unsigned op);
/* Guest FPU use: root Status.CU1 (else root CpU, CE = 1). */
bool vz_guest_cu1_ok(struct machine *m);
/* Guest DSP use: root Status.MX (else root DSP State Disabled, ExcCode 26). */
bool vz_guest_mx_ok(struct machine *m);
/* Root side. */
uint32_t vz_root_read(struct machine *m, unsigned reg, unsigned sel);
void vz_root_write(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
uint32_t vz_mfgc0(struct machine *m, unsigned reg, unsigned sel);
void vz_mtgc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
void vz_tlbg(struct machine *m, unsigned fn);
/* Guest Count/Compare. */
void vz_guest_timer_reschedule(struct machine *m);
void vz_guest_count_write(struct machine *m, uint32_t v);

/* ---- cp0.c ------------------------------------------------------------ */
void cp0_reset(struct machine *m, struct cp0 *cp);
uint32_t cp0_read(struct machine *m, unsigned reg, unsigned sel);
void cp0_write(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
uint32_t cp0_count(struct machine *m);       /* the running context's Count */
uint32_t cp0_root_count(struct machine *m);
void cp0_timer_reschedule(struct machine *m);
/* Drive the core interrupt lines (TI, IP0, IP1) into the EVIC. */
void cp0_update_core_irqs(struct machine *m);
/* Privilege: kernel mode, or CU0 set. */
static inline bool cp0_usable(const struct cpu *c)
{
	uint32_t s = c->cp0.status;
	return (s & (ST_EXL | ST_ERL | ST_CU0)) || !(s & ST_KSU);
}
static inline bool cpu_kernel_mode(const struct cpu *c)
{
	uint32_t s = c->cp0.status;
	return (s & (ST_EXL | ST_ERL)) || !(s & ST_KSU);
}

/* Coprocessor 1 usable: Status.CU1 of the running context, and in guest mode
 * root's too (else a root CpU exit, CE = 1). False = exception taken. */
static inline bool cpu_cu1_usable(struct machine *m)
{
	if (unlikely(m->cpu.hz.exec))
		hazard_cu1_use(m);
	if (unlikely(!(m->cpu.cp0.status & ST_CU1))) {
		cpu_raise_ce(m, EXC_CPU, 1);
		return false;
	}
	return likely(!m->cpu.guest) || vz_guest_cu1_ok(m);
}

/* ---- execution helpers ----------------------------------------------- */
void cpu_trace_insn(struct machine *m, uint32_t pc, const struct insn *d);

/* ---- cpu_micromips.c / decode_micromips.c ------------------------------ */
/* Run microMIPS code until the burst limit or a switch to MIPS32. */
void mm_run_burst(struct machine *m);
/* The delay slot of the executing microMIPS branch (cpu_exec_delay_slot);
 * flags: the branch's INSN_F_MM_SLOT16/32 (the slot size it requires). */
bool mm_exec_delay_slot(struct machine *m, unsigned flags);
void mm_init(struct machine *m);
void mm_free(struct machine *m);
/* Decode a microMIPS instruction: hw0 its first halfword, hw1 the second
 * (32-bit ones). Returns the mnemonic; d->raw gets the MIPS32 word the
 * shared handlers read, or the microMIPS bits for microMIPS-only ones. */
const char *mm_decode(uint32_t hw0, uint32_t hw1, struct insn *d);
/* A microMIPS instruction is 16 bits long if its major opcode says so. */
static inline bool mm_is16(uint32_t hw0) { unsigned x = (hw0 >> 10) & 7; return x >= 1 && x <= 3; }

/* Execute the delay slot of the branch that is executing (at cpu_cur_pc);
 * false if the slot took an exception (the branch must then not redirect).
 * Inline so that every branch handler has its own dispatch site. */
static inline bool cpu_exec_delay_slot(struct machine *m)
{
	struct cpu *c = &m->cpu;
	uint32_t slot = c->pc, off = slot - c->fetch_base;
	uint32_t seq = c->exc_seq;
	const struct insn *d;
	if (unlikely(c->mm))
		return mm_exec_delay_slot(m, 0);
	c->pc = slot + 4;
	c->in_ds = true;
	if (likely(off < c->fetch_size))
		d = c->fetch_dec + (off >> 2);
	else if (!(d = mmu_fetch_slow(m, slot)))
		return false;
	if (unlikely(m->opt.trace != NULL) && m->cycle >= m->opt.trace_after)
		cpu_trace_insn(m, slot, d);
	m->cycle += d->cycles;
	cpu_fetch_charge(m, d);
	m->insns++;
	insn_handlers[d->id](m, d);
	c->in_ds = false;
	return c->exc_seq == seq;
}

#endif
