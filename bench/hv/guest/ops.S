/* SPDX-License-Identifier: Apache-2.0 */
/* ops.S - the operations the benchmark times, each between two global
 * labels: <name>_op (the operation's first instruction) and <name>_after
 * (the next instruction of the same flow). The host driver single-steps the
 * simulator and records the cycle at which the PC reaches each label, so
 * every instance is measured exactly; the guest also times whole loops with
 * Count (its own view, hvb_record.loop_ticks).
 *
 * Loops: void hvb_<name>(unsigned n), n > 0 iterations.
 * Interrupt handlers are entered through the vector (jr k1) and use k0/k1
 * only; they put their own address back in k1 before ERET. */
	.set noreorder
	.set noat
	.set virt
	.text

#define LOOP_TAIL		\
	addiu	$4, $4, -1;	\
	bnez	$4, 1b;		\
	nop;			\
	jr	$31;		\
	nop

#define GLABEL(x) .globl x; x:

/* The loop alone: what every loop below costs besides its operation. */
GLABEL(hvb_empty)
1:
GLABEL(hvb_empty_op)
	nop
GLABEL(hvb_empty_after)
	LOOP_TAIL

/* (1) HYPCALL VZ_HC_VM_ID (v0 = 0), answered in the hypervisor's vector. */
GLABEL(hvb_hypcall)
1:	li	$2, 0
GLABEL(hvb_hypcall_op)
	hypcall
GLABEL(hvb_hypcall_after)
	LOOP_TAIL

/* (2) A trap to root and back with no emulation work: a CACHE by index
 * traps (GPSI: GuestCtl0.CG = 1 runs only hit-type operations, CGI = 0)
 * and the hypervisor's C exit path completes an Index Load Tag as a no-op.
 * On the bare chip it is an ordinary cache operation (TagLo changes). */
GLABEL(hvb_trap)
	lui	$8, 0x8000
1:
GLABEL(hvb_trap_op)
	cache	0x05, 0($8)		/* Index Load Tag D */
GLABEL(hvb_trap_after)
	LOOP_TAIL

/* Two other round trips through the C exit path, for comparison: a guest
 * MFC0 of PRId (GPSI, emulated: the real PRId into the guest's register)
 * and HYPCALL VZ_HC_TIME (answered in C, two result registers). */
GLABEL(hvb_prid)
1:
GLABEL(hvb_prid_op)
	mfc0	$9, $15
GLABEL(hvb_prid_after)
	LOOP_TAIL

GLABEL(hvb_hctime)
1:	li	$2, 3
GLABEL(hvb_hctime_op)
	hypcall
GLABEL(hvb_hctime_after)
	LOOP_TAIL

/* (3) Guarded device register: Timer2's PR2 (0x1F840220), a block smaller
 * than a page, so never mapped: every access is emulated. */
GLABEL(hvb_reg_sw)
	lui	$8, 0xBF84
	li	$9, 0xFFFF
1:
GLABEL(hvb_reg_sw_op)
	sw	$9, 0x220($8)
GLABEL(hvb_reg_sw_after)
	LOOP_TAIL

GLABEL(hvb_reg_lw)
	lui	$8, 0xBF84
1:
GLABEL(hvb_reg_lw_op)
	lw	$9, 0x220($8)
GLABEL(hvb_reg_lw_after)
	LOOP_TAIL

/* The virtual EVIC: a load of IFS0 and a store to IEC0SET (bit 1, already
 * set: the store changes nothing, as a driver re-enabling its source does). */
GLABEL(hvb_evic_lw)
	lui	$8, 0xBF81
1:
GLABEL(hvb_evic_lw_op)
	lw	$9, 0x40($8)
GLABEL(hvb_evic_lw_after)
	LOOP_TAIL

GLABEL(hvb_evic_sw)
	lui	$8, 0xBF81
	li	$9, 2
1:
GLABEL(hvb_evic_sw_op)
	sw	$9, 0xC8($8)
GLABEL(hvb_evic_sw_after)
	LOOP_TAIL

/* (4) Software IRQ injection: the guest raises its own IRQ 1 (core software
 * interrupt 0, enabled, priority 2) with IFS0SET and takes it at once. The
 * handler returns to hvb_swirq_after. */
GLABEL(hvb_swirq)
	lui	$8, 0xBF81
	li	$9, 2
1:
GLABEL(hvb_swirq_op)
	sw	$9, 0x48($8)		/* IFS0SET = 1 << 1 */
GLABEL(hvb_swirq_after)
	LOOP_TAIL

GLABEL(hvb_swirq_handler)
	lui	$26, 0xBF81
	li	$27, 2
GLABEL(hvb_swirq_ack_op)
	sw	$27, 0x44($26)		/* IFS0CLR: acknowledge */
GLABEL(hvb_swirq_ack_after)
	mfc0	$26, $12		/* back to IPL 0 (EIC entry raised it) */
	ins	$26, $0, 10, 6
	mtc0	$26, $12
	la	$27, hvb_swirq_handler
	ehb
	eret

/* (5) Device IRQ round trip: UART2 RX (vector 146). The guest spins on
 * rec->go (a0 = &rec->go) while the host offers a byte to UART2; the handler
 * reads it (U2RXREG) and acknowledges (IFS4CLR bit 18). */
GLABEL(hvb_dev_wait)
	sw	$0, 0($4)
GLABEL(hvb_dev_spin)
	lw	$8, 0($4)
	beqz	$8, hvb_dev_spin
	nop
GLABEL(hvb_dev_spin_end)
	jr	$31
	nop

/* The same with the guest idle: it waits in WAIT (under vzlet the VM leaves
 * the round and the hypervisor idles) until the byte's interrupt wakes it. */
GLABEL(hvb_dev_idle)
	sw	$0, 0($4)
GLABEL(hvb_dev_idle_wait)
	wait
	lw	$8, 0($4)
	beqz	$8, hvb_dev_idle_wait
	nop
GLABEL(hvb_dev_idle_end)
	jr	$31
	nop

GLABEL(hvb_dev_handler)
	lui	$26, 0xBF82
GLABEL(hvb_dev_read_op)
	lw	$27, 0x2230($26)	/* U2RXREG: take the byte */
GLABEL(hvb_dev_read_after)
	lui	$26, 0xBF81
	lui	$27, 0x0004		/* 1 << 18 */
GLABEL(hvb_dev_ack_op)
	sw	$27, 0x84($26)		/* IFS4CLR: acknowledge */
GLABEL(hvb_dev_ack_after)
	mfc0	$26, $12
	ins	$26, $0, 10, 6
	mtc0	$26, $12
	la	$27, hvb_dev_handler
	ehb
	eret
