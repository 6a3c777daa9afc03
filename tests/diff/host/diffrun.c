/* SPDX-License-Identifier: Apache-2.0 */
/* diffrun.c - vzlet-diff: runs the same case blob on qemu-system-mipsel
 * (mipssim, 24Kf) and on vzlet-sim (libvzsim), and compares the final state
 * of every case: GPRs, HI/LO, FPRs/FCSR, the scratch memory and, when a case
 * ends in an exception, its cause, EPC and BadVAddr.
 *
 * See docs/testing.md for the method and how to reproduce a failure.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vzsim.h"
#include "diffgen.h"
#include "../diff_abi.h"

#define RESULT_WORDS (RB_END / 4)

struct opts {
	uint64_t seed;
	unsigned images;
	unsigned cases;
	int fp;                 /* 0 off, 1 on */
	bool dsp;               /* DSP ASE r2 cases (integer only, QEMU -cpu 74Kf) */
	bool micromips;         /* microMIPS cases (integer only, QEMU -cpu M14Kc) */
	int fr;                 /* 0, 1, or -1 = alternate per image */
	int only_case;          /* -1 = all */
	const char *driver;
	const char *blob_file;  /* directed tests: a prebuilt blob */
	const char *qemu;
	const char *keep_dir;
	const char *guest_root;  /* run the driver as a VZ guest under this root harness */
	const char *trace;       /* vzlet-sim instruction trace file */
	unsigned max_report;
	uint64_t sim_cycles;
	bool quiet;
	bool show;
};

static struct opts opt = {
	.seed = 1, .images = 1, .cases = 250, .fp = 1, .fr = -1, .only_case = -1,
	.driver = "build/target/tests/diff/diffdrv.bin", .qemu = "qemu-system-mipsel",
	.max_report = 10, .sim_cycles = 4000000000ull,
};

static uint8_t blob[DIFF_BLOB_MAX];
static uint32_t res_qemu[DIFF_MAX_CASES][RESULT_WORDS];
static uint32_t res_sim[DIFF_MAX_CASES][RESULT_WORDS];

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vzlet-diff [options]\n"
		"Differential test: random (or directed) MIPS32 cases on qemu-system-mipsel\n"
		"(-M mipssim -cpu 24Kf) and on vzlet-sim; every case's final state is compared.\n"
		"  --seed S        image seed (default 1); image i uses seed S+i\n"
		"  --images K      number of images (default 1)\n"
		"  --cases N       random cases per image, 1..%d (default 250)\n"
		"  --no-fp         integer instructions only\n"
		"  --dsp           integer and DSP ASE r2 instructions (QEMU -cpu 74Kf; implies --no-fp)\n"
		"  --micromips     microMIPS integer cases (QEMU -cpu M14Kc; implies --no-fp)\n"
		"  --fr 0|1        FPU register mode (default: alternate per image)\n"
		"  --case C        report only case C (with its code and state)\n"
		"  --blob FILE     run a prebuilt (directed) case blob instead of random cases\n"
		"  --driver FILE   driver binary for boot flash (default %s)\n"
		"  --qemu PROG     QEMU binary (default qemu-system-mipsel)\n"
		"  --keep DIR      keep the blob files in DIR\n"
		"  --trace FILE    write vzlet-sim's instruction trace to FILE (use with few cases)\n"
		"  --guest FILE    on vzlet-sim, run the driver as a VZ guest of this root harness\n"
		"                  (build/target/tests/diff/guest_root.bin)\n"
		"  --max-report N  mismatching cases reported per image (default 10)\n"
		"  --quiet         only the summary line\n"
		"  --show          with --case: print the case's code and final state even if it agrees\n"
		"Exit status: 0 all cases agree, 1 a difference, 2 usage or setup error.\n",
		DIFF_MAX_CASES, opt.driver);
}

static int parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		bool takes = true;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--no-fp")) {
			opt.fp = 0;
			takes = false;
		} else if (!strcmp(a, "--dsp")) {
			opt.dsp = true;
			opt.fp = 0;
			takes = false;
		} else if (!strcmp(a, "--micromips")) {
			opt.micromips = true;
			opt.fp = 0;
			takes = false;
		} else if (!strcmp(a, "--quiet")) {
			opt.quiet = true;
			takes = false;
		} else if (!strcmp(a, "--show")) {
			opt.show = true;
			takes = false;
		} else if (!v) {
			fprintf(stderr, "vzlet-diff: %s needs a value (or is unknown)\n", a);
			return -1;
		} else if (!strcmp(a, "--seed")) {
			opt.seed = strtoull(v, NULL, 0);
		} else if (!strcmp(a, "--images")) {
			opt.images = (unsigned)strtoul(v, NULL, 0);
		} else if (!strcmp(a, "--cases")) {
			opt.cases = (unsigned)strtoul(v, NULL, 0);
		} else if (!strcmp(a, "--fr")) {
			opt.fr = strtol(v, NULL, 0) ? 1 : 0;
		} else if (!strcmp(a, "--case")) {
			opt.only_case = (int)strtol(v, NULL, 0);
		} else if (!strcmp(a, "--blob")) {
			opt.blob_file = v;
		} else if (!strcmp(a, "--driver")) {
			opt.driver = v;
		} else if (!strcmp(a, "--qemu")) {
			opt.qemu = v;
		} else if (!strcmp(a, "--keep")) {
			opt.keep_dir = v;
		} else if (!strcmp(a, "--guest")) {
			opt.guest_root = v;
		} else if (!strcmp(a, "--trace")) {
			opt.trace = v;
		} else if (!strcmp(a, "--max-report")) {
			opt.max_report = (unsigned)strtoul(v, NULL, 0);
		} else if (!strcmp(a, "--sim-cycles")) {
			opt.sim_cycles = strtoull(v, NULL, 0);
		} else {
			fprintf(stderr, "vzlet-diff: unknown option %s (see --help)\n", a);
			return -1;
		}
		if (takes)
			i++;
	}
	if (opt.cases == 0 || opt.cases > DIFF_MAX_CASES) {
		fprintf(stderr, "vzlet-diff: --cases must be 1..%d\n", DIFF_MAX_CASES);
		return -1;
	}
	return 0;
}

static uint8_t *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "vzlet-diff: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	uint8_t *buf = malloc(max + 1);
	size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
	fclose(f);
	if (!buf)
		return NULL;
	if (n > max || n == 0) {
		fprintf(stderr, "vzlet-diff: %s: size %zu not in 1..%zu bytes\n", path, n, max);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* ---- QEMU -------------------------------------------------------------- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The QEMU CPU model: the 24Kf (64-bit FPU, legacy NaNs) unless the blob
 * uses the DSP ASE, which the 74Kf has (revision 2) and the 24Kf lacks. */
static const char *qemu_cpu = "24Kf";

static int run_qemu(const char *blob_path, unsigned ncases)
{
	static char cmd[16384];
	snprintf(cmd, sizeof cmd,
		 "timeout 120 %s -M mipssim -cpu %s -bios '%s' -nographic -monitor none "
		 "-semihosting -device loader,file='%s',addr=0x%x,force-raw=on </dev/null 2>&1",
		 opt.qemu, qemu_cpu, opt.driver, blob_path, DIFF_BLOB_PA);
	/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
	FILE *p = popen(cmd, "r");
	if (!p) {
		fprintf(stderr, "vzlet-diff: cannot start %s\n", opt.qemu);
		return -1;
	}
	static char line[RESULT_WORDS * 8 + 64];
	unsigned got = 0;
	bool begun = false, ended = false;
	char first_error[256] = "";
	while (fgets(line, sizeof line, p)) {
		if (!strncmp(line, DIFF_DUMP_BEGIN, strlen(DIFF_DUMP_BEGIN))) {
			begun = true;
			continue;
		}
		if (!strncmp(line, DIFF_DUMP_END, strlen(DIFF_DUMP_END))) {
			ended = true;
			continue;
		}
		if (!begun || ended || got >= ncases) {
			if (!first_error[0] && line[0] != '\n')
				snprintf(first_error, sizeof first_error, "%.200s", line);
			continue;
		}
		for (unsigned w = 0; w < RESULT_WORDS; w++) {
			uint32_t v = 0;
			for (unsigned d = 0; d < 8; d++) {
				int h = hexval(line[w * 8 + d]);
				if (h < 0) {
					fprintf(stderr, "vzlet-diff: bad QEMU dump line for case %u\n", got);
					pclose(p);
					return -1;
				}
				v = v << 4 | (uint32_t)h;
			}
			res_qemu[got][w] = v;
		}
		got++;
	}
	int st = pclose(p);
	if (!ended || got != ncases) {
		fprintf(stderr, "vzlet-diff: QEMU run incomplete (%u of %u cases, exit status %d)%s%s",
			got, ncases, st, first_error[0] ? ": " : "\n", first_error);
		return -1;
	}
	return 0;
}

/* ---- vzlet-sim ---------------------------------------------------------- */

static uint8_t *guest_root;
static size_t guest_root_len;

static int run_sim(const uint8_t *drv, size_t drv_len, const uint8_t *b, size_t blen,
		   unsigned ncases, uint64_t *insns)
{
	const uint32_t platform = DIFF_PLATFORM_SIM;
	struct vzsim_options so = { .quiet = true };
	FILE *trace = NULL;
	if (opt.trace) {
		trace = fopen(opt.trace, "w");
		if (!trace) {
			fprintf(stderr, "vzlet-diff: %s: %s\n", opt.trace, strerror(errno));
			return -1;
		}
		so.trace = trace;
	}
	struct machine *m = vzsim_new(&so);
	if (!m) {
		fprintf(stderr, "vzlet-diff: out of memory\n");
		if (trace)
			fclose(trace);
		return -1;
	}
	vzsim_reset(m);
	bool placed = guest_root ?
		vzsim_poke(m, 0x1FC00000u, guest_root, guest_root_len) &&
		vzsim_poke(m, DIFF_GUEST_DRIVER_PA, drv, drv_len) :
		vzsim_poke(m, 0x1FC00000u, drv, drv_len);
	if (!placed || !vzsim_poke(m, DIFF_BLOB_PA, b, blen) ||
	    !vzsim_poke(m, DIFF_PLATFORM_PA, &platform, sizeof platform)) {
		fprintf(stderr, "vzlet-diff: vzsim_poke failed\n");
		vzsim_free(m);
		return -1;
	}
	uint64_t done = 0;
	int rc = -1;
	while (done < opt.sim_cycles) {
		enum vzsim_stop st = vzsim_run(m, 20000000);
		done += 20000000;
		uint32_t mb[4];
		vzsim_peek(m, DIFF_MAILBOX_PA, mb, sizeof mb);
		if (mb[0] == 0x7E57AB1Eu && mb[1] == 1) {
			rc = 0;
			break;
		}
		if (mb[0] == 0x7E57AB1Eu && mb[1] == 2) {
			fprintf(stderr, "vzlet-diff: driver failed on vzlet-sim: id 0x%08" PRIx32 " detail 0x%08" PRIx32 "\n",
				mb[3], (uint32_t)0);
			break;
		}
		if (st == VZSIM_STOP_FATAL) {
			fprintf(stderr, "vzlet-diff: vzlet-sim stopped: %s (pc 0x%08" PRIx32 ")\n",
				vzsim_error(m), vzsim_pc(m));
			break;
		}
		if (st == VZSIM_STOP_HALT) {
			fprintf(stderr, "vzlet-diff: vzlet-sim halted before the driver finished (pc 0x%08" PRIx32 ")\n",
				vzsim_pc(m));
			break;
		}
	}
	if (rc && done >= opt.sim_cycles)
		fprintf(stderr, "vzlet-diff: vzlet-sim did not finish within %" PRIu64 " cycles (pc 0x%08" PRIx32 ")\n",
			opt.sim_cycles, vzsim_pc(m));
	if (rc == 0)
		for (unsigned i = 0; i < ncases; i++)
			vzsim_peek(m, DIFF_RESULT_PA + i * DIFF_RESULT_SIZE, res_sim[i], RB_END);
	*insns = vzsim_instructions(m);
	vzsim_free(m);
	if (trace)
		fclose(trace);
	return rc;
}

/* ---- comparison --------------------------------------------------------- */

static const char *const gpr_names[32] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4", "t5",
	"t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9", "k0", "k1",
	"gp", "sp", "fp", "ra",
};

struct diff_ctx {
	uint32_t flags;
	unsigned image;
	uint64_t image_seed;
};

static bool first_line;

static void report(const char *what, uint64_t q, uint64_t s, int width)
{
	printf("    %-10s qemu=0x%0*" PRIx64 "  sim=0x%0*" PRIx64 "\n", what, width, q, width, s);
	first_line = false;
}

static bool single_nan(uint32_t v)
{
	return (v & 0x7F800000u) == 0x7F800000u && (v & 0x007FFFFFu) != 0;
}

static bool double_nan(uint64_t v)
{
	return (v & 0x7FF0000000000000ull) == 0x7FF0000000000000ull && (v & 0x000FFFFFFFFFFFFFull) != 0;
}

/* QEMU 7.2 returns the default NaN for every NaN result in legacy-NaN mode;
 * vzlet-sim propagates a quiet NaN operand (docs/testing.md, documented
 * differences). Two FPR values that are both NaNs of the same format in the
 * same place count as equal; GPRs and memory are always compared exactly. */
static bool nan_equivalent(uint32_t flags, const uint32_t *q, const uint32_t *s, unsigned r)
{
	uint32_t ql = q[RB_FPR / 4 + 2 * r], sl = s[RB_FPR / 4 + 2 * r];
	uint32_t qh = q[RB_FPR / 4 + 2 * r + 1], sh = s[RB_FPR / 4 + 2 * r + 1];
	if (flags & DIFF_FLAG_FR1)
		return (qh == sh && single_nan(ql) && single_nan(sl)) ||
		       (double_nan((uint64_t)qh << 32 | ql) && double_nan((uint64_t)sh << 32 | sl));
	if (qh != sh)
		return false;
	if (single_nan(ql) && single_nan(sl))
		return true;
	/* FR = 0: the register may be either half of a double in an even/odd pair. */
	unsigned ev = r & ~1u;
	uint64_t qd = (uint64_t)q[RB_FPR / 4 + 2 * (ev + 1)] << 32 | q[RB_FPR / 4 + 2 * ev];
	uint64_t sd = (uint64_t)s[RB_FPR / 4 + 2 * (ev + 1)] << 32 | s[RB_FPR / 4 + 2 * ev];
	return double_nan(qd) && double_nan(sd);
}

/* Returns the number of differing items of case i. */
static unsigned compare_case(const struct diff_ctx *c, unsigned i, bool print)
{
	const uint32_t *q = res_qemu[i], *s = res_sim[i];
	unsigned n = 0;
	char name[32];
#define DIFFER(label, qv, sv, w) do { n++; if (print) report(label, qv, sv, w); } while (0)
	if (q[RB_ENTRY / 4] != s[RB_ENTRY / 4])
		DIFFER("entry", q[RB_ENTRY / 4], s[RB_ENTRY / 4], 8);
	if (q[RB_STATUS / 4] != s[RB_STATUS / 4])
		DIFFER("ended-by", q[RB_STATUS / 4], s[RB_STATUS / 4], 1);
	if (q[RB_STATUS / 4] == RB_STATUS_EXCEPTION && s[RB_STATUS / 4] == RB_STATUS_EXCEPTION) {
		/* Cause: ExcCode and BD only (IP bits reflect each machine's timer). */
		uint32_t mask = 0x8000007Cu;
		if ((q[RB_CAUSE / 4] & mask) != (s[RB_CAUSE / 4] & mask))
			DIFFER("excode/bd", q[RB_CAUSE / 4] & mask, s[RB_CAUSE / 4] & mask, 8);
		if (q[RB_EPC / 4] != s[RB_EPC / 4])
			DIFFER("epc", q[RB_EPC / 4], s[RB_EPC / 4], 8);
		unsigned exc = (q[RB_CAUSE / 4] >> 2) & 0x1F;
		if ((exc == 4 || exc == 5) && q[RB_BADVADDR / 4] != s[RB_BADVADDR / 4])
			DIFFER("badvaddr", q[RB_BADVADDR / 4], s[RB_BADVADDR / 4], 8);
	}
	for (unsigned r = 1; r < 32; r++)
		if (q[RB_GPR / 4 + r] != s[RB_GPR / 4 + r]) {
			snprintf(name, sizeof name, "r%u/%s", r, gpr_names[r]);
			DIFFER(name, q[RB_GPR / 4 + r], s[RB_GPR / 4 + r], 8);
		}
	if (q[RB_HI / 4] != s[RB_HI / 4])
		DIFFER("hi", q[RB_HI / 4], s[RB_HI / 4], 8);
	if (q[RB_LO / 4] != s[RB_LO / 4])
		DIFFER("lo", q[RB_LO / 4], s[RB_LO / 4], 8);
	if (c->flags & DIFF_FLAG_FP) {
		if (q[RB_FCSR / 4] != s[RB_FCSR / 4])
			DIFFER("fcsr", q[RB_FCSR / 4], s[RB_FCSR / 4], 8);
		for (unsigned r = 0; r < 32; r++) {
			uint64_t qv = (uint64_t)q[RB_FPR / 4 + 2 * r + 1] << 32 | q[RB_FPR / 4 + 2 * r];
			uint64_t sv = (uint64_t)s[RB_FPR / 4 + 2 * r + 1] << 32 | s[RB_FPR / 4 + 2 * r];
			if (qv != sv && !nan_equivalent(c->flags, q, s, r)) {
				snprintf(name, sizeof name, "f%u", r);
				DIFFER(name, qv, sv, 16);
			}
		}
	}
	if (c->flags & DIFF_FLAG_DSP) {
		static const char *const dsp_names[RB_DSP_WORDS] = {
			"dspcontrol", "ac1.hi", "ac1.lo", "ac2.hi", "ac2.lo", "ac3.hi", "ac3.lo",
		};
		for (unsigned w = 0; w < RB_DSP_WORDS; w++)
			if (q[RB_DSP / 4 + w] != s[RB_DSP / 4 + w])
				DIFFER(dsp_names[w], q[RB_DSP / 4 + w], s[RB_DSP / 4 + w], 8);
	}
	for (unsigned w = 0; w < DIFF_SCRATCH_SIZE / 4; w++)
		if (q[RB_SCRATCH / 4 + w] != s[RB_SCRATCH / 4 + w]) {
			snprintf(name, sizeof name, "mem+%u", w * 4);
			DIFFER(name, q[RB_SCRATCH / 4 + w], s[RB_SCRATCH / 4 + w], 8);
		}
#undef DIFFER
	return n;
}

static void repro_command(const struct diff_ctx *c, unsigned i)
{
	char guest[512] = "";
	if (opt.guest_root)
		snprintf(guest, sizeof guest, " --guest %s", opt.guest_root);
	if (opt.blob_file)
		printf("  reproduce: build/bin/vzlet-diff --blob %s%s --case %u\n", opt.blob_file, guest, i);
	else
		printf("  reproduce: build/bin/vzlet-diff --seed %" PRIu64 " --cases %u%s --fr %d%s --case %u\n",
		       c->image_seed, opt.cases,
		       (c->flags & DIFF_FLAG_MM) ? " --micromips" :
		       (c->flags & DIFF_FLAG_DSP) ? " --dsp" : (c->flags & DIFF_FLAG_FP) ? "" : " --no-fp",
		       (c->flags & DIFF_FLAG_FR1) ? 1 : 0, guest, i);
}

static void show_case(const struct diff_ctx *c, unsigned i, size_t blen, const char *blob_path)
{
	const uint8_t *ct = blob + BH_TABLE + (size_t)i * CT_SIZE;
	uint32_t entry = get32(ct + CT_ENTRY), init = get32(ct + CT_INIT);
	printf("  case %u: code 0x%08" PRIx32 "..0x%08" PRIx32 ", init block 0x%08" PRIx32 "\n",
	       i, entry, init, init);
	if (!opt.blob_file)
		printf("  case seed 0x%016" PRIx64 "\n", diffgen_case_seed(c->image_seed, i));
	const uint8_t *ib = blob + (init - DIFF_KSEG0 - DIFF_BLOB_PA);
	if (init - DIFF_KSEG0 - DIFF_BLOB_PA + IB_SIZE <= blen) {
		printf("  initial GPRs:");
		for (unsigned r = 1; r < 32; r++)
			if (r != 26 && r != 27)
				printf("%s r%u=%08" PRIx32, (r % 6 == 1) ? "\n   " : "", r, get32(ib + IB_GPR + 4 * r));
		printf("\n   hi=%08" PRIx32 " lo=%08" PRIx32, get32(ib + IB_HI), get32(ib + IB_LO));
		if (c->flags & DIFF_FLAG_DSP)
			printf(" dspcontrol=%08" PRIx32 " ac1=%08" PRIx32 "%08" PRIx32 " ac2=%08" PRIx32 "%08" PRIx32
			       " ac3=%08" PRIx32 "%08" PRIx32, get32(ib + IB_DSP), get32(ib + IB_DSP + 4),
			       get32(ib + IB_DSP + 8), get32(ib + IB_DSP + 12), get32(ib + IB_DSP + 16),
			       get32(ib + IB_DSP + 20), get32(ib + IB_DSP + 24));
		if (c->flags & DIFF_FLAG_FP) {
			printf(" fcsr=%08" PRIx32 "\n  initial FPRs:", get32(ib + IB_FCSR));
			for (unsigned r = 0; r < 32; r++)
				printf("%s f%u=%08" PRIx32 "%08" PRIx32, (r % 4 == 0) ? "\n   " : "", r,
				       get32(ib + IB_FPR + 8 * r + 4), get32(ib + IB_FPR + 8 * r));
		}
		printf("\n");
	}
	if (blob_path) {
		static char cmd[8192];
		printf("  code (objdump):\n");
		fflush(stdout);
		snprintf(cmd, sizeof cmd,
			 "mipsel-linux-gnu-objdump -D -b binary -m mips:%s -EL --adjust-vma=0x%x "
			 "--start-address=0x%" PRIx32 " --stop-address=0x%" PRIx32 " '%s' | sed -n '/^ *8/p'",
			 (c->flags & DIFF_FLAG_MM) ? "micromips" : "isa32r2",
			 DIFF_KSEG0 | DIFF_BLOB_PA, entry & ~1u, init, blob_path);
		/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
		if (system(cmd) != 0)
			printf("  (objdump failed)\n");
	}
}

static void show_final(const struct diff_ctx *c, const uint32_t *q, const char *label)
{
	printf("  final state (%s):", label);
	for (unsigned r = 1; r < 32; r++)
		printf("%s r%u=%08" PRIx32, (r % 6 == 1) ? "\n   " : "", r, q[RB_GPR / 4 + r]);
	printf("\n   hi=%08" PRIx32 " lo=%08" PRIx32, q[RB_HI / 4], q[RB_LO / 4]);
	if (c->flags & DIFF_FLAG_DSP)
		printf(" dspcontrol=%08" PRIx32 " ac1=%08" PRIx32 "%08" PRIx32 " ac2=%08" PRIx32 "%08" PRIx32
		       " ac3=%08" PRIx32 "%08" PRIx32, q[RB_DSP / 4], q[RB_DSP / 4 + 1], q[RB_DSP / 4 + 2],
		       q[RB_DSP / 4 + 3], q[RB_DSP / 4 + 4], q[RB_DSP / 4 + 5], q[RB_DSP / 4 + 6]);
	if (q[RB_STATUS / 4] == RB_STATUS_EXCEPTION)
		printf(" cause=%08" PRIx32 " epc=%08" PRIx32 " badvaddr=%08" PRIx32,
		       q[RB_CAUSE / 4], q[RB_EPC / 4], q[RB_BADVADDR / 4]);
	if (c->flags & DIFF_FLAG_FP) {
		printf(" fcsr=%08" PRIx32, q[RB_FCSR / 4]);
		for (unsigned r = 0; r < 32; r++)
			printf("%s f%u=%08" PRIx32 "%08" PRIx32, (r % 4 == 0) ? "\n   " : "", r,
			       q[RB_FPR / 4 + 2 * r + 1], q[RB_FPR / 4 + 2 * r]);
	}
	printf("\n   scratch:");
	for (unsigned w = 0; w < DIFF_SCRATCH_SIZE / 4; w++)
		printf("%s %08" PRIx32, (w % 8 == 0) ? "\n   " : "", q[RB_SCRATCH / 4 + w]);
	printf("\n");
}

/* How the cases of an image ended (QEMU's view), to see the generator's mix. */
static void print_endings(const struct diff_ctx *c, unsigned ncases)
{
	static const char *const names[32] = {
		[4] = "AdEL", [5] = "AdES", [8] = "Sys", [9] = "Bp", [10] = "RI", [11] = "CpU",
		[12] = "Ov", [13] = "Tr", [15] = "FPE",
	};
	unsigned exits = 0, exc[32] = { 0 };
	for (unsigned i = 0; i < ncases; i++) {
		if (res_qemu[i][RB_STATUS / 4] == RB_STATUS_EXCEPTION)
			exc[(res_qemu[i][RB_CAUSE / 4] >> 2) & 0x1F]++;
		else
			exits++;
	}
	if (opt.blob_file)
		printf("%s", opt.blob_file);
	else
		printf("image seed %" PRIu64, c->image_seed);
	printf("%s: %u cases, %u ran to the end;",
	       (c->flags & DIFF_FLAG_FP) ? ((c->flags & DIFF_FLAG_FR1) ? " (FPU, FR=1)" : " (FPU, FR=0)") : "",
	       ncases, exits);
	for (unsigned e = 0; e < 32; e++)
		if (exc[e])
			printf(" %s %u", names[e] ? names[e] : "exc", exc[e]);
	printf("\n");
}

static const char *ending(const uint32_t *r)
{
	static char buf[2][96];
	static unsigned which;
	char *b = buf[which++ & 1];
	if (r[RB_STATUS / 4] == RB_STATUS_EXCEPTION)
		snprintf(b, sizeof buf[0], "exception (ExcCode %" PRIu32 "%s, EPC 0x%08" PRIx32 ")",
			 (r[RB_CAUSE / 4] >> 2) & 0x1F, (r[RB_CAUSE / 4] & 0x80000000u) ? ", BD" : "",
			 r[RB_EPC / 4]);
	else
		snprintf(b, sizeof buf[0], "ran to the end");
	return b;
}

static int run_image(unsigned image, const uint8_t *drv, size_t drv_len,
		     unsigned *cases_run, unsigned *cases_bad, uint64_t *sim_insns)
{
	struct diff_ctx c = { .image = image, .image_seed = opt.seed + image };
	char err[256];
	size_t blen;
	unsigned ncases;
	if (opt.blob_file) {
		uint8_t *b = read_file(opt.blob_file, DIFF_BLOB_MAX, &blen);
		if (!b)
			return -1;
		memcpy(blob, b, blen);
		free(b);
		if (blen < BH_TABLE || get32(blob + BH_MAGIC) != DIFF_BLOB_MAGIC) {
			fprintf(stderr, "vzlet-diff: %s is not a case blob (bad magic)\n", opt.blob_file);
			return -1;
		}
		ncases = get32(blob + BH_NCASES);
		if (ncases == 0 || ncases > DIFF_MAX_CASES) {
			fprintf(stderr, "vzlet-diff: %s: bad case count %u\n", opt.blob_file, ncases);
			return -1;
		}
	} else {
		struct diffgen_opts go = {
			.seed = c.image_seed, .ncases = opt.cases, .fp = opt.fp != 0,
			.fr1 = opt.fr < 0 ? (image & 1) != 0 : opt.fr == 1, .dsp = opt.dsp,
			.micromips = opt.micromips,
		};
		blen = diffgen_build(&go, blob, err, sizeof err);
		if (!blen) {
			fprintf(stderr, "vzlet-diff: %s\n", err);
			return -1;
		}
		ncases = opt.cases;
	}
	c.flags = get32(blob + BH_FLAGS);
	/* microMIPS: the M14Kc (MIPS32r2 + microMIPS, no FPU, no DSP ASE). */
	qemu_cpu = (c.flags & DIFF_FLAG_MM) ? "M14Kc" : (c.flags & DIFF_FLAG_DSP) ? "74Kf" : "24Kf";

	char path[4096];
	if (opt.keep_dir)
		snprintf(path, sizeof path, "%s/blob-%" PRIu64 ".bin", opt.keep_dir, c.image_seed);
	else
		snprintf(path, sizeof path, "/tmp/vzlet-diff-%d-%u.bin", (int)getpid(), image);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(blob, 1, blen, f) != blen || fclose(f) != 0) {
		fprintf(stderr, "vzlet-diff: cannot write %s\n", path);
		return -1;
	}
	int rq = run_qemu(path, ncases);
	int rs = rq ? -1 : run_sim(drv, drv_len, blob, blen, ncases, sim_insns);
	int rc = 0;
	if (rq || rs) {
		rc = -1;
	} else {
		unsigned reported = 0;
		if (!opt.quiet && opt.only_case < 0)
			print_endings(&c, ncases);
		for (unsigned i = 0; i < ncases; i++) {
			if (opt.only_case >= 0 && (unsigned)opt.only_case != i)
				continue;
			(*cases_run)++;
			bool detail = opt.only_case >= 0;
			if (compare_case(&c, i, false) == 0) {
				if (detail)
					printf("case %u: qemu and vzlet-sim agree (ended by %s)\n", i,
					       res_qemu[i][RB_STATUS / 4] == RB_STATUS_EXCEPTION ? "exception" : "exit");
				if (detail && opt.show) {
					show_case(&c, i, blen, path);
					show_final(&c, res_qemu[i], "both");
				}
				continue;
			}
			(*cases_bad)++;
			if (reported++ >= opt.max_report)
				continue;
			if (opt.blob_file)
				printf("MISMATCH %s case %u: qemu %s, sim %s\n", opt.blob_file, i,
				       ending(res_qemu[i]), ending(res_sim[i]));
			else
				printf("MISMATCH image seed %" PRIu64 " case %u: qemu %s, sim %s\n", c.image_seed, i,
				       ending(res_qemu[i]), ending(res_sim[i]));
			compare_case(&c, i, true);
			repro_command(&c, i);
			if (detail) {
				show_case(&c, i, blen, path);
				show_final(&c, res_qemu[i], "qemu");
				show_final(&c, res_sim[i], "vzlet-sim");
			}
		}
	}
	if (!opt.keep_dir)
		unlink(path);
	return rc;
}

int main(int argc, char **argv)
{
	if (parse_args(argc, argv))
		return 2;
	size_t drv_len;
	uint8_t *drv = read_file(opt.driver, 0x8000, &drv_len);
	if (!drv)
		return 2;
	if (opt.guest_root) {
		guest_root = read_file(opt.guest_root, 0x1000, &guest_root_len);
		if (!guest_root)
			return 2;
	}
	unsigned run = 0, bad = 0, images = opt.blob_file ? 1 : opt.images;
	uint64_t insns = 0;
	for (unsigned i = 0; i < images; i++) {
		uint64_t n = 0;
		if (run_image(i, drv, drv_len, &run, &bad, &n)) {
			fprintf(stderr, "vzlet-diff: image %u (seed %" PRIu64 ") could not be run\n", i, opt.seed + i);
			free(drv);
			return 2;
		}
		insns += n;
	}
	free(drv);
	printf("vzlet-diff: %u cases in %u image%s%s, %u differ%s (%" PRIu64 " instructions simulated)\n",
	       run, images, images == 1 ? "" : "s", guest_root ? " (vzlet-sim in VZ guest mode)" : "",
	       bad, bad == 1 ? "s" : "", insns);
	free(guest_root);
	return bad ? 1 : 0;
}
