/* SPDX-License-Identifier: Apache-2.0 */
/* hz.h - shared by the hazard and bus-order programs: each one breaks one
 * rule at the labels `writer` (the state change or the store) and
 * `consumer` (what uses it too early); built twice, as is (the simulator
 * must stop it) and with -DBARRIER (the barrier the rule asks for: it must
 * run clean). They start at the reset vector, 0xBFC00000 (KSEG1). */
#ifdef BARRIER
#define FIX(...) __VA_ARGS__
#define NOFIX(...)
#else
#define FIX(...)
#define NOFIX(...) __VA_ARGS__
#endif

#define ST_BEV 0x00400000
#define EVIC   0xBF810000
#define IFS0     0x40
#define IFS0CLR  0x44
#define IFS0SET  0x48
#define IEC0     0xC0
#define IEC0SET  0xC8
#define IPC0SET  0x148
#define CS0_BIT  2          /* vector 1: core software interrupt 0 */
#define CS0_PRIO1 0x400     /* IPC0: vector 1, priority 1 */

	.set noreorder
	.set noat
	.text
	.globl _start

/* Core software interrupt 0 at priority 1, enabled in the EVIC ($8 = EVIC
 * base, $9 clobbered; the stores are read back, so both have landed). */
.macro cs0_enable
	li	$8, EVIC
	li	$9, CS0_PRIO1
	sw	$9, IPC0SET($8)
	li	$9, CS0_BIT
	sw	$9, IEC0SET($8)
	lw	$9, IEC0($8)
.endm

/* Spin here (the run ends at the cycle limit). */
.macro halt
99:	b	99b
	nop
.endm
