/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - the watchdog timer (include/wdt.h; data sheet "Watchdog Timer"). */
#include "wdt.h"

#include "pic32mz.h"

void wdt_enable(bool window)
{
	if (window)
		SFR_SET(WDTCON) = WDTCON_WINEN;
	else
		SFR_CLR(WDTCON) = WDTCON_WINEN;
	SFR_SET(WDTCON) = WDTCON_ON;
}

void wdt_disable(void)
{
	SFR_CLR(WDTCON) = WDTCON_ON;
}

void wdt_clear(void)
{
	*(volatile uint16_t *)(WDTCON + 2) = WDT_CLEAR_KEY;
}

unsigned wdt_postscaler(void)
{
	return (SFR(WDTCON) >> 8) & 0x1Fu;
}

bool wdt_running(void)
{
	return (SFR(WDTCON) & WDTCON_ON) != 0;
}
