/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - the Watchdog Timer (PIC32MZ EF data sheet, "Watchdog Timer";
 * docs/simulator-soc.md "Watchdog Timer"). WDTCON at 0x1F800C00:
 *   31:16 WDTCLRKEY  write 0x5743 (any width that covers it) to clear the
 *                    timer; reads 0
 *   15    ON         enable (reads 1 and cannot be cleared when
 *                    DEVCFG1.FWDTEN = 1, which starts the WDT at reset)
 *   12:8  RUNDIV     read-only: DEVCFG1.WDTPS, the postscaler
 *   0     WDTWINEN   window mode (also forced by DEVCFG1.WINDIS = 0)
 * The period is 1 ms x 2^WDTPS (the 32 kHz LPRC through the postscaler;
 * WDTPS above 1:1048576 acts as 1:1048576), counted here in SYSCLK cycles
 * at the clock of the moment the timer was (re)started. On expiry the chip
 * resets with RCON.WDTO. In window mode a clear before the window (the last
 * 25/37.5/50/75 % of the period, DEVCFG1.FWDTWINSZ) resets it at once.
 * Strictness: an expiry while the core sleeps in WAIT also resets here
 * (the chip wakes with an NMI instead): software that relies on sleeping
 * through a time-out is not modelled. */
#include "machine.h"
#include "soc.h"

#define WDT_BASE        0x1F800C00u
#define WDTCON_KEY_MASK 0xFFFF0000u
#define WDTCON_ON       (1u << 15)
#define WDTCON_WINEN    (1u << 0)
#define WDT_CLEAR_KEY   0x5743u
#define DEVCFG1_FWDTEN  (1u << 23)
#define DEVCFG1_WINDIS  (1u << 15)
#define RCON_WDTO       (1u << 4)

static uint32_t devcfg1(const struct machine *m)
{
	return m->soc.sys.devcfg[1];
}

static uint64_t period_cycles(const struct machine *m)
{
	unsigned ps = (devcfg1(m) >> 16) & 0x1Fu;
	if (ps > 20)
		ps = 20;
	return (soc_sysclk_hz(m) / 1000u) << ps;
}

static bool running(const struct machine *m)
{
	return (m->soc.wdt.wdtcon & WDTCON_ON) != 0;
}

static void restart(struct machine *m)
{
	struct wdt *w = &m->soc.wdt;
	event_cancel(m, &w->expire);
	if (!running(m))
		return;
	w->start = m->cycle;
	event_schedule(m, &w->expire, m->cycle + period_cycles(m));
}

static void wdt_timeout(struct machine *m, struct event *ev)
{
	(void)ev;
	uint32_t rcon = m->soc.osc.rcon;
	soc_reset(m);
	m->soc.osc.rcon = rcon | RCON_WDTO;
	cpu_reset(m);
}

/* Fraction of the period before the window opens, in 1/8: FWDTWINSZ 3 =
 * window 25 % (closed 6/8), 2 = 37.5 % (5/8), 1 = 50 % (4/8), 0 = 75 % (2/8). */
static uint64_t closed_cycles(const struct machine *m)
{
	static const unsigned closed_eighths[4] = { 2, 4, 5, 6 };
	return period_cycles(m) / 8u * closed_eighths[(devcfg1(m) >> 24) & 3u];
}

static void wdtcon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct wdt *w = &m->soc.wdt;
	uint32_t v = *r->val;
	bool key = (v >> 16) == WDT_CLEAR_KEY && ((v ^ old) >> 16) != 0;
	*r->val &= ~WDTCON_KEY_MASK;
	if (devcfg1(m) & DEVCFG1_FWDTEN)
		*r->val |= WDTCON_ON;
	if ((*r->val ^ old) & WDTCON_ON) {
		restart(m);
		return;
	}
	if (!key || !running(m))
		return;
	bool windowed = (*r->val & WDTCON_WINEN) || !(devcfg1(m) & DEVCFG1_WINDIS);
	if (windowed && m->cycle - w->start < closed_cycles(m)) {
		wdt_timeout(m, &w->expire);
		return;
	}
	restart(m);
}

static uint32_t wdtcon_read(struct machine *m, struct sfr *r)
{
	uint32_t v = *r->val & ~(WDTCON_KEY_MASK | (0x1Fu << 8));
	return v | ((devcfg1(m) >> 16) & 0x1Fu) << 8;
}

void wdt_init(struct machine *m)
{
	struct wdt *w = &m->soc.wdt;
	w->expire = (struct event){ .fn = wdt_timeout, .name = "WDT" };
	sfr_add(m, "WDTCON", WDT_BASE, &w->wdtcon, 0, WDTCON_KEY_MASK | WDTCON_ON | WDTCON_WINEN,
		0, wdtcon_read, wdtcon_write, w);
}

/* After the SFRs are back to reset values and DEVCFG is latched again. */
void wdt_reset(struct machine *m)
{
	struct wdt *w = &m->soc.wdt;
	w->wdtcon = (devcfg1(m) & DEVCFG1_FWDTEN) ? WDTCON_ON : 0;
	restart(m);
}
