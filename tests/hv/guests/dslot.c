/* dslot.c - emulated device accesses in branch delay slots. Under the
 * hypervisor each load/store to the interrupt controller traps while the
 * branch before it has already executed; the hypervisor must emulate the
 * access and continue where the branch leads. The scratch register is IPC0
 * (priorities of vectors 0-3; 0-2 are virtual per VM, so writable). Prints
 * "dslot: N/N ok" or the first failing case; runs bare too. */
#include "../../../guests/poll/board.h"

#define IPC0 IPC(0)
#define PATTERN 0x00130A05u        /* priority/subpriority of vectors 0..2 */

int main(void);
void guest_interrupt(void);

void guest_interrupt(void)
{
}

static unsigned passed, total;

static void check(const char *name, int ok)
{
	total++;
	if (ok) {
		passed++;
		return;
	}
	console_puts("dslot: FAIL ");
	console_puts(name);
	console_putc('\n');
}

static uint32_t addr_ipc0(void)
{
	return IPC0;
}

static void put_dec(unsigned v)
{
	char b[8];
	int n = 0;
	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		console_putc(b[--n]);
}

int main(void)
{
	volatile uint32_t *ipc0 = (volatile uint32_t *)addr_ipc0();
	uint32_t v, r, link;

	console_init();
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

	/* taken BEQL (likely): the slot only runs when taken */
	__asm__ volatile(".set push\n.set noreorder\n"
			 "li %1, 0\n beql $0, $0, 1f\n lhu %0, 0(%2)\n li %1, 1\n1:\n.set pop"
			 : "=&r"(v), "=&r"(r) : "r"(ipc0));
	check("beql-taken-halfword", r == 0 && v == (PATTERN & 0xFFFF));

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

	console_puts("dslot: ");
	put_dec(passed);
	console_putc('/');
	put_dec(total);
	console_puts(passed == total ? " ok\n" : " failed\n");
	for (;;)
		__asm__ volatile("wait");
}
