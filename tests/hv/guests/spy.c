/* SPDX-License-Identifier: Apache-2.0 */
/* spy.c - the attacker's accomplice in the attack suite (tests/attacks, VM 4
 * of tests/hv/systems/attacks.dts): another VM that looks for what the
 * attacker (VM 3) left in per-VM hardware state that the hypervisor must
 * clear on a VM switch. Both VMs map the `shared` counter page; the
 * attacker posts a request there, the spy answers at its next wake-up
 * (every millisecond, in WAIT with interrupts off, so that nothing of its
 * own runs between the switch and the probe) with what it saw:
 *   - guest TLB entry 0 read with TLBR (the one entry a VM without a
 *     TLB share can write: guest Config1.MMUSize cannot say "none");
 *   - a TLBP for the attacker's virtual page;
 *   - a load through that page (it must take its own TLB refill).
 * The attacker checks the answer (attack.c, cases 104 and 105). */
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"
#include "vzcall.h"

#define SHARED     ((volatile uint32_t *)0xA007E000u)
#define REQ        8      /* SHARED[REQ]: request number (the attacker's) */
#define ANS        9      /* the request answered */
#define SEEN       10     /* TLBR entry 0: EntryHi, EntryLo0, EntryLo1, PageMask */
#define PROBE      14     /* TLBP's Index for the attacker's page */
#define LOAD_EXC   15     /* exceptions taken by the load through it */
#define SPY_VA     0x00400000u

static volatile unsigned exc_count;

void guest_exception(struct guest_exc_frame *f)
{
	exc_count++;
	f->epc += (f->cause & (1u << 31)) ? 8 : 4;
}

static void probe(void)
{
	uint32_t st, hi, lo0, lo1, pm, idx;
	/* kuseg is mapped only with ERL = 0 */
	__asm__ volatile("mfc0 %0, $12" : "=r"(st));
	__asm__ volatile("mtc0 %0, $12\n ehb" :: "r"(st & ~(ST_ERL | ST_EXL)));
	__asm__ volatile("mtc0 $0, $0\n ehb\n tlbr\n ehb\n"
			 "mfc0 %0, $10\n mfc0 %1, $2\n mfc0 %2, $3\n mfc0 %3, $5"
			 : "=r"(hi), "=r"(lo0), "=r"(lo1), "=r"(pm) :: "memory");
	__asm__ volatile("mtc0 %1, $10\n ehb\n tlbp\n ehb\n mfc0 %0, $0"
			 : "=r"(idx) : "r"(SPY_VA) : "memory");
	exc_count = 0;
	(void)*(volatile uint32_t *)SPY_VA;
	SHARED[SEEN] = hi;
	SHARED[SEEN + 1] = lo0;
	SHARED[SEEN + 2] = lo1;
	SHARED[SEEN + 3] = pm;
	SHARED[PROBE] = idx;
	SHARED[LOAD_EXC] = exc_count;
}

int main(void)
{
	console_init(115200);
	console_puts("spy: ready\n");
	(void)irq_save_disable();
	SHARED[ANS] = SHARED[REQ];
	for (;;) {
		ct_sleep_until(ct_now() + CT_TICKS_PER_MS);
		uint32_t req = SHARED[REQ];
		if (req != SHARED[ANS]) {
			probe();
			SHARED[ANS] = req;
		}
	}
}
