/* SPDX-License-Identifier: Apache-2.0 */
/* thread.c - hypervisor threads (tinyVP's root threads): functions of the
 * hypervisor declared in the system description, each on its own stack,
 * woken every period (docs/configuration.md, "Hypervisor threads").
 *
 * They are scheduled beside the VMs and before them: the core-timer
 * interrupt that marks a wake-up (time.c) runs each thread whose time has
 * come (threads_run), on the thread's stack, until the thread waits for its
 * next period (thread_wait_period); only then does a VM run again. A thread
 * runs in root mode with interrupts off, like the rest of the hypervisor,
 * so it must be short: its time is taken from the VM whose slice is
 * running. Wake-ups share the root core timer (time.c). */
#include <vzlet/hv.h>
#include <vzlet/thread.h>

#define STACK_FILL   0x57AC57ACu   /* untouched stack words (high-water mark) */
#define FRAME_WORDS  12u           /* hv_stack_switch's frame (thread_switch.S) */
#define ARG_WORDS    4u            /* o32: the callee may store a0-a3 above sp */

struct hv_thread {
	uint32_t sp;                  /* saved while it waits */
	uint32_t due;                 /* root Count of its next wake-up */
	uint32_t runs;
};

static struct hv_thread threads[VZ_MAX_THREADS];
static struct hv_thread *running;
static uint32_t sched_sp;         /* the hypervisor's stack while a thread runs */

void hv_stack_switch(uint32_t *save_sp, uint32_t new_sp);
void hv_thread_start(void);
void thread_main(const struct vz_thread_config *cfg) __attribute__((noreturn));

/* The frame hv_stack_switch pops on the first switch to a thread: $16 =
 * its config, ra = hv_thread_start, gp = ours. */
static uint32_t thread_frame(const struct vz_thread_config *cfg)
{
	uint32_t *top = cfg->stack + cfg->stack_words - ARG_WORDS;
	uint32_t *f = top - FRAME_WORDS;
	uint32_t gp;
	__asm__ volatile("move %0, $28" : "=r"(gp));
	f[0] = (uint32_t)(uintptr_t)cfg;
	f[9] = gp;
	f[10] = (uint32_t)(uintptr_t)hv_thread_start;
	return (uint32_t)(uintptr_t)f;
}

void threads_init(void)
{
	uint32_t now = CP0_READ(C0_COUNT);
	for (unsigned i = 0; i < vz_system.num_threads; i++) {
		const struct vz_thread_config *cfg = &vz_system.threads[i];
		for (uint32_t w = 0; w < cfg->stack_words; w++)
			cfg->stack[w] = STACK_FILL;
		threads[i].sp = thread_frame(cfg);
		threads[i].due = now + cfg->period_ticks;
	}
}

/* The earliest wake-up (for the root core timer). */
uint32_t threads_deadline(bool *armed)
{
	uint32_t now = CP0_READ(C0_COUNT), best = 0;
	*armed = false;
	for (unsigned i = 0; i < vz_system.num_threads; i++) {
		if (!*armed || (int32_t)(threads[i].due - now) < (int32_t)(best - now))
			best = threads[i].due;
		*armed = true;
	}
	return best;
}

/* Run every thread whose time has come, each until it waits again. */
void threads_run(void)
{
	for (unsigned i = 0; i < vz_system.num_threads; i++) {
		struct hv_thread *t = &threads[i];
		if ((int32_t)(CP0_READ(C0_COUNT) - t->due) < 0)
			continue;
		running = t;
		t->runs++;
		hv_stack_switch(&sched_sp, t->sp);
		running = NULL;
		/* The lowest word is never written by a thread that fits. */
		if (vz_system.threads[i].stack[0] != STACK_FILL) {
			con_report(CON_FAULT, "panic: thread %s overflowed its %u-byte stack\n",
				   vz_system.threads[i].name, vz_system.threads[i].stack_words * 4u);
			for (;;)
				__asm__ volatile("wait");
		}
	}
}

/* In a thread: give the CPU back until the next period. A thread late by
 * more than a period skips the periods it missed (a health line is not
 * worth catching up). */
void thread_wait_period(void)
{
	struct hv_thread *t = running;
	const struct vz_thread_config *cfg = &vz_system.threads[t - threads];
	uint32_t now = CP0_READ(C0_COUNT);
	t->due += cfg->period_ticks;
	if ((int32_t)(now - t->due) >= 0)
		t->due = now + cfg->period_ticks;
	hv_stack_switch(&t->sp, sched_sp);
}

/* Bytes of a thread's stack ever used (the words no longer holding the fill). */
uint32_t thread_stack_used(const struct vz_thread_config *cfg)
{
	uint32_t w = 0;
	while (w < cfg->stack_words && cfg->stack[w] == STACK_FILL)
		w++;
	return (cfg->stack_words - w) * 4u;
}

/* First run: one period after boot. */
void thread_main(const struct vz_thread_config *cfg)
{
	cfg->entry(cfg);
	/* An entry that returns waits for ever. */
	for (;;)
		thread_wait_period();
}
