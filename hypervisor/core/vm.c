/* SPDX-License-Identifier: Apache-2.0 */
/* vm.c - VM lifecycle: the reset-like start state, restart, faults, and
 * checked access to guest memory for hypercalls. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

struct vz_vm *vm_by_id(unsigned id)
{
	if (id < 1 || id > hv_fast.num_vms)
		return NULL;
	return &vz_vm_state[id - 1];
}

/* Zero the VM's shadow register set (its GPRs at reset). */
static void clear_gprs(unsigned id)
{
	uint32_t srs = CP0_READ(C0_SRSCTL);
	CP0_WRITE(C0_SRSCTL, (srs & ~SRS_PSS_MASK) | id << SRS_PSS_SHIFT);
	ehb();
	for (unsigned r = 1; r < 32; r++)
		vz_gpr_write(r, 0);
	CP0_WRITE(C0_SRSCTL, srs);
	ehb();
}

static uint32_t guest_config0_reset, guest_config3_reset;

void vm_reset(struct vz_vm *vm)
{
	const struct vz_vm_config *c = vm->cfg;
	if (!guest_config0_reset) {
		guest_config0_reset = GCP0_READ(C0_CONFIG) & ~7u;
		guest_config3_reset = GCP0_READ(C0_CONFIG3) & ~CFG3_ISAONEXC;
	}

	(void)memset(vm->gctx, 0, sizeof(vm->gctx));   /* also: no wired guest TLB entries */
	vm->gctx[GCTX_STATUS] = c->status;
	vm->gctx[GCTX_EBASE] = c->ebase;
	vm->gctx[GCTX_INTCTL] = c->intctl;
	vm->gctx[GCTX_CONFIG0] = guest_config0_reset | (c->cache_mode & 7);
	vm->gctx[GCTX_ERROREPC] = c->entry;
	/* The exception ISA a bare chip would have (DEVCFG0.BOOTISA of the
	 * image, or its entry point's ISA: vzlet-config decides). */
	vm->gctx[GCTX_CONFIG3] = guest_config3_reset |
		((c->flags & VZ_VM_EXC_MICROMIPS) ? CFG3_ISAONEXC : 0);
	vm->resume_pc = c->entry;
	vm->hi = vm->lo = 0;
	vm->compare = 0;
	vm->gtoffset = -(int32_t)CP0_READ(C0_COUNT);   /* guest Count starts at 0 */
	vm->timer_armed = 0;
	vm->exits = vm->irqs = vm->violations = 0;
	con_log_reset(vm);
	health_vm_reset(vm);
	vm->last_block = NULL;

	vcon_reset(vm);
	vevic_reset(vm);
	vwdt_reset(vm);
	clear_gprs(vm->id);
	setup_apply(c->setup, c->setup_count);
}

/* Restart also gives the guest blank RAM, as after a power cycle. The
 * guest ran with its own cache attribute and may have left dirty lines
 * there: clear through KSEG0 (the cache), then write every line back and
 * drop it from both caches (CACHE Hit Writeback Invalidate D, Hit
 * Invalidate I), so memory holds the zeros whatever attribute the guest
 * uses next and no stale instruction stays behind. */
void vm_clear_ram(struct vz_vm *vm)
{
	for (unsigned i = 0; i < vm->cfg->region_count; i++) {
		const struct vz_region *r = &vm->cfg->regions[i];
		if ((r->flags & (VZ_REGION_FLASH | VZ_REGION_DEVICE | VZ_REGION_SHARED)) ||
		    !(r->flags & VZ_REGION_W))
			continue;
		volatile uint32_t *p = (volatile uint32_t *)HV_KSEG0(r->rpa);
		for (uint32_t n = r->size / 4; n; n--)
			*p++ = 0;
		cache_flush_range(HV_KSEG0(r->rpa), r->size);
	}
}

void vm_fault(struct vz_vm *vm, const char *why)
{
	vm->fault_epc = CP0_READ(C0_EPC);
	vm->fault_cause = CP0_READ(C0_CAUSE);
	vm->fault_badvaddr = CP0_READ(C0_BADVADDR);
	vm->fault_badinstr = CP0_READ(C0_BADINSTR);
	vm->resume_pc = vm->fault_epc;
	vm->fault_gexc = (uint8_t)((CP0_READ(C0_GUESTCTL0) & GC0_GEXC_MASK) >> GC0_GEXC_SHIFT);
	sched_stop(vm, VM_FAULTED);
	con_report(CON_FAULT, "vm%u (%s) stopped: %s\n", vm->id, vm->cfg->name, why);
	vm_show_fault(vm, CON_FAULT);
	health_event(vm, VZ_HM_FAULT);
}

void vm_show_fault(const struct vz_vm *vm, unsigned level)
{
	con_report(level, "  epc=%08x cause=%08x (exc %u, gexc %u) badvaddr=%08x badinstr=%08x\n",
		   vm->fault_epc, vm->fault_cause, (vm->fault_cause & CA_EXC_MASK) >> 2,
		   vm->fault_gexc, vm->fault_badvaddr, vm->fault_badinstr);
}

/* Does the guest reach gva (its KSEG0 or KSEG1) through the cache? Its
 * KSEG1 never; its KSEG0 per its Config.K0 (the guest's attribute is the
 * one that applies, GuestCtl0Ext.NCC = 0). The caches are physical and
 * shared, so using the guest's attribute keeps both views coherent. */
static bool guest_access_cached(const struct vz_vm *vm, uint32_t gva)
{
	uint32_t config = vm->id == hv_fast.cur_id ? GCP0_READ(C0_CONFIG) : vm->gctx[GCTX_CONFIG0];
	unsigned k0 = config & 7u;
	return (gva >> 29) == 4 && k0 != 2 && k0 != 7;
}

volatile uint8_t *vm_guest_ptr(const struct vz_vm *vm, uint32_t gva, uint32_t len,
			       uint32_t need)
{
	if ((gva >> 30) != 2)              /* kseg0/kseg1 only: no guest TLB walk */
		return NULL;
	uint32_t gpa = gva & 0x1FFFFFFFu;
	if (gpa + len < gpa)
		return NULL;
	for (unsigned i = 0; i < vm->cfg->region_count; i++) {
		const struct vz_region *r = &vm->cfg->regions[i];
		if ((r->flags & need) != need || (r->flags & VZ_REGION_DEVICE))
			continue;
		if (gpa >= r->gpa && gpa - r->gpa <= r->size && len <= r->size - (gpa - r->gpa)) {
			uint32_t pa = r->rpa + (gpa - r->gpa);
			return (volatile uint8_t *)(guest_access_cached(vm, gva) ? HV_KSEG0(pa)
									   : HV_KSEG1(pa));
		}
	}
	return NULL;
}
