/* SPDX-License-Identifier: Apache-2.0 */
/* bus.c - the core's path to the SFRs: the peripheral buses PB1-PB5 behind
 * their bridges, with posted stores (docs/cycle-model.md, "Peripheral bus").
 *
 * A CPU store to an SFR is posted: the core goes on at once and the store
 * takes effect when it lands, BUS_BRIDGE + 2 PBCLK periods later (stores to
 * one bus land in order, one per 2 PBCLK periods). Up to BUS_POSTED_MAX
 * stores are in flight; one more stalls the core until the oldest lands.
 * A CPU load from an SFR first waits for the stores in flight on the same
 * bus (the bridge keeps one bus in order: read-back completes them), then
 * costs the same round trip. SYNC waits for every store in flight. Nothing
 * else waits: EHB, ERET, exceptions and loads from another bus do not. */
#include <string.h>

#include "machine.h"

#define BUS_BRIDGE 2u /* SYSCLK cycles through the bridge, each way together */

/* The bus of an SFR address (64 KB blocks of the SFR window, PIC32MZ EF
 * memory map): 0 = the system bus at SYSCLK. */
static unsigned bus_of(uint32_t pa)
{
	switch ((pa >> 16) & 0xFFu) {
	case 0x80: case 0x81: return 1; /* system, flash, WDT, OSC, PPS; EVIC, DMA */
	case 0x82: return 2;            /* I2C, SPI, UART, PMP */
	case 0x84: return 3;            /* timers, IC, OC, ADC, comparators */
	case 0x86: return 4;            /* ports */
	case 0x88: case 0x8E: return 5; /* CAN, Ethernet, USB; prefetch, SQI, crypto */
	default: return 0;              /* 0x8F: system bus registers */
	}
}

static bool is_sfr(uint32_t pa)
{
	return pa - PA_SFR_BASE < PA_SFR_END - PA_SFR_BASE;
}

/* One transfer on bus b: its PBCLK period, twice (address and data). */
static uint64_t transfer(const struct machine *m, unsigned b)
{
	return b ? 2u * soc_pbclk_div(m, b) : 2u;
}

unsigned soc_bus_sfr_cycles(const struct machine *m, uint32_t pa)
{
	return BUS_BRIDGE + (unsigned)transfer(m, bus_of(pa));
}

static void bus_schedule(struct machine *m);

/* Apply the posted store at index i (it has landed) and drop it. */
static void land(struct machine *m, unsigned i)
{
	struct soc_bus *bus = &m->soc.bus;
	struct bus_store s = bus->q[i];
	bus->q[i] = bus->q[--bus->count];
	sfr_write(m, s.pa, s.size, s.val);
	cpu_sfr_written(m);
}

/* The store in flight that lands first (the oldest on a tie), or -1. */
static int first(const struct soc_bus *bus, int only_bus)
{
	int best = -1;
	for (unsigned i = 0; i < bus->count; i++) {
		const struct bus_store *s = &bus->q[i];
		if (only_bus >= 0 && s->bus != (unsigned)only_bus)
			continue;
		if (best < 0 || s->land < bus->q[best].land ||
		    (s->land == bus->q[best].land && s->seq < bus->q[best].seq))
			best = (int)i;
	}
	return best;
}

/* Land the stores of one bus (or all, only_bus < 0), the core waiting for
 * the last of them. */
static void drain(struct machine *m, int only_bus)
{
	struct soc_bus *bus = &m->soc.bus;
	int i;
	while ((i = first(bus, only_bus)) >= 0) {
		if (bus->q[i].land > m->cycle)
			m->cycle = bus->q[i].land;
		land(m, (unsigned)i);
	}
	bus_schedule(m);
}

static void bus_event(struct machine *m, struct event *ev)
{
	struct soc_bus *bus = &m->soc.bus;
	int i;
	(void)ev;
	while ((i = first(bus, -1)) >= 0 && bus->q[i].land <= m->cycle)
		land(m, (unsigned)i);
	bus_schedule(m);
}

static void bus_schedule(struct machine *m)
{
	struct soc_bus *bus = &m->soc.bus;
	int i = first(bus, -1);
	if (i < 0) {
		event_cancel(m, &bus->ev);
		return;
	}
	bus->ev.fn = bus_event;
	bus->ev.name = "posted SFR store";
	event_schedule(m, &bus->ev, bus->q[i].land);
}

bool soc_bus_read(struct machine *m, uint32_t pa, unsigned size, uint32_t *val)
{
	if (!is_sfr(pa))
		return soc_read(m, pa, size, val);
	struct soc_bus *bus = &m->soc.bus;
	unsigned b = bus_of(pa);
	drain(m, (int)b);
	uint64_t start = m->cycle > bus->free[b] ? m->cycle : bus->free[b];
	m->cycle = start + BUS_BRIDGE + transfer(m, b);
	bus->free[b] = start + transfer(m, b);
	*val = sfr_read(m, pa, size);
	return true;
}

bool soc_bus_write(struct machine *m, uint32_t pa, unsigned size, uint32_t val, uint32_t pc)
{
	if (!is_sfr(pa))
		return soc_write(m, pa, size, val);
	struct soc_bus *bus = &m->soc.bus;
	if (bus->count == BUS_POSTED_MAX) { /* buffer full: wait for the oldest */
		int i = first(bus, -1);
		if (bus->q[i].land > m->cycle)
			m->cycle = bus->q[i].land;
		land(m, (unsigned)i);
	}
	unsigned b = bus_of(pa);
	uint64_t start = m->cycle > bus->free[b] ? m->cycle : bus->free[b];
	bus->free[b] = start + transfer(m, b);
	bus->q[bus->count++] = (struct bus_store){
		.land = start + BUS_BRIDGE + transfer(m, b), .seq = bus->seq++,
		.pa = pa, .val = val, .pc = pc, .size = (uint8_t)size, .bus = (uint8_t)b };
	bus_schedule(m);
	return true;
}

void soc_bus_sync(struct machine *m)
{
	if (m->soc.bus.count)
		drain(m, -1);
}

void soc_bus_reset(struct machine *m)
{
	struct soc_bus *bus = &m->soc.bus;
	event_cancel(m, &bus->ev);
	memset(bus->free, 0, sizeof bus->free);
	bus->count = 0;
}

/* Does store s clear vector v's flag or enable, or drop its priority to 0? */
static bool masks_vector(const struct machine *m, const struct bus_store *s, unsigned v)
{
	uint32_t off = s->pa - EVIC_PA_BASE;
	uint32_t lanes = s->size == 4 ? 0xFFFFFFFFu : ((1u << (s->size * 8)) - 1) << ((s->pa & 3) * 8);
	uint32_t val = (s->val << ((s->pa & 3) * 8)) & lanes;
	uint32_t word = off & ~0xFu, alias = (off >> 2) & 3;
	uint32_t bit = 1u << (v % 32);
	if ((word == 0x40 + 0x10 * (v / 32) || word == 0xC0 + 0x10 * (v / 32)) && (lanes & bit)) {
		if (alias == 1)
			return val & bit;            /* CLR */
		if (alias == 0)
			return !(val & bit);         /* plain write of 0 */
		if (alias == 3) {                    /* INV of a set bit */
			const uint32_t *r = word < 0xC0 ? m->soc.evic.ifs : m->soc.evic.iec;
			return (val & bit) && (r[v / 32] & bit);
		}
	}
	if (word == 0x140 + 0x10 * (v / 4)) {         /* IPC: priority field of v */
		uint32_t field = 0x1Cu << ((v % 4) * 8);
		if (alias == 1)
			return (val & field) == (m->soc.evic.ipc[v / 4] & field);
		if (alias == 0)
			return (lanes & field) && !(val & field);
	}
	return false;
}

void soc_irq_taken(struct machine *m)
{
	const struct soc_bus *bus = &m->soc.bus;
	int v = m->soc.evic.out_vector;
	if (v < 0)
		return;
	for (unsigned i = 0; i < bus->count; i++) {
		const struct bus_store *s = &bus->q[i];
		if (s->pa - EVIC_PA_BASE < 0x1000u && masks_vector(m, s, (unsigned)v)) {
			machine_finding(m, FINDING_BUS,
					"interrupt vector %d taken at %08x while the store at %08x "
					"that masks or acknowledges it (SFR %08x) is still posted: "
					"read the interrupt controller back (or SYNC) before ERET",
					v, vzsim_pc(m), s->pc, s->pa | 0xA0000000u);
			return;
		}
	}
}
