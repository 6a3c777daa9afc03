/* SPDX-License-Identifier: Apache-2.0 */
/* health.c - the health monitor's settings (docs/health-monitor.md): one
 * child of /health-monitor per VM maps each event to an action. A VM not
 * listed gets the defaults: a fault stops it, other events are logged. */
#include "health.h"

#include <libfdt.h>
#include <string.h>

#include "diag.h"
#include "dt_read.h"
#include <vzlet/vm_config.h>

_Static_assert(CFG_HM_EVENTS == VZ_HM_EVENTS, "events");

/* Property names of the events, in enum vz_hm_event order. */
static const char *const event_props[CFG_HM_EVENTS] = {
	"fault", "watchdog", "irq-storm", "window-overrun", "hypercall-misuse", "guest-stopped",
};
static const char *const action_names[] = {
	"log", "stop", "warm-restart", "cold-restart", "restart-vms", "reset-chip", NULL,
};

static void set_defaults(struct cfg_health *h)
{
	for (unsigned e = 0; e < CFG_HM_EVENTS; e++)
		h->action[e] = e == VZ_HM_FAULT ? VZ_HM_STOP : VZ_HM_LOG;
}

static void read_vm_health(const void *fdt, int off, struct cfg_system *sys)
{
	static const char *const known[] = {
		"reg", "fault", "watchdog", "irq-storm", "window-overrun", "hypercall-misuse",
		"guest-stopped", "restart-vms", "irq-storm-limit", NULL
	};
	char path[CFG_PATH_MAX];
	uint32_t id;
	struct cfg_health *h;
	unsigned n;
	const fdt32_t *p;

	dt_node_path(fdt, off, path, sizeof path);
	dt_check_known_props(fdt, off, path, known);
	if (dt_get_u32(fdt, off, path, "reg", &id, true) != 0)
		return;
	if (id < 1 || id > CFG_MAX_VMS) {
		diag_error(path, "reg", "VM id %u is outside 1..%u", id, CFG_MAX_VMS);
		return;
	}
	h = &sys->health[id];
	if (h->path[0]) {
		diag_error(path, "reg", "VM %u already has its settings in %s", id, h->path);
		return;
	}
	snprintf(h->path, sizeof h->path, "%s", path);
	for (unsigned e = 0; e < CFG_HM_EVENTS; e++) {
		const char *s = dt_get_string(fdt, off, path, event_props[e], false);
		unsigned a;

		if (!s)
			continue;
		for (a = 0; action_names[a] && strcmp(s, action_names[a]) != 0; a++)
			;
		if (!action_names[a]) {
			diag_error(path, event_props[e], "unknown action \"%s\" (log, stop, "
				   "warm-restart, cold-restart, restart-vms, reset-chip)", s);
			continue;
		}
		if (e == VZ_HM_FAULT && a == VZ_HM_LOG) {
			diag_error(path, "fault", "a faulted guest cannot go on: \"stop\", a restart "
				   "or \"reset-chip\"");
			continue;
		}
		h->action[e] = a;
		h->given |= 1u << e;
	}
	p = dt_get_cells(fdt, off, path, "restart-vms", &n, false);
	for (unsigned i = 0; p && i < n; i++) {
		uint32_t v = fdt32_to_cpu(p[i]);

		if (v < 1 || v > CFG_MAX_VMS)
			diag_error(path, "restart-vms", "VM id %u is outside 1..%u", v, CFG_MAX_VMS);
		else
			h->restart_set |= 1u << v;
	}
	if (p && n == 0)
		diag_error(path, "restart-vms", "no VM");
	p = dt_get_cells(fdt, off, path, "irq-storm-limit", &n, false);
	if (p && n != 2) {
		diag_error(path, "irq-storm-limit", "expected <interrupts period-us>");
	} else if (p) {
		h->storm_irqs = fdt32_to_cpu(p[0]);
		h->storm_us = fdt32_to_cpu(p[1]);
		if (h->storm_irqs < 1 || h->storm_irqs > 0xFFFF)
			diag_error(path, "irq-storm-limit", "%u interrupts: 1..65535", h->storm_irqs);
		if (h->storm_us < 100 || h->storm_us > 1000000)
			diag_error(path, "irq-storm-limit", "period %u us: 100 us..1 s", h->storm_us);
	}
}

void health_read(const void *fdt, struct cfg_system *sys)
{
	int node = fdt_path_offset(fdt, "/health-monitor");
	int child;

	for (unsigned id = 0; id <= CFG_MAX_VMS; id++)
		set_defaults(&sys->health[id]);
	if (node < 0)
		return;
	sys->health_present = true;
	fdt_for_each_subnode(child, fdt, node) {
		read_vm_health(fdt, child, sys);
	}
}

static bool vm_exists(const struct cfg_system *sys, unsigned id)
{
	for (unsigned v = 0; v < sys->nvms; v++)
		if (sys->vms[v].id == id)
			return true;
	return false;
}

int health_check(const struct cfg_system *sys)
{
	unsigned before = diag_errors();

	for (unsigned id = 1; id <= CFG_MAX_VMS; id++) {
		const struct cfg_health *h = &sys->health[id];
		bool restarts = false;

		if (!h->path[0])
			continue;
		if (!vm_exists(sys, id))
			diag_error(h->path, "reg", "no VM %u in /vms", id);
		for (unsigned e = 0; e < CFG_HM_EVENTS; e++)
			restarts = restarts || h->action[e] == VZ_HM_RESTART_VMS;
		if (restarts && !h->restart_set)
			diag_error(h->path, "restart-vms", "missing: which VMs \"restart-vms\" restarts");
		if (!restarts && h->restart_set)
			diag_error(h->path, "restart-vms", "no event of this VM has the action "
				   "\"restart-vms\"");
		for (unsigned v = 1; v <= CFG_MAX_VMS; v++)
			if ((h->restart_set >> v & 1u) && !vm_exists(sys, v))
				diag_error(h->path, "restart-vms", "no VM %u in /vms", v);
		if ((h->given >> VZ_HM_IRQ_STORM & 1u) && !h->storm_irqs)
			diag_error(h->path, "irq-storm", "needs \"irq-storm-limit\" (what a storm is)");
	}
	return diag_errors() == before ? 0 : -1;
}

void health_emit(FILE *f, const struct cfg_system *sys)
{
	if (!sys->health_present)
		return;
	fprintf(f, "/* Health monitor: the action per event (enum vz_hm_event order). */\n");
	fprintf(f, "static const struct vz_health vz_health_table[%u] = {\n", sys->nvms);
	for (unsigned id = 1; id <= sys->nvms; id++) {
		const struct cfg_health *h = &sys->health[id];

		fprintf(f, "\t{ .action = {");
		for (unsigned e = 0; e < CFG_HM_EVENTS; e++)
			fprintf(f, "%s%u", e ? ", " : " ", h->action[e]);
		fprintf(f, " }, .restart_set = 0x%02x, .storm_irqs = %u, .storm_ticks = %u },\n",
			h->restart_set, h->storm_irqs,
			(uint32_t)((uint64_t)h->storm_us * (sys->hv.cpu_clock_hz / 2u) / 1000000u));
	}
	fprintf(f, "};\n\n");
}
