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

#define INSN_LIST(X) \
	/* insn_int.c */ \
	X(nop) X(ehb) X(sll) X(srl) X(sra) X(rotr) X(sllv) X(srlv) X(srav) X(rotrv) \
	X(movz) X(movn) X(mfhi) X(mthi) X(mflo) X(mtlo) X(mult) X(multu) X(div) X(divu) \
	X(add) X(addu) X(sub) X(subu) X(and) X(or) X(xor) X(nor) X(slt) X(sltu) \
	X(tge) X(tgeu) X(tlt) X(tltu) X(teq) X(tne) \
	X(tgei) X(tgeiu) X(tlti) X(tltiu) X(teqi) X(tnei) \
	X(addi) X(addiu) X(slti) X(sltiu) X(andi) X(ori) X(xori) X(lui) \
	X(madd) X(maddu) X(mul) X(msub) X(msubu) X(clz) X(clo) \
	X(ext) X(ins) X(wsbh) X(seb) X(seh) \
	X(syscall) X(break) X(sync) X(ri) X(cpu_cop2) \
	/* insn_mem.c */ \
	X(lb) X(lh) X(lw) X(lbu) X(lhu) X(lwl) X(lwr) X(sb) X(sh) X(sw) X(swl) X(swr) \
	X(ll) X(sc) X(pref) X(synci) X(lwc1) X(ldc1) X(swc1) X(sdc1) \
	/* insn_branch.c */ \
	X(j) X(jal) X(jr) X(jr_hb) X(jalr) X(jalr_hb) X(beq) X(bne) X(blez) X(bgtz) \
	X(beql) X(bnel) X(blezl) X(bgtzl) X(bltz) X(bgez) X(bltzl) X(bgezl) \
	X(bltzal) X(bgezal) X(bltzall) X(bgezall) X(b) X(bal) \
	X(bc1f) X(bc1t) X(bc1fl) X(bc1tl) \
	/* insn_priv.c */ \
	X(mfc0) X(mtc0) X(tlbr) X(tlbwi) X(tlbwr) X(tlbp) X(eret) X(wait) \
	X(di) X(ei) X(rdpgpr) X(wrpgpr) X(rdhwr) X(cache) X(cop1) X(movci) \
	/* insn_vz.c */ \
	X(mfgc0) X(mtgc0) X(hypcall) X(tlbg)

#define DECLARE_OP(name) OP(name);
INSN_LIST(DECLARE_OP)
#undef DECLARE_OP

/* Handler numbers for the threaded run loop (cpu.c). Every handler a
 * predecoded entry can hold must be in INSN_LIST; op_decode is last. */
#define INSN_ID(name) INSN_ID_##name,
enum insn_id { INSN_LIST(INSN_ID) INSN_ID_decode, INSN_ID_COUNT };
#undef INSN_ID

#endif
