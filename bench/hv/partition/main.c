/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - the guest of the partitioning benchmarks (make bench-hv,
 * bench/hv/partbench.c, bench/hv/bench-partition.dts). One ELF, a role per
 * VM id; the driver times the labels below by their PCs (each is run by
 * one VM only):
 *   VM 1 (a)  per round: a sampling write (pb_sw_op -> pb_sw_after); a
 *             doorbell rung at VM 2 waiting in WAIT (pb_db_op -> VM 2's
 *             vector stub); a queuing message to VM 2 and its answer back,
 *             both with doorbells (pb_q_op -> pb_q_done); then "go" to
 *             VMs 3 and 4
 *   VM 2 (b)  answers each message of queue 1 on queue 2 and rings VM 1
 *   VM 3, 4   fault (pb_cold_fault_op, pb_warm_fault_op) as soon as "go"
 *             is there, again after each restart: their health-monitor
 *             actions are a cold and a warm restart */
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "pic32mz.h"
#include "uart.h"

#define CH_SAMPLE 0      /* sampling a -> b, 16 bytes */
#define CH_AB 1          /* queuing a -> b, doorbell 5 in b */
#define CH_BA 2          /* queuing b -> a, doorbell 6 in a */
#define CH_GO 3          /* sampling a -> 3, 4 */
#define BELL_B 5
#define BELL_A 6
#define ROUNDS 16

static volatile unsigned bells;
static unsigned my_bell;             /* this VM's doorbell vector */
static uint32_t msg[4];

void bell(void);
void bell(void)
{
	bells++;
	irq_clear(my_bell);
}
GUEST_ISR(5, bell);
GUEST_ISR(6, bell);

/* One hypercall with three arguments between two global labels. Not
 * inlined: each label must exist once. */
#define TIMED_HYPERCALL(name, op, after)                                       \
	static __attribute__((noinline)) int name(uint32_t fn, uint32_t a0,    \
						  uint32_t a1, uint32_t a2)    \
	{                                                                      \
		register uint32_t v0 __asm__("$2") = fn;                       \
		register uint32_t ra0 __asm__("$4") = a0;                      \
		register uint32_t ra1 __asm__("$5") = a1;                      \
		register uint32_t ra2 __asm__("$6") = a2;                      \
		__asm__ volatile(".set push\n.set virt\n.globl " #op "\n" #op  \
				 ":\nhypcall\n.globl " #after "\n" #after      \
				 ":\n.set pop"                                 \
				 : "+r"(v0) : "r"(ra0), "r"(ra1), "r"(ra2)     \
				 : "$3", "memory");                           \
		return (int)v0;                                                \
	}
TIMED_HYPERCALL(sampling_write, pb_sw_op, pb_sw_after)
TIMED_HYPERCALL(ring, pb_db_op, pb_db_after)
TIMED_HYPERCALL(queue_send, pb_q_op, pb_q_sent)
TIMED_HYPERCALL(queue_receive, pb_q_receive, pb_q_done)

/* WAIT until a doorbell rings (interrupts off around the test, so that
 * none is taken between it and the WAIT; WAIT wakes on it anyway). */
static void wait_bell(unsigned seen)
{
	for (;;) {
		uint32_t st = irq_save_disable();
		if (bells != seen) {
			irq_restore(st);
			return;
		}
		__asm__ volatile("wait");
		irq_restore(st);
	}
}

static void role_a(void)
{
	unsigned ok = 0;
	for (unsigned r = 0; r < ROUNDS; r++) {
		msg[0] = r;
		sleep_ms(1);   /* b is back in WAIT */
		ok += sampling_write(VZ_HC_CHAN_WRITE, CH_SAMPLE, (uint32_t)msg, 16) == 0;
		sleep_ms(1);
		ok += ring(VZ_HC_NOTIFY, CH_AB, 2, 0) == 0;
		sleep_ms(1);
		unsigned seen = bells;
		ok += queue_send(VZ_HC_CHAN_WRITE, CH_AB, (uint32_t)msg, 8) == 0;
		ok += vz_notify(CH_AB, 2) == 0;
		wait_bell(seen);
		ok += queue_receive(VZ_HC_CHAN_READ, CH_BA, (uint32_t)msg, 8) == 8 && msg[0] == r + 1;
	}
	cprintf("pb: %u rounds, %s\n", ROUNDS, ok == 5 * ROUNDS ? "ok" : "FAIL");
	(void)vz_sampling_write(CH_GO, "go", 2);
}

static void role_b(void)
{
	uint32_t m[2];
	for (unsigned seen = 0;;) {
		wait_bell(seen);
		seen = bells;
		while (vz_queuing_receive(CH_AB, m, sizeof m, NULL) >= 0) {
			m[0]++;
			(void)vz_queuing_send(CH_BA, m, sizeof m);
			(void)vz_notify(CH_BA, 1);
		}
	}
}

/* Fault once "go" is there: a store outside the VM's memory. */
#define FAULT_WHEN_GO(name, op)                                                \
	static __attribute__((noinline)) void name(void)                       \
	{                                                                      \
		char go[2];                                                    \
		sleep_ms(50);   /* the console's lines about the last restart */ \
		while (vz_sampling_read(CH_GO, go, sizeof go, NULL, NULL) < 0) \
			sleep_ms(1);                                           \
		__asm__ volatile(".globl " #op "\n" #op ": sw $0, 0(%0)"       \
				 : : "r"(0xA0020000u) : "memory");             \
	}
FAULT_WHEN_GO(cold_fault, pb_cold_fault_op)
FAULT_WHEN_GO(warm_fault, pb_warm_fault_op)

int main(void)
{
	unsigned id = vz_vm_id(NULL);
	console_init(115200);
	if (id <= 2) {      /* its doorbell */
		my_bell = id == 1 ? BELL_A : BELL_B;
		irq_set_priority(my_bell, 3, 0);
		irq_enable(my_bell);
		irq_global_enable();
	}
	if (id == 1)
		role_a();
	else if (id == 2)
		role_b();
	else if (id == 3)
		cold_fault();
	else
		warm_fault();
	for (;;)
		sleep_ms(1000);
}
