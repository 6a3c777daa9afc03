/* SPDX-License-Identifier: Apache-2.0 */
/* pic32.h - the few PIC32MZ registers and CP0 accessors the SoC target
 * tests use (KSEG1 addresses, hardware.md section 4). */
#ifndef SOC_TARGET_PIC32_H
#define SOC_TARGET_PIC32_H
#include <stdint.h>

#define SFR(a) (*(volatile uint32_t *)(a))
#define CLR(a) SFR((a) + 4)
#define SET(a) SFR((a) + 8)

#define INTCON  0xBF810000u
#define INTSTAT 0xBF810020u
#define IFS(n)  (0xBF810040u + 0x10 * (n))
#define IEC(n)  (0xBF8100C0u + 0x10 * (n))
#define IPC(n)  (0xBF810140u + 0x10 * (n))
#define INTCON_MVEC (1u << 12)

#define UMODE(n) (0xBF822000u + 0x200 * ((n) - 1))
#define USTA(n)  (UMODE(n) + 0x10)
#define UTX(n)   (UMODE(n) + 0x20)
#define URX(n)   (UMODE(n) + 0x30)
#define UBRG(n)  (UMODE(n) + 0x40)
#define UMODE_ON     (1u << 15)
#define UMODE_LPBACK (1u << 6)
#define USTA_URXEN (1u << 12)
#define USTA_UTXEN (1u << 10)
#define USTA_TRMT  (1u << 8)
#define USTA_OERR  (1u << 1)
#define USTA_URXDA (1u << 0)

#define TCON(n) (0xBF840000u + 0x200 * ((n) - 1))
#define TTMR(n) (TCON(n) + 0x10)
#define TPR(n)  (TCON(n) + 0x20)
#define TCON_ON (1u << 15)

#define MFC0(reg, sel) ({ uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_)); v_; })
#define MTC0(reg, sel, v) /* noreorder: the EHB never lands in a delay slot */ \
	__asm__ volatile(".set push\n\t.set noreorder\n\tmtc0 %0, $" #reg ", " #sel "\n\tehb\n\t.set pop" \
			 : : "r"((uint32_t)(v)) : "memory")

#define CP0_COUNT()  MFC0(9, 0)
#define ST_IE  0x00000001u
#define ST_BEV 0x00400000u
#define CAUSE_IV 0x00800000u
#define CAUSE_RIPL(c) (((c) >> 10) & 0x3Fu)

/* Set priority/subpriority of vector v and enable it. */
static inline void irq_enable(unsigned v, unsigned pri, unsigned sub)
{
	unsigned sh = (v % 4) * 8;
	CLR(IPC(v / 4)) = 0x1Fu << sh;
	SET(IPC(v / 4)) = (pri << 2 | sub) << sh;
	SET(IEC(v / 32)) = 1u << (v % 32);
}

static inline void irq_clear(unsigned v) { CLR(IFS(v / 32)) = 1u << (v % 32); }

/* Return from a handler at IPL 0 whatever the entry did to Status.IPL (the
 * start-up code does not restore Status; EXL keeps interrupts off here). */
static inline void irq_return_ipl0(void) { MTC0(12, 0, MFC0(12, 0) & ~0x0000FC00u); }

static inline void wait_for_interrupt(void) { __asm__ volatile("wait" ::: "memory"); }

#endif
