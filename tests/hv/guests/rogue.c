/* rogue.c - a misbehaving guest for the containment tests. It idles on its
 * console and, for each key, attempts one thing a partitioned guest must not
 * be able to do on the bare chip's addresses:
 *   o  write another guest's RAM (physical 0x20000, VM 2 in tests/hv/systems)
 *   h  overwrite the hypervisor's RAM (physical 0x1000-0x2fff)
 *   s  write an SFR it does not own (Timer2's T2CON, owned by VM 2)
 *   i  clear another guest's interrupt enable (Timer2, IEC0 bit 9)
 *   f  write its own program flash
 *   c  write CFGCON (a write-ignored block): must read back unchanged
 *   p  write PMD1 (a write-logged block): dropped, reported by the hypervisor
 *   d  read DEVID (a read-only block), then write it: stopped
 *   b  spin forever without WAIT (the others must keep their schedule)
 * After each attempt it reports what it observed; a contained fault stops it
 * before that. */
#include "../../../guests/poll/board.h"

int main(void);
void guest_interrupt(void);

void guest_interrupt(void)
{
}

static void say(const char *s)
{
	console_puts("rogue: ");
	console_puts(s);
	console_putc('\n');
}

static void pause_10ms(void)
{
	uint32_t when = read_count() + 10 * TICKS_PER_MS;
	write_compare(when);
	CLR(IFS(0)) = 1;
	while ((int32_t)(read_count() - when) < 0)
		__asm__ volatile("wait");
}

int main(void)
{
	console_init();
	REG(INTCON) = 0;
	SET(IPC(0)) = 1u << 2;             /* core timer wakes WAIT */
	SET(IEC(0)) = 1;
	say("ready");
	for (;;) {
		int c = console_getc();
		if (c < 0) {
			pause_10ms();
			continue;
		}
		switch (c) {
		case 'o':
			REG(0xA0020000u) = 0xBAD0BAD0u;
			say("wrote other guest RAM");
			break;
		case 'h':
			for (uint32_t a = 0xA0001000u; a < 0xA0003000u; a += 4)
				REG(a) = 0xDEADBEEFu;
			say(REG(0xA0001000u) == 0xDEADBEEFu ? "hv RAM overwritten: own RAM only" :
			    "hv RAM write lost");
			break;
		case 's':
			REG(0xBF840200u) = 0;
			say("wrote T2CON");
			break;
		case 'i':
			CLR(IEC(0)) = 1u << 9;
			SET(IFS(0)) = 1u << 9;
			say(REG(IEC(0)) & (1u << 9) ? "IEC0 bit 9 set?" : "IEC0 bit 9 clear");
			break;
		case 'f':
			REG(0xBD000100u) = 0;
			say("wrote flash");
			break;
		case 'c': {
			uint32_t before = REG(0xBF800000u);
			REG(0xBF800000u) = ~before;
			say(REG(0xBF800000u) == before ? "CFGCON unchanged" : "CFGCON changed");
			break;
		}
		case 'p':
			REG(0xBF800040u) = 0xFFFFFFFFu;
			say(REG(0xBF800040u) == 0xFFFFFFFFu ? "PMD1 changed" : "PMD1 unchanged");
			break;
		case 'd':
			say((REG(0xBF800020u) & 0x0FFFFFFFu) == 0x0720E053u ? "DEVID PIC32MZ2048EFG100" :
			    "DEVID unknown");
			REG(0xBF800020u) = 0;
			say("wrote DEVID");
			break;
		case 'b':
			say("spinning");
			for (volatile uint32_t n = 0;; n++)
				if ((n & 0x3FFFF) == 0)
					console_putc('+');
		}
	}
}
