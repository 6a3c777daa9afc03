/* SPDX-License-Identifier: Apache-2.0 */
/* vm.h - runtime state of one VM (the hypervisor's business only; the
 * configurator merely reserves storage for it with VZ_DEFINE_VM_STATE). */
#ifndef VZLET_VM_H
#define VZLET_VM_H

#include <stdint.h>
#include <vzlet/vm_config.h>
#include <vzlet/dbgring.h>

enum vz_vm_run_state {
	VM_STOPPED = 0,   /* not scheduled (console `s`, or never started) */
	VM_RUNNABLE,      /* in the round robin */
	VM_WAITING,       /* executed WAIT: off the CPU until an interrupt or its timer */
	VM_FAULTED,       /* stopped by an access or exception that cannot be emulated */
};

/* Guest CP0 registers saved while the VM is off the CPU (order = the save
 * sequence in arch/mips/guest_ctx.S). */
enum vz_gctx {
	GCTX_INDEX, GCTX_ENTRYLO0, GCTX_ENTRYLO1, GCTX_CONTEXT, GCTX_USERLOCAL,
	GCTX_PAGEMASK, GCTX_PAGEGRAIN, GCTX_WIRED, GCTX_HWRENA, GCTX_BADVADDR,
	GCTX_BADINSTR, GCTX_BADINSTRP, GCTX_ENTRYHI, GCTX_STATUS, GCTX_INTCTL,
	GCTX_CAUSE, GCTX_EPC, GCTX_NESTEDEPC, GCTX_EBASE, GCTX_CONFIG0,
	GCTX_LLADDR, GCTX_ERROREPC, GCTX_KSCRATCH1, GCTX_KSCRATCH2,
	GCTX_CONFIG3, /* ISAOnExc: the guest's exception ISA */
	GCTX_NESTEDEXC, /* read-only to the guest: root restores it so that no
	                 * VM reads another's (docs/isolation.md, switch audit) */
	GCTX_COUNT
};

#define VZ_GTLB_KEEP     4u    /* guest wired TLB entries kept across switches */
#define VZ_CON_RX_SIZE   16u   /* power of two */
#define VZ_CON_LINE_SIZE 80u
#define VZ_CON_QUIET_TICKS 100000u /* 1 ms: a partial line waits this long for more */

/* The VM's virtual interrupt controller (the registers the guest sees). */
struct vz_vevic {
	/* arch/mips/vectors.S uses the offsets (VEVIC_* in asm.h, checked
	 * in vdev/vevic.c) */
	uint32_t ifs[VZ_IRQ_WORDS];   /* virtual flags (real owned flags are merged on read) */
	uint32_t iec[VZ_IRQ_WORDS];
	uint32_t owned[VZ_IRQ_WORDS];   /* copy of the VM's irq_owned */
	uint32_t fast[VZ_IRQ_WORDS];    /* owned real + virtual IRQs 0-2: the bits
	                                 * the VM may change (so may its console's,
	                                 * which only C handles) */
	uint32_t pending_words;         /* bit w: ifs[w] & iec[w] != 0 */
	uint32_t offer_mask;            /* 0 for a polling VM: GuestCtl2 stays 0 */
	uint32_t best;                  /* rank of the highest pending enabled IRQ
	                                 * (vevic_offer keeps it) */
	uint32_t intcon;
	uint32_t priss;
	uint32_t iptmr;
	uint32_t ipc[(VZ_NUM_IRQS + 3u) / 4u];
	uint32_t off[VZ_NUM_IRQS];    /* OFFk (VOFF 17:1) */
};

/* The VM's view of the shared console UART. */
struct vz_vcon {
	uint32_t mode;
	uint32_t sta;                 /* control bits only; status bits are computed */
	uint32_t brg;
	uint8_t rx[VZ_CON_RX_SIZE];
	uint8_t rx_head, rx_tail;     /* ring indexes, free-running */
	uint8_t line_len;
	uint8_t present;              /* the VM has a console block */
	uint16_t irq;                 /* its fault IRQ; RX = irq + 1, TX = irq + 2 */
	char line[VZ_CON_LINE_SIZE];
};

struct vz_vm {
	const struct vz_vm_config *cfg;
	uint8_t id;
	uint8_t state;                /* enum vz_vm_run_state */
	uint8_t timer_armed;          /* guest Compare deadline pending */
	uint8_t tlb_wired;            /* plan entries actually wired at boot */
	uint8_t evic_block;           /* has a VZ_EMU_EVIC block at 0x1F810000 */
	uint8_t con_flush_armed;      /* a partial console line waits for con_flush_due */
	uint8_t fault_gexc;           /* the last fault's GuestCtl0.GExcCode (console) */
	uint8_t log_tokens;           /* chatter rate limit (console.c) */

	uint32_t gctx[GCTX_COUNT];    /* saved guest CP0 context */
	uint32_t gtlb[VZ_GTLB_KEEP][4]; /* wired guest TLB: EntryHi, PageMask, EntryLo0/1 */
	uint32_t resume_pc;           /* root EPC of the guest while off the CPU */
	uint32_t hi, lo;              /* HI/LO: not shadowed, so saved like CP0 */
	uint32_t timer_due;           /* root Count at which guest Count == compare */
	int32_t gtoffset;             /* guest Count = root Count + gtoffset */
	uint32_t compare;             /* guest Compare (emulated, GT = 0) */
	uint32_t guestctl2;           /* injection state while off the CPU */
	const struct vz_block *last_block;  /* last emulated block used */

	struct vz_vevic evic;
	struct vz_vcon con;

	/* Statistics and the last fault, for the console. */
	uint32_t exits;
	uint32_t irqs;
	uint32_t violations;
	uint32_t fault_epc, fault_cause, fault_badvaddr, fault_badinstr;
	/* Rate limit of the hypervisor's chatter about this VM (console.c). */
	uint32_t log_refill;          /* root Count of the last token refill */
	uint32_t log_suppressed;      /* lines left out since the last one shown */
	uint32_t con_flush_due;       /* root Count: flush the partial line (vcon.c) */
	uint32_t wdtcon;              /* its watchdog's WDTCON: ON, WDTWINEN (vdev/wdt.c) */
	uint32_t wdt_start;           /* when its period began (vdev/wdt.c units) */

	/* The guest's FPU and DSP registers while another VM owns the unit
	 * (core/units.c; layout = arch/mips/units.S). All 32 FPRs at 64 bits:
	 * the file is saved with root FR = 1, which covers either guest FR. */
	uint64_t fpr[32];
	uint32_t fcsr;
	uint32_t dsp[7];              /* ac1-ac3 HI, LO; DSPControl */

	struct vz_dbg_rings dbg;      /* the console's debug mode (dbgring.c) */
};

extern struct vz_vm vz_vm_state[];   /* VZ_DEFINE_VM_STATE in the tables */

#endif
