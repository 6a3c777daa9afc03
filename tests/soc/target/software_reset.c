/* SPDX-License-Identifier: Apache-2.0 */
/* software_reset.c - RSWRST end to end: the program unlocks the system,
 * sets SWRST and reads RSWRST; the chip resets (the core starts again at
 * 0xBFC00000, SFRs at reset values) and RCON.SWR tells the second run that
 * the reset happened. A RAM word survives, as on the chip. */
#include "pic32.h"
#include "test.h"

#define SYSKEY 0xBF800030u
#define RCON   0xBF801240u
#define RSWRST 0xBF801250u
#define IPTMR  0xBF810030u
#define RCON_POR_BOR 0x3u
#define RCON_SWR (1u << 6)

/* Not in .bss/.data: the start-up code would clear it on the second run. */
#define RUNS (*(volatile uint32_t *)0xA0060000u)
#define MAGIC 0x5EC0DE00u

int test_main(void)
{
	uint32_t rcon = SFR(RCON);
	if (!(rcon & RCON_SWR)) {
		CHECK_EQ(1, RCON_POR_BOR, rcon);
		RUNS = MAGIC;
		SFR(IPTMR) = 0x1234;
		SFR(SYSKEY) = 0;
		SFR(SYSKEY) = 0xAA996655u;
		SFR(SYSKEY) = 0x556699AAu;
		SET(RSWRST) = 1;
		(void)SFR(RSWRST);
		for (;;)
			; /* the reset takes the core away from here */
	}
	CHECK_EQ(2, MAGIC, RUNS);
	CHECK_EQ(3, RCON_POR_BOR | RCON_SWR, rcon);
	CHECK_EQ(4, 0, SFR(IPTMR));
	CHECK_EQ(5, 0, SFR(RSWRST));
	/* Locked again after the reset: SWRST cannot be set. */
	SET(RSWRST) = 1;
	CHECK_EQ(6, 0, SFR(RSWRST));
	return 0;
}
