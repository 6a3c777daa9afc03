/* SPDX-License-Identifier: Apache-2.0 */
/* dt_read.h - fill a cfg_system from a compiled devicetree (.dtb). */
#ifndef VZCFG_DT_READ_H
#define VZCFG_DT_READ_H

#include <libfdt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Load a .dtb file into memory (malloc'd); NULL after reporting an error. */
void *dt_load_file(const char *path, size_t *size);

/* Parse the blob. Reports every problem found through diag; returns 0 when
 * none was found, -1 otherwise. */
int dt_read_system(const void *fdt, size_t size, const char *source,
		   struct cfg_system *sys);

/* Property helpers shared by the readers (channels.c): each reports against
 * the node's path and the property's name (docs/configuration.md). */
void dt_node_path(const void *fdt, int off, char *buf, size_t len);
/* Cells of a property (*count of them); NULL if absent (an error if
 * required) or malformed (an error, *count = 0). */
const fdt32_t *dt_get_cells(const void *fdt, int off, const char *path, const char *name,
			    unsigned *count, bool required);
/* One cell: 0 read, 1 absent and optional, -1 error. */
int dt_get_u32(const void *fdt, int off, const char *path, const char *name, uint32_t *val,
	       bool required);
const char *dt_get_string(const void *fdt, int off, const char *path, const char *name,
			  bool required);
/* Unknown properties (typos) are errors; `known` ends with NULL. */
void dt_check_known_props(const void *fdt, int off, const char *path, const char *const *known);

#endif
