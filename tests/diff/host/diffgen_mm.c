/* SPDX-License-Identifier: Apache-2.0 */
/* diffgen_mm.c - seeded random microMIPS32 cases for the differential tests
 * (vzlet-sim against qemu-system-mipsel -cpu M14Kc, integer only).
 *
 * Same shape as the MIPS32 cases (diffgen.c): blocks run straight through
 * with forward branches and short counted loops, then a jump (JR, bit 0
 * clear: back to MIPS32) to the driver's exit. Instructions come in their
 * 16- and 32-bit encodings; delay slots hold either size, or the size a
 * branch requires (JALS/JALRS/BxxZALS: 16 bits; JAL/JALR/BxxZAL: 32).
 * Excluded (UNPREDICTABLE, or a documented QEMU difference; docs/testing.md)
 * as in the MIPS32 generator, plus: LWM/SWM/LWP/SWP in delay slots, LWP
 * with rt = base or 31, LWM/SWM lists overlapping the base/counter
 * registers, wrong-size delay slots (QEMU and vzlet-sim both raise RI, but
 * the directed tests cover it), JRADDIUSP and the sp/gp-based forms unless
 * sp/gp were just pointed at the scratch buffer. */
#include <string.h>

#include "diffgen.h"
#include "diffgen_rng.h"
#include "../diff_abi.h"

#define MM_MAX_BLOCKS 48
#define MM_MAX_HALVES 24

enum mm_br {
	MB_NONE,
	MB_B10,     /* B16: 10-bit halfword offset in h[at] */
	MB_B7,      /* BEQZ16/BNEZ16: 7-bit */
	MB_B16,     /* 32-bit branch: 16-bit offset in h[at + 1] */
	MB_J,       /* J/JAL/JALS: 26-bit halfword index in h[at], h[at + 1] */
	MB_REG,     /* LUI/ORI of the target in h[0..3] (bit 0 set) */
	MB_LOOP,    /* backward 32-bit branch to h[1] of its own block */
};

struct mm_block {
	uint16_t h[MM_MAX_HALVES];
	unsigned n;
	enum mm_br br;
	unsigned at, size;      /* branch halfword index and size (bytes) */
	unsigned target;        /* block index; nb = the exit */
};

struct mm_gen {
	struct rng *r;
	unsigned base, counter;
	bool in_slot;           /* generating a delay slot */
	struct mm_block b[MM_MAX_BLOCKS];
	unsigned nb;
};

static const uint8_t mmreg[8] = { 16, 17, 2, 3, 4, 5, 6, 7 };

static void put16(struct mm_block *b, unsigned h) { b->h[b->n++] = (uint16_t)h; }
static void put32(struct mm_block *b, uint32_t x) { put16(b, x >> 16); put16(b, x & 0xFFFF); }

static bool usable(const struct mm_gen *g, unsigned reg)
{
	return reg != 26 && reg != 27 && reg != g->base && reg != g->counter;
}
static unsigned src(struct mm_gen *g)
{
	unsigned reg;
	do
		reg = rnd(g->r, 32);
	while (reg == 26 || reg == 27);
	return reg;
}
static unsigned dst(struct mm_gen *g)
{
	unsigned reg;
	if (chance(g->r, 3))
		return 0;
	do
		reg = 1 + rnd(g->r, 31);
	while (!usable(g, reg));
	return reg;
}
static unsigned nonzero_dst(struct mm_gen *g)
{
	unsigned reg;
	do
		reg = dst(g);
	while (!reg);
	return reg;
}
/* A 3-bit register code (mmreg) for a source / for a destination. */
static unsigned src3(struct mm_gen *g) { return rnd(g->r, 8); }
static int dst3(struct mm_gen *g)
{
	for (unsigned tries = 0; tries < 32; tries++) {
		unsigned c = rnd(g->r, 8);
		if (usable(g, mmreg[c]))
			return (int)c;
	}
	return -1;
}

/* Offset from the base (middle of the scratch buffer) for `size` bytes. */
static int mem_off(struct mm_gen *g, unsigned size, bool misalign)
{
	int off = (int)rnd(g->r, DIFF_SCRATCH_SIZE - size + 1);
	if (!(misalign && chance(g->r, 12)))
		off &= ~(int)(size - 1);
	return off - DIFF_SCRATCH_SIZE / 2;
}

/* ---- 32-bit encodings ---------------------------------------------------- */

#define X_POOL32A(rt, rs, rd, sub, minor) ((uint32_t)(rt) << 21 | (uint32_t)(rs) << 16 | \
	(uint32_t)(rd) << 11 | (uint32_t)(sub) << 6 | (minor))
#define X_AXF(rt, rs, minor, ext) ((uint32_t)(rt) << 21 | (uint32_t)(rs) << 16 | \
	(uint32_t)(minor) << 12 | (uint32_t)(ext) << 6 | 0x3Cu)
#define X_I(op, rt, rs, imm) ((uint32_t)(op) << 26 | (uint32_t)(rt) << 21 | \
	(uint32_t)(rs) << 16 | ((uint32_t)(imm) & 0xFFFFu))
#define X_C(op, rt, rs, minor, off12) ((uint32_t)(op) << 26 | (uint32_t)(rt) << 21 | \
	(uint32_t)(rs) << 16 | (uint32_t)(minor) << 12 | ((uint32_t)(off12) & 0xFFFu))
#define POOL32I 0x10u

/* One 32-bit instruction that may stand alone or fill a delay slot. */
static uint32_t simple32(struct mm_gen *g)
{
	struct rng *r = g->r;
	for (;;) {
		unsigned k = rnd(r, 60), rd = dst(g), rs = src(g), rt = src(g);
		if (k < 10) { /* rd = rs op rt; shifts rt by rs */
			static const uint8_t sub[] = { 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14 };
			return X_POOL32A(rt, rs, rd, sub[rnd(r, sizeof sub)], 0x10);
		}
		if (k < 16) { /* immediates; LUI */
			static const uint8_t op[] = { 0x04, 0x0C, 0x24, 0x2C, 0x34, 0x14, 0x1C };
			uint32_t imm = chance(r, 50) ? rnd32(r) : (uint32_t)((int)rnd(r, 33) - 16);
			if (chance(r, 12))
				return X_I(POOL32I, 0x0D, rd, imm);
			return X_I(op[rnd(r, sizeof op)], rd, rs, imm);
		}
		if (k < 20) /* shifts by immediate; EXCLUDE rd = 0 (NOP/SSNOP/EHB/PAUSE) */
			return X_POOL32A(nonzero_dst(g), rt, rnd(r, 32), rnd(r, 4), 0x00);
		if (k < 23) { /* EXT/INS; EXCLUDE pos + size > 32 */
			unsigned pos = rnd(r, 32), size = 1 + rnd(r, 32 - pos);
			if (chance(r, 50))
				return X_POOL32A(rd, rs, size - 1, pos, 0x2C);
			return X_POOL32A(rd, rs, pos + size - 1, pos, 0x0C);
		}
		if (k < 26) { /* SEB/SEH/WSBH/CLO/CLZ rt, rs */
			static const uint8_t minor[] = { 2, 3, 7, 4, 5 };
			return X_AXF(rd, rs, minor[rnd(r, 5)], 0x2C);
		}
		if (k < 30) { /* MFHI/MFLO, MULT(U), MADD(U), MSUB(U) */
			unsigned m = rnd(r, 8);
			if (m < 2)
				return X_AXF(0, rd, m, 0x35);
			static const uint8_t minor[] = { 8, 9, 0xC, 0xD, 0xE, 0xF };
			return X_AXF(rt, rs, minor[m - 2], 0x2C);
		}
		if (k < 40) { /* loads/stores, 16-bit offsets and POOL32C 12-bit ones */
			static const struct { uint8_t op, size, store, misalign, minor; } mem[] = {
				{ 0x07, 1, 0, 0, 0 }, { 0x05, 1, 0, 0, 0 }, { 0x0F, 2, 0, 1, 0 },
				{ 0x0D, 2, 0, 1, 0 }, { 0x3F, 4, 0, 1, 0 }, { 0x06, 1, 1, 0, 0 },
				{ 0x0E, 2, 1, 1, 0 }, { 0x3E, 4, 1, 1, 0 },
				{ 0x18, 4, 0, 2, 0 }, { 0x18, 4, 0, 2, 1 }, /* LWL/LWR */
				{ 0x18, 4, 1, 2, 8 }, { 0x18, 4, 1, 2, 9 }, /* SWL/SWR */
			};
			unsigned m = rnd(r, sizeof mem / sizeof mem[0]);
			unsigned reg = mem[m].store ? src(g) : dst(g);
			if (mem[m].misalign == 2)
				return X_C(0x18, reg, g->base, mem[m].minor,
					   (int)rnd(r, DIFF_SCRATCH_SIZE) - DIFF_SCRATCH_SIZE / 2);
			return X_I(mem[m].op, reg, g->base, mem_off(g, mem[m].size, mem[m].misalign));
		}
		if (k < 43) /* MOVN/MOVZ */
			return X_POOL32A(rt, rs, rd, rnd(r, 2), 0x18);
		if (k < 45) { /* traps, register and immediate */
			if (chance(r, 50)) {
				static const uint8_t ext[] = { 0x00, 0x08, 0x10, 0x20, 0x28, 0x30 };
				return X_AXF(rt, rs, rnd(r, 16), ext[rnd(r, 6)]);
			}
			static const uint8_t minor[] = { 8, 9, 0xA, 0xB, 0xC, 0xE };
			return X_I(POOL32I, minor[rnd(r, 6)], rs, (uint32_t)((int)rnd(r, 9) - 4));
		}
		if (k < 47) { /* SYNC, SYSCALL, BREAK32 */
			unsigned m = rnd(r, 3);
			if (m == 0)
				return X_AXF(0, 0, 6, 0x2D);
			if (m == 1)
				return X_AXF(0, rnd(r, 32), 8, 0x2D) | (rnd32(r) & 0x03E00000u);
			return 0x07u | (rnd32(r) & 0x03FFFFC0u);
		}
		if (k < 49 && !g->in_slot) { /* ADDIUPC; EXCLUDE in delay slots (QEMU quirk) */
			int d = dst3(g);
			if (d >= 0)
				return 0x1Eu << 26 | (uint32_t)d << 23 | (rnd32(r) & 0x7FFFFFu);
		}
		if (k < 51) /* MUL is a block of its own (gen_case); here MOV via ADDU */
			return X_POOL32A(0, rs, rd, 5, 0x10);
		if (k < 53) { /* PREF, SYNCI on the scratch buffer */
			int off = (int)rnd(r, DIFF_SCRATCH_SIZE) - DIFF_SCRATCH_SIZE / 2;
			if (chance(r, 50))
				return X_C(0x18, rnd(r, 2), g->base, 2, off);
			return X_I(POOL32I, 0x10, g->base, off);
		}
		if (k < 54) { /* reserved encodings: RI on both */
			static const uint8_t op[] = { 0x16, 0x17, 0x1F, 0x20, 0x28, 0x30, 0x36, 0x37, 0x38 };
			return (uint32_t)op[rnd(r, sizeof op)] << 26 | (rnd32(r) & 0x03FFFFFFu);
		}
	}
}

/* One 16-bit instruction that may stand alone or fill a delay slot. */
static unsigned simple16(struct mm_gen *g)
{
	struct rng *r = g->r;
	for (;;) {
		unsigned k = rnd(r, 40);
		int d = dst3(g);
		unsigned s1 = src3(g), s2 = src3(g);
		if (k < 6 && d >= 0) /* ADDU16/SUBU16 rd(9:7), rs(3:1), rt(6:4) */
			return 0x01u << 10 | (unsigned)d << 7 | s2 << 4 | s1 << 1 | rnd(r, 2);
		if (k < 10 && d >= 0) /* SLL16/SRL16 */
			return 0x09u << 10 | (unsigned)d << 7 | s1 << 4 | rnd(r, 8) << 1 | rnd(r, 2);
		if (k < 15 && d >= 0) /* NOT16/XOR16/AND16/OR16 rd(5:3), rs(2:0) */
			return 0x11u << 10 | rnd(r, 4) << 6 | (unsigned)d << 3 | s1;
		if (k < 18) { /* MOVE16 rd, rs */
			unsigned rd = dst(g);
			return 0x03u << 10 | rd << 5 | src(g);
		}
		if (k < 21 && d >= 0) /* ANDI16 */
			return 0x0Bu << 10 | (unsigned)d << 7 | s1 << 4 | rnd(r, 16);
		if (k < 24) { /* ADDIUS5 */
			unsigned rd = dst(g);
			return 0x13u << 10 | rd << 5 | rnd(r, 16) << 1;
		}
		if (k < 26 && d >= 0) /* ADDIUR2 */
			return 0x1Bu << 10 | (unsigned)d << 7 | s1 << 4 | rnd(r, 8) << 1;
		if (k < 28 && d >= 0) /* LI16 */
			return 0x3Bu << 10 | (unsigned)d << 7 | rnd(r, 128);
		if (k < 30) { /* MFHI16/MFLO16 */
			unsigned rd = dst(g);
			return 0x11u << 10 | (chance(r, 50) ? 0x10u : 0x12u) << 5 | rd;
		}
		if (k < 37) { /* LBU16/LHU16/LW16, SB16/SH16/SW16 off the base */
			static const struct { uint8_t op, shift, store; } mem[] = {
				{ 0x02, 0, 0 }, { 0x0A, 1, 0 }, { 0x1A, 2, 0 },
				{ 0x22, 0, 1 }, { 0x2A, 1, 1 }, { 0x3A, 2, 1 },
			};
			unsigned m = rnd(r, 6), b3 = 0;
			while (mmreg[b3] != g->base)
				b3++;
			unsigned reg;
			if (mem[m].store)
				reg = src3(g); /* code 0 is $zero here */
			else if (d >= 0)
				reg = (unsigned)d;
			else
				continue;
			/* offsets of up to 31 bytes above the middle (LBU16's 15 is -1) */
			return (unsigned)mem[m].op << 10 | reg << 7 | b3 << 4 |
			       rnd(r, mem[m].shift == 2 ? 8 : 16);
		}
		if (k < 38) /* BREAK16 */
			return 0x11u << 10 | 0x28u << 4 | rnd(r, 16);
		if (k < 40 && d >= 0) { /* MOVEP: EXCLUDE destinations that are base/counter */
			static const uint8_t d1[8] = { 5, 5, 6, 4, 4, 4, 4, 4 };
			static const uint8_t d2[8] = { 6, 7, 7, 21, 22, 5, 6, 7 };
			unsigned e = rnd(r, 8);
			if (!usable(g, d1[e]) || !usable(g, d2[e]))
				continue;
			return 0x21u << 10 | e << 7 | rnd(r, 8) << 4 | rnd(r, 8) << 1;
		}
	}
}

static void put_simple(struct mm_gen *g, struct mm_block *b, unsigned size)
{
	if (size == 2 || (size == 0 && chance(g->r, 50)))
		put16(b, simple16(g));
	else
		put32(b, simple32(g));
}

static void put_slot(struct mm_gen *g, struct mm_block *b, unsigned size)
{
	g->in_slot = true;
	put_simple(g, b, size);
	g->in_slot = false;
}

static struct mm_block *new_block(struct mm_gen *g)
{
	struct mm_block *b = &g->b[g->nb++];
	memset(b, 0, sizeof *b);
	return b;
}

/* A branch or jump with its delay slot (or a compact one). */
static void branch_block(struct mm_gen *g)
{
	struct rng *r = g->r;
	struct mm_block *b = new_block(g);
	unsigned rs = src(g), rt = src(g), k = rnd(r, 20), slot = 0;
	b->target = g->nb;
	if (k < 2) {          /* B16 */
		b->br = MB_B10; b->size = 2;
		put16(b, 0x33u << 10);
	} else if (k < 4) {   /* BEQZ16/BNEZ16 */
		b->br = MB_B7; b->size = 2;
		put16(b, (k == 2 ? 0x23u : 0x2Bu) << 10 | src3(g) << 7);
	} else if (k < 6) {   /* BEQ/BNE; EXCLUDE BNE r, r (never taken) */
		b->br = MB_B16; b->size = 4;
		if (k == 5)
			while (rt == rs)
				rt = src(g);
		put32(b, X_I(k == 4 ? 0x25 : 0x2D, rt, rs, 0));
	} else if (k < 12) {  /* POOL32I: BLTZ BGEZ BLEZ BGTZ BLTZAL(S) BGEZAL(S) */
		static const uint8_t minor[] = { 0x00, 0x02, 0x04, 0x06, 0x01, 0x03 };
		unsigned m = minor[k - 6];
		b->br = MB_B16; b->size = 4;
		/* EXCLUDE BLTZ/BGTZ/BLTZAL $0 (never taken); xZAL(S) with rs = 31 */
		while ((rs == 0 && (m == 0 || m == 6 || m == 1)) || ((m & 1) && rs == 31))
			rs = src(g);
		if (m & 1) {
			if (chance(r, 50)) {
				m |= 0x10; /* the S forms: 16-bit slot */
				slot = 2;
			} else {
				slot = 4;
			}
		}
		put32(b, X_I(POOL32I, m, rs, 0));
	} else if (k < 14) {  /* BEQZC/BNEZC: compact */
		b->br = MB_B16; b->size = 4;
		put32(b, X_I(POOL32I, k == 12 ? 0x07 : 0x05, rs, 0));
		return;
	} else if (k < 17) {  /* J, JAL (32-bit slot), JALS (16-bit slot) */
		static const uint8_t op[] = { 0x35, 0x3D, 0x1D };
		b->br = MB_J; b->size = 4;
		slot = k == 15 ? 4 : k == 16 ? 2 : 0;
		put32(b, (uint32_t)op[k - 14] << 26);
	} else {              /* through a register: JR16 JRC JALR16 JALRS16 JALR JALRS */
		unsigned t = nonzero_dst(g), form = rnd(r, 6), link = 31;
		b->br = MB_REG;
		put32(b, X_I(POOL32I, 0x0D, t, 0));         /* LUI t */
		put32(b, X_I(0x14, t, t, 0));               /* ORI t, t */
		b->at = 4;
		switch (form) {
		case 0: put16(b, 0x11u << 10 | 0x0Cu << 5 | t); break;               /* JR16 */
		case 1: put16(b, 0x11u << 10 | 0x0Du << 5 | t); return;              /* JRC */
		case 2: put16(b, 0x11u << 10 | 0x0Eu << 5 | t); slot = 4; break;     /* JALR16 */
		case 3: put16(b, 0x11u << 10 | 0x0Fu << 5 | t); slot = 2; break;     /* JALRS16 */
		default: /* JALR/JALRS rt, rs; EXCLUDE rt = rs */
			link = chance(r, 50) ? 31 : nonzero_dst(g);
			while (link == t)
				link = nonzero_dst(g);
			put32(b, X_AXF(link, t, form == 4 ? 0 : 4, 0x3C));
			slot = form == 4 ? 4 : 2;
			break;
		}
		put_slot(g, b, slot);
		return;
	}
	b->at = 0;
	put_slot(g, b, slot);
}

/* Blocks of a case (like gen_case in diffgen.c). */
static void gen_blocks(struct mm_gen *g)
{
	struct rng *r = g->r;
	unsigned want = 6 + rnd(r, 34);
	g->nb = 0;
	while (g->nb < want) {
		unsigned k = rnd(r, 100);
		struct mm_block *b;
		if (k < 60) {
			b = new_block(g);
			put_simple(g, b, 0);
		} else if (k < 64) { /* counted loop: ADDIU c; body; ADDIU c, -1; BNE/BGTZ back */
			unsigned c = g->counter, body = 1 + rnd(r, 3);
			b = new_block(g);
			put32(b, X_I(0x0C, c, 0, 1 + rnd(r, 4)));
			for (unsigned i = 0; i < body; i++)
				put_simple(g, b, 0);
			put32(b, X_I(0x0C, c, c, 0xFFFF));
			b->at = b->n;
			b->br = MB_LOOP;
			put32(b, chance(r, 50) ? X_I(POOL32I, 0x06, c, 0) : X_I(0x2D, 0, c, 0));
			put_slot(g, b, 0);
		} else if (k < 82) {
			branch_block(g);
		} else if (k < 85) { /* MUL, then LO read and fresh HI/LO */
			b = new_block(g);
			put32(b, X_POOL32A(src(g), src(g), dst(g), 8, 0x10));
			put32(b, X_AXF(0, 0, 1, 0x35));
			put32(b, X_AXF(0, src(g), 2, 0x35));
			put32(b, X_AXF(0, src(g), 3, 0x35));
		} else if (k < 88) { /* DIV/DIVU guarded by TEQ rt, $0 */
			unsigned rs = src(g), rt = src(g);
			b = new_block(g);
			put32(b, X_AXF(0, rt, 7, 0x00));
			put32(b, X_AXF(rt, rs, chance(r, 50) ? 0xA : 0xB, 0x2C));
		} else if (k < 90) { /* LL ... SC */
			int off = mem_off(g, 4, true);
			b = new_block(g);
			put32(b, X_C(0x18, dst(g), g->base, 3, off));
			put32(b, X_C(0x18, dst(g), g->base, 0xB, off));
		} else if (k < 93) { /* LWP/SWP; EXCLUDE LWP rt = base, rt/rt+1 not usable */
			unsigned rt;
			bool store = chance(r, 50);
			do
				rt = rnd(r, 31);
			while (!store && (!usable(g, rt) || !usable(g, rt + 1) || rt == 0));
			b = new_block(g);
			put32(b, X_C(0x08, rt, g->base, store ? 9 : 1, mem_off(g, 8, true)));
		} else if (k < 95) { /* LWM32 s0..s(n-1)[, fp][, ra]
				      * EXCLUDE SWM: QEMU 7.2 stores halfwords (QEMU quirk) */
			unsigned n = 1 + rnd(r, 9), list = n | (chance(r, 50) ? 16 : 0);
			bool store = false, ok = true;
			for (unsigned i = 0; i < n && i < 8; i++)
				ok = ok && usable(g, 16 + i);
			if (n == 9 || (list & 16))
				ok = ok && usable(g, 30) && usable(g, 31);
			if (!store && !ok)
				continue;
			b = new_block(g);
			put32(b, X_C(0x08, list, g->base, store ? 0xD : 0x5,
				     -DIFF_SCRATCH_SIZE / 2 + 4 * (int)rnd(r, 3)));
		} else if (k < 97) { /* LWXS: index set just before */
			unsigned idx = nonzero_dst(g), rd = dst(g);
			b = new_block(g);
			put32(b, X_I(0x0C, idx, 0, (uint32_t)((int)rnd(r, 16) - 8)));
			put32(b, X_POOL32A(idx, g->base, rd, 4, 0x18));
		} else { /* sp or gp pointed at the scratch buffer, then LWSP/SWSP/LWGP/LWM16/SWM16 */
			bool gp = chance(r, 30);
			unsigned reg = gp ? 28 : 29;
			if (!usable(g, reg))
				continue;
			b = new_block(g);
			put16(b, 0x03u << 10 | reg << 5 | g->base);                /* MOVE16 */
			int d = dst3(g);
			if (gp) {
				if (d < 0)
					continue;
				put16(b, 0x19u << 10 | (unsigned)d << 7 | ((unsigned)((int)rnd(r, 16) - 8) & 0x7F));
			} else {
				unsigned m = rnd(r, 3);
				if (m == 0)
					put16(b, (chance(r, 50) ? 0x12u : 0x32u) << 10 | nonzero_dst(g) << 5 | rnd(r, 8));
				else if (usable(g, 16) && usable(g, 17) && usable(g, 18) &&
					 usable(g, 19)) { /* LWM16 s0..s(idx), ra (no SWM16: above) */
					unsigned idx = rnd(r, 4), off = rnd(r, 7 - idx);
					put16(b, 0x11u << 10 | 0x10u << 4 | idx << 4 | off);
				}
			}
		}
	}
}

static void put_le16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static bool fits(int32_t v, unsigned bits)
{
	return v >= -(1 << (bits - 1)) && v < (1 << (bits - 1));
}

size_t diffgen_mm_case(struct rng *r, unsigned base, unsigned counter, uint32_t va, uint8_t *out)
{
	static struct mm_gen g;
	unsigned start[MM_MAX_BLOCKS + 1], pos = 0;
	memset(&g, 0, sizeof g);
	g.r = r;
	g.base = base;
	g.counter = counter;
	gen_blocks(&g);
	for (unsigned i = 0; i < g.nb; i++) {
		start[i] = pos;
		pos += g.b[i].n;
	}
	start[g.nb] = pos;
	/* Forward targets in range of each form: later blocks or the exit. */
	for (unsigned i = 0; i < g.nb; i++) {
		struct mm_block *b = &g.b[i];
		if (b->br == MB_NONE || b->br == MB_LOOP)
			continue;
		unsigned from = start[i] + b->at + b->size / 2; /* the slot (halfwords) */
		unsigned bits = b->br == MB_B10 ? 10 : b->br == MB_B7 ? 7 : 16;
		unsigned t = i + 1 + rnd(r, g.nb - i);
		while (t > i + 1 && !fits((int32_t)(start[t] - from), bits))
			t--;
		b->target = t;
	}
	for (unsigned i = 0; i < g.nb; i++) {
		struct mm_block *b = &g.b[i];
		unsigned from = start[i] + b->at + (b->br == MB_LOOP ? 2 : b->size / 2);
		uint32_t off = (uint32_t)((int32_t)start[b->target] - (int32_t)from);
		uint32_t target = va + 2 * start[b->target];
		switch (b->br) {
		case MB_NONE: break;
		case MB_B10: b->h[b->at] |= off & 0x3FF; break;
		case MB_B7: b->h[b->at] |= off & 0x7F; break;
		case MB_B16: b->h[b->at + 1] = (uint16_t)off; break;
		case MB_J:
			b->h[b->at] |= (target >> 17) & 0x3FF;
			b->h[b->at + 1] = (uint16_t)(target >> 1);
			break;
		case MB_REG:
			b->h[1] = (uint16_t)(target >> 16);
			b->h[3] = (uint16_t)((target & 0xFFFF) | 1);
			break;
		case MB_LOOP: /* back to the body, after the counter's ADDIU */
			b->h[b->at + 1] = (uint16_t)(start[i] + 2 - from);
			break;
		}
		for (unsigned j = 0; j < b->n; j++)
			put_le16(out + 2 * (start[i] + j), b->h[j]);
	}
	/* exit: LUI k1; ORI k1, k1; JR16 k1; NOP16 */
	struct mm_block e = { .n = 0 };
	put32(&e, X_I(POOL32I, 0x0D, 27, DIFF_CASE_EXIT >> 16));
	put32(&e, X_I(0x14, 27, 27, DIFF_CASE_EXIT & 0xFFFF));
	put16(&e, 0x11u << 10 | 0x0Cu << 5 | 27);
	put16(&e, 0x0C00);
	for (unsigned j = 0; j < e.n; j++)
		put_le16(out + 2 * (pos + j), e.h[j]);
	pos += e.n;
	return 2u * pos;
}
