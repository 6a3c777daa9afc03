/* SPDX-License-Identifier: Apache-2.0 */
/* image.c - format detection, address mapping, checks and the final write
 * for all image formats (see image.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "image.h"

/* An image may repeat bytes (identical overlaps are fine), but never more
 * than this in total: bounds host memory for hostile files. */
#define IMAGE_MAX_BYTES (16u << 20)

struct memory_region {
	const char *name;
	uint32_t base, size;
	uint32_t canonical;     /* base of the storage this region aliases */
};

static const struct memory_region regions[] = {
	{ "RAM", PA_RAM_BASE, PA_RAM_SIZE, PA_RAM_BASE },
	{ "program flash", PA_PFLASH_BASE, PA_PFLASH_SIZE, PA_PFLASH_BASE },
	{ "boot flash", PA_BOOT_BASE, PA_BOOT_SIZE, PA_BOOT1_BASE },
	{ "boot flash 1", PA_BOOT1_BASE, PA_BOOT_SIZE, PA_BOOT1_BASE },
	{ "boot flash 2", PA_BOOT2_BASE, PA_BOOT_SIZE, PA_BOOT2_BASE },
};
#define NREGIONS (sizeof regions / sizeof regions[0])

int image_error(struct image *img, unsigned origin, const char *fmt, ...)
{
	va_list ap;
	if (img->failed)
		return -1;
	img->failed = true;
	if (!img->err || img->errlen == 0)
		return -1;
	int n;
	if (origin && img->is_elf)
		n = snprintf(img->err, img->errlen, "%s: program header %u: ", img->name, origin - 1);
	else if (origin)
		n = snprintf(img->err, img->errlen, "%s:%u: ", img->name, origin);
	else
		n = snprintf(img->err, img->errlen, "%s: ", img->name);
	if (n < 0 || (size_t)n >= img->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(img->err + n, img->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

bool image_map_range(uint32_t addr, uint32_t len, uint32_t *pa, char *why, size_t whylen)
{
	uint32_t last = addr + (len - 1);
	if (len == 0 || last < addr) {
		snprintf(why, whylen, "wraps around the end of the address space");
		return false;
	}
	uint32_t p = addr;
	if (addr >= 0xC0000000u) {
		snprintf(why, whylen, "is in KSEG2/KSEG3, which the TLB maps: no fixed physical address");
		return false;
	}
	if (addr >= 0x80000000u) {
		if ((addr & 0xE0000000u) != (last & 0xE0000000u)) {
			snprintf(why, whylen, "crosses from KSEG0 into KSEG1");
			return false;
		}
		p = addr & 0x1FFFFFFFu;
	}
	uint32_t plast = p + (len - 1);
	for (size_t i = 0; i < NREGIONS; i++) {
		const struct memory_region *r = &regions[i];
		if (p - r->base < r->size) {
			if (plast - r->base >= r->size) {
				snprintf(why, whylen, "runs past the end of %s (physical 0x%08X-0x%08X)",
					 r->name, r->base, r->base + r->size - 1);
				return false;
			}
			*pa = p;
			return true;
		}
	}
	if (p >= PA_SFR_BASE && p < PA_SFR_END)
		snprintf(why, whylen, "is in the SFR space (physical 0x%08X): images can only fill memory", p);
	else
		snprintf(why, whylen,
			 "is outside RAM, program flash and boot flash (physical 0x%08X)", p);
	return false;
}

int image_add(struct image *img, unsigned origin, uint32_t addr, const uint8_t *data, size_t len)
{
	if (len == 0)
		return 0;
	if (len > IMAGE_MAX_BYTES || img->total + len > IMAGE_MAX_BYTES)
		return image_error(img, origin, "image holds more than %u MB of data", IMAGE_MAX_BYTES >> 20);
	char why[160];
	uint32_t pa;
	if (!image_map_range(addr, (uint32_t)len, &pa, why, sizeof why))
		return image_error(img, origin, "address range 0x%08X-0x%08X %s", addr,
				   (uint32_t)(addr + (uint32_t)(len - 1)), why);
	img->total += len;

	struct image_chunk *last = img->nchunks ? &img->chunks[img->nchunks - 1] : NULL;
	if (last && last->addr + last->len == addr && last->pa + last->len == pa &&
	    last->len + len <= PA_PFLASH_SIZE) {
		if (last->len + len > last->cap) {
			uint32_t cap = last->cap * 2;
			if (cap < last->len + len)
				cap = (uint32_t)(last->len + len);
			uint8_t *d = realloc(last->data, cap);
			if (!d)
				return image_error(img, origin, "out of host memory");
			last->data = d;
			last->cap = cap;
		}
		memcpy(last->data + last->len, data, len);
		last->len += (uint32_t)len;
		return 0;
	}
	if (img->nchunks == img->cap) {
		size_t cap = img->cap ? img->cap * 2 : 16;
		struct image_chunk *c = realloc(img->chunks, cap * sizeof *c);
		if (!c)
			return image_error(img, origin, "out of host memory");
		img->chunks = c;
		img->cap = cap;
	}
	struct image_chunk *c = &img->chunks[img->nchunks];
	/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): nchunks < cap, so chunks is set */
	c->data = malloc(len);
	if (!c->data)
		return image_error(img, origin, "out of host memory");
	memcpy(c->data, data, len);
	c->addr = addr;
	c->pa = pa;
	c->len = c->cap = (uint32_t)len;
	c->origin = origin;
	img->nchunks++;
	return 0;
}

/* Physical address in the storage it names (the lower boot flash alias and
 * boot flash 1 are the same bytes). */
static uint32_t canonical_pa(uint32_t pa)
{
	for (size_t i = 0; i < NREGIONS; i++)
		if (pa - regions[i].base < regions[i].size)
			return pa - regions[i].base + regions[i].canonical;
	return pa;
}

static int by_canonical_pa(const void *a, const void *b)
{
	const struct image_chunk *x = *(const struct image_chunk *const *)a;
	const struct image_chunk *y = *(const struct image_chunk *const *)b;
	uint32_t px = canonical_pa(x->pa), py = canonical_pa(y->pa);
	return px < py ? -1 : px > py;
}

/* Overlapping chunks must agree byte for byte. */
static int check_overlaps(struct image *img)
{
	if (img->nchunks < 2)
		return 0;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	struct image_chunk **order = malloc(img->nchunks * sizeof *order);
	if (!order)
		return image_error(img, 0, "out of host memory");
	for (size_t i = 0; i < img->nchunks; i++)
		order[i] = &img->chunks[i];
	qsort(order, img->nchunks, sizeof *order, by_canonical_pa);   /* NOLINT(bugprone-sizeof-expression) */

	int rc = 0;
	const struct image_chunk *widest = order[0]; /* reaches furthest so far */
	for (size_t i = 1; i < img->nchunks && rc == 0; i++) {
		const struct image_chunk *c = order[i];
		uint32_t cstart = canonical_pa(c->pa);
		uint32_t wstart = canonical_pa(widest->pa);
		uint64_t wend = (uint64_t)wstart + widest->len;
		if (cstart < wend) {
			uint64_t end = (uint64_t)cstart + c->len;
			if (end > wend)
				end = wend;
			for (uint32_t a = cstart; a < end; a++) {
				if (c->data[a - cstart] != widest->data[a - wstart]) {
					uint32_t at = c->addr + (a - cstart);
					if (img->is_elf)
						rc = image_error(img, c->origin,
								 "byte at 0x%08X conflicts with program header %u",
								 at, widest->origin - 1);
					else
						rc = image_error(img, c->origin,
								 "byte at 0x%08X conflicts with line %u",
								 at, widest->origin);
					break;
				}
			}
		}
		if ((uint64_t)cstart + c->len > wend)
			widest = c;
	}
	free(order);
	return rc;
}

static void image_free(struct image *img)
{
	for (size_t i = 0; i < img->nchunks; i++)
		free(img->chunks[i].data);
	free(img->chunks);
	img->chunks = NULL;
	img->nchunks = img->cap = 0;
}

int image_load_buffer(const char *name, const uint8_t *buf, size_t len,
		      const struct image_sink *sink, char *err, size_t errlen)
{
	struct image img = { .name = name, .err = err, .errlen = errlen };
	int rc;
	if (err && errlen)
		err[0] = '\0';

	if (len == 0)
		return image_error(&img, 0, "empty file");
	if (len >= 4 && memcmp(buf, "\177ELF", 4) == 0) {
		img.is_elf = true;
		rc = image_parse_elf(&img, buf, len);
	} else if (buf[0] == ':') {
		rc = image_parse_ihex(&img, buf, len);
	} else if (buf[0] == 'S' && len >= 2 && buf[1] >= '0' && buf[1] <= '9') {
		rc = image_parse_srec(&img, buf, len);
	} else {
		rc = image_error(&img, 0, "unrecognised image format (expected ELF, Intel HEX or Motorola SREC)");
	}
	if (rc == 0 && img.nchunks == 0)
		rc = image_error(&img, 0, "image contains no data to load");
	if (rc == 0)
		rc = check_overlaps(&img);
	if (rc == 0)
		for (size_t i = 0; i < img.nchunks; i++)
			sink->write(sink->ctx, img.chunks[i].pa, img.chunks[i].data, img.chunks[i].len);
	image_free(&img);
	return rc;
}
