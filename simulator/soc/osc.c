/* SPDX-License-Identifier: Apache-2.0 */
/* osc.c - the oscillator block (OSCCON, SPLLCON, PBxDIV, REFOxCON, CLKSTAT),
 * the reset controller (RCON, RSWRST) and the clock frequencies the rest of
 * the simulator derives from them.
 *
 * Time in the simulator is counted in SYSCLK cycles, so frequencies matter
 * only for reporting and for devices clocked from a PBCLK: a PBCLKn cycle
 * lasts PBnDIV.PBDIV + 1 SYSCLK cycles. Clock switches complete at once.
 */
#include "machine.h"

#define OSC_BASE    0x1F801200u
#define PBDIV_BASE  0x1F801300u

#define FRC_HZ      8000000u
#define POSC_HZ     24000000u       /* chipKIT Wi-Fire crystal */
#define SOSC_HZ     32768u
#define LPRC_HZ     32000u

#define OSCCON_OSWEN   (1u << 0)
#define RCON_POR_BOR   0x00000003u
#define RCON_SWR       (1u << 6)
#define RSWRST_SWRST   (1u << 0)
#define PBDIV_RESET    0x00008801u  /* ON, PBDIVRDY, divide by 2 */
#define PB7DIV_RESET   0x00008800u  /* the CPU's bus: divide by 1 */

/* Wi-Fire bootloader configuration, used when DEVCFG1/2 are erased so that a
 * bare image runs at the board's 200 MHz (decision, see the docs). */
#define WIFI_FNOSC     1u           /* SPLL */
#define WIFI_SPLLCON   0x01310201u  /* POSC / 3 * 50 / 2 = 200 MHz */

static uint64_t spll_hz(uint32_t spllcon)
{
	static const unsigned odiv[8] = { 2, 2, 4, 8, 16, 32, 32, 32 };
	uint64_t in = (spllcon & (1u << 7)) ? FRC_HZ : POSC_HZ;
	unsigned idiv = ((spllcon >> 8) & 7u) + 1;
	unsigned mult = ((spllcon >> 16) & 0x7Fu) + 1;
	return in / idiv * mult / odiv[(spllcon >> 24) & 7u];
}

static void osc_update_sysclk(struct machine *m)
{
	static const unsigned frcdiv[8] = { 1, 2, 4, 8, 16, 32, 64, 256 };
	struct osc *o = &m->soc.osc;
	switch ((o->osccon >> 12) & 7u) {
	case 1: o->sysclk_hz = spll_hz(o->spllcon); break;
	case 2: o->sysclk_hz = POSC_HZ; break;
	case 4: o->sysclk_hz = SOSC_HZ; break;
	case 5: o->sysclk_hz = LPRC_HZ; break;
	case 7: o->sysclk_hz = FRC_HZ / frcdiv[(o->osccon >> 24) & 7u]; break;
	default: o->sysclk_hz = FRC_HZ; break;
	}
}

uint64_t soc_sysclk_hz(const struct machine *m)
{
	return m->soc.osc.sysclk_hz;
}

unsigned soc_pbclk_div(const struct machine *m, unsigned bus)
{
	return (m->soc.osc.pbdiv[(bus - 1) & 7u] & 0x7Fu) + 1;
}

uint64_t soc_pbclk_hz(const struct machine *m, unsigned bus)
{
	return soc_sysclk_hz(m) / soc_pbclk_div(m, bus);
}

/* OSWEN: the switch to NOSC completes at once. */
static void osccon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	if (*r->val & OSCCON_OSWEN) {
		uint32_t nosc = (*r->val >> 8) & 7u;
		*r->val = (*r->val & ~(OSCCON_OSWEN | 7u << 12)) | nosc << 12;
	}
	osc_update_sysclk(m);
}

static void spllcon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)r;
	(void)old;
	osc_update_sysclk(m);
}

static void pbdiv_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)r;
	if (*r->val != old)
		timer_clock_changed(m);
}

/* RSWRST: after SWRST is set (unlocked), the reset happens on the next read
 * of RSWRST, between instructions. */
static uint32_t rswrst_read(struct machine *m, struct sfr *r)
{
	struct osc *o = &m->soc.osc;
	if ((*r->val & RSWRST_SWRST) && !o->swreset.armed)
		event_schedule(m, &o->swreset, m->cycle);
	return *r->val;
}

static void soc_software_reset(struct machine *m, struct event *ev)
{
	(void)ev;
	uint32_t rcon = m->soc.osc.rcon;
	soc_reset(m);
	m->soc.osc.rcon = rcon | RCON_SWR;
	cpu_reset(m);
}

static uint32_t clkstat_read(struct machine *m, struct sfr *r)
{
	(void)m;
	(void)r;
	return 0x000000B7u; /* every oscillator and the PLL report ready */
}

/* REFOxCON: ACTIVE (bit 8) is status, the clock request following ON;
 * DIVSWEN (bit 9) clears when the divider switch is done, here at once. */
#define REFOCON_ACTIVE  (1u << 8)
#define REFOCON_DIVSWEN (1u << 9)
#define REFOCON_ON      (1u << 15)
static uint32_t refocon_read(struct machine *m, struct sfr *r)
{
	(void)m;
	uint32_t v = *r->val & ~REFOCON_ACTIVE;
	return (v & REFOCON_ON) ? v | REFOCON_ACTIVE : v;
}

static void refocon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)m;
	(void)old;
	*r->val &= ~REFOCON_DIVSWEN;
}

void osc_init(struct machine *m)
{
	struct osc *o = &m->soc.osc;
	static const char *pb_names[8] = { "PB1DIV", "PB2DIV", "PB3DIV", "PB4DIV",
					   "PB5DIV", "PB6DIV", "PB7DIV", "PB8DIV" };
	static const char *refo_names[4] = { "REFO1CON", "REFO2CON", "REFO3CON",
					     "REFO4CON" };
	o->swreset = (struct event){ .fn = soc_software_reset, .name = "RSWRST" };

	sfr_add(m, "OSCCON", OSC_BASE + 0x00, &o->osccon, 0, 0x07A0079Bu,
		SFR_LOCKED, NULL, osccon_write, o);
	sfr_add(m, "OSCTUN", OSC_BASE + 0x10, &o->osctun, 0, 0x3Fu, 0, NULL, NULL, o);
	sfr_add(m, "SPLLCON", OSC_BASE + 0x20, &o->spllcon, 0, 0x077F0787u,
		SFR_LOCKED, NULL, spllcon_write, o);
	sfr_add(m, "RCON", OSC_BASE + 0x40, &o->rcon, 0, 0xCC0003FFu, 0,
		NULL, NULL, o);
	sfr_add(m, "RSWRST", OSC_BASE + 0x50, &o->rswrst, 0, RSWRST_SWRST,
		SFR_LOCKED, rswrst_read, NULL, o);
	sfr_add(m, "RNMICON", OSC_BASE + 0x60, &o->rnmicon, 0, 0xFFFFFFFFu, 0,
		NULL, NULL, o);
	sfr_add(m, "PWRCON", OSC_BASE + 0x70, &o->pwrcon, 0, 0x7u, SFR_LOCKED,
		NULL, NULL, o);
	for (unsigned i = 0; i < 4; i++) {
		sfr_add(m, refo_names[i], OSC_BASE + 0x80 + 0x20 * i, &o->refocon[i],
			0, 0x7FFFBA0Fu, 0, refocon_read, refocon_write, o);
		sfr_add(m, "REFOTRIM", OSC_BASE + 0x90 + 0x20 * i, &o->refotrim[i],
			0, 0xFF800000u, 0, NULL, NULL, o);
	}
	for (unsigned i = 0; i < 8; i++)
		sfr_add(m, pb_names[i], PBDIV_BASE + 0x10 * i, &o->pbdiv[i],
			i == 6 ? PB7DIV_RESET : PBDIV_RESET,
			i == 0 ? 0x7Fu : 0x807Fu, SFR_LOCKED, NULL, pbdiv_write, o);
	sfr_add(m, "SLEWCON", PBDIV_BASE + 0xC0, &o->slewcon, 0, 0x00070F07u, 0,
		NULL, NULL, o);
	sfr_add(m, "CLKSTAT", PBDIV_BASE + 0xD0, &o->clkstat, 0, 0, 0,
		clkstat_read, NULL, o);
}

/* Power-on or software reset: the configuration words choose the clock. */
void osc_reset(struct machine *m, bool power_on)
{
	struct osc *o = &m->soc.osc;
	const struct sysregs *s = &m->soc.sys;
	uint32_t devcfg1 = s->devcfg[1], devcfg2 = s->devcfg[2];
	uint32_t fnosc, spllcon;

	if (devcfg1 == 0xFFFFFFFFu && devcfg2 == 0xFFFFFFFFu) {
		fnosc = WIFI_FNOSC;
		spllcon = WIFI_SPLLCON;
	} else {
		fnosc = devcfg1 & 7u;
		spllcon = ((devcfg2 >> 16) & 7u) << 24 |   /* FPLLODIV */
			  ((devcfg2 >> 8) & 0x7Fu) << 16 | /* FPLLMULT */
			  (devcfg2 & 7u) << 8 |            /* FPLLIDIV */
			  (devcfg2 & (1u << 7)) |          /* FPLLICLK */
			  ((devcfg2 >> 4) & 7u);           /* FPLLRNG */
	}
	o->spllcon = spllcon;
	o->osccon = 1u << 24 | fnosc << 12 | fnosc << 8 |
		    ((devcfg1 >> 6) & 1u) << 1;      /* SOSCEN = FSOSCEN */
	if (power_on)
		o->rcon = RCON_POR_BOR;
	event_cancel(m, &o->swreset);
	osc_update_sysclk(m);
}
