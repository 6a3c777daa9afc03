/* SPDX-License-Identifier: Apache-2.0 */
/* elfsyms.c - reading an ELF file's symbol table (elfsyms.h). */
#include "elfsyms.h"

#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static unsigned char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0, got;
	unsigned char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			unsigned char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	bool failed = ferror(f);
	fclose(f);
	if (!buf || failed) {
		snprintf(err, errlen, "%s: %s", path, buf ? "read error" : "out of memory");
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int elfsyms_load(const char *path, struct symtab *t, char *err, size_t errlen)
{
	size_t len;
	unsigned char *b = read_file(path, &len, err, errlen);
	if (!b)
		return -1;
	const Elf32_Ehdr *eh = (const void *)b;
	const char *bad = NULL;
	t->s = NULL;
	t->n = 0;
	if (len < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
		bad = "not a 32-bit little-endian ELF file";
	else if (eh->e_shoff == 0 || eh->e_shentsize != sizeof(Elf32_Shdr) ||
		 eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf32_Shdr) > len)
		bad = "no usable section headers";
	for (unsigned i = 0; !bad && i < eh->e_shnum; i++) {
		const Elf32_Shdr *sh = (const void *)(b + eh->e_shoff);
		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		const Elf32_Shdr *ss = &sh[sh[i].sh_link];
		if (sh[i].sh_link >= eh->e_shnum || (size_t)sh[i].sh_offset + sh[i].sh_size > len ||
		    (size_t)ss->sh_offset + ss->sh_size > len) {
			bad = "corrupt symbol table";
			break;
		}
		const Elf32_Sym *sy = (const void *)(b + sh[i].sh_offset);
		const char *str = (const char *)(b + ss->sh_offset);
		size_t n = sh[i].sh_size / sizeof *sy;
		t->s = calloc(n ? n : 1, sizeof *t->s);
		if (!t->s) {
			bad = "out of memory";
			break;
		}
		for (size_t k = 0; k < n; k++) {
			unsigned type = ELF32_ST_TYPE(sy[k].st_info);
			const char *name = sy[k].st_name < ss->sh_size ? str + sy[k].st_name : "";
			if (sy[k].st_shndx == SHN_UNDEF || sy[k].st_shndx == SHN_ABS ||
			    (type != STT_FUNC && type != STT_NOTYPE) || !name[0] ||
			    name[0] == '$' || name[0] == '.' || !memchr(name, 0, ss->sh_size - sy[k].st_name))
				continue;
			t->s[t->n].name = strdup(name);
			t->s[t->n].addr = sy[k].st_value;
			t->s[t->n].size = sy[k].st_size;
			t->n++;
		}
		break;
	}
	free(b);
	if (!bad && !t->n)
		bad = "no symbols (built without a symbol table?)";
	if (bad) {
		snprintf(err, errlen, "%s: %s", path, bad);
		free(t->s);
		t->s = NULL;
		t->n = 0;
		return -1;
	}
	qsort(t->s, t->n, sizeof *t->s, sym_cmp);
	return 0;
}

const struct sym *elfsyms_by_name(const struct symtab *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->s[i].name, name))
			return &t->s[i];
	return NULL;
}

const struct sym *elfsyms_at(const struct symtab *t, uint32_t pc)
{
	const struct sym *best = NULL;
	for (size_t i = 0; i < t->n && t->s[i].addr <= pc; i++) {
		const struct sym *s = &t->s[i];
		if (s->size ? pc - s->addr < s->size : true)
			if (!best || s->size || !best->size)
				best = s;
	}
	return best;
}
