/* SPDX-License-Identifier: Apache-2.0 */
/* units.c - FPU and DSP registers survive VM switches. Run as two VMs of
 * tests/hv/systems/units.dts with a short time slice: each loads all 32
 * FPRs, FCSR (its own rounding mode), ac1-ac3 and DSPControl with values
 * of its own, spins across several slices (the other VM does the same in
 * between), then checks every register and computes with them: a division
 * whose last bit depends on the rounding mode and a MADD on ac1. VM 1 runs
 * its FPU with Status.FR = 0, VM 2 with FR = 1. Bare, it runs both modes in
 * turn. Prints "units: N/N ok". The C stays soft-float like the guest
 * library it links with; the FPU/DSP code is inline assembly. */
#include "../../../hypervisor/include/vzlet/hypercall.h"
#include "coretimer.h"
#include "cp0.h"
#include "guest.h"
#include "uart.h"

#define ST_MX  (1u << 24)
#define ST_FR  (1u << 26)
#define ST_CU1 (1u << 29)
#define ROUNDS 6
#define SPIN_TICKS 50000u         /* 1 ms: five slices of units.dts */

static unsigned passed, total;

static void check(const char *name, unsigned id, unsigned round, int ok)
{
	total++;
	if (ok) {
		passed++;
		return;
	}
	cprintf("units: FAIL %s (mode %u, round %u)\n", name, id, round);
}

#define REGS "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31"
#define FP_ASM(body) __asm__ volatile(".set push\n.set hardfloat\n.set fp=64\n" body \
				      "\n.set pop" :: "r"(p) : "memory")

/* FR = 1: 32 doubles; FR = 0: 32 words. */
static void fpr_load(const uint32_t *p, int fr)
{
	if (fr)
		FP_ASM(".irp n," REGS "\nldc1 $f\\n, 8 * \\n(%0)\n.endr");
	else
		FP_ASM(".irp n," REGS "\nlwc1 $f\\n, 4 * \\n(%0)\n.endr");
}

static void fpr_store(uint32_t *p, int fr)
{
	if (fr)
		FP_ASM(".irp n," REGS "\nsdc1 $f\\n, 8 * \\n(%0)\n.endr");
	else
		FP_ASM(".irp n," REGS "\nswc1 $f\\n, 4 * \\n(%0)\n.endr");
}

static void dsp_load(const uint32_t *p)
{
	__asm__ volatile(".set push\n.set dspr2\n"
			 ".irp n,1,2,3\nlw $8, 8 * \\n - 8(%0)\nmthi $8, $ac\\n\n"
			 "lw $8, 8 * \\n - 4(%0)\nmtlo $8, $ac\\n\n.endr\n"
			 "lw $8, 24(%0)\nwrdsp $8, 0x3f\n.set pop" :: "r"(p) : "$8", "memory");
}

static void dsp_store(uint32_t *p)
{
	__asm__ volatile(".set push\n.set dspr2\n"
			 ".irp n,1,2,3\nmfhi $8, $ac\\n\nsw $8, 8 * \\n - 8(%0)\n"
			 "mflo $8, $ac\\n\nsw $8, 8 * \\n - 4(%0)\n.endr\n"
			 "rddsp $8, 0x3f\nsw $8, 24(%0)\n.set pop" :: "r"(p) : "$8", "memory");
}

static uint32_t pattern(unsigned id, unsigned round, unsigned i)
{
	return (id * 0x01000193u + round * 0x9E3779B9u) ^ (i * 0x2545F491u);
}

/* DSPControl fields both VMs can set: pos (5:0), scount (12:7). */
static uint32_t dspcontrol(unsigned id, unsigned round)
{
	return ((id * 7 + round) & 0x3F) | ((id * 5 + round) & 0x3F) << 7;
}

static void round_trip(unsigned id, unsigned round)
{
	int fr = id & 1 ? 0 : 1;
	uint32_t st = cp0_read(CP0_STATUS);
	cp0_write(CP0_STATUS, (st & ~ST_FR) | ST_CU1 | ST_MX | (fr ? ST_FR : 0));
	__asm__ volatile("ehb");

	uint32_t fpr[64], dsp[7], got[64], gotdsp[7];
	for (unsigned i = 0; i < 64; i++)
		fpr[i] = pattern(id, round, i);
	for (unsigned i = 0; i < 7; i++)
		dsp[i] = pattern(id + 16, round, i);
	dsp[6] = dspcontrol(id, round);
	uint32_t rm = id & 1 ? 3 : 0;        /* toward -infinity / nearest */

	fpr_load(fpr, fr);
	__asm__ volatile(".set push\n.set hardfloat\nctc1 %0, $31\n.set pop" :: "r"(rm));
	dsp_load(dsp);

	/* Several slices: the other VM loads its own values meanwhile. */
	uint32_t t0 = ct_now();
	while (ct_now() - t0 < SPIN_TICKS)
		;

	uint32_t fcsr;
	fpr_store(got, fr);
	dsp_store(gotdsp);
	__asm__ volatile(".set push\n.set hardfloat\ncfc1 %0, $31\n.set pop" : "=r"(fcsr));
	int fpr_ok = 1;
	for (unsigned i = 0; i < (fr ? 64u : 32u); i++)
		fpr_ok &= got[i] == fpr[i];
	check("fpr", id, round, fpr_ok);
	check("fcsr", id, round, (fcsr & 3) == rm);
	int dsp_ok = 1;
	for (unsigned i = 0; i < 6; i++)
		dsp_ok &= gotdsp[i] == dsp[i];
	check("ac1-ac3", id, round, dsp_ok);
	check("dspcontrol", id, round, (gotdsp[6] & 0x1FBF) == dsp[6]);

	/* Arithmetic with the live state: 1/3 rounds down toward -infinity,
	 * up to nearest (0x3EAAAAAB); MADD accumulates onto ac1. */
	uint32_t q, lo;
	__asm__ volatile(".set push\n.set hardfloat\n"
			 "li $8, 0x3F800000\nmtc1 $8, $f2\nli $8, 0x40400000\nmtc1 $8, $f4\n"
			 "div.s $f6, $f2, $f4\nmfc1 %0, $f6\n.set pop" : "=r"(q) :: "$8");
	check("div-rounding", id, round, q == (rm == 3 ? 0x3EAAAAAAu : 0x3EAAAAABu));
	__asm__ volatile(".set push\n.set dspr2\nmadd $ac1, %1, %2\nmflo %0, $ac1\n.set pop"
			 : "=r"(lo) : "r"(3u), "r"(id + 1));
	check("madd-ac1", id, round, lo == dsp[1] + 3 * (id + 1));
}

int main(void)
{
	console_init(115200);
	uint32_t config3 = CP0_READ_(16, 3);
	unsigned first = 1, last = 2;
	if (!(config3 & (1u << 23))) {        /* a guest: Config3.VZ reads 0 */
		register uint32_t v0 __asm__("$2") = VZ_HC_VM_ID;
		__asm__ volatile(".set push\n.set virt\nhypcall\n.set pop"
				 : "+r"(v0) :: "$3", "memory");
		first = last = v0;
	}
	for (unsigned round = 0; round < ROUNDS; round++)
		for (unsigned id = first; id <= last; id++)
			round_trip(id, round);
	cprintf("units: %u/%u %s\n", passed, total, passed == total ? "ok" : "failed");
	for (;;)
		__asm__ volatile("wait");
}
