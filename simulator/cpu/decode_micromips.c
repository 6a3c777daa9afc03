/* SPDX-License-Identifier: Apache-2.0 */
/* decode_micromips.c - microMIPS32 (Release 5, the M5150's second ISA)
 * into predecoded entries.
 *
 * Most microMIPS instructions are a MIPS32 instruction in another encoding:
 * those are rewritten into the MIPS32 word (fields moved, immediates
 * widened) and decoded by insn_decode(), so they run the very handlers
 * MIPS32 code runs and d->raw is the word those handlers read. What has no
 * MIPS32 twin (branches and jumps with their 16/32-bit delay slots, the
 * compact ones, LWM/SWM/LWP/SWP, LWXS, ADDIUPC, MOVEP, JRADDIUSP) gets a
 * handler of its own (insn_micromips.c) with d->raw = the microMIPS bits
 * (first halfword in 31:16; a 16-bit instruction in 15:0).
 *
 * Field names follow the microMIPS manual: in 32-bit instructions rt is
 * bits 25:21 and rs bits 20:16 (the reverse of MIPS32); 16-bit ones name
 * 3-bit register codes (mmreg: $16, $17, $2-$7). The FPU's POOL32F group
 * is rewritten by micromips_fpu.c, the DSP ASE's forms in POOL32A by
 * micromips_dsp.c. */
#include "insns.h"
#include "micromips_twin.h"

static inline uint8_t dst(unsigned r) { return r ? (uint8_t)r : CPU_REG_SINK; }

/* 3-bit register codes of the 16-bit instructions. */
static const uint8_t mmreg[8] = { 16, 17, 2, 3, 4, 5, 6, 7 };
/* ... of the 16-bit stores' source (code 0 is $zero). */
static const uint8_t mmreg_st[8] = { 0, 17, 2, 3, 4, 5, 6, 7 };

static inline uint32_t sext(uint32_t v, unsigned bits)
{
	return (uint32_t)((int32_t)(v << (32 - bits)) >> (32 - bits));
}

/* MIPS32 encodings. */
static inline uint32_t m32_r(unsigned rs, unsigned rt, unsigned rd, unsigned sa, unsigned fn)
{
	return rs << 21 | rt << 16 | rd << 11 | sa << 6 | fn;
}
static inline uint32_t m32_i(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
	return op << 26 | rs << 21 | rt << 16 | (imm & 0xFFFFu);
}
#define SPECIAL2(rs, rt, rd, fn) (28u << 26 | m32_r(rs, rt, rd, 0, fn))
#define SPECIAL3(rs, rt, rd, sa, fn) (31u << 26 | m32_r(rs, rt, rd, sa, fn))
#define COP0(rs, rest) (16u << 26 | (rs) << 21 | (rest))
#define COP0_CO(fn) (16u << 26 | 1u << 25 | (fn))

#define RI_WORD MM_NO_TWIN /* no MIPS32 twin: reserved instruction */

#define OWN(name) do { d->id = INSN_ID_##name; mn = #name; } while (0)

/* The end of a decode: an own handler (mn set), reserved, or the twin. */
static const char *finish(const char *mn, uint32_t w, struct insn *d)
{
	if (mn)
		return mn;
	return w == RI_WORD ? NULL : insn_decode(w, 0, d);
}

static const char *decode16(uint32_t h, struct insn *d)
{
	unsigned op = h >> 10;
	unsigned r97 = mmreg[(h >> 7) & 7], r64 = mmreg[(h >> 4) & 7], r31 = mmreg[(h >> 1) & 7];
	unsigned r5 = (h >> 5) & 31, r0 = h & 31;
	uint32_t w = RI_WORD;
	const char *mn = NULL;

	switch (op) {
	case 0x01: /* POOL16A: ADDU16/SUBU16 rd(9:7), rs(3:1), rt(6:4) */
		w = m32_r(r31, r64, r97, 0, (h & 1) ? 0x23 : 0x21);
		break;
	case 0x09: { /* POOL16B: SLL16/SRL16 rd, rt, sa (0 = 8) */
		unsigned sa = (h >> 1) & 7;
		w = m32_r(0, r64, r97, sa ? sa : 8, (h & 1) ? 2 : 0);
		break;
	}
	case 0x11: { /* POOL16C */
		unsigned rd = mmreg[(h >> 3) & 7], rs = mmreg[h & 7];
		unsigned f = (h >> 4) & 0x3F;
		switch (f >> 2) {
		case 0: w = m32_r(rs, 0, rd, 0, 0x27); break;  /* NOT16 = NOR rd, rs, $0 */
		case 1: w = m32_r(rd, rs, rd, 0, 0x26); break; /* XOR16 */
		case 2: w = m32_r(rd, rs, rd, 0, 0x24); break; /* AND16 */
		case 3: w = m32_r(rd, rs, rd, 0, 0x25); break; /* OR16 */
		case 4: case 5: /* LWM16/SWM16: s0..s(n), ra at sp + offset */
			if (f >> 2 == 4) OWN(mm_lwm); else OWN(mm_swm);
			d->rs = 29;
			d->sa = (uint8_t)(0x11 + ((h >> 4) & 3));
			d->imm = (h & 15) << 2;
			break;
		default:
			switch (f >> 1) {
			case 0x0C: /* JR16: any slot */
				OWN(mm_jalr); d->rs = (uint8_t)r0; d->rd = CPU_REG_SINK;
				break;
			case 0x0D: /* JRC */
				OWN(mm_jrc); d->rs = (uint8_t)r0; d->imm = 0;
				break;
			case 0x0E: /* JALR16: link $31, 32-bit slot */
				OWN(mm_jalr); d->rs = (uint8_t)r0; d->rd = 31;
				d->flags |= INSN_F_MM_SLOT32;
				break;
			case 0x0F: /* JALRS16: 16-bit slot */
				OWN(mm_jalr); d->rs = (uint8_t)r0; d->rd = 31;
				d->flags |= INSN_F_MM_SLOT16;
				break;
			case 0x10: w = m32_r(0, 0, r0, 0, 0x10); break; /* MFHI16 */
			case 0x12: w = m32_r(0, 0, r0, 0, 0x12); break; /* MFLO16 */
			case 0x14: /* BREAK16 (f = 0x28), SDBBP16 (0x2C: no EJTAG debug mode) */
				if (f == 0x28)
					w = 0x0000000Du;
				break;
			case 0x18: /* JRADDIUSP: jrc $31 and sp += imm */
				OWN(mm_jrc); d->rs = 31; d->imm = r0 << 2;
				break;
			}
			break;
		}
		break;
	}
	case 0x19: /* LWGP16 */
		w = m32_i(35, 28, r97, sext(h & 0x7F, 7) << 2);
		break;
	case 0x21: /* POOL16F: MOVEP */
		if (!(h & 1)) {
			static const uint8_t dst1[8] = { 5, 5, 6, 4, 4, 4, 4, 4 };
			static const uint8_t dst2[8] = { 6, 7, 7, 21, 22, 5, 6, 7 };
			static const uint8_t src[8] = { 0, 17, 2, 3, 16, 18, 19, 20 };
			unsigned e = (h >> 7) & 7;
			OWN(mm_movep);
			d->rd = dst1[e];
			d->sa = dst2[e];
			d->rs = src[(h >> 1) & 7]; /* to the first */
			d->rt = src[(h >> 4) & 7]; /* to the second */
		}
		break;
	case 0x02: { /* LBU16: offset 15 means -1 */
		unsigned off = h & 15;
		w = m32_i(36, r64, r97, off == 15 ? 0xFFFFu : off);
		break;
	}
	case 0x0A: w = m32_i(37, r64, r97, (h & 15) << 1); break;    /* LHU16 */
	case 0x12: w = m32_i(35, 29, r5, (h & 31) << 2); break;      /* LWSP */
	case 0x1A: w = m32_i(35, r64, r97, (h & 15) << 2); break;    /* LW16 */
	case 0x22: w = m32_i(40, r64, mmreg_st[(h >> 7) & 7], h & 15); break;        /* SB16 */
	case 0x2A: w = m32_i(41, r64, mmreg_st[(h >> 7) & 7], (h & 15) << 1); break; /* SH16 */
	case 0x32: w = m32_i(43, 29, r5, (h & 31) << 2); break;      /* SWSP */
	case 0x3A: w = m32_i(43, r64, mmreg_st[(h >> 7) & 7], (h & 15) << 2); break; /* SW16 */
	case 0x03: w = m32_r(r0, 0, r5, 0, 0x21); break;             /* MOVE16 = ADDU rd, rs, $0 */
	case 0x0B: { /* ANDI16 */
		static const uint16_t imm[16] = { 128, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63,
						  64, 255, 32768, 65535 };
		w = m32_i(12, r64, r97, imm[h & 15]);
		break;
	}
	case 0x13: /* POOL16D */
		if (h & 1) { /* ADDIUSP */
			unsigned e = (h >> 1) & 0x1FF;
			int v = e <= 1 ? 256 + (int)e : e <= 255 ? (int)e : e <= 509 ? (int)e - 512 : (int)e - 768;
			w = m32_i(9, 29, 29, (uint32_t)(v * 4));
		} else { /* ADDIUS5 */
			w = m32_i(9, r5, r5, sext((h >> 1) & 15, 4));
		}
		break;
	case 0x1B: /* POOL16E */
		if (h & 1) { /* ADDIUR1SP */
			w = m32_i(9, 29, r97, ((h >> 1) & 0x3F) << 2);
		} else { /* ADDIUR2 */
			static const int8_t imm[8] = { 1, 4, 8, 12, 16, 20, 24, -1 };
			w = m32_i(9, r64, r97, (uint32_t)(int32_t)imm[(h >> 1) & 7]);
		}
		break;
	case 0x33: /* B16 */
		OWN(mm_beq); d->rs = d->rt = 0; d->imm = sext(h & 0x3FF, 10) << 1;
		break;
	case 0x23: /* BEQZ16 */
		OWN(mm_beq); d->rs = (uint8_t)r97; d->rt = 0; d->imm = sext(h & 0x7F, 7) << 1;
		break;
	case 0x2B: /* BNEZ16 */
		OWN(mm_bne); d->rs = (uint8_t)r97; d->rt = 0; d->imm = sext(h & 0x7F, 7) << 1;
		break;
	case 0x3B: /* LI16: 0x7F is -1 */
		w = m32_i(9, 0, r97, (h & 0x7F) == 0x7F ? 0xFFFFu : (h & 0x7F));
		break;
	}
	return finish(mn, w, d);
}

/* The MIPS32 word of a POOL32Axf instruction (minor 0x3C), or RI_WORD;
 * own handlers are set in d. */
static uint32_t pool32axf(uint32_t x, struct insn *d, const char **mn)
{
	unsigned rt = (x >> 21) & 31, rs = (x >> 16) & 31;
	unsigned ext = (x >> 6) & 0x3F, minor = (x >> 12) & 15;
	unsigned sel = (x >> 11) & 7;

	switch (ext & 0x1F) { /* bit 11 belongs to sel */
	case 0x03: return COP0(0, rt << 16 | rs << 11 | sel);         /* MFC0 */
	case 0x0B: return COP0(4, rt << 16 | rs << 11 | sel);         /* MTC0 */
	case 0x13: return COP0(3, rt << 16 | rs << 11 | sel);         /* MFGC0 */
	case 0x1B: return COP0(3, rt << 16 | rs << 11 | 0x200 | sel); /* MTGC0 */
	}
	switch (ext) {
	case 0x00: return m32_r(rs, rt, 0, 0, 0x34); /* TEQ */
	case 0x08: return m32_r(rs, rt, 0, 0, 0x30); /* TGE */
	case 0x10: return m32_r(rs, rt, 0, 0, 0x31); /* TGEU */
	case 0x20: return m32_r(rs, rt, 0, 0, 0x32); /* TLT */
	case 0x28: return m32_r(rs, rt, 0, 0, 0x33); /* TLTU */
	case 0x30: return m32_r(rs, rt, 0, 0, 0x36); /* TNE */
	case 0x01: { /* MFHI/MFLO/MTHI/MTLO with an accumulator (bits 15:14) */
		unsigned ac = minor >> 2;
		switch (minor & 3) {
		case 0: return m32_r(ac, 0, rs, 0, 0x10);
		case 1: return m32_r(ac, 0, rs, 0, 0x12);
		case 2: return m32_r(rs, 0, ac, 0, 0x11);
		default: return m32_r(rs, 0, ac, 0, 0x13);
		}
	}
	case 0x35: /* MFHI/MFLO/MTHI/MTLO */
		switch (minor) {
		case 0: return m32_r(0, 0, rs, 0, 0x10);
		case 1: return m32_r(0, 0, rs, 0, 0x12);
		case 2: return m32_r(rs, 0, 0, 0, 0x11);
		case 3: return m32_r(rs, 0, 0, 0, 0x13);
		}
		break;
	case 0x2A: { /* MADD/MADDU/MSUB/MSUBU ac, rs, rt */
		static const uint8_t fn[4] = { 0, 1, 4, 5 };
		return SPECIAL2(rs, rt, minor >> 2, fn[minor & 3]);
	}
	case 0x32: /* MULT/MULTU ac, rs, rt */
		if ((minor & 3) < 2)
			return m32_r(rs, rt, minor >> 2, 0, 0x18 + (minor & 1));
		break;
	case 0x2C:
		switch (minor) {
		case 0x2: return SPECIAL3(0, rs, rt, 0x10, 0x20);      /* SEB rt, rs */
		case 0x3: return SPECIAL3(0, rs, rt, 0x18, 0x20);      /* SEH */
		case 0x4: return SPECIAL2(rs, rt, rt, 0x21);           /* CLO rt, rs */
		case 0x5: return SPECIAL2(rs, rt, rt, 0x20);           /* CLZ */
		case 0x6: return SPECIAL3(0, rt, rs, 0, 0x3B);         /* RDHWR rt, rs */
		case 0x7: return SPECIAL3(0, rs, rt, 0x02, 0x20);      /* WSBH */
		case 0x8: return m32_r(rs, rt, 0, 0, 0x18);            /* MULT */
		case 0x9: return m32_r(rs, rt, 0, 0, 0x19);            /* MULTU */
		case 0xA: return m32_r(rs, rt, 0, 0, 0x1A);            /* DIV */
		case 0xB: return m32_r(rs, rt, 0, 0, 0x1B);            /* DIVU */
		case 0xC: return SPECIAL2(rs, rt, 0, 0);               /* MADD */
		case 0xD: return SPECIAL2(rs, rt, 0, 1);               /* MADDU */
		case 0xE: return SPECIAL2(rs, rt, 0, 4);               /* MSUB */
		case 0xF: return SPECIAL2(rs, rt, 0, 5);               /* MSUBU */
		}
		break;
	case 0x34: /* MFC2/MTC2/...: no coprocessor 2 */
		return 18u << 26;
	case 0x3C: /* JALR(.HB), JALRS(.HB) rt, rs; JR is JALR $0 */
		if (minor != 0 && minor != 1 && minor != 4 && minor != 5)
			break;
		d->id = INSN_ID_mm_jalr;
		*mn = "mm_jalr";
		d->rs = (uint8_t)rs;
		d->rd = dst(rt);
		d->sa = minor & 1; /* hazard barrier */
		if (rt)
			d->flags |= (minor & 4) ? INSN_F_MM_SLOT16 : INSN_F_MM_SLOT32;
		return 0;
	case 0x05:
		switch (minor) {
		case 0x0: return COP0_CO(0x10);                         /* TLBGP */
		case 0x1: return COP0_CO(0x09);                         /* TLBGR */
		case 0x2: return COP0_CO(0x0A);                         /* TLBGWI */
		case 0x3: return COP0_CO(0x0E);                         /* TLBGWR */
		case 0x4: return COP0_CO(0x0B);                         /* TLBGINV */
		case 0x5: return COP0_CO(0x0C);                         /* TLBGINVF */
		case 0xE: return COP0(10, rs << 16 | rt << 11);          /* RDPGPR rt, rs */
		case 0xF: return COP0(14, rs << 16 | rt << 11);          /* WRPGPR rt, rs */
		}
		break;
	case 0x0D:
		switch (minor) {
		case 0x0: return COP0_CO(0x08);                         /* TLBP */
		case 0x1: return COP0_CO(0x01);                         /* TLBR */
		case 0x2: return COP0_CO(0x02);                         /* TLBWI */
		case 0x3: return COP0_CO(0x06);                         /* TLBWR */
		case 0x9: return COP0_CO(0x20);                         /* WAIT */
		case 0xC: return COP0_CO(((x >> 16) & 0x3FF) << 11 | 0x28); /* HYPCALL code */
		case 0xF: return COP0_CO(0x18);                         /* ERET */
		}
		break;
	case 0x1D: /* DI/EI rs */
		if (minor == 4 || minor == 5)
			return COP0(11, rs << 16 | 12u << 11 | (minor & 1) << 5);
		break;
	case 0x2D:
		switch (minor) {
		case 0x6: return m32_r(0, 0, 0, rs, 0x0F);           /* SYNC stype */
		case 0x8: return 0x0000000Cu;                        /* SYSCALL */
		}
		break;
	}
	return RI_WORD;
}

static const char *decode32(uint32_t x, struct insn *d)
{
	unsigned op = x >> 26, rt = (x >> 21) & 31, rs = (x >> 16) & 31, rd = (x >> 11) & 31;
	unsigned sa = (x >> 6) & 31;
	uint32_t imm = x & 0xFFFFu, off12 = sext(x & 0xFFF, 12);
	uint32_t w = RI_WORD;
	const char *mn = NULL;

	switch (op) {
	case 0x00: /* POOL32A */
		switch (x & 0x3F) {
		case 0x00:
			switch ((x >> 6) & 15) {
			case 0: w = m32_r(0, rs, rt, rd, 0x00); break; /* SLL rt, rs, sa */
			case 1: w = m32_r(0, rs, rt, rd, 0x02); break; /* SRL */
			case 2: w = m32_r(0, rs, rt, rd, 0x03); break; /* SRA */
			case 3: w = m32_r(1, rs, rt, rd, 0x02); break; /* ROTR */
			}
			break;
		case 0x10: { /* rd = rs op rt (shifts: rt by rs) */
			static const uint8_t fn[16] = { 0x04, 0x06, 0x07, 0x06, 0x20, 0x21, 0x22, 0x23,
							0x02, 0x24, 0x25, 0x27, 0x26, 0x2A, 0x2B, 0 };
			unsigned s = (x >> 6) & 15;
			if (s == 15)
				break;
			if (s == 8)
				w = SPECIAL2(rs, rt, rd, 2); /* MUL */
			else
				w = m32_r(rs, rt, rd, s == 3 ? 1 : 0, fn[s]);
			break;
		}
		case 0x18:
			switch ((x >> 6) & 15) {
			case 0: w = m32_r(rs, rt, rd, 0, 0x0B); break; /* MOVN */
			case 1: w = m32_r(rs, rt, rd, 0, 0x0A); break; /* MOVZ */
			case 4: /* LWXS rd, rt(rs) */
				OWN(mm_lwxs); d->rs = (uint8_t)rs; d->rt = (uint8_t)rt; d->rd = dst(rd);
				d->flags |= INSN_F_MM_LOAD;
				break;
			}
			break;
		case 0x0C: w = SPECIAL3(rs, rt, rd, sa, 4); break; /* INS rt, rs, pos, size */
		case 0x2C: w = SPECIAL3(rs, rt, rd, sa, 0); break; /* EXT */
		case 0x07: w = 0x0000000Du; break;                 /* BREAK */
		case 0x3C:
			w = pool32axf(x, d, &mn);
			if (mn)
				return mn;
			break;
		}
		if (w == RI_WORD)
			w = mm_dsp_twin(x);
		break;
	case 0x08: /* POOL32B */
		switch ((x >> 12) & 15) {
		case 0x0: case 0x8: w = 50u << 26; break;       /* LWC2/SWC2 */
		case 0x1: /* LWP */
		case 0x9: /* SWP */
			if ((x >> 12) & 8) OWN(mm_swp); else OWN(mm_lwp);
			d->rs = (uint8_t)rs; d->rt = (uint8_t)rt; d->imm = off12;
			break;
		case 0x5: /* LWM32 */
		case 0xD: /* SWM32 */
			if ((x >> 12) & 8) OWN(mm_swm); else OWN(mm_lwm);
			d->rs = (uint8_t)rs; d->sa = (uint8_t)rt; d->imm = off12;
			break;
		case 0x6: w = m32_i(47, rs, rt, off12); break; /* CACHE */
		}
		break;
	case 0x18: /* POOL32C */
		switch ((x >> 12) & 15) {
		case 0x0: w = m32_i(34, rs, rt, off12); break; /* LWL */
		case 0x1: w = m32_i(38, rs, rt, off12); break; /* LWR */
		case 0x2: w = m32_i(51, rs, rt, off12); break; /* PREF */
		case 0x3: w = m32_i(48, rs, rt, off12); break; /* LL */
		case 0x8: w = m32_i(42, rs, rt, off12); break; /* SWL */
		case 0x9: w = m32_i(46, rs, rt, off12); break; /* SWR */
		case 0xB: w = m32_i(56, rs, rt, off12); break; /* SC */
		}
		break;
	case 0x10: { /* POOL32I */
		uint32_t boff = sext(imm, 16) << 1;
		switch (rt) {
		case 0x00: OWN(mm_bltz); break;
		case 0x01: OWN(mm_bltzal); d->flags |= INSN_F_MM_SLOT32; break;
		case 0x02: OWN(mm_bgez); break;
		case 0x03: OWN(mm_bgezal); d->flags |= INSN_F_MM_SLOT32; break;
		case 0x04: OWN(mm_blez); break;
		case 0x05: OWN(mm_bnezc); break;
		case 0x06: OWN(mm_bgtz); break;
		case 0x07: OWN(mm_beqzc); break;
		case 0x08: w = m32_i(1, rs, 10, imm); break;   /* TLTI */
		case 0x09: w = m32_i(1, rs, 8, imm); break;    /* TGEI */
		case 0x0A: w = m32_i(1, rs, 11, imm); break;   /* TLTIU */
		case 0x0B: w = m32_i(1, rs, 9, imm); break;    /* TGEIU */
		case 0x0C: w = m32_i(1, rs, 14, imm); break;   /* TNEI */
		case 0x0D: w = m32_i(15, 0, rs, imm); break;   /* LUI rs, imm */
		case 0x0E: w = m32_i(1, rs, 12, imm); break;   /* TEQI */
		case 0x10: w = m32_i(1, rs, 31, imm); break;   /* SYNCI */
		case 0x11: OWN(mm_bltzal); d->flags |= INSN_F_MM_SLOT16; break; /* BLTZALS */
		case 0x13: OWN(mm_bgezal); d->flags |= INSN_F_MM_SLOT16; break; /* BGEZALS */
		case 0x14: case 0x15: w = 18u << 26; break;    /* BC2F/BC2T */
		case 0x1B: OWN(mm_bposge32); break;
		case 0x1C: /* BC1F, BC1T cc (bit 16 set: the MIPS-3D BC1ANY2x) */
		case 0x1D:
			if (x & (1u << 16))
				break;
			if (rt == 0x1C) OWN(mm_bc1f); else OWN(mm_bc1t);
			d->sa = (uint8_t)((x >> 18) & 7);
			break;
		}
		if (mn) {
			d->rs = (uint8_t)rs;
			d->rt = 0;
			d->imm = boff;
		}
		break;
	}
	case 0x04: w = m32_i(8, rs, rt, imm); break;   /* ADDI rt, rs, imm */
	case 0x0C: w = m32_i(9, rs, rt, imm); break;   /* ADDIU */
	case 0x24: w = m32_i(10, rs, rt, imm); break;  /* SLTI */
	case 0x2C: w = m32_i(11, rs, rt, imm); break;  /* SLTIU */
	case 0x34: w = m32_i(12, rs, rt, imm); break;  /* ANDI */
	case 0x14: w = m32_i(13, rs, rt, imm); break;  /* ORI */
	case 0x1C: w = m32_i(14, rs, rt, imm); break;  /* XORI */
	case 0x07: w = m32_i(32, rs, rt, imm); break;  /* LB rt, imm(rs) */
	case 0x05: w = m32_i(36, rs, rt, imm); break;  /* LBU */
	case 0x0F: w = m32_i(33, rs, rt, imm); break;  /* LH */
	case 0x0D: w = m32_i(37, rs, rt, imm); break;  /* LHU */
	case 0x3F: w = m32_i(35, rs, rt, imm); break;  /* LW */
	case 0x06: w = m32_i(40, rs, rt, imm); break;  /* SB */
	case 0x0E: w = m32_i(41, rs, rt, imm); break;  /* SH */
	case 0x3E: w = m32_i(43, rs, rt, imm); break;  /* SW */
	case 0x27: w = m32_i(49, rs, rt, imm); break;  /* LWC1 */
	case 0x26: w = m32_i(57, rs, rt, imm); break;  /* SWC1 */
	case 0x2F: w = m32_i(53, rs, rt, imm); break;  /* LDC1 */
	case 0x2E: w = m32_i(61, rs, rt, imm); break;  /* SDC1 */
	case 0x15: w = mm_fpu_twin(x); break;          /* POOL32F */
	case 0x25: /* BEQ */
	case 0x2D: /* BNE */
		if (op == 0x25) OWN(mm_beq); else OWN(mm_bne);
		d->rs = (uint8_t)rs; d->rt = (uint8_t)rt; d->imm = sext(imm, 16) << 1;
		break;
	case 0x35: /* J */
		OWN(mm_j); d->imm = (x & 0x03FFFFFFu) << 1;
		break;
	case 0x3D: /* JAL: 32-bit slot */
	case 0x1D: /* JALS: 16-bit slot */
		OWN(mm_jal); d->imm = (x & 0x03FFFFFFu) << 1;
		d->flags |= op == 0x3D ? INSN_F_MM_SLOT32 : INSN_F_MM_SLOT16;
		break;
	case 0x3C: /* JALX: to MIPS32, 32-bit slot */
		OWN(mm_jalx); d->imm = (x & 0x03FFFFFFu) << 2;
		d->flags |= INSN_F_MM_SLOT32;
		break;
	case 0x1E: /* ADDIUPC rs(25:23), imm23 << 2 */
		OWN(mm_addiupc); d->rd = dst(mmreg[(x >> 23) & 7]); d->imm = sext(x & 0x7FFFFF, 23) << 2;
		break;
	}
	return finish(mn, w, d);
}

const char *mm_decode(uint32_t hw0, uint32_t hw1, struct insn *d)
{
	bool is16 = mm_is16(hw0);
	uint32_t x = is16 ? hw0 : hw0 << 16 | hw1;
	const char *mn;
	d->raw = x;
	d->rs = d->rt = d->sa = 0;
	d->rd = CPU_REG_SINK;
	d->imm = 0;
	d->cycles = 1;
	d->flags = 0;
	d->id = INSN_ID_ri;
	mn = is16 ? decode16(hw0, d) : decode32(x, d);
	if (!mn) {
		d->id = INSN_ID_ri;
		d->raw = x;
		d->flags = 0;
		return "ri";
	}
	d->flags &= (uint8_t)~INSN_F_SLOT_NOP; /* a MIPS32 decode's: not ours */
	if (d->id == INSN_ID_lb || d->id == INSN_ID_lbu || d->id == INSN_ID_lh ||
	    d->id == INSN_ID_lhu || d->id == INSN_ID_lw || d->id == INSN_ID_ll ||
	    d->id == INSN_ID_lwl || d->id == INSN_ID_lwr)
		d->flags |= INSN_F_MM_LOAD;
	return mn;
}
