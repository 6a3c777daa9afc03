/* SPDX-License-Identifier: Apache-2.0 */
/* elf_image.c - ELF32 LE MIPS program header reader (see elf_image.h). */
#include "elf_image.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

#define EI_NIDENT 16
#define ELF_HEADER_SIZE 52
#define ELF_PHDR_SIZE 32
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_MIPS 8
#define PT_LOAD 1
#define ELF_SHDR_SIZE 40
#define SHT_NULL 0
#define SHT_NOBITS 8
#define SHF_ALLOC 2
#define ELF_MAX_FILE (64u << 20)

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

int elf_guest_physical(uint32_t addr, uint32_t *gpa)
{
	if (addr >= 0x80000000u && addr < 0xC0000000u) {
		*gpa = addr & 0x1FFFFFFFu;
		return 0;
	}
	if (addr < 0x20000000u) {
		*gpa = addr;
		return 0;
	}
	return -1;
}

/* Read the whole file; small by construction (guest images are < 2 MB). */
static uint8_t *read_file(const char *path, size_t *len, const char *node, const char *prop)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		diag_error(node, prop, "cannot open \"%s\": %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			uint8_t *nbuf;

			if (ncap > ELF_MAX_FILE) {
				diag_error(node, prop, "\"%s\" is larger than %u MB", path,
					   ELF_MAX_FILE >> 20);
				free(buf);
				fclose(f);
				return NULL;
			}
			nbuf = realloc(buf, ncap);
			if (!nbuf) {
				diag_error(node, prop, "out of memory reading \"%s\"", path);
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nbuf;
			cap = ncap;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		diag_error(node, prop, "cannot read \"%s\"", path);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static int add_piece(struct elf_image *img, uint32_t offset, uint32_t size, uint32_t gpa,
		     bool exec, const char *path, const char *node, const char *prop)
{
	struct cfg_piece *last = img->npieces ? &img->pieces[img->npieces - 1] : NULL;

	if (last && last->offset + last->size == offset && last->gpa_load + last->size == gpa &&
	    last->exec == exec) {
		last->size += size;
		return 0;
	}
	if (img->npieces == CFG_MAX_PIECES) {
		diag_error(node, prop, "\"%s\" has more than %u separate loadable pieces", path,
			   CFG_MAX_PIECES);
		return -1;
	}
	img->pieces[img->npieces].offset = offset;
	img->pieces[img->npieces].size = size;
	img->pieces[img->npieces].gpa_load = gpa;
	img->pieces[img->npieces].exec = exec;
	img->npieces++;
	return 0;
}

static int parse_pieces(const uint8_t *b, size_t len, const char *path, const char *node,
			const char *prop, struct elf_image *img)
{
	uint32_t shoff = get32(b + 32);
	uint16_t shentsize = get16(b + 46), shnum = get16(b + 48);

	img->npieces = 0;
	if (shoff == 0 || shnum == 0) {
		/* No section headers: the segments' file contents are all we know. */
		for (unsigned i = 0; i < img->nsegments; i++) {
			const struct cfg_segment *s = &img->segments[i];

			if (s->filesz && add_piece(img, s->offset, s->filesz, s->gpa_load,
						   (s->flags & ELF_PF_X) && s->gpa_run == s->gpa_load,
						   path, node, prop) != 0)
				return -1;
		}
		return 0;
	}
	if (shentsize < ELF_SHDR_SIZE || shoff > len ||
	    (uint64_t)shnum * shentsize > len - shoff) {
		diag_error(node, prop, "\"%s\" is truncated or has corrupt section headers", path);
		return -1;
	}
	for (unsigned i = 0; i < shnum; i++) {
		const uint8_t *sh = b + shoff + (size_t)i * shentsize;
		uint32_t type = get32(sh + 4), flags = get32(sh + 8);
		uint32_t offset = get32(sh + 16), size = get32(sh + 20);
		const struct cfg_segment *seg = NULL;

		if (type == SHT_NULL || type == SHT_NOBITS || !(flags & SHF_ALLOC) || size == 0)
			continue;
		for (unsigned k = 0; k < img->nsegments; k++) {
			const struct cfg_segment *s = &img->segments[k];

			if (offset >= s->offset && (uint64_t)offset + size <= (uint64_t)s->offset + s->filesz)
				seg = s;
		}
		if (!seg) {
			diag_error(node, prop, "\"%s\": allocated section %u (offset 0x%x) is in no "
				   "loadable segment", path, i, offset);
			return -1;
		}
		if (add_piece(img, offset, size, seg->gpa_load + (offset - seg->offset),
			      (seg->flags & ELF_PF_X) && seg->gpa_run == seg->gpa_load,
			      path, node, prop) != 0)
			return -1;
	}
	return 0;
}

/* DEVCFG0 as the image stores it (pieces lie inside the file: parse_pieces
 * checked them). */
static void find_devcfg0(const uint8_t *b, struct elf_image *img)
{
	img->has_devcfg0 = false;
	img->devcfg0 = 0;
	for (unsigned i = 0; i < img->npieces; i++) {
		const struct cfg_piece *p = &img->pieces[i];

		if (p->size >= 4 && PIC32_DEVCFG0 >= p->gpa_load &&
		    PIC32_DEVCFG0 - p->gpa_load <= p->size - 4) {
			img->devcfg0 = get32(b + p->offset + (PIC32_DEVCFG0 - p->gpa_load));
			img->has_devcfg0 = true;
		}
	}
}

/* A segment's run-time range is what its allocated sections use: a segment
 * may start with bytes no section owns (GNU ld can put the ELF headers into
 * the first segment, as in Apache NuttX's boot-flash segment), and those are
 * neither stored nor used. Without section headers the segments stay whole.
 * The section headers were checked by parse_pieces. */
static void trim_segments(const uint8_t *b, struct elf_image *img)
{
	uint32_t shoff = get32(b + 32);
	uint16_t shentsize = get16(b + 46), shnum = get16(b + 48);

	if (shoff == 0 || shnum == 0)
		return;
	for (unsigned k = 0; k < img->nsegments; k++) {
		struct cfg_segment *s = &img->segments[k];
		uint64_t lo = UINT64_MAX, hi = 0;

		for (unsigned i = 0; i < shnum; i++) {
			const uint8_t *sh = b + shoff + (size_t)i * shentsize;
			uint32_t addr = get32(sh + 12), size = get32(sh + 20);

			if (!(get32(sh + 8) & SHF_ALLOC) || size == 0 || addr < s->vaddr ||
			    (uint64_t)addr + size > (uint64_t)s->vaddr + s->memsz)
				continue;
			lo = addr < lo ? addr : lo;
			hi = (uint64_t)addr + size > hi ? (uint64_t)addr + size : hi;
		}
		if (lo == UINT64_MAX)
			continue;
		uint32_t skip = (uint32_t)lo - s->vaddr;

		s->vaddr += skip;
		s->paddr += skip;
		s->gpa_run += skip;
		s->gpa_load += skip;
		/* Past the file data (the sections start in the bss part), the
		 * offset stops at the data's end: nothing is read from there. */
		s->offset += skip < s->filesz ? skip : s->filesz;
		s->filesz = s->filesz > skip ? s->filesz - skip : 0;
		s->memsz = (uint32_t)(hi - lo);
		if (s->filesz > s->memsz)
			s->filesz = s->memsz;
	}
}

int elf_image_parse(const uint8_t *b, size_t len, const char *path, const char *node,
		    const char *prop, struct elf_image *img)
{
	if (len < ELF_HEADER_SIZE || memcmp(b, "\177ELF", 4) != 0) {
		diag_error(node, prop, "\"%s\" is not an ELF file", path);
		return -1;
	}
	if (b[4] != ELFCLASS32 || b[5] != ELFDATA2LSB) {
		diag_error(node, prop, "\"%s\" is not a 32-bit little-endian ELF file", path);
		return -1;
	}
	if (get16(b + 18) != EM_MIPS) {
		diag_error(node, prop, "\"%s\" is not a MIPS ELF file (machine %u)", path,
			   get16(b + 18));
		return -1;
	}
	if (get16(b + 16) != ET_EXEC) {
		diag_error(node, prop, "\"%s\" is not an executable (ELF type %u)", path,
			   get16(b + 16));
		return -1;
	}
	uint32_t phoff = get32(b + 28);
	uint16_t phentsize = get16(b + 42), phnum = get16(b + 44);

	if (phnum == 0) {
		diag_error(node, prop, "\"%s\" has no program headers", path);
		return -1;
	}
	if (phentsize < ELF_PHDR_SIZE || phoff > len ||
	    (uint64_t)phnum * phentsize > len - phoff) {
		diag_error(node, prop, "\"%s\" is truncated or has corrupt program headers", path);
		return -1;
	}
	img->entry = get32(b + 24);
	img->nsegments = 0;
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *ph = b + phoff + (size_t)i * phentsize;
		struct cfg_segment s;

		if (get32(ph) != PT_LOAD)
			continue;
		memset(&s, 0, sizeof s);
		s.offset = get32(ph + 4);
		s.vaddr = get32(ph + 8);
		s.paddr = get32(ph + 12);
		s.filesz = get32(ph + 16);
		s.memsz = get32(ph + 20);
		s.flags = get32(ph + 24);
		if (s.memsz == 0)
			continue;
		if ((uint64_t)s.offset + s.filesz > len) {
			diag_error(node, prop, "\"%s\": segment %u lies outside the file", path, i);
			return -1;
		}
		if (s.filesz > s.memsz) {
			diag_error(node, prop, "\"%s\": segment %u: file size exceeds memory size",
				   path, i);
			return -1;
		}
		if ((uint64_t)s.vaddr + s.memsz > 0x100000000ull ||
		    (uint64_t)s.paddr + s.filesz > 0x100000000ull) {
			diag_error(node, prop, "\"%s\": segment %u wraps around the address space",
				   path, i);
			return -1;
		}
		if (elf_guest_physical(s.vaddr, &s.gpa_run) != 0 ||
		    elf_guest_physical(s.paddr, &s.gpa_load) != 0 ||
		    (uint64_t)s.gpa_run + s.memsz > 0x20000000ull ||
		    (uint64_t)s.gpa_load + s.filesz > 0x20000000ull) {
			diag_error(node, prop,
				   "\"%s\": segment %u at 0x%08x is not in KSEG0/KSEG1; "
				   "a bare-metal guest runs unmapped", path, i, s.vaddr);
			return -1;
		}
		if (img->nsegments == CFG_MAX_SEGMENTS) {
			diag_error(node, prop, "\"%s\" has more than %u loadable segments", path,
				   CFG_MAX_SEGMENTS);
			return -1;
		}
		img->segments[img->nsegments++] = s;
	}
	if (img->nsegments == 0) {
		diag_error(node, prop, "\"%s\" has no loadable segment", path);
		return -1;
	}
	if (parse_pieces(b, len, path, node, prop, img) != 0)
		return -1;
	trim_segments(b, img);
	find_devcfg0(b, img);
	return 0;
}

bool elf_exc_micromips(const struct elf_image *img)
{
	if (img->has_devcfg0)
		return !(img->devcfg0 & PIC32_DEVCFG0_BOOTISA);
	return img->entry & 1u;
}

int elf_image_read(const char *path, const char *node, const char *prop,
		   struct elf_image *img)
{
	size_t len = 0;
	uint8_t *buf = read_file(path, &len, node, prop);
	int rc;

	if (!buf)
		return -1;
	rc = elf_image_parse(buf, len, path, node, prop, img);
	free(buf);
	return rc;
}
