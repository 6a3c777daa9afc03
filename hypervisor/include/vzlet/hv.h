/* SPDX-License-Identifier: Apache-2.0 */
/* hv.h - the hypervisor's internal interfaces (one header, small modules). */
#ifndef VZLET_HV_H
#define VZLET_HV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vzlet/vm_config.h>
#include <vzlet/vm.h>
#include <vzlet/cp0.h>

void *memset(void *d, int c, size_t n);

#ifdef VZLET_HOST_STUB
volatile void *host_kseg1(uint32_t pa);   /* tests/fuzz: the stub's memory */
#define HV_KSEG0(pa)  host_kseg1((uint32_t)(pa))
#define HV_KSEG1(pa)  host_kseg1((uint32_t)(pa))
#else
#define HV_KSEG0(pa)  ((volatile void *)(0x80000000u | (uint32_t)(pa)))
#define HV_KSEG1(pa)  ((volatile void *)(0xA0000000u | (uint32_t)(pa)))
#endif
#define HV_REG32(pa)  (*(volatile uint32_t *)HV_KSEG1(pa))

/* A store of v to an emulated SFR or its alias a (0 the register, 1 CLR,
 * 2 SET, 3 INV): the register's new value. */
static inline uint32_t sfr_alias(uint32_t old, uint32_t v, unsigned a)
{
	return a == 1u ? old & ~v : a == 2u ? old | v : a == 3u ? old ^ v : v;
}

/* State the assembly paths read (offsets fixed in arch/mips/vectors.S). */
struct hv_fast {
	uint32_t cur_id;                      /* running VM id (0 = none) */
	uint32_t num_vms;
	const struct vz_tlb_entry *tlb_cur;   /* running VM's plan entries that */
	const struct vz_tlb_entry *tlb_end;   /* are not wired (refill searches) */
	const struct vz_vevic *evic;          /* running VM's virtual EVIC, NULL if it
	                                       * has no EVIC block */
	uint32_t hi, lo;                      /* the running VM's HI/LO while the
	                                       * hypervisor's C code runs */
	const struct vz_block *blk_cur;       /* running VM's emulated blocks */
	const struct vz_block *blk_end;
};
extern struct hv_fast hv_fast;

/* arch/mips */
uint32_t vz_gpr_read(unsigned n);
void vz_gpr_write(unsigned n, uint32_t value);
void vz_gctx_save(uint32_t *ctx);
void vz_gctx_restore(const uint32_t *ctx);
void vz_fpu_swap(uint64_t *out, const uint64_t *in);
void vz_dsp_swap(uint32_t *out, const uint32_t *in);
uint32_t vz_fcsr_read(void);        /* FCSR and DSPControl in the CPU */
uint32_t vz_dspcontrol_read(void);
void vz_launch(void) __attribute__((noreturn));
void tlb_init(void);
void tlb_wire_plans(void);
void tlb_dump(void);
unsigned tlb_wired_count(void);
/* The guests' part of the TLB on a VM switch (out may be NULL); GuestCtl1
 * names `in` afterwards. gtlb_drop: forget a VM's entries (restart). */
void gtlb_switch(struct vz_vm *out, struct vz_vm *in);
void gtlb_drop(const struct vz_vm *vm);

/* core: lazy FPU and DSP switching (the owners: also read by debuggers,
 * core/debug_info.c) */
extern struct vz_vm *fpu_owner, *dsp_owner;
void units_take(struct vz_vm *vm, bool fpu);
void units_grant(const struct vz_vm *vm);
/* The conditions of the FPU and DSP branches as vm sees them: FCSR
 * condition code cc set; DSPControl.pos >= 32. */
bool units_fcc(const struct vz_vm *vm, unsigned cc);
bool units_pos_ge32(const struct vz_vm *vm);

/* core: time (64-bit core-timer ticks; Count runs at SYSCLK / 2) */
uint64_t time_now(void);
void time_program(void);            /* root Compare = earliest deadline */
void time_interrupt(void);          /* core timer fired */
void time_guest_compare(struct vz_vm *vm, uint32_t compare);
#define HV_TICKS_PER_SEC 100000000u
uint32_t time_ms_since_boot(void);  /* (core/con_heartbeat.c) */

/* core: scheduler */
extern struct vz_vm *hv_cur;
extern struct vz_vm *sched_loaded;  /* VM whose guest context is in the CPU */
void sched_init(void);
void sched_start(void) __attribute__((noreturn));
void sched_wake(struct vz_vm *vm);  /* an event arrived for vm */
void sched_yield(void);             /* current VM gives up its turn */
void sched_wait(void);              /* current VM executed WAIT */
void sched_stop(struct vz_vm *vm, uint8_t state);
void sched_resume(struct vz_vm *vm);
void sched_slice_end(void);
void sched_restart(struct vz_vm *vm);
void sched_reboot(struct vz_vm *vm, bool cold);   /* restart, RAM cleared if cold */
uint32_t sched_slice_deadline(bool *armed);

/* core: time partitioning (window.c; without vz_system.schedule every VM
 * is allowed and the scheduler is round robin) */
void win_start(void);
bool win_allows(const struct vz_vm *vm);  /* may run now */
struct vz_vm *win_owner(void);            /* the current window's VM, NULL in a gap */
uint32_t win_boundary(void);              /* root Count of the next boundary */
uint32_t win_due(void);                   /* when to handle it (a little earlier) */
void win_advance(uint32_t now);           /* root Count: at or past win_due() */
void win_enter(void);                     /* hold a loaded VM until its window */

/* core: VM lifecycle */
void vm_reset(struct vz_vm *vm);
struct vz_vm *vm_by_id(unsigned id);
void vm_fault(struct vz_vm *vm, const char *why);
void vm_clear_ram(struct vz_vm *vm);
void vm_show_fault(const struct vz_vm *vm, unsigned level);
/* Guest memory for hypercalls: returns the root address of [gva, gva +
 * len) if wholly inside one region with the access allowed: KSEG0 where the
 * guest itself accesses it cached, KSEG1 where uncached (coherent either way). */
volatile uint8_t *vm_guest_ptr(const struct vz_vm *vm, uint32_t gva, uint32_t len,
			       uint32_t need);

/* core: exits */
void hv_exception(void);
void hv_interrupt(void);
/* PC after the trapping instruction of vm */
uint32_t emu_next_pc(const struct vz_vm *vm, uint32_t epc, bool bd);
bool emu_access(struct vz_vm *vm, uint32_t gpa, bool bd);
/* microMIPS exits (emulate_mm.c): BadInstr word -> the MIPS32 twin of an
 * emulated instruction (0 if none), its size, and the PC after a branch
 * (BadInstrP) and its delay slot (BadInstr). */
uint32_t emu_mm_insn(uint32_t badinstr);
uint32_t emu_mm_size(uint32_t badinstr);
uint32_t emu_mm_next_pc(const struct vz_vm *vm, uint32_t epc, uint32_t branch, uint32_t slot);
void hypercall(struct vz_vm *vm, uint32_t code);

/* core: inter-VM channels (channel.c); results as the hypercalls' v0, *r1 = v1 */
const struct vz_channel *chan_get(uint32_t ch);
int32_t chan_write(const struct vz_vm *vm, uint32_t ch, uint32_t p, uint32_t n, uint32_t *r1);
int32_t chan_read(const struct vz_vm *vm, uint32_t ch, uint32_t p, uint32_t size, uint32_t *r1);
int32_t chan_notify(const struct vz_vm *vm, uint32_t ch, uint32_t to);
void chan_doorbells(const struct vz_vm *vm, uint32_t may[VZ_IRQ_WORDS]);

/* core: health monitor (health.c): an event of enum vz_hm_event */
void health_event(struct vz_vm *vm, unsigned ev);
void health_vm_reset(const struct vz_vm *vm);
void health_tick(uint32_t now);      /* root Count */
void health_wait(struct vz_vm *vm);  /* it is about to sleep in WAIT */
void health_show(const struct vz_vm *vm);
void setup_apply(const struct vz_reg_write *w, unsigned n);

/* vdev: one access of `width` bytes at offset `off` of block b */
bool blk_read(struct vz_vm *vm, const struct vz_block *b, uint32_t off, unsigned width,
	      uint32_t *val);
bool blk_write(struct vz_vm *vm, const struct vz_block *b, uint32_t off, unsigned width,
	       uint32_t val);
void vevic_reclaim(struct vz_vm *vm);               /* re-enable owned sources */
void hv_interrupt_take(void);        /* the request presented, or all pending */
void sched_commit_slow(void);
extern struct vz_vm *sched_want;
/* End of every handler: carry out what the scheduler decided meanwhile. */
static inline void sched_commit(void)
{
	if (sched_want || !hv_cur || hv_cur->state != (uint8_t)VM_RUNNABLE) {
		sched_commit_slow();
	}
}

void vevic_reset(struct vz_vm *vm);
bool vevic_read(struct vz_vm *vm, uint32_t off, uint32_t *val);
bool vevic_write(struct vz_vm *vm, uint32_t off, uint32_t val);
void vevic_raise(struct vz_vm *vm, unsigned irq);   /* set a virtual flag */
void vevic_word_changed(struct vz_vm *vm, unsigned irq); /* after a direct ifs/iec change */
void vevic_update(struct vz_vm *vm);                /* recompute GuestCtl2 */
bool vevic_pending(const struct vz_vm *vm);
void vevic_real_irq(unsigned irq);                  /* owned device IRQ fired */
void vevic_release(struct vz_vm *vm);               /* disable owned sources */
void vevic_store(uint32_t off, uint32_t v);         /* from arch/mips/vectors.S */
uint32_t vevic_offer(struct vz_vevic *e);           /* GuestCtl2 (vectors.S) */
uint32_t vevic_word(struct vz_vevic *e, uint32_t off, uint32_t v, uint32_t may);

/* The chip's EVIC keeps requesting while a flag and its enable are set, but
 * the core clears GuestCtl2.GRIPL (31:24; 31:30 read 0) when the guest takes
 * the interrupt: at each exit through C, offer it again, so that a handler
 * that returned without acknowledging is entered again. The exit vector's
 * IFS/IEC load and unchanging-store paths check the same. */
static inline void vevic_reassert(struct vz_vm *vm)
{
	if ((vm->evic.best >> 10 & vm->evic.offer_mask) && !(CP0_READ(C0_GUESTCTL2) >> 24))
		vevic_update(vm);
}

/* vdev/dma.c: the DMA registers of the VM owning channels */
bool vdma_read(struct vz_vm *vm, uint32_t off, uint32_t *val);
bool vdma_write(struct vz_vm *vm, uint32_t off, uint32_t val);
void vdma_stop(struct vz_vm *vm);                   /* abort its channels */

/* vdev/wdt.c: each VM's own watchdog (WDTCON); vwdt_on: bit per VM whose
 * watchdog is on (0: the time paths skip the watchdogs) */
extern uint32_t vwdt_on;
bool vwdt_read(const struct vz_vm *vm, uint32_t off, uint32_t *val);
bool vwdt_write(struct vz_vm *vm, uint32_t off, uint32_t val);
bool vwdt_running(const struct vz_vm *vm);
void vwdt_reset(struct vz_vm *vm);                  /* as after a chip reset */
void vwdt_resume(struct vz_vm *vm);                 /* a new period after a stop */
bool vwdt_deadline(uint32_t max, uint32_t *due);    /* root Count */
void vwdt_tick(void);                               /* expiries: health events */

void vcon_reset(struct vz_vm *vm);
bool vcon_read(struct vz_vm *vm, uint32_t off, uint32_t *val);
bool vcon_write(struct vz_vm *vm, uint32_t off, uint32_t val);
uint32_t vcon_latch(const struct vz_vm *vm, uint32_t off);  /* stored value, no side effect */
bool vcon_input(struct vz_vm *vm, uint8_t c);       /* false: ring full */
void vcon_flush(struct vz_vm *vm);
void vcon_write_bytes(struct vz_vm *vm, const volatile uint8_t *p, uint32_t n);
void vcon_levels(struct vz_vm *vm);                 /* re-derive RX/TX flags */

/* soc */
void soc_board_init(void);
void syskey_unlock(void);
void syskey_lock(void);
void evic_init(void);
void evic_set_priority(unsigned irq, unsigned pri, unsigned sub);
void evic_enable(unsigned irq, bool on);
void evic_clear(unsigned irq);
void uart_init(unsigned n, uint32_t baud, uint32_t pbclk);
bool uart_tx_ready(void);
bool uart_tx_idle(void);            /* nothing left to send (TRMT) */
void uart_tx(uint8_t c);
int uart_rx(void);                  /* -1 if empty */
unsigned uart_irq_base(void);       /* fault IRQ; RX = +1, TX = +2 */

/* core: console. Hypervisor text has a level: what it may use of the
 * output ring (console.c, docs/isolation.md). con_printf is CON_REPLY. */
enum { CON_FAULT, CON_REPLY, CON_CHATTER };
void con_init(void);
void con_putc(char c);
void con_puts(const char *s);
void con_printf(const char *fmt, ...);
void con_report(unsigned level, const char *fmt, ...);
bool con_log_allowed(struct vz_vm *vm);     /* rate limit of a VM's chatter */
void con_log_reset(struct vz_vm *vm);
unsigned con_visible(uint8_t c, char to[4]); /* a byte as shown on the terminal */
void con_guest_byte(unsigned id, char c);   /* tagged output */
bool con_guest_room(void);                  /* room for guest text in the ring */
unsigned con_guest_write(unsigned id, const char *p, unsigned n);
void con_interrupt_rx(void);
void con_interrupt_tx(void);
void con_kick(void);
void con_drain(void);                       /* send everything queued, wait */

#endif
