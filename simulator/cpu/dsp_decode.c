/* SPDX-License-Identifier: Apache-2.0 */
/* dsp_decode.c - recognises the DSP ASE r2 encodings for insn_decode().
 *
 * Field conventions (on top of decode.c's): d->imm is the enum dsp_id;
 * d->rd is the destination GPR (rt for INSV, APPEND/PREPEND/BALIGN,
 * PRECR_SRA and the EXTR/EXTP group); d->sa is the accumulator number for
 * accumulator instructions, else the 5-bit immediate field the instruction
 * uses (shift amount in rs for the SHLL group, sa/bp in rd for APPEND and
 * PRECR_SRA). Other immediates are read from d->raw. Encodings of a DSP
 * group that name no instruction stay Reserved Instruction. */
#include "insn_dsp.h"

static inline uint8_t dsp_dst(unsigned r) { return r ? (uint8_t)r : CPU_REG_SINK; }

/* SPECIAL/SPECIAL2 HI/LO instructions with an accumulator other than ac0. */
static const char *decode_acc(uint32_t w, struct insn *d)
{
	unsigned op = w >> 26, fn = w & 63, rt = (w >> 16) & 31, sa = (w >> 6) & 31;
	unsigned ac_src = (w >> 21) & 3, ac_dst = (w >> 11) & 3;
	enum dsp_id id;
	const char *mn;

	if (sa != 0)
		return NULL;
	if (op == 0 && (fn == 16 || fn == 18)) {          /* MFHI/MFLO rd, ac */
		if (ac_src == 0 || (w >> 23) != 0 || rt != 0)
			return NULL;
		id = fn == 16 ? DSP_ID_mfhi_ac : DSP_ID_mflo_ac;
		mn = fn == 16 ? "mfhi" : "mflo";
		d->sa = (uint8_t)ac_src;
		d->rd = dsp_dst((w >> 11) & 31);
	} else {
		if (ac_dst == 0 || ((w >> 13) & 7) != 0)
			return NULL;
		if (op == 0 && (fn == 17 || fn == 19)) {  /* MTHI/MTLO rs, ac */
			if (((w >> 16) & 0x1F) != 0)
				return NULL;
			id = fn == 17 ? DSP_ID_mthi_ac : DSP_ID_mtlo_ac;
			mn = fn == 17 ? "mthi" : "mtlo";
		} else if (op == 0 && fn == 24) {
			id = DSP_ID_mult_ac; mn = "mult";
		} else if (op == 0 && fn == 25) {
			id = DSP_ID_multu_ac; mn = "multu";
		} else if (op == 28 && fn == 0) {
			id = DSP_ID_madd_ac; mn = "madd";
		} else if (op == 28 && fn == 1) {
			id = DSP_ID_maddu_ac; mn = "maddu";
		} else if (op == 28 && fn == 4) {
			id = DSP_ID_msub_ac; mn = "msub";
		} else if (op == 28 && fn == 5) {
			id = DSP_ID_msubu_ac; mn = "msubu";
		} else {
			return NULL;
		}
		d->sa = (uint8_t)ac_dst;
		d->rd = CPU_REG_SINK;
	}
	d->id = INSN_ID_dsp;
	d->imm = id;
	d->cycles = 1;
	return mn;
}

const char *dsp_decode(uint32_t w, uint32_t next, struct insn *d)
{
	unsigned op = w >> 26, rs = (w >> 21) & 31, rt = (w >> 16) & 31;
	unsigned rd = (w >> 11) & 31, op2 = (w >> 6) & 31, fn = w & 63;
	unsigned id = DSP_ID_COUNT, cycles = 1;
	const char *mn = NULL;

	if (op == 1 && rt == 28 && rs == 0) {              /* BPOSGE32 */
		d->id = INSN_ID_bposge32;
		d->imm = (uint32_t)(int32_t)(int16_t)(w & 0xFFFF) << 2;
		d->cycles = 1;
		return "bposge32";
	}
	if (op == 0 || op == 28)
		return decode_acc(w, d);
	if (op != 31)
		return NULL;

	switch (fn << 5 | op2) {
#define DSP_CASE(name, f, o, cyc) \
	case (f) << 5 | (o): id = DSP_ID_##name; mn = #name; cycles = (cyc); break;
	DSP_SPECIAL3_LIST(DSP_CASE)
#undef DSP_CASE
	}
	if (fn == 0x0C && op2 == 0 && rd == 0) {           /* INSV has no op2 sub-codes */
		id = DSP_ID_insv; mn = "insv"; cycles = 1;
	} else if (fn == 0x0C) {
		return NULL;
	}
	if (id == DSP_ID_COUNT)
		return NULL;

	d->id = INSN_ID_dsp;
	d->imm = id;
	d->cycles = (uint8_t)cycles;
	d->rs = (uint8_t)rs;
	d->rt = (uint8_t)rt;
	d->rd = dsp_dst(rd);
	d->sa = 0;
	switch (fn) {
	case 0x13:                                         /* shift amount in rs */
		d->sa = (uint8_t)rs;
		break;
	case 0x30:                                         /* accumulator ops */
		d->sa = (uint8_t)(rd & 3);
		break;
	case 0x31:
		d->rd = dsp_dst(rt);
		d->sa = (uint8_t)rd;
		break;
	case 0x11:
		if (id == DSP_ID_precr_sra_ph_w || id == DSP_ID_precr_sra_r_ph_w) {
			d->rd = dsp_dst(rt);
			d->sa = (uint8_t)rd;
		}
		break;
	case 0x38:
		d->sa = (uint8_t)(rd & 3);
		if (id != DSP_ID_rddsp)
			d->rd = dsp_dst(rt);
		if (id == DSP_ID_rddsp)
			d->rd = dsp_dst(rd);
		break;
	case 0x0C:
		d->rd = dsp_dst(rt);
		break;
	case 0x0A:                                         /* load-use interlock */
		if (rd != 0 && (((next >> 21) & 31) == rd || ((next >> 16) & 31) == rd))
			d->cycles = 2;
		break;
	}
	return mn;
}
