/* SPDX-License-Identifier: Apache-2.0 */
/* gdbstub.c - a GDB remote serial protocol server (vzlet-sim --gdb PORT).
 *
 * One client on 127.0.0.1:PORT drives the simulation: the core stays at the
 * reset vector until gdb says continue or step. Registers are the 38 that
 * gdb's MIPS target expects first (r0-r31, sr, lo, hi, bad, cause, pc);
 * shorter 'g' replies leave the FPU ones unavailable. Memory is reached
 * through KSEG0/KSEG1 only. Breakpoints live here, not in guest memory:
 * while any exists the core runs one instruction at a time and the PC is
 * compared after each one (a branch and its delay slot are one step). */
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
#define GDB_RUN_SLICE 100000u     /* cycles between looks for Ctrl-C, no breakpoints */
#define GDB_STEP_POLL 4096u       /* steps between looks for Ctrl-C, with breakpoints */

struct gdb {
	struct machine *m;
	int fd;
	uint8_t in[1024];
	size_t in_pos, in_len;
	uint32_t bp[GDB_BREAKPOINTS];
	size_t nbp;
	volatile sig_atomic_t *signal;
};

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
	uint32_t pc = vzsim_pc(g->m);
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

/* Run until a breakpoint, Ctrl-C, a halt or fatal error. step: one step. */
static enum vzsim_stop gdb_resume(struct gdb *g, bool step)
{
	struct machine *m = g->m;
	enum vzsim_stop stop;
	if (step) {
		stop = vzsim_run(m, 1);
		fflush(stdout);
		return stop;
	}
	for (uint64_t n = 1;; n++) {
		if (g->nbp) {
			stop = vzsim_run(m, 1);
			if (stop == VZSIM_STOP_LIMIT && at_breakpoint(g))
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
		strcpy(reply, "T05");
		break;
	case 'g':
		for (int r = 0; r < VZSIM_REG_COUNT; r++)
			put_reg(reply + 8 * r, vzsim_get_reg(m, r));
		reply[8 * VZSIM_REG_COUNT] = '\0';
		break;
	case 'G':
		for (int r = 0; r < VZSIM_REG_COUNT && strlen(p) >= 8 * (size_t)(r + 1); r++)
			if (get_reg(p + 8 * r, &v) && r != 0)
				vzsim_set_reg(m, r, v); /* read-only ones keep their value */
		strcpy(reply, "OK");
		break;
	case 'p':
		if (!parse_hex(&p, &addr)) {
			strcpy(reply, "E01");
		} else if (addr < VZSIM_REG_COUNT) {
			put_reg(reply, vzsim_get_reg(m, (int)addr));
			reply[8] = '\0';
		} else {
			strcpy(reply, "xxxxxxxx"); /* FPU and others: unavailable */
		}
		break;
	case 'P':
		if (!parse_hex(&p, &addr) || *p++ != '=' || !get_reg(p, &v))
			strcpy(reply, "E01");
		else if (addr == 0 || vzsim_set_reg(m, (int)addr, v))
			strcpy(reply, "OK");
		else
			strcpy(reply, "E01");
		break;
	case 'm': {
		uint8_t buf[GDB_PACKET_MAX / 2];
		if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) ||
		    len > sizeof buf || !vzsim_read_virt(m, addr, buf, len)) {
			strcpy(reply, "E01");
			break;
		}
		for (uint32_t i = 0; i < len; i++) {
			reply[2 * i] = hexdig[buf[i] >> 4];
			reply[2 * i + 1] = hexdig[buf[i] & 15];
		}
		reply[2 * len] = '\0';
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
		strcpy(reply, vzsim_write_virt(m, addr, buf, len) ? "OK" : "E01");
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
		strcpy(reply, "T05");
		break;
	}
	case 'Z':
	case 'z':
		if (pkt[1] != '0') {
			break; /* only software breakpoints */
		}
		p = pkt + 2;
		if (*p++ != ',' || !parse_hex(&p, &addr)) {
			strcpy(reply, "E01");
			break;
		}
		if (pkt[0] == 'Z') {
			bool have = false;
			for (size_t i = 0; i < g->nbp; i++)
				have |= g->bp[i] == addr;
			if (!have && g->nbp == GDB_BREAKPOINTS) {
				strcpy(reply, "E02");
				break;
			}
			if (!have)
				g->bp[g->nbp++] = addr;
		} else {
			for (size_t i = 0; i < g->nbp; i++)
				if (g->bp[i] == addr) {
					g->bp[i] = g->bp[--g->nbp];
					break;
				}
		}
		strcpy(reply, "OK");
		break;
	case 'k':
		*end = GDB_END_KILL;
		return false;
	case 'D':
		gdb_send(g, "OK");
		*end = GDB_END_DETACH;
		return false;
	case 'H':
		strcpy(reply, "OK");
		break;
	case 'q':
		if (strncmp(pkt, "qSupported", 10) == 0)
			snprintf(reply, GDB_PACKET_MAX, "PacketSize=%x", GDB_PACKET_MAX);
		else if (strcmp(pkt, "qAttached") == 0)
			strcpy(reply, "1");
		break;
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
	struct gdb g = { .m = m, .signal = signal };
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
