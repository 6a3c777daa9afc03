/* SPDX-License-Identifier: Apache-2.0 */
/* decode.c - turns an instruction word into a predecoded entry (handler and
 * pre-extracted fields) once; entries are re-decoded only after the word
 * changes (stores to RAM, cpu_code_written).
 *
 * Field conventions for the handlers: rd is always the destination GPR (with
 * $zero redirected to CPU_REG_SINK), rs/rt are sources, imm is the ready-to-
 * use immediate. Unknown encodings decode to op_ri; JALX enters microMIPS;
 * the DSP ASE encodings are claimed by dsp_decode() (dsp_decode.c). */
#include "insn_dsp.h"

static inline uint8_t dst(unsigned r) { return r ? (uint8_t)r : CPU_REG_SINK; }

/* Does instruction word w read GPR reg? Used for the load-use interlock;
 * a conservative approximation by format. */
static bool reads_gpr(uint32_t w, unsigned reg)
{
	unsigned op = w >> 26, rs = (w >> 21) & 31, rt = (w >> 16) & 31;
	if (reg == 0)
		return false;
	if ((op >= 8 && op <= 15) || (op >= 32 && op <= 38) || op == 47 || op == 48 ||
	    op == 49 || op == 51 || op == 53)
		return rs == reg;
	if (op == 2 || op == 3 || op == 16 || op == 17)
		return op == 16 && rt == reg && ((w >> 21) & 31) == 4;
	return rs == reg || rt == reg;
}

/* SLL with $zero as destination, except EHB (which costs more). */
static bool is_nop(uint32_t w)
{
	return (w & 0xFC00F83Fu) == 0 && (w & 0x001F07C0u) != 0x000000C0u;
}

static bool is_load(unsigned op)
{
	return (op >= 32 && op <= 38) || op == 48;
}

#define SET(name) do { d->id = INSN_ID_##name; mn = #name; } while (0)

const uint8_t insn_id_decode = INSN_ID_decode;

#define HANDLER(name) op_##name,
const insn_fn insn_handlers[INSN_ID_COUNT] = { INSN_LIST(HANDLER) op_decode, op_icheck };
#undef HANDLER

const char *insn_decode(uint32_t w, uint32_t next, struct insn *d)
{
	unsigned op = w >> 26, rs = (w >> 21) & 31, rt = (w >> 16) & 31;
	unsigned rd = (w >> 11) & 31, sa = (w >> 6) & 31, fn = w & 63;
	uint32_t simm = (uint32_t)(int32_t)(int16_t)(w & 0xFFFF);
	uint32_t zimm = w & 0xFFFF;
	const char *mn = "ri";

	d->id = INSN_ID_ri;
	d->raw = w;
	d->rs = (uint8_t)rs;
	d->rt = (uint8_t)rt;
	d->rd = dst(rd);
	d->sa = (uint8_t)sa;
	d->imm = 0;
	d->cycles = 1;
	d->flags = 0;

	switch (op) {
	case 0: /* SPECIAL */
		switch (fn) {
		case 0:
			if (rd == 0 && rt == 0 && sa == 3) {
				SET(ehb);
				d->cycles = CYC_EHB;
			} else if (rd == 0) {
				SET(nop);
			} else {
				SET(sll);
			}
			break;
		case 1: SET(movci); break;
		case 2:
			if (rs == 1) SET(rotr);
			else if (rs == 0) SET(srl);
			break;
		case 3: if (rs == 0) SET(sra); break;
		case 4: if (sa == 0) SET(sllv); break;
		case 6:
			if (sa == 1) SET(rotrv);
			else if (sa == 0) SET(srlv);
			break;
		case 7: if (sa == 0) SET(srav); break;
		case 8:
			if (sa == 16) SET(jr_hb);
			else SET(jr);
			break;
		case 9:
			if (sa == 16) SET(jalr_hb);
			else SET(jalr);
			break;
		case 10: SET(movz); break;
		case 11: SET(movn); break;
		case 12: SET(syscall); break;
		case 13: SET(break); break;
		case 15: SET(sync); break;
		case 16: SET(mfhi); break;
		case 17: SET(mthi); break;
		case 18: SET(mflo); break;
		case 19: SET(mtlo); break;
		case 24: SET(mult); break;
		case 25: SET(multu); break;
		case 26: SET(div); break;
		case 27: SET(divu); break;
		case 32: SET(add); break;
		case 33: SET(addu); break;
		case 34: SET(sub); break;
		case 35: SET(subu); break;
		case 36: SET(and); break;
		case 37: SET(or); break;
		case 38: SET(xor); break;
		case 39: SET(nor); break;
		case 42: SET(slt); break;
		case 43: SET(sltu); break;
		case 48: SET(tge); break;
		case 49: SET(tgeu); break;
		case 50: SET(tlt); break;
		case 51: SET(tltu); break;
		case 52: SET(teq); break;
		case 54: SET(tne); break;
		}
		break;
	case 1: /* REGIMM */
		d->imm = simm << 2;
		switch (rt) {
		case 0: SET(bltz); break;
		case 1:
			if (rs == 0) SET(b);
			else SET(bgez);
			break;
		case 2: SET(bltzl); break;
		case 3: SET(bgezl); break;
		case 8: SET(tgei); d->imm = simm; break;
		case 9: SET(tgeiu); d->imm = simm; break;
		case 10: SET(tlti); d->imm = simm; break;
		case 11: SET(tltiu); d->imm = simm; break;
		case 12: SET(teqi); d->imm = simm; break;
		case 14: SET(tnei); d->imm = simm; break;
		case 16: SET(bltzal); break;
		case 17:
			if (rs == 0) SET(bal);
			else SET(bgezal);
			break;
		case 18: SET(bltzall); break;
		case 19: SET(bgezall); break;
		case 31: SET(synci); d->imm = simm; break;
		}
		break;
	case 2: SET(j); d->imm = (w & 0x03FFFFFFu) << 2; break;
	case 3: SET(jal); d->imm = (w & 0x03FFFFFFu) << 2; break;
	case 29: SET(jalx); d->imm = (w & 0x03FFFFFFu) << 2; break; /* to microMIPS */
	case 4:
		d->imm = simm << 2;
		if (rs == 0 && rt == 0) SET(b);
		else SET(beq);
		break;
	case 5: SET(bne); d->imm = simm << 2; break;
	case 6: if (rt == 0) { SET(blez); d->imm = simm << 2; } break;
	case 7: if (rt == 0) { SET(bgtz); d->imm = simm << 2; } break;
	case 8: SET(addi); d->imm = simm; d->rd = dst(rt); break;
	case 9: SET(addiu); d->imm = simm; d->rd = dst(rt); break;
	case 10: SET(slti); d->imm = simm; d->rd = dst(rt); break;
	case 11: SET(sltiu); d->imm = simm; d->rd = dst(rt); break;
	case 12: SET(andi); d->imm = zimm; d->rd = dst(rt); break;
	case 13: SET(ori); d->imm = zimm; d->rd = dst(rt); break;
	case 14: SET(xori); d->imm = zimm; d->rd = dst(rt); break;
	case 15: SET(lui); d->imm = zimm << 16; d->rd = dst(rt); break;
	case 16: /* COP0 */
		if (rs == 0 && (w & 0x7F8) == 0) {
			SET(mfc0); d->rd = dst(rt); d->imm = rd; d->sa = w & 7;
		} else if (rs == 4 && (w & 0x7F8) == 0) {
			SET(mtc0); d->imm = rd; d->sa = w & 7;
		} else if (rs == 3 && (w & 0x7F8) == 0) {        /* VZ */
			SET(mfgc0); d->rd = dst(rt); d->imm = rd; d->sa = w & 7;
		} else if (rs == 3 && (w & 0x7F8) == 0x200) {
			SET(mtgc0); d->imm = rd; d->sa = w & 7;
		} else if (rs == 10 && (w & 0x7FF) == 0) {
			SET(rdpgpr);
		} else if (rs == 14 && (w & 0x7FF) == 0) {
			SET(wrpgpr); d->sa = (uint8_t)rd;
		} else if (rs == 11 && rd == 12 && (w & 0x7DF) == 0) {
			d->rd = dst(rt);
			if (w & 0x20) SET(ei);
			else SET(di);
		} else if (rs >= 16) {
			switch (fn) {
			case 1: SET(tlbr); break;
			case 2: SET(tlbwi); break;
			case 6: SET(tlbwr); break;
			case 8: SET(tlbp); break;
			case 3: case 4:
				if ((w & 0x01FFFFC0u) == 0) { SET(tlbinv); d->imm = fn; }
				break;
			case 0x18: SET(eret); break;
			case 0x20: SET(wait); break;
			case 0x28: SET(hypcall); d->imm = (w >> 11) & 0x3FF; break;
			case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0E: case 0x10:
				if ((w & 0x01FFFFC0u) == 0) { SET(tlbg); d->imm = fn; }
				break;
			}
		}
		break;
	case 17: /* COP1 */
		if (rs == 8) {
			d->imm = simm << 2;
			d->sa = (uint8_t)(rt >> 2); /* cc */
			switch (rt & 3) {
			case 0: SET(bc1f); break;
			case 1: SET(bc1t); break;
			case 2: SET(bc1fl); break;
			case 3: SET(bc1tl); break;
			}
		} else {
			SET(cop1);
		}
		break;
	case 18: case 50: case 54: case 58: case 62: SET(cpu_cop2); break;
	case 19: SET(cop1); break; /* COP1X */
	case 20: SET(beql); d->imm = simm << 2; break;
	case 21: SET(bnel); d->imm = simm << 2; break;
	case 22: if (rt == 0) { SET(blezl); d->imm = simm << 2; } break;
	case 23: if (rt == 0) { SET(bgtzl); d->imm = simm << 2; } break;
	case 28: /* SPECIAL2 */
		switch (fn) {
		case 0: SET(madd); break;
		case 1: SET(maddu); break;
		case 2: SET(mul); break;
		case 4: SET(msub); break;
		case 5: SET(msubu); break;
		case 0x20: SET(clz); break;
		case 0x21: SET(clo); break;
		}
		break;
	case 31: /* SPECIAL3 */
		switch (fn) {
		case 0: /* EXT: msbd in rd field, lsb in sa */
			if (sa + rd < 32) {
				SET(ext); d->rd = dst(rt); d->sa = (uint8_t)sa; d->imm = rd + 1;
			}
			break;
		case 4: /* INS: msb in rd field, lsb in sa */
			if (rd >= sa) {
				uint32_t width = rd - sa + 1;
				SET(ins); d->rd = dst(rt); d->sa = (uint8_t)sa;
				d->imm = (width >= 32 ? 0xFFFFFFFFu : ((1u << width) - 1)) << sa;
			}
			break;
		case 0x20:
			if (rs != 0)
				break;
			if (sa == 2) SET(wsbh);
			else if (sa == 0x10) SET(seb);
			else if (sa == 0x18) SET(seh);
			break;
		case 0x3B: /* RDHWR rt, rd */
			if (rs == 0 && sa == 0) {
				SET(rdhwr); d->rd = dst(rt); d->sa = (uint8_t)rd;
			}
			break;
		}
		break;
	case 32: SET(lb); break;
	case 33: SET(lh); break;
	case 34: SET(lwl); break;
	case 35: SET(lw); break;
	case 36: SET(lbu); break;
	case 37: SET(lhu); break;
	case 38: SET(lwr); break;
	case 40: SET(sb); break;
	case 41: SET(sh); break;
	case 42: SET(swl); break;
	case 43: SET(sw); break;
	case 46: SET(swr); break;
	case 47: SET(cache); break;
	case 48: SET(ll); break;
	case 49: SET(lwc1); break;
	case 51: SET(pref); break;
	case 53: SET(ldc1); break;
	case 56: SET(sc); break;
	case 57: SET(swc1); break;
	case 61: SET(sdc1); break;
	}

	{
		const char *dsp_mn = dsp_decode(w, next, d); /* DSP ASE (dsp_decode.c) */
		if (dsp_mn)
			mn = dsp_mn;
	}
	if (op >= 32 && op <= 62) {
		d->imm = simm;
		if (is_load(op) || op == 56)
			d->rd = dst(rt); /* loads and SC write rt */
		if (is_load(op) && reads_gpr(next, rt))
			d->cycles = 2; /* load-use interlock */
	}
	switch (d->id) {
	case INSN_ID_b: case INSN_ID_beq: case INSN_ID_bne: case INSN_ID_blez:
	case INSN_ID_bgtz: case INSN_ID_bltz: case INSN_ID_bgez:
	case INSN_ID_j: case INSN_ID_jal: case INSN_ID_jr: case INSN_ID_jalr:
		if (is_nop(next))
			d->flags |= INSN_F_SLOT_NOP;
		break;
	}
	return mn;
}

/* The memory word behind a predecode entry, the word after it, and its
 * offset in that memory. */
static bool entry_word(struct machine *m, const struct insn *d, uint32_t *w, uint32_t *next,
		       size_t *offset)
{
	static const struct { size_t dec_off, mem_off; uint32_t size; } mems[] = {
		{ offsetof(struct cpu, dec_ram), offsetof(struct machine, ram), PA_RAM_SIZE },
		{ offsetof(struct cpu, dec_pflash), offsetof(struct machine, pflash), PA_PFLASH_SIZE },
		{ offsetof(struct cpu, dec_boot1), offsetof(struct machine, boot1), PA_BOOT_SIZE },
		{ offsetof(struct cpu, dec_boot2), offsetof(struct machine, boot2), PA_BOOT_SIZE },
	};
	for (size_t i = 0; i < sizeof mems / sizeof mems[0]; i++) {
		const struct insn *base = *(struct insn **)((char *)&m->cpu + mems[i].dec_off);
		if (d >= base && d < base + mems[i].size / 4) {
			const uint8_t *mem = *(uint8_t **)((char *)m + mems[i].mem_off);
			size_t off = (size_t)(d - base) * 4;
			*offset = off;
			memcpy(w, mem + off, 4);
			*next = 0;
			if (off + 4 < mems[i].size)
				memcpy(next, mem + off + 4, 4);
			return true;
		}
	}
	return false;
}

OP(decode)
{
	struct insn *e = (struct insn *)d;
	uint32_t w, next;
	size_t off;
	unsigned charged = e->cycles;
	if (!entry_word(m, e, &w, &next, &off)) {
		machine_fatal(m, "cpu: predecode entry outside every memory");
		return;
	}
	cache_fetch_entry(m, e);   /* a cached fetch: the I-cache's bookkeeping first */
	cache_insn_word(m, e, &w); /* ... and it gets the I-cache's bytes */
	insn_decode(w, next, e);
	cache_guard_entry(m, e);   /* held behind op_icheck unless its line is its set's MRU */
	/* A NOP slot is only charged, not fetched: so only one in the
	 * branch's own cache line (which also keeps it in the same page: every
	 * memory starts on a page boundary). */
	if ((off & (CACHE_LINE - 1)) == CACHE_LINE - 4)
		e->flags &= (uint8_t)~INSN_F_SLOT_NOP;
	m->cycle = m->cycle - charged + e->cycles; /* the loop charged the stale cost */
	insn_handlers[e->id](m, e);
}

struct insn *decode_slot(struct machine *m, uint32_t pa)
{
	struct cpu *c = &m->cpu;
	if (pa < PA_RAM_SIZE)
		return c->dec_ram + pa / 4;
	if (pa - PA_PFLASH_BASE < PA_PFLASH_SIZE)
		return c->dec_pflash + (pa - PA_PFLASH_BASE) / 4;
	if (pa - PA_BOOT_BASE < PA_BOOT_SIZE)
		return c->dec_boot1 + (pa - PA_BOOT_BASE) / 4;
	if (pa - PA_BOOT1_BASE < PA_BOOT_SIZE)
		return c->dec_boot1 + (pa - PA_BOOT1_BASE) / 4;
	if (pa - PA_BOOT2_BASE < PA_BOOT_SIZE)
		return c->dec_boot2 + (pa - PA_BOOT2_BASE) / 4;
	return NULL;
}

static void invalidate_range(struct insn *dec, uint32_t base, uint32_t size,
			     uint32_t pa, uint32_t len)
{
	uint64_t start = pa, end = (uint64_t)pa + len;
	if (end <= base || start >= (uint64_t)base + size || !dec)
		return;
	if (start < base)
		start = base;
	if (end > (uint64_t)base + size)
		end = (uint64_t)base + size;
	/* From the word before (its load-use cost looked at this one). */
	for (uint64_t i = (start - base) / 4; i < (end - base + 3) / 4; i++)
		decode_invalidate(&dec[i]);
}

void cpu_code_written(struct machine *m, uint32_t pa, uint32_t len)
{
	struct cpu *c = &m->cpu;
	invalidate_range(c->dec_ram, PA_RAM_BASE, PA_RAM_SIZE, pa, len);
	invalidate_range(c->dec_pflash, PA_PFLASH_BASE, PA_PFLASH_SIZE, pa, len);
	invalidate_range(c->dec_boot1, PA_BOOT_BASE, PA_BOOT_SIZE, pa, len);
	invalidate_range(c->dec_boot1, PA_BOOT1_BASE, PA_BOOT_SIZE, pa, len);
	invalidate_range(c->dec_boot2, PA_BOOT2_BASE, PA_BOOT_SIZE, pa, len);
}
