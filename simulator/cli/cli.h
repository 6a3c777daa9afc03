/* SPDX-License-Identifier: Apache-2.0 */
/* cli.h - pieces of the vzlet-sim command line tool (simulator/cli). The
 * tool uses only the public simulator API (vzsim.h). */
#ifndef VZSIM_CLI_H
#define VZSIM_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vzsim.h"
#include "count.h"

#define CLI_UARTS 6            /* UART1..UART6 */
#define CLI_SYSCLK_HZ 200000000ull

/* Exit statuses (documented in docs/simulator-cli.md). */
enum cli_exit {
	EXIT_OK = 0,           /* --until matched, or the run ended normally */
	EXIT_FAIL_ON = 1,      /* a --fail-on string appeared */
	EXIT_USAGE = 2,        /* bad options, image or I/O setup */
	EXIT_LIMIT = 3,        /* --cycles reached before the --until string */
	EXIT_FATAL = 4,        /* fatal simulation error */
	EXIT_HALTED = 5,       /* core halted for good before the --until string */
	EXIT_SIGNAL = 128,     /* + signal number: interrupted (SIGINT, SIGTERM) */
};

/* ---- UART endpoints (uart_endpoint.c) ----------------------------------- */
enum endpoint_kind { EP_NONE, EP_STDIO, EP_FILE, EP_PTY, EP_TCP };

struct endpoint {
	enum endpoint_kind kind;
	int uart;              /* 1..6 (0: a VM's console, vm_console.c) */
	char label[24];        /* for messages: "UART4", "vm2's console" */
	int out_fd;            /* where output goes (-1: nowhere yet) */
	int in_fd;             /* where input comes from (-1: none) */
	int listen_fd;         /* EP_TCP: listening socket */
	int pty_slave_fd;      /* EP_PTY: kept open so the master never sees EOF */
	char path[256];        /* EP_FILE path, EP_PTY slave name */
	uint16_t port;         /* EP_TCP */
	uint8_t *pending;      /* EP_TCP output held until a client connects */
	size_t npending, cappending;
	bool input_eof;
};

/* Parse "N=stdio|file:PATH|pty|tcp:PORT|none" into eps[N-1]. Returns 0 or
 * -1 with a message on stderr. */
int endpoint_parse(struct endpoint eps[CLI_UARTS], const char *spec);
/* The same for one endpoint: WHERE alone, LABEL naming it in messages. */
int endpoint_parse_where(struct endpoint *ep, const char *where, const char *label);
/* Open files, ptys and sockets; announce ptys and ports on stderr unless
 * quiet. Returns 0 or -1 (message on stderr). */
int endpoint_open(struct endpoint *ep, bool quiet);
void endpoint_close(struct endpoint *ep);
/* One output byte (EP_STDIO bytes go through stdout's buffer). */
void endpoint_put(struct endpoint *ep, uint8_t byte);
/* Accept a waiting TCP client; read up to max input bytes without
 * blocking. Returns the number of bytes read (0: none now). */
size_t endpoint_poll_input(struct endpoint *ep, uint8_t *buf, size_t max);
/* A TCP endpoint without a client: wait for one, at most timeout_ms (-1:
 * without limit). Returns 0, or -1 (timeout or error, message on stderr).
 * Other kinds return 0 at once. */
int endpoint_wait_client(struct endpoint *ep, int timeout_ms, bool quiet);

/* ---- Boards (board.c) ---------------------------------------------------- */
struct cli_board {
	const char *name;      /* --board NAME */
	const char *model;
	int soc_board;         /* enum vzsim_board */
	int console;           /* the console UART */
	int nleds;
	struct { char label[8]; int port; unsigned pin; } leds[4];
};
const struct cli_board *board_by_name(const char *name);   /* NULL: unknown */
const struct cli_board *board_default(void);               /* the Wi-Fire */

/* ---- A VM's console on its own endpoint (vm_console.c) ------------------- */
#define CLI_VMS 7
struct vm_consoles {
	struct endpoint ep[CLI_VMS + 1];   /* [1..7] */
	bool routed[CLI_VMS + 1];
	bool any;
	bool line_start;       /* the console's output is at a line start */
	char held[4];          /* the start of a line that may be a tag "[N] " */
	unsigned nheld;
	int route;             /* VM whose line is being routed, 0: none */
	int focus;             /* the hypervisor's input focus as last seen */
	char line[48];         /* the start of the current console line */
	unsigned nline;
};
/* "N=WHERE" (pty, tcp:PORT, file:PATH, none) for VM N; 0 or -1 (message). */
int vmcon_parse(struct vm_consoles *v, const char *spec);
int vmcon_open(struct vm_consoles *v, bool quiet);
int vmcon_wait(struct vm_consoles *v, int timeout_ms, bool quiet);
void vmcon_close(struct vm_consoles *v);
/* One byte of the console UART's output: routed, or returned (with any
 * bytes held back while a tag was possible) for the console's endpoint. */
size_t vmcon_output(struct vm_consoles *v, uint8_t byte, uint8_t out[8]);
/* Keys from the VMs' endpoints, as bytes to type on the console. */
size_t vmcon_input(struct vm_consoles *v, uint8_t *buf, size_t max);

/* ---- Console terminal (terminal.c) -------------------------------------- */
#define CONSOLE_ESCAPE 0x1D    /* Ctrl-] ends the simulation */
/* Put stdin (a terminal) in raw mode; restored by terminal_restore() and at
 * exit. Returns false if stdin is not a terminal. */
bool terminal_raw(void);
void terminal_restore(void);

/* ---- String watches for --until / --fail-on (watch.c) ------------------- */
struct watch {
	char *text;            /* pattern (escapes already decoded) */
	size_t len;
	size_t *fail;          /* KMP failure table */
	size_t state[CLI_UARTS]; /* bytes matched so far, per UART stream */
	bool matched;
};
int watch_init(struct watch *w, const char *pattern);
void watch_free(struct watch *w);
/* Feed one byte of UART uart's output; true when the pattern completes. */
bool watch_feed(struct watch *w, int uart, uint8_t byte);

/* ---- Escapes in option strings (args.c) ---------------------------------- */
/* Decode \n \r \t \e \\ \xHH in s into a new string (length in *len).
 * Returns NULL with a message on stderr for a bad escape. */
char *unescape(const char *s, size_t *len);

/* Scripted console input (--input, --input-at) and pin levels (--pin-at). */
struct script_item {
	uint64_t cycle;        /* deliver from this cycle on */
	uint8_t *bytes;        /* console bytes, or NULL for a pin change */
	size_t len, sent;
	int port, pin;         /* pin change: port 0 = A .. 10 = K, pin 0..15 */
	bool level;
};
struct script {
	struct script_item *items;
	size_t n, cap;
	size_t next;           /* first item not completely sent */
};
/* Add "STRING" at cycle 0 (--input) or "CYCLE:STRING" (--input-at). */
int script_add(struct script *s, const char *arg, bool with_cycle);
/* Add "CYCLE:Rxn=0|1" (--pin-at): drive pin n of port x from outside. */
int script_add_pin(struct script *s, const char *arg);
/* Whether any console input is scripted (stdin is then not read). */
bool script_has_input(const struct script *s);
void script_sort(struct script *s);
/* Offer due bytes to the console UART; stops at a full receive FIFO. */
void script_deliver(struct script *s, struct machine *m, int uart);
/* Cycle of the next item not yet due, or UINT64_MAX. */
uint64_t script_next_cycle(const struct script *s, uint64_t now);
void script_free(struct script *s);

struct trace_events;
/* ---- LEDs (leds.c) -------------------------------------------------------- */
#define LEDS_PENDING 256
struct leds {
	const struct cli_board *board;   /* whose LEDs */
	bool on[4];
	FILE *out;               /* NULL: no text lines (changes only traced) */
	struct trace_events *trace; /* LED changes also go here, if open (trace_events.c) */
	bool *stdout_mid_line; /* UART text left stdout in the middle of a line */
	struct machine *m;
	/* Lines held back while UART text is mid-line, so that LED reports do
	 * not cut console lines in two; printed at the next newline. */
	char pending[LEDS_PENDING][48];
	int npending;
};
/* GPIO callback: prints "[led] LABEL on|off @ T ms" for the board's LEDs. */
void leds_gpio(void *ctx, int port, uint32_t old_lat, uint32_t new_lat, uint32_t tris);
/* Print the held-back LED lines (call at a line end and at exit). */
void leds_flush(struct leds *l);

/* ---- The VMs of a vzlet image (vmview.c) ------------------------------- */
#include "../../hypervisor/include/vzlet/debug_info.h"
#define VMVIEW_MAX 7
struct vmview_vm {
	unsigned id;           /* VM id = GuestID = shadow set */
	char name[24];
	uint32_t state, cfg;   /* KSEG addresses of its struct vz_vm and config */
};
struct vmview {
	bool found;            /* the image has a debugger descriptor */
	struct vz_debug_info d;
	unsigned n;
	struct vmview_vm vm[VMVIEW_MAX];
};
enum vmview_reg { VMREG_GPR, VMREG_PC, VMREG_HI, VMREG_LO, VMREG_CP0, VMREG_FPR, VMREG_FCSR, VMREG_DSP };
/* Find the descriptor in program flash; false (v->found = false) without one. */
bool vmview_scan(struct machine *m, struct vmview *v);
bool vmview_running(struct machine *m, const struct vmview *v, unsigned i);
bool vmview_loaded(struct machine *m, const struct vmview *v, unsigned i);
/* Index of the VM whose guest instruction is next, or -1 (root runs). */
int vmview_current(struct machine *m, const struct vmview *v);
/* A register as VM i sees it; n: GPR/FPR number, CP0 (reg << 3 | sel), DSP
 * 0-6 (ac1 hi .. ac3 lo, DSPControl). false: not available. */
bool vmview_reg(struct machine *m, const struct vmview *v, unsigned i, enum vmview_reg r,
		unsigned n, uint32_t *out);
bool vmview_set_reg(struct machine *m, const struct vmview *v, unsigned i, enum vmview_reg r,
		    unsigned n, uint32_t val);
/* Virtual -> physical for VM i (i < 0: root) with kernel privilege. */
bool vmview_translate(struct machine *m, const struct vmview *v, int i, uint32_t va, bool write,
		      uint32_t *pa);
bool vmview_access(struct machine *m, const struct vmview *v, int i, uint32_t va, void *buf,
		   size_t len, bool write);

/* ---- Event trace (trace_events.c) ----------------------------------------- */
struct te_line { char text[120]; size_t len; };
struct trace_events {
	FILE *f;
	struct machine *m;
	bool first;              /* no event written yet */
	unsigned tid;            /* the open slice: track, name, start, extra args */
	char name[64];
	char args[128];
	uint64_t start, total;   /* total: cycles in closed slices */
	struct te_line line[6];  /* console text per UART up to its newline */
	struct vmview vms;
};
/* Start writing FILE (events from now on); -1 with a message on error. */
int trace_events_open(struct trace_events *t, const char *path, struct machine *m);
void trace_events_uart(struct trace_events *t, int uart, uint8_t byte);
void trace_events_led(struct trace_events *t, int led, bool on);
/* Close the last slice and the file; -1 on a write error. */
int trace_events_close(struct trace_events *t);

/* ---- gdb's view of the registers (gdb_regs.c) -------------------------- */
unsigned gdb_reg_count(void);
/* Register r of the hypervisor (ctx < 0) or of VM index ctx; false: unavailable. */
bool gdb_reg_get(struct machine *m, const struct vmview *v, int ctx, unsigned r, uint32_t *out);
bool gdb_reg_set(struct machine *m, const struct vmview *v, int ctx, unsigned r, uint32_t val);
const char *gdb_target_xml(size_t *len);

/* ---- GDB remote protocol server (gdbstub.c) ----------------------------- */
enum gdb_end {
	GDB_END_DETACH,        /* 'D': go on running without the debugger */
	GDB_END_KILL,          /* 'k': end the simulation */
	GDB_END_GONE,          /* the client closed the connection */
	GDB_END_SIGNAL,        /* *signal became non-zero */
};
/* Listen on 127.0.0.1:port. Returns the socket or -1 (message on stderr). */
int gdb_listen(uint16_t port);
/* Wait for one gdb client and serve it until it detaches, kills or leaves.
 * The core must be stopped (e.g. just reset). */
enum gdb_end gdb_serve(struct machine *m, int listen_fd, volatile sig_atomic_t *signal);

#endif
