/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.h - the watchdog timer (WDTCON). Its period and whether it runs
 * from reset are the DEVCFG1 word's (WDTPS, FWDTEN, WINDIS, FWDTWINSZ);
 * under vzlet each VM given &wdt has its own, configured in the system
 * description, and an expiry is the VM's "watchdog" health-monitor event
 * instead of a chip reset (docs/health-monitor.md). */
#ifndef GUEST_WDT_H
#define GUEST_WDT_H

#include <stdbool.h>
#include <stdint.h>

/* Turn the watchdog on (a new period starts) or off (refused by the chip
 * while DEVCFG1.FWDTEN = 1). window: window mode (WDTWINEN), where a clear
 * before the last part of the period counts like an expiry. */
void wdt_enable(bool window);
void wdt_disable(void);
/* Clear it: the key 0x5743, one 16-bit store to the upper half of WDTCON. */
void wdt_clear(void);
/* The postscaler the DEVCFG1 word sets (WDTCON.RUNDIV): period 1 ms << it. */
unsigned wdt_postscaler(void);
bool wdt_running(void);

#endif
