/* SPDX-License-Identifier: Apache-2.0 */
/* elfsyms.h - the function and label symbols of a 32-bit little-endian ELF
 * file, for naming PCs (bench/hv/hvbench.c). */
#ifndef HVB_ELFSYMS_H
#define HVB_ELFSYMS_H

#include <stddef.h>
#include <stdint.h>

struct sym {
	char *name;
	uint32_t addr, size;            /* size 0: an assembly label */
};

struct symtab {
	struct sym *s;                  /* sorted by address */
	size_t n;
};

/* Returns 0, or -1 with a message naming the file in err. */
int elfsyms_load(const char *path, struct symtab *t, char *err, size_t errlen);

/* The symbol called name, or NULL. */
const struct sym *elfsyms_by_name(const struct symtab *t, const char *name);

/* The function containing pc: the sized symbol around it, else the closest
 * label below; NULL if none. */
const struct sym *elfsyms_at(const struct symtab *t, uint32_t pc);

#endif
