/* vectors.S - root exception vectors (root EBase = start of the hypervisor
 * in program flash) and the exit/entry paths.
 *
 * Register discipline: the hypervisor runs in shadow set 0 and every guest in
 * its own set (its VM id), so an exit saves nothing: the guest's GPRs stay in
 * their set (read/written with RDPGPR/WRPGPR), and set 0 - including sp, which
 * always points at the top of the single hypervisor stack when a guest runs -
 * is untouched while a guest executes. Handlers may use any register. */
#include "asm.h"

#define EXC_GE      27
#define HYPCALL_0   0x42000028
#define HC_VM_ID    0

/* struct hv_fast (core/hv.h): the state the assembly paths read. */
#define HVF_CUR_ID  0
#define HVF_NUM_VMS 4
#define HVF_TLB_CUR 8
#define HVF_TLB_END 12

	.set noreorder
	.set noat
	.set virt
	.section .vectors, "ax", @progbits

/* EBase + 0x000: root TLB refill. A guest used a GPA without a root TLB
 * entry: load it from the VM's TLB plan (hv_tlb_cur .. hv_tlb_end), else the
 * access is emulated or contained by the C code. */
LEAF(vz_vec_refill)
	mfc0	k0, CP0_BADVADDR
	lui	k1, %hi(hv_fast)
	lw	t0, %lo(hv_fast + HVF_TLB_CUR)(k1)
	lw	t1, %lo(hv_fast + HVF_TLB_END)(k1)
1:	beq	t0, t1, 2f
	nop
	lw	t2, 4(t0)		/* PageMask */
	lw	t3, 0(t0)		/* EntryHi (VPN2) */
	ori	t2, t2, 0x1fff
	nor	t2, t2, zero
	and	t2, t2, k0
	bne	t2, t3, 1b
	addiu	t0, t0, 16
	lw	t2, -12(t0)
	mtc0	t2, CP0_PAGEMASK
	mtc0	t3, CP0_ENTRYHI
	lw	t2, -8(t0)
	mtc0	t2, CP0_ENTRYLO0
	lw	t2, -4(t0)
	mtc0	t2, CP0_ENTRYLO1
	ehb
	tlbwr
	ehb
	eret
2:	j	vz_exc_entry
	nop
END(vz_vec_refill)

/* EBase + 0x180: general exception. Guest exits arrive here as ExcCode 27;
 * the commonest one, HYPCALL, has a short path. */
	.org 0x180
LEAF(vz_vec_general)
	mfc0	k0, CP0_CAUSE
	li	k1, EXC_GE << 2
	andi	k0, k0, 0x7c
	bne	k0, k1, vz_exc_entry
	nop
	mfc0	k0, $8, 1		/* BadInstr */
	li	k1, HYPCALL_0
	beq	k0, k1, vz_hypercall_fast
	nop
	j	vz_exc_entry
	nop
END(vz_vec_general)

/* EBase + 0x200: interrupt (EIC, single-vector EVIC). */
	.org 0x200
LEAF(vz_vec_interrupt)
	jal	hv_interrupt
	nop
	mfc0	k0, CP0_STATUS		/* taking it raised IPL to its level: */
	ins	k0, zero, 10, 6		/* guests always run with root IPL 0 */
	mtc0	k0, CP0_STATUS
	ehb
	eret
END(vz_vec_interrupt)

/* HYPCALL 0 not in a delay slot, function VZ_HC_VM_ID: answered here. */
LEAF(vz_hypercall_fast)
	mfc0	k0, CP0_CAUSE
	bltz	k0, vz_exc_entry	/* Cause.BD: the C path emulates the branch */
	rdpgpr	t0, v0			/* function number */
	bnez	t0, vz_exc_entry
	lui	k1, %hi(hv_fast)
	lw	t1, %lo(hv_fast + HVF_CUR_ID)(k1)
	lw	t2, %lo(hv_fast + HVF_NUM_VMS)(k1)
	wrpgpr	v0, t1
	wrpgpr	v1, t2
	mfc0	k0, CP0_EPC
	addiu	k0, k0, 4
	mtc0	k0, CP0_EPC
	ehb
	eret
END(vz_hypercall_fast)

/* Everything else: C, then back to whichever guest the scheduler chose. */
LEAF(vz_exc_entry)
	jal	hv_exception
	nop
	ehb
	eret
END(vz_exc_entry)

/* First entry into a guest (from boot): the stack is reset to its top. */
LEAF(vz_launch)
	la	sp, _stack_top
	ehb
	eret
END(vz_launch)
