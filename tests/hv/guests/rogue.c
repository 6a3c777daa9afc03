/* SPDX-License-Identifier: Apache-2.0 */
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
#include "coretimer.h"
#include "guest.h"
#include "uart.h"

static void say(const char *s)
{
	console_puts("rogue: ");
	console_puts(s);
	console_putc('\n');
}

int main(void)
{
	console_init(115200);
	say("ready");
	for (;;) {
		int c = console_getc();
		if (c < 0) {
			sleep_ms(10);
			continue;
		}
		switch (c) {
		case 'o':
			SFR(0xA0020000u) = 0xBAD0BAD0u;
			say("wrote other guest RAM");
			break;
		case 'h':
			for (uint32_t a = 0xA0001000u; a < 0xA0003000u; a += 4)
				SFR(a) = 0xDEADBEEFu;
			say(SFR(0xA0001000u) == 0xDEADBEEFu ? "hv RAM overwritten: own RAM only" :
			    "hv RAM write lost");
			break;
		case 's':
			SFR(0xBF840200u) = 0;
			say("wrote T2CON");
			break;
		case 'i':
			SFR_CLR(IEC(0)) = 1u << 9;
			SFR_SET(IFS(0)) = 1u << 9;
			say(SFR(IEC(0)) & (1u << 9) ? "IEC0 bit 9 set?" : "IEC0 bit 9 clear");
			break;
		case 'f':
			SFR(0xBD000100u) = 0;
			say("wrote flash");
			break;
		case 'c': {
			uint32_t before = SFR(0xBF800000u);
			SFR(0xBF800000u) = ~before;
			say(SFR(0xBF800000u) == before ? "CFGCON unchanged" : "CFGCON changed");
			break;
		}
		case 'p':
			SFR(0xBF800040u) = 0xFFFFFFFFu;
			say(SFR(0xBF800040u) == 0xFFFFFFFFu ? "PMD1 changed" : "PMD1 unchanged");
			break;
		case 'd':
			say((SFR(0xBF800020u) & 0x0FFFFFFFu) == 0x0720E053u ? "DEVID PIC32MZ2048EFG100" :
			    "DEVID unknown");
			SFR(0xBF800020u) = 0;
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
