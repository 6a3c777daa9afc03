/* SPDX-License-Identifier: Apache-2.0 */
/* insn_dsp.c - the MIPS DSP ASE revision 2 instructions (one small
 * definition each, Spike style), the DSP State Disabled check and
 * BPOSGE32. Lanes: .QB = four bytes, .PH = two halfwords (Q15 when the
 * name has Q), .W = one word (Q31). ouflag bits: dsp.h. */
#include "insn_dsp.h"
#include "insn_alu.h"

#define DSP(name) static void dsp_##name(struct machine *m, const struct insn *d)
#define CTL (m->cpu.dsp.ctl)

static inline void ouflag(struct machine *m, unsigned bit)
{
	CTL |= 1u << (DSP_OUFLAG_SHIFT + bit);
}

/* ---- lanes ---------------------------------------------------------------- */
static inline int32_t ph(uint32_t x, unsigned i) { return (int16_t)(x >> (16 * i)); }
static inline uint32_t uph(uint32_t x, unsigned i) { return (x >> (16 * i)) & 0xFFFFu; }
static inline uint32_t qb(uint32_t x, unsigned i) { return (x >> (8 * i)) & 0xFFu; }
static inline int32_t sqb(uint32_t x, unsigned i) { return (int8_t)(x >> (8 * i)); }
static inline uint32_t pack_ph(int32_t hi, int32_t lo)
{
	return ((uint32_t)hi & 0xFFFFu) << 16 | ((uint32_t)lo & 0xFFFFu);
}
static inline uint32_t pack_qb(uint32_t b3, uint32_t b2, uint32_t b1, uint32_t b0)
{
	return (b3 & 0xFF) << 24 | (b2 & 0xFF) << 16 | (b1 & 0xFF) << 8 | (b0 & 0xFF);
}

/* Clamp v to [lo, hi]; raise ouflag bit when it had to. */
static inline int64_t sat(struct machine *m, int64_t v, int64_t lo, int64_t hi, unsigned bit)
{
	if (v > hi) { ouflag(m, bit); return hi; }
	if (v < lo) { ouflag(m, bit); return lo; }
	return v;
}
#define SAT16(v, bit) sat(m, (v), -32768, 32767, (bit))
#define SATU16(v, bit) sat(m, (v), 0, 0xFFFF, (bit))
#define SATU8(v, bit) sat(m, (v), 0, 0xFF, (bit))
#define SAT32(v, bit) sat(m, (v), INT32_MIN, INT32_MAX, (bit))

/* ---- accumulators ---------------------------------------------------------- */
static inline int64_t acc_get(struct machine *m, unsigned ac)
{
	struct cpu *c = &m->cpu;
	uint32_t hi = ac ? c->dsp.hi[ac] : c->hi, lo = ac ? c->dsp.lo[ac] : c->lo;
	return (int64_t)((uint64_t)hi << 32 | lo);
}
static inline void acc_set(struct machine *m, unsigned ac, int64_t v)
{
	struct cpu *c = &m->cpu;
	uint32_t hi = (uint32_t)((uint64_t)v >> 32), lo = (uint32_t)v;
	if (ac) { c->dsp.hi[ac] = hi; c->dsp.lo[ac] = lo; }
	else { c->hi = hi; c->lo = lo; }
}
#define ACC acc_get(m, d->sa)
#define ACC_SET(v) acc_set(m, d->sa, (v))

/* Q15 x Q15 -> Q31 with the one overflow case (-1 * -1) saturated;
 * flag bit is 16 + the accumulator, or the multiply bit. */
static inline int32_t q15_mul(struct machine *m, int32_t a, int32_t b, unsigned bit)
{
	if (a == -32768 && b == -32768) {
		ouflag(m, bit);
		return INT32_MAX;
	}
	return (int32_t)((uint32_t)(a * b) << 1);
}

/* ---- add / subtract -------------------------------------------------------- */
/* Unsigned bytes: wrap (flag on carry/borrow) or saturate. */
static uint32_t qb_addsub(struct machine *m, uint32_t a, uint32_t b, bool sub, bool satur)
{
	uint32_t r[4];
	for (unsigned i = 0; i < 4; i++) {
		int32_t v = sub ? (int32_t)qb(a, i) - (int32_t)qb(b, i) : (int32_t)(qb(a, i) + qb(b, i));
		if (satur)
			v = (int32_t)SATU8(v, DSP_OU_ADD);
		else if (v < 0 || v > 0xFF)
			ouflag(m, DSP_OU_ADD);
		r[i] = (uint32_t)v;
	}
	return pack_qb(r[3], r[2], r[1], r[0]);
}
/* Halfwords, signed (Q15) or unsigned. */
static uint32_t ph_addsub(struct machine *m, uint32_t a, uint32_t b, bool sub, bool satur,
			  bool is_signed)
{
	int32_t r[2];
	for (unsigned i = 0; i < 2; i++) {
		int32_t x = is_signed ? ph(a, i) : (int32_t)uph(a, i);
		int32_t y = is_signed ? ph(b, i) : (int32_t)uph(b, i);
		int32_t v = sub ? x - y : x + y;
		int32_t lo = is_signed ? -32768 : 0, hi = is_signed ? 32767 : 0xFFFF;
		if (satur)
			v = (int32_t)sat(m, v, lo, hi, DSP_OU_ADD);
		else if (v < lo || v > hi)
			ouflag(m, DSP_OU_ADD);
		r[i] = v;
	}
	return pack_ph(r[1], r[0]);
}

DSP(addu_qb) { RD = qb_addsub(m, RS, RT, false, false); }
DSP(subu_qb) { RD = qb_addsub(m, RS, RT, true, false); }
DSP(addu_s_qb) { RD = qb_addsub(m, RS, RT, false, true); }
DSP(subu_s_qb) { RD = qb_addsub(m, RS, RT, true, true); }
DSP(addu_ph) { RD = ph_addsub(m, RS, RT, false, false, false); }
DSP(subu_ph) { RD = ph_addsub(m, RS, RT, true, false, false); }
DSP(addu_s_ph) { RD = ph_addsub(m, RS, RT, false, true, false); }
DSP(subu_s_ph) { RD = ph_addsub(m, RS, RT, true, true, false); }
DSP(addq_ph) { RD = ph_addsub(m, RS, RT, false, false, true); }
DSP(subq_ph) { RD = ph_addsub(m, RS, RT, true, false, true); }
DSP(addq_s_ph) { RD = ph_addsub(m, RS, RT, false, true, true); }
DSP(subq_s_ph) { RD = ph_addsub(m, RS, RT, true, true, true); }
DSP(addq_s_w) { RD = (uint32_t)SAT32((int64_t)(int32_t)RS + (int32_t)RT, DSP_OU_ADD); }
DSP(subq_s_w) { RD = (uint32_t)SAT32((int64_t)(int32_t)RS - (int32_t)RT, DSP_OU_ADD); }
DSP(addsc)
{
	uint64_t v = (uint64_t)RS + RT;
	CTL = (CTL & ~DSP_C) | (v >> 32 ? DSP_C : 0);
	RD = (uint32_t)v;
}
DSP(addwc)
{
	int64_t v = (int64_t)(int32_t)RS + (int32_t)RT + ((CTL & DSP_C) ? 1 : 0);
	if (v > INT32_MAX || v < INT32_MIN)
		ouflag(m, DSP_OU_ADD);
	RD = (uint32_t)v;
}
/* Circular buffer index: rt = last index (23:8) and decrement (7:0). */
DSP(modsub) { uint32_t t = RT; RD = RS == 0 ? (t >> 8) & 0xFFFFu : RS - (t & 0xFFu); }
DSP(raddu_w_qb) { uint32_t s = RS; RD = qb(s, 0) + qb(s, 1) + qb(s, 2) + qb(s, 3); }

DSP(absq_s_qb)
{
	uint32_t t = RT, r[4];
	for (unsigned i = 0; i < 4; i++) {
		int32_t v = sqb(t, i);
		r[i] = (uint32_t)sat(m, v < 0 ? -v : v, -128, 127, DSP_OU_ADD);
	}
	RD = pack_qb(r[3], r[2], r[1], r[0]);
}
DSP(absq_s_ph)
{
	uint32_t t = RT;
	int32_t h = ph(t, 1), l = ph(t, 0);
	RD = pack_ph((int32_t)SAT16(h < 0 ? -h : h, DSP_OU_ADD), (int32_t)SAT16(l < 0 ? -l : l, DSP_OU_ADD));
}
DSP(absq_s_w) { int64_t v = (int32_t)RT; RD = (uint32_t)SAT32(v < 0 ? -v : v, DSP_OU_ADD); }

/* Halving adds/subtracts (r2): (a +- b) >> 1, rounded with _R. */
static inline int64_t halve(int64_t v, bool round) { return (v + (round ? 1 : 0)) >> 1; }
static uint32_t qb_half(uint32_t a, uint32_t b, bool sub, bool round)
{
	uint32_t r[4];
	for (unsigned i = 0; i < 4; i++)
		r[i] = (uint32_t)halve(sub ? (int64_t)qb(a, i) - qb(b, i) : (int64_t)qb(a, i) + qb(b, i), round);
	return pack_qb(r[3], r[2], r[1], r[0]);
}
static uint32_t ph_half(uint32_t a, uint32_t b, bool sub, bool round)
{
	int64_t h = sub ? (int64_t)ph(a, 1) - ph(b, 1) : (int64_t)ph(a, 1) + ph(b, 1);
	int64_t l = sub ? (int64_t)ph(a, 0) - ph(b, 0) : (int64_t)ph(a, 0) + ph(b, 0);
	return pack_ph((int32_t)halve(h, round), (int32_t)halve(l, round));
}
static uint32_t w_half(uint32_t a, uint32_t b, bool sub, bool round)
{
	int64_t v = sub ? (int64_t)(int32_t)a - (int32_t)b : (int64_t)(int32_t)a + (int32_t)b;
	return (uint32_t)halve(v, round);
}
DSP(adduh_qb) { RD = qb_half(RS, RT, false, false); }
DSP(subuh_qb) { RD = qb_half(RS, RT, true, false); }
DSP(adduh_r_qb) { RD = qb_half(RS, RT, false, true); }
DSP(subuh_r_qb) { RD = qb_half(RS, RT, true, true); }
DSP(addqh_ph) { RD = ph_half(RS, RT, false, false); }
DSP(subqh_ph) { RD = ph_half(RS, RT, true, false); }
DSP(addqh_r_ph) { RD = ph_half(RS, RT, false, true); }
DSP(subqh_r_ph) { RD = ph_half(RS, RT, true, true); }
DSP(addqh_w) { RD = w_half(RS, RT, false, false); }
DSP(subqh_w) { RD = w_half(RS, RT, true, false); }
DSP(addqh_r_w) { RD = w_half(RS, RT, false, true); }
DSP(subqh_r_w) { RD = w_half(RS, RT, true, true); }

/* ---- precision expansion / reduction ------------------------------------- */
DSP(precrq_qb_ph) { uint32_t s = RS, t = RT; RD = pack_qb(qb(s, 3), qb(s, 1), qb(t, 3), qb(t, 1)); }
DSP(precr_qb_ph) { uint32_t s = RS, t = RT; RD = pack_qb(qb(s, 2), qb(s, 0), qb(t, 2), qb(t, 0)); }
DSP(precrq_ph_w) { RD = (RS & 0xFFFF0000u) | (RT >> 16); }
static int32_t round_q31_to_q15(struct machine *m, uint32_t x)
{
	int64_t v = ((int64_t)(int32_t)x + 0x8000) >> 16;
	return (int32_t)SAT16(v, DSP_OU_SHIFT);
}
DSP(precrq_rs_ph_w)
{
	uint32_t s = RS, t = RT;
	int32_t h = round_q31_to_q15(m, s), l = round_q31_to_q15(m, t);
	RD = pack_ph(h, l);
}
/* Q15 to unsigned 8-bit: negative -> 0, above 0x7F80 -> 0xFF. */
static uint32_t q15_to_u8(struct machine *m, uint32_t h)
{
	if (h & 0x8000u) { ouflag(m, DSP_OU_SHIFT); return 0; }
	if (h > 0x7F80u) { ouflag(m, DSP_OU_SHIFT); return 0xFF; }
	return (h >> 7) & 0xFF;
}
DSP(precrqu_s_qb_ph)
{
	uint32_t s = RS, t = RT;
	uint32_t b3 = q15_to_u8(m, uph(s, 1)), b2 = q15_to_u8(m, uph(s, 0));
	uint32_t b1 = q15_to_u8(m, uph(t, 1)), b0 = q15_to_u8(m, uph(t, 0));
	RD = pack_qb(b3, b2, b1, b0);
}
static uint32_t sra_round(int32_t x, unsigned sa, bool round)
{
	if (!round || sa == 0)
		return (uint32_t)(x >> sa);
	return (uint32_t)((((int64_t)x >> (sa - 1)) + 1) >> 1);
}
DSP(precr_sra_ph_w) { RD = pack_ph((int32_t)sra_round((int32_t)RT, d->sa, false), (int32_t)sra_round((int32_t)RS, d->sa, false)); }
DSP(precr_sra_r_ph_w) { RD = pack_ph((int32_t)sra_round((int32_t)RT, d->sa, true), (int32_t)sra_round((int32_t)RS, d->sa, true)); }
DSP(preceq_w_phl) { RD = RT & 0xFFFF0000u; }
DSP(preceq_w_phr) { RD = RT << 16; }
DSP(precequ_ph_qbl) { uint32_t t = RT; RD = pack_ph((int32_t)(qb(t, 3) << 7), (int32_t)(qb(t, 2) << 7)); }
DSP(precequ_ph_qbr) { uint32_t t = RT; RD = pack_ph((int32_t)(qb(t, 1) << 7), (int32_t)(qb(t, 0) << 7)); }
DSP(precequ_ph_qbla) { uint32_t t = RT; RD = pack_ph((int32_t)(qb(t, 3) << 7), (int32_t)(qb(t, 1) << 7)); }
DSP(precequ_ph_qbra) { uint32_t t = RT; RD = pack_ph((int32_t)(qb(t, 2) << 7), (int32_t)(qb(t, 0) << 7)); }
DSP(preceu_ph_qbl) { uint32_t t = RT; RD = pack_ph((int32_t)qb(t, 3), (int32_t)qb(t, 2)); }
DSP(preceu_ph_qbr) { uint32_t t = RT; RD = pack_ph((int32_t)qb(t, 1), (int32_t)qb(t, 0)); }
DSP(preceu_ph_qbla) { uint32_t t = RT; RD = pack_ph((int32_t)qb(t, 3), (int32_t)qb(t, 1)); }
DSP(preceu_ph_qbra) { uint32_t t = RT; RD = pack_ph((int32_t)qb(t, 2), (int32_t)qb(t, 0)); }

/* ---- shifts ---------------------------------------------------------------- */
static uint32_t shll_qb(struct machine *m, uint32_t t, unsigned s)
{
	uint32_t r[4];
	for (unsigned i = 0; i < 4; i++) {
		uint32_t v = qb(t, i) << s;
		if (v > 0xFF)
			ouflag(m, DSP_OU_SHIFT);
		r[i] = v;
	}
	return pack_qb(r[3], r[2], r[1], r[0]);
}
static uint32_t shrl_qb(uint32_t t, unsigned s)
{
	return pack_qb(qb(t, 3) >> s, qb(t, 2) >> s, qb(t, 1) >> s, qb(t, 0) >> s);
}
static uint32_t shra_qb(uint32_t t, unsigned s, bool round)
{
	return pack_qb(sra_round(sqb(t, 3), s, round), sra_round(sqb(t, 2), s, round),
		       sra_round(sqb(t, 1), s, round), sra_round(sqb(t, 0), s, round));
}
/* Q15 shift left: wrap or saturate; flag when the value does not fit. */
static uint32_t shll_ph(struct machine *m, uint32_t t, unsigned s, bool satur)
{
	int32_t r[2];
	for (unsigned i = 0; i < 2; i++) {
		int64_t v = (int64_t)ph(t, i) * ((int64_t)1 << s);
		r[i] = satur ? (int32_t)SAT16(v, DSP_OU_SHIFT) : (int32_t)v;
		if (!satur && (v > 32767 || v < -32768))
			ouflag(m, DSP_OU_SHIFT);
	}
	return pack_ph(r[1], r[0]);
}
static uint32_t shra_ph(uint32_t t, unsigned s, bool round)
{
	return pack_ph((int32_t)sra_round(ph(t, 1), s, round), (int32_t)sra_round(ph(t, 0), s, round));
}
static uint32_t shrl_ph(uint32_t t, unsigned s)
{
	return pack_ph((int32_t)(uph(t, 1) >> s), (int32_t)(uph(t, 0) >> s));
}
static uint32_t shll_s_w(struct machine *m, uint32_t t, unsigned s)
{
	return (uint32_t)SAT32((int64_t)(int32_t)t * ((int64_t)1 << s), DSP_OU_SHIFT);
}
DSP(shll_qb) { RD = shll_qb(m, RT, d->sa & 7); }
DSP(shllv_qb) { RD = shll_qb(m, RT, RS & 7); }
DSP(shrl_qb) { RD = shrl_qb(RT, d->sa & 7); }
DSP(shrlv_qb) { RD = shrl_qb(RT, RS & 7); }
DSP(shra_qb) { RD = shra_qb(RT, d->sa & 7, false); }
DSP(shra_r_qb) { RD = shra_qb(RT, d->sa & 7, true); }
DSP(shrav_qb) { RD = shra_qb(RT, RS & 7, false); }
DSP(shrav_r_qb) { RD = shra_qb(RT, RS & 7, true); }
DSP(shll_ph) { RD = shll_ph(m, RT, d->sa & 15, false); }
DSP(shllv_ph) { RD = shll_ph(m, RT, RS & 15, false); }
DSP(shll_s_ph) { RD = shll_ph(m, RT, d->sa & 15, true); }
DSP(shllv_s_ph) { RD = shll_ph(m, RT, RS & 15, true); }
DSP(shra_ph) { RD = shra_ph(RT, d->sa & 15, false); }
DSP(shrav_ph) { RD = shra_ph(RT, RS & 15, false); }
DSP(shra_r_ph) { RD = shra_ph(RT, d->sa & 15, true); }
DSP(shrav_r_ph) { RD = shra_ph(RT, RS & 15, true); }
DSP(shrl_ph) { RD = shrl_ph(RT, d->sa & 15); }
DSP(shrlv_ph) { RD = shrl_ph(RT, RS & 15); }
DSP(shll_s_w) { RD = shll_s_w(m, RT, d->sa & 31); }
DSP(shllv_s_w) { RD = shll_s_w(m, RT, RS & 31); }
DSP(shra_r_w) { RD = sra_round((int32_t)RT, d->sa & 31, true); }
DSP(shrav_r_w) { RD = sra_round((int32_t)RT, RS & 31, true); }

/* ---- multiplies with a GPR result ----------------------------------------- */
static uint32_t muleu(struct machine *m, uint32_t bytes_hi, uint32_t bytes_lo, uint32_t t)
{
	uint32_t h = (uint32_t)SATU16((int64_t)bytes_hi * uph(t, 1), DSP_OU_MUL);
	uint32_t l = (uint32_t)SATU16((int64_t)bytes_lo * uph(t, 0), DSP_OU_MUL);
	return pack_ph((int32_t)h, (int32_t)l);
}
DSP(muleu_s_ph_qbl) { uint32_t s = RS; RD = muleu(m, qb(s, 3), qb(s, 2), RT); }
DSP(muleu_s_ph_qbr) { uint32_t s = RS; RD = muleu(m, qb(s, 1), qb(s, 0), RT); }
/* Q15 x Q15 -> Q15, truncated or rounded. */
static int32_t q15_mul_q15(struct machine *m, int32_t a, int32_t b, bool round)
{
	if (a == -32768 && b == -32768) {
		ouflag(m, DSP_OU_MUL);
		return 32767;
	}
	int64_t p = (int64_t)a * b * 2 + (round ? 0x8000 : 0);
	return (int32_t)(p >> 16);
}
DSP(mulq_rs_ph)
{
	uint32_t s = RS, t = RT;
	int32_t h = q15_mul_q15(m, ph(s, 1), ph(t, 1), true), l = q15_mul_q15(m, ph(s, 0), ph(t, 0), true);
	RD = pack_ph(h, l);
}
DSP(mulq_s_ph)
{
	uint32_t s = RS, t = RT;
	int32_t h = q15_mul_q15(m, ph(s, 1), ph(t, 1), false), l = q15_mul_q15(m, ph(s, 0), ph(t, 0), false);
	RD = pack_ph(h, l);
}
DSP(muleq_s_w_phl) { RD = (uint32_t)q15_mul(m, ph(RS, 1), ph(RT, 1), DSP_OU_MUL); }
DSP(muleq_s_w_phr) { RD = (uint32_t)q15_mul(m, ph(RS, 0), ph(RT, 0), DSP_OU_MUL); }
static uint32_t mul_ph(struct machine *m, uint32_t s, uint32_t t, bool satur)
{
	int32_t r[2];
	for (unsigned i = 0; i < 2; i++) {
		int64_t p = (int64_t)ph(s, i) * ph(t, i);
		r[i] = satur ? (int32_t)SAT16(p, DSP_OU_MUL) : (int32_t)p;
		if (!satur && (p > 32767 || p < -32768))
			ouflag(m, DSP_OU_MUL);
	}
	return pack_ph(r[1], r[0]);
}
DSP(mul_ph) { RD = mul_ph(m, RS, RT, false); }
DSP(mul_s_ph) { RD = mul_ph(m, RS, RT, true); }
static uint32_t mulq_w(struct machine *m, uint32_t s, uint32_t t, bool round)
{
	if (s == 0x80000000u && t == 0x80000000u) {
		ouflag(m, DSP_OU_MUL);
		return 0x7FFFFFFFu;
	}
	int64_t p = (int64_t)(int32_t)s * (int32_t)t * 2 + (round ? 0x80000000LL : 0);
	return (uint32_t)(p >> 32);
}
DSP(mulq_s_w) { RD = mulq_w(m, RS, RT, false); }
DSP(mulq_rs_w) { RD = mulq_w(m, RS, RT, true); }

/* ---- multiplies into an accumulator -------------------------------------- */
static inline unsigned acc_flag(const struct insn *d) { return d->sa; } /* ouflag bit 16 + ac */

DSP(dpau_h_qbl) { uint32_t s = RS, t = RT; ACC_SET(ACC + (int64_t)(qb(s, 3) * qb(t, 3) + qb(s, 2) * qb(t, 2))); }
DSP(dpau_h_qbr) { uint32_t s = RS, t = RT; ACC_SET(ACC + (int64_t)(qb(s, 1) * qb(t, 1) + qb(s, 0) * qb(t, 0))); }
DSP(dpsu_h_qbl) { uint32_t s = RS, t = RT; ACC_SET(ACC - (int64_t)(qb(s, 3) * qb(t, 3) + qb(s, 2) * qb(t, 2))); }
DSP(dpsu_h_qbr) { uint32_t s = RS, t = RT; ACC_SET(ACC - (int64_t)(qb(s, 1) * qb(t, 1) + qb(s, 0) * qb(t, 0))); }
/* Integer 16 x 16 dot products: straight (hi*hi + lo*lo) or crossed (x). */
static int64_t dot16(uint32_t s, uint32_t t, bool cross)
{
	return (int64_t)ph(s, 1) * ph(t, cross ? 0 : 1) + (int64_t)ph(s, 0) * ph(t, cross ? 1 : 0);
}
DSP(dpa_w_ph) { ACC_SET(ACC + dot16(RS, RT, false)); }
DSP(dps_w_ph) { ACC_SET(ACC - dot16(RS, RT, false)); }
DSP(dpax_w_ph) { ACC_SET(ACC + dot16(RS, RT, true)); }
DSP(dpsx_w_ph) { ACC_SET(ACC - dot16(RS, RT, true)); }
DSP(mulsa_w_ph) { uint32_t s = RS, t = RT; ACC_SET(ACC + (int64_t)ph(s, 1) * ph(t, 1) - (int64_t)ph(s, 0) * ph(t, 0)); }
/* Fractional dot products: two saturated Q31 products. */
static int64_t dotq(struct machine *m, const struct insn *d, bool cross)
{
	uint32_t s = RS, t = RT;
	int64_t a = q15_mul(m, ph(s, 1), ph(t, cross ? 0 : 1), acc_flag(d));
	int64_t b = q15_mul(m, ph(s, 0), ph(t, cross ? 1 : 0), acc_flag(d));
	return a + b;
}
DSP(dpaq_s_w_ph) { ACC_SET(ACC + dotq(m, d, false)); }
DSP(dpsq_s_w_ph) { ACC_SET(ACC - dotq(m, d, false)); }
DSP(dpaqx_s_w_ph) { ACC_SET(ACC + dotq(m, d, true)); }
DSP(dpsqx_s_w_ph) { ACC_SET(ACC - dotq(m, d, true)); }
DSP(dpaqx_sa_w_ph) { int64_t p = dotq(m, d, true); ACC_SET(SAT32(ACC + p, acc_flag(d))); }
DSP(dpsqx_sa_w_ph) { int64_t p = dotq(m, d, true); ACC_SET(SAT32(ACC - p, acc_flag(d))); }
DSP(mulsaq_s_w_ph)
{
	uint32_t s = RS, t = RT;
	int64_t a = q15_mul(m, ph(s, 1), ph(t, 1), acc_flag(d));
	int64_t b = q15_mul(m, ph(s, 0), ph(t, 0), acc_flag(d));
	ACC_SET(ACC + a - b);
}
/* Q31 x Q31 -> Q63 accumulated with 64-bit saturation. */
static void dpq_sa_l(struct machine *m, const struct insn *d, bool sub)
{
	uint32_t s = RS, t = RT;
	__int128 p;
	if (s == 0x80000000u && t == 0x80000000u) {
		ouflag(m, acc_flag(d));
		p = INT64_MAX;
	} else {
		p = (__int128)((int64_t)(int32_t)s * (int32_t)t) * 2;
	}
	__int128 v = (__int128)ACC + (sub ? -p : p);
	if (v > INT64_MAX) { ouflag(m, acc_flag(d)); v = INT64_MAX; }
	if (v < INT64_MIN) { ouflag(m, acc_flag(d)); v = INT64_MIN; }
	ACC_SET((int64_t)v);
}
DSP(dpaq_sa_l_w) { dpq_sa_l(m, d, false); }
DSP(dpsq_sa_l_w) { dpq_sa_l(m, d, true); }
/* MAQ_SA: the sum saturates to Q31 when its bits 32 and 31 differ, and the
 * result is the Q31 word sign-extended into HI (the architecture's 33-bit
 * temporary; QEMU agrees). */
static void maq(struct machine *m, const struct insn *d, unsigned lane, bool satur)
{
	int64_t v = ACC + q15_mul(m, ph(RS, lane), ph(RT, lane), acc_flag(d));
	if (satur) {
		unsigned b32 = (unsigned)((uint64_t)v >> 32) & 1, b31 = (unsigned)((uint64_t)v >> 31) & 1;
		if (b32 != b31) {
			ouflag(m, acc_flag(d));
			v = b32 ? INT32_MIN : INT32_MAX;
		}
		v = (int32_t)v;
	}
	ACC_SET(v);
}
DSP(maq_s_w_phl) { maq(m, d, 1, false); }
DSP(maq_s_w_phr) { maq(m, d, 0, false); }
DSP(maq_sa_w_phl) { maq(m, d, 1, true); }
DSP(maq_sa_w_phr) { maq(m, d, 0, true); }

/* ---- bit manipulation, compare, pick ------------------------------------- */
DSP(bitrev)
{
	uint32_t t = RT & 0xFFFFu, r = 0;
	for (unsigned i = 0; i < 16; i++)
		r |= ((t >> i) & 1u) << (15 - i);
	RD = r;
}
/* INSV: rt[pos+size-1:pos] = rs[size-1:0] with DSPControl pos and scount.
 * The UNPREDICTABLE cases as QEMU: pos taken modulo 32; size 0 or a field
 * ending above bit 32 leaves rt unchanged, one ending at bit 32 is cut. */
DSP(insv)
{
	unsigned pos = CTL & 31, size = (CTL & DSP_SCOUNT) >> DSP_SCOUNT_SHIFT;
	if (size == 0 || pos + size > 33)
		return;
	uint32_t mask = (uint32_t)(((1ull << size) - 1) << pos);
	RD = (RT & ~mask) | ((RS << pos) & mask);
}
DSP(repl_qb) { uint32_t b = (d->raw >> 16) & 0xFF; RD = b * 0x01010101u; }
DSP(replv_qb) { RD = (RT & 0xFF) * 0x01010101u; }
DSP(repl_ph)
{
	int32_t v = (int32_t)((d->raw >> 16) & 0x3FF);
	if (v & 0x200)
		v -= 0x400;
	RD = pack_ph(v, v);
}
DSP(replv_ph) { RD = (RT & 0xFFFFu) * 0x00010001u; }

enum cmp_kind { CMP_EQ, CMP_LT, CMP_LE };
static inline bool cmp(int32_t a, int32_t b, enum cmp_kind k)
{
	return k == CMP_EQ ? a == b : k == CMP_LT ? a < b : a <= b;
}
static uint32_t cmp_qb(uint32_t s, uint32_t t, enum cmp_kind k)
{
	uint32_t r = 0;
	for (unsigned i = 0; i < 4; i++)
		r |= (uint32_t)cmp((int32_t)qb(s, i), (int32_t)qb(t, i), k) << i;
	return r;
}
static void set_ccond(struct machine *m, uint32_t bits, uint32_t mask)
{
	CTL = (CTL & ~(mask << DSP_CCOND_SHIFT)) | bits << DSP_CCOND_SHIFT;
}
DSP(cmpu_eq_qb) { set_ccond(m, cmp_qb(RS, RT, CMP_EQ), 0xF); }
DSP(cmpu_lt_qb) { set_ccond(m, cmp_qb(RS, RT, CMP_LT), 0xF); }
DSP(cmpu_le_qb) { set_ccond(m, cmp_qb(RS, RT, CMP_LE), 0xF); }
DSP(cmpgu_eq_qb) { RD = cmp_qb(RS, RT, CMP_EQ); }
DSP(cmpgu_lt_qb) { RD = cmp_qb(RS, RT, CMP_LT); }
DSP(cmpgu_le_qb) { RD = cmp_qb(RS, RT, CMP_LE); }
DSP(cmpgdu_eq_qb) { uint32_t r = cmp_qb(RS, RT, CMP_EQ); set_ccond(m, r, 0xF); RD = r; }
DSP(cmpgdu_lt_qb) { uint32_t r = cmp_qb(RS, RT, CMP_LT); set_ccond(m, r, 0xF); RD = r; }
DSP(cmpgdu_le_qb) { uint32_t r = cmp_qb(RS, RT, CMP_LE); set_ccond(m, r, 0xF); RD = r; }
static uint32_t cmp_ph(uint32_t s, uint32_t t, enum cmp_kind k)
{
	return (uint32_t)cmp(ph(s, 0), ph(t, 0), k) | (uint32_t)cmp(ph(s, 1), ph(t, 1), k) << 1;
}
DSP(cmp_eq_ph) { set_ccond(m, cmp_ph(RS, RT, CMP_EQ), 0x3); }
DSP(cmp_lt_ph) { set_ccond(m, cmp_ph(RS, RT, CMP_LT), 0x3); }
DSP(cmp_le_ph) { set_ccond(m, cmp_ph(RS, RT, CMP_LE), 0x3); }
DSP(pick_qb)
{
	uint32_t cc = CTL >> DSP_CCOND_SHIFT, s = RS, t = RT, r = 0;
	for (unsigned i = 0; i < 4; i++)
		r |= (((cc >> i) & 1) ? qb(s, i) : qb(t, i)) << (8 * i);
	RD = r;
}
DSP(pick_ph)
{
	uint32_t cc = CTL >> DSP_CCOND_SHIFT, s = RS, t = RT;
	RD = (((cc & 2) ? s : t) & 0xFFFF0000u) | (((cc & 1) ? s : t) & 0xFFFFu);
}
DSP(packrl_ph) { RD = RS << 16 | RT >> 16; }
DSP(append) { unsigned sa = d->sa; RD = sa ? (RT << sa) | (RS & ((1u << sa) - 1)) : RT; }
DSP(prepend) { unsigned sa = d->sa; RD = sa ? (RS << (32 - sa)) | (RT >> sa) : RT; }
/* BALIGN: bp 1 and 3 shift bytes in; bp 0 and 2 leave rt unchanged (as
 * QEMU's model; docs/simulator-cpu.md). */
DSP(balign) { unsigned bp = d->sa & 3; RD = (bp & 1) ? (RT << (8 * bp)) | (RS >> (8 * (4 - bp))) : RT; }

/* ---- accumulator and DSPControl access ------------------------------------ */
/* EXTR family: (ac >> shift) as a word, optionally rounded and saturated;
 * ouflag bit 23 when the (rounded) value does not fit in 32 bits. */
static uint32_t extr_w(struct machine *m, const struct insn *d, unsigned shift, bool round, bool satur)
{
	__int128 v = ACC;
	if (round)
		v = shift ? ((v >> (shift - 1)) + 1) >> 1 : v;
	else
		v >>= shift;
	if (v > INT32_MAX || v < INT32_MIN) {
		ouflag(m, DSP_OU_EXTR);
		if (satur)
			return v < 0 ? 0x80000000u : 0x7FFFFFFFu;
	}
	return (uint32_t)v;
}
DSP(extr_w) { RD = extr_w(m, d, d->rs, false, false); }
DSP(extrv_w) { RD = extr_w(m, d, RS & 31, false, false); }
DSP(extr_r_w) { RD = extr_w(m, d, d->rs, true, false); }
DSP(extrv_r_w) { RD = extr_w(m, d, RS & 31, true, false); }
DSP(extr_rs_w) { RD = extr_w(m, d, d->rs, true, true); }
DSP(extrv_rs_w) { RD = extr_w(m, d, RS & 31, true, true); }
static uint32_t extr_s_h(struct machine *m, const struct insn *d, unsigned shift)
{
	return (uint32_t)(int32_t)SAT16(ACC >> shift, DSP_OU_EXTR);
}
DSP(extr_s_h) { RD = extr_s_h(m, d, d->rs); }
DSP(extrv_s_h) { RD = extr_s_h(m, d, RS & 31); }
/* EXTP: size + 1 bits ending at DSPControl.pos; EFI = 1 and rt unchanged
 * when pos < size (rt then 0). EXTPDP also moves pos down past the field. */
static void extp(struct machine *m, const struct insn *d, unsigned size, bool dp)
{
	unsigned pos = CTL & DSP_POS;
	if (pos < size) {
		CTL |= DSP_EFI;
		RD = 0; /* UNPREDICTABLE; 0 as QEMU (docs/simulator-cpu.md) */
		return;
	}
	uint64_t v = (uint64_t)ACC >> (pos - size);
	RD = (uint32_t)(v & ((2ull << size) - 1));
	CTL &= ~DSP_EFI;
	if (dp)
		CTL = (CTL & ~DSP_POS) | ((pos - size - 1) & DSP_POS);
}
DSP(extp) { extp(m, d, d->rs, false); }
DSP(extpv) { extp(m, d, RS & 31, false); }
DSP(extpdp) { extp(m, d, d->rs, true); }
DSP(extpdpv) { extp(m, d, RS & 31, true); }
/* SHILO: shift the accumulator by a signed 6-bit amount, right if positive. */
static void shilo(struct machine *m, const struct insn *d, uint32_t field)
{
	int32_t s = (int32_t)(field & 0x3F);
	uint64_t v = (uint64_t)ACC;
	if (s & 0x20)
		s -= 0x40;
	ACC_SET((int64_t)(s >= 0 ? v >> s : v << -s));
}
DSP(shilo) { shilo(m, d, d->raw >> 20); }
DSP(shilov) { shilo(m, d, RS); }
DSP(mthlip)
{
	int64_t v = (int64_t)((uint64_t)(uint32_t)ACC << 32 | RS);
	unsigned pos = CTL & DSP_POS;
	ACC_SET(v);
	/* pos > 32 before is UNPREDICTABLE: pos kept then, as QEMU does */
	if (pos <= 32)
		CTL = (CTL & ~DSP_POS) | ((pos + 32) & DSP_POS);
}
/* WRDSP/RDDSP mask bits: pos, scount, c, ouflag, ccond, EFI. */
static uint32_t dsp_field_mask(uint32_t mask)
{
	static const uint32_t fields[6] = { DSP_POS, DSP_SCOUNT, DSP_C, DSP_OUFLAG, DSP_CCOND, DSP_EFI };
	uint32_t r = 0;
	for (unsigned i = 0; i < 6; i++)
		if (mask & (1u << i))
			r |= fields[i];
	return r;
}
DSP(wrdsp) { uint32_t f = dsp_field_mask(d->raw >> 11); CTL = (CTL & ~f) | (RS & f); }
DSP(rddsp) { RD = CTL & dsp_field_mask(d->raw >> 16); }

/* ---- indexed loads ---------------------------------------------------------- */
static void load_indexed(struct machine *m, const struct insn *d, unsigned size, bool sign)
{
	uint32_t va = RS + RT, v;
	if (va & (size - 1)) {
		cpu_raise_addr(m, EXC_ADEL, va);
		return;
	}
	if (!mem_load(m, va, size, &v))
		return;
	if (sign && size == 2)
		v = (uint32_t)(int32_t)(int16_t)v;
	RD = v;
}
DSP(lwx) { load_indexed(m, d, 4, false); }
DSP(lhx) { load_indexed(m, d, 2, true); }
DSP(lbux) { load_indexed(m, d, 1, false); }

/* ---- HI/LO instructions on ac1-ac3 ---------------------------------------- */
DSP(mfhi_ac) { RD = m->cpu.dsp.hi[d->sa]; }
DSP(mflo_ac) { RD = m->cpu.dsp.lo[d->sa]; }
DSP(mthi_ac) { m->cpu.dsp.hi[d->sa] = RS; }
DSP(mtlo_ac) { m->cpu.dsp.lo[d->sa] = RS; }
DSP(mult_ac) { mdu_mult_cost(m, RT, true); ACC_SET((int64_t)(int32_t)RS * (int32_t)RT); }
DSP(multu_ac) { mdu_mult_cost(m, RT, false); ACC_SET((int64_t)((uint64_t)RS * RT)); }
DSP(madd_ac) { mdu_mult_cost(m, RT, true); ACC_SET(ACC + (int64_t)(int32_t)RS * (int32_t)RT); }
DSP(maddu_ac) { mdu_mult_cost(m, RT, false); ACC_SET((int64_t)((uint64_t)ACC + (uint64_t)RS * RT)); }
DSP(msub_ac) { mdu_mult_cost(m, RT, true); ACC_SET(ACC - (int64_t)(int32_t)RS * (int32_t)RT); }
DSP(msubu_ac) { mdu_mult_cost(m, RT, false); ACC_SET((int64_t)((uint64_t)ACC - (uint64_t)RS * RT)); }

/* ---- dispatch --------------------------------------------------------------- */
typedef void (*dsp_fn)(struct machine *m, const struct insn *d);
#define DSP_FN_S3(name, fn, op2, cyc) dsp_##name,
#define DSP_FN_ACC(name) dsp_##name,
static const dsp_fn dsp_handlers[DSP_ID_COUNT] = {
	DSP_SPECIAL3_LIST(DSP_FN_S3) DSP_ACC_LIST(DSP_FN_ACC)
};
#undef DSP_FN_S3
#undef DSP_FN_ACC

/* DSP State Disabled: Status.MX of the running context; in guest mode
 * root's Status.MX too (else a root DSPDis exit, hardware.md section 2). */
static bool dsp_usable(struct machine *m)
{
	if (unlikely(m->cpu.hz.exec))
		hazard_mx_use(m);
	if (unlikely(!(m->cpu.cp0.status & ST_MX))) {
		cpu_raise(m, EXC_DSPDIS);
		return false;
	}
	return likely(!m->cpu.guest) || vz_guest_mx_ok(m);
}

OP(dsp)
{
	if (dsp_usable(m))
		dsp_handlers[d->imm](m, d);
}

/* BPOSGE32: branch when DSPControl.pos >= 32 (read before the delay slot). */
OP(bposge32)
{
	if (!dsp_usable(m))
		return;
	uint32_t next = m->cpu.pc + ((CTL & DSP_POS) >= 32 ? d->imm : 4);
	if (cpu_exec_delay_slot(m))
		m->cpu.pc = next;
}
