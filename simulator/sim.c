/* SPDX-License-Identifier: Apache-2.0 */
/* sim.c - the library's public face: lifetime, running, callbacks, peek/poke.
 * The parts (cpu, soc, loaders) implement the rest of vzsim.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "cpu/cpu_internal.h"

void machine_fatal(struct machine *m, const char *fmt, ...)
{
	va_list ap;
	if (m->stop == VZSIM_STOP_FATAL)
		return; /* keep the first cause */
	va_start(ap, fmt);
	vsnprintf(m->error, sizeof m->error, fmt, ap);
	va_end(ap);
	m->stop = VZSIM_STOP_FATAL;
}

void machine_warn(struct machine *m, const char *fmt, ...)
{
	va_list ap;
	if (m->opt.quiet)
		return;
	fputs("vzsim: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct machine *vzsim_new(const struct vzsim_options *opt)
{
	struct machine *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	if (opt)
		m->opt = *opt;
	m->ram = malloc(PA_RAM_SIZE);
	m->pflash = malloc(PA_PFLASH_SIZE);
	m->boot1 = malloc(PA_BOOT_SIZE);
	m->boot2 = malloc(PA_BOOT_SIZE);
	if (!m->ram || !m->pflash || !m->boot1 || !m->boot2) {
		vzsim_free(m);
		return NULL;
	}
	m->next_event = UINT64_MAX;
	vzsim_erase(m);
	cpu_init(m);
	soc_init(m);
	vzsim_reset(m);
	return m;
}

void vzsim_free(struct machine *m)
{
	if (!m)
		return;
	cpu_free(m);
	free(m->ram);
	free(m->pflash);
	free(m->boot1);
	free(m->boot2);
	free(m);
}

void vzsim_erase(struct machine *m)
{
	memset(m->ram, 0, PA_RAM_SIZE);
	memset(m->pflash, 0xFF, PA_PFLASH_SIZE);
	memset(m->boot1, 0xFF, PA_BOOT_SIZE);
	memset(m->boot2, 0xFF, PA_BOOT_SIZE);
	cpu_code_written(m, 0, 0xFFFFFFFFu);
}

void vzsim_reset(struct machine *m)
{
	/* Drop every pending event; the devices re-arm what they need. */
	while (m->events)
		event_cancel(m, m->events);
	m->cycle = 0;
	m->insns = 0;
	m->stop = VZSIM_RUNNING;
	m->error[0] = '\0';
	soc_reset(m);
	cpu_reset(m);
}

enum vzsim_stop vzsim_run(struct machine *m, uint64_t max_cycles)
{
	uint64_t until = m->cycle + max_cycles;
	if (until < m->cycle)
		until = UINT64_MAX;
	if (m->stop != VZSIM_STOP_FATAL)
		m->stop = VZSIM_RUNNING;
	while (m->stop == VZSIM_RUNNING && m->cycle < until)
		cpu_run(m, until);
	if (m->stop == VZSIM_RUNNING)
		m->stop = VZSIM_STOP_LIMIT;
	return m->stop;
}

void vzsim_request_stop(struct machine *m)
{
	if (m->stop == VZSIM_RUNNING)
		m->stop = VZSIM_STOP_REQUEST;
}

const char *vzsim_error(const struct machine *m) { return m->error; }

void vzsim_set_uart_tx(struct machine *m, vzsim_uart_tx_fn fn, void *ctx)
{
	m->uart_tx = fn;
	m->uart_tx_ctx = ctx;
}

void vzsim_set_gpio(struct machine *m, vzsim_gpio_fn fn, void *ctx)
{
	m->gpio = fn;
	m->gpio_ctx = ctx;
}

void vzsim_set_events(struct machine *m, vzsim_event_fn fn, void *ctx)
{
	m->event_fn = fn;
	m->event_ctx = ctx;
}

void machine_event_slow(struct machine *m, enum vzsim_event_kind kind, unsigned guestid,
			unsigned code, unsigned gexc, uint32_t pc)
{
	struct vzsim_event ev = { kind, m->cycle, guestid, code, gexc, pc };
	m->event_fn(m->event_ctx, &ev);
}

uint64_t vzsim_cycles(const struct machine *m) { return m->cycle; }
uint64_t vzsim_instructions(const struct machine *m) { return m->insns; }

/* Host pointer for [pa, pa+len) if it lies inside one memory, else NULL. */
static uint8_t *memory_span(struct machine *m, uint32_t pa, size_t len)
{
	static const struct { uint32_t base, size; size_t off; } regions[] = {
		{ PA_RAM_BASE, PA_RAM_SIZE, offsetof(struct machine, ram) },
		{ PA_PFLASH_BASE, PA_PFLASH_SIZE, offsetof(struct machine, pflash) },
		{ PA_BOOT_BASE, PA_BOOT_SIZE, offsetof(struct machine, boot1) },
		{ PA_BOOT1_BASE, PA_BOOT_SIZE, offsetof(struct machine, boot1) },
		{ PA_BOOT2_BASE, PA_BOOT_SIZE, offsetof(struct machine, boot2) },
	};
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
		uint32_t off = pa - regions[i].base;
		if (pa >= regions[i].base && off < regions[i].size &&
		    len <= regions[i].size - off) {
			uint8_t *base = *(uint8_t **)((char *)m + regions[i].off);
			return base + off;
		}
	}
	return NULL;
}

bool vzsim_peek(struct machine *m, uint32_t pa, void *buf, size_t len)
{
	uint8_t *p = memory_span(m, pa, len);
	if (!p)
		return false;
	memcpy(buf, p, len);
	return true;
}

bool vzsim_poke(struct machine *m, uint32_t pa, const void *buf, size_t len)
{
	uint8_t *p = memory_span(m, pa, len);
	if (!p)
		return false;
	memcpy(p, buf, len);
	cpu_code_written(m, pa, (uint32_t)len);
	return true;
}

uint32_t vzsim_get_reg(const struct machine *m, int n)
{
	const struct cpu *c = &m->cpu;
	if (n >= 1 && n < 32)
		return c->r[n];
	switch (n) {
	case VZSIM_REG_STATUS: return c->cp0.status;
	case VZSIM_REG_LO: return c->lo;
	case VZSIM_REG_HI: return c->hi;
	case VZSIM_REG_BADVADDR: return c->cp0.badvaddr;
	case VZSIM_REG_CAUSE: return c->cp0.cause;
	case VZSIM_REG_PC: return c->pc;
	default: return 0;
	}
}

bool vzsim_set_reg(struct machine *m, int n, uint32_t v)
{
	struct cpu *c = &m->cpu;
	if (n >= 1 && n < 32)
		c->r[n] = v;
	else if (n == VZSIM_REG_LO)
		c->lo = v;
	else if (n == VZSIM_REG_HI)
		c->hi = v;
	else if (n == VZSIM_REG_PC) {
		cpu_set_isa(m, v & 1); /* bit 0 picks the ISA (a debugger's write) */
		c->pc = v & ~1u;
		c->in_ds = false;
	} else
		return false;
	return true;
}

/* KSEG0 (0x80000000) and KSEG1 (0xA0000000) map to physical va & 0x1FFFFFFF. */
static bool unmapped_pa(uint32_t va, size_t len, uint32_t *pa)
{
	if (va < 0x80000000u || va >= 0xC0000000u || len > 0xC0000000u - va)
		return false;
	if ((va & 0xE0000000u) != ((va + (uint32_t)len - 1) & 0xE0000000u) && len)
		return false; /* crosses from KSEG0 into KSEG1 */
	*pa = va & 0x1FFFFFFFu;
	return true;
}

bool vzsim_read_virt(struct machine *m, uint32_t va, void *buf, size_t len)
{
	uint32_t pa;
	return unmapped_pa(va, len, &pa) && vzsim_peek(m, pa, buf, len);
}

bool vzsim_write_virt(struct machine *m, uint32_t va, const void *buf, size_t len)
{
	uint32_t pa;
	return unmapped_pa(va, len, &pa) && vzsim_poke(m, pa, buf, len);
}
