/* SPDX-License-Identifier: Apache-2.0 */
/* simload.c - see simload.h. */
#include "simload.h"

#include <stdio.h>

struct machine *simload_image(const char *image, char *err, size_t errlen)
{
	struct vzsim_options opt = { .quiet = true, .strict = true };
	struct machine *m = vzsim_new(&opt);
	if (!m) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (vzsim_load(m, image, err, errlen) != 0) {
		vzsim_free(m);
		return NULL;
	}
	vzsim_reset(m);
	return m;
}
