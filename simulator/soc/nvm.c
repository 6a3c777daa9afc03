/* SPDX-License-Identifier: Apache-2.0 */
/* nvm.c - the flash controller: NVMCON, NVMKEY, NVMADDR, NVMDATA0-3,
 * NVMSRCADDR, NVMPWP, NVMBWP, NVMCON2 (0xBF800600).
 *
 * An operation starts when NVMCON.WR is set with WREN = 1 right after the
 * NVMKEY sequence (0xAA996655, 0x556699AA) and completes at once (the
 * programming time is not modelled). Programming ANDs the data into flash
 * (it can only clear bits); erasing sets 0xFF. NVMADDR and NVMSRCADDR are
 * physical addresses. An address outside flash sets WRERR. The write
 * protection registers (NVMPWP/NVMBWP) and panel swapping (NVMCON2) are
 * plain storage.
 */
#include <string.h>

#include "machine.h"

#define NVM_BASE   0x1F800600u
#define NVM_WR     (1u << 15)
#define NVM_WREN   (1u << 14)
#define NVM_WRERR  (1u << 13)
#define NVM_KEY1   0xAA996655u
#define NVM_KEY2   0x556699AAu

#define NVM_ROW    2048u        /* row program: 512 words */
#define NVM_PAGE   16384u       /* page erase */

enum nvm_op {
	NVMOP_NOP = 0, NVMOP_WORD = 1, NVMOP_QUAD = 2, NVMOP_ROW = 3,
	NVMOP_PAGE_ERASE = 4, NVMOP_LOWER_ERASE = 5, NVMOP_UPPER_ERASE = 6,
	NVMOP_ALL_ERASE = 7,
};

/* Host bytes of flash [pa, pa+len), or NULL if not all inside one flash. */
static uint8_t *nvm_flash(struct machine *m, uint32_t pa, uint32_t len)
{
	static const struct { uint32_t base; unsigned which; } map[] = {
		{ PA_PFLASH_BASE, 0 }, { PA_BOOT_BASE, 1 }, { PA_BOOT1_BASE, 1 },
		{ 0x1FC20000u, 2 }, { PA_BOOT2_BASE, 2 },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		uint32_t size = map[i].which ? PA_BOOT_SIZE : PA_PFLASH_SIZE;
		uint32_t off = pa - map[i].base;
		if (off < size && len <= size - off) {
			uint8_t *mem = map[i].which == 0 ? m->pflash :
				       map[i].which == 1 ? m->boot1 : m->boot2;
			return mem + off;
		}
	}
	return NULL;
}

/* Flash changed: every physical view of it must drop predecoded code. */
static void nvm_changed(struct machine *m, uint8_t *p, uint32_t len)
{
	if (p >= m->pflash && p < m->pflash + PA_PFLASH_SIZE) {
		cpu_code_written(m, PA_PFLASH_BASE + (uint32_t)(p - m->pflash), len);
	} else if (p >= m->boot1 && p < m->boot1 + PA_BOOT_SIZE) {
		uint32_t off = (uint32_t)(p - m->boot1);
		cpu_code_written(m, PA_BOOT_BASE + off, len);
		cpu_code_written(m, PA_BOOT1_BASE + off, len);
	} else {
		uint32_t off = (uint32_t)(p - m->boot2);
		cpu_code_written(m, 0x1FC20000u + off, len);
		cpu_code_written(m, PA_BOOT2_BASE + off, len);
	}
}

/* Program (src) or erase (src NULL) flash [pa, pa+len), line by line on
 * what memory holds: a D-cache line holding flash keeps its old bytes and
 * is then stale, as on silicon (cpu_memory_line). */
static bool nvm_write(struct machine *m, uint32_t pa, const uint8_t *src, uint32_t len)
{
	uint8_t *p = nvm_flash(m, pa, len);
	if (!p)
		return false;
	for (uint32_t off = 0; off < len; off += 16) {
		uint8_t *mem = cpu_memory_line(m, pa + off);
		uint32_t n = len - off < 16 ? len - off : 16;
		if (!mem)
			mem = p + off;
		else
			mem += (pa + off) & 15u;
		for (uint32_t i = 0; i < n; i++)
			mem[i] = src ? mem[i] & src[off + i] : 0xFF;
		cpu_memory_line_changed(m, pa + off);
	}
	nvm_changed(m, p, len);
	return true;
}

static bool nvm_program(struct machine *m, uint32_t pa, const uint8_t *src, uint32_t len)
{
	return src && nvm_write(m, pa, src, len);
}

static bool nvm_erase(struct machine *m, uint32_t pa, uint32_t len)
{
	return nvm_write(m, pa, NULL, len);
}

static bool nvm_execute(struct machine *m, struct nvm *n)
{
	uint8_t buf[16];
	for (unsigned i = 0; i < 4; i++)
		for (unsigned b = 0; b < 4; b++)
			buf[4 * i + b] = (uint8_t)(n->data[i] >> (8 * b));
	switch (n->con & 0xFu) {
	case NVMOP_NOP:
		return true;
	case NVMOP_WORD:
		return nvm_program(m, n->addr & ~3u, buf, 4);
	case NVMOP_QUAD:
		return nvm_program(m, n->addr & ~15u, buf, 16);
	case NVMOP_ROW: { /* the source is read from RAM over the bus: memory's bytes */
		uint32_t src = n->srcaddr & ~3u;
		uint8_t row[NVM_ROW];
		if (src >= PA_RAM_SIZE || NVM_ROW > PA_RAM_SIZE - src)
			return nvm_program(m, n->addr & ~(NVM_ROW - 1), NULL, NVM_ROW);
		for (uint32_t off = 0; off < NVM_ROW; off += 4) {
			const uint8_t *mem = cpu_memory_line(m, src + off);
			if (((src + off) & 15u) == 0 || off == 0)
				cpu_memory_line_read(m, src + off, "the flash controller (row program)");
			memcpy(row + off, mem + ((src + off) & 15u), 4);
		}
		return nvm_program(m, n->addr & ~(NVM_ROW - 1), row, NVM_ROW);
	}
	case NVMOP_PAGE_ERASE:
		return nvm_erase(m, n->addr & ~(NVM_PAGE - 1), NVM_PAGE);
	case NVMOP_LOWER_ERASE:
		return nvm_erase(m, PA_PFLASH_BASE, PA_PFLASH_SIZE / 2);
	case NVMOP_UPPER_ERASE:
		return nvm_erase(m, PA_PFLASH_BASE + PA_PFLASH_SIZE / 2, PA_PFLASH_SIZE / 2);
	case NVMOP_ALL_ERASE:
		return nvm_erase(m, PA_PFLASH_BASE, PA_PFLASH_SIZE);
	default:
		return false;
	}
}

static void nvmkey_write(struct machine *m, struct sfr *r, uint32_t old)
{
	(void)old;
	struct nvm *n = &m->soc.nvm;
	uint32_t key = *r->val;
	if (key == NVM_KEY1)
		n->key_state = 1;
	else if (n->key_state == 1 && key == NVM_KEY2)
		n->key_state = 2;
	else
		n->key_state = 0;
	*r->val = 0; /* write-only */
}

static void nvmcon_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct nvm *n = &m->soc.nvm;
	bool start = (*r->val & NVM_WR) && !(old & NVM_WR);
	bool armed = n->key_state == 2;
	n->key_state = 0; /* the key sequence is good for one NVMCON write */
	if (!start)
		return;
	*r->val &= ~NVM_WR; /* every operation completes at once */
	if (!armed || !(*r->val & NVM_WREN))
		return;
	if (nvm_execute(m, n))
		*r->val &= ~NVM_WRERR;
	else
		*r->val |= NVM_WRERR;
}

void nvm_init(struct machine *m)
{
	struct nvm *n = &m->soc.nvm;
	sfr_add(m, "NVMCON", NVM_BASE + 0x00, &n->con, 0, 0x0000C00Fu, 0,
		NULL, nvmcon_write, n);
	sfr_add(m, "NVMKEY", NVM_BASE + 0x10, &n->key, 0, 0xFFFFFFFFu, SFR_NOALIAS,
		NULL, nvmkey_write, n);
	sfr_add(m, "NVMADDR", NVM_BASE + 0x20, &n->addr, 0, 0xFFFFFFFFu, 0, NULL, NULL, n);
	for (unsigned i = 0; i < 4; i++)
		sfr_add(m, "NVMDATAx", NVM_BASE + 0x30 + 0x10 * i, &n->data[i], 0,
			0xFFFFFFFFu, 0, NULL, NULL, n);
	sfr_add(m, "NVMSRCADDR", NVM_BASE + 0x70, &n->srcaddr, 0, 0xFFFFFFFFu, 0,
		NULL, NULL, n);
	sfr_add(m, "NVMPWP", NVM_BASE + 0x80, &n->pwp, 0x80000000u, 0x80FFFFFFu, 0,
		NULL, NULL, n);
	sfr_add(m, "NVMBWP", NVM_BASE + 0x90, &n->bwp, 0, 0x00009F9Fu, 0, NULL, NULL, n);
	sfr_add(m, "NVMCON2", NVM_BASE + 0xA0, &n->con2, 0, 0x000000C0u, 0, NULL, NULL, n);
}

void nvm_reset(struct machine *m)
{
	m->soc.nvm.key_state = 0;
}
