/* SPDX-License-Identifier: Apache-2.0 */
/* vevic.c - a full virtual EVIC per VM (INTCON, PRISS, INTSTAT, IPTMR,
 * IFS/IEC/IPC with CLR/SET/INV aliases, OFF).
 *
 * Ownership: a VM may touch the bits of the real sources it owns and of its
 * virtual sources (core timer 0, core software 1-2, its console UART's
 * three); anything else is ignored and counted as a violation. A real owned
 * source is masked when it fires and latched into the virtual IFS; when the
 * guest clears the flag, the real flag is cleared and the source re-enabled
 * (if the guest still enables it). Priority 7 is the hypervisor's: guest
 * priorities are clamped to 6. The highest pending enabled virtual IRQ is
 * offered to the guest through GuestCtl2 (GRIPL = priority, GVEC = the
 * guest's OFF value, or 0x200 in single-vector mode). */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define R_INTCON  0x000
#define R_PRISS   0x010
#define R_INTSTAT 0x020
#define R_IPTMR   0x030
#define R_IFS     0x040
#define R_IEC     0x0C0
#define R_IPC     0x140
#define R_OFF     0x540

/* The assembly (arch/mips/asm.h VEVIC_*) relies on this layout. */
_Static_assert(offsetof(struct vz_vevic, iec) == 28 && offsetof(struct vz_vevic, owned) == 56 &&
	       offsetof(struct vz_vevic, fast) == 84 &&
	       offsetof(struct vz_vevic, pending_words) == 112 &&
	       offsetof(struct vz_vevic, offer_mask) == 116 &&
	       offsetof(struct vz_vevic, best) == 120 &&
	       offsetof(struct vz_vevic, intcon) == 124 && offsetof(struct vz_vevic, ipc) == 136 &&
	       offsetof(struct vz_vevic, off) == 352, "VEVIC_*");
/* (A 64-bit host build, tests/fuzz, has wider pointers and no assembly.) */
_Static_assert((sizeof(void *) != 4 || offsetof(struct vz_system, irq_owner) == 24) &&
	       offsetof(struct vz_vm, irqs) - offsetof(struct vz_vm, evic) == 1328 &&
	       VZ_NUM_IRQS == 214, "VZS_IRQ_OWNER, VM_IRQS_FROM_EVIC (arch/mips/vectors.S)");

/* Keep the summary of words with pending enabled IRQs current. */
static inline void word_changed(struct vz_vevic *e, unsigned w)
{
	if (e->ifs[w] & e->iec[w])
		e->pending_words |= 1u << w;
	else
		e->pending_words &= ~(1u << w);
}

void vevic_word_changed(struct vz_vm *vm, unsigned irq)
{
	word_changed(&vm->evic, irq >> 5);
}

bool vevic_pending(const struct vz_vm *vm)
{
	return vm->evic.pending_words != 0;
}

/* GuestCtl2 follows the highest pending enabled IRQ (vevic_offer, in
 * arch/mips/vectors.S, shared with the assembly store and interrupt paths);
 * a waiting VM with an IRQ to take is woken. */
void vevic_update(struct vz_vm *vm)
{
	uint32_t gc2 = vevic_offer(&vm->evic);
	if (gc2 && vm->state == VM_WAITING)
		sched_wake(vm);
	gc2 &= vm->evic.offer_mask;
	if (gc2 && gc2 != vm->guestctl2)
		dbg_note(vm, DBG_IRQ_OFFERED, gc2, 0);
	vm->guestctl2 = gc2;
	if (hv_fast.cur_id == vm->id) {
		CP0_WRITE(C0_GUESTCTL2, gc2);
		ehb();   /* vevic_reassert may read it back before the exit ends */
	}
}

void vevic_raise(struct vz_vm *vm, unsigned irq)
{
	dbg_note(vm, DBG_IRQ_RAISED, irq, vm->evic.owned[irq >> 5] >> (irq & 31) & 1);
	vm->evic.ifs[irq >> 5] |= 1u << (irq & 31);
	word_changed(&vm->evic, irq >> 5);
	sched_wake(vm);
	vevic_update(vm);
}

/* The VM's real sources: each enabled iff the VM runs (or waits), the guest
 * enables it and has no unacknowledged occurrence (sync = true); otherwise,
 * or when sync is false, masked. */
static void owned_all(struct vz_vm *vm, bool sync)
{
	const struct vz_vevic *e = &vm->evic;
	if (vm->state != VM_RUNNABLE && vm->state != VM_WAITING)
		sync = false;
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++) {
		uint32_t own = e->owned[w];
		uint32_t on = sync ? own & e->iec[w] & ~e->ifs[w] : 0;
		HV_REG32(0x1F8100C8u + 0x10 * w) = on;           /* IECxSET */
		HV_REG32(0x1F8100C4u + 0x10 * w) = own & ~on;    /* IECxCLR */
	}
	(void)HV_REG32(0x1F8100C0u);  /* read back: the masks land before ERET */
}

/* A real source fired (the interrupt vector latches those of the running
 * VM itself; this is the path for the others). */
void vevic_real_irq(unsigned irq)
{
	unsigned owner = irq < VZ_NUM_IRQS ? vz_system.irq_owner[irq] : 0;
	HV_REG32(0x1F8100C4u + 0x10 * (irq >> 5)) = 1u << (irq & 31);   /* IECxCLR: masked
	                                                                 * until acknowledged */
	(void)HV_REG32(0x1F8100C0u + 0x10 * (irq >> 5));  /* read back: landed */
	if (!owner || owner > hv_fast.num_vms) {
		evic_clear(irq);
		return;
	}
	struct vz_vm *vm = &vz_vm_state[owner - 1];
	vm->irqs++;
	vevic_raise(vm, irq);
}

void vevic_release(struct vz_vm *vm)
{
	owned_all(vm, false);
}

void vevic_reclaim(struct vz_vm *vm)
{
	owned_all(vm, true);
}

void vevic_reset(struct vz_vm *vm)
{
	struct vz_vevic *e = &vm->evic;
	(void)memset(e, 0, sizeof(*e));
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++)
		e->fast[w] = e->owned[w] = vm->cfg->irq_owned[w];
	e->fast[0] |= 7u;                         /* core timer, software 0/1 */
	chan_doorbells(vm, e->fast);              /* virtual too: its doorbells */
	e->offer_mask = (vm->cfg->flags & VZ_VM_POLLING) ? 0 : ~0u;
	owned_all(vm, false);
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++)         /* no stale occurrence */
		HV_REG32(0x1F810044u + 0x10 * w) = e->owned[w];   /* IFSxCLR */
	(void)HV_REG32(0x1F810040u);  /* read back: the acknowledgements land */
	vm->guestctl2 = 0;
}

static uint32_t ifs_read(const struct vz_vm *vm, unsigned w)
{
	uint32_t own = vm->cfg->irq_owned[w];
	uint32_t real = own ? HV_REG32(0x1F810040u + 0x10 * w) & own : 0;
	return vm->evic.ifs[w] | real;
}

bool vevic_read(struct vz_vm *vm, uint32_t off, uint32_t *val)
{
	struct vz_vevic *e = &vm->evic;
	uint32_t v = 0;
	if (off >= R_OFF) {
		unsigned k = (off - R_OFF) >> 2;
		if (k < VZ_NUM_IRQS)
			v = e->off[k];
	} else if (off & 0xC) {
		/* the CLR/SET/INV aliases read as 0 */
	} else if (off == R_INTSTAT) {
		uint32_t rank = e->best;             /* SRIPL, VEC */
		v = rank >> 10 ? (rank >> 10) << 8 | (255 - (rank & 0xFF)) : 0;
	} else if (off < R_IFS) {
		v = off == R_INTCON ? e->intcon : off == R_PRISS ? e->priss : e->iptmr;
	} else if (off < R_IPC) {
		unsigned w = ((off - R_IFS) >> 4) & 7;
		if (w < VZ_IRQ_WORDS)
			v = off < R_IEC ? ifs_read(vm, w) : e->iec[w];
	} else if ((off - R_IPC) >> 4 < (VZ_NUM_IRQS + 3) / 4) {
		v = e->ipc[(off - R_IPC) >> 4];
	}
	*val = v;
	return true;
}

/* The bits of word w the VM may change: its owned and virtual sources and
 * its console's three IRQs. */
static uint32_t allowed(const struct vz_vm *vm, unsigned w)
{
	uint32_t a = vm->evic.fast[w];
	for (unsigned i = 0, k = vm->con.irq; vm->con.present && i < 3; i++, k++)
		if (k >> 5 == w)
			a |= 1u << (k & 31);
	return a;
}

static void violation(struct vz_vm *vm, uint32_t off, uint32_t bits)
{
	if (!vm->violations++)
		con_report(CON_CHATTER, "vm%u: interrupt controller bits %x at +%x not owned: ignored\n",
			   vm->id, bits, off);
}

bool vevic_write(struct vz_vm *vm, uint32_t off, uint32_t v)
{
	struct vz_vevic *e = &vm->evic;
	uint32_t reg = off & ~0xFu;
	unsigned alias = (off >> 2) & 3;

	if (off >= R_OFF) {
		unsigned k = (off - R_OFF) >> 2;
		if (k < VZ_NUM_IRQS && (allowed(vm, k >> 5) >> (k & 31) & 1))
			e->off[k] = v & 0x3FFFEu;
		else if (k < VZ_NUM_IRQS && v != e->off[k])
			violation(vm, off, v);
	} else if (reg < R_IFS) {                   /* INTCON, PRISS, IPTMR */
		uint32_t *r = reg == R_INTCON ? &e->intcon : reg == R_PRISS ? &e->priss :
			      reg == R_IPTMR ? &e->iptmr : NULL;
		if (r)
			*r = sfr_alias(*r, v, alias) & (reg == R_INTCON ? 0x171Fu : ~0u);
	} else if (reg < R_IPC) {                   /* IFS0-7, IEC0-7 */
		bool is_ifs = reg < R_IEC;
		unsigned w = ((reg - R_IFS) >> 4) & 7;
		if (w >= VZ_IRQ_WORDS)
			return true;
		uint32_t old = is_ifs ? ifs_read(vm, w) : e->iec[w];
		uint32_t changed = sfr_alias(old, v, alias) ^ old;
		uint32_t ok = allowed(vm, w);
		if (changed & ~ok)
			violation(vm, off, changed & ~ok);
		/* the rest as the assembly store path does it (a plain store) */
		(void)vevic_word(e, reg, old ^ (changed & ok), ~0u);
		if (is_ifs && vm->con.present && w == (unsigned)vm->con.irq >> 5)
			vcon_levels(vm);                    /* RX/TX flags follow the data */
		return true;
	} else {                                    /* IPC0-53 */
		unsigned n = (reg - R_IPC) >> 4;
		if (n >= (VZ_NUM_IRQS + 3) / 4)
			return true;
		/* byte i (IRQ 4n + i) is the VM's if that IRQ is allowed: spread
		 * the four allowed bits to bit 0 of each byte, then fill 4:0 */
		uint32_t own4 = (allowed(vm, n >> 3) >> (4 * (n & 7))) & 0xF;
		uint32_t mask = ((own4 * 0x00204081u) & 0x01010101u) * 0x1Fu;
		uint32_t neu = sfr_alias(e->ipc[n], v, alias);
		if ((neu ^ e->ipc[n]) & ~mask)
			violation(vm, off, (neu ^ e->ipc[n]) & ~mask);
		neu = (e->ipc[n] & ~mask) | (neu & mask);
		/* priority 7 (bits 4:2 all set) is the hypervisor's: 6 instead */
		neu &= ~(neu & neu >> 1 & neu >> 2 & 0x04040404u);
		e->ipc[n] = neu;
	}
	vevic_update(vm);
	return true;
}

/* A word store to the running VM's virtual EVIC, from the assembly fast path
 * (which has already advanced the guest's EPC). */
void vevic_store(uint32_t off, uint32_t v)
{
	if (hv_cur)     /* always: the assembly calls it for the running VM */
		(void)vevic_write(hv_cur, off, v);
	sched_commit();
}
