/* SPDX-License-Identifier: Apache-2.0 */
/* vzt.h - root-side helpers for the VZ target tests (tests/vz/).
 *
 * A test program is root code (tests/lib start-up, BEV vectors). It maps the
 * guest's physical address space with root TLB entries tagged by GuestID,
 * sets GuestCtl0 and guest CP0, then calls vzt_run_guest(): that ERETs into
 * guest mode and returns once the guest is done (HYPCALL 0) or an exit the
 * test did not expect stops it. Guest code is ordinary C in the same image:
 * the identity mapping (vzt_map_identity) makes every address mean the same
 * in root and guest, so guests may use globals, the stack and CHECK().
 *
 * Every exit to root is logged in vzt_exits[]; guest-side exceptions are
 * logged by the guest vectors (vzt_asm.S) in vzt_g.
 *
 * Inline-asm snippets that exit end with a NOP: otherwise GCC/gas may move
 * their last instruction into a branch delay slot, and "resume at EPC + 4"
 * would then be wrong (EPC would be the branch).
 */
#ifndef VZT_H
#define VZT_H

#include <stdint.h>

#include "test.h"

/* ---- CP0 access ------------------------------------------------------------ */
#define VZT_STR_(x) #x
#define VZT_STR(x) VZT_STR_(x)
#define MFC0(reg, sel) ({ uint32_t v_; __asm__ volatile("mfc0 %0, $" VZT_STR(reg) ", " VZT_STR(sel) : "=r"(v_)); v_; })
#define MTC0(reg, sel, v) __asm__ volatile("mtc0 %z0, $" VZT_STR(reg) ", " VZT_STR(sel) "\n\tehb" :: "Jr"((uint32_t)(v)) : "memory")
#define MFGC0(reg, sel) ({ uint32_t v_; __asm__ volatile("mfgc0 %0, $" VZT_STR(reg) ", " VZT_STR(sel) : "=r"(v_)); v_; })
#define MTGC0(reg, sel, v) __asm__ volatile("mtgc0 %z0, $" VZT_STR(reg) ", " VZT_STR(sel) "\n\tehb" :: "Jr"((uint32_t)(v)) : "memory")
#define HYPCALL(code) __asm__ volatile("hypcall " VZT_STR(code) ::: "memory")
#define EHB() __asm__ volatile("ehb" ::: "memory")

/* Root VZ registers */
#define GC0_GM   0x80000000u
#define GC0_RI   0x40000000u
#define GC0_MC   0x20000000u
#define GC0_CP0  0x10000000u
#define GC0_GT   0x02000000u
#define GC0_CG   0x01000000u
#define GC0_CF   0x00800000u
#define GC0_SFC2 0x00000002u
#define GC0_SFC1 0x00000001u
#define GC0_RO_M5150 0x0C480080u   /* AT = 3, G1, G0E, G2 */
#define GC0X_CGI 0x10u
#define GC0X_FCD 0x08u

#define GEXC_GPSI 0
#define GEXC_GSFC 1
#define GEXC_HC   2
#define GEXC_GRR  3
#define GEXC_GVA  8
#define GEXC_GHFC 9
#define GEXC_GPA  10

#define EXC_INT  0
#define EXC_MOD  1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_DBE  7
#define EXC_SYS  8
#define EXC_RI   10
#define EXC_CPU  11
#define EXC_GE   27

#define ST_IE  0x00000001u
#define ST_EXL 0x00000002u
#define ST_ERL 0x00000004u
#define ST_BEV 0x00400000u
#define ST_CU0 0x10000000u
#define ST_CU1 0x20000000u
#define CA_BD  0x80000000u

/* EntryLo flags */
#define EL_G 1u
#define EL_V 2u
#define EL_D 4u
#define EL_UNCACHED (2u << 3)
#define EL_VDG (EL_V | EL_D | EL_G | EL_UNCACHED)

/* ---- Exits to root --------------------------------------------------------- */
struct vzt_exit {
	uint32_t cause, epc, status, badvaddr;
	uint32_t gctl0, badinstr, badinstrp, srsctl;
	uint32_t entryhi, vector;
};
#define VZT_MAX_EXITS 32
extern volatile unsigned vzt_nexits;
extern struct vzt_exit vzt_exits[VZT_MAX_EXITS];
#define VZT_EXCCODE(e) (((e)->cause >> 2) & 0x1F)
#define VZT_GEXCCODE(e) (((e)->gctl0 >> 2) & 0x1F)
/* The last exit logged (or a zero record if none). */
const struct vzt_exit *vzt_last(void);

/* What the root handler does after an exit. */
enum vzt_action {
	VZT_DEFAULT = 0,  /* the standard policy below */
	VZT_RESUME,       /* ERET back into the guest at f->epc */
	VZT_STOP,         /* leave the guest: vzt_run_guest() returns */
};
/* Optional per-test hook, called first for every exit. The standard policy:
 * HYPCALL 0 stops; other HYPCALLs, GPSI, GSFC and GRR skip the instruction
 * (EPC + 4) and resume; GHFC resumes; anything else stops. */
extern enum vzt_action (*vzt_hook)(struct test_exc_frame *f, const struct vzt_exit *e);

/* ---- Guest set-up and entry ----------------------------------------------- */
/* The TLB is shared by root and guest (docs/simulator-vz.md section 4):
 * the tests give the guest entries 0..VZT_GUEST_PART-1 (guest
 * Config1.MMUSize = VZT_GUEST_PART - 1, root Wired = VZT_GUEST_PART) and
 * root's mappings the entries above. */
#define VZT_GUEST_PART 4u
#define VZT_ROOT_SLOT(index) (VZT_GUEST_PART + (index))
/* Root TLB entry VZT_ROOT_SLOT(index) for GuestID `gid`: the pair of pages
 * of size `page` (4 KB..256 MB, a power of 4) at guest physical `gpa` maps
 * to real physical rpa0/rpa1 with EntryLo flags (e.g. EL_VDG). */
void vzt_root_map(unsigned index, unsigned gid, uint32_t gpa, uint32_t page,
		  uint32_t rpa0, uint32_t rpa1, uint32_t flags);
/* Invalidate every TLB entry and set up the partition above. */
void vzt_root_tlb_clear(void);
/* Invalidate the guest part with TLBGWI (no TLBGINVF on the M5150). */
void vzt_guest_tlb_clear(void);
/* Root-mode exceptions a test provokes on purpose: while vzt_root_catch is
 * set, an exception outside guest mode is logged here and skipped (EPC + 4)
 * instead of failing the test. */
extern volatile uint32_t vzt_root_catch, vzt_root_cause, vzt_root_status;
/* Map, for GuestID gid, RAM (GPA 0..512 KB) and boot flash (GPA 0x1FC00000,
 * 128 KB) onto themselves, using root TLB entries first_index, first_index+1. */
void vzt_map_identity(unsigned first_index, unsigned gid);
/* Guest CP0 into a known state: guest Status = CU0 (kernel, BEV = 0, no
 * EXL/ERL), guest EBase = the test's guest vectors, Cause = 0. */
void vzt_guest_reset(void);

/* Run guest code: entry(arg) in guest mode with GuestCtl0 = gctl0 (GM is
 * added) and GuestCtl1.ID = gid. Returns the guest's a0 at HYPCALL 0 (when
 * the guest runs in the root's register set), else 0. root_status_ie = 1
 * leaves root interrupts enabled while the guest runs. */
uint32_t vzt_run_guest(void (*entry)(uint32_t), uint32_t arg, uint32_t gctl0,
		       unsigned gid, int root_status_ie);
/* Guest side: leave the guest (HYPCALL 0) with a value. */
void vzt_guest_exit(uint32_t value) __attribute__((noreturn));

/* ---- Guest-side exception log (written by the guest vectors) -------------- */
struct vzt_guest_log {
	uint32_t count, cause, epc, badvaddr, status, entryhi;  /* general vector */
	uint32_t resume;        /* if non-zero: guest handler resumes here, else EPC + 4 */
	uint32_t irq_count, irq_cause, irq_epc, irq_status, irq_vector; /* interrupts */
	uint32_t refill_count, refill_badvaddr, refill_entryhi;        /* TLB refill */
	uint32_t refill_lo0, refill_lo1;  /* what the refill handler writes (TLBWR) */
};
extern volatile struct vzt_guest_log vzt_g;
/* Guest EBase: 4 KB aligned block in boot flash with the vectors. */
extern char vzt_guest_vectors[];
#define VZT_GVEC_IRQ_OFFSET 0x400   /* vectored interrupt entry inside the block */

/* Root exception vectors with BEV = 0 (for tests of shadow sets): a 4 KB
 * block whose general/interrupt vectors join the tests/lib exception path. */
extern char vzt_root_vectors[];

/* Guest stack (4 KB; vzt_run_guest starts the guest at its top). */
extern uint32_t vzt_guest_stack[1024];

#endif
