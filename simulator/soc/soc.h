/* SPDX-License-Identifier: Apache-2.0 */
/* soc.h - the PIC32MZ2048EFG100 peripherals around the core: the SFR
 * framework, the interrupt controller (EVIC), UART1-6, Timer1-9, ports A-K,
 * the system/configuration registers, the oscillator block and the bus
 * access-protection registers.
 *
 * struct soc lives inside struct machine. Each device is one .c file in this
 * folder; they meet through the SFR table (sfr.c) and the EVIC (evic.c).
 * Include through machine.h (struct event is defined there).
 */
#ifndef VZSIM_SOC_H
#define VZSIM_SOC_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct sfr;

/* ---- SFR framework (sfr.c) ---------------------------------------------- */

/* Read hook: returns the value a read sees (may have side effects, e.g. a
 * FIFO pop). Write hook: *r->val already holds the new value (writable bits
 * merged in); `old` is the value before the write. */
typedef uint32_t (*sfr_read_fn)(struct machine *m, struct sfr *r);
typedef void (*sfr_write_fn)(struct machine *m, struct sfr *r, uint32_t old);

enum {
	SFR_NOALIAS = 1u << 0,  /* no CLR/SET/INV at +4/+8/+0xC */
	SFR_LOCKED  = 1u << 1,  /* writes ignored unless SYSKEY unlocked */
};

struct sfr {
	uint32_t *val;          /* storage, inside the owning device's state */
	uint32_t reset;         /* value after reset */
	uint32_t wmask;         /* bits software may change; others read-only */
	uint32_t pa;            /* physical address of the base register */
	const uint32_t *pmd;    /* PMDx word that disables the module, or NULL */
	uint32_t pmd_bit;
	sfr_read_fn read;
	sfr_write_fn write;
	void *dev;              /* owning device instance */
	uint16_t flags;
	const char *name;
};

#define SFR_PAGES     256u  /* 1 MB SFR window / 4 KB */
#define SFR_PAGE_WORDS 1024u
#define SFR_MAX       1400u

struct sfr_page {
	uint16_t slot[SFR_PAGE_WORDS]; /* word -> sfr index + 1 (0 = none) */
};

#define SFR_POOL_PAGES 24u

struct sfr_table {
	struct sfr regs[SFR_MAX];
	unsigned count;
	uint8_t page_map[SFR_PAGES];        /* page -> pool index + 1 (0 = none) */
	struct sfr_page pool[SFR_POOL_PAGES];
	unsigned pool_used;
	uint32_t warned[(1u << 20) / 4 / 32]; /* unimplemented words reported */
};

/* Register one SFR at physical address pa. */
struct sfr *sfr_add(struct machine *m, const char *name, uint32_t pa,
		    uint32_t *val, uint32_t reset, uint32_t wmask, unsigned flags,
		    sfr_read_fn read, sfr_write_fn write, void *dev);
/* Accesses inside the SFR window (pa naturally aligned for size). */
uint32_t sfr_read(struct machine *m, uint32_t pa, unsigned size);
void sfr_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val);
/* Put every SFR back to its reset value (no hooks run). */
void sfr_reset_all(struct machine *m);
/* Put the SFRs whose storage lies in [lo, hi) back to reset values. */
void sfr_reset_range(struct machine *m, const void *lo, const void *hi);
/* Let a PMD bit gate the SFRs whose storage lies in [lo, hi). */
void sfr_set_pmd(struct machine *m, const void *lo, const void *hi,
		 const uint32_t *pmd, uint32_t bit);

/* ---- EVIC (evic.c) ------------------------------------------------------ */

#define EVIC_VECTORS 214u

struct evic {
	uint32_t intcon, priss, intstat, iptmr;
	uint32_t ifs[8], iec[8];
	uint32_t ipc[54];
	uint32_t off[EVIC_VECTORS];
	uint32_t level[8];      /* persistent sources currently asserted */
	uint32_t ifs_seen[8];   /* IFS as last reported to the event trace */
	/* What the core was last told (cpu_eic_update). */
	unsigned out_ripl, out_eicss;
	uint32_t out_voff;
	int out_vector;         /* winning vector, -1 if none */
};

void evic_init(struct machine *m);
void evic_reset(struct machine *m);
/* Latch IFS for a one-shot source (timer period match, CN). */
void evic_raise(struct machine *m, unsigned vector);
/* A persistent source: while asserted, IFS is set and stays set even if
 * software clears it (PIC32MZ persistent interrupts: UART, core lines). */
void evic_set_level(struct machine *m, unsigned vector, bool level);
/* Re-run arbitration and tell the core if the outcome changed. */
void evic_update(struct machine *m);

/* ---- UART1-6 (uart.c) --------------------------------------------------- */

#define UART_COUNT 6
#define UART_FIFO  8

struct uart {
	uint32_t mode, sta, txreg, rxreg, brg;
	uint8_t tx_fifo[UART_FIFO];
	unsigned tx_head, tx_count;
	uint16_t rx_fifo[UART_FIFO];    /* 9 bits data + error flags above */
	unsigned rx_head, rx_count;
	bool tsr_busy;                  /* a character is in the shift register */
	uint8_t tsr;
	struct event tx_done;           /* the shift register empties */
	unsigned n;                     /* 1..6 */
};

void uart_init(struct machine *m);
void uart_reset(struct machine *m);
/* PMD5.UxMD set: hold UART i (0-based) in reset. */
void uart_disable(struct machine *m, unsigned i);

/* ---- Timer1-9 (timer.c) ------------------------------------------------- */

#define TIMER_COUNT 9

struct timer {
	uint32_t con, tmr, pr;
	/* Lazy counting: at SYSCLK cycle `base` the count was `base_count`. */
	uint64_t base;
	uint32_t base_count;
	uint64_t tick;          /* SYSCLK cycles per count; 0 = stopped */
	struct event match;     /* next period match */
	unsigned n;             /* 1..9 */
};

void timer_init(struct machine *m);
void timer_reset(struct machine *m);
/* PMD4.TxMD set: hold timer i (0-based) in reset. */
void timer_disable(struct machine *m, unsigned i);
/* A clock divider changed: re-derive every running timer's tick. */
void timer_clock_changed(struct machine *m);

/* ---- Ports A-K (gpio.c) ------------------------------------------------- */

#define PORT_COUNT 11           /* A..K in the public numbering; I is absent */

struct port {
	uint32_t ansel, tris, port, lat, odc, cnpu, cnpd, cncon, cnen, cnstat;
	uint32_t cnne, cnf;
	uint32_t reported_lat;  /* LAT as last told to m->gpio */
	uint32_t ext_level;     /* levels driven from outside (vzsim_set_pin) */
	uint32_t ext_driven;    /* which pins something outside drives */
	uint32_t pins;          /* pins that exist on the package */
	bool present;
};

void gpio_init(struct machine *m);
void gpio_reset(struct machine *m);

/* ---- System, oscillator, prefetch (system.c, osc.c) --------------------- */

struct sysregs {
	uint32_t cfgcon, devid, syskey, cfgebia, cfgebic, cfgpg;
	uint32_t pmd[7];
	uint32_t pps[192];      /* PPS words: inputs 0x1400-0x14FF, outputs 0x1500-0x16FF */
	uint32_t precon, prestat;
	unsigned key_state;     /* SYSKEY sequence: 0 locked, 1 first key, 2 open */
	uint32_t devcfg[4];     /* DEVCFG0-3 latched from boot flash at reset */
};

struct osc {
	uint32_t osccon, osctun, spllcon, rcon, rswrst, rnmicon, pwrcon;
	uint32_t refocon[4], refotrim[4];
	uint32_t pbdiv[8];
	uint32_t slewcon, clkstat;
	uint64_t sysclk_hz;
	struct event swreset;   /* software reset (RSWRST) takes effect */
};

void sys_init(struct machine *m);
void sys_reset(struct machine *m);
bool sys_unlocked(const struct machine *m);
void osc_init(struct machine *m);
void osc_reset(struct machine *m, bool power_on);

/* Clock frequencies (Hz) from DEVCFG, OSCCON, SPLLCON and PBxDIV. */
uint64_t soc_sysclk_hz(const struct machine *m);
uint64_t soc_pbclk_hz(const struct machine *m, unsigned bus /* 1..8 */);
/* SYSCLK cycles per PBCLKn cycle (the divider). */
unsigned soc_pbclk_div(const struct machine *m, unsigned bus);

/* ---- Watchdog Timer (wdt.c) ---------------------------------------------- */

struct wdt {
	uint32_t wdtcon;
	uint64_t start;         /* cycle of the last (re)start */
	struct event expire;    /* the time-out: a WDT reset */
};

void wdt_init(struct machine *m);
void wdt_reset(struct machine *m);

/* ---- Flash controller (nvm.c) ------------------------------------------ */

struct nvm {
	uint32_t con, key, addr, data[4], srcaddr, pwp, bwp, con2;
	unsigned key_state;     /* NVMKEY sequence: 0, 1 first key, 2 armed */
};

void nvm_init(struct machine *m);
void nvm_reset(struct machine *m);

/* ---- System bus access protection (sba.c) ------------------------------- */

#define SBA_TARGETS 14
#define SBA_REGIONS 8

struct sba_target {
	uint32_t elog1, elog2, econ, eclrs, eclrm;
	uint32_t reg[SBA_REGIONS], rd[SBA_REGIONS], wr[SBA_REGIONS];
};

struct sba {
	uint32_t sbflag;
	struct sba_target target[SBA_TARGETS];
	bool restricted;        /* some region denies some group something */
	uint32_t irq_level;     /* the bus violation request (vector 106) */
};

/* Bus initiators (SBTxELOG1.INITID). */
enum sba_initiator {
	SBA_CPU = 1, SBA_DMA_READ = 3, SBA_DMA_WRITE = 5,
};

void sba_init(struct machine *m);
void sba_reset(struct machine *m);
/* Permission check of one access by an initiator; a violation is logged
 * (SBTxELOG, SBFLAG, vector 106) and false returned. Addresses that no
 * target decodes are allowed here (they fail elsewhere). */
bool sba_allowed(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		 bool write);
/* True if every byte of the 4 KB page at pa is open to the CPU for reads
 * and writes (the core may then cache the translation). */
bool sba_cpu_page_open(const struct machine *m, uint32_t pa);
/* A region or permission register or CFGPG changed. */
void sba_config_changed(struct machine *m);
/* Access by a bus master other than the core (DMA): permission, then the
 * memory or SFR itself. False: bus error (no target, or a violation). */
bool soc_master_read(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		     uint32_t *val);
bool soc_master_write(struct machine *m, enum sba_initiator who, uint32_t pa, unsigned size,
		      uint32_t val);

/* ---- DMA controller (dma.c) --------------------------------------------- */

#define DMA_CHANNELS 8

struct dma_channel {
	uint32_t con, econ, intr, ssa, dsa, ssiz, dsiz, sptr, dptr, csiz, cptr, dat;
	uint32_t done;          /* bytes of the current block transferred */
	uint16_t last2;         /* the last two bytes transferred (pattern) */
	bool cell;              /* a cell transfer is in progress */
	unsigned n;
};

struct dma {
	uint32_t con, stat, addr, crccon, crcdata, crcxor;
	struct dma_channel ch[DMA_CHANNELS];
	uint32_t listen[8];     /* vectors some channel's start/abort IRQ names */
	struct event slice;     /* the transactions in flight land */
	int active;             /* channel of the slice in flight, -1: none */
	unsigned rr;            /* round robin among equal priorities */
};

void dma_init(struct machine *m);
void dma_reset(struct machine *m);
/* An interrupt source raised its request (evic.c): start/abort triggers. */
void dma_irq_event(struct machine *m, unsigned vector);

/* ---- The whole SoC ------------------------------------------------------ */

/* ---- Peripheral bus (bus.c): posted SFR stores ------------------------------ */
#define BUS_POSTED_MAX 4u   /* stores in flight before the core stalls */
#define EVIC_PA_BASE 0x1F810000u
struct bus_store {
	uint64_t land;      /* cycle at which it takes effect */
	uint64_t seq;       /* issue order */
	uint32_t pa, val;
	uint32_t pc;        /* the store instruction */
	uint8_t size, bus;  /* bus: 0 system, 1-5 PBn */
};
struct soc_bus {
	struct bus_store q[BUS_POSTED_MAX]; /* in flight, unordered */
	unsigned count;
	uint64_t seq;
	uint64_t free[6];   /* cycle at which each bus takes the next transfer */
	struct event ev;    /* the next landing */
};
void soc_bus_reset(struct machine *m);
/* SYSCLK cycles of one transfer to the SFR at pa (bridge and bus). */
unsigned soc_bus_sfr_cycles(const struct machine *m, uint32_t pa);

struct soc {
	struct sfr_table sfr;
	struct soc_bus bus;
	struct evic evic;
	struct uart uart[UART_COUNT];
	struct timer timer[TIMER_COUNT];
	struct port port[PORT_COUNT];
	struct sysregs sys;
	struct osc osc;
	struct wdt wdt;
	struct nvm nvm;
	struct sba sba;
	struct dma dma;
};

#endif
