/* SPDX-License-Identifier: Apache-2.0 */
/* insn_vz.c - the VZ instructions: MFGC0, MTGC0, HYPCALL, TLBGR/TLBGWI/
 * TLBGINV/TLBGINVF/TLBGWR/TLBGP. Root-mode instructions (CpU without CP0
 * access); in guest mode all but HYPCALL are reserved instructions, which
 * GuestCtl0.RI may redirect to root (vz.c). */
#include "insns.h"
#include "vz_policy.h"

static bool root_vz_allowed(struct machine *m)
{
	if (m->cpu.guest) {
		cpu_raise(m, EXC_RI);
		return false;
	}
	if (likely(cp0_usable(&m->cpu)))
		return true;
	cpu_raise_ce(m, EXC_CPU, 0);
	return false;
}

/* MFGC0: rd = destination GPR, imm = guest CP0 register, sa = select. */
OP(mfgc0)
{
	if (!root_vz_allowed(m))
		return;
	if (unlikely(m->cpu.hz.exec))
		hazard_mfc0(m, 1, d->imm, d->sa);
	RD = vz_mfgc0(m, d->imm, d->sa);
}
/* MTGC0: rt = source GPR. */
OP(mtgc0)
{
	if (root_vz_allowed(m))
		hazard_mtgc0(m, d->imm, d->sa, RT); /* vz_mtgc0, tracked */
}

/* HYPCALL: imm = code (the hypervisor reads it from BadInstr). */
OP(hypcall)
{
	(void)d;
	if (!m->cpu.guest) {
		cpu_raise(m, EXC_RI);       /* root has nobody to call [3.19] */
		return;
	}
	if (!cp0_usable(&m->cpu)) {
		cpu_raise_ce(m, EXC_CPU, 0);
		return;
	}
	vz_exit_insn(m, VZ_GEXC_HC);
}

/* TLBG*: imm = function field. TLBGINV/TLBGINVF need Config4.IE >= 2: on
 * the M5150 (IE = 1) they are reserved instructions in either mode. */
OP(tlbg)
{
	bool inv = d->imm == 0x0B || d->imm == 0x0C;
	if (inv && !tlb_inv_present(&m->cpu)) {
		cpu_raise(m, EXC_RI);
		return;
	}
	if (!root_vz_allowed(m))
		return;
	hazard_tlb_begin(m, 1, d->imm);
	vz_tlbg(m, d->imm);
	hazard_tlb_end(m, 1);
}
