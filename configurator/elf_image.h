/* SPDX-License-Identifier: Apache-2.0 */
/* elf_image.h - a small, defensive reader for ELF32 little-endian MIPS files.
 *
 * Only what the configurator needs: the entry point and the PT_LOAD program
 * headers. Every offset and size is checked against the file, so a truncated
 * or hostile file gives an error, never a crash.
 */
#ifndef VZCFG_ELF_IMAGE_H
#define VZCFG_ELF_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define ELF_PF_X 1u
#define ELF_PF_W 2u
#define ELF_PF_R 4u

struct elf_image {
	uint32_t entry;
	struct cfg_segment segments[CFG_MAX_SEGMENTS];
	unsigned nsegments;
	/* What a programmer must write: allocated sections with contents, at
	 * their load addresses, neighbours merged. From the segments when the
	 * file has no section headers. */
	struct cfg_piece pieces[CFG_MAX_PIECES];
	unsigned npieces;
	bool has_devcfg0;             /* the image programs DEVCFG0 ... */
	uint32_t devcfg0;             /* ... with this value */
};

/* The ISA the image takes its exceptions in on a chip: microMIPS if it
 * programs DEVCFG0 with BOOTISA = 0, MIPS32 if with BOOTISA = 1; without
 * DEVCFG0, the ISA of its entry point (bit 0). */
bool elf_exc_micromips(const struct elf_image *img);

/* Guest-physical address of a KSEG0/KSEG1 (or already physical) address;
 * returns -1 for an address in a mapped segment. */
int elf_guest_physical(uint32_t addr, uint32_t *gpa);

/* Read `path`. Errors are reported against node/prop (the property that named
 * the file). Returns 0 on success, -1 after reporting an error. */
int elf_image_read(const char *path, const char *node, const char *prop,
		   struct elf_image *img);
/* The same on the file's bytes, already in memory (path names it in
 * messages). */
int elf_image_parse(const uint8_t *b, size_t len, const char *path, const char *node,
		    const char *prop, struct elf_image *img);

#endif
