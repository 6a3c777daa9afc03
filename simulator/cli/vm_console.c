/* SPDX-License-Identifier: Apache-2.0 */
/* vm_console.c - a VM's console on its own endpoint (--vm-console
 * N=WHERE): the vzlet hypervisor prints every VM's lines on one UART,
 * tagged "[N] ", and sends keys to the VM that has the input focus
 * (Ctrl-E N; docs/console.md). Here, between that UART and the host, the
 * lines tagged with a routed VM's number go, without the tag, to that VM's
 * endpoint (a TCP port, a pty, a file) instead of the console's; keys read
 * from the endpoint are typed on the console, preceded by Ctrl-E N when the
 * focus is elsewhere. Everything else stays on the console's endpoint. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CTRL_E 0x05

int vmcon_parse(struct vm_consoles *v, const char *spec)
{
	char *end;
	long n = strtol(spec, &end, 10);
	if (end == spec || *end != '=' || n < 1 || n > CLI_VMS) {
		fprintf(stderr, "vzlet-sim: --vm-console needs N=WHERE with N 1..%d, not '%s'\n",
			CLI_VMS, spec);
		return -1;
	}
	char label[24];
	snprintf(label, sizeof label, "vm%ld's console", n);
	if (endpoint_parse_where(&v->ep[n], end + 1, label) != 0)
		return -1;
	if (v->ep[n].kind == EP_STDIO) {
		fprintf(stderr, "vzlet-sim: --vm-console %ld: stdio is the console itself\n", n);
		return -1;
	}
	v->routed[n] = true;
	v->any = true;
	return 0;
}

int vmcon_open(struct vm_consoles *v, bool quiet)
{
	v->line_start = true;
	v->focus = 1;   /* the hypervisor's initial focus */
	for (int n = 1; n <= CLI_VMS; n++)
		if (v->routed[n] && endpoint_open(&v->ep[n], quiet) != 0)
			return -1;
	return 0;
}

int vmcon_wait(struct vm_consoles *v, int timeout_ms, bool quiet)
{
	for (int n = 1; n <= CLI_VMS; n++)
		if (v->routed[n] && endpoint_wait_client(&v->ep[n], timeout_ms, quiet) != 0)
			return -1;
	return 0;
}

void vmcon_close(struct vm_consoles *v)
{
	for (int n = 1; n <= CLI_VMS; n++)
		if (v->routed[n])
			endpoint_close(&v->ep[n]);
}

/* A console line ended: if it was the hypervisor's focus confirmation,
 * the focus is known from it (whoever typed the Ctrl-E). */
static void line_seen(struct vm_consoles *v)
{
	static const char vm[] = "[hv] input to vm", hv[] = "[hv] input to the hypervisor";
	v->line[v->nline] = 0;
	if (strncmp(v->line, vm, sizeof vm - 1) == 0 && v->line[sizeof vm - 1] >= '1' &&
	    v->line[sizeof vm - 1] <= '7')
		v->focus = v->line[sizeof vm - 1] - '0';
	else if (strncmp(v->line, hv, sizeof hv - 1) == 0)
		v->focus = 0;
	v->nline = 0;
}

size_t vmcon_output(struct vm_consoles *v, uint8_t byte, uint8_t out[8])
{
	size_t n = 0;
	if (v->route) {                     /* inside a routed VM's line */
		endpoint_put(&v->ep[v->route], byte);
		if (byte == '\n') {
			v->route = 0;
			v->line_start = true;
		}
		return 0;
	}
	if (v->line_start) {                /* a tag "[N] " being read */
		v->held[v->nheld++] = (char)byte;
		static const char shape[] = "[0] ";
		unsigned k = v->nheld - 1;
		bool fits = k == 1 ? byte >= '1' && byte <= '7' : byte == (uint8_t)shape[k];
		if (fits && v->nheld < 4)
			return 0;
		if (fits && v->routed[v->held[1] - '0']) {
			v->route = v->held[1] - '0';
			v->nheld = 0;
			v->line_start = false;
			return 0;
		}
		v->line_start = false;      /* not a routed tag: the console's */
		for (unsigned i = 0; i < v->nheld; i++) {
			out[n++] = (uint8_t)v->held[i];
			if (v->nline < sizeof v->line - 1)
				v->line[v->nline++] = v->held[i];
		}
		v->nheld = 0;
		if (byte == '\n') {
			line_seen(v);
			v->line_start = true;
		}
		return n;
	}
	out[n++] = byte;
	if (byte == '\n') {
		line_seen(v);
		v->line_start = true;
	} else if (v->nline < sizeof v->line - 1) {
		v->line[v->nline++] = (char)byte;
	}
	return n;
}

size_t vmcon_input(struct vm_consoles *v, uint8_t *buf, size_t max)
{
	size_t n = 0;
	for (int vm = 1; vm <= CLI_VMS; vm++) {
		if (!v->routed[vm])
			continue;
		uint8_t in[16];
		/* room for the focus switch and every key doubled (Ctrl-E) */
		if (max - n < 2 + 2 * sizeof in)
			break;
		size_t k = endpoint_poll_input(&v->ep[vm], in, sizeof in);
		if (!k)
			continue;
		if (v->focus != vm) {
			buf[n++] = CTRL_E;
			buf[n++] = (uint8_t)('0' + vm);
			v->focus = vm;      /* until the confirmation says otherwise */
		}
		for (size_t i = 0; i < k; i++) {
			if (in[i] == CTRL_E)    /* a literal Ctrl-E for the VM */
				buf[n++] = CTRL_E;
			buf[n++] = in[i];
		}
	}
	return n;
}
