/* SPDX-License-Identifier: Apache-2.0 */
/* chan.c - the channel tests (tests/hv/systems/chan.dts): one image runs as
 * VM 1 ("a", the driver) and VM 2 ("b", the responder). a sends commands on
 * queue 1 and rings b's doorbell; b carries each out and answers on queue 2,
 * ringing a's. Each check prints "chan: NAME ok" or "chan: NAME FAIL ..." and
 * a ends with "chan: N/M ok".
 *
 * Channels: 0 sampling a->b (16 bytes, refresh 2 ms), 1 queuing a->b
 * (commands), 2 queuing b->a (answers), 3 shared memory a<->b at 0x10000
 * (doorbell vector 4), 4 queuing a->b (8 bytes, depth 3: overflow). */
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"

#define CH_SAMPLE 0
#define CH_CMD    1
#define CH_ANSWER 2
#define CH_SHARED 3
#define CH_FIFO   4
#define BELL_QUEUE 3     /* doorbell-irq of channels 1 and 2 */
#define BELL_SHARED 4    /* of channel 3 */
#define SHARED ((volatile uint32_t *)0x80010000u)

static volatile unsigned bells[2];   /* doorbells rung: queue, shared */
static unsigned passed, total;

void bell_queue(void);
void bell_queue(void)
{
	bells[0]++;
	irq_clear(BELL_QUEUE);
}
GUEST_ISR(3, bell_queue);

void bell_shared(void);
void bell_shared(void)
{
	bells[1]++;
	irq_clear(BELL_SHARED);
}
GUEST_ISR(4, bell_shared);

static void check(const char *name, bool ok, int got)
{
	total++;
	if (ok) {
		passed++;
		cprintf("chan: %s ok\n", name);
	} else {
		cprintf("chan: %s FAIL (%d)\n", name, got);
	}
}

static void is(const char *name, int got, int want)
{
	check(name, got == want, got);
}

/* WAIT until doorbell `which` has rung more than `seen` times (interrupts
 * off around the test, so a ring between it and WAIT is not lost: WAIT
 * completes at once with an interrupt pending). */
static void wait_bell(unsigned which, unsigned seen)
{
	while (bells[which] == seen) {
		uint32_t st = irq_save_disable();
		if (bells[which] == seen)
			__asm__ volatile("wait");
		irq_restore(st);
	}
}

static bool same(const void *a, const void *b, unsigned n)
{
	const uint8_t *x = a, *y = b;
	for (unsigned i = 0; i < n; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

/* ---- b: the responder --------------------------------------------------- */

static int32_t answer_of(char cmd)
{
	char buf[16];
	uint32_t age = 0, dropped = 0;
	bool valid = false;
	int n;

	switch (cmd) {
	case 'E':
		return vz_sampling_read(CH_SAMPLE, buf, sizeof buf, &age, &valid);
	case 'S':   /* fresh sample "hello": length, bytes, valid, age < 1 ms */
		n = vz_sampling_read(CH_SAMPLE, buf, sizeof buf, &age, &valid);
		return n == 6 && same(buf, "hello", 6) && valid && age < 100000u ? 1 : -100 - n;
	case 'T':   /* the same sample 3 ms later: still there, not valid */
		n = vz_sampling_read(CH_SAMPLE, buf, sizeof buf, &age, &valid);
		return n == 6 && !valid && age >= 300000u ? 1 : -100 - n;
	case 'L':   /* latest wins */
		n = vz_sampling_read(CH_SAMPLE, buf, sizeof buf, &age, &valid);
		return n == 6 && same(buf, "third", 6) && valid ? 1 : -100 - n;
	case 'Q': { /* m0, m1, m2 in order, 2 dropped reported once, then empty */
		static const char want[3][3] = { "m0", "m1", "m2" };
		uint32_t drops[3];
		for (unsigned i = 0; i < 3; i++) {
			n = vz_queuing_receive(CH_FIFO, buf, 8, &drops[i]);
			if (n != 3 || !same(buf, want[i], 3))
				return -100 - n;
		}
		if (drops[0] != 2 || drops[1] || drops[2])
			return -10;
		return vz_queuing_receive(CH_FIFO, buf, 8, &dropped) == VZ_HC_EEMPTY ? 1 : -11;
	}
	case 'P':   /* b may not write a's queue nor read its own answers */
		if (vz_queuing_send(CH_CMD, "x", 1) != VZ_HC_EPERM)
			return -1;
		return vz_queuing_receive(CH_ANSWER, buf, 8, &dropped) == VZ_HC_EPERM ? 1 : -2;
	case 'M': { /* shared memory: a's pattern, doorbell, b's pattern back */
		for (unsigned i = 0; i < 256; i++)
			if (SHARED[i] != 0xA5000000u + i)
				return -1;
		for (unsigned i = 0; i < 256; i++)
			SHARED[256 + i] = 0x5B000000u + i;
		return vz_notify(CH_SHARED, 1);
	}
	default:
		return -99;
	}
}

static void responder(void)
{
	for (;;) {
		char cmd[8];
		unsigned seen = bells[0];
		int n = vz_queuing_receive(CH_CMD, cmd, sizeof cmd, NULL);
		if (n == VZ_HC_EEMPTY) {
			wait_bell(0, seen);
			continue;
		}
		if (cmd[0] == 'M' && bells[1] == 0)
			check("doorbell-shared", false, 0);
		int32_t a = n == 1 ? answer_of(cmd[0]) : -98;
		(void)vz_queuing_send(CH_ANSWER, &a, sizeof a);
		(void)vz_notify(CH_ANSWER, 1);
	}
}

/* ---- a: the driver -------------------------------------------------------- */

static int32_t ask(char cmd)
{
	int32_t a[2] = { -97, 0 };   /* the port's message size: 8 */
	unsigned seen = bells[0];
	(void)vz_queuing_send(CH_CMD, &cmd, 1);
	(void)vz_notify(CH_CMD, 2);
	for (;;) {
		if (vz_queuing_receive(CH_ANSWER, a, sizeof a, NULL) == 4)
			return a[0];
		wait_bell(0, seen);
		seen = bells[0];
	}
}

static const char in_flash[16] = "flash";

static void driver(void)
{
	char buf[16];

	is("sampling-empty", ask('E'), VZ_HC_EEMPTY);
	is("sampling-write", vz_sampling_write(CH_SAMPLE, "hello", 6), 0);
	is("sampling-fresh", ask('S'), 1);
	delay_ms(3);
	is("sampling-stale", ask('T'), 1);
	(void)vz_sampling_write(CH_SAMPLE, "second", 7);
	(void)vz_sampling_write(CH_SAMPLE, "third", 6);
	is("sampling-latest", ask('L'), 1);

	/* queue of 3: the 4th and 5th messages are dropped, never waited for */
	int q[5];
	for (unsigned i = 0; i < 5; i++) {
		char m[3] = { 'm', (char)('0' + i), 0 };
		q[i] = vz_queuing_send(CH_FIFO, m, 3);
	}
	check("queuing-accept", q[0] == 0 && q[1] == 0 && q[2] == 0, q[2]);
	check("queuing-overflow", q[3] == VZ_HC_EFULL && q[4] == VZ_HC_EFULL, q[3]);
	is("queuing-fifo", ask('Q'), 1);

	/* pointer and role checks */
	is("ptr-outside-ram", vz_sampling_write(CH_SAMPLE, (void *)0x80020000u, 4), VZ_HC_EFAULT);
	is("ptr-kuseg", vz_sampling_write(CH_SAMPLE, (void *)0x00001000u, 4), VZ_HC_EFAULT);
	is("ptr-unmapped", vz_sampling_write(CH_SAMPLE, (void *)0x9fc00000u, 4), VZ_HC_EFAULT);
	is("ptr-crossing-end", vz_sampling_write(CH_SAMPLE, (void *)0x80003ffcu, 8), VZ_HC_EFAULT);
	is("ptr-shared-ok", vz_sampling_write(CH_SAMPLE, (void *)0x80010000u, 4), 0);
	is("ptr-flash-read-ok", vz_sampling_write(CH_SAMPLE, in_flash, 6), 0);
	uint32_t ignore;
	is("ptr-read-into-flash", vz_queuing_receive(CH_ANSWER, (void *)in_flash, 8, &ignore),
	   VZ_HC_EFAULT);
	is("len-too-long", vz_sampling_write(CH_SAMPLE, buf, 17), VZ_HC_EINVAL);
	is("buf-too-small", vz_queuing_receive(CH_ANSWER, buf, 4, &ignore), VZ_HC_EINVAL);
	is("chan-unknown", vz_sampling_write(99, buf, 1), VZ_HC_EINVAL);
	is("chan-shared-no-msg", vz_sampling_write(CH_SHARED, buf, 1), VZ_HC_EINVAL);
	is("role-not-reader", vz_sampling_read(CH_SAMPLE, buf, 16, NULL, NULL), VZ_HC_EPERM);
	is("role-not-writer", vz_queuing_send(CH_ANSWER, buf, 4), VZ_HC_EPERM);
	is("role-peer", ask('P'), 1);
	is("notify-self", vz_notify(CH_CMD, 1), VZ_HC_EPERM);
	is("notify-undeclared", vz_notify(CH_SAMPLE, 2), VZ_HC_EPERM);
	is("notify-no-vm", vz_notify(CH_CMD, 9), VZ_HC_EINVAL);

	/* shared memory and its doorbell, both ways */
	for (unsigned i = 0; i < 256; i++)
		SHARED[i] = 0xA5000000u + i;
	unsigned seen = bells[1];
	is("doorbell-ring", vz_notify(CH_SHARED, 2), 0);
	is("shared-peer", ask('M'), 0);
	wait_bell(1, seen);
	bool back = true;
	for (unsigned i = 0; i < 256; i++)
		back = back && SHARED[256 + i] == 0x5B000000u + i;
	check("shared-back", back, 0);
	check("doorbell-count", bells[1] == seen + 1, (int)bells[1]);

	cprintf("chan: %u/%u ok\n", passed, total);
}

int main(void)
{
	console_init(115200);
	irq_set_priority(BELL_QUEUE, 3, 0);
	irq_set_priority(BELL_SHARED, 3, 0);
	irq_enable(BELL_QUEUE);
	irq_enable(BELL_SHARED);
	irq_global_enable();
	if (vz_vm_id(NULL) == 1)
		driver();
	else
		responder();
	for (;;)
		__asm__ volatile("wait");
}
