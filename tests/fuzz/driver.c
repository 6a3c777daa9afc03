/* SPDX-License-Identifier: Apache-2.0 */
/* driver.c - main() of every fuzz harness.
 *
 * Built by afl-clang-fast (__AFL_FUZZ_TESTCASE_LEN is defined): persistent
 * mode with shared-memory test cases, many inputs per process.
 * Built by a plain compiler: each argument is a file (or a directory of
 * files) run once; this is the corpus and crash-reproducer replay of
 * make test. A crash is a crash of this program (ASan/UBSan abort). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#define FUZZ_MAX_INPUT (1u << 20)

#ifdef __AFL_FUZZ_TESTCASE_LEN
#include <unistd.h>   /* read(), in the AFL macros */

__AFL_FUZZ_INIT();

int main(void)
{
	__AFL_INIT();
	const unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000)) {
		size_t len = (size_t)__AFL_FUZZ_TESTCASE_LEN;
		fuzz_one(buf, len < FUZZ_MAX_INPUT ? len : FUZZ_MAX_INPUT);
	}
	return 0;
}
#else
static uint8_t input[FUZZ_MAX_INPUT];
static unsigned runs;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t len = fread(input, 1, sizeof input, f);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "%s: read error\n", path);
		return -1;
	}
	fuzz_one(input, len);
	runs++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a directory, in name order (a stable replay). */
static int run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			char **nn = realloc(names, cap * sizeof *names);
			if (!nn) {
				rc = -1;
				break;
			}
			names = nn;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		if (!names[n]) {
			rc = -1;
			break;
		}
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...  (run each input once)\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if ((S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i])) != 0)
			return 1;
	}
	printf("%s: %u inputs, no crash\n", argv[0], runs);
	return 0;
}
#endif
