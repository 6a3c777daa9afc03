/* SPDX-License-Identifier: Apache-2.0 */
/* channels.h - inter-VM channels in the system description (/channels,
 * docs/channels.md): read, checked, shared memory placed, tables written. */
#ifndef VZCFG_CHANNELS_H
#define VZCFG_CHANNELS_H

#include <stdio.h>

#include "model.h"

/* Read /channels (optional) into sys->channels; shapes of values only. */
void channels_read(const void *fdt, struct cfg_system *sys);
/* Relations: VM ids, roles, doorbell vectors, buffer budget. After the VMs'
 * interrupts are known (check_irqs). */
int channels_check(struct cfg_system *sys);
/* Give each shared-memory channel real RAM and a region in each member VM
 * (after the VMs' own regions are placed, before the TLB plan). */
int channels_place(struct cfg_system *sys);
/* The channel table, its state and buffers, as C (vzlet/vm_config.h). */
void channels_emit(FILE *f, const struct cfg_system *sys);
/* Bytes of hypervisor RAM the message buffers take. */
uint32_t channels_buffer_bytes(const struct cfg_system *sys);

#endif
