/* SPDX-License-Identifier: Apache-2.0 */
/* cache_init.h - what every reset path on the PIC32MZ EF runs before the
 * first cached access: the M5150's caches come up with random tags
 * (Config7.HCI = 0: the hardware does not clear them), so software writes
 * a zero tag (invalid, unlocked) into every line with CACHE Index Store
 * Tag, as Microchip's XC32 start-up does. Run it uncached (KSEG1) and
 * before Config.K0 is made cacheable. Assembler only; needs
 * .set noreorder. Uses $8, $9. (guests/lib/boot/boot.S, tests/lib/start.S,
 * bench/workload/boot.S, bench/harness/root_harness.S) */
#ifndef GUEST_CACHE_INIT_H
#define GUEST_CACHE_INIT_H

#define CACHE_LINE_SIZE     16
#define ICACHE_SIZE         16384
#define DCACHE_SIZE         4096
#define INDEX_STORE_TAG_I   0x08
#define INDEX_STORE_TAG_D   0x09

/* A zero tag in each line of one cache (one CACHE per index; the index
 * and way come from the KSEG0 address bits). */
.macro cache_clear_tags op, size
	li	$8, 0x80000000
	li	$9, 0x80000000 + \size
.Lcache_next_line\@:
	cache	\op, 0($8)
	addiu	$8, $8, CACHE_LINE_SIZE
	bne	$8, $9, .Lcache_next_line\@
	nop
.endm

/* Both caches; TagLo = 0 first. */
.macro cache_init
	mtc0	$0, $28, 0
	ehb
	cache_clear_tags INDEX_STORE_TAG_I, ICACHE_SIZE
	cache_clear_tags INDEX_STORE_TAG_D, DCACHE_SIZE
.endm

/* Config.K0 = k (3: cacheable write-back), then clear the hazard. */
.macro cache_set_k0 k
	mfc0	$8, $16, 0
	li	$9, \k
	ins	$8, $9, 0, 3
	mtc0	$8, $16, 0
	ehb
.endm

#endif
