/* SPDX-License-Identifier: Apache-2.0 */
/* arch_stub.c - what the hypervisor's C code needs from below, for host
 * builds (tests/fuzz/hv): root and guest CP0 as variables, the guest's
 * shadow GPRs, physical memory (RAM, program flash, SFRs) as arrays, the
 * console UART as byte queues, the guest TLB switch (arch/mips/gtlb.c
 * runs TLBG* instructions the host does not have: here it only names the
 * VM in GuestCtl1), the idle WAIT (time jumps to root Compare) and the
 * launch into the first guest (back to host_boot). The scheduler and the
 * boot are the real core/sched.c and core/main.c. vevic_offer and
 * vevic_word, which are assembly on the chip (arch/mips/vectors.S), are
 * written here in C from their contract there.
 *
 * An access of the hypervisor outside RAM, program flash or the SFR space,
 * or a GPR number above 31, aborts: the chip would take an exception in the
 * hypervisor itself. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vzlet/hv.h>
#include <vzlet/thread.h>
#include "hv_fuzz.h"

/* ---- CP0 -------------------------------------------------------------------- */
uint32_t host_cp0[32][8], host_gcp0[32][8];

uint32_t host_cp0_read(unsigned reg, unsigned sel)
{
	if (reg == 9 && sel == 0)               /* Count moves on */
		host_cp0[9][0] += 13;
	return host_cp0[reg & 31][sel & 7];
}

void host_cp0_write(unsigned reg, unsigned sel, uint32_t v)
{
	host_cp0[reg & 31][sel & 7] = v;
}

uint32_t host_gcp0_read(unsigned reg, unsigned sel)
{
	return host_gcp0[reg & 31][sel & 7];
}

void host_gcp0_write(unsigned reg, unsigned sel, uint32_t v)
{
	host_gcp0[reg & 31][sel & 7] = v;
}

/* ---- memory --------------------------------------------------------------- */
static uint8_t ram[0x80000] __attribute__((aligned(8)));
static uint8_t pflash[0x200000] __attribute__((aligned(8)));
static uint8_t sfr[0x100000] __attribute__((aligned(8)));   /* 0x1F800000.. */

volatile void *host_kseg1(uint32_t pa)
{
	if (pa < sizeof ram)
		return ram + pa;
	if (pa - 0x1D000000u < sizeof pflash)
		return pflash + (pa - 0x1D000000u);
	if (pa - 0x1F800000u < sizeof sfr)
		return sfr + (pa - 0x1F800000u);
	fprintf(stderr, "hypervisor access to physical 0x%08x: nothing there\n", pa);
	abort();
}

uint32_t host_sfr_word(uint32_t pa)
{
	return *(volatile uint32_t *)host_kseg1(pa);
}

void host_sfr_set(uint32_t pa, uint32_t v)
{
	*(volatile uint32_t *)host_kseg1(pa) = v;
}

/* ---- GPRs of the running guest (RDPGPR/WRPGPR) --------------------------- */
uint32_t host_gpr[32];

static void check_gpr(unsigned n)
{
	if (n > 31) {
		fprintf(stderr, "hypervisor named GPR %u\n", n);
		abort();
	}
}

uint32_t vz_gpr_read(unsigned n)
{
	check_gpr(n);
	return n ? host_gpr[n] : 0;
}

void vz_gpr_write(unsigned n, uint32_t value)
{
	check_gpr(n);
	if (n)
		host_gpr[n] = value;
}

void vz_gctx_save(uint32_t *ctx)
{
	memset(ctx, 0, GCTX_COUNT * sizeof *ctx);
}

void vz_gctx_restore(const uint32_t *ctx)
{
	(void)ctx;
}

void vz_fpu_swap(uint64_t *out, const uint64_t *in)
{
	memmove(out, in, 32 * sizeof *out);
}

void vz_dsp_swap(uint32_t *out, const uint32_t *in)
{
	memmove(out, in, 7 * sizeof *out);
}

/* The units' registers in the CPU: the owner's saved copies (the swaps
 * above keep nothing else). */
uint32_t vz_fcsr_read(void)
{
	return fpu_owner ? fpu_owner->fcsr : 0;
}

uint32_t vz_dspcontrol_read(void)
{
	return dsp_owner ? dsp_owner->dsp[6] : 0;
}

/* Root EBase (arch/mips/vectors.S) and the stack top (the linker's). */
char vz_vec_refill[0x400];
char _stack_top[16];

jmp_buf host_launched, host_idle_exit;
unsigned host_idle_waits;

/* hv_main's last step: the first ERET into a guest. */
void vz_launch(void)
{
	longjmp(host_launched, 1);
}

/* The idle hypervisor's WAIT (core/sched.c): on the chip time passes until
 * an interrupt; here it jumps to root Compare and the core timer's request
 * is presented (INTSTAT, as the EVIC shows the request that woke WAIT). A
 * run of waits with no VM to run ends the input (host_idle_exit): with no
 * event but the timer's, nothing more can happen. */
void cpu_wait(void)
{
	if (++host_idle_waits > 64)
		longjmp(host_idle_exit, 1);
	host_cp0[9][0] = host_cp0[11][0];
	host_sfr_set(0x1F810020u, 0x700u);            /* INTSTAT: SRIPL 7, vector 0 */
}

/* arch/mips/gtlb.c: GuestCtl1 names the incoming VM (ID = RID); the guest
 * TLB itself is not modelled. */
void gtlb_switch(struct vz_vm *out, struct vz_vm *in)
{
	(void)out;
	host_cp0[10][4] = in->id | (uint32_t)in->id << 16;
}

void gtlb_drop(const struct vz_vm *vm)
{
	(void)vm;
}

void tlb_init(void) { }
void tlb_wire_plans(void) { }
void tlb_dump(void) { con_puts("(TLB)\n"); }
unsigned tlb_wired_count(void) { return 0; }

/* ---- console UART --------------------------------------------------------- */
static const uint8_t *rx_next, *rx_end;
size_t host_tx_count;

void host_uart_input(const uint8_t *p, size_t n)
{
	rx_next = p;
	rx_end = p + n;
}

void uart_init(unsigned n, uint32_t baud, uint32_t pbclk)
{
	(void)n;
	(void)baud;
	(void)pbclk;
}

unsigned uart_irq_base(void) { return 170; }   /* UART4 */
bool uart_tx_ready(void) { return true; }
bool uart_tx_idle(void) { return true; }
void uart_tx(uint8_t c) { (void)c; host_tx_count++; }

int uart_rx(void)
{
	return rx_next < rx_end ? *rx_next++ : -1;
}

/* core/con_heartbeat.c is not in the harnesses (its thread never returns). */
uint32_t time_ms_since_boot(void)
{
	return (uint32_t)(time_now() / (HV_TICKS_PER_SEC / 1000u));
}

/* ---- hypervisor threads (core/thread.c switches stacks): none ------------- */
void threads_init(void)
{
}

void threads_run(void)
{
}

uint32_t threads_deadline(bool *armed)
{
	*armed = false;
	return 0;
}

/* ---- scheduler: the real core/sched.c ------------------------------------- */
/* Run vm next (if it may run), as an event for it would. */
void host_switch_to(struct vz_vm *vm)
{
	host_idle_waits = 0;
	if (vm != hv_cur && vm->state == VM_RUNNABLE) {
		sched_want = vm;
		sched_commit_slow();
	}
}

/* ---- the virtual EVIC's assembly (arch/mips/vectors.S), in C ------------- */

/* GuestCtl2 from the rank kept in e->best. */
static uint32_t offer_best(const struct vz_vevic *e)
{
	uint32_t prio = e->best >> 10;
	unsigned irq = 255 - (e->best & 0xFF);
	if (!prio)
		return 0;
	if (!(e->intcon & 0x1000))
		return prio << 24 | 0x200;
	return prio << 24 | (irq < VZ_NUM_IRQS ? e->off[irq] & 0xFFFF : 0);
}

static uint32_t rank_of(const struct vz_vevic *e, unsigned irq)
{
	uint32_t key = (e->ipc[irq >> 2] >> (8 * (irq & 3))) & 0x1F;
	return key << 8 | (255 - irq);
}

/* The highest rank among the bits of word w in p, against best. */
static uint32_t best_of(const struct vz_vevic *e, unsigned w, uint32_t p, uint32_t best)
{
	for (; p; p &= p - 1) {
		uint32_t r = rank_of(e, w * 32 + (unsigned)__builtin_ctz(p));
		if (r > best)
			best = r;
	}
	return best;
}

uint32_t vevic_offer(struct vz_vevic *e)
{
	uint32_t best = 0x3FF;
	for (uint32_t pw = e->pending_words; pw; pw &= pw - 1) {
		unsigned w = (unsigned)__builtin_ctz(pw);
		if (w >= VZ_IRQ_WORDS) {
			fprintf(stderr, "pending word %u\n", w);
			abort();
		}
		best = best_of(e, w, e->ifs[w] & e->iec[w], best);
	}
	e->best = best;
	return offer_best(e);
}

uint32_t vevic_word(struct vz_vevic *e, uint32_t off, uint32_t v, uint32_t may)
{
	uint32_t t1 = off - 0x40;
	if (t1 >= 0x100 || (t1 & 0x70) == 0x70)
		return ~0u;
	unsigned w = (t1 >> 4) & 7;
	bool is_iec = t1 & 0x80;
	if (!may)
		may = e->fast[w];
	uint32_t *reg = is_iec ? &e->iec[w] : &e->ifs[w];
	uint32_t other = is_iec ? e->ifs[w] : e->iec[w];
	uint32_t real_pa = 0x1F810000u | (off & 0x1F0);
	uint32_t old = *reg, cur = old;
	if (!is_iec)
		cur |= host_sfr_word(real_pa) & e->owned[w];
	uint32_t change;
	switch (t1 & 0xC) {
	case 0x0: change = v ^ cur; break;
	case 0x4: change = v & cur; break;
	case 0x8: change = v & ~cur; break;
	default: change = v; break;
	}
	uint32_t neu = cur ^ change;
	if (change & ~may)
		return ~0u;
	uint32_t before = old & other, after = neu & other;
	uint32_t gc2;
	if (!change) {
		if (host_cp0[10][5] >> 24 || !(e->best >> 10))
			return 0;
		gc2 = offer_best(e);
	} else {
		*reg = neu;
		uint32_t k = e->owned[w] & change;
		if (k) {
			uint32_t iec_pa = 0x1F8100C0u + 0x10 * w;
			if (!is_iec)
				host_sfr_set(0x1F810044u + 0x10 * w, k & (neu ^ change));  /* IFSCLR */
			uint32_t on = ~e->ifs[w] & e->iec[w] & k;
			host_sfr_set(iec_pa + 8, on);
			host_sfr_set(iec_pa + 4, on ^ k);
		}
		if (after == before) {
			gc2 = offer_best(e);
		} else {
			if (after)
				e->pending_words |= 1u << w;
			else
				e->pending_words &= ~(1u << w);
			if (~after & before) {
				gc2 = vevic_offer(e);
			} else {
				e->best = best_of(e, w, after ^ before, e->best);
				gc2 = offer_best(e);
			}
		}
	}
	host_cp0[10][5] = gc2 & e->offer_mask;
	return 0;
}
