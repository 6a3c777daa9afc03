/* SPDX-License-Identifier: Apache-2.0 */
/* untrusted.c - the untrusted VM of the partitioning demo
 * (systems/wifire-partition.dts): every 20 ms it reads the critical VM's
 * latest command (sampling port) and answers it on the queuing port. Keys
 * on its console make it misbehave:
 *   c  crash: a store outside its memory (a fault)
 *   h  hang: every interrupt disabled, then WAIT (nothing can wake it)
 * The health monitor restarts it either way (cold restart); the critical
 * VM keeps its window and its LED rate. */
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"

#define CH_COMMAND 0
#define CH_REPORT  1

int main(void)
{
	unsigned answered = 0;

	console_init(115200);
	cprintf("untrusted: up; type c to crash me, h to hang me\n");
	for (;;) {
		uint32_t cmd, age;
		bool valid;
		int c;

		sleep_ms(20);
		if (vz_sampling_read(CH_COMMAND, &cmd, sizeof cmd, &age, &valid) >= 0 && valid) {
			(void)vz_queuing_send(CH_REPORT, &cmd, sizeof cmd);
			if (++answered == 1)
				cprintf("untrusted: answering command %u\n", cmd);
		}
		c = console_getc();
		if (c == 'c') {
			cprintf("untrusted: crashing\n");
			SFR(0xA0070000u) = 1;            /* not its memory */
		} else if (c == 'h') {
			cprintf("untrusted: hanging\n");
			(void)irq_save_disable();
			for (unsigned w = 0; w < 7; w++)
				SFR_CLR(IEC(w)) = SFR(IEC(w));
			for (;;)
				__asm__ volatile("wait");
		}
	}
}
