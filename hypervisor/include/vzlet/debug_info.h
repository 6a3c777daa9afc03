/* SPDX-License-Identifier: Apache-2.0 */
/* debug_info.h - the debugger descriptor: where a debugger outside the chip
 * (vzlet-sim --gdb, a JTAG probe script) finds each VM's saved state.
 *
 * One constant `struct vz_debug_info` sits in program flash (section
 * .vzlet_debug, 4-byte aligned), found by its magic. It holds addresses and
 * offsets only, computed by the compiler from the hypervisor's own structs,
 * so it stays right when they change; the version changes when this layout
 * does. Every field is a little-endian 32-bit word. docs/debugging.md
 * describes how a debugger uses it. */
#ifndef VZLET_DEBUG_INFO_H
#define VZLET_DEBUG_INFO_H

#include <stdint.h>

#define VZ_DEBUG_MAGIC0   0x4C455A56u   /* "VZLE" */
#define VZ_DEBUG_MAGIC1   0x47424454u   /* "TDBG" */
#define VZ_DEBUG_VERSION  1u
#define VZ_DEBUG_GCTX_MAX 32u

struct vz_debug_info {
	uint32_t magic[2];
	uint32_t version;
	uint32_t system;          /* &vz_system */
	uint32_t sys_num_vms;     /* offset of num_vms (a byte) in it */
	uint32_t sys_vms;         /* offset of the vms pointer (configs) */
	uint32_t cfg_size;        /* sizeof(struct vz_vm_config) */
	uint32_t cfg_name;        /* offsets in a config: name pointer, */
	uint32_t cfg_tlb;         /* root TLB plan pointer, */
	uint32_t cfg_tlb_count;   /* its entry count (a byte) */
	uint32_t vm_state;        /* &vz_vm_state[0] */
	uint32_t vm_size;         /* sizeof(struct vz_vm) */
	uint32_t loaded;          /* &pointer to the VM whose guest CP0 is in the CPU */
	uint32_t fpu_owner;       /* &pointer to the VM whose FPU registers are live */
	uint32_t dsp_owner;       /* &pointer to the VM whose DSP registers are live */
	/* Offsets in struct vz_vm. */
	uint32_t vm_id, vm_state_byte, vm_gctx, vm_gtlb, vm_gtlb_keep, vm_resume_pc;
	uint32_t vm_hi, vm_lo, vm_gtoffset, vm_compare, vm_fpr, vm_fcsr, vm_dsp;
	/* The saved guest CP0 context: gctx[i] holds register (reg << 3 | sel)
	 * = gctx_reg[i], for i < gctx_count. */
	uint32_t gctx_count;
	uint8_t gctx_reg[VZ_DEBUG_GCTX_MAX];
};

extern const struct vz_debug_info vz_debug_info;   /* core/debug_info.c */

#endif
