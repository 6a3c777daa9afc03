/* SPDX-License-Identifier: Apache-2.0 */
/* cp0_usable.S - user code with Status.CU0 clears CU0 and then runs MFC0:
 * whether it may (or takes a coprocessor unusable exception) depends on
 * the change, EHB between. The user code runs at virtual 0x0000xxxx, this
 * page of boot flash mapped by TLB entry 0. */
#include "../hz.h"
#define USER(label) ((label) - _start)
_start:
	li	$8, 0x007F0013		/* EntryLo0: PFN 0x1FC00, C = 2, V, G */
	mtc0	$8, $2, 0
	mtc0	$0, $3, 0		/* EntryLo1: invalid */
	mtc0	$0, $5, 0		/* PageMask: 4 KB */
	mtc0	$0, $10, 0		/* EntryHi: VPN2 0, ASID 0 */
	mtc0	$0, $0, 0		/* Index 0 */
	ehb
	tlbwi
	li	$8, USER(user)
	mtc0	$8, $14, 0		/* EPC */
	li	$8, 0x10400012		/* CU0, BEV, KSU = user, EXL */
	mtc0	$8, $12, 0
	ehb
	eret
	halt
user:	li	$8, 0x00400010		/* BEV, KSU = user; CU0, EXL = 0 */
uw:	mtc0	$8, $12, 0
	FIX(ehb)
uc:	mfc0	$9, $12, 0
	halt
	.org	0x380			/* the coprocessor unusable exception */
	halt
/* The findings name the user addresses. */
	.globl	writer, consumer
	.set	writer, uw - _start
	.set	consumer, uc - _start
