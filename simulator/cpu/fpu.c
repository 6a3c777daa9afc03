/* SPDX-License-Identifier: Apache-2.0 */
/* fpu.c - the M5150's 64-bit FPU (CP1): register file views, control
 * registers and the decoding of COP1, COP1X and MOVCI instructions.
 * The arithmetic itself is in fpu_ieee.c. Decisions: docs/simulator-fpu.md.
 */
#include "cpu/fpu.h"

#include "cpu/fpu_ieee.h"

/* FCSR (CP1 control register 31). */
#define FCSR_RM           0x00000003u
#define FCSR_FLAGS_SHIFT  2
#define FCSR_FLAGS        0x0000007Cu
#define FCSR_ENABLES_SHIFT 7
#define FCSR_ENABLES      0x00000F80u
#define FCSR_CAUSE_SHIFT  12
#define FCSR_CAUSE        0x0003F000u
#define FCSR_FCC0         (1u << 23)
#define FCSR_FS           (1u << 24)
#define FCSR_FCC1_7       0xFE000000u
/* Writable bits: no FO/FN, and NAN2008/ABS2008 read 0 (legacy only). */
#define FCSR_WRITABLE     0xFF83FFFFu

/* FIR (CP1 control register 0) for the M5150: see docs/simulator-fpu.md. */
#define FIR_FC            (1u << 24)  /* full conversion ranges */
#define FIR_F64           (1u << 22)
#define FIR_L             (1u << 21)
#define FIR_W             (1u << 20)
#define FIR_D             (1u << 17)
#define FIR_S             (1u << 16)
#define FIR_PRID_M5150    (0xA7u << 8)
#define FIR_REVISION      0x20u  /* = the core's PRId revision */
#define FIR_M5150 (FIR_FC | FIR_F64 | FIR_L | FIR_W | FIR_D | FIR_S | \
		   FIR_PRID_M5150 | FIR_REVISION)

/* CP1 control register numbers (CFC1/CTC1 fs field). */
enum { CR_FIR = 0, CR_FCCR = 25, CR_FEXR = 26, CR_FENR = 28, CR_FCSR = 31 };

void fpu_reset(struct fpu *f)
{
	for (unsigned i = 0; i < 32; i++)
		f->fpr[i] = 0;
	f->fcsr = 0;
	f->fir = FIR_M5150;
}

/* ---- register file views ----------------------------------------------- */

uint32_t fpu_get_word(const struct fpu *f, bool fr, unsigned reg)
{
	(void)fr;  /* a word is the low half of its register in both models */
	return (uint32_t)f->fpr[reg & 31];
}

void fpu_put_word(struct fpu *f, bool fr, unsigned reg, uint32_t v)
{
	(void)fr;  /* the high half is left as it was (UNPREDICTABLE in FR=1) */
	uint64_t *p = &f->fpr[reg & 31];
	*p = (*p & 0xFFFFFFFF00000000ull) | v;
}

/* With FR = 0 a 64-bit value lives in the even/odd pair; an odd register
 * number (UNPREDICTABLE) names the pair it belongs to. */
uint64_t fpu_get_double(const struct fpu *f, bool fr, unsigned reg)
{
	reg &= 31;
	if (fr)
		return f->fpr[reg];
	reg &= ~1u;
	return (uint32_t)f->fpr[reg] | (uint64_t)(uint32_t)f->fpr[reg + 1] << 32;
}

void fpu_put_double(struct fpu *f, bool fr, unsigned reg, uint64_t v)
{
	reg &= 31;
	if (fr) {
		f->fpr[reg] = v;
		return;
	}
	reg &= ~1u;
	fpu_put_word(f, false, reg, (uint32_t)v);
	fpu_put_word(f, false, reg + 1, (uint32_t)(v >> 32));
}

bool fpu_condition(const struct fpu *f, unsigned cc)
{
	cc &= 7;
	if (cc == 0)
		return (f->fcsr & FCSR_FCC0) != 0;
	return (f->fcsr >> (24 + cc) & 1) != 0;
}

static void set_condition(struct fpu *f, unsigned cc, bool v)
{
	uint32_t bit = cc == 0 ? FCSR_FCC0 : 1u << (24 + cc);
	f->fcsr = v ? f->fcsr | bit : f->fcsr & ~bit;
}

/* ---- control registers ---------------------------------------------------- */

static uint32_t read_control(const struct fpu *f, unsigned cr)
{
	uint32_t fcsr = f->fcsr;
	switch (cr) {
	case CR_FIR:
		return f->fir;
	case CR_FCCR:
		return (fcsr >> 24 & 0xFE) | (fcsr >> 23 & 1);
	case CR_FEXR:
		return fcsr & (FCSR_CAUSE | FCSR_FLAGS);
	case CR_FENR:
		return (fcsr & (FCSR_ENABLES | FCSR_RM)) | (fcsr & FCSR_FS ? 4u : 0u);
	case CR_FCSR:
		return fcsr;
	default:
		return 0;   /* UNPREDICTABLE: not implemented on the M5150 */
	}
}

/* CTC1. A write that leaves a Cause bit set together with its Enable bit
 * (or Cause.E) raises the floating-point exception at once. */
static enum fpu_result write_control(struct fpu *f, unsigned cr, uint32_t v)
{
	uint32_t fcsr = f->fcsr;
	switch (cr) {
	case CR_FCCR:
		fcsr = (fcsr & ~(FCSR_FCC1_7 | FCSR_FCC0)) |
		       (v & 0xFE) << 24 | (v & 1) << 23;
		break;
	case CR_FEXR:
		fcsr = (fcsr & ~(FCSR_CAUSE | FCSR_FLAGS)) |
		       (v & (FCSR_CAUSE | FCSR_FLAGS));
		break;
	case CR_FENR:
		fcsr = (fcsr & ~(FCSR_ENABLES | FCSR_FS | FCSR_RM)) |
		       (v & (FCSR_ENABLES | FCSR_RM)) | (v & 4 ? FCSR_FS : 0);
		break;
	case CR_FCSR:
		fcsr = v & FCSR_WRITABLE;
		break;
	default:
		return FPU_OK;  /* FIR is read-only; others are not implemented */
	}
	f->fcsr = fcsr;
	uint32_t cause = (fcsr & FCSR_CAUSE) >> FCSR_CAUSE_SHIFT;
	uint32_t enabled = ((fcsr & FCSR_ENABLES) >> FCSR_ENABLES_SHIFT) | FPX_E;
	return (cause & enabled) ? FPU_EXC_FPE : FPU_OK;
}

/* ---- one arithmetic instruction ------------------------------------------ */

static struct fpu_ctx ctx_of(const struct fpu *f)
{
	struct fpu_ctx c = {
		.rm = f->fcsr & FCSR_RM,
		.flush = (f->fcsr & FCSR_FS) != 0,
		.trap_u = (f->fcsr & (FPX_U << FCSR_ENABLES_SHIFT)) != 0,
		.exc = 0,
	};
	return c;
}

/* Record the instruction's exceptions: Cause is replaced; if an enabled one
 * (or E) occurred the FPE is taken and nothing else changes, otherwise the
 * Flags accumulate and the caller writes its result. */
static enum fpu_result finish_exc(struct fpu *f, unsigned exc)
{
	f->fcsr = (f->fcsr & ~FCSR_CAUSE) | exc << FCSR_CAUSE_SHIFT;
	unsigned enabled = ((f->fcsr & FCSR_ENABLES) >> FCSR_ENABLES_SHIFT) | FPX_E;
	if (exc & enabled)
		return FPU_EXC_FPE;
	f->fcsr |= (exc & 0x1F) << FCSR_FLAGS_SHIFT;
	return FPU_OK;
}

static bool is64(enum fpu_fmt fmt)
{
	return fmt == FMT_D || fmt == FMT_L;
}

/* With FR = 0, 64-bit operands must name even registers: an odd one is
 * UNPREDICTABLE and we make it a Reserved Instruction. The L format is
 * UNPREDICTABLE with FR = 0 altogether and gets the same treatment. */
static bool reg_ok(bool fr, enum fpu_fmt fmt, unsigned reg)
{
	return fr || !is64(fmt) || ((reg & 1) == 0 && fmt != FMT_L);
}

static uint64_t get_fmt(const struct fpu *f, bool fr, enum fpu_fmt fmt, unsigned reg)
{
	return is64(fmt) ? fpu_get_double(f, fr, reg) : fpu_get_word(f, fr, reg);
}

static void put_fmt(struct fpu *f, bool fr, enum fpu_fmt fmt, unsigned reg, uint64_t v)
{
	if (is64(fmt))
		fpu_put_double(f, fr, reg, v);
	else
		fpu_put_word(f, fr, reg, (uint32_t)v);
}

/* Instruction fields. */
#define F_FMT(i)  ((i) >> 21 & 31)
#define F_FT(i)   ((i) >> 16 & 31)
#define F_FS(i)   ((i) >> 11 & 31)
#define F_FD(i)   ((i) >> 6 & 31)
#define F_FUNC(i) ((i) & 63)
#define F_CC(i)   ((i) >> 18 & 7)
#define F_TF(i)   ((i) >> 16 & 1)

/* COP1 with fmt = S or D. */
static enum fpu_result exec_float(struct machine *m, struct fpu *f, bool fr,
				  enum fpu_fmt fmt, uint32_t insn)
{
	unsigned ft = F_FT(insn), fs = F_FS(insn), fd = F_FD(insn);
	unsigned func = F_FUNC(insn);
	struct fpu_ctx c = ctx_of(f);
	enum fpu_fmt to = fmt;
	uint64_t a, b, r;
	enum fpu_result res;

	/* ft names an FPR only for the binary operations and compares; for
	 * MOVF/MOVT.fmt it holds cc/tf and for MOVZ/MOVN.fmt a GPR number. */
	bool ft_is_fpr = func < 4 || func >= 48;
	if (!reg_ok(fr, fmt, fs) || (ft_is_fpr && !reg_ok(fr, fmt, ft)))
		return FPU_EXC_RI;
	a = get_fmt(f, fr, fmt, fs);
	b = get_fmt(f, fr, fmt, ft);

	if (func >= 48) {                                  /* C.cond.fmt */
		bool v = fpu_compare(&c, fmt, a, b, func & 15);
		res = finish_exc(f, c.exc);
		if (res == FPU_OK)
			set_condition(f, (insn >> 8) & 7, v);
		return res;
	}

	static const enum fpu_op arith[8] = {
		FOP_ADD, FOP_SUB, FOP_MUL, FOP_DIV, FOP_SQRT, FOP_ABS, 0, FOP_NEG,
	};
	switch (func) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 7:
		r = fpu_arith(&c, fmt, arith[func], a, b);
		break;
	case 6:                                            /* MOV */
		if (!reg_ok(fr, fmt, fd))
			return FPU_EXC_RI;
		put_fmt(f, fr, fmt, fd, a);
		return FPU_OK;
	case 8: case 9: case 10: case 11:                  /* ROUND/TRUNC/CEIL/FLOOR.L */
		to = FMT_L;
		r = fpu_to_int(&c, to, fmt, a, func & 3);
		break;
	case 12: case 13: case 14: case 15:                /* ROUND/TRUNC/CEIL/FLOOR.W */
		to = FMT_W;
		r = fpu_to_int(&c, to, fmt, a, func & 3);
		break;
	case 17: {                                         /* MOVF.fmt / MOVT.fmt */
		if (!reg_ok(fr, fmt, fd))
			return FPU_EXC_RI;
		if (fpu_condition(f, F_CC(insn)) == (bool)F_TF(insn))
			put_fmt(f, fr, fmt, fd, a);
		return FPU_OK;
	}
	case 18: case 19: {                                /* MOVZ.fmt / MOVN.fmt */
		if (!reg_ok(fr, fmt, fd))
			return FPU_EXC_RI;
		bool zero = cpu_gpr_read(m, ft) == 0;
		if (zero == (func == 18))
			put_fmt(f, fr, fmt, fd, a);
		return FPU_OK;
	}
	case 21:
		r = fpu_arith(&c, fmt, FOP_RECIP, a, 0);
		break;
	case 22:
		r = fpu_arith(&c, fmt, FOP_RSQRT, a, 0);
		break;
	case 32:                                           /* CVT.S */
	case 33:                                           /* CVT.D */
	case 36:                                           /* CVT.W */
	case 37:                                           /* CVT.L */
		to = func == 32 ? FMT_S : func == 33 ? FMT_D : func == 36 ? FMT_W : FMT_L;
		if (to == fmt)
			return FPU_EXC_RI;
		r = fpu_convert(&c, to, fmt, a);
		break;
	default:
		return FPU_EXC_RI;                         /* incl. SEL, CVT.PS */
	}
	if (!reg_ok(fr, to, fd))
		return FPU_EXC_RI;
	res = finish_exc(f, c.exc);
	if (res == FPU_OK)
		put_fmt(f, fr, to, fd, r);
	return res;
}

/* COP1 with fmt = W or L: only CVT.S and CVT.D exist. */
static enum fpu_result exec_fixed(struct fpu *f, bool fr, enum fpu_fmt fmt,
				  uint32_t insn)
{
	unsigned fs = F_FS(insn), fd = F_FD(insn), func = F_FUNC(insn);
	if (func != 32 && func != 33)
		return FPU_EXC_RI;
	enum fpu_fmt to = func == 32 ? FMT_S : FMT_D;
	if (!reg_ok(fr, fmt, fs) || !reg_ok(fr, to, fd))
		return FPU_EXC_RI;
	struct fpu_ctx c = ctx_of(f);
	uint64_t r = fpu_convert(&c, to, fmt, get_fmt(f, fr, fmt, fs));
	enum fpu_result res = finish_exc(f, c.exc);
	if (res == FPU_OK)
		put_fmt(f, fr, to, fd, r);
	return res;
}

static enum fpu_result exec_cop1(struct machine *m, struct fpu *f, bool fr, uint32_t insn)
{
	unsigned rt = F_FT(insn), fs = F_FS(insn);
	switch (F_FMT(insn)) {
	case 0x00:                                         /* MFC1 */
		cpu_gpr_write(m, rt, fpu_get_word(f, fr, fs));
		return FPU_OK;
	case 0x02:                                         /* CFC1 */
		cpu_gpr_write(m, rt, read_control(f, fs));
		return FPU_OK;
	case 0x03:                                         /* MFHC1 */
		cpu_gpr_write(m, rt, (uint32_t)(fpu_get_double(f, fr, fs) >> 32));
		return FPU_OK;
	case 0x04:                                         /* MTC1 */
		fpu_put_word(f, fr, fs, cpu_gpr_read(m, rt));
		return FPU_OK;
	case 0x06:                                         /* CTC1 */
		return write_control(f, fs, cpu_gpr_read(m, rt));
	case 0x07: {                                       /* MTHC1 */
		uint64_t v = fpu_get_double(f, fr, fs);
		v = (v & 0xFFFFFFFFull) | (uint64_t)cpu_gpr_read(m, rt) << 32;
		fpu_put_double(f, fr, fs, v);
		return FPU_OK;
	}
	case 0x10:
		return exec_float(m, f, fr, FMT_S, insn);
	case 0x11:
		return exec_float(m, f, fr, FMT_D, insn);
	case 0x14:
		return exec_fixed(f, fr, FMT_W, insn);
	case 0x15:
		return exec_fixed(f, fr, FMT_L, insn);
	default:
		/* DMFC1/DMTC1 (MIPS64), BC1 (the core's), BC1ANY (MIPS-3D),
		 * PS format (not on the M5150) and reserved encodings. */
		return FPU_EXC_RI;
	}
}

/* COP1X: indexed loads/stores and the multiply-add family. */
static enum fpu_result exec_cop1x(struct machine *m, struct fpu *f, bool fr, uint32_t insn)
{
	unsigned base = F_FMT(insn), index = F_FT(insn);
	unsigned fs = F_FS(insn), fd = F_FD(insn), func = F_FUNC(insn);
	uint32_t va = cpu_gpr_read(m, base) + cpu_gpr_read(m, index);
	uint64_t v;

	switch (func) {
	case 0x00:                                         /* LWXC1 */
		if (!cpu_load(m, va, 4, &v))
			return FPU_EXC_ADDR;
		fpu_put_word(f, fr, fd, (uint32_t)v);
		return FPU_OK;
	case 0x01:                                         /* LDXC1 */
	case 0x05:                                         /* LUXC1 */
		if (func == 0x05)
			va &= ~7u;
		if (!cpu_load(m, va, 8, &v))
			return FPU_EXC_ADDR;
		fpu_put_double(f, fr, fd, v);
		return FPU_OK;
	case 0x08:                                         /* SWXC1 */
		return cpu_store(m, va, 4, fpu_get_word(f, fr, fs)) ? FPU_OK : FPU_EXC_ADDR;
	case 0x09:                                         /* SDXC1 */
	case 0x0D:                                         /* SUXC1 */
		if (func == 0x0D)
			va &= ~7u;
		return cpu_store(m, va, 8, fpu_get_double(f, fr, fs)) ? FPU_OK : FPU_EXC_ADDR;
	case 0x0F:                                         /* PREFX: a hint */
		return FPU_OK;
	default:
		break;
	}

	/* MADD/MSUB/NMADD/NMSUB: func = op<<3 | fmt3, unfused (two roundings). */
	unsigned op = func >> 3, fmt3 = func & 7;
	if (op < 4 || op > 7 || fmt3 > 1)
		return FPU_EXC_RI;                         /* incl. ALNV.PS and .PS */
	enum fpu_fmt fmt = fmt3 == 0 ? FMT_S : FMT_D;
	unsigned fr_reg = base, ft = index;
	if (!reg_ok(fr, fmt, fr_reg) || !reg_ok(fr, fmt, fs) ||
	    !reg_ok(fr, fmt, ft) || !reg_ok(fr, fmt, fd))
		return FPU_EXC_RI;
	struct fpu_ctx c = ctx_of(f);
	uint64_t prod = fpu_arith(&c, fmt, FOP_MUL, get_fmt(f, fr, fmt, fs),
				  get_fmt(f, fr, fmt, ft));
	uint64_t r = fpu_arith(&c, fmt, (op & 1) ? FOP_SUB : FOP_ADD, prod,
			       get_fmt(f, fr, fmt, fr_reg));
	if (op >= 6)
		r = fpu_arith(&c, fmt, FOP_NEG, r, 0);
	enum fpu_result res = finish_exc(f, c.exc);
	if (res == FPU_OK)
		put_fmt(f, fr, fmt, fd, r);
	return res;
}

/* SPECIAL MOVCI: MOVF rd, rs, cc / MOVT rd, rs, cc. */
static enum fpu_result exec_movci(struct machine *m, struct fpu *f, uint32_t insn)
{
	unsigned rs = insn >> 21 & 31, rd = insn >> 11 & 31;
	if (fpu_condition(f, F_CC(insn)) == (bool)F_TF(insn))
		cpu_gpr_write(m, rd, cpu_gpr_read(m, rs));
	return FPU_OK;
}

enum fpu_result fpu_exec(struct machine *m, uint32_t insn)
{
	struct fpu *f = cpu_fpu(m);
	bool fr = cpu_fpu_fr(m);
	switch (insn >> 26) {
	case 0x11:
		return exec_cop1(m, f, fr, insn);
	case 0x13:
		return exec_cop1x(m, f, fr, insn);
	case 0x00:
		if (F_FUNC(insn) == 0x01)
			return exec_movci(m, f, insn);
		break;
	default:
		break;
	}
	return FPU_EXC_RI;
}
