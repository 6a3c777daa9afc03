/* SPDX-License-Identifier: Apache-2.0 */
/* insns.h - every instruction handler of the core, one per mnemonic (or
 * small group), in the Spike style. decode.c picks one per word. */
#ifndef VZSIM_INSNS_H
#define VZSIM_INSNS_H

#include "cpu_internal.h"

#define OP(name) void op_##name(struct machine *m, const struct insn *d)

#define R(n) (m->cpu.r[(n)])
#define RS   (m->cpu.r[d->rs])
#define RT   (m->cpu.r[d->rt])
#define RD   (m->cpu.r[d->rd])

/* Handlers that only read and write GPRs and HI/LO: never raise, never
 * look at the pc or the cycle count (insn_alu.h; the run loop executes
 * them in place without saving its state). Their entries must have a static
 * cost (d->cycles) of 1: the loop charges only that in place. A new
 * handler goes into INSN_CALL_LIST unless it meets all of this; there it
 * is always correct (the loop saves its state and charges d->cycles). */
#define INSN_ALU_LIST(X) \
	X(nop) X(sll) X(srl) X(sra) X(rotr) X(sllv) X(srlv) X(srav) X(rotrv) \
	X(movz) X(movn) X(mfhi) X(mthi) X(mflo) X(mtlo) \
	X(addu) X(subu) X(and) X(or) X(xor) X(nor) X(slt) X(sltu) \
	X(addiu) X(slti) X(sltiu) X(andi) X(ori) X(xori) X(lui) \
	X(clz) X(clo) X(ext) X(ins) X(wsbh) X(seb) X(seh) X(pref)
/* Like those, but they also add their extra cycles to m->cycle (insn_alu.h). */
#define INSN_MDU_LIST(X) \
	X(mult) X(multu) X(madd) X(maddu) X(msub) X(msubu) X(mul) X(div) X(divu)
/* Conditional branches without link or likely (insn_branch.c): name and
 * condition, read before the delay slot. The run loop has them in place. */
#define INSN_BRANCH_LIST(X) \
	X(b, true) X(beq, RS == RT) X(bne, RS != RT) X(blez, (int32_t)RS <= 0) \
	X(bgtz, (int32_t)RS > 0) X(bltz, (int32_t)RS < 0) X(bgez, (int32_t)RS >= 0)

#define INSN_BRANCH_NAMES(X) X(b) X(beq) X(bne) X(blez) X(bgtz) X(bltz) X(bgez)
/* Loads/stores (insn_mem.c) and jumps (insn_branch.c) whose common case the
 * run loop also has in place: a hit in the data translation cache, a jump
 * with its delay slot in the same page. */
#define INSN_LOOP_MEM_LIST(X) X(lb) X(lbu) X(lh) X(lhu) X(lw) X(sb) X(sh) X(sw)
#define INSN_LOOP_JUMP_LIST(X) X(j) X(jal) X(jr) X(jalr)

#define INSN_LIST(X) \
	INSN_ALU_LIST(X) INSN_MDU_LIST(X) INSN_BRANCH_NAMES(X) \
	INSN_LOOP_MEM_LIST(X) INSN_LOOP_JUMP_LIST(X) INSN_CALL_LIST(X)

/* Handlers the run loop always calls with its state saved. */
#define INSN_CALL_LIST(X) \
	/* insn_int.c */ \
	X(ehb) X(sync) X(add) X(sub) X(tge) X(tgeu) X(tlt) X(tltu) X(teq) X(tne) \
	X(tgei) X(tgeiu) X(tlti) X(tltiu) X(teqi) X(tnei) X(addi) \
	X(syscall) X(break) X(ri) X(cpu_cop2) \
	/* insn_mem.c */ \
	X(lwl) X(lwr) X(swl) X(swr) X(ll) X(sc) X(lwc1) X(ldc1) X(swc1) X(sdc1) X(synci) \
	/* insn_branch.c */ \
	X(jr_hb) X(jalr_hb) \
	X(beql) X(bnel) X(blezl) X(bgtzl) X(bltzl) X(bgezl) \
	X(bltzal) X(bgezal) X(bltzall) X(bgezall) X(bal) \
	X(bc1f) X(bc1t) X(bc1fl) X(bc1tl) \
	/* insn_priv.c */ \
	X(mfc0) X(mtc0) X(tlbr) X(tlbwi) X(tlbwr) X(tlbp) X(tlbinv) X(eret) X(wait) \
	X(di) X(ei) X(rdpgpr) X(wrpgpr) X(rdhwr) X(cache) X(cop1) X(movci) \
	/* insn_vz.c */ \
	X(mfgc0) X(mtgc0) X(hypcall) X(tlbg) \
	/* insn_dsp.c */ \
	X(dsp) X(bposge32) \
	/* insn_micromips.c */ \
	X(jalx) X(mm_beq) X(mm_bne) X(mm_blez) X(mm_bgtz) X(mm_bltz) X(mm_bgez) \
	X(mm_bltzal) X(mm_bgezal) X(mm_bc1f) X(mm_bc1t) X(mm_bposge32) \
	X(mm_beqzc) X(mm_bnezc) X(mm_j) X(mm_jal) X(mm_jalx) X(mm_jalr) X(mm_jrc) \
	X(mm_lwm) X(mm_swm) X(mm_lwp) X(mm_swp) X(mm_lwxs) X(mm_addiupc) X(mm_movep)

#define DECLARE_OP(name) OP(name);
INSN_LIST(DECLARE_OP)
#undef DECLARE_OP

/* Handler numbers for the threaded run loop (cpu.c). Every handler a
 * predecoded entry can hold must be in INSN_LIST; then op_decode and
 * op_icheck (an entry of a line that is not the most recently used one of
 * its I-cache set: the cache's bookkeeping before the held handler). */
#define INSN_ID(name) INSN_ID_##name,
enum insn_id { INSN_LIST(INSN_ID) INSN_ID_decode, INSN_ID_icheck, INSN_ID_COUNT };
#undef INSN_ID

#endif
