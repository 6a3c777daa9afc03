/* SPDX-License-Identifier: Apache-2.0 */
/* channels.c - inter-VM channels (docs/channels.md): sampling and queuing
 * ports, shared memory, doorbells. Everything a guest could get wrong at run
 * time that the description already decides is refused here: unknown VMs,
 * a VM in two roles, a reader of a queue that has several, a doorbell
 * vector the receiving VM owns, message buffers beyond the hypervisor's RAM
 * budget, shared memory overlapping a VM's own memory. */
#include "channels.h"

#include <libfdt.h>
#include <string.h>

#include "diag.h"
#include "dt_read.h"
#include "mem_pool.h"
#include <vzlet/vm_config.h>

static void read_ids(const void *fdt, int off, struct cfg_channel *c, const char *prop,
		     unsigned *mask, unsigned *count)
{
	unsigned n;
	const fdt32_t *p = dt_get_cells(fdt, off, c->path, prop, &n, false);

	*mask = 0;
	*count = n;
	for (unsigned i = 0; p && i < n; i++) {
		uint32_t id = fdt32_to_cpu(p[i]);

		if (id < 1 || id > CFG_MAX_VMS)
			diag_error(c->path, prop, "VM id %u is outside 1..%u", id, CFG_MAX_VMS);
		else if (*mask >> id & 1u)
			diag_error(c->path, prop, "VM %u is listed twice", id);
		else
			*mask |= 1u << id;
	}
}

static void read_channel(const void *fdt, int off, struct cfg_system *sys)
{
	static const char *const known[] = {
		"reg", "label", "writer", "readers", "vms", "message-size", "depth", "refresh-us",
		"size", "guest-address", "notify", "doorbell-irq", NULL
	};
	struct cfg_channel *c;
	char path[CFG_PATH_MAX];
	const char *s;
	unsigned n;
	const fdt32_t *p;

	dt_node_path(fdt, off, path, sizeof path);
	if (sys->nchannels == CFG_MAX_CHANNELS) {
		diag_error(path, NULL, "too many channels: at most %u", CFG_MAX_CHANNELS);
		return;
	}
	c = &sys->channels[sys->nchannels++];
	memset(c, 0, sizeof *c);
	snprintf(c->path, sizeof c->path, "%s", path);
	if (fdt_node_check_compatible(fdt, off, "vzlet,sampling-port") == 0)
		c->kind = VZ_CHAN_SAMPLING;
	else if (fdt_node_check_compatible(fdt, off, "vzlet,queuing-port") == 0)
		c->kind = VZ_CHAN_QUEUING;
	else if (fdt_node_check_compatible(fdt, off, "vzlet,shared-memory") == 0)
		c->kind = VZ_CHAN_SHARED;
	else {
		diag_error(path, "compatible", "expected \"vzlet,sampling-port\", "
			   "\"vzlet,queuing-port\" or \"vzlet,shared-memory\"");
		return;
	}
	dt_check_known_props(fdt, off, path, known);
	if (dt_get_u32(fdt, off, path, "reg", &c->id, true) == 0 && c->id >= CFG_MAX_CHANNELS)
		diag_error(path, "reg", "channel %u is outside 0..%u", c->id, CFG_MAX_CHANNELS - 1);
	s = dt_get_string(fdt, off, path, "label", false);
	if (!s)
		s = fdt_get_name(fdt, off, NULL);
	if (s && (strlen(s) == 0 || strlen(s) >= CFG_NAME_MAX))
		diag_error(path, "label", "must be 1..%u characters", CFG_NAME_MAX - 1);
	else if (s)
		snprintf(c->label, sizeof c->label, "%s", s);
	for (const char *q = c->label; *q; q++)
		if (*q < 0x20 || *q > 0x7e || *q == '"' || *q == '\\')
			diag_error(path, "label", "only printable characters, no quotes");

	if (c->kind == VZ_CHAN_SHARED) {
		static const char *const not_here[] = {
			"writer", "readers", "message-size", "depth", "refresh-us", NULL
		};
		for (const char *const *k = not_here; *k; k++)
			if (fdt_getprop(fdt, off, *k, NULL))
				diag_error(path, *k, "not a property of shared memory");
		read_ids(fdt, off, c, "vms", &c->members, &n);
		if (!fdt_getprop(fdt, off, "vms", NULL))
			diag_error(path, "vms", "missing");
		else if (n < 2)
			diag_error(path, "vms", "shared memory needs at least two VMs");
		if (dt_get_u32(fdt, off, path, "size", &c->size, true) == 0 &&
		    (c->size == 0 || c->size % PAGE_4K || c->size > 0x10000))
			diag_error(path, "size", "0x%x: shared memory is 1..16 whole 4 KB pages",
				   c->size);
		if (dt_get_u32(fdt, off, path, "guest-address", &c->gpa, true) == 0 &&
		    (c->gpa % PAGE_4K || c->gpa >= PIC32_RAM_SIZE))
			diag_error(path, "guest-address", "0x%08x: must be a 4 KB aligned address "
				   "in the RAM map (below 0x%x)", c->gpa, PIC32_RAM_SIZE);
	} else {
		uint32_t w;

		if (fdt_getprop(fdt, off, "vms", NULL))
			diag_error(path, "vms", "a port has a writer and readers, not \"vms\"");
		if (fdt_getprop(fdt, off, "size", NULL))
			diag_error(path, "size", "a port's size is \"message-size\"");
		if (fdt_getprop(fdt, off, "guest-address", NULL))
			diag_error(path, "guest-address", "ports are not mapped memory");
		if (dt_get_u32(fdt, off, path, "writer", &w, true) == 0) {
			if (w < 1 || w > CFG_MAX_VMS)
				diag_error(path, "writer", "VM id %u is outside 1..%u", w, CFG_MAX_VMS);
			else
				c->writer = w;
		}
		read_ids(fdt, off, c, "readers", &c->members, &n);
		if (!fdt_getprop(fdt, off, "readers", NULL))
			diag_error(path, "readers", "missing");
		else if (n == 0)
			diag_error(path, "readers", "no reader");
		else if (c->kind == VZ_CHAN_QUEUING && n != 1)
			diag_error(path, "readers", "a queuing port has exactly one reader, not %u", n);
		if (c->writer && (c->members >> c->writer & 1u))
			diag_error(path, "readers", "VM %u is the writer", c->writer);
		if (dt_get_u32(fdt, off, path, "message-size", &c->msg_size, true) == 0 &&
		    (c->msg_size < 1 || c->msg_size > VZ_CHAN_MSG_MAX))
			diag_error(path, "message-size", "%u is outside 1..%u bytes", c->msg_size,
				   VZ_CHAN_MSG_MAX);
		if (c->kind == VZ_CHAN_QUEUING) {
			if (fdt_getprop(fdt, off, "refresh-us", NULL))
				diag_error(path, "refresh-us", "only sampling ports have a refresh period");
			if (dt_get_u32(fdt, off, path, "depth", &c->depth, true) == 0 &&
			    (c->depth < 1 || c->depth > VZ_CHAN_DEPTH_MAX))
				diag_error(path, "depth", "%u is outside 1..%u messages", c->depth,
					   VZ_CHAN_DEPTH_MAX);
		} else {
			if (fdt_getprop(fdt, off, "depth", NULL))
				diag_error(path, "depth", "a sampling port holds one message");
			c->depth = 1;
			if (dt_get_u32(fdt, off, path, "refresh-us", &c->refresh_us, false) == 0 &&
			    c->refresh_us > 10000000)
				diag_error(path, "refresh-us", "%u is above 10 s", c->refresh_us);
		}
	}

	p = dt_get_cells(fdt, off, path, "notify", &n, false);
	if (p && (n == 0 || n % 2))
		diag_error(path, "notify", "expected <from-vm to-vm> pairs");
	else
		for (unsigned i = 0; p && i < n; i += 2) {
			uint32_t from = fdt32_to_cpu(p[i]), to = fdt32_to_cpu(p[i + 1]);

			if (from < 1 || from > CFG_MAX_VMS || to < 1 || to > CFG_MAX_VMS || from == to)
				diag_error(path, "notify", "<%u %u>: two different VM ids 1..%u", from,
					   to, CFG_MAX_VMS);
			else
				c->notify[from] |= 1u << to;
		}
	if (dt_get_u32(fdt, off, path, "doorbell-irq", &c->doorbell_irq, p != NULL) == 0) {
		if (!p)
			diag_error(path, "doorbell-irq", "without \"notify\" nobody rings it");
		else if (c->doorbell_irq < 3 || c->doorbell_irq >= VZ_NUM_IRQS)
			diag_error(path, "doorbell-irq", "vector %u is outside 3..%u", c->doorbell_irq,
				   VZ_NUM_IRQS - 1);
	}
}

void channels_read(const void *fdt, struct cfg_system *sys)
{
	int node = fdt_path_offset(fdt, "/channels");
	int child;

	if (node < 0)
		return;
	fdt_for_each_subnode(child, fdt, node) {
		read_channel(fdt, child, sys);
	}
}

static const struct cfg_vm *vm_of(const struct cfg_system *sys, unsigned id)
{
	for (unsigned v = 0; v < sys->nvms; v++)
		if (sys->vms[v].id == id)
			return &sys->vms[v];
	return NULL;
}

/* Every member of c: the writer and the readers, or the sharing VMs. */
static unsigned endpoints(const struct cfg_channel *c)
{
	return c->members | (c->writer ? 1u << c->writer : 0u);
}

static void check_doorbell(const struct cfg_system *sys, const struct cfg_channel *c)
{
	const struct cfg_device *con = sys->hv.console >= 0 ? &sys->devices[sys->hv.console] : NULL;
	unsigned targets = 0;
	uint32_t irq = c->doorbell_irq;

	for (unsigned from = 1; from <= CFG_MAX_VMS; from++) {
		if (!c->notify[from])
			continue;
		if (!(endpoints(c) >> from & 1u) || (c->notify[from] & ~endpoints(c)))
			diag_error(c->path, "notify", "VM %u may ring only members of the channel "
				   "(VMs 0x%x as a bit set)", from, endpoints(c));
		targets |= c->notify[from];
	}
	for (unsigned i = 0; con && i < con->nirqs; i++)
		if (targets && con->irqs[i] == irq)
			diag_error(c->path, "doorbell-irq", "vector %u is the console's", irq);
	for (unsigned to = 1; to <= CFG_MAX_VMS; to++) {
		const struct cfg_vm *vm = vm_of(sys, to);

		if ((targets >> to & 1u) && vm && irq < CFG_NUM_IRQS &&
		    (vm->irq_owned[irq / 32] >> (irq % 32) & 1u))
			diag_error(c->path, "doorbell-irq", "vector %u is a real source of %s, which "
				   "this doorbell rings", irq, vm->path);
	}
}

int channels_check(struct cfg_system *sys)
{
	unsigned before = diag_errors();
	uint32_t bytes = channels_buffer_bytes(sys);
	bool seen[CFG_MAX_CHANNELS] = { false };

	for (unsigned i = 0; i < sys->nchannels; i++) {
		struct cfg_channel *c = &sys->channels[i];

		if (c->id < CFG_MAX_CHANNELS && seen[c->id])
			diag_error(c->path, "reg", "channel %u is declared twice", c->id);
		else if (c->id < CFG_MAX_CHANNELS)
			seen[c->id] = true;
		for (unsigned id = 1; id <= CFG_MAX_VMS; id++)
			if ((endpoints(c) >> id & 1u) && !vm_of(sys, id))
				diag_error(c->path, c->kind == VZ_CHAN_SHARED ? "vms" :
					   id == c->writer ? "writer" : "readers", "no VM %u in /vms", id);
		check_doorbell(sys, c);
		if (c->kind == VZ_CHAN_SHARED) {
			unsigned first = 0;

			for (unsigned id = 1; id <= CFG_MAX_VMS; id++) {
				const struct cfg_vm *vm = vm_of(sys, id);

				if (!(c->members >> id & 1u) || !vm)
					continue;
				if (!first)
					first = id;
				else if (vm->cache != vm_of(sys, first)->cache)
					diag_error(c->path, "vms", "VMs %u and %u use different cache "
						   "modes: shared memory would not be coherent",
						   first, id);
			}
		}
	}
	for (unsigned i = 0; i < sys->nchannels; i++)
		if (sys->channels[i].id >= sys->nchannels && sys->channels[i].id < CFG_MAX_CHANNELS)
			diag_error(sys->channels[i].path, "reg", "channels are numbered 0..%u "
				   "without gaps", sys->nchannels - 1);
	if (bytes > CFG_CHAN_BUF_MAX)
		diag_error("/channels", NULL, "message buffers take %u bytes of hypervisor RAM, "
			   "more than %u", bytes, CFG_CHAN_BUF_MAX);
	return diag_errors() == before ? 0 : -1;
}

/* The largest power-of-4 page that divides the size: the alignment that
 * maps the memory with the fewest TLB entries. */
static uint32_t best_align(uint32_t size)
{
	uint32_t a = PAGE_4K;

	while ((size & (a * 4 - 1)) == 0 && a < 0x40000)
		a *= 4;
	return a;
}

int channels_place(struct cfg_system *sys)
{
	unsigned before = diag_errors();

	for (unsigned i = 0; i < sys->nchannels; i++) {
		struct cfg_channel *c = &sys->channels[i];
		int rc = -1;

		if (c->kind != VZ_CHAN_SHARED)
			continue;
		for (uint32_t a = best_align(c->size); a >= PAGE_4K && rc != 0; a >>= 2)
			rc = pool_alloc(&sys->ram_pool, c->size, a, c->gpa, &c->pa);
		if (rc != 0) {
			diag_error(c->path, "size", "RAM exhausted: 0x%x bytes wanted, the largest "
				   "free piece is 0x%x bytes", c->size, pool_largest(&sys->ram_pool));
			continue;
		}
		for (unsigned v = 0; v < sys->nvms; v++) {
			struct cfg_vm *vm = &sys->vms[v];
			struct cfg_region *r;

			if (!(c->members >> vm->id & 1u))
				continue;
			for (unsigned k = 0; k < vm->nregions; k++) {
				const struct cfg_region *o = &vm->regions[k];

				if ((uint64_t)c->gpa < (uint64_t)o->gpa + o->size &&
				    (uint64_t)o->gpa < (uint64_t)c->gpa + c->size)
					diag_error(c->path, "guest-address", "0x%08x..0x%08x overlaps "
						   "%s of %s", c->gpa, c->gpa + c->size - 1, o->what,
						   vm->path);
			}
			if (vm->nregions == CFG_MAX_REGIONS) {
				diag_error(vm->path, NULL, "more than %u memory regions in this VM",
					   CFG_MAX_REGIONS);
				continue;
			}
			r = &vm->regions[vm->nregions++];
			memset(r, 0, sizeof *r);
			r->kind = REGION_MEMORY;
			r->gpa = c->gpa;
			r->size = c->size;
			r->pa = c->pa;
			r->perms = PERM_R | PERM_W;
			r->cache = vm->cache;
			r->shared = true;
			/* (through a copy: -Wrestrict cannot tell c from r) */
			char what[sizeof r->what];
			snprintf(what, sizeof what, "channel %s", c->label);
			memcpy(r->what, what, sizeof what);
			memcpy(r->path, c->path, sizeof r->path);
			snprintf(r->prop, sizeof r->prop, "size");
		}
	}
	return diag_errors() == before ? 0 : -1;
}

static uint32_t slot_bytes(const struct cfg_channel *c)
{
	return 4u + ((c->msg_size + 3u) & ~3u);
}

uint32_t channels_buffer_bytes(const struct cfg_system *sys)
{
	uint32_t n = 0;

	for (unsigned i = 0; i < sys->nchannels; i++)
		if (sys->channels[i].kind != VZ_CHAN_SHARED)
			n += sys->channels[i].depth * slot_bytes(&sys->channels[i]);
	return n;
}

static uint32_t ticks_of_us(const struct cfg_system *sys, uint32_t us)
{
	return (uint32_t)((uint64_t)us * (sys->hv.cpu_clock_hz / 2u) / 1000000u);
}

void channels_emit(FILE *f, const struct cfg_system *sys)
{
	const struct cfg_channel *order[CFG_MAX_CHANNELS] = { NULL };

	if (!sys->nchannels)
		return;
	for (unsigned i = 0; i < sys->nchannels; i++)
		order[sys->channels[i].id] = &sys->channels[i];
	fprintf(f, "/* Inter-VM channels: state and message slots in hypervisor RAM. */\n");
	for (unsigned i = 0; i < sys->nchannels; i++) {
		const struct cfg_channel *c = order[i];

		fprintf(f, "static struct vz_chan_state vz_chan%u_state;\n", i);
		if (c->kind != VZ_CHAN_SHARED)
			fprintf(f, "static uint32_t vz_chan%u_slots[%u];\n", i,
				c->depth * slot_bytes(c) / 4u);
	}
	fprintf(f, "static const struct vz_channel vz_channel_table[%u] = {\n", sys->nchannels);
	for (unsigned i = 0; i < sys->nchannels; i++) {
		const struct cfg_channel *c = order[i];
		static const char *const kinds[] = { "0", "VZ_CHAN_SAMPLING", "VZ_CHAN_QUEUING",
						     "VZ_CHAN_SHARED" };

		fprintf(f, "\t{ .name = \"%s\", .kind = %s, .writer = %u, .readers = 0x%02x, "
			".depth = %u, .msg_size = %u, .doorbell_irq = %u,\n\t  .notify = {", c->label,
			kinds[c->kind], c->writer, c->members, c->kind == VZ_CHAN_SHARED ? 0 : c->depth,
			c->msg_size, c->doorbell_irq);
		for (unsigned v = 0; v <= CFG_MAX_VMS; v++)
			fprintf(f, "%s0x%02x", v ? ", " : " ", c->notify[v]);
		fprintf(f, " }, .refresh_ticks = %u, .state = &vz_chan%u_state, .slots = ",
			ticks_of_us(sys, c->refresh_us), i);
		if (c->kind != VZ_CHAN_SHARED)
			fprintf(f, "vz_chan%u_slots },\n", i);
		else
			fprintf(f, "0 }, /* 0x%x bytes at 0x%08x, guest 0x%08x */\n", c->size, c->pa,
				c->gpa);
	}
	fprintf(f, "};\n\n");
}
