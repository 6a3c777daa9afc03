/* SPDX-License-Identifier: Apache-2.0 */
/* dt_read.h - fill a cfg_system from a compiled devicetree (.dtb). */
#ifndef VZCFG_DT_READ_H
#define VZCFG_DT_READ_H

#include <stddef.h>

#include "model.h"

/* Load a .dtb file into memory (malloc'd); NULL after reporting an error. */
void *dt_load_file(const char *path, size_t *size);

/* Parse the blob. Reports every problem found through diag; returns 0 when
 * none was found, -1 otherwise. */
int dt_read_system(const void *fdt, size_t size, const char *source,
		   struct cfg_system *sys);

#endif
