/* SPDX-License-Identifier: Apache-2.0 */
/* elf.c - ELF32 little-endian MIPS executables.
 *
 * What a flash programmer writes: the contents of the allocated sections
 * (SHF_ALLOC, not NOBITS), each at its load address, i.e. what `objcopy -O
 * ihex` puts into a HEX file. A section's load address comes from the
 * PT_LOAD segment holding its file bytes: p_paddr + (sh_offset - p_offset),
 * folded from KSEG0/KSEG1 to physical (see image_map_range). GNU ld puts the
 * load address into p_paddr, so initialised data linked to run in RAM but
 * stored in flash lands in flash, as on the chip after programming. Segments
 * may also hold bytes no section owns (the ELF headers, alignment padding);
 * these are not written: Apache NuttX's boot-flash segment starts at file
 * offset 0 and would otherwise overwrite the reset code with the ELF header.
 * A file without section headers is loaded segment by segment. The
 * zero-filled tail (p_memsz > p_filesz, .bss) is never written: a program's
 * start-up code clears it, as it must on the chip.
 */
#include <inttypes.h>

#include "image.h"

#define EI_CLASS      4
#define EI_DATA       5
#define ELFCLASS32    1
#define ELFCLASS64    2
#define ELFDATA2LSB   1
#define ELFDATA2MSB   2
#define ET_REL        1
#define ET_EXEC       2
#define ET_DYN        3
#define EM_MIPS       8
#define PT_LOAD       1
#define EHDR_SIZE     52
#define PHDR_SIZE     32
#define SHDR_SIZE     40
#define SHT_NOBITS    8
#define SHF_ALLOC     2

static uint32_t le16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A table of `num` program or section headers of `entsize` bytes at `off`:
 * entries large enough, all inside the file. */
static int table_fits(struct image *img, size_t len, uint32_t off, uint32_t entsize,
		      uint32_t num, uint32_t min, const char *what)
{
	if (entsize < min)
		return image_error(img, 0, "%s header size %" PRIu32 " is smaller than %" PRIu32,
				   what, entsize, min);
	uint64_t end = (uint64_t)off + (uint64_t)num * entsize;
	if (end > len)
		return image_error(img, 0, "truncated: %s headers end at byte %" PRIu64
				   ", file has %zu bytes", what, end, len);
	return 0;
}

/* Every PT_LOAD segment's file bytes at p_paddr (already checked). */
static int load_segments(struct image *img, const uint8_t *buf, uint32_t phoff,
			 uint32_t phentsize, uint32_t phnum)
{
	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
		uint32_t filesz = le32(ph + 16);
		if (le32(ph) == PT_LOAD && filesz &&
		    image_add(img, i + 1, le32(ph + 12), buf + le32(ph + 4), filesz))
			return -1;
	}
	return 0;
}

int image_parse_elf(struct image *img, const uint8_t *buf, size_t len)
{
	if (len < EHDR_SIZE)
		return image_error(img, 0, "truncated ELF header (%zu of %d bytes)", len, EHDR_SIZE);
	if (buf[EI_CLASS] == ELFCLASS64)
		return image_error(img, 0, "64-bit ELF; the PIC32MZ needs a 32-bit (ELFCLASS32) image");
	if (buf[EI_CLASS] != ELFCLASS32)
		return image_error(img, 0, "invalid ELF class %u", buf[EI_CLASS]);
	if (buf[EI_DATA] == ELFDATA2MSB)
		return image_error(img, 0, "big-endian ELF; the PIC32MZ is little-endian (build with -EL)");
	if (buf[EI_DATA] != ELFDATA2LSB)
		return image_error(img, 0, "invalid ELF data encoding %u", buf[EI_DATA]);

	uint32_t type = le16(buf + 16), machine = le16(buf + 18);
	if (machine != EM_MIPS)
		return image_error(img, 0, "not a MIPS ELF (e_machine %" PRIu32 ")", machine);
	if (type == ET_REL)
		return image_error(img, 0, "relocatable object file; link it into an executable first");
	if (type == ET_DYN)
		return image_error(img, 0, "position-independent/shared object; link a static executable (-static -fno-pic)");
	if (type != ET_EXEC)
		return image_error(img, 0, "not an executable ELF (e_type %" PRIu32 ")", type);

	uint32_t phoff = le32(buf + 28);
	uint32_t phentsize = le16(buf + 42), phnum = le16(buf + 44);
	if (phnum == 0)
		return image_error(img, 0, "no program headers");
	if (table_fits(img, len, phoff, phentsize, phnum, PHDR_SIZE, "program"))
		return -1;
	img->has_entry = true;
	img->entry = le32(buf + 24);

	/* Segments are checked first, whether or not sections are loaded. */
	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
		unsigned origin = i + 1;
		if (le32(ph) != PT_LOAD)
			continue;
		uint32_t offset = le32(ph + 4);
		uint32_t filesz = le32(ph + 16), memsz = le32(ph + 20);
		if (filesz > memsz)
			return image_error(img, origin, "file size 0x%" PRIx32 " exceeds memory size 0x%" PRIx32,
					   filesz, memsz);
		if (filesz == 0)
			continue;
		if ((uint64_t)offset + filesz > len)
			return image_error(img, origin, "truncated: segment data at bytes %" PRIu32 "-%" PRIu64
					   " lies beyond the end of the file (%zu bytes)",
					   offset, (uint64_t)offset + filesz - 1, len);
	}

	uint32_t shoff = le32(buf + 32);
	uint32_t shentsize = le16(buf + 46), shnum = le16(buf + 48);
	if (shoff == 0 || shnum == 0)
		return load_segments(img, buf, phoff, phentsize, phnum);
	if (table_fits(img, len, shoff, shentsize, shnum, SHDR_SIZE, "section"))
		return -1;
	for (uint32_t k = 0; k < shnum; k++) {
		const uint8_t *sh = buf + shoff + (size_t)k * shentsize;
		uint32_t type = le32(sh + 4), flags = le32(sh + 8);
		uint32_t offset = le32(sh + 16), size = le32(sh + 20);
		if (!(flags & SHF_ALLOC) || type == SHT_NOBITS || size == 0)
			continue;
		/* the PT_LOAD segment whose file bytes hold the section */
		for (uint32_t i = 0; i < phnum; i++) {
			const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
			uint32_t poff = le32(ph + 4), filesz = le32(ph + 16);
			if (le32(ph) != PT_LOAD || offset < poff ||
			    (uint64_t)offset + size > (uint64_t)poff + filesz)
				continue;
			if (image_add(img, i + 1, le32(ph + 12) + (offset - poff), buf + offset, size))
				return -1;
			break;
		}
	}
	return 0;
}
