/* SPDX-License-Identifier: Apache-2.0 */
/* emulate.c - decoding what a guest was doing when it trapped: the PC after
 * the trapping instruction (emulating the branch when it sat in a delay
 * slot) and the exact-width load/store to an emulated register. microMIPS
 * guest code (EPC bit 0) goes through emulate_mm.c. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define OP(i)     ((i) >> 26)
#define RS(i)     (((i) >> 21) & 31)
#define RT(i)     (((i) >> 16) & 31)
#define RD(i)     (((i) >> 11) & 31)
#define FUNC(i)   ((i) & 63)
#define SIMM(i)   ((int32_t)(int16_t)((i) & 0xFFFF))

/* Branch at `pc` (the root EPC when Cause.BD) with instruction `b` of vm:
 * where execution continues after its delay slot. The branch itself has
 * already executed (link registers written), so only the target is
 * computed. A likely branch whose slot trapped was taken, so it is read as
 * its plain twin. */
static uint32_t branch_next(const struct vz_vm *vm, uint32_t pc, uint32_t b)
{
	uint32_t taken = pc + 4 + ((uint32_t)SIMM(b) << 2);
	uint32_t fall = pc + 8;
	int32_t rs = (int32_t)vz_gpr_read(RS(b));
	switch (OP(b)) {
	case 0x00:                                  /* SPECIAL: JR, JALR */
		return vz_gpr_read(RS(b));
	case 0x01:                                  /* REGIMM */
		switch (RT(b)) {
		case 0x00: case 0x02: case 0x10: case 0x12:   /* BLTZ(L), BLTZAL(L) */
			return rs < 0 ? taken : fall;
		case 0x01: case 0x03: case 0x11: case 0x13:   /* BGEZ(L), BGEZAL(L) */
			return rs >= 0 ? taken : fall;
		case 0x1C:                                    /* BPOSGE32 */
			return units_pos_ge32(vm) ? taken : fall;
		}
		return fall;
	case 0x02: case 0x03:                       /* J, JAL */
		return ((pc + 4) & 0xF0000000u) | ((b & 0x03FFFFFFu) << 2);
	case 0x04: case 0x14:                       /* BEQ(L) */
		return (uint32_t)rs == vz_gpr_read(RT(b)) ? taken : fall;
	case 0x05: case 0x15:                       /* BNE(L) */
		return (uint32_t)rs != vz_gpr_read(RT(b)) ? taken : fall;
	case 0x06: case 0x16:                       /* BLEZ(L) */
		return rs <= 0 ? taken : fall;
	case 0x07: case 0x17:                       /* BGTZ(L) */
		return rs > 0 ? taken : fall;
	case 0x11:                                  /* COP1: BC1F(L), BC1T(L) cc */
		if (RS(b) == 0x08) {                     /* (bit 16: true) */
			bool tf = ((b >> 16) & 1u) != 0u;
			return units_fcc(vm, (b >> 18) & 7u) == tf ? taken : fall;
		}
		return fall;
	case 0x1D:                                  /* JALX: to microMIPS */
		return ((pc + 4) & 0xF0000000u) | ((b & 0x03FFFFFFu) << 2) | 1u;
	}
	return fall;   /* not a branch we know: treat as not taken */
}

uint32_t emu_next_pc(const struct vz_vm *vm, uint32_t epc, bool bd)
{
	if (epc & 1) { /* microMIPS (emulate_mm.c) */
		uint32_t bi = CP0_READ(C0_BADINSTR);
		if (!bd)
			return epc + emu_mm_size(bi);
		return emu_mm_next_pc(vm, epc, CP0_READ(C0_BADINSTRP), bi);
	}
	if (!bd)
		return epc + 4;
	return branch_next(vm, epc, CP0_READ(C0_BADINSTRP));
}

/* Loads and stores the emulation handles, by opcode - 0x20: width in bytes,
 * LS_SIGNED, LS_STORE; 0 = not handled (LWL/LWR/SWL/SWR, LL/SC, CACHE...). */
#define LS_SIGNED 0x10
#define LS_STORE  0x20
static const uint8_t ls_info[16] = {
	[0x0] = 1 | LS_SIGNED,   /* LB */
	[0x1] = 2 | LS_SIGNED,   /* LH */
	[0x3] = 4,               /* LW */
	[0x4] = 1,               /* LBU */
	[0x5] = 2,               /* LHU */
	[0x8] = 1 | LS_STORE,    /* SB */
	[0x9] = 2 | LS_STORE,    /* SH */
	[0xB] = 4 | LS_STORE,    /* SW */
};

/* Blocks are few; the one used last is tried first (a driver polls one
 * device at a time). */
static const struct vz_block *find_block(struct vz_vm *vm, uint32_t gpa)
{
	const struct vz_block *b = vm->last_block;
	if (b && gpa - b->gpa < b->size)
		return b;
	b = vm->cfg->blocks;
	for (unsigned n = vm->cfg->block_count; n; n--, b++)
		if (gpa - b->gpa < b->size)
			return vm->last_block = b;
	return NULL;
}

bool emu_access(struct vz_vm *vm, uint32_t gpa, bool bd)
{
	uint32_t epc = CP0_READ(C0_EPC);
	uint32_t insn = CP0_READ(C0_BADINSTR);
	if (epc & 1)
		insn = emu_mm_insn(insn); /* microMIPS: its MIPS32 twin */
	unsigned info = (insn >> 30) == 2 ? ls_info[(insn >> 26) & 15] : 0;
	unsigned width = info & 7;
	if (!width)
		return false;
	/* A fetch from a device block is never emulated (BadInstr is not the
	 * access then): the faulting address is the PC or, for a delay slot,
	 * the next word (guest kseg0/kseg1 code: GVA = GPA + 0x80000000). */
	if (gpa - (epc & 0x1FFFFFFEu) < 8)
		return false;
	const struct vz_block *b = find_block(vm, gpa);
	if (!b)
		return false;
	uint32_t next = emu_next_pc(vm, epc, bd);
	uint32_t off = gpa - b->gpa;
	if (info & LS_STORE) {
		uint32_t v = vz_gpr_read(RT(insn));
		if (width < 4)
			v &= (1u << (8 * width)) - 1;
		if (!blk_write(vm, b, off, width, v))
			return false;
	} else {
		uint32_t v;
		if (!blk_read(vm, b, off, width, &v))
			return false;
		if (width == 1)
			v = (info & LS_SIGNED) ? (uint32_t)(int32_t)(int8_t)v : (v & 0xFF);
		else if (width == 2)
			v = (info & LS_SIGNED) ? (uint32_t)(int32_t)(int16_t)v : (v & 0xFFFF);
		vz_gpr_write(RT(insn), v);
	}
	CP0_WRITE(C0_EPC, next);
	return true;
}
