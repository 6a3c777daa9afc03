/* SPDX-License-Identifier: Apache-2.0 */
/* cp0.h - MIPS coprocessor 0 access for guests (M5150, MIPS32r5). */
#ifndef GUEST_CP0_H
#define GUEST_CP0_H

#include <stdint.h>

#define CP0_COUNT        9, 0
#define CP0_COMPARE      11, 0
#define CP0_STATUS       12, 0
#define CP0_INTCTL       12, 1
#define CP0_CAUSE        13, 0
#define CP0_EPC          14, 0
#define CP0_EBASE        15, 1
#define CP0_CONFIG       16, 0

#define CP0_READ_(reg, sel) ({ uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_)); v_; })
#define CP0_WRITE_(reg, sel, v) \
	__asm__ volatile("mtc0 %z0, $" #reg ", " #sel "\n\tehb" : : "Jr"((uint32_t)(v)) : "memory")
/* cp0_read(CP0_STATUS), cp0_write(CP0_COMPARE, x) */
#define cp0_read(r)      CP0_READ_(r)
#define cp0_write(r, v)  CP0_WRITE_(r, v)

#define ST_IE            (1u << 0)
#define ST_EXL           (1u << 1)
#define ST_ERL           (1u << 2)
#define ST_IPL_SHIFT     10
#define ST_IPL_MASK      (0x3Fu << 10)
#define ST_BEV           (1u << 22)
#define CAUSE_IV         (1u << 23)
#define CAUSE_EXCCODE(c) (((c) >> 2) & 0x1F)
#define INTCTL_VS_32     (1u << 5)

#endif
