/* SPDX-License-Identifier: Apache-2.0 */
/* hypercall.c - the guest-to-hypervisor call interface (docs/hypercall-abi.md):
 * HYPCALL 0, function in v0, arguments in a0/a1, results in v0/v1.
 * VZ_HC_VM_ID is answered in arch/mips/vectors.S without entering C. */
#include <vzlet/hv.h>
#include <vzlet/hypercall.h>

#define REG_V0 2
#define REG_V1 3
#define REG_A0 4
#define REG_A1 5
#define REG_A2 6

/* Function fn of code 0. */
static void call(struct vz_vm *vm, uint32_t fn)
{
	int32_t r0 = 0;
	uint32_t r1 = 0;
	switch (fn) {
	case VZ_HC_VM_ID:
		r0 = vm->id;
		r1 = hv_fast.num_vms;
		break;
	case VZ_HC_YIELD:
		sched_yield();
		break;
	case VZ_HC_CONSOLE_WRITE: {
		uint32_t p = vz_gpr_read(REG_A0), n = vz_gpr_read(REG_A1);
		volatile uint8_t *src;
		if (n > (uint32_t)VZ_HC_CONSOLE_MAX) {
			r0 = VZ_HC_EINVAL;
		} else if (n && !(src = vm_guest_ptr(vm, p, n, VZ_REGION_R))) {
			r0 = VZ_HC_EFAULT;
		} else {
			if (n != 0u) {
				vcon_write_bytes(vm, src, n);
			}
			r0 = (int32_t)n;
		}
		break;
	}
	case VZ_HC_TIME: {
		uint64_t t = time_now();
		r0 = (int32_t)(uint32_t)t;
		r1 = (uint32_t)(t >> 32);
		break;
	}
	case VZ_HC_CHAN_WRITE:
		r0 = chan_write(vm, vz_gpr_read(REG_A0), vz_gpr_read(REG_A1), vz_gpr_read(REG_A2), &r1);
		break;
	case VZ_HC_CHAN_READ:
		r0 = chan_read(vm, vz_gpr_read(REG_A0), vz_gpr_read(REG_A1), vz_gpr_read(REG_A2), &r1);
		break;
	case VZ_HC_NOTIFY:
		r0 = chan_notify(vm, vz_gpr_read(REG_A0), vz_gpr_read(REG_A1));
		break;
	default:
		r0 = VZ_HC_ENOSYS;
		break;
	}
	vz_gpr_write(REG_V0, (uint32_t)r0);
	vz_gpr_write(REG_V1, r1);
	/* Misuse (not a full queue or nothing to read): after the results,
	 * which a restart must not overwrite. */
	if (r0 == VZ_HC_ENOSYS || r0 == VZ_HC_EFAULT || r0 == VZ_HC_EINVAL || r0 == VZ_HC_EPERM) {
		health_event(vm, VZ_HM_HYPERCALL);
	}
}

void hypercall(struct vz_vm *vm, uint32_t code)
{
	if (code != 0u) {
		vz_gpr_write(REG_V0, (uint32_t)VZ_HC_ENOSYS);   /* v1 untouched */
		health_event(vm, VZ_HM_HYPERCALL);
	} else {
		call(vm, vz_gpr_read(REG_V0));
	}
}
