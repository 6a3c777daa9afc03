/* SPDX-License-Identifier: Apache-2.0 */
/* units.c - lazy FPU and DSP ownership. One VM at a time owns each unit:
 * its registers are live in the CPU and root Status.CU1 (MX) is set while
 * it runs, so its FPU (DSP) instructions do not trap. Any other VM runs with
 * the bit clear: its first FPU instruction exits (CpU, Cause.CE = 1; its
 * first DSP instruction, ExcCode 26), and only then are the owner's
 * registers saved to the owner's struct vz_vm and this VM's loaded. A VM
 * restart does not clear them, as a chip reset does not initialise them. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

_Static_assert(offsetof(struct vz_vm, fcsr) == offsetof(struct vz_vm, fpr) + 256u,
	       "FCSR after the FPRs (arch/mips/units.S)");

struct vz_vm *fpu_owner, *dsp_owner;   /* also read by debuggers (debug_info.c) */

__attribute__((noinline)) void units_take(struct vz_vm *vm, bool fpu)
{
	/* No owner yet: "save" to vm's own state, then load it back. */
	if (fpu) {
		vz_fpu_swap((fpu_owner ? fpu_owner : vm)->fpr, vm->fpr);
		fpu_owner = vm;
	} else {
		vz_dsp_swap((dsp_owner ? dsp_owner : vm)->dsp, vm->dsp);
		dsp_owner = vm;
	}
}

/* vm takes the CPU: it may use the units it owns without exits. */
void units_grant(const struct vz_vm *vm)
{
	uint32_t st = CP0_READ(C0_STATUS) & ~(ST_CU1 | ST_MX);
	if (vm == fpu_owner) {
		st |= ST_CU1;
	}
	if (vm == dsp_owner) {
		st |= ST_MX;
	}
	CP0_WRITE(C0_STATUS, st);
}

/* A branch on them has just run in vm (the delay-slot emulation): vm owns
 * the unit then (the branch would have exited otherwise), so the value is
 * the CPU's; the saved one stands for a VM that does not. */
bool units_fcc(const struct vz_vm *vm, unsigned cc)
{
	uint32_t fcsr = (vm == fpu_owner) ? vz_fcsr_read() : vm->fcsr;
	/* FCC0 is bit 23, FCC1-7 bits 25-31 */
	return ((fcsr >> ((cc != 0u) ? (24u + cc) : 23u)) & 1u) != 0u;
}

bool units_pos_ge32(const struct vz_vm *vm)
{
	uint32_t dspcontrol = (vm == dsp_owner) ? vz_dspcontrol_read() : vm->dsp[6];
	return (dspcontrol & 0x3Fu) >= 32u;   /* pos, bits 5:0 */
}
