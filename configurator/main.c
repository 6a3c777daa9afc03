/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - vzlet-config: system devicetree -> static tables and image plan.
 *
 *   vzlet-config [options] SYSTEM.dtb
 *     --tables FILE       C tables (vm_config.h types)
 *     --linker FILE       linker fragment (absolute symbols)
 *     --hypervisor ELF    the linked hypervisor, for --merge
 *     --merge FILE        srec_cat arguments for the merged image
 *     --report            print the placement and TLB plan
 *     --deps FILE         make rule: the --deps-target files depend on the
 *                         guest ELFs (reads only the devicetree when alone)
 *     --deps-target FILE  a target of that rule (repeatable)
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
	fprintf(f, "usage: vzlet-config [options] SYSTEM.dtb\n"
		   "Reads a system description compiled with dtc, checks it, places the\n"
		   "guests and writes the hypervisor's tables (docs/configuration.md).\n"
		   "Without output options it only checks the system.\n"
		   "  --tables FILE       C tables for the hypervisor (vm_tables.c)\n"
		   "  --linker FILE       linker fragment: where each guest really lives\n"
		   "  --hypervisor ELF    the linked hypervisor (needed by --merge)\n"
		   "  --merge FILE        srec_cat arguments: srec_cat @FILE -o image.srec\n"
		   "  --report            print the placement and the TLB plan\n"
		   "  --deps FILE         write a make rule: each --deps-target depends on\n"
		   "                      the guest ELFs the system names; alone, it reads\n"
		   "                      only the devicetree (the ELFs need not exist)\n"
		   "  --deps-target FILE  a target of that rule (repeatable, at least one)\n"
		   "  -h, --help          this text\n"
		   "Exit status: 0 valid, 1 configuration error, 2 usage error.\n");
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

static int do_deps(FILE *f, const struct cfg_system *sys, const char *targets)
{
	return emit_deps(f, sys, targets);
}

/* Append a --deps-target to the space-separated list; false when full. */
static bool add_target(char *list, size_t size, const char *target)
{
	size_t used = strlen(list);
	int n = snprintf(list + used, size - used, "%s%s", used ? " " : "", target);

	return n >= 0 && (size_t)n < size - used;
}

int main(int argc, char **argv)
{
	const char *tables = NULL, *linker = NULL, *merge = NULL, *hv_elf = NULL, *dtb = NULL;
	const char *deps = NULL, *target = NULL;
	static char deps_targets[4096];
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
		else if (!strcmp(a, "--deps"))
			slot = &deps;
		else if (!strcmp(a, "--deps-target"))
			slot = &target;
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
		if (slot == &target && !add_target(deps_targets, sizeof deps_targets, target)) {
			fprintf(stderr, "vzlet-config: too many --deps-target names\n");
			return 2;
		}
	}
	if (!dtb || (merge && !hv_elf) || (deps && !deps_targets[0]) || (!deps && target)) {
		usage(stderr);
		return 2;
	}
	diag_reset(NULL);
	blob = dt_load_file(dtb, &size);
	if (!blob)
		return 1;
	if (dt_read_system(blob, size, dtb, &the_system) != 0) {
		free(blob);
		return 1;
	}
	free(blob);
	if (deps && write_output(deps, &the_system, deps_targets, do_deps) != 0)
		return 1;
	/* make asks for the dependencies before the ELFs exist. */
	if (deps && !tables && !linker && !merge && !report)
		return 0;
	if (system_build(&the_system) != 0)
		return 1;
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
