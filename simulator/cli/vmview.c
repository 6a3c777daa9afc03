/* SPDX-License-Identifier: Apache-2.0 */
/* vmview.c - the VMs of a vzlet hypervisor image, seen from outside the
 * chip: the debugger descriptor (hypervisor/include/vzlet/debug_info.h) says
 * where each VM's saved state is; this file answers "what does VM n see as
 * its registers and memory" whether its context is in the CPU or saved. */
#include <string.h>

#include "cli.h"
#include "../../hypervisor/include/vzlet/debug_info.h"

static uint32_t pa_of(uint32_t kva)
{
	return kva & 0x1FFFFFFFu;
}

static uint32_t peek32(struct machine *m, uint32_t kva)
{
	uint32_t v = 0;
	vzsim_peek(m, pa_of(kva), &v, 4);
	return v; /* host and target are both little-endian (checked in vmview_scan) */
}

bool vmview_scan(struct machine *m, struct vmview *v)
{
	const uint32_t base = 0x1D000000u, size = 0x200000u;
	static const uint16_t one = 1;
	memset(v, 0, sizeof *v);
	if (*(const uint8_t *)&one != 1)
		return false; /* a big-endian host would need byte swaps */
	for (uint32_t a = base; a + sizeof v->d <= base + size; a += 4) {
		uint32_t w[2];
		if (!vzsim_peek(m, a, w, 8))
			return false;
		if (w[0] != VZ_DEBUG_MAGIC0 || w[1] != VZ_DEBUG_MAGIC1)
			continue;
		vzsim_peek(m, a, &v->d, sizeof v->d);
		if (v->d.version != VZ_DEBUG_VERSION || v->d.gctx_count > VZ_DEBUG_GCTX_MAX)
			continue;
		uint8_t n = 0;
		vzsim_peek(m, pa_of(v->d.system + v->d.sys_num_vms), &n, 1);
		uint32_t cfgs = peek32(m, v->d.system + v->d.sys_vms);
		v->n = n < VMVIEW_MAX ? n : VMVIEW_MAX;
		for (unsigned i = 0; i < v->n; i++) {
			struct vmview_vm *vm = &v->vm[i];
			vm->cfg = cfgs + i * v->d.cfg_size;
			vm->state = v->d.vm_state + i * v->d.vm_size;
			vm->id = i + 1;
			uint32_t name = peek32(m, vm->cfg + v->d.cfg_name);
			for (size_t k = 0; k + 1 < sizeof vm->name; k++) {
				uint8_t ch = 0;
				if (!vzsim_peek(m, pa_of(name + (uint32_t)k), &ch, 1) || ch < 0x20 || ch > 0x7E)
					break;
				vm->name[k] = (char)ch;
			}
		}
		v->found = true;
		return true;
	}
	return false;
}

/* VM i's guest instruction is next on the CPU. */
bool vmview_running(struct machine *m, const struct vmview *v, unsigned i)
{
	struct vzsim_cpu_view c;
	vzsim_cpu_view(m, &c);
	return c.guest && c.guestid == v->vm[i].id;
}

int vmview_current(struct machine *m, const struct vmview *v)
{
	for (unsigned i = 0; i < v->n; i++)
		if (vmview_running(m, v, i))
			return (int)i;
	return -1;
}

/* VM i's guest CP0 context is the one in the CPU (running, or the
 * hypervisor runs on its behalf). */
bool vmview_loaded(struct machine *m, const struct vmview *v, unsigned i)
{
	struct vzsim_cpu_view c;
	vzsim_cpu_view(m, &c);
	if (c.guest)
		return c.guestid == v->vm[i].id;
	return peek32(m, v->d.loaded) == v->vm[i].state;
}

static bool owns(struct machine *m, uint32_t owner_ptr, const struct vmview_vm *vm)
{
	return peek32(m, owner_ptr) == vm->state;
}

bool vmview_reg(struct machine *m, const struct vmview *v, unsigned i, enum vmview_reg r,
		unsigned n, uint32_t *out)
{
	const struct vmview_vm *vm = &v->vm[i];
	bool loaded = vmview_loaded(m, v, i);
	switch (r) {
	case VMREG_GPR:
		*out = n ? vzsim_srs_get(m, vm->id, n) : 0; /* VM n runs in shadow set n */
		return true;
	case VMREG_PC:
		if (vmview_running(m, v, i)) {
			struct vzsim_cpu_view c;
			vzsim_cpu_view(m, &c);
			*out = c.pc | c.micromips; /* (as gdb_regs.c) */
			return true;
		}
		if (loaded)
			return vzsim_cp0_get(m, false, 14, 0, out); /* root EPC: where it resumes */
		*out = peek32(m, vm->state + v->d.vm_resume_pc);
		return true;
	case VMREG_HI:
	case VMREG_LO:
		*out = loaded ? vzsim_hilo(m, r == VMREG_HI)
			      : peek32(m, vm->state + (r == VMREG_HI ? v->d.vm_hi : v->d.vm_lo));
		return true;
	case VMREG_CP0:
		if (n == (9u << 3)) { /* Count = root Count + the VM's offset (GT = 0) */
			uint32_t root;
			vzsim_cp0_get(m, false, 9, 0, &root);
			*out = root + peek32(m, vm->state + v->d.vm_gtoffset);
			return true;
		}
		if (n == (11u << 3)) { /* Compare: emulated, kept by the hypervisor */
			*out = peek32(m, vm->state + v->d.vm_compare);
			return true;
		}
		if (loaded)
			return vzsim_cp0_get(m, true, n >> 3, n & 7, out);
		for (unsigned k = 0; k < v->d.gctx_count; k++)
			if (v->d.gctx_reg[k] == n) {
				*out = peek32(m, vm->state + v->d.vm_gctx + 4 * k);
				return true;
			}
		return false;
	case VMREG_FPR:
		if (owns(m, v->d.fpu_owner, vm))
			*out = (uint32_t)vzsim_fpr(m, n);
		else
			*out = peek32(m, vm->state + v->d.vm_fpr + 8 * n);
		return true;
	case VMREG_FCSR:
		*out = owns(m, v->d.fpu_owner, vm) ? vzsim_fcr(m, 31)
						   : peek32(m, vm->state + v->d.vm_fcsr);
		return true;
	case VMREG_DSP:
		*out = owns(m, v->d.dsp_owner, vm) ? vzsim_dsp_get(m, n)
						   : peek32(m, vm->state + v->d.vm_dsp + 4 * n);
		return true;
	}
	return false;
}

bool vmview_set_reg(struct machine *m, const struct vmview *v, unsigned i, enum vmview_reg r,
		    unsigned n, uint32_t val)
{
	if (r == VMREG_GPR)
		return vzsim_srs_set(m, v->vm[i].id, n, val);
	if (r == VMREG_PC && vmview_running(m, v, i))
		return vzsim_set_reg(m, VZSIM_REG_PC, val);
	if ((r == VMREG_HI || r == VMREG_LO) && vmview_running(m, v, i))
		return vzsim_set_reg(m, r == VMREG_HI ? VZSIM_REG_HI : VZSIM_REG_LO, val);
	if (r == VMREG_PC && !vmview_loaded(m, v, i))
		return vzsim_poke(m, pa_of(v->vm[i].state + v->d.vm_resume_pc), &val, 4);
	return false; /* CP0, FPU, DSP: read-only here (docs/debugging.md) */
}

/* Guest virtual -> physical as VM i sees it: its first stage (the CPU's
 * guest context if loaded, else the saved Status, EntryHi and wired guest
 * TLB entries), then the root TLB with its GuestID, or the VM's root TLB
 * plan for entries the hypervisor loads on demand. */
static bool vm_translate(struct machine *m, const struct vmview *v, unsigned i, uint32_t va,
			 bool write, uint32_t *pa)
{
	const struct vmview_vm *vm = &v->vm[i];
	uint32_t gpa;
	if (vmview_loaded(m, v, i)) {
		if (!vzsim_guest_va_to_gpa(m, NULL, va, write, &gpa))
			return false;
	} else {
		struct vzsim_guest_tlb tlb[8];
		struct vzsim_guest_space sp = { .tlb = tlb };
		vmview_reg(m, v, i, VMREG_CP0, 12u << 3, &sp.status);
		vmview_reg(m, v, i, VMREG_CP0, 10u << 3, &sp.entryhi);
		sp.ntlb = v->d.vm_gtlb_keep < 8 ? v->d.vm_gtlb_keep : 8;
		vzsim_peek(m, pa_of(vm->state + v->d.vm_gtlb), tlb, sp.ntlb * sizeof tlb[0]);
		if (!vzsim_guest_va_to_gpa(m, &sp, va, write, &gpa))
			return false;
	}
	if (vzsim_gpa_to_pa(m, vm->id, gpa, write, pa))
		return true;
	struct vzsim_guest_tlb plan[64];
	uint8_t count = 0;
	vzsim_peek(m, pa_of(vm->cfg + v->d.cfg_tlb_count), &count, 1);
	if (count > 64)
		count = 64;
	vzsim_peek(m, pa_of(peek32(m, vm->cfg + v->d.cfg_tlb)), plan, count * sizeof plan[0]);
	return vzsim_tlb_list_map(plan, count, 0, gpa, write, pa);
}

bool vmview_translate(struct machine *m, const struct vmview *v, int i, uint32_t va, bool write,
		      uint32_t *pa)
{
	if (i < 0)
		return vzsim_root_translate(m, va, write, pa);
	return vm_translate(m, v, (unsigned)i, va, write, pa);
}

/* Memory in page-sized pieces (each page translates on its own). */
bool vmview_access(struct machine *m, const struct vmview *v, int i, uint32_t va, void *buf,
		   size_t len, bool write)
{
	uint8_t *b = buf;
	while (len) {
		size_t chunk = 0x1000u - (va & 0xFFFu);
		uint32_t pa;
		if (chunk > len)
			chunk = len;
		if (!vmview_translate(m, v, i, va, write, &pa))
			return false;
		if (!(write ? vzsim_poke(m, pa, b, chunk) : vzsim_peek(m, pa, b, chunk)))
			return false;
		va += (uint32_t)chunk;
		b += chunk;
		len -= chunk;
	}
	return true;
}
