/* SPDX-License-Identifier: Apache-2.0 */
/* benchsim.c - vzlet-bench-sim: simulated MIPS of vzlet-sim against
 * qemu-system-mipsel on the same workload (bench/workload), in one run.
 *
 * vzlet-sim: the workload runs in-process through libvzsim; the wall time of
 * the vzsim_run calls and the exact retired-instruction count give MIPS.
 * QEMU: it cannot count instructions, so it runs the same binary twice, with
 * 1 and with N iterations (same code path: the checksum must match the
 * simulator's); the difference of the two wall times excludes QEMU's
 * start-up and the difference of the two instruction counts (counted exactly
 * by vzlet-sim for the same iteration counts) is the work done in between.
 * See docs/benchmarks.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "vzsim.h"
#include "../workload/bench_abi.h"

#define GUEST_RAM_PA 0x00040000u   /* where a root harness expects the guest's RAM */

struct bench_opts {
	const char *boot;
	const char *workload;
	const char *workload_mm;   /* the same workload built as microMIPS code */
	const char *guest_harness;
	const char *qemu;
	uint32_t iterations;
	unsigned repeat;        /* QEMU runs per measurement (best taken) */
	unsigned sim_repeat;    /* vzlet-sim runs per measurement (best taken) */
	bool sim_only;          /* root-mode simulator figures only (no QEMU, no guest) */
	double baseline_mips;   /* sim_mips of the build without the cache model, or 0 */
	double baseline_cpu_mips; /* ... the same on CPU time */
	double no_hooks_cpu_mips; /* sim_cpu_mips of the build without event hooks, or 0 */
	double no_hooks_guest_cpu_mips; /* ... in guest mode */
};

static struct bench_opts opt = {
	.boot = "build/target/bench/boot.bin",
	.workload = "build/target/bench/workload.bin",
	.qemu = "qemu-system-mipsel",
	.iterations = 4000,
	.repeat = 3,
	.sim_repeat = 3,
};

struct run_result {
	uint64_t insns;
	uint64_t cycles;        /* simulated core cycles */
	double seconds;         /* wall time */
	double cpu;             /* CPU time (less sensitive to other load on the host) */
	uint32_t checksum;
};

static double cpu_now(int who)
{
	struct rusage ru;
	getrusage(who, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "vzlet-bench-sim: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	uint8_t *buf = malloc(max + 1);
	size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
	fclose(f);
	if (!buf)
		return NULL;
	if (n == 0 || n > max) {
		fprintf(stderr, "vzlet-bench-sim: %s: size %zu not in 1..%zu bytes\n", path, n, max);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Runs the workload on vzlet-sim: bare (harness == NULL, with the boot stub)
 * or as a guest of a root harness image, whose guest RAM starts at
 * GUEST_RAM_PA. */
static int run_sim(const uint8_t *boot, size_t boot_len, const uint8_t *wl, size_t wl_len,
		   const char *harness, uint32_t iterations, struct run_result *out)
{
	struct vzsim_options so = { .quiet = true };
	struct machine *m = vzsim_new(&so);
	if (!m)
		return -1;
	uint32_t base = harness ? GUEST_RAM_PA : 0;
	uint32_t params[4] = { BENCH_MAGIC, iterations, BENCH_PLATFORM_SIM, 0 };
	char err[256];
	if (harness && vzsim_load(m, harness, err, sizeof err)) {
		fprintf(stderr, "vzlet-bench-sim: %s\n", err);
		vzsim_free(m);
		return -1;
	}
	vzsim_reset(m);
	if ((!harness && !vzsim_poke(m, 0x1FC00000u, boot, boot_len)) ||
	    !vzsim_poke(m, base + BENCH_LOAD_PA, wl, wl_len) ||
	    !vzsim_poke(m, base + BENCH_PARAM_PA, params, sizeof params)) {
		fprintf(stderr, "vzlet-bench-sim: cannot place the workload in simulated memory\n");
		vzsim_free(m);
		return -1;
	}
	double t = 0, c = 0;
	int rc = -1;
	for (unsigned chunk = 0; chunk < 100000; chunk++) {
		double t0 = now(), c0 = cpu_now(RUSAGE_SELF);
		enum vzsim_stop st = vzsim_run(m, 50000000);
		t += now() - t0;
		c += cpu_now(RUSAGE_SELF) - c0;
		uint32_t status = 0;
		vzsim_peek(m, base + BENCH_PARAM_PA + BP_STATUS, &status, 4);
		if (status == 1) {
			rc = 0;
			break;
		}
		if (status == 2) {
			fprintf(stderr, "vzlet-bench-sim: the workload rejected its parameters\n");
			break;
		}
		if (st == VZSIM_STOP_FATAL || st == VZSIM_STOP_HALT) {
			fprintf(stderr, "vzlet-bench-sim: simulation stopped early (%s) at pc 0x%08" PRIx32 "\n",
				st == VZSIM_STOP_FATAL ? vzsim_error(m) : "halted", vzsim_pc(m));
			break;
		}
	}
	out->insns = vzsim_instructions(m);
	out->cycles = vzsim_cycles(m);
	out->seconds = t;
	out->cpu = c;
	vzsim_peek(m, base + BENCH_PARAM_PA + BP_CHECKSUM, &out->checksum, 4);
	vzsim_free(m);
	return rc;
}

/* Keeps the shortest wall and CPU time of repeated simulator runs; the
 * instruction count and checksum are the same every time. */
static void keep_best(struct run_result *best, const struct run_result *r, bool first)
{
	if (first || r->seconds < best->seconds)
		best->seconds = r->seconds;
	if (first || r->cpu < best->cpu)
		best->cpu = r->cpu;
	best->insns = r->insns;
	best->cycles = r->cycles;
	best->checksum = r->checksum;
}

/* One QEMU run: wall time of the whole process, and the checksum it prints. */
static int run_qemu(uint32_t iterations, struct run_result *out)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd,
		 "timeout 300 %s -M mipssim -cpu 24Kf -bios '%s' -nographic -monitor none -semihosting "
		 "-device loader,file='%s',addr=0x%x,force-raw=on "
		 "-device loader,addr=0x%x,data=0x%x,data-len=4 "
		 "-device loader,addr=0x%x,data=0x%" PRIx32 ",data-len=4 "
		 "-device loader,addr=0x%x,data=%d,data-len=4 </dev/null 2>&1",
		 opt.qemu, opt.boot, opt.workload, BENCH_LOAD_PA,
		 BENCH_PARAM_PA + BP_MAGIC, BENCH_MAGIC, BENCH_PARAM_PA + BP_ITERATIONS, iterations,
		 BENCH_PARAM_PA + BP_PLATFORM, BENCH_PLATFORM_QEMU);
	double t0 = now(), c0 = cpu_now(RUSAGE_CHILDREN);
	/* NOLINTNEXTLINE(cert-env33-c): a test tool runs its tools by design */
	FILE *p = popen(cmd, "r");
	if (!p)
		return -1;
	char line[512];
	bool done = false;
	while (fgets(line, sizeof line, p)) {
		unsigned it, sum;
		/* NOLINTNEXTLINE(cert-err34-c): a tool's output; the match count is checked */
		if (sscanf(line, "BENCH-DONE %x %x", &it, &sum) == 2 && it == iterations) {
			out->checksum = sum;
			done = true;
		}
	}
	int st = pclose(p);
	out->seconds = now() - t0;
	out->cpu = cpu_now(RUSAGE_CHILDREN) - c0;
	if (!done || st != 0) {
		fprintf(stderr, "vzlet-bench-sim: QEMU run with %" PRIu32 " iterations failed (status %d)\n",
			iterations, st);
		return -1;
	}
	return 0;
}

/* Best (shortest) of opt.repeat QEMU runs. */
static int best_qemu(uint32_t iterations, struct run_result *out)
{
	unsigned repeat = opt.repeat ? opt.repeat : 1;   /* out is always set */
	for (unsigned i = 0; i < repeat; i++) {
		struct run_result r;
		if (run_qemu(iterations, &r))
			return -1;
		if (i == 0 || r.seconds < out->seconds)
			*out = r;
		if (r.cpu < out->cpu)
			out->cpu = r.cpu;
	}
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vzlet-bench-sim [--iterations N] [--repeat R] [--sim-repeat R] [--boot FILE]\n"
		"                       [--workload FILE] [--workload-mm FILE]\n"
		"                       [--qemu PROG] [--guest-harness IMAGE]\n"
		"                       [--sim-only] [--baseline-mips MIPS --baseline-cpu-mips MIPS]\n"
		"                       [--no-hooks-cpu-mips MIPS] [--no-hooks-guest-cpu-mips MIPS]\n"
		"Runs the integer workload on vzlet-sim and on qemu-system-mipsel (mipssim, 24Kf)\n"
		"and prints simulated MIPS, wall time and their ratio, and the workload's cycles\n"
		"per instruction. --sim-only prints only sim_mips (the baseline build without the\n"
		"cache model runs so, and the one without event hooks, with its guest-mode\n"
		"figure); --baseline-mips and --no-hooks-*-mips add those figures and the\n"
		"ratios. With --guest-harness, also runs it as a VZ guest of that root\n"
		"harness (see docs/benchmarks.md).\n");
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--sim-only")) {
			opt.sim_only = true;
			continue;
		}
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		}
		if (!v) {
			fprintf(stderr, "vzlet-bench-sim: %s needs a value (or is unknown)\n", argv[i]);
			return 2;
		}
		if (!strcmp(argv[i], "--iterations"))
			opt.iterations = (uint32_t)strtoul(v, NULL, 0);
		else if (!strcmp(argv[i], "--repeat"))
			opt.repeat = (unsigned)strtoul(v, NULL, 0);
		else if (!strcmp(argv[i], "--sim-repeat"))
			opt.sim_repeat = (unsigned)strtoul(v, NULL, 0);
		else if (!strcmp(argv[i], "--boot"))
			opt.boot = v;
		else if (!strcmp(argv[i], "--workload"))
			opt.workload = v;
		else if (!strcmp(argv[i], "--qemu"))
			opt.qemu = v;
		else if (!strcmp(argv[i], "--workload-mm"))
			opt.workload_mm = v;
		else if (!strcmp(argv[i], "--baseline-mips"))
			opt.baseline_mips = strtod(v, NULL);
		else if (!strcmp(argv[i], "--baseline-cpu-mips"))
			opt.baseline_cpu_mips = strtod(v, NULL);
		else if (!strcmp(argv[i], "--no-hooks-cpu-mips"))
			opt.no_hooks_cpu_mips = strtod(v, NULL);
		else if (!strcmp(argv[i], "--no-hooks-guest-cpu-mips"))
			opt.no_hooks_guest_cpu_mips = strtod(v, NULL);
		else if (!strcmp(argv[i], "--guest-harness"))
			opt.guest_harness = v[0] ? v : NULL;
		else {
			fprintf(stderr, "vzlet-bench-sim: unknown option %s\n", argv[i]);
			usage(stderr);
			return 2;
		}
		i++;
	}
	if (opt.iterations < 2 || opt.repeat < 1 || opt.sim_repeat < 1) {
		fprintf(stderr, "vzlet-bench-sim: need --iterations >= 2, --repeat >= 1, --sim-repeat >= 1\n");
		return 2;
	}
	size_t boot_len, wl_len;
	uint8_t *boot = read_file(opt.boot, 0x1000, &boot_len);
	uint8_t *wl = read_file(opt.workload, BENCH_MEM_SIZE - BENCH_LOAD_PA, &wl_len);
	if (!boot || !wl)
		return 2;

	/* Root and guest runs alternate, so that both see the same host load;
	 * the best of opt.sim_repeat is kept for each. A failing guest run is not
	 * fatal (the VZ module may be missing): guest mode is then not reported. */
	struct run_result sim1, sim = { 0 }, q1, qn, guest = { 0 }, mm = { 0 };
	bool have_guest = opt.guest_harness != NULL;
	size_t mm_len = 0;
	uint8_t *wl_mm = opt.workload_mm ?
		read_file(opt.workload_mm, BENCH_MEM_SIZE - BENCH_LOAD_PA, &mm_len) : NULL;
	if (opt.workload_mm && !wl_mm)
		return 2;
	if (run_sim(boot, boot_len, wl, wl_len, NULL, 1, &sim1))
		return 1;
	for (unsigned i = 0; i < opt.sim_repeat; i++) {
		struct run_result r;
		if (run_sim(boot, boot_len, wl, wl_len, NULL, opt.iterations, &r))
			return 1;
		keep_best(&sim, &r, i == 0);
		if (wl_mm) { /* the microMIPS build, alternating with the MIPS32 one */
			if (run_sim(boot, boot_len, wl_mm, mm_len, NULL, opt.iterations, &r))
				return 1;
			keep_best(&mm, &r, i == 0);
		}
		if (have_guest) {
			if (run_sim(boot, boot_len, wl, wl_len, opt.guest_harness, opt.iterations, &r) ||
			    r.checksum != sim.checksum)
				have_guest = false;
			else
				keep_best(&guest, &r, i == 0);
		}
	}
	if (opt.sim_only) { /* the baseline run of a build without a feature */
		printf("sim_mips: %.1f\n", (double)sim.insns / sim.seconds / 1e6);
		printf("sim_cpu_mips: %.1f\n", (double)sim.insns / sim.cpu / 1e6);
		if (have_guest)
			printf("sim_guest_cpu_mips: %.1f\n", (double)guest.insns / guest.cpu / 1e6);
		printf("sim_cycles: %" PRIu64 " for %" PRIu64 " instructions\n", sim.cycles, sim.insns);
		free(boot);
		free(wl);
		free(wl_mm);
		return 0;
	}
	if (best_qemu(1, &q1) || best_qemu(opt.iterations, &qn))
		return 1;
	if (q1.checksum != sim1.checksum || qn.checksum != sim.checksum) {
		fprintf(stderr, "vzlet-bench-sim: checksums differ (sim 0x%08" PRIx32 "/0x%08" PRIx32
			", qemu 0x%08" PRIx32 "/0x%08" PRIx32 "): not the same work\n",
			sim1.checksum, sim.checksum, q1.checksum, qn.checksum);
		return 1;
	}
	double sim_mips = (double)sim.insns / sim.seconds / 1e6;
	uint64_t q_insns = sim.insns - sim1.insns;
	double q_seconds = qn.seconds - q1.seconds;
	if (q_seconds <= 0) {
		fprintf(stderr, "vzlet-bench-sim: QEMU time difference not positive; raise --iterations\n");
		return 1;
	}
	double qemu_mips = (double)q_insns / q_seconds / 1e6;

	double sim_cpu_mips = (double)sim.insns / sim.cpu / 1e6;
	double q_cpu = qn.cpu - q1.cpu;
	double qemu_cpu_mips = q_cpu > 0 ? (double)q_insns / q_cpu / 1e6 : 0;

	printf("vzlet benchmark: integer workload (list, matrix, CRC-32, tokenizer, quicksort), "
	       "%" PRIu32 " iterations, checksum 0x%08" PRIx32 "\n", opt.iterations, sim.checksum);
	printf("  %-36s %14s %9s %9s %9s %9s\n", "", "instructions", "wall s", "MIPS", "cpu s", "MIPS/cpu");
	printf("  %-36s %14" PRIu64 " %9.3f %9.1f %9.3f %9.1f\n", "vzlet-sim (root mode)", sim.insns,
	       sim.seconds, sim_mips, sim.cpu, sim_cpu_mips);
	printf("  %-36s %14" PRIu64 " %9.3f %9.1f %9.3f %9.1f\n", "qemu-system-mipsel 24Kf (N-1 iter.)",
	       q_insns, q_seconds, qemu_mips, q_cpu, qemu_cpu_mips);
	printf("  QEMU: best of %u runs each with 1 and %" PRIu32 " iterations: %.3f s and %.3f s wall;"
	       " vzlet-sim: best of %u runs\n", opt.repeat, opt.iterations, q1.seconds, qn.seconds, opt.sim_repeat);
	if (qemu_cpu_mips > 0)
		printf("  ratio on CPU time (less sensitive to host load): %.3f\n", sim_cpu_mips / qemu_cpu_mips);
	printf("  200 MHz PIC32MZ in real time = 200 MIPS at 1 instruction/cycle\n");

	if (opt.guest_harness) {
		if (have_guest) {
			printf("  %-36s %14" PRIu64 " %9.3f %9.1f %9.3f %9.1f\n", "vzlet-sim (guest under root harness)",
			       guest.insns, guest.seconds, (double)guest.insns / guest.seconds / 1e6, guest.cpu,
			       (double)guest.insns / guest.cpu / 1e6);
			printf("  guest/root on CPU time (less sensitive to host load): %.3f\n",
			       ((double)guest.insns / guest.cpu) / ((double)sim.insns / sim.cpu));
		} else {
			/* Not fatal: the root-mode figures stand; the VZ module may not be
			 * in the simulator yet (then the harness stops at its first MTGC0). */
			printf("  guest mode: not measured (the run under %s did not finish with the right checksum)\n",
			       opt.guest_harness);
		}
	} else {
		printf("  guest mode: not measured (no root harness given; see docs/benchmarks.md)\n");
	}
	if (wl_mm) {
		if (mm.checksum != sim.checksum) {
			fprintf(stderr, "vzlet-bench-sim: the microMIPS workload's checksum 0x%08" PRIx32
				" differs from the MIPS32 one's\n", mm.checksum);
			return 1;
		}
		printf("  %-36s %14" PRIu64 " %9.3f %9.1f %9.3f %9.1f\n", "vzlet-sim, workload as microMIPS",
		       mm.insns, mm.seconds, (double)mm.insns / mm.seconds / 1e6, mm.cpu,
		       (double)mm.insns / mm.cpu / 1e6);
		printf("  simulated cycles: MIPS32 %" PRIu64 ", microMIPS %" PRIu64 " (%.3f); workload size"
		       " %zu vs %zu bytes\n", sim.cycles, mm.cycles, (double)mm.cycles / (double)sim.cycles,
		       wl_len, mm_len);
		printf("  microMIPS/MIPS32 simulation speed on CPU time: %.3f\n",
		       ((double)mm.insns / mm.cpu) / ((double)sim.insns / sim.cpu));
	}
	printf("sim_mips: %.1f\n", sim_mips);
	printf("sim_cpi: %.3f\n", (double)sim.cycles / (double)sim.insns);
	printf("sim_cpu_mips: %.1f\n", sim_cpu_mips);
	if (opt.baseline_mips > 0 && opt.baseline_cpu_mips > 0) {
		/* the speed ratio on CPU time: less sensitive to the host's load */
		printf("sim_mips_no_cache_model: %.1f\n", opt.baseline_mips);
		printf("sim_cpu_mips_no_cache_model: %.1f\n", opt.baseline_cpu_mips);
		printf("cache_model_speed: %.3f\n", sim_cpu_mips / opt.baseline_cpu_mips);
		/* the limit: at most 15 % slower */
		printf("cache_model_drop_percent: %.1f\n",
		       100.0 * (1.0 - sim_cpu_mips / opt.baseline_cpu_mips));
	}
	if (opt.no_hooks_cpu_mips > 0) {
		/* the event hooks compiled in but off vs compiled out, on CPU time */
		printf("sim_cpu_mips_no_event_hooks: %.1f\n", opt.no_hooks_cpu_mips);
		printf("event_hooks_off_speed: %.3f\n", sim_cpu_mips / opt.no_hooks_cpu_mips);
	}
	if (have_guest && opt.no_hooks_guest_cpu_mips > 0) {
		double guest_cpu_mips = (double)guest.insns / guest.cpu / 1e6;
		printf("sim_guest_cpu_mips: %.1f\n", guest_cpu_mips);
		printf("sim_guest_cpu_mips_no_event_hooks: %.1f\n", opt.no_hooks_guest_cpu_mips);
		printf("event_hooks_off_guest_speed: %.3f\n", guest_cpu_mips / opt.no_hooks_guest_cpu_mips);
	}
	printf("qemu_mips: %.1f\n", qemu_mips);
	printf("sim_vs_qemu: %.3f\n", sim_mips / qemu_mips);
	if (have_guest) {
		double guest_mips = (double)guest.insns / guest.seconds / 1e6;
		printf("sim_guest_mips: %.1f\n", guest_mips);
		printf("guest_vs_root: %.3f\n", guest_mips / sim_mips);
	}
	if (wl_mm) {
		printf("sim_mips_micromips: %.1f\n", (double)mm.insns / mm.seconds / 1e6);
		printf("micromips_vs_mips32: %.3f\n",
		       ((double)mm.insns / mm.cpu) / ((double)sim.insns / sim.cpu));
	}
	free(wl_mm);
	free(boot);
	free(wl);
	return 0;
}
