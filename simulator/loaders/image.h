/* SPDX-License-Identifier: Apache-2.0 */
/* image.h - loading program images (ELF, Intel HEX, Motorola SREC) into the
 * chip's memories.
 *
 * A format parser turns the file into chunks (address + bytes). The chunks
 * are mapped to physical addresses, checked (inside RAM, program flash or
 * boot flash; no conflicting overlaps) and only then written through a sink,
 * so a bad image never leaves a half-loaded chip. The sink decouples the
 * loaders from the machine: vzsim_load() writes with vzsim_poke(), the unit
 * tests write into plain buffers.
 */
#ifndef VZSIM_IMAGE_H
#define VZSIM_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where checked chunks go: write len bytes at physical address pa. */
struct image_sink {
	void (*write)(void *ctx, uint32_t pa, const uint8_t *data, size_t len);
	void *ctx;
};

/* One run of bytes from the file, at the address the file gives. */
struct image_chunk {
	uint32_t addr;          /* as written in the file (virtual or physical) */
	uint32_t pa;            /* physical, filled in by image_finish */
	uint32_t len;
	uint32_t cap;           /* bytes allocated at data */
	uint8_t *data;
	unsigned origin;        /* source line (text formats) or program header index + 1 (ELF) */
};

/* Everything a parser needs while reading one file. */
struct image {
	const char *name;       /* file name for messages */
	bool is_elf;            /* origins are program headers, not lines */
	struct image_chunk *chunks;
	size_t nchunks, cap;
	bool has_entry;
	uint32_t entry;         /* start address given by the file, if any */
	char *err;
	size_t errlen;
	bool failed;
	size_t total;           /* bytes added so far (bounded) */
};

/* Record an error "name:origin: message" (first error wins); returns -1. */
int image_error(struct image *img, unsigned origin, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append bytes at a file address; contiguous bytes from the same file join
 * the previous chunk. Returns 0 or -1 (error set). */
int image_add(struct image *img, unsigned origin, uint32_t addr,
	      const uint8_t *data, size_t len);

/* Text formats: line iteration and hex digits. */
struct text_cursor {
	const uint8_t *p, *end;
	unsigned line;          /* number of the line last returned, from 1 */
};
/* Next line without its line ending (LF or CRLF); false at the end. */
bool text_next_line(struct text_cursor *c, const uint8_t **line, size_t *len);
/* Length of a line without its trailing blanks. */
size_t text_trimmed(const uint8_t *s, size_t n);
/* Value of two hex digits at s, or -1. */
int text_hex_byte(const uint8_t *s);
/* Decode ndigits hex digits into at most outmax bytes; returns the number of
 * bytes, or -1 with an error naming the line and the bad character. */
int text_hex_record(struct image *img, unsigned line, const uint8_t *digits, size_t ndigits,
		    uint8_t *out, size_t outmax);

/* Format parsers: fill img with chunks. Return 0 or -1 (error set). */
int image_parse_elf(struct image *img, const uint8_t *buf, size_t len);
int image_parse_ihex(struct image *img, const uint8_t *buf, size_t len);
int image_parse_srec(struct image *img, const uint8_t *buf, size_t len);

/* Map a file address range (len >= 1) to physical: KSEG0/KSEG1 addresses
 * (0x80000000-0xBFFFFFFF) lose their segment bits, addresses below
 * 0x80000000 are taken as physical; KSEG2/3 are rejected. Then the range
 * must lie inside one memory. Returns true, or false with the reason in why
 * (a phrase completing "address range 0x..-0x.. ..."). */
bool image_map_range(uint32_t addr, uint32_t len, uint32_t *pa, char *why, size_t whylen);

/* Detect the format, parse, check and write. name is used in messages.
 * Returns 0, or -1 with a message in err. */
int image_load_buffer(const char *name, const uint8_t *buf, size_t len,
		      const struct image_sink *sink, char *err, size_t errlen);

#endif
