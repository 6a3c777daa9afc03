/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - the Watchdog Timer end to end: with DEVCFG1.WDTPS = 0 (1 ms) and
 * FWDTEN = 0 the program turns the WDT on, clears it (the 16-bit and the
 * 32-bit key write) for longer than a period, writes a wrong key, then
 * stops clearing: the chip resets with RCON.WDTO and WDTCON at its reset
 * value; a RAM word tells the second run what happened. */
#include "pic32.h"
#include "test.h"

#define WDTCON 0xBF800C00u
#define RCON   0xBF801240u
#define RCON_WDTO (1u << 4)
#define WDTCON_ON (1u << 15)
#define RUNS (*(volatile uint32_t *)0xA0060000u)
#define MAGIC 0x3D700000u

/* The Wi-Fire words (guests/lib/boot/devcfg.S) with WDTPS = 0: 1 ms. */
__attribute__((section(".devcfg"), used))
static const uint32_t devcfg[4] = { 0xC7FFFFFFu, 0xFFF9B11Au, 0x0360FC39u, 0xFFFFFBDBu };

static void spin_us(uint32_t us)
{
	uint32_t t0 = MFC0(9, 0);
	/* NOLINTNEXTLINE(bugprone-infinite-loop): Count advances (MFC0 is volatile asm) */
	while (MFC0(9, 0) - t0 < us * 100u)
		;
}

int test_main(void)
{
	uint32_t rcon = SFR(RCON);
	if (!(rcon & RCON_WDTO)) {
		CHECK_EQ(1, 0, SFR(WDTCON));                 /* off, RUNDIV = WDTPS = 0 */
		RUNS = MAGIC;
		SET(WDTCON) = WDTCON_ON;
		CHECK_EQ(2, WDTCON_ON, SFR(WDTCON));         /* the key reads 0 */
		for (unsigned i = 0; i < 6; i++) {           /* 3.6 ms: cleared in time */
			spin_us(600);
			if (i & 1)
				SFR(WDTCON) = 0x5743u << 16 | WDTCON_ON;
			else
				*(volatile uint16_t *)(WDTCON + 2) = 0x5743u;
		}
		CHECK_EQ(3, MAGIC, RUNS);
		RUNS = MAGIC + 1;
		SFR(WDTCON) = 0x1234u << 16 | WDTCON_ON;     /* a wrong key clears nothing */
		for (;;)
			; /* the time-out resets the chip */
	}
	CHECK_EQ(4, MAGIC + 1, RUNS);
	CHECK_EQ(5, RCON_WDTO, rcon & RCON_WDTO);
	CHECK_EQ(6, 0, SFR(WDTCON));
	return 0;
}
