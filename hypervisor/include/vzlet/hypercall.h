/* SPDX-License-Identifier: Apache-2.0 */
/* hypercall.h - the hypercall ABI shared by the hypervisor and guests
 * (docs/hypercall-abi.md). Guests may include this header; it has no
 * dependencies. */
#ifndef VZLET_HYPERCALL_H
#define VZLET_HYPERCALL_H

/* HYPCALL code field: always 0 (other codes return VZ_HC_ENOSYS). */
#define VZ_HC_VM_ID         0   /* v0 = VM id (1..7), v1 = number of VMs */
#define VZ_HC_YIELD         1   /* give up the rest of the time slice; v0 = 0 */
#define VZ_HC_CONSOLE_WRITE 2   /* a0 = kseg0/kseg1 pointer, a1 = length <= 256;
                                 * v0 = bytes written or an error */
#define VZ_HC_TIME          3   /* v0/v1 = low/high word of the 64-bit time in
                                 * core-timer ticks (SYSCLK / 2) since boot */

#define VZ_HC_CONSOLE_MAX   256

#define VZ_HC_ENOSYS  (-1)      /* unknown function or code */
#define VZ_HC_EFAULT  (-2)      /* pointer outside the VM's readable memory */
#define VZ_HC_EINVAL  (-3)      /* bad argument (length too big) */

#endif
