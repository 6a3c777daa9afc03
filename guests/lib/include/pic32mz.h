/* SPDX-License-Identifier: Apache-2.0 */
/* pic32mz.h - the PIC32MZ EF special function registers the guest library
 * uses (KSEG1 addresses, hardware.md section 4). Most registers have
 * CLR/SET/INV aliases at +4/+8/+0xC; TXREG, RXREG and INTSTAT do not. */
#ifndef GUEST_PIC32MZ_H
#define GUEST_PIC32MZ_H

#include <stdint.h>

#define SFR(addr)        (*(volatile uint32_t *)(addr))
#define SFR_CLR(addr)    SFR((addr) + 0x4)
#define SFR_SET(addr)    SFR((addr) + 0x8)
#define SFR_INV(addr)    SFR((addr) + 0xC)

/* Clocks set by the DEVCFG words (guests/lib/boot/devcfg.S). */
#define SYSCLK_HZ        200000000u
#define PBCLK2_HZ        100000000u   /* UARTs */
#define PBCLK3_HZ        100000000u   /* timers, at the reset divider; the timer
                                       * code reads PB3DIV instead */
/* Peripheral bus clock dividers: PBCLKn = SYSCLK / (PBDIV + 1) */
#define PBDIV(n)         (0xBF801300u + 0x10u * ((n) - 1))
#define PBDIV_MASK       0x7Fu
#define CORETIMER_HZ     (SYSCLK_HZ / 2)

/* System */
#define CFGCON           0xBF800000u
#define DEVID            0xBF800020u
#define SYSKEY           0xBF800030u
#define PRECON           0xBF8E0000u

/* Watchdog timer */
#define WDTCON           0xBF800C00u
#define WDTCON_ON        (1u << 15)
#define WDTCON_WINEN     (1u << 0)
#define WDT_CLEAR_KEY    0x5743u        /* to WDTCON 31:16, one 16-bit store */

/* Interrupt controller (EVIC) */
#define INTCON           0xBF810000u
#define INTCON_MVEC      (1u << 12)
#define PRISS            0xBF810010u
#define INTSTAT          0xBF810020u
#define IFS(n)           (0xBF810040u + 0x10u * (n))
#define IEC(n)           (0xBF8100C0u + 0x10u * (n))
#define IPC(n)           (0xBF810140u + 0x10u * (n))
#define OFF(v)           (0xBF810540u + 4u * (v))
#define IRQ_VECTORS      214

/* UART n (1..6) */
#define UART_BASE(n)     (0xBF822000u + 0x200u * ((n) - 1))
#define UMODE(n)         (UART_BASE(n) + 0x00)
#define USTA(n)          (UART_BASE(n) + 0x10)
#define UTXREG(n)        (UART_BASE(n) + 0x20)
#define URXREG(n)        (UART_BASE(n) + 0x30)
#define UBRG(n)          (UART_BASE(n) + 0x40)
#define UMODE_ON         (1u << 15)
#define UMODE_BRGH       (1u << 3)
#define USTA_URXEN       (1u << 12)
#define USTA_UTXEN       (1u << 10)
#define USTA_UTXBF       (1u << 9)
#define USTA_TRMT        (1u << 8)
#define USTA_URXISEL_MASK (3u << 6)
#define USTA_OERR        (1u << 1)
#define USTA_URXDA       (1u << 0)
/* Fault, receive and transmit IRQs of UART n are UART_IRQ_FAULT(n) + 0, 1, 2. */
#define UART_IRQ_FAULT(n) ((n) == 1 ? 112u : (n) == 2 ? 145u : (n) == 3 ? 157u : \
			   (n) == 4 ? 170u : (n) == 5 ? 179u : 188u)
#define UART_IRQ_RX(n)   (UART_IRQ_FAULT(n) + 1)
#define UART_IRQ_TX(n)   (UART_IRQ_FAULT(n) + 2)

/* Timer n (1..9) */
#define TMR_BASE(n)      (0xBF840000u + 0x200u * ((n) - 1))
#define TCON(n)          (TMR_BASE(n) + 0x00)
#define TMR(n)           (TMR_BASE(n) + 0x10)
#define PR(n)            (TMR_BASE(n) + 0x20)
#define TCON_ON          (1u << 15)

/* Ports: A=0, B=1, C=2, D=3, E=4, F=5, G=6, H=7, J=8, K=9 */
#define PORT_A 0
#define PORT_B 1
#define PORT_D 3
#define PORT_F 5
#define PORT_G 6
#define PORT_BASE(p)     (0xBF860000u + 0x100u * (p))
#define ANSEL(p)         (PORT_BASE(p) + 0x00)
#define TRIS(p)          (PORT_BASE(p) + 0x10)
#define PORT(p)          (PORT_BASE(p) + 0x20)
#define LAT(p)           (PORT_BASE(p) + 0x30)

/* Peripheral pin select (UART4 on the Wi-Fire: RX RF2, TX RF8) */
#define U4RXR            0xBF801480u
#define RPF8R            0xBF801660u
#define U4RXR_RPF2       11u           /* input selection code for RF2 */
#define RPOUT_U4TX       2u            /* output function code for U4TX */

#endif
