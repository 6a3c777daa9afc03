/* SPDX-License-Identifier: Apache-2.0 */
/* micromips.c - disasm_micromips() against GNU objdump's microMIPS
 * disassembly (`objdump -D -b binary -m mips:micromips`): the 16- and
 * 32-bit instructions of every microMIPS program in build/ (among them
 * tests/disasm/micromips.S, one of each form), seeded random ones, and a
 * few texts checked by hand. Encodings the disassembler leaves out on
 * purpose (docs/simulator-cli.md) are counted apart, by what objdump calls
 * them; every other difference fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cpu/disasm.h"
#include "disasm_test.h"

/* The flat binary sits here: no branch target below 0 (objdump would
 * print it 64 bits wide) and none past 4 GiB. */
#define BASE 0x10000000u

struct mm_insn {
	uint32_t bits;  /* a 32-bit one's first halfword in 31:16 */
	unsigned size;  /* 2 or 4 */
	uint32_t addr;  /* where it sits in the flat binary */
};

struct mm_list {
	struct mm_insn *v;
	size_t n, cap;
};

static bool is16(uint32_t hw0) { unsigned x = (hw0 >> 10) & 7; return x >= 1 && x <= 3; }

static void add(struct mm_list *l, uint32_t bits, unsigned size)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		struct mm_insn *v = realloc(l->v, l->cap * sizeof *v);
		if (!v)
			abort();
		l->v = v;
	}
	l->v[l->n++] = (struct mm_insn){ bits, size, 0 };
}

/* The MIPS-3D ASE's FPU instructions (not on the M5150). */
static bool is_mips3d(const char *ref)
{
	static const char *const names[] = { "addr.ps", "mulr.ps", "cabs.", "recip1.", "recip2.",
		"rsqrt1.", "rsqrt2.", "cvt.pw.ps", "cvt.ps.pw" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(ref, names[i], strlen(names[i])) == 0)
			return true;
	return false;
}

/* What the M5150 lacks or the disassembler leaves out (documented), by
 * objdump's name for it; NULL for the rest. */
static const char *left_out(const struct mm_insn *in, const char *ref)
{
	static const char *const mips64[] = { "ld ", "sd ", "ldl ", "ldr ", "lld ", "lwu ", "scd ",
		"sdl ", "sdr ", "ldm ", "sdm ", "ldp ", "sdp ", "dmfc2 ", "dmtc2 " };
	static const char *const dsp[] = { "addsc ", "addwc ", "bitrev ", "insv ", "lbux ", "lhx ",
		"lwx ", "modsub ", "mthlip ", "rddsp ", "wrdsp ", "shilo ", "shilov ", "append ",
		"balign ", "prepend ", "extp ", "extpv ", "extpdp ", "extpdpv " };
	unsigned major = in->size == 4 ? in->bits >> 26 : 0;
	const char *sp = strchr(ref, ' ');
	size_t mn = sp ? (size_t)(sp - ref) : strlen(ref);
	if (major == 0x15 && is_mips3d(ref))
		return "MIPS-3D";
	if (major == 0x16 || major == 0x17)
		return "MIPS64";
	for (size_t i = 0; i < sizeof mips64 / sizeof mips64[0]; i++)
		if (strncmp(ref, mips64[i], strlen(mips64[i])) == 0)
			return "MIPS64";
	for (size_t i = 0; i < sizeof dsp / sizeof dsp[0]; i++)
		if (strncmp(ref, dsp[i], strlen(dsp[i])) == 0)
			return "DSP";
	if (strstr(ref, "$ac") || memchr(ref, '.', mn) || memchr(ref, '_', mn))
		return "DSP"; /* the integer names with '.' or '_' are all in the table */
	return foreign_ase(ref);
}

/* objdump's text for each instruction of l (laid out from BASE). */
static char **objdump_texts(struct mm_list *l)
{
	char bin[] = "/tmp/test_disasm_mm_XXXXXX";
	char cmd[320], line[512];
	int fd = mkstemp(bin);
	FILE *f, *p;
	char **texts = calloc(l->n, sizeof *texts);
	uint32_t addr = BASE;
	size_t k = 0;
	assert_true(fd >= 0);
	assert_non_null(texts);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	for (size_t i = 0; i < l->n; i++) {
		uint32_t hw[2] = { l->v[i].size == 4 ? l->v[i].bits >> 16 : l->v[i].bits, l->v[i].bits };
		unsigned halves = l->v[i].size == 4 ? 2u : 1u;
		for (unsigned h = 0; h < halves; h++) {
			uint8_t b[2] = { (uint8_t)hw[h], (uint8_t)(hw[h] >> 8) };
			assert_int_equal(fwrite(b, 1, 2, f), 2);
		}
		l->v[i].addr = addr;
		addr += l->v[i].size;
	}
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof cmd, OBJDUMP " -D -z -b binary -m mips:micromips -EL "
		 "-M cp0-names=mips32r2,hwr-names=mips32r2 --adjust-vma=0x%x %s", BASE, bin);
	/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p)) {
		/* "10000000:\t0c02      \tmove\tzero,v0" */
		unsigned long a;
		char *tab, *text;
		/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
		if (sscanf(line, " %lx:", &a) != 1 || !(tab = strchr(line, '\t')) ||
		    !(text = strchr(tab + 1, '\t')))
			continue;
		while (k < l->n && l->v[k].addr < a)
			k++;
		if (k == l->n || l->v[k].addr != a)
			continue;
		texts[k] = malloc(128);
		assert_non_null(texts[k]);
		normalise(text + 1, texts[k], 128);
	}
	assert_int_equal(pclose(p), 0);
	unlink(bin);
	return texts;
}

static size_t compare(const char *what, struct mm_list *l)
{
	char **ref = objdump_texts(l);
	size_t bad = 0, gap = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct mm_insn *in = &l->v[i];
		char mine[160], norm[160];
		disasm_micromips(in->addr, in->bits, in->size, mine, sizeof mine);
		normalise(mine, norm, sizeof norm);
		if (ref[i] && strcmp(ref[i], norm) != 0 && strncmp(norm, ".word ", 6) == 0 &&
		    left_out(in, ref[i])) {
			gap++;
		} else if (!ref[i] || strcmp(ref[i], norm) != 0) {
			if (report || bad < 20)
				printf("%s: %0*x at 0x%x: objdump '%s', disasm '%s'\n", what,
				       in->size * 2, in->bits, in->addr, ref[i] ? ref[i] : "(none)", norm);
			bad++;
		}
		free(ref[i]);
	}
	free(ref);
	printf("%s: %zu instructions, %zu in encodings left out (DSP, MIPS-3D, "
	       "MIPS64, EVA, MCU), %zu differ otherwise\n", what, l->n, gap, bad);
	return bad;
}

static int cmp_insn(const void *a, const void *b)
{
	const struct mm_insn *x = a, *y = b;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	return x->bits < y->bits ? -1 : x->bits > y->bits;
}

/* Every microMIPS instruction of the ELFs (objdump shows them as one or
 * two 4-digit halfwords), once each. */
void test_micromips_program(void **state)
{
	struct mm_list l = { 0 };
	char cmd[4096], line[512];
	size_t u = 0;
	(void)state;
	for (int i = 0; i < elf_count; i++) {
		FILE *p;
		snprintf(cmd, sizeof cmd, OBJDUMP " -d -z %s", elf_paths[i]);
		/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
		p = popen(cmd, "r");
		assert_non_null(p);
		while (fgets(line, sizeof line, p)) {
			unsigned long addr;
			unsigned h0, h1;
			char *tab = strchr(line, '\t');
			const char *hex = "0123456789abcdef";
			/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
			if (sscanf(line, " %lx:", &addr) != 1 || !tab || strspn(tab + 1, hex) != 4 ||
			    tab[5] != ' ')
				continue;
			/* NOLINTNEXTLINE(cert-err34-c): the span was checked above */
			if (sscanf(tab + 1, "%4x", &h0) != 1)
				continue;
			if (is16(h0)) {
				add(&l, h0, 2);
			} else if (strspn(tab + 6, hex) == 4 &&
				   /* NOLINTNEXTLINE(cert-err34-c): the span was checked */
				   sscanf(tab + 6, "%4x", &h1) == 1) {
				add(&l, h0 << 16 | h1, 4);
			}
		}
		assert_int_equal(pclose(p), 0);
	}
	assert_true(l.n > 200); /* the harvest itself works: micromips.S at least */
	if (!l.v)
		return;
	qsort(l.v, l.n, sizeof *l.v, cmp_insn);
	for (size_t i = 0; i < l.n; i++)
		if (!u || cmp_insn(&l.v[u - 1], &l.v[i]) != 0)
			l.v[u++] = l.v[i];
	l.n = u;
	assert_int_equal(compare("microMIPS program instructions", &l), 0);
	free(l.v);
}

/* Random instructions: 16-bit ones uniform over their major opcodes, 32-bit
 * ones half uniform, half in the pools (POOL32A/B/C/I, POOL32Axf) with
 * bits cleared so that the strict encodings come up, POOL32F (FPU) among
 * them. */
void test_micromips_random(void **state)
{
	static const unsigned pools[] = { 0x00, 0x00, 0x08, 0x18, 0x10, 0x10, 0x00, 0x15, 0x15 };
	struct mm_list l = { 0 };
	(void)state;
	for (int i = 0; i < 60000; i++) {
		uint32_t r = rng();
		unsigned major = (rng() % 8) * 8 + 1 + rng() % 3; /* low bits 1..3: 16-bit */
		add(&l, (major << 10) | (r & 0x3FF), 2);
	}
	for (int i = 0; i < 60000; i++) {
		uint32_t r = rng();
		unsigned major;
		if (i & 1) {
			major = pools[rng() % 9];
			r &= rng() | rng() << 7;
			if (major == 0 && (i & 2))
				r = (r & ~0x3Fu) | 0x3C; /* POOL32Axf */
		} else {
			do
				major = rng() % 64;
			while (is16(major << 10));
		}
		add(&l, major << 26 | (r & 0x03FFFFFFu), 4);
	}
	assert_int_equal(compare("microMIPS random instructions", &l), 0);
	free(l.v);
}

/* A few texts by hand: the ISA bit in branch and jump targets, JALX's
 * MIPS32 target, truncation, the biased 16-bit immediates. */
void test_micromips_directed(void **state)
{
	static const struct { uint32_t pc, bits; unsigned size; const char *text; } cases[] = {
		{ 0x9d000000, 0x0c02, 2, "move    zero,v0" },
		{ 0x9d000000, 0x0c00, 2, "nop" },
		{ 0x9d000000, 0xcc02, 2, "b       0x9d000007" },
		{ 0x9d000004, 0x94000004, 4, "b       0x9d000011" },
		{ 0x9d000000, 0xd4000010, 4, "j       0x98000021" },
		{ 0x9d000000, 0xf0000010, 4, "jalx    0x90000040" },
		{ 0x9d000000, 0x089f, 2, "lbu     s1,-1(s1)" },
		{ 0x9d000000, 0x2400, 2, "sll     s0,s0,8" },
		{ 0x9d000000, 0x4c01, 2, "addiu   sp,sp,1024" },
		{ 0x9d000000, 0xee7f, 2, "li      a0,-1" },
		{ 0x9d000000, 0x45e2, 2, "jalrs   v0" },
		{ 0x9d000000, 0x0000c37c | 5u << 16, 4, "hypcall 0x5" },
		{ 0x9d000000, 0xa400, 2, ".word   0xa400" },
	};
	char buf[64], small[4];
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		disasm_micromips(cases[i].pc, cases[i].bits, cases[i].size, buf, sizeof buf);
		assert_string_equal(buf, cases[i].text);
	}
	assert_int_equal(disasm_micromips(0, 0x0c02, 2, small, sizeof small), strlen("move    zero,v0"));
	assert_string_equal(small, "mov");
}
