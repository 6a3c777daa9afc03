/* SPDX-License-Identifier: Apache-2.0 */
/* guest_ctx.S - save/restore the guest CP0 context of the VM leaving or
 * taking the CPU (order = enum vz_gctx in vzlet/vm.h). */
#include "asm.h"

	.set noreorder
	.set noat
	.set virt
	.text

/* In two parts: the restore puts an EHB between guest EPC (the last of the
 * first part) and NestedEPC (the first of the second), the M5150 erratum
 * workaround tinyVP uses on this chip (docs/simulator-cpu.md, CP0 hazards). */
#define GCTX_LIST_A(op) \
	op(0, 0, 0) op(2, 0, 1) op(3, 0, 2) op(4, 0, 3) op(4, 2, 4) \
	op(5, 0, 5) op(5, 1, 6) op(6, 0, 7) op(7, 0, 8) op(8, 0, 9) \
	op(8, 1, 10) op(8, 2, 11) op(10, 0, 12) op(12, 0, 13) op(12, 1, 14) \
	op(13, 0, 15) op(14, 0, 16)
#define GCTX_LIST_B(op) \
	op(14, 2, 17) op(15, 1, 18) op(16, 0, 19) \
	op(17, 0, 20) op(30, 0, 21) op(31, 2, 22) op(31, 3, 23) op(16, 3, 24) \
	op(13, 5, 25)

#define SAVE_ONE(reg, sel, idx)  mfgc0 t0, $reg, sel; sw t0, (idx * 4)(a0);
#define LOAD_ONE(reg, sel, idx)  lw t0, (idx * 4)(a0); mtgc0 t0, $reg, sel;

/* void vz_gctx_save(uint32_t *ctx) */
LEAF(vz_gctx_save)
	GCTX_LIST_A(SAVE_ONE)
	GCTX_LIST_B(SAVE_ONE)
	jr	ra
	nop
END(vz_gctx_save)

/* void vz_gctx_restore(const uint32_t *ctx) */
LEAF(vz_gctx_restore)
	GCTX_LIST_A(LOAD_ONE)
	ehb				/* erratum: EPC, then NestedEPC */
	GCTX_LIST_B(LOAD_ONE)
	ehb
	jr	ra
	nop
END(vz_gctx_restore)
