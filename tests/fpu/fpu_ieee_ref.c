/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_ieee_ref.c - randomized check of fpu_ieee.c against an independent
 * integer-only reference of IEEE 754 rounding (no host floating point):
 * MUL, DIV, ADD/SUB (exponent gap <= 60) in S and D, and CVT.S.D, in all four
 * rounding modes, comparing the result bits and the I/U/O exception bits.
 * Operands are biased toward the edges (subnormals, the overflow threshold
 * and products just around 2^Emin, where tininess after rounding matters).
 * Fixed seed: the same cases on every run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "cpu/fpu_ieee.h"

typedef unsigned __int128 u128;

struct fmt_desc {
	int p;          /* significand bits incl. the hidden one */
	int emin, emax;
	int fbits;      /* fraction field width */
	int ebits;
};
static const struct fmt_desc desc_s = { 24, -126, 127, 23, 8 };
static const struct fmt_desc desc_d = { 53, -1022, 1023, 52, 11 };

/* A finite value: (-1)^neg * sig * 2^exp. */
struct exact {
	bool neg;
	u128 sig;
	int exp;
	bool sticky;    /* non-zero bits below sig (from division) */
};

static int bitlen(u128 v)
{
	int n = 0;
	while (v) {
		n++;
		v >>= 1;
	}
	return n;
}

/* Decode a finite non-zero value; false for zero, infinity, NaN. */
static bool decode(const struct fmt_desc *d, uint64_t b, struct exact *x)
{
	uint64_t frac = b & ((1ull << d->fbits) - 1);
	int e = (int)(b >> d->fbits & ((1u << d->ebits) - 1));
	x->neg = (b >> (d->fbits + d->ebits)) & 1;
	x->sticky = false;
	if (e == (1 << d->ebits) - 1 || (e == 0 && frac == 0))
		return false;
	if (e == 0) {
		x->sig = frac;
		x->exp = d->emin - d->fbits;
	} else {
		x->sig = frac | 1ull << d->fbits;
		x->exp = e - ((1 << (d->ebits - 1)) - 1) - d->fbits;
	}
	return true;
}

/* Round |x| to a multiple of 2^lsb; returns the multiple, sets *inexact. */
static u128 round_at(const struct exact *x, int lsb, unsigned rm, bool *inexact)
{
	int s = lsb - x->exp;
	u128 q, rem, half;
	bool above_half, at_half, nonzero;
	if (s <= 0) {
		*inexact = x->sticky;
		q = x->sig << -s;
		/* only sticky bits below: less than half an ulp */
		above_half = false;
		at_half = false;
		nonzero = x->sticky;
	} else if (s >= 127) {
		q = 0;
		nonzero = x->sig != 0 || x->sticky;
		above_half = false;     /* sig < 2^127 <= half */
		at_half = false;
	} else {
		q = x->sig >> s;
		rem = x->sig & (((u128)1 << s) - 1);
		half = (u128)1 << (s - 1);
		nonzero = rem != 0 || x->sticky;
		above_half = rem > half || (rem == half && x->sticky);
		at_half = rem == half && !x->sticky;
	}
	*inexact = nonzero;
	if (!nonzero)
		return q;
	bool up;
	switch (rm) {
	case 0:  up = above_half || (at_half && (q & 1)); break;
	case 1:  up = false; break;
	case 2:  up = !x->neg; break;
	default: up = x->neg; break;
	}
	return q + (up ? 1 : 0);
}

static uint64_t pack(const struct fmt_desc *d, bool neg, int biased, uint64_t frac)
{
	/* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): 0 or 1 << 31 or 63 */
	return (uint64_t)neg << (d->fbits + d->ebits) | (uint64_t)biased << d->fbits | frac;
}

/* The IEEE result of rounding x into format d, with FPX_I/U/O. */
static uint64_t reference(const struct fmt_desc *d, const struct exact *x,
			  unsigned rm, unsigned *exc)
{
	int bias = (1 << (d->ebits - 1)) - 1;
	/* NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage): decode() sets sig for finite values */
	int lead = bitlen(x->sig) - 1 + x->exp;       /* exponent of the top bit */
	bool inexact;
	*exc = 0;

	/* unbounded exponent range: p significant bits */
	int lsb = lead - d->p + 1;
	u128 q = round_at(x, lsb, rm, &inexact);
	int rlead = bitlen(q) - 1 + lsb;
	if (rlead > d->emax) {
		*exc = FPX_O | FPX_I;
		bool to_inf = rm == 0 || (rm == 2 && !x->neg) || (rm == 3 && x->neg);
		if (to_inf)
			return pack(d, x->neg, (1 << d->ebits) - 1, 0);
		return pack(d, x->neg, (1 << d->ebits) - 2, (1ull << d->fbits) - 1);
	}
	bool tiny = rlead < d->emin;

	/* the destination: no finer than the subnormal grid */
	if (lsb < d->emin - d->p + 1)
		lsb = d->emin - d->p + 1;
	q = round_at(x, lsb, rm, &inexact);
	if (inexact)
		*exc |= FPX_I;
	if (tiny && inexact)
		*exc |= FPX_U;
	if (q == 0)
		return pack(d, x->neg, 0, 0);
	rlead = bitlen(q) - 1 + lsb;
	if (rlead < d->emin)                       /* subnormal */
		return pack(d, x->neg, 0, (uint64_t)(q << (lsb - (d->emin - d->p + 1))));
	/* normalize q to exactly p bits */
	int shift = d->p - bitlen(q);
	q = shift >= 0 ? q << shift : q >> -shift;
	return pack(d, x->neg, rlead + bias, (uint64_t)q & ((1ull << d->fbits) - 1));
}

/* ---- operations on exact values --------------------------------------- */

/* Scale sig to exactly `bits` bits (only drops zero bits). */
static void normalize(struct exact *x, int bits)
{
	int n = bitlen(x->sig);
	if (n <= bits) {
		x->sig <<= bits - n;
	} else {
		assert_true((x->sig & (((u128)1 << (n - bits)) - 1)) == 0);
		x->sig >>= n - bits;
	}
	x->exp -= bits - n;
}

static struct exact mul(struct exact a, struct exact b)
{
	struct exact r = { a.neg != b.neg, a.sig * b.sig, a.exp + b.exp, false };
	return r;
}

static struct exact divide(struct exact a, struct exact b)
{
	normalize(&a, 53);
	normalize(&b, 53);
	u128 num = a.sig << 70;
	struct exact r = { a.neg != b.neg, num / b.sig, a.exp - 70 - b.exp, num % b.sig != 0 };
	return r;
}

/* Sum; false if the exponent gap is too large for 128 bits or it is zero. */
static bool add(struct exact a, struct exact b, bool subtract, struct exact *r)
{
	if (subtract)
		b.neg = !b.neg;
	normalize(&a, 53);
	normalize(&b, 53);
	if (a.exp < b.exp) {
		struct exact t = a; a = b; b = t;
	}
	int gap = a.exp - b.exp;
	if (gap > 60)
		return false;
	u128 x = a.sig << gap, y = b.sig;
	r->exp = b.exp;
	r->sticky = false;
	if (a.neg == b.neg) {
		r->sig = x + y;
		r->neg = a.neg;
	} else if (x >= y) {
		r->sig = x - y;
		r->neg = a.neg;
	} else {
		r->sig = y - x;
		r->neg = b.neg;
	}
	return r->sig != 0;
}

/* ---- operand generation ------------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint64_t pick(const struct fmt_desc *d)
{
	int emax_biased = (1 << d->ebits) - 2;
	int bias = (1 << (d->ebits - 1)) - 1;
	int e;
	switch (rnd() % 6) {
	case 0:  e = 0; break;                                   /* subnormal */
	case 1:  e = 1 + (int)(rnd() % 3); break;                /* near 2^Emin */
	case 2:  e = emax_biased - (int)(rnd() % 3); break;      /* near overflow */
	case 3:  e = bias - d->p + (int)(rnd() % (2 * d->p)); break;
	default: e = 1 + (int)(rnd() % (unsigned)emax_biased); break;
	}
	uint64_t frac = rnd() & ((1ull << d->fbits) - 1);
	switch (rnd() % 8) {
	case 0: frac = 0; break;
	case 1: frac = (1ull << d->fbits) - 1; break;
	case 2: frac = 1; break;
	default: break;
	}
	if (e == 0 && frac == 0)
		frac = 1;
	return pack(d, rnd() & 1, e, frac);
}

/* b such that a*b lies within a few ulps of 2^Emin. */
static uint64_t near_min_normal_factor(const struct fmt_desc *d, uint64_t a)
{
	struct exact x;
	if (!decode(d, a, &x))
		return pick(d);
	/* b = 2^(emin) / a, rounded to p bits, then nudged by a few ulps */
	struct exact one = { false, (u128)1 << 60, d->emin - 60, false };
	struct exact q = divide(one, x);
	unsigned exc;
	uint64_t b = reference(d, &q, 0, &exc) & ~(1ull << (d->fbits + d->ebits));
	b += (uint64_t)((int)(rnd() % 9) - 4);
	if (b == 0 || (b >> d->fbits) >= (uint64_t)(1 << d->ebits) - 1)
		return pick(d);
	return b;
}

/* ---- the test ------------------------------------------------------------- */

struct tally { unsigned checked, boundary_u, boundary_no_u, underflow, overflow; };

static void check_one(const struct fmt_desc *d, enum fpu_fmt fmt, char op,
		      uint64_t a, uint64_t b, unsigned rm, struct tally *t)
{
	struct exact x, y, r;
	if (!decode(d, a, &x) || !decode(d, b, &y))
		return;
	switch (op) {
	case '*': r = mul(x, y); break;
	case '/': r = divide(x, y); break;
	case '+': if (!add(x, y, false, &r)) return; break;
	default:  if (!add(x, y, true, &r)) return; break;
	}
	unsigned want_exc;
	uint64_t want = reference(d, &r, rm, &want_exc);
	enum fpu_op fop = op == '*' ? FOP_MUL : op == '/' ? FOP_DIV : op == '+' ? FOP_ADD : FOP_SUB;
	struct fpu_ctx c = { .rm = rm };
	uint64_t got = fpu_arith(&c, fmt, fop, a, b);
	if (got != want || c.exc != want_exc) {
		print_error("%s %c rm=%u a=%#llx b=%#llx: got %#llx exc %#x, want %#llx exc %#x\n",
			    fmt == FMT_S ? "S" : "D", op, rm, (unsigned long long)a,
			    (unsigned long long)b, (unsigned long long)got, c.exc,
			    (unsigned long long)want, want_exc);
		fail();
	}
	uint64_t mag = want & ~(1ull << (d->fbits + d->ebits));
	if (mag == 1ull << d->fbits && (want_exc & FPX_I)) {
		if (want_exc & FPX_U)
			t->boundary_u++;
		else
			t->boundary_no_u++;
	}
	t->underflow += (want_exc & FPX_U) != 0;
	t->overflow += (want_exc & FPX_O) != 0;
	t->checked++;
}

static void test_arith_against_reference(void **state)
{
	(void)state;
	static const char ops[] = "*/+-";
	struct tally t = { 0 };
	for (unsigned i = 0; i < 200000; i++) {
		bool dbl = rnd() & 1;
		const struct fmt_desc *d = dbl ? &desc_d : &desc_s;
		char op = ops[rnd() % 4];
		uint64_t a = pick(d);
		uint64_t b = (op == '*' && (rnd() & 1)) ? near_min_normal_factor(d, a) : pick(d);
		check_one(d, dbl ? FMT_D : FMT_S, op, a, b, (unsigned)(rnd() % 4), &t);
	}
	printf("fpu_ieee_ref: %u operations, %u underflows, %u overflows, "
	       "%u/%u results of 2^Emin with/without Underflow\n",
	       t.checked, t.underflow, t.overflow, t.boundary_u, t.boundary_no_u);
	/* the generator must keep reaching the interesting cases */
	assert_true(t.checked > 100000);
	assert_true(t.boundary_u > 50 && t.boundary_no_u > 50);
	assert_true(t.underflow > 1000 && t.overflow > 1000);
}

static void test_d_to_s_against_reference(void **state)
{
	(void)state;
	unsigned boundary_u = 0;
	for (unsigned i = 0; i < 100000; i++) {
		int e;
		uint64_t frac = rnd() & ((1ull << 52) - 1);
		switch (rnd() % 5) {
		case 4:  /* just below 2^-126: the tininess boundary */
			e = 1023 - 127;
			frac |= ~0ull << 29;
			break;
		case 0:  e = 1023 - 126 - 30 + (int)(rnd() % 32); break;  /* single subnormals */
		case 1:  e = 1023 + 125 + (int)(rnd() % 4); break;        /* single overflow */
		default: e = 1 + (int)(rnd() % 2046); break;
		}
		frac &= (1ull << 52) - 1;
		if (rnd() & 1)   /* put the bits that matter next to the rounding point */
			frac = (frac | ((1ull << 29) - 1)) ^ (rnd() & ((1ull << 30) - 1));
		uint64_t a = pack(&desc_d, rnd() & 1, e, frac);
		struct exact x;
		decode(&desc_d, a, &x);
		unsigned rm = (unsigned)(rnd() % 4), want_exc;
		uint64_t want = reference(&desc_s, &x, rm, &want_exc);
		struct fpu_ctx c = { .rm = rm };
		uint64_t got = fpu_convert(&c, FMT_S, FMT_D, a);
		if (got != want || c.exc != want_exc) {
			print_error("CVT.S.D rm=%u a=%#llx: got %#llx exc %#x, want %#llx exc %#x\n",
				    rm, (unsigned long long)a, (unsigned long long)got, c.exc,
				    (unsigned long long)want, want_exc);
			fail();
		}
		boundary_u += (want & 0x7FFFFFFF) == 0x00800000 && (want_exc & FPX_U);
	}
	assert_true(boundary_u > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arith_against_reference),
		cmocka_unit_test(test_d_to_s_against_reference),
	};
	return cmocka_run_group_tests_name("fpu_ieee_ref", tests, NULL, NULL);
}
