/* SPDX-License-Identifier: Apache-2.0 */
/* insn_dsp.h - the DSP ASE r2 instructions: one table row per instruction
 * (handler name, SPECIAL3 function, op2 field (bits 10:6), static cycles),
 * shared by the decoder (dsp_decode.c) and the handlers (insn_dsp.c).
 * Costs: docs/cycle-model.md, "DSP ASE". */
#ifndef VZSIM_INSN_DSP_H
#define VZSIM_INSN_DSP_H

#include "insns.h"

#define DSP_SPECIAL3_LIST(X) \
	/* ADDU.QB group (function 0x10) */ \
	X(addu_qb, 0x10, 0, 1) X(subu_qb, 0x10, 1, 1) X(addu_s_qb, 0x10, 4, 1) \
	X(subu_s_qb, 0x10, 5, 1) X(muleu_s_ph_qbl, 0x10, 6, 2) X(muleu_s_ph_qbr, 0x10, 7, 2) \
	X(addu_ph, 0x10, 8, 1) X(subu_ph, 0x10, 9, 1) X(addq_ph, 0x10, 10, 1) \
	X(subq_ph, 0x10, 11, 1) X(addu_s_ph, 0x10, 12, 1) X(subu_s_ph, 0x10, 13, 1) \
	X(addq_s_ph, 0x10, 14, 1) X(subq_s_ph, 0x10, 15, 1) X(addsc, 0x10, 16, 1) \
	X(addwc, 0x10, 17, 1) X(modsub, 0x10, 18, 1) X(raddu_w_qb, 0x10, 20, 1) \
	X(addq_s_w, 0x10, 22, 1) X(subq_s_w, 0x10, 23, 1) X(muleq_s_w_phl, 0x10, 28, 2) \
	X(muleq_s_w_phr, 0x10, 29, 2) X(mulq_s_ph, 0x10, 30, 2) X(mulq_rs_ph, 0x10, 31, 2) \
	/* CMPU.EQ.QB group (0x11) */ \
	X(cmpu_eq_qb, 0x11, 0, 1) X(cmpu_lt_qb, 0x11, 1, 1) X(cmpu_le_qb, 0x11, 2, 1) \
	X(pick_qb, 0x11, 3, 1) X(cmpgu_eq_qb, 0x11, 4, 1) X(cmpgu_lt_qb, 0x11, 5, 1) \
	X(cmpgu_le_qb, 0x11, 6, 1) X(cmp_eq_ph, 0x11, 8, 1) X(cmp_lt_ph, 0x11, 9, 1) \
	X(cmp_le_ph, 0x11, 10, 1) X(pick_ph, 0x11, 11, 1) X(precrq_qb_ph, 0x11, 12, 1) \
	X(precr_qb_ph, 0x11, 13, 1) X(packrl_ph, 0x11, 14, 1) X(precrqu_s_qb_ph, 0x11, 15, 1) \
	X(precrq_ph_w, 0x11, 20, 1) X(precrq_rs_ph_w, 0x11, 21, 1) X(cmpgdu_eq_qb, 0x11, 24, 1) \
	X(cmpgdu_lt_qb, 0x11, 25, 1) X(cmpgdu_le_qb, 0x11, 26, 1) \
	X(precr_sra_ph_w, 0x11, 30, 1) X(precr_sra_r_ph_w, 0x11, 31, 1) \
	/* ABSQ_S.PH group (0x12) */ \
	X(absq_s_qb, 0x12, 1, 1) X(repl_qb, 0x12, 2, 1) X(replv_qb, 0x12, 3, 1) \
	X(precequ_ph_qbl, 0x12, 4, 1) X(precequ_ph_qbr, 0x12, 5, 1) \
	X(precequ_ph_qbla, 0x12, 6, 1) X(precequ_ph_qbra, 0x12, 7, 1) \
	X(absq_s_ph, 0x12, 9, 1) X(repl_ph, 0x12, 10, 1) X(replv_ph, 0x12, 11, 1) \
	X(preceq_w_phl, 0x12, 12, 1) X(preceq_w_phr, 0x12, 13, 1) X(absq_s_w, 0x12, 17, 1) \
	X(bitrev, 0x12, 27, 1) X(preceu_ph_qbl, 0x12, 28, 1) X(preceu_ph_qbr, 0x12, 29, 1) \
	X(preceu_ph_qbla, 0x12, 30, 1) X(preceu_ph_qbra, 0x12, 31, 1) \
	/* SHLL.QB group (0x13) */ \
	X(shll_qb, 0x13, 0, 1) X(shrl_qb, 0x13, 1, 1) X(shllv_qb, 0x13, 2, 1) \
	X(shrlv_qb, 0x13, 3, 1) X(shra_qb, 0x13, 4, 1) X(shra_r_qb, 0x13, 5, 1) \
	X(shrav_qb, 0x13, 6, 1) X(shrav_r_qb, 0x13, 7, 1) X(shll_ph, 0x13, 8, 1) \
	X(shra_ph, 0x13, 9, 1) X(shllv_ph, 0x13, 10, 1) X(shrav_ph, 0x13, 11, 1) \
	X(shll_s_ph, 0x13, 12, 1) X(shra_r_ph, 0x13, 13, 1) X(shllv_s_ph, 0x13, 14, 1) \
	X(shrav_r_ph, 0x13, 15, 1) X(shll_s_w, 0x13, 20, 1) X(shra_r_w, 0x13, 21, 1) \
	X(shllv_s_w, 0x13, 22, 1) X(shrav_r_w, 0x13, 23, 1) X(shrl_ph, 0x13, 25, 1) \
	X(shrlv_ph, 0x13, 27, 1) \
	/* ADDUH.QB group (0x18) */ \
	X(adduh_qb, 0x18, 0, 1) X(subuh_qb, 0x18, 1, 1) X(adduh_r_qb, 0x18, 2, 1) \
	X(subuh_r_qb, 0x18, 3, 1) X(addqh_ph, 0x18, 8, 1) X(subqh_ph, 0x18, 9, 1) \
	X(addqh_r_ph, 0x18, 10, 1) X(subqh_r_ph, 0x18, 11, 1) X(mul_ph, 0x18, 12, 2) \
	X(mul_s_ph, 0x18, 14, 2) X(addqh_w, 0x18, 16, 1) X(subqh_w, 0x18, 17, 1) \
	X(addqh_r_w, 0x18, 18, 1) X(subqh_r_w, 0x18, 19, 1) X(mulq_s_w, 0x18, 22, 3) \
	X(mulq_rs_w, 0x18, 23, 3) \
	/* DPA.W.PH group (0x30): accumulator in bits 12:11 */ \
	X(dpa_w_ph, 0x30, 0, 1) X(dps_w_ph, 0x30, 1, 1) X(mulsa_w_ph, 0x30, 2, 1) \
	X(dpau_h_qbl, 0x30, 3, 1) X(dpaq_s_w_ph, 0x30, 4, 1) X(dpsq_s_w_ph, 0x30, 5, 1) \
	X(mulsaq_s_w_ph, 0x30, 6, 1) X(dpau_h_qbr, 0x30, 7, 1) X(dpax_w_ph, 0x30, 8, 1) \
	X(dpsx_w_ph, 0x30, 9, 1) X(dpsu_h_qbl, 0x30, 11, 1) X(dpaq_sa_l_w, 0x30, 12, 2) \
	X(dpsq_sa_l_w, 0x30, 13, 2) X(dpsu_h_qbr, 0x30, 15, 1) X(maq_sa_w_phl, 0x30, 16, 1) \
	X(maq_sa_w_phr, 0x30, 18, 1) X(maq_s_w_phl, 0x30, 20, 1) X(maq_s_w_phr, 0x30, 22, 1) \
	X(dpaqx_s_w_ph, 0x30, 24, 1) X(dpsqx_s_w_ph, 0x30, 25, 1) \
	X(dpaqx_sa_w_ph, 0x30, 26, 1) X(dpsqx_sa_w_ph, 0x30, 27, 1) \
	/* APPEND group (0x31) */ \
	X(append, 0x31, 0, 1) X(prepend, 0x31, 1, 1) X(balign, 0x31, 16, 1) \
	/* EXTR.W group (0x38) */ \
	X(extr_w, 0x38, 0, 1) X(extrv_w, 0x38, 1, 1) X(extp, 0x38, 2, 1) X(extpv, 0x38, 3, 1) \
	X(extr_r_w, 0x38, 4, 1) X(extrv_r_w, 0x38, 5, 1) X(extr_rs_w, 0x38, 6, 1) \
	X(extrv_rs_w, 0x38, 7, 1) X(extpdp, 0x38, 10, 1) X(extpdpv, 0x38, 11, 1) \
	X(extr_s_h, 0x38, 14, 1) X(extrv_s_h, 0x38, 15, 1) X(rddsp, 0x38, 18, 1) \
	X(wrdsp, 0x38, 19, 1) X(shilo, 0x38, 26, 1) X(shilov, 0x38, 27, 1) X(mthlip, 0x38, 31, 1) \
	/* LX group (0x0A) and INSV (0x0C) */ \
	X(lwx, 0x0A, 0, 1) X(lhx, 0x0A, 4, 1) X(lbux, 0x0A, 6, 1) X(insv, 0x0C, 0, 1)

/* The HI/LO instructions naming ac1-ac3 (SPECIAL / SPECIAL2 encodings);
 * with ac0 they are the base instructions. Their cost is dynamic. */
#define DSP_ACC_LIST(X) \
	X(mfhi_ac) X(mflo_ac) X(mthi_ac) X(mtlo_ac) X(mult_ac) X(multu_ac) \
	X(madd_ac) X(maddu_ac) X(msub_ac) X(msubu_ac)

#define DSP_ID_S3(name, fn, op2, cyc) DSP_ID_##name,
#define DSP_ID_ACC(name) DSP_ID_##name,
enum dsp_id { DSP_SPECIAL3_LIST(DSP_ID_S3) DSP_ACC_LIST(DSP_ID_ACC) DSP_ID_COUNT };
#undef DSP_ID_S3
#undef DSP_ID_ACC

/* Decode w if it is a DSP ASE instruction: fills d (handler op_dsp with
 * d->imm = enum dsp_id, or op_bposge32) and returns its mnemonic; NULL if
 * w is not one (d untouched). next: the following word (load-use). */
const char *dsp_decode(uint32_t w, uint32_t next, struct insn *d);

#endif
