/* SPDX-License-Identifier: Apache-2.0 */
/* gtlb.c - the guests' part of the shared TLB (entries 0 .. guest part - 1,
 * docs/architecture.md "TLB partition"): the running VM's guest
 * Config1.MMUSize and GuestCtl1, and what a VM switch does to the part.
 *
 * A VM with a guest TLB share (vz_vm_config.guest_tlb > 0) gets that many
 * entries. When it leaves the CPU its wired entries (at most VZ_GTLB_KEEP)
 * are saved and its whole share is invalidated, so the next VM can neither
 * hit nor read them; when it comes back GuestCtl1 names it first, then its
 * wired entries are written again (tagged with its GuestID). Its other
 * entries are refilled by the guest's own refill handler.
 *
 * A VM without a share (most bare-metal guests) still sees one entry:
 * guest Config1.MMUSize cannot say "none", and its guest TLBWI/TLBWR
 * reach entry 0 (they do not trap: GuestCtl0.AT reads 3 on the M5150, so
 * the guest MMU cannot be put under root control). So entry 0 is written
 * invalid when such a VM leaves the CPU or restarts, with zero EntryLo
 * and PageMask, so that the next VM's TLBR reads nothing of it; that is
 * the one TLBGWI such a VM costs on a switch. No TLBINV-family
 * instruction is used: the M5150's Config4.IE = 1 says they do not exist. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define ENTRYHI_EHINV 0x400u
#define CONFIG1_MMUSIZE_SHIFT 25
#define CONFIG1_MMUSIZE (0x3Fu << CONFIG1_MMUSIZE_SHIFT)

static unsigned loaded_size;     /* guest TLB entries the CPU is set for (0: none yet) */

static inline __attribute__((always_inline)) void tlbgr(void)  { __asm__ volatile(".set push\n.set virt\ntlbgr\n.set pop" ::: "memory"); }
static inline __attribute__((always_inline)) void tlbgwi(void) { __asm__ volatile(".set push\n.set virt\ntlbgwi\n.set pop" ::: "memory"); }

static void set_guestctl1(unsigned id)
{
	CP0_WRITE(C0_GUESTCTL1, id | id << GC1_RID_SHIFT);
	ehb();                                  /* before any TLBG* uses RID */
}

static unsigned wired_kept(const struct vz_vm *vm)
{
	unsigned n = vm->gctx[GCTX_WIRED] & 0xFu;
	if (n > vm->cfg->guest_tlb) {
		n = vm->cfg->guest_tlb;
	}
	return n < VZ_GTLB_KEEP ? n : VZ_GTLB_KEEP;
}

/* Invalidate the VM's share; the entries are tagged with its GuestID
 * (GuestCtl1 set by the caller). Distinct VPN2s: never two matches. The
 * guest's Index/EntryHi/EntryLo/PageMask registers are the outgoing VM's,
 * already saved (sched.c), or a restarting VM's. */
static void invalidate_share(const struct vz_vm *vm)
{
	GCP0_WRITE(C0_PAGEMASK, 0);
	GCP0_WRITE(C0_ENTRYLO0, 0);
	GCP0_WRITE(C0_ENTRYLO1, 0);
	for (unsigned i = 0; i < vm->cfg->guest_tlb; i++) {
		GCP0_WRITE(C0_INDEX, i);
		GCP0_WRITE(C0_ENTRYHI, ENTRYHI_EHINV | i << 13);
		ehb();
		tlbgwi();
	}
	ehb();
}

/* Keep the wired entries that are still the VM's own: TLBGR loads the
 * entry's GuestID into RID, and anything else (another VM's entry after a
 * misbehaving guest wrote outside its share) is kept as invalid. */
static void save_wired(struct vz_vm *vm)
{
	for (unsigned i = 0, n = wired_kept(vm); i < n; i++) {
		GCP0_WRITE(C0_INDEX, i);
		ehb();
		tlbgr();
		ehb();
		unsigned rid = (CP0_READ(C0_GUESTCTL1) >> GC1_RID_SHIFT) & 0xFF;
		vm->gtlb[i][0] = rid == vm->id ? GCP0_READ(C0_ENTRYHI) : ENTRYHI_EHINV | i << 13;
		vm->gtlb[i][1] = GCP0_READ(C0_PAGEMASK);
		vm->gtlb[i][2] = GCP0_READ(C0_ENTRYLO0);
		vm->gtlb[i][3] = GCP0_READ(C0_ENTRYLO1);
	}
}

/* Entry 0, which a VM without a share can write: invalid, with nothing of
 * the VM in it (zero EntryLo and PageMask). Its GuestID tag does not
 * matter; the caller's next GuestCtl1 write has the EHB the TLBGWI needs
 * before another guest uses the TLB. */
static void invalidate_entry0(void)
{
	GCP0_WRITE(C0_INDEX, 0);
	GCP0_WRITE(C0_PAGEMASK, 0);
	GCP0_WRITE(C0_ENTRYLO0, 0);
	GCP0_WRITE(C0_ENTRYLO1, 0);
	GCP0_WRITE(C0_ENTRYHI, ENTRYHI_EHINV);
	ehb();
	tlbgwi();
}

static void restore_wired(const struct vz_vm *vm)
{
	for (unsigned i = 0, n = wired_kept(vm); i < n; i++) {
		GCP0_WRITE(C0_INDEX, i);
		GCP0_WRITE(C0_ENTRYHI, vm->gtlb[i][0]);
		GCP0_WRITE(C0_PAGEMASK, vm->gtlb[i][1]);
		GCP0_WRITE(C0_ENTRYLO0, vm->gtlb[i][2]);
		GCP0_WRITE(C0_ENTRYLO1, vm->gtlb[i][3]);
		ehb();
		tlbgwi();
	}
	ehb();
}

/* Guest Config1.MMUSize for a share (a VM without one sees 1 entry, the
 * least the field can say); only written when it changes. */
static void set_size(unsigned share)
{
	unsigned size = (share != 0u) ? share : 1u;
	if (size != loaded_size) {
		uint32_t c1 = GCP0_READ(C0_CONFIG1) & ~CONFIG1_MMUSIZE;
		GCP0_WRITE(C0_CONFIG1, c1 | (size - 1u) << CONFIG1_MMUSIZE_SHIFT);
		ehb();
		loaded_size = size;
	}
}

/* noinline: a function of its own, which make bench-hv times. */
__attribute__((noinline)) void gtlb_switch(struct vz_vm *out, struct vz_vm *in)
{
	if (out && out->cfg->guest_tlb) {
		set_guestctl1(out->id);
		save_wired(out);
		invalidate_share(out);
	} else if (out) {
		invalidate_entry0();
	}
	set_guestctl1(in->id);
	set_size(in->cfg->guest_tlb);
	if (in->cfg->guest_tlb) {
		restore_wired(in);
	}
}

void gtlb_drop(const struct vz_vm *vm)
{
	set_guestctl1(vm->id);
	if (vm->cfg->guest_tlb) {
		invalidate_share(vm);
	} else {
		invalidate_entry0();
	}
	ehb();
}
