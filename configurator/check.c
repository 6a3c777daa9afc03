/* SPDX-License-Identifier: Apache-2.0 */
/* check.c - checks across VMs (see check.h). */
#include "dma.h"
#include "check.h"

#include <string.h>

#include "diag.h"
#include <vzlet/vm_config.h>

static bool ranges_overlap(uint32_t a, uint32_t as, uint32_t b, uint32_t bs)
{
	return (uint64_t)a < (uint64_t)b + bs && (uint64_t)b < (uint64_t)a + as;
}

static bool inside(uint32_t a, uint32_t as, uint32_t b, uint32_t bs)
{
	return a >= b && (uint64_t)a + as <= (uint64_t)b + bs;
}

int check_vm_ids(const struct cfg_system *sys)
{
	unsigned before = diag_errors();
	const struct cfg_vm *by_id[CFG_MAX_VMS + 1] = { 0 };

	for (unsigned i = 0; i < sys->nvms; i++) {
		const struct cfg_vm *vm = &sys->vms[i];

		if (vm->id < 1 || vm->id > CFG_MAX_VMS)
			continue;   /* reported while reading */
		if (by_id[vm->id])
			diag_error(vm->path, "reg", "VM id %u is already used by %s", vm->id,
				   by_id[vm->id]->path);
		else
			by_id[vm->id] = vm;
	}
	if (diag_errors() != before)
		return -1;
	/* The hypervisor indexes VMs by id - 1: ids are 1..N without gaps. With
	 * N distinct ids, a gap means some id is above N: report that VM. */
	unsigned missing = 1;

	while (missing <= sys->nvms && by_id[missing])
		missing++;
	for (unsigned i = 0; missing <= sys->nvms && i < sys->nvms; i++)
		if (sys->vms[i].id > sys->nvms) {
			diag_error(sys->vms[i].path, "reg", "VM id %u leaves id %u unused: ids "
				   "are 1..%u without gaps", sys->vms[i].id, missing, sys->nvms);
			return -1;
		}
	for (unsigned i = 0; i < sys->nvms; i++)
		for (unsigned k = i + 1; k < sys->nvms; k++)
			if (!strcmp(sys->vms[i].label, sys->vms[k].label))
				diag_error(sys->vms[k].path, "label", "\"%s\" is already the name of %s",
					   sys->vms[k].label, sys->vms[i].path);
	return diag_errors() == before ? 0 : -1;
}

/* The console UART's pins (the board's /hypervisor console-pins) are the
 * hypervisor's: a VM given one, or its port whole, could change their
 * TRIS/ANSEL/ODC/LAT and cut or garble the console. Read-only, write-ignored
 * and write-logged blocks of the port write nothing and stay allowed. */
static void check_console_pins(const struct cfg_system *sys)
{
	const struct cfg_hypervisor *hv = &sys->hv;

	for (unsigned c = 0; c < hv->nconsole_pins; c++) {
		const struct cfg_pin *cp = &hv->console_pins[c];
		const char *port = sys->devices[cp->port].path;

		for (unsigned v = 0; v < sys->nvms; v++) {
			const struct cfg_vm *vm = &sys->vms[v];

			for (unsigned i = 0; i < vm->npins; i++)
				if (vm->pins[i].port == cp->port && vm->pins[i].pin == cp->pin)
					diag_error(vm->path, "pins", "pin %u of %s carries the "
						   "hypervisor's console UART (%s, property "
						   "\"console-pins\")", cp->pin, port, hv->path);
			for (unsigned i = 0; i < vm->nblocks; i++) {
				const struct cfg_block *b = &vm->blocks[i];

				if (b->device == cp->port && !b->pins_only &&
				    b->access == ACCESS_READ_WRITE)
					diag_error(b->path, b->prop, "%s holds pin %u, which "
						   "carries the hypervisor's console UART (%s, "
						   "property \"console-pins\"): give the VM its "
						   "other pins with `pins`", port, cp->pin, hv->path);
			}
		}
	}
}

int check_ownership(struct cfg_system *sys)
{
	unsigned before = diag_errors();
	/* Owner of each pin of each port device: VM index + 1. */
	static uint8_t pin_owner[CFG_MAX_DEVICES][16];

	memset(pin_owner, 0, sizeof pin_owner);
	for (unsigned d = 0; d < sys->ndevices; d++)
		sys->devices[d].owner = -1;
	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		for (unsigned i = 0; i < vm->nblocks; i++) {
			const struct cfg_block *b = &vm->blocks[i];
			struct cfg_device *d;

			if (b->device < 0)
				continue;
			d = &sys->devices[b->device];
			/* Blocks that write nothing (read-only, write-ignored,
			 * write-logged) take no ownership: several VMs may read a
			 * device, or have their writes to it dropped. */
			if (d->emulator != EMU_NONE || d->shareable || d->hypervisor_only ||
			    b->pins_only || b->access != ACCESS_READ_WRITE)
				continue;
			if (d->owner >= 0 && d->owner != (int)v) {
				diag_error(b->path, b->prop, "%s is not shareable and is already "
					   "given to %s", d->path, sys->vms[d->owner].path);
				continue;
			}
			d->owner = (int)v;
		}
	}
	/* Coupled devices (a timer pair) go to one VM: the even timer's T32
	 * makes the odd one its upper half. */
	for (unsigned d = 0; d < sys->ndevices; d++) {
		const struct cfg_device *a = &sys->devices[d];
		const struct cfg_device *b;

		if (a->coupled < 0 || a->owner < 0)
			continue;
		b = &sys->devices[a->coupled];
		if (b->owner >= 0 && b->owner != a->owner)
			diag_error(sys->vms[b->owner].path, "devices", "%s is coupled with %s (bits "
				   "0x%x at +0x%x of it control this one), which is given to %s: "
				   "give both to one VM", b->path, a->path, a->couple_mask,
				   a->couple_off, sys->vms[a->owner].path);
	}
	/* Pins: a port given whole to one VM has no pins left for others. */
	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		for (unsigned i = 0; i < vm->npins; i++) {
			int port = vm->pins[i].port;
			unsigned pin = vm->pins[i].pin;
			const struct cfg_device *d = &sys->devices[port];

			if (d->owner >= 0 && d->owner != (int)v) {
				diag_error(vm->path, "pins", "pin %u of %s: the port is already given "
					   "whole to %s", pin, d->path, sys->vms[d->owner].path);
				continue;
			}
			if (pin_owner[port][pin] && pin_owner[port][pin] != v + 1)
				diag_error(vm->path, "pins", "pin %u of %s is already given to %s",
					   pin, d->path, sys->vms[pin_owner[port][pin] - 1].path);
			else
				pin_owner[port][pin] = (uint8_t)(v + 1);
		}
	}
	check_console_pins(sys);
	return diag_errors() == before ? 0 : -1;
}

static int device_of_irq(const struct cfg_system *sys, unsigned irq)
{
	for (unsigned d = 0; d < sys->ndevices; d++)
		for (unsigned i = 0; i < sys->devices[d].nirqs; i++)
			if (sys->devices[d].irqs[i] == irq)
				return (int)d;
	return -1;
}

static bool vm_has_device(const struct cfg_vm *vm, int dev)
{
	for (unsigned i = 0; i < vm->nblocks; i++)
		if (vm->blocks[i].device == dev)
			return true;
	return false;
}

static bool vm_has_emulator(const struct cfg_vm *vm, enum emulator emu)
{
	for (unsigned i = 0; i < vm->nblocks; i++)
		if (vm->blocks[i].emulator == emu)
			return true;
	return false;
}

int check_irqs(struct cfg_system *sys)
{
	unsigned before = diag_errors();

	memset(sys->irq_owner, 0, sizeof sys->irq_owner);
	for (unsigned v = 0; v < sys->nvms; v++) {
		struct cfg_vm *vm = &sys->vms[v];

		/* Legal, but a guest that takes or polls interrupts touches the EVIC
		 * and would be stopped at its first access. */
		if (vm->nirqs && !vm_has_emulator(vm, EMU_EVIC))
			diag_warning(vm->path, "devices", "has interrupts but no interrupt "
				     "controller (&evic): its first EVIC access will stop it");

		memset(vm->irq_owned, 0, sizeof vm->irq_owned);
		for (unsigned i = 0; i < vm->nirqs; i++) {
			unsigned irq = vm->irqs[i];
			int dev;

			for (unsigned k = 0; k < i; k++)
				if (vm->irqs[k] == irq)
					diag_error(vm->path, "interrupts", "IRQ %u is listed twice", irq);
			if (irq <= 2)
				continue;   /* core timer and software interrupts: per VM */
			dev = device_of_irq(sys, irq);
			if (dev < 0) {
				diag_error(vm->path, "interrupts", "IRQ %u: unknown, no device of the "
					   "SoC description raises it", irq);
				continue;
			}
			if (!vm_has_device(vm, dev)) {
				diag_error(vm->path, "interrupts", "IRQ %u belongs to %s, which this "
					   "VM does not have", irq, sys->devices[dev].path);
				continue;
			}
			if (sys->devices[dev].emulator != EMU_NONE)
				continue;   /* virtual: raised by the emulator */
			if (sys->devices[dev].hypervisor_only && !dma_irq_owned(vm, irq)) {
				diag_error(vm->path, "interrupts", "IRQ %u belongs to %s, which is "
					   "the hypervisor's", irq, sys->devices[dev].path);
				continue;
			}
			if (sys->irq_owner[irq] && sys->irq_owner[irq] != vm->id) {
				for (unsigned o = 0; o < sys->nvms; o++)
					if (sys->vms[o].id == sys->irq_owner[irq])
						diag_error(vm->path, "interrupts", "IRQ %u is already owned "
							   "by %s", irq, sys->vms[o].path);
				continue;
			}
			sys->irq_owner[irq] = (uint8_t)vm->id;
			vm->irq_owned[irq / 32] |= 1u << (irq % 32);
		}
	}
	return diag_errors() == before ? 0 : -1;
}

struct named_range {
	const char *what;
	uint32_t base, size;
};

static const struct named_range hv_ranges[] = {
	{ "the hypervisor's flash", VZ_HV_FLASH_BASE, VZ_HV_FLASH_SIZE },
	{ "the hypervisor's RAM", VZ_HV_RAM_BASE, VZ_HV_RAM_SIZE },
	{ "boot flash (the hypervisor's)", PIC32_BFLASH_BASE, PIC32_BFLASH_SIZE },
};

int check_memory(const struct cfg_system *sys)
{
	unsigned before = diag_errors();

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		for (unsigned i = 0; i < vm->nregions; i++) {
			const struct cfg_region *r = &vm->regions[i];

			if (r->kind != REGION_MEMORY)
				continue;
			if ((r->perms & PERM_X) && (r->size % PAGE_4K || r->pa % PAGE_4K ||
						    r->gpa % PAGE_4K)) {
				diag_error(r->path, r->prop, "executable memory below 4 KB pages: "
					   "0x%x bytes at 0x%08x (sub-page protection cannot "
					   "cover instruction fetches)", r->size, r->pa);
				continue;
			}
			if (r->size == 0 || r->size % PAGE_4K || r->pa % PAGE_4K ||
			    r->gpa % PAGE_4K) {
				diag_error(r->path, r->prop, "0x%x bytes at 0x%08x: misaligned, memory "
					   "regions are whole 4 KB pages", r->size, r->pa);
				continue;
			}
			if (!inside(r->pa, r->size, PIC32_RAM_BASE, PIC32_RAM_SIZE) &&
			    !inside(r->pa, r->size, PIC32_PFLASH_BASE, PIC32_PFLASH_SIZE)) {
				diag_error(r->path, r->prop, "0x%x bytes at 0x%08x: oversized or "
					   "outside the chip's RAM and program flash", r->size, r->pa);
				continue;
			}
			if ((r->perms & PERM_W) &&
			    inside(r->pa, r->size, PIC32_PFLASH_BASE, PIC32_PFLASH_SIZE))
				diag_error(r->path, "access", "program flash cannot be mapped writable");
			if ((uint64_t)r->gpa + r->size > 0x20000000ull)
				diag_error(r->path, "guest-address", "0x%08x + 0x%x is outside the "
					   "guest-physical space", r->gpa, r->size);
			for (unsigned h = 0; h < sizeof hv_ranges / sizeof hv_ranges[0]; h++)
				if (ranges_overlap(r->pa, r->size, hv_ranges[h].base, hv_ranges[h].size))
					diag_error(r->path, r->prop, "overlapping memory: 0x%08x..0x%08x "
						   "overlaps %s", r->pa, r->pa + r->size - 1,
						   hv_ranges[h].what);
			/* Against other VMs' explicit memory. */
			for (unsigned w = 0; w < v; w++)
				for (unsigned k = 0; k < sys->vms[w].nregions; k++) {
					const struct cfg_region *o = &sys->vms[w].regions[k];
					bool both_ro = !(r->perms & PERM_W) && !(o->perms & PERM_W);

					if (o->kind != REGION_MEMORY ||
					    !ranges_overlap(r->pa, r->size, o->pa, o->size))
						continue;
					if ((r->shared && o->shared) || both_ro)
						continue;
					diag_error(r->path, r->prop, "overlapping memory: 0x%08x..0x%08x "
						   "overlaps %s of %s (mark both \"shared\")", r->pa,
						   r->pa + r->size - 1, o->what, sys->vms[w].path);
				}
		}
	}
	return diag_errors() == before ? 0 : -1;
}

static int device_at(const struct cfg_system *sys, uint32_t addr)
{
	for (unsigned d = 0; d < sys->ndevices; d++)
		if (inside(addr, 4, sys->devices[d].base, sys->devices[d].size))
			return (int)d;
	return -1;
}

/* Registers only the hypervisor may write, even from the board's setup:
 * SYSKEY (the hypervisor unlocks around each list itself) and RSWRST (a
 * software reset at every boot is a reset loop). Physical addresses of the
 * register and its CLR/SET/INV aliases. */
static const struct named_range hv_registers[] = {
	{ "SYSKEY", 0x1F800030u, 0x10 },
	{ "RSWRST (software reset)", 0x1F801250u, 0x10 },
};

/* The writable bits of the word at pa for a VM, from its read-write blocks
 * (direct pages: all); 0 if none. */
static uint32_t vm_allow(const struct cfg_vm *vm, uint32_t pa, bool *found)
{
	*found = false;
	for (unsigned i = 0; i < vm->nblocks; i++) {
		const struct cfg_block *b = &vm->blocks[i];

		if (b->emulator != EMU_NONE || b->access != ACCESS_READ_WRITE ||
		    !inside(pa, 4, b->base, b->size))
			continue;
		*found = true;
		if (b->direct)
			return 0xFFFFFFFFu;
		return b->sub[(pa - b->base) / SUBPAGE_SIZE].allow[(pa / 4) % 4];
	}
	return 0;
}

/* A VM's setup list is re-applied at each of its restarts, so it may do
 * nothing the VM could not do itself: each write must be to a register of
 * one of its read-write blocks, changing only bits it may write. A store to
 * a register whose bits it may write only in part (pins of a shared port,
 * a timer without its pair's T32) becomes the CLR and SET stores that
 * change exactly those bits, as the hypervisor does for the guest. */
static void check_vm_write(const struct cfg_system *sys, struct cfg_vm *vm, unsigned i,
			   uint32_t pa, int dev)
{
	const struct cfg_setup_write *w = &vm->setup[i];
	bool found;
	uint32_t allow = vm_allow(vm, pa, &found);

	if (sys->devices[dev].hypervisor_only) {
		diag_error(vm->path, "setup", "address 0x%08x is in %s, which is the "
			   "hypervisor's: a VM's setup is re-applied at each restart and may "
			   "only write registers the VM may write (use the hypervisor's setup)",
			   w->addr, sys->devices[dev].path);
		return;
	}
	if (!found) {
		diag_error(vm->path, "setup", "address 0x%08x is in %s, which this VM cannot "
			   "write: a VM's setup may only write registers the VM may write",
			   w->addr, sys->devices[dev].path);
		return;
	}
	if ((pa / 4) % 4 != 0 || allow == 0xFFFFFFFFu) {
		if (w->value & ~allow)
			diag_error(vm->path, "setup", "address 0x%08x: value 0x%x sets bits 0x%x "
				   "this VM may not write", w->addr, w->value, w->value & ~allow);
		return;
	}
	if (w->value & ~allow) {
		diag_error(vm->path, "setup", "address 0x%08x: value 0x%x sets bits 0x%x this VM "
			   "may not write", w->addr, w->value, w->value & ~allow);
		return;
	}
	if (vm->nsetup == CFG_MAX_SETUP) {
		diag_error(vm->path, "setup", "address 0x%08x: the VM may write only some bits "
			   "of it, which takes two writes (CLR, SET), and there is no room for "
			   "more than %u", w->addr, CFG_MAX_SETUP);
		return;
	}
	memmove(&vm->setup[i + 2], &vm->setup[i + 1], (vm->nsetup - i - 1) * sizeof *w);
	vm->nsetup++;
	vm->setup[i + 1].addr = (pa + 8) | (w->addr & 0xE0000000u);
	vm->setup[i + 1].value = w->value & allow;
	vm->setup[i].addr = w->addr + 4;
	vm->setup[i].value = ~w->value & allow;
}

static void check_writes(const struct cfg_system *sys, const char *path, struct cfg_vm *vm,
			 struct cfg_setup_write *w, unsigned *n)
{
	int vm_index = vm ? (int)(vm - sys->vms) : -1;

	for (unsigned i = 0; i < *n; i++) {
		uint32_t pa = w[i].addr;
		int dev;

		/* Accept KSEG1 addresses too: the SFR map is usually written that way. */
		if (pa >= 0xA0000000u && pa < 0xC0000000u)
			pa &= 0x1FFFFFFFu;
		if (pa % 4) {
			diag_error(path, "setup", "address 0x%08x is not word aligned", w[i].addr);
			continue;
		}
		for (unsigned h = 0; h < sizeof hv_registers / sizeof hv_registers[0]; h++)
			if (inside(pa, 4, hv_registers[h].base, hv_registers[h].size))
				diag_error(path, "setup", "address 0x%08x is %s, which only the "
					   "hypervisor itself writes", w[i].addr, hv_registers[h].what);
		dev = device_at(sys, pa);
		if (dev < 0) {
			diag_error(path, "setup", "address 0x%08x: unknown device, no device of the "
				   "SoC description has this register", w[i].addr);
			continue;
		}
		if (sys->devices[dev].emulator != EMU_NONE) {
			diag_error(path, "setup", "address 0x%08x is in %s, which the hypervisor "
				   "emulates", w[i].addr, sys->devices[dev].path);
			continue;
		}
		if (vm_index >= 0 && sys->devices[dev].owner >= 0 &&
		    sys->devices[dev].owner != vm_index) {
			diag_error(path, "setup", "address 0x%08x is in %s, which belongs to %s",
				   w[i].addr, sys->devices[dev].path,
				   sys->vms[sys->devices[dev].owner].path);
			continue;
		}
		if (vm) {
			unsigned before = *n;

			check_vm_write(sys, vm, i, pa, dev);
			i += *n - before;   /* skip the SET store just added */
		}
	}
}

int check_setup(struct cfg_system *sys)
{
	unsigned before = diag_errors();

	check_writes(sys, sys->hv.path, NULL, sys->hv.setup, &sys->hv.nsetup);
	for (unsigned v = 0; v < sys->nvms; v++)
		check_writes(sys, sys->vms[v].path, &sys->vms[v], sys->vms[v].setup,
			     &sys->vms[v].nsetup);
	return diag_errors() == before ? 0 : -1;
}

int check_tlb_partition(const struct cfg_system *sys)
{
	unsigned before = diag_errors();

	for (unsigned v = 0; v < sys->nvms; v++) {
		const struct cfg_vm *vm = &sys->vms[v];

		if (vm->guest_tlb > VZ_GUEST_TLB_MAX)
			diag_error(vm->path, "guest-tlb-entries", "%u guest TLB entries do not "
				   "fit: the %u-entry TLB keeps %u for root's refill pool, so a "
				   "guest share is at most %u", vm->guest_tlb,
				   VZ_ROOT_TLB_ENTRIES, VZ_TLB_REFILL_MIN, VZ_GUEST_TLB_MAX);
	}
	return diag_errors() == before ? 0 : -1;
}
