/* vectors.S - root exception vectors (root EBase = start of the hypervisor
 * in program flash) and the exit/entry paths.
 *
 * Register discipline: the hypervisor runs in shadow set 0 and every guest in
 * its own set (its VM id), so an exit saves no GPR: the guest's stay in their
 * set (read/written with RDPGPR/WRPGPR), and set 0 - including sp, which
 * always points at the top of the single hypervisor stack when a guest runs -
 * is untouched while a guest executes. Handlers may use any register. Only
 * HI/LO, which all sets share, are saved around calls into C. */
#include "asm.h"

#define EXC_GE      27
#define HYPCALL_0   0x42000028
#define HC_VM_ID    0

/* struct hv_fast (core/hv.h): the state the assembly paths read. */
#define HVF_CUR_ID  0
#define HVF_NUM_VMS 4
#define HVF_TLB_CUR 8
#define HVF_TLB_END 12
#define HVF_EVIC    16
#define HVF_HI      20
#define HVF_LO      24
#define HVF_BLK_CUR 28
#define HVF_BLK_END 32
/* struct vz_block (vzlet/vm_config.h) */
#define BLK_GPA      0
#define BLK_RPA      4
#define BLK_SIZE     8
#define BLK_KIND     12
#define BLK_SUBPAGES 16
#define BLK_SIZEOF   20
#define VZ_EMU_GUARDED 6
#define VZ_EMU_READ_ONLY 3

/* HI/LO are shared by all shadow sets: the C code (division, multiplication)
 * must not change the guest's. Saved around every C call, swapped per VM by
 * the scheduler. */
#define SAVE_HILO \
	mfhi	t0; \
	mflo	t1; \
	lui	k1, %hi(hv_fast); \
	sw	t0, %lo(hv_fast + HVF_HI)(k1); \
	sw	t1, %lo(hv_fast + HVF_LO)(k1)
#define RESTORE_HILO \
	lui	k1, %hi(hv_fast); \
	lw	t0, %lo(hv_fast + HVF_HI)(k1); \
	lw	t1, %lo(hv_fast + HVF_LO)(k1); \
	mthi	t0; \
	mtlo	t1
/* struct vz_vevic (vzlet/vm.h) */
#define VEVIC_IEC   28
#define VEVIC_OWNED 56

	.set noreorder
	.set noat
	.set virt
	.section .vectors, "ax", @progbits

/* EBase + 0x000: root TLB refill. A guest used a GPA without a root TLB
 * entry: load it from the VM's TLB plan entries that are not wired
 * (hv_fast.tlb_cur .. tlb_end), else it is a device access (vz_fast_access)
 * or a violation. */
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
	/* Not in the plan: a device access (or a violation). */
2:	j	vz_fast_access
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
	SAVE_HILO
	jal	hv_interrupt
	nop
	RESTORE_HILO
	mfc0	k0, CP0_STATUS		/* taking it raised IPL to its level: */
	ins	k0, zero, 10, 6		/* guests always run with root IPL 0 */
	mtc0	k0, CP0_STATUS
	ehb
	eret
END(vz_vec_interrupt)

/* Device accesses the refill path did not map, k0 = GPA, k1 = %hi(hv_fast).
 * The two commonest are answered here without C: a word store to a guarded
 * register the VM may write entirely, and a word load of one of its virtual
 * IFS/IEC words. Not in a delay slot, not a fetch; anything else goes to C. */
LEAF(vz_fast_access)
	mfc0	t3, CP0_CAUSE
	bltz	t3, vz_exc_entry	/* Cause.BD */
	mfc0	t4, $8, 1		/* BadInstr */
	mfc0	t3, CP0_EPC
	ext	t3, t3, 0, 29
	beq	t3, k0, vz_exc_entry	/* a fetch, not a data access */
	srl	t5, t4, 26
	li	t6, 0x2B		/* SW */
	bne	t5, t6, 4f
	/* A word store to the virtual EVIC: C does the work (vevic_store), the
	 * guest's EPC is advanced first since the store may switch VMs. */
	lw	t0, %lo(hv_fast + HVF_EVIC)(k1)
	lui	t7, 0x1F81
	beqz	t0, 6f
	subu	t7, k0, t7		/* offset in the EVIC block */
	sltiu	t2, t7, 0x1000
	beqz	t2, 6f
	andi	t2, t7, 3
	bnez	t2, vz_exc_entry
	mfc0	t2, CP0_EPC
	addiu	t2, t2, 4
	mtc0	t2, CP0_EPC
	SAVE_HILO			/* clobbers t0, t1 */
	srl	a0, t4, 16
	jal	vz_gpr_read		/* clobbers t0, a0, v0 only */
	andi	a0, a0, 31
	move	a0, t7
	jal	vevic_store
	move	a1, v0
	RESTORE_HILO
	ehb
	eret
	/* A word store to a guarded register the VM may write entirely. */
6:	lw	t0, %lo(hv_fast + HVF_BLK_CUR)(k1)
	lw	t1, %lo(hv_fast + HVF_BLK_END)(k1)
5:	beq	t0, t1, vz_exc_entry
	lw	t2, BLK_GPA(t0)
	lw	t3, BLK_SIZE(t0)
	subu	t2, k0, t2		/* offset in the block */
	sltu	t3, t2, t3
	beqz	t3, 5b
	addiu	t0, t0, BLK_SIZEOF
	lw	t3, BLK_KIND - BLK_SIZEOF(t0)
	li	t5, VZ_EMU_GUARDED
	bne	t3, t5, vz_exc_entry
	lw	t3, BLK_SUBPAGES - BLK_SIZEOF(t0)
	andi	t5, t2, 3
	bnez	t5, vz_exc_entry
	nop
	beqz	t3, vz_exc_entry
	addu	t5, t3, t2		/* &subpages[off / 16].allow[(off / 4) % 4] */
	lw	t5, 0(t5)
	li	t6, -1
	bne	t5, t6, vz_exc_entry	/* partly allowed: C merges the bits */
	lw	t3, BLK_RPA - BLK_SIZEOF(t0)
	lui	t5, 0xA000
	addu	t3, t3, t2
	or	t3, t3, t5		/* KSEG1 address of the real register */
	srl	a0, t4, 16
	jal	vz_gpr_read		/* clobbers t0, a0, v0 only */
	andi	a0, a0, 31
	sw	v0, 0(t3)
	mfc0	k0, CP0_EPC
	addiu	k0, k0, 4
	mtc0	k0, CP0_EPC
	ehb
	eret

	/* A guest reading one of its virtual IFS/IEC words (what every
	 * interrupt handler does). */
4:	li	t6, 0x23		/* LW */
	bne	t5, t6, vz_exc_entry
	lw	t0, %lo(hv_fast + HVF_EVIC)(k1)
	lui	t1, 0x1F81
	beqz	t0, 7f
	subu	t1, k0, t1
	addiu	t1, t1, -0x40		/* 0x00..0xFF: IFS0..IEC7 */
	sltiu	t2, t1, 0x100
	beqz	t2, 7f
	andi	t2, t1, 0xF		/* the register itself, no alias */
	bnez	t2, 7f
	srl	t1, t1, 4		/* 0..7 IFS, 8..15 IEC */
	andi	t2, t1, 7
	sltiu	t5, t2, 7
	beqz	t5, 7f			/* IFS7/IEC7 */
	sll	t5, t2, 2
	addu	t0, t0, t5		/* &ifs[w] */
	sltiu	t5, t1, 8
	beqz	t5, 3f
	lw	a1, VEVIC_IEC(t0)	/* IEC: the virtual word */
	lw	a1, 0(t0)		/* IFS: virtual flags | owned real flags */
	lw	t5, VEVIC_OWNED(t0)
	sll	t2, t2, 4
	lui	t6, 0xBF81
	addu	t6, t6, t2
	lw	t6, 0x40(t6)
	and	t6, t6, t5
	or	a1, a1, t6
3:	srl	a0, t4, 16
	jal	vz_gpr_write
	andi	a0, a0, 31
	mfc0	k0, CP0_EPC
	addiu	k0, k0, 4
	mtc0	k0, CP0_EPC
	ehb
	eret
	/* A word load from a block whose reads see the real register
	 * (read-only, write-ignored, write-logged, guarded). */
7:	lw	t0, %lo(hv_fast + HVF_BLK_CUR)(k1)
	lw	t1, %lo(hv_fast + HVF_BLK_END)(k1)
8:	beq	t0, t1, vz_exc_entry
	lw	t2, BLK_GPA(t0)
	lw	t3, BLK_SIZE(t0)
	subu	t2, k0, t2		/* offset in the block */
	sltu	t3, t2, t3
	beqz	t3, 8b
	addiu	t0, t0, BLK_SIZEOF
	lw	t3, BLK_KIND - BLK_SIZEOF(t0)
	sltiu	t5, t3, VZ_EMU_READ_ONLY
	bnez	t5, vz_exc_entry	/* an emulator: C */
	andi	t5, t2, 3
	bnez	t5, vz_exc_entry
	lw	t3, BLK_RPA - BLK_SIZEOF(t0)
	lui	t5, 0xA000
	addu	t3, t3, t2
	or	t3, t3, t5
	b	3b
	lw	a1, 0(t3)
END(vz_fast_access)

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
	SAVE_HILO
	jal	hv_exception
	nop
	RESTORE_HILO
	ehb
	eret
END(vz_exc_entry)

/* First entry into a guest (from boot): the stack is reset to its top. */
LEAF(vz_launch)
	la	sp, _stack_top
	RESTORE_HILO
	ehb
	eret
END(vz_launch)
