/* SPDX-License-Identifier: Apache-2.0 */
/* guest_root.S - root harness that runs the differential-test driver as a VZ
 * guest on vzlet-sim (vzlet-diff --guest), so that guest-mode execution of
 * the base ISA and the FPU is compared with QEMU too.
 *
 * Guest physical map (root TLB, GuestID 1, wired):
 *   GPA 0x00000000-0x0007FFFF -> RAM 0x00000000 (identity: blob, results, mailbox)
 *   GPA 0x1FC00000-0x1FC07FFF -> program flash 0x1D000000 (the driver copy), so
 *   the guest's reset vector 0xBFC00000 and its BEV exception vectors are the
 *   driver's. GuestCtl0: GM and CP0 (the driver's Status/Cause/EPC/ERET act on
 *   the guest context). Root Status.CU1 = MX = 1 so the guest may use the FPU and the DSP ASE.
 *
 * The guest shares shadow set 0 with root. The only exit expected before the
 * end is the GSFC of the driver's `mtc0 $a0, Status` that sets CU1/FR (always
 * sensitive): root completes it with MTGC0 and resumes, touching only k0/k1,
 * which it keeps in KScratch1/2. Any other exit (the driver's final WAIT is a
 * GPSI) ends the run: root waits forever. */
#include "../diff_abi.h"

#define GUEST_ID        1
#define PAGEMASK_256K   0x0007E000
#define PAGEMASK_16K    0x00006000
#define LO(pa, flags)   ((((pa) >> 12) << 6) | (flags))
#define LO_RAM          ((3 << 3) | 0x7)    /* cacheable, D, V, G */
#define LO_FLASH        ((3 << 3) | 0x3)    /* cacheable, V, G (read-only) */
#define GC0_GM          0x80000000
#define GC0_CP0         0x10000000
#define MTC0_A0_STATUS  0x40846000          /* mtc0 $a0, $12 */

	.set noreorder
	.set noat
	.set virt
	.section .reset, "ax"
	.globl _start
_start:
	li	$t0, 0x21400000		/* root Status: CU1, MX, BEV; ERL = EXL = IE = 0 */
	mtc0	$t0, $12
	ehb
	li	$t0, (GUEST_ID << 16) | GUEST_ID
	mtc0	$t0, $10, 4		/* GuestCtl1: ID and RID */
	mtc0	$zero, $6		/* Wired = 0 */
	/* entry 0: guest RAM, identity */
	li	$t0, PAGEMASK_256K
	mtc0	$t0, $5
	mtc0	$zero, $0
	mtc0	$zero, $10
	li	$t0, LO(0x00000, LO_RAM)
	mtc0	$t0, $2
	li	$t0, LO(0x40000, LO_RAM)
	mtc0	$t0, $3
	ehb
	tlbwi
	/* entry 1: guest boot flash -> the driver copy in program flash */
	li	$t0, PAGEMASK_16K
	mtc0	$t0, $5
	li	$t0, 1
	mtc0	$t0, $0
	li	$t0, 0x1FC00000
	mtc0	$t0, $10
	li	$t0, LO(DIFF_GUEST_DRIVER_PA, LO_FLASH)
	mtc0	$t0, $2
	li	$t0, LO(DIFF_GUEST_DRIVER_PA + 0x4000, LO_FLASH)
	mtc0	$t0, $3
	ehb
	tlbwi
	li	$t0, 2
	mtc0	$t0, $6			/* Wired = 2 */
	mtc0	$zero, $10
	/* guest CP0: the reset state the driver expects (ERL, BEV) */
	li	$t0, 0x00400004
	mtgc0	$t0, $12
	/* enter the guest at its reset vector */
	li	$t0, 0x21400002		/* root EXL (CU1, MX, BEV kept) */
	mtc0	$t0, $12
	ehb
	li	$t0, 0xBFC00000
	mtc0	$t0, $14
	li	$t0, GC0_GM | GC0_CP0
	mtc0	$t0, $12, 6
	ehb
	eret

	.org	0x200			/* root TLB refill */
	b	root_idle
	nop

	.org	0x380			/* root general exception: every guest exit */
	mtc0	$k0, $31, 2
	mtc0	$k1, $31, 3
	mfc0	$k0, $13
	ext	$k0, $k0, 2, 5
	addiu	$k1, $zero, 27		/* GE: exit from guest mode */
	bne	$k0, $k1, root_idle
	mfc0	$k0, $12, 6
	ext	$k0, $k0, 2, 5
	addiu	$k1, $zero, 1		/* GExcCode GSFC */
	bne	$k0, $k1, root_idle
	mfc0	$k0, $8, 1		/* BadInstr */
	li	$k1, MTC0_A0_STATUS
	bne	$k0, $k1, root_idle
	nop
	mtgc0	$a0, $12		/* complete the guest's write */
	mfc0	$k0, $14
	addiu	$k0, $k0, 4
	mtc0	$k0, $14
	mfc0	$k0, $31, 2
	mfc0	$k1, $31, 3
	ehb
	eret

root_idle:
	wait
	b	root_idle
	nop

	.org	0x400
	b	root_idle
	nop
