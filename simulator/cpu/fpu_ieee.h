/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_ieee.h - IEEE 754 arithmetic as the M5150 FPU performs it (legacy
 * MIPS NaNs, MIPS default results, tininess after rounding), on raw bit
 * patterns. Used by fpu.c; nothing here knows about registers or FCSR layout
 * beyond the exception bit order.
 */
#ifndef VZSIM_FPU_IEEE_H
#define VZSIM_FPU_IEEE_H

#include <stdbool.h>
#include <stdint.h>

/* Exception bits in the order of the FCSR Cause field (Cause bit 12 = I). */
enum {
	FPX_I = 1u << 0,    /* inexact */
	FPX_U = 1u << 1,    /* underflow */
	FPX_O = 1u << 2,    /* overflow */
	FPX_Z = 1u << 3,    /* divide by zero */
	FPX_V = 1u << 4,    /* invalid operation */
	FPX_E = 1u << 5,    /* unimplemented operation */
};

/* Data formats, numbered as the COP1 fmt field minus 16. */
enum fpu_fmt { FMT_S = 0, FMT_D = 1, FMT_W = 4, FMT_L = 5 };

/* Legacy (pre-2008) MIPS default quiet NaNs: the quiet bit is CLEAR. */
#define FPU_DEFAULT_NAN_S 0x7FBFFFFFu
#define FPU_DEFAULT_NAN_D 0x7FF7FFFFFFFFFFFFull
/* MIPS default results of an invalid conversion to integer. */
#define FPU_INVALID_W 0x7FFFFFFFu
#define FPU_INVALID_L 0x7FFFFFFFFFFFFFFFull

/* What one instruction computes under: taken from FCSR, plus the
 * exceptions it raised so far (instructions like MADD run two steps). */
struct fpu_ctx {
	unsigned rm;        /* FCSR.RM: 0 nearest, 1 zero, 2 +inf, 3 -inf */
	bool flush;         /* FCSR.FS: subnormal results become signed zero */
	bool trap_u;        /* Underflow enabled: tininess alone signals U */
	unsigned exc;       /* FPX_* raised */
};

enum fpu_op {
	FOP_ADD, FOP_SUB, FOP_MUL, FOP_DIV, FOP_SQRT,
	FOP_ABS, FOP_NEG, FOP_RECIP, FOP_RSQRT,
};

/* Arithmetic in format S or D (values in the low 32 bits for S). Unary
 * operations ignore b. */
uint64_t fpu_arith(struct fpu_ctx *c, enum fpu_fmt fmt, enum fpu_op op,
		   uint64_t a, uint64_t b);
/* C.cond.fmt: cond is the 4-bit condition field (bit 3 = signalling). */
bool fpu_compare(struct fpu_ctx *c, enum fpu_fmt fmt, uint64_t a, uint64_t b,
		 unsigned cond);
/* CVT.to.from with the rounding mode in c (any of S, D, W, L both ways,
 * to != from). */
uint64_t fpu_convert(struct fpu_ctx *c, enum fpu_fmt to, enum fpu_fmt from,
		     uint64_t a);
/* ROUND/TRUNC/CEIL/FLOOR: float format from to integer format to, rounding
 * as mode (encoded like FCSR.RM). */
uint64_t fpu_to_int(struct fpu_ctx *c, enum fpu_fmt to, enum fpu_fmt from,
		    uint64_t a, unsigned mode);

#endif
