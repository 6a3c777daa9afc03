/* SPDX-License-Identifier: Apache-2.0 */
/* devcfg.S - device configuration words for a chipKIT Wi-Fire at 200 MHz.
 *
 * The chip reads these from boot flash at reset (DEVCFG3..0 at 0x1FC0FFC0,
 * the alternate copies at 0x1FC0FF40). The Wi-Fire has a 24 MHz external
 * clock (EC) on the primary oscillator input; the chipKIT core runs it as:
 *   POSC 24 MHz / FPLLIDIV 3 = 8 MHz (FPLLRNG 5-10 MHz)
 *   8 MHz * FPLLMULT 50 = 400 MHz VCO / FPLLODIV 2 = 200 MHz SYSCLK.
 * Field layout from the PIC32MZ EC/EF DEVCFG definitions (NuttX pic32mz
 * headers); reserved bits are written as one. See docs/guest-lib.md.
 *
 * DEVCFG3 0xC7FFFFFF  USERID 0xFFFF, FMIIEN 1, FETHIO 1, FUSBIDIO 1,
 *                     PGL1WAY/PMDL1WAY/IOL1WAY 0 (the hypervisor may set
 *                     permission groups, PMD and PPS more than once)
 * DEVCFG2 0xFFF9B11A  FPLLIDIV /3 (2), FPLLRNG 5-10 MHz (1), FPLLICLK POSC (0),
 *                     FPLLMULT x50 (49), FPLLODIV /2 (1), UPLLFSEL 24 MHz (1)
 * DEVCFG1 0x0374FC39  FNOSC SPLL (1), DMTINTV 127/128, FSOSCEN 0, IESO 0,
 *                     POSCMOD EC (0), OSCIOFNC 1 (CLKO off), FCKSM 3,
 *                     WDTPS 1:1048576, WDTSPGM 1, WINDIS 1, FWDTEN 0 (watchdog
 *                     off), FWDTWINSZ 25%, FDMTEN 0 (deadman timer off)
 * DEVCFG0 0xFFFFFBDB  DEBUG off (3), JTAGEN 0, ICESEL PGEC1 (3), TRCEN 0,
 *                     BOOTISA MIPS32 (1), FECCCON off/writable (3), FSLEEP 0,
 *                     DBGPER all (7), EJTAGBEN normal (1)
 */
#define WIFIRE_DEVCFG3 0xC7FFFFFF
#define WIFIRE_DEVCFG2 0xFFF9B11A
#define WIFIRE_DEVCFG1 0x0374FC39
#define WIFIRE_DEVCFG0 0xFFFFFBDB

	.section .adevcfg, "a", @progbits
	.globl _adevcfg
_adevcfg:
	.word WIFIRE_DEVCFG3, WIFIRE_DEVCFG2, WIFIRE_DEVCFG1, WIFIRE_DEVCFG0

	.section .devcfg, "a", @progbits
	.globl _devcfg
_devcfg:
	.word WIFIRE_DEVCFG3, WIFIRE_DEVCFG2, WIFIRE_DEVCFG1, WIFIRE_DEVCFG0
