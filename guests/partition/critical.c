/* SPDX-License-Identifier: Apache-2.0 */
/* critical.c - the critical VM of the partitioning demo
 * (systems/wifire-partition.dts): LD1 toggles every 50 ms on exact core-timer
 * deadlines (it sleeps in WAIT between them), each period it publishes a
 * command on the sampling port and takes the untrusted VM's reports from
 * the queuing port; twice a second it prints what it heard. Its window in
 * the major frame keeps its timing whatever the untrusted VM does. */
#include "board.h"
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "uart.h"

#define PERIOD_TICKS (50u * CT_TICKS_PER_MS)
#define CH_COMMAND   0   /* sampling port, critical -> untrusted */
#define CH_REPORT    1   /* queuing port, untrusted -> critical */

int main(void)
{
	uint32_t seq = 0, heard = 0, last = 0, lost = 0;
	uint32_t target;

	console_init(115200);
	led_init_one(1);
	cprintf("critical: LD1 toggles every 50 ms; commands out, reports in\n");
	target = ct_now();
	for (;;) {
		uint32_t msg, dropped;

		target += PERIOD_TICKS;
		ct_sleep_until(target);
		led_toggle(1);
		seq++;
		(void)vz_sampling_write(CH_COMMAND, &seq, sizeof seq);
		while (vz_queuing_receive(CH_REPORT, &msg, sizeof msg, &dropped) >= 0) {
			heard++;
			last = msg;
			lost += dropped;
		}
		if (seq % 10u == 0) {
			if (heard)
				cprintf("critical: period %u, %u reports, last answers command %u\n",
					seq, heard, last);
			else
				cprintf("critical: period %u, no report from the untrusted VM\n", seq);
			heard = 0;
		}
		(void)lost;
	}
}
