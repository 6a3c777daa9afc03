/* SPDX-License-Identifier: Apache-2.0 */
/* uart_endpoint.c - where each simulated UART's bytes go and come from:
 * stdio, a file (output only), a pseudo-terminal, a TCP port on localhost,
 * or nowhere. None of them ever blocks the simulation: a pty nobody reads
 * drops output, a TCP port holds output until the first client connects.
 * (By default the run does not start before a client has connected to each
 * TCP port: endpoint_wait_client, --tcp-wait.) */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

#define TCP_PENDING_MAX (64u * 1024)

int endpoint_parse(struct endpoint eps[CLI_UARTS], const char *spec)
{
	char *end;
	long n = strtol(spec, &end, 10);
	if (end == spec || *end != '=' || n < 1 || n > CLI_UARTS) {
		fprintf(stderr, "vzlet-sim: --uart needs N=WHERE with N 1..6, not '%s'\n", spec);
		return -1;
	}
	char label[sizeof eps[0].label];
	snprintf(label, sizeof label, "UART%ld", n);
	if (endpoint_parse_where(&eps[n - 1], end + 1, label) != 0)
		return -1;
	eps[n - 1].uart = (int)n;
	return 0;
}

int endpoint_parse_where(struct endpoint *ep, const char *where, const char *label)
{
	char *end;
	memset(ep, 0, sizeof *ep);
	snprintf(ep->label, sizeof ep->label, "%s", label);
	ep->out_fd = ep->in_fd = ep->listen_fd = ep->pty_slave_fd = -1;
	if (strcmp(where, "stdio") == 0) {
		ep->kind = EP_STDIO;
	} else if (strcmp(where, "none") == 0) {
		ep->kind = EP_NONE;
	} else if (strcmp(where, "pty") == 0) {
		ep->kind = EP_PTY;
	} else if (strncmp(where, "file:", 5) == 0 && where[5]) {
		ep->kind = EP_FILE;
		if (strlen(where + 5) >= sizeof ep->path) {
			fprintf(stderr, "vzlet-sim: %s: file name too long\n", label);
			return -1;
		}
		strcpy(ep->path, where + 5);
	} else if (strncmp(where, "tcp:", 4) == 0) {
		long port = strtol(where + 4, &end, 10);
		if (end == where + 4 || *end || port < 1 || port > 65535) {
			fprintf(stderr, "vzlet-sim: %s: bad TCP port '%s'\n", label, where + 4);
			return -1;
		}
		ep->kind = EP_TCP;
		ep->port = (uint16_t)port;
	} else {
		fprintf(stderr, "vzlet-sim: %s: unknown destination '%s' "
			"(stdio, file:PATH, pty, tcp:PORT or none)\n", label, where);
		return -1;
	}
	return 0;
}

static int set_nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int endpoint_open(struct endpoint *ep, bool quiet)
{
	switch (ep->kind) {
	case EP_NONE:
	case EP_STDIO:
		return 0;
	case EP_FILE:
		ep->out_fd = open(ep->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (ep->out_fd < 0) {
			fprintf(stderr, "vzlet-sim: %s: %s: %s\n", ep->label, ep->path, strerror(errno));
			return -1;
		}
		return 0;
	case EP_PTY: {
		int master, slave;
		char name[128];
		if (openpty(&master, &slave, name, NULL, NULL) != 0) {
			fprintf(stderr, "vzlet-sim: %s: cannot open a pty: %s\n", ep->label, strerror(errno));
			return -1;
		}
		struct termios t;
		if (tcgetattr(slave, &t) == 0) {
			cfmakeraw(&t);
			tcsetattr(slave, TCSANOW, &t);
		}
		set_nonblocking(master);
		ep->out_fd = ep->in_fd = master;
		ep->pty_slave_fd = slave;
		snprintf(ep->path, sizeof ep->path, "%s", name);
		if (!quiet)
			fprintf(stderr, "vzlet-sim: %s is on %s\n", ep->label, ep->path);
		return 0;
	}
	case EP_TCP: {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		int one = 1;
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ep->port) };
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
		    bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 1) != 0 ||
		    set_nonblocking(fd) != 0) {
			fprintf(stderr, "vzlet-sim: %s: cannot listen on 127.0.0.1:%u: %s\n", ep->label,
				ep->port, strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		ep->listen_fd = fd;
		if (!quiet)
			fprintf(stderr, "vzlet-sim: %s is on 127.0.0.1:%u (connect with: nc localhost %u)\n",
				ep->label, ep->port, ep->port);
		return 0;
	}
	}
	return 0;
}

void endpoint_close(struct endpoint *ep)
{
	if (ep->kind == EP_STDIO || ep->kind == EP_NONE)
		return;
	if (ep->out_fd >= 0)
		close(ep->out_fd);
	if (ep->in_fd >= 0 && ep->in_fd != ep->out_fd)
		close(ep->in_fd);
	if (ep->listen_fd >= 0)
		close(ep->listen_fd);
	if (ep->pty_slave_fd >= 0)
		close(ep->pty_slave_fd);
	free(ep->pending);
	ep->pending = NULL;
	ep->out_fd = ep->in_fd = ep->listen_fd = ep->pty_slave_fd = -1;
}

static void tcp_drop_client(struct endpoint *ep)
{
	close(ep->out_fd);
	ep->out_fd = ep->in_fd = -1;
}

void endpoint_put(struct endpoint *ep, uint8_t byte)
{
	switch (ep->kind) {
	case EP_NONE:
		return;
	case EP_STDIO:
		putchar(byte);
		return;
	case EP_FILE:
	case EP_PTY:
		/* a full pty (nobody reading) loses bytes, like a line with no listener */
		if (write(ep->out_fd, &byte, 1) < 0 && ep->kind == EP_FILE && errno != EINTR) {
			fprintf(stderr, "vzlet-sim: %s: %s: %s\n", ep->label, ep->path, strerror(errno));
			ep->kind = EP_NONE;
		}
		return;
	case EP_TCP:
		if (ep->out_fd >= 0) {
			if (send(ep->out_fd, &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 &&
			    errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
				tcp_drop_client(ep);
			return;
		}
		if (ep->npending == ep->cappending) {
			if (ep->cappending >= TCP_PENDING_MAX)
				return;
			size_t cap = ep->cappending ? ep->cappending * 2 : 1024;
			uint8_t *p = realloc(ep->pending, cap);
			if (!p)
				return;
			ep->pending = p;
			ep->cappending = cap;
		}
		ep->pending[ep->npending++] = byte;
		return;
	}
}

/* Take a waiting TCP client, if any, and give it the output held so far. */
static bool tcp_accept(struct endpoint *ep)
{
	int c = accept(ep->listen_fd, NULL, NULL);
	if (c < 0)
		return false;
	set_nonblocking(c);
	ep->out_fd = ep->in_fd = c;
	for (size_t i = 0; i < ep->npending; i++)
		endpoint_put(ep, ep->pending[i]);
	ep->npending = 0;
	return true;
}

int endpoint_wait_client(struct endpoint *ep, int timeout_ms, bool quiet)
{
	if (ep->kind != EP_TCP || ep->listen_fd < 0 || ep->out_fd >= 0)
		return 0;
	if (!quiet)
		fprintf(stderr, "vzlet-sim: waiting for a client on %s (127.0.0.1:%u)\n", ep->label,
			ep->port);
	struct pollfd p = { .fd = ep->listen_fd, .events = POLLIN };
	for (;;) {
		int r = poll(&p, 1, timeout_ms);
		if (r > 0 && tcp_accept(ep))
			return 0;
		if (r == 0) {
			fprintf(stderr, "vzlet-sim: %s: no client on 127.0.0.1:%u within %d s\n",
				ep->label, ep->port, timeout_ms / 1000);
			return -1;
		}
		if (r < 0 && errno != EINTR) {
			fprintf(stderr, "vzlet-sim: %s: %s\n", ep->label, strerror(errno));
			return -1;
		}
	}
}

size_t endpoint_poll_input(struct endpoint *ep, uint8_t *buf, size_t max)
{
	if (ep->kind == EP_TCP && ep->out_fd < 0 && ep->listen_fd >= 0 && !tcp_accept(ep))
		return 0;
	if (ep->in_fd < 0 || ep->kind == EP_STDIO || max == 0)
		return 0;
	ssize_t n = read(ep->in_fd, buf, max);
	if (n > 0)
		return (size_t)n;
	if (n == 0 && ep->kind == EP_TCP)
		tcp_drop_client(ep); /* client left: wait for the next one */
	return 0;
}
