/* SPDX-License-Identifier: Apache-2.0 */
/* dt_read.c - read the system description from a compiled devicetree.
 *
 * The bindings are documented in docs/configuration.md. This file only
 * translates nodes and properties into the model, checking each value's
 * shape (cell counts, strings, ranges of single values); relations between
 * values (overlaps, ownership) are check.c's business.
 */
#include "dt_read.h"

#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "channels.h"
#include "diag.h"
#include "health.h"
#include "windows.h"
#include "wdt.h"
#include <vzlet/vm_config.h>

#define DTB_MAX_SIZE (1u << 20)

void *dt_load_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		diag_error(path, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	buf = malloc(DTB_MAX_SIZE);
	if (!buf) {
		fclose(f);
		diag_error(path, NULL, "out of memory");
		return NULL;
	}
	n = fread(buf, 1, DTB_MAX_SIZE, f);
	if (ferror(f) || n == DTB_MAX_SIZE) {
		diag_error(path, NULL, n == DTB_MAX_SIZE ? "larger than 1 MB" : "read error");
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

/* ---- property helpers: each reports against node path + property name ---- */

static void node_path(const void *fdt, int off, char *buf, size_t len)
{
	if (fdt_get_path(fdt, off, buf, (int)len) != 0)
		snprintf(buf, len, "<node at offset %d>", off);
}

/* Cells of a property; *count = number of 32-bit cells. NULL if absent (and
 * an error if required) or malformed (always an error; *count = 0). */
static const fdt32_t *get_cells(const void *fdt, int off, const char *path,
				const char *name, unsigned *count, bool required)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, off, name, &len);

	*count = 0;
	if (!p) {
		if (required)
			diag_error(path, name, "missing");
		return NULL;
	}
	if (len % 4 != 0) {
		diag_error(path, name, "length %d is not a whole number of 32-bit cells", len);
		return NULL;
	}
	*count = (unsigned)len / 4;
	return p;
}

static int get_u32(const void *fdt, int off, const char *path, const char *name,
		   uint32_t *val, bool required)
{
	unsigned n;
	const fdt32_t *p = get_cells(fdt, off, path, name, &n, required);

	if (!p)
		return fdt_getprop(fdt, off, name, NULL) ? -1 : (required ? -1 : 1);
	if (n != 1) {
		diag_error(path, name, "expected one cell, found %u", n);
		return -1;
	}
	*val = fdt32_to_cpu(p[0]);
	return 0;
}

/* A single NUL-terminated string; NULL if absent or malformed. */
static const char *get_string(const void *fdt, int off, const char *path,
			      const char *name, bool required)
{
	int len;
	const char *s = fdt_getprop(fdt, off, name, &len);

	if (!s) {
		if (required)
			diag_error(path, name, "missing");
		return NULL;
	}
	if (len < 1 || s[len - 1] != '\0' || strlen(s) != (size_t)len - 1) {
		diag_error(path, name, "must be a single string");
		return NULL;
	}
	return s;
}

static bool has_prop(const void *fdt, int off, const char *name)
{
	return fdt_getprop(fdt, off, name, NULL) != NULL;
}

/* Report properties not in `known` (typos would otherwise be silently ignored). */
static void check_known_props(const void *fdt, int off, const char *path,
			      const char *const *known)
{
	int prop;

	fdt_for_each_property_offset(prop, fdt, off) {
		const char *name;
		bool ok = false;

		if (!fdt_getprop_by_offset(fdt, prop, &name, NULL) || !name)
			continue;
		/* Generic devicetree properties: structure, not configuration. */
		if (name[0] == '#' || !strcmp(name, "phandle") || !strcmp(name, "linux,phandle") ||
		    !strcmp(name, "compatible") || !strcmp(name, "interrupt-parent") ||
		    !strcmp(name, "interrupt-controller") || !strcmp(name, "gpio-controller"))
			continue;
		for (const char *const *k = known; *k; k++)
			if (!strcmp(name, *k))
				ok = true;
		if (!ok)
			diag_error(path, name, "unknown property");
	}
}

static void copy_str(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src);
}

/* ---- devices --------------------------------------------------------------- */

static int find_device_by_phandle(const struct cfg_system *sys, uint32_t ph)
{
	for (unsigned i = 0; i < sys->ndevices; i++)
		if (sys->devices[i].phandle == ph)
			return (int)i;
	return -1;
}

/* Resolve a phandle to a device, reporting unknown ones. */
static int resolve_device(const void *fdt, const struct cfg_system *sys, const char *path,
			  const char *prop, uint32_t ph)
{
	int dev = find_device_by_phandle(sys, ph);
	int target;
	char tpath[CFG_PATH_MAX];

	if (dev >= 0)
		return dev;
	target = fdt_node_offset_by_phandle(fdt, ph);
	if (target < 0) {
		diag_error(path, prop, "unknown phandle 0x%x", ph);
		return -1;
	}
	node_path(fdt, target, tpath, sizeof tpath);
	diag_error(path, prop, "%s is not a device with registers (a /soc node with \"reg\")",
		   tpath);
	return -1;
}

static enum emulator parse_emulator(const char *path, const char *s)
{
	if (!strcmp(s, "evic"))
		return EMU_EVIC;
	if (!strcmp(s, "console"))
		return EMU_CONSOLE;
	if (!strcmp(s, "wdt"))
		return EMU_WDT;
	diag_error(path, "vzlet,emulator", "unknown emulator \"%s\" (known: evic, console, wdt)", s);
	return EMU_NONE;
}

static void read_device(const void *fdt, int off, struct cfg_system *sys)
{
	struct cfg_device *d;
	char path[CFG_PATH_MAX];
	unsigned n;
	const fdt32_t *reg, *irqs;
	const char *emu, *name;
	static const char *const known[] = {
		"reg", "interrupts", "vzlet,shareable", "vzlet,emulator",
		"vzlet,hypervisor-only", "vzlet,coupled", "status", "label", NULL
	};

	node_path(fdt, off, path, sizeof path);
	if (sys->ndevices == CFG_MAX_DEVICES) {
		diag_error(path, NULL, "more than %u devices", CFG_MAX_DEVICES);
		return;
	}
	check_known_props(fdt, off, path, known);
	reg = get_cells(fdt, off, path, "reg", &n, true);
	if (!reg)
		return;
	if (n != 2) {
		diag_error(path, "reg", "expected <base size> (2 cells), found %u cells", n);
		return;
	}
	d = &sys->devices[sys->ndevices];
	memset(d, 0, sizeof *d);
	copy_str(d->path, sizeof d->path, path);
	name = fdt_get_name(fdt, off, NULL);
	copy_str(d->name, sizeof d->name, name ? name : "?");
	d->phandle = fdt_get_phandle(fdt, off);
	d->base = fdt32_to_cpu(reg[0]);
	d->size = fdt32_to_cpu(reg[1]);
	d->owner = -1;
	if (d->size == 0 || (uint64_t)d->base + d->size > 0x20000000ull) {
		diag_error(path, "reg", "<0x%x 0x%x> is empty or outside the physical space",
			   d->base, d->size);
		return;
	}
	if (d->base % SUBPAGE_SIZE || d->size % SUBPAGE_SIZE) {
		diag_error(path, "reg", "<0x%x 0x%x> is not 16-byte aligned", d->base, d->size);
		return;
	}
	irqs = get_cells(fdt, off, path, "interrupts", &n, false);
	if (n > CFG_MAX_DEV_IRQS) {
		diag_error(path, "interrupts", "more than %u interrupts", CFG_MAX_DEV_IRQS);
		return;
	}
	for (unsigned i = 0; irqs && i < n; i++) {
		uint32_t v = fdt32_to_cpu(irqs[i]);

		if (v >= VZ_NUM_IRQS) {
			diag_error(path, "interrupts", "vector %u does not exist (0..%u)", v,
				   VZ_NUM_IRQS - 1);
			return;
		}
		d->irqs[d->nirqs++] = (uint16_t)v;
	}
	d->shareable = has_prop(fdt, off, "vzlet,shareable");
	d->hypervisor_only = has_prop(fdt, off, "vzlet,hypervisor-only");
	d->is_port = fdt_node_check_compatible(fdt, off, "microchip,pic32mz-port") == 0;
	emu = get_string(fdt, off, path, "vzlet,emulator", false);
	if (emu)
		d->emulator = parse_emulator(path, emu);
	d->coupled = -1;
	const fdt32_t *cp = get_cells(fdt, off, path, "vzlet,coupled", &n, false);
	if (cp && n != 3) {
		diag_error(path, "vzlet,coupled", "expected <&device offset mask> (3 cells)");
		return;
	}
	if (cp) {
		d->couple_phandle = fdt32_to_cpu(cp[0]);
		d->couple_off = fdt32_to_cpu(cp[1]);
		d->couple_mask = fdt32_to_cpu(cp[2]);
		if (d->couple_off % 4 || d->couple_off >= d->size || !d->couple_mask) {
			diag_error(path, "vzlet,coupled", "offset 0x%x: not a register of the "
				   "device, or an empty mask", d->couple_off);
			return;
		}
	}
	sys->ndevices++;
}

static void read_devices(const void *fdt, struct cfg_system *sys)
{
	int soc = fdt_path_offset(fdt, "/soc");
	int child;

	if (soc < 0) {
		diag_error("/", NULL, "no /soc node: include the SoC description (pic32mz-ef.dtsi)");
		return;
	}
	fdt_for_each_subnode(child, fdt, soc) {
		const char *status = fdt_getprop(fdt, child, "status", NULL);

		/* A board may switch off what it does not wire. */
		if (status && !strcmp(status, "disabled"))
			continue;
		if (has_prop(fdt, child, "reg"))
			read_device(fdt, child, sys);
	}
	for (unsigned i = 0; i < sys->ndevices; i++) {
		struct cfg_device *d = &sys->devices[i];

		if (d->couple_phandle)
			d->coupled = resolve_device(fdt, sys, d->path, "vzlet,coupled",
						    d->couple_phandle);
	}
}

/* ---- memories, reservations ------------------------------------------------ */

static void read_reserved(const void *fdt, struct cfg_system *sys)
{
	int rm = fdt_path_offset(fdt, "/reserved-memory");
	int child;

	if (rm < 0)
		return;
	fdt_for_each_subnode(child, fdt, rm) {
		char path[CFG_PATH_MAX];
		unsigned n;
		const fdt32_t *reg;
		struct cfg_reserved *r;

		node_path(fdt, child, path, sizeof path);
		reg = get_cells(fdt, child, path, "reg", &n, true);
		if (!reg)
			continue;
		if (n != 2) {
			diag_error(path, "reg", "expected <base size> (2 cells), found %u cells", n);
			continue;
		}
		if (sys->nreserved == sizeof sys->reserved / sizeof sys->reserved[0]) {
			diag_error(path, NULL, "too many reserved ranges");
			continue;
		}
		r = &sys->reserved[sys->nreserved++];
		copy_str(r->path, sizeof r->path, path);
		r->base = fdt32_to_cpu(reg[0]);
		r->size = fdt32_to_cpu(reg[1]);
		if (r->size == 0 || (uint64_t)r->base + r->size > 0x20000000ull) {
			diag_error(path, "reg", "<0x%x 0x%x> is empty or outside the physical space",
				   r->base, r->size);
			sys->nreserved--;
		}
	}
}

/* A pin list, `<&port N ...>` or `<&led ...>` (a board node with gpios =
 * <&port N flags>), of node path's property prop: at most max pins into
 * out; returns how many. */
static unsigned read_pin_list(const void *fdt, int off, const struct cfg_system *sys,
			      const char *path, const char *prop, struct cfg_pin *out,
			      unsigned max)
{
	unsigned n, count = 0;
	const fdt32_t *p = get_cells(fdt, off, path, prop, &n, false);

	for (unsigned i = 0; p && i < n; i++) {
		uint32_t ph = fdt32_to_cpu(p[i]);
		int dev = find_device_by_phandle(sys, ph);
		uint32_t pin;

		if (dev < 0) {
			/* A board node (LED, button) naming its pin. */
			int target = fdt_node_offset_by_phandle(fdt, ph);
			unsigned gn;
			const fdt32_t *g;
			char tpath[CFG_PATH_MAX];

			if (target < 0) {
				diag_error(path, prop, "unknown phandle 0x%x", ph);
				return count;
			}
			node_path(fdt, target, tpath, sizeof tpath);
			g = get_cells(fdt, target, tpath, "gpios", &gn, true);
			if (!g)
				return count;
			if (gn < 2) {
				diag_error(tpath, "gpios", "expected <&port pin flags>");
				return count;
			}
			dev = resolve_device(fdt, sys, tpath, "gpios", fdt32_to_cpu(g[0]));
			if (dev < 0)
				return count;
			pin = fdt32_to_cpu(g[1]);
		} else {
			if (i + 1 >= n) {
				diag_error(path, prop, "%s needs a pin number after it",
					   sys->devices[dev].path);
				return count;
			}
			pin = fdt32_to_cpu(p[++i]);
		}
		if (!sys->devices[dev].is_port) {
			diag_error(path, prop, "%s is not an I/O port", sys->devices[dev].path);
			return count;
		}
		if (pin > 15) {
			diag_error(path, prop, "pin %u of %s does not exist (0..15)", pin,
				   sys->devices[dev].path);
			return count;
		}
		if (count == max) {
			diag_error(path, prop, "too many pins");
			return count;
		}
		out[count].port = dev;
		out[count].pin = pin;
		count++;
	}
	return count;
}

/* ---- hypervisor ------------------------------------------------------------- */

static void read_hypervisor(const void *fdt, struct cfg_system *sys)
{
	struct cfg_hypervisor *hv = &sys->hv;
	int off = fdt_path_offset(fdt, "/hypervisor");
	uint32_t ph;
	static const char *const known[] = {
		"console", "console-baud", "console-pins", "cpu-clock-hz", "pbclk1-hz", "pbclk2-hz",
		"pbclk3-hz", "pbclk4-hz", "pbclk5-hz", "pbclk6-hz", "pbclk7-hz", "pbclk8-hz",
		"time-slice-us", "setup", NULL
	};

	hv->console = -1;
	hv->console_baud = 115200;
	hv->cpu_clock_hz = 200000000;
	hv->pbclk2_hz = 100000000;
	hv->time_slice_us = 1000;
	copy_str(hv->path, sizeof hv->path, "/hypervisor");
	if (off < 0 || fdt_node_check_compatible(fdt, off, "vzlet,hypervisor") != 0) {
		diag_error("/hypervisor", NULL, "missing, or not compatible = \"vzlet,hypervisor\"");
		return;
	}
	check_known_props(fdt, off, hv->path, known);
	if (get_u32(fdt, off, hv->path, "console", &ph, true) == 0) {
		hv->console = resolve_device(fdt, sys, hv->path, "console", ph);
		if (hv->console >= 0) {
			struct cfg_device *d = &sys->devices[hv->console];
			uint32_t idx = (d->base - PIC32_UART1_BASE) / PIC32_UART_STRIDE;

			if (d->base < PIC32_UART1_BASE || (d->base - PIC32_UART1_BASE) %
			    PIC32_UART_STRIDE || idx >= 6) {
				diag_error(hv->path, "console", "%s is not UART1..6", d->path);
				hv->console = -1;
			} else {
				/* The hypervisor owns the real UART; VMs get a virtual one. */
				d->emulator = EMU_CONSOLE;
				d->shareable = true;
				hv->console_uart = idx + 1;
			}
		}
	}
	get_u32(fdt, off, hv->path, "console-baud", &hv->console_baud, false);
	/* The console UART's RX/TX pins (routed by PPS in the board's setup):
	 * no VM may have them (check_ownership). */
	hv->nconsole_pins = read_pin_list(fdt, off, sys, hv->path, "console-pins", hv->console_pins,
					  sizeof hv->console_pins / sizeof hv->console_pins[0]);
	get_u32(fdt, off, hv->path, "cpu-clock-hz", &hv->cpu_clock_hz, false);
	for (unsigned b = 0; b < 8; b++) {
		char name[16];

		snprintf(name, sizeof name, "pbclk%u-hz", b + 1);
		/* reset dividers: PBCLK7 (the CPU's) 1, the others 2 */
		hv->pbclk_hz[b] = b == 6 ? hv->cpu_clock_hz : hv->cpu_clock_hz / 2;
		hv->pbclk_set[b] = get_u32(fdt, off, hv->path, name, &hv->pbclk_hz[b], false) == 0;
	}
	hv->pbclk2_hz = hv->pbclk_hz[1];
	get_u32(fdt, off, hv->path, "time-slice-us", &hv->time_slice_us, false);
	if (hv->console_baud == 0 || hv->console_baud > hv->pbclk2_hz / 4)
		diag_error(hv->path, "console-baud", "%u is not reachable from a %u Hz clock",
			   hv->console_baud, hv->pbclk2_hz);
	if (hv->cpu_clock_hz < 1000000 || hv->cpu_clock_hz > 252000000)
		diag_error(hv->path, "cpu-clock-hz", "%u is outside 1..252 MHz", hv->cpu_clock_hz);
	if (hv->time_slice_us == 0 || hv->time_slice_us > 10000000)
		diag_error(hv->path, "time-slice-us", "%u is outside 1 us..10 s", hv->time_slice_us);

	unsigned n;
	const fdt32_t *w = get_cells(fdt, off, hv->path, "setup", &n, false);

	if (w && (n % 2 || n / 2 > CFG_MAX_SETUP))
		diag_error(hv->path, "setup", "expected <address value> pairs, at most %u",
			   CFG_MAX_SETUP);
	else
		for (unsigned i = 0; w && i < n; i += 2) {
			hv->setup[hv->nsetup].addr = fdt32_to_cpu(w[i]);
			hv->setup[hv->nsetup].value = fdt32_to_cpu(w[i + 1]);
			hv->nsetup++;
		}
}

/* ---- hypervisor threads ------------------------------------------------------ */

/* The thread functions the hypervisor has (hypervisor/include/vzlet/thread.h):
 * `function = "NAME"` runs hv_thread_NAME. */
static const char *const thread_functions[] = { "heartbeat", NULL };

#define THREAD_STACK_MIN 512u      /* a console line's worth of calls and frames */
#define THREAD_STACK_MAX 16384u
#define THREAD_PERIOD_MIN 1000u    /* 1 ms */
#define THREAD_PERIOD_MAX 20000000u  /* wake-ups are compared in 32-bit Count ticks */

static bool c_identifier(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void read_thread(const void *fdt, int off, struct cfg_hypervisor *hv)
{
	static const char *const known[] = { "compatible", "function", "stack-size", "period-us",
					     NULL };
	char path[CFG_PATH_MAX];
	const char *name = fdt_get_name(fdt, off, NULL);

	node_path(fdt, off, path, sizeof path);
	if (fdt_node_check_compatible(fdt, off, "vzlet,thread") != 0) {
		diag_error(path, "compatible", "a thread must be compatible = \"vzlet,thread\"");
		return;
	}
	if (hv->nthreads == CFG_MAX_THREADS) {
		diag_error(path, NULL, "more than %u hypervisor threads", CFG_MAX_THREADS);
		return;
	}
	check_known_props(fdt, off, path, known);
	if (!name || strlen(name) >= sizeof hv->threads[0].name || !c_identifier(name)) {
		diag_error(path, NULL, "a thread's node name must be a C identifier of at most 31 characters");
		return;
	}
	struct cfg_thread *t = &hv->threads[hv->nthreads];
	memset(t, 0, sizeof *t);
	copy_str(t->path, sizeof t->path, path);
	copy_str(t->name, sizeof t->name, name);
	const char *fn = get_string(fdt, off, path, "function", true);
	bool known_fn = false;
	for (unsigned i = 0; fn && thread_functions[i]; i++)
		known_fn |= strcmp(fn, thread_functions[i]) == 0;
	if (fn && !known_fn)
		diag_error(path, "function", "\"%s\" is not a hypervisor thread function (heartbeat)", fn);
	if (!known_fn)
		return;
	copy_str(t->function, sizeof t->function, fn);
	if (get_u32(fdt, off, path, "stack-size", &t->stack_size, true) != 0 ||
	    get_u32(fdt, off, path, "period-us", &t->period_us, true) != 0)
		return;
	if (t->stack_size < THREAD_STACK_MIN || t->stack_size > THREAD_STACK_MAX ||
	    t->stack_size % 8) {
		diag_error(path, "stack-size", "%u is not a multiple of 8 in %u..%u bytes",
			   t->stack_size, THREAD_STACK_MIN, THREAD_STACK_MAX);
		return;
	}
	if (t->period_us < THREAD_PERIOD_MIN || t->period_us > THREAD_PERIOD_MAX) {
		diag_error(path, "period-us", "%u is outside 1 ms..20 s", t->period_us);
		return;
	}
	hv->nthreads++;
}

static void read_threads(const void *fdt, struct cfg_system *sys)
{
	int off = fdt_path_offset(fdt, "/hypervisor/threads");
	int child;

	if (off < 0)
		return;
	fdt_for_each_subnode(child, fdt, off)
		read_thread(fdt, child, &sys->hv);
}

/* ---- VMs ------------------------------------------------------------------- */

static int parse_access(const char *path, const char *prop, const char *s,
			enum block_access *a)
{
	if (!strcmp(s, "read-write"))
		*a = ACCESS_READ_WRITE;
	else if (!strcmp(s, "read-only"))
		*a = ACCESS_READ_ONLY;
	else if (!strcmp(s, "write-ignored"))
		*a = ACCESS_WRITE_IGNORED;
	else if (!strcmp(s, "write-logged"))
		*a = ACCESS_WRITE_LOGGED;
	else {
		diag_error(path, prop, "unknown access \"%s\" (read-write, read-only, "
			   "write-ignored, write-logged)", s);
		return -1;
	}
	return 0;
}

static struct cfg_block *new_block(struct cfg_vm *vm, const char *path, const char *prop)
{
	struct cfg_block *b;

	if (vm->nblocks == CFG_MAX_BLOCKS) {
		diag_error(path, prop, "more than %u register blocks in this VM", CFG_MAX_BLOCKS);
		return NULL;
	}
	b = &vm->blocks[vm->nblocks++];
	memset(b, 0, sizeof *b);
	copy_str(b->path, sizeof b->path, path);
	copy_str(b->prop, sizeof b->prop, prop);
	b->device = -1;
	return b;
}

static void read_vm_block(const void *fdt, int off, struct cfg_system *sys, struct cfg_vm *vm)
{
	char path[CFG_PATH_MAX];
	unsigned n;
	const fdt32_t *regs;
	const char *access;
	uint32_t ph;
	struct cfg_block *b;
	static const char *const known[] = { "device", "registers", "access", NULL };

	node_path(fdt, off, path, sizeof path);
	check_known_props(fdt, off, path, known);
	regs = get_cells(fdt, off, path, "registers", &n, false);
	if (regs && has_prop(fdt, off, "device")) {
		diag_error(path, "registers", "give either \"device\" or \"registers\", not both");
		return;
	}
	if (regs) {
		if (n != 2) {
			diag_error(path, "registers", "expected <base size> (2 cells), found %u", n);
			return;
		}
		b = new_block(vm, path, "registers");
		if (!b)
			return;
		b->base = fdt32_to_cpu(regs[0]);
		b->size = fdt32_to_cpu(regs[1]);
	} else if (get_u32(fdt, off, path, "device", &ph, false) == 0) {
		int dev = resolve_device(fdt, sys, path, "device", ph);

		if (dev < 0)
			return;
		b = new_block(vm, path, "device");
		if (!b)
			return;
		b->device = dev;
		b->base = sys->devices[dev].base;
		b->size = sys->devices[dev].size;
	} else {
		diag_error(path, "registers", "missing (or give \"device\")");
		return;
	}
	b->access = ACCESS_READ_WRITE;
	access = get_string(fdt, off, path, "access", false);
	if (access)
		parse_access(path, "access", access, &b->access);
}

static void read_vm_memory(const void *fdt, int off, struct cfg_vm *vm)
{
	char path[CFG_PATH_MAX];
	unsigned n;
	const fdt32_t *phys;
	const char *access;
	struct cfg_region *r;
	enum block_access a = ACCESS_READ_WRITE;
	static const char *const known[] = {
		"physical", "guest-address", "access", "executable", "shared", NULL
	};

	node_path(fdt, off, path, sizeof path);
	check_known_props(fdt, off, path, known);
	phys = get_cells(fdt, off, path, "physical", &n, true);
	if (!phys)
		return;
	if (n != 2) {
		diag_error(path, "physical", "expected <base size> (2 cells), found %u", n);
		return;
	}
	if (vm->nregions == CFG_MAX_REGIONS) {
		diag_error(path, NULL, "more than %u memory regions in this VM", CFG_MAX_REGIONS);
		return;
	}
	r = &vm->regions[vm->nregions++];
	memset(r, 0, sizeof *r);
	r->kind = REGION_MEMORY;
	r->pa = fdt32_to_cpu(phys[0]);
	r->size = fdt32_to_cpu(phys[1]);
	r->gpa = r->pa;
	get_u32(fdt, off, path, "guest-address", &r->gpa, false);
	access = get_string(fdt, off, path, "access", false);
	if (access && parse_access(path, "access", access, &a) == 0 &&
	    a != ACCESS_READ_WRITE && a != ACCESS_READ_ONLY)
		diag_error(path, "access", "memory is \"read-write\" or \"read-only\"");
	r->perms = PERM_R | (a == ACCESS_READ_WRITE ? PERM_W : 0) |
		   (has_prop(fdt, off, "executable") ? PERM_X : 0);
	r->shared = has_prop(fdt, off, "shared");
	r->cache = vm->cache;
	copy_str(r->path, sizeof r->path, path);
	copy_str(r->prop, sizeof r->prop, "physical");
	snprintf(r->what, sizeof r->what, "memory %s", fdt_get_name(fdt, off, NULL));
}

static int parse_cache(const char *path, const char *s, enum cache_mode *c)
{
	if (!strcmp(s, "write-back"))
		*c = CACHE_WRITE_BACK;
	else if (!strcmp(s, "write-through"))
		*c = CACHE_WRITE_THROUGH;
	else if (!strcmp(s, "write-through-no-allocate"))
		*c = CACHE_WRITE_THROUGH_NOALLOC;
	else if (!strcmp(s, "uncached"))
		*c = CACHE_UNCACHED;
	else {
		diag_error(path, "cache", "unknown cache mode \"%s\" (write-back, write-through, "
			   "write-through-no-allocate, uncached)", s);
		return -1;
	}
	return 0;
}

static void read_vm_pins(const void *fdt, int off, const struct cfg_system *sys, struct cfg_vm *vm)
{
	vm->npins = read_pin_list(fdt, off, sys, vm->path, "pins", vm->pins,
				  sizeof vm->pins / sizeof vm->pins[0]);
}

static void read_vm(const void *fdt, int off, struct cfg_system *sys)
{
	struct cfg_vm *vm;
	char path[CFG_PATH_MAX];
	const char *s;
	unsigned n;
	const fdt32_t *p;
	int child;
	static const char *const known[] = {
		"reg", "label", "elf", "ram-size", "ram", "flash-size", "polling",
		"no-autostart", "time-slice-us", "interrupts", "devices", "pins", "cache",
		"setup", "guest-tlb-entries", "cpu-clock-hz", "pbclk1-hz", "pbclk2-hz", "pbclk3-hz",
		"pbclk4-hz", "pbclk5-hz", "pbclk6-hz", "pbclk7-hz", "pbclk8-hz", "dma-channels",
		"time-budget-us", "watchdog-period-ms", "watchdog-window", "watchdog-windowed",
		"watchdog-enabled", NULL
	};

	node_path(fdt, off, path, sizeof path);
	if (sys->nvms == CFG_MAX_VMS) {
		diag_error(path, NULL, "too many VMs: at most %u (one shadow register set each)",
			   CFG_MAX_VMS);
		return;
	}
	vm = &sys->vms[sys->nvms++];
	memset(vm, 0, sizeof *vm);
	copy_str(vm->path, sizeof vm->path, path);
	check_known_props(fdt, off, path, known);

	uint32_t id = 0;

	if (get_u32(fdt, off, path, "reg", &id, true) == 0 && (id < 1 || id > CFG_MAX_VMS))
		diag_error(path, "reg", "VM id %u is outside 1..%u", id, CFG_MAX_VMS);
	vm->id = id;
	s = get_string(fdt, off, path, "label", false);
	if (!s)
		s = fdt_get_name(fdt, off, NULL);
	if (s && (strlen(s) == 0 || strlen(s) >= CFG_NAME_MAX))
		diag_error(path, "label", "must be 1..%u characters", CFG_NAME_MAX - 1);
	else if (s)
		copy_str(vm->label, sizeof vm->label, s);
	for (const char *c = vm->label; *c; c++)
		if (*c < 0x20 || *c > 0x7e || *c == '"' || *c == '\\')
			diag_error(path, "label", "only printable characters, no quotes");
	s = get_string(fdt, off, path, "elf", true);
	if (s)
		copy_str(vm->elf_path, sizeof vm->elf_path, s);

	p = get_cells(fdt, off, path, "ram", &n, false);
	if (p && has_prop(fdt, off, "ram-size")) {
		diag_error(path, "ram", "give either \"ram\" or \"ram-size\", not both");
	} else if (p) {
		copy_str(vm->ram_prop, sizeof vm->ram_prop, "ram");
		if (n == 0 || n % 2 || n / 2 > 4)
			diag_error(path, "ram", "expected 1..4 <guest-address size> pairs");
		else
			for (unsigned i = 0; i < n; i += 2) {
				vm->ram[vm->nram].gpa = fdt32_to_cpu(p[i]);
				vm->ram[vm->nram].size = fdt32_to_cpu(p[i + 1]);
				vm->nram++;
			}
	} else {
		uint32_t size;

		copy_str(vm->ram_prop, sizeof vm->ram_prop, "ram-size");
		if (get_u32(fdt, off, path, "ram-size", &size, true) == 0) {
			vm->ram[0].gpa = 0;
			vm->ram[0].size = size;
			vm->nram = 1;
		}
	}
	get_u32(fdt, off, path, "flash-size", &vm->flash_size, false);
	vm->polling = has_prop(fdt, off, "polling");
	vm->no_autostart = has_prop(fdt, off, "no-autostart");
	if (get_u32(fdt, off, path, "time-slice-us", &vm->slice_us, false) == 0 &&
	    (vm->slice_us == 0 || vm->slice_us > 10000000))
		diag_error(path, "time-slice-us", "%u is outside 1 us..10 s", vm->slice_us);
	get_u32(fdt, off, path, "guest-tlb-entries", &vm->guest_tlb, false); /* check.c */
	/* The clocks the guest's binary was built for (checked in clocks.c). */
	get_u32(fdt, off, path, "cpu-clock-hz", &vm->expect_cpu_hz, false);
	for (unsigned b = 0; b < 8; b++) {
		char name[16];

		snprintf(name, sizeof name, "pbclk%u-hz", b + 1);
		get_u32(fdt, off, path, name, &vm->expect_pbclk_hz[b], false);
	}
	vm->cache = CACHE_WRITE_BACK;
	s = get_string(fdt, off, path, "cache", false);
	if (s)
		parse_cache(path, s, &vm->cache);

	p = get_cells(fdt, off, path, "interrupts", &n, false);
	if (n > CFG_MAX_VM_IRQS)
		diag_error(path, "interrupts", "more than %u interrupts", CFG_MAX_VM_IRQS);
	else
		for (unsigned i = 0; p && i < n; i++) {
			uint32_t v = fdt32_to_cpu(p[i]);

			if (v >= VZ_NUM_IRQS)
				diag_error(path, "interrupts", "vector %u does not exist (0..%u)",
					   v, VZ_NUM_IRQS - 1);
			else
				vm->irqs[vm->nirqs++] = (uint16_t)v;
		}

	p = get_cells(fdt, off, path, "devices", &n, false);
	if (n > CFG_MAX_VM_DEVICES)
		diag_error(path, "devices", "more than %u devices", CFG_MAX_VM_DEVICES);
	else
		for (unsigned i = 0; p && i < n; i++) {
			int dev = resolve_device(fdt, sys, path, "devices", fdt32_to_cpu(p[i]));

			if (dev >= 0)
				vm->devices[vm->ndevices++] = dev;
		}
	read_vm_pins(fdt, off, sys, vm);
	wdt_read_vm(fdt, off, vm);

	p = get_cells(fdt, off, path, "dma-channels", &n, false);
	for (unsigned i = 0; p && i < n; i++) {
		uint32_t ch = fdt32_to_cpu(p[i]);

		if (ch > 7)
			diag_error(path, "dma-channels", "channel %u does not exist (0..7)", ch);
		else
			vm->dma_channels |= (uint8_t)(1u << ch);
	}

	p = get_cells(fdt, off, path, "setup", &n, false);
	if (p && (n % 2 || n / 2 > CFG_MAX_SETUP))
		diag_error(path, "setup", "expected <address value> pairs, at most %u",
			   CFG_MAX_SETUP);
	else
		for (unsigned i = 0; p && i < n; i += 2) {
			vm->setup[vm->nsetup].addr = fdt32_to_cpu(p[i]);
			vm->setup[vm->nsetup].value = fdt32_to_cpu(p[i + 1]);
			vm->nsetup++;
		}

	fdt_for_each_subnode(child, fdt, off) {
		char cpath[CFG_PATH_MAX];

		node_path(fdt, child, cpath, sizeof cpath);
		if (fdt_node_check_compatible(fdt, child, "vzlet,block") == 0)
			read_vm_block(fdt, child, sys, vm);
		else if (fdt_node_check_compatible(fdt, child, "vzlet,memory") == 0)
			read_vm_memory(fdt, child, vm);
		else
			diag_error(cpath, "compatible", "expected \"vzlet,block\" or \"vzlet,memory\"");
	}
}

static void read_vms(const void *fdt, struct cfg_system *sys)
{
	int vms = fdt_path_offset(fdt, "/vms");
	int child;

	if (vms < 0) {
		diag_error("/vms", NULL, "missing: a system needs at least one VM");
		return;
	}
	fdt_for_each_subnode(child, fdt, vms) {
		char path[CFG_PATH_MAX];

		node_path(fdt, child, path, sizeof path);
		if (fdt_node_check_compatible(fdt, child, "vzlet,vm") != 0) {
			diag_error(path, "compatible", "expected \"vzlet,vm\"");
			continue;
		}
		read_vm(fdt, child, sys);
	}
	if (sys->nvms == 0 && diag_errors() == 0)
		diag_error("/vms", NULL, "no VM (nodes with compatible = \"vzlet,vm\")");
}

/* libfdt 1.6 (Debian 12) walks the structure block trusting each property's
 * length: one that wraps the offset back makes every walker, fdt_check_full
 * included, loop for ever. So walk it here first, every token and length
 * checked against the block (after fdt_check_header: the block lies inside
 * the blob). */
static bool struct_block_sane(const void *fdt)
{
	const uint8_t *s = (const uint8_t *)fdt + fdt_off_dt_struct(fdt);
	uint32_t size = fdt_size_dt_struct(fdt), off = 0;

	while (size - off >= 4 && off <= size) {
		uint32_t tag = fdt32_ld((const fdt32_t *)(s + off));
		const uint8_t *nul;
		uint32_t len;

		off += 4;
		switch (tag) {
		case FDT_BEGIN_NODE:
			nul = memchr(s + off, 0, size - off);
			if (!nul)
				return false;
			off = ((uint32_t)(nul - s) + 4) & ~3u;
			break;
		case FDT_PROP:
			if (size - off < 8)
				return false;
			len = fdt32_ld((const fdt32_t *)(s + off));
			off += 8;
			if (len > size - off)
				return false;
			off = (off + len + 3) & ~3u;
			break;
		case FDT_END_NODE:
		case FDT_NOP:
			break;
		case FDT_END:
			return true;
		default:
			return false;
		}
	}
	return false;
}

int dt_read_system(const void *fdt, size_t size, const char *source, struct cfg_system *sys)
{
	unsigned before = diag_errors();
	int rc;

	memset(sys, 0, sizeof *sys);
	copy_str(sys->source, sizeof sys->source, source);
	if (size < sizeof(struct fdt_header) || fdt_check_header(fdt) != 0 ||
	    fdt_totalsize(fdt) > size) {
		diag_error(source, NULL, "not a valid devicetree blob (compile the .dts with dtc)");
		return -1;
	}
	/* dtc writes version 17. Older layouts (no struct size, names inline)
	 * are refused: libfdt 1.6's fdt_check_full crashes on some of them. */
	if (fdt_version(fdt) < 17) {
		diag_error(source, NULL, "devicetree blob version %u is too old (dtc writes 17)",
			   fdt_version(fdt));
		return -1;
	}
	if (!struct_block_sane(fdt)) {
		diag_error(source, NULL, "corrupt devicetree blob: bad structure block");
		return -1;
	}
	rc = fdt_check_full(fdt, size);
	if (rc != 0) {
		diag_error(source, NULL, "corrupt devicetree blob: %s", fdt_strerror(rc));
		return -1;
	}
	read_devices(fdt, sys);
	read_reserved(fdt, sys);
	read_hypervisor(fdt, sys);
	read_threads(fdt, sys);
	read_vms(fdt, sys);
	channels_read(fdt, sys);
	health_read(fdt, sys);
	windows_read(fdt, sys);
	return diag_errors() == before ? 0 : -1;
}

/* The property helpers for the other readers (dt_read.h). */
void dt_node_path(const void *fdt, int off, char *buf, size_t len)
{
	node_path(fdt, off, buf, len);
}

const fdt32_t *dt_get_cells(const void *fdt, int off, const char *path, const char *name,
			    unsigned *count, bool required)
{
	return get_cells(fdt, off, path, name, count, required);
}

int dt_get_u32(const void *fdt, int off, const char *path, const char *name, uint32_t *val,
	       bool required)
{
	return get_u32(fdt, off, path, name, val, required);
}

const char *dt_get_string(const void *fdt, int off, const char *path, const char *name,
			  bool required)
{
	return get_string(fdt, off, path, name, required);
}

void dt_check_known_props(const void *fdt, int off, const char *path, const char *const *known)
{
	check_known_props(fdt, off, path, known);
}
