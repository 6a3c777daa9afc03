/* SPDX-License-Identifier: Apache-2.0 */
/* testrun.c - vzlet-testrun: run self-checking target test programs on a
 * fresh simulated chip and report their mailbox verdict (tests/lib).
 *
 *   vzlet-testrun [--cycles N] [--name NAME] [--strict-sfr] [--lenient] [--quiet]
 *                 [--trace FILE] [--show-uart] image...
 *
 * Exit status: 0 pass, 1 fail (check failed, unexpected exception, fatal
 * simulation error, halt without verdict, cycle limit), 2 usage or load error.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vzsim.h"
#include "count.h"
#include "test_mailbox.h"

/* Run in chunks between mailbox looks: small at first so short tests report
 * a close cycle count, growing to CHUNK_CYCLES. */
#define FIRST_CHUNK 2000u
#define CHUNK_CYCLES 200000u
#define DEFAULT_CYCLES 2000000000ull   /* 10 simulated seconds at 200 MHz */
#define UART_TAIL 2048                 /* UART output kept for failure reports */

struct uart_tail {
	char buf[UART_TAIL];
	size_t len;        /* bytes stored (<= UART_TAIL) */
	size_t start;      /* ring start when full */
	bool echo;         /* also copy to stderr as it comes */
};

static void on_uart_tx(void *ctx, int uart, uint8_t byte)
{
	struct uart_tail *t = ctx;
	(void)uart;
	if (t->echo)
		fputc(byte, stderr);
	if (t->len < UART_TAIL) {
		t->buf[t->len++] = (char)byte;
	} else {
		t->buf[t->start] = (char)byte;
		t->start = (t->start + 1) % UART_TAIL;
	}
}

static void print_uart_tail(const struct uart_tail *t)
{
	if (t->len == 0 || t->echo)
		return;
	fputs("--- UART output (last bytes) ---\n", stderr);
	for (size_t i = 0; i < t->len; i++)
		fputc(t->buf[(t->start + i) % UART_TAIL], stderr);
	if (t->buf[(t->start + t->len - 1) % UART_TAIL] != '\n')
		fputc('\n', stderr);
	fputs("--- end of UART output ---\n", stderr);
}

static void usage(FILE *f)
{
	fputs("usage: vzlet-testrun [options] image...\n"
	      "Load the images (ELF, Intel HEX, SREC) into a fresh simulated PIC32MZ EF,\n"
	      "run from reset until the test mailbox at PA 0x0007FF00 has a verdict.\n"
	      "  --cycles N     give up after N core cycles (default 2G; suffixes k, M, G)\n"
	      "  --name NAME    name printed in the result line (default: last image)\n"
	      "  --strict-sfr   an access to an unimplemented SFR fails the test\n"
	      "  --lenient      model-checker findings (cache coherence, CP0 hazards, ...)\n"
	      "                 are warnings, not failures (the default is strict)\n"
	      "  --quiet        no simulator warnings\n"
	      "  --trace FILE   instruction trace to FILE\n"
	      "  --show-uart    copy UART output to stderr while running\n"
	      "Exit status: 0 pass, 1 fail, 2 usage or load error.\n", f);
}

/* Name from the image path: basename without extension. */
static void default_name(const char *path, char *out, size_t outlen)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out, outlen, "%s", base);
	char *dot = strrchr(out, '.');
	if (dot && dot != out)
		*dot = '\0';
}

static bool read_mailbox(struct machine *m, struct test_mailbox *mb)
{
	return vzsim_peek(m, TEST_MAILBOX_PA, mb, sizeof *mb);
}

static const char *exc_vector_name(uint32_t id)
{
	switch (id) {
	case TEST_ID_EXC_REFILL: return "TLB refill";
	case TEST_ID_EXC_GENERAL: return "general exception";
	case TEST_ID_EXC_INTR: return "interrupt";
	default: return NULL;
	}
}

static void print_failure(const char *name, const struct test_mailbox *mb)
{
	const char *exc = exc_vector_name(mb->failed_id);
	if (exc) {
		printf("FAIL %s: unexpected %s: ExcCode %" PRIu32 " Cause 0x%08" PRIx32
		       " EPC 0x%08" PRIx32 " BadVAddr 0x%08" PRIx32 " Status 0x%08" PRIx32
		       " (%" PRIu32 " checks passed)\n",
		       name, exc, (mb->detail[0] >> 2) & 0x1F, mb->detail[0], mb->detail[1],
		       mb->detail[2], mb->detail[3], mb->passed);
		return;
	}
	printf("FAIL %s: check %" PRIu32 " (0x%" PRIx32 ") detail 0x%08" PRIx32
	       " 0x%08" PRIx32 " 0x%08" PRIx32 " 0x%08" PRIx32 " (%" PRIu32
	       " checks passed)\n",
	       name, mb->failed_id, mb->failed_id, mb->detail[0], mb->detail[1],
	       mb->detail[2], mb->detail[3], mb->passed);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "cycles", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "strict-sfr", no_argument, NULL, 's' },
		{ "lenient", no_argument, NULL, 'l' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "trace", required_argument, NULL, 't' },
		{ "show-uart", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	/* Tests run strict: a model-checker finding fails the test. */
	struct vzsim_options opt = { .strict = true };
	uint64_t limit = DEFAULT_CYCLES;
	const char *name = NULL;
	const char *trace_path = NULL;
	static struct uart_tail tail;
	int c;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (!parse_count(optarg, &limit) || limit == 0) {
				fprintf(stderr, "vzlet-testrun: --cycles needs a positive number, not '%s'\n", optarg);
				return 2;
			}
			break;
		case 'n': name = optarg; break;
		case 's': opt.strict_sfr = true; break;
		case 'l': opt.strict = false; break;
		case 'q': opt.quiet = true; break;
		case 't': trace_path = optarg; break;
		case 'u': tail.echo = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		fputs("vzlet-testrun: no image given\n", stderr);
		usage(stderr);
		return 2;
	}
	char namebuf[256];
	if (!name) {
		default_name(argv[argc - 1], namebuf, sizeof namebuf);
		name = namebuf;
	}
	if (trace_path) {
		opt.trace = fopen(trace_path, "w");
		if (!opt.trace) {
			fprintf(stderr, "vzlet-testrun: %s: %s\n", trace_path, strerror(errno));
			return 2;
		}
	}

	struct machine *m = vzsim_new(&opt);
	if (!m) {
		fputs("vzlet-testrun: out of memory\n", stderr);
		return 2;
	}
	for (int i = optind; i < argc; i++) {
		char err[512];
		if (vzsim_load(m, argv[i], err, sizeof err) != 0) {
			fprintf(stderr, "vzlet-testrun: %s\n", err);
			vzsim_free(m);
			return 2;
		}
	}
	vzsim_set_uart_tx(m, on_uart_tx, &tail);
	vzsim_reset(m);

	struct test_mailbox mb;
	enum vzsim_stop stop = VZSIM_RUNNING;
	int rc = 1;
	uint64_t chunk = FIRST_CHUNK;
	for (;;) {
		uint64_t used = vzsim_cycles(m);
		uint64_t left = limit > used ? limit - used : 0;
		if (left == 0) {
			printf("FAIL %s: no verdict within %" PRIu64 " cycles (stopped at cycle %" PRIu64
			       ", pc 0x%08" PRIx32 ")\n", name, limit, used, vzsim_pc(m));
			break;
		}
		stop = vzsim_run(m, left < chunk ? left : chunk);
		if (chunk < CHUNK_CYCLES)
			chunk *= 2;
		if (!read_mailbox(m, &mb)) {
			printf("FAIL %s: cannot read the mailbox\n", name);
			break;
		}
		bool announced = mb.magic == TEST_MAGIC;
		if (announced && mb.status == TEST_STATUS_PASS) {
			printf("ok %s (%" PRIu32 " checks, %" PRIu64 " cycles)\n", name, mb.passed,
			       vzsim_cycles(m));
			rc = 0;
			break;
		}
		if (announced && mb.status == TEST_STATUS_FAIL) {
			print_failure(name, &mb);
			break;
		}
		if (announced && mb.status != TEST_STATUS_RUNNING) {
			printf("FAIL %s: mailbox status %" PRIu32 " is not a verdict\n", name, mb.status);
			break;
		}
		if (stop == VZSIM_STOP_FATAL) {
			printf("FAIL %s: simulation error at cycle %" PRIu64 ": %s\n", name,
			       vzsim_cycles(m), vzsim_error(m));
			break;
		}
		if (stop == VZSIM_STOP_HALT) {
			printf("FAIL %s: core halted at pc 0x%08" PRIx32 " without a verdict%s\n",
			       name, vzsim_pc(m), announced ? "" : " (mailbox magic never written)");
			break;
		}
	}
	if (rc != 0)
		print_uart_tail(&tail);
	fflush(stdout);
	vzsim_free(m);
	if (opt.trace)
		fclose(opt.trace);
	return rc;
}
