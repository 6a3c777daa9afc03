/* SPDX-License-Identifier: Apache-2.0 */
/* units.S - swap the FPU or DSP registers between two VMs (core/units.c).
 * The only hard-float/DSP code of the hypervisor: the rest is soft-float and
 * never touches CP1 or the DSP ASE, so the registers hold guest state only.
 *
 * Each routine first grants the unit to root (Status.CU1 or MX; they stay
 * set for the guest that now owns it), then stores the owner's registers to
 * `out` and loads the new owner's from `in`, register by register (out ==
 * in keeps them). The FPU is handled with root Status.FR = 1: the physical
 * file is 32 x 64 bits whatever mode the guest uses (with FR = 0 its
 * registers are the low halves), so sdc1/ldc1 of all 32 registers with
 * FR = 1 move every bit of either mode. Root FR stays 1 (root runs no FP
 * code; the guest's FR is its own Status.FR). */
#include "asm.h"

	.set noreorder
	.set noat
	.set hardfloat
	.set fp=64
	.set dspr2
	.text

/* void vz_fpu_swap(uint64_t out[33], const uint64_t in[33]):
 * FPRs 0-31, then FCSR (struct vz_vm fpr[], fcsr). */
LEAF(vz_fpu_swap)
	mfc0	t0, CP0_STATUS
	lui	t1, 0x2400		/* CU1 | FR */
	or	t0, t0, t1
	mtc0	t0, CP0_STATUS
	ehb
	cfc1	t0, $31
	sw	t0, 256(a0)
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sdc1	$f\n, (8 * \n)(a0)
	ldc1	$f\n, (8 * \n)(a1)
	.endr
	/* FCSR without the Cause bits whose Enable is set (and Cause.E): CTC1
	 * would raise the FP exception in root at once. Such bits remain
	 * only if the VM was switched out in its FP exception handler before
	 * it cleared them; the sticky Flags still tell it what happened. */
	lw	t0, 256(a1)
	srl	t1, t0, 7		/* Enables V Z O U I (11:7) */
	andi	t1, t1, 0x1f
	ori	t1, t1, 0x20		/* E: always enabled */
	sll	t1, t1, 12		/* the matching Cause bits (17:12) */
	nor	t1, t1, zero
	and	t0, t0, t1
	jr	ra
	ctc1	t0, $31
END(vz_fpu_swap)

/* void vz_dsp_swap(uint32_t out[7], const uint32_t in[7]):
 * ac1-ac3 as HI, LO pairs, then DSPControl (struct vz_vm dsp[]). ac0 is
 * HI/LO, which the scheduler already swaps. */
LEAF(vz_dsp_swap)
	mfc0	t0, CP0_STATUS
	lui	t1, 0x0100		/* MX */
	or	t0, t0, t1
	mtc0	t0, CP0_STATUS
	ehb
	.irp n, 1,2,3
	mfhi	t0, $ac\n
	mflo	t1, $ac\n
	sw	t0, (8 * \n - 8)(a0)
	sw	t1, (8 * \n - 4)(a0)
	lw	t0, (8 * \n - 8)(a1)
	lw	t1, (8 * \n - 4)(a1)
	mthi	t0, $ac\n
	mtlo	t1, $ac\n
	.endr
	rddsp	t0, 0x3f
	sw	t0, 24(a0)
	lw	t0, 24(a1)
	jr	ra
	wrdsp	t0, 0x3f
END(vz_dsp_swap)

/* uint32_t vz_fcsr_read(void), uint32_t vz_dspcontrol_read(void): the unit's
 * register as it is in the CPU (root Status.CU1 / MX: set for the VM that
 * owns the unit, set here as the swaps do). */
LEAF(vz_fcsr_read)
	mfc0	t0, CP0_STATUS
	lui	t1, 0x2400		/* CU1 | FR */
	or	t0, t0, t1
	mtc0	t0, CP0_STATUS
	ehb
	jr	ra
	cfc1	v0, $31
END(vz_fcsr_read)

LEAF(vz_dspcontrol_read)
	mfc0	t0, CP0_STATUS
	lui	t1, 0x0100		/* MX */
	or	t0, t0, t1
	mtc0	t0, CP0_STATUS
	ehb
	jr	ra
	rddsp	v0, 0x3f
END(vz_dspcontrol_read)
