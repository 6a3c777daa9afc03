/* SPDX-License-Identifier: Apache-2.0 */
/* windows.c - time partitioning (docs/time-partitioning.md): the optional
 * /time-partitioning node gives a major frame and windows, each lending the
 * CPU to one VM at a fixed offset of every frame. Checked here (inside the
 * frame, no overlap, no zero length, whole core-timer ticks, every VM has
 * a window and its "time-budget-us"), emitted as const tables in flash. */
#include "windows.h"

#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dt_read.h"

#define FRAME_MIN_US 100u
#define FRAME_MAX_US 1000000u      /* ticks stay far below 2^32 */
#define WINDOW_MIN_US 10u          /* a switch costs a few us */
#define OVERRUN_DEFAULT_US 20u

static void read_window(const void *fdt, int off, struct cfg_schedule *s)
{
	static const char *const known[] = { "reg", "vm", "start-us", "duration-us", NULL };
	char path[CFG_PATH_MAX];
	struct cfg_window *w;
	uint32_t v;

	dt_node_path(fdt, off, path, sizeof path);
	if (s->nwindows == CFG_MAX_WINDOWS) {
		diag_error(path, NULL, "too many windows: at most %u", CFG_MAX_WINDOWS);
		return;
	}
	w = &s->windows[s->nwindows++];
	snprintf(w->path, sizeof w->path, "%s", path);
	dt_check_known_props(fdt, off, path, known);
	(void)dt_get_u32(fdt, off, path, "reg", &v, true);
	if (dt_get_u32(fdt, off, path, "vm", &v, true) == 0)
		w->vm = v;
	(void)dt_get_u32(fdt, off, path, "start-us", &w->start_us, true);
	(void)dt_get_u32(fdt, off, path, "duration-us", &w->duration_us, true);
}

void windows_read(const void *fdt, struct cfg_system *sys)
{
	static const char *const known[] = {
		"major-frame-us", "overrun-us", "#address-cells", "#size-cells", NULL
	};
	struct cfg_schedule *s = &sys->schedule;
	int node = fdt_path_offset(fdt, "/time-partitioning");
	int child;

	for (unsigned v = 0; v < sys->nvms; v++) {
		int off = fdt_path_offset(fdt, sys->vms[v].path);
		uint32_t b;

		if (off >= 0 && sys->vms[v].id <= CFG_MAX_VMS &&
		    dt_get_u32(fdt, off, sys->vms[v].path, "time-budget-us", &b, false) == 0)
			s->budget_us[sys->vms[v].id] = b;
	}
	if (node < 0)
		return;
	dt_node_path(fdt, node, s->path, sizeof s->path);
	dt_check_known_props(fdt, node, s->path, known);
	(void)dt_get_u32(fdt, node, s->path, "major-frame-us", &s->frame_us, true);
	s->overrun_us = OVERRUN_DEFAULT_US;
	(void)dt_get_u32(fdt, node, s->path, "overrun-us", &s->overrun_us, false);
	fdt_for_each_subnode(child, fdt, node) {
		read_window(fdt, child, s);
	}
}

static int by_start(const void *a, const void *b)
{
	const struct cfg_window *x = a, *y = b;

	return x->start_us < y->start_us ? -1 : x->start_us > y->start_us;
}

static const struct cfg_vm *find_vm(const struct cfg_system *sys, unsigned id)
{
	for (unsigned v = 0; v < sys->nvms; v++)
		if (sys->vms[v].id == id)
			return &sys->vms[v];
	return NULL;
}

/* A time in us must be a whole number of core-timer ticks (SYSCLK / 2). */
static void whole_ticks(const struct cfg_system *sys, const char *path, const char *prop,
			uint32_t us)
{
	uint64_t hz = sys->hv.cpu_clock_hz / 2u;

	if ((uint64_t)us * hz % 1000000u != 0)
		diag_error(path, prop, "%u us is not a whole number of core-timer ticks "
			   "(%llu Hz)", us, (unsigned long long)hz);
}

static void check_budgets(const struct cfg_system *sys)
{
	const struct cfg_schedule *s = &sys->schedule;

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];
		uint32_t sum = 0, need = vm->id <= CFG_MAX_VMS ? s->budget_us[vm->id] : 0;

		if (!s->path[0]) {
			if (need)
				diag_error(vm->path, "time-budget-us", "needs a major frame "
					   "(/time-partitioning); without one VMs share the CPU "
					   "round robin");
			continue;
		}
		for (unsigned k = 0; k < s->nwindows; k++)
			if (s->windows[k].vm == vm->id)
				sum += s->windows[k].duration_us;
		if (!sum)
			diag_error(vm->path, NULL, "no window in %s: the VM would never run", s->path);
		else if (sum < need)
			diag_error(vm->path, "time-budget-us", "needs %u us per major frame, its "
				   "windows give %u us", need, sum);
	}
}

int windows_check(struct cfg_system *sys)
{
	struct cfg_schedule *s = &sys->schedule;
	unsigned before = diag_errors();

	check_budgets(sys);
	if (!s->path[0])
		return 0;
	if (s->frame_us < FRAME_MIN_US || s->frame_us > FRAME_MAX_US)
		diag_error(s->path, "major-frame-us", "%u us is outside %u us..1 s", s->frame_us,
			   FRAME_MIN_US);
	whole_ticks(sys, s->path, "major-frame-us", s->frame_us);
	if (s->overrun_us == 0 || s->overrun_us > s->frame_us)
		diag_error(s->path, "overrun-us", "%u us is outside 1 us..the major frame",
			   s->overrun_us);
	if (!s->nwindows)
		diag_error(s->path, NULL, "no window: a major frame needs at least one");
	for (unsigned k = 0; k < s->nwindows; k++) {
		const struct cfg_window *w = &s->windows[k];

		if (!find_vm(sys, w->vm))
			diag_error(w->path, "vm", "no VM %u in /vms", w->vm);
		if (w->duration_us == 0)
			diag_error(w->path, "duration-us", "a zero-length window");
		else if (w->duration_us < WINDOW_MIN_US)
			diag_error(w->path, "duration-us", "%u us: at least %u us (a switch costs "
				   "a few us)", w->duration_us, WINDOW_MIN_US);
		if ((uint64_t)w->start_us + w->duration_us > s->frame_us)
			diag_error(w->path, "duration-us", "the window ends at %llu us, after "
				   "the major frame (%u us)",
				   (unsigned long long)w->start_us + w->duration_us, s->frame_us);
		whole_ticks(sys, w->path, "start-us", w->start_us);
		whole_ticks(sys, w->path, "duration-us", w->duration_us);
	}
	qsort(s->windows, s->nwindows, sizeof s->windows[0], by_start);
	for (unsigned k = 1; k < s->nwindows; k++) {
		const struct cfg_window *p = &s->windows[k - 1], *w = &s->windows[k];

		if (w->start_us < p->start_us + p->duration_us)
			diag_error(w->path, "start-us", "%u us overlaps %s (%u..%u us)", w->start_us,
				   p->path, p->start_us, p->start_us + p->duration_us);
	}
	return diag_errors() == before ? 0 : -1;
}

void windows_emit(FILE *f, const struct cfg_system *sys)
{
	const struct cfg_schedule *s = &sys->schedule;
	uint64_t hz = sys->hv.cpu_clock_hz / 2u;

	if (!s->path[0])
		return;
	fprintf(f, "/* Time partitioning: the windows of the major frame, in core-timer "
		   "ticks from its start. */\n");
	fprintf(f, "static const struct vz_window vz_window_table[%u] = {\n", s->nwindows);
	for (unsigned k = 0; k < s->nwindows; k++) {
		const struct cfg_window *w = &s->windows[k];

		fprintf(f, "\t{ .start = %llu, .end = %llu, .vm = %u }, /* %u us + %u us */\n",
			(unsigned long long)(w->start_us * hz / 1000000u),
			(unsigned long long)((uint64_t)(w->start_us + w->duration_us) * hz / 1000000u),
			w->vm, w->start_us, w->duration_us);
	}
	fprintf(f, "};\n\n");
	fprintf(f, "static const struct vz_schedule vz_schedule = {\n"
		   "\t.frame_ticks = %llu, /* %u us */\n\t.overrun_ticks = %llu, /* %u us */\n"
		   "\t.windows = vz_window_table,\n\t.num_windows = %u,\n};\n\n",
		(unsigned long long)(s->frame_us * hz / 1000000u), s->frame_us,
		(unsigned long long)(s->overrun_us * hz / 1000000u), s->overrun_us, s->nwindows);
}
