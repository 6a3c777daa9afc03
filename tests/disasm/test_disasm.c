/* SPDX-License-Identifier: Apache-2.0 */
/* test_disasm.c - simulator/cpu/disasm.c against GNU objdump.
 *
 * Usage: test_disasm [--report] ELF...
 * Every word the ELFs' executable sections hold (harvested with
 * `objdump -d -z`) and a seeded set of random words are written to a flat
 * binary, disassembled by `objdump -D -b binary -m mips:isa32r2 -EL -M virt`
 * and by disasm() at the same addresses, and the two texts compared after
 * the normalisation docs/simulator-cli.md documents (whitespace between the
 * mnemonic and the operands). --report prints every difference and the
 * agreement rates instead of stopping at the first few. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cpu/disasm.h"
#include "disasm_test.h"


char **elf_paths;
int elf_count;
int report;

struct words {
	uint32_t *w;
	size_t n, cap;
};

static void words_add(struct words *s, uint32_t w)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4096;
		uint32_t *w2 = realloc(s->w, s->cap * sizeof *s->w);
		if (!w2)
			abort();   /* (cmocka's assert is not known to stop) */
		s->w = w2;
	}
	s->w[s->n++] = w;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Collapses every run of blanks to one space and drops trailing blanks, so
 * objdump's tab and disasm's padding compare equal. */
void normalise(const char *in, char *out, size_t len)
{
	size_t o = 0;
	int blank = 0;
	for (; *in && *in != '\n' && o + 2 < len; in++) {
		if (*in == ' ' || *in == '\t') {
			blank = 1;
			continue;
		}
		if (blank && o)
			out[o++] = ' ';
		blank = 0;
		out[o++] = *in;
	}
	out[o] = '\0';
}

/* objdump's text for each word of s at address index * 4, in order. */
static char **objdump_texts(const struct words *s)
{
	char bin[] = "/tmp/test_disasm_XXXXXX";
	char cmd[256], line[512];
	int fd = mkstemp(bin);
	FILE *f, *p;
	char **texts = calloc(s->n, sizeof *texts);
	assert_true(fd >= 0);
	assert_non_null(texts);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	for (size_t i = 0; i < s->n; i++) {
		uint8_t b[4] = { (uint8_t)s->w[i], (uint8_t)(s->w[i] >> 8),
				 (uint8_t)(s->w[i] >> 16), (uint8_t)(s->w[i] >> 24) };
		assert_int_equal(fwrite(b, 1, 4, f), 4);
	}
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof cmd,
		 OBJDUMP " -D -z -b binary -m mips:isa32r2 -EL -M virt %s", bin);
	/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p)) {
		/* "     c:\t10400010 \tbeqz\tv0,0x50" */
		unsigned long addr;
		char *tab, *text;
		/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
		if (sscanf(line, " %lx:", &addr) != 1 || !(tab = strchr(line, '\t')))
			continue;
		text = strchr(tab + 1, '\t');
		if (!text || addr % 4 || addr / 4 >= s->n)
			continue;
		texts[addr / 4] = malloc(128);
		assert_non_null(texts[addr / 4]);
		normalise(text + 1, texts[addr / 4], 128);
	}
	assert_int_equal(pclose(p), 0);
	unlink(bin);
	return texts;
}

/* ASEs the M5150 does not have (objdump -m mips:isa32r2 on a flat binary
 * enables them all): disasm shows their words as ".word" or, in the COP1
 * space, as objdump's catch-all "c1 0x...". docs/simulator-cli.md lists them. */
const char *foreign_ase(const char *ref)
{
	static const struct { const char *ase, *prefix; } mn[] = {
		{ "MSA", "bz." }, { "MSA", "bnz." },
		{ "MIPS-3D", "bc1any" }, { "MIPS-3D", "recip1." }, { "MIPS-3D", "recip2." },
		{ "MIPS-3D", "rsqrt1." }, { "MIPS-3D", "rsqrt2." }, { "MIPS-3D", "addr.ps " },
		{ "MIPS-3D", "mulr.ps " }, { "MIPS-3D", "cabs." }, { "MIPS-3D", "cvt.pw.ps " },
		{ "MIPS-3D", "cvt.ps.pw " },
		{ "MT", "fork " }, { "MT", "yield " }, { "MT", "mftr " }, { "MT", "mttr " },
		{ "MT", "mft" }, { "MT", "mtt" }, { "MT", "dmt" }, { "MT", "emt" },
		{ "MT", "dvpe" }, { "MT", "evpe" },
		{ "EVA", "lbe " }, { "EVA", "lbue " }, { "EVA", "lhe " }, { "EVA", "lhue " },
		{ "EVA", "lwe " }, { "EVA", "lle " }, { "EVA", "sbe " }, { "EVA", "she " },
		{ "EVA", "swe " }, { "EVA", "sce " }, { "EVA", "cachee " }, { "EVA", "prefe " },
		{ "EVA", "lwle " }, { "EVA", "lwre " }, { "EVA", "swle " }, { "EVA", "swre " },
		{ "MCU", "aclr " }, { "MCU", "aset " }, { "MCU", "iret" },
		{ "XPA", "mfhc0 " }, { "XPA", "mthc0 " }, { "XPA", "mfhgc0 " }, { "XPA", "mthgc0 " },
		{ "UDI", "udi" }, { "MIPS64", "dmfgc0 " }, { "MIPS64", "dmtgc0 " }, { "MSA", "lsa " }, { "SmartMIPS", "lwxs " },
		{ "SmartMIPS", "pperm " }, { "SmartMIPS", "maddp " }, { "SmartMIPS", "multp " },
		{ "SmartMIPS", "mtlhx " }, { "SmartMIPS", "mflhxu " },
		{ "MT", "cftc" }, { "MT", "cttc" },
	};
	for (size_t i = 0; i < sizeof mn / sizeof mn[0]; i++)
		if (strncmp(ref, mn[i].prefix, strlen(mn[i].prefix)) == 0)
			return mn[i].ase;
	if (strstr(ref, "$w")) /* MSA vector registers */
		return "MSA";
	return NULL;
}

static int is_placeholder(const char *mine)
{
	return strncmp(mine, ".word ", 6) == 0 || strncmp(mine, "c1 ", 3) == 0;
}

/* Compares all words; returns the number of differences. */
static size_t compare(const char *what, const struct words *s)
{
	char **ref = objdump_texts(s);
	size_t bad = 0, foreign = 0;
	for (size_t i = 0; i < s->n; i++) {
		char mine[160], norm[160];
		disasm((uint32_t)i * 4, s->w[i], mine, sizeof mine);
		normalise(mine, norm, sizeof norm);
		if (ref[i] && strcmp(ref[i], norm) != 0 && is_placeholder(norm) &&
		    foreign_ase(ref[i])) {
			foreign++;
		} else if (!ref[i] || strcmp(ref[i], norm) != 0) {
			if (report || bad < 20)
				printf("%s: %08x at 0x%zx: objdump '%s', disasm '%s'\n", what,
				       s->w[i], i * 4, ref[i] ? ref[i] : "(none)", norm);
			bad++;
		}
		free(ref[i]);
	}
	free(ref);
	printf("%s: %zu words, %zu in ASEs the M5150 lacks, %zu differ otherwise "
	       "(%.3f%% identical, %.3f%% of the rest)\n", what, s->n, foreign, bad,
	       100.0 * (double)(s->n - bad - foreign) / (double)s->n,
	       100.0 * (double)(s->n - bad - foreign) / (double)(s->n - foreign));
	return bad;
}

/* Every instruction word of the ELFs' executable sections, once each. */
static void test_program_words(void **state)
{
	struct words s = { 0 };
	char cmd[4096], line[512];
	size_t u = 0;
	(void)state;
	assert_true(elf_count > 0);
	for (int i = 0; i < elf_count; i++) {
		FILE *p;
		snprintf(cmd, sizeof cmd, OBJDUMP " -d -z %s", elf_paths[i]);
		/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
		p = popen(cmd, "r");
		assert_non_null(p);
		while (fgets(line, sizeof line, p)) {
			unsigned long addr;
			unsigned w;
			char *tab = strchr(line, '\t');
			/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
			if (sscanf(line, " %lx:", &addr) == 1 && tab &&
			    strspn(tab + 1, "0123456789abcdef") == 8 &&
			    /* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
			    sscanf(tab + 1, "%8x ", &w) == 1 && tab[9] == ' ')
				words_add(&s, w); /* (microMIPS lines: test_micromips_program) */
		}
		assert_int_equal(pclose(p), 0);
	}
	assert_true(s.n > 1000); /* the harvest itself works */
	if (!s.w)
		return;   /* (not reached: the assertion has failed the test) */
	qsort(s.w, s.n, sizeof *s.w, cmp_u32);
	for (size_t i = 0; i < s.n; i++)
		if (!u || s.w[u - 1] != s.w[i])
			s.w[u++] = s.w[i];
	s.n = u;
	assert_int_equal(compare("program words", &s), 0);
	free(s.w);
}

static uint64_t rng_state = 0x76A1E7D15A5u; /* fixed seed: reproducible */

uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/* Random words: uniform ones, and as many again with the major opcode
 * drawn from the tables that have sub-tables (and mostly-zero fields, so
 * that the strict encodings are hit too). */
static void test_random_words(void **state)
{
	static const unsigned dense_ops[] = { 0, 1, 16, 17, 19, 28, 31, 0, 17, 16 };
	struct words s = { 0 };
	(void)state;
	for (int i = 0; i < 60000; i++)
		words_add(&s, rng());
	for (int i = 0; i < 60000; i++) {
		uint32_t w = rng(), op = dense_ops[rng() % 10];
		if (i & 1)
			w &= rng() | rng() << 5; /* clear some bits */
		words_add(&s, (w & 0x03FFFFFFu) | op << 26);
	}
	assert_int_equal(compare("random words", &s), 0);
	free(s.w);
}

/* The interface itself: truncation, return value, destinations. */
static void test_interface(void **state)
{
	char small[6];
	(void)state;
	assert_int_equal(disasm(0, 0x00851021u, small, sizeof small), strlen("addu    v0,a0,a1"));
	assert_string_equal(small, "addu ");
	assert_int_equal(disasm_gpr_dest(0x00851021u), 2);    /* addu v0 */
	assert_int_equal(disasm_gpr_dest(0xAC430008u), 0);    /* sw */
	assert_int_equal(disasm_gpr_dest(0x0C000000u), 31);   /* jal */
	assert_int_equal(disasm_gpr_dest(0x8C430008u), 3);    /* lw v1 */
	assert_int_equal(disasm_gpr_dest(0x40026000u), 2);    /* mfc0 v0 */
	assert_int_equal(disasm_gpr_dest(0x40826000u), 0);    /* mtc0 */
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interface),
		cmocka_unit_test(test_program_words),
		cmocka_unit_test(test_random_words),
		cmocka_unit_test(test_micromips_directed),
		cmocka_unit_test(test_micromips_program),
		cmocka_unit_test(test_micromips_random),
	};
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "--report") == 0) {
		report = 1;
		first = 2;
	}
	elf_paths = argv + first;
	elf_count = argc - first;
	return cmocka_run_group_tests_name("disasm", tests, NULL, NULL);
}
