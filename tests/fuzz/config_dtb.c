/* SPDX-License-Identifier: Apache-2.0 */
/* config_dtb.c - fuzz harness: vzlet-config on a system devicetree blob.
 * The blob is read (dt_read.c), and a system it accepts is built (placement,
 * TLB plan, checks) and emitted (tables, linker fragment, merge plan, deps,
 * report) to /dev/null. Every VM's "elf" is replaced by one real guest image
 * (FUZZ_GUEST_ELF), and the hypervisor ELF is FUZZ_HV_ELF, so that the
 * fuzzer explores the description, not the file system. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dt_read.h"
#include "emit.h"
#include "system.h"
#include "fuzz.h"

static struct cfg_system sys;
static uint64_t blob[(1u << 20) / 8];   /* libfdt wants an aligned blob */
static FILE *sink;

void fuzz_one(const uint8_t *data, size_t len)
{
	if (!sink) {
		sink = fopen("/dev/null", "w");
		if (!sink)
			abort();
	}
	if (len > sizeof blob)
		len = sizeof blob;
	memcpy(blob, data, len);
	diag_reset(sink);
	if (dt_read_system(blob, len, "fuzz.dtb", &sys) != 0)
		return;
	for (unsigned i = 0; i < sys.nvms; i++)
		snprintf(sys.vms[i].elf_path, sizeof sys.vms[i].elf_path, "%s", FUZZ_GUEST_ELF);
	if (emit_deps(sink, &sys, "fuzz.srec") != 0)
		return;
	if (system_build(&sys) != 0)
		return;
	emit_report(sink, &sys);
	if (emit_tables(sink, &sys) != 0 || emit_linker(sink, &sys) != 0 ||
	    emit_merge(sink, &sys, FUZZ_HV_ELF) != 0) {
		fprintf(stderr, "a system that built could not be emitted: %s\n", diag_last());
		abort();
	}
}
