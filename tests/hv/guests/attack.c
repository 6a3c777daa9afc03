/* SPDX-License-Identifier: Apache-2.0 */
/* attack.c - the attacker of the attack suite (tests/attacks): one hostile
 * action per run. The case number comes from a counter in a page the
 * hypervisor keeps across restarts (a `shared` vzlet,memory region, which
 * restart does not clear); the suite restarts this VM from the console
 * after each case. A case either is stopped by the hypervisor (the suite
 * checks the diagnosis), or checks what it observed and reports
 * "case N ok ..." / "case N FAIL ...", or runs until the restart (storms,
 * a guest that never yields). Lines go out through one hypercall each, so
 * a slice end never splits them. The expected outcome of every case is in
 * tests/attacks/cases.txt (run by tests/attacks/run.sh). */
#include "coretimer.h"
#include "dma.h"
#include "guest.h"
#include "irq.h"
#include "uart.h"
#include "vzcall.h"

#define COUNTER    ((volatile uint32_t *)0xA007E000u)
#define MAGIC      0x41545421u
#define RAM_END    0xA0010000u          /* the VM's 64 KB of RAM end here */
#define OTHER_RAM  0xA0020000u          /* outside it: another VM's, or nobody's */
#define LATG       LAT(PORT_G)
#define MY_PIN     (1u << 8)            /* RG8; RG6 (LD1), RG7 (latch 1, reads 0)
                                         * and RG15 (LD4) are the victims' */
#define T4CON      TCON(4)
#define T32        (1u << 3)
#define PMD1       0xBF800040u
#define DEVID      0xBF800020u
#define CFGCON     0xBF800000u

static volatile unsigned exc_count, exc_code;
/* One line of its own RAM for the CACHE cases, through kseg0 and kseg1. */
static uint32_t own_line[4] __attribute__((aligned(16)));
#define KS0(p) (0x80000000u | ((uint32_t)(uintptr_t)(p) & 0x1FFFFFFFu))
#define KS1(p) (0xA0000000u | ((uint32_t)(uintptr_t)(p) & 0x1FFFFFFFu))
#define U32(a) (*(volatile uint32_t *)(a))
static unsigned cur;

static int32_t console_write(uint32_t p, uint32_t n)
{
	uint32_t r[2];
	vz_hypercall(VZ_HC_CONSOLE_WRITE, p, n, r);
	return (int32_t)r[0];
}

static char *put_u(char *p, uint32_t v)
{
	char d[10];
	int n = 0;
	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = d[--n];
	return p;
}

/* "case N <word> <text>\n" in one hypercall. */
static void say(const char *word, const char *text, uint32_t num)
{
	char line[96], *p = line;
	for (const char *s = "case "; *s; s++)
		*p++ = *s;
	p = put_u(p, cur);
	*p++ = ' ';
	while (*word)
		*p++ = *word++;
	if (*text)
		*p++ = ' ';
	while (*text && p < line + 80)
		*p++ = *text++;
	if (num != ~0u) {
		*p++ = ' ';
		p = put_u(p, num);
	}
	*p++ = '\n';
	console_write((uint32_t)line, (uint32_t)(p - line));
}

static void result(int ok, const char *what)
{
	say(ok ? "ok" : "FAIL", what, ~0u);
}

/* The guest's own exceptions: counted and skipped. */
void guest_exception(struct guest_exc_frame *f)
{
	exc_count++;
	exc_code = CAUSE_EXCCODE(f->cause);
	f->epc += (f->cause & (1u << 31)) ? 8 : 4;
}

static void own_exception(unsigned code)
{
	say(exc_count && exc_code == code ? "ok" : "FAIL", "own exception", exc_code);
}

#define W32(a, v)  (*(volatile uint32_t *)(a) = (v))
#define R32(a)     (*(volatile uint32_t *)(a))
#define W16(a, v)  (*(volatile uint16_t *)(a) = (uint16_t)(v))
#define R16(a)     (*(volatile uint16_t *)(a))
#define W8(a, v)   (*(volatile uint8_t *)(a) = (uint8_t)(v))
#define R8(a)      (*(volatile uint8_t *)(a))

static void swl(uint32_t a, uint32_t v)
{
	__asm__ volatile("swl %0, 0(%1)" :: "r"(v), "r"(a) : "memory");
}

static void swr(uint32_t a, uint32_t v)
{
	__asm__ volatile("swr %0, 0(%1)" :: "r"(v), "r"(a) : "memory");
}

static uint32_t lwl(uint32_t a)
{
	uint32_t v = 0;
	__asm__ volatile("lwl %0, 0(%1)" : "+r"(v) : "r"(a) : "memory");
	return v;
}

/* Plain LW/SW at any address (C would split a known misaligned one into
 * LWL/LWR). */
static uint32_t lw(uint32_t a)
{
	uint32_t v;
	__asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static void sw(uint32_t a, uint32_t v)
{
	__asm__ volatile("sw %0, 0(%1)" :: "r"(v), "r"(a) : "memory");
}

static uint32_t ll(uint32_t a)
{
	uint32_t v;
	__asm__ volatile("ll %0, 0(%1)" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static uint32_t sc(uint32_t a, uint32_t v)
{
	__asm__ volatile("sc %0, 0(%1)" : "+r"(v) : "r"(a) : "memory");
	return v;
}

/* One guest TLB entry: kuseg 0x00400000 -> gpa (4 KB, uncached, dirty). */
static void map_kuseg(uint32_t gpa)
{
	uint32_t st;
	__asm__ volatile("mfc0 %0, $12" : "=r"(st));
	__asm__ volatile("mtc0 %0, $12\n ehb" :: "r"(st & ~(ST_ERL | ST_EXL)));
	__asm__ volatile("mtc0 $0, $0\n mtc0 $0, $5\n mtc0 %0, $10\n mtc0 %1, $2\n"
			 "mtc0 $0, $3\n ehb\n tlbwi\n ehb"
			 :: "r"(0x00400000u), "r"((gpa >> 12) << 6 | 2u << 3 | 7u) : "memory");
}

static void jump_to(uint32_t a)
{
	((void (*)(void))a)();
}

/* Guest TLB entry 0 read back with TLBR: EntryHi, EntryLo0. */
static void read_entry0(uint32_t *hi, uint32_t *lo0)
{
	__asm__ volatile("mtc0 $0, $0\n ehb\n tlbr\n ehb\n mfc0 %0, $10\n mfc0 %1, $2"
			 : "=r"(*hi), "=r"(*lo0) :: "memory");
}

/* The spy (VM 4, tests/hv/guests/spy.c) looks at guest TLB entry 0 after
 * this VM left the CPU: its answer is in the shared counter page. This VM
 * has no TLB share, yet it has just written entry 0 (kuseg 0x00400000 ->
 * its own RAM at 0x1000, marked). The spy must see nothing of it: not the
 * page, not the frame, no TLBP hit, and a TLB refill of its own when it
 * loads through the page. */
#define SPY_REQ  8
#define SPY_ANS  9
static void spy_case(void)
{
	uint32_t r[2], req = COUNTER[SPY_REQ] + 1;
	W32(0xA0001000u, 0x5EC2E75Au);
	COUNTER[SPY_REQ] = req;
	for (unsigned i = 0; i < 400000u && COUNTER[SPY_ANS] != req; i++)
		vz_hypercall(VZ_HC_YIELD, 0, 0, r);
	if (COUNTER[SPY_ANS] != req) {
		result(0, "the spy did not answer");
		return;
	}
	uint32_t hi = COUNTER[10], lo0 = COUNTER[11], lo1 = COUNTER[12], idx = COUNTER[14];
	uint32_t loads = COUNTER[15];
	if ((hi & 0xFFFFE000u) == 0x00400000u || ((lo0 | lo1) >> 6) != 0)
		say("FAIL", "the spy read entry 0", lo0);
	else if (!(idx & 0x80000000u))
		say("FAIL", "the spy's TLBP hit", idx);
	else
		say(loads == 1 ? "ok" : "FAIL", "the spy saw nothing; its own refills", loads);
}

/* A store in a branch delay slot (Cause.BD in the diagnosis). */
static void store_in_delay_slot(uint32_t a)
{
	__asm__ volatile(".set push\n.set noreorder\n"
			 "beq $0, $0, 1f\n sw $0, 0(%0)\n1:\n.set pop" :: "r"(a) : "memory");
}

/* Bits other than the attacker's own of a port register, before and after. */
static void port_case(uint32_t reg, uint32_t target, unsigned alias, unsigned width)
{
	uint32_t before = R32(reg) & ~MY_PIN;
	uint32_t a = target + 4 * alias;
	if (width == 4)
		W32(a, 0xFFFFu);
	else if (width == 2)
		W16(a, 0xFFFFu);
	else {
		W8(a, 0xFF);
		W8(a + 1, 0xFF);
	}
	uint32_t after = R32(reg) & ~MY_PIN;
	result(before == after, "others' bits unchanged");
}

static void timer_case(unsigned how)
{
	W32(T4CON, 0);
	switch (how) {
	case 0: W32(T4CON, 0x8008u); break;
	case 1: W32(T4CON + 8, T32); break;
	case 2: W32(T4CON + 12, T32); break;
	case 3: W8(T4CON, 0x08); break;
	default: W16(T4CON, 0x8008u); break;
	}
	uint32_t v = R32(T4CON);
	W32(T4CON, 0);
	result(!(v & T32), "T32 stays clear");
}

/* The interrupt controller: stores that touch the victims' bits. */
static void evic_case(uint32_t addr, uint32_t value, unsigned width, uint32_t check,
		      uint32_t mask, uint32_t want)
{
	if (width == 4)
		W32(addr, value);
	else if (width == 2)
		W16(addr, value);
	else
		W8(addr, value);
	result((R32(check) & mask) == want, "clamped or ignored");
}

static volatile unsigned storm;
GUEST_ISR(1, sw0_isr);
void sw0_isr(void)
{
	storm++;
	SFR_CLR(IFS(0)) = 2u;
	SFR_SET(IFS(0)) = 2u;    /* raise it again at once: a storm */
}

GUEST_ISR(0, ct_isr);
void ct_isr(void)
{
	storm++;
	cp0_write(CP0_COMPARE, cp0_read(CP0_COUNT) + 20);
	SFR_CLR(IFS(0)) = 1u;
}

static void hypercall_case(uint32_t p, uint32_t n, int32_t want)
{
	int32_t r = console_write(p, n);
	say(r == want ? "ok" : "FAIL", "hypercall result", (uint32_t)-r);
}

static void run(unsigned n)
{
	uint32_t r[2], v;
	switch (n) {
	/* ---- memory: every segment, region edges, widths, unaligned, atomics */
	case 1: W32(OTHER_RAM, 1); break;
	case 2: W32(OTHER_RAM - 0x20000000u, 1); break;              /* kseg0 */
	case 3: (void)R32(0x80030000u); break;
	case 4: W8(RAM_END, 1); break;
	case 5: W16(RAM_END, 1); break;
	case 6: (void)R8(RAM_END); break;
	case 7: W32(RAM_END - 4, 1); W32(RAM_END, 1); break;          /* last word ok, next not */
	case 8: swl(RAM_END + 1, 1); break;
	case 9: swr(RAM_END + 3, 1); break;
	case 10: (void)lwl(RAM_END + 3); break;
	case 11: (void)ll(RAM_END); break;
	case 12: (void)ll(RAM_END - 4); (void)sc(RAM_END, 1); break;
	case 13: v = ll(RAM_END - 4); result(sc(RAM_END - 4, v + 1) == 1, "LL/SC in own RAM"); return;
	case 14: exc_count = 0; (void)lw(0xA0000002u); own_exception(4); return;
	case 15: exc_count = 0; sw(LATG + 2, 0); own_exception(5); return;
	case 16: exc_count = 0; (void)R32(0xC0000000u); own_exception(2); return;
	case 17: map_kuseg(0x00020000u); W32(0x00400000u, 1); break;
	case 18: map_kuseg(0x1FC00000u); (void)R32(0x00400000u); break;
	case 19:                                                     /* its own DEVID block */
		map_kuseg(DEVID & 0x1FFFF000u);
		v = R32(0x00400000u + (DEVID & 0xFFFu));
		result(v == R32(DEVID), "own block through the guest TLB");
		return;
	case 20: map_kuseg(0x1F840200u); W32(0x00400000u, 0); break;
	case 21:
		for (unsigned i = 0; i < 16; i++)
			map_kuseg(0x00020000u + 0x1000u * i);
		map_kuseg(0x00001000u);                              /* own RAM */
		W32(0x00400000u, 0x5A5A5A5Au);
		result(R32(0xA0001000u) == 0x5A5A5A5Au, "guest TLB to own RAM");
		return;
	case 22: W32(0x9D000100u, 1); break;                         /* own flash */
	case 23: W32(0xBD000100u, 1); break;
	case 24: jump_to(0xBF800000u); break;                        /* execute SFRs */
	case 25: jump_to(0x9D1F0000u); break;                        /* beyond own flash */
	case 26: jump_to(OTHER_RAM - 0x20000000u); break;
	/* ---- registers it was not given */
	case 27: W32(TCON(2), 0); break;                             /* victim's Timer2 */
	case 28: (void)R32(0xBF822200u); break;                      /* UART2 */
	case 29: W32(0xBF811060u + 0xC0u * 7, 0x80u); break;         /* DCH7CON: not its channel */
	case 30: W32(0xBF8F0000u, 0); break;                         /* SBA */
	case 31: W32(0xBF801250u, 1); break;                         /* RSWRST */
	case 32: W32(0xBF800030u, 0xAA996655u); break;               /* SYSKEY */
	case 33: W32(0xBF801200u, 0); break;                         /* OSCCON */
	case 34: W32(0xBF801310u, 0x8000u); break;                   /* PB2DIV */
	case 35: W32(0xBF801580u, 2); break;                         /* PPS RPG8R */
	case 36: W32(0xBF800050u, ~0u); break;                       /* PMD2 */
	case 37: (void)R32(0xBFC0FFCCu); break;                      /* DEVCFG0 */
	case 38: W32(0xBF8E0000u, 0); break;                         /* PRECON */
	case 39: W32(TCON(5), 0x8000u); break;                       /* the pair of its Timer4 */
	case 40: W8(0x9F840200u, 0); break;                          /* kseg0 alias of T2CON */
	case 41: store_in_delay_slot(TCON(2)); break;
	/* ---- its own blocks: read-only, write-ignored, write-logged */
	case 42: W32(DEVID, 0); break;
	case 43:
		v = R32(CFGCON);
		W32(CFGCON, ~v);
		result(R32(CFGCON) == v, "write-ignored");
		return;
	case 44:
		for (unsigned i = 0; i < 3000; i++)
			W32(PMD1, i);
		result(R32(PMD1) != 2999u, "logged flood done");
		W32(OTHER_RAM, 1);                                   /* then a fault */
		break;
	case 45: (void)lwl(LATG + 3); break;
	case 46: (void)ll(LATG); break;
	/* ---- ports and pins: only RG8 is its */
	case 47: port_case(LATG, LATG, 0, 4); return;
	case 48: port_case(LATG, LATG, 2, 4); return;
	case 49: port_case(LATG, LATG, 1, 4); return;
	case 50: port_case(LATG, LATG, 3, 4); return;
	case 51: port_case(LATG, LATG, 0, 1); return;
	case 52: port_case(LATG, LATG, 0, 2); return;
	case 53: {                                                   /* PORT reads pins, not LAT */
		uint32_t before = R32(LATG) & ~MY_PIN, bad = 0;
		if (!(before & (1u << 7)) || (R32(PORT(PORT_G)) & (1u << 7))) {
			result(0, "RG7 not set up (latch 1, reads 0)");
			return;
		}
		for (unsigned i = 0; i < 2000; i++) {
			W32(PORT(PORT_G), i & 1 ? MY_PIN : 0);
			if ((R32(LATG) & ~MY_PIN) != before)
				bad++;
			before = R32(LATG) & ~MY_PIN;
		}
		result(bad == 0, "PORT stores keep the others' latches");
		return;
	}
	case 54: port_case(TRIS(PORT_G), TRIS(PORT_G), 0, 4); return;
	case 55: port_case(ANSEL(PORT_G), ANSEL(PORT_G), 0, 4); return;
	case 56: port_case(PORT_BASE(PORT_G) + 0x40, PORT_BASE(PORT_G) + 0x40, 0, 4); return; /* ODC */
	case 57: port_case(PORT_BASE(PORT_G) + 0x50, PORT_BASE(PORT_G) + 0x50, 0, 4); return; /* CNPU */
	case 58: port_case(PORT_BASE(PORT_G) + 0x60, PORT_BASE(PORT_G) + 0x60, 0, 4); return; /* CNPD */
	case 59: port_case(PORT_BASE(PORT_G) + 0x80, PORT_BASE(PORT_G) + 0x80, 0, 4); return; /* CNEN */
	case 60: {                                                   /* CNCON: the port's, not a pin's */
		uint32_t a = PORT_BASE(PORT_G) + 0x70;
		v = R32(a);
		W32(a, 0x8800u);
		result(R32(a) == v, "CNCON unchanged");
		return;
	}
	case 61: timer_case(0); return;
	case 62: timer_case(1); return;
	case 63: timer_case(2); return;
	case 64: timer_case(3); return;
	case 65: timer_case(4); return;
	/* ---- interrupt controller: the victims' Timer2 is IRQ 9 */
	case 66: evic_case(IEC(0) + 4, 1u << 9, 4, IEC(0), 1u << 9, 0); return;
	case 67: evic_case(IFS(0) + 8, 1u << 9, 4, IFS(0), 1u << 9, 0); return;
	case 68: evic_case(IPC(2), 0x1F00u, 4, IPC(2), 0xFF00u, 0); return;
	case 69: evic_case(IPC(4), 0x1Fu << 24, 4, IPC(4), 0x1Fu << 24, 0x1Bu << 24); return;
	case 70: evic_case(0xBF810540u + 4 * 9, 0x200u, 4, 0xBF810540u + 4 * 9, ~0u, 0); return;
	case 71: evic_case(IFS(0) + 1, 0x02, 1, IFS(0), 1u << 9, 0); return;
	case 72: evic_case(IEC(0), 0xFFFFu, 2, IEC(0), 0xFFF8u, 0); return;
	case 73: evic_case(INTCON, ~0u, 4, INTCON, ~0u, 0x171Fu); return;
	case 74: evic_case(INTSTAT, ~0u, 4, INTSTAT, ~0u, 0); return;
	/* ---- CP0 and VZ */
	case 75: {
		uint32_t a0, a, b, c, d;
		__asm__ volatile("mfc0 %0, $12, 2" : "=r"(a0));
		__asm__ volatile("mtc0 %0, $12, 2\n mtc0 %0, $25, 0\n mtc0 %0, $18, 0\n"
				 "mtc0 %0, $23, 0\n mtc0 %0, $26, 0\n mtc0 %0, $28, 0\n ehb"
				 :: "r"(~0u));
		__asm__ volatile("mfc0 %0, $12, 2\n mfc0 %1, $25, 0\n mfc0 %2, $18, 0\n"
				 "mfc0 %3, $23, 0" : "=r"(a), "=r"(b), "=r"(c), "=r"(d));
		result(a == a0 && (b | c | d) == 0, "SRSCtl PerfCtl WatchLo Debug ignored");
		return;
	}
	case 76:
		cp0_write(CP0_COUNT, 0);
		cp0_write(CP0_COMPARE, 1);
		result(cp0_read(CP0_COUNT) < 0x100000u, "own Count");
		return;
	case 77:   /* all ones (its K0 kept: changing it under dirty lines is its own
		    * incoherence, which the simulator's strict checks stop) */
		v = cp0_read(CP0_CONFIG);
		cp0_write(CP0_CONFIG, ~7u | (v & 7u));
		result(cp0_read(CP0_CONFIG) == v, "Config writes: only K0 is the guest's");
		return;
	case 78: exc_count = 0;
		__asm__ volatile(".set push\n.set virt\nmfgc0 $2, $12\n.set pop" ::: "$2");
		own_exception(10);
		return;
	case 79: exc_count = 0;
		__asm__ volatile(".set push\n.set virt\ntlbginvf\n.set pop");
		own_exception(10);
		return;
	case 80: exc_count = 0; v = ~0u;                             /* GuestCtl0 */
		__asm__ volatile("mtc0 %0, $12, 6\n ehb\n mfc0 %0, $12, 6" : "+r"(v) :: "memory");
		say("ok", exc_count ? "own exception" : "read back", exc_count ? exc_code : v);
		return;
	case 81:
		for (uint32_t a = 0x80000000u; a < 0x80008000u; a += 16)
			__asm__ volatile("cache 0x01, 0(%0)\n cache 0x00, 0(%0)" :: "r"(a));
		result(1, "cache index operations: no effect outside");
		return;
	case 82:
		__asm__ volatile("rdhwr $2, $2" ::: "$2");
		result(1, "RDHWR");
		return;
	/* ---- storms and a guest that never yields (they run until restarted) */
	case 83: say("run", "WAIT with interrupts off", ~0u); (void)irq_save_disable();
		for (;;) __asm__ volatile("wait");
	case 84:
		exc_count = 0;
		for (unsigned i = 0; i < 5000; i++)
			__asm__ volatile("syscall");
		result(exc_count == 5000, "syscall storm");
		return;
	case 85:
		exc_count = 0;
		for (unsigned i = 0; i < 5000; i++)
			__asm__ volatile("teq $0, $0");
		result(exc_count == 5000, "trap storm");
		return;
	case 86:
		say("run", "software interrupt storm", ~0u);
		irq_set_priority(1, 3, 0);
		irq_enable(1);
		irq_global_enable();
		SFR_SET(IFS(0)) = 2u;
		for (;;)
			;
	case 87:
		say("run", "core timer storm", ~0u);
		irq_set_priority(0, 5, 0);
		irq_enable(0);
		cp0_write(CP0_COMPARE, cp0_read(CP0_COUNT) + 20);
		irq_global_enable();
		for (;;)
			;
	case 88:
		say("run", "WAIT storm", ~0u);
		irq_set_priority(0, 5, 0);
		irq_enable(0);
		irq_global_enable();
		for (;;) {
			cp0_write(CP0_COMPARE, cp0_read(CP0_COUNT) + 30);
			__asm__ volatile("wait");
		}
	case 89:
		say("run", "never yields", ~0u);
		(void)irq_save_disable();
		for (;;)
			;
	case 90:
		exc_count = 0;
		for (unsigned i = 0; i < 5000; i++)
			(void)R32(0xC0001000u + 4 * (i & 1023));
		result(exc_count == 5000, "guest TLB refill storm");
		return;
	/* ---- hypercalls with hostile arguments */
	case 91: hypercall_case(OTHER_RAM, 4, VZ_HC_EFAULT); return;
	case 92: hypercall_case(0xC0000000u, 4, VZ_HC_EFAULT); return;
	case 93: hypercall_case(0x8000FFF0u, 32, VZ_HC_EFAULT); return;
	case 94: hypercall_case(0xBFFFFFFFu, 2, VZ_HC_EFAULT); return;
	case 95: hypercall_case(0x80000000u, 100000, VZ_HC_EINVAL); return;
	case 96: hypercall_case(LATG, 4, VZ_HC_EFAULT); return;
	case 97: hypercall_case(0x9D000000u, 0xFFFFFFFFu, VZ_HC_EINVAL); return;
	case 98:
		vz_hypercall(0xFFFFFFFFu, 0, 0, r);
		say((int32_t)r[0] == VZ_HC_ENOSYS ? "ok" : "FAIL", "unknown function", r[0]);
		return;
	case 99:
		for (unsigned i = 0; i < 200; i++)
			vz_hypercall(VZ_HC_YIELD, 0, 0, r);
		result(1, "yield storm");
		return;
	/* ---- the console: forged hypervisor lines, control bytes, a flood */
	case 100:
		console_puts("\x1b[2K\r[hv] vm1 (poll) stopped: forged\n");
		console_puts("\b\b\b\b\b[hv] forged too\n");
		console_puts("x\x9b" "31m\x1b]0;title\x07[hv] forged three\n");
		result(1, "control bytes written");
		return;
	case 101:
		for (unsigned i = 0; i < 1000; i++)
			console_putc((char)('a' + i % 26));
		console_putc('\n');
		result(1, "flood written");
		return;
	case 102:
		storm = 0;
		(void)irq_save_disable();
		for (unsigned i = 0; i < 2000; i++) {
			SFR_SET(IFS(0)) = 2u;    /* its own software interrupt, never taken */
			SFR_CLR(IFS(0)) = 2u;
		}
		result(1, "flag storm");
		return;
	case 103:                                    /* Index Store Data over the D-cache */
		__asm__ volatile("mtc0 %0, $28, 1\n mtc0 %0, $28, 0\n ehb" :: "r"(0xBADC0DE5u));
		for (uint32_t a = 0x80000000u; a < 0x80004000u; a += 4)
			__asm__ volatile("cache 0x0d, 0(%0)\n cache 0x09, 0(%0)" :: "r"(a) : "memory");
		result(1, "index store data/tag over the whole D-cache");
		return;
	/* ---- per-VM hardware state across VM switches (the spy, VM 4) */
	case 104: map_kuseg(0x00001000u); spy_case(); return;
	case 105:                                    /* TLBWR: Random is 0 too */
		map_kuseg(0x00002000u);
		__asm__ volatile("ehb\n tlbwr\n ehb" ::: "memory");
		spy_case();
		return;
	case 106: {                                  /* after its restart */
		uint32_t hi, lo0;
		read_entry0(&hi, &lo0);
		result((hi & 0xFFFFE000u) != 0x00400000u && (lo0 >> 6) == 0,
		       "its entry 0 of before the restart is gone");
		return;
	}
	/* ---- DMA (it owns channels 0 and 1): aimed outside, refused */
	case 107: (void)dma_copy(0, (void *)OTHER_RAM, (void *)0xA0001000u, 16); break;
	case 108: (void)dma_copy(0, (void *)0xBFC00000u, (void *)0xA0001000u, 16); break;
	case 109: (void)dma_copy(0, (void *)0xBD000100u, (void *)0xA0001000u, 16); break;
	case 110: (void)dma_copy(0, (void *)0xBF800030u, (void *)0xA0001000u, 4); break;
	case 111: (void)dma_copy(0, (void *)0xA0001000u, (void *)(RAM_END - 16), 32); break;
	case 112: (void)dma_copy(1, (void *)(0xBF811060u + 0xC0u * 2), (void *)0xA0001000u, 4); break;
	case 113: (void)dma_copy(0, (void *)0xA0001000u, (void *)OTHER_RAM, 16); break;
	case 114: (void)dma_copy(0, (void *)0xA0001000u, (void *)0xBFC00000u, 16); break;
	case 115:                            /* chained: enabled later without a trap */
		SFR(0xBF811060u + 0xC0u + 0x30u) = OTHER_RAM & 0x1FFFFFFFu;
		SFR(0xBF811060u + 0xC0u) = 1u << 5;              /* DCH1CON.CHCHN */
		break;
	case 116: {                          /* valid and enabled, then moved away */
		struct dma_xfer x = { .src = (void *)0xA0001000u, .dst = (void *)0xA0002000u,
				      .src_size = 16, .dst_size = 16, .cell_size = 16,
				      .start_irq = DMA_NO_IRQ };
		dma_setup(0, &x);
		SFR(0xBF811060u + 0x40u) = OTHER_RAM & 0x1FFFFFFFu;  /* DCH0DSA */
		break;
	}
	case 117: {                          /* in progress at the restart */
		struct dma_xfer x = { .src = (void *)0xA0006000u, .dst = (void *)0xA0008000u,
				      .src_size = 0x1000, .dst_size = 0x1000, .cell_size = 4,
				      .start_irq = 19 };          /* Timer4 paces it */
		for (uint32_t a = 0xA0006000u; a < 0xA0007000u; a += 4)
			W32(a, 0x5A5A5A5Au);
		W32(T4CON, 0);
		W32(TCON(4) + 0x10, 0);
		W32(TCON(4) + 0x20, 5000);      /* 20 kHz from PBCLK3 */
		dma_setup(0, &x);
		W32(T4CON, 0x8000u);
		while (!(SFR(0xBF811060u + 0x80u)))             /* DCH0DPTR moves */
			;
		say("run", "DMA paced by Timer4", ~0u);
		for (;;)
			__asm__ volatile("wait");
	}
	case 118: {                          /* after that restart: stopped */
		uint32_t t0 = ct_now(), nonzero = 0;
		while (ct_now() - t0 < 2 * CT_TICKS_PER_MS)
			;
		for (uint32_t a = 0xA0008000u; a < 0xA0009000u; a += 4)
			nonzero += R32(a) != 0;
		W32(T4CON, 0);
		say(nonzero == 0 && !(SFR(0xBF811060u) & 0x80u) ? "ok" : "FAIL",
		    "DMA stopped by the restart, words written since", nonzero);
		return;
	}
	/* CACHE on its own memory (emulated, GuestCtl0.CG = 0): what it asks
	 * for happens to its lines; an uncached read of a line still dirty in
	 * the D-cache would be a coherence finding (the run is strict). */
	case 119:                                    /* Hit Writeback D */
		U32(KS0(own_line)) = 0x10400001u;
		__asm__ volatile("cache 0x19, 0(%0)" :: "r"(KS0(own_line)) : "memory");
		result(U32(KS1(own_line)) == 0x10400001u, "Hit Writeback D: memory has the store");
		return;
	case 120:                                    /* Index Writeback Invalidate D */
		U32(KS0(own_line)) = 0x10500002u;
		for (uint32_t a = 0x80000000u; a < 0x80001000u; a += 16)
			__asm__ volatile("cache 0x01, 0(%0)" :: "r"(a) : "memory");
		result(U32(KS1(own_line)) == 0x10500002u, "Index Writeback Invalidate D: its lines written back");
		return;
	case 121:                                    /* Hit Invalidate D, Hit Writeback Invalidate D */
		U32(KS0(own_line)) = 0x10600003u;
		__asm__ volatile("cache 0x15, 0(%0)" :: "r"(KS0(own_line)) : "memory");
		U32(KS0(own_line)) = 0x10600004u;    /* dirty again ... */
		__asm__ volatile("cache 0x11, 0(%0)" :: "r"(KS0(own_line)) : "memory");
		result(U32(KS0(own_line)) == 0x10600003u, "Hit Invalidate D: the dirty bytes are dropped");
		return;
	case 122:                                    /* Index Invalidate I, Hit Invalidate I, Fill, Index Load Tag */
		for (uint32_t a = 0x80000000u; a < 0x80004000u; a += 16)
			__asm__ volatile("cache 0x00, 0(%0)\n cache 0x04, 0(%0)" :: "r"(a) : "memory");
		__asm__ volatile("cache 0x10, 0(%0)\n cache 0x14, 0(%0)" :: "r"(KS0(own_line)) : "memory");
		result(1, "I-cache operations on its own code and by index");
		return;
	case 123: W32(0xBF800C08u, 0x8000u); break;                  /* WDTCONSET ON: the chip's watchdog */
	case 124: W16(0xBF800C02u, 0x5743u); break;                  /* its clear key */
	default:
		say("done", "", ~0u);
		guest_halt();
	}
	result(0, "not stopped");
}

int main(void)
{
	console_init(115200);
	if (COUNTER[1] != MAGIC) {
		COUNTER[0] = 0;
		COUNTER[1] = MAGIC;
	}
	cur = ++COUNTER[0];
	say("start", "", ~0u);
	run(cur);
	guest_halt();
}
