/* SPDX-License-Identifier: Apache-2.0 */
/* debug_info.c - the debugger descriptor (vzlet/debug_info.h): 148 bytes of
 * flash that let a debugger show every VM, loaded or not, as its guest sees
 * itself. Kept by the linker script (KEEP(.vzlet_debug)); nothing reads it
 * on the chip. */
#include <stddef.h>

#include <vzlet/debug_info.h>
#include <vzlet/hv.h>

#define R(reg, sel) ((reg) << 3 | (sel))

_Static_assert((unsigned)GCTX_COUNT <= VZ_DEBUG_GCTX_MAX, "gctx_reg too small");

__attribute__((section(".vzlet_debug"), used))
const struct vz_debug_info vz_debug_info = {
	.magic = { VZ_DEBUG_MAGIC0, VZ_DEBUG_MAGIC1 },
	.version = VZ_DEBUG_VERSION,
	.system = (uint32_t)&vz_system,
	.sys_num_vms = offsetof(struct vz_system, num_vms),
	.sys_vms = offsetof(struct vz_system, vms),
	.cfg_size = sizeof(struct vz_vm_config),
	.cfg_name = offsetof(struct vz_vm_config, name),
	.cfg_tlb = offsetof(struct vz_vm_config, tlb),
	.cfg_tlb_count = offsetof(struct vz_vm_config, tlb_count),
	.vm_state = (uint32_t)&vz_vm_state[0],
	.vm_size = sizeof(struct vz_vm),
	.loaded = (uint32_t)&sched_loaded,
	.fpu_owner = (uint32_t)&fpu_owner,
	.dsp_owner = (uint32_t)&dsp_owner,
	.vm_id = offsetof(struct vz_vm, id),
	.vm_state_byte = offsetof(struct vz_vm, state),
	.vm_gctx = offsetof(struct vz_vm, gctx),
	.vm_gtlb = offsetof(struct vz_vm, gtlb),
	.vm_gtlb_keep = VZ_GTLB_KEEP,
	.vm_resume_pc = offsetof(struct vz_vm, resume_pc),
	.vm_hi = offsetof(struct vz_vm, hi),
	.vm_lo = offsetof(struct vz_vm, lo),
	.vm_gtoffset = offsetof(struct vz_vm, gtoffset),
	.vm_compare = offsetof(struct vz_vm, compare),
	.vm_fpr = offsetof(struct vz_vm, fpr),
	.vm_fcsr = offsetof(struct vz_vm, fcsr),
	.vm_dsp = offsetof(struct vz_vm, dsp),
	.gctx_count = GCTX_COUNT,
	/* Order of enum vz_gctx (vzlet/vm.h, arch/mips/guest_ctx.S). */
	.gctx_reg = {
		[GCTX_INDEX] = R(0, 0), [GCTX_ENTRYLO0] = R(2, 0), [GCTX_ENTRYLO1] = R(3, 0),
		[GCTX_CONTEXT] = R(4, 0), [GCTX_USERLOCAL] = R(4, 2), [GCTX_PAGEMASK] = R(5, 0),
		[GCTX_PAGEGRAIN] = R(5, 1), [GCTX_WIRED] = R(6, 0), [GCTX_HWRENA] = R(7, 0),
		[GCTX_BADVADDR] = R(8, 0), [GCTX_BADINSTR] = R(8, 1), [GCTX_BADINSTRP] = R(8, 2),
		[GCTX_ENTRYHI] = R(10, 0), [GCTX_STATUS] = R(12, 0), [GCTX_INTCTL] = R(12, 1),
		[GCTX_CAUSE] = R(13, 0), [GCTX_EPC] = R(14, 0), [GCTX_NESTEDEPC] = R(14, 2),
		[GCTX_EBASE] = R(15, 1), [GCTX_CONFIG0] = R(16, 0), [GCTX_LLADDR] = R(17, 0),
		[GCTX_ERROREPC] = R(30, 0), [GCTX_KSCRATCH1] = R(31, 2), [GCTX_KSCRATCH2] = R(31, 3),
		[GCTX_CONFIG3] = R(16, 3), [GCTX_NESTEDEXC] = R(13, 5),
	},
};
