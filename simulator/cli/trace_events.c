/* SPDX-License-Identifier: Apache-2.0 */
/* trace_events.c - vzlet-sim --trace-events FILE.json: what the system did,
 * in the Trace Event format that Perfetto and chrome://tracing open.
 *
 * The core's time is cut into consecutive slices (category "cpu"), so their
 * durations add up to the simulated time: "run" on a VM's track while it is
 * in guest mode, and on the hypervisor's track "exit CAUSE" from an exit to
 * the next guest entry or idle (its cost), "idle" while root sleeps in WAIT,
 * "root" for the rest (boot, the interrupt that ended an idle). Instants
 * mark interrupts (raised, injected, taken, acknowledged), console lines and
 * LED changes. Timestamps are microseconds of simulated time (200 MHz). */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "cli.h"

#define TE_HV_TID 0            /* the hypervisor's track; VM n is track n */

static double us(uint64_t cycle)
{
	return (double)cycle / (CLI_SYSCLK_HZ / 1000000.0);
}

/* JSON string body: printable ASCII kept, the rest escaped. */
static void put_json_text(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20 || ch > 0x7E)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
}

static void sep(struct trace_events *t)
{
	fputs(t->first ? "\n" : ",\n", t->f);
	t->first = false;
}

/* Close the open slice at `now`. */
static void slice_end(struct trace_events *t, uint64_t now)
{
	if (now > t->start) {
		sep(t);
		fprintf(t->f, "{\"ph\":\"X\",\"cat\":\"cpu\",\"pid\":1,\"tid\":%u,\"name\":\"%s\","
			      "\"ts\":%.3f,\"dur\":%.3f,\"args\":{\"cycles\":%" PRIu64 "%s}}",
			t->tid, t->name, us(t->start), us(now) - us(t->start), now - t->start, t->args);
		t->total += now - t->start;
	}
	t->start = now;
}

static void slice_begin(struct trace_events *t, uint64_t now, unsigned tid, const char *name)
{
	slice_end(t, now);
	t->tid = tid;
	snprintf(t->name, sizeof t->name, "%s", name);
	t->args[0] = '\0';
}

static void instant(struct trace_events *t, uint64_t now, unsigned tid, const char *cat,
		    const char *name, const char *args)
{
	sep(t);
	fprintf(t->f, "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"%s\",\"pid\":1,\"tid\":%u,\"name\":\"%s\","
		      "\"ts\":%.3f%s%s%s}",
		cat, tid, name, us(now), args ? ",\"args\":{" : "", args ? args : "", args ? "}" : "");
}

/* Why a VM exited, as a short name (root ExcCode, GExcCode for 27). */
static const char *exit_name(unsigned code, unsigned gexc)
{
	static const char *const gexcs[] = {
		[0] = "GPSI", [1] = "GSFC", [2] = "hypercall", [3] = "GRR", [8] = "GVA",
		[9] = "GHFC", [10] = "GPA",
	};
	switch (code) {
	case 0: return "interrupt";
	case 2: return "TLB refill load";
	case 3: return "TLB refill store";
	case 1: return "TLB modified";
	case 4: case 5: return "address error";
	case 6: case 7: return "bus error";
	case 11: return "coprocessor unusable";
	case 26: return "DSP disabled";
	case 27: return gexc < sizeof gexcs / sizeof gexcs[0] && gexcs[gexc] ? gexcs[gexc] : "guest exit";
	default: return "exception";
	}
}

static void on_event(void *ctx, const struct vzsim_event *ev)
{
	struct trace_events *t = ctx;
	char name[64], args[96];
	switch (ev->kind) {
	case VZSIM_EV_GUEST_ENTER:
		slice_begin(t, ev->cycle, ev->guestid, "run");
		break;
	case VZSIM_EV_GUEST_EXIT:
		snprintf(name, sizeof name, "exit %s", exit_name(ev->code, ev->gexc));
		slice_begin(t, ev->cycle, TE_HV_TID, name);
		snprintf(t->args, sizeof t->args, ",\"vm\":%u,\"exccode\":%u,\"gexccode\":%u,\"pc\":\"0x%08x\"",
			 ev->guestid, ev->code, ev->gexc, (unsigned)ev->pc);
		break;
	case VZSIM_EV_IDLE_BEGIN:
		slice_begin(t, ev->cycle, TE_HV_TID, "idle");
		break;
	case VZSIM_EV_IDLE_END:
		slice_begin(t, ev->cycle, TE_HV_TID, "root");
		break;
	case VZSIM_EV_IRQ_RAISE:
	case VZSIM_EV_IRQ_CLEAR:
		snprintf(name, sizeof name, "irq %u %s", ev->code,
			 ev->kind == VZSIM_EV_IRQ_RAISE ? "raised" : "acknowledged");
		snprintf(args, sizeof args, "\"irq\":%u", ev->code);
		instant(t, ev->cycle, TE_HV_TID, "irq", name, args);
		break;
	case VZSIM_EV_IRQ_INJECT:
	case VZSIM_EV_IRQ_TAKEN:
		snprintf(name, sizeof name, "irq level %u %s", ev->code,
			 ev->kind == VZSIM_EV_IRQ_INJECT ? "injected" : "taken");
		snprintf(args, sizeof args, "\"level\":%u", ev->code);
		instant(t, ev->cycle, ev->guestid, "irq", name, args);
		break;
	}
}

int trace_events_open(struct trace_events *t, const char *path, struct machine *m)
{
	memset(t, 0, sizeof *t);
	t->f = fopen(path, "w");
	if (!t->f) {
		fprintf(stderr, "vzlet-sim: --trace-events %s: %s\n", path, strerror(errno));
		return -1;
	}
	t->m = m;
	t->first = true;
	snprintf(t->name, sizeof t->name, "root");
	vmview_scan(m, &t->vms);
	fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", t->f);
	sep(t);
	fputs("{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"vzlet-sim\"}}", t->f);
	sep(t);
	fprintf(t->f, "{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":\"thread_name\",\"args\":{\"name\":\"%s\"}}",
		TE_HV_TID, t->vms.found ? "hv" : "core");
	for (unsigned i = 0; i < t->vms.n; i++) {
		sep(t);
		fprintf(t->f, "{\"ph\":\"M\",\"pid\":1,\"tid\":%u,\"name\":\"thread_name\",\"args\":{\"name\":\"vm%u ",
			t->vms.vm[i].id, t->vms.vm[i].id);
		put_json_text(t->f, t->vms.vm[i].name, strlen(t->vms.vm[i].name));
		fputs("\"}}", t->f);
	}
	vzsim_set_events(m, on_event, t);
	return 0;
}

void trace_events_uart(struct trace_events *t, int uart, uint8_t byte)
{
	if (!t->f || uart < 1 || uart > CLI_UARTS)
		return;
	struct te_line *l = &t->line[uart - 1];
	if (byte != '\n' && byte != '\r' && l->len < sizeof l->text)
		l->text[l->len++] = (char)byte;
	if (byte != '\n')
		return;
	sep(t);
	fprintf(t->f, "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"console\",\"pid\":1,\"tid\":%d,"
		      "\"name\":\"console\",\"ts\":%.3f,\"args\":{\"uart\":%d,\"line\":\"",
		TE_HV_TID, us(vzsim_cycles(t->m)), uart);
	put_json_text(t->f, l->text, l->len);
	fputs("\"}}", t->f);
	l->len = 0;
}

void trace_events_led(struct trace_events *t, int led, bool on)
{
	char name[16], args[32];
	if (!t->f)
		return;
	snprintf(name, sizeof name, "LD%d %s", led, on ? "on" : "off");
	snprintf(args, sizeof args, "\"led\":%d,\"on\":%d", led, on);
	instant(t, vzsim_cycles(t->m), TE_HV_TID, "led", name, args);
}

int trace_events_close(struct trace_events *t)
{
	if (!t->f)
		return 0;
	uint64_t end = vzsim_cycles(t->m);
	slice_end(t, end);
	vzsim_set_events(t->m, NULL, NULL);
	fprintf(t->f, "\n],\"otherData\":{\"cycles\":%" PRIu64 ",\"sliced_cycles\":%" PRIu64
		      ",\"sysclk_hz\":%llu}}\n", end, t->total, CLI_SYSCLK_HZ);
	int rc = ferror(t->f) | fclose(t->f);
	t->f = NULL;
	if (rc)
		fprintf(stderr, "vzlet-sim: --trace-events: write error\n");
	return rc ? -1 : 0;
}
