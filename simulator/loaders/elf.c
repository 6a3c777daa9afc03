/* SPDX-License-Identifier: Apache-2.0 */
/* elf.c - ELF32 little-endian MIPS executables.
 *
 * Each PT_LOAD segment's file bytes go to its physical address p_paddr
 * (folded from KSEG0/KSEG1 to physical, see image_map_range). GNU ld puts
 * the load address there, so initialised data linked to run in RAM but
 * stored in flash lands in flash, as on the chip after programming. The
 * zero-filled tail (p_memsz > p_filesz, .bss) is not written: a program's
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

static uint32_t le16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
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
	if (phentsize < PHDR_SIZE)
		return image_error(img, 0, "program header size %" PRIu32 " is smaller than %d",
				   phentsize, PHDR_SIZE);
	uint64_t phend = (uint64_t)phoff + (uint64_t)phnum * phentsize;
	if (phend > len)
		return image_error(img, 0, "truncated: program headers end at byte %" PRIu64
				   ", file has %zu bytes", phend, len);
	img->has_entry = true;
	img->entry = le32(buf + 24);

	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = buf + phoff + (size_t)i * phentsize;
		unsigned origin = i + 1;
		if (le32(ph) != PT_LOAD)
			continue;
		uint32_t offset = le32(ph + 4), paddr = le32(ph + 12);
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
		if (image_add(img, origin, paddr, buf + offset, filesz))
			return -1;
	}
	return 0;
}
