/* SPDX-License-Identifier: Apache-2.0 */
/* micromips_dsp.c - the DSP ASE r2's microMIPS encodings as their MIPS32
 * SPECIAL3 twins.
 *
 * They live in POOL32A (major opcode 0): the three-register forms with a
 * minor opcode in bits 10:0 (or 11:0, 12:0 where a shift amount is short),
 * the others in POOL32Axf (bits 5:0 = 0x3C) with the minor in 13:0 or 15:0
 * and an accumulator in 15:14. Each row names the microMIPS minor opcode
 * (every bit outside the operand fields of its shape), the shape, and the
 * MIPS32 function and op (sa) fields; the shape moves the operands. The
 * MULT/MADD/MFHI family with an accumulator is in decode_micromips.c
 * (shared with the integer forms), BPOSGE32 has its own handler. The
 * encodings were checked against GNU as/objdump (tests/disasm). */
#include "micromips_twin.h"

#include <stddef.h>

/* Operand shapes: microMIPS fields -> MIPS32 fields. "t" = bits 25:21,
 * "s" = 20:16, "d" = 15:11 of the microMIPS word. */
enum shape {
	S_DST,    /* rd(d), rs(s), rt(t) -> rd, rs, rt */
	S_ST,     /* rs(s), rt(t) (compares) */
	S_DS2,    /* rd(t), rs(s) -> rd, rs */
	S_DT2,    /* rd(t), rt(s) -> rd, rt */
	S_TSSA,   /* rt(t), rs(s), sa(d) -> rt, rs, rd = sa */
	S_DTSA3,  /* rd(t), rt(s), sa 15:13 -> rd, rt, rs = sa */
	S_DTSA4,  /* rd(t), rt(s), sa 15:12 */
	S_DTSA5,  /* rd(t), rt(s), sa(d) */
	S_DTS,    /* rd(d), rt(t), rs(s) */
	S_REPLQB, /* rd(t), imm8 20:13 -> rd, imm 23:16 */
	S_REPLPH, /* rd(d), simm10 25:16 -> rd, imm 25:16 */
	S_ACST,   /* ac 15:14, rs(s), rt(t) -> rs, rt, rd = ac */
	S_TSBP,   /* rt(t), rs(s), bp 15:14 -> rt, rs, rd = bp */
	S_EXTR,   /* rt(t), ac, shift(s) -> rt, rs = shift, rd = ac */
	S_EXTRV,  /* rt(t), ac, rs(s) */
	S_RDDSP,  /* rd(t), mask 19:14 -> rd, mask 21:16 */
	S_WRDSP,  /* rs(t), mask 19:14 -> rs, mask 16:11 */
	S_SHILO,  /* ac, simm6 21:16 -> rd = ac, shift 25:20 */
	S_SHILOV, /* ac, rs(s) -> rs, rd = ac */
	S_LX,     /* rd(d), index(t), base(s) -> rd, rt = index, rs = base */
	S_INSV,   /* rt(t), rs(s) */
};

/* The microMIPS operand bits of each shape (the rest is opcode). */
static const uint32_t operand_bits[] = {
	[S_DST] = 0x03FFF800u, [S_ST] = 0x03FF0000u, [S_DS2] = 0x03FF0000u,
	[S_DT2] = 0x03FF0000u, [S_TSSA] = 0x03FFF800u, [S_DTSA3] = 0x03FFE000u,
	[S_DTSA4] = 0x03FFF000u, [S_DTSA5] = 0x03FFF800u, [S_DTS] = 0x03FFF800u,
	[S_REPLQB] = 0x03FFE000u, [S_REPLPH] = 0x03FFF800u, [S_ACST] = 0x03FFC000u,
	[S_TSBP] = 0x03FFC000u, [S_EXTR] = 0x03FFC000u, [S_EXTRV] = 0x03FFC000u,
	[S_RDDSP] = 0x03EFC000u, [S_WRDSP] = 0x03EFC000u, [S_SHILO] = 0x003FC000u,
	[S_SHILOV] = 0x001FC000u, [S_LX] = 0x03FFF800u, [S_INSV] = 0x03FF0000u,
};

struct dsp_row {
	uint16_t minor;   /* the microMIPS opcode bits below bit 16 */
	uint8_t shape;
	uint8_t fn, op;   /* MIPS32 SPECIAL3 function, op in sa (10:6) */
};

static const struct dsp_row rows[] = {
	/* three registers, minor in 10:0 */
	{ 0x0CD, S_DST, 0x10, 0 },  /* ADDU.QB */    { 0x2CD, S_DST, 0x10, 1 },  /* SUBU.QB */
	{ 0x4CD, S_DST, 0x10, 4 },  /* ADDU_S.QB */  { 0x6CD, S_DST, 0x10, 5 },  /* SUBU_S.QB */
	{ 0x095, S_DST, 0x10, 6 },  /* MULEU_S.PH.QBL */ { 0x0D5, S_DST, 0x10, 7 },
	{ 0x10D, S_DST, 0x10, 8 },  /* ADDU.PH */    { 0x30D, S_DST, 0x10, 9 },  /* SUBU.PH */
	{ 0x00D, S_DST, 0x10, 10 }, /* ADDQ.PH */    { 0x20D, S_DST, 0x10, 11 }, /* SUBQ.PH */
	{ 0x50D, S_DST, 0x10, 12 }, /* ADDU_S.PH */  { 0x70D, S_DST, 0x10, 13 }, /* SUBU_S.PH */
	{ 0x40D, S_DST, 0x10, 14 }, /* ADDQ_S.PH */  { 0x60D, S_DST, 0x10, 15 }, /* SUBQ_S.PH */
	{ 0x385, S_DST, 0x10, 16 }, /* ADDSC */      { 0x3C5, S_DST, 0x10, 17 }, /* ADDWC */
	{ 0x295, S_DST, 0x10, 18 }, /* MODSUB */
	{ 0x305, S_DST, 0x10, 22 }, /* ADDQ_S.W */   { 0x345, S_DST, 0x10, 23 }, /* SUBQ_S.W */
	{ 0x025, S_DST, 0x10, 28 }, /* MULEQ_S.W.PHL */ { 0x065, S_DST, 0x10, 29 },
	{ 0x155, S_DST, 0x10, 30 }, /* MULQ_S.PH */  { 0x115, S_DST, 0x10, 31 }, /* MULQ_RS.PH */
	{ 0x245, S_ST, 0x11, 0 },   /* CMPU.EQ.QB */ { 0x285, S_ST, 0x11, 1 },
	{ 0x2C5, S_ST, 0x11, 2 },   /* CMPU.LE.QB */ { 0x1ED, S_DST, 0x11, 3 },  /* PICK.QB */
	{ 0x0C5, S_DST, 0x11, 4 },  /* CMPGU.EQ.QB */ { 0x105, S_DST, 0x11, 5 },
	{ 0x145, S_DST, 0x11, 6 },  /* CMPGU.LE.QB */
	{ 0x005, S_ST, 0x11, 8 },   /* CMP.EQ.PH */  { 0x045, S_ST, 0x11, 9 },
	{ 0x085, S_ST, 0x11, 10 },  /* CMP.LE.PH */  { 0x22D, S_DST, 0x11, 11 }, /* PICK.PH */
	{ 0x0AD, S_DST, 0x11, 12 }, /* PRECRQ.QB.PH */ { 0x06D, S_DST, 0x11, 13 }, /* PRECR.QB.PH */
	{ 0x1AD, S_DST, 0x11, 14 }, /* PACKRL.PH */  { 0x16D, S_DST, 0x11, 15 }, /* PRECRQU_S.QB.PH */
	{ 0x0ED, S_DST, 0x11, 20 }, /* PRECRQ.PH.W */ { 0x12D, S_DST, 0x11, 21 }, /* PRECRQ_RS.PH.W */
	{ 0x185, S_DST, 0x11, 24 }, /* CMPGDU.EQ.QB */ { 0x1C5, S_DST, 0x11, 25 },
	{ 0x205, S_DST, 0x11, 26 }, /* CMPGDU.LE.QB */
	{ 0x3CD, S_TSSA, 0x11, 30 }, /* PRECR_SRA.PH.W */ { 0x7CD, S_TSSA, 0x11, 31 },
	{ 0x14D, S_DST, 0x18, 0 },  /* ADDUH.QB */   { 0x34D, S_DST, 0x18, 1 },  /* SUBUH.QB */
	{ 0x54D, S_DST, 0x18, 2 },  /* ADDUH_R.QB */ { 0x74D, S_DST, 0x18, 3 },  /* SUBUH_R.QB */
	{ 0x04D, S_DST, 0x18, 8 },  /* ADDQH.PH */   { 0x24D, S_DST, 0x18, 9 },  /* SUBQH.PH */
	{ 0x44D, S_DST, 0x18, 10 }, /* ADDQH_R.PH */ { 0x64D, S_DST, 0x18, 11 }, /* SUBQH_R.PH */
	{ 0x02D, S_DST, 0x18, 12 }, /* MUL.PH */     { 0x42D, S_DST, 0x18, 14 }, /* MUL_S.PH */
	{ 0x08D, S_DST, 0x18, 16 }, /* ADDQH.W */    { 0x28D, S_DST, 0x18, 17 }, /* SUBQH.W */
	{ 0x48D, S_DST, 0x18, 18 }, /* ADDQH_R.W */  { 0x68D, S_DST, 0x18, 19 }, /* SUBQH_R.W */
	{ 0x1D5, S_DST, 0x18, 22 }, /* MULQ_S.W */   { 0x195, S_DST, 0x18, 23 }, /* MULQ_RS.W */
	{ 0x215, S_TSSA, 0x31, 0 }, /* APPEND */     { 0x255, S_TSSA, 0x31, 1 }, /* PREPEND */
	/* shifts */
	{ 0x087C, S_DTSA3, 0x13, 0 }, /* SHLL.QB */  { 0x187C, S_DTSA3, 0x13, 1 }, /* SHRL.QB */
	{ 0x395, S_DTS, 0x13, 2 },  /* SHLLV.QB */   { 0x355, S_DTS, 0x13, 3 },  /* SHRLV.QB */
	{ 0x01FC, S_DTSA3, 0x13, 4 }, /* SHRA.QB */  { 0x11FC, S_DTSA3, 0x13, 5 }, /* SHRA_R.QB */
	{ 0x1CD, S_DTS, 0x13, 6 },  /* SHRAV.QB */   { 0x5CD, S_DTS, 0x13, 7 },  /* SHRAV_R.QB */
	{ 0x3B5, S_DTSA4, 0x13, 8 }, /* SHLL.PH */   { 0x335, S_DTSA4, 0x13, 9 }, /* SHRA.PH */
	{ 0x38D, S_DTS, 0x13, 10 }, /* SHLLV.PH */   { 0x18D, S_DTS, 0x13, 11 }, /* SHRAV.PH */
	{ 0xBB5, S_DTSA4, 0x13, 12 }, /* SHLL_S.PH */ { 0x735, S_DTSA4, 0x13, 13 }, /* SHRA_R.PH */
	{ 0x78D, S_DTS, 0x13, 14 }, /* SHLLV_S.PH */ { 0x58D, S_DTS, 0x13, 15 }, /* SHRAV_R.PH */
	{ 0x3F5, S_DTSA5, 0x13, 20 }, /* SHLL_S.W */ { 0x2F5, S_DTSA5, 0x13, 21 }, /* SHRA_R.W */
	{ 0x3D5, S_DTS, 0x13, 22 }, /* SHLLV_S.W */  { 0x2D5, S_DTS, 0x13, 23 }, /* SHRAV_R.W */
	{ 0x3FC, S_DTSA4, 0x13, 25 }, /* SHRL.PH */  { 0x315, S_DTS, 0x13, 27 }, /* SHRLV.PH */
	/* one source (POOL32Axf, minor in 15:0) */
	{ 0xF13C, S_DS2, 0x10, 20 }, /* RADDU.W.QB */
	{ 0x013C, S_DT2, 0x12, 1 },  /* ABSQ_S.QB */  { 0x133C, S_DT2, 0x12, 3 },  /* REPLV.QB */
	{ 0x713C, S_DT2, 0x12, 4 },  /* PRECEQU.PH.QBL */ { 0x913C, S_DT2, 0x12, 5 },
	{ 0x733C, S_DT2, 0x12, 6 },  /* PRECEQU.PH.QBLA */ { 0x933C, S_DT2, 0x12, 7 },
	{ 0x113C, S_DT2, 0x12, 9 },  /* ABSQ_S.PH */  { 0x033C, S_DT2, 0x12, 11 }, /* REPLV.PH */
	{ 0x513C, S_DT2, 0x12, 12 }, /* PRECEQ.W.PHL */ { 0x613C, S_DT2, 0x12, 13 },
	{ 0x213C, S_DT2, 0x12, 17 }, /* ABSQ_S.W */   { 0x313C, S_DT2, 0x12, 27 }, /* BITREV */
	{ 0xB13C, S_DT2, 0x12, 28 }, /* PRECEU.PH.QBL */ { 0xD13C, S_DT2, 0x12, 29 },
	{ 0xB33C, S_DT2, 0x12, 30 }, /* PRECEU.PH.QBLA */ { 0xD33C, S_DT2, 0x12, 31 },
	{ 0x413C, S_INSV, 0x0C, 0 }, /* INSV */
	{ 0x05FC, S_REPLQB, 0x12, 2 }, /* REPL.QB */ { 0x03D, S_REPLPH, 0x12, 10 }, /* REPL.PH */
	/* accumulator (POOL32Axf, ac in 15:14, minor in 13:0) */
	{ 0x00BC, S_ACST, 0x30, 0 },  /* DPA.W.PH */  { 0x04BC, S_ACST, 0x30, 1 },  /* DPS.W.PH */
	{ 0x2CBC, S_ACST, 0x30, 2 },  /* MULSA.W.PH */ { 0x20BC, S_ACST, 0x30, 3 }, /* DPAU.H.QBL */
	{ 0x02BC, S_ACST, 0x30, 4 },  /* DPAQ_S.W.PH */ { 0x06BC, S_ACST, 0x30, 5 },
	{ 0x3CBC, S_ACST, 0x30, 6 },  /* MULSAQ_S.W.PH */ { 0x30BC, S_ACST, 0x30, 7 },
	{ 0x10BC, S_ACST, 0x30, 8 },  /* DPAX.W.PH */ { 0x14BC, S_ACST, 0x30, 9 },
	{ 0x24BC, S_ACST, 0x30, 11 }, /* DPSU.H.QBL */ { 0x12BC, S_ACST, 0x30, 12 },
	{ 0x16BC, S_ACST, 0x30, 13 }, /* DPSQ_SA.L.W */ { 0x34BC, S_ACST, 0x30, 15 },
	{ 0x3A7C, S_ACST, 0x30, 16 }, /* MAQ_SA.W.PHL */ { 0x2A7C, S_ACST, 0x30, 18 },
	{ 0x1A7C, S_ACST, 0x30, 20 }, /* MAQ_S.W.PHL */ { 0x0A7C, S_ACST, 0x30, 22 },
	{ 0x22BC, S_ACST, 0x30, 24 }, /* DPAQX_S.W.PH */ { 0x26BC, S_ACST, 0x30, 25 },
	{ 0x32BC, S_ACST, 0x30, 26 }, /* DPAQX_SA.W.PH */ { 0x36BC, S_ACST, 0x30, 27 },
	{ 0x08BC, S_TSBP, 0x31, 16 }, /* BALIGN */
	{ 0x0E7C, S_EXTR, 0x38, 0 },  /* EXTR.W */    { 0x0EBC, S_EXTRV, 0x38, 1 },
	{ 0x267C, S_EXTR, 0x38, 2 },  /* EXTP */      { 0x28BC, S_EXTRV, 0x38, 3 },
	{ 0x1E7C, S_EXTR, 0x38, 4 },  /* EXTR_R.W */  { 0x1EBC, S_EXTRV, 0x38, 5 },
	{ 0x2E7C, S_EXTR, 0x38, 6 },  /* EXTR_RS.W */ { 0x2EBC, S_EXTRV, 0x38, 7 },
	{ 0x367C, S_EXTR, 0x38, 10 }, /* EXTPDP */    { 0x38BC, S_EXTRV, 0x38, 11 },
	{ 0x3E7C, S_EXTR, 0x38, 14 }, /* EXTR_S.H */  { 0x3EBC, S_EXTRV, 0x38, 15 },
	{ 0x067C, S_RDDSP, 0x38, 18 }, /* RDDSP */    { 0x167C, S_WRDSP, 0x38, 19 }, /* WRDSP */
	{ 0x001D, S_SHILO, 0x38, 26 }, /* SHILO */    { 0x127C, S_SHILOV, 0x38, 27 },
	{ 0x027C, S_SHILOV, 0x38, 31 }, /* MTHLIP: rs, ac as SHILOV */
	/* indexed loads */
	{ 0x1A5, S_LX, 0x0A, 0 },   /* LWX */        { 0x165, S_LX, 0x0A, 4 },   /* LHX */
	{ 0x225, S_LX, 0x0A, 6 },   /* LBUX */
};

static uint32_t special3(unsigned rs, unsigned rt, unsigned rd, unsigned op, unsigned fn)
{
	return 31u << 26 | rs << 21 | rt << 16 | rd << 11 | op << 6 | fn;
}

uint32_t mm_dsp_twin(uint32_t x)
{
	unsigned t = (x >> 21) & 31, s = (x >> 16) & 31, d = (x >> 11) & 31;
	unsigned ac = (x >> 14) & 3;

	if ((x >> 26) != 0)
		return MM_NO_TWIN;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct dsp_row *r = &rows[i];
		if ((x & ~operand_bits[r->shape] & 0x03FFFFFFu) != r->minor)
			continue;
		switch (r->shape) {
		case S_DST: case S_TSSA: case S_DTS: case S_LX:  /* the same three fields */
			return special3(s, t, d, r->op, r->fn);
		case S_ST: case S_INSV:
			return special3(s, t, 0, r->op, r->fn);
		case S_ACST: case S_TSBP: case S_EXTR: case S_EXTRV:  /* 2-bit field in rd */
			return special3(s, t, ac, r->op, r->fn);
		case S_DS2:   return special3(s, 0, t, r->op, r->fn);
		case S_DT2:   return special3(0, s, t, r->op, r->fn);
		case S_DTSA3: return special3((x >> 13) & 7, s, t, r->op, r->fn);
		case S_DTSA4: return special3((x >> 12) & 15, s, t, r->op, r->fn);
		case S_DTSA5: return special3(d, s, t, r->op, r->fn);
		case S_REPLQB: return special3(((x >> 13) & 0xFF) >> 5, (x >> 13) & 31, t, r->op, r->fn);
		case S_REPLPH: return special3(t, s, d, r->op, r->fn);
		case S_RDDSP: return special3(((x >> 14) & 0x3F) >> 5, (x >> 14) & 31, t, r->op, r->fn);
		case S_WRDSP: return special3(t, ((x >> 14) & 0x3F) >> 5, (x >> 14) & 31, r->op, r->fn);
		case S_SHILO: return special3((x >> 17) & 31, ((x >> 16) & 1) << 4, ac, r->op, r->fn);
		case S_SHILOV: return special3(s, 0, ac, r->op, r->fn);
		}
	}
	return MM_NO_TWIN;
}
