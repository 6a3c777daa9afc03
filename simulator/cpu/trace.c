/* SPDX-License-Identifier: Apache-2.0 */
/* trace.c - the instruction trace: cycle, pc, word, disassembly, and the
 * GPR the instruction wrote with its new value (or that it took an
 * exception instead).
 *
 * A line is started before the instruction runs and finished after it:
 * by cpu_trace_done once the run loop's handler returned, or by the next
 * cpu_trace_insn when that comes first (the delay slot of a branch runs
 * inside the branch's handler; the branch has written its link by then).
 * The open line lives here, not in struct cpu: it never outlives one step
 * of the traced loop. Only traced runs come here. */
#include <inttypes.h>
#include <stdio.h>

#include "disasm.h"
#include "insns.h"
#include "trace.h"

static _Thread_local struct {
	struct machine *m;  /* owner of the open line; NULL = none */
	uint32_t exc_seq;   /* c->exc_seq when the instruction started */
	unsigned dest;      /* GPR it writes, 0 = none */
	char text[160];     /* the line up to the disassembly */
	char tail[24];      /* " (ds)", " [g1]" */
} open_line;

void cpu_trace_done(struct machine *m)
{
	char result[40] = "";
	if (open_line.m != m) {
		open_line.m = NULL; /* nothing open, or a line of another run */
		return;
	}
	if (m->cpu.exc_seq != open_line.exc_seq)
		snprintf(result, sizeof result, "  !exc");
	else if (open_line.dest)
		snprintf(result, sizeof result, "  -> %s=0x%08" PRIx32,
			 disasm_gpr_name(open_line.dest), m->cpu.r[open_line.dest]);
	if (result[0])
		fprintf(m->opt.trace, "%-60s%s%s\n", open_line.text, result, open_line.tail);
	else
		fprintf(m->opt.trace, "%s%s\n", open_line.text, open_line.tail);
	open_line.m = NULL;
}

/* A microMIPS instruction (docs/simulator-cpu.md, "microMIPS"): its bits as
 * BadInstr holds them and its disassembly (the handler's name where the
 * disassembler leaves the encoding out but the core runs it). Returns the
 * GPR its MIPS32 twin, or its own handler, writes (0 if none is known). */
static unsigned mm_text(struct machine *m, uint32_t pc, uint32_t *bits, char *dis, size_t len)
{
	struct insn tmp;
	uint32_t x = mmu_peek_insn(m, pc);
	const char *mn;
	*bits = x;
	if (m->cpu.isz == 2)
		mn = mm_decode(x & 0xFFFFu, 0, &tmp);
	else
		mn = mm_decode(x >> 16, x & 0xFFFFu, &tmp);
	disasm_micromips(pc, m->cpu.isz == 2 ? x & 0xFFFFu : x, m->cpu.isz, dis, len);
	if (dis[0] == '.' && tmp.id != INSN_ID_ri)
		snprintf(dis, len, "%s", strncmp(mn, "mm_", 3) == 0 ? mn + 3 : mn);
	if (strncmp(mn, "mm_", 3) == 0 || tmp.id == INSN_ID_ri)
		return tmp.rd < 32 ? tmp.rd : 0;
	return disasm_gpr_dest(tmp.raw);
}

void cpu_trace_insn(struct machine *m, uint32_t pc, const struct insn *d)
{
	uint32_t raw = d->id == INSN_ID_decode ? mmu_peek_insn(m, pc) : d->raw;
	char dis[96];
	unsigned dest;
	cpu_trace_done(m); /* the branch whose delay slot this is */
	if (m->cpu.mm) {
		dest = mm_text(m, pc, &raw, dis, sizeof dis);
		goto line;
	}
	disasm(pc, raw, dis, sizeof dis);
	dest = disasm_gpr_dest(raw);
	if (dis[0] == '.') { /* a word disasm lacks but the core runs: its handler's name */
		struct insn tmp;
		const char *mn = insn_decode(raw, 0, &tmp);
		if (tmp.id != INSN_ID_ri)
			snprintf(dis, sizeof dis, "%s", mn);
	}
line:
	snprintf(open_line.text, sizeof open_line.text, "%12" PRIu64 " %08" PRIx32 " %08" PRIx32 "  %s",
		     m->cycle, pc | m->cpu.mm, raw, dis);
	/* Guest-mode lines carry the GuestID: "[g1]". */
	snprintf(open_line.tail, sizeof open_line.tail, "%s", m->cpu.in_ds ? " (ds)" : "");
	if (m->cpu.guest) {
		size_t l = strlen(open_line.tail);
		snprintf(open_line.tail + l, sizeof open_line.tail - l, " [g%u]",
			 (unsigned)(m->cpu.gctl1 & 0xFF));
	}
	open_line.dest = dest;
	open_line.exc_seq = m->cpu.exc_seq;
	open_line.m = m;
}
