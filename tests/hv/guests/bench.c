/* bench.c - measures the hypervisor's costs from inside a guest, in core-timer
 * ticks (Count, SYSCLK / 2), and prints one "name: value" line each:
 *   hypercall_ticks           HYPCALL VZ_HC_VM_ID and back
 *   context_switch_ticks      a trap handled in the hypervisor's C path and
 *                             back (guest MFC0 PRId, GPSI)
 *   register_emulation_ticks  a store to a guarded device register (PR2)
 *   irq_injection_ticks       software IRQ: the store that sets the flag,
 *                             the injection and the guest taking the
 *                             interrupt and returning; the handler's own two
 *                             controller accesses (read IFS0, clear the flag)
 *                             are measured separately and not counted
 *   device_irq_round_trip_ticks  CPU time one Timer2 interrupt costs when
 *                             delivered to and handled by this guest
 * Each figure is the average over many repetitions (the Count reads around
 * a loop trap too; they are amortised). Runs bare too (figures then show the
 * bare chip's cost). */
#include "../../../guests/poll/board.h"

#define N 512u
#define CS0_IRQ 1u

static volatile unsigned sw_irqs, timer_irqs;

int main(void);
void guest_interrupt(void);

void guest_interrupt(void)
{
	if (REG(IFS(0)) & (1u << CS0_IRQ)) {
		CLR(IFS(0)) = 1u << CS0_IRQ;
		sw_irqs++;
	}
	if (REG(IFS(0)) & (1u << T2_IRQ)) {
		CLR(IFS(0)) = 1u << T2_IRQ;
		timer_irqs++;
	}
}

static void put_dec(uint32_t v)
{
	char b[12];
	int n = 0;
	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		console_putc(b[--n]);
}

static void report(const char *name, uint32_t ticks, uint32_t reps)
{
	console_puts(name);
	console_puts(": ");
	put_dec((ticks + reps / 2) / reps);
	console_putc('\n');
}

static uint32_t busy_loop(uint32_t n)
{
	uint32_t t0 = read_count();
	for (volatile uint32_t i = 0; i < n; i++)
		;
	return read_count() - t0;
}

int main(void)
{
	uint32_t t0, t;

	console_init();
	REG(INTCON) = 0;
	console_puts("bench: start\n");

	/* Config3.VZ reads 1 on the bare chip and 0 in a guest: HYPCALL only
	 * means something under a hypervisor. */
	uint32_t config3;
	__asm__ volatile("mfc0 %0, $16, 3" : "=r"(config3));
	if (!(config3 & (1u << 23))) {
		t0 = read_count();
		for (unsigned i = 0; i < N; i++)
			__asm__ volatile(".set push\n.set virt\nli $2, 0\nhypcall\n.set pop" ::: "$2", "$3");
		report("hypercall_ticks", read_count() - t0, N);
	}

	t0 = read_count();
	for (unsigned i = 0; i < N; i++) {
		uint32_t v;
		__asm__ volatile("mfc0 %0, $15" : "=r"(v));
	}
	report("context_switch_ticks", read_count() - t0, N);

	t0 = read_count();
	for (unsigned i = 0; i < N; i++)
		REG(PR2) = 0xFFFF;
	report("register_emulation_ticks", read_count() - t0, N);

	/* Software interrupt 0 (vector 1), priority 1, interrupts on. */
	SET(IPC(0)) = (1u << 2) << 8;
	SET(IEC(0)) = 1u << CS0_IRQ;
	__asm__ volatile("ei; ehb");
	/* The handler's own accesses, measured alone (flag clear: no IRQ). */
	t0 = read_count();
	for (unsigned i = 0; i < N; i++) {
		(void)REG(IFS(0));
		CLR(IFS(0)) = 1u << CS0_IRQ;
	}
	uint32_t handler_accesses = read_count() - t0;
	t0 = read_count();
	for (unsigned i = 0; i < N; i++) {
		unsigned before = sw_irqs;
		SET(IFS(0)) = 1u << CS0_IRQ;
		while (sw_irqs == before)
			;
	}
	t = read_count() - t0;
	report("irq_injection_ticks", t > handler_accesses ? t - handler_accesses : 0, N);

	/* Device IRQ: the same busy loop without and with Timer2 interrupts
	 * every 20 us; the difference per interrupt is its whole cost. */
	uint32_t quiet = busy_loop(200000);
	CLR(IPC(T2_IRQ / 4)) = 0x1Fu << (8 * (T2_IRQ % 4));
	SET(IPC(T2_IRQ / 4)) = (3u << 2) << (8 * (T2_IRQ % 4));
	CLR(IFS(0)) = 1u << T2_IRQ;
	SET(IEC(0)) = 1u << T2_IRQ;
	REG(T2CON) = 0;
	REG(TMR2) = 0;
	REG(PR2) = 2000 - 1;               /* 100 MHz / 2000 = every 20 us */
	timer_irqs = 0;
	REG(T2CON) = 0x8000;
	t = busy_loop(200000);
	REG(T2CON) = 0;
	unsigned irqs = timer_irqs;
	report("device_irq_round_trip_ticks", irqs ? t - quiet : 0, irqs ? irqs : 1);
	console_puts("bench: done\n");
	for (;;)
		__asm__ volatile("wait");
}
