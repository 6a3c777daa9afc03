/* SPDX-License-Identifier: Apache-2.0 */
/* partbench.c - times the partitioning figures on a real system image
 * (bench/hv/bench-partition.dts): single-stepped from reset, an event is the
 * guest PC reaching a label of the guest (bench/hv/partition/main.c), each
 * run by one VM only (in guest mode: the hypervisor's code lives at the
 * same virtual addresses); a restarted VM's first instruction is the
 * guest's _start run with its GuestID. */
#include "partbench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simload.h"

#define MAX_SAMPLES 256
#define RESTARTS 8                /* instances of each restart figure */
#define HV_FLASH_PA 0x1D000000u   /* the hypervisor's lines (hypervisor.ld) */
#define HV_FLASH_LEN 0x00040000u
#define HV_RAM_LEN 0x00004000u

struct figdef {
	const char *from, *to;    /* guest labels; to NULL: _start of VM vm */
	unsigned vm;
};

static const struct figdef defs[PB_FIGS] = {
	[PB_SAMPLING] = { "pb_sw_op", "pb_sw_after", 0 },
	[PB_DOORBELL] = { "pb_db_op", "guest_isr_stub_5", 0 },
	[PB_QUEUE] = { "pb_q_op", "pb_q_done", 0 },
	[PB_RESTART_COLD] = { "pb_cold_fault_op", NULL, 3 },
	[PB_RESTART_WARM] = { "pb_warm_fault_op", NULL, 4 },
};

static int cmp_u64(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;
	return *x < *y ? -1 : *x > *y;
}

static bool addr_of(const struct symtab *t, const char *name, uint32_t *a, char *err,
		    size_t errlen)
{
	const struct sym *s = elfsyms_by_name(t, name);
	if (!s) {
		snprintf(err, errlen, "symbol %s not found", name);
		return false;
	}
	*a = s->addr;
	return true;
}

int partbench_measure(const char *image, const struct symtab *guest, bool cold, uint64_t max_cycles, struct partbench_result *res, char *err,
		      size_t errlen)
{
	uint32_t from[PB_FIGS], to[PB_FIGS], start;
	memset(res, 0, sizeof *res);
	for (int f = 0; f < PB_FIGS; f++)
		if (!addr_of(guest, defs[f].from, &from[f], err, errlen) ||
		    (defs[f].to && !addr_of(guest, defs[f].to, &to[f], err, errlen)))
			return -1;
	if (!addr_of(guest, "_start", &start, err, errlen))
		return -1;

	struct machine *m = simload_image(image, err, errlen);
	if (!m)
		return -1;

	static uint64_t samples[PB_FIGS][MAX_SAMPLES];
	uint64_t began[PB_FIGS] = { 0 };
	bool open[PB_FIGS] = { false };
	int rc = 0;
	while (vzsim_cycles(m) < max_cycles) {
		struct vzsim_cpu_view v;
		vzsim_cpu_view(m, &v);
		uint32_t pc = v.guest ? v.pc : 0;
		uint64_t cyc = vzsim_cycles(m);
		for (int f = 0; f < PB_FIGS && pc; f++) {
			bool end = false;
			if (open[f] && defs[f].to) {
				end = pc == to[f];
			} else if (open[f] && pc == start) {
				end = v.guestid == defs[f].vm;
			}
			if (end) {
				open[f] = false;
				if (res->n[f] < MAX_SAMPLES)
					samples[f][res->n[f]++] = cyc - began[f];
			}
			if (pc == from[f] && !open[f]) {
				open[f] = true;
				began[f] = cyc;
				if (cold) {
					vzsim_cache_evict(m, HV_FLASH_PA, HV_FLASH_LEN);
					vzsim_cache_evict(m, 0, HV_RAM_LEN);
				}
			}
		}
		if (res->n[PB_QUEUE] >= 16 && res->n[PB_RESTART_COLD] >= RESTARTS &&
		    res->n[PB_RESTART_WARM] >= RESTARTS)
			break;
		enum vzsim_stop st = vzsim_run(m, 1);
		if (st == VZSIM_STOP_FATAL) {
			snprintf(err, errlen, "simulation error: %s", vzsim_error(m));
			rc = -1;
			break;
		}
		if (st == VZSIM_STOP_HALT)
			break;
	}
	vzsim_free(m);
	for (int f = 0; f < PB_FIGS; f++) {
		if (!res->n[f])
			continue;
		qsort(samples[f], res->n[f], sizeof samples[f][0], cmp_u64);
		res->min[f] = samples[f][0];
		res->median[f] = samples[f][res->n[f] / 2];
		res->max[f] = samples[f][res->n[f] - 1];
	}
	return rc;
}
