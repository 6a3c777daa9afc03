/* SPDX-License-Identifier: Apache-2.0 */
/* vmswitch.c - times the guest TLB work of real VM switches: every call of
 * the hypervisor's gtlb_switch (hypervisor/arch/mips/gtlb.c) in a system
 * whose VMs differ in their guest TLB share, from its first instruction to
 * the return to its caller, sorted by the TLBG* instructions it ran. */
#include "vmswitch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simload.h"

#define MAX_CALLS 4096

struct call { uint64_t cycles; enum vmswitch_kind kind; unsigned tlbg; };

static int cmp_call(const void *a, const void *b)
{
	const struct call *x = a, *y = b;
	return x->cycles < y->cycles ? -1 : x->cycles > y->cycles;
}

/* TLBGR (0x42000009) and TLBGWI (0x4200000A). */
static unsigned tlbg_kind(uint32_t w, unsigned *gr)
{
	if (w == 0x42000009u) {
		(*gr)++;
		return 1;
	}
	return w == 0x4200000Au;
}

int vmswitch_measure(const char *image, const struct symtab *hv, uint64_t max_cycles,
		     struct vmswitch_result *res, char *err, size_t errlen)
{
	const struct sym *fn = elfsyms_by_name(hv, "gtlb_switch");
	memset(res, 0, sizeof *res);
	if (!fn || !fn->size) {
		snprintf(err, errlen, "no function gtlb_switch in the hypervisor ELF");
		return -1;
	}
	struct machine *m = simload_image(image, err, errlen);
	if (!m)
		return -1;

	static struct call calls[MAX_CALLS];
	size_t ncalls = 0;
	const struct sym *caller = NULL;
	uint32_t prev_pc = 0;
	uint64_t start = 0;
	unsigned tlbg = 0, gr = 0;
	bool inside = false;
	while (vzsim_cycles(m) < max_cycles && ncalls < MAX_CALLS) {
		uint32_t pc = vzsim_pc(m);
		if (!inside && pc == fn->addr) {
			inside = true;
			start = vzsim_cycles(m);
			caller = elfsyms_at(hv, prev_pc);
			tlbg = gr = 0;
		} else if (inside && caller && elfsyms_at(hv, pc) == caller) {
			inside = false;
			enum vmswitch_kind k = gr ? VMSW_OUT : tlbg >= 2 ? VMSW_IN : VMSW_NONE;
			calls[ncalls++] = (struct call){ .cycles = vzsim_cycles(m) - start, .kind = k, .tlbg = tlbg };
		}
		if (inside) {
			uint32_t w = 0;
			if (vzsim_read_virt(m, pc, &w, sizeof w))
				tlbg += tlbg_kind(w, &gr);
		}
		prev_pc = pc;
		enum vzsim_stop st = vzsim_run(m, 1);
		if (st == VZSIM_STOP_FATAL) {
			snprintf(err, errlen, "simulation error: %s", vzsim_error(m));
			vzsim_free(m);
			return -1;
		}
		if (st == VZSIM_STOP_HALT)
			break;
	}
	vzsim_free(m);

	/* The first call (boot, no outgoing VM) is not a switch. */
	for (int k = 0; k < VMSW_KINDS; k++) {
		struct call sel[MAX_CALLS];
		size_t n = 0;
		for (size_t i = 1; i < ncalls; i++)
			if (calls[i].kind == (enum vmswitch_kind)k)
				sel[n++] = calls[i];
		if (!n)
			continue;
		qsort(sel, n, sizeof sel[0], cmp_call);
		res->n[k] = (unsigned)n;
		res->median[k] = sel[n / 2].cycles;
		res->tlbg[k] = sel[n / 2].tlbg;
	}
	return 0;
}
