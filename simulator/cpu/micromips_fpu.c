/* SPDX-License-Identifier: Apache-2.0 */
/* micromips_fpu.c - the FPU's microMIPS encodings (POOL32F) as MIPS32 COP1,
 * COP1X and MOVCI words.
 *
 * Field positions (microMIPS32 Release 5): three-operand forms have ft in
 * 25:21, fs in 20:16, fd in 15:11 (fr in 10:6 for MADD and its kin); the
 * one-source forms (POOL32Fxf, minor 0x3B) have the destination in 25:21
 * and the source in 20:16, and so do MFC1/MTC1/CFC1/CTC1/MFHC1/MTHC1 (GPR
 * in 25:21, FPR or control register in 20:16). Formats are coded in one or
 * two bits whose meaning depends on the instruction; minor opcodes are in
 * the low bits. The encodings were checked against GNU as/objdump
 * (tests/disasm: every microMIPS FPU form against its MIPS32 twin). */
#include "micromips_twin.h"

enum { F_S = 16, F_D = 17, F_W = 20, F_L = 21, F_PS = 22 };

static uint32_t cop1(unsigned fmt, unsigned ft, unsigned fs, unsigned fd, unsigned fn)
{
	return 17u << 26 | fmt << 21 | ft << 16 | fs << 11 | fd << 6 | fn;
}

static uint32_t cop1x(unsigned r, unsigned t, unsigned s, unsigned d, unsigned fn)
{
	return 19u << 26 | r << 21 | t << 16 | s << 11 | d << 6 | fn;
}

/* 2-bit format field of the arithmetic forms: S, D, PS (3 reserved). */
static const uint8_t fmt_sdp[4] = { F_S, F_D, F_PS, 0 };

/* POOL32Fxf: one source (20:16) and one destination (25:21); e = bits 15:6. */
static uint32_t pool32fxf(unsigned dst, unsigned src, unsigned e)
{
	if ((e & 0x5F) == 0x05) {  /* MOVF/MOVT rd, rs, cc (bit 5 of e: true) */
		unsigned cc = (e >> 7) & 7, tf = (e >> 5) & 1;
		return src << 21 | (cc << 2 | tf) << 16 | dst << 11 | 0x01;
	}
	if (e & 0x200)
		return MM_NO_TWIN;
	if (e & 1) { /* format in bits 14:13 (e 8:7) */
		unsigned f2 = (e >> 7) & 3;
		static const uint8_t fmt_swl[4] = { F_S, F_W, F_L, 0 };
		static const uint8_t fmt_dwl[4] = { F_D, F_W, F_L, 0 };
		switch (e & 0x7F) {
		case 0x01: return fmt_sdp[f2] ? cop1(fmt_sdp[f2], 0, src, dst, 0x06) : MM_NO_TWIN; /* MOV */
		case 0x0D: return fmt_sdp[f2] ? cop1(fmt_sdp[f2], 0, src, dst, 0x05) : MM_NO_TWIN; /* ABS */
		case 0x2D: return fmt_sdp[f2] ? cop1(fmt_sdp[f2], 0, src, dst, 0x07) : MM_NO_TWIN; /* NEG */
		case 0x4D: return fmt_swl[f2] ? cop1(fmt_swl[f2], 0, src, dst, 0x21) : MM_NO_TWIN; /* CVT.D */
		case 0x6D: return fmt_dwl[f2] ? cop1(fmt_dwl[f2], 0, src, dst, 0x20) : MM_NO_TWIN; /* CVT.S */
		}
		return MM_NO_TWIN;
	}
	unsigned fmt = (e & 0x100) ? F_D : F_S; /* bit 14 */
	switch (e & 0xFF) {
	case 0x08: return cop1(fmt, 0, src, dst, 0x16);   /* RSQRT */
	case 0x28: return cop1(fmt, 0, src, dst, 0x04);   /* SQRT */
	case 0x48: return cop1(fmt, 0, src, dst, 0x15);   /* RECIP */
	case 0x04: return cop1(fmt, 0, src, dst, 0x25);   /* CVT.L */
	case 0x24: return cop1(fmt, 0, src, dst, 0x24);   /* CVT.W */
	case 0x0C: return cop1(fmt, 0, src, dst, 0x0B);   /* FLOOR.L */
	case 0x2C: return cop1(fmt, 0, src, dst, 0x0F);   /* FLOOR.W */
	case 0x4C: return cop1(fmt, 0, src, dst, 0x0A);   /* CEIL.L */
	case 0x6C: return cop1(fmt, 0, src, dst, 0x0E);   /* CEIL.W */
	case 0x8C: return cop1(fmt, 0, src, dst, 0x09);   /* TRUNC.L */
	case 0xAC: return cop1(fmt, 0, src, dst, 0x0D);   /* TRUNC.W */
	case 0xCC: return cop1(fmt, 0, src, dst, 0x08);   /* ROUND.L */
	case 0xEC: return cop1(fmt, 0, src, dst, 0x0C);   /* ROUND.W */
	}
	if (e & 0x100)
		return MM_NO_TWIN;
	switch (e & 0xFF) {
	case 0x84: return cop1(F_PS, 0, src, dst, 0x28);  /* CVT.S.PL */
	case 0xA4: return cop1(F_PS, 0, src, dst, 0x20);  /* CVT.S.PU */
	/* moves: GPR rt in 25:21, FPR or FCR in 20:16 */
	case 0x80: return cop1(0, dst, src, 0, 0);        /* MFC1 rt, fs */
	case 0xA0: return cop1(4, dst, src, 0, 0);        /* MTC1 */
	case 0xC0: return cop1(3, dst, src, 0, 0);        /* MFHC1 */
	case 0xE0: return cop1(7, dst, src, 0, 0);        /* MTHC1 */
	case 0x40: return cop1(2, dst, src, 0, 0);        /* CFC1 */
	case 0x60: return cop1(6, dst, src, 0, 0);        /* CTC1 */
	}
	return MM_NO_TWIN;
}

uint32_t mm_fpu_twin(uint32_t x)
{
	unsigned ft = (x >> 21) & 31, fs = (x >> 16) & 31, fd = (x >> 11) & 31;
	unsigned fr = (x >> 6) & 31;

	if ((x >> 26) != 0x15)
		return MM_NO_TWIN;
	switch (x & 0x3F) {
	case 0x3B:   /* POOL32Fxf */
		return pool32fxf(ft, fs, (x >> 6) & 0x3FF);
	case 0x30: { /* ADD/SUB/MUL/DIV.fmt fd, fs, ft: op in 7:6, fmt in 9:8 (no DIV.PS) */
		unsigned fmt = fmt_sdp[(x >> 8) & 3], op = (x >> 6) & 3;
		return (x & 0x400) || !fmt || (fmt == F_PS && op == 3) ? MM_NO_TWIN
			: cop1(fmt, ft, fs, fd, op);
	}
	case 0x3C: { /* C.cond.fmt cc, fs, ft: cond 9:6, fmt 11:10, cc 15:13 */
		unsigned fmt = fmt_sdp[(x >> 10) & 3];
		return (x & 0x1000) || !fmt ? MM_NO_TWIN
			: cop1(fmt, ft, fs, ((x >> 13) & 7) << 2, 0x30 | ((x >> 6) & 15));
	}
	case 0x20: { /* MOVF/MOVT.fmt fd(25:21), fs, cc: tf 6, fmt 10:9, cc 15:13; PREFX */
		if ((x & 0x7FF) == 0x1A0)       /* PREFX hint(15:11), index(25:21)(base) */
			return cop1x(fs, ft, fd, 0, 0x0F);
		unsigned fmt = fmt_sdp[(x >> 9) & 3];
		if ((x & 0x1980) || !fmt)
			return MM_NO_TWIN;
		return cop1(fmt, ((x >> 13) & 7) << 2 | ((x >> 6) & 1), fs, ft, 0x11);
	}
	case 0x38: { /* MOVN.fmt fd, fs, rt (bit 6: MOVZ); fmt 9:8 */
		unsigned fmt = fmt_sdp[(x >> 8) & 3];
		return (x & 0x480) || !fmt ? MM_NO_TWIN
			: cop1(fmt, ft, fs, fd, (x & 0x40) ? 0x12 : 0x13);
	}
	case 0x08: { /* indexed loads/stores: index(25:21), base(20:16), fd/fs(15:11) */
		static const int8_t fn[8] = { -1, 0x00, 0x08, 0x01, 0x09, 0x05, 0x0D, -1 };
		unsigned sub = (x >> 6) & 31;
		if (sub > 7 || fn[sub] < 0)
			return MM_NO_TWIN;
		if (fn[sub] & 0x08)   /* store: fs in 15:11 */
			return cop1x(fs, ft, fd, 0, (unsigned)fn[sub]);
		return cop1x(fs, ft, 0, fd, (unsigned)fn[sub]);
	}
	case 0x00: { /* paired-single forms fd, fs, ft by bits 10:6 */
		static const uint8_t fn[8] = { 0, 0, 0x2C, 0x2D, 0x2E, 0x2F, 0x26, 0 };
		unsigned sub = (x >> 6) & 31;
		if (sub > 7 || !fn[sub])
			return MM_NO_TWIN;
		return cop1(sub == 6 ? F_S : F_PS, ft, fs, fd, fn[sub]); /* PLL..PUU.PS, CVT.PS.S */
	}
	case 0x19:   /* ALNV.PS fd, fs, ft, rs(10:6) */
		return cop1x(fr, ft, fs, fd, 0x1E);
	}
	/* MADD/MSUB/NMADD/NMSUB.fmt fd, fr, fs, ft: bits 1:0 = 1 (MADD, MSUB)
	 * or 2 (NMADD, NMSUB), fmt in 4:3, bit 5: subtract */
	unsigned kind = x & 3, f = (x >> 3) & 3;
	static const uint8_t fmt3[4] = { 0, 1, 6, 0xFF };
	if ((kind == 1 || kind == 2) && !(x & 4) && fmt3[f] != 0xFF) {
		unsigned op = (kind == 1 ? 4u : 6u) + ((x >> 5) & 1);
		return cop1x(fr, ft, fs, fd, op << 3 | fmt3[f]);
	}
	return MM_NO_TWIN;
}
