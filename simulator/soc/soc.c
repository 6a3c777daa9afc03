/* SPDX-License-Identifier: Apache-2.0 */
/* soc.c - the SoC's contracts with the core: physical address decode for
 * everything that is not on the CPU's RAM/flash fast path, reset, and the
 * flash wait states.
 *
 * Physical map decisions (docs/simulator-soc.md, "Bus errors"):
 *   RAM 0x00000000-0x0007FFFF, program flash 0x1D000000-0x1D1FFFFF:
 *     served here too (the CPU normally handles them itself).
 *   SFR window 0x1F800000-0x1F8FFFFF: never a bus error; unclaimed words
 *     read 0 and are reported.
 *   Boot flash window 0x1FC00000-0x1FC7FFFF: the panels and their aliases,
 *     DEVADC/DEVSN in the configuration space; everything else there reads
 *     0xFFFFFFFF (erased flash).
 *   Anything else (above RAM, above program flash, EBI, SQI, ...): bus error.
 *   Stores to flash are ignored: flash changes only through the NVM
 *   controller.
 */
#include <string.h>

#include "machine.h"

#define PA_BOOT_WINDOW_END 0x1FC80000u
#define PA_UPPER_BOOT      0x1FC20000u   /* alias of the inactive panel */
#define PA_CFG1_BASE       0x1FC54000u   /* DEVADC1-5, DEVSN0-1 */
#define PA_CFG1_END        0x1FC54028u

/* The simulated part's serial number (DEVSN0/DEVSN1); fixed so that runs
 * are reproducible. */
static const uint32_t soc_devsn[2] = { 0x56A1E700u, 0x0000D1CEu };

static uint32_t load_le(const uint8_t *p, unsigned size)
{
	uint32_t v = 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
}

/* Host pointer for a readable memory byte range, or NULL. */
static const uint8_t *soc_memory(struct machine *m, uint32_t pa)
{
	if (pa < PA_RAM_BASE + PA_RAM_SIZE)
		return m->ram + pa;
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE)
		return m->pflash + (pa - PA_PFLASH_BASE);
	if (pa - PA_BOOT_BASE < PA_BOOT_SIZE)
		return m->boot1 + (pa - PA_BOOT_BASE);
	if (pa - PA_UPPER_BOOT < PA_BOOT_SIZE)
		return m->boot2 + (pa - PA_UPPER_BOOT);
	if (pa - PA_BOOT1_BASE < PA_BOOT_SIZE)
		return m->boot1 + (pa - PA_BOOT1_BASE);
	if (pa - PA_BOOT2_BASE < PA_BOOT_SIZE)
		return m->boot2 + (pa - PA_BOOT2_BASE);
	return NULL;
}

bool soc_read(struct machine *m, uint32_t pa, unsigned size, uint32_t *val)
{
	if (pa - PA_SFR_BASE < PA_SFR_END - PA_SFR_BASE) {
		*val = sfr_read(m, pa, size);
		return true;
	}
	const uint8_t *p = soc_memory(m, pa);
	if (p) {
		*val = load_le(p, size);
		return true;
	}
	if (pa - PA_BOOT_BASE < PA_BOOT_WINDOW_END - PA_BOOT_BASE) {
		uint32_t w = 0xFFFFFFFFu;
		if (pa >= PA_CFG1_BASE && pa < PA_CFG1_END)
			w = pa >= PA_CFG1_BASE + 0x20 ?
				soc_devsn[(pa - PA_CFG1_BASE - 0x20) >> 2] : 0;
		unsigned shift = (pa & 3) * 8;
		*val = size == 4 ? w : (w >> shift) & ((1u << (size * 8)) - 1);
		return true;
	}
	return false;
}

bool soc_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val)
{
	if (pa - PA_SFR_BASE < PA_SFR_END - PA_SFR_BASE) {
		sfr_write(m, pa, size, val);
		return true;
	}
	if (pa < PA_RAM_BASE + PA_RAM_SIZE) {
		for (unsigned i = 0; i < size; i++)
			m->ram[pa + i] = (uint8_t)(val >> (8 * i));
		cpu_code_written(m, pa, size);
		return true;
	}
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE ||
	    pa - PA_BOOT_BASE < PA_BOOT_WINDOW_END - PA_BOOT_BASE)
		return true; /* flash is programmed only through NVMCON */
	return false;
}

void soc_init(struct machine *m)
{
	memset(&m->soc, 0, sizeof m->soc);
	sys_init(m);
	osc_init(m);
	evic_init(m);
	uart_init(m);
	timer_init(m);
	gpio_init(m);
	sba_init(m);
	nvm_init(m);
	dma_init(m);
	wdt_init(m);
}

void soc_reset(struct machine *m)
{
	/* The power-on path: RCON gets POR/BOR, DEVCFG is read again. */
	soc_bus_reset(m);
	sfr_reset_all(m);
	sys_reset(m);
	osc_reset(m, true);
	evic_reset(m);
	uart_reset(m);
	timer_reset(m);
	gpio_reset(m);
	nvm_reset(m);
	sba_reset(m);
	dma_reset(m);
	wdt_reset(m);
}

unsigned soc_flash_wait_states(const struct machine *m)
{
	return m->soc.sys.precon & 7u;
}

bool soc_boot_micromips(const struct machine *m)
{
	return !(m->soc.sys.devcfg[0] & (1u << 6));
}

unsigned soc_flash_prefetch(const struct machine *m)
{
	return (m->soc.sys.precon >> 4) & 3u; /* PRECON.PREFEN */
}
