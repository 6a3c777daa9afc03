/* SPDX-License-Identifier: Apache-2.0 */
/* exit.c - root exceptions taken while a guest runs: guest exits (ExcCode
 * 27) and root TLB faults. Whatever cannot be emulated stops that guest only. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define OP(i)   ((i) >> 26)
#define RS(i)   (((i) >> 21) & 31)
#define RT(i)   (((i) >> 16) & 31)
#define RD(i)   (((i) >> 11) & 31)
#define SEL(i)  ((i) & 7)
#define CP0_REGSEL(r, s) ((r) << 3 | (s))

/* Guest MFC0 of a register that trapped: what the chip would answer
 * (docs/architecture.md, "Exits"). Config6/7 are the real ones. */
static uint32_t gpsi_mfc0(struct vz_vm *vm, unsigned rs)
{
	switch (rs) {
	case CP0_REGSEL(9, 0):  return CP0_READ(C0_COUNT) + (uint32_t)vm->gtoffset;
	case CP0_REGSEL(11, 0): return vm->compare;
	case CP0_REGSEL(15, 0): return CP0_READ(C0_PRID);
	case CP0_REGSEL(16, 6): return CP0_READ(C0_CONFIG6);
	case CP0_REGSEL(16, 7): return CP0_READ(C0_CONFIG7);
	/* SRSCtl: the chip's HSS, the rest 0. The guest has one register set
	 * (writes are ignored, and its RDPGPR/WRPGPR reach that set), but
	 * PIC32MZ software counts on the chip's shadow sets: Apache NuttX's
	 * start-up sets gp in sets HSS..1 with a loop that, with HSS = 0, would
	 * run 2^32 times. */
	case CP0_REGSEL(12, 2): return CP0_READ(C0_SRSCTL) & SRS_HSS_MASK;
	}
	/* (Config0-5 reads execute in the guest: GuestCtl0.CF = 0 traps writes.)
	 * The guest's Config1 (the chip's guest context) announces no
	 * performance counters, watch pairs or EJTAG (PC = WR = EP = 0): PerfCtl/
	 * Cnt, WatchLo/Hi and Debug read 0 as absent registers (counting
	 * disabled, WatchHi.M = 0), as do SRSMap (one set for the guest),
	 * CDMMBase, ErrCtl, CacheErr, TagLo/DataLo (tag CACHE ops are ignored), DEPC and
	 * DESAVE. Writes to all of them are ignored. */
	return 0;
}

static void gpsi_mtc0(struct vz_vm *vm, unsigned rs, uint32_t v)
{
	switch (rs) {
	case CP0_REGSEL(9, 0):           /* Count: move the guest's clock */
		vm->gtoffset = (int32_t)(v - CP0_READ(C0_COUNT));
		CP0_WRITE(C0_GTOFFSET, (uint32_t)vm->gtoffset);
		time_guest_compare(vm, vm->compare);
		break;
	case CP0_REGSEL(11, 0):          /* Compare */
		GCP0_WRITE(C0_COMPARE, v);
		time_guest_compare(vm, v);
		break;
	case CP0_REGSEL(16, 0):          /* Config: K0 only */
		GCP0_WRITE(C0_CONFIG, (GCP0_READ(C0_CONFIG) & ~7u) | (v & 7u));
		break;
	case CP0_REGSEL(16, 3):          /* Config3: ISAOnExc only */
		GCP0_WRITE(C0_CONFIG3, (GCP0_READ(C0_CONFIG3) & ~CFG3_ISAONEXC) |
			   (v & CFG3_ISAONEXC));
		break;
	default:                          /* writes ignored, as to absent registers */
		break;
	}
}

static bool gpsi(struct vz_vm *vm, uint32_t insn)
{
	if ((insn & 0xFE00003Fu) == 0x42000020u) {       /* WAIT */
		sched_wait();
		return true;
	}
	if (OP(insn) == 0x10 && (insn & 0x7F8u) == 0) {
		unsigned rs = CP0_REGSEL(RD(insn), SEL(insn));
		if (RS(insn) == 0) {                       /* MFC0 */
			vz_gpr_write(RT(insn), gpsi_mfc0(vm, rs));
			return true;
		}
		if (RS(insn) == 4) {                       /* MTC0 */
			gpsi_mtc0(vm, rs, vz_gpr_read(RT(insn)));
			return true;
		}
	}
	if (OP(insn) == 0x1F && (insn & 0x3F) == 0x3B) {  /* RDHWR */
		uint32_t v = 0;
		switch (RD(insn)) {
		case 1: v = 16; break;                     /* SYNCI step: cache line */
		case 2: v = CP0_READ(C0_COUNT) + (uint32_t)vm->gtoffset; break;
		case 3: v = 2; break;                      /* Count every 2 cycles */
		}
		vz_gpr_write(RT(insn), v);
		return true;
	}
	return false;
}

/* Guest software field change: complete the MTC0 the guest attempted. */
static bool gsfc(struct vz_vm *vm, uint32_t insn)
{
	if (OP(insn) != 0x10 || RS(insn) != 4)
		return false;
	uint32_t v = vz_gpr_read(RT(insn));
	switch (CP0_REGSEL(RD(insn), SEL(insn))) {
	case CP0_REGSEL(12, 0): GCP0_WRITE(C0_STATUS, v); break;
	case CP0_REGSEL(12, 1): GCP0_WRITE(C0_INTCTL, v); break;
	case CP0_REGSEL(13, 0): {
		/* Cause.IP0/IP1 are the core software interrupts, which on the
		 * PIC32 feed the interrupt controller (vectors 1 and 2): a rising
		 * bit sets the VM's virtual flag (GuestCtl0.SFC1 makes them trap). */
		uint32_t rising = v & ~GCP0_READ(C0_CAUSE);
		GCP0_WRITE(C0_CAUSE, v);
		if (rising & 0x100)
			vevic_raise(vm, 1);
		if (rising & 0x200)
			vevic_raise(vm, 2);
		break;
	}
	case CP0_REGSEL(5, 1):  GCP0_WRITE(C0_PAGEGRAIN, v); break;
	case CP0_REGSEL(16, 5): GCP0_WRITE(C0_CONFIG5, v); break;
	default: return false;
	}
	return true;
}

/* Does physical line pa belong to vm's memory (RAM or flash regions)? */
static bool vm_owns_pa(const struct vz_vm *vm, uint32_t pa)
{
	for (unsigned i = 0; i < vm->cfg->region_count; i++) {
		const struct vz_region *r = &vm->cfg->regions[i];
		if (!(r->flags & VZ_REGION_DEVICE) && pa - r->rpa < r->size)
			return true;
	}
	return false;
}

/* Every guest CACHE exits (GuestCtl0.CG = 0): with CG = 1 the index
 * operations would run for the guest on any line of the one physical
 * cache, that is any VM's or the hypervisor's memory (docs/isolation.md).
 *
 * By index: the line the index names is looked at (Index Load Tag) and,
 * only if it holds the guest's own memory, the operation is done as the
 * hit operation on that line (writeback-invalidate of D, invalidate of
 * I); lines of other VMs and of the hypervisor are left alone. Tag and
 * data loads and stores are ignored: the hypervisor initialised the
 * caches at boot. */
static void guest_cache_index(const struct vz_vm *vm, uint32_t insn)
{
	unsigned op = (insn >> 16) & 31;
	uint32_t base = vz_gpr_read((insn >> 21) & 31);
	uint32_t index = 0x80000000u | ((base + (uint32_t)(int16_t)insn) & 0x3FF0u);
	uint32_t tag;
	if (op == 0x00)
		CACHE_OP(0x04, index);             /* Index Load Tag I */
	else if (op == 0x01)
		CACHE_OP(0x05, index);             /* Index Load Tag D */
	else
		return;
	ehb();
	tag = CP0_READ(C0_TAGLO);
	/* TagLo: PA[31:10] of the line, V in bit 7; PA[9:4] is the set. */
	uint32_t pa = (tag & 0xFFFFFC00u) | (index & 0x3F0u);
	if (!(tag & 0x80u) || !vm_owns_pa(vm, pa))
		return;
	if (op == 0x00)
		CACHE_OP(0x10, 0x80000000u | pa);  /* Hit Invalidate I */
	else
		CACHE_OP(0x15, 0x80000000u | pa);  /* Hit Writeback Invalidate D */
}

/* By address (hit operations): done on the line of the guest's own memory
 * that its kseg0/kseg1 address names. Not done: Fetch and Lock (locked
 * lines of the shared cache would be taken from the others), addresses
 * mapped by its TLB, addresses outside its memory. */
static void guest_cache_hit(const struct vz_vm *vm, uint32_t insn)
{
	unsigned op = (insn >> 16) & 31;
	uint32_t va = vz_gpr_read((insn >> 21) & 31) + (uint32_t)(int16_t)insn;
	volatile uint8_t *p = vm_guest_ptr(vm, va & ~15u, 16, VZ_REGION_R);
	if (!p)
		return;
	uint32_t a = 0x80000000u | ((uint32_t)(uintptr_t)p & 0x1FFFFFFFu);
	switch (op) {
	case 0x10: CACHE_OP(0x10, a); break;
	case 0x11: CACHE_OP(0x11, a); break;
	case 0x14: CACHE_OP(0x14, a); break;
	case 0x15: CACHE_OP(0x15, a); break;
	case 0x19: CACHE_OP(0x19, a); break;
	default: break;
	}
}

/* Kept out of line so that the device-access path through hv_exception
 * stays short. Returns false after a CACHE by index, after which nothing else
 * is to be done. */
static bool guest_exit(struct vz_vm *vm, uint32_t cause)
{
	unsigned gexc = (CP0_READ(C0_GUESTCTL0) & GC0_GEXC_MASK) >> GC0_GEXC_SHIFT;
	uint32_t insn = CP0_READ(C0_BADINSTR);
	uint32_t epc = CP0_READ(C0_EPC);
	bool bd = cause & CA_BD;
	/* Next PC first: a branch's operands are read before the delay-slot
	 * instruction we emulate could change them. */
	uint32_t next = emu_next_pc(vm, epc, bd);
	if (epc & 1)
		insn = emu_mm_insn(insn); /* microMIPS guest code: its MIPS32 twin */
	bool ok;

	switch (gexc) {
	case GEXC_GPSI:
		if (OP(insn) == 0x2F) {                    /* CACHE */
			if (((insn >> 18) & 7) <= 3)
				guest_cache_index(vm, insn);
			else
				guest_cache_hit(vm, insn);
			CP0_WRITE(C0_EPC, next);
			return false;
		}
		ok = gpsi(vm, insn);
		break;
	case GEXC_GSFC:
		ok = gsfc(vm, insn);
		break;
	case GEXC_HC:
		hypercall(vm, (insn >> 11) & 0x3FF);
		ok = true;
		break;
	case GEXC_GHFC:
		vevic_update(vm);     /* the guest took an interrupt: re-offer */
		return true;          /* already done by hardware */
	default:
		vm_fault(vm, "unknown exit");
		return true;
	}
	if (!ok)
		vm_fault(vm, "instruction not emulated");
	else if (vm->state != VM_FAULTED)
		CP0_WRITE(C0_EPC, next);
	return true;
}

static __attribute__((noinline, noreturn)) void hv_panic(unsigned exc)
{
	con_report(CON_FAULT, "panic: exception %u epc=%08x badvaddr=%08x\n",
		   exc, CP0_READ(C0_EPC), CP0_READ(C0_BADVADDR));
	for (;;)
		__asm__ volatile("wait");
}

void hv_exception(void)
{
	struct vz_vm *vm = hv_cur;
	uint32_t cause = CP0_READ(C0_CAUSE);
	unsigned exc = (cause & CA_EXC_MASK) >> CA_EXC_SHIFT;

	if (!vm)
		hv_panic(exc);
	vm->exits++;
	if (dbg_on)
		dbg_note_exit(vm, cause);
	/* The hot case first: a guest access to an emulated register. */
	if (exc == EXC_TLBL || exc == EXC_TLBS) {
		if (!emu_access(vm, CP0_READ(C0_BADVADDR), cause & CA_BD))
			vm_fault(vm, exc == EXC_TLBL ? "read outside its memory and devices" :
				 "write outside its memory and devices");
	} else if (exc == EXC_GE) {
		if (!guest_exit(vm, cause))
			return;
	} else if ((exc == EXC_CPU && ((cause >> CA_CE_SHIFT) & 3) == 1) ||
		   exc == EXC_DSPDIS) {
		/* Root CU1/MX clear: the VM's first FPU/DSP use since it last
		 * took the CPU from the unit's owner. Retried once it is its. */
		units_take(vm, exc == EXC_CPU);
		return;
	} else {
		vm_fault(vm, exc == EXC_MOD ? "write to read-only memory" :
			 exc == EXC_CPU ? "coprocessor unusable" :
			 exc == EXC_IBE || exc == EXC_DBE ? "bus error" : "unexpected exception");
	}
	vevic_reassert(vm);
	sched_commit();
}
