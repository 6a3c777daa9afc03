/* SPDX-License-Identifier: Apache-2.0 */
/* gpio.c - I/O ports A-K (no port I): ANSEL, TRIS, PORT, LAT, ODC, CNPU,
 * CNPD, CNCON, CNEN, CNSTAT, CNNE, CNF, and the chipKIT Wi-Fire board
 * around them (LEDs on RG6/RD4/RB11/RG15, buttons on RA5/RA4).
 *
 * A pin's level: an output drives LAT (an open-drain output driving 1
 * floats); an input or floating pin takes the level the outside world drives
 * (vzsim_set_pin), else its pull-up/pull-down, else 0. PORT reads the pin
 * levels (0 where ANSEL selects analog); writing PORT writes LAT.
 * Every change of a LAT word is reported through m->gpio. Change notice
 * (CN) reacts to levels driven from outside.
 * The pins and analog pins are those of the 100-pin package (analog pins
 * reset to ANSEL = 1, as on the chip); ports H, J, K (absent on that
 * package) are modelled anyway with 16 digital pins.
 */
#include "machine.h"

#define PORT_BASE 0x1F860000u
#define PORT_I    8             /* public numbering 0 = A .. 10 = K */

#define CNCON_ON         (1u << 15)
#define CNCON_EDGEDETECT (1u << 11)
#define CNCON_SIDL       (1u << 13)  /* storage only (no idle mode) */

/* Wi-Fire buttons BTN1 = RA5, BTN2 = RA4: active high, pulled down on the
 * board, so they read 0 until pressed. */
#define WIFI_BUTTONS ((1u << 5) | (1u << 4))

static unsigned port_index(const struct machine *m, const struct port *p)
{
	return (unsigned)(p - m->soc.port);
}

/* Level of every pin of port p. */
static uint32_t port_pins(const struct port *p)
{
	uint32_t outside = (p->ext_level & p->ext_driven) |
			   (p->cnpu & ~p->ext_driven);
	uint32_t driving = ~p->tris & ~(p->odc & p->lat);
	return ((p->lat & driving) | (outside & ~driving)) & 0xFFFFu;
}

/* What the digital input buffers see: analog pins (ANSEL = 1) read 0. */
static uint32_t port_digital(const struct port *p)
{
	return port_pins(p) & ~p->ansel & p->pins;
}

static void port_report(struct machine *m, struct port *p)
{
	if (p->lat == p->reported_lat)
		return;
	uint32_t old = p->reported_lat;
	p->reported_lat = p->lat;
	if (m->gpio)
		m->gpio(m->gpio_ctx, (int)port_index(m, p), old, p->lat, p->tris);
}

/* Change notification for pins whose level went from `before` to `after`. */
static void port_notify(struct machine *m, struct port *p, uint32_t before, uint32_t after)
{
	static const unsigned cn_vector[PORT_COUNT] = {
		118, 119, 120, 121, 122, 123, 124, 125, 0, 126, 127 };
	uint32_t changed = before ^ after;
	if (!changed || !(p->cncon & CNCON_ON))
		return;
	uint32_t hit;
	if (p->cncon & CNCON_EDGEDETECT) {
		hit = (changed & after & p->cnen) | (changed & before & p->cnne);
		p->cnf |= hit;
	} else {
		hit = changed & p->cnen;
		p->cnstat |= hit;
	}
	if (hit)
		evic_raise(m, cn_vector[port_index(m, p)]);
}

static uint32_t port_read(struct machine *m, struct sfr *r)
{
	(void)m;
	struct port *p = r->dev;
	p->cnstat = 0; /* reading PORT ends the mismatch condition */
	return port_digital(p);
}

/* PORT's storage mirrors LAT, so its CLR/SET/INV aliases act on LAT. */
static void port_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	struct port *p = r->dev;
	p->lat = *r->val & 0xFFFFu;
	port_report(m, p);
}

static void lat_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	struct port *p = r->dev;
	p->port = p->lat;
	port_report(m, p);
}

void vzsim_set_pin(struct machine *m, int port, int pin, bool level)
{
	if (port < 0 || port >= PORT_COUNT || pin < 0 || pin > 15)
		return;
	struct port *p = &m->soc.port[port];
	if (!(p->pins & (1u << pin)))
		return; /* no such pin on the package */
	uint32_t before = port_digital(p), bit = 1u << pin;
	p->ext_driven |= bit;
	p->ext_level = level ? p->ext_level | bit : p->ext_level & ~bit;
	port_notify(m, p, before, port_digital(p));
}

uint32_t vzsim_port_lat(struct machine *m, int port)
{
	if (port < 0 || port >= PORT_COUNT)
		return 0;
	return m->soc.port[port].lat;
}

/* Pins of the 100-pin PIC32MZ2048EFG100 and those with an analog function
 * (their ANSEL bits exist and reset to 1). Ports H, J and K exist only on
 * larger packages; they are modelled with all 16 pins, digital. */
static const struct { uint16_t pins, analog; } port_layout[PORT_COUNT] = {
	{ 0xC6FF, 0x0623 },     /* A: 0-7, 9, 10, 14, 15; AN on 0, 1, 5, 9, 10 */
	{ 0xFFFF, 0xFFFF },     /* B: all pins analog-capable */
	{ 0xF01E, 0x001E },     /* C: 1-4, 12-15; AN on 1-4 */
	{ 0xFE3F, 0xC000 },     /* D: 0-5, 9-15; AN on 14, 15 */
	{ 0x03FF, 0x03F0 },     /* E: 0-9; AN on 4-9 */
	{ 0x313F, 0x3000 },     /* F: 0-5, 8, 12, 13; AN on 12, 13 */
	{ 0xF3C3, 0x83C0 },     /* G: 0, 1, 6-9, 12-15; AN on 6-9, 15 */
	{ 0xFFFF, 0x0000 },     /* H */
	{ 0x0000, 0x0000 },     /* I does not exist */
	{ 0xFFFF, 0x0000 },     /* J */
	{ 0xFFFF, 0x0000 },     /* K */
};

void gpio_init(struct machine *m)
{
	static const char *names[12] = { "ANSEL", "TRIS", "PORT", "LAT", "ODC",
		"CNPU", "CNPD", "CNCON", "CNEN", "CNSTAT", "CNNE", "CNF" };
	unsigned idx = 0;
	for (unsigned n = 0; n < PORT_COUNT; n++) {
		struct port *p = &m->soc.port[n];
		if (n == PORT_I)
			continue;
		p->present = true;
		uint32_t pins = port_layout[n].pins, analog = port_layout[n].analog;
		uint32_t base = PORT_BASE + 0x100 * idx++;
		uint32_t *regs[12] = { &p->ansel, &p->tris, &p->port, &p->lat, &p->odc,
			&p->cnpu, &p->cnpd, &p->cncon, &p->cnen, &p->cnstat, &p->cnne, &p->cnf };
		for (unsigned k = 0; k < 12; k++) {
			uint32_t wmask = k == 0 ? analog : k == 7 ? (CNCON_ON | CNCON_SIDL | CNCON_EDGEDETECT) :
					 k == 9 ? 0 : pins;
			uint32_t reset = k == 0 ? analog : k == 1 ? pins : 0;
			sfr_write_fn w = k == 2 ? port_write :
					 k == 3 ? lat_write : NULL;
			sfr_add(m, names[k], base + 0x10 * k, regs[k], reset, wmask, 0,
				k == 2 ? port_read : NULL, w, p);
		}
		p->pins = pins;
	}
	/* The Wi-Fire drives its button pins (pull-downs); on the other boards
	 * nothing does (vzsim.h, enum vzsim_board). */
	if (m->opt.board == VZSIM_BOARD_WIFIRE)
		m->soc.port[0].ext_driven |= WIFI_BUTTONS;
}

void gpio_reset(struct machine *m)
{
	/* SFRs are back at reset values; tell the outside the LEDs went dark. */
	for (unsigned n = 0; n < PORT_COUNT; n++)
		if (m->soc.port[n].present)
			port_report(m, &m->soc.port[n]);
}
