/* main.c - vzlet-config: system devicetree -> static tables and image plan.
 *
 *   vzlet-config [options] SYSTEM.dtb
 *     --tables FILE       C tables (vm_config.h types)
 *     --linker FILE       linker fragment (absolute symbols)
 *     --hypervisor ELF    the linked hypervisor, for --merge
 *     --merge FILE        srec_cat arguments for the merged image
 *     --report            print the placement and TLB plan
 * Exit status: 0 valid, 1 configuration error, 2 usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dt_read.h"
#include "emit.h"
#include "system.h"

static struct cfg_system the_system;

static void usage(FILE *f)
{
	fprintf(f, "usage: vzlet-config [--tables FILE] [--linker FILE] [--report]\n"
		   "                    [--hypervisor ELF --merge FILE] SYSTEM.dtb\n"
		   "Reads a system description compiled with dtc, checks it, places the\n"
		   "guests and writes the hypervisor's tables (docs/configuration.md).\n");
}

/* Write to a temporary name and rename, so a failed run leaves no partial
 * output that make would take as up to date. */
static int write_output(const char *path, const struct cfg_system *sys, const char *hv_elf,
			int (*fn)(FILE *, const struct cfg_system *, const char *))
{
	char tmp[1024];
	FILE *f;
	int rc;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f) {
		diag_error(path, NULL, "cannot create");
		return -1;
	}
	rc = fn(f, sys, hv_elf);
	if (fclose(f) != 0)
		rc = -1;
	if (rc != 0 || rename(tmp, path) != 0) {
		remove(tmp);
		if (!diag_errors())
			diag_error(path, NULL, "cannot write");
		return -1;
	}
	return 0;
}

static int do_tables(FILE *f, const struct cfg_system *sys, const char *unused)
{
	(void)unused;
	return emit_tables(f, sys);
}

static int do_linker(FILE *f, const struct cfg_system *sys, const char *unused)
{
	(void)unused;
	return emit_linker(f, sys);
}

static int do_merge(FILE *f, const struct cfg_system *sys, const char *hv_elf)
{
	return emit_merge(f, sys, hv_elf);
}

int main(int argc, char **argv)
{
	const char *tables = NULL, *linker = NULL, *merge = NULL, *hv_elf = NULL, *dtb = NULL;
	bool report = false;
	void *blob;
	size_t size;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;

		if (!strcmp(a, "--tables"))
			slot = &tables;
		else if (!strcmp(a, "--linker"))
			slot = &linker;
		else if (!strcmp(a, "--merge"))
			slot = &merge;
		else if (!strcmp(a, "--hypervisor"))
			slot = &hv_elf;
		else if (!strcmp(a, "--report"))
			report = true;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (a[0] == '-' || dtb) {
			usage(stderr);
			return 2;
		} else
			dtb = a;
		if (slot) {
			if (++i == argc) {
				usage(stderr);
				return 2;
			}
			*slot = argv[i];
		}
	}
	if (!dtb || (merge && !hv_elf)) {
		usage(stderr);
		return 2;
	}
	diag_reset(NULL);
	blob = dt_load_file(dtb, &size);
	if (!blob)
		return 1;
	if (dt_read_system(blob, size, dtb, &the_system) != 0 ||
	    system_build(&the_system) != 0) {
		free(blob);
		return 1;
	}
	free(blob);
	if (report)
		emit_report(stdout, &the_system);
	if (tables && write_output(tables, &the_system, NULL, do_tables) != 0)
		return 1;
	if (linker && write_output(linker, &the_system, NULL, do_linker) != 0)
		return 1;
	if (merge && write_output(merge, &the_system, hv_elf, do_merge) != 0)
		return 1;
	return 0;
}
