/* SPDX-License-Identifier: Apache-2.0 */
/* model.h - the configurator's in-memory description of one system.
 *
 * dt_read.c fills it from the compiled devicetree; vm_build.c adds what the
 * guest ELFs need (through elf_image.c), register blocks and sub-page masks;
 * check.c validates across VMs; system.c places memory (mem_pool.c) and plans
 * the root TLB (tlb_plan.c); the emit_*.c files write it out. Everything is
 * fixed size: a configuration is small and static, like the tables it
 * produces.
 */
#ifndef VZCFG_MODEL_H
#define VZCFG_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define CFG_MAX_VMS 7          /* one shadow register set per VM */
#define CFG_MAX_DEVICES 96
#define CFG_MAX_DEV_IRQS 8
#define CFG_NUM_IRQS 256       /* EVIC vectors 0..213, rounded up */
#define CFG_MAX_VM_IRQS 32
#define CFG_MAX_VM_DEVICES 24
#define CFG_MAX_BLOCKS 32      /* per VM: device blocks + explicit blocks */
#define CFG_MAX_REGIONS 16     /* per VM: mapped memory regions */
#define CFG_MAX_ENTRIES 24     /* per VM: paired TLB entries */
#define CFG_MAX_SETUP 32       /* per VM: boot-time register writes */
#define CFG_MAX_SEGMENTS 16    /* per guest ELF */
#define CFG_MAX_POOL_HOLES 16
#define CFG_MAX_BUS_PLAN 96    /* bus permission writes for guest DMA */
#define CFG_PATH_MAX 256
#define CFG_NAME_MAX 32

#define PAGE_4K 0x1000u
#define SUBPAGE_SIZE 16u
#define SUBPAGES_PER_PAGE (PAGE_4K / SUBPAGE_SIZE)

/* Chip memories (physical). */
#define PIC32_RAM_BASE 0x00000000u
#define PIC32_RAM_SIZE 0x00080000u
#define PIC32_PFLASH_BASE 0x1D000000u
#define PIC32_PFLASH_SIZE 0x00200000u
#define PIC32_BFLASH_BASE 0x1FC00000u
#define PIC32_BFLASH_SIZE 0x00080000u /* lower alias + boot flash 1/2 */
#define PIC32_UART1_BASE 0x1F822000u
#define PIC32_UART_STRIDE 0x200u
/* DEVCFG words and their alternate copies: the system's, never a guest's. */
#define PIC32_DEVCFG_BASE 0x1FC0FF40u
#define PIC32_DEVCFG_END 0x1FC10000u
#define PIC32_DEVCFG0 0x1FC0FFCCu   /* the one the chip latches at reset */
#define PIC32_DEVCFG0_BOOTISA (1u << 6) /* 1: MIPS32, 0: microMIPS */

/* Region permissions. */
#define PERM_R 1u
#define PERM_W 2u
#define PERM_X 4u

/* EntryLo cache coherency attributes (MIPS32 C field). */
enum cache_mode {
	CACHE_WRITE_THROUGH_NOALLOC = 0, /* cacheable, write-through, no write allocate */
	CACHE_WRITE_THROUGH = 1,         /* cacheable, write-through, write allocate */
	CACHE_UNCACHED = 2,
	CACHE_WRITE_BACK = 3,            /* cacheable non-coherent, write-back */
};

/* How a VM may access a register block. */
enum block_access {
	ACCESS_READ_WRITE,
	ACCESS_READ_ONLY,      /* a write stops the guest */
	ACCESS_WRITE_IGNORED,  /* writes are dropped silently */
	ACCESS_WRITE_LOGGED,   /* writes are dropped and reported on the console */
};

/* Software device models in the hypervisor. */
enum emulator {
	EMU_NONE = 0,
	EMU_EVIC,     /* per-VM virtual interrupt controller */
	EMU_CONSOLE,  /* per-VM view of the shared console UART */
	EMU_DMA,      /* the DMA registers of the VM owning channels (dma.c) */
	EMU_WDT,      /* per-VM watchdog timer (wdt.c) */
};

struct cfg_device {
	char path[CFG_PATH_MAX];
	char name[CFG_NAME_MAX];
	uint32_t phandle;
	uint32_t base, size;          /* physical register block */
	uint16_t irqs[CFG_MAX_DEV_IRQS];
	unsigned nirqs;
	bool shareable;               /* may be given to several VMs */
	bool hypervisor_only;         /* never given to a VM with write access */
	bool is_port;                 /* an I/O port: pins can be given out */
	enum emulator emulator;       /* always emulated when not EMU_NONE */
	int owner;                    /* VM index owning it unshared, -1 if none */
	/* vzlet,coupled = <&other offset mask>: bits `mask` of the register at
	 * `offset` change how `other` works (a timer pair's T32). */
	uint32_t couple_phandle;
	uint32_t couple_off, couple_mask;
	int coupled;                  /* device index, -1 if none */
};

struct cfg_segment {
	uint32_t vaddr, paddr;        /* as the ELF says (KSEG0/KSEG1 addresses) */
	uint32_t gpa_run, gpa_load;   /* guest-physical: where it runs / is stored */
	uint32_t filesz, memsz;
	uint32_t offset;              /* in the file */
	uint32_t flags;               /* PF_R/W/X */
};

/* Bytes stored in the image: a run of allocated, non-empty sections (not
 * whole segments, whose file ranges may include padding). */
struct cfg_piece {
	uint32_t offset, size;        /* in the ELF file */
	uint32_t gpa_load;            /* guest-physical address of the stored bytes */
	bool exec;                    /* runs where it is stored */
};

#define CFG_MAX_PIECES 32

enum region_kind { REGION_FLASH, REGION_RAM, REGION_MEMORY, REGION_DEVICE };

struct cfg_region {
	enum region_kind kind;
	uint32_t gpa, size;
	uint32_t pa;                  /* allocated real physical address */
	uint32_t align;               /* PA must equal GPA modulo this */
	unsigned perms;
	enum cache_mode cache;
	bool allocated;               /* from a pool (false: fixed PA) */
	bool shared;                  /* may overlap other VMs' shared regions */
	char what[64];                /* for messages and comments */
	char path[CFG_PATH_MAX];      /* node and property that asked for it */
	char prop[32];
};

struct cfg_page {
	uint32_t gpa, pa, size;
	unsigned perms;
	enum cache_mode cache;
};

/* One root TLB entry: an even/odd pair of equal-size pages. */
struct cfg_tlb_entry {
	uint32_t vpn2_base;           /* GPA of the even half */
	uint32_t page_size;
	bool valid[2];
	struct cfg_page half[2];
};

/* Per 16-byte sub-page of a guarded block: the writable bits of each word
 * (REG, CLR, SET, INV). Reads inside a block are always allowed. */
struct cfg_subpage {
	uint32_t allow[4];
};

/* A register block given to a VM: a whole device or part of one. */
struct cfg_block {
	char path[CFG_PATH_MAX];      /* node that asked for it */
	char prop[32];                /* property that asked for it */
	uint32_t base, size;
	enum block_access access;
	enum emulator emulator;
	int device;                   /* index in cfg_system.devices or -1 */
	bool direct;                  /* whole pages mapped into the root TLB */
	bool pins_only;               /* built from `pins`: only pin bits writable */
	struct cfg_subpage sub[SUBPAGES_PER_PAGE]; /* guarded: size / 16 used */
};


struct cfg_setup_write {
	uint32_t addr, value;
};

/* One pin of an I/O port (a device with is_port). */
struct cfg_pin {
	int port;                     /* device index */
	unsigned pin;                 /* 0..15 */
};

struct cfg_vm {
	char path[CFG_PATH_MAX];
	char label[CFG_NAME_MAX];
	unsigned id;                  /* 1..7: GuestID and shadow set */
	char elf_path[CFG_PATH_MAX];
	uint32_t entry;               /* guest virtual entry point */
	struct { uint32_t gpa, size; } ram[4]; /* guest-physical RAM windows */
	unsigned nram;
	char ram_prop[16];            /* "ram" or "ram-size", for messages */
	uint32_t flash_size;          /* requested flash size, 0 = from the image */
	bool polling;
	bool no_autostart;
	bool exc_micromips;           /* takes exceptions in microMIPS (elf_exc_micromips) */
	uint32_t slice_us;            /* 0: the system default */
	enum cache_mode cache;
	uint32_t expect_cpu_hz;       /* clocks the guest is built for, 0 = not */
	uint32_t expect_pbclk_hz[8];  /* stated (checked against the system's) */
	struct cfg_pin pins[16];
	unsigned npins;

	uint16_t irqs[CFG_MAX_VM_IRQS];
	unsigned nirqs;
	uint32_t irq_owned[(CFG_NUM_IRQS + 31) / 32];
	int devices[CFG_MAX_VM_DEVICES];
	unsigned ndevices;
	struct cfg_block blocks[CFG_MAX_BLOCKS];
	unsigned nblocks;
	struct cfg_setup_write setup[CFG_MAX_SETUP];
	unsigned nsetup;

	struct cfg_segment segments[CFG_MAX_SEGMENTS];
	unsigned nsegments;
	struct cfg_piece pieces[CFG_MAX_PIECES];  /* stored bytes, DEVCFG removed */
	unsigned npieces;

	struct cfg_region regions[CFG_MAX_REGIONS];
	unsigned nregions;
	struct cfg_tlb_entry entries[CFG_MAX_ENTRIES];
	unsigned nentries;
	unsigned nwired;
	unsigned guest_tlb;           /* guest TLB share ("guest-tlb-entries"), 0 = none */
	uint8_t dma_channels;         /* bit n: DMA channel n is this VM's (dma.c) */
	/* Its watchdog (wdt.c): the DEVCFG1 fields it states, the period, and
	 * the first watchdog-* property given (for messages). */
	uint32_t wdt_devcfg1;
	uint32_t wdt_period_ms;
	bool wdt_period_given;
	char wdt_prop[32];
};

/* A free physical range list, carved as allocations are made. */
struct cfg_pool {
	const char *name;
	uint32_t base, size;
	struct { uint32_t base, size; } holes[CFG_MAX_POOL_HOLES];
	unsigned nholes;
};

/* A hypervisor thread (vzlet,thread under /hypervisor/threads). */
#define CFG_MAX_THREADS 4         /* VZ_MAX_THREADS */
struct cfg_thread {
	char path[CFG_PATH_MAX];
	char name[32];                /* the node's name: a C identifier */
	char function[32];            /* one of the hypervisor's thread functions */
	uint32_t stack_size;          /* bytes */
	uint32_t period_us;
};

struct cfg_hypervisor {
	char path[CFG_PATH_MAX];
	struct cfg_thread threads[CFG_MAX_THREADS];
	unsigned nthreads;
	int console;                  /* device index or -1 */
	uint32_t console_baud;
	uint32_t cpu_clock_hz;
	uint32_t pbclk2_hz;           /* = pbclk_hz[1] */
	uint32_t pbclk_hz[8];         /* PBCLK1..8 as the system runs them */
	bool pbclk_set[8];            /* given in the devicetree: PBnDIV is written */
	uint32_t time_slice_us;
	unsigned console_uart;        /* 1..6 */
	struct cfg_pin console_pins[4]; /* the console UART's pins, as the board says */
	unsigned nconsole_pins;
	struct cfg_setup_write setup[CFG_MAX_SETUP]; /* board-level writes */
	unsigned nsetup;
};

struct cfg_reserved {
	char path[CFG_PATH_MAX];
	uint32_t base, size;
};

/* An inter-VM channel (channels.c, docs/channels.md). */
#define CFG_MAX_CHANNELS 16
#define CFG_CHAN_BUF_MAX 4096u   /* bytes of message buffers in hypervisor RAM */
struct cfg_channel {
	char path[CFG_PATH_MAX];
	char label[CFG_NAME_MAX];
	unsigned id;                  /* "reg": the number guests use */
	unsigned kind;                /* VZ_CHAN_* (vzlet/vm_config.h) */
	unsigned writer;              /* VM id (sampling, queuing) */
	unsigned members;             /* bit per VM id: readers, or the sharing VMs */
	uint32_t msg_size, depth, refresh_us;
	unsigned notify[CFG_MAX_VMS + 1]; /* [from id]: bit per VM id it may ring */
	uint32_t doorbell_irq;
	uint32_t size, gpa, pa;       /* shared memory */
};

/* The health monitor's settings for one VM (health.c, docs/health-monitor.md). */
#define CFG_HM_EVENTS 6          /* enum vz_hm_event (vzlet/vm_config.h) */
struct cfg_health {
	char path[CFG_PATH_MAX];      /* its node; empty: not listed (defaults) */
	unsigned action[CFG_HM_EVENTS];  /* enum vz_hm_action */
	unsigned given;               /* bit per event whose action is stated */
	unsigned restart_set;         /* bit per VM id */
	uint32_t storm_irqs, storm_us;
};

/* Time partitioning: the major frame and its windows (windows.c,
 * docs/time-partitioning.md). */
#define CFG_MAX_WINDOWS 32
struct cfg_window {
	char path[CFG_PATH_MAX];
	unsigned vm;                  /* VM id */
	uint32_t start_us, duration_us;
};
struct cfg_schedule {
	char path[CFG_PATH_MAX];      /* empty: no /time-partitioning (round robin) */
	uint32_t frame_us, overrun_us;
	struct cfg_window windows[CFG_MAX_WINDOWS];   /* sorted by start once checked */
	unsigned nwindows;
	uint32_t budget_us[CFG_MAX_VMS + 1];          /* [VM id]: "time-budget-us" */
};

struct cfg_system {
	char source[CFG_PATH_MAX];    /* the .dtb, for generated comments */
	struct cfg_hypervisor hv;
	struct cfg_device devices[CFG_MAX_DEVICES];
	unsigned ndevices;
	struct cfg_vm vms[CFG_MAX_VMS];
	unsigned nvms;
	struct cfg_reserved reserved[8];
	unsigned nreserved;
	struct cfg_pool flash_pool, ram_pool;
	uint8_t irq_owner[CFG_NUM_IRQS];   /* 0 = hypervisor/nobody, else VM id */
	/* The bus permissions confining guest DMA (dma.c), written at boot
	 * after the board setup. */
	struct cfg_setup_write bus_plan[CFG_MAX_BUS_PLAN];
	unsigned nbus_plan;
	unsigned guest_tlb_part;      /* TLB entries 0..n-1: the guests' (tlb_partition) */
	struct cfg_channel channels[CFG_MAX_CHANNELS];
	unsigned nchannels;
	bool health_present;          /* /health-monitor exists */
	struct cfg_health health[CFG_MAX_VMS + 1];   /* [VM id] */
	struct cfg_schedule schedule;
};

#endif
