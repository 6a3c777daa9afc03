/* SPDX-License-Identifier: Apache-2.0 */
/* channel.c - the guest side of vzlet's channels (channel.h): one HYPCALL
 * each (docs/hypercall-abi.md). */
#include "channel.h"

int vz_sampling_write(unsigned ch, const void *msg, unsigned len)
{
	uint32_t r[2];
	vz_hypercall3(VZ_HC_CHAN_WRITE, ch, (uint32_t)msg, len, r);
	return (int)r[0];
}

int vz_sampling_read(unsigned ch, void *buf, unsigned size, uint32_t *age_ticks, bool *valid)
{
	uint32_t r[2];
	vz_hypercall3(VZ_HC_CHAN_READ, ch, (uint32_t)buf, size, r);
	if ((int)r[0] >= 0) {
		if (age_ticks)
			*age_ticks = r[1] & ~VZ_HC_STALE;
		if (valid)
			*valid = !(r[1] & VZ_HC_STALE);
	}
	return (int)r[0];
}

int vz_queuing_send(unsigned ch, const void *msg, unsigned len)
{
	uint32_t r[2];
	vz_hypercall3(VZ_HC_CHAN_WRITE, ch, (uint32_t)msg, len, r);
	return (int)r[0];
}

int vz_queuing_receive(unsigned ch, void *buf, unsigned size, uint32_t *dropped)
{
	uint32_t r[2];
	vz_hypercall3(VZ_HC_CHAN_READ, ch, (uint32_t)buf, size, r);
	if ((int)r[0] >= 0 && dropped)
		*dropped = r[1];
	return (int)r[0];
}

int vz_notify(unsigned ch, unsigned vm)
{
	uint32_t r[2];
	vz_hypercall(VZ_HC_NOTIFY, ch, vm, r);
	return (int)r[0];
}

unsigned vz_vm_id(unsigned *num_vms)
{
	uint32_t r[2];
	vz_hypercall(VZ_HC_VM_ID, 0, 0, r);
	if (num_vms)
		*num_vms = r[1];
	return r[0];
}
