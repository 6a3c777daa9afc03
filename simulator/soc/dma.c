/* SPDX-License-Identifier: Apache-2.0 */
/* dma.c - the PIC32MZ EF DMA controller: 8 channels with priorities, cell
 * and block transfers, pattern match, start/abort triggers from interrupt
 * sources, chaining, the CRC engine and each channel's interrupt request.
 *
 * A channel moves bytes from SSA+SPTR to DSA+DPTR on the system bus as a
 * bus master (soc_master_read/write: the bus permissions of sba.c, then
 * memory or an SFR; RAM through cache_master_access, so a D-cache line in
 * the way is a coherence finding). One start event (CFORCE, or the start
 * IRQ) moves one cell of CSIZ bytes; a block ends when the larger of
 * SSIZ/DSIZ bytes have moved or the pattern matched. Sizes 0 mean 65536.
 *
 * Timing (docs/simulator-dma.md): a transaction moves up to 4 bytes that
 * stay within one aligned word at both ends; it costs its read and its
 * write: RAM DMA_MEM cycles, flash DMA_MEM + PRECON.PFMWS, an SFR the
 * peripheral bus round trip of bus.c. A cell start costs DMA_ARB. The
 * transactions run in batches of up to DMA_BATCH bytes; a batch's bytes
 * land when its time is over (an event), and between batches the channel
 * with the highest CHPRI (ties: round robin) is chosen again, so a higher
 * priority channel preempts a lower one. The core is not stalled by DMA
 * bus traffic (no contention model).
 */
#include "machine.h"

#define DMA_BASE    0x1F811000u
#define DMA_VECTOR0 134u
#define DMA_MEM     2u     /* a RAM read or write: address and data phase */
#define DMA_ARB     2u     /* choosing a channel and starting a cell */
#define DMA_BATCH   16u    /* bytes per scheduling step */

#define DMACON_ON      (1u << 15)
#define DMACON_SUSPEND (1u << 12)
#define DMACON_BUSY    (1u << 11)

#define CON_CHBUSY   (1u << 15)
#define CON_CHPIGNEN (1u << 13)
#define CON_CHPATLEN (1u << 11)
#define CON_CHCHNS   (1u << 8)
#define CON_CHEN     (1u << 7)
#define CON_CHAED    (1u << 6)
#define CON_CHCHN    (1u << 5)
#define CON_CHAEN    (1u << 4)
#define CON_CHEDET   (1u << 2)

#define ECON_CFORCE  (1u << 7)
#define ECON_CABORT  (1u << 6)
#define ECON_PATEN   (1u << 5)
#define ECON_SIRQEN  (1u << 4)
#define ECON_AIRQEN  (1u << 3)

#define INT_ERIF (1u << 0)
#define INT_TAIF (1u << 1)
#define INT_CCIF (1u << 2)
#define INT_BCIF (1u << 3)
#define INT_DHIF (1u << 4)
#define INT_DDIF (1u << 5)
#define INT_SHIF (1u << 6)
#define INT_SDIF (1u << 7)

#define CRC_TYP  (1u << 5)
#define CRC_APP  (1u << 6)
#define CRC_EN   (1u << 7)
#define CRC_BITO (1u << 24)

static uint32_t size16(uint32_t v) { return (v & 0xFFFFu) ? (v & 0xFFFFu) : 0x10000u; }
static uint32_t min32(uint32_t a, uint32_t b) { return a < b ? a : b; }

static unsigned sirq(const struct dma_channel *c) { return (c->econ >> 8) & 0xFFu; }
static unsigned airq(const struct dma_channel *c) { return (c->econ >> 16) & 0xFFu; }

static uint32_t block_size(const struct dma_channel *c)
{
	uint32_t s = size16(c->ssiz), d = size16(c->dsiz);
	return s > d ? s : d;
}

static void ch_irq(struct machine *m, struct dma_channel *c)
{
	evic_set_level(m, DMA_VECTOR0 + c->n, (c->intr & (c->intr >> 16) & 0xFFu) != 0);
}

static void ch_flag(struct machine *m, struct dma_channel *c, uint32_t bits)
{
	c->intr |= bits;
	ch_irq(m, c);
}

static void ch_busy(struct dma_channel *c)
{
	c->con = (c->cell && (c->con & CON_CHEN)) ? c->con | CON_CHBUSY : c->con & ~CON_CHBUSY;
}

static void listen_update(struct dma *d)
{
	for (unsigned w = 0; w < 8; w++)
		d->listen[w] = 0;
	for (unsigned i = 0; i < DMA_CHANNELS; i++) {
		const struct dma_channel *c = &d->ch[i];
		if (c->econ & ECON_SIRQEN)
			d->listen[sirq(c) / 32] |= 1u << (sirq(c) % 32);
		if (c->econ & ECON_AIRQEN)
			d->listen[airq(c) / 32] |= 1u << (airq(c) % 32);
	}
}

static void kick(struct machine *m, uint64_t now);

/* Drop the batch in flight if it belongs to channel c (its bytes have
 * not landed). */
static void drop_batch(struct machine *m, struct dma_channel *c)
{
	struct dma *d = &m->soc.dma;
	if (d->active == (int)c->n) {
		event_cancel(m, &d->slice);
		d->active = -1;
		d->con &= ~DMACON_BUSY;
	}
}

/* The transfer ends without completing: pointers back to 0. */
static void ch_stop(struct machine *m, struct dma_channel *c)
{
	drop_batch(m, c);
	c->sptr = c->dptr = c->cptr = c->done = 0;
	c->last2 = 0;
	c->cell = false;
	c->con &= ~(CON_CHEN | CON_CHEDET);
	ch_busy(c);
}

/* A start event for channel c (CFORCE, start IRQ, a level still there). */
static void ch_request(struct machine *m, struct dma_channel *c)
{
	if ((c->con & CON_CHEN) || (c->con & CON_CHAED))
		c->con |= CON_CHEDET;
	if (c->con & CON_CHEN)
		kick(m, m->cycle);
}

void dma_irq_event(struct machine *m, unsigned vector)
{
	struct dma *d = &m->soc.dma;
	for (unsigned i = 0; i < DMA_CHANNELS; i++) {
		struct dma_channel *c = &d->ch[i];
		if ((c->econ & ECON_AIRQEN) && airq(c) == vector &&
		    (c->con & (CON_CHEN | CON_CHAED))) {
			ch_stop(m, c);
			ch_flag(m, c, INT_TAIF);
		} else if ((c->econ & ECON_SIRQEN) && sirq(c) == vector) {
			ch_request(m, c);
		}
	}
}

/* ---- The CRC engine ------------------------------------------------------ */

static void crc_feed(struct dma *d, uint8_t byte, bool odd)
{
	if (d->crccon & CRC_TYP) { /* IP header checksum: 16-bit one's complement sum */
		uint32_t s = d->crcdata & 0xFFFFu;
		s += odd ? byte : (uint32_t)byte << 8;
		s = (s & 0xFFFFu) + (s >> 16);
		d->crcdata = s;
		return;
	}
	unsigned len = ((d->crccon >> 8) & 0x1Fu) + 1;
	uint32_t mask = len == 32 ? 0xFFFFFFFFu : (1u << len) - 1;
	uint32_t poly = (d->crcxor | 1u) & mask, crc = d->crcdata & mask;
	for (unsigned b = 0; b < 8; b++) {
		unsigned in = (d->crccon & CRC_BITO) ? (byte >> b) & 1u : (byte >> (7 - b)) & 1u;
		unsigned fb = in ^ ((crc >> (len - 1)) & 1u);
		crc = (crc << 1) & mask;
		if (fb)
			crc ^= poly;
	}
	d->crcdata = crc;
}

static bool crc_on(const struct dma *d, const struct dma_channel *c)
{
	return (d->crccon & CRC_EN) && (d->crccon & 7u) == c->n;
}

/* ---- Transactions --------------------------------------------------------- */

static unsigned cycles_at(const struct machine *m, uint32_t pa)
{
	if (pa - PA_SFR_BASE < PA_SFR_END - PA_SFR_BASE)
		return soc_bus_sfr_cycles(m, pa);
	if (pa >= PA_RAM_SIZE)
		return DMA_MEM + soc_flash_wait_states(m);
	return DMA_MEM;
}

/* Bytes the next transaction of c moves. */
static uint32_t txn_bytes(const struct dma *d, const struct dma_channel *c)
{
	uint32_t sa = c->ssa + c->sptr, da = c->dsa + c->dptr;
	uint32_t n = min32(4 - (sa & 3u), 4 - (da & 3u));
	n = min32(n, size16(c->ssiz) - c->sptr);
	n = min32(n, size16(c->dsiz) - c->dptr);
	n = min32(n, size16(c->csiz) - c->cptr);
	n = min32(n, block_size(c) - c->done);
	if ((c->econ & ECON_PATEN) || (c->con & CON_CHPIGNEN) || crc_on(d, c))
		n = 1; /* byte by byte: each byte is compared or summed */
	if (n == 3)
		n = 2;
	if (n == 2 && ((sa | da) & 1u))
		n = 1;
	return n;
}

/* Advance a pointer by n within size, setting its half and done flags. */
static uint32_t advance(uint32_t ptr, uint32_t n, uint32_t size, uint32_t half_flag,
			uint32_t done_flag, uint32_t *flags)
{
	uint32_t next = ptr + n;
	if (ptr < size / 2 && next >= size / 2)
		*flags |= half_flag;
	if (next >= size) {
		*flags |= done_flag;
		next = 0;
	}
	return next;
}

static void ch_error(struct machine *m, struct dma_channel *c, uint32_t pa, bool read)
{
	struct dma *d = &m->soc.dma;
	d->stat = (read ? 1u << 31 : 0) | c->n;
	d->addr = pa;
	ch_stop(m, c);
	ch_flag(m, c, INT_ERIF);
}

static void ch_block_done(struct machine *m, struct dma_channel *c, uint32_t flags)
{
	struct dma *d = &m->soc.dma;
	if (crc_on(d, c) && (d->crccon & CRC_APP)) {
		/* append mode: the result goes to the destination */
		unsigned bytes = (((d->crccon >> 8) & 0x1Fu) + 8) / 8;
		uint32_t v = d->crcdata;
		for (unsigned i = 0; i < bytes; i++)
			if (!soc_master_write(m, SBA_DMA_WRITE, c->dsa + i, 1, (v >> (8 * i)) & 0xFFu)) {
				ch_error(m, c, c->dsa + i, false);
				return;
			}
	}
	c->sptr = c->dptr = c->cptr = c->done = 0;
	c->last2 = 0;
	c->cell = false;
	if (!(c->con & CON_CHAEN))
		c->con &= ~CON_CHEN;
	ch_busy(c);
	/* Chaining: the next channel (CHCHNS = 0) or the previous one
	 * (CHCHNS = 1) that names this one is enabled. */
	if (c->n + 1 < DMA_CHANNELS) {
		struct dma_channel *k = &d->ch[c->n + 1];
		if ((k->con & CON_CHCHN) && !(k->con & CON_CHCHNS))
			k->con |= CON_CHEN;
	}
	if (c->n > 0) {
		struct dma_channel *k = &d->ch[c->n - 1];
		if ((k->con & CON_CHCHN) && (k->con & CON_CHCHNS))
			k->con |= CON_CHEN;
	}
	ch_flag(m, c, flags | INT_BCIF);
}

static void ch_cell_done(struct machine *m, struct dma_channel *c, uint32_t flags)
{
	c->cptr = 0;
	c->cell = false;
	ch_busy(c);
	ch_flag(m, c, flags | INT_CCIF);
	/* A persistent start source still asserted is another event. */
	unsigned v = sirq(c);
	if ((c->econ & ECON_SIRQEN) && v < EVIC_VECTORS &&
	    (m->soc.evic.level[v / 32] & (1u << (v % 32))))
		c->con |= CON_CHEDET;
}

/* One transaction of channel c, done. False: the cell ended. */
static bool ch_transact(struct machine *m, struct dma_channel *c)
{
	struct dma *d = &m->soc.dma;
	uint32_t n = txn_bytes(d, c), sa = c->ssa + c->sptr, da = c->dsa + c->dptr, v, flags = 0;
	bool skip = false, match = false;
	if (!soc_master_read(m, SBA_DMA_READ, sa, n, &v)) {
		ch_error(m, c, sa, true);
		return false;
	}
	if (crc_on(d, c)) {
		crc_feed(d, (uint8_t)v, c->done & 1u);
		skip = (d->crccon & CRC_APP) != 0; /* append mode reads only */
	}
	if ((c->con & CON_CHPIGNEN) && (v & 0xFFu) == c->con >> 24)
		skip = true; /* the ignore pattern is read, not written */
	if (!skip && !soc_master_write(m, SBA_DMA_WRITE, da, n, v)) {
		ch_error(m, c, da, false);
		return false;
	}
	if (!skip && (c->econ & ECON_PATEN)) {
		c->last2 = (uint16_t)((c->last2 >> 8) | (v & 0xFFu) << 8);
		match = (c->con & CON_CHPATLEN) ? c->done >= 1 && c->last2 == (c->dat & 0xFFFFu)
						 : (v & 0xFFu) == (c->dat & 0xFFu);
	}
	c->sptr = advance(c->sptr, n, size16(c->ssiz), INT_SHIF, INT_SDIF, &flags);
	if (!skip)
		c->dptr = advance(c->dptr, n, size16(c->dsiz), INT_DHIF, INT_DDIF, &flags);
	c->cptr += n;
	c->done += n;
	bool cell_end = c->cptr >= size16(c->csiz);
	if (match || c->done >= block_size(c)) {
		ch_block_done(m, c, flags | (cell_end ? INT_CCIF : 0));
		return false;
	}
	if (cell_end) {
		ch_cell_done(m, c, flags);
		return false;
	}
	if (flags)
		ch_flag(m, c, flags);
	return true;
}

/* ---- Scheduling ------------------------------------------------------------ */

/* The channel to serve next, or NULL. */
static struct dma_channel *choose(struct dma *d)
{
	struct dma_channel *best = NULL;
	for (unsigned k = 1; k <= DMA_CHANNELS; k++) {
		struct dma_channel *c = &d->ch[(d->rr + k) % DMA_CHANNELS];
		if (!(c->con & CON_CHEN) || !(c->cell || (c->con & CON_CHEDET)))
			continue;
		if (!best || (c->con & 3u) > (best->con & 3u))
			best = c;
	}
	return best;
}

/* Cycles of the next batch of c (walked on a copy: no side effects). */
static uint64_t batch_cycles(const struct machine *m, const struct dma_channel *c)
{
	const struct dma *d = &m->soc.dma;
	struct dma_channel t = *c;
	uint64_t cyc = 0;
	uint32_t moved = 0, dummy = 0;
	while (moved < DMA_BATCH) {
		uint32_t n = txn_bytes(d, &t);
		cyc += cycles_at(m, t.ssa + t.sptr) + cycles_at(m, t.dsa + t.dptr);
		moved += n;
		t.sptr = advance(t.sptr, n, size16(t.ssiz), 0, 0, &dummy);
		t.dptr = advance(t.dptr, n, size16(t.dsiz), 0, 0, &dummy);
		t.cptr += n;
		t.done += n;
		if (t.cptr >= size16(t.csiz) || t.done >= block_size(&t))
			break;
	}
	return cyc;
}

static void kick(struct machine *m, uint64_t now)
{
	struct dma *d = &m->soc.dma;
	if (d->active >= 0 || !(d->con & DMACON_ON) || (d->con & DMACON_SUSPEND))
		return;
	struct dma_channel *c = choose(d);
	if (!c) {
		d->con &= ~DMACON_BUSY;
		return;
	}
	uint64_t cyc = 0;
	if (!c->cell) {
		c->cell = true;
		c->con &= ~CON_CHEDET;
		ch_busy(c);
		cyc += DMA_ARB;
	}
	cyc += batch_cycles(m, c);
	d->rr = c->n;
	d->active = (int)c->n;
	d->con |= DMACON_BUSY;
	event_schedule(m, &d->slice, now + cyc);
}

/* A batch's time is over: its bytes land, then the next is chosen. */
static void dma_slice(struct machine *m, struct event *ev)
{
	struct dma *d = &m->soc.dma;
	struct dma_channel *c = &d->ch[d->active];
	d->active = -1;
	uint32_t moved = 0;
	while (moved < DMA_BATCH && c->cell) {
		uint32_t n = txn_bytes(d, c);
		moved += n;
		if (!ch_transact(m, c))
			break;
	}
	kick(m, ev->when);
}

/* ---- Registers ------------------------------------------------------------- */

static void dmacon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct dma *d = &m->soc.dma;
	(void)r;
	d->con = (d->con & ~DMACON_BUSY) | (old & DMACON_BUSY);
	if (!(d->con & DMACON_ON) && d->active >= 0)
		drop_batch(m, &d->ch[d->active]); /* off: the batch never lands */
	kick(m, m->cycle);
}

static void con_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct dma_channel *c = r->dev;
	if ((old & CON_CHEN) && !(c->con & CON_CHEN))
		drop_batch(m, c); /* disabled: suspended before the batch lands */
	ch_busy(c);
	kick(m, m->cycle);
}

static void econ_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct dma_channel *c = r->dev;
	(void)old;
	uint32_t cmd = c->econ & (ECON_CFORCE | ECON_CABORT);
	c->econ &= ~(ECON_CFORCE | ECON_CABORT); /* commands read 0 */
	listen_update(&m->soc.dma);
	if (cmd & ECON_CABORT)
		ch_stop(m, c);
	else if (cmd & ECON_CFORCE)
		ch_request(m, c);
}

static void int_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	ch_irq(m, r->dev);
}

/* Source/destination/size registers change while the channel runs: the
 * batch in flight is planned on the old values; it is redone. */
static void xfer_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct dma_channel *c = r->dev;
	if (*r->val != old && m->soc.dma.active == (int)c->n) {
		drop_batch(m, c);
		kick(m, m->cycle);
	}
}

void dma_init(struct machine *m)
{
	struct dma *d = &m->soc.dma;
	d->slice = (struct event){ .fn = dma_slice, .name = "dma" };
	d->active = -1;
	sfr_add(m, "DMACON", DMA_BASE + 0x00, &d->con, 0, DMACON_ON | DMACON_SUSPEND, 0,
		NULL, dmacon_write, d);
	sfr_add(m, "DMASTAT", DMA_BASE + 0x10, &d->stat, 0, 0, 0, NULL, NULL, d);
	sfr_add(m, "DMAADDR", DMA_BASE + 0x20, &d->addr, 0, 0, 0, NULL, NULL, d);
	sfr_add(m, "DCRCCON", DMA_BASE + 0x30, &d->crccon, 0, 0x39001FE7u, 0, NULL, NULL, d);
	sfr_add(m, "DCRCDATA", DMA_BASE + 0x40, &d->crcdata, 0, 0xFFFFFFFFu, 0, NULL, NULL, d);
	sfr_add(m, "DCRCXOR", DMA_BASE + 0x50, &d->crcxor, 0, 0xFFFFFFFFu, 0, NULL, NULL, d);
	for (unsigned i = 0; i < DMA_CHANNELS; i++) {
		struct dma_channel *c = &d->ch[i];
		uint32_t b = DMA_BASE + 0x60 + 0xC0 * i;
		c->n = i;
		sfr_add(m, "DCHxCON", b + 0x00, &c->con, 0, 0xFF0029F7u, 0, NULL, con_write, c);
		sfr_add(m, "DCHxECON", b + 0x10, &c->econ, 0x00FFFF00u, 0x00FFFFF8u, 0,
			NULL, econ_write, c);
		sfr_add(m, "DCHxINT", b + 0x20, &c->intr, 0, 0x00FF00FFu, 0, NULL, int_write, c);
		sfr_add(m, "DCHxSSA", b + 0x30, &c->ssa, 0, 0xFFFFFFFFu, 0, NULL, xfer_write, c);
		sfr_add(m, "DCHxDSA", b + 0x40, &c->dsa, 0, 0xFFFFFFFFu, 0, NULL, xfer_write, c);
		sfr_add(m, "DCHxSSIZ", b + 0x50, &c->ssiz, 0, 0xFFFFu, 0, NULL, xfer_write, c);
		sfr_add(m, "DCHxDSIZ", b + 0x60, &c->dsiz, 0, 0xFFFFu, 0, NULL, xfer_write, c);
		sfr_add(m, "DCHxSPTR", b + 0x70, &c->sptr, 0, 0, 0, NULL, NULL, c);
		sfr_add(m, "DCHxDPTR", b + 0x80, &c->dptr, 0, 0, 0, NULL, NULL, c);
		sfr_add(m, "DCHxCSIZ", b + 0x90, &c->csiz, 0, 0xFFFFu, 0, NULL, xfer_write, c);
		sfr_add(m, "DCHxCPTR", b + 0xA0, &c->cptr, 0, 0, 0, NULL, NULL, c);
		sfr_add(m, "DCHxDAT", b + 0xB0, &c->dat, 0, 0xFFFFu, 0, NULL, NULL, c);
	}
	sfr_set_pmd(m, d, d + 1, &m->soc.sys.pmd[6], 1u << 4); /* PMD7.DMAMD */
}

void dma_reset(struct machine *m)
{
	struct dma *d = &m->soc.dma;
	event_cancel(m, &d->slice);
	d->active = -1;
	d->rr = 0;
	for (unsigned i = 0; i < DMA_CHANNELS; i++) {
		struct dma_channel *c = &d->ch[i];
		c->done = 0;
		c->last2 = 0;
		c->cell = false;
	}
	listen_update(d);
}
