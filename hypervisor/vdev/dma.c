/* SPDX-License-Identifier: Apache-2.0 */
/* dma.c - the DMA controller for the VM that owns channels
 * (vz_vm_config.dma_channels): its DMA register block is emulated.
 *
 * A guest programs physical addresses as on the bare chip, which are its
 * guest-physical ones here. The hypervisor keeps each channel's SSA, DSA,
 * SSIZ and DSIZ as the guest wrote them and gives the real channel the
 * translation only when the whole source window [SSA, SSA + SSIZ) lies in
 * one region (or one owned register block) the VM may read and the whole
 * destination window one it may write; sizes 0 mean 64 KB, as on the chip.
 * A channel is enabled (CHEN) or chained (CHCHN: another channel's block
 * end enables it without a trap) only with a valid window: the guest that
 * tries otherwise, or spoils the window of such a channel, is stopped.
 * Channels of other VMs do not exist for it (a write stops it); the
 * controller registers and the CRC engine are its too (only one VM may
 * own DMA). Behind this, the bus permissions the configurator planned
 * keep the DMA controller inside the VM's regions whatever the channel
 * registers say (docs/isolation.md, "DMA"). */
#include <vzlet/hv.h>

#define DMA_PA         0x1F811000u
#define DMA_CH0        0x60u
#define DMA_CH_STRIDE  0xC0u
#define DMA_CHANNELS   8u
#define DMA_END        (DMA_CH0 + DMA_CHANNELS * DMA_CH_STRIDE)

enum { R_CON, R_ECON, R_INT, R_SSA, R_DSA, R_SSIZ, R_DSIZ, R_SPTR, R_DPTR, R_CSIZ, R_CPTR, R_DAT };

#define CON_CHEN   (1u << 7)
#define CON_CHCHN  (1u << 5)
#define ECON_CABORT (1u << 6)
#define ECON_RESET 0x00FFFF00u
#define CRCCON_PA  (DMA_PA + 0x30u)

/* What the guest wrote (guest-physical) for each channel. */
struct vchan {
	uint32_t ssa, dsa, ssiz, dsiz;
	bool valid;          /* the real channel holds their translation */
};
static struct vchan vchan[DMA_CHANNELS];

static uint32_t ch_pa(unsigned ch, unsigned reg)
{
	return DMA_PA + DMA_CH0 + ch * DMA_CH_STRIDE + reg * 16u;
}

static bool owns(const struct vz_vm *vm, unsigned ch)
{
	return ch < DMA_CHANNELS && ((vm->cfg->dma_channels >> ch) & 1u);
}

static uint32_t alias_apply(uint32_t old, unsigned alias, uint32_t v)
{
	switch (alias) {
	case 1: return old & ~v;
	case 2: return old | v;
	case 3: return old ^ v;
	default: return v;
	}
}

static uint32_t size16(uint32_t v) { return (v & 0xFFFFu) ? (v & 0xFFFFu) : 0x10000u; }

/* Writes go to the real registers of a guarded block word as they are? */
static bool block_words_open(const struct vz_block *b, uint32_t off, uint32_t len)
{
	if (b->kind != VZ_EMU_GUARDED || !b->subpages)
		return false;
	for (uint32_t o = off & ~3u; o < off + len; o += 4)
		if (b->subpages[o >> 4].allow[(o >> 2) & 3] != 0xFFFFFFFFu)
			return false;
	return true;
}

/* The real address of the guest window [gpa, gpa + len), if the VM may
 * read it (write: write it) in one piece; 0 if not. Real address 0 is
 * the hypervisor's RAM, never a guest's. */
static uint32_t translate(const struct vz_vm *vm, uint32_t gpa, uint32_t len, bool write)
{
	uint32_t need = write ? VZ_REGION_W : VZ_REGION_R;
	if (gpa + len < gpa)
		return 0;
	for (unsigned i = 0; i < vm->cfg->region_count; i++) {
		const struct vz_region *r = &vm->cfg->regions[i];
		if ((r->flags & need) == need && gpa >= r->gpa && gpa - r->gpa < r->size &&
		    len <= r->size - (gpa - r->gpa))
			return r->rpa + (gpa - r->gpa);
	}
	for (unsigned i = 0; i < vm->cfg->block_count; i++) {
		const struct vz_block *b = &vm->cfg->blocks[i];
		if (gpa >= b->gpa && gpa - b->gpa < b->size && len <= b->size - (gpa - b->gpa) &&
		    (b->kind == VZ_EMU_GUARDED) && (!write || block_words_open(b, gpa - b->gpa, len)))
			return b->rpa + (gpa - b->gpa);
	}
	return 0;
}

/* Give the real channel the translated window if it is valid. */
static void ch_sync(const struct vz_vm *vm, unsigned ch)
{
	struct vchan *v = &vchan[ch];
	uint32_t src = translate(vm, v->ssa, size16(v->ssiz), false);
	uint32_t dst = translate(vm, v->dsa, size16(v->dsiz), true);
	v->valid = src && dst;
	if (!v->valid)
		return;
	HV_REG32(ch_pa(ch, R_SSA)) = src;
	HV_REG32(ch_pa(ch, R_DSA)) = dst;
	HV_REG32(ch_pa(ch, R_SSIZ)) = v->ssiz;
	HV_REG32(ch_pa(ch, R_DSIZ)) = v->dsiz;
}

static void ch_stop(unsigned ch)
{
	HV_REG32(ch_pa(ch, R_ECON) + 8u) = ECON_CABORT;
	HV_REG32(ch_pa(ch, R_CON)) = 0;
	HV_REG32(ch_pa(ch, R_ECON)) = ECON_RESET;
	HV_REG32(ch_pa(ch, R_INT)) = 0;
	vchan[ch] = (struct vchan){ 0 };
}

static bool refuse(struct vz_vm *vm, unsigned ch, const char *why)
{
	con_report(CON_FAULT, "vm%u: DMA channel %u: %s\n", vm->id, ch, why);
	vm_fault(vm, "DMA outside the VM's memory");
	return true;
}

bool vdma_read(struct vz_vm *vm, uint32_t off, uint32_t *val)
{
	if (off >= DMA_END)
		return false;
	if (off < DMA_CH0) {
		*val = HV_REG32(DMA_PA + (off & ~3u));
		return true;
	}
	unsigned ch = (off - DMA_CH0) / DMA_CH_STRIDE, reg = ((off - DMA_CH0) % DMA_CH_STRIDE) >> 4;
	if (!owns(vm, ch)) {
		*val = 0;
		return true;
	}
	if ((off & 0xCu) != 0) {        /* CLR/SET/INV read 0 */
		*val = 0;
		return true;
	}
	switch (reg) {
	case R_SSA: *val = vchan[ch].ssa; break;
	case R_DSA: *val = vchan[ch].dsa; break;
	case R_SSIZ: *val = vchan[ch].ssiz; break;
	case R_DSIZ: *val = vchan[ch].dsiz; break;
	default: *val = HV_REG32(ch_pa(ch, reg)); break;
	}
	return true;
}

bool vdma_write(struct vz_vm *vm, uint32_t off, uint32_t val)
{
	unsigned alias = (off >> 2) & 3u;
	if (off >= DMA_END)
		return false;
	if (off < DMA_CH0) {
		if ((off >> 4) == 3) {      /* DCRCCON: only for one of its channels */
			uint32_t nv = alias_apply(HV_REG32(CRCCON_PA), alias, val);
			if (!owns(vm, nv & 7u))
				return refuse(vm, nv & 7u, "the CRC engine on a channel not the VM's");
		}
		HV_REG32(DMA_PA + (off & ~3u)) = val;
		return true;
	}
	unsigned ch = (off - DMA_CH0) / DMA_CH_STRIDE, reg = ((off - DMA_CH0) % DMA_CH_STRIDE) >> 4;
	if (!owns(vm, ch))
		return refuse(vm, ch, "not the VM's channel");
	struct vchan *v = &vchan[ch];
	uint32_t con = HV_REG32(ch_pa(ch, R_CON));
	switch (reg) {
	case R_SSA: v->ssa = alias_apply(v->ssa, alias, val); break;
	case R_DSA: v->dsa = alias_apply(v->dsa, alias, val); break;
	case R_SSIZ: v->ssiz = alias_apply(v->ssiz, alias, val) & 0xFFFFu; break;
	case R_DSIZ: v->dsiz = alias_apply(v->dsiz, alias, val) & 0xFFFFu; break;
	case R_CON: {
		uint32_t nv = alias_apply(con, alias, val);
		if ((nv & (CON_CHEN | CON_CHCHN)) && !v->valid)
			return refuse(vm, ch, "enabled with a source or destination outside the VM");
		HV_REG32(ch_pa(ch, R_CON)) = nv;
		return true;
	}
	case R_SPTR: case R_DPTR: case R_CPTR:
		return true;            /* read-only */
	default:                        /* ECON, INT, CSIZ, DAT: the real register */
		HV_REG32(ch_pa(ch, reg) + (off & 0xCu)) = val;
		return true;
	}
	ch_sync(vm, ch);
	if (!v->valid && (con & (CON_CHEN | CON_CHCHN))) {
		ch_stop(ch);
		return refuse(vm, ch, "source or destination moved outside the VM while enabled");
	}
	return true;
}

void vdma_stop(struct vz_vm *vm)
{
	if (!vm->cfg->dma_channels)
		return;
	for (unsigned ch = 0; ch < DMA_CHANNELS; ch++)
		if (owns(vm, ch))
			ch_stop(ch);
}
