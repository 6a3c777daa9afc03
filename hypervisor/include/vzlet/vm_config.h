/* SPDX-License-Identifier: Apache-2.0 */
/* vm_config.h - the static system tables: what vzlet-config emits and the
 * hypervisor consumes. Plain data only; no code is generated beyond these
 * tables.
 *
 * ---------------------------------------------------------------------------
 * FOR THE CONFIGURATOR (contract)
 * ---------------------------------------------------------------------------
 * vzlet-config writes one C file (call it vm_tables.c) that
 *   #include <vzlet/vm_config.h>
 * and defines, with exactly these names:
 *   const struct vz_system vz_system = { ... };
 *   VZ_DEFINE_VM_STATE(N);       (N = vz_system.num_vms; runtime state storage)
 * plus whatever static const arrays the structures point to (give them
 * `static const`). Everything must be const except what VZ_DEFINE_VM_STATE
 * expands to and the channels' state and message buffers (struct
 * vz_channel: `static` arrays the configurator sizes, in .bss). The file is compiled with $(TARGET_CFLAGS) -Ihypervisor/include
 * and linked with the hypervisor objects ($(HV_OBJS)) and linker script
 * ($(HV_LDSCRIPT)) from hypervisor/hypervisor.mk:
 *   $(call hv_link,<out.elf>,<vm_tables.o>)
 * The hypervisor's linker script is fixed (no fragment needed on its side).
 *
 * Physical memory layout (decided here, see docs/architecture.md):
 *   0x1FC00000  boot flash: the hypervisor's reset code (section .reset, at
 *               most VZ_HV_BOOT_SIZE bytes) and the DEVCFG words at
 *               0x1FC0FFC0..0x1FC0FFCF (section .devcfg, emitted by the
 *               hypervisor build; the image assembly must not add others).
 *   0x1D000000  program flash, first VZ_HV_FLASH_SIZE (64 KB): hypervisor
 *               code, read-only data and these tables.
 *   0x00000000  RAM, first VZ_HV_RAM_SIZE (16 KB): hypervisor data, bss and
 *               its single stack.
 *   0x0007F000  RAM, last 4 KB: reserved (test result mailbox at 0x7FF00);
 *               never allocated to a guest unless a region says so explicitly.
 *   Guests are allocated by the configurator from the rest:
 *     flash VZ_GUEST_FLASH_BASE .. VZ_GUEST_FLASH_END,
 *     RAM   VZ_GUEST_RAM_BASE   .. VZ_GUEST_RAM_END.
 *   Guest images are placed at their real physical address (rpa) in the
 *   merged image; the guest itself still sees its link addresses (gpa).
 *
 * Guest physical address space (GPA): the same map as a bare chip. The guest's
 * kseg0/kseg1 accesses give GPA = VA & 0x1FFFFFFF; the root TLB maps GPA ->
 * real physical address (RPA), tagged with GuestID = VM id. A guest linked for
 * the chipKIT Wi-Fire (flash 0x9D000000, RAM 0x80000000) therefore has a
 * flash region at gpa 0x1D000000 and a RAM region at gpa 0x00000000; its
 * console is the UART4 block at gpa 0x1F822600 (a VZ_EMU_CONSOLE block).
 *
 * Every GPA a guest may touch is exactly one of:
 *   - inside a vz_region (memory, or a whole 4 KB SFR page owned by the VM),
 *     mapped by the root TLB entries in vz_vm_config.tlb;
 *   - inside a vz_block (emulated or guarded registers; never TLB mapped, so
 *     every access traps and is emulated with its exact width);
 *   - anything else: the access stops the guest with a diagnosis.
 * ---------------------------------------------------------------------------
 */
#ifndef VZLET_VM_CONFIG_H
#define VZLET_VM_CONFIG_H

#include <stdint.h>

/* ---- Fixed limits and the physical layout -------------------------------- */
#define VZ_MAX_VMS          7u            /* one shadow register set each */
#define VZ_NUM_IRQS         214u          /* EVIC vectors 0..213 on the EF */
#define VZ_IRQ_WORDS        7u            /* 32-bit words in an IRQ bitmap */
/* The TLB partition (docs/architecture.md "TLB partition"): the M5150 has
 * one TLB of 16 dual entries shared by root and guest. Entries 0 .. P-1 are
 * the guests' part (P = vz_system.guest_tlb_part: the largest guest share,
 * at least 1); then root's wired plan entries; root Wired covers both, so
 * root TLBWR only uses the refill pool above them, which keeps at least
 * VZ_TLB_REFILL_MIN entries. */
#define VZ_ROOT_TLB_ENTRIES 16u           /* M5150 TLB (dual entries) */
#define VZ_TLB_REFILL_MIN   2u            /* root pool: an instruction and a data page */
#define VZ_GUEST_TLB_MAX    (VZ_ROOT_TLB_ENTRIES - VZ_TLB_REFILL_MIN) /* largest share */

#define VZ_HV_BOOT_BASE     0x1FC00000u   /* reset code (physical) */
#define VZ_HV_BOOT_SIZE     0x00001000u
#define VZ_HV_FLASH_BASE    0x1D000000u   /* hypervisor text/rodata/tables */
#define VZ_HV_FLASH_SIZE    0x00010000u   /* 64 KB */
#define VZ_HV_RAM_BASE      0x00000000u   /* hypervisor data/bss/stack */
#define VZ_HV_RAM_SIZE      0x00004000u   /* 16 KB */
#define VZ_GUEST_FLASH_BASE 0x1D010000u   /* configurator's flash pool */
#define VZ_GUEST_FLASH_END  0x1D200000u   /* exclusive */
#define VZ_GUEST_RAM_BASE   0x00004000u   /* configurator's RAM pool */
#define VZ_GUEST_RAM_END    0x0007F000u   /* exclusive; last 4 KB reserved */

/* Guest reset-like start state (what a bare chip gives after reset). */
#define VZ_GUEST_STATUS_RESET 0x10400004u /* CU0 | BEV | ERL */
#define VZ_GUEST_EBASE_RESET  0x80000000u
#define VZ_GUEST_INTCTL_RESET 0x00000020u /* VS = 1 (32-byte spacing) */

/* ---- Root TLB entries ------------------------------------------------------
 * One dual entry: a naturally aligned pair of equal-size pages (4 KB, 16 KB,
 * 64 KB, ... 256 MB; powers of 4 only). Values go to the CP0 registers as
 * they are:
 *   entryhi  VPN2: the GPA of the even page, aligned to 2 * page size
 *            (bits 12:0 = 0, ASID 0).
 *   pagemask PageMask register value (4 KB: 0, 16 KB: 0x6000, 64 KB:
 *            0x1E000, 256 KB: 0x7E000, 1 MB: 0x1FE000, ...).
 *   entrylo0/1  PFN (RPA >> 12) << 6 | C << 3 | D << 2 | V << 1 | G, with
 *            G = 1 (the root ASID is irrelevant; the GuestID always matches),
 *            D = 1 if writable, V = 0 for a half that is not mapped,
 *            C = cache mode (2 uncached for SFR pages). RI/XI (bits 31/30)
 *            may be set to forbid reads / execution.
 * Entries of one VM are sorted by entryhi and must not overlap. */
struct vz_tlb_entry {
	uint32_t entryhi;
	uint32_t pagemask;
	uint32_t entrylo0;
	uint32_t entrylo1;
};

/* ---- Memory regions (for pointer checks, restart and diagnostics) -------- */
#define VZ_REGION_R       0x01u  /* guest may read */
#define VZ_REGION_W       0x02u  /* guest may write */
#define VZ_REGION_X       0x04u  /* guest may execute */
#define VZ_REGION_SHARED  0x08u  /* deliberately shared with another VM */
#define VZ_REGION_DEVICE  0x10u  /* a whole SFR page given to the VM (uncached) */
#define VZ_REGION_FLASH   0x20u  /* backed by program flash (image content) */

struct vz_region {
	uint32_t gpa;    /* guest physical base, 4 KB aligned */
	uint32_t rpa;    /* real physical base, 4 KB aligned */
	uint32_t size;   /* bytes, multiple of 4 KB */
	uint32_t flags;  /* VZ_REGION_* */
};

/* ---- Emulated and guarded register blocks --------------------------------
 * A block covers [gpa, gpa + size) of the guest's SFR space (16-byte aligned,
 * size a multiple of 16). It is never mapped: each guest access traps into
 * the hypervisor and is handled with the access's exact width (1, 2, 4).
 *
 *   VZ_EMU_EVIC         the VM's full virtual interrupt controller (the whole
 *                       EVIC block, gpa 0x1F810000, size 0x1000). rpa unused.
 *   VZ_EMU_CONSOLE      the VM's view of the shared console UART (gpa of the
 *                       guest's console UART block, size 0x200). rpa unused.
 *   VZ_EMU_READ_ONLY    reads return the real register at rpa + offset;
 *                       a write stops the guest (a violation).
 *   VZ_EMU_WRITE_IGNORE reads return the real register; writes are dropped.
 *   VZ_EMU_WRITE_LOG    reads return the real register; writes are dropped
 *                       and reported on the console (address, value, width).
 *   VZ_EMU_GUARDED      sub-page protection: reads return the real register;
 *                       writes go to the real register filtered by
 *                       subpages[(offset / 16)].allow[word] where word is
 *                       (offset / 4) % 4 (0 = REG, 1 = CLR, 2 = SET, 3 = INV):
 *                         allow == 0xFFFFFFFF  written as is, exact width;
 *                         allow == 0           dropped (counted as violation);
 *                         otherwise word 0: real = (real & ~allow) |
 *                           (value & allow) (32-bit read-modify-write);
 *                           words 1..3: (value & allow) written to the alias.
 *                       This lets two VMs share e.g. one port's LAT register
 *                       bit by bit. Used for every block smaller than 4 KB
 *                       (or not page aligned) that gives direct access.
 * Blocks of one VM are sorted by gpa and must not overlap each other or a
 * region. Two blocks in one 4 KB page are fine (nothing is mapped there). */
enum vz_emu_kind {
	VZ_EMU_NONE = 0,
	VZ_EMU_EVIC,
	VZ_EMU_CONSOLE,
	VZ_EMU_READ_ONLY,
	VZ_EMU_WRITE_IGNORE,
	VZ_EMU_WRITE_LOG,
	VZ_EMU_GUARDED,
	VZ_EMU_DMA,          /* the DMA registers (gpa 0x1F811000, size 0x1000)
	                      * of the VM owning DMA channels: each channel's
	                      * addresses checked and translated (vdev/dma.c) */
	VZ_EMU_WDT,          /* the VM's own watchdog timer (gpa 0x1F800C00,
	                      * size 0x10: WDTCON and its aliases; vdev/wdt.c),
	                      * configured by vz_vm_config.wdt_devcfg1 */
};

struct vz_subpage {
	uint32_t allow[4];   /* writable bits per word (REG, CLR, SET, INV) */
};

struct vz_block {
	uint32_t gpa;                       /* guest physical base */
	uint32_t rpa;                       /* real physical base (real device) */
	uint32_t size;                      /* bytes */
	uint32_t kind;                      /* enum vz_emu_kind */
	const struct vz_subpage *subpages;  /* VZ_EMU_GUARDED: size / 16 entries;
	                                     * NULL for other kinds */
};

/* ---- Register setup writes -------------------------------------------------
 * Applied by the hypervisor at boot, in order, before any guest starts, and
 * again before a VM's restart for that VM's list. pa is the real physical
 * address of a 32-bit SFR (use the CLR/SET/INV alias to change single bits).
 * The hypervisor unlocks SYSKEY around each list (PPS, PMD, ... need it). */
struct vz_reg_write {
	uint32_t pa;
	uint32_t value;
};

/* ---- One VM ---------------------------------------------------------------- */
#define VZ_VM_POLLING     0x01u  /* never inject interrupts: the guest polls its
                                  * virtual IFS flags (and WAITs) */
#define VZ_VM_NO_AUTOSTART 0x02u /* stays stopped until `c` on the console */
#define VZ_VM_EXC_MICROMIPS 0x04u /* exceptions in microMIPS (guest Config3.ISAOnExc
                                 * at start): the ELF's DEVCFG0.BOOTISA, else the
                                 * entry point's ISA (vzlet-config) */

/* Cache modes (the CCA the configurator put into entrylo and guest Config.K0
 * at start): */
#define VZ_CACHE_WT_NOALLOC 0u
#define VZ_CACHE_WT         1u
#define VZ_CACHE_UNCACHED   2u
#define VZ_CACHE_WB         3u

struct vz_vm_config {
	uint8_t id;            /* 1..7: index + 1, GuestID and shadow set number */
	uint8_t flags;         /* VZ_VM_* */
	uint8_t cache_mode;    /* VZ_CACHE_*: also the guest's Config.K0 at start */
	uint8_t tlb_wired;     /* the first tlb_wired entries of `tlb` are written
	                        * to wired root TLB slots at boot; the others are
	                        * loaded on demand by the refill path, which walks
	                        * `tlb` (sorted by entryhi) */
	const char *name;      /* short, printable (console status, diagnostics) */

	/* Start state (guest CP0), applied at boot and on restart. */
	uint32_t entry;        /* guest virtual PC, e.g. 0x9D001000 */
	uint32_t status;       /* guest Status; normally VZ_GUEST_STATUS_RESET */
	uint32_t ebase;        /* guest EBase; normally VZ_GUEST_EBASE_RESET */
	uint32_t intctl;       /* guest IntCtl; normally VZ_GUEST_INTCTL_RESET */

	/* Memory. */
	const struct vz_region *regions;
	uint8_t region_count;
	uint8_t tlb_count;
	uint8_t block_count;
	uint8_t setup_count;
	const struct vz_tlb_entry *tlb;     /* the root-TLB plan for this VM */
	const struct vz_block *blocks;      /* sorted by gpa */
	const struct vz_reg_write *setup;   /* register setup writes */

	/* Interrupts. irq_owned: real EVIC sources given to this VM (bit k%32 of
	 * word k/32); must agree with vz_system.irq_owner. The core timer (0) and
	 * core software interrupts (1, 2) are always virtual per VM, and the
	 * console UART's IRQs are virtual for a VM with a VZ_EMU_CONSOLE block:
	 * they are never listed as owned. */
	uint32_t irq_owned[VZ_IRQ_WORDS];

	/* Scheduling. */
	uint32_t slice_ticks;  /* core-timer ticks per turn; 0 = system default */

	/* Guest TLB share: entries 0 .. guest_tlb - 1 of the TLB while the VM
	 * runs (its Config1.MMUSize = guest_tlb - 1); 0 = the guest does not
	 * use its TLB: it sees one entry and a VM switch does no TLB work. */
	uint8_t guest_tlb;

	/* DMA channels this VM owns (bit n: channel n; one VM at most, the
	 * bus permissions in the board setup confine the DMA controller to
	 * its regions). Their interrupts are in irq_owned. */
	uint8_t dma_channels;

	/* Its virtual watchdog (a VZ_EMU_WDT block, vdev/wdt.c): the DEVCFG1
	 * word of its virtual chip, only the watchdog's fields used: FWDTWINSZ
	 * 25:24, FWDTEN 23 (on from reset), WDTPS 20:16 (period 1 ms << WDTPS,
	 * at most 20), WINDIS 15 (0: window mode always). */
	uint32_t wdt_devcfg1;
};

/* ---- Hypervisor threads -------------------------------------------------------- */

/* A hypervisor thread (tinyVP's root threads; docs/configuration.md,
 * "Hypervisor threads"): a function of the hypervisor run in root mode on
 * its own stack, woken every period, before any VM (core/thread.c). The
 * configurator names the function from the hypervisor's list and reserves
 * the stack. */
#define VZ_MAX_THREADS 4u
struct vz_thread_config {
	const char *name;                    /* the .dts node's name */
	void (*entry)(const struct vz_thread_config *self);   /* never returns */
	uint32_t *stack;                     /* lowest word; 8-byte aligned */
	uint32_t stack_words;
	uint32_t period_ticks;               /* core-timer ticks between wake-ups */
};

/* ---- Inter-VM channels (docs/channels.md) ---------------------------------
 * Channel n is vz_system.channels[n]; guests name it by n (hypercalls
 * VZ_HC_CHAN_*, vzlet/hypercall.h).
 *   VZ_CHAN_SAMPLING  one writer, latest message wins; a read returns the
 *                     message and its age (older than refresh_ticks: invalid)
 *   VZ_CHAN_QUEUING   one writer, one reader, a FIFO of `depth` messages; a
 *                     write to a full queue is dropped and counted (never blocks)
 *   VZ_CHAN_SHARED    memory mapped into every member VM (regions flagged
 *                     VZ_REGION_SHARED); only the doorbell goes through here
 * notify[from] has bit `to` set when VM `from` may ring VM `to`'s doorbell:
 * virtual interrupt doorbell_irq in VM `to` (its own virtual EVIC). */
#define VZ_CHAN_SAMPLING 1u
#define VZ_CHAN_QUEUING  2u
#define VZ_CHAN_SHARED   3u
#define VZ_CHAN_MSG_MAX  256u   /* largest message */
#define VZ_CHAN_DEPTH_MAX 32u   /* longest queue */

/* Runtime state of one channel (the hypervisor's; storage from the tables). */
struct vz_chan_state {
	uint64_t stamp;        /* sampling: time of the last write (time_now) */
	uint32_t overflows;    /* queuing: writes dropped since the last read */
	uint32_t dropped;      /* queuing: writes dropped in all */
	uint32_t writes;       /* messages written */
	uint8_t head;          /* queuing: oldest slot */
	uint8_t count;         /* queuing: messages held; sampling: 1 once written */
};

struct vz_channel {
	const char *name;
	uint8_t kind;          /* VZ_CHAN_* */
	uint8_t writer;        /* VM id (sampling, queuing) */
	uint8_t readers;       /* bit per VM id: who may read (shared: the members) */
	uint8_t depth;         /* queuing: slots; sampling: 1; shared: 0 */
	uint16_t msg_size;     /* largest message, bytes */
	uint16_t doorbell_irq; /* virtual vector raised in the notified VM */
	uint8_t notify[VZ_MAX_VMS + 1];  /* [from id]: bit per VM id it may ring */
	uint32_t refresh_ticks;          /* sampling: older is invalid (0: never) */
	struct vz_chan_state *state;
	uint32_t *slots;       /* depth slots of (4 + msg_size rounded up to 4)
	                        * bytes: length word, then the message */
};

/* ---- Health monitor (docs/health-monitor.md) -------------------------------
 * Per VM: the action the hypervisor takes for each event. */
enum vz_hm_event {
	VZ_HM_FAULT = 0,        /* a guest exception or access it cannot emulate */
	VZ_HM_WATCHDOG,         /* the VM's emulated watchdog timer expired */
	VZ_HM_IRQ_STORM,        /* more owned interrupts than storm_irqs in storm_ticks */
	VZ_HM_WINDOW_OVERRUN,   /* the switch at the end of the VM's window came late */
	VZ_HM_HYPERCALL,        /* hypercall misuse: bad pointer, role, function */
	VZ_HM_STOPPED,          /* WAIT that nothing can end (no interrupt enabled) */
	VZ_HM_EVENTS
};
enum vz_hm_action {
	VZ_HM_LOG = 0,          /* report and count only */
	VZ_HM_STOP,             /* stop the VM (console `c` continues it) */
	VZ_HM_WARM_RESTART,     /* reset state, entry point; RAM kept */
	VZ_HM_COLD_RESTART,     /* reset state, RAM cleared: as after a chip reset */
	VZ_HM_RESTART_VMS,      /* cold restart of every VM in restart_set */
	VZ_HM_RESET_CHIP,       /* software reset of the whole chip */
};

struct vz_health {
	uint8_t action[VZ_HM_EVENTS];   /* enum vz_hm_action per enum vz_hm_event */
	uint8_t restart_set;            /* bit per VM id (VZ_HM_RESTART_VMS) */
	uint16_t storm_irqs;            /* 0: no storm detection */
	uint32_t storm_ticks;           /* core-timer ticks of the storm window */
};

/* ---- Time partitioning (docs/time-partitioning.md) ------------------------
 * An optional major frame of windows (ARINC 653 style): window k gives the
 * CPU to VM `vm` from `start` to `end` core-timer ticks after each frame
 * start; windows are sorted by start, do not overlap and lie inside the
 * frame; between windows the hypervisor idles. Emitted as const tables (flash). */
struct vz_window {
	uint32_t start;        /* ticks from the frame start */
	uint32_t end;          /* exclusive */
	uint8_t vm;            /* VM id */
};

struct vz_schedule {
	uint32_t frame_ticks;          /* major frame */
	uint32_t overrun_ticks;        /* a switch later than this past a window's
	                                * end is a VZ_HM_WINDOW_OVERRUN */
	const struct vz_window *windows;
	uint8_t num_windows;
};

/* ---- The whole system -------------------------------------------------------- */
struct vz_system {
	uint8_t num_vms;                     /* 1..VZ_MAX_VMS */
	uint8_t console_uart;                /* 1..6; 4 on the chipKIT Wi-Fire */
	uint8_t board_setup_count;
	uint8_t guest_tlb_part;              /* TLB entries 0..n-1 are the guests'
	                                      * (largest guest_tlb, at least 1);
	                                      * root's wired entries follow */
	uint32_t console_baud;               /* 115200 */
	uint32_t sysclk_hz;                  /* 200000000; Count runs at half */
	uint32_t pbclk2_hz;                  /* UART clock, for the BRG value */
	uint32_t slice_ticks;                /* default time slice (core-timer
	                                      * ticks, e.g. 100000 = 1 ms) */
	const struct vz_vm_config *vms;      /* [num_vms]; vms[i].id == i + 1 */
	const uint8_t *irq_owner;            /* [VZ_NUM_IRQS]: 0 = hypervisor or
	                                      * nobody, else the owning VM id */
	const struct vz_reg_write *board_setup; /* board-level writes (PPS for
	                                      * the console, ...) applied first */
	/* Informational: the layout the configurator assumed (checked at boot
	 * against the hypervisor's own link map; a mismatch is reported). */
	uint32_t hv_flash_base, hv_flash_size;
	uint32_t hv_ram_base, hv_ram_size;
	const struct vz_thread_config *threads;   /* [num_threads] */
	uint8_t num_threads;                 /* 0..VZ_MAX_THREADS */
	const struct vz_channel *channels;   /* [num_channels] */
	uint8_t num_channels;
	const struct vz_health *health;      /* [num_vms]; NULL (no /health-monitor):
	                                      * events are only counted, a fault
	                                      * stops the VM */
	const struct vz_schedule *schedule;  /* NULL: round robin (no major frame) */
};

extern const struct vz_system vz_system;

/* Runtime state: one struct vz_vm per VM (defined in vzlet/vm.h, not part of
 * the configurator's business). The generated file must contain exactly
 *   VZ_DEFINE_VM_STATE(<num_vms>);
 */
#define VZ_DEFINE_VM_STATE(n) struct vz_vm vz_vm_state[(n)]

#endif

#include <vzlet/vm.h>   /* completes struct vz_vm for VZ_DEFINE_VM_STATE */
