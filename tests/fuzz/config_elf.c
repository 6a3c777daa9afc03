/* SPDX-License-Identifier: Apache-2.0 */
/* config_elf.c - fuzz harness: vzlet-config's guest ELF reader
 * (configurator/elf_image.c) on one file's bytes. What it accepts must
 * describe the file: every segment and piece lies inside it. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "elf_image.h"
#include "fuzz.h"

static struct elf_image img;
static FILE *sink;

static void fail(const char *what, unsigned i)
{
	fprintf(stderr, "accepted ELF: %s %u outside the file\n", what, i);
	abort();
}

void fuzz_one(const uint8_t *data, size_t len)
{
	if (!sink) {
		sink = fopen("/dev/null", "w");
		if (!sink)
			abort();
	}
	diag_reset(sink);
	if (elf_image_parse(data, len, "fuzz.elf", "/vms/vm@1", "elf", &img) != 0)
		return;
	if (img.nsegments == 0 || img.nsegments > CFG_MAX_SEGMENTS ||
	    img.npieces > CFG_MAX_PIECES)
		fail("count", img.nsegments);
	for (unsigned i = 0; i < img.nsegments; i++)
		if ((uint64_t)img.segments[i].offset + img.segments[i].filesz > len ||
		    img.segments[i].filesz > img.segments[i].memsz)
			fail("segment", i);
	for (unsigned i = 0; i < img.npieces; i++)
		if ((uint64_t)img.pieces[i].offset + img.pieces[i].size > len)
			fail("piece", i);
}
