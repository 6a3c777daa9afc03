/* SPDX-License-Identifier: Apache-2.0 */
/* bus_order.S - an interrupt handler acknowledges its source (IFS0CLR, a
 * posted store) and returns at once: the source is taken again before the
 * store lands. Reading the EVIC back before ERET completes the store.
 * PBCLK1 is slowed to SYSCLK/128 first, so that the store is still in
 * flight however slowly this uncached boot code is fetched. */
#include "../hz.h"
#define SYSKEY 0xBF800030
#define PB1DIV 0xBF801300
_start:
	li	$8, SYSKEY
	sw	$0, 0($8)
	li	$9, 0xAA996655
	sw	$9, 0($8)
	li	$9, 0x556699AA
	sw	$9, 0($8)
	li	$8, PB1DIV
	li	$9, 0x807F		/* ON, PBDIV = 127 */
	sw	$9, 0($8)
	lw	$9, 0($8)		/* read back: the divider is in force */
	cs0_enable
	li	$10, ST_BEV | 1		/* IE, ERL = 0 */
	mtc0	$10, $12, 0
	ehb
	li	$9, CS0_BIT
	sw	$9, IFS0SET($8)		/* request */
	halt
	.org	0x380			/* interrupt (BEV = 1, Cause.IV = 0) */
	li	$9, CS0_BIT
writer:	sw	$9, IFS0CLR($8)		/* acknowledge */
	FIX(lw $9, IFS0($8))		/* read back: it has landed */
	eret
