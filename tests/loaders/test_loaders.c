/* SPDX-License-Identifier: Apache-2.0 */
/* test_loaders.c - host unit tests for the image loaders (simulator/loaders):
 * good and malformed ELF, Intel HEX and SREC, address mapping, overlaps,
 * atomicity, random corruption (run under ASan/UBSan), and the round trip
 * ELF -> objcopy/srec_cat -> SREC/HEX giving identical memory.
 *
 * Usage: test_loaders ROUNDTRIP_DIR  (holding the files made by loaders.mk)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "machine.h"
#include "image.h"

static const char *roundtrip_dir;

/* ---- A fake chip memory behind the sink --------------------------------- */
struct fake_mem {
	uint8_t ram[PA_RAM_SIZE];
	uint8_t pflash[PA_PFLASH_SIZE];
	uint8_t boot1[PA_BOOT_SIZE];
	uint8_t boot2[PA_BOOT_SIZE];
	unsigned writes;
};

static uint8_t *fake_at(struct fake_mem *fm, uint32_t pa)
{
	if (pa < PA_RAM_SIZE)
		return &fm->ram[pa];
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE)
		return &fm->pflash[pa - PA_PFLASH_BASE];
	if (pa - PA_BOOT_BASE < PA_BOOT_SIZE)
		return &fm->boot1[pa - PA_BOOT_BASE];
	if (pa - PA_BOOT1_BASE < PA_BOOT_SIZE)
		return &fm->boot1[pa - PA_BOOT1_BASE];
	if (pa - PA_BOOT2_BASE < PA_BOOT_SIZE)
		return &fm->boot2[pa - PA_BOOT2_BASE];
	return NULL;
}

static void fake_write(void *ctx, uint32_t pa, const uint8_t *data, size_t len)
{
	struct fake_mem *fm = ctx;
	uint8_t *p = fake_at(fm, pa);
	uint8_t *q = fake_at(fm, pa + (uint32_t)len - 1);
	/* image.c promised the range lies in one memory */
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_equal(q, p + len - 1);
	memcpy(p, data, len);
	fm->writes++;
}

static struct fake_mem *fake_new(void)
{
	struct fake_mem *fm = malloc(sizeof *fm);
	assert_non_null(fm);
	memset(fm->ram, 0, sizeof fm->ram);
	memset(fm->pflash, 0xFF, sizeof fm->pflash);
	memset(fm->boot1, 0xFF, sizeof fm->boot1);
	memset(fm->boot2, 0xFF, sizeof fm->boot2);
	fm->writes = 0;
	return fm;
}

static char err[512];

static int load(struct fake_mem *fm, const char *name, const void *buf, size_t len)
{
	struct image_sink sink = { fake_write, fm };
	err[0] = '\0';
	int rc = image_load_buffer(name, buf, len, &sink, err, sizeof err);
	if (rc != 0) {
		/* every failure explains itself, starting with the file name */
		assert_int_equal(rc, -1);
		assert_true(strncmp(err, name, strlen(name)) == 0);
		assert_true(strlen(err) > strlen(name) + 2);
	}
	return rc;
}

static int load_text(struct fake_mem *fm, const char *text)
{
	return load(fm, "t.img", text, strlen(text));
}

static void expect_error(const char *text, const char *fragment)
{
	struct fake_mem *fm = fake_new();
	int rc = load_text(fm, text);
	if (rc == 0 || !strstr(err, fragment))
		fail_msg("expected an error containing '%s', got rc %d '%s'", fragment, rc, err);
	assert_int_equal(fm->writes, 0); /* nothing half-loaded */
	free(fm);
}

/* ---- ELF builder --------------------------------------------------------- */
struct seg {
	uint32_t type, vaddr, paddr, filesz, memsz;
	const void *data;
};

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Build a little-endian MIPS ET_EXEC with the given segments; returns size. */
static size_t make_elf(uint8_t *out, size_t outmax, const struct seg *segs, unsigned n)
{
	size_t off = 52 + 32 * (size_t)n;
	memset(out, 0, outmax);
	out[0] = 0x7F; /* ELF magic */
	out[1] = 'E';
	out[2] = 'L';
	out[3] = 'F';
	out[4] = 1; /* ELFCLASS32 */
	out[5] = 1; /* little endian */
	out[6] = 1;
	put16(out + 16, 2);  /* ET_EXEC */
	put16(out + 18, 8);  /* EM_MIPS */
	put32(out + 20, 1);
	put32(out + 24, 0xBFC00000);
	put32(out + 28, 52);
	put16(out + 40, 52);
	put16(out + 42, 32);
	put16(out + 44, (uint16_t)n);
	for (unsigned i = 0; i < n; i++) {
		uint8_t *ph = out + 52 + 32 * i;
		put32(ph + 0, segs[i].type);
		put32(ph + 4, (uint32_t)off);
		put32(ph + 8, segs[i].vaddr);
		put32(ph + 12, segs[i].paddr);
		put32(ph + 16, segs[i].filesz);
		put32(ph + 20, segs[i].memsz);
		assert_true(off + segs[i].filesz <= outmax);
		if (segs[i].data)
			memcpy(out + off, segs[i].data, segs[i].filesz);
		off += segs[i].filesz;
	}
	return off;
}

static uint8_t elfbuf[4096];

static size_t good_elf(void)
{
	static const struct seg segs[] = {
		{ 1, 0xBFC00000, 0xBFC00000, 8, 8, "resetvec" },
		{ 1, 0x9D001000, 0x9D001000, 4, 4, "text" },
		{ 1, 0x80000010, 0x9D002000, 4, 64, "data" },   /* LMA in flash, .bss tail */
		{ 6, 0, 0, 0, 0, NULL },                       /* PT_PHDR: ignored */
		{ 1, 0x00001000, 0x00001000, 3, 3, "phy" },    /* physical address */
	};
	return make_elf(elfbuf, sizeof elfbuf, segs, 5);
}

static void test_elf_good(void **state)
{
	(void)state;
	struct fake_mem *fm = fake_new();
	size_t n = good_elf();
	assert_int_equal(load(fm, "good.elf", elfbuf, n), 0);
	assert_memory_equal(fm->boot1, "resetvec", 8);
	assert_memory_equal(fm->pflash + 0x1000, "text", 4);
	assert_memory_equal(fm->pflash + 0x2000, "data", 4);
	assert_int_equal(fm->pflash[0x2004], 0xFF); /* memsz tail not written */
	assert_int_equal(fm->ram[0x10], 0);           /* loaded by LMA, not VMA */
	assert_memory_equal(fm->ram + 0x1000, "phy", 3);
	free(fm);
}

static void expect_elf_error(const uint8_t *buf, size_t n, const char *fragment)
{
	struct fake_mem *fm = fake_new();
	int rc = load(fm, "bad.elf", buf, n);
	if (rc == 0 || !strstr(err, fragment))
		fail_msg("expected an error containing '%s', got rc %d '%s'", fragment, rc, err);
	assert_int_equal(fm->writes, 0);
	free(fm);
}

/* A segment that starts at file offset 0 holds the ELF header as padding in
 * front of its one section (as GNU ld lays out Apache NuttX's boot flash):
 * only sections are written, so the padding neither lands in boot flash nor
 * conflicts with the reset code's segment at the same address. */
static size_t padded_elf(uint8_t *b, size_t max, bool sections)
{
	memset(b, 0, max);
	static const uint8_t magic[4] = { 0x7F, 'E', 'L', 'F' };
	static const char devcfg[8] = "devcfg!!", resetvec[8] = "resetvec"; /* no NUL: raw bytes */
	memcpy(b, magic, sizeof magic);
	b[4] = 1;
	b[5] = 1;
	b[6] = 1;
	put16(b + 16, 2);
	put16(b + 18, 8);
	put32(b + 24, 0xBFC00000);
	put32(b + 28, 52);
	put16(b + 42, 32);
	put16(b + 44, 2);
	put32(b + 52, 1);                  /* padding + "devcfg!!" at 0x1FC00100 */
	put32(b + 52 + 4, 0);
	put32(b + 52 + 8, 0x1FC00000);
	put32(b + 52 + 12, 0x1FC00000);
	put32(b + 52 + 16, 0x108);
	put32(b + 52 + 20, 0x108);
	put32(b + 84, 1);                  /* "resetvec" at the reset vector */
	put32(b + 84 + 4, 0x108);
	put32(b + 84 + 8, 0xBFC00000);
	put32(b + 84 + 12, 0xBFC00000);
	put32(b + 84 + 16, 8);
	put32(b + 84 + 20, 8);
	memcpy(b + 0x100, devcfg, sizeof devcfg);
	memcpy(b + 0x108, resetvec, sizeof resetvec);
	if (sections) {
		put32(b + 32, 0x120);      /* e_shoff: null, .devcfg, .reset */
		put16(b + 46, 40);
		put16(b + 48, 3);
		uint8_t *sh = b + 0x120 + 40;
		put32(sh + 4, 1);
		put32(sh + 8, 2);          /* SHF_ALLOC */
		put32(sh + 12, 0x1FC00100);
		put32(sh + 16, 0x100);
		put32(sh + 20, 8);
		sh += 40;
		put32(sh + 4, 1);
		put32(sh + 8, 6);          /* SHF_ALLOC | SHF_EXECINSTR */
		put32(sh + 12, 0xBFC00000);
		put32(sh + 16, 0x108);
		put32(sh + 20, 8);
	}
	return 0x120 + 3 * 40;
}

static void test_elf_sections_not_padding(void **state)
{
	(void)state;
	uint8_t b[0x200];
	struct fake_mem *fm = fake_new();
	size_t n = padded_elf(b, sizeof b, true);
	assert_int_equal(load(fm, "padded.elf", b, n), 0);
	assert_memory_equal(fm->boot1, "resetvec", 8);
	assert_memory_equal(fm->boot1 + 0x100, "devcfg!!", 8);
	assert_int_equal(fm->boot1[0x10], 0xFF);  /* header padding not written */
	free(fm);
	/* Without section headers the segments are all there is: they overlap. */
	n = padded_elf(b, sizeof b, false);
	expect_elf_error(b, n, "conflicts with program header 0");
}


static void test_elf_header_errors(void **state)
{
	(void)state;
	size_t n = good_elf();
	uint8_t b[4096];

	expect_elf_error(elfbuf, 40, "truncated ELF header");
	memcpy(b, elfbuf, n); b[4] = 2;
	expect_elf_error(b, n, "64-bit ELF");
	memcpy(b, elfbuf, n); b[4] = 7;
	expect_elf_error(b, n, "invalid ELF class 7");
	memcpy(b, elfbuf, n); b[5] = 2;
	expect_elf_error(b, n, "big-endian");
	memcpy(b, elfbuf, n); put16(b + 18, 40);
	expect_elf_error(b, n, "not a MIPS ELF (e_machine 40)");
	memcpy(b, elfbuf, n); put16(b + 16, 1);
	expect_elf_error(b, n, "relocatable object");
	memcpy(b, elfbuf, n); put16(b + 16, 3);
	expect_elf_error(b, n, "static executable");
	memcpy(b, elfbuf, n); put16(b + 44, 0);
	expect_elf_error(b, n, "no program headers");
	memcpy(b, elfbuf, n); put16(b + 42, 16);
	expect_elf_error(b, n, "program header size 16");
	expect_elf_error(elfbuf, 52 + 32 * 2, "truncated: program headers end");
	memcpy(b, elfbuf, n); put16(b + 44, 200);
	expect_elf_error(b, n, "truncated: program headers end");
}

static void test_elf_segment_errors(void **state)
{
	(void)state;
	uint8_t b[4096];
	size_t n;

	n = good_elf();
	expect_elf_error(elfbuf, n - 2, "program header 4: truncated: segment data");

	struct seg s = { 1, 0, 0x20000000, 4, 4, "abcd" };
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "is outside RAM, program flash and boot flash (physical 0x20000000)");
	s.paddr = 0xBF800000;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "SFR space");
	s.paddr = 0xC0000000;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "KSEG2/KSEG3");
	s.paddr = 0x0007FFFE;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "runs past the end of RAM");
	s.paddr = 0x9FFFFFFE;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "crosses from KSEG0 into KSEG1");
	s.paddr = 0xFFFFFFFE;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "wraps around");
	s.paddr = 0x9D000000; s.memsz = 2;
	n = make_elf(b, sizeof b, &s, 1);
	expect_elf_error(b, n, "exceeds memory size");
	struct seg empty = { 1, 0x80000000, 0x80000000, 0, 0x100, NULL };
	n = make_elf(b, sizeof b, &empty, 1);
	expect_elf_error(b, n, "no data to load");
}

/* ---- Intel HEX ------------------------------------------------------------ */
static const char good_hex[] =
	":020000041D00DD\n"                 /* base 0x1D000000 (physical) */
	":0410000001020304E2\n"
	":02000004BFC07B\n"                  /* base 0xBFC00000 (KSEG1) */
	":040000001122334452\n"
	":020000021000EC\n"                  /* segment 0x1000 -> base 0x10000 */
	":02000800ABCD7E\n"
	":04000005BFC0000078\n"
	":00000001FF\n";

static void test_ihex_good(void **state)
{
	(void)state;
	struct fake_mem *fm = fake_new();
	assert_int_equal(load_text(fm, good_hex), 0);
	assert_memory_equal(fm->pflash + 0x1000, "\x01\x02\x03\x04", 4);
	assert_memory_equal(fm->boot1, "\x11\x22\x33\x44", 4);
	assert_memory_equal(fm->ram + 0x10008, "\xAB\xCD", 2);
	free(fm);
}

static void test_ihex_crlf_and_lowercase(void **state)
{
	(void)state;
	struct fake_mem *fm = fake_new();
	assert_int_equal(load_text(fm, ":020000041d00dd\r\n:0410000001020304e2\r\n:00000001FF\r\n"), 0);
	assert_memory_equal(fm->pflash + 0x1000, "\x01\x02\x03\x04", 4);
	free(fm);
}

static void test_ihex_errors(void **state)
{
	(void)state;
	expect_error(":020000041D00DD\n:0410000001020304E3\n:00000001FF\n",
		     "t.img:2: checksum 0xE3, expected 0xE2");
	expect_error(":020000041D00DD\n:0410000001020304E2\n", "no end-of-file record");
	expect_error(":0410000001020304E2\n:00000001FF\n:00000001FF\n", "t.img:3: data after the end-of-file");
	expect_error(":04100000010203G4E2\n:00000001FF\n", "t.img:1: invalid character 'G'");
	expect_error(":0410000001020304E\n:00000001FF\n", "odd number of hex digits");
	expect_error(":0510000001020304E1\n:00000001FF\n", "byte count says 5 data bytes, record has 4");
	expect_error(":00000006FA\n:00000001FF\n", "unknown record type 0x06");
	expect_error(":0100000400FB\n:00000001FF\n", "address record needs 2 data bytes");
	expect_error(":0000\n", "record too short");
	expect_error(":02000004200 0DA\n:00000001FF\n", "invalid character ' '");
	expect_error(":020000042000DA\n:0400000001020304F2\n:00000001FF\n",
		     "t.img:2: address range 0x20000000-0x20000003 is outside RAM");
	expect_error(":020000041D00DD\n:0400000001020304F2\n:0400000005060708E2\n:00000001FF\n",
		     "t.img:3: byte at 0x1D000000 conflicts with line 2");
	expect_error(":0100000101FD\n", "end-of-file record with data");
}

static void test_ihex_identical_overlap_ok(void **state)
{
	(void)state;
	struct fake_mem *fm = fake_new();
	assert_int_equal(load_text(fm, ":020000041D00DD\n:0400000001020304F2\n"
				       ":020000041D00DD\n:0400000001020304F2\n:00000001FF\n"), 0);
	free(fm);
}

static void test_boot_alias_conflict(void **state)
{
	(void)state;
	/* 0x1FC00000 (lower alias) and 0x1FC40000 (boot flash 1) are the same bytes */
	expect_error(":020000041FC01B\n:0400000001020304F2\n"
		     ":020000041FC4"
		     "17\n:0400000009020304EA\n:00000001FF\n",
		     "conflicts with line 2");
}

/* ---- SREC ----------------------------------------------------------------- */
static const char good_srec[] =
	"S00600004844521B\n"
	"S3091D00100001020304BF\n"          /* physical program flash */
	"S309BFC0000011223344CD\n"          /* KSEG1 boot flash */
	"S2080100AA55AA55FFF9\n"            /* 24-bit: RAM 0x0100AA (KUSEG = physical) */
	"S1050020BEEF2D\n"                  /* 16-bit: RAM 0x0020 */
	"S5030004F8\n"
	"S705BFC000007B\n";

static void test_srec_good(void **state)
{
	(void)state;
	struct fake_mem *fm = fake_new();
	assert_int_equal(load_text(fm, good_srec), 0);
	assert_memory_equal(fm->pflash + 0x1000, "\x01\x02\x03\x04", 4);
	assert_memory_equal(fm->boot1, "\x11\x22\x33\x44", 4);
	assert_memory_equal(fm->ram + 0x100AA, "\x55\xAA\x55\xFF", 4);
	assert_memory_equal(fm->ram + 0x20, "\xBE\xEF", 2);
	free(fm);
}

static void test_srec_errors(void **state)
{
	(void)state;
	expect_error("S3091D00100001020304EE\nS70500000000FA\n", "t.img:1: checksum 0xEE, expected 0xBF");
	expect_error("S3091D00100001020304BF\n", "no termination record");
	expect_error("S3091D00100001020304BF\nS70500000000FA\nS70500000000FA\n",
		     "t.img:3: record after the termination");
	expect_error("S4030000FC\nS70500000000FA\n", "S4 is reserved");
	expect_error("S3091D001000010203ED\nS70500000000FA\n", "byte count says 9 bytes follow, record has 8");
	expect_error("S3091D00100001020304BF\nS5030002FA\nS70500000000FA\n",
		     "record count says 2 data records, 1 came before it");
	expect_error("S3091D00100001020304BF\nSX\n", "t.img:2: missing record type digit");
	expect_error("S3031D00DF\nS70500000000FA\n", "too short for its 4-byte address");
	expect_error("S309C0000000010203042C\nS70500000000FA\n", "KSEG2/KSEG3");
	expect_error("S3091D00100001020304BF\nhello\n", "t.img:2: record does not start with 'S'");
	expect_error("S70600000000AA4F\n", "termination record S7 carries data");
}

/* ---- Any format ------------------------------------------------------------ */
static void test_generic_errors(void **state)
{
	(void)state;
	expect_error("", "empty file");
	expect_error("hello world\n", "unrecognised image format");
	expect_error("\x7f" "EL", "unrecognised image format");
	struct fake_mem *fm = fake_new();
	static const uint8_t zeros[64];
	assert_int_equal(load(fm, "zero.bin", zeros, sizeof zeros), -1);
	assert_non_null(strstr(err, "unrecognised"));
	free(fm);
}

/* ---- Random corruption ------------------------------------------------------ */
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Mutate a copy of good in random ways many times: the loader must either
 * load or fail with a message (load() checks that), never crash or read out
 * of bounds (the test runs under AddressSanitizer). */
static void fuzz(const uint8_t *good, size_t len, unsigned rounds)
{
	struct fake_mem *fm = fake_new();
	size_t cap = len + 64;
	uint8_t *b = malloc(cap);
	assert_non_null(b);
	unsigned ok = 0, failed = 0;
	for (unsigned r = 0; r < rounds; r++) {
		memcpy(b, good, len);
		size_t n = len;
		unsigned edits = 1 + rng() % 4;
		for (unsigned e = 0; e < edits && n > 0; e++) {
			switch (rng() % 4) {
			case 0: b[rng() % n] = (uint8_t)rng(); break;             /* any byte */
			case 1: b[rng() % n] ^= (uint8_t)(1u << (rng() % 8)); break; /* one bit */
			case 2: n = rng() % n; break;                             /* truncate */
			case 3:                                                   /* insert */
				if (n < cap) {
					size_t at = rng() % n;
					memmove(b + at + 1, b + at, n - at);
					b[at] = "0123456789ABCDEF:S\n\r"[rng() % 20];
					n++;
				}
				break;
			}
		}
		uint8_t *exact = malloc(n ? n : 1); /* exact size: ASan sees overreads */
		assert_non_null(exact);
		memcpy(exact, b, n);
		if (load(fm, "fuzz", exact, n) == 0)
			ok++;
		else
			failed++;
		free(exact);
	}
	assert_true(failed > 0);
	(void)ok;
	free(b);
	free(fm);
}

static void test_fuzz_elf(void **state)
{
	(void)state;
	size_t n = good_elf();
	uint8_t *copy = malloc(n);
	assert_non_null(copy);
	memcpy(copy, elfbuf, n);
	fuzz(copy, n, 3000);
	free(copy);
}

static void test_fuzz_ihex(void **state)
{
	(void)state;
	fuzz((const uint8_t *)good_hex, strlen(good_hex), 3000);
}

static void test_fuzz_srec(void **state)
{
	(void)state;
	fuzz((const uint8_t *)good_srec, strlen(good_srec), 3000);
}

/* ---- Round trip through the real tools -------------------------------------- */
static uint8_t *read_file(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", roundtrip_dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *buf = malloc((size_t)sz + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)sz, f), (size_t)sz);
	fclose(f);
	*len = (size_t)sz;
	return buf;
}

static struct fake_mem *load_file(const char *name)
{
	size_t len;
	uint8_t *buf = read_file(name, &len);
	struct fake_mem *fm = fake_new();
	if (load(fm, name, buf, len) != 0)
		fail_msg("%s", err);
	free(buf);
	return fm;
}

static void test_roundtrip(void **state)
{
	(void)state;
	if (!roundtrip_dir)
		fail_msg("no round-trip directory given");
	struct fake_mem *ref = load_file("roundtrip.elf");
	/* the reference really holds the image's bytes */
	assert_memory_equal(ref->boot1 + 8, "\x0D\xF0\xFE\xCA" "boot flash", 14);
	assert_memory_equal(ref->pflash + 0x1000, "\x67\x45\x23\x01", 4);
	assert_memory_equal(ref->pflash + 0x2000, "\x7A\xDA\x7A\xDA\x5A", 5);
	assert_memory_equal(ref->ram + 0x40000, "\xCD\xAB\x34\x12", 4);
	static const char *const variants[] = {
		"roundtrip.srec", "roundtrip.hex", "roundtrip-phys.srec", "roundtrip-phys.hex",
	};
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		struct fake_mem *fm = load_file(variants[i]);
		if (memcmp(fm->ram, ref->ram, sizeof fm->ram) != 0 ||
		    memcmp(fm->pflash, ref->pflash, sizeof fm->pflash) != 0 ||
		    memcmp(fm->boot1, ref->boot1, sizeof fm->boot1) != 0 ||
		    memcmp(fm->boot2, ref->boot2, sizeof fm->boot2) != 0)
			fail_msg("%s does not fill memory like roundtrip.elf", variants[i]);
		free(fm);
	}
	free(ref);
}

int main(int argc, char **argv)
{
	roundtrip_dir = argc > 1 ? argv[1] : NULL;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elf_good),
		cmocka_unit_test(test_elf_header_errors),
		cmocka_unit_test(test_elf_segment_errors),
		cmocka_unit_test(test_ihex_good),
		cmocka_unit_test(test_ihex_crlf_and_lowercase),
		cmocka_unit_test(test_ihex_errors),
		cmocka_unit_test(test_ihex_identical_overlap_ok),
		cmocka_unit_test(test_boot_alias_conflict),
		cmocka_unit_test(test_srec_good),
		cmocka_unit_test(test_srec_errors),
		cmocka_unit_test(test_generic_errors),
		cmocka_unit_test(test_fuzz_elf),
		cmocka_unit_test(test_fuzz_ihex),
		cmocka_unit_test(test_fuzz_srec),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_elf_sections_not_padding),
	};
	return cmocka_run_group_tests_name("loaders", tests, NULL, NULL);
}
