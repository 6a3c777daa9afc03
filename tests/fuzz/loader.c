/* SPDX-License-Identifier: Apache-2.0 */
/* loader.c - fuzz harness: the simulator's image loaders (ELF, Intel HEX,
 * Motorola SREC; simulator/loaders) on one file's bytes. Besides memory
 * safety it checks the loaders' promise: whatever they accept is written
 * only inside RAM, program flash or a boot flash panel, and a file they
 * reject writes nothing. */
#include <stdio.h>
#include <stdlib.h>

#include "machine.h"
#include "image.h"
#include "fuzz.h"

static const struct { uint32_t base, size; } memories[] = {
	{ PA_RAM_BASE, PA_RAM_SIZE },
	{ PA_PFLASH_BASE, PA_PFLASH_SIZE },
	{ PA_BOOT_BASE, PA_BOOT_SIZE },
	{ PA_BOOT1_BASE, PA_BOOT_SIZE },
	{ PA_BOOT2_BASE, PA_BOOT_SIZE },
};

static size_t written;

static void check_sink(void *ctx, uint32_t pa, const uint8_t *data, size_t len)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof memories / sizeof memories[0]; i++) {
		if (pa - memories[i].base < memories[i].size &&
		    len <= memories[i].size - (pa - memories[i].base)) {
			volatile uint8_t sum = 0;
			for (size_t k = 0; k < len; k++)   /* every byte readable (ASan) */
				sum = (uint8_t)(sum + data[k]);
			written += len;
			return;
		}
	}
	fprintf(stderr, "loader wrote %zu bytes at 0x%08x: outside every memory\n", len, pa);
	abort();
}

void fuzz_one(const uint8_t *data, size_t len)
{
	struct image_sink sink = { check_sink, NULL };
	char err[256];

	written = 0;
	if (image_load_buffer("fuzz", data, len, &sink, err, sizeof err) != 0 && written) {
		fprintf(stderr, "loader failed (%s) after writing %zu bytes\n", err, written);
		abort();
	}
}
