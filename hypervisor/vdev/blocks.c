/* SPDX-License-Identifier: Apache-2.0 */
/* blocks.c - dispatch of a trapped access to an emulated or guarded block
 * (the kinds are described in vzlet/vm_config.h). Emulators see 32-bit
 * registers; narrower accesses are merged here. */
#include <vzlet/hv.h>

static uint32_t real_read(uint32_t pa, unsigned width)
{
	switch (width) {
	case 1: return *(volatile uint8_t *)HV_KSEG1(pa);
	case 2: return *(volatile uint16_t *)HV_KSEG1(pa);
	default: return *(volatile uint32_t *)HV_KSEG1(pa);
	}
}

static void real_write(uint32_t pa, unsigned width, uint32_t v)
{
	switch (width) {
	case 1: *(volatile uint8_t *)HV_KSEG1(pa) = (uint8_t)v; break;
	case 2: *(volatile uint16_t *)HV_KSEG1(pa) = (uint16_t)v; break;
	default: *(volatile uint32_t *)HV_KSEG1(pa) = v; break;
	}
}

/* One line per logged write would let a guest flood the console (and push
 * out other VMs' reports): rate-limited per VM, with the number of writes
 * not shown since the last line (console.c, con_log_allowed). */
static void log_write(struct vz_vm *vm, const struct vz_block *b, uint32_t off,
		      unsigned width, uint32_t v, const char *what)
{
	if (!con_log_allowed(vm))
		return;
	con_report(CON_CHATTER, "vm%u %s write %x (%u bytes) to %08x%s", vm->id, what, v,
		   width, b->gpa + off, vm->log_suppressed ? " (" : "\n");
	if (vm->log_suppressed)
		con_report(CON_CHATTER, "+%u not shown)\n", vm->log_suppressed);
	vm->log_suppressed = 0;
}

static bool emu_read32(struct vz_vm *vm, const struct vz_block *b, uint32_t off, uint32_t *v)
{
	switch (b->kind) {
	case VZ_EMU_EVIC:    return vevic_read(vm, off, v);
	case VZ_EMU_CONSOLE: return vcon_read(vm, off, v);
	case VZ_EMU_DMA:     return vdma_read(vm, off, v);
	case VZ_EMU_WDT:     return vwdt_read(vm, off, v);
	}
	return false;
}

/* What a narrow store to an emulated register is merged with: the value
 * the register holds, taken without the side effects of a read (a console
 * RXREG read would take a byte of the VM's input). */
static bool emu_latch32(struct vz_vm *vm, const struct vz_block *b, uint32_t off, uint32_t *v)
{
	if (b->kind == VZ_EMU_CONSOLE) {
		*v = vcon_latch(vm, off);
		return true;
	}
	return emu_read32(vm, b, off, v);
}

static bool emu_write32(struct vz_vm *vm, const struct vz_block *b, uint32_t off, uint32_t v)
{
	switch (b->kind) {
	case VZ_EMU_EVIC:    return vevic_write(vm, off, v);
	case VZ_EMU_CONSOLE: return vcon_write(vm, off, v);
	case VZ_EMU_DMA:     return vdma_write(vm, off, v);
	case VZ_EMU_WDT:     return vwdt_write(vm, off, v);
	}
	return false;
}

bool blk_read(struct vz_vm *vm, const struct vz_block *b, uint32_t off, unsigned width,
	      uint32_t *val)
{
	if (b->kind == VZ_EMU_EVIC || b->kind == VZ_EMU_CONSOLE || b->kind == VZ_EMU_DMA ||
	    b->kind == VZ_EMU_WDT) {
		uint32_t w;
		if (!emu_read32(vm, b, off & ~3u, &w))
			return false;
		*val = w >> (8 * (off & 3));
		return true;
	}
	*val = real_read(b->rpa + off, width);
	return true;
}

bool blk_write(struct vz_vm *vm, const struct vz_block *b, uint32_t off, unsigned width,
	       uint32_t val)
{
	unsigned shift = 8 * (off & 3);
	uint32_t wmask = (width == 4 ? 0xFFFFFFFFu : ((1u << (8 * width)) - 1)) << shift;
	uint32_t v32 = val << shift;
	unsigned word = (off >> 2) & 3;

	switch (b->kind) {
	case VZ_EMU_EVIC:
	case VZ_EMU_CONSOLE:
	case VZ_EMU_DMA:
	case VZ_EMU_WDT:
		if (wmask != 0xFFFFFFFFu && word == 0) {
			uint32_t old;
			if (!emu_latch32(vm, b, off & ~3u, &old))
				return false;
			v32 = (old & ~wmask) | (v32 & wmask);
		}
		return emu_write32(vm, b, off & ~3u, v32 & (word ? wmask : 0xFFFFFFFFu));
	case VZ_EMU_READ_ONLY:                  /* a violation: stop the guest */
		vm_fault(vm, "write to read-only memory");
		return true;
	case VZ_EMU_WRITE_IGNORE:
		return true;
	case VZ_EMU_WRITE_LOG:
		log_write(vm, b, off, width, val, "ignored");
		return true;
	case VZ_EMU_GUARDED: {
		uint32_t allow = b->subpages ? b->subpages[off >> 4].allow[word] : 0;
		if (allow == 0xFFFFFFFFu) {
			real_write(b->rpa + off, width, val);
		} else if ((allow & wmask) == 0) {
			if (!vm->violations++)
				log_write(vm, b, off, width, val, "blocked");
		} else {
			uint32_t pa = b->rpa + (off & ~3u);
			uint32_t m = allow & wmask;
			if (v32 & ~allow & wmask)
				vm->violations++;       /* some bits were not its own */
			/* Never read-modify-write the register: what it reads is not
			 * what was written (PORT reads the pins, not the latch;
			 * status bits clear on write), so writing back what was read
			 * would change bits another VM or the hypervisor owns. The
			 * CLR and SET aliases change exactly the allowed bits. */
			if (word == 0) {
				HV_REG32(pa + 4) = ~v32 & m;
				HV_REG32(pa + 8) = v32 & m;
			} else {
				HV_REG32(pa) = v32 & m;
			}
		}
		return true;
	}
	}
	return false;
}
