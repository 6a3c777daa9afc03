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

/* Channels (docs/hypercall-abi.md, docs/channels.md): a0 = channel number. */
#define VZ_HC_CHAN_WRITE    4   /* a1 = message, a2 = length; v0 = 0 or an error,
                                 * v1 = queuing: messages now held */
#define VZ_HC_CHAN_READ     5   /* a1 = buffer, a2 = its size (>= the channel's
                                 * message size); v0 = length or an error;
                                 * v1 = sampling: age in ticks, VZ_HC_STALE set
                                 * when older than the refresh period;
                                 * queuing: writes dropped since the last read */
#define VZ_HC_NOTIFY        6   /* a1 = VM id: raise its doorbell; v0 = 0 or an error */

#define VZ_HC_CONSOLE_MAX   256
#define VZ_HC_STALE         0x80000000u  /* in v1 of a sampling read */

#define VZ_HC_ENOSYS  (-1)      /* unknown function or code */
#define VZ_HC_EFAULT  (-2)      /* pointer outside the VM's readable memory */
#define VZ_HC_EINVAL  (-3)      /* bad argument (length, channel number) */
#define VZ_HC_EPERM   (-4)      /* not this VM's role on the channel */
#define VZ_HC_EFULL   (-5)      /* queue full: the message was dropped (counted) */
#define VZ_HC_EEMPTY  (-6)      /* nothing to read (never written, queue empty) */

#endif
