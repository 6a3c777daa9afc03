/* SPDX-License-Identifier: Apache-2.0 */
/* cpu.h - state of the M5150 core: registers, CP0 contexts, TLB, and the
 * per-memory predecoded instruction arrays the run loop executes from.
 *
 * struct cp0 holds one CP0 context with its TLB. struct cpu holds two: the
 * running one (cp0) and the other one (VZ: the guest context while root
 * runs, the root context while a guest runs; see vz.c).
 */
#ifndef VZSIM_CPU_H
#define VZSIM_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "cache.h"
#include "dsp.h"
#include "fpu.h"

struct machine;
struct insn;
struct mm_memo;

/* One predecoded instruction: handler number plus the fields it needs.
 * 16 bytes, so that the run loop finds an entry with a shift. */
typedef void (*insn_fn)(struct machine *m, const struct insn *d);
struct insn {
	uint32_t imm;     /* immediate, already sign/zero-extended or shifted */
	uint32_t raw;     /* the instruction word */
	uint8_t rs, rt;   /* source registers */
	uint8_t rd;       /* destination register; 0 is mapped to CPU_REG_SINK */
	uint8_t sa;       /* shift amount / sel / extra field */
	uint8_t cycles;   /* static cost in core cycles (1, +1 load-use, EHB 3) */
	uint8_t id;       /* handler number (enum insn_id, insns.h): the run
			   * loop's threaded dispatch, insn_handlers[id] otherwise */
	uint8_t flags;    /* INSN_F_* */
	uint8_t held;     /* the handler number while id is INSN_ID_icheck */
};
_Static_assert(sizeof(struct insn) == 16, "predecode entry size");

/* Branch or jump whose delay slot (the next word, in the same 4 KB page) is
 * a NOP: the run loop charges the slot without dispatching it. Valid
 * because a change of the next word invalidates this entry too
 * (decode_invalidate). */
#define INSN_F_SLOT_NOP 0x01
/* microMIPS entries (decode_micromips.c): a load (for the load-use
 * interlock, charged by the microMIPS loop), and the delay slot a branch
 * requires (JALS/JALRS: 16 bits, JAL/JALR/BxxZAL/JALX: 32 bits). */
#define INSN_F_MM_LOAD   0x02
#define INSN_F_MM_SLOT16 0x04
#define INSN_F_MM_SLOT32 0x08

#define CPU_FETCH_PAGE 0x1000u /* the fetch window: one 4 KB virtual page */
#define CPU_REG_SINK 32      /* writes to $zero land here and are never read */
#define CPU_SHADOW_SETS 8    /* normal set + 7 shadow sets (SRSCtl.HSS = 7) */
#define CPU_TLB_MAX 16

struct tlb_entry {
	uint32_t entryhi;    /* VPN2 | EHINV | ASID, as EntryHi */
	uint32_t pagemask;
	uint32_t entrylo[2]; /* RI | XI | PFN | C | D | V | G(as written) */
	bool g;              /* global: G bits of both EntryLo anded */
	bool guest;          /* VZ: a guest's entry (guest TLBWI/TLBWR, TLBGWI/TLBGWR) */
	uint8_t guestid;     /* VZ: GuestID tag; root's own entries have 0 */
};

#include "hazard.h" /* needs struct tlb_entry */

/* One CP0 context. Fields not listed read as 0 and ignore writes. */
struct cp0 {
	uint32_t index, entrylo0, entrylo1, context, userlocal;
	uint32_t pagemask, pagegrain, wired, hwrena;
	uint32_t badvaddr, badinstr, badinstrp;
	uint32_t entryhi, compare;
	uint32_t status, intctl, srsctl, srsmap, srsmap2;
	uint32_t cause, epc, nestedexc, nestedepc;
	uint32_t prid, ebase, config[8];
	uint32_t lladdr, errorepc, kscratch[2], desave;
	uint32_t watchlo, watchhi, debug, depc, perfctl[4], errctl, cacheerr;
	uint32_t taglo, datalo;
	/* Count = (cycle >> 1) + count_bias while Cause.DC = 0. */
	uint32_t count_bias, count_frozen;
	bool llbit;

	/* Entries of the shared TLB this context may index: 16 for root,
	 * guest Config1.MMUSize + 1 for the guest (docs/simulator-vz.md 4). */
	unsigned tlb_size;
};

/* Small direct-mapped cache of data translations (4 KB pages). Valid for the
 * current mode/ASID/TLB contents; flushed whenever one of those changes. */
#define CPU_DTLB_SIZE 256
/* Tag of an empty entry: never equal to a page address, even with the low
 * alignment bits of a misaligned address kept (the run loop's check). */
#define DTLB_NONE 0xFFFu
struct dtlb_entry {
	uint32_t tag_r;      /* va page readable through host, or DTLB_NONE */
	uint32_t tag_w;      /* va page writable (RAM only), or DTLB_NONE */
	uint8_t *host;       /* host address of the page */
	struct insn *dec;    /* predecode entries of the page (RAM) */
	/* D-cache state of the page's lines (DS_*, cache.h): all 0 for an
	 * uncached page. The entry is 32 bytes: the run loop indexes with a
	 * shift. */
	const uint8_t *dstate;
};
_Static_assert(sizeof(struct dtlb_entry) == 32, "dtlb entry size");

/* The D-cache line filter (cache.c), checked by the run loop before the
 * dtlb: a direct-mapped cache of lines (indexed by va bits 12:4) whose
 * D-cache state lets a load (tag_r) or a store (tag_w) through with
 * nothing but its LRU stamp. An entry follows one D-cache way and is
 * dropped whenever that way's state changes or the translations do. */
#define CPU_DLINE_SIZE 512
struct dline_entry {
	uint32_t tag_r;      /* va of the line (va & ~15), or DTLB_NONE */
	uint32_t tag_w;      /* the same for stores, or DTLB_NONE */
	uint8_t *host;       /* host bytes of the line */
	uint64_t pad;        /* to 32 bytes: the run loop indexes with a shift */
	struct insn *dec;    /* predecode entries of the line (stores) */
};
_Static_assert(sizeof(struct dline_entry) == 32, "dline entry size");

struct cpu {
	/* Hot state for the run loop. */
	uint32_t pc;             /* next instruction; while one executes, its address + 4 */
	uint64_t limit;          /* burst ends when m->cycle reaches this (0 = end now) */
	uint32_t fetch_base;     /* current fetch window (va) ... */
	uint32_t fetch_size;     /* ... its length (0 = none, else CPU_FETCH_PAGE) */
	struct insn *fetch_dec;  /* ... and its predecoded instructions */
	bool fetch_uncached;     /* ... fetched uncached (every fetch pays, cache.c) */
	uint32_t fetch_pa;       /* ... physical address of fetch_base */

	uint32_t r[33];          /* live GPRs of the current shadow set (+ sink) */
	uint32_t hi, lo;
	bool in_ds;              /* the executing instruction is in a delay slot */
	bool irq_check;          /* re-evaluate interrupts before the next instruction */
	bool waiting;            /* WAIT executed, no wake-up yet */
	uint32_t exc_seq;        /* bumped on every exception entry */
	/* ISA mode (cpu_micromips.c): microMIPS while mm (the ISA bit of the
	 * pc, kept out of pc). isz is the size of the executing instruction
	 * (pc - isz is its address), bsz that of the branch whose delay slot
	 * executes; both are 4 in MIPS32 mode. */
	bool mm;
	uint8_t isz, bsz;
	const uint8_t *fetch_host; /* host bytes of the fetch window (microMIPS) */
	struct mm_memo *mm_memo;   /* microMIPS decode cache (cpu_micromips.c) */

	struct dtlb_entry dtlb[CPU_DTLB_SIZE];
	uint32_t mode_key;       /* mode/ASID the dtlb was filled for */
	/* I-cache fast filter (cache.c): per set, the first predecode entry
	 * of its most recently used line, CACHE_FILTER_NONE if none. (The
	 * D-cache's is the per-line state behind each dtlb entry.) */
	uintptr_t ic_mru[ICACHE_SETS];
	struct dline_entry dline[CPU_DLINE_SIZE];
	uint8_t dline_slot[CPU_DLINE_SIZE]; /* the D way (set * 4 + way) each follows */
	/* LRU stamp of each entry's last access (cache.c folds it into the
	 * way's), 16 bytes apart at dline_stamps + (va & 0x1FF0): placed in
	 * dline_stamp_buf so that its address bits 11:0 are never those of
	 * the guest memory the access reads or writes (host RAM is
	 * page-aligned), else the host's store-to-load check stalls the
	 * access ("4K aliasing"). */
	uint8_t *dline_stamps;
	_Alignas(16) uint8_t dline_stamp_buf[CPU_DLINE_SIZE * 16 + 4096];

	struct cp0 cp0;          /* the running CP0 context (root or guest) */
	/* The one TLB, shared by root and guest: each entry says whose it is
	 * (guest flag, GuestID); mmu.c. */
	struct tlb_entry tlb[CPU_TLB_MAX];
	uint32_t srs[CPU_SHADOW_SETS][32]; /* saved shadow sets (not the current one) */

	/* EIC interface: what the EVIC currently requests. */
	unsigned eic_ripl, eic_eicss;
	uint32_t eic_voff;
	unsigned core_irq_lines;  /* last levels sent to soc_core_irq (bit per line) */

	struct fpu fpu;
	struct dsp dsp;           /* DSP ASE: DSPControl, ac1-ac3 (insn_dsp.c) */
	struct event *timer_ev;   /* compare-match event (allocated in cpu_init) */

	/* VZ module (vz.c, docs/simulator-vz.md). */
	bool guest;               /* guest mode: cp0 is the guest context */
	struct cp0 other;         /* the context that is not running */
	uint32_t gctl0, gctl0ext, gctl1, gctl2, gctl3, gtoffset; /* root VZ registers */
	uint32_t vz_gpa;          /* GPA of the last second-stage translation */
	unsigned vz_irq_ripl;     /* guest interrupt being taken: level ... */
	uint32_t vz_irq_voff;     /* ... and vector offset */
	struct event *gtimer_ev;  /* guest Compare match */

	/* Predecoded instructions, one per word of each memory. Each array has
	 * one spare entry in front so invalidating "the word before" is safe. */
	struct insn *dec_ram, *dec_pflash, *dec_boot1, *dec_boot2;

	struct hazard hz;         /* CP0 hazard checker (hazard.c), off the hot path */
	struct caches caches;     /* L1 caches and the flash prefetch module (cache.c) */
};

#endif
