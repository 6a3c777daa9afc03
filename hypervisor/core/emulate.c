/* emulate.c - decoding what a guest was doing when it trapped: the PC after
 * the trapping instruction (emulating the branch when it sat in a delay
 * slot) and the exact-width load/store to an emulated register. */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define OP(i)     ((i) >> 26)
#define RS(i)     (((i) >> 21) & 31)
#define RT(i)     (((i) >> 16) & 31)
#define RD(i)     (((i) >> 11) & 31)
#define FUNC(i)   ((i) & 63)
#define SIMM(i)   ((int32_t)(int16_t)((i) & 0xFFFF))

/* Branch at `pc` (the root EPC when Cause.BD) with instruction `b`: where
 * execution continues after its delay slot. The branch itself has already
 * executed (link registers written), so only the target is computed. */
static uint32_t branch_next(uint32_t pc, uint32_t b)
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
	}
	return fall;   /* not a branch we know: treat as not taken */
}

uint32_t emu_next_pc(uint32_t epc, bool bd)
{
	if (!bd)
		return epc + 4;
	return branch_next(epc, CP0_READ(C0_BADINSTRP));
}

/* Load/store decode: width in bytes, signed load, store. */
static bool decode_ls(uint32_t insn, unsigned *width, bool *sign, bool *store)
{
	switch (OP(insn)) {
	case 0x20: *width = 1; *sign = true;  *store = false; return true;  /* LB */
	case 0x21: *width = 2; *sign = true;  *store = false; return true;  /* LH */
	case 0x23: *width = 4; *sign = false; *store = false; return true;  /* LW */
	case 0x24: *width = 1; *sign = false; *store = false; return true;  /* LBU */
	case 0x25: *width = 2; *sign = false; *store = false; return true;  /* LHU */
	case 0x28: *width = 1; *sign = false; *store = true;  return true;  /* SB */
	case 0x29: *width = 2; *sign = false; *store = true;  return true;  /* SH */
	case 0x2B: *width = 4; *sign = false; *store = true;  return true;  /* SW */
	}
	return false;
}

static const struct vz_block *find_block(const struct vz_vm_config *c, uint32_t gpa)
{
	const struct vz_block *b = c->blocks;
	for (unsigned n = c->block_count; n; n--, b++)
		if (gpa - b->gpa < b->size)
			return b;
	return NULL;
}

bool emu_access(struct vz_vm *vm, uint32_t gpa, bool bd)
{
	uint32_t insn = CP0_READ(C0_BADINSTR);
	unsigned width;
	bool sign, store;
	if (!decode_ls(insn, &width, &sign, &store))
		return false;
	/* The decoded address must be the faulting one (guards against a fetch
	 * fault, whose BadInstr is not the access). Guest kseg0/1 only. */
	uint32_t gva = vz_gpr_read(RS(insn)) + (uint32_t)SIMM(insn);
	if ((gva >> 30) == 2 && (gva & 0x1FFFFFFFu) != gpa)
		return false;
	const struct vz_block *b = find_block(vm->cfg, gpa);
	if (!b)
		return false;
	uint32_t next = emu_next_pc(CP0_READ(C0_EPC), bd);
	uint32_t off = gpa - b->gpa;
	if (store) {
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
			v = sign ? (uint32_t)(int32_t)(int8_t)v : (v & 0xFF);
		else if (width == 2)
			v = sign ? (uint32_t)(int32_t)(int16_t)v : (v & 0xFFFF);
		vz_gpr_write(RT(insn), v);
	}
	CP0_WRITE(C0_EPC, next);
	return true;
}
