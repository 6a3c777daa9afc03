/* SPDX-License-Identifier: Apache-2.0 */
/* loader.c - vzsim_load(): read an image file and load it into the machine
 * through the format-independent checks of image.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "machine.h"
#include "image.h"

/* Larger than any image for a 2.6 MB chip could be, even as text. */
#define MAX_IMAGE_FILE (64u << 20)

static void poke_sink(void *ctx, uint32_t pa, const uint8_t *data, size_t len)
{
	vzsim_poke(ctx, pa, data, len); /* range checked by image_map_range */
}

int vzsim_load(struct machine *m, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		fclose(f);
		return -1;
	}
	if ((uint64_t)st.st_size > MAX_IMAGE_FILE) {
		snprintf(err, errlen, "%s: file too large for an image (%lld bytes)", path,
			 (long long)st.st_size);
		fclose(f);
		return -1;
	}
	size_t size = (size_t)st.st_size;
	uint8_t *buf = malloc(size ? size : 1);
	if (!buf) {
		snprintf(err, errlen, "%s: out of host memory", path);
		fclose(f);
		return -1;
	}
	size_t got = fread(buf, 1, size, f);
	int rd_err = ferror(f);
	fclose(f);
	if (rd_err || got != size) {
		snprintf(err, errlen, "%s: read error", path);
		free(buf);
		return -1;
	}
	struct image_sink sink = { poke_sink, m };
	int rc = image_load_buffer(path, buf, size, &sink, err, errlen);
	free(buf);
	return rc;
}
