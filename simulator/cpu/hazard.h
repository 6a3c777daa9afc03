/* SPDX-License-Identifier: Apache-2.0 */
/* hazard.h - the CP0 hazard checker (hazard.c; rule table in
 * docs/simulator-cpu.md, "CP0 hazards").
 *
 * A CP0 (or guest CP0) write that changes state is an execution hazard until
 * EHB, and - when it changes address translation - an instruction hazard
 * until JR.HB, JALR.HB, ERET or an exception. The checker keeps what was
 * written since the last barrier and checks only the instructions that
 * consume that state; the run loop's in-place paths never see it (every
 * write that changes translation flushes the translation caches, so the
 * consuming access takes a slow path where the check sits).
 *
 * Included by cpu.h after struct tlb_entry (struct cpu embeds the state). */
#ifndef VZSIM_HAZARD_H
#define VZSIM_HAZARD_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct xlate;

/* Tracked "registers": CP0 reg << 3 | sel, plus the TLB entries. */
#define HZ_SLOT(reg, sel) ((unsigned)(reg) << 3 | (unsigned)(sel))
#define HZ_TLB 256u
#define HZ_SLOTS 264u
#define HZ_WORDS (HZ_SLOTS / 32 + 1)

/* What translation depends on in one CP0 context, as it was at a barrier. */
struct hazard_snap {
	bool valid;
	uint32_t writer;          /* pc of the last translation change since */
	uint32_t status, entryhi, config0, pagegrain;
	struct tlb_entry tlb[CPU_TLB_MAX];
};

/* Per CP0 context: 0 = the running one, 1 = the other (root's MTGC0). Every
 * switch between them is an ERET or an exception, which clears all. */
struct hazard_ctx {
	uint32_t written[HZ_WORDS]; /* slots changed since the last EHB */
	uint32_t pc[HZ_SLOTS];      /* ... by the instruction at */
};

struct hazard {
	bool exec;                  /* some slot is written (fast test) */
	struct hazard_ctx ctx[2];
	struct hazard_snap data;    /* translation at the last EHB or barrier */
	struct hazard_snap fetch;   /* translation at the last JR.HB/ERET/exception */
	uint32_t gepc_pc;           /* guest EPC/NestedEPC MTGC0 since EHB (erratum) */
	uint8_t gepc_slot;          /* its sel (0 EPC, 2 NestedEPC), 0xFF none */
	uint32_t status_before;     /* Status at the last EHB, while it is written */
	bool sw_irq_raised;         /* an MTC0 Cause since EHB set IP0 or IP1 */
	unsigned tlb_fresh;         /* snapshots taken by hazard_tlb_begin */
	/* TLB instruction in progress (hazard_tlb_begin/end). */
	uint32_t tlb_regs[2][5];
	struct tlb_entry tlb_before[CPU_TLB_MAX];    /* the shared TLB */
	uint32_t gctl1_before;
};

/* Hooks (hazard.c). The writers replace the plain register write. */
void hazard_reset(struct machine *m);
void hazard_mtc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
void hazard_mtgc0(struct machine *m, unsigned reg, unsigned sel, uint32_t v);
void hazard_status_op(struct machine *m, uint32_t old_status); /* DI/EI changed Status */
void hazard_mfc0(struct machine *m, unsigned ctx, unsigned reg, unsigned sel);
/* TLB instructions: ctx 0 = TLBP/TLBR/TLBWI/TLBWR, 1 = TLBG* (fn = the
 * instruction's function field). */
void hazard_tlb_begin(struct machine *m, unsigned ctx, unsigned fn);
void hazard_tlb_end(struct machine *m, unsigned ctx);
void hazard_eret(struct machine *m);
void hazard_srs_use(struct machine *m);          /* RDPGPR/WRPGPR */
void hazard_cu1_use(struct machine *m);          /* COP1 instructions */
void hazard_cp0_use(struct machine *m);          /* CP0 instructions: usable (CU0, mode) */
void hazard_mx_use(struct machine *m);           /* DSP instructions (Status.MX) */
void hazard_ehb(struct machine *m);
void hazard_barrier(struct machine *m);          /* JR.HB/JALR.HB after the slot */
void hazard_exception(struct machine *m, bool check); /* exception entry */
/* Data access or fetch (acc: enum access) at va: f and x are what
 * mmu_translate returned. Call only while the snapshot (data or fetch) is
 * valid. */
void hazard_access(struct machine *m, uint32_t va, unsigned acc, unsigned f,
		   const struct xlate *x);
/* Before taking (or not) a root interrupt while Status changes are pending. */
void hazard_irq(struct machine *m);

#endif
