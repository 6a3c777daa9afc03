/* guest_harness.S - minimal VZ root harness that runs the benchmark workload
 * (bench/workload, bench_abi.h) as a guest, for the guest-mode figures of
 * `make bench-sim` (sim_guest_mips, guest_vs_root).
 *
 * Guest 1 gets 256 KB of RAM: guest physical [0, 256 KB) is real
 * [GUEST_RAM_PA, GUEST_RAM_PA + 256 KB), one root TLB entry tagged with
 * GuestID 1. The guest runs in kernel mode with CP0, GT, CG and CF granted,
 * so the workload (no CP0, no devices) never exits until its final WAIT
 * (GPSI); then root halts. The host tool reads the result block through the
 * guest RAM. Uses no RAM itself.
 */
#define GUEST_RAM_PA   0x00040000
#define GUEST_ENTRY    0x80001000   /* BENCH_ENTRY, guest KSEG0 */
#define GUESTID        1

	.set noreorder
	.set noat
	.set virt

	.section .reset, "ax", @progbits
	.globl _start
_start:
	li	$8, 0x00400002          /* Status: BEV, EXL (ERET below enters the guest) */
	mtc0	$8, $12
	ehb
	/* Root TLB entry 0, GuestID 1: pair of 256 KB pages at GPA 0, the even
	 * one to real GUEST_RAM_PA (cacheable, dirty, valid, global). */
	li	$8, GUESTID << 16       /* GuestCtl1.RID for the TLBWI */
	mtc0	$8, $10, 4
	li	$8, 0x0007E000          /* PageMask: 256 KB */
	mtc0	$8, $5
	mtc0	$0, $10                 /* EntryHi: VPN2 0, ASID 0 */
	li	$8, ((GUEST_RAM_PA >> 12) << 6) | (3 << 3) | 7
	mtc0	$8, $2
	li	$8, 1                   /* odd page: invalid (G only) */
	mtc0	$8, $3
	mtc0	$0, $0
	ehb
	tlbwi
	ehb
	li	$8, GUESTID             /* GuestCtl1: ID 1, RID 0 */
	mtc0	$8, $10, 4
	/* Guest context: kernel mode, no BEV/ERL, interrupts off. */
	li	$8, 0x10000000          /* CU0 */
	mtgc0	$8, $12, 0
	/* GuestCtl0: GM | CP0 | GT | CG | CF. */
	li	$8, 0x93800000
	mtc0	$8, $12, 6
	li	$8, GUEST_ENTRY
	mtc0	$8, $14
	ehb
	eret

	/* Every exit (the workload's final WAIT, or anything unexpected): stop. */
	.section .vec_refill, "ax", @progbits
1:	wait
	b	1b
	nop
	.section .vec_general, "ax", @progbits
1:	wait
	b	1b
	nop
	.section .vec_interrupt, "ax", @progbits
1:	wait
	b	1b
	nop
