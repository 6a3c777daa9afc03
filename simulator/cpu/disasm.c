/* SPDX-License-Identifier: Apache-2.0 */
/* disasm.c - MIPS32r2 (+ FPU incl. paired single, + VZ) disassembler.
 *
 * One switch per opcode table of the MIPS32 manuals (Vol. II, appendix A).
 * The text matches GNU objdump's for the same word, aliases included (nop,
 * move, li, b, beqz, neg, ...), so traces read like `objdump -d`; see the
 * trace section of docs/simulator-cli.md for the few deliberate differences.
 * Not part of the hot path: only traces and tools call it. */
#include "disasm.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static const char *const gpr_names[32] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
	"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
};

const char *disasm_gpr_name(unsigned n) { return gpr_names[n & 31]; }

/* Output under construction: snprintf semantics over the whole text. */
struct out {
	char *buf;
	size_t len, pos;
};

static void vput(struct out *o, const char *fmt, va_list ap)
{
	size_t room = o->pos < o->len ? o->len - o->pos : 0;
	int n = vsnprintf(room ? o->buf + o->pos : NULL, room, fmt, ap);
	if (n > 0)
		o->pos += (size_t)n;
}

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vput(o, fmt, ap);
	va_end(ap);
}

/* The mnemonic, then (if fmt) the operands after padding to 8 columns. */
static void insn(struct out *o, const char *mn, const char *fmt, ...)
{
	va_list ap;
	if (!fmt) {
		put(o, "%s", mn);
		return;
	}
	put(o, "%-7s ", mn);
	va_start(ap, fmt);
	vput(o, fmt, ap);
	va_end(ap);
}

static void word(struct out *o, uint32_t w) { insn(o, ".word", "0x%x", w); }

#define G(n) gpr_names[(n) & 31]

/* Fields of word w (names of the MIPS32 manuals). */
#define F_OP(w)  ((w) >> 26)
#define F_RS(w)  (((w) >> 21) & 31)
#define F_RT(w)  (((w) >> 16) & 31)
#define F_RD(w)  (((w) >> 11) & 31)
#define F_SA(w)  (((w) >> 6) & 31)
#define F_FN(w)  ((w) & 63)
#define F_SIMM(w) ((int32_t)(int16_t)((w) & 0xFFFF))
#define F_UIMM(w) ((w) & 0xFFFFu)

static uint32_t branch_target(uint32_t pc, uint32_t w)
{
	return pc + 4 + ((uint32_t)F_SIMM(w) << 2);
}

/* ---- CP0 register names (objdump's mips32r2 set) ----------------------- */

/* Names for select 0..7; NULL = none. */
static const char *const cp0_names[32][8] = {
	[0] = { "c0_index", "c0_mvpcontrol", "c0_mvpconf0", "c0_mvpconf1" },
	[1] = { "c0_random", "c0_vpecontrol", "c0_vpeconf0", "c0_vpeconf1",
		"c0_yqmask", "c0_vpeschedule", "c0_vpeschefback" },
	[2] = { "c0_entrylo0", "c0_tcstatus", "c0_tcbind", "c0_tcrestart",
		"c0_tchalt", "c0_tccontext", "c0_tcschedule", "c0_tcschefback" },
	[3] = { "c0_entrylo1" },
	[4] = { "c0_context", "c0_contextconfig" },
	[5] = { "c0_pagemask", "c0_pagegrain" },
	[6] = { "c0_wired", "c0_srsconf0", "c0_srsconf1", "c0_srsconf2",
		"c0_srsconf3", "c0_srsconf4" },
	[7] = { "c0_hwrena" },
	[8] = { "c0_badvaddr" },
	[9] = { "c0_count" },
	[10] = { "c0_entryhi" },
	[11] = { "c0_compare" },
	[12] = { "c0_status", "c0_intctl", "c0_srsctl", "c0_srsmap" },
	[13] = { "c0_cause" },
	[14] = { "c0_epc" },
	[15] = { "c0_prid", "c0_ebase" },
	[16] = { "c0_config", "c0_config1", "c0_config2", "c0_config3" },
	[17] = { "c0_lladdr" },
	[18] = { "c0_watchlo" },
	[19] = { "c0_watchhi" },
	[20] = { "c0_xcontext" },
	[23] = { "c0_debug", "c0_tracecontrol", "c0_tracecontrol2",
		 "c0_usertracedata", "c0_tracebpc" },
	[24] = { "c0_depc" },
	[25] = { "c0_perfcnt" },
	[26] = { "c0_errctl" },
	[27] = { "c0_cacheerr" },
	[28] = { "c0_taglo", "c0_datalo", "c0_taglo1", "c0_datalo1",
		 "c0_taglo2", "c0_datalo2", "c0_taglo3", "c0_datalo3" },
	[29] = { "c0_taghi", "c0_datahi", "c0_taghi1", "c0_datahi1",
		 "c0_taghi2", "c0_datahi2", "c0_taghi3", "c0_datahi3" },
	[30] = { "c0_errorepc" },
	[31] = { "c0_desave" },
};

/* "c0_status", "c0_watchlo,3" (registers with numbered instances),
 * "$22,1" (no name). */
void disasm_cp0_name(char *s, size_t n, unsigned reg, unsigned sel)
{
	const char *name = cp0_names[reg][sel];
	bool instances = reg == 18 || reg == 19 || reg == 25 || (reg == 27 && sel < 4);
	if (name)
		snprintf(s, n, "%s", name);
	else if (instances)
		snprintf(s, n, "%s,%u", cp0_names[reg][0], sel);
	else if (sel)
		snprintf(s, n, "$%u,%u", reg, sel);
	else
		snprintf(s, n, "$%u", reg);
}

static const char *const hwr_names[4] = { "hwr_cpunum", "hwr_synci_step", "hwr_cc", "hwr_ccres" };

void disasm_hwr_name(char *s, size_t n, unsigned reg)
{
	if (reg < 4)
		snprintf(s, n, "%s", hwr_names[reg]);
	else
		snprintf(s, n, "$%u", reg);
}

/* ---- SPECIAL ------------------------------------------------------------ */

static void dis_special(struct out *o, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w), sa = F_SA(w);
	static const char *const alu3[64] = {
		[32] = "add", [33] = "addu", [34] = "sub", [35] = "subu", [36] = "and",
		[37] = "or", [38] = "xor", [39] = "nor", [42] = "slt", [43] = "sltu",
		[10] = "movz", [11] = "movn",
	};
	static const char *const traps[64] = {
		[48] = "tge", [49] = "tgeu", [50] = "tlt", [51] = "tltu", [52] = "teq", [54] = "tne",
	};
	unsigned fn = F_FN(w);

	switch (fn) {
	case 0: case 2: case 3: { /* shifts by sa */
		const char *mn = fn == 0 ? "sll" : fn == 3 ? "sra" : rs == 1 ? "ror" : "srl";
		if (rs != 0 && !(fn == 2 && rs == 1))
			break;
		if (fn == 0 && rd == 0 && rt == 0 && rs == 0) {
			static const char *const nops[32] = { [0] = "nop", [1] = "ssnop", [3] = "ehb", [5] = "pause" };
			if (nops[sa]) {
				insn(o, nops[sa], NULL);
				return;
			}
		}
		insn(o, mn, "%s,%s,0x%x", G(rd), G(rt), sa);
		return;
	}
	case 1: /* MOVCI */
		if ((w & 0x000207C0u) == 0) {
			insn(o, (rt & 1) ? "movt" : "movf", "%s,%s,$fcc%u", G(rd), G(rs), rt >> 2);
			return;
		}
		break;
	case 4: case 6: case 7: { /* shifts by register */
		const char *mn = fn == 4 ? "sllv" : fn == 7 ? "srav" : sa == 1 ? "rorv" : "srlv";
		if (sa != 0 && !(fn == 6 && sa == 1))
			break;
		insn(o, mn, "%s,%s,%s", G(rd), G(rt), G(rs));
		return;
	}
	case 8: /* JR, JR.HB */
		if ((w & 0x001FF800u) == 0 && (sa == 0 || sa == 16)) {
			insn(o, sa ? "jr.hb" : "jr", "%s", G(rs));
			return;
		}
		break;
	case 9: /* JALR, JALR.HB */
		if (rt == 0 && (sa == 0 || sa == 16)) {
			const char *mn = sa ? "jalr.hb" : "jalr";
			if (rd == 31)
				insn(o, mn, "%s", G(rs));
			else
				insn(o, mn, "%s,%s", G(rd), G(rs));
			return;
		}
		break;
	case 12: /* SYSCALL */
		if ((w >> 6) & 0xFFFFF)
			insn(o, "syscall", "0x%x", (w >> 6) & 0xFFFFF);
		else
			insn(o, "syscall", NULL);
		return;
	case 13: /* BREAK */
		if ((w >> 6) & 0x3FF)
			insn(o, "break", "0x%x,0x%x", (w >> 16) & 0x3FF, (w >> 6) & 0x3FF);
		else if ((w >> 16) & 0x3FF)
			insn(o, "break", "0x%x", (w >> 16) & 0x3FF);
		else
			insn(o, "break", NULL);
		return;
	case 15: /* SYNC */
		if ((w & 0x03FFF800u) == 0) {
			static const char *const kinds[32] = {
				[0] = "sync", [4] = "sync_wmb", [16] = "sync_mb", [17] = "sync_acquire",
				[18] = "sync_release", [19] = "sync_rmb",
			};
			if (kinds[sa])
				insn(o, kinds[sa], NULL);
			else
				insn(o, "sync", "0x%x", sa);
			return;
		}
		break;
	case 16: case 18: /* MFHI, MFLO (DSP: accumulator in rs[1:0]) */
		if ((w & 0x039F07C0u) == 0) {
			if (rs)
				insn(o, fn == 16 ? "mfhi" : "mflo", "%s,$ac%u", G(rd), rs);
			else
				insn(o, fn == 16 ? "mfhi" : "mflo", "%s", G(rd));
			return;
		}
		break;
	case 17: case 19: /* MTHI, MTLO (DSP: accumulator in rd[1:0]) */
		if ((w & 0x001FE7C0u) == 0) {
			if (rd)
				insn(o, fn == 17 ? "mthi" : "mtlo", "%s,$ac%u", G(rs), rd);
			else
				insn(o, fn == 17 ? "mthi" : "mtlo", "%s", G(rs));
			return;
		}
		break;
	case 24: case 25: /* MULT(U) (DSP: accumulator in rd[1:0]) */
		if ((w & 0xE7C0u) == 0 && rd) {
			insn(o, fn == 24 ? "mult" : "multu", "$ac%u,%s,%s", rd, G(rs), G(rt));
			return;
		}
		/* fall through */
	case 26: case 27: /* DIV(U) */
		if ((w & 0xFFC0u) == 0) {
			static const char *const mdu[4] = { "mult", "multu", "div", "divu" };
			if (fn >= 26)
				insn(o, mdu[fn - 24], "zero,%s,%s", G(rs), G(rt));
			else
				insn(o, mdu[fn - 24], "%s,%s", G(rs), G(rt));
			return;
		}
		break;
	default:
		if (alu3[fn] && sa == 0) {
			if ((fn == 33 || fn == 37) && rt == 0) {
				insn(o, "move", "%s,%s", G(rd), G(rs));
				return;
			}
			if ((fn == 34 || fn == 35) && rs == 0) {
				insn(o, fn == 34 ? "neg" : "negu", "%s,%s", G(rd), G(rt));
				return;
			}
			insn(o, alu3[fn], "%s,%s,%s", G(rd), G(rs), G(rt));
			return;
		}
		if (traps[fn]) {
			if (w & 0xFFC0u)
				insn(o, traps[fn], "%s,%s,0x%x", G(rs), G(rt), (w >> 6) & 0x3FF);
			else
				insn(o, traps[fn], "%s,%s", G(rs), G(rt));
			return;
		}
		break;
	}
	word(o, w);
}

/* ---- REGIMM --------------------------------------------------------------- */

static void dis_regimm(struct out *o, uint32_t pc, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w);
	static const char *const branches[32] = {
		[0] = "bltz", [1] = "bgez", [2] = "bltzl", [3] = "bgezl",
		[16] = "bltzal", [17] = "bgezal", [18] = "bltzall", [19] = "bgezall",
	};
	static const char *const traps[32] = {
		[8] = "tgei", [9] = "tgeiu", [10] = "tlti", [11] = "tltiu", [12] = "teqi", [14] = "tnei",
	};
	if (branches[rt]) {
		uint32_t t = branch_target(pc, w);
		if (rs == 0 && rt == 1)
			insn(o, "b", "0x%x", t);
		else if (rs == 0 && rt == 17)
			insn(o, "bal", "0x%x", t);
		else
			insn(o, branches[rt], "%s,0x%x", G(rs), t);
	} else if (traps[rt]) {
		insn(o, traps[rt], "%s,%d", G(rs), F_SIMM(w));
	} else if (rt == 31) {
		insn(o, "synci", "%d(%s)", F_SIMM(w), G(rs));
	} else if (rt == 28 && rs == 0) { /* DSP */
		insn(o, "bposge32", "0x%x", branch_target(pc, w));
	} else {
		word(o, w);
	}
}

/* ---- COP0 ------------------------------------------------------------------ */

static void dis_cop0(struct out *o, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w);
	char reg[32];
	if (rs & 16) { /* CO = 1 */
		static const char *const ops[64] = {
			[1] = "tlbr", [2] = "tlbwi", [3] = "tlbinv", [4] = "tlbinvf", [6] = "tlbwr",
			[8] = "tlbp", [24] = "eret",
			[31] = "deret", [9] = "tlbgr", [10] = "tlbgwi", [11] = "tlbginv",
			[12] = "tlbginvf", [14] = "tlbgwr", [16] = "tlbgp",
		};
		unsigned fn = F_FN(w);
		if (fn == 32) { /* WAIT: implementation-defined code */
			if ((w >> 6) & 0x7FFFF)
				insn(o, "wait", "0x%x", (w >> 6) & 0x7FFFF);
			else
				insn(o, "wait", NULL);
			return;
		}
		if (fn == 40 && (w & 0x01E007C0u) == 0) { /* HYPCALL */
			if ((w >> 11) & 0x3FF)
				insn(o, "hypcall", "0x%x", (w >> 11) & 0x3FF);
			else
				insn(o, "hypcall", NULL);
			return;
		}
		if (ops[fn] && (w & 0x01FFFFC0u) == 0) {
			insn(o, ops[fn], NULL);
			return;
		}
		insn(o, "c0", "0x%x", w & 0x1FFFFFFu);
		return;
	}
	switch (rs) {
	case 0: case 4: /* MFC0, MTC0 */
		if ((w & 0x7F8) == 0) {
			disasm_cp0_name(reg, sizeof reg, rd, w & 7);
			insn(o, rs ? "mtc0" : "mfc0", "%s,%s", G(rt), reg);
			return;
		}
		break;
	case 3: /* MFGC0, MTGC0 (VZ) */
		if ((w & 0x7F8) == 0 || (w & 0x7F8) == 0x200) {
			disasm_cp0_name(reg, sizeof reg, rd, w & 7);
			insn(o, (w & 0x200) ? "mtgc0" : "mfgc0", "%s,%s", G(rt), reg);
			return;
		}
		break;
	case 10: case 14: /* RDPGPR, WRPGPR */
		if ((w & 0x7FF) == 0) {
			insn(o, rs == 10 ? "rdpgpr" : "wrpgpr", "%s,%s", G(rd), G(rt));
			return;
		}
		break;
	case 11: /* MFMC0: DI, EI */
		if (rd == 12 && (w & 0x7DF) == 0) {
			const char *mn = (w & 0x20) ? "ei" : "di";
			if (rt)
				insn(o, mn, "%s", G(rt));
			else
				insn(o, mn, NULL);
			return;
		}
		break;
	}
	word(o, w);
}

/* ---- COP1 and COP1X -------------------------------------------------------- */

enum { FMT_S = 16, FMT_D = 17, FMT_W = 20, FMT_L = 21, FMT_PS = 22 };

static char fmt_letter(unsigned fmt)
{
	switch (fmt) {
	case FMT_S: return 's';
	case FMT_D: return 'd';
	case FMT_W: return 'w';
	case FMT_L: return 'l';
	default: return 0;
	}
}

/* Arithmetic, move and conversion operations of the fmt tables. */
static bool dis_cop1_fmt(struct out *o, uint32_t w)
{
	unsigned fmt = F_RS(w), ft = F_RT(w), fs = F_RD(w), fd = F_SA(w), fn = F_FN(w);
	const char *sfx = fmt == FMT_S ? "s" : fmt == FMT_D ? "d" : fmt == FMT_PS ? "ps" :
			  fmt == FMT_W ? "w" : fmt == FMT_L ? "l" : NULL;
	bool sd = fmt == FMT_S || fmt == FMT_D, sdps = sd || fmt == FMT_PS;
	char mn[16];
	static const char *const three[4] = { "add", "sub", "mul", "div" };
	static const char *const two[64] = {
		[4] = "sqrt", [5] = "abs", [6] = "mov", [7] = "neg",
		[8] = "round.l", [9] = "trunc.l", [10] = "ceil.l", [11] = "floor.l",
		[12] = "round.w", [13] = "trunc.w", [14] = "ceil.w", [15] = "floor.w",
		[21] = "recip", [22] = "rsqrt",
	};
	static const char *const conds[16] = {
		"f", "un", "eq", "ueq", "olt", "ult", "ole", "ule",
		"sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt",
	};
	if (!sfx)
		return false;
	if (fn < 4 && (sd || (fmt == FMT_PS && fn < 3))) {
		snprintf(mn, sizeof mn, "%s.%s", three[fn], sfx);
		insn(o, mn, "$f%u,$f%u,$f%u", fd, fs, ft);
		return true;
	}
	if (two[fn] && ft == 0 && (sd || (fmt == FMT_PS && fn >= 5 && fn <= 7))) {
		snprintf(mn, sizeof mn, "%s.%s", two[fn], sfx);
		insn(o, mn, "$f%u,$f%u", fd, fs);
		return true;
	}
	if (fn == 17 && sdps && !(ft & 2)) { /* MOVF/MOVT.fmt */
		snprintf(mn, sizeof mn, "%s.%s", (ft & 1) ? "movt" : "movf", sfx);
		insn(o, mn, "$f%u,$f%u,$fcc%u", fd, fs, ft >> 2);
		return true;
	}
	if ((fn == 18 || fn == 19) && sdps) {
		snprintf(mn, sizeof mn, "%s.%s", fn == 18 ? "movz" : "movn", sfx);
		insn(o, mn, "$f%u,$f%u,%s", fd, fs, G(ft));
		return true;
	}
	if (fn >= 32 && fn <= 37 && fn != 34 && fn != 35 && ft == 0) { /* CVT.x.fmt */
		static const char to[] = { 's', 'd', 0, 0, 'w', 'l' };
		char dst = to[fn - 32];
		bool ok = fmt_letter(fmt) && fmt_letter(fmt) != dst &&
			  !((dst == 'w' || dst == 'l') && !sd);
		if (fmt == FMT_PS && fn == 32) { /* CVT.S.PU */
			insn(o, "cvt.s.pu", "$f%u,$f%u", fd, fs);
			return true;
		}
		if (ok) {
			snprintf(mn, sizeof mn, "cvt.%c.%s", dst, sfx);
			insn(o, mn, "$f%u,$f%u", fd, fs);
			return true;
		}
		return false;
	}
	if (fn == 38 && fmt == FMT_S) {
		insn(o, "cvt.ps.s", "$f%u,$f%u,$f%u", fd, fs, ft);
		return true;
	}
	if (fmt == FMT_PS && fn == 40 && ft == 0) {
		insn(o, "cvt.s.pl", "$f%u,$f%u", fd, fs);
		return true;
	}
	if (fmt == FMT_PS && fn >= 44 && fn <= 47) {
		static const char *const pairs[4] = { "pll.ps", "plu.ps", "pul.ps", "puu.ps" };
		insn(o, pairs[fn - 44], "$f%u,$f%u,$f%u", fd, fs, ft);
		return true;
	}
	if (fn >= 48 && sdps && (fd & 3) == 0) { /* C.cond.fmt; cc in fd[4:2] */
		snprintf(mn, sizeof mn, "c.%s.%s", conds[fn & 15], sfx);
		if (fd >> 2)
			insn(o, mn, "$fcc%u,$f%u,$f%u", fd >> 2, fs, ft);
		else
			insn(o, mn, "$f%u,$f%u", fs, ft);
		return true;
	}
	return false;
}

static void dis_cop1(struct out *o, uint32_t pc, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), fs = F_RD(w);
	static const char *const moves[16] = {
		[0] = "mfc1", [2] = "cfc1", [3] = "mfhc1", [4] = "mtc1", [6] = "ctc1", [7] = "mthc1",
	};
	if (rs < 16 && moves[rs]) {
		if ((w & 0x7FF) == 0) {
			static const char *const fcr[32] = {
				[0] = "c1_fir", [1] = "c1_ufr", [4] = "c1_unfr", [25] = "c1_fccr", [26] = "c1_fexr", [28] = "c1_fenr",
				[31] = "c1_fcsr",
			};
			if ((rs == 2 || rs == 6) && fcr[fs])
				insn(o, moves[rs], "%s,%s", G(rt), fcr[fs]);
			else if (rs == 2 || rs == 6)
				insn(o, moves[rs], "%s,$%u", G(rt), fs);
			else
				insn(o, moves[rs], "%s,$f%u", G(rt), fs);
			return;
		}
	} else if (rs == 8) { /* BC1 */
		static const char *const bc[4] = { "bc1f", "bc1t", "bc1fl", "bc1tl" };
		uint32_t t = branch_target(pc, w);
		if (rt >> 2)
			insn(o, bc[rt & 3], "$fcc%u,0x%x", rt >> 2, t);
		else
			insn(o, bc[rt & 3], "0x%x", t);
		return;
	} else if (rs >= 16) {
		if (!dis_cop1_fmt(o, w)) /* objdump's catch-all for COP1 operations */
			insn(o, "c1", "0x%x", w & 0x1FFFFFFu);
		return;
	}
	word(o, w);
}

/* COP2 has no unit on the M5150; the encodings are still named. */
static void dis_cop2(struct out *o, uint32_t pc, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w);
	static const char *const moves[16] = {
		[0] = "mfc2", [2] = "cfc2", [3] = "mfhc2", [4] = "mtc2", [6] = "ctc2", [7] = "mthc2",
	};
	if (rs & 16) {
		insn(o, "c2", "0x%x", w & 0x1FFFFFFu);
	} else if ((rs == 3 || rs == 7) && (w & 0x7F8) != 0) { /* MFHC2, MTHC2 */
		insn(o, moves[rs], "%s,0x%x", G(rt), F_UIMM(w)); /* a 16-bit implementation field */
	} else if (moves[rs] && ((w & 0x7FF) == 0 || ((w & 0x7F8) == 0 && rs != 2 && rs != 6))) {
		if (w & 7)
			insn(o, moves[rs], "%s,$%u,%u", G(rt), rd, w & 7);
		else
			insn(o, moves[rs], "%s,$%u", G(rt), rd);
	} else if (rs == 8) {
		static const char *const bc[4] = { "bc2f", "bc2t", "bc2fl", "bc2tl" };
		uint32_t t = branch_target(pc, w);
		if (rt >> 2)
			insn(o, bc[rt & 3], "$cc%u,0x%x", rt >> 2, t);
		else
			insn(o, bc[rt & 3], "0x%x", t);
	} else {
		word(o, w);
	}
}

static void dis_cop1x(struct out *o, uint32_t w)
{
	unsigned base = F_RS(w), index = F_RT(w), fs = F_RD(w), fd = F_SA(w), fn = F_FN(w);
	static const char *const loads[16] = {
		[0] = "lwxc1", [1] = "ldxc1", [5] = "luxc1",
		[8] = "swxc1", [9] = "sdxc1", [13] = "suxc1",
	};
	if (fn < 16 && loads[fn]) {
		bool store = fn >= 8;
		if ((store ? fd : fs) == 0) {
			insn(o, loads[fn], "$f%u,%s(%s)", store ? fs : fd, G(index), G(base));
			return;
		}
	} else if (fn == 15 && fd == 0) {
		insn(o, "prefx", "0x%x,%s(%s)", fs, G(index), G(base));
		return;
	} else if (fn == 30) {
		insn(o, "alnv.ps", "$f%u,$f%u,$f%u,%s", fd, fs, index, G(base));
		return;
	} else if (fn >= 32) {
		static const char *const ops[4] = { "madd", "msub", "nmadd", "nmsub" };
		static const char *const sfx[8] = { "s", "d", NULL, NULL, NULL, NULL, "ps", NULL };
		char mn[16];
		if (sfx[fn & 7] && (fn >> 3) >= 4) {
			snprintf(mn, sizeof mn, "%s.%s", ops[(fn >> 3) - 4], sfx[fn & 7]);
			insn(o, mn, "$f%u,$f%u,$f%u,$f%u", fd, base, fs, index);
			return;
		}
	}
	word(o, w);
}

/* ---- DSP ASE r2 (SPECIAL3 and friends) -------------------------------- */

/* Operand shapes of the DSP instructions (objdump's order and bases). */
enum dsp_form {
	D_DST,     /* rd,rs,rt */
	D_DS,      /* rd,rs (rt = 0) */
	D_DT,      /* rd,rt (rs = 0) */
	D_ST,      /* rs,rt (rd = 0): compares */
	D_DTSA3,   /* rd,rt,sa: shift in rs[2:0] */
	D_DTSA4,   /* rd,rt,sa: shift in rs[3:0] */
	D_DTSA5,   /* rd,rt,sa: shift in rs */
	D_DTS,     /* rd,rt,rs */
	D_REPLQB,  /* rd,imm8 */
	D_REPLPH,  /* rd,simm10 */
	D_ACST,    /* $acN,rs,rt */
	D_TSSA,    /* rt,rs,sa (sa in rd) */
	D_TSBP,    /* rt,rs,bp (bp in rd[1:0]) */
	D_EXTR,    /* rt,$acN,shift (shift in rs) */
	D_EXTRV,   /* rt,$acN,rs */
	D_RDDSP,   /* rd,mask */
	D_WRDSP,   /* rs,mask */
	D_SHILO,   /* $acN,simm6 */
	D_SHILOV,  /* $acN,rs */
	D_MTHLIP,  /* rs,$acN */
	D_LX,      /* rd,rt(rs) */
	D_INSV,    /* rt,rs */
};

struct dsp_insn {
	uint8_t fn, op; /* function field, and the op in sa */
	uint8_t form;
	const char *name;
};

static const struct dsp_insn dsp_insns[] = {
	/* ADDU.QB */
	{ 0x10, 0, D_DST, "addu.qb" }, { 0x10, 1, D_DST, "subu.qb" },
	{ 0x10, 4, D_DST, "addu_s.qb" }, { 0x10, 5, D_DST, "subu_s.qb" },
	{ 0x10, 6, D_DST, "muleu_s.ph.qbl" }, { 0x10, 7, D_DST, "muleu_s.ph.qbr" },
	{ 0x10, 8, D_DST, "addu.ph" }, { 0x10, 9, D_DST, "subu.ph" },
	{ 0x10, 10, D_DST, "addq.ph" }, { 0x10, 11, D_DST, "subq.ph" },
	{ 0x10, 12, D_DST, "addu_s.ph" }, { 0x10, 13, D_DST, "subu_s.ph" },
	{ 0x10, 14, D_DST, "addq_s.ph" }, { 0x10, 15, D_DST, "subq_s.ph" },
	{ 0x10, 16, D_DST, "addsc" }, { 0x10, 17, D_DST, "addwc" }, { 0x10, 18, D_DST, "modsub" },
	{ 0x10, 20, D_DS, "raddu.w.qb" }, { 0x10, 22, D_DST, "addq_s.w" }, { 0x10, 23, D_DST, "subq_s.w" },
	{ 0x10, 28, D_DST, "muleq_s.w.phl" }, { 0x10, 29, D_DST, "muleq_s.w.phr" },
	{ 0x10, 30, D_DST, "mulq_s.ph" }, { 0x10, 31, D_DST, "mulq_rs.ph" },
	/* CMPU.EQ.QB */
	{ 0x11, 0, D_ST, "cmpu.eq.qb" }, { 0x11, 1, D_ST, "cmpu.lt.qb" }, { 0x11, 2, D_ST, "cmpu.le.qb" },
	{ 0x11, 3, D_DST, "pick.qb" }, { 0x11, 4, D_DST, "cmpgu.eq.qb" },
	{ 0x11, 5, D_DST, "cmpgu.lt.qb" }, { 0x11, 6, D_DST, "cmpgu.le.qb" },
	{ 0x11, 8, D_ST, "cmp.eq.ph" }, { 0x11, 9, D_ST, "cmp.lt.ph" }, { 0x11, 10, D_ST, "cmp.le.ph" },
	{ 0x11, 11, D_DST, "pick.ph" }, { 0x11, 12, D_DST, "precrq.qb.ph" },
	{ 0x11, 13, D_DST, "precr.qb.ph" }, { 0x11, 14, D_DST, "packrl.ph" },
	{ 0x11, 15, D_DST, "precrqu_s.qb.ph" }, { 0x11, 20, D_DST, "precrq.ph.w" },
	{ 0x11, 21, D_DST, "precrq_rs.ph.w" }, { 0x11, 24, D_DST, "cmpgdu.eq.qb" },
	{ 0x11, 25, D_DST, "cmpgdu.lt.qb" }, { 0x11, 26, D_DST, "cmpgdu.le.qb" },
	{ 0x11, 30, D_TSSA, "precr_sra.ph.w" }, { 0x11, 31, D_TSSA, "precr_sra_r.ph.w" },
	/* ABSQ_S.PH */
	{ 0x12, 1, D_DT, "absq_s.qb" }, { 0x12, 2, D_REPLQB, "repl.qb" }, { 0x12, 3, D_DT, "replv.qb" },
	{ 0x12, 4, D_DT, "precequ.ph.qbl" }, { 0x12, 5, D_DT, "precequ.ph.qbr" },
	{ 0x12, 6, D_DT, "precequ.ph.qbla" }, { 0x12, 7, D_DT, "precequ.ph.qbra" },
	{ 0x12, 9, D_DT, "absq_s.ph" }, { 0x12, 10, D_REPLPH, "repl.ph" }, { 0x12, 11, D_DT, "replv.ph" },
	{ 0x12, 12, D_DT, "preceq.w.phl" }, { 0x12, 13, D_DT, "preceq.w.phr" },
	{ 0x12, 17, D_DT, "absq_s.w" }, { 0x12, 28, D_DT, "preceu.ph.qbl" },
	{ 0x12, 29, D_DT, "preceu.ph.qbr" }, { 0x12, 30, D_DT, "preceu.ph.qbla" },
	{ 0x12, 31, D_DT, "preceu.ph.qbra" }, { 0x12, 27, D_DT, "bitrev" },
	/* SHLL.QB */
	{ 0x13, 0, D_DTSA3, "shll.qb" }, { 0x13, 1, D_DTSA3, "shrl.qb" },
	{ 0x13, 2, D_DTS, "shllv.qb" }, { 0x13, 3, D_DTS, "shrlv.qb" },
	{ 0x13, 4, D_DTSA3, "shra.qb" }, { 0x13, 5, D_DTSA3, "shra_r.qb" },
	{ 0x13, 6, D_DTS, "shrav.qb" }, { 0x13, 7, D_DTS, "shrav_r.qb" },
	{ 0x13, 8, D_DTSA4, "shll.ph" }, { 0x13, 9, D_DTSA4, "shra.ph" },
	{ 0x13, 10, D_DTS, "shllv.ph" }, { 0x13, 11, D_DTS, "shrav.ph" },
	{ 0x13, 12, D_DTSA4, "shll_s.ph" }, { 0x13, 13, D_DTSA4, "shra_r.ph" },
	{ 0x13, 14, D_DTS, "shllv_s.ph" }, { 0x13, 15, D_DTS, "shrav_r.ph" },
	{ 0x13, 20, D_DTSA5, "shll_s.w" }, { 0x13, 21, D_DTSA5, "shra_r.w" },
	{ 0x13, 22, D_DTS, "shllv_s.w" }, { 0x13, 23, D_DTS, "shrav_r.w" },
	{ 0x13, 25, D_DTSA4, "shrl.ph" }, { 0x13, 27, D_DTS, "shrlv.ph" },
	/* ADDUH.QB */
	{ 0x18, 0, D_DST, "adduh.qb" }, { 0x18, 1, D_DST, "subuh.qb" },
	{ 0x18, 2, D_DST, "adduh_r.qb" }, { 0x18, 3, D_DST, "subuh_r.qb" },
	{ 0x18, 8, D_DST, "addqh.ph" }, { 0x18, 9, D_DST, "subqh.ph" },
	{ 0x18, 10, D_DST, "addqh_r.ph" }, { 0x18, 11, D_DST, "subqh_r.ph" },
	{ 0x18, 12, D_DST, "mul.ph" }, { 0x18, 14, D_DST, "mul_s.ph" },
	{ 0x18, 16, D_DST, "addqh.w" }, { 0x18, 17, D_DST, "subqh.w" },
	{ 0x18, 18, D_DST, "addqh_r.w" }, { 0x18, 19, D_DST, "subqh_r.w" },
	{ 0x18, 22, D_DST, "mulq_s.w" }, { 0x18, 23, D_DST, "mulq_rs.w" },
	/* DPA.W.PH */
	{ 0x30, 0, D_ACST, "dpa.w.ph" }, { 0x30, 1, D_ACST, "dps.w.ph" },
	{ 0x30, 2, D_ACST, "mulsa.w.ph" }, { 0x30, 3, D_ACST, "dpau.h.qbl" },
	{ 0x30, 4, D_ACST, "dpaq_s.w.ph" }, { 0x30, 5, D_ACST, "dpsq_s.w.ph" },
	{ 0x30, 6, D_ACST, "mulsaq_s.w.ph" }, { 0x30, 7, D_ACST, "dpau.h.qbr" },
	{ 0x30, 8, D_ACST, "dpax.w.ph" }, { 0x30, 9, D_ACST, "dpsx.w.ph" },
	{ 0x30, 11, D_ACST, "dpsu.h.qbl" }, { 0x30, 12, D_ACST, "dpaq_sa.l.w" },
	{ 0x30, 13, D_ACST, "dpsq_sa.l.w" }, { 0x30, 15, D_ACST, "dpsu.h.qbr" },
	{ 0x30, 16, D_ACST, "maq_sa.w.phl" }, { 0x30, 18, D_ACST, "maq_sa.w.phr" },
	{ 0x30, 20, D_ACST, "maq_s.w.phl" }, { 0x30, 22, D_ACST, "maq_s.w.phr" },
	{ 0x30, 24, D_ACST, "dpaqx_s.w.ph" }, { 0x30, 25, D_ACST, "dpsqx_s.w.ph" },
	{ 0x30, 26, D_ACST, "dpaqx_sa.w.ph" }, { 0x30, 27, D_ACST, "dpsqx_sa.w.ph" },
	/* APPEND */
	{ 0x31, 0, D_TSSA, "append" }, { 0x31, 1, D_TSSA, "prepend" }, { 0x31, 16, D_TSBP, "balign" },
	/* EXTR.W */
	{ 0x38, 0, D_EXTR, "extr.w" }, { 0x38, 1, D_EXTRV, "extrv.w" },
	{ 0x38, 2, D_EXTR, "extp" }, { 0x38, 3, D_EXTRV, "extpv" },
	{ 0x38, 4, D_EXTR, "extr_r.w" }, { 0x38, 5, D_EXTRV, "extrv_r.w" },
	{ 0x38, 6, D_EXTR, "extr_rs.w" }, { 0x38, 7, D_EXTRV, "extrv_rs.w" },
	{ 0x38, 10, D_EXTR, "extpdp" }, { 0x38, 11, D_EXTRV, "extpdpv" },
	{ 0x38, 14, D_EXTR, "extr_s.h" }, { 0x38, 15, D_EXTRV, "extrv_s.h" },
	{ 0x38, 18, D_RDDSP, "rddsp" }, { 0x38, 19, D_WRDSP, "wrdsp" },
	{ 0x38, 26, D_SHILO, "shilo" }, { 0x38, 27, D_SHILOV, "shilov" }, { 0x38, 31, D_MTHLIP, "mthlip" },
	/* LX, INSV */
	{ 0x0A, 0, D_LX, "lwx" }, { 0x0A, 4, D_LX, "lhx" }, { 0x0A, 6, D_LX, "lbux" },
	{ 0x0C, 0, D_INSV, "insv" },
};

static const struct dsp_insn *dsp_find(uint32_t w)
{
	if (F_OP(w) != 31)
		return NULL;
	for (size_t i = 0; i < sizeof dsp_insns / sizeof dsp_insns[0]; i++)
		if (dsp_insns[i].fn == F_FN(w) && dsp_insns[i].op == F_SA(w))
			return &dsp_insns[i];
	return NULL;
}

/* The fields each form leaves unused must be zero. */
static bool dsp_fields_ok(const struct dsp_insn *e, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w);
	switch (e->form) {
	case D_DS: return rt == 0;
	case D_DT: return rs == 0;
	case D_ST: return rd == 0;
	case D_DTSA3: return (rs & 0x18) == 0;
	case D_DTSA4: return (rs & 0x10) == 0;
	case D_REPLQB: return (rs & 0x18) == 0;
	case D_ACST: case D_EXTR: case D_EXTRV:
		return (rd & 0x1C) == 0;
	case D_SHILOV: case D_MTHLIP:
		return (rd & 0x1C) == 0 && rt == 0;
	case D_TSBP: return (rd & 0x1C) == 0;
	case D_SHILO: return (w & 0x000FE000u) == 0; /* rt[3:0], rd[4:2] */
	case D_INSV: return rd == 0;
	case D_WRDSP: return (rt & 0x1E) == 0; /* a 6-bit mask */
	case D_RDDSP: return (rs & 0x1E) == 0;
	default: return true;
	}
}

static bool dis_dsp(struct out *o, uint32_t w)
{
	const struct dsp_insn *e = dsp_find(w);
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w), ac = rd & 3;
	if (!e || !dsp_fields_ok(e, w))
		return false;
	switch (e->form) {
	case D_DST: insn(o, e->name, "%s,%s,%s", G(rd), G(rs), G(rt)); break;
	case D_DS: insn(o, e->name, "%s,%s", G(rd), G(rs)); break;
	case D_DT: insn(o, e->name, "%s,%s", G(rd), G(rt)); break;
	case D_ST: insn(o, e->name, "%s,%s", G(rs), G(rt)); break;
	case D_DTSA3: case D_DTSA4: case D_DTSA5:
		insn(o, e->name, "%s,%s,0x%x", G(rd), G(rt), rs); break;
	case D_DTS: insn(o, e->name, "%s,%s,%s", G(rd), G(rt), G(rs)); break;
	case D_REPLQB: insn(o, e->name, "%s,0x%x", G(rd), (w >> 16) & 0xFF); break;
	case D_REPLPH: {
		int v = (int)((w >> 16) & 0x3FF);
		insn(o, e->name, "%s,%d", G(rd), v >= 512 ? v - 1024 : v);
		break;
	}
	case D_ACST: insn(o, e->name, "$ac%u,%s,%s", ac, G(rs), G(rt)); break;
	case D_TSSA: insn(o, e->name, "%s,%s,0x%x", G(rt), G(rs), rd); break;
	case D_TSBP: insn(o, e->name, "%s,%s,0x%x", G(rt), G(rs), ac); break;
	case D_EXTR: insn(o, e->name, "%s,$ac%u,0x%x", G(rt), ac, rs); break;
	case D_EXTRV: insn(o, e->name, "%s,$ac%u,%s", G(rt), ac, G(rs)); break;
	case D_RDDSP: insn(o, e->name, "%s,0x%x", G(rd), (w >> 16) & 0x3FF); break;
	case D_WRDSP: insn(o, e->name, "%s,0x%x", G(rs), (w >> 11) & 0x3FF); break;
	case D_SHILO: {
		int v = (int)((w >> 20) & 0x3F);
		insn(o, e->name, "$ac%u,%d", ac, v >= 32 ? v - 64 : v);
		break;
	}
	case D_SHILOV: insn(o, e->name, "$ac%u,%s", ac, G(rs)); break;
	case D_MTHLIP: insn(o, e->name, "%s,$ac%u", G(rs), ac); break;
	case D_LX: insn(o, e->name, "%s,%s(%s)", G(rd), G(rt), G(rs)); break;
	case D_INSV: insn(o, e->name, "%s,%s", G(rt), G(rs)); break;
	}
	return true;
}

/* The GPR a DSP instruction writes (0: none or not DSP). */
static unsigned dsp_dest(uint32_t w)
{
	const struct dsp_insn *e = dsp_find(w);
	if (!e || !dsp_fields_ok(e, w))
		return 0;
	switch (e->form) {
	case D_ST: case D_ACST: case D_WRDSP: case D_SHILO: case D_SHILOV: case D_MTHLIP:
		return 0;
	case D_TSSA: case D_TSBP: case D_EXTR: case D_EXTRV: case D_INSV:
		return F_RT(w);
	default:
		return F_RD(w);
	}
}

/* ---- SPECIAL2, SPECIAL3 ------------------------------------------------------ */

static void dis_special2(struct out *o, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w), fn = F_FN(w);
	static const char *const acc[8] = { "madd", "maddu", NULL, NULL, "msub", "msubu" };
	if (fn < 8 && acc[fn] && (w & 0xFFC0u) == 0) {
		insn(o, acc[fn], "%s,%s", G(rs), G(rt));
	} else if (fn < 8 && acc[fn] && (w & 0xE7C0u) == 0) { /* DSP accumulator */
		insn(o, acc[fn], "$ac%u,%s,%s", rd, G(rs), G(rt));
	} else if (fn == 2 && F_SA(w) == 0) {
		insn(o, "mul", "%s,%s,%s", G(rd), G(rs), G(rt));
	} else if ((fn == 32 || fn == 33) && F_SA(w) == 0) {
		const char *mn = fn == 32 ? "clz" : "clo";
		if (rd == rt || rt == 0)
			insn(o, mn, "%s,%s", G(rd), G(rs));
		else if (rd == 0)
			insn(o, mn, "%s,%s", G(rt), G(rs));
		else
			insn(o, mn, "%s or %s,%s", G(rd), G(rt), G(rs));
	} else if (fn == 63) {
		if ((w >> 6) & 0xFFFFF)
			insn(o, "sdbbp", "0x%x", (w >> 6) & 0xFFFFF);
		else
			insn(o, "sdbbp", NULL);
	} else {
		word(o, w);
	}
}

static void dis_special3(struct out *o, uint32_t w)
{
	unsigned rs = F_RS(w), rt = F_RT(w), rd = F_RD(w), sa = F_SA(w), fn = F_FN(w);
	if (dis_dsp(o, w))
		return;
	switch (fn) {
	case 0: /* EXT rt, rs, pos, size */
		insn(o, "ext", "%s,%s,0x%x,0x%x", G(rt), G(rs), sa, rd + 1);
		return;
	case 4: /* INS rt, rs, pos, size */
		insn(o, "ins", "%s,%s,0x%x,0x%x", G(rt), G(rs), sa, rd - sa + 1);
		return;
	case 32: /* BSHFL */
		if (rs == 0 && (sa == 2 || sa == 16 || sa == 24)) {
			insn(o, sa == 2 ? "wsbh" : sa == 16 ? "seb" : "seh", "%s,%s", G(rd), G(rt));
			return;
		}
		break;
	case 59: /* RDHWR */
		if (rs == 0 && sa == 0) {
			if (rd < 4)
				insn(o, "rdhwr", "%s,%s", G(rt), hwr_names[rd]);
			else
				insn(o, "rdhwr", "%s,$%u", G(rt), rd);
			return;
		}
		break;
	}
	word(o, w);
}

/* ---- top level ----------------------------------------------------------- */

size_t disasm(uint32_t pc, uint32_t w, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	unsigned op = F_OP(w), rs = F_RS(w), rt = F_RT(w);
	static const char *const mem[64] = {
		[32] = "lb", [33] = "lh", [34] = "lwl", [35] = "lw", [36] = "lbu", [37] = "lhu",
		[38] = "lwr", [40] = "sb", [41] = "sh", [42] = "swl", [43] = "sw", [46] = "swr",
		[48] = "ll", [56] = "sc",
	};
	static const char *const fpmem[64] = {
		[49] = "lwc1", [53] = "ldc1", [57] = "swc1", [61] = "sdc1",
	};
	static const char *const cp2mem[64] = {
		[50] = "lwc2", [54] = "ldc2", [58] = "swc2", [62] = "sdc2",
	};
	static const char *const imm_alu[16] = {
		[8] = "addi", [9] = "addiu", [10] = "slti", [11] = "sltiu",
		[12] = "andi", [13] = "ori", [14] = "xori",
	};

	if (len)
		buf[0] = '\0';
	switch (op) {
	case 0: dis_special(&o, w); break;
	case 1: dis_regimm(&o, pc, w); break;
	case 2: case 3: case 29: { /* J, JAL, JALX */
		uint32_t t = ((pc + 4) & 0xF0000000u) | ((w & 0x03FFFFFFu) << 2);
		insn(&o, op == 2 ? "j" : op == 3 ? "jal" : "jalx", "0x%x", op == 29 ? t | 1 : t);
		break;
	}
	case 4: case 5: case 20: case 21: { /* BEQ, BNE and the likely forms */
		static const char *const names[4][2] = {
			{ "beq", "beqz" }, { "bne", "bnez" }, { "beql", "beqzl" }, { "bnel", "bnezl" },
		};
		unsigned k = (op & 1) | (op >= 20 ? 2 : 0);
		uint32_t t = branch_target(pc, w);
		if (op == 4 && rs == 0 && rt == 0)
			insn(&o, "b", "0x%x", t);
		else if (rt == 0)
			insn(&o, names[k][1], "%s,0x%x", G(rs), t);
		else
			insn(&o, names[k][0], "%s,%s,0x%x", G(rs), G(rt), t);
		break;
	}
	case 6: case 7: case 22: case 23: { /* BLEZ, BGTZ and the likely forms */
		static const char *const names[4] = { "blez", "bgtz", "blezl", "bgtzl" };
		if (rt != 0) {
			word(&o, w);
			break;
		}
		insn(&o, names[(op & 1) | (op >= 22 ? 2 : 0)], "%s,0x%x", G(rs), branch_target(pc, w));
		break;
	}
	case 8: case 9: case 10: case 11: /* signed immediates */
		if (op == 9 && rs == 0)
			insn(&o, "li", "%s,%d", G(rt), F_SIMM(w));
		else
			insn(&o, imm_alu[op], "%s,%s,%d", G(rt), G(rs), F_SIMM(w));
		break;
	case 12: case 13: case 14: /* unsigned immediates */
		if (op == 13 && rs == 0)
			insn(&o, "li", "%s,0x%x", G(rt), F_UIMM(w));
		else
			insn(&o, imm_alu[op], "%s,%s,0x%x", G(rt), G(rs), F_UIMM(w));
		break;
	case 15:
		if (rs == 0)
			insn(&o, "lui", "%s,0x%x", G(rt), F_UIMM(w));
		else
			word(&o, w);
		break;
	case 16: dis_cop0(&o, w); break;
	case 17: dis_cop1(&o, pc, w); break;
	case 18: dis_cop2(&o, pc, w); break;
	case 19: dis_cop1x(&o, w); break;
	case 28: dis_special2(&o, w); break;
	case 31: dis_special3(&o, w); break;
	case 47: insn(&o, "cache", "0x%x,%d(%s)", rt, F_SIMM(w), G(rs)); break;
	case 51: insn(&o, "pref", "0x%x,%d(%s)", rt, F_SIMM(w), G(rs)); break;
	default:
		if (mem[op])
			insn(&o, mem[op], "%s,%d(%s)", G(rt), F_SIMM(w), G(rs));
		else if (fpmem[op])
			insn(&o, fpmem[op], "$f%u,%d(%s)", rt, F_SIMM(w), G(rs));
		else if (cp2mem[op])
			insn(&o, cp2mem[op], "$%u,%d(%s)", rt, F_SIMM(w), G(rs));
		else
			word(&o, w);
		break;
	}
	return o.pos;
}

unsigned disasm_gpr_dest(uint32_t w)
{
	unsigned op = F_OP(w), rs = F_RS(w), rt = F_RT(w), rd = F_RD(w), fn = F_FN(w);
	switch (op) {
	case 0:
		switch (fn) {
		case 0: case 1: case 2: case 3: case 4: case 6: case 7: case 9:
		case 10: case 11: case 16: case 18:
		case 32: case 33: case 34: case 35: case 36: case 37: case 38: case 39:
		case 42: case 43:
			return rd;
		}
		return 0;
	case 1: /* the link of BLTZAL/BGEZAL and their likely forms */
		return (rt >= 16 && rt <= 19) ? 31 : 0;
	case 3: case 29: return 31;
	case 8: case 9: case 10: case 11: case 12: case 13: case 14: case 15:
	case 32: case 33: case 34: case 35: case 36: case 37: case 38: case 48: case 56:
		return rt;
	case 16: /* MFC0, MFGC0, DI/EI write rt; RDPGPR rd */
		if (rs == 0 || rs == 3 || rs == 11)
			return (rs == 3 && (w & 0x200)) ? 0 : rt;
		return rs == 10 ? rd : 0;
	case 17: /* MFC1, CFC1, MFHC1 */
		return (rs == 0 || rs == 2 || rs == 3) ? rt : 0;
	case 28: return (fn == 2 || fn == 32 || fn == 33) ? rd : 0;
	case 31:
		if (fn == 0 || fn == 4 || fn == 59)
			return rt;
		return fn == 32 ? rd : dsp_dest(w);
	}
	return 0;
}
