/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the hypervisor benchmark guest (bench/hv, docs/benchmarks.md).
 *
 * A bare-metal chipKIT Wi-Fire program that runs the operations of ops.S
 * once after the other, bare or unmodified under vzlet. Results go to RAM
 * (struct hvb_record, found by the host driver) and a short summary to the
 * console UART4 (a virtual one under vzlet, tagged "[id] ").
 *
 * The host driver times every instance from the PCs; the guest times whole
 * loops with Count too, its own view (each Count read traps under vzlet, so
 * these include a little amortised overhead). */
#include <stdint.h>
#include "hvb_record.h"

#define REG(a)   (*(volatile uint32_t *)(a))
#define CLR(a)   REG((a) + 4)
#define SET(a)   REG((a) + 8)

#define INTCON   0xBF810000u
#define IFS(n)   (0xBF810040u + 0x10u * (n))
#define IEC(n)   (0xBF8100C0u + 0x10u * (n))
#define IPC(n)   (0xBF810140u + 0x10u * (n))

#define UART(n)      (0xBF822000u + 0x200u * ((n) - 1))
#define UMODE(n)     (UART(n) + 0x00)
#define USTA(n)      (UART(n) + 0x10)
#define UTXREG(n)    (UART(n) + 0x20)
#define UBRG(n)      (UART(n) + 0x40)
#define UMODE_ON     0x8000u
#define UMODE_BRGH   0x0008u
#define USTA_URXEN   0x1000u
#define USTA_UTXEN   0x0400u
#define USTA_UTXBF   0x0200u
#define CONSOLE      4
#define DEV_UART     2
#define DEV_RX_IRQ   146u      /* UART2 receive */
#define SW0_IRQ      1u        /* core software interrupt 0 */

/* volatile: the host reads and writes it while the guest runs. */
volatile struct hvb_record hvb_rec;

void hvb_empty(unsigned n);
void hvb_hypcall(unsigned n);
void hvb_trap(unsigned n);
void hvb_prid(unsigned n);
void hvb_hctime(unsigned n);
void hvb_reg_sw(unsigned n);
void hvb_reg_lw(unsigned n);
void hvb_evic_lw(unsigned n);
void hvb_evic_sw(unsigned n);
void hvb_swirq(unsigned n);
void hvb_swirq_handler(void);
void hvb_dev_wait(volatile uint32_t *go);
void hvb_dev_idle(volatile uint32_t *go);
void hvb_dev_handler(void);
int main(void);

static uint32_t count(void)
{
	uint32_t v;
	__asm__ volatile("mfc0 %0, $9" : "=r"(v));
	return v;
}

/* Every interrupt enters the handler whose address is in k1. */
static void set_handler(void (*fn)(void))
{
	__asm__ volatile("move $27, %0" :: "r"(fn) : "memory");
}

static void irq_on(void)  { __asm__ volatile("ei\n\tehb" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("di\n\tehb" ::: "memory"); }

static void uart_open(unsigned n)
{
	REG(UMODE(n)) = 0;
	REG(UBRG(n)) = 216;                      /* 115200 from 100 MHz, BRGH */
	REG(USTA(n)) = USTA_URXEN | USTA_UTXEN;
	REG(UMODE(n)) = UMODE_ON | UMODE_BRGH;
}

static void putc_(char c)
{
	while (REG(USTA(CONSOLE)) & USTA_UTXBF)
		;
	REG(UTXREG(CONSOLE)) = (uint8_t)c;
}

static void puts_(const char *s)
{
	while (*s)
		putc_(*s++);
}

static void putu(uint32_t v)
{
	char b[11];
	int n = 0;
	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		putc_(b[--n]);
}

/* Priority p (1..7), subpriority 0, for vector k. */
static void irq_setup(unsigned k, unsigned p)
{
	unsigned shift = 8 * (k % 4);
	CLR(IPC(k / 4)) = 0x1Fu << shift;
	SET(IPC(k / 4)) = (p << 2) << shift;
	CLR(IFS(k / 32)) = 1u << (k % 32);
	SET(IEC(k / 32)) = 1u << (k % 32);
}

static void timed(enum hvb_loop which, void (*loop)(unsigned))
{
	uint32_t t0 = count();
	loop(HVB_REPS);
	hvb_rec.loop_ticks[which] = count() - t0;
}

/* Wait (bounded) until the host driver says it is watching. Run alone, the
 * guest goes on after the bound and still prints its own figures. */
static void wait_for_host(void)
{
	for (uint32_t i = 0; i < 10000000u; i++)
		if (hvb_rec.go == HVB_GO_START) {
			hvb_rec.started_by_host = 1;
			return;
		}
}

static void report(const char *name, enum hvb_loop which)
{
	puts_(name);
	puts_(": ");
	putu((hvb_rec.loop_ticks[which] + HVB_REPS / 2) / HVB_REPS);
	puts_(" ticks per iteration (guest Count)\n");
}

int main(void)
{
	uint32_t config3;
	__asm__ volatile("mfc0 %0, $16, 3" : "=r"(config3));

	hvb_rec.reps = HVB_REPS;
	hvb_rec.dev_rounds = HVB_DEV_ROUNDS;
	/* Config3.VZ: the bare M5150 has it; a guest's Config3 does not. */
	hvb_rec.virtualised = !(config3 & (1u << 23));
	hvb_rec.magic1 = HVB_MAGIC1;
	hvb_rec.magic0 = HVB_MAGIC0;
	hvb_rec.state = HVB_STATE_READY;

	uart_open(CONSOLE);
	REG(INTCON) = 0;                          /* single vector */
	wait_for_host();
	hvb_rec.state = HVB_STATE_RUN;

	timed(HVB_L_EMPTY, hvb_empty);
	if (hvb_rec.virtualised)                  /* HYPCALL means nothing bare */
		timed(HVB_L_HYPCALL, hvb_hypcall);
	timed(HVB_L_TRAP, hvb_trap);
	hvb_prid(HVB_REPS);
	if (hvb_rec.virtualised)
		hvb_hctime(HVB_REPS);
	timed(HVB_L_REG_SW, hvb_reg_sw);
	timed(HVB_L_REG_LW, hvb_reg_lw);

	irq_setup(SW0_IRQ, 2);
	timed(HVB_L_EVIC_LW, hvb_evic_lw);
	timed(HVB_L_EVIC_SW, hvb_evic_sw);

	set_handler(hvb_swirq_handler);
	irq_on();
	timed(HVB_L_SWIRQ, hvb_swirq);
	irq_off();

	/* Device interrupt rounds: the host offers one byte to UART2 per round
	 * while the guest spins (then while it waits in WAIT), and releases it
	 * with go = HVB_GO_NEXT. */
	uart_open(DEV_UART);
	irq_setup(DEV_RX_IRQ, 3);
	set_handler(hvb_dev_handler);
	irq_on();
	if (hvb_rec.started_by_host) {
		for (unsigned r = 0; r < HVB_DEV_ROUNDS; r++)
			hvb_dev_wait(&hvb_rec.go);
		for (unsigned r = 0; r < HVB_DEV_ROUNDS; r++)
			hvb_dev_idle(&hvb_rec.go);
	}
	irq_off();

	if (hvb_rec.virtualised)
		report("hvbench: hypercall", HVB_L_HYPCALL);
	report("hvbench: trap (cache)", HVB_L_TRAP);
	report("hvbench: guarded store", HVB_L_REG_SW);
	report("hvbench: sw irq", HVB_L_SWIRQ);
	report("hvbench: empty loop", HVB_L_EMPTY);
	hvb_rec.state = HVB_STATE_DONE;
	puts_("hvbench: done\n");
	for (;;)
		__asm__ volatile("wait");
}
