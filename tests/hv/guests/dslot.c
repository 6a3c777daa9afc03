/* SPDX-License-Identifier: Apache-2.0 */
/* dslot.c - emulated device accesses in branch delay slots. Under the
 * hypervisor each load/store to the interrupt controller traps while the
 * branch before it has already executed; the hypervisor must emulate the
 * access and continue where the branch leads. The scratch register is IPC0
 * (priorities of vectors 0-3; 0-2 are virtual per VM, so writable). Under
 * the hypervisor it also checks the hypercall ABI. Prints "dslot: N/N ok" or
 * the failing cases; runs bare too (without the hypercall checks).
 * Built as microMIPS too (dslot-mm, tests/hv/hv.mk): then the branches and
 * their slots come in both sizes, and BEQL and BC1FL (no microMIPS form)
 * are left out. */
#include "coretimer.h"
#include "cp0.h"
#include "guest.h"
#include "irq.h"
#include "timer.h"
#include "uart.h"
#include "vzcall.h"

static uint32_t hypcall_code1(void)
{
	register uint32_t v0 __asm__("$2") = VZ_HC_VM_ID;
	__asm__ volatile(".set push\n.set virt\nhypcall 1\n.set pop" : "+r"(v0) :: "$3", "memory");
	return v0;
}

static const char hello[] = "dslot: hello through a hypercall\n";

#ifndef DSLOT_VM_ID
#define DSLOT_VM_ID 4 /* its VM number in tests/hv/systems/rogue.dts ... */
#define DSLOT_NUM_VMS 4 /* ... of 4 */
#endif

#define IPC0 IPC(0)
#define PATTERN 0x00130A05u        /* priority/subpriority of vectors 0..2 */

static unsigned passed, total;

static void check(const char *name, int ok)
{
	total++;
	if (ok) {
		passed++;
		return;
	}
	cprintf("dslot: FAIL %s\n", name);
}

static uint32_t addr_ipc0(void)
{
	return IPC0;
}

/* The FPU and DSP branches' conditions, FCSR and DSPControl.pos, set from
 * MIPS32 code in either build (the microMIPS encodings of CTC1 and WRDSP
 * are another matter than the branches under test). */
__attribute__((nomicromips, noinline)) static void set_fcsr(uint32_t v)
{
	__asm__ volatile(".set push\n.set hardfloat\nctc1 %0, $31\n.set pop" :: "r"(v));
}

__attribute__((nomicromips, noinline)) static void set_dsp_pos(uint32_t pos)
{
	__asm__ volatile(".set push\n.set dsp\nwrdsp %0, 0x01\n.set pop" :: "r"(pos));
}

/* A function in the other ISA that sets $3 to 1, for JALX (its return
 * switches back: JR/JRC to the link address with or without bit 0). */
#ifdef __mips_micromips
__asm__(".pushsection .text\n.set push\n.set nomicromips\n.set noreorder\n"
	".globl dslot_other_isa\n.type dslot_other_isa, @function\n.ent dslot_other_isa\n"
	"dslot_other_isa:\n jr $31\n li $3, 1\n.end dslot_other_isa\n.set pop\n.popsection");
#else
__asm__(".pushsection .text\n.set push\n.set micromips\n"
	".globl dslot_other_isa\n.type dslot_other_isa, @function\n.ent dslot_other_isa\n"
	"dslot_other_isa:\n li $3, 1\n jrc $31\n.end dslot_other_isa\n.set pop\n.popsection");
#endif

int main(void)
{
	volatile uint32_t *ipc0 = (volatile uint32_t *)addr_ipc0();
	uint32_t v, r, link;

	console_init(115200);
	*ipc0 = PATTERN;

	/* taken BEQ, load in the slot */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li %1, 0\n beq $0, $0, 1f\n lw %0, 0(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0));
	check("beq-taken", r == 0 && v == PATTERN);

	/* not-taken BNE, load in the slot: the next instruction runs */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li %1, 0\n bne $0, $0, 1f\n lw %0, 0(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0));
	check("bne-not-taken", r == 1 && v == PATTERN);

#ifndef __mips_micromips
	/* taken BEQL (likely): the slot only runs when taken */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li %1, 0\n beql $0, $0, 1f\n lhu %0, 0(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0));
	check("beql-taken-halfword", r == 0 && v == (PATTERN & 0xFFFF));
#else
	/* microMIPS: 16-bit branches with 16-bit loads in their slots (B16 +
	 * LHU16, BNEZ16 not taken + LW16), a 32-bit branch with a 32-bit load
	 * (BEQ + LH with a big offset), JALR16 (32-bit slot) with a store, and
	 * JALRS16 (16-bit slot) with SB16; registers from the 16-bit set. */
	/* (fixed registers from the 16-bit set: $4 = the address, $2/$3 out) */
	__asm__ volatile(".set push\n.set noreorder\n move $4, %2\n"
			 "li $3, 0\n b16 1f\n lhu16 $2, 0($4)\n li $3, 1\n1:\n"
			 "move %0, $2\n move %1, $3\n.set pop"
			 : "=r"(v), "=r"(r) : "r"(ipc0) : "$2", "$3", "$4");
	check("b16-lhu16", r == 0 && v == (PATTERN & 0xFFFF));
	__asm__ volatile(".set push\n.set noreorder\n move $4, %2\n"
			 "li $3, 0\n bnez16 $3, 1f\n lw16 $2, 0($4)\n li $3, 1\n1:\n"
			 "move %0, $2\n move %1, $3\n.set pop"
			 : "=r"(v), "=r"(r) : "r"(ipc0) : "$2", "$3", "$4");
	check("bnez16-not-taken-lw16", r == 1 && v == PATTERN);
	__asm__ volatile(".set push\n.set noreorder\n addiu $4, %2, -0x1000\n"
			 "li $3, 0\n beq $3, $0, 1f\n lh $2, 0x1002($4)\n li $3, 1\n1:\n"
			 "move %0, $2\n move %1, $3\n.set pop"
			 : "=r"(v), "=r"(r) : "r"(ipc0) : "$2", "$3", "$4");
	check("beq32-lh32", r == 0 && v == (PATTERN >> 16));
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la $25, 1f\n move $3, $31\n jalr16 $25\n sw %2, 0(%1)\n"
			 "1: move %0, $31\n move $31, $3\n.set pop"
			 : "=&r"(link) : "r"(ipc0), "r"(0x00050C02u) : "$3", "$25", "$31");
	check("jalr16-sw32", *ipc0 == 0x00050C02u && (link & 1));
	__asm__ volatile(".set push\n.set noreorder\n move $4, %1\n"
			 "la $25, 1f\n move $3, $31\n li $2, 7\n jalrs16 $25\n sb16 $2, 0($4)\n"
			 "1: move %0, $31\n move $31, $3\n.set pop"
			 : "=&r"(link) : "r"(ipc0) : "$2", "$3", "$4", "$25", "$31");
	check("jalrs16-sb16", (*ipc0 & 0xFF) == 7 && (link & 1));
	*ipc0 = PATTERN;
#endif
	/* FPU and DSP branches: their conditions are in the units' registers
	 * (the guest's, or another VM's while it does not own them). FCC3 is
	 * FCSR bit 27 (FCC0 is bit 23). */
	uint32_t status;
	__asm__ volatile("mfc0 %0, $12" : "=r"(status));
	__asm__ volatile("mtc0 %0, $12\n ehb" :: "r"(status | (1u << 29) | (1u << 24))); /* CU1, MX */
	/* r = 0 if `branch` (assembled under `set`) jumps over the "li %1, 1"
	 * after its slot, whose load from IPC0 goes into v */
#define BRANCH_OVER(set, branch, load) \
	__asm__ volatile(".set push\n.set noreorder\n" set "\nli %1, 0\n " branch " 1f\n " \
			 load "\n li %1, 1\n1:\n.set pop" : "=&r"(v), "=&r"(r) : "r"(ipc0))
	set_fcsr(1u << 23 | 1u << 27);
	BRANCH_OVER(".set hardfloat", "bc1t $fcc0,", "lw %0, 0(%2)");
	check("bc1t-taken", r == 0 && v == PATTERN);
	BRANCH_OVER(".set hardfloat", "bc1f $fcc3,", "lw %0, 0(%2)");
	check("bc1f-cc3-not-taken", r == 1 && v == PATTERN);
	set_dsp_pos(32);
	BRANCH_OVER(".set dsp", "bposge32", "lw %0, 0(%2)");
	check("bposge32-taken", r == 0 && v == PATTERN);
	set_dsp_pos(31);
	BRANCH_OVER(".set dsp", "bposge32", "lw %0, 0(%2)");
	check("bposge32-not-taken", r == 1 && v == PATTERN);
#ifndef __mips_micromips
	set_fcsr(0);
	BRANCH_OVER(".set hardfloat", "bc1fl $fcc0,", "lhu %0, 2(%2)");
	check("bc1fl-taken", r == 0 && v == (PATTERN >> 16));
#endif
	/* JALX to the other ISA and back, a load in its (32-bit) slot */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li $3, 0\n move $2, $31\n jalx dslot_other_isa\n lw %0, 0(%2)\n"
			 "move $31, $2\n move %1, $3\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0) : "$2", "$3", "$31");
	check("jalx-other-isa", v == PATTERN && r == 1);
	__asm__ volatile("mtc0 %0, $12\n ehb" :: "r"(status));

	/* branch whose operand the slot's load overwrites: the branch used the
	 * old value (zero: taken) */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li %0, 0\n li %1, 0\n beq %0, $0, 1f\n lw %0, 0(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0));
	check("operand-overwritten", r == 0 && v == PATTERN);

	/* BGEZAL: link register written, slot is a store */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "move %2, $31\n li %1, 0\n bgezal $0, 1f\n sw %3, 0(%4)\n li %1, 1\n"
			 "1: move %0, $31\n move $31, %2\n.set pop"
			 : "=&r"(link), "=&r"(r), "=&r"(v) : "r"(0x00050C01u), "r"(ipc0) : "$31");
	check("bgezal-store", r == 0 && link != 0 && *ipc0 == 0x00050C01u);

	/* JR with a byte load in the slot */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "la $25, 1f\n li %1, 0\n jr $25\n lbu %0, 1(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0) : "$25");
	check("jr-byte", r == 0 && v == 0x0C);

	/* HI/LO are not shadowed: a trapped access whose emulation itself
	 * divides (the write-logged PMD2 block makes the hypervisor print
	 * numbers) must leave the guest's HI/LO as they were. */
	uint32_t hi, lo;
	__asm__ volatile(".set push\n.set noreorder\n"
			 "divu $0, %2, %3\n sw $0, 0(%4)\n mfhi %0\n mflo %1\n.set pop"
			 : "=r"(hi), "=r"(lo) : "r"(1000003u), "r"(10u), "r"(0xBF800050u));
	check("hilo-preserved", hi == 3 && lo == 100000);

	/* Cause.IP0, the core software interrupt 0, raises the interrupt
	 * controller's flag for vector 1 (a GSFC exit under the hypervisor). */
	SFR_CLR(IFS(0)) = 2;
	uint32_t cause;
	__asm__ volatile("mfc0 %0, $13" : "=r"(cause));
	__asm__ volatile("mtc0 %0, $13\n ehb" :: "r"(cause | 0x100));
	check("cause-ip0-flag", (SFR(IFS(0)) & 2) != 0);
	__asm__ volatile("mtc0 %0, $13\n ehb" :: "r"(cause & ~0x100u));
	SFR_CLR(IFS(0)) = 2;

	/* A wired guest TLB entry must survive other VMs running meanwhile:
	 * VA 0x00400000 -> PA 0x0000F000 (4 KB, cacheable, dirty, valid). */
	__asm__ volatile("mtc0 %0, $6\n mtc0 $0, $0\n mtc0 $0, $5\n mtc0 %1, $10\n"
			 "mtc0 %2, $2\n mtc0 %3, $3\n ehb\n tlbwi\n ehb"
			 :: "r"(1), "r"(0x00400000u), "r"((0xFu << 6) | (3u << 3) | 7u), "r"(1u)
			 : "memory");
	volatile uint32_t *mapped = (volatile uint32_t *)0x00400010u;
	volatile uint32_t *direct = (volatile uint32_t *)0x8000F010u;
	*mapped = 0x5A5A1234u;
	check("guest-tlb-mapped", *direct == 0x5A5A1234u);
	sleep_ms(250);                                         /* others run */
	*direct = 0x0BADF00Du;
	check("guest-tlb-kept", *mapped == 0x0BADF00Du);

	uint32_t config3;
	__asm__ volatile("mfc0 %0, $16, 3" : "=r"(config3));
	if (!(config3 & (1u << 23))) {          /* a guest: Config3.VZ reads 0 */
		uint32_t r[2], t0 = ct_now();
		vz_hypercall(VZ_HC_VM_ID, 0, 0, r);
		check("hc-vm-id", r[0] == DSLOT_VM_ID && r[1] == DSLOT_NUM_VMS);
		vz_hypercall(VZ_HC_CONSOLE_WRITE, (uint32_t)hello, sizeof(hello) - 1, r);
		check("hc-console-write", r[0] == sizeof(hello) - 1);
		vz_hypercall(VZ_HC_CONSOLE_WRITE, 0xA0020000u, 4, r);   /* another VM's RAM */
		check("hc-console-efault", (int32_t)r[0] == VZ_HC_EFAULT);
		vz_hypercall(VZ_HC_CONSOLE_WRITE, 0x8000FFFEu, 4, r);   /* runs past its RAM */
		check("hc-console-efault-end", (int32_t)r[0] == VZ_HC_EFAULT);
		vz_hypercall(VZ_HC_CONSOLE_WRITE, (uint32_t)hello, 1000, r);
		check("hc-console-einval", (int32_t)r[0] == VZ_HC_EINVAL);
		vz_hypercall(VZ_HC_TIME, 0, 0, r);
		uint32_t t1 = ct_now();
		/* guest Count started at 0 with the VM; hypervisor time at boot */
		check("hc-time", r[0] != 0 && (int32_t)(r[0] - (t1 - t0)) > 0);
		vz_hypercall(VZ_HC_YIELD, 0, 0, r);
		check("hc-yield", r[0] == 0);
		vz_hypercall(99, 0, 0, r);
		check("hc-enosys", (int32_t)r[0] == VZ_HC_ENOSYS);
		check("hc-code", (int32_t)hypcall_code1() == VZ_HC_ENOSYS);

		/* This VM polls (tests/hv/systems/rogue.dts) and owns Timer5
		 * (IRQ 24): it is never offered an interrupt, even enabled with
		 * a priority and IE on (one taken would halt it: no handler),
		 * but the flag rises, is acknowledged and rises again. */
		SFR_CLR(IFS(0)) = 1u << 24;
		SFR_SET(IPC(6)) = 1u << 2;
		SFR_SET(IEC(0)) = 1u << 24;
		irq_global_enable();
		timer_start_hz(5, 20000);
		unsigned seen = 0;
		for (unsigned spins = 0; seen < 3 && spins < 300000; spins++) {
			if (SFR(IFS(0)) & (1u << 24)) {
				SFR_CLR(IFS(0)) = 1u << 24;
				seen++;
			}
		}
		(void)irq_save_disable();
		timer_stop(5);
		SFR_CLR(IEC(0)) = 1u << 24;
		check("polling-owned-flag", seen == 3);
	}

	/* Registers outside the guest context (each read is a GPSI exit under
	 * the hypervisor) must answer as on the bare chip: tests/hv/hvtest.sh
	 * compares this line from the bare run with the one under vzlet. */
#define MFC0(r, s) CP0_READ_(r, s)
	cprintf("dslot: cp0 prid %x config6 %x config7 %x debug %x perf %x %x %x %x watch %x %x\n",
		MFC0(15, 0), MFC0(16, 6), MFC0(16, 7), MFC0(23, 0), MFC0(25, 0), MFC0(25, 1),
		MFC0(25, 2), MFC0(25, 3), MFC0(18, 0), MFC0(19, 0));
	cprintf("dslot: %u/%u %s\n", passed, total, passed == total ? "ok" : "failed");
	for (;;)
		__asm__ volatile("wait");
}
