/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_unit.c - host unit tests of the FPU model (simulator/cpu/fpu*.c),
 * driven through fpu_exec() with a minimal fake of the core's services.
 * Expected values are IEEE 754 facts worked out by hand (noted where not
 * obvious), not outputs of the model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cpu/fpu.h"

/* ---- fake core ----------------------------------------------------------- */
static struct fpu fpu;
static bool fr_mode;
static uint32_t gpr[32];
#define MEM_BASE 0x1000u
static uint8_t mem[256];
static struct machine *const M = NULL;   /* never dereferenced by the FPU */

struct fpu *cpu_fpu(struct machine *m) { (void)m; return &fpu; }
bool cpu_fpu_fr(const struct machine *m) { (void)m; return fr_mode; }
uint32_t cpu_gpr_read(struct machine *m, unsigned r) { (void)m; return r ? gpr[r] : 0; }
void cpu_gpr_write(struct machine *m, unsigned r, uint32_t v) { (void)m; if (r) gpr[r] = v; }

/* Like the core: aligned accesses inside the fake RAM, otherwise "an
 * exception was taken". */
bool cpu_load(struct machine *m, uint32_t va, unsigned size, uint64_t *val)
{
	(void)m;
	if (va % size || va < MEM_BASE || va + size > MEM_BASE + sizeof mem)
		return false;
	uint64_t v = 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)mem[va - MEM_BASE + i] << (8 * i);
	*val = v;
	return true;
}

bool cpu_store(struct machine *m, uint32_t va, unsigned size, uint64_t val)
{
	(void)m;
	if (va % size || va < MEM_BASE || va + size > MEM_BASE + sizeof mem)
		return false;
	for (unsigned i = 0; i < size; i++)
		mem[va - MEM_BASE + i] = (uint8_t)(val >> (8 * i));
	return true;
}

static int setup(void **state)
{
	(void)state;
	fpu_reset(&fpu);
	fr_mode = true;
	memset(gpr, 0, sizeof gpr);
	memset(mem, 0, sizeof mem);
	return 0;
}

/* ---- encodings ----------------------------------------------------------- */
enum { S = 16, D = 17, W = 20, L = 21, PS = 22 };
enum {
	F_ADD = 0, F_SUB, F_MUL, F_DIV, F_SQRT, F_ABS, F_MOV, F_NEG,
	F_ROUND_L, F_TRUNC_L, F_CEIL_L, F_FLOOR_L, F_ROUND_W, F_TRUNC_W, F_CEIL_W, F_FLOOR_W,
	F_MOVCF = 17, F_MOVZ = 18, F_MOVN = 19, F_RECIP = 21, F_RSQRT = 22,
	F_CVT_S = 32, F_CVT_D = 33, F_CVT_W = 36, F_CVT_L = 37,
};

static uint32_t cop1(unsigned fmt, unsigned ft, unsigned fs, unsigned fd, unsigned func)
{
	return 0x44000000u | fmt << 21 | ft << 16 | fs << 11 | fd << 6 | func;
}

static uint32_t c_cond(unsigned fmt, unsigned cond, unsigned cc, unsigned fs, unsigned ft)
{
	return cop1(fmt, ft, fs, cc << 2, 48 | cond);
}

static uint32_t cop1x(unsigned fr, unsigned ft, unsigned fs, unsigned fd, unsigned func)
{
	return 0x4C000000u | fr << 21 | ft << 16 | fs << 11 | fd << 6 | func;
}

static uint32_t movci(unsigned rd, unsigned rs, unsigned cc, unsigned tf)
{
	return rs << 21 | cc << 18 | tf << 16 | rd << 11 | 0x01;
}

/* Move-to/from encodings: rs field selects the operation. */
static uint32_t cop1_move(unsigned op, unsigned rt, unsigned fs)
{
	return 0x44000000u | op << 21 | rt << 16 | fs << 11;
}
enum { MFC1 = 0, CFC1 = 2, MFHC1 = 3, MTC1 = 4, CTC1 = 6, MTHC1 = 7 };

/* FCSR fields */
#define CAUSE(f)   ((f) >> 12 & 0x3F)
#define FLAGS(f)   ((f) >> 2 & 0x1F)
enum { XI = 1, XU = 2, XO = 4, XZ = 8, XV = 16, XE = 32 };
#define ENABLE(x)  ((uint32_t)(x) << 7)

/* ---- helpers ------------------------------------------------------------- */
static uint32_t fbits(float x) { uint32_t v; memcpy(&v, &x, 4); return v; }
static uint64_t dbits(double x) { uint64_t v; memcpy(&v, &x, 8); return v; }

static void set_s(unsigned r, uint32_t v) { fpu_put_word(&fpu, fr_mode, r, v); }
static uint32_t get_s(unsigned r) { return fpu_get_word(&fpu, fr_mode, r); }
static void set_d(unsigned r, uint64_t v) { fpu_put_double(&fpu, fr_mode, r, v); }
static uint64_t get_d(unsigned r) { return fpu_get_double(&fpu, fr_mode, r); }

static enum fpu_result run(uint32_t insn) { return fpu_exec(M, insn); }

/* Binary single op f0 = f2 op f4 under rm, expecting result, cause. */
static void check_s2(unsigned func, uint32_t a, uint32_t b, unsigned rm,
		     uint32_t expect, unsigned cause)
{
	fpu.fcsr = rm;
	set_s(2, a);
	set_s(4, b);
	set_s(0, 0xDEADBEEF);
	assert_int_equal(run(cop1(S, 4, 2, 0, func)), FPU_OK);
	assert_int_equal(get_s(0), expect);
	assert_int_equal(CAUSE(fpu.fcsr), cause);
	assert_int_equal(FLAGS(fpu.fcsr), cause & 0x1F);
}

static void check_d2(unsigned func, uint64_t a, uint64_t b, unsigned rm,
		     uint64_t expect, unsigned cause)
{
	fpu.fcsr = rm;
	set_d(2, a);
	set_d(4, b);
	set_d(0, 0xDEADBEEFDEADBEEFull);
	assert_int_equal(run(cop1(D, 4, 2, 0, func)), FPU_OK);
	assert_int_equal(get_d(0), expect);
	assert_int_equal(CAUSE(fpu.fcsr), cause);
	assert_int_equal(FLAGS(fpu.fcsr), cause & 0x1F);
}

#define SNAN_S 0x7FC00000u     /* legacy: top fraction bit set = signalling */
#define QNAN_S 0x7F800123u     /* top fraction bit clear = quiet */
#define DNAN_S 0x7FBFFFFFu
#define SNAN_D 0x7FF8000000000000ull
#define QNAN_D 0x7FF0000000000456ull
#define DNAN_D 0x7FF7FFFFFFFFFFFFull
#define ONE_S  0x3F800000u
#define ONE_D  0x3FF0000000000000ull

/* ---- tests ----------------------------------------------------------------- */

static void test_reset_and_fir(void **state)
{
	(void)state;
	gpr[5] = 0x12345678;
	assert_int_equal(run(cop1_move(CFC1, 5, 0)), FPU_OK);
	/* FC | F64 | L | W | D | S, ProcessorID 0xA7 (M5150), revision 0x20 as PRId, no PS/3D/2008 */
	assert_int_equal(gpr[5], 0x0173A720u);
	assert_int_equal(run(cop1_move(CFC1, 5, 31)), FPU_OK);
	assert_int_equal(gpr[5], 0);
	/* FIR is read-only */
	gpr[6] = 0;
	assert_int_equal(run(cop1_move(CTC1, 6, 0)), FPU_OK);
	assert_int_equal(fpu.fir, 0x0173A720u);
}

static void test_fr0_register_pairs(void **state)
{
	(void)state;
	fr_mode = false;
	gpr[8] = 0x11111111;
	gpr[9] = 0x22222222;
	assert_int_equal(run(cop1_move(MTC1, 8, 6)), FPU_OK);
	assert_int_equal(run(cop1_move(MTC1, 9, 7)), FPU_OK);
	/* the pair f6/f7 is one double: f6 low word, f7 high word */
	assert_int_equal(fpu_get_double(&fpu, false, 6), 0x2222222211111111ull);
	gpr[10] = 0x33333333;
	assert_int_equal(run(cop1_move(MTHC1, 10, 6)), FPU_OK);
	assert_int_equal(fpu_get_word(&fpu, false, 7), 0x33333333u);
	assert_int_equal(run(cop1_move(MFHC1, 11, 6)), FPU_OK);
	assert_int_equal(gpr[11], 0x33333333u);
	fpu_put_double(&fpu, false, 2, dbits(1.5));
	assert_int_equal(fpu_get_word(&fpu, false, 2), 0);
	assert_int_equal(fpu_get_word(&fpu, false, 3), 0x3FF80000u);
	/* ADD.D on the pairs */
	fpu_put_double(&fpu, false, 4, dbits(2.25));
	assert_int_equal(run(cop1(D, 4, 2, 0, F_ADD)), FPU_OK);
	assert_int_equal(fpu_get_double(&fpu, false, 0), dbits(3.75));
	/* singles use every register, even and odd */
	fpu_put_word(&fpu, false, 5, fbits(2.0f));
	fpu_put_word(&fpu, false, 9, fbits(3.0f));
	assert_int_equal(run(cop1(S, 9, 5, 11, F_MUL)), FPU_OK);
	assert_int_equal(fpu_get_word(&fpu, false, 11), fbits(6.0f));
	/* odd register numbers for 64-bit formats are reserved */
	assert_int_equal(run(cop1(D, 4, 3, 0, F_ADD)), FPU_EXC_RI);
	assert_int_equal(run(cop1(D, 4, 2, 1, F_ADD)), FPU_EXC_RI);
	assert_int_equal(run(cop1(S, 0, 2, 1, F_CVT_D)), FPU_EXC_RI);
	assert_int_equal(run(cop1(L, 0, 3, 0, F_CVT_D)), FPU_EXC_RI);
	/* the L format is UNPREDICTABLE with FR = 0: reserved too */
	assert_int_equal(run(cop1(L, 0, 2, 0, F_CVT_D)), FPU_EXC_RI);
	assert_int_equal(run(cop1(L, 0, 2, 0, F_CVT_S)), FPU_EXC_RI);
	assert_int_equal(run(cop1(D, 0, 2, 0, F_TRUNC_L)), FPU_EXC_RI);
	assert_int_equal(run(cop1(S, 0, 2, 0, F_CVT_L)), FPU_EXC_RI);
	assert_int_equal(run(cop1(D, 0, 2, 0, F_CVT_W)), FPU_OK);
	assert_int_equal(run(cop1x(1, 2, 4, 0, 0x21)), FPU_EXC_RI); /* MADD.D fr=f1 */
	/* an odd register in the load/store view names its pair */
	assert_int_equal(fpu_get_double(&fpu, false, 1), fpu_get_double(&fpu, false, 0));
}

static void test_fr1_registers(void **state)
{
	(void)state;
	fr_mode = true;
	fpu_put_double(&fpu, true, 3, 0x0123456789ABCDEFull);
	assert_int_equal(fpu_get_double(&fpu, true, 3), 0x0123456789ABCDEFull);
	assert_int_equal(fpu_get_word(&fpu, true, 3), 0x89ABCDEFu);
	/* odd registers hold doubles of their own */
	fpu_put_double(&fpu, true, 4, dbits(1.0));
	assert_int_equal(run(cop1(D, 4, 4, 3, F_ADD)), FPU_OK);
	assert_int_equal(fpu_get_double(&fpu, true, 3), dbits(2.0));
	/* MTC1 writes the low half only; MTHC1/MFHC1 the high half */
	gpr[2] = 0xAAAA5555;
	assert_int_equal(run(cop1_move(MTC1, 2, 3)), FPU_OK);
	assert_int_equal(fpu_get_double(&fpu, true, 3), 0x40000000AAAA5555ull);
	gpr[2] = 0xCAFEF00D;
	assert_int_equal(run(cop1_move(MTHC1, 2, 3)), FPU_OK);
	assert_int_equal(fpu_get_double(&fpu, true, 3), 0xCAFEF00DAAAA5555ull);
	assert_int_equal(run(cop1_move(MFHC1, 7, 3)), FPU_OK);
	assert_int_equal(gpr[7], 0xCAFEF00Du);
	assert_int_equal(run(cop1_move(MFC1, 7, 3)), FPU_OK);
	assert_int_equal(gpr[7], 0xAAAA5555u);
	/* register 4's neighbour is untouched */
	assert_int_equal(fpu_get_double(&fpu, true, 4), dbits(1.0));
	/* MFC1 to $zero is discarded by the core */
	assert_int_equal(run(cop1_move(MFC1, 0, 3)), FPU_OK);
	assert_int_equal(gpr[0], 0);
}

static void test_basic_arith(void **state)
{
	(void)state;
	check_s2(F_ADD, fbits(1.5f), fbits(2.25f), 0, fbits(3.75f), 0);
	check_s2(F_SUB, fbits(1.5f), fbits(2.25f), 0, fbits(-0.75f), 0);
	check_s2(F_MUL, fbits(1.5f), fbits(-2.0f), 0, fbits(-3.0f), 0);
	check_s2(F_DIV, fbits(3.0f), fbits(4.0f), 0, fbits(0.75f), 0);
	check_s2(F_SQRT, fbits(6.25f), 0, 0, fbits(2.5f), 0);
	check_d2(F_ADD, dbits(1e10), dbits(1.0), 0, dbits(10000000001.0), 0);
	check_d2(F_SUB, dbits(1.0), dbits(1.0), 0, 0, 0);
	/* x - x = -0 only when rounding toward -inf */
	check_d2(F_SUB, dbits(1.0), dbits(1.0), 3, 0x8000000000000000ull, 0);
	check_d2(F_MUL, dbits(0.5), dbits(0.5), 0, dbits(0.25), 0);
	check_d2(F_DIV, dbits(1.0), dbits(8.0), 0, dbits(0.125), 0);
	check_d2(F_SQRT, dbits(2.0), 0, 0, 0x3FF6A09E667F3BCDull, XI);
	check_d2(F_ABS, dbits(-3.0), 0, 0, dbits(3.0), 0);
	check_d2(F_NEG, dbits(3.0), 0, 0, dbits(-3.0), 0);
	check_s2(F_NEG, 0, 0, 0, 0x80000000u, 0);
	check_s2(F_ABS, 0x80000000u, 0, 0, 0, 0);
	check_s2(F_RECIP, fbits(4.0f), 0, 0, fbits(0.25f), 0);
	check_s2(F_RSQRT, fbits(4.0f), 0, 0, fbits(0.5f), 0);
	check_d2(F_RECIP, dbits(-0.5), 0, 0, dbits(-2.0), 0);
	check_d2(F_RSQRT, dbits(16.0), 0, 0, dbits(0.25), 0);
	check_s2(F_RECIP, fbits(3.0f), 0, 0, 0x3EAAAAABu, XI);
	/* MOV copies bits, even of a signalling NaN, and touches no flags */
	fpu.fcsr = 0;
	set_s(2, SNAN_S);
	assert_int_equal(run(cop1(S, 0, 2, 6, F_MOV)), FPU_OK);
	assert_int_equal(get_s(6), SNAN_S);
	assert_int_equal(fpu.fcsr, 0);
}

/* 1/3 and -1/3 in each rounding mode (RN, RZ, RP, RM). */
static void test_rounding_modes(void **state)
{
	(void)state;
	static const uint32_t third_s[4] = { 0x3EAAAAABu, 0x3EAAAAAAu, 0x3EAAAAABu, 0x3EAAAAAAu };
	static const uint32_t mthird_s[4] = { 0xBEAAAAABu, 0xBEAAAAAAu, 0xBEAAAAAAu, 0xBEAAAAABu };
	static const uint64_t third_d[4] = {
		0x3FD5555555555555ull, 0x3FD5555555555555ull,
		0x3FD5555555555556ull, 0x3FD5555555555555ull,
	};
	static const uint64_t mthird_d[4] = {
		0xBFD5555555555555ull, 0xBFD5555555555555ull,
		0xBFD5555555555555ull, 0xBFD5555555555556ull,
	};
	for (unsigned rm = 0; rm < 4; rm++) {
		check_s2(F_DIV, ONE_S, fbits(3.0f), rm, third_s[rm], XI);
		check_s2(F_DIV, fbits(-1.0f), fbits(3.0f), rm, mthird_s[rm], XI);
		check_d2(F_DIV, ONE_D, dbits(3.0), rm, third_d[rm], XI);
		check_d2(F_DIV, dbits(-1.0), dbits(3.0), rm, mthird_d[rm], XI);
	}
	/* 1 + 2^-24 is a tie in single: to even (1), up, toward zero */
	check_s2(F_ADD, ONE_S, fbits(0x1p-24f), 0, ONE_S, XI);
	check_s2(F_ADD, ONE_S, fbits(0x1p-24f), 2, 0x3F800001u, XI);
	check_s2(F_ADD, ONE_S, fbits(0x1p-24f), 1, ONE_S, XI);
	/* the host is left in round-to-nearest */
	volatile float x = 1.0f, y = 3.0f;
	assert_int_equal(fbits(x / y), 0x3EAAAAABu);
}

static void test_flags_accumulate(void **state)
{
	(void)state;
	fpu.fcsr = 0;
	set_s(2, ONE_S);
	set_s(4, fbits(3.0f));
	assert_int_equal(run(cop1(S, 4, 2, 0, F_DIV)), FPU_OK);   /* inexact */
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	set_s(4, 0);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_DIV)), FPU_OK);   /* 1/0 */
	assert_int_equal(get_s(0), 0x7F800000u);
	assert_int_equal(CAUSE(fpu.fcsr), XZ);          /* cause replaced */
	assert_int_equal(FLAGS(fpu.fcsr), XI | XZ);     /* flags accumulate */
	set_s(4, fbits(2.0f));
	assert_int_equal(run(cop1(S, 4, 2, 0, F_MUL)), FPU_OK);   /* exact */
	assert_int_equal(CAUSE(fpu.fcsr), 0);
	assert_int_equal(FLAGS(fpu.fcsr), XI | XZ);
	/* non-arithmetic moves leave Cause alone */
	fpu.fcsr |= XI << 12;
	assert_int_equal(run(cop1(S, 0, 2, 6, F_MOV)), FPU_OK);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
}

static void test_overflow(void **state)
{
	(void)state;
	uint32_t max_s = 0x7F7FFFFFu;
	check_s2(F_MUL, max_s, fbits(2.0f), 0, 0x7F800000u, XO | XI);
	check_s2(F_MUL, max_s, fbits(2.0f), 1, max_s, XO | XI);
	check_s2(F_MUL, max_s, fbits(2.0f), 3, max_s, XO | XI);
	check_s2(F_MUL, max_s, fbits(-2.0f), 3, 0xFF800000u, XO | XI);
	check_d2(F_ADD, 0x7FEFFFFFFFFFFFFFull, 0x7FEFFFFFFFFFFFFFull, 0,
		 0x7FF0000000000000ull, XO | XI);
	/* enabled: FPE, result not written, Cause set, Flags unchanged */
	fpu.fcsr = ENABLE(XO);
	set_s(2, max_s);
	set_s(4, fbits(2.0f));
	set_s(0, 0x12345678);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_MUL)), FPU_EXC_FPE);
	assert_int_equal(get_s(0), 0x12345678u);
	assert_int_equal(CAUSE(fpu.fcsr), XO | XI);
	assert_int_equal(FLAGS(fpu.fcsr), 0);
	/* Inexact alone enabled also traps on overflow (it is inexact) */
	fpu.fcsr = ENABLE(XI);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_MUL)), FPU_EXC_FPE);
	fpu.fcsr = ENABLE(XI);
	set_s(4, fbits(3.0f));
	set_s(2, ONE_S);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_DIV)), FPU_EXC_FPE);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
}

static void test_underflow(void **state)
{
	(void)state;
	uint32_t min_s = 0x00800000u;
	/* exact subnormal: tiny but no loss of accuracy -> no Underflow */
	check_s2(F_MUL, min_s, fbits(0.5f), 0, 0x00400000u, 0);
	/* inexact subnormal -> U and I */
	check_s2(F_MUL, 0x00800001u, fbits(0.5f), 0, 0x00400000u, XU | XI);
	check_s2(F_MUL, 0x00800001u, fbits(0.5f), 2, 0x00400001u, XU | XI);
	/* underflow to zero */
	check_s2(F_MUL, 0x00000001u, fbits(0.25f), 0, 0, XU | XI);
	check_d2(F_MUL, 0x0000000000000001ull, dbits(0.25), 2, 1, XU | XI);
	/* Underflow enabled: tininess alone traps, even when exact */
	fpu.fcsr = ENABLE(XU);
	set_s(2, min_s);
	set_s(4, fbits(0.5f));
	set_s(0, 0);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_MUL)), FPU_EXC_FPE);
	assert_int_equal(CAUSE(fpu.fcsr), XU);
	assert_int_equal(get_s(0), 0);
	/* sums are never inexact when tiny */
	check_s2(F_SUB, 0x00800001u, min_s, 0, 0x00000001u, 0);
}

/* Tininess is detected after rounding: a product whose exact value lies
 * below 2^-126 but rounds (with 24 bits and unbounded exponent) to 2^-126 is
 * not tiny; one that would stay below it is. */
static void test_tininess_after_rounding(void **state)
{
	(void)state;
	/* (1 + 2^-23) * (1 - 2^-23) * 2^-126 = (1 - 2^-46) * 2^-126:
	 * 24-bit rounding gives 2^-126 -> not tiny -> only Inexact */
	check_s2(F_MUL, 0x3F800001u, 0x007FFFFFu, 0, 0x00800000u, XI);
	/* 1.5 * 5592405 * 2^-149 = (2^23 - 1/2) * 2^-149: representable with
	 * 24 bits below 2^-126 (tiny), but the subnormal result rounds (ties
	 * to even) to 2^-126: inexact and tiny -> U */
	check_s2(F_MUL, fbits(1.5f), 0x00555555u, 0, 0x00800000u, XU | XI);
	/* the same for double: (1 + 2^-52)(1 - 2^-52) 2^-1022 */
	check_d2(F_MUL, 0x3FF0000000000001ull, 0x000FFFFFFFFFFFFFull, 0,
		 0x0010000000000000ull, XI);
	/* directed rounding: (1 - 2^-46) 2^-126 rounded up is 2^-126 in both
	 * views -> not tiny; rounded toward zero it stays below -> tiny */
	check_s2(F_MUL, 0x3F800001u, 0x007FFFFFu, 2, 0x00800000u, XI);
	check_s2(F_MUL, 0x3F800001u, 0x007FFFFFu, 1, 0x007FFFFFu, XU | XI);
	/* a quotient in a directed mode: 2^-124 / -(4 (1 + 2^-23)) =
	 * -2^-126 (1 - 2^-23 + 2^-46 - ...); rounded toward -inf with 24 bits it
	 * is -(1 - 2^-24) 2^-126 -> tiny; as a subnormal it becomes -2^-126 */
	check_s2(F_DIV, 0x01800000u, 0xC0800001u, 3, 0x80800000u, XU | XI);
}

static void test_flush_to_zero(void **state)
{
	(void)state;
	uint32_t fs = 1u << 24;
	/* FS: subnormal results become zero of the same sign, U and I */
	check_s2(F_MUL, 0x00800000u, fbits(0.5f), fs, 0, XU | XI);
	assert_int_equal(fpu.fcsr & fs, fs);
	check_s2(F_MUL, 0x00800000u, fbits(-0.5f), fs, 0x80000000u, XU | XI);
	check_d2(F_DIV, 0x0010000000000000ull, dbits(4.0), fs, 0, XU | XI);
	/* normal results are unaffected; subnormal operands are used as is */
	check_s2(F_MUL, 0x00400000u, fbits(4.0f), fs, 0x01000000u, 0);
}

static void test_nans(void **state)
{
	(void)state;
	/* sNaN operand: Invalid and the default NaN */
	check_s2(F_ADD, SNAN_S, ONE_S, 0, DNAN_S, XV);
	check_s2(F_MUL, ONE_S, SNAN_S, 0, DNAN_S, XV);
	check_s2(F_ADD, QNAN_S, SNAN_S, 0, DNAN_S, XV);
	check_d2(F_SUB, SNAN_D, ONE_D, 0, DNAN_D, XV);
	check_s2(F_SQRT, SNAN_S, 0, 0, DNAN_S, XV);
	/* quiet NaN operand: propagated unchanged, no exception; fs first */
	check_s2(F_ADD, QNAN_S, ONE_S, 0, QNAN_S, 0);
	check_s2(F_DIV, ONE_S, QNAN_S | 0x80000000u, 0, QNAN_S | 0x80000000u, 0);
	check_s2(F_MUL, QNAN_S, 0x7F800777u, 0, QNAN_S, 0);
	check_d2(F_ADD, ONE_D, QNAN_D, 0, QNAN_D, 0);
	/* invalid operations create the default NaN */
	check_s2(F_MUL, 0, 0x7F800000u, 0, DNAN_S, XV);
	check_s2(F_SUB, 0x7F800000u, 0x7F800000u, 0, DNAN_S, XV);
	check_s2(F_DIV, 0, 0, 0, DNAN_S, XV);
	check_d2(F_DIV, 0x7FF0000000000000ull, 0x7FF0000000000000ull, 0, DNAN_D, XV);
	check_s2(F_SQRT, fbits(-1.0f), 0, 0, DNAN_S, XV);
	check_d2(F_SQRT, dbits(-0.0), 0, 0, dbits(-0.0), 0);
	check_s2(F_RSQRT, fbits(-4.0f), 0, 0, DNAN_S, XV);
	check_s2(F_RECIP, 0, 0, 0, 0x7F800000u, XZ);
	/* legacy ABS/NEG are arithmetic: sNaN signals, qNaN passes through */
	check_s2(F_NEG, SNAN_S, 0, 0, DNAN_S, XV);
	check_d2(F_ABS, SNAN_D | 0x8000000000000000ull, 0, 0, DNAN_D, XV);
	check_s2(F_NEG, QNAN_S, 0, 0, QNAN_S, 0);
	check_s2(F_ABS, QNAN_S | 0x80000000u, 0, 0, QNAN_S | 0x80000000u, 0);
	/* Invalid enabled: FPE, destination untouched */
	fpu.fcsr = ENABLE(XV);
	set_s(2, SNAN_S);
	set_s(4, ONE_S);
	set_s(0, 0x55555555);
	assert_int_equal(run(cop1(S, 4, 2, 0, F_ADD)), FPU_EXC_FPE);
	assert_int_equal(get_s(0), 0x55555555u);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	/* Divide-by-zero enabled */
	fpu.fcsr = ENABLE(XZ);
	set_d(2, ONE_D);
	set_d(4, 0);
	assert_int_equal(run(cop1(D, 4, 2, 0, F_DIV)), FPU_EXC_FPE);
	assert_int_equal(CAUSE(fpu.fcsr), XZ);
}

/* Truth of each condition for the relations less, equal, greater,
 * unordered, typed from the ISA names. */
static void test_compare(void **state)
{
	(void)state;
	enum { LT = 1, EQ = 2, GT = 4, UN = 8 };
	static const unsigned truth[16] = {
		0,              /* F    */ UN,            /* UN   */
		EQ,             /* EQ   */ UN | EQ,       /* UEQ  */
		LT,             /* OLT  */ UN | LT,       /* ULT  */
		LT | EQ,        /* OLE  */ UN | LT | EQ,  /* ULE  */
		0,              /* SF   */ UN,            /* NGLE */
		EQ,             /* SEQ  */ UN | EQ,       /* NGL  */
		LT,             /* LT   */ UN | LT,       /* NGE  */
		LT | EQ,        /* LE   */ UN | LT | EQ,  /* NGT  */
	};
	struct { uint32_t a, b; unsigned rel; } cases[] = {
		{ fbits(1.0f), fbits(2.0f), LT },
		{ fbits(2.0f), fbits(1.0f), GT },
		{ fbits(-0.0f), fbits(0.0f), EQ },
		{ QNAN_S, fbits(1.0f), UN },
		{ fbits(-1.0f), 0xFF800000u, GT },
	};
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (unsigned cond = 0; cond < 16; cond++) {
			unsigned cc = (cond + i) & 7;
			bool expect = (truth[cond] & cases[i].rel) != 0;
			fpu.fcsr = expect ? 0 : 0xFE800000u;  /* cc set to the opposite */
			set_s(2, cases[i].a);
			set_s(4, cases[i].b);
			assert_int_equal(run(c_cond(S, cond, cc, 2, 4)), FPU_OK);
			assert_int_equal(fpu_condition(&fpu, cc), expect);
			/* quiet NaN: only the signalling predicates raise Invalid */
			unsigned v = (cases[i].rel == UN && cond >= 8) ? XV : 0;
			assert_int_equal(CAUSE(fpu.fcsr), v);
			/* double as well */
			fpu.fcsr = 0;
			set_d(2, cases[i].rel == UN ? QNAN_D : dbits((double)(i + 1) * (cases[i].rel == GT ? 2 : 1)));
			set_d(4, cases[i].rel == UN ? ONE_D : dbits((double)(i + 1) * (cases[i].rel == LT ? 2 : 1)));
			if (cases[i].rel == EQ)
				set_d(4, get_d(2));
			assert_int_equal(run(c_cond(D, cond, cc, 2, 4)), FPU_OK);
			assert_int_equal(fpu_condition(&fpu, cc), expect);
		}
	}
	/* an sNaN makes every predicate signal */
	fpu.fcsr = 0;
	set_s(2, SNAN_S);
	assert_int_equal(run(c_cond(S, 1, 0, 2, 4)), FPU_OK);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	assert_true(fpu_condition(&fpu, 0));
	/* FCC layout: cc0 is bit 23, cc1..7 are bits 25..31 */
	fpu.fcsr = 0;
	set_s(2, ONE_S);
	set_s(4, ONE_S);
	assert_int_equal(run(c_cond(S, 2, 0, 2, 4)), FPU_OK);
	assert_int_equal(fpu.fcsr, 1u << 23);
	assert_int_equal(run(c_cond(S, 2, 5, 2, 4)), FPU_OK);
	assert_int_equal(fpu.fcsr, 1u << 23 | 1u << 29);
	/* signalling compare with Invalid enabled: trap, cc unchanged */
	fpu.fcsr = ENABLE(XV);
	set_s(2, QNAN_S);
	assert_int_equal(run(c_cond(S, 9, 3, 2, 4)), FPU_EXC_FPE);
	assert_false(fpu_condition(&fpu, 3));
}

static void test_to_integer(void **state)
{
	(void)state;
	struct { float x; int32_t round, trunc, ceil, floor; bool inexact; } t[] = {
		{ 2.5f, 2, 2, 3, 2, true },
		{ 3.5f, 4, 3, 4, 3, true },
		{ -2.7f, -3, -2, -2, -3, true },
		{ -2.5f, -2, -2, -2, -3, true },
		{ 7.0f, 7, 7, 7, 7, false },
		{ -0.0f, 0, 0, 0, 0, false },
	};
	for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
		int32_t want[4] = { t[i].round, t[i].trunc, t[i].ceil, t[i].floor };
		for (unsigned mode = 0; mode < 4; mode++) {
			fpu.fcsr = 0;
			set_s(2, fbits(t[i].x));
			assert_int_equal(run(cop1(S, 0, 2, 0, F_ROUND_W + mode)), FPU_OK);
			assert_int_equal((int32_t)get_s(0), want[mode]);
			assert_int_equal(CAUSE(fpu.fcsr), t[i].inexact ? XI : 0);
			/* .L from double */
			set_d(2, dbits(t[i].x));
			assert_int_equal(run(cop1(D, 0, 2, 4, F_ROUND_L + mode)), FPU_OK);
			assert_int_equal((int64_t)get_d(4), want[mode]);
			/* CVT.W uses FCSR.RM */
			fpu.fcsr = mode;
			set_s(2, fbits(t[i].x));
			assert_int_equal(run(cop1(S, 0, 2, 0, F_CVT_W)), FPU_OK);
			assert_int_equal((int32_t)get_s(0), want[mode]);
		}
	}
	/* out of range, infinity, NaN: Invalid and 2^31-1 / 2^63-1 */
	uint32_t bad_s[] = { fbits(3e9f), fbits(-3e9f), 0x7F800000u, 0xFF800000u, QNAN_S, fbits(0x1p31f) };
	for (unsigned i = 0; i < sizeof bad_s / sizeof bad_s[0]; i++) {
		fpu.fcsr = 0;
		set_s(2, bad_s[i]);
		assert_int_equal(run(cop1(S, 0, 2, 0, F_TRUNC_W)), FPU_OK);
		assert_int_equal(get_s(0), 0x7FFFFFFFu);
		assert_int_equal(CAUSE(fpu.fcsr), XV);
		/* to 64 bits only infinities and NaN are out of range */
		uint64_t l = i == 0 ? 3000000000ULL : i == 1 ? (uint64_t)-3000000000LL :
			     i == 5 ? 0x80000000ull : 0x7FFFFFFFFFFFFFFFull;
		assert_int_equal(run(cop1(S, 0, 2, 4, F_CVT_L)), FPU_OK);
		assert_int_equal(get_d(4), l);
		assert_int_equal(CAUSE(fpu.fcsr), (i >= 2 && i <= 4) ? XV : 0);
	}
	/* limits that fit */
	fpu.fcsr = 0;
	set_d(2, dbits(-2147483648.9));
	assert_int_equal(run(cop1(D, 0, 2, 0, F_TRUNC_W)), FPU_OK);
	assert_int_equal(get_s(0), 0x80000000u);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	set_d(2, dbits(2147483647.5));
	assert_int_equal(run(cop1(D, 0, 2, 0, F_ROUND_W)), FPU_OK);   /* rounds to 2^31 */
	assert_int_equal(get_s(0), 0x7FFFFFFFu);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	set_d(2, dbits(-0x1p63));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_L)), FPU_OK);
	assert_int_equal(get_d(4), 0x8000000000000000ull);
	assert_int_equal(CAUSE(fpu.fcsr), 0);
	set_d(2, dbits(0x1p63));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_FLOOR_L)), FPU_OK);
	assert_int_equal(get_d(4), 0x7FFFFFFFFFFFFFFFull);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	/* Invalid enabled: trap */
	fpu.fcsr = ENABLE(XV);
	set_s(2, fbits(3e9f));
	assert_int_equal(run(cop1(S, 0, 2, 0, F_CVT_W)), FPU_EXC_FPE);
}

static void test_convert(void **state)
{
	(void)state;
	/* W -> S: 2^24 + 1 is not representable */
	fpu.fcsr = 0;
	set_s(2, 16777217u);
	assert_int_equal(run(cop1(W, 0, 2, 0, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(0), fbits(16777216.0f));
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	fpu.fcsr = 2;
	assert_int_equal(run(cop1(W, 0, 2, 0, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(0), fbits(16777218.0f));
	/* W -> D exact, negative */
	fpu.fcsr = 0;
	set_s(2, (uint32_t)-5);
	assert_int_equal(run(cop1(W, 0, 2, 4, F_CVT_D)), FPU_OK);
	assert_int_equal(get_d(4), dbits(-5.0));
	assert_int_equal(CAUSE(fpu.fcsr), 0);
	/* L -> D: 2^53 + 1 rounds; toward -inf */
	fpu.fcsr = 3;
	set_d(2, (1ull << 53) + 1);
	assert_int_equal(run(cop1(L, 0, 2, 4, F_CVT_D)), FPU_OK);
	assert_int_equal(get_d(4), dbits(0x1p53));
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	/* L -> S of a negative value */
	fpu.fcsr = 0;
	set_d(2, (uint64_t)-3);
	assert_int_equal(run(cop1(L, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), fbits(-3.0f));
	/* S -> D exact, D -> S rounds */
	set_s(2, fbits(0.1f));
	assert_int_equal(run(cop1(S, 0, 2, 4, F_CVT_D)), FPU_OK);
	assert_int_equal(get_d(4), dbits((double)0.1f));
	set_d(2, dbits(0.1));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), fbits(0.1f));
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	/* D -> S overflow and underflow */
	set_d(2, dbits(1e300));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), 0x7F800000u);
	assert_int_equal(CAUSE(fpu.fcsr), XO | XI);
	set_d(2, dbits(1e-300));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), 0);
	assert_int_equal(CAUSE(fpu.fcsr), XU | XI);
	/* D -> S at the tininess boundary: (1 - 2^-25) 2^-126 rounds to 2^-126
	 * with 24 bits -> not tiny */
	set_d(2, dbits(0x1p-126 - 0x1p-151));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), 0x00800000u);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	/* (1 - 2^-24 + 2^-30) 2^-126 rounds to (1 - 2^-24) 2^-126 with 24 bits
	 * -> tiny; as a subnormal it rounds up to 2^-126 */
	set_d(2, dbits(0x1p-126 - 0x1p-150 + 0x1p-156));
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), 0x00800000u);
	assert_int_equal(CAUSE(fpu.fcsr), XU | XI);
	/* NaNs: sNaN -> Invalid + default; qNaN keeps sign and payload top */
	set_s(2, SNAN_S);
	assert_int_equal(run(cop1(S, 0, 2, 4, F_CVT_D)), FPU_OK);
	assert_int_equal(get_d(4), DNAN_D);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	set_s(2, 0xFF800123u);
	assert_int_equal(run(cop1(S, 0, 2, 4, F_CVT_D)), FPU_OK);
	assert_int_equal(get_d(4), 0xFFF0002460000000ull);
	assert_int_equal(CAUSE(fpu.fcsr), 0);
	set_d(2, 0x7FF0002460000000ull);
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), 0x7F800123u);
	set_d(2, 0x7FF0000000000001ull);   /* payload lost -> default NaN */
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), DNAN_S);
	set_d(2, SNAN_D);
	assert_int_equal(run(cop1(D, 0, 2, 4, F_CVT_S)), FPU_OK);
	assert_int_equal(get_s(4), DNAN_S);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
}

static void test_madd_family(void **state)
{
	(void)state;
	/* (1 + 2^-23)(1 - 2^-24) = 1 + 2^-24 - 2^-47, just below the tie:
	 * the product rounds to 1 first (unfused), so + (-1) gives exactly 0
	 * where a fused multiply-add would give 2^-24 - 2^-47 */
	fpu.fcsr = 0;
	set_s(2, 0x3F800001u);      /* fs */
	set_s(4, 0x3F7FFFFFu);      /* ft */
	set_s(6, fbits(-1.0f));     /* fr */
	assert_int_equal(run(cop1x(6, 4, 2, 0, 0x20)), FPU_OK);           /* MADD.S */
	assert_int_equal(get_s(0), 0);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	set_s(4, 0x3F7FFFFEu);      /* 1 - 2^-23: product 1 - 2^-46 -> 1 */
	assert_int_equal(run(cop1x(6, 4, 2, 0, 0x20)), FPU_OK);
	assert_int_equal(get_s(0), 0);
	assert_int_equal(CAUSE(fpu.fcsr), XI);
	assert_int_equal(run(cop1x(6, 4, 2, 0, 0x30)), FPU_OK);           /* NMADD.S */
	assert_int_equal(get_s(0), 0x80000000u);
	set_s(6, fbits(0.5f));
	assert_int_equal(run(cop1x(6, 4, 2, 0, 0x28)), FPU_OK);           /* MSUB.S */
	assert_int_equal(get_s(0), fbits(0.5f));
	assert_int_equal(run(cop1x(6, 4, 2, 0, 0x38)), FPU_OK);           /* NMSUB.S */
	assert_int_equal(get_s(0), fbits(-0.5f));
	/* double */
	set_d(2, dbits(3.0));
	set_d(4, dbits(4.0));
	set_d(6, dbits(0.5));
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x21)), FPU_OK);           /* MADD.D */
	assert_int_equal(get_d(8), dbits(12.5));
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x29)), FPU_OK);           /* MSUB.D */
	assert_int_equal(get_d(8), dbits(11.5));
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x31)), FPU_OK);           /* NMADD.D */
	assert_int_equal(get_d(8), dbits(-12.5));
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x39)), FPU_OK);           /* NMSUB.D */
	assert_int_equal(get_d(8), dbits(-11.5));
	/* overflow in the product is seen even when the sum brings it back */
	set_d(2, 0x7FEFFFFFFFFFFFFFull);
	set_d(6, dbits(-1.0));
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x21)), FPU_OK);
	assert_int_equal(get_d(8), 0x7FF0000000000000ull);
	assert_int_equal(CAUSE(fpu.fcsr), XO | XI);
	/* sNaN addend */
	set_d(2, dbits(1.0));
	set_d(6, SNAN_D);
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x21)), FPU_OK);
	assert_int_equal(get_d(8), DNAN_D);
	assert_int_equal(CAUSE(fpu.fcsr), XV);
	/* PS format and ALNV.PS are reserved */
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x26)), FPU_EXC_RI);
	assert_int_equal(run(cop1x(6, 4, 2, 8, 0x1E)), FPU_EXC_RI);
}

static void test_conditional_moves(void **state)
{
	(void)state;
	fpu.fcsr = 1u << 27;                /* cc3 true, others false */
	set_s(2, 0x11111111);
	set_s(0, 0);
	assert_int_equal(run(cop1(S, 3 << 2 | 1, 2, 0, F_MOVCF)), FPU_OK); /* MOVT.S cc3 */
	assert_int_equal(get_s(0), 0x11111111u);
	set_s(0, 0);
	assert_int_equal(run(cop1(S, 3 << 2 | 0, 2, 0, F_MOVCF)), FPU_OK); /* MOVF.S cc3 */
	assert_int_equal(get_s(0), 0);
	assert_int_equal(run(cop1(S, 2 << 2 | 0, 2, 0, F_MOVCF)), FPU_OK); /* MOVF.S cc2 */
	assert_int_equal(get_s(0), 0x11111111u);
	set_d(4, dbits(9.0));
	set_d(6, 0);
	gpr[5] = 0;
	assert_int_equal(run(cop1(D, 5, 4, 6, F_MOVN)), FPU_OK);
	assert_int_equal(get_d(6), 0);
	assert_int_equal(run(cop1(D, 5, 4, 6, F_MOVZ)), FPU_OK);
	assert_int_equal(get_d(6), dbits(9.0));
	gpr[5] = 1;
	set_d(6, 0);
	assert_int_equal(run(cop1(D, 5, 4, 6, F_MOVZ)), FPU_OK);
	assert_int_equal(get_d(6), 0);
	assert_int_equal(run(cop1(D, 5, 4, 6, F_MOVN)), FPU_OK);
	assert_int_equal(get_d(6), dbits(9.0));
	/* GPR MOVF/MOVT */
	gpr[8] = 0xABCD;
	gpr[9] = 0;
	assert_int_equal(run(movci(9, 8, 3, 0)), FPU_OK);   /* MOVF: cc3 is true */
	assert_int_equal(gpr[9], 0);
	assert_int_equal(run(movci(9, 8, 3, 1)), FPU_OK);   /* MOVT */
	assert_int_equal(gpr[9], 0xABCDu);
	gpr[9] = 0;
	assert_int_equal(run(movci(9, 8, 0, 0)), FPU_OK);   /* MOVF cc0 */
	assert_int_equal(gpr[9], 0xABCDu);
	assert_int_equal(fpu.fcsr, 1u << 27);               /* moves touch no flags */
}

static void test_control_registers(void **state)
{
	(void)state;
	/* FCSR: writable bits only (FO/FN/NAN2008/ABS2008 and 20:18 read 0) */
	gpr[2] = 0xFFFFFFFFu & ~(0x3Fu << 12);   /* no cause bits: no trap */
	assert_int_equal(run(cop1_move(CTC1, 2, 31)), FPU_OK);
	assert_int_equal(fpu.fcsr, 0xFF83FFFFu & ~(0x3Fu << 12));
	/* FCCR view of the condition codes */
	assert_int_equal(run(cop1_move(CFC1, 3, 25)), FPU_OK);
	assert_int_equal(gpr[3], 0xFF);
	fpu.fcsr = 0;       /* FS (bit 24) must not leak into the view */
	gpr[2] = 0xA5;
	assert_int_equal(run(cop1_move(CTC1, 2, 25)), FPU_OK);
	assert_int_equal(fpu.fcsr, 1u << 23 | (0xA5u >> 1) << 25);
	assert_int_equal(fpu.fcsr >> 23 & 1, 1);
	assert_int_equal(fpu.fcsr >> 25, 0xA5 >> 1);
	assert_int_equal(run(cop1_move(CFC1, 3, 25)), FPU_OK);
	assert_int_equal(gpr[3], 0xA5);
	/* FENR: enables, FS at bit 2, RM */
	fpu.fcsr = 0;
	gpr[2] = 0xF80 | 4 | 2;
	assert_int_equal(run(cop1_move(CTC1, 2, 28)), FPU_OK);
	assert_int_equal(fpu.fcsr, 0xF80u | 1u << 24 | 2);
	assert_int_equal(run(cop1_move(CFC1, 3, 28)), FPU_OK);
	assert_int_equal(gpr[3], 0xF86u);
	/* FEXR: cause and flags */
	fpu.fcsr = 0;
	gpr[2] = 0x0003F07C & ~(0x20u << 12);
	assert_int_equal(run(cop1_move(CTC1, 2, 26)), FPU_OK);
	assert_int_equal(fpu.fcsr, 0x0001F07Cu);
	assert_int_equal(run(cop1_move(CFC1, 3, 26)), FPU_OK);
	assert_int_equal(gpr[3], 0x0001F07Cu);
	/* a Cause bit whose Enable is set traps at once; the write stays */
	fpu.fcsr = 0;
	gpr[2] = XZ << 12 | ENABLE(XZ);
	assert_int_equal(run(cop1_move(CTC1, 2, 31)), FPU_EXC_FPE);
	assert_int_equal(fpu.fcsr, gpr[2]);
	/* Cause.E always traps */
	fpu.fcsr = 0;
	gpr[2] = XE << 12;
	assert_int_equal(run(cop1_move(CTC1, 2, 26)), FPU_EXC_FPE);
	/* unimplemented control registers read 0, writes ignored */
	fpu.fcsr = 3;
	gpr[2] = 0xFFFFFFFF;
	assert_int_equal(run(cop1_move(CTC1, 2, 1)), FPU_OK);
	assert_int_equal(fpu.fcsr, 3);
	assert_int_equal(run(cop1_move(CFC1, 3, 1)), FPU_OK);
	assert_int_equal(gpr[3], 0);
}

static void test_indexed_memory(void **state)
{
	(void)state;
	fr_mode = true;
	gpr[4] = MEM_BASE;
	gpr[5] = 0x10;
	fpu_put_double(&fpu, true, 6, 0x1122334455667788ull);
	assert_int_equal(run(cop1x(4, 5, 6, 0, 0x09)), FPU_OK);       /* SDXC1 f6, 0x10 */
	assert_int_equal(mem[0x10], 0x88);
	assert_int_equal(mem[0x17], 0x11);
	assert_int_equal(run(cop1x(4, 5, 0, 8, 0x01)), FPU_OK);       /* LDXC1 f8 */
	assert_int_equal(fpu_get_double(&fpu, true, 8), 0x1122334455667788ull);
	assert_int_equal(run(cop1x(4, 5, 0, 9, 0x00)), FPU_OK);       /* LWXC1 f9 */
	assert_int_equal(fpu_get_word(&fpu, true, 9), 0x55667788u);
	assert_int_equal(run(cop1x(4, 5, 9, 0, 0x08)), FPU_OK);       /* SWXC1 f9, +0x10 */
	gpr[5] = 0x14;
	assert_int_equal(run(cop1x(4, 5, 0, 10, 0x00)), FPU_OK);
	assert_int_equal(fpu_get_word(&fpu, true, 10), 0x11223344u);
	/* LUXC1/SUXC1 ignore the low three address bits */
	gpr[5] = 0x13;
	assert_int_equal(run(cop1x(4, 5, 0, 12, 0x05)), FPU_OK);
	assert_int_equal(fpu_get_double(&fpu, true, 12), 0x1122334455667788ull);
	gpr[5] = 0x27;
	assert_int_equal(run(cop1x(4, 5, 12, 0, 0x0D)), FPU_OK);
	assert_int_equal(mem[0x20], 0x88);
	/* misaligned: the core's exception, nothing written */
	gpr[5] = 0x14;
	fpu_put_double(&fpu, true, 14, 0);
	assert_int_equal(run(cop1x(4, 5, 0, 14, 0x01)), FPU_EXC_ADDR);
	assert_int_equal(fpu_get_double(&fpu, true, 14), 0);
	gpr[5] = 0x12;
	assert_int_equal(run(cop1x(4, 5, 6, 0, 0x08)), FPU_EXC_ADDR);
	/* FR = 0: LDXC1 fills the pair */
	fr_mode = false;
	gpr[5] = 0x10;
	assert_int_equal(run(cop1x(4, 5, 0, 2, 0x01)), FPU_OK);
	assert_int_equal(fpu_get_word(&fpu, false, 2), 0x55667788u);
	assert_int_equal(fpu_get_word(&fpu, false, 3), 0x11223344u);
	/* PREFX is a hint */
	assert_int_equal(run(cop1x(4, 5, 0, 0, 0x0F)), FPU_OK);
}

static void test_reserved(void **state)
{
	(void)state;
	fr_mode = true;
	uint32_t ri[] = {
		cop1(PS, 0, 2, 0, F_ADD),           /* paired single is not on M5150 */
		cop1(S, 0, 2, 0, 38),               /* CVT.PS.S */
		cop1(S, 0, 2, 0, 16),               /* SEL (Release 6) */
		cop1(S, 0, 2, 0, F_CVT_S),          /* CVT.S.S */
		cop1(D, 0, 2, 0, F_CVT_D),          /* CVT.D.D */
		cop1(W, 0, 2, 0, F_ADD),            /* arithmetic on W */
		cop1(L, 0, 2, 0, F_CVT_W),          /* CVT.W.L */
		cop1(W, 0, 2, 0, F_CVT_W),
		cop1(S, 0, 2, 0, 23),
		0x44200000u,                        /* DMFC1 */
		0x44A00000u,                        /* DMTC1 */
		0x45000000u,                        /* BC1 belongs to the core */
		0x45200000u,                        /* BC1ANY2 (MIPS-3D) */
		cop1x(0, 0, 0, 0, 0x02),            /* unassigned COP1X */
		0x08000000u,                        /* J: not ours */
	};
	for (unsigned i = 0; i < sizeof ri / sizeof ri[0]; i++)
		assert_int_equal(run(ri[i]), FPU_EXC_RI);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_reset_and_fir, setup),
		cmocka_unit_test_setup(test_fr0_register_pairs, setup),
		cmocka_unit_test_setup(test_fr1_registers, setup),
		cmocka_unit_test_setup(test_basic_arith, setup),
		cmocka_unit_test_setup(test_rounding_modes, setup),
		cmocka_unit_test_setup(test_flags_accumulate, setup),
		cmocka_unit_test_setup(test_overflow, setup),
		cmocka_unit_test_setup(test_underflow, setup),
		cmocka_unit_test_setup(test_tininess_after_rounding, setup),
		cmocka_unit_test_setup(test_flush_to_zero, setup),
		cmocka_unit_test_setup(test_nans, setup),
		cmocka_unit_test_setup(test_compare, setup),
		cmocka_unit_test_setup(test_to_integer, setup),
		cmocka_unit_test_setup(test_convert, setup),
		cmocka_unit_test_setup(test_madd_family, setup),
		cmocka_unit_test_setup(test_conditional_moves, setup),
		cmocka_unit_test_setup(test_control_registers, setup),
		cmocka_unit_test_setup(test_indexed_memory, setup),
		cmocka_unit_test_setup(test_reserved, setup),
	};
	return cmocka_run_group_tests_name("fpu", tests, NULL, NULL);
}
