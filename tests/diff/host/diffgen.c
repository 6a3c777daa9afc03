/* SPDX-License-Identifier: Apache-2.0 */
/* diffgen.c - seeded random MIPS32r2 instruction sequences for differential
 * testing (vzlet-sim against qemu-system-mipsel).
 *
 * A case is a list of blocks (one or a few instructions that must stay
 * together), run straight through with forward branches only, so every case
 * terminates. It ends with a jump to the driver's DIFF_CASE_EXIT, which stores
 * the whole register state. Instructions whose result the architecture
 * leaves UNPREDICTABLE are never generated; each rule is marked "EXCLUDE:"
 * below and listed in docs/testing.md.
 *
 * Register conventions inside a case: k0/k1 belong to the driver (never read
 * or written); one randomly chosen GPR (not r31, which links) is the base of
 * every memory access and is never written; it points to the middle of the
 * 64-byte scratch buffer.
 */
#include "diffgen.h"

#include <stdio.h>
#include <string.h>

#include "../diff_abi.h"

#include "diffgen_rng.h"

uint64_t diffgen_case_seed(uint64_t image_seed, unsigned index)
{
	uint64_t s = image_seed * 0x100000001B3ull + index;
	splitmix64(&s);
	return splitmix64(&s);
}

/* ---- encodings --------------------------------------------------------- */

#define OP_SPECIAL  0x00
#define OP_REGIMM   0x01
#define OP_J        0x02
#define OP_JAL      0x03
#define OP_BEQ      0x04
#define OP_BNE      0x05
#define OP_BLEZ     0x06
#define OP_BGTZ     0x07
#define OP_ADDI     0x08
#define OP_ADDIU    0x09
#define OP_SLTI     0x0A
#define OP_SLTIU    0x0B
#define OP_ANDI     0x0C
#define OP_ORI      0x0D
#define OP_XORI     0x0E
#define OP_LUI      0x0F
#define OP_COP1     0x11
#define OP_COP1X    0x13
#define OP_BEQL     0x14
#define OP_BNEL     0x15
#define OP_BLEZL    0x16
#define OP_BGTZL    0x17
#define OP_SPECIAL2 0x1C
#define OP_SPECIAL3 0x1F
#define OP_LB       0x20
#define OP_LH       0x21
#define OP_LWL      0x22
#define OP_LW       0x23
#define OP_LBU      0x24
#define OP_LHU      0x25
#define OP_LWR      0x26
#define OP_SB       0x28
#define OP_SH       0x29
#define OP_SWL      0x2A
#define OP_SW       0x2B
#define OP_SWR      0x2E
#define OP_LL       0x30
#define OP_LWC1     0x31
#define OP_LDC1     0x35
#define OP_SC       0x38
#define OP_SWC1     0x39
#define OP_SDC1     0x3D

#define FMT_S 16
#define FMT_D 17
#define FMT_W 20
#define FMT_L 21

static uint32_t enc_r(unsigned rs, unsigned rt, unsigned rd, unsigned sa, unsigned fn)
{
	return (uint32_t)(rs << 21 | rt << 16 | rd << 11 | sa << 6 | fn);
}

static uint32_t enc_i(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
	return (uint32_t)(op << 26 | rs << 21 | rt << 16) | (imm & 0xFFFF);
}

static uint32_t enc_cop1(unsigned fmt, unsigned ft, unsigned fs, unsigned fd, unsigned fn)
{
	return (uint32_t)(OP_COP1 << 26 | fmt << 21 | ft << 16 | fs << 11 | fd << 6 | fn);
}

/* ---- case construction ------------------------------------------------- */

#define MAX_BLOCKS      64
#define MAX_BLOCK_WORDS 8

enum branch_kind {
	BR_NONE,
	BR_REL,     /* 16-bit PC-relative offset in the first word */
	BR_ABS,     /* J/JAL: 26-bit region target in the first word */
	BR_REG,     /* LUI/ORI of a target register in words 0 and 1 */
};

struct block {
	uint32_t w[MAX_BLOCK_WORDS];
	unsigned n;
	enum branch_kind br;
	unsigned br_word;       /* index of the branch word in w[] */
	unsigned target;        /* block index; nblocks = the exit sequence */
	bool to_slot;           /* jump to the target block's delay slot instead */
};

struct gen {
	struct rng r;
	const struct diffgen_opts *o;
	unsigned base;          /* memory base register */
	unsigned counter;       /* loop counter register */
	struct block b[MAX_BLOCKS];
	unsigned nb;
};

static bool usable_gpr(const struct gen *g, unsigned reg)
{
	return reg != 26 && reg != 27 && reg != g->base && reg != g->counter;
}

static unsigned src_reg(struct gen *g)
{
	for (;;) {
		unsigned reg = rnd(&g->r, 32);
		if (reg != 26 && reg != 27)
			return reg;
	}
}

static unsigned dst_reg(struct gen *g)
{
	if (chance(&g->r, 3))
		return 0;
	for (;;) {
		unsigned reg = 1 + rnd(&g->r, 31);
		if (usable_gpr(g, reg))
			return reg;
	}
}

static unsigned nonzero_dst(struct gen *g)
{
	unsigned reg;
	do
		reg = dst_reg(g);
	while (reg == 0);
	return reg;
}

static struct block *new_block(struct gen *g)
{
	struct block *blk = &g->b[g->nb++];
	memset(blk, 0, sizeof *blk);
	return blk;
}

static void put(struct block *blk, uint32_t w)
{
	blk->w[blk->n++] = w;
}

/* FPU register of a format: with FR = 0, doubles and longs live in even/odd
 * pairs. EXCLUDE: odd registers for D/L formats when FR = 0 (UNPREDICTABLE). */
static unsigned fpr(struct gen *g, unsigned fmt)
{
	unsigned reg = rnd(&g->r, 32);
	if (!g->o->fr1 && (fmt == FMT_D || fmt == FMT_L))
		reg &= ~1u;
	return reg;
}

static unsigned fp_fmt_sd(struct gen *g)
{
	return chance(&g->r, 50) ? FMT_S : FMT_D;
}

/* A scratch-buffer offset from the base register for an access of `size`
 * bytes; mostly aligned, sometimes not (address error exceptions). */
static int mem_offset(struct gen *g, unsigned size, bool allow_misaligned)
{
	int off = (int)rnd(&g->r, DIFF_SCRATCH_SIZE - size + 1);
	if (!(allow_misaligned && chance(&g->r, 12)))
		off &= ~(int)(size - 1);
	return off - DIFF_SCRATCH_SIZE / 2;
}

/* DSP ASE r2 instructions (SPECIAL3 function, op2, operand form). */
enum dsp_form {
	DF_R3,      /* rd, rs, rt */
	DF_R2,      /* rd, rt */
	DF_CMP,     /* rs, rt (DSPControl.ccond only) */
	DF_SH3,     /* rd, rt, 3-bit shift in rs */
	DF_SH4,     /* rd, rt, 4-bit shift in rs */
	DF_SH5,     /* rd, rt, 5-bit shift in rs */
	DF_SHV,     /* rd, rt, shift register rs */
	DF_AC,      /* ac, rs, rt */
	DF_EXTR,    /* rt, ac, 5-bit shift/size in rs */
	DF_EXTRV,   /* rt, ac, register rs */
	DF_SHILO,   /* ac, signed 6-bit shift in 25:20 */
	DF_ACRS,    /* ac, register rs (SHILOV, MTHLIP) */
	DF_WRDSP,   /* rs, mask in 16:11 */
	DF_RDDSP,   /* rd, mask in 21:16 */
	DF_REPLQB,  /* rd, imm8 in 23:16 */
	DF_REPLPH,  /* rd, imm10 in 25:16 */
	DF_RTSA,    /* rt, rs, 5-bit sa in rd (APPEND, PREPEND, PRECR_SRA) */
	DF_BALIGN,  /* rt, rs, bp in 12:11 */
	DF_INSV,    /* rt, rs */
};
static const struct { uint8_t fn, op2, form; } dsp_ops[] = {
	/* ADDU.QB group */
	{ 0x10, 0, DF_R3 }, { 0x10, 1, DF_R3 }, { 0x10, 4, DF_R3 }, { 0x10, 5, DF_R3 },
	{ 0x10, 6, DF_R3 }, { 0x10, 7, DF_R3 }, { 0x10, 8, DF_R3 }, { 0x10, 9, DF_R3 },
	{ 0x10, 10, DF_R3 }, { 0x10, 11, DF_R3 }, { 0x10, 12, DF_R3 }, { 0x10, 13, DF_R3 },
	{ 0x10, 14, DF_R3 }, { 0x10, 15, DF_R3 }, { 0x10, 16, DF_R3 }, { 0x10, 17, DF_R3 },
	{ 0x10, 18, DF_R3 }, { 0x10, 20, DF_R3 }, { 0x10, 22, DF_R3 }, { 0x10, 23, DF_R3 },
	{ 0x10, 28, DF_R3 }, { 0x10, 29, DF_R3 }, { 0x10, 30, DF_R3 }, { 0x10, 31, DF_R3 },
	/* CMPU.EQ.QB group */
	{ 0x11, 0, DF_CMP }, { 0x11, 1, DF_CMP }, { 0x11, 2, DF_CMP }, { 0x11, 3, DF_R3 },
	{ 0x11, 4, DF_R3 }, { 0x11, 5, DF_R3 }, { 0x11, 6, DF_R3 }, { 0x11, 8, DF_CMP },
	{ 0x11, 9, DF_CMP }, { 0x11, 10, DF_CMP }, { 0x11, 11, DF_R3 }, { 0x11, 12, DF_R3 },
	{ 0x11, 13, DF_R3 }, { 0x11, 14, DF_R3 }, { 0x11, 15, DF_R3 }, { 0x11, 20, DF_R3 },
	{ 0x11, 21, DF_R3 }, { 0x11, 24, DF_R3 }, { 0x11, 25, DF_R3 }, { 0x11, 26, DF_R3 },
	{ 0x11, 30, DF_RTSA }, { 0x11, 31, DF_RTSA },
	/* ABSQ_S.PH group */
	{ 0x12, 1, DF_R2 }, { 0x12, 2, DF_REPLQB }, { 0x12, 3, DF_R2 }, { 0x12, 4, DF_R2 },
	{ 0x12, 5, DF_R2 }, { 0x12, 6, DF_R2 }, { 0x12, 7, DF_R2 }, { 0x12, 9, DF_R2 },
	{ 0x12, 10, DF_REPLPH }, { 0x12, 11, DF_R2 }, { 0x12, 12, DF_R2 }, { 0x12, 13, DF_R2 },
	{ 0x12, 17, DF_R2 }, { 0x12, 27, DF_R2 }, { 0x12, 28, DF_R2 }, { 0x12, 29, DF_R2 },
	{ 0x12, 30, DF_R2 }, { 0x12, 31, DF_R2 },
	/* SHLL.QB group */
	{ 0x13, 0, DF_SH3 }, { 0x13, 1, DF_SH3 }, { 0x13, 2, DF_SHV }, { 0x13, 3, DF_SHV },
	{ 0x13, 4, DF_SH3 }, { 0x13, 5, DF_SH3 }, { 0x13, 6, DF_SHV }, { 0x13, 7, DF_SHV },
	{ 0x13, 8, DF_SH4 }, { 0x13, 9, DF_SH4 }, { 0x13, 10, DF_SHV }, { 0x13, 11, DF_SHV },
	{ 0x13, 12, DF_SH4 }, { 0x13, 13, DF_SH4 }, { 0x13, 14, DF_SHV }, { 0x13, 15, DF_SHV },
	{ 0x13, 20, DF_SH5 }, { 0x13, 21, DF_SH5 }, { 0x13, 22, DF_SHV }, { 0x13, 23, DF_SHV },
	{ 0x13, 25, DF_SH4 }, { 0x13, 27, DF_SHV },
	/* ADDUH.QB group */
	{ 0x18, 0, DF_R3 }, { 0x18, 1, DF_R3 }, { 0x18, 2, DF_R3 }, { 0x18, 3, DF_R3 },
	{ 0x18, 8, DF_R3 }, { 0x18, 9, DF_R3 }, { 0x18, 10, DF_R3 }, { 0x18, 11, DF_R3 },
	{ 0x18, 12, DF_R3 }, { 0x18, 14, DF_R3 }, { 0x18, 16, DF_R3 }, { 0x18, 17, DF_R3 },
	{ 0x18, 18, DF_R3 }, { 0x18, 19, DF_R3 }, { 0x18, 22, DF_R3 }, { 0x18, 23, DF_R3 },
	/* DPA.W.PH group */
	{ 0x30, 0, DF_AC }, { 0x30, 1, DF_AC }, { 0x30, 2, DF_AC }, { 0x30, 3, DF_AC },
	{ 0x30, 4, DF_AC }, { 0x30, 5, DF_AC }, { 0x30, 6, DF_AC }, { 0x30, 7, DF_AC },
	{ 0x30, 8, DF_AC }, { 0x30, 9, DF_AC }, { 0x30, 11, DF_AC }, { 0x30, 12, DF_AC },
	{ 0x30, 13, DF_AC }, { 0x30, 15, DF_AC }, { 0x30, 16, DF_AC }, { 0x30, 18, DF_AC },
	{ 0x30, 20, DF_AC }, { 0x30, 22, DF_AC }, { 0x30, 24, DF_AC }, { 0x30, 25, DF_AC },
	{ 0x30, 26, DF_AC }, { 0x30, 27, DF_AC },
	/* APPEND group */
	{ 0x31, 0, DF_RTSA }, { 0x31, 1, DF_RTSA }, { 0x31, 16, DF_BALIGN },
	/* EXTR.W group */
	{ 0x38, 0, DF_EXTR }, { 0x38, 1, DF_EXTRV }, { 0x38, 2, DF_EXTR }, { 0x38, 3, DF_EXTRV },
	{ 0x38, 4, DF_EXTR }, { 0x38, 5, DF_EXTRV }, { 0x38, 6, DF_EXTR }, { 0x38, 7, DF_EXTRV },
	{ 0x38, 10, DF_EXTR }, { 0x38, 11, DF_EXTRV }, { 0x38, 14, DF_EXTR }, { 0x38, 15, DF_EXTRV },
	{ 0x38, 18, DF_RDDSP }, { 0x38, 19, DF_WRDSP }, { 0x38, 26, DF_SHILO }, { 0x38, 27, DF_ACRS },
	{ 0x38, 31, DF_ACRS },
	/* INSV */
	{ 0x0C, 0, DF_INSV },
};

static uint32_t dsp_insn(struct gen *g)
{
	struct rng *r = &g->r;
	unsigned k = rnd(r, sizeof dsp_ops / sizeof dsp_ops[0] + 12);
	/* EXCLUDE $zero as a DSP destination: QEMU translates such an
	 * instruction as a NOP, so its DSPControl flags are lost (docs/testing.md). */
	unsigned rd = nonzero_dst(g), rs = src_reg(g), rt = src_reg(g), ac = rnd(r, 4);
	if (k >= sizeof dsp_ops / sizeof dsp_ops[0]) {
		/* HI/LO instructions naming an accumulator (ac1-ac3; ac0 is the base ISA's). */
		ac = 1 + rnd(r, 3);
		switch (rnd(r, 10)) {
		case 0: return enc_r(ac, 0, rd, 0, 0x10);                     /* MFHI rd, ac */
		case 1: return enc_r(ac, 0, rd, 0, 0x12);                     /* MFLO */
		case 2: return enc_r(rs, 0, ac, 0, 0x11);                     /* MTHI rs, ac */
		case 3: return enc_r(rs, 0, ac, 0, 0x13);                     /* MTLO */
		case 4: return enc_r(rs, rt, ac, 0, 0x18);                    /* MULT ac */
		case 5: return enc_r(rs, rt, ac, 0, 0x19);                    /* MULTU */
		default: {
			static const unsigned fn2[] = { 0, 1, 4, 5 };         /* MADD(U)/MSUB(U) ac */
			return (uint32_t)(OP_SPECIAL2 << 26) | enc_r(rs, rt, ac, 0, fn2[rnd(r, 4)]);
		}
		}
	}
	unsigned fn = dsp_ops[k].fn, op2 = dsp_ops[k].op2;
	uint32_t w = (uint32_t)(OP_SPECIAL3 << 26) | op2 << 6 | fn;
	switch (dsp_ops[k].form) {
	case DF_R3: return w | enc_r(rs, rt, rd, 0, 0);
	case DF_R2: return w | enc_r(0, rt, rd, 0, 0);
	case DF_CMP: return w | enc_r(rs, rt, 0, 0, 0);
	case DF_SH3: return w | enc_r(rnd(r, 8), rt, rd, 0, 0);
	case DF_SH4: return w | enc_r(rnd(r, 16), rt, rd, 0, 0);
	case DF_SH5: return w | enc_r(rnd(r, 32), rt, rd, 0, 0);
	case DF_SHV: return w | enc_r(rs, rt, rd, 0, 0);
	case DF_AC: return w | enc_r(rs, rt, ac, 0, 0);
	case DF_EXTR: return w | enc_r(rnd(r, 32), rd, ac, 0, 0);
	case DF_EXTRV: return w | enc_r(rs, rd, ac, 0, 0);
	case DF_SHILO: return w | rnd(r, 64) << 20 | ac << 11;
	case DF_ACRS: return w | enc_r(rs, 0, ac, 0, 0);
	case DF_WRDSP: return w | enc_r(rs, 0, 0, 0, 0) | rnd(r, 64) << 11;
	case DF_RDDSP: return w | rnd(r, 64) << 16 | rd << 11;
	case DF_REPLQB: return w | rnd(r, 256) << 16 | rd << 11;
	case DF_REPLPH: return w | rnd(r, 1024) << 16 | rd << 11;
	case DF_RTSA: return w | enc_r(rs, rd, rnd(r, 32), 0, 0);
	case DF_BALIGN: return w | enc_r(rs, rd, rnd(r, 4), 0, 0);
	default: return w | enc_r(rs, rd, 0, 0, 0);                            /* INSV */
	}
}

/* One instruction that may stand alone, also in a delay slot. */
static uint32_t simple_insn(struct gen *g)
{
	struct rng *r = &g->r;
	for (;;) {
		if (g->o->dsp && chance(r, 45))
			return dsp_insn(g);
		unsigned cls = rnd(r, g->o->fp ? 100 : 70);
		unsigned rd = dst_reg(g), rs = src_reg(g), rt = src_reg(g);
		if (cls < 14) {         /* three-register ALU */
			static const unsigned fn[] = { 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26,
						       0x27, 0x2A, 0x2B, 0x0A, 0x0B, 0x04, 0x06, 0x07 };
			unsigned f = fn[rnd(r, sizeof fn / sizeof fn[0])];
			return enc_r(rs, rt, rd, 0, f);
		}
		if (cls < 18)            /* ROTRV */
			return enc_r(rs, rt, rd, 1, 0x06);
		if (cls < 28) {          /* immediate ALU */
			static const unsigned op[] = { OP_ADDI, OP_ADDIU, OP_SLTI, OP_SLTIU, OP_ANDI,
						       OP_ORI, OP_XORI, OP_LUI };
			unsigned o = op[rnd(r, sizeof op / sizeof op[0])];
			uint32_t imm = chance(r, 50) ? rnd32(r) : (uint32_t)((int)rnd(r, 33) - 16);
			return enc_i(o, o == OP_LUI ? 0 : rs, rd, imm);
		}
		if (cls < 34) {          /* shifts by immediate; EXCLUDE rd = 0 (NOP/SSNOP/EHB/PAUSE encodings) */
			static const unsigned fn[] = { 0x00, 0x02, 0x03 };
			unsigned f = fn[rnd(r, 3)];
			unsigned rot = (f == 0x02 && chance(r, 40)) ? 1 : 0;
			return enc_r(rot, rt, nonzero_dst(g), rnd(r, 32), f);
		}
		if (cls < 38) {          /* EXT/INS; EXCLUDE pos + size > 32 (UNPREDICTABLE) */
			unsigned pos = rnd(r, 32);
			unsigned size = 1 + rnd(r, 32 - pos);
			rt = dst_reg(g);
			if (chance(r, 50))
				return (uint32_t)(OP_SPECIAL3 << 26) | enc_r(rs, rt, size - 1, pos, 0x00);
			return (uint32_t)(OP_SPECIAL3 << 26) | enc_r(rs, rt, pos + size - 1, pos, 0x04);
		}
		if (cls < 42) {          /* SEB/SEH/WSBH */
			static const unsigned sa[] = { 0x10, 0x18, 0x02 };
			return (uint32_t)(OP_SPECIAL3 << 26) | enc_r(0, rt, rd, sa[rnd(r, 3)], 0x20);
		}
		if (cls < 44)            /* CLZ/CLO; EXCLUDE rt != rd (UNPREDICTABLE) */
			return (uint32_t)(OP_SPECIAL2 << 26) | enc_r(rs, rd, rd, 0, chance(r, 50) ? 0x20 : 0x21);
		if (cls < 49) {          /* HI/LO: MFHI/MFLO, MULT(U), MADD(U), MSUB(U) */
			unsigned k = rnd(r, 8);
			if (k < 2)
				return enc_r(0, 0, rd, 0, k ? 0x12 : 0x10);
			if (k < 4)
				return enc_r(rs, rt, 0, 0, k == 2 ? 0x18 : 0x19);
			static const unsigned fn2[] = { 0x00, 0x01, 0x04, 0x05 };
			return (uint32_t)(OP_SPECIAL2 << 26) | enc_r(rs, rt, 0, 0, fn2[k - 4]);
		}
		if (cls < 60) {          /* loads and stores into the scratch buffer */
			static const struct { unsigned op, size; bool store, misalign; } m[] = {
				{ OP_LB, 1, false, false }, { OP_LBU, 1, false, false },
				{ OP_LH, 2, false, true }, { OP_LHU, 2, false, true },
				{ OP_LW, 4, false, true }, { OP_LWL, 4, false, false },
				{ OP_LWR, 4, false, false }, { OP_SB, 1, true, false },
				{ OP_SH, 2, true, true }, { OP_SW, 4, true, true },
				{ OP_SWL, 4, true, false }, { OP_SWR, 4, true, false },
			};
			unsigned k = rnd(r, sizeof m / sizeof m[0]);
			int off;
			if (m[k].op == OP_LWL || m[k].op == OP_LWR || m[k].op == OP_SWL || m[k].op == OP_SWR)
				off = (int)rnd(r, DIFF_SCRATCH_SIZE) - DIFF_SCRATCH_SIZE / 2;
			else
				off = mem_offset(g, m[k].size, m[k].misalign);
			unsigned reg = m[k].store ? src_reg(g) : dst_reg(g);
			return enc_i(m[k].op, g->base, reg, (uint32_t)off);
		}
		if (cls < 63)            /* MOVN/MOVZ */
			return enc_r(rs, rt, rd, 0, chance(r, 50) ? 0x0A : 0x0B);
		if (cls < 64) {          /* traps (rarely taken ones mostly) */
			if (chance(r, 50)) {
				static const unsigned fn[] = { 0x30, 0x31, 0x32, 0x33, 0x34, 0x36 };
				return enc_r(rs, rt, 0, rnd(r, 1024) & 0x3FF, fn[rnd(r, 6)]);
			}
			static const unsigned sub[] = { 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0E };
			return enc_i(OP_REGIMM, rs, sub[rnd(r, 6)], (uint32_t)((int)rnd(r, 9) - 4));
		}
		if (cls == 65 && chance(r, 25)) {
			/* Reserved encodings: RI on every MIPS32 (MIPS64-only opcodes).
			 * EXCLUDE JALX (0x1D): valid on the M5150, which has microMIPS,
			 * but not on the 24Kf. EXCLUDE COP2/LWC2/SWC2...: no CP2 on
			 * either, but QEMU raises RI where the architecture (and
			 * vzlet-sim) raise Coprocessor Unusable. */
			static const unsigned op[] = { 0x18, 0x19, 0x1A, 0x1B, 0x27, 0x2C, 0x2D, 0x34,
						       0x37, 0x3C, 0x3F };
			return (uint32_t)(op[rnd(r, sizeof op / sizeof op[0])] << 26) | (rnd32(r) & 0x03FFFFFFu);
		}
		if (cls == 65) {         /* PREF and SYNCI on the scratch buffer */
			int off = (int)rnd(r, DIFF_SCRATCH_SIZE) - DIFF_SCRATCH_SIZE / 2;
			if (chance(r, 50))
				return enc_i(0x33, g->base, rnd(r, 2) ? 0 : 1, (uint32_t)off);
			return enc_i(OP_REGIMM, g->base, 0x1F, (uint32_t)off);
		}
		if (cls < 65) {          /* SYNC, SYSCALL, BREAK, NOP */
			static const uint32_t w[] = { 0x0000000F, 0x0000000C, 0x0000000D, 0x00000000 };
			unsigned k = rnd(r, 4);
			if (k == 1 || k == 2)
				return w[k] | (rnd32(r) & 0x03FFFFC0u);
			return w[k];
		}
		if (cls < 70)
			continue;
		if (!g->o->fp)
			continue;
		/* ---- FPU (only with fp) ---- */
		if (cls < 80) {          /* arithmetic */
			unsigned fmt = fp_fmt_sd(g);
			/* EXCLUDE RECIP/RSQRT: accuracy is implementation-defined.
			 * EXCLUDE ABS/NEG: arithmetic in legacy mode (sNaN -> Invalid,
			 * Cause updated), but QEMU 7.2 only flips the sign bit. */
			static const unsigned fn[] = { 0, 1, 2, 3, 4, 6 };
			unsigned f = fn[rnd(r, 6)];
			unsigned ft = (f >= 4) ? 0 : fpr(g, fmt);
			return enc_cop1(fmt, ft, fpr(g, fmt), fpr(g, fmt), f);
		}
		if (cls < 84) {          /* MADD/MSUB */
			/* EXCLUDE NMADD/NMSUB: vzlet-sim does not negate a NaN result
			 * (a documented decision, docs/simulator-fpu.md), QEMU does;
			 * the NaN's sign then leaks into the other half of a double.
			 * They are covered by the directed cases with numbers. */
			unsigned fmt3 = rnd(r, 2), fmt = fmt3 ? FMT_D : FMT_S;
			unsigned op4 = 4 + rnd(r, 2);
			return (uint32_t)(OP_COP1X << 26) | enc_r(fpr(g, fmt), fpr(g, fmt), fpr(g, fmt),
								 fpr(g, fmt), op4 << 3 | fmt3);
		}
		if (cls < 90) {          /* conversions and rounding */
			unsigned k = rnd(r, 6);
			unsigned from, to_fn, to_fmt;
			if (k == 0) {        /* CVT.S/D from S/D/W/(L) */
				static const unsigned src_fmts[] = { FMT_S, FMT_D, FMT_W, FMT_L };
				from = src_fmts[rnd(r, g->o->fr1 ? 4 : 3)];
				to_fn = chance(r, 50) ? 0x20 : 0x21;
				to_fmt = to_fn == 0x20 ? FMT_S : FMT_D;
				if ((from == FMT_S && to_fn == 0x20) || (from == FMT_D && to_fn == 0x21))
					continue;
			} else {             /* to W (or L with FR = 1): CVT/ROUND/TRUNC/CEIL/FLOOR */
				from = fp_fmt_sd(g);
				/* EXCLUDE .L results with FR = 0 (reserved instruction on QEMU, UNPREDICTABLE in the spec). */
				bool to_long = g->o->fr1 && chance(r, 40);
				static const unsigned wfn[] = { 0x24, 0x0C, 0x0D, 0x0E, 0x0F };
				static const unsigned lfn[] = { 0x25, 0x08, 0x09, 0x0A, 0x0B };
				to_fn = to_long ? lfn[k - 1] : wfn[k - 1];
				to_fmt = to_long ? FMT_L : FMT_W;
			}
			return enc_cop1(from, 0, fpr(g, from), fpr(g, to_fmt), to_fn);
		}
		if (cls < 93) {          /* C.cond.fmt into a random condition code */
			unsigned fmt = fp_fmt_sd(g);
			return enc_cop1(fmt, fpr(g, fmt), fpr(g, fmt), rnd(r, 8) << 2, 0x30 + rnd(r, 16));
		}
		if (cls < 96) {          /* moves between and within register files */
			unsigned k = rnd(r, 7);
			unsigned fmt = fp_fmt_sd(g);
			switch (k) {
			case 0: return (uint32_t)(OP_COP1 << 26 | 0u << 21) | (unsigned)(rd << 16 | fpr(g, FMT_S) << 11);   /* MFC1 */
			case 1: return (uint32_t)(OP_COP1 << 26 | 4u << 21) | (unsigned)(rt << 16 | fpr(g, FMT_S) << 11);   /* MTC1 */
			case 2: return (uint32_t)(OP_COP1 << 26 | 3u << 21) | (unsigned)(rd << 16 | fpr(g, FMT_D) << 11);   /* MFHC1 */
			case 3: return (uint32_t)(OP_COP1 << 26 | 7u << 21) | (unsigned)(rt << 16 | fpr(g, FMT_D) << 11);   /* MTHC1 */
			case 4: return enc_cop1(fmt, rnd(r, 8) << 2 | rnd(r, 2), fpr(g, fmt), fpr(g, fmt), 0x11); /* MOVF/MOVT.fmt */
			case 5: return enc_cop1(fmt, rt, fpr(g, fmt), fpr(g, fmt), chance(r, 50) ? 0x12 : 0x13); /* MOVZ/MOVN.fmt */
			default: return enc_r(rs, rnd(r, 8) << 2 | rnd(r, 2), rd, 0, 0x01);   /* MOVF/MOVT (GPR) */
			}
		}
		{                        /* FP loads and stores */
			static const struct { unsigned op, size; bool store; } m[] = {
				{ OP_LWC1, 4, false }, { OP_SWC1, 4, true }, { OP_LDC1, 8, false }, { OP_SDC1, 8, true },
			};
			unsigned k = rnd(r, 4);
			return enc_i(m[k].op, g->base, fpr(g, m[k].size == 8 ? FMT_D : FMT_S),
				     (uint32_t)mem_offset(g, m[k].size, true));
		}
	}
}

/* Branch conditions with their encodings; `likely` ones nullify the delay slot. */
static void branch_block(struct gen *g)
{
	struct rng *r = &g->r;
	struct block *blk = new_block(g);
	unsigned rs = src_reg(g), rt = src_reg(g);
	unsigned k = rnd(r, g->o->fp ? 24 : 20);
	blk->br = BR_REL;
	if (g->o->dsp && chance(r, 15)) {    /* BPOSGE32 (DSPControl.pos >= 32) */
		put(blk, enc_i(OP_REGIMM, 0, 28, 0));
		put(blk, simple_insn(g));
		blk->target = g->nb;
		return;
	}
	/* EXCLUDE branches that are never taken by construction (BNE r,r;
	 * BLTZ/BGTZ/BLTZAL $0): QEMU translates them as NOPs, so an exception
	 * in their delay slot gets BD = 0 there (docs/testing.md, QEMU quirks).
	 * The likely forms are kept: their delay slot is nullified. */
	if (k == 1)
		while (rt == rs)
			rt = src_reg(g);
	if (k == 3 || k == 8 || k == 12)
		while (rs == 0)
			rs = src_reg(g);
	if (k < 8) {
		static const unsigned op[] = { OP_BEQ, OP_BNE, OP_BLEZ, OP_BGTZ, OP_BEQL, OP_BNEL, OP_BLEZL, OP_BGTZL };
		unsigned o = op[k];
		bool two = o == OP_BEQ || o == OP_BNE || o == OP_BEQL || o == OP_BNEL;
		put(blk, enc_i(o, rs, two ? rt : 0, 0));
	} else if (k < 16) {
		static const unsigned sub[] = { 0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13 };
		unsigned s = sub[k - 8];
		/* EXCLUDE BLTZAL/BGEZAL(L) with rs = 31 (UNPREDICTABLE: not restartable). */
		if (s >= 0x10)
			while (rs == 31 || (k == 12 && rs == 0))
				rs = src_reg(g);
		put(blk, enc_i(OP_REGIMM, rs, s, 0));
	} else if (k < 18) {
		blk->br = BR_ABS;
		put(blk, (uint32_t)((k == 16 ? OP_J : OP_JAL) << 26));
	} else if (k < 20) {
		/* JR/JALR through a register loaded with the target.
		 * EXCLUDE JALR with rd = rs (UNPREDICTABLE). */
		unsigned t = nonzero_dst(g);
		unsigned rd = chance(r, 50) ? 31 : dst_reg(g);
		while (rd == t)
			rd = dst_reg(g);
		blk->br = BR_REG;
		put(blk, enc_i(OP_LUI, 0, t, 0));
		put(blk, enc_i(OP_ORI, t, t, 0));
		put(blk, k == 18 ? enc_r(t, 0, 0, 0, 0x08) : enc_r(t, 0, rd, 0, 0x09));
		blk->br_word = 2;
	} else {                     /* BC1F/BC1T/BC1FL/BC1TL */
		put(blk, (uint32_t)(OP_COP1 << 26 | 8u << 21) | (rnd(r, 8) << 18 | rnd(r, 4) << 16));
	}
	put(blk, simple_insn(g));   /* the delay slot */
	blk->target = g->nb;         /* patched once all blocks exist */
}

static void gen_case(struct gen *g)
{
	struct rng *r = &g->r;
	unsigned want = 6 + rnd(r, 40);
	g->nb = 0;
	while (g->nb < want && g->nb < MAX_BLOCKS) {
		unsigned k = rnd(r, 100);
		struct block *blk;
		/* NOLINTNEXTLINE(bugprone-branch-clone): the last branch falls back to this one */
		if (k < 58) {
			blk = new_block(g);
			put(blk, simple_insn(g));
		} else if (k < 62) {
			/* A short counted loop: backward branch, the same code run
			 * again (predecoded code reuse). The counter register is
			 * never written by anything else. */
			unsigned c = g->counter, body = 1 + rnd(r, 3);
			blk = new_block(g);
			put(blk, enc_i(OP_ADDIU, 0, c, 1 + rnd(r, 4)));
			for (unsigned i = 0; i < body; i++)
				put(blk, simple_insn(g));
			put(blk, enc_i(OP_ADDIU, c, c, (uint32_t)-1));
			unsigned at = blk->n;
			put(blk, enc_i(chance(r, 50) ? OP_BGTZ : OP_BNE, c, 0, (uint32_t)(1 - (int)(at + 1))));
			put(blk, simple_insn(g));
		} else if (k < 80) {
			branch_block(g);
		} else if (k < 84) {
			/* MUL leaves HI/LO UNPREDICTABLE: always followed by a read of
			 * LO (to $0) and fresh MTHI/MTLO. EXCLUDE MUL in delay slots. */
			blk = new_block(g);
			put(blk, (uint32_t)(OP_SPECIAL2 << 26) | enc_r(src_reg(g), src_reg(g), dst_reg(g), 0, 0x02));
			put(blk, enc_r(0, 0, 0, 0, 0x12));
			put(blk, enc_r(src_reg(g), 0, 0, 0, 0x11));
			put(blk, enc_r(src_reg(g), 0, 0, 0, 0x13));
		} else if (k < 89) {
			/* DIV/DIVU by zero gives UNPREDICTABLE HI/LO: a TEQ guard ends
			 * the case with a trap instead (as GCC does). */
			unsigned rs = src_reg(g), rt = src_reg(g);
			blk = new_block(g);
			put(blk, enc_r(rt, 0, 0, 7, 0x34));
			put(blk, enc_r(rs, rt, 0, 0, chance(r, 50) ? 0x1A : 0x1B));
		} else if (k < 92) {
			/* MTHI/MTLO: EXCLUDE writing HI or LO while an MDU result is
			 * unread (UNPREDICTABLE other half): read LO into $0 first. */
			blk = new_block(g);
			put(blk, enc_r(0, 0, 0, 0, 0x12));
			if (chance(r, 70))
				put(blk, enc_r(src_reg(g), 0, 0, 0, 0x11));
			if (chance(r, 70))
				put(blk, enc_r(src_reg(g), 0, 0, 0, 0x13));
		} else if (k < 95) {
			/* LL ... SC to the same word with no store in between (a store
			 * there makes SC UNPREDICTABLE) and no branch into the middle. */
			int off = mem_offset(g, 4, true);
			blk = new_block(g);
			put(blk, enc_i(OP_LL, g->base, dst_reg(g), (uint32_t)off));
			unsigned n = rnd(r, 3);
			for (unsigned i = 0; i < n; i++)
				put(blk, enc_r(src_reg(g), src_reg(g), dst_reg(g), 0, 0x21));
			put(blk, enc_i(OP_SC, g->base, dst_reg(g), (uint32_t)off));
		} else if (g->o->fp && k < 97) {
			/* CTC1 to FCSR with a random value (cause bits excluded half the
			 * time so that not every write traps). */
			unsigned t = nonzero_dst(g);
			uint32_t v = rnd32(r);
			if (chance(r, 50))
				v &= ~0x0003F000u;
			if (chance(r, 70))
				v &= ~0x00000F80u;
			/* EXCLUDE FS (bit 24): flush-to-zero details are implementation-defined.
			 * EXCLUDE the Underflow enable (bit 8): QEMU 7.2 does not signal
			 * Underflow for exact tiny results when the trap is enabled. */
			v &= ~0x01000100u;
			blk = new_block(g);
			put(blk, enc_i(OP_LUI, 0, t, v >> 16));
			put(blk, enc_i(OP_ORI, t, t, v & 0xFFFF));
			put(blk, (uint32_t)(OP_COP1 << 26 | 6u << 21) | (t << 16 | 31u << 11));
		} else if (g->o->fp) {
			/* indexed FP load/store: index register set just before */
			unsigned idx = nonzero_dst(g);
			bool dbl = chance(r, 50), store = chance(r, 50);
			int off = mem_offset(g, dbl ? 8 : 4, true);
			blk = new_block(g);
			put(blk, enc_i(OP_ADDIU, 0, idx, (uint32_t)off));
			unsigned f = fpr(g, dbl ? FMT_D : FMT_S);
			unsigned fn = (store ? 8u : 0u) | (dbl ? 1u : 0u);
			put(blk, (uint32_t)(OP_COP1X << 26) | enc_r(g->base, idx, store ? f : 0, store ? 0 : f, fn));
		} else if (g->o->dsp) {
			/* LWX/LHX/LBUX: index register set just before. */
			static const unsigned lx[] = { 0, 4, 6 };
			static const unsigned lx_size[] = { 4, 2, 1 };
			unsigned idx = nonzero_dst(g), which = rnd(r, 3);
			int off = mem_offset(g, lx_size[which], true);
			blk = new_block(g);
			put(blk, enc_i(OP_ADDIU, 0, idx, (uint32_t)off));
			put(blk, (uint32_t)(OP_SPECIAL3 << 26) | enc_r(g->base, idx, dst_reg(g), lx[which], 0x0A));
		} else {
			blk = new_block(g);
			put(blk, simple_insn(g));
		}
	}
	/* Forward branch targets: any later block or the exit sequence. */
	for (unsigned i = 0; i < g->nb; i++)
		if (g->b[i].br != BR_NONE) {
			unsigned t = i + 1 + rnd(r, g->nb - i);
			g->b[i].target = t;
			/* Sometimes land on a later branch's delay slot: it then runs as
			 * an ordinary instruction. */
			g->b[i].to_slot = t < g->nb && g->b[t].br != BR_NONE && chance(r, 25);
		}
}

/* Initial register values: a mix of edge cases and random bits. */
static uint32_t init_gpr_value(struct rng *r)
{
	static const uint32_t special[] = { 0, 1, 2, 0xFFFFFFFFu, 0x7FFFFFFFu, 0x80000000u,
		0x80000001u, 0xFFFF, 0x8000, 0x7FFF, 0xFFFF8000u, 0x0000FFFFu, 31, 32, 0x55555555u };
	unsigned k = rnd(r, 10);
	if (k < 3)
		return special[rnd(r, sizeof special / sizeof special[0])];
	if (k < 5)
		return (uint32_t)((int)rnd(r, 200) - 100);
	return rnd32(r);
}

static uint32_t init_single_bits(struct rng *r)
{
	static const uint32_t special[] = { 0x00000000, 0x80000000u, 0x3F800000, 0xBF800000u,
		0x7F800000, 0xFF800000u, 0x7FBFFFFF, 0x7FC00000, 0xFFC00001u, 0x00000001, 0x007FFFFF,
		0x00800000, 0x4F000000, 0xCF000000u, 0x4EFFFFFF, 0x3F000000, 0x7F7FFFFF, 0x5F000000,
		0x40490FDB };
	unsigned k = rnd(r, 10);
	if (k < 4)
		return special[rnd(r, sizeof special / sizeof special[0])];
	if (k < 7) {            /* a moderate normal number */
		uint32_t exp = 100 + rnd(r, 60);
		return (rnd32(r) & 0x807FFFFFu) | exp << 23;
	}
	if (k < 8)              /* a small integer */
		return (uint32_t)((int)rnd(r, 2000) - 1000);
	return rnd32(r);
}

static uint64_t init_double_bits(struct rng *r)
{
	static const uint64_t special[] = { 0, 0x8000000000000000ull, 0x3FF0000000000000ull,
		0xBFF0000000000000ull, 0x7FF0000000000000ull, 0xFFF0000000000000ull,
		0x7FF7FFFFFFFFFFFFull, 0x7FF8000000000000ull, 0xFFFC000000000001ull, 0x0000000000000001ull,
		0x000FFFFFFFFFFFFFull, 0x0010000000000000ull, 0x41E0000000000000ull,
		0xC1E0000000000000ull, 0x41DFFFFFFFC00000ull, 0x43E0000000000000ull,
		0x3FE0000000000000ull, 0x7FEFFFFFFFFFFFFFull, 0x400921FB54442D18ull,
		0x47EFFFFFE0000000ull, 0x36A0000000000000ull };
	unsigned k = rnd(r, 10);
	if (k < 4)
		return special[rnd(r, sizeof special / sizeof special[0])];
	if (k < 7) {
		uint64_t exp = 900 + rnd(r, 250);
		return (((uint64_t)rnd32(r) << 32 | rnd32(r)) & 0x800FFFFFFFFFFFFFull) | exp << 52;
	}
	if (k < 8)
		return (uint64_t)(int64_t)((int)rnd(r, 2000) - 1000);
	return (uint64_t)rnd32(r) << 32 | rnd32(r);
}

/* Quiet NaNs other than the default one would expose a documented model
 * difference (QEMU returns the default NaN, vzlet-sim propagates the operand),
 * so initial quiet NaNs are always the default NaN. Signalling NaNs may carry
 * any payload: both give the default NaN and Invalid for them. */
static uint32_t init_single(struct rng *r)
{
	uint32_t v = init_single_bits(r);
	if ((v & 0x7F800000u) == 0x7F800000u && (v & 0x007FFFFFu) && !(v & 0x00400000u))
		v = 0x7FBFFFFFu;
	return v;
}

static uint64_t init_double(struct rng *r)
{
	uint64_t v = init_double_bits(r);
	if ((v & 0x7FF0000000000000ull) == 0x7FF0000000000000ull && (v & 0x000FFFFFFFFFFFFFull) &&
	    !(v & 0x0008000000000000ull))
		v = 0x7FF7FFFFFFFFFFFFull;
	return v;
}

/* The same for every 32-bit half, which single-precision instructions may
 * read on its own (FR = 0: both halves of a double are registers). A quiet
 * single NaN other than the default gets its exponent's low bit flipped,
 * which makes it an ordinary number (and cannot make the double a NaN). */
static uint32_t sanitize_word(uint32_t w)
{
	if ((w & 0x7F800000u) == 0x7F800000u && (w & 0x007FFFFFu) && !(w & 0x00400000u) &&
	    w != 0x7FBFFFFFu)
		w ^= 0x00800000u;
	return w;
}

static uint64_t sanitize_fpr(uint64_t v)
{
	v = (uint64_t)sanitize_word((uint32_t)(v >> 32)) << 32 | sanitize_word((uint32_t)v);
	if ((v & 0x7FF0000000000000ull) == 0x7FF0000000000000ull && (v & 0x000FFFFFFFFFFFFFull) &&
	    !(v & 0x0008000000000000ull))
		v = 0x7FF7FFFFFFFFFFFFull;
	return v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void build_init(struct gen *g, uint8_t *ib)
{
	struct rng *r = &g->r;
	memset(ib, 0, IB_SIZE);
	/* GPRs reach FPRs through MTC1/MTHC1 and stores: no quiet NaN patterns. */
	for (unsigned i = 1; i < 32; i++)
		put32(ib + IB_GPR + 4 * i, sanitize_word(init_gpr_value(r)));
	put32(ib + IB_GPR + 4 * g->base, DIFF_KSEG0 | (DIFF_SCRATCH_PA + DIFF_SCRATCH_SIZE / 2));
	put32(ib + IB_HI, init_gpr_value(r));
	put32(ib + IB_LO, init_gpr_value(r));
	if (g->o->dsp) {
		/* DSPControl: pos, scount, c, EFI, ouflag, ccond (MIPS32 fields). */
		put32(ib + IB_DSP, rnd32(r) & 0x0FFF7FBFu);
		for (unsigned i = 1; i < 7; i++)
			put32(ib + IB_DSP + 4 * i, init_gpr_value(r));
	}
	if (!g->o->fp)
		return;
	uint32_t fcsr = rnd(r, 4);                       /* RM */
	fcsr |= (rnd32(r) & 0x1F) << 2;                  /* flags */
	if (chance(r, 15))
		fcsr |= (rnd32(r) & 0x1D) << 7;          /* enables except Underflow (see CTC1) */
	fcsr |= rnd32(r) & 0xFE800000u;                  /* FCC7..0 */
	put32(ib + IB_FCSR, fcsr);
	for (unsigned i = 0; i < 32; i++) {
		uint64_t v;
		if (g->o->fr1)
			v = chance(r, 50) ? init_double(r) : ((uint64_t)init_single(r) | (uint64_t)rnd32(r) << 32);
		else if (i & 1)
			continue;
		else
			v = chance(r, 50) ? init_double(r) : ((uint64_t)init_single(r) | (uint64_t)init_single(r) << 32);
		v = sanitize_fpr(v);
		if (g->o->fr1) {
			put32(ib + IB_FPR + 8 * i, (uint32_t)v);
			put32(ib + IB_FPR + 8 * i + 4, (uint32_t)(v >> 32));
		} else {   /* FR = 0: even register = low word, odd = high word */
			put32(ib + IB_FPR + 8 * i, (uint32_t)v);
			put32(ib + IB_FPR + 8 * (i + 1), (uint32_t)(v >> 32));
		}
	}
}

/* Lays out the blocks at code address `va`, resolving branches; returns the
 * number of words written to out. */
static unsigned emit_case(struct gen *g, uint32_t va, uint8_t *out)
{
	unsigned start[MAX_BLOCKS + 1];
	unsigned pos = 0;
	for (unsigned i = 0; i < g->nb; i++) {
		start[i] = pos;
		pos += g->b[i].n;
	}
	start[g->nb] = pos;
	for (unsigned i = 0; i < g->nb; i++) {
		struct block *blk = &g->b[i];
		unsigned tword = start[blk->target];
		if (blk->to_slot)
			tword += g->b[blk->target].n - 1;
		uint32_t target = va + 4 * tword;
		unsigned at = start[i] + blk->br_word;
		switch (blk->br) {
		case BR_NONE:
			break;
		case BR_REL:
			blk->w[blk->br_word] |= (uint32_t)(tword - (at + 1)) & 0xFFFF;
			break;
		case BR_ABS:
			blk->w[0] |= (target >> 2) & 0x03FFFFFF;
			break;
		case BR_REG:
			blk->w[0] |= target >> 16;
			blk->w[1] |= target & 0xFFFF;
			break;
		}
		for (unsigned j = 0; j < blk->n; j++)
			put32(out + 4 * (start[i] + j), blk->w[j]);
	}
	/* exit: lui k1, hi; ori k1, lo; jr k1; nop */
	put32(out + 4 * pos++, enc_i(OP_LUI, 0, 27, DIFF_CASE_EXIT >> 16));
	put32(out + 4 * pos++, enc_i(OP_ORI, 27, 27, DIFF_CASE_EXIT & 0xFFFF));
	put32(out + 4 * pos++, enc_r(27, 0, 0, 0, 0x08));
	put32(out + 4 * pos++, 0);
	return pos;
}

size_t diffgen_build(const struct diffgen_opts *o, uint8_t *buf, char *err, size_t errlen)
{
	if (o->ncases == 0 || o->ncases > DIFF_MAX_CASES) {
		snprintf(err, errlen, "case count %u out of range 1..%u", o->ncases, DIFF_MAX_CASES);
		return 0;
	}
	memset(buf, 0, DIFF_BLOB_MAX);
	put32(buf + BH_MAGIC, DIFF_BLOB_MAGIC);
	put32(buf + BH_NCASES, o->ncases);
	put32(buf + BH_FLAGS, (o->fp ? DIFF_FLAG_FP : 0) | (o->fp && o->fr1 ? DIFF_FLAG_FR1 : 0) |
	      (o->dsp && !o->fp ? DIFF_FLAG_DSP : 0) | (o->micromips ? DIFF_FLAG_MM : 0));
	put32(buf + BH_SEED_LO, (uint32_t)o->seed);
	size_t pos = BH_TABLE + (size_t)o->ncases * CT_SIZE;
	static struct gen g;
	for (unsigned i = 0; i < o->ncases; i++) {
		memset(&g, 0, sizeof g);
		g.o = o;
		g.r.s = diffgen_case_seed(o->seed, i);
		if (o->micromips) { /* a register the 16-bit loads and stores can name */
			static const uint8_t mm_base[] = { 2, 3, 4, 5, 6, 7, 16, 17 };
			g.base = mm_base[rnd(&g.r, 8)];
		} else {
			do
				g.base = 1 + rnd(&g.r, 30);
			while (g.base == 26 || g.base == 27);
		}
		do
			g.counter = 1 + rnd(&g.r, 30);
		while (g.counter == 26 || g.counter == 27 || g.counter == g.base);
		size_t worst = (MAX_BLOCKS * MAX_BLOCK_WORDS + 4) * 4 + IB_SIZE + 16;
		if (pos + worst > DIFF_BLOB_MAX) {
			snprintf(err, errlen, "%u cases do not fit in the %u-byte blob; use fewer per image",
				 o->ncases, DIFF_BLOB_MAX);
			return 0;
		}
		uint32_t code_va = DIFF_KSEG0 | (uint32_t)(DIFF_BLOB_PA + pos);
		if (o->micromips) {
			pos += diffgen_mm_case(&g.r, g.base, g.counter, code_va, buf + pos);
			code_va |= 1; /* entered by JR: bit 0 selects microMIPS */
		} else {
			gen_case(&g);
			pos += 4u * emit_case(&g, code_va, buf + pos);
		}
		pos = (pos + 7) & ~(size_t)7;
		uint32_t init_va = DIFF_KSEG0 | (uint32_t)(DIFF_BLOB_PA + pos);
		build_init(&g, buf + pos);
		pos += IB_SIZE;
		uint8_t *ct = buf + BH_TABLE + (size_t)i * CT_SIZE;
		put32(ct + CT_ENTRY, code_va);
		put32(ct + CT_INIT, init_va);
		put32(ct + CT_SCRATCH_SEED, rnd32(&g.r) | 1);
	}
	return pos;
}
