/* board.h - the few chipKIT Wi-Fire / PIC32MZ EF facts the demo guests use
 * (shared by guests/poll and guests/irq). */
#ifndef DEMO_BOARD_H
#define DEMO_BOARD_H

#include <stdint.h>

#define REG(a)       (*(volatile uint32_t *)(a))
#define CLR(a)       REG((a) + 4)
#define SET(a)       REG((a) + 8)
#define INV(a)       REG((a) + 12)

/* Interrupt controller */
#define INTCON       0xBF810000u
#define IFS(n)       (0xBF810040u + 0x10u * (n))
#define IEC(n)       (0xBF8100C0u + 0x10u * (n))
#define IPC(n)       (0xBF810140u + 0x10u * (n))
#define OFF(k)       (0xBF810540u + 4u * (k))
#define INTCON_MVEC  0x1000u

/* UART4: the Wi-Fire's USB serial console; vectors 170 (fault), 171, 172 */
#define U4MODE       0xBF822600u
#define U4STA        0xBF822610u
#define U4TXREG      0xBF822620u
#define U4RXREG      0xBF822630u
#define U4BRG        0xBF822640u
#define U4_RX_IRQ    171u

/* Timer2 (PBCLK3 = 100 MHz), vector 9 */
#define T2CON        0xBF840200u
#define TMR2         0xBF840210u
#define PR2          0xBF840220u
#define T2_IRQ       9u

/* Ports: LD1 = RG6, LD2 = RD4, LD3 = RB11, LD4 = RG15 */
#define PORT(i)      (0xBF860000u + 0x100u * (i))
#define PORT_B       1
#define PORT_D       3
#define PORT_G       6
#define TRIS(i)      (PORT(i) + 0x10)
#define LAT(i)       (PORT(i) + 0x30)

/* Core timer: Count runs at SYSCLK / 2 = 100 MHz. */
#define TICKS_PER_MS 100000u

static inline uint32_t read_count(void)
{
	uint32_t v;
	__asm__ volatile("mfc0 %0, $9" : "=r"(v));
	return v;
}

static inline void write_compare(uint32_t v)
{
	__asm__ volatile("mtc0 %0, $11" :: "r"(v));
}

static inline void console_init(void)
{
	REG(U4MODE) = 0;
	REG(U4BRG) = 216;                  /* 115200 from 100 MHz, BRGH = 1 */
	REG(U4STA) = 0x1400;               /* URXEN | UTXEN */
	REG(U4MODE) = 0x8008;              /* ON | BRGH */
}

static inline void console_putc(char c)
{
	while (REG(U4STA) & 0x200)         /* UTXBF */
		;
	REG(U4TXREG) = (uint8_t)c;
}

static inline void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

static inline int console_getc(void)
{
	if (REG(U4STA) & 2)                /* OERR: clear, keep going */
		CLR(U4STA) = 2;
	if (!(REG(U4STA) & 1))             /* URXDA */
		return -1;
	return (int)(REG(U4RXREG) & 0xFF);
}

#endif
