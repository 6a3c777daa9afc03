/* SPDX-License-Identifier: Apache-2.0 */
/* dsp.c - the DSP ASE revision 2: DSPControl fields (WRDSP/RDDSP masks),
 * each instruction class with its saturation and ouflag bits, the
 * accumulators ac1-ac3, the indexed loads, BPOSGE32 taken and not taken,
 * and the DSP State Disabled exception (ExcCode 26) with Status.MX = 0,
 * also in a delay slot, next to RI for an undefined DSP encoding; and the
 * DSP cycle costs.
 * Built with -mdspr2 (tests/cpu/cpu.mk). */
#include "test.h"
#include "cp0_access.h"

#define CP0_STATUS_MX 0x01000000u
#define EXC_RI 10
#define EXC_DSPDIS 26

/* DSPControl fields */
#define POS(v)     ((v) & 0x3Fu)
#define SCOUNT(v)  ((uint32_t)(v) << 7)
#define C_BIT      0x00002000u
#define EFI_BIT    0x00004000u
#define OU(n)      (1u << (16 + (n)))   /* ouflag bit n */
#define CCOND(v)   ((uint32_t)(v) << 24)

static inline void wrdsp(uint32_t v) { __asm__ volatile("wrdsp %0, 0x3F" : : "r"(v)); }
static inline uint32_t rddsp(void) { uint32_t v; __asm__ volatile("rddsp %0, 0x3F" : "=r"(v)); return v; }

#define OP2(insn, a, b) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1, %2" : "=r"(r_) : "r"((uint32_t)(a)), "r"((uint32_t)(b))); r_; })
#define OP1(insn, a) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1" : "=r"(r_) : "r"((uint32_t)(a))); r_; })
#define OPI(insn, a, imm) ({ uint32_t r_; \
	__asm__ volatile(insn " %0, %1, " #imm : "=r"(r_) : "r"((uint32_t)(a))); r_; })
/* rt-destination forms that also read rt (INSV, APPEND, PREPEND, BALIGN). */
#define OPRT(insn, t, s, tail) ({ uint32_t r_ = (uint32_t)(t); \
	__asm__ volatile(insn " %0, %1" tail : "+r"(r_) : "r"((uint32_t)(s))); r_; })

/* Accumulator ac1/ac2/ac3 access. */
#define AC_SET(ac, hi, lo) __asm__ volatile("mthi %0, $ac" #ac "\n\tmtlo %1, $ac" #ac \
					     : : "r"((uint32_t)(hi)), "r"((uint32_t)(lo)))
#define AC_HI(ac) ({ uint32_t v_; __asm__ volatile("mfhi %0, $ac" #ac : "=r"(v_)); v_; })
#define AC_LO(ac) ({ uint32_t v_; __asm__ volatile("mflo %0, $ac" #ac : "=r"(v_)); v_; })
#define AC_OP(insn, ac, a, b) __asm__ volatile(insn " $ac" #ac ", %0, %1" \
					       : : "r"((uint32_t)(a)), "r"((uint32_t)(b)))

static volatile uint32_t exc_count, exc_cause, exc_epc;

void test_exception(struct test_exc_frame *f)
{
	exc_count++;
	exc_cause = f->cause;
	exc_epc = f->epc;
	/* Skip the faulting instruction (and its branch, if in a delay slot). */
	f->epc += (f->cause & CP0_CAUSE_BD) ? 8 : 4;
}

static void set_mx(int on)
{
	uint32_t st = MFC0(12, 0);
	MTC0(12, 0, on ? st | CP0_STATUS_MX : st & ~CP0_STATUS_MX);
}

static void check_dspcontrol(void)
{
	wrdsp(0xFFFFFFFFu);
	CHECK_EQ(1, 0x0FFF7FBFu, rddsp());          /* pos scount c EFI ouflag ccond */
	wrdsp(0);
	CHECK_EQ(2, 0, rddsp());
	uint32_t v;
	__asm__ volatile("wrdsp %0, 0x01" : : "r"(0xFFFFFFFFu));  /* pos only */
	CHECK_EQ(3, 0x3Fu, rddsp());
	__asm__ volatile("wrdsp %0, 0x10" : : "r"(0xFFFFFFFFu));  /* ccond */
	CHECK_EQ(4, 0x0F00003Fu, rddsp());
	__asm__ volatile("rddsp %0, 0x10" : "=r"(v));
	CHECK_EQ(5, 0x0F000000u, v);                /* RDDSP with a mask */
	wrdsp(0);
}

static void check_arith(void)
{
	wrdsp(0);
	CHECK_EQ(10, 0x80000002u, OP2("addq.ph", 0x7FFF0001u, 0x00010001u)); /* wraps ... */
	CHECK_EQ(11, OU(4), rddsp());                                        /* ... and flags */
	wrdsp(0);
	CHECK_EQ(12, 0x7FFF0002u, OP2("addq_s.ph", 0x7FFF0001u, 0x00010001u));
	CHECK_EQ(13, OU(4), rddsp());
	wrdsp(0);
	CHECK_EQ(14, 0x00020304u, OP2("addu.qb", 0xFF010203u, 0x01010101u));
	CHECK_EQ(15, OU(4), rddsp());
	CHECK_EQ(16, 0xFF020304u, OP2("addu_s.qb", 0xFF010203u, 0x01010101u));
	CHECK_EQ(17, 0x00000100u, OP2("subu_s.qb", 0x00000201u, 0x01010101u));
	wrdsp(0);
	CHECK_EQ(18, 0x80000000u, OP2("subq_s.w", 0x80000000u, 1));
	CHECK_EQ(19, OU(4), rddsp());
	wrdsp(0);
	CHECK_EQ(20, 0x00000005u, OP2("addq_s.w", 2, 3));
	CHECK_EQ(21, 0, rddsp());                                             /* no flag */
	CHECK_EQ(22, 0, OP2("addsc", 0xFFFFFFFFu, 1));
	CHECK_EQ(23, C_BIT, rddsp() & C_BIT);
	CHECK_EQ(24, 4, OP2("addwc", 1, 2));                                  /* + carry */
	CHECK_EQ(25, 0xFFFF0000u, OP2("addu.ph", 0xFFFE0000u, 0x00010000u));
	CHECK_EQ(26, 0xFFFF0000u, OP2("subu_s.ph", 0xFFFF0001u, 0x00000002u));
	wrdsp(0);
	CHECK_EQ(27, 0x7FFF0001u, OP1("absq_s.ph", 0x8000FFFFu));
	CHECK_EQ(28, OU(4), rddsp());
	CHECK_EQ(29, 0x7F017F05u, OP1("absq_s.qb", 0x80FF81FBu));
	CHECK_EQ(30, 0x7FFFFFFFu, OP1("absq_s.w", 0x80000000u));
	CHECK_EQ(31, 10, OP1("raddu.w.qb", 0x01020304u));
	CHECK_EQ(32, 0x00000003u, OP2("modsub", 5, 0x00000102u));           /* 5 - 2 */
	CHECK_EQ(33, 0x00000001u, OP2("modsub", 0, 0x00000102u));           /* wraps to 1 */
	CHECK_EQ(34, 4, OP2("addqh_r.w", 3, 4));
	CHECK_EQ(35, 0x80808080u, OP2("adduh.qb", 0xFFFFFFFFu, 0x01010101u));
	CHECK_EQ(36, 0xFFFF0001u, OP2("subqh.ph", 0xFFFE0003u, 0x00000001u));
	CHECK_EQ(37, 0x7F7F7F7Fu, OP2("subuh.qb", 0xFFFFFFFFu, 0x01010101u));
}

static void check_precision(void)
{
	CHECK_EQ(40, 0x11335577u, OP2("precrq.qb.ph", 0x11223344u, 0x55667788u));
	CHECK_EQ(41, 0x22446688u, OP2("precr.qb.ph", 0x11223344u, 0x55667788u));
	CHECK_EQ(42, 0x11225566u, OP2("precrq.ph.w", 0x11223344u, 0x55667788u));
	wrdsp(0);
	CHECK_EQ(43, 0x7FFF1235u, OP2("precrq_rs.ph.w", 0x7FFFFFFFu, 0x12348000u));
	CHECK_EQ(44, OU(6), rddsp());
	wrdsp(0);
	CHECK_EQ(45, 0x80FF0002u, OP2("precrqu_s.qb.ph", 0x40007FFFu, 0x80000100u));
	CHECK_EQ(46, OU(6), rddsp());
	CHECK_EQ(47, 0x80000000u, OP1("preceq.w.phl", 0x8000FFFFu));
	CHECK_EQ(48, 0xFFFF0000u, OP1("preceq.w.phr", 0x8000FFFFu));
	CHECK_EQ(49, 0x00800090u, OP1("preceu.ph.qbl", 0x8090A0B0u));
	CHECK_EQ(50, 0x00A000B0u, OP1("preceu.ph.qbr", 0x8090A0B0u));
	CHECK_EQ(51, 0x008000A0u, OP1("preceu.ph.qbla", 0x8090A0B0u));
	CHECK_EQ(52, 0x40004800u, OP1("precequ.ph.qbl", 0x80900000u));
	CHECK_EQ(53, 0x00010002u, OPRT("precr_sra.ph.w", 0x00010000u, 0x00020000u, ", 16"));
	CHECK_EQ(54, 0x00020001u, OPRT("precr_sra_r.ph.w", 0x00018000u, 0x00008000u, ", 16"));
}

static void check_shifts(void)
{
	wrdsp(0);
	CHECK_EQ(60, 0x00000002u, OPI("shll.qb", 0x00000081u, 1));
	CHECK_EQ(61, OU(6), rddsp());
	wrdsp(0);
	CHECK_EQ(62, 0x7FFF0004u, OPI("shll_s.ph", 0x40000001u, 2));
	CHECK_EQ(63, OU(6), rddsp());
	CHECK_EQ(64, 0x80000000u, OPI("shll_s.w", 0xC0000000u, 1));      /* -2^31 fits */
	CHECK_EQ(65, 3, OPI("shra_r.w", 5, 1));
	CHECK_EQ(66, 0xFFFF0002u, OPI("shra_r.ph", 0xFFFD0003u, 1));
	CHECK_EQ(67, 0x08040201u, OPI("shrl.qb", 0x80402010u, 4));
	CHECK_EQ(68, 0xF8040201u, OPI("shra.qb", 0x80402010u, 4));
	CHECK_EQ(69, 0x08000800u, OPI("shrl.ph", 0x80008000u, 4));
	wrdsp(0);
	CHECK_EQ(70, 0x7FFFFFFFu, OP2("shllv_s.w", 0x40000000u, 1));
	CHECK_EQ(71, OU(6), rddsp());
	CHECK_EQ(72, 0x00020004u, OP2("shllv.ph", 0x00010002u, 0x11));  /* amount mod 16 */
	CHECK_EQ(73, 0xE0000000u, OP2("shrav.ph", 0x80000000u, 2));
}

static void check_multiply(void)
{
	wrdsp(0);
	CHECK_EQ(80, 0x0008000Fu, OP2("muleu_s.ph.qbl", 0x02030000u, 0x00040005u));
	CHECK_EQ(81, 0xFFFF0001u, OP2("muleu_s.ph.qbr", 0x0000FF01u, 0x02000001u));
	CHECK_EQ(82, OU(5), rddsp());
	wrdsp(0);
	CHECK_EQ(83, 0x20002000u, OP2("mulq_rs.ph", 0x40004000u, 0x40004000u));
	CHECK_EQ(84, 0, rddsp());
	CHECK_EQ(85, 0x7FFF2000u, OP2("mulq_rs.ph", 0x80004000u, 0x80004000u));
	CHECK_EQ(86, OU(5), rddsp());
	CHECK_EQ(87, 0x7FFFFFFFu, OP2("muleq_s.w.phl", 0x80000000u, 0x80000000u));
	CHECK_EQ(88, 0xC0000000u, OP2("muleq_s.w.phr", 0x00004000u, 0x00008000u));
	CHECK_EQ(89, 0x0008000Fu, OP2("mul.ph", 0x00020003u, 0x00040005u));
	wrdsp(0);
	CHECK_EQ(90, 0x7FFF0004u, OP2("mul_s.ph", 0x7FFF0002u, 0x00020002u));
	CHECK_EQ(91, OU(5), rddsp());
	CHECK_EQ(92, 0x20000000u, OP2("mulq_s.w", 0x40000000u, 0x40000000u));
	CHECK_EQ(93, 0x00000001u, OP2("mulq_rs.w", 0x00010000u, 0x00008000u));
	CHECK_EQ(94, 0x1FFF0000u, OP2("mulq_s.ph", 0x40000000u, 0x3FFF0000u) & 0xFFFF0000u);
}

static void check_accumulators(void)
{
	AC_OP("mult", 1, 0x10000u, 0x10000u);
	CHECK_EQ(100, 1, AC_HI(1));
	CHECK_EQ(101, 0, AC_LO(1));
	AC_SET(2, 0, 10);
	AC_OP("msub", 2, 3, 5);
	CHECK_EQ(102, 0xFFFFFFFFu, AC_HI(2));
	CHECK_EQ(103, 0xFFFFFFFBu, AC_LO(2));                     /* 10 - 15 */
	AC_OP("maddu", 2, 0xFFFFFFFFu, 1);
	CHECK_EQ(104, 0, AC_HI(2));
	CHECK_EQ(105, 0xFFFFFFFAu, AC_LO(2));
	AC_SET(3, 0x12345678u, 0x9ABCDEF0u);
	CHECK_EQ(106, 0x12345678u, AC_HI(3));
	CHECK_EQ(107, 0x9ABCDEF0u, AC_LO(3));
	{   /* ac0 stays HI/LO */
		uint32_t hi;
		__asm__ volatile("mthi %1\n\tmfhi %0, $ac0" : "=r"(hi) : "r"(0xCAFEu) : "hi");
		CHECK_EQ(108, 0xCAFEu, hi);
		CHECK_EQ(109, 0x12345678u, AC_HI(3));                 /* untouched */
	}

	AC_SET(1, 0, 0);
	AC_OP("dpau.h.qbl", 1, 0x02030000u, 0x04050000u);
	CHECK_EQ(110, 23, AC_LO(1));
	AC_OP("dpsu.h.qbr", 1, 0x00000102u, 0x00000304u);
	CHECK_EQ(111, 12, AC_LO(1));                               /* 23 - (3 + 8) */
	AC_SET(1, 0, 0);
	AC_OP("dpa.w.ph", 1, 0xFFFF0002u, 0x00030004u);            /* -3 + 8 */
	CHECK_EQ(112, 5, AC_LO(1));
	AC_OP("dpax.w.ph", 1, 0x00010002u, 0x00030004u);           /* + 4 + 6 */
	CHECK_EQ(113, 15, AC_LO(1));
	AC_OP("mulsa.w.ph", 1, 0x00010002u, 0x00030004u);          /* + 3 - 8 */
	CHECK_EQ(114, 10, AC_LO(1));
	wrdsp(0);
	AC_SET(2, 0, 0);
	AC_OP("dpaq_s.w.ph", 2, 0x40004000u, 0x40004000u);
	CHECK_EQ(115, 0x40000000u, AC_LO(2));
	CHECK_EQ(116, 0, rddsp());
	AC_OP("dpaq_s.w.ph", 2, 0x80000000u, 0x80000000u);         /* -1 * -1 saturates */
	CHECK_EQ(117, 0xBFFFFFFFu, AC_LO(2));
	CHECK_EQ(118, OU(2), rddsp());                              /* ac2's own flag */
	wrdsp(0);
	AC_SET(3, 0x7FFFFFFFu, 0xFFFFFFFFu);
	AC_OP("dpaq_sa.l.w", 3, 0x40000000u, 0x40000000u);
	CHECK_EQ(119, 0x7FFFFFFFu, AC_HI(3));
	CHECK_EQ(120, 0xFFFFFFFFu, AC_LO(3));
	CHECK_EQ(121, OU(3), rddsp());
	wrdsp(0);
	AC_SET(1, 0, 0x7FFFFFF0u);
	AC_OP("maq_sa.w.phl", 1, 0x40000000u, 0x40000000u);
	CHECK_EQ(122, 0, AC_HI(1));
	CHECK_EQ(123, 0x7FFFFFFFu, AC_LO(1));
	CHECK_EQ(124, OU(1), rddsp());
	AC_SET(1, 0, 0);
	AC_OP("maq_s.w.phr", 1, 0x00004000u, 0x0000C000u);          /* 0.5 * -0.5 */
	CHECK_EQ(125, 0xFFFFFFFFu, AC_HI(1));
	CHECK_EQ(126, 0xE0000000u, AC_LO(1));
}

static void check_extract(void)
{
	uint32_t v;
	AC_SET(1, 1, 0);
	__asm__ volatile("extr.w %0, $ac1, 4" : "=r"(v));
	CHECK_EQ(130, 0x10000000u, v);
	AC_SET(1, 0, 0x18);
	__asm__ volatile("extr_r.w %0, $ac1, 4" : "=r"(v));
	CHECK_EQ(131, 2, v);                                     /* 1.5 rounds up */
	wrdsp(0);
	AC_SET(2, 0x10, 0);
	__asm__ volatile("extr_rs.w %0, $ac2, 0" : "=r"(v));
	CHECK_EQ(132, 0x7FFFFFFFu, v);
	CHECK_EQ(133, OU(7), rddsp());
	__asm__ volatile("extrv_s.h %0, $ac2, %1" : "=r"(v) : "r"(16));
	CHECK_EQ(134, 0x00007FFFu, v);
	AC_SET(3, 0, 0x00000F00u);
	wrdsp(POS(11) | EFI_BIT);
	__asm__ volatile("extp %0, $ac3, 3" : "=r"(v));
	CHECK_EQ(135, 0xF, v);
	CHECK_EQ(136, POS(11), rddsp());                         /* EFI cleared, pos kept */
	__asm__ volatile("extpdp %0, $ac3, 3" : "=r"(v));
	CHECK_EQ(137, 0xF, v);
	CHECK_EQ(138, POS(7), rddsp());                          /* pos -= size + 1 */
	__asm__ volatile("extpv %0, $ac3, %1" : "=r"(v) : "r"(8));
	CHECK_EQ(139, POS(7) | EFI_BIT, rddsp());                /* pos < size: failed */

	AC_SET(1, 0x12345678u, 0x9ABCDEF0u);
	__asm__ volatile("shilo $ac1, 4");
	CHECK_EQ(140, 0x01234567u, AC_HI(1));
	CHECK_EQ(141, 0x89ABCDEFu, AC_LO(1));
	__asm__ volatile("shilo $ac1, -8");
	CHECK_EQ(142, 0x23456789u, AC_HI(1));
	CHECK_EQ(143, 0xABCDEF00u, AC_LO(1));
	__asm__ volatile("shilov $ac1, %0" : : "r"(16));
	CHECK_EQ(144, 0x00002345u, AC_HI(1));
	CHECK_EQ(145, 0x6789ABCDu, AC_LO(1));
	wrdsp(POS(0));
	__asm__ volatile("mthlip %0, $ac1" : : "r"(0x55AAu));
	CHECK_EQ(146, 0x6789ABCDu, AC_HI(1));
	CHECK_EQ(147, 0x55AAu, AC_LO(1));
	CHECK_EQ(148, POS(32), rddsp());
}

static void check_bits(void)
{
	uint32_t v;
	CHECK_EQ(150, 0x8000u, OP1("bitrev", 0xFFFF0001u));
	wrdsp(POS(4) | SCOUNT(8));
	CHECK_EQ(151, 0xFFFFFA5Fu, OPRT("insv", 0xFFFFFFFFu, 0x123456A5u, ""));
	__asm__ volatile("repl.qb %0, 0x5A" : "=r"(v));
	CHECK_EQ(152, 0x5A5A5A5Au, v);
	__asm__ volatile("repl.ph %0, -3" : "=r"(v));
	CHECK_EQ(153, 0xFFFDFFFDu, v);
	CHECK_EQ(154, 0x34343434u, OP1("replv.qb", 0x1234u));
	CHECK_EQ(155, 0x12341234u, OP1("replv.ph", 0xFFFF1234u));

	wrdsp(CCOND(0x5));
	__asm__ volatile("cmpu.lt.qb %0, %1" : : "r"(0x01020304u), "r"(0x02020202u));
	CHECK_EQ(156, CCOND(0x8), rddsp());                       /* only byte 3 is less */
	CHECK_EQ(157, 0xAA555555u, OP2("pick.qb", 0xAAAAAAAAu, 0x55555555u));
	CHECK_EQ(158, 0x6u, OP2("cmpgu.eq.qb", 0x11223344u, 0x00223300u));
	CHECK_EQ(159, CCOND(0x8), rddsp());                       /* CMPGU leaves ccond */
	CHECK_EQ(160, 0xCu, OP2("cmpgdu.le.qb", 0x01020304u, 0x02030000u));
	CHECK_EQ(161, CCOND(0xC), rddsp());
	__asm__ volatile("cmp.eq.ph %0, %1" : : "r"(0x00010002u), "r"(0x00010003u));
	CHECK_EQ(162, CCOND(0xE), rddsp());                       /* bits 25:24 only */
	CHECK_EQ(163, 0x1111BBBBu, OP2("pick.ph", 0x1111AAAAu, 0x2222BBBBu));
	CHECK_EQ(164, 0x22223333u, OP2("packrl.ph", 0x11112222u, 0x33334444u));
	CHECK_EQ(165, 0x34567801u, OPRT("append", 0x12345678u, 0xFFFFFF01u, ", 8"));
	CHECK_EQ(166, 0x01123456u, OPRT("prepend", 0x12345678u, 0xFFFFFF01u, ", 8"));
	CHECK_EQ(167, 0x345678ABu, OPRT("balign", 0x12345678u, 0xABCDEF00u, ", 1"));
	wrdsp(0);
}

static void check_loads(void)
{
	static volatile uint8_t buf[8] __attribute__((aligned(4))) = { 0x01, 0x80, 0xFE, 0xFF, 0x78, 0x56, 0x34, 0x12 };
	uint32_t v;
	__asm__ volatile("lbux %0, %1(%2)" : "=r"(v) : "r"(2), "r"(buf) : "memory");
	CHECK_EQ(170, 0xFEu, v);
	__asm__ volatile("lhx %0, %1(%2)" : "=r"(v) : "r"(2), "r"(buf) : "memory");
	CHECK_EQ(171, 0xFFFFFFFEu, v);                             /* sign-extended */
	__asm__ volatile("lwx %0, %1(%2)" : "=r"(v) : "r"(4), "r"(buf) : "memory");
	CHECK_EQ(172, 0x12345678u, v);
	exc_count = 0;
	__asm__ volatile("lwx %0, %1(%2)" : "=r"(v) : "r"(2), "r"(buf) : "memory");
	CHECK_EQ(173, 1, exc_count);
	CHECK_EQ(174, 4, TEST_EXCCODE(exc_cause));                /* AdEL */
}

/* BPOSGE32: returns 1 if taken; the delay slot always runs (adds 10). */
static uint32_t bposge32(uint32_t pos, uint32_t *slot)
{
	uint32_t taken, s = 0;
	wrdsp(POS(pos));
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
			 "li %0, 1\n\t"
			 "bposge32 1f\n\t"
			 "addiu %1, %1, 10\n\t"
			 "li %0, 0\n"
			 "1:\n\t.set pop"
			 : "=&r"(taken), "+r"(s));
	*slot = s;
	return taken;
}

static void check_branch(void)
{
	uint32_t slot;
	CHECK_EQ(180, 1, bposge32(32, &slot));
	CHECK_EQ(181, 10, slot);
	CHECK_EQ(182, 1, bposge32(63, &slot));
	CHECK_EQ(183, 0, bposge32(31, &slot));
	CHECK_EQ(184, 10, slot);
	CHECK_EQ(185, 0, bposge32(0, &slot));
}

/* Status.MX = 0: every DSP instruction raises DSPDis at its own address. */
static void check_disabled(void)
{
	uint32_t v = 0, epc, one = 1;
	set_mx(0);

	exc_count = 0;
	__asm__ volatile("1: addq.ph %0, %2, %2\n\tla %1, 1b" : "=&r"(v), "=r"(epc) : "r"(one));
	CHECK_EQ(190, 1, exc_count);
	CHECK_EQ(191, EXC_DSPDIS, TEST_EXCCODE(exc_cause));
	CHECK_EQ(192, epc, exc_epc);

	exc_count = 0;
	__asm__ volatile("mfhi %0, $ac1" : "=r"(v));
	CHECK_EQ(193, 1, exc_count);
	CHECK_EQ(194, EXC_DSPDIS, TEST_EXCCODE(exc_cause));
	exc_count = 0;
	__asm__ volatile("mthi %0, $ac2\n\tmult $ac3, %0, %0" : : "r"(v));
	CHECK_EQ(195, 2, exc_count);
	exc_count = 0;
	__asm__ volatile("wrdsp %0, 0x3F\n\tlwx %0, $0(%1)" : "+r"(v) : "r"(&v) : "memory");
	CHECK_EQ(196, 2, exc_count);

	exc_count = 0;                          /* BPOSGE32 itself */
	__asm__ volatile(".set push\n\t.set noreorder\n\t1: bposge32 2f\n\tnop\n2:\n\tla %0, 1b\n\t.set pop"
			 : "=r"(epc));
	CHECK_EQ(197, 1, exc_count);
	CHECK_EQ(198, EXC_DSPDIS, TEST_EXCCODE(exc_cause));
	CHECK_EQ(199, epc, exc_epc);

	exc_count = 0;                          /* in a delay slot: BD, EPC = the branch */
	__asm__ volatile(".set push\n\t.set noreorder\n\t1: b 2f\n\tshll.ph %1, %1, 1\n2:\n\tla %0, 1b\n\t.set pop"
			 : "=r"(epc), "+r"(v));
	CHECK_EQ(200, 1, exc_count);
	CHECK_EQ(201, EXC_DSPDIS, TEST_EXCCODE(exc_cause));
	CHECK_EQ(202, CP0_CAUSE_BD, exc_cause & CP0_CAUSE_BD);
	CHECK_EQ(203, epc, exc_epc);

	exc_count = 0;                          /* base-ISA HI/LO (ac0) need no MX */
	__asm__ volatile("mthi %1\n\tmfhi %0, $ac0" : "=r"(v) : "r"(7u) : "hi");
	CHECK_EQ(204, 0, exc_count);
	CHECK_EQ(205, 7, v);

	exc_count = 0;                          /* an undefined DSP encoding stays RI */
	__asm__ volatile(".word 0x7C430890");   /* SPECIAL3 function 0x10, op2 2: none */
	CHECK_EQ(206, 1, exc_count);
	CHECK_EQ(207, EXC_RI, TEST_EXCCODE(exc_cause));

	set_mx(1);
	exc_count = 0;
	__asm__ volatile(".word 0x7C430890");
	CHECK_EQ(208, EXC_RI, TEST_EXCCODE(exc_cause));          /* RI with MX = 1 too */
	__asm__ volatile("addq.ph %0, %1, %1" : "=r"(v) : "r"(0x00010001u));
	CHECK_EQ(209, 1, exc_count);
	CHECK_EQ(210, 0x00020002u, v);
}

/* Cycles of 32 copies of insn (Count ticks every 2 cycles), which may use
 * $8 and $9 and $ac1. The fetch costs are the same for every sequence, so
 * differences between sequences are the instructions' own extra cycles. */
#define TIMED32(insn) ({ uint32_t a_, b_; \
	__asm__ volatile(".set push\n\t.set noreorder\n\tmfc0 %0, $9\n\t.rept 32\n\t" insn \
			 "\n\t.endr\n\tmfc0 %1, $9\n\t.set pop" : "=&r"(a_), "=&r"(b_) : : "$8"); \
	(b_ - a_) * 2; })

static int near(uint32_t got, uint32_t want) { return got + 2 >= want && got <= want + 2; }

/* docs/cycle-model.md, "DSP ASE" rows. */
static void check_cycles(void)
{
	uint32_t alu = TIMED32("addq.ph $8, $8, $8");
	uint32_t mul16 = TIMED32("mul.ph $8, $8, $8");
	uint32_t mul32 = TIMED32("mulq_s.w $8, $8, $8");
	uint32_t acc16 = TIMED32("dpa.w.ph $ac1, $8, $8");
	uint32_t acc32 = TIMED32("dpaq_sa.l.w $ac1, $8, $8");
	CHECK_DETAIL(220, near(mul16 - alu, 32), alu, mul16, 0, 0);   /* 2 vs 1 */
	CHECK_DETAIL(221, near(mul32 - alu, 64), alu, mul32, 0, 0);   /* 3 vs 1 */
	CHECK_DETAIL(222, near(acc16, alu), alu, acc16, 0, 0);        /* 1 vs 1 */
	CHECK_DETAIL(223, near(acc32 - alu, 32), alu, acc32, 0, 0);   /* 2 vs 1 */
}

int test_main(void)
{
	set_mx(1);
	check_dspcontrol();
	check_arith();
	check_precision();
	check_shifts();
	check_multiply();
	check_accumulators();
	check_extract();
	check_bits();
	check_loads();
	check_branch();
	check_disabled();
	check_cycles();
	return 0;
}
