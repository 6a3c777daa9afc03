/* SPDX-License-Identifier: Apache-2.0 */
/* system.c - configuration and system registers: CFGCON, DEVID, SYSKEY,
 * PMD1-7, CFGEBIA/CFGEBIC/CFGPG, the PPS selection words, PRECON/PRESTAT,
 * and the DEVCFG words latched from boot flash.
 */
#include "machine.h"

#define CFG_BASE     0x1F800000u
#define PPS_BASE     0x1F801400u
#define PRECON_BASE  0x1F8E0000u

#define DEVID_PART   0x0720E053u     /* PIC32MZ2048EFG100 */
#define DEVID_VER    0x4u            /* silicon revision we claim (decision) */
#define SYSKEY_1     0xAA996655u
#define SYSKEY_2     0x556699AAu

#define CFGCON_IOLOCK  (1u << 13)
#define CFGCON_PMDLOCK (1u << 12)
#define CFGCON_PGLOCK  (1u << 11)
#define CFGCON_LOCKS   (CFGCON_IOLOCK | CFGCON_PMDLOCK | CFGCON_PGLOCK)

/* DEVCFG3..0 live at the end of the first 64 KB of the active boot panel. */
#define DEVCFG3_OFFSET 0xFFC0u

bool sys_unlocked(const struct machine *m)
{
	return m->soc.sys.key_state == 2;
}

static void syskey_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	struct sysregs *s = &m->soc.sys;
	uint32_t key = *r->val;
	if (key == SYSKEY_1)
		s->key_state = 1;
	else if (s->key_state == 1 && key == SYSKEY_2)
		s->key_state = 2;
	else
		s->key_state = 0;
	*r->val = 0; /* SYSKEY reads as 0 */
}

/* The lock bits change only while the system is unlocked. */
static void cfgcon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	if (!sys_unlocked(m))
		*r->val = (*r->val & ~CFGCON_LOCKS) | (old & CFGCON_LOCKS);
}

/* PMDx: ignored while CFGCON.PMDLOCK; setting a bit holds the module in
 * reset (its SFRs read 0, ignore writes, and come back at reset values). */
static void pmd_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct sysregs *s = &m->soc.sys;
	if (s->cfgcon & CFGCON_PMDLOCK) {
		*r->val = old;
		return;
	}
	uint32_t off = *r->val & ~old;
	if (r->val == &s->pmd[3]) {
		for (unsigned i = 0; i < TIMER_COUNT; i++)
			if (off & (1u << i))
				timer_disable(m, i);
	} else if (r->val == &s->pmd[4]) {
		for (unsigned i = 0; i < UART_COUNT; i++)
			if (off & (1u << i))
				uart_disable(m, i);
	}
}

static void pps_write(struct machine *m, struct sfr *r, uint32_t old)
{
	if (m->soc.sys.cfgcon & CFGCON_IOLOCK)
		*r->val = old;
}

static void cfgpg_write(struct machine *m, struct sfr *r, uint32_t old)
{
	if (m->soc.sys.cfgcon & CFGCON_PGLOCK)
		*r->val = old;
	if (*r->val != old)
		sba_config_changed(m); /* initiators changed permission groups */
}

void sys_init(struct machine *m)
{
	struct sysregs *s = &m->soc.sys;
	/* Bits that exist in PMD1..PMD7 on the EF. */
	static const uint32_t pmd_mask[7] = {
		0x00001001u, 0x00000003u, 0x01FF01FFu, 0x000001FFu,
		0x301F3F3Fu, 0x10830F01u, 0x00500010u,
	};
	static const char *pmd_names[7] = { "PMD1", "PMD2", "PMD3", "PMD4",
					    "PMD5", "PMD6", "PMD7" };

	sfr_add(m, "CFGCON", CFG_BASE + 0x00, &s->cfgcon, 0, 0x0303393Du, 0,
		NULL, cfgcon_write, s);
	sfr_add(m, "DEVID", CFG_BASE + 0x20, &s->devid,
		DEVID_VER << 28 | DEVID_PART, 0, SFR_NOALIAS, NULL, NULL, s);
	sfr_add(m, "SYSKEY", CFG_BASE + 0x30, &s->syskey, 0, 0xFFFFFFFFu,
		SFR_NOALIAS, NULL, syskey_write, s);
	for (unsigned i = 0; i < 7; i++)
		sfr_add(m, pmd_names[i], CFG_BASE + 0x40 + 0x10 * i, &s->pmd[i], 0,
			pmd_mask[i], 0, NULL, pmd_write, s);
	sfr_add(m, "CFGEBIA", CFG_BASE + 0xC0, &s->cfgebia, 0, 0xFFFFFFFFu, 0,
		NULL, NULL, s);
	sfr_add(m, "CFGEBIC", CFG_BASE + 0xD0, &s->cfgebic, 0, 0xFFFFFFFFu, 0,
		NULL, NULL, s);
	sfr_add(m, "CFGPG", CFG_BASE + 0xE0, &s->cfgpg, 0, 0xFFFFFFFFu, 0,
		NULL, cfgpg_write, s);

	/* PPS: input selections 0x1F801400-0x1F8014FF, output selections
	 * 0x1F801500-0x1F8016FF (RPA0R.. to RPG15R, 0x40 per port); one 4-bit
	 * word each, no aliases. Routing is not modelled. */
	for (unsigned i = 0; i < sizeof s->pps / sizeof s->pps[0]; i++)
		sfr_add(m, "PPS", PPS_BASE + 4 * i, &s->pps[i], 0, 0xFu,
			SFR_NOALIAS, NULL, pps_write, s);

	sfr_add(m, "PRECON", PRECON_BASE + 0x00, &s->precon, 0x7u, 0x04000037u, 0,
		NULL, NULL, s);
	sfr_add(m, "PRESTAT", PRECON_BASE + 0x10, &s->prestat, 0, 0, 0,
		NULL, NULL, s);
}

static uint32_t boot_word(const struct machine *m, uint32_t off)
{
	const uint8_t *p = m->boot1 + off;
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

void sys_reset(struct machine *m)
{
	struct sysregs *s = &m->soc.sys;
	/* The chip reads its configuration words from boot flash at reset. */
	for (unsigned i = 0; i < 4; i++)
		s->devcfg[i] = boot_word(m, DEVCFG3_OFFSET + 4 * (3 - i));
	s->key_state = 0;
	/* CFGCON: ECCCON from DEVCFG0.FECCCON (9:8), JTAGEN from DEVCFG0.JTAGEN. */
	s->cfgcon = ((s->devcfg[0] >> 8) & 3u) << 4 | (s->devcfg[0] & (1u << 2)) << 1;
}
