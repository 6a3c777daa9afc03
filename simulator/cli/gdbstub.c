/* SPDX-License-Identifier: Apache-2.0 */
/* gdbstub.c - a GDB remote serial protocol server (vzlet-sim --gdb PORT).
 *
 * One client on 127.0.0.1:PORT drives the simulation: the core stays at the
 * reset vector until gdb says continue or step. With a vzlet image the
 * hypervisor and each VM are gdb threads (thread 1 "hv", thread n + 1
 * "vmn NAME", vmview.c): a VM thread's registers and memory are the VM's
 * own view, loaded or not; a stop names the thread whose instruction is
 * next. Registers and the target description: gdb_regs.c. Breakpoints and
 * watchpoints live here, not in memory: while any exists the core runs one
 * instruction at a time (a branch and its delay slot are one step) and the
 * PC of the context that runs, or the access its next instruction makes,
 * is compared after each. docs/debugging.md describes the whole. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli.h"

#define GDB_PACKET_MAX 4096       /* also announced as PacketSize (hex 0x1000) */
#define GDB_BREAKPOINTS 64
#define GDB_WATCHPOINTS 16
#define GDB_RUN_SLICE 100000u     /* cycles between looks for Ctrl-C, no breakpoints */
#define GDB_STEP_POLL 4096u       /* steps between looks for Ctrl-C, with breakpoints */

/* Watchpoint kinds: Z2 write, Z3 read, Z4 access. */
enum { WATCH_WRITE = 1, WATCH_READ = 2 };

struct gdb_watch {
	uint32_t addr, len;
	unsigned kind;          /* WATCH_* bits */
};

struct gdb {
	struct machine *m;
	int fd;
	uint8_t in[1024];
	size_t in_pos, in_len;
	uint32_t bp[GDB_BREAKPOINTS];
	size_t nbp;
	struct gdb_watch wp[GDB_WATCHPOINTS];
	size_t nwp;
	struct vmview vms;
	int g_ctx, c_ctx;       /* Hg / Hc thread as a context: -1 hv, else VM index;
	                         * c_any: Hc -1 or 0 (whatever runs) */
	bool c_any;
	char stop_extra[64];    /* "watch:ADDR;" for the next stop reply */
	int only;               /* `monitor vm N`: breakpoints and watchpoints stop
	                         * only in this context (VM index; -1 hv), ONLY_ALL: any */
	volatile sig_atomic_t *signal;
};

#define ONLY_ALL (-2)

/* gdb thread ids: 1 = the hypervisor (root), i + 2 = VM index i. */
static int ctx_of_tid(const struct gdb *g, long tid, bool *ok)
{
	*ok = tid == 1 || (tid >= 2 && tid < 2 + (long)g->vms.n);
	return tid >= 2 ? (int)(tid - 2) : -1;
}

static int tid_of_ctx(int ctx)
{
	return ctx + 2;
}

/* The context whose instruction is next. */
static int running_ctx(struct gdb *g)
{
	return g->vms.found ? vmview_current(g->m, &g->vms) : -1;
}

static const char hexdig[] = "0123456789abcdef";

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Next byte from the client; -1 when it has gone. */
static int gdb_getc(struct gdb *g)
{
	if (g->in_pos == g->in_len) {
		ssize_t n;
		do
			n = read(g->fd, g->in, sizeof g->in);
		while (n < 0 && errno == EINTR && !*g->signal);
		if (n <= 0)
			return -1;
		g->in_pos = 0;
		g->in_len = (size_t)n;
	}
	return g->in[g->in_pos++];
}

static bool gdb_write(struct gdb *g, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = send(g->fd, buf, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Send $data#cs. Acknowledgements are read and skipped by gdb_recv. */
static bool gdb_send(struct gdb *g, const char *data)
{
	static char out[GDB_PACKET_MAX + 8];
	size_t len = strlen(data);
	uint8_t sum = 0;
	if (len > GDB_PACKET_MAX)
		len = GDB_PACKET_MAX;
	out[0] = '$';
	for (size_t i = 0; i < len; i++) {
		out[1 + i] = data[i];
		sum += (uint8_t)data[i];
	}
	out[1 + len] = '#';
	out[2 + len] = hexdig[sum >> 4];
	out[3 + len] = hexdig[sum & 15];
	return gdb_write(g, out, len + 4);
}

/* Receive one packet's payload into buf (NUL-terminated). A bare Ctrl-C
 * comes back as the one-byte payload "\x03". Returns false when the client
 * has gone. */
static bool gdb_recv(struct gdb *g, char *buf, size_t cap)
{
	for (;;) {
		int ch = gdb_getc(g);
		if (ch < 0)
			return false;
		if (ch == 0x03) {
			strcpy(buf, "\x03");
			return true;
		}
		if (ch != '$')
			continue; /* '+', '-' and noise between packets */
		size_t len = 0;
		uint8_t sum = 0;
		bool too_long = false;
		while ((ch = gdb_getc(g)) >= 0 && ch != '#') {
			sum += (uint8_t)ch;
			if (len + 1 < cap)
				buf[len++] = (char)ch;
			else
				too_long = true;
		}
		int hi = ch < 0 ? -1 : hexval(gdb_getc(g));
		int lo = hi < 0 ? -1 : hexval(gdb_getc(g));
		if (ch < 0)
			return false;
		buf[len] = '\0';
		if (hi < 0 || lo < 0 || (uint8_t)(hi << 4 | lo) != sum || too_long) {
			if (!gdb_write(g, "-", 1))
				return false;
			continue;
		}
		if (!gdb_write(g, "+", 1))
			return false;
		return true;
	}
}

/* Parse hex digits at *p up to a non-hex character. */
static bool parse_hex(const char **p, uint32_t *out)
{
	uint32_t v = 0;
	const char *s = *p;
	int d;
	if (hexval(*s) < 0)
		return false;
	while ((d = hexval(*s)) >= 0) {
		v = v << 4 | (uint32_t)d;
		s++;
	}
	*p = s;
	*out = v;
	return true;
}

/* A 32-bit register in target (little-endian) byte order. */
static void put_reg(char *out, uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		uint8_t b = (uint8_t)(v >> (8 * i));
		*out++ = hexdig[b >> 4];
		*out++ = hexdig[b & 15];
	}
}

static bool get_reg(const char *s, uint32_t *v)
{
	uint32_t r = 0;
	for (int i = 0; i < 4; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		r |= (uint32_t)(hi << 4 | lo) << (8 * i);
	}
	*v = r;
	return true;
}

static bool at_breakpoint(const struct gdb *g)
{
	uint32_t pc = vzsim_pc(g->m);    /* of whichever context runs */
	for (size_t i = 0; i < g->nbp; i++)
		if (g->bp[i] == pc)
			return true;
	return false;
}

/* Whether a Ctrl-C (0x03) arrived while running; other bytes are kept. */
static bool interrupted(struct gdb *g)
{
	if (g->in_pos < g->in_len) {
		if (g->in[g->in_pos] == 0x03) {
			g->in_pos++;
			return true;
		}
		return false;
	}
	struct pollfd p = { .fd = g->fd, .events = POLLIN };
	if (poll(&p, 1, 0) <= 0)
		return false;
	int ch = gdb_getc(g);
	if (ch == 0x03)
		return true;
	if (ch < 0)
		return true; /* client gone: stop; the next read reports it */
	g->in_pos--;      /* not ours: leave it for gdb_recv */
	return false;
}

/* A 32-bit word at va in the context that runs now. */
static bool fetch_running(struct gdb *g, uint32_t va, uint32_t *w)
{
	struct vzsim_cpu_view c;
	uint32_t gpa, pa;
	vzsim_cpu_view(g->m, &c);
	if (c.guest) {
		if (!vzsim_guest_va_to_gpa(g->m, NULL, va, false, &gpa) ||
		    !vzsim_gpa_to_pa(g->m, c.guestid, gpa, false, &pa))
			return false;
	} else if (!vzsim_root_translate(g->m, va, false, &pa)) {
		return false;
	}
	return vzsim_peek(g->m, pa, w, 4);
}

static bool is_branch(uint32_t insn)
{
	unsigned op = insn >> 26;
	if (op == 0)
		return (insn & 0x3E) == 8;   /* JR, JALR */
	return (op >= 1 && op <= 7) || (op >= 0x14 && op <= 0x17) ||
	       (op == 0x11 && ((insn >> 21) & 31) == 8); /* REGIMM, J, JAL, B*, B*L, BC1 */
}

/* The data access a load/store makes (register-plus-offset forms; the
 * indexed COP1X and DSP loads are not watched). */
static bool insn_access(struct machine *m, uint32_t insn, uint32_t *ea, uint32_t *size,
			unsigned *kind)
{
	unsigned op = insn >> 26;
	switch (op) {
	case 0x20: case 0x24: case 0x28: *size = 1; break;            /* LB LBU SB */
	case 0x21: case 0x25: case 0x29: *size = 2; break;            /* LH LHU SH */
	case 0x22: case 0x23: case 0x26: case 0x2A: case 0x2B: case 0x2E:
	case 0x30: case 0x31: case 0x38: case 0x39: *size = 4; break; /* LW* SW* LL SC LWC1 SWC1 */
	case 0x35: case 0x3D: *size = 8; break;                       /* LDC1 SDC1 */
	default: return false;
	}
	*kind = (op >= 0x28 && op <= 0x2E) || op == 0x38 || op == 0x39 || op == 0x3D
		? WATCH_WRITE : WATCH_READ;
	*ea = vzsim_gpr(m, (int)((insn >> 21) & 31)) + (uint32_t)(int32_t)(int16_t)insn;
	if (op == 0x22 || op == 0x26 || op == 0x2A || op == 0x2E)
		*ea &= ~3u; /* LWL/LWR/SWL/SWR touch bytes of this aligned word */
	return true;
}

/* Whether the next step touches a watched range; *hit describes it. */
static bool watch_due(struct gdb *g, char *hit, size_t cap)
{
	uint32_t pc = vzsim_pc(g->m), insn[2];
	unsigned n = 0;
	if (!fetch_running(g, pc, &insn[0]))
		return false;
	n = 1;
	if (is_branch(insn[0]) && fetch_running(g, pc + 4, &insn[1]))
		n = 2; /* its delay slot runs in the same step */
	for (unsigned k = 0; k < n; k++) {
		uint32_t ea, size;
		unsigned kind;
		if (!insn_access(g->m, insn[k], &ea, &size, &kind))
			continue;
		for (size_t w = 0; w < g->nwp; w++) {
			const struct gdb_watch *wp = &g->wp[w];
			if (!(wp->kind & kind) || ea >= wp->addr + wp->len || wp->addr >= ea + size)
				continue;
			snprintf(hit, cap, "%swatch:%x;",
				 wp->kind == (WATCH_READ | WATCH_WRITE) ? "a" :
				 wp->kind == WATCH_READ ? "r" : "", (unsigned)wp->addr);
			return true;
		}
	}
	return false;
}

/* One instruction (or the wait up to the next event: nothing can run
 * before it, so stepping through a WAIT cycle by cycle would only cost). */
static enum vzsim_stop step_one(struct machine *m)
{
	struct vzsim_cpu_view c;
	vzsim_cpu_view(m, &c);
	uint64_t now = vzsim_cycles(m);
	if (c.waiting && c.next_event > now + 1)
		return vzsim_run(m, c.next_event - now);
	return vzsim_run(m, 1);
}

/* Run until a breakpoint, a watchpoint, Ctrl-C, a halt or fatal error.
 * step: until one instruction of the Hc thread has run and that thread's
 * next instruction is the next one (other threads may run meanwhile). */
static enum vzsim_stop gdb_resume(struct gdb *g, bool step)
{
	struct machine *m = g->m;
	enum vzsim_stop stop;
	/* Hc -1/0: gdb steps the thread it has selected (Hg), the others run. */
	int want = g->c_any ? g->g_ctx : g->c_ctx;
	bool ran = false;
	/* gdb resumes one thread (Hc N, e.g. its software single step) or all:
	 * only that thread, or the `monitor vm` one, may stop the run. */
	int scope = g->c_any ? g->only : g->c_ctx;
	g->stop_extra[0] = '\0';
	for (uint64_t n = 1;; n++) {
		if (step || g->nbp || g->nwp) {
			struct vzsim_cpu_view before, after;
			char hit[sizeof g->stop_extra];
			int ctx = running_ctx(g);
			bool watched = g->nwp && watch_due(g, hit, sizeof hit);
			vzsim_cpu_view(m, &before);
			stop = step_one(m);
			vzsim_cpu_view(m, &after);
			bool executed = !before.waiting && after.exc_seq == before.exc_seq;
			ran |= ctx == want && !before.waiting;
			bool scoped = scope == ONLY_ALL || scope == ctx;
			if (stop == VZSIM_STOP_LIMIT && watched && executed && scoped) {
				strcpy(g->stop_extra, hit);
				break;
			}
			if (stop == VZSIM_STOP_LIMIT && step && ran && running_ctx(g) == want &&
			    !after.waiting)
				break;
			if (stop == VZSIM_STOP_LIMIT && at_breakpoint(g) && !after.waiting &&
			    (scope == ONLY_ALL || scope == running_ctx(g)))
				break;
			if (n % GDB_STEP_POLL && stop == VZSIM_STOP_LIMIT)
				continue;
		} else {
			stop = vzsim_run(m, GDB_RUN_SLICE);
		}
		fflush(stdout);
		if (stop != VZSIM_STOP_LIMIT || interrupted(g) || *g->signal)
			break;
	}
	fflush(stdout);
	return stop;
}

static void report_stop(struct gdb *g, enum vzsim_stop stop)
{
	if (stop == VZSIM_STOP_FATAL)
		fprintf(stderr, "vzlet-sim: simulation error at pc 0x%08x: %s\n",
			(unsigned)vzsim_pc(g->m), vzsim_error(g->m));
	else if (stop == VZSIM_STOP_HALT)
		fprintf(stderr, "vzlet-sim: core halted at pc 0x%08x\n", (unsigned)vzsim_pc(g->m));
}

/* "T05thread:N;" plus what stopped it. */
static void stop_reply(struct gdb *g, char *reply)
{
	int ctx = running_ctx(g);
	snprintf(reply, GDB_PACKET_MAX, "T05%sthread:%x;", g->stop_extra, (unsigned)tid_of_ctx(ctx));
	g->stop_extra[0] = '\0';
	g->g_ctx = ctx; /* gdb reads the stopped thread's registers next */
}

static void put_hex(char *out, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hexdig[b[i] >> 4];
		out[2 * i + 1] = hexdig[b[i] & 15];
	}
	out[2 * n] = '\0';
}

/* One register in 'g'/'p' form: 8 hex digits or "xxxxxxxx". */
static void put_gdb_reg(struct gdb *g, char *out, unsigned r)
{
	uint32_t v;
	if (gdb_reg_get(g->m, &g->vms, g->g_ctx, r, &v)) {
		put_reg(out, v);
		out[8] = '\0';
	} else {
		strcpy(out, "xxxxxxxx");
	}
}

/* qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH on a string. */
static void xfer(const char *text, size_t len, const char *p, char *reply)
{
	uint32_t off, n;
	if (!parse_hex(&p, &off) || *p++ != ',' || !parse_hex(&p, &n)) {
		strcpy(reply, "E01");
		return;
	}
	if (n > GDB_PACKET_MAX - 2)
		n = GDB_PACKET_MAX - 2;
	if (off >= len) {
		strcpy(reply, "l");
		return;
	}
	size_t take = len - off < n ? len - off : n;
	reply[0] = off + take < len ? 'm' : 'l';
	memcpy(reply + 1, text + off, take); /* no $, #, } or * in the XML */
	reply[1 + take] = '\0';
}

static void threads_xml(struct gdb *g, char *buf, size_t cap, size_t *len)
{
	int n = snprintf(buf, cap, "<?xml version=\"1.0\"?>\n<threads>\n<thread id=\"1\" name=\"%s\"/>\n",
			 g->vms.found ? "hv" : "core");
	for (unsigned i = 0; i < g->vms.n && n > 0 && (size_t)n < cap; i++)
		n += snprintf(buf + n, cap - (size_t)n, "<thread id=\"%x\" name=\"vm%u %s\"/>\n",
			      (unsigned)tid_of_ctx((int)i), g->vms.vm[i].id, g->vms.vm[i].name);
	if (n > 0 && (size_t)n < cap)
		n += snprintf(buf + n, cap - (size_t)n, "</threads>\n");
	*len = n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* qRcmd (gdb's `monitor`): "vm N" scopes breakpoints and watchpoints to VM N
 * (0: the hypervisor), "vm all" lifts it, "vm" shows it. The reply is the
 * text, hex-encoded. */
static void monitor(struct gdb *g, const char *hex, char *reply)
{
	char cmd[64] = { 0 }, out[160];
	size_t n = 0;
	while (hex[0] && hex[1] && n + 1 < sizeof cmd) {
		int hi = hexval(hex[0]), lo = hexval(hex[1]);
		if (hi < 0 || lo < 0)
			break;
		cmd[n++] = (char)(hi << 4 | lo);
		hex += 2;
	}
	cmd[n] = '\0';
	if (strncmp(cmd, "vm", 2) == 0 && (cmd[2] == ' ' || cmd[2] == '\0')) {
		const char *arg = cmd + 2;
		while (*arg == ' ')
			arg++;
		char *end;
		long id = strtol(arg, &end, 10);
		if (strcmp(arg, "all") == 0)
			g->only = ONLY_ALL;
		else if (*arg && (*end || id < 0 || id > (long)g->vms.n)) {
			snprintf(out, sizeof out, "no VM '%s' (0: the hypervisor, 1-%u, all)\n", arg, g->vms.n);
			put_hex(reply, (const uint8_t *)out, strlen(out));
			return;
		} else if (*arg)
			g->only = id == 0 ? -1 : (int)id - 1;
		if (g->only == ONLY_ALL)
			snprintf(out, sizeof out, "breakpoints and watchpoints stop in any thread\n");
		else if (g->only < 0)
			snprintf(out, sizeof out, "breakpoints and watchpoints stop only in thread 1 (hv)\n");
		else
			snprintf(out, sizeof out, "breakpoints and watchpoints stop only in thread %d (vm%u %s)\n",
				 tid_of_ctx(g->only), g->vms.vm[g->only].id, g->vms.vm[g->only].name);
	} else {
		snprintf(out, sizeof out, "vzlet-sim monitor commands: vm N | vm all | vm\n");
	}
	put_hex(reply, (const uint8_t *)out, strlen(out));
}

static bool handle_query(struct gdb *g, const char *pkt, char *reply)
{
	if (strncmp(pkt, "qRcmd,", 6) == 0) {
		monitor(g, pkt + 6, reply);
		return true;
	}
	if (strncmp(pkt, "qSupported", 10) == 0) {
		snprintf(reply, GDB_PACKET_MAX,
			 "PacketSize=%x;qXfer:features:read+;qXfer:threads:read+", GDB_PACKET_MAX);
	} else if (strcmp(pkt, "qAttached") == 0) {
		strcpy(reply, "1");
	} else if (strcmp(pkt, "qC") == 0) {
		snprintf(reply, GDB_PACKET_MAX, "QC%x", (unsigned)tid_of_ctx(running_ctx(g)));
	} else if (strcmp(pkt, "qfThreadInfo") == 0) {
		int n = snprintf(reply, GDB_PACKET_MAX, "m1");
		for (unsigned i = 0; i < g->vms.n; i++)
			n += snprintf(reply + n, GDB_PACKET_MAX - (size_t)n, ",%x",
				      (unsigned)tid_of_ctx((int)i));
	} else if (strcmp(pkt, "qsThreadInfo") == 0) {
		strcpy(reply, "l");
	} else if (strncmp(pkt, "qXfer:features:read:target.xml:", 31) == 0) {
		size_t len;
		const char *xml = gdb_target_xml(&len);
		xfer(xml, len, pkt + 31, reply);
	} else if (strncmp(pkt, "qXfer:threads:read::", 20) == 0) {
		static char xml[2048];
		size_t len;
		threads_xml(g, xml, sizeof xml, &len);
		xfer(xml, len, pkt + 20, reply);
	} else if (strncmp(pkt, "qXfer:", 6) == 0) {
		strcpy(reply, "E00");
	}
	return true;
}

/* Z/z TYPE,ADDR,KIND: 0/1 breakpoints, 2/3/4 watchpoints (write/read/access). */
static void handle_point(struct gdb *g, const char *pkt, char *reply)
{
	const char *p = pkt + 2;
	uint32_t addr, kind;
	unsigned type = (unsigned)(pkt[1] - '0');
	bool insert = pkt[0] == 'Z';
	if (type > 4) {
		reply[0] = '\0';
		return;
	}
	if (*p++ != ',' || !parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &kind)) {
		strcpy(reply, "E01");
		return;
	}
	strcpy(reply, "OK");
	if (type <= 1) {
		size_t i = 0;
		addr &= ~1u; /* microMIPS code: gdb may send the ISA bit; the stub compares the PC without it */
		while (i < g->nbp && g->bp[i] != addr)
			i++;
		if (insert && i == g->nbp) {
			if (g->nbp == GDB_BREAKPOINTS)
				strcpy(reply, "E02");
			else
				g->bp[g->nbp++] = addr;
		} else if (!insert && i < g->nbp) {
			g->bp[i] = g->bp[--g->nbp];
		}
		return;
	}
	unsigned wk = type == 2 ? WATCH_WRITE : type == 3 ? WATCH_READ : WATCH_READ | WATCH_WRITE;
	size_t i = 0;
	while (i < g->nwp && !(g->wp[i].addr == addr && g->wp[i].len == kind && g->wp[i].kind == wk))
		i++;
	if (insert && i == g->nwp) {
		if (g->nwp == GDB_WATCHPOINTS || kind == 0)
			strcpy(reply, "E02");
		else
			g->wp[g->nwp++] = (struct gdb_watch){ addr, kind, wk };
	} else if (!insert && i < g->nwp) {
		g->wp[i] = g->wp[--g->nwp];
	}
}

/* Handle one packet; *reply gets the answer. Returns false to end the session. */
static bool handle(struct gdb *g, const char *pkt, char *reply, enum gdb_end *end)
{
	struct machine *m = g->m;
	const char *p = pkt + 1;
	uint32_t addr, len, v;
	reply[0] = '\0';
	switch (pkt[0]) {
	case '?':
	case 0x03:
		stop_reply(g, reply);
		break;
	case 'g':
		for (unsigned r = 0; r < gdb_reg_count(); r++)
			put_gdb_reg(g, reply + 8 * r, r);
		break;
	case 'G':
		for (unsigned r = 0; r < gdb_reg_count() && strlen(p) >= 8 * (size_t)(r + 1); r++)
			if (get_reg(p + 8 * r, &v))
				gdb_reg_set(m, &g->vms, g->g_ctx, r, v); /* read-only ones keep their value */
		strcpy(reply, "OK");
		break;
	case 'p':
		if (!parse_hex(&p, &addr))
			strcpy(reply, "E01");
		else
			put_gdb_reg(g, reply, addr);
		break;
	case 'P':
		if (parse_hex(&p, &addr) && *p++ == '=' && get_reg(p, &v) &&
		    gdb_reg_set(m, &g->vms, g->g_ctx, addr, v))
			strcpy(reply, "OK");
		else
			strcpy(reply, "E01");
		break;
	case 'm': {
		uint8_t buf[GDB_PACKET_MAX / 2];
		if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) ||
		    len > sizeof buf || !vmview_access(m, &g->vms, g->g_ctx, addr, buf, len, false)) {
			strcpy(reply, "E01");
			break;
		}
		put_hex(reply, buf, len);
		break;
	}
	case 'M': {
		uint8_t buf[GDB_PACKET_MAX / 2];
		if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) || *p++ != ':' ||
		    len > sizeof buf || strlen(p) != 2 * (size_t)len) {
			strcpy(reply, "E01");
			break;
		}
		for (uint32_t i = 0; i < len; i++) {
			int hi = hexval(p[2 * i]), lo = hexval(p[2 * i + 1]);
			if (hi < 0 || lo < 0) {
				strcpy(reply, "E01");
				return true;
			}
			buf[i] = (uint8_t)(hi << 4 | lo);
		}
		strcpy(reply, vmview_access(m, &g->vms, g->g_ctx, addr, buf, len, true) ? "OK" : "E01");
		break;
	}
	case 'c':
	case 's': {
		if (parse_hex(&p, &addr))
			vzsim_set_reg(m, VZSIM_REG_PC, addr);
		enum vzsim_stop stop = gdb_resume(g, pkt[0] == 's');
		report_stop(g, stop);
		if (*g->signal) {
			*end = GDB_END_SIGNAL;
			return false;
		}
		stop_reply(g, reply);
		break;
	}
	case 'Z':
	case 'z':
		handle_point(g, pkt, reply);
		break;
	case 'k':
		*end = GDB_END_KILL;
		return false;
	case 'D':
		gdb_send(g, "OK");
		*end = GDB_END_DETACH;
		return false;
	case 'H': {
		bool ok = true;
		long tid = strtol(pkt + 2, NULL, 16);
		bool any = tid <= 0;
		int ctx = any ? running_ctx(g) : ctx_of_tid(g, tid, &ok);
		if (!ok) {
			strcpy(reply, "E01");
		} else {
			if (pkt[1] == 'g')
				g->g_ctx = ctx;
			else {
				g->c_ctx = ctx;
				g->c_any = any;
			}
			strcpy(reply, "OK");
		}
		break;
	}
	case 'T': {
		bool ok;
		ctx_of_tid(g, strtol(pkt + 1, NULL, 16), &ok);
		strcpy(reply, ok ? "OK" : "E01");
		break;
	}
	case 'q':
		return handle_query(g, pkt, reply);
	default:
		break; /* empty reply: not supported */
	}
	return true;
}

int gdb_listen(uint16_t port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 1) != 0) {
		fprintf(stderr, "vzlet-sim: --gdb: cannot listen on 127.0.0.1:%u: %s\n", port,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

enum gdb_end gdb_serve(struct machine *m, int listen_fd, volatile sig_atomic_t *signal)
{
	static char pkt[GDB_PACKET_MAX + 1], reply[GDB_PACKET_MAX + 1];
	static struct gdb g;
	memset(&g, 0, sizeof g);
	g.m = m;
	g.signal = signal;
	vmview_scan(m, &g.vms);
	g.g_ctx = g.c_ctx = running_ctx(&g);
	g.c_any = true;
	g.only = ONLY_ALL;
	enum gdb_end end = GDB_END_GONE;
	do
		g.fd = accept(listen_fd, NULL, NULL);
	while (g.fd < 0 && errno == EINTR && !*signal);
	if (g.fd < 0)
		return *signal ? GDB_END_SIGNAL : GDB_END_GONE;
	while (gdb_recv(&g, pkt, sizeof pkt)) {
		if (!handle(&g, pkt, reply, &end))
			break;
		if (!gdb_send(&g, reply))
			break;
	}
	if (end == GDB_END_GONE && *signal)
		end = GDB_END_SIGNAL;
	close(g.fd);
	return end;
}
