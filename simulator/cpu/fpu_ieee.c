/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_ieee.c - IEEE 754 operations with MIPS (legacy NaN) semantics.
 *
 * The host FPU does the rounding: C99 <fenv.h> selects the rounding mode and
 * reports inexact/overflow/divide-by-zero/invalid, which IEEE 754 defines
 * exactly. Everything where the host and the M5150 may differ is decided
 * here instead, on bit patterns:
 *  - NaNs: legacy encoding (quiet bit clear). An sNaN operand raises Invalid
 *    and yields the default NaN; otherwise the first quiet NaN operand is
 *    propagated unchanged; an invalid operation yields the default NaN.
 *  - Underflow: tininess after rounding (MIPS requires it), loss of accuracy
 *    = inexact; with the Underflow trap enabled tininess alone signals.
 *    Computed here, not read from the host, so any IEEE host gives the same.
 *  - Conversions to integer: out of range, infinity or NaN -> Invalid and
 *    2^31-1 / 2^63-1.
 *  - FCSR.FS: subnormal results are flushed to a zero of the same sign with
 *    Underflow and Inexact; operands are used as they are.
 * See docs/simulator-fpu.md.
 */
#include "fpu_ieee.h"

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#if FLT_EVAL_METHOD != 0
#error "the FPU model needs a host that evaluates float/double in their own precision"
#endif

/* Bit layout of the two floating formats. */
struct fmt_bits {
	uint64_t sign;
	uint64_t exp;         /* exponent mask */
	uint64_t frac;        /* fraction mask */
	uint64_t signal_bit;  /* top fraction bit: set = signalling (legacy) */
	uint64_t default_nan;
	uint64_t min_normal;  /* 2^Emin */
};

static const struct fmt_bits bits_s = {
	0x80000000u, 0x7F800000u, 0x007FFFFFu, 0x00400000u,
	FPU_DEFAULT_NAN_S, 0x00800000u,
};
static const struct fmt_bits bits_d = {
	0x8000000000000000ull, 0x7FF0000000000000ull, 0x000FFFFFFFFFFFFFull,
	0x0008000000000000ull, FPU_DEFAULT_NAN_D, 0x0010000000000000ull,
};

static const struct fmt_bits *fmt_bits(enum fpu_fmt fmt)
{
	return fmt == FMT_S ? &bits_s : &bits_d;
}

static bool is_nan(const struct fmt_bits *fb, uint64_t v)
{
	return (v & fb->exp) == fb->exp && (v & fb->frac) != 0;
}

static bool is_snan(const struct fmt_bits *fb, uint64_t v)
{
	return is_nan(fb, v) && (v & fb->signal_bit) != 0;
}

static bool is_inf(const struct fmt_bits *fb, uint64_t v)
{
	return (v & ~fb->sign) == fb->exp;
}

static float f32(uint64_t v)
{
	uint32_t w = (uint32_t)v;
	float x;
	memcpy(&x, &w, sizeof x);
	return x;
}

static uint64_t bits32(float x)
{
	uint32_t w;
	memcpy(&w, &x, sizeof w);
	return w;
}

static double f64(uint64_t v)
{
	double x;
	memcpy(&x, &v, sizeof x);
	return x;
}

static uint64_t bits64(double x)
{
	uint64_t v;
	memcpy(&v, &x, sizeof v);
	return v;
}

/* ---- host rounding mode and exception flags ------------------------------
 * The simulator otherwise runs in round-to-nearest; the mode is changed only
 * around one host operation. Operands and results pass through volatile
 * objects so the compiler cannot move the arithmetic across these calls. */
static const int host_rm[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD };

static void host_begin(unsigned rm)
{
	if (rm != 0)
		fesetround(host_rm[rm & 3]);
	feclearexcept(FE_ALL_EXCEPT);
}

static int host_end(unsigned rm)
{
	int fe = fetestexcept(FE_ALL_EXCEPT);
	if (rm != 0)
		fesetround(FE_TONEAREST);
	return fe;
}

/* One host operation (binary or sqrt) under rounding mode rm. */
static uint64_t host_op(enum fpu_fmt fmt, enum fpu_op op, uint64_t a, uint64_t b,
			unsigned rm, int *fe)
{
	if (fmt == FMT_S) {
		host_begin(rm);
		volatile float x = f32(a), y = f32(b);
		float r;
		switch (op) {
		case FOP_ADD: r = x + y; break;
		case FOP_SUB: r = x - y; break;
		case FOP_MUL: r = x * y; break;
		case FOP_DIV: r = x / y; break;
		default:      r = sqrtf(x); break;
		}
		volatile float vr = r;
		*fe = host_end(rm);
		return bits32(vr);
	}
	host_begin(rm);
	volatile double x = f64(a), y = f64(b);
	double r;
	switch (op) {
	case FOP_ADD: r = x + y; break;
	case FOP_SUB: r = x - y; break;
	case FOP_MUL: r = x * y; break;
	case FOP_DIV: r = x / y; break;
	default:      r = sqrt(x); break;
	}
	volatile double vr = r;
	*fe = host_end(rm);
	return bits64(vr);
}

/* The one case the rounded result cannot decide: it came out as exactly
 * +-2^Emin and was inexact. Tininess after rounding asks whether rounding
 * with an unbounded exponent range would have stayed below 2^Emin, so redo
 * the operation with the small operand scaled up by 2^64 (exact), which
 * moves the result into the normal range. Only MUL and DIV (and RECIP, a
 * DIV) get here: tiny sums are always exact and square roots never tiny. */
static bool tiny_at_min_normal(enum fpu_fmt fmt, enum fpu_op op, uint64_t a,
			       uint64_t b, unsigned rm)
{
	int fe;
	uint64_t r;
	if (fmt == FMT_S) {
		float x = f32(a), y = f32(b);
		if (op == FOP_MUL && fabsf(y) < fabsf(x)) {
			float t = x; x = y; y = t;
		}
		if (op != FOP_MUL && op != FOP_DIV)
			return false;
		r = host_op(fmt, op, bits32(x * 0x1p64f), bits32(y), rm, &fe);
		return fabsf(f32(r)) < 0x1p-62f;
	}
	double x = f64(a), y = f64(b);
	if (op == FOP_MUL && fabs(y) < fabs(x)) {
		double t = x; x = y; y = t;
	}
	if (op != FOP_MUL && op != FOP_DIV)
		return false;
	r = host_op(fmt, op, bits64(x * 0x1p64), bits64(y), rm, &fe);
	return fabs(f64(r)) < 0x1p-958;
}

/* Turn a host result and host flags into the MIPS result and FPX bits.
 * boundary_tiny tells whether a result of exactly 2^Emin that is inexact was
 * tiny before rounding to the destination's exponent range. */
static uint64_t finish(struct fpu_ctx *c, const struct fmt_bits *fb, uint64_t r,
		       int fe, bool boundary_tiny)
{
	if (fe & FE_INVALID) {
		c->exc |= FPX_V;
		return fb->default_nan;
	}
	if (fe & FE_DIVBYZERO)
		c->exc |= FPX_Z;
	if (fe & FE_OVERFLOW)
		c->exc |= FPX_O | FPX_I;
	bool inexact = (fe & (FE_INEXACT | FE_OVERFLOW)) != 0;
	if (inexact)
		c->exc |= FPX_I;

	uint64_t mag = r & ~fb->sign;
	bool subnormal = mag != 0 && mag < fb->min_normal;
	bool tiny = subnormal || (mag == 0 && inexact) ||
		    (mag == fb->min_normal && inexact && boundary_tiny);
	if (tiny && (inexact || c->trap_u))
		c->exc |= FPX_U;
	if (c->flush && subnormal) {
		c->exc |= FPX_U | FPX_I;
		r &= fb->sign;
	}
	return r;
}

/* NaN operands of an arithmetic operation: sNaN -> Invalid and the default
 * NaN; else the first quiet NaN. Returns false if neither is a NaN. */
static bool nan_operands(struct fpu_ctx *c, const struct fmt_bits *fb, uint64_t a,
			 uint64_t b, bool binary, uint64_t *res)
{
	bool na = is_nan(fb, a), nb = binary && is_nan(fb, b);
	if (!na && !nb)
		return false;
	if (is_snan(fb, a) || (binary && is_snan(fb, b))) {
		c->exc |= FPX_V;
		*res = fb->default_nan;
	} else {
		*res = na ? a : b;
	}
	return true;
}

static uint64_t binary_op(struct fpu_ctx *c, enum fpu_fmt fmt, enum fpu_op op,
			  uint64_t a, uint64_t b)
{
	const struct fmt_bits *fb = fmt_bits(fmt);
	uint64_t r;
	int fe;
	if (nan_operands(c, fb, a, b, op != FOP_SQRT, &r))
		return r;
	r = host_op(fmt, op, a, b, c->rm, &fe);
	bool boundary = false;
	if ((r & ~fb->sign) == fb->min_normal && (fe & FE_INEXACT))
		boundary = tiny_at_min_normal(fmt, op, a, b, c->rm);
	return finish(c, fb, r, fe, boundary);
}

uint64_t fpu_arith(struct fpu_ctx *c, enum fpu_fmt fmt, enum fpu_op op,
		   uint64_t a, uint64_t b)
{
	const struct fmt_bits *fb = fmt_bits(fmt);
	uint64_t one = fmt == FMT_S ? 0x3F800000u : 0x3FF0000000000000ull;
	uint64_t r;
	switch (op) {
	case FOP_ABS:
	case FOP_NEG:
		/* Arithmetic in the legacy (ABS2008 = 0) mode. */
		if (nan_operands(c, fb, a, 0, false, &r))
			return r;
		return op == FOP_ABS ? a & ~fb->sign : a ^ fb->sign;
	case FOP_RECIP:
		return binary_op(c, fmt, FOP_DIV, one, a);
	case FOP_RSQRT:
		/* Two correctly rounded steps: within the 1 ulp the ISA allows. */
		r = binary_op(c, fmt, FOP_SQRT, a, 0);
		return binary_op(c, fmt, FOP_DIV, one, r);
	default:
		return binary_op(c, fmt, op, a, b);
	}
}

bool fpu_compare(struct fpu_ctx *c, enum fpu_fmt fmt, uint64_t a, uint64_t b,
		 unsigned cond)
{
	const struct fmt_bits *fb = fmt_bits(fmt);
	if (is_nan(fb, a) || is_nan(fb, b)) {
		if ((cond & 8) || is_snan(fb, a) || is_snan(fb, b))
			c->exc |= FPX_V;
		return (cond & 1) != 0;
	}
	bool less, equal;
	if (fmt == FMT_S) {
		less = f32(a) < f32(b);
		equal = f32(a) == f32(b);
	} else {
		less = f64(a) < f64(b);
		equal = f64(a) == f64(b);
	}
	return (less && (cond & 4)) || (equal && (cond & 2));
}

/* Float to integer; the rounding of x to an integral value is exact, so no
 * host flags are needed. */
static uint64_t double_to_int(struct fpu_ctx *c, enum fpu_fmt to, double x,
			      unsigned mode)
{
	double r;
	switch (mode & 3) {
	case 0:  r = nearbyint(x); break;   /* the host runs in round-to-nearest */
	case 1:  r = trunc(x); break;
	case 2:  r = ceil(x); break;
	default: r = floor(x); break;
	}
	double lim = to == FMT_W ? 0x1p31 : 0x1p63;
	if (!(r >= -lim && r < lim)) {          /* also NaN and infinities */
		c->exc |= FPX_V;
		return to == FMT_W ? FPU_INVALID_W : FPU_INVALID_L;
	}
	if (r != x)
		c->exc |= FPX_I;
	int64_t v = (int64_t)r;
	return to == FMT_W ? (uint32_t)(int32_t)v : (uint64_t)v;
}

uint64_t fpu_to_int(struct fpu_ctx *c, enum fpu_fmt to, enum fpu_fmt from,
		    uint64_t a, unsigned mode)
{
	const struct fmt_bits *fb = fmt_bits(from);
	if (is_nan(fb, a) || is_inf(fb, a)) {
		c->exc |= FPX_V;
		return to == FMT_W ? FPU_INVALID_W : FPU_INVALID_L;
	}
	/* float -> double is exact */
	return double_to_int(c, to, from == FMT_S ? (double)f32(a) : f64(a), mode);
}

/* Integer to float under the current rounding mode. */
static uint64_t int_to_float(struct fpu_ctx *c, enum fpu_fmt to, int64_t v)
{
	int fe;
	uint64_t r;
	host_begin(c->rm);
	volatile int64_t vv = v;
	if (to == FMT_S) {
		volatile float x = (float)vv;
		fe = host_end(c->rm);
		r = bits32(x);
	} else {
		volatile double x = (double)vv;
		fe = host_end(c->rm);
		r = bits64(x);
	}
	if (fe & FE_INEXACT)
		c->exc |= FPX_I;
	return r;
}

/* Double -> single: rounding, overflow, underflow. */
static uint64_t d_to_s(struct fpu_ctx *c, uint64_t a)
{
	if (is_nan(&bits_d, a)) {
		if (is_snan(&bits_d, a)) {
			c->exc |= FPX_V;
			return FPU_DEFAULT_NAN_S;
		}
		/* Keep sign and the top of the payload; a payload that vanishes
		 * would read as infinity, so that becomes the default NaN. */
		uint32_t frac = (uint32_t)((a & bits_d.frac) >> 29);
		if (frac == 0)
			return FPU_DEFAULT_NAN_S;
		return (uint32_t)(a >> 32 & 0x80000000u) | 0x7F800000u | frac;
	}
	int fe;
	host_begin(c->rm);
	volatile double x = f64(a);
	volatile float r = (float)x;
	fe = host_end(c->rm);
	uint64_t res = bits32(r);
	bool boundary = false;
	if ((res & 0x7FFFFFFFu) == bits_s.min_normal && (fe & FE_INEXACT)) {
		host_begin(c->rm);
		volatile double xs = f64(a) * 0x1p64;
		volatile float rs = (float)xs;
		host_end(c->rm);
		boundary = fabsf(rs) < 0x1p-62f;
	}
	return finish(c, &bits_s, res, fe, boundary);
}

/* Single -> double: exact except for NaNs. */
static uint64_t s_to_d(struct fpu_ctx *c, uint64_t a)
{
	if (is_nan(&bits_s, a)) {
		if (is_snan(&bits_s, a)) {
			c->exc |= FPX_V;
			return FPU_DEFAULT_NAN_D;
		}
		return (uint64_t)(a & 0x80000000u) << 32 | bits_d.exp |
		       (uint64_t)(a & bits_s.frac) << 29;
	}
	return bits64((double)f32(a));
}

uint64_t fpu_convert(struct fpu_ctx *c, enum fpu_fmt to, enum fpu_fmt from,
		     uint64_t a)
{
	switch (from) {
	case FMT_W:
		return int_to_float(c, to, (int32_t)(uint32_t)a);
	case FMT_L:
		return int_to_float(c, to, (int64_t)a);
	case FMT_S:
		if (to == FMT_D)
			return s_to_d(c, a);
		return fpu_to_int(c, to, from, a, c->rm);
	case FMT_D:
		if (to == FMT_S)
			return d_to_s(c, a);
		return fpu_to_int(c, to, from, a, c->rm);
	}
	return 0;
}
