/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - a guest for the per-VM watchdog tests (tests/hv/systems/wdt.dts,
 * tests/hv/partition.sh). What it does depends on its VM id:
 *   1 fed     clears its 4 ms watchdog every millisecond throughout, and
 *             reports the longest gap between two clears
 *   2 hung    boot 1: clears a few times, then spins without clearing;
 *             boot 2: only wrong clears (wrong key, byte stores, the CLR
 *             alias, the low half) while it sleeps; boot 3: right clears
 *             (16-bit, 32-bit, SET alias), then a 32-bit store without ON
 *             turns it off (a warm restart keeps the boot count)
 *   3 window  window mode by WDTWINEN (50 %): clears inside the window,
 *             one early clear (its action is "log"), then inside again
 *   4 always  DEVCFG1.FWDTEN = 1 and WINDIS = 0: on from reset, cannot be
 *             turned off, window mode without WDTWINEN; an early clear stops
 *             it */
#include "channel.h"
#include "coretimer.h"
#include "guest.h"
#include "uart.h"
#include "wdt.h"

/* Above .data/.bss, below the stack at the top of the 16 KB (guest.ld). */
#define BOOTS ((volatile uint32_t *)0x80002800u)
#define BOOTS_MAGIC 0x57445442u
#define KEY_HALF ((volatile uint16_t *)(WDTCON + 2))

static unsigned failures;

static void check(const char *what, uint32_t got, uint32_t want)
{
	if (got != want) {
		cprintf("wdt: FAIL %s: %x, expected %x\n", what, got, want);
		failures++;
	}
}

static void fed(void)
{
	uint32_t last, gap = 0;
	check("reads off, RUNDIV 2", SFR(WDTCON), 2u << 8);
	SFR(WDTCON + 0x4) = 0;
	check("an alias reads 0", SFR(WDTCON + 0x8), 0);
	wdt_enable(false);
	check("reads on", SFR(WDTCON), WDTCON_ON | 2u << 8);
	last = ct_now();
	for (unsigned n = 1;; n++) {
		sleep_ms(1);
		wdt_clear();
		uint32_t now = ct_now();
		if (now - last > gap)
			gap = now - last;
		last = now;
		if (n % 100 == 0)
			cprintf("wdt: fed %u, longest gap %u us\n", n, gap / CT_TICKS_PER_US);
	}
}

static void hung(void)
{
	if (BOOTS[0] != BOOTS_MAGIC) {
		BOOTS[0] = BOOTS_MAGIC;
		BOOTS[1] = 0;
	}
	unsigned boot = ++BOOTS[1];
	cprintf("wdt: boot %u\n", boot);
	if (boot > 1)
		check("off after the restart", SFR(WDTCON), 2u << 8);
	wdt_enable(false);
	if (boot == 1) {
		for (unsigned n = 0; n < 5; n++) {
			delay_ms(1);
			wdt_clear();
		}
		cprintf("wdt: hanging\n");
		for (;;) {
		}
	} else if (boot == 2) {
		cprintf("wdt: wrong clears\n");
		for (;;) {
			sleep_ms(1);
			SFR(WDTCON) = 0x1234u << 16 | WDTCON_ON;      /* wrong key */
			*KEY_HALF = 0x5742u;                           /* wrong key, 16 bits */
			*(volatile uint8_t *)(WDTCON + 2) = 0x43;      /* the key in bytes */
			*(volatile uint8_t *)(WDTCON + 3) = 0x57;
			*(volatile uint16_t *)WDTCON = 0x5743u | WDTCON_ON;  /* the low half */
			SFR(WDTCON + 0x4) = 0x5743u << 16;             /* the CLR alias */
		}
	} else {
		for (unsigned n = 0; n < 30; n++) {
			sleep_ms(1);
			if (n % 3 == 0)
				wdt_clear();
			else if (n % 3 == 1)
				SFR(WDTCON) = 0x5743u << 16 | WDTCON_ON;
			else
				SFR(WDTCON + 0x8) = 0x5743u << 16;     /* the SET alias */
		}
		SFR(WDTCON) = 0x5743u << 16;   /* the key, but ON = 0: off */
		check("off by a 32-bit store", wdt_running(), 0);
		sleep_ms(10);
		cprintf("wdt: hung %s\n", failures ? "FAIL" : "done");
	}
}

static void window(void)
{
	wdt_enable(true);
	check("reads on, window, RUNDIV 3", SFR(WDTCON), WDTCON_ON | WDTCON_WINEN | 3u << 8);
	for (unsigned n = 0; n < 5; n++) {
		sleep_ms(5);   /* window: the last 4 of 8 ms */
		wdt_clear();
	}
	cprintf("wdt: window clears ok\n");
	sleep_ms(1);
	wdt_clear();       /* early */
	cprintf("wdt: early clear logged\n");
	for (unsigned n = 0; n < 5; n++) {
		sleep_ms(5);
		wdt_clear();
	}
	wdt_disable();
	cprintf("wdt: window %s\n", failures ? "FAIL" : "done");
}

static void always(void)
{
	check("on from reset, RUNDIV 4", SFR(WDTCON), WDTCON_ON | 4u << 8);
	wdt_disable();
	check("cannot be turned off", SFR(WDTCON), WDTCON_ON | 4u << 8);
	for (unsigned n = 0; n < 5; n++) {
		sleep_ms(6);   /* window: the last 12 of 16 ms */
		wdt_clear();
	}
	cprintf("wdt: always %s\n", failures ? "FAIL" : "in window");
	sleep_ms(2);
	wdt_clear();       /* early: stopped here */
	cprintf("wdt: FAIL not stopped by an early clear\n");
}

int main(void)
{
	console_init(115200);
	switch (vz_vm_id(NULL)) {
	case 1: fed(); break;
	case 2: hung(); break;
	case 3: window(); break;
	default: always(); break;
	}
	for (;;)
		sleep_ms(1000);
}
