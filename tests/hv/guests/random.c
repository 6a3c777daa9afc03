/* SPDX-License-Identifier: Apache-2.0 */
/* random.c - executes seeded random instruction words, one per trial, with
 * its own exception handler, beside victim guests (tests/hv/systems/
 * random.dts; run by tests/attacks/soak.sh). Every major opcode occurs,
 * CP0, TLB, CACHE, FPU, DSP and VZ encodings included; the hypervisor must
 * never fault and the victims must keep their schedule.
 *
 * A trial loads random register values, executes the word from a RAM slot
 * (written with SW, made visible to instruction fetch with SYNCI) and comes
 * back; an exception comes back through guest_exception. So that the guest
 * itself survives its own instructions (a stopped guest ends the soak, it
 * does not test more), a few things are fixed up, each documented in
 * docs/isolation.md:
 *   - register fields naming $k0, $k1 or $sp name $t0 instead (the handler
 *     and the stack stay usable);
 *   - branches and jumps go to the end of the trial (PC-relative offset 1,
 *     J/JAL/JALX to its address as J/JAL, JR/JALR through $t9 holding it);
 *     ERET returns there through EPC/ErrorEPC;
 *   - before a WAIT the guest's timer is armed 20 us ahead (it wakes);
 *   - MTC0 to Count, Compare, Status/IntCtl/SRSCtl, EBase and Config
 *     becomes MFC0 (the attack suite writes those on purpose);
 *   - register values are never kseg0/kseg1 addresses (or within 64 KB of
 *     them), so a random load or store reaches memory only through the
 *     guest TLB, which holds only invalid entries: EntryLo0/1 are zero
 *     before each trial, so a random TLBWI/TLBWR writes an invalid entry;
 *     Index, PageMask and Wired are 0 before each trial too (a TLB
 *     instruction with an index beyond the guest's TLB share, or an invalid
 *     page mask, is UNPREDICTABLE: the simulator's strict checks stop it);
 *     indexed loads and stores (COP1X, the DSP's LX) get index $0.
 *     (Accesses outside the guest's memory stop it: that is tested by the
 *     attack suite, not here.)
 * Progress: "random: N trials, E exceptions, seed S" every 2^18 trials. */
#include "guest.h"
#include "vzcall.h"

#ifndef RANDOM_SEED
#define RANDOM_SEED 0x9E3779B9u
#endif

static uint32_t regs[32];
static uint32_t rng = RANDOM_SEED;
static volatile uint32_t trials, exceptions, in_trial, last_word;
static volatile uint32_t fail_epc, fail_cause, fail_badvaddr;

void random_trial(uint32_t *r);
extern uint32_t random_slot[], random_after[], random_end[];

/* The trial: s-registers, gp, fp and ra are kept on the stack; every other
 * register but $0, $k0, $k1 and $sp comes from r[]. In .data, so it runs
 * from RAM and its slot can be written. */
__asm__(".pushsection .data.random_trial, \"awx\", @progbits\n"
	".set push\n.set noreorder\n.set noat\n.align 4\n"
	".globl random_trial\n.globl random_slot\n.globl random_after\n"
	"random_trial:\n"
	"\taddiu $sp, $sp, -48\n"
	"\tsw $16, 0($sp)\n\tsw $17, 4($sp)\n\tsw $18, 8($sp)\n\tsw $19, 12($sp)\n"
	"\tsw $20, 16($sp)\n\tsw $21, 20($sp)\n\tsw $22, 24($sp)\n\tsw $23, 28($sp)\n"
	"\tsw $28, 32($sp)\n\tsw $30, 36($sp)\n\tsw $31, 40($sp)\n"
	"\tla $1, random_after\n"
	"\tmtc0 $1, $14\n\tmtc0 $1, $30\n\tmtc0 $0, $2\n\tmtc0 $0, $3\n"
	"\tmtc0 $0, $0\n\tmtc0 $0, $5\n\tmtc0 $0, $6\n\tehb\n"
	"\tlw $1, 4($4)\n\tlw $2, 8($4)\n\tlw $3, 12($4)\n\tlw $5, 20($4)\n"
	"\tlw $6, 24($4)\n\tlw $7, 28($4)\n\tlw $8, 32($4)\n\tlw $9, 36($4)\n"
	"\tlw $10, 40($4)\n\tlw $11, 44($4)\n\tlw $12, 48($4)\n\tlw $13, 52($4)\n"
	"\tlw $14, 56($4)\n\tlw $15, 60($4)\n\tlw $16, 64($4)\n\tlw $17, 68($4)\n"
	"\tlw $18, 72($4)\n\tlw $19, 76($4)\n\tlw $20, 80($4)\n\tlw $21, 84($4)\n"
	"\tlw $22, 88($4)\n\tlw $23, 92($4)\n\tlw $24, 96($4)\n\tlw $25, 100($4)\n"
	"\tlw $28, 112($4)\n\tlw $30, 120($4)\n\tlw $31, 124($4)\n\tlw $4, 16($4)\n"
	"random_slot:\n"
	"\tnop\n"
	"\tnop\n"
	"random_after:\n"
	"\tlw $16, 0($sp)\n\tlw $17, 4($sp)\n\tlw $18, 8($sp)\n\tlw $19, 12($sp)\n"
	"\tlw $20, 16($sp)\n\tlw $21, 20($sp)\n\tlw $22, 24($sp)\n\tlw $23, 28($sp)\n"
	"\tlw $28, 32($sp)\n\tlw $30, 36($sp)\n\tlw $31, 40($sp)\n"
	"\tjr $31\n"
	"\taddiu $sp, $sp, 48\n"
	"random_end:\n"
	".globl random_end\n"
	".set pop\n.popsection\n");

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A register value that is no kseg0/kseg1 address, nor within 64 KB of
 * one (a 16-bit offset cannot reach the guest's memory from it). */
static uint32_t safe_value(uint32_t v)
{
	if (v >> 30 == 2)
		v |= 0xC0000000u;
	if (v - 0x7FFF0000u < 0x10000u)
		v -= 0x10000u;
	if (v - 0xC0000000u < 0x10000u)
		v += 0x10000u;
	return v;
}

static uint32_t fix_field(uint32_t w, unsigned shift)
{
	unsigned r = (w >> shift) & 31;
	if (r == 26 || r == 27 || r == 29)
		w = (w & ~(31u << shift)) | 8u << shift;
	return w;
}

/* The word to execute: random, with the fix-ups listed at the top. */
static uint32_t instruction(uint32_t w, uint32_t after)
{
	w = fix_field(fix_field(fix_field(w, 21), 16), 11);
	unsigned op = w >> 26, rs = (w >> 21) & 31, fn = w & 63;
	switch (op) {
	case 0x00:                                      /* SPECIAL: JR, JALR */
		if (fn == 8 || fn == 9)
			w = (w & ~(31u << 21)) | 25u << 21;
		break;
	case 0x01:                                      /* REGIMM branches */
	case 0x04: case 0x05: case 0x06: case 0x07:     /* BEQ BNE BLEZ BGTZ */
	case 0x14: case 0x15: case 0x16: case 0x17:     /* ... likely */
		w = (w & 0xFFFF0000u) | 1u;
		break;
	case 0x02: case 0x03: case 0x1D:                /* J JAL JALX */
		w = (op == 0x1D ? 0x03u : op) << 26 | ((after >> 2) & 0x03FFFFFFu);
		break;
	case 0x10:                                      /* COP0 */
		if (rs == 4) {                          /* MTC0 */
			unsigned rd = (w >> 11) & 31;
			if (rd == 9 || rd == 11 || rd == 12 || rd == 15 || rd == 16)
				w &= ~(31u << 21);      /* MFC0 */
		}
		break;
	case 0x13:                                      /* COP1X: base + index */
		if (fn < 0x10)
			w &= ~(31u << 16);              /* index $0 */
		break;
	case 0x1F:                                      /* SPECIAL3 LX (DSP): same */
		if (fn == 0x0A)
			w &= ~(31u << 16);
		break;
	case 0x11: case 0x12:                           /* COP1/COP2 BC1/BC2 */
		if (rs == 8)
			w = (w & 0xFFFF0000u) | 1u;
		break;
	}
	return w;
}

static void report_failure(void) __attribute__((noreturn));

void guest_exception(struct guest_exc_frame *f)
{
	exceptions++;
	if (in_trial) {
		f->epc = (uint32_t)random_after;
		return;
	}
	/* Outside a trial nothing may fault: report and stop. */
	fail_epc = f->epc;
	fail_cause = f->cause;
	fail_badvaddr = f->badvaddr;
	report_failure();
}

static char *put_u(char *p, uint32_t v, unsigned base)
{
	char d[10];
	int n = 0;
	do {
		d[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		*p++ = d[--n];
	return p;
}

static char *put_s(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static void write_line(const char *line, uint32_t n)
{
	uint32_t r[2];
	vz_hypercall(VZ_HC_CONSOLE_WRITE, (uint32_t)line, n, r);
}

/* An exception outside a trial: the fix-ups missed something. */
static void report_failure(void)
{
	char line[96], *p = line;
	p = put_s(p, "random: FAIL exception outside a trial: epc ");
	p = put_u(p, fail_epc, 16);
	p = put_s(p, " cause ");
	p = put_u(p, fail_cause, 16);
	p = put_s(p, " badvaddr ");
	p = put_u(p, fail_badvaddr, 16);
	p = put_s(p, " after ");
	p = put_u(p, last_word, 16);
	*p++ = '\n';
	write_line(line, (uint32_t)(p - line));
	guest_halt();
}

static void progress(void)
{
	char line[80], *p = line;
	for (const char *s = "random: "; *s; s++)
		*p++ = *s;
	p = put_u(p, trials, 10);
	for (const char *s = " trials, "; *s; s++)
		*p++ = *s;
	p = put_u(p, exceptions, 10);
	for (const char *s = " exceptions, seed "; *s; s++)
		*p++ = *s;
	p = put_u(p, RANDOM_SEED, 16);
	*p++ = '\n';
	write_line(line, (uint32_t)(p - line));
}

int main(void)
{
	uint32_t after = (uint32_t)random_after, slot = (uint32_t)random_slot;
	/* in RAM, out of JAL's reach from flash: called through a register */
	void (*volatile trial)(uint32_t *) = random_trial;
	/* FPU and DSP on, so that their encodings execute (lazy switching);
	 * ERL off, so that kuseg is mapped (with ERL = 1 it is the identity:
	 * low register values would reach this guest's own RAM). */
	cp0_write(CP0_STATUS, (cp0_read(CP0_STATUS) | (1u << 29) | (1u << 24)) & ~ST_ERL);
	for (unsigned i = 1; i < 32; i++)
		regs[i] = safe_value(next());
	/* crt0 copied the trial code with the other .data through the D-cache:
	 * written back and made visible to instruction fetch before it runs */
	for (uint32_t a = (uint32_t)random_trial & ~15u; a < (uint32_t)random_end; a += 16)
		__asm__ volatile("synci 0(%0)" :: "r"(a) : "memory");
	__asm__ volatile("sync\n la $8, 1f\n jr.hb $8\n nop\n1:" ::: "$8", "memory");
	progress();
	for (;;) {
		uint32_t w = instruction(next(), after);
		if ((w & 0xFE00003Fu) == 0x42000020u)   /* WAIT: its timer wakes it */
			cp0_write(CP0_COMPARE, cp0_read(CP0_COUNT) + 2000u);
		regs[1 + next() % 31] = safe_value(rng);
		regs[1 + next() % 31] = safe_value(rng);
		/* $t9 holds the trial's end only for JR/JALR (a base register
		 * holding it would reach this guest's own RAM) */
		regs[25] = (w & 0xFC00003Eu) == 0x00000008u ? after : safe_value(next());
		random_slot[0] = w;
		last_word = w;
		/* the new word visible to instruction fetch: SYNCI, SYNC and an
		 * instruction hazard barrier (JR.HB) */
		__asm__ volatile("synci 0(%0)\n sync\n la $8, 1f\n jr.hb $8\n nop\n1:"
				 :: "r"(slot) : "$8", "memory");
		in_trial = 1;
		trial(regs);
		in_trial = 0;
		if ((++trials & 0x3FFFF) == 0)
			progress();
	}
}
