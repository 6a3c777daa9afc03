/* SPDX-License-Identifier: Apache-2.0 */
/* channel.h - inter-VM channels of the vzlet hypervisor (docs/channels.md):
 * ARINC-653-style sampling and queuing ports, and doorbells for shared
 * memory. A channel is named by its number (`reg` of its node in the
 * system's /channels). Results: >= 0 success, else a VZ_HC_* error
 * (vzlet/hypercall.h). Only for guests that run under vzlet. */
#ifndef GUEST_CHANNEL_H
#define GUEST_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "vzcall.h"

/* Sampling port: replace the message (the writer only). 0 or an error. */
int vz_sampling_write(unsigned ch, const void *msg, unsigned len);
/* Sampling port: the latest message into buf (size >= the port's message
 * size); its length, or VZ_HC_EEMPTY before the first write. *age_ticks:
 * core-timer ticks since it was written; *valid: not older than the port's
 * refresh period. age_ticks and valid may be NULL. */
int vz_sampling_read(unsigned ch, void *buf, unsigned size, uint32_t *age_ticks, bool *valid);

/* Queuing port: append a message (the writer only). 0, or VZ_HC_EFULL when
 * the queue was full (the message is dropped and counted; never waits). */
int vz_queuing_send(unsigned ch, const void *msg, unsigned len);
/* Queuing port: take the oldest message into buf (size >= the port's message
 * size); its length, or VZ_HC_EEMPTY. *dropped (may be NULL): messages the
 * writer lost to a full queue since the previous receive. */
int vz_queuing_receive(unsigned ch, void *buf, unsigned size, uint32_t *dropped);

/* Ring VM vm's doorbell on channel ch (a virtual interrupt in that VM, the
 * channel's doorbell-irq vector), if the system lets this VM do so. */
int vz_notify(unsigned ch, unsigned vm);

/* This VM's id (1..7) and the number of VMs. */
unsigned vz_vm_id(unsigned *num_vms);

#endif
