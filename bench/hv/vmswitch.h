/* SPDX-License-Identifier: Apache-2.0 */
/* vmswitch.h - the guest TLB work of VM switches (bench/hv/vmswitch.c). */
#ifndef HVB_VMSWITCH_H
#define HVB_VMSWITCH_H

#include <stdint.h>

#include "elfsyms.h"

/* Kinds of gtlb_switch calls, by the guest TLB instructions they ran (in
 * the rogue system only VM 4 has a share, with one wired entry). */
enum vmswitch_kind {
	VMSW_NONE,       /* neither VM has a guest TLB share: one TLBGWI (entry 0
	                  * of the outgoing VM written invalid), no TLBGR */
	VMSW_OUT,        /* out of a VM with a share: TLBGR + TLBGWI (save, invalidate) */
	VMSW_IN,         /* into a VM with a share from one without: two or more
	                  * TLBGWI (the outgoing entry 0, the restore), no TLBGR */
	VMSW_KINDS
};

struct vmswitch_result {
	unsigned n[VMSW_KINDS];
	uint64_t median[VMSW_KINDS];   /* cycles from entry to return */
	unsigned tlbg[VMSW_KINDS];     /* TLBG* instructions of the median call */
};

/* Run image (a system whose hypervisor ELF gave hv) for at most max_cycles,
 * single-stepped, and time every call of the hypervisor's gtlb_switch.
 * Returns 0, or -1 with a message in err. */
int vmswitch_measure(const char *image, const struct symtab *hv, uint64_t max_cycles,
		     struct vmswitch_result *res, char *err, size_t errlen);

#endif
