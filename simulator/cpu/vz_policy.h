/* SPDX-License-Identifier: Apache-2.0 */
/* vz_policy.h - the VZ module's decisions as pure functions.
 *
 * Everything here answers a question about the MIPS VZ module (hardware.md
 * section 2, decisions in docs/simulator-vz.md) from register values alone:
 * no machine, no core state. The core asks these on its slow paths (guest CP0
 * instructions, GuestCtl writes, guest reset); the unit tests in tests/vz/
 * pin every answer.
 */
#ifndef VZSIM_VZ_POLICY_H
#define VZSIM_VZ_POLICY_H

#include <stdbool.h>
#include <stdint.h>

/* ---- Root VZ registers ---------------------------------------------------- */
/* GuestCtl0 (12,6) */
#define VZ_GC0_GM        0x80000000u  /* guest mode (with root EXL = ERL = DM = 0) */
#define VZ_GC0_RI        0x40000000u  /* guest reserved instruction -> root GRR */
#define VZ_GC0_MC        0x20000000u  /* mode-change field-change exits */
#define VZ_GC0_CP0       0x10000000u  /* guest may use its CP0 at all */
#define VZ_GC0_AT_SHIFT  26           /* address translation: 3 = guest MMU (ro) */
#define VZ_GC0_AT        0x0C000000u
#define VZ_GC0_GT        0x02000000u  /* guest timer (Count/Compare) access */
#define VZ_GC0_CG        0x01000000u  /* guest CACHE instructions */
#define VZ_GC0_CF        0x00800000u  /* guest writes to Config0-5 */
#define VZ_GC0_G1        0x00400000u  /* ro: GuestCtl1 present */
#define VZ_GC0_G0E       0x00080000u  /* ro: GuestCtl0Ext present */
#define VZ_GC0_PT        0x00040000u  /* ro: pass-through (non-EIC), 0 here */
#define VZ_GC0_PIP_SHIFT 10
#define VZ_GC0_PIP       0x0003FC00u  /* pending interrupt pass-through (non-EIC) */
#define VZ_GC0_RAD       0x00000200u  /* ro 0 */
#define VZ_GC0_DRG       0x00000100u  /* ro 0 */
#define VZ_GC0_G2        0x00000080u  /* ro: GuestCtl2 present */
#define VZ_GC0_GEXC_SHIFT 2
#define VZ_GC0_GEXC      0x0000007Cu  /* GExcCode, written by hardware */
#define VZ_GC0_SFC2      0x00000002u
#define VZ_GC0_SFC1      0x00000001u

/* GuestCtl0Ext (11,4) */
#define VZ_GC0X_NCC      0x000000C0u
#define VZ_GC0X_CGI      0x00000010u  /* with CG: index CACHE ops allowed too */
#define VZ_GC0X_FCD      0x00000008u  /* field-change detection limited */
#define VZ_GC0X_OG       0x00000004u  /* ro 0 on M5150 */
#define VZ_GC0X_BG       0x00000002u  /* ro 0 on M5150 */
#define VZ_GC0X_MG       0x00000001u  /* ro 0 on M5150 */

/* GuestCtl1 (10,4) */
#define VZ_GC1_ID        0x000000FFu
#define VZ_GC1_RID_SHIFT 16
#define VZ_GC1_RID       0x00FF0000u
#define VZ_GC1_EID_SHIFT 24
#define VZ_GC1_EID       0xFF000000u

/* GuestCtl2 (10,5), EIC mode */
#define VZ_GC2_GRIPL_SHIFT  24
#define VZ_GC2_GRIPL        0x3F000000u
#define VZ_GC2_GEICSS_SHIFT 18
#define VZ_GC2_GEICSS       0x003C0000u
#define VZ_GC2_GVEC         0x0000FFFFu

/* GuestCtl3 (10,6) */
#define VZ_GC3_GLSS      0x0000000Fu

/* GExcCode values */
enum vz_gexc {
	VZ_GEXC_GPSI = 0,
	VZ_GEXC_GSFC = 1,
	VZ_GEXC_HC = 2,
	VZ_GEXC_GRR = 3,
	VZ_GEXC_GVA = 8,
	VZ_GEXC_GHFC = 9,
	VZ_GEXC_GPA = 10,
};

#define VZ_EXCCODE_GE    27           /* root Cause.ExcCode of a guest exit */

/* Register numbers packed as reg*8 + sel. */
#define VZ_CP0(reg, sel) ((unsigned)(reg) * 8u + (unsigned)(sel))

/* ---- Guest CP0 access decisions ------------------------------------------- */
enum vz_verdict {
	VZ_EXEC = 0,    /* runs on the guest CP0 context, no exit */
	VZ_GPSI,        /* root exit, GExcCode GPSI, before the instruction */
	VZ_GSFC,        /* root exit, GExcCode GSFC, before the write */
};

/* Guest-kernel MFC0 rt, reg, sel. */
enum vz_verdict vz_policy_mfc0(unsigned reg, unsigned sel, uint32_t gctl0,
			       uint32_t gctl0ext);
/* Guest-kernel MTC0 of `val` to a register whose current guest value is
 * `old`. GSFC when a changed bit lies in vz_policy_gsfc_mask(). */
enum vz_verdict vz_policy_mtc0(unsigned reg, unsigned sel, uint32_t gctl0,
			       uint32_t gctl0ext, uint32_t old, uint32_t val);
/* The guest-writable bits whose change raises GSFC under these controls. */
uint32_t vz_policy_gsfc_mask(unsigned reg, unsigned sel, uint32_t gctl0,
			     uint32_t gctl0ext);

/* Other guest-kernel privileged instructions. */
enum vz_privop {
	VZ_OP_TLB,      /* TLBR/TLBWI/TLBWR/TLBP (guest TLB) */
	VZ_OP_ERET,
	VZ_OP_DEIE,     /* DI/EI */
	VZ_OP_WAIT,
	VZ_OP_SRSGPR,   /* RDPGPR/WRPGPR */
	VZ_OP_DERET,
};
enum vz_verdict vz_policy_privop(enum vz_privop op, uint32_t gctl0);
/* CACHE with op field `op` (bits 20:16 of the instruction), guest kernel. */
enum vz_verdict vz_policy_cache(unsigned op, uint32_t gctl0, uint32_t gctl0ext);
/* RDHWR rd in guest mode (after the guest's own HWREna check). */
enum vz_verdict vz_policy_rdhwr(unsigned rd, uint32_t gctl0);

/* GHFC after the guest took an exception (EXL 0 -> 1 by hardware).
 * irq_accepted: it was the acceptance of a GuestCtl2 interrupt (which clears
 * GRIPL, a root-visible field). */
bool vz_policy_ghfc(uint32_t gctl0, uint32_t gctl0ext, bool irq_accepted);

/* ---- Guest CP0 context ----------------------------------------------------- */
/* Registers that exist in the guest context (MFGC0/MTGC0 reach them; others
 * read 0 and ignore writes). */
bool vz_policy_guest_has(unsigned reg, unsigned sel);
/* Bits a guest MTC0 may change (when it executes). */
uint32_t vz_policy_guest_wmask(unsigned reg, unsigned sel);
/* Bits root MTGC0 may change. */
uint32_t vz_policy_root_wmask(unsigned reg, unsigned sel);
/* Guest context value at reset. */
uint32_t vz_policy_guest_reset(unsigned reg, unsigned sel);

/* Guest Config1.MMUSize + 1 = guest TLB entries, guest index i = shared
 * TLB entry i. The hardware accepts MMUSize up to this (15 entries), so
 * root always keeps entry 15 [4]. */
#define VZ_GUEST_MMUSIZE_MAX 14u
#define VZ_GUEST_TLB_MAX (VZ_GUEST_MMUSIZE_MAX + 1)

/* ---- Root VZ register writes (apply read-only fields) -------------------- */
uint32_t vz_policy_gctl0_reset(void);
uint32_t vz_policy_gctl0_write(uint32_t old, uint32_t val);
uint32_t vz_policy_gctl0ext_write(uint32_t old, uint32_t val);
uint32_t vz_policy_gctl1_write(uint32_t old, uint32_t val);
uint32_t vz_policy_gctl2_write(uint32_t old, uint32_t val);
uint32_t vz_policy_gctl3_write(uint32_t old, uint32_t val);

/* Exception vector offset for a guest interrupt in EIC mode, given the guest
 * Cause.IV, IntCtl.VS and GuestCtl2.GVEC (guest BEV handled by the caller). */
uint32_t vz_policy_guest_irq_offset(bool iv, unsigned vs, uint32_t gctl2);

/* Does a GuestCtl2 interrupt request get taken now? */
bool vz_policy_guest_irq_pending(uint32_t gctl2, uint32_t gstatus);

#endif
