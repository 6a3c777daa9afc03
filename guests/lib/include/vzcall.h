/* SPDX-License-Identifier: Apache-2.0 */
/* vzcall.h - calling the vzlet hypervisor from a guest (docs/hypercall-abi.md):
 * HYPCALL 0, the function in v0, two arguments in a0/a1, results in v0/v1.
 * Only for guests that run under vzlet (on the bare chip HYPCALL is a
 * Reserved Instruction). */
#ifndef GUEST_VZCALL_H
#define GUEST_VZCALL_H

#include <stdint.h>

#include "../../../hypervisor/include/vzlet/hypercall.h"

/* Function fn with arguments a0, a1: v0 in r[0], v1 in r[1]. */
static inline void vz_hypercall(uint32_t fn, uint32_t a0, uint32_t a1, uint32_t r[2])
{
	register uint32_t v0 __asm__("$2") = fn;
	register uint32_t v1 __asm__("$3");
	register uint32_t ra0 __asm__("$4") = a0;
	register uint32_t ra1 __asm__("$5") = a1;
	__asm__ volatile(".set push\n.set virt\nhypcall\n.set pop"
			 : "+r"(v0), "=r"(v1) : "r"(ra0), "r"(ra1) : "memory");
	r[0] = v0;
	r[1] = v1;
}

/* Function fn with three arguments a0..a2 (the channel calls). */
static inline void vz_hypercall3(uint32_t fn, uint32_t a0, uint32_t a1, uint32_t a2,
				 uint32_t r[2])
{
	register uint32_t v0 __asm__("$2") = fn;
	register uint32_t v1 __asm__("$3");
	register uint32_t ra0 __asm__("$4") = a0;
	register uint32_t ra1 __asm__("$5") = a1;
	register uint32_t ra2 __asm__("$6") = a2;
	__asm__ volatile(".set push\n.set virt\nhypcall\n.set pop"
			 : "+r"(v0), "=r"(v1) : "r"(ra0), "r"(ra1), "r"(ra2) : "memory");
	r[0] = v0;
	r[1] = v1;
}

#endif
