/* SPDX-License-Identifier: Apache-2.0 */
/* partbench.h - the partitioning figures of make bench-hv: channels and VM
 * restarts (bench/hv/partbench.c, guest bench/hv/partition/main.c). */
#ifndef HVB_PARTBENCH_H
#define HVB_PARTBENCH_H

#include <stdbool.h>
#include <stdint.h>

#include "elfsyms.h"

enum partbench_fig {
	PB_SAMPLING,     /* sampling-port write of 16 bytes: HYPCALL -> back */
	PB_DOORBELL,     /* ring -> the rung VM (waiting in WAIT) at its vector */
	PB_QUEUE,        /* queuing message A -> B -> A with doorbells, each VM
	                  * waiting in WAIT for it: A's send -> A has the answer */
	PB_RESTART_COLD, /* fault -> the restarted VM's first instruction, RAM cleared */
	PB_RESTART_WARM, /* the same, RAM kept */
	PB_FIGS
};

struct partbench_result {
	unsigned n[PB_FIGS];
	uint64_t median[PB_FIGS], min[PB_FIGS], max[PB_FIGS];   /* cycles */
};

/* Run image (its guests' ELF symbols: guest) from reset
 * for at most max_cycles, single-stepped, and time each figure's instances.
 * cold: the hypervisor's lines are evicted from the caches as each instance
 * starts. Returns 0, or -1 with a message in err. */
int partbench_measure(const char *image, const struct symtab *guest, bool cold, uint64_t max_cycles, struct partbench_result *res, char *err,
		      size_t errlen);

#endif
