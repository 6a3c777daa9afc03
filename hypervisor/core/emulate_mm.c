/* SPDX-License-Identifier: Apache-2.0 */
/* emulate_mm.c - exits from microMIPS guest code (EPC bit 0 set).
 *
 * The instructions the hypervisor emulates (loads and stores to devices,
 * MFC0/MTC0, WAIT, CACHE, RDHWR, HYPCALL) are rewritten into their MIPS32
 * twins, so exit.c and emulate.c decode one ISA. BadInstr holds a 16-bit
 * instruction in bits 15:0 (31:16 zero) and a 32-bit one with its first
 * halfword in 31:16 (is16 below tells them apart). */
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

static const uint8_t mmreg[8] = { 16, 17, 2, 3, 4, 5, 6, 7 };
static const uint8_t mmreg_st[8] = { 0, 17, 2, 3, 4, 5, 6, 7 };

/* A 16-bit instruction: bits 31:16 zero and a 16-bit major opcode in 15:10
 * (low three bits 1-3). A POOL32A instruction with rt = rs = 0 whose second
 * halfword starts like a 16-bit opcode is misread; the CP0-class ones that
 * could (MFC0/MTC0 of $zero with odd sel) make no sense in a guest. */
static inline bool is16(uint32_t bi)
{
	unsigned x = (bi >> 10) & 7;
	return (bi >> 16) == 0 && x >= 1 && x <= 3;
}

/* MIPS32 I-type word: op, base, rt, offset. */
static inline uint32_t itype(unsigned op, unsigned rs, unsigned rt, uint32_t off)
{
	return op << 26 | rs << 21 | rt << 16 | (off & 0xFFFFu);
}

/* A microMIPS load or store as its MIPS32 twin (same width, signedness,
 * register and address), or 0. */
static uint32_t mm_load_store(uint32_t bi)
{
	if (is16(bi)) {
		unsigned h = bi & 0xFFFF, op = h >> 10;
		unsigned rt = mmreg[(h >> 7) & 7], st = mmreg_st[(h >> 7) & 7];
		unsigned base = mmreg[(h >> 4) & 7], off4 = h & 15;
		switch (op) {
		case 0x02: return itype(0x24, base, rt, off4 == 15 ? 0xFFFFu : off4); /* LBU16 */
		case 0x0A: return itype(0x25, base, rt, off4 << 1);       /* LHU16 */
		case 0x1A: return itype(0x23, base, rt, off4 << 2);       /* LW16 */
		case 0x12: return itype(0x23, 29, (h >> 5) & 31, (h & 31) << 2); /* LWSP */
		case 0x19: return itype(0x23, 28, rt, (uint32_t)((int32_t)(h << 25) >> 23)); /* LWGP */
		case 0x22: return itype(0x28, base, st, off4);            /* SB16 */
		case 0x2A: return itype(0x29, base, st, off4 << 1);       /* SH16 */
		case 0x3A: return itype(0x2B, base, st, off4 << 2);       /* SW16 */
		case 0x32: return itype(0x2B, 29, (h >> 5) & 31, (h & 31) << 2); /* SWSP */
		}
		return 0;
	}
	static const uint8_t op32[64] = {
		[0x07] = 0x20, [0x0F] = 0x21, [0x3F] = 0x23, [0x05] = 0x24, [0x0D] = 0x25,
		[0x06] = 0x28, [0x0E] = 0x29, [0x3E] = 0x2B,
	};
	unsigned op = op32[bi >> 26];
	return op ? itype(op, (bi >> 16) & 31, (bi >> 21) & 31, bi) : 0;
}

uint32_t emu_mm_insn(uint32_t bi)
{
	unsigned rt = (bi >> 21) & 31, rs = (bi >> 16) & 31;
	uint32_t w = mm_load_store(bi);
	if (w || is16(bi))
		return w;
	if ((bi >> 26) == 0x08 && ((bi >> 12) & 15) == 6)       /* CACHE */
		return itype(0x2F, rs, rt, (uint32_t)((int32_t)(bi << 20) >> 20));
	if ((bi >> 26) != 0 || (bi & 0x3F) != 0x3C)             /* POOL32Axf only */
		return 0;
	unsigned ext = (bi >> 6) & 0x3F, minor = (bi >> 12) & 15, sel = (bi >> 11) & 7;
	if ((ext & 0x1F) == 0x03)                               /* MFC0 rt, rs, sel */
		return 0x40000000u | rt << 16 | rs << 11 | sel;
	if ((ext & 0x1F) == 0x0B)                               /* MTC0 */
		return 0x40800000u | rt << 16 | rs << 11 | sel;
	if (ext == 0x0D && minor == 0x9)                        /* WAIT */
		return 0x42000020u;
	if (ext == 0x0D && minor == 0xC)                        /* HYPCALL code */
		return 0x42000028u | ((bi >> 16) & 0x3FF) << 11;
	if (ext == 0x2C && minor == 0x6)                        /* RDHWR rt, rs */
		return 0x7C00003Bu | rt << 16 | rs << 11;
	return 0;
}

uint32_t emu_mm_size(uint32_t bi) { return is16(bi) ? 2 : 4; }
#define size_of emu_mm_size

/* microMIPS branch `b` of vm at `pc` (EPC, bit 0 set) whose delay slot
 * holds `slot`: where execution continues. Links were written by the
 * branch. (The compact branches, BEQZC/BNEZC/JRC/JRADDIUSP, have no slot.) */
uint32_t emu_mm_next_pc(const struct vz_vm *vm, uint32_t pc, uint32_t b, uint32_t slot)
{
	uint32_t after = pc + size_of(b);                /* the slot */
	uint32_t fall = after + size_of(slot);
	if (is16(b)) {
		unsigned h = b & 0xFFFF, op = h >> 10;
		int32_t off7 = (int32_t)(h << 25) >> 24;      /* 7 bits, halfwords */
		switch (op) {
		case 0x33: /* B16 */
			return after + (uint32_t)((int32_t)(h << 22) >> 21);
		case 0x23: /* BEQZ16 */
			return vz_gpr_read(mmreg[(h >> 7) & 7]) == 0 ? after + (uint32_t)off7 : fall;
		case 0x2B: /* BNEZ16 */
			return vz_gpr_read(mmreg[(h >> 7) & 7]) != 0 ? after + (uint32_t)off7 : fall;
		case 0x11: /* JR16, JALR16, JALRS16: bit 0 of the target is the ISA */
			return vz_gpr_read(h & 31);
		}
		return fall;
	}
	unsigned op = b >> 26, rt = (b >> 21) & 31, rs = (b >> 16) & 31;
	uint32_t taken = after + (uint32_t)((int32_t)(b << 16) >> 15);
	int32_t v = (int32_t)vz_gpr_read(rs);
	switch (op) {
	case 0x25: return (uint32_t)v == vz_gpr_read(rt) ? taken : fall;   /* BEQ */
	case 0x2D: return (uint32_t)v != vz_gpr_read(rt) ? taken : fall;   /* BNE */
	case 0x35: case 0x3D: case 0x1D:                                     /* J, JAL, JALS */
		return ((after & 0xF8000000u) | (b & 0x03FFFFFFu) << 1) | 1;
	case 0x3C:                                                           /* JALX */
		return (after & 0xF0000000u) | (b & 0x03FFFFFFu) << 2;
	case 0x10: /* POOL32I */
		switch (rt) {
		case 0x00: case 0x01: case 0x11: return v < 0 ? taken : fall;   /* BLTZ(AL)(S) */
		case 0x02: case 0x03: case 0x13: return v >= 0 ? taken : fall;  /* BGEZ(AL)(S) */
		case 0x04: return v <= 0 ? taken : fall;                        /* BLEZ */
		case 0x06: return v > 0 ? taken : fall;                         /* BGTZ */
		case 0x1B: return units_pos_ge32(vm) ? taken : fall;            /* BPOSGE32 */
		case 0x1C: return !units_fcc(vm, (b >> 18) & 7) ? taken : fall; /* BC1F cc */
		case 0x1D: return units_fcc(vm, (b >> 18) & 7) ? taken : fall;  /* BC1T cc */
		}
		return fall;
	case 0x00: /* JALR(S)(.HB), JR: POOL32Axf */
		if ((b & 0xFFF) == 0xF3C)
			return vz_gpr_read(rs);
		return fall;
	}
	return fall;
}
