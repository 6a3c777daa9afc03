/* SPDX-License-Identifier: Apache-2.0 */
/* boot.S - boot-flash stub: what the chipKIT bootloader leaves behind, in
 * as few instructions as possible, so an application ELF runs on a bare
 * chip: `vzlet-sim boot.elf app.elf`.
 *
 * At reset (0xBFC00000, KSEG1): leave ERL, initialise the caches and make
 * KSEG0 cacheable, set the flash wait states for 200 MHz, route the console
 * UART4 to the Wi-Fire's pins (RX RF2, TX RF8), then jump to the
 * application entry 0x9D001000 if the application's image header (the word
 * _ebase at 0x9D0000F8) is programmed; otherwise say so on UART4 and stop.
 * The clock itself comes from the DEVCFG words (devcfg.S).
 */
#include "cache_init.h"

#define CP0_STATUS  $12, 0
#define ST_BEV      0x00400000
#define K0_CACHEABLE 3          /* write-back, write-allocate */
#define PRECON      0xBF8E0000
#define PRECON_200MHZ 0x32      /* PREFEN = 3 (all regions), PFMWS = 2 */
#define U4RXR       0xBF801480
#define RPF8R       0xBF801660
#define U4RXR_RPF2  11
#define RPOUT_U4TX  2
#define U4MODE      0xBF822600
#define U4STA       0xBF822610
#define U4TXREG     0xBF822620
#define U4BRG       0xBF822640
#define APP_HEADER  0xBD0000F8  /* KSEG1: read flash as it is */
#define APP_ENTRY   0x9D001000

	.set noreorder
	.section .reset, "ax", @progbits
	.globl _reset
	.ent _reset
_reset:
	li	$8, ST_BEV
	mtc0	$8, CP0_STATUS
	ehb

	/* Caches come up with random tags: write zero tags everywhere. */
	cache_init
	cache_set_k0 K0_CACHEABLE

	li	$8, PRECON
	li	$9, PRECON_200MHZ
	sw	$9, 0($8)

	li	$8, U4RXR
	li	$9, U4RXR_RPF2
	sw	$9, 0($8)
	li	$8, RPF8R
	li	$9, RPOUT_U4TX
	sw	$9, 0($8)

	li	$8, APP_HEADER
	lw	$9, 0($8)
	li	$10, -1
	beq	$9, $10, no_app
	nop
	lw	$9, 4($8)		/* the entry: APP_ENTRY + 1 for a microMIPS image */
	li	$8, APP_ENTRY + 1
	beq	$9, $8, 1f		/* then enter with bit 0 set: microMIPS */
	nop
	li	$8, APP_ENTRY
1:	jr.hb	$8			/* fetch from KSEG0 with the new K0 */
	nop

no_app:
	/* 115200 baud from PBCLK2 = 100 MHz: BRGH = 1, BRG = 216 */
	li	$8, U4BRG
	li	$9, 216
	sw	$9, 0($8)
	li	$8, U4STA
	li	$9, 0x1400		/* URXEN | UTXEN */
	sw	$9, 0($8)
	li	$8, U4MODE
	li	$9, 0x8008		/* ON | BRGH */
	sw	$9, 0($8)
	la	$10, no_app_msg
	li	$11, U4STA
	li	$12, U4TXREG
3:	lbu	$9, 0($10)
	beqz	$9, halt
	nop
4:	lw	$8, 0($11)
	andi	$8, $8, 0x200		/* UTXBF */
	bnez	$8, 4b
	nop
	sw	$9, 0($12)
	b	3b
	addiu	$10, $10, 1
	.end _reset

	.globl halt
halt:
	di
	ehb
5:	wait
	b	5b
	nop

no_app_msg:
	.asciz	"boot: no application at 0x9D001000 (image header word at 0x9D0000F8 is blank)\r\n"

/* Any exception during boot: stop. */
	.section .vec_refill, "ax", @progbits
	j	halt
	nop
	.section .vec_general, "ax", @progbits
	j	halt
	nop
	.section .vec_interrupt, "ax", @progbits
	j	halt
	nop
