/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - vzlet-sim: run PIC32MZ EF images from the reset vector with the
 * UARTs, LEDs and console connected to the host. See docs/simulator-cli.md
 * and --help. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Cycles between looks at the outside world: 0.5 ms of simulated time. */
#define SLICE_CYCLES 100000u
#define RX_QUEUE 512

struct rx_queue {            /* bytes waiting for a UART's receive FIFO */
	uint8_t buf[RX_QUEUE];
	size_t head, len;
};

enum stop_reason { STOP_NONE, STOP_UNTIL, STOP_FAIL_ON, STOP_ESCAPE };

struct cli {
	struct machine *m;
	struct endpoint eps[CLI_UARTS];
	struct rx_queue rx[CLI_UARTS];
	struct watch until[16], fail_on[16];
	size_t nuntil, nfail_on;
	enum stop_reason reason;
	const char *matched;
	struct leds leds;
	bool show_leds;
	bool stdout_mid_line;
	int console;                 /* UART that gets stdin and --input */
	struct script script;
	bool read_stdin, interactive, stdin_eof;
	bool realtime;
	bool quiet, stats;
	uint64_t cycle_limit;        /* 0: none */
	long gdb_port;               /* 0: no debugger */
	const char *trace_events;    /* --trace-events FILE, or NULL */
	struct trace_events te;
	struct vm_consoles vmcon;    /* --vm-console */
	int tcp_wait_ms;             /* --tcp-wait: limit in ms, 0: do not wait */
	bool tcp_wait_set;           /* else: wait without limit */
};

static volatile sig_atomic_t got_signal;

static void on_signal(int sig) { got_signal = sig; }

static void usage(FILE *f)
{
	fputs("usage: vzlet-sim [options] image...\n"
	      "Simulate a PIC32MZ EF (chipKIT Wi-Fire) running the images (ELF, Intel HEX,\n"
	      "SREC; loaded in order) from the reset vector 0xBFC00000.\n"
	      "\n"
	      "  --uart N=WHERE      UART N (1-6) to stdio, file:PATH, pty, tcp:PORT or none\n"
	      "                      (default: UART1, UART2 and UART4 on stdio)\n"
	      "  --board NAME        the board around the chip: wifire (default), dm320007\n"
	      "                      (PIC32MZ EF Starter Kit + MEB-II), emz64 (Olimex\n"
	      "                      PIC32-EMZ64): its LEDs, buttons and console UART\n"
	      "  --console N         UART that receives stdin and --input (default: the\n"
	      "                      board's, 4 on the Wi-Fire)\n"
	      "  --vm-console N=WHERE  VM N's lines of a vzlet console (untagged) to pty,\n"
	      "                      tcp:PORT, file:PATH or none; its keys typed for it\n"
	      "  --tcp-wait SECONDS  wait at most SECONDS for each TCP client before the run\n"
	      "                      starts (default: without limit); 0: start at once\n"
	      "  --cycles N          stop after N core cycles (200M = 1 simulated second;\n"
	      "                      suffixes k, M, G)\n"
	      "  --until STRING      stop with status 0 when a UART prints STRING\n"
	      "  --fail-on STRING    stop with status 1 when a UART prints STRING\n"
	      "  --input STRING      type STRING on the console at start (stdin then unused)\n"
	      "  --input-at C:STRING type STRING on the console at cycle C\n"
	      "                      (strings understand \\n \\r \\t \\e \\\\ \\xHH)\n"
	      "  --pin-at C:Rxn=L    drive pin n of port x to level L (0/1) from cycle C,\n"
	      "                      e.g. 100M:RA5=1 presses BTN1\n"
	      "  --leds              print LED changes: [led] LD1 on @ 12.345678 ms\n"
	      "  --stats             print instructions, cycles, times and speed at exit\n"
	      "  --realtime          pace simulated time to wall-clock time (default when the\n"
	      "                      console is an interactive terminal); --fast: never\n"
	      "  --trace FILE        one line per executed instruction ('-' = stderr)\n"
	      "  --trace-after C     start the trace at cycle C\n"
	      "  --strict-sfr        an access to an unimplemented SFR is a fatal error\n"
	      "  --strict            a model-checker finding (software relying on behaviour\n"
	      "                      silicon does not guarantee: cache coherence, CP0\n"
	      "                      hazards, ...) is a fatal error; otherwise a warning\n"
	      "  --lenient RULE      with --strict, findings of RULE (e.g. cp0-hazard) stay\n"
	      "                      warnings: for third-party code under investigation\n"
	      "  --gdb PORT          wait for gdb on 127.0.0.1:PORT before running; gdb then\n"
	      "                      drives the run (target remote :PORT); after a detach the\n"
	      "                      run goes on as without --gdb, a kill ends it (status 0)\n"
	      "  --trace-events FILE write what the system did (VM run slices, exits and their\n"
	      "                      cost, idle, interrupts, console lines, LEDs) as Trace\n"
	      "                      Event JSON for Perfetto / chrome://tracing\n"
	      "  --quiet             no warnings or announcements\n"
	      "  --help              this text\n"
	      "\n"
	      "Interactive console: keys go to the console UART; Ctrl-] quits.\n"
	      "Exit status: 0 ok (--until matched, or the run ended), 1 --fail-on matched,\n"
	      "2 usage/image/setup error, 3 --cycles reached before --until matched,\n"
	      "4 fatal simulation error, 5 core halted before --until matched,\n"
	      "128+N killed by signal N.\n", f);
}

static void uart_out(struct cli *c, struct endpoint *ep, uint8_t byte)
{
	endpoint_put(ep, byte);
	if (ep->kind == EP_STDIO) {
		c->stdout_mid_line = byte != '\n';
		if (byte == '\n' && c->leds.npending)
			leds_flush(&c->leds);
	}
}

static void on_uart_tx(void *ctx, int uart, uint8_t byte)
{
	struct cli *c = ctx;
	if (uart < 1 || uart > CLI_UARTS)
		return;
	struct endpoint *ep = &c->eps[uart - 1];
	if (c->vmcon.any && uart == c->console) {   /* routed VM lines leave here */
		uint8_t out[8];
		size_t n = vmcon_output(&c->vmcon, byte, out);
		for (size_t i = 0; i < n; i++)
			uart_out(c, ep, out[i]);
	} else {
		uart_out(c, ep, byte);
	}
	trace_events_uart(&c->te, uart, byte);
	for (size_t i = 0; i < c->nfail_on; i++)
		if (watch_feed(&c->fail_on[i], uart, byte) && c->reason == STOP_NONE) {
			c->reason = STOP_FAIL_ON;
			c->matched = c->fail_on[i].text;
			vzsim_request_stop(c->m);
		}
	for (size_t i = 0; i < c->nuntil; i++)
		if (watch_feed(&c->until[i], uart, byte) && c->reason == STOP_NONE) {
			c->reason = STOP_UNTIL;
			c->matched = c->until[i].text;
			vzsim_request_stop(c->m);
		}
}

static void rx_push(struct rx_queue *q, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n && q->len < RX_QUEUE; i++)
		q->buf[(q->head + q->len++) % RX_QUEUE] = b[i];
}

/* Offer queued bytes to the UARTs until their FIFOs are full. */
static void rx_deliver(struct cli *c)
{
	for (int u = 0; u < CLI_UARTS; u++) {
		struct rx_queue *q = &c->rx[u];
		while (q->len && vzsim_uart_rx(c->m, u + 1, q->buf[q->head])) {
			q->head = (q->head + 1) % RX_QUEUE;
			q->len--;
		}
	}
}

static void poll_stdin(struct cli *c)
{
	struct rx_queue *q = &c->rx[c->console - 1];
	if (!c->read_stdin || c->stdin_eof || q->len > RX_QUEUE / 2)
		return;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP)))
		return;
	uint8_t buf[RX_QUEUE / 2];
	ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
	if (n <= 0) {
		if (n == 0 || errno != EINTR)
			c->stdin_eof = true;
		return;
	}
	if (c->interactive) {
		uint8_t *esc = memchr(buf, CONSOLE_ESCAPE, (size_t)n);
		if (esc) {
			n = esc - buf;
			c->reason = STOP_ESCAPE;
		}
	}
	rx_push(q, buf, (size_t)n);
}

static void poll_endpoints(struct cli *c)
{
	for (int u = 0; u < CLI_UARTS; u++) {
		struct rx_queue *q = &c->rx[u];
		uint8_t buf[64];
		if (q->len > RX_QUEUE - sizeof buf)
			continue;
		size_t n = endpoint_poll_input(&c->eps[u], buf, sizeof buf);
		rx_push(q, buf, n);
	}
	struct rx_queue *q = &c->rx[c->console - 1];
	if (c->vmcon.any && q->len < RX_QUEUE / 2) {
		uint8_t buf[RX_QUEUE / 2];
		rx_push(q, buf, vmcon_input(&c->vmcon, buf, sizeof buf));
	}
}

static uint64_t wall_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static uint64_t cycles_to_ns(uint64_t cyc)
{
	return cyc / CLI_SYSCLK_HZ * 1000000000ull + cyc % CLI_SYSCLK_HZ * 1000000000ull / CLI_SYSCLK_HZ;
}

/* Sleep while simulated time is ahead of wall time (at most 20 ms, so the
 * console stays responsive). */
static void pace(uint64_t start_ns, uint64_t cycles)
{
	uint64_t sim = cycles_to_ns(cycles), wall = wall_ns() - start_ns;
	if (sim <= wall + 1000000)
		return;
	uint64_t d = sim - wall;
	if (d > 20000000)
		d = 20000000;
	struct timespec ts = { (time_t)(d / 1000000000ull), (long)(d % 1000000000ull) };
	nanosleep(&ts, NULL);
}

static void print_stats(struct cli *c, uint64_t wall)
{
	uint64_t insns = vzsim_instructions(c->m), cyc = vzsim_cycles(c->m);
	double sim_s = (double)cycles_to_ns(cyc) / 1e9;
	double wall_s = (double)wall / 1e9;
	fflush(stdout);
	fprintf(stderr, "vzlet-sim: instructions   %" PRIu64 "\n", insns);
	fprintf(stderr, "vzlet-sim: cycles         %" PRIu64 "\n", cyc);
	fprintf(stderr, "vzlet-sim: simulated time %.6f s\n", sim_s);
	fprintf(stderr, "vzlet-sim: wall time      %.3f s\n", wall_s);
	fprintf(stderr, "vzlet-sim: findings       %" PRIu64 "\n", vzsim_findings(c->m));
	if (wall_s > 0)
		fprintf(stderr, "vzlet-sim: simulated MIPS %.1f (%.2fx real time)\n",
			(double)insns / wall_s / 1e6, sim_s / wall_s);
}

static int add_watch(struct watch *w, size_t *n, const char *arg, const char *opt)
{
	if (*n == 16) {
		fprintf(stderr, "vzlet-sim: at most 16 %s strings\n", opt);
		return -1;
	}
	if (watch_init(&w[*n], arg) != 0)
		return -1;
	(*n)++;
	return 0;
}

enum {
	OPT_UART = 256, OPT_CONSOLE, OPT_CYCLES, OPT_UNTIL, OPT_FAIL_ON, OPT_INPUT, OPT_INPUT_AT,
	OPT_PIN_AT, OPT_LEDS, OPT_STATS, OPT_REALTIME, OPT_FAST, OPT_TRACE, OPT_TRACE_AFTER, OPT_STRICT, OPT_STRICT_MODEL,
	OPT_LENIENT,
	OPT_QUIET, OPT_HELP, OPT_GDB, OPT_TRACE_EVENTS, OPT_VM_CONSOLE, OPT_TCP_WAIT, OPT_BOARD,
};

static int run(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "uart", required_argument, NULL, OPT_UART },
		{ "console", required_argument, NULL, OPT_CONSOLE },
		{ "cycles", required_argument, NULL, OPT_CYCLES },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "input", required_argument, NULL, OPT_INPUT },
		{ "input-at", required_argument, NULL, OPT_INPUT_AT },
		{ "pin-at", required_argument, NULL, OPT_PIN_AT },
		{ "leds", no_argument, NULL, OPT_LEDS },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "realtime", no_argument, NULL, OPT_REALTIME },
		{ "fast", no_argument, NULL, OPT_FAST },
		{ "trace", required_argument, NULL, OPT_TRACE },
		{ "trace-after", required_argument, NULL, OPT_TRACE_AFTER },
		{ "strict-sfr", no_argument, NULL, OPT_STRICT },
		{ "strict", no_argument, NULL, OPT_STRICT_MODEL },
		{ "lenient", required_argument, NULL, OPT_LENIENT },
		{ "quiet", no_argument, NULL, OPT_QUIET },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "gdb", required_argument, NULL, OPT_GDB },
		{ "trace-events", required_argument, NULL, OPT_TRACE_EVENTS },
		{ "vm-console", required_argument, NULL, OPT_VM_CONSOLE },
		{ "tcp-wait", required_argument, NULL, OPT_TCP_WAIT },
		{ "board", required_argument, NULL, OPT_BOARD },
		{ NULL, 0, NULL, 0 },
	};
	struct vzsim_options opt = { 0 };
	const char *trace_path = NULL;
	int realtime = -1; /* -1: automatic */
	long console = 0;   /* 0: the board's */
	const struct cli_board *board = board_default();
	int o;

	for (int u = 0; u < CLI_UARTS; u++) {
		char spec[32];
		snprintf(spec, sizeof spec, "%d=%s", u + 1, (u == 0 || u == 1 || u == 3) ? "stdio" : "none");
		endpoint_parse(c->eps, spec);
	}
	while ((o = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		char *end;
		switch (o) {
		case OPT_UART:
			if (endpoint_parse(c->eps, optarg) != 0)
				return EXIT_USAGE;
			break;
		case OPT_BOARD:
			board = board_by_name(optarg);
			if (!board) {
				fprintf(stderr, "vzlet-sim: unknown board '%s' (wifire, dm320007, emz64)\n", optarg);
				return EXIT_USAGE;
			}
			opt.board = board->soc_board;
			break;
		case OPT_VM_CONSOLE:
			if (vmcon_parse(&c->vmcon, optarg) != 0)
				return EXIT_USAGE;
			break;
		case OPT_TCP_WAIT: {
			long s = strtol(optarg, &end, 10);
			if (end == optarg || *end || s < 0 || s > 86400) {
				fprintf(stderr, "vzlet-sim: --tcp-wait needs seconds 0..86400, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			c->tcp_wait_ms = s ? (int)s * 1000 : 0;
			c->tcp_wait_set = true;
			break;
		}
		case OPT_CONSOLE:
			console = strtol(optarg, &end, 10);
			if (*end || console < 1 || console > CLI_UARTS) {
				fprintf(stderr, "vzlet-sim: --console needs a UART number 1-6, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_CYCLES:
			if (!parse_count(optarg, &c->cycle_limit) || c->cycle_limit == 0) {
				fprintf(stderr, "vzlet-sim: --cycles needs a positive number, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_UNTIL:
			if (add_watch(c->until, &c->nuntil, optarg, "--until") != 0)
				return EXIT_USAGE;
			break;
		case OPT_FAIL_ON:
			if (add_watch(c->fail_on, &c->nfail_on, optarg, "--fail-on") != 0)
				return EXIT_USAGE;
			break;
		case OPT_INPUT:
		case OPT_INPUT_AT:
			if (script_add(&c->script, optarg, o == OPT_INPUT_AT) != 0)
				return EXIT_USAGE;
			break;
		case OPT_PIN_AT:
			if (script_add_pin(&c->script, optarg) != 0)
				return EXIT_USAGE;
			break;
		case OPT_LEDS: c->show_leds = true; break;
		case OPT_STATS: c->stats = true; break;
		case OPT_REALTIME: realtime = 1; break;
		case OPT_FAST: realtime = 0; break;
		case OPT_TRACE: trace_path = optarg; break;
		case OPT_TRACE_AFTER:
			if (!parse_count(optarg, &opt.trace_after)) {
				fprintf(stderr, "vzlet-sim: --trace-after needs a cycle number, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_STRICT: opt.strict_sfr = true; break;
		case OPT_STRICT_MODEL: opt.strict = true; break;
		case OPT_LENIENT: {
			int r = vzsim_rule_by_name(optarg);
			if (r < 0) {
				fprintf(stderr, "vzlet-sim: --lenient needs a rule name (cp0-hazard, "
					"cache-coherence, ...), not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			opt.lenient_rules |= 1u << r;
			break;
		}
		case OPT_QUIET: c->quiet = opt.quiet = true; break;
		case OPT_GDB:
			c->gdb_port = strtol(optarg, &end, 10);
			if (*end || end == optarg || c->gdb_port < 1 || c->gdb_port > 65535) {
				fprintf(stderr, "vzlet-sim: --gdb needs a TCP port 1-65535, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_TRACE_EVENTS: c->trace_events = optarg; break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("vzlet-sim: no image given\n", stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	c->console = console ? (int)console : board->console;
	c->leds.board = board;
	script_sort(&c->script);

	if (trace_path) {
		opt.trace = strcmp(trace_path, "-") == 0 ? stderr : fopen(trace_path, "w");
		if (!opt.trace) {
			fprintf(stderr, "vzlet-sim: --trace %s: %s\n", trace_path, strerror(errno));
			return EXIT_USAGE;
		}
	}
	c->m = vzsim_new(&opt);
	if (!c->m) {
		fputs("vzlet-sim: out of memory\n", stderr);
		return EXIT_USAGE;
	}
	for (int i = optind; i < argc; i++) {
		char err[512];
		if (vzsim_load(c->m, argv[i], err, sizeof err) != 0) {
			fprintf(stderr, "vzlet-sim: %s\n", err);
			return EXIT_USAGE;
		}
	}
	for (int u = 0; u < CLI_UARTS; u++)
		if (endpoint_open(&c->eps[u], c->quiet) != 0)
			return EXIT_USAGE;
	if (vmcon_open(&c->vmcon, c->quiet) != 0)
		return EXIT_USAGE;
	/* A TCP console is there to be used: the run starts once a client has
	 * connected to each (or --tcp-wait's limit passed: an error). */
	int wait_ms = c->tcp_wait_set ? c->tcp_wait_ms : -1;
	for (int u = 0; u < CLI_UARTS && wait_ms != 0; u++)
		if (endpoint_wait_client(&c->eps[u], wait_ms, c->quiet) != 0)
			return EXIT_USAGE;
	if (wait_ms != 0 && vmcon_wait(&c->vmcon, wait_ms, c->quiet) != 0)
		return EXIT_USAGE;

	/* stdin feeds the console when the console is on stdio and no script does */
	c->read_stdin = c->eps[c->console - 1].kind == EP_STDIO && !script_has_input(&c->script);
	if (c->read_stdin && isatty(STDIN_FILENO) && terminal_raw()) {
		c->interactive = true;
		if (!c->quiet)
			fprintf(stderr, "vzlet-sim: console on UART%d; press Ctrl-] to quit\r\n", c->console);
	}
	c->realtime = realtime < 0 ? c->interactive : realtime == 1;

	vzsim_set_uart_tx(c->m, on_uart_tx, c);
	c->leds.m = c->m;
	c->leds.out = c->show_leds ? stdout : NULL;
	c->leds.stdout_mid_line = &c->stdout_mid_line;
	vzsim_reset(c->m);
	if (c->trace_events) {
		if (trace_events_open(&c->te, c->trace_events, c->m) != 0)
			return EXIT_USAGE;
		c->leds.trace = &c->te;
	}
	if (c->show_leds || c->trace_events)
		vzsim_set_gpio(c->m, leds_gpio, &c->leds);

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);

	if (c->gdb_port) {
		/* No SA_RESTART while gdb drives: a signal must end a blocked wait. */
		struct sigaction sa = { .sa_handler = on_signal };
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		int lfd = gdb_listen((uint16_t)c->gdb_port);
		if (lfd < 0)
			return EXIT_USAGE;
		if (!c->quiet)
			fprintf(stderr, "vzlet-sim: waiting for gdb on 127.0.0.1:%ld (target remote :%ld)\n",
				c->gdb_port, c->gdb_port);
		enum gdb_end end = gdb_serve(c->m, lfd, &got_signal);
		close(lfd);
		fflush(stdout);
		if (end == GDB_END_SIGNAL)
			return EXIT_SIGNAL + got_signal;
		if (end != GDB_END_DETACH)
			return EXIT_OK;
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
	}

	uint64_t start = wall_ns();
	enum vzsim_stop stop = VZSIM_RUNNING;
	int rc = EXIT_OK;
	for (;;) {
		uint64_t now = vzsim_cycles(c->m);
		uint64_t until = now + SLICE_CYCLES;
		uint64_t next_input = script_next_cycle(&c->script, now);
		if (next_input < until)
			until = next_input;
		if (c->cycle_limit && c->cycle_limit < until)
			until = c->cycle_limit;
		if (until > now)
			stop = vzsim_run(c->m, until - now);
		else
			stop = VZSIM_STOP_LIMIT;

		if (c->reason == STOP_FAIL_ON) {
			rc = EXIT_FAIL_ON;
			if (!c->quiet)
				fprintf(stderr, "\nvzlet-sim: --fail-on string appeared at cycle %" PRIu64 "\n",
					vzsim_cycles(c->m));
			break;
		}
		if (c->reason == STOP_UNTIL)
			break;
		if (stop == VZSIM_STOP_FATAL) {
			fflush(stdout);
			fprintf(stderr, "\nvzlet-sim: simulation error at cycle %" PRIu64 ", pc 0x%08" PRIx32 ": %s\n",
				vzsim_cycles(c->m), vzsim_pc(c->m), vzsim_error(c->m));
			rc = EXIT_FATAL;
			break;
		}
		if (stop == VZSIM_STOP_HALT) {
			if (c->nuntil) {
				rc = EXIT_HALTED;
				fflush(stdout);
				fprintf(stderr, "\nvzlet-sim: core halted at cycle %" PRIu64
					" (pc 0x%08" PRIx32 ") before any --until string appeared\n",
					vzsim_cycles(c->m), vzsim_pc(c->m));
			} else if (!c->quiet) {
				fflush(stdout);
				fprintf(stderr, "vzlet-sim: core halted at cycle %" PRIu64 " (pc 0x%08" PRIx32 ")\n",
					vzsim_cycles(c->m), vzsim_pc(c->m));
			}
			break;
		}
		if (c->cycle_limit && vzsim_cycles(c->m) >= c->cycle_limit) {
			if (c->nuntil) {
				rc = EXIT_LIMIT;
				fflush(stdout);
				fprintf(stderr, "\nvzlet-sim: %" PRIu64 " cycles reached before any --until string appeared\n",
					c->cycle_limit);
			}
			break;
		}
		script_deliver(&c->script, c->m, c->console);
		poll_stdin(c);
		poll_endpoints(c);
		rx_deliver(c);
		if (c->reason == STOP_ESCAPE)
			break;
		if (got_signal) {
			rc = EXIT_SIGNAL + got_signal;
			break;
		}
		fflush(stdout);
		if (ferror(stdout))
			break; /* nobody reads our output any more */
		if (c->realtime)
			pace(start, vzsim_cycles(c->m));
	}
	if (c->leds.npending) { /* the run ended mid-line: end it, then the reports */
		fputc('\n', stdout);
		leds_flush(&c->leds);
	}
	fflush(stdout);
	terminal_restore();
	if (c->interactive && c->reason == STOP_ESCAPE && !c->quiet)
		fputs("\nvzlet-sim: quit\n", stderr);
	if (c->stats)
		print_stats(c, wall_ns() - start);
	if (opt.trace && opt.trace != stderr)
		fclose(opt.trace);
	if (trace_events_close(&c->te) != 0 && rc == EXIT_OK)
		rc = EXIT_USAGE;
	return rc;
}

int main(int argc, char **argv)
{
	static struct cli c;
	int rc = run(&c, argc, argv);
	for (int u = 0; u < CLI_UARTS; u++)
		endpoint_close(&c.eps[u]);
	vmcon_close(&c.vmcon);
	for (size_t i = 0; i < c.nuntil; i++)
		watch_free(&c.until[i]);
	for (size_t i = 0; i < c.nfail_on; i++)
		watch_free(&c.fail_on[i]);
	script_free(&c.script);
	vzsim_free(c.m);
	return rc;
}
