/* SPDX-License-Identifier: Apache-2.0 */
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
#define VZ_NUM_IRQS 214
/* struct vz_system and struct vz_vm (checked in vdev/vevic.c) */
#define VZS_IRQ_OWNER     24
#define VM_IRQS_FROM_EVIC 1328	/* vm->irqs relative to &vm->evic */

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
1:	beq	t0, t1, vz_fast_access
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
END(vz_vec_refill)

/* uint32_t vevic_offer(struct vz_vevic *e): the GuestCtl2 value that offers
 * the highest pending enabled IRQ (GRIPL = priority, GVEC = the guest's OFF
 * in multi-vector mode, else 0x200; 0 if none). It also keeps e->best, that
 * IRQ's rank: key << 8 | (255 - irq) with key = priority << 2 | subpriority
 * (byte irq of the IPC words), so that the larger rank wins and on a tie the
 * lower vector; below 0x400 (priority 0) if none.
 * vevic_offer_add: the same when IRQs only became pending (t3 = the new
 * bits of word w, not 0; t5 = 224 - 32 w): they are compared with e->best.
 * vevic_offer_best: the same when no IRQ stopped or started pending (IPC,
 * INTCON and OFF unchanged too).
 * All three use t0-t6 and v0 only (vevic_word and the interrupt vector rely
 * on it). */
LEAF(vevic_offer)
	lw	t0, VEVIC_PENDING(a0)
	li	v0, 0x3FF
	beqz	t0, 5f
	addiu	t6, a0, VEVIC_IPC + 255	/* &ipc byte k = t6 - (255 - k) */
2:	negu	t1, t0
	and	t1, t1, t0		/* lowest word w with pending IRQs */
	xor	t0, t0, t1
	clz	t1, t1			/* 31 - w */
	sll	t5, t1, 5
	addiu	t5, t5, -768		/* 224 - 32 w */
	sll	t1, t1, 2
	subu	t1, a0, t1		/* e + 4 w - 124 */
	lw	t3, 124(t1)		/* ifs[w] */
	lw	t4, 124 + VEVIC_IEC(t1)	/* iec[w] */
	and	t3, t3, t4
	beqz	t3, 4f
	nop
3:	negu	t4, t3
	and	t4, t4, t3		/* lowest bit b */
	clz	t1, t4			/* 31 - b */
	addu	t1, t1, t5		/* 255 - irq */
	subu	t2, t6, t1
	lbu	t2, 0(t2)
	xor	t3, t3, t4
	andi	t2, t2, 0x1F		/* key */
	sll	t2, t2, 8
	or	t2, t2, t1		/* rank */
	sltu	t4, v0, t2
	bnez	t3, 3b
	movn	v0, t2, t4
4:	bnez	t0, 2b
	nop
5:	lw	t2, VEVIC_INTCON(a0)
	sw	v0, VEVIC_BEST(a0)
	srl	t0, v0, 10		/* priority */
	andi	t1, v0, 0xFF		/* 255 - irq */
	beqz	t0, 7f
	move	v0, zero
	sll	v0, t0, 24		/* GRIPL */
	andi	t2, t2, 0x1000		/* multi-vector: the guest's OFF value */
	beqz	t2, 7f
	ori	v0, v0, 0x200
	sll	t1, t1, 2
	subu	t1, a0, t1
	lhu	t2, VEVIC_OFF + 4 * 255(t1)	/* off[irq] & 0xFFFF */
	xori	v0, v0, 0x200
	or	v0, v0, t2
7:	jr	ra
	nop
	.globl	vevic_offer_add
vevic_offer_add:
	lw	v0, VEVIC_BEST(a0)
	move	t0, zero
	b	3b
	addiu	t6, a0, VEVIC_IPC + 255
	.globl	vevic_offer_best
vevic_offer_best:
	b	5b
	lw	v0, VEVIC_BEST(a0)
END(vevic_offer)

/* Everything else: C, then back to whichever guest the scheduler chose. */
LEAF(vz_exc_entry)
	mfhi	t0			/* SAVE_HILO, the last store in the slot */
	mflo	t1
	lui	k1, %hi(hv_fast)
	sw	t0, %lo(hv_fast + HVF_HI)(k1)
	jal	hv_exception
	sw	t1, %lo(hv_fast + HVF_LO)(k1)
vz_exc_return:
	RESTORE_HILO
	ehb
	eret
END(vz_exc_entry)

/* First entry into a guest (from boot): the stack is reset to its top. */
LEAF(vz_launch)
	la	sp, _stack_top
	b	vz_exc_return
	nop
END(vz_launch)

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
	bne	k0, k1, vz_exc_entry
	nop
	/* HYPCALL 0 not in a delay slot, function VZ_HC_VM_ID: answered here. */
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
END(vz_vec_general)

/* EBase + 0x200: interrupt (EIC, single-vector EVIC). A request of a real
 * source the running VM owns is latched here as C would (vevic_real_irq):
 * the source is masked until the guest acknowledges it, the VM's virtual
 * flag is set and, if that makes an enabled IRQ pending, compared with the
 * one on offer. Everything else (the hypervisor's own sources, another
 * VM's) goes to C. */
	.org 0x200
LEAF(vz_vec_interrupt)
	lui	k0, 0xBF81
	lw	k0, 0x20(k0)		/* INTSTAT: SRIPL 10:8, VEC 7:0 */
	lui	k1, %hi(hv_fast)
	andi	t0, k0, 0x700
	beqz	t0, 1f			/* nothing presented: C polls */
	andi	a1, k0, 0xFF		/* irq */
	sltiu	t0, a1, VZ_NUM_IRQS
	beqz	t0, 1f
	lui	t0, %hi(vz_system)
	lw	t0, %lo(vz_system + VZS_IRQ_OWNER)(t0)
	lw	t1, %lo(hv_fast + HVF_CUR_ID)(k1)
	addu	t0, t0, a1
	lbu	t0, 0(t0)		/* its owner */
	lw	a0, %lo(hv_fast + HVF_EVIC)(k1)
	bne	t0, t1, 1f		/* not the running VM's */
	srl	t2, a1, 5		/* w */
	beqz	a0, 1f			/* (a VM without a virtual EVIC) */
	sll	t3, t2, 4
	lui	t5, 0xBF81
	addu	t5, t5, t3
	li	t4, 1
	sllv	t4, t4, a1		/* the IRQ's bit */
	sw	t4, 0xC4(t5)		/* real IECwCLR: masked until acknowledged */
	sll	t3, t2, 2
	addu	t8, a0, t3		/* &ifs[w] */
	lw	t0, 0(t8)
	lw	t1, VEVIC_IEC(t8)
	lw	t6, VM_IRQS_FROM_EVIC(a0)
	or	t3, t0, t4
	sw	t3, 0(t8)		/* the virtual flag */
	addiu	t6, t6, 1
	sw	t6, VM_IRQS_FROM_EVIC(a0)	/* vm->irqs++ */
	nor	t0, t0, zero
	and	t0, t0, t1
	and	t3, t0, t4		/* it starts pending */
	lw	v1, VEVIC_OFFER(a0)
	beqz	t3, 2f
	lw	t0, VEVIC_PENDING(a0)
	li	t1, 1
	sllv	t1, t1, t2
	or	t0, t0, t1
	sw	t0, VEVIC_PENDING(a0)
	sll	t5, t2, 5
	subu	t5, zero, t5
	jal	vevic_offer_add		/* uses t0-t6, v0 */
	addiu	t5, t5, 224		/* 224 - 32 w */
3:	lui	k0, 0xBF81		/* read the EVIC back (INTSTAT): the IECwCLR */
	lw	k0, 0x20(k0)		/* store above has landed before ERET */
	and	v0, v0, v1
	mtc0	v0, $10, 5		/* GuestCtl2 */
4:	mfc0	k0, CP0_STATUS		/* taking it raised IPL to its level: */
	ins	k0, zero, 10, 6		/* guests always run with root IPL 0 */
	mtc0	k0, CP0_STATUS
	ehb
	eret
2:	jal	vevic_offer_best	/* (offered again, as after any change) */
	nop
	b	3b
	nop
1:	SAVE_HILO
	jal	hv_interrupt
	nop
	RESTORE_HILO
	b	4b
	nop
END(vz_vec_interrupt)


/* A word store to the virtual EVIC that the assembly does not handle
 * itself (a1 = offset, a2 = the value): C does the work (vevic_store); the
 * guest's EPC is advanced first since the store may switch VMs. */
LEAF(vz_evic_store_c)
	mfc0	t2, CP0_EPC
	addiu	t2, t2, 4
	mtc0	t2, CP0_EPC
	SAVE_HILO			/* clobbers t0, t1 */
	move	a0, a1
	jal	vevic_store
	move	a1, a2
	b	vz_exc_return
	nop
END(vz_evic_store_c)

/* uint32_t vevic_word(struct vz_vevic *e, uint32_t off, uint32_t v,
 *                     uint32_t may): the running VM stores v to IFSw or
 * IECw (w < 7) of its virtual EVIC, off = the offset of the register or of
 * its CLR/SET/INV alias. If the bits it changes are all in `may` (0: the
 * bits the assembly may change itself, e->fast[w]), the store is done:
 * the virtual word (an IFS word is its virtual flags merged with the real
 * flags of owned sources), the owned real sources (an acknowledged real
 * flag is cleared; a source is unmasked iff enabled with no unacknowledged
 * occurrence), the pending summary and the offer in GuestCtl2; returns 0.
 * Otherwise (or for another register) nothing is done and it returns
 * nonzero, a0-a2 kept. Uses t0-t9, a3, v0, v1, k0. */
LEAF(vevic_word)
	move	t7, ra
	addiu	t1, a1, -0x40		/* 0x00..0xFF: IFS0..IEC7 */
	sltiu	t0, t1, 0x100
	beqz	t0, .Lword_refuse
	andi	t3, t1, 0x70		/* 16 w */
	xori	t0, t3, 0x70
	beqz	t0, .Lword_refuse	/* IFS7/IEC7 */
	srl	t3, t3, 2		/* 4 w */
	addu	t8, a0, t3		/* &ifs[w] */
	lw	t5, VEVIC_FAST(t8)
	lw	k0, VEVIC_OWNED(t8)
	lui	t9, 0xBF81
	andi	t6, t1, 0x80
	movz	a3, t5, a3
	li	t5, VEVIC_IEC
	movz	t5, zero, t6		/* 0: IFSw, 28: IECw */
	addu	v1, t8, t5		/* the virtual register */
	subu	t0, t8, t5
	lw	t2, 0(v1)		/* old value */
	lw	t4, VEVIC_IEC(t0)	/* the other word of the pair */
	andi	t5, a1, 0x1F0
	or	t9, t9, t5		/* the real IFSw or IECw (KSEG1) */
	bnez	t6, 1f
	move	v0, t2
	lw	t5, 0(t9)		/* IFS: virtual | owned real flags */
	and	t5, t5, k0
	or	v0, v0, t5
1:	and	t5, a2, v0		/* bits the store names that are set */
	xor	t0, a2, t5		/* ... that are clear */
	andi	t6, t1, 4
	movz	t5, zero, t6		/* only CLR and INV clear bits */
	andi	t6, t1, 8
	movz	t0, zero, t6		/* only SET and INV set bits */
	or	t5, t5, t0
	xor	t0, a2, v0
	andi	t6, t1, 0xC
	movz	t5, t0, t6		/* REG: every bit that differs */
	xor	v0, v0, t5		/* new value */
	nor	t0, a3, zero
	and	t0, t0, t5
	bnez	t0, .Lword_refuse	/* bits it may not change */
	and	t6, t2, t4		/* pending IRQs of word w before */
	beqz	t5, .Lword_same		/* nothing changes */
	and	t2, v0, t4		/* ... and after */
	sw	v0, 0(v1)
	and	k0, k0, t5		/* owned sources whose bits change */
	beqz	k0, 2f
	andi	t0, t1, 0x80
	bnez	t0, 3f
	move	v1, t9			/* IEC: the real IECw */
	xor	t0, v0, t5		/* IFS: acknowledged occurrences */
	and	k0, k0, t0
	sw	k0, 4(t9)		/* real IFSwCLR */
	addiu	v1, t9, 0x80
3:	lw	t0, 0(t8)		/* unmasked iff enabled with no */
	lw	t4, VEVIC_IEC(t8)	/* unacknowledged occurrence */
	nor	t0, t0, zero
	and	t0, t0, t4
	and	t0, t0, k0
	sw	t0, 8(v1)		/* real IECwSET */
	xor	t0, t0, k0
	sw	t0, 4(v1)		/* real IECwCLR */
	lw	t0, 0(v1)		/* read back: landed before any ERET */
2:	beq	t2, t6, 6f		/* the same pending IRQs: the same offer */
	lw	t1, VEVIC_PENDING(a0)
	srl	t3, t3, 2
	li	t0, 1
	sllv	t0, t0, t3
	or	t1, t1, t0
	xor	t0, t1, t0
	movn	t0, t1, t2		/* bit w: word w has pending IRQs */
	sw	t0, VEVIC_PENDING(a0)
	nor	t0, t2, zero
	and	t0, t0, t6
	lw	v1, VEVIC_OFFER(a0)
	bnez	t0, 4f			/* some stopped pending: all again */
	sll	t5, t3, 5
	subu	t5, zero, t5
	addiu	t5, t5, 224		/* 224 - 32 w */
	jal	vevic_offer_add		/* uses t0-t6, v0 */
	xor	t3, t2, t6		/* the new ones against the best */
5:	and	v0, v0, v1
	mtc0	v0, $10, 5		/* GuestCtl2 */
	ehb				/* before C reads it back (vevic_reassert) */
.Lword_done:
	jr	t7
	move	v0, zero
.Lword_refuse:
	jr	t7
	li	v0, -1
	/* Nothing changes, but an IRQ the guest took (GuestCtl2 cleared by
	 * the core) and still flags and enables is offered again, as the chip
	 * keeps requesting it (vevic_reassert). */
.Lword_same:
	mfc0	t0, $10, 5		/* GuestCtl2 */
	lw	t1, VEVIC_BEST(a0)
	srl	t0, t0, 24		/* GRIPL */
	bnez	t0, 1f
	srl	t1, t1, 10		/* the priority on offer */
	bnez	t1, 6f
	move	v0, zero
1:	jr	t7
	move	v0, zero
4:	jal	vevic_offer
	nop
	b	5b
	nop
6:	lw	v1, VEVIC_OFFER(a0)	/* (offered again, as after any change) */
	jal	vevic_offer_best
	nop
	b	5b
	nop
END(vevic_word)

/* Device accesses the refill path did not map, k0 = GPA, k1 = %hi(hv_fast).
 * The commonest are answered here without C: a word store to a guarded
 * register the VM may write entirely, a word store to its virtual IFS/IEC
 * words (vevic_word), a word load of them, and a word load from a block whose
 * reads see the real register. Not in a delay slot, not a fetch; anything
 * else goes to C. */
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
	/* A word store to the virtual EVIC: IFS0-6 and IEC0-6 (any alias)
	 * are done here by vevic_word when every bit the store changes is
	 * the VM's own and not its console's; the rest in C. */
	lw	a0, %lo(hv_fast + HVF_EVIC)(k1)
	lui	a1, 0x1F81
	beqz	a0, 6f
	subu	a1, k0, a1		/* offset in the EVIC block */
	sltiu	t2, a1, 0x1000
	beqz	t2, 6f
	andi	t2, a1, 3
	bnez	t2, vz_exc_entry
	ext	t0, t4, 16, 5		/* rt: its value from vz_gpr_read's stub */
	sll	t0, t0, 3
	lui	t1, %hi(vz_gpr_read_stubs)
	addiu	t1, t1, %lo(vz_gpr_read_stubs)
	addu	t1, t1, t0
	jalr	t1
	move	a3, zero
	jal	vevic_word
	move	a2, v0
	bnez	v0, vz_evic_store_c	/* refused: C */
	mfc0	k0, CP0_EPC
	addiu	k0, k0, 4
	mtc0	k0, CP0_EPC
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
	lw	t3, VEVIC_BEST(t0)	/* an IRQ taken (GuestCtl2 cleared) and */
	lw	a1, VEVIC_OFFER(t0)	/* still requested: C offers it again */
	mfc0	t6, $10, 5		/* (vevic_reassert) */
	srl	t3, t3, 10
	srl	t6, t6, 24		/* GRIPL */
	and	t3, t3, a1
	movn	t3, zero, t6
	bnez	t3, vz_exc_entry
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
	addiu	t5, t3, -VZ_EMU_READ_ONLY
	sltiu	t5, t5, VZ_EMU_GUARDED - VZ_EMU_READ_ONLY + 1
	beqz	t5, vz_exc_entry	/* an emulator (EVIC, console, DMA, WDT): C */
	andi	t5, t2, 3
	bnez	t5, vz_exc_entry
	lw	t3, BLK_RPA - BLK_SIZEOF(t0)
	lui	t5, 0xA000
	addu	t3, t3, t2
	or	t3, t3, t5
	b	3b
	lw	a1, 0(t3)
END(vz_fast_access)
