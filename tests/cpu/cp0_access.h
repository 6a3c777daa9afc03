/* SPDX-License-Identifier: Apache-2.0 */
/* cp0_access.h - CP0 register access for the cpu test programs. */
#ifndef CP0_ACCESS_H
#define CP0_ACCESS_H
#include <stdint.h>

#define MFC0(reg, sel) ({ uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_)); v_; })
/* noreorder: the assembler must not move the EHB into a following
 * branch's delay slot (the branch would then run inside the hazard). */
#define MTC0(reg, sel, v) \
	__asm__ volatile(".set push\n\t.set noreorder\n\tmtc0 %0, $" #reg ", " #sel "\n\tehb\n\t.set pop" \
			 : : "r"((uint32_t)(v)) : "memory")

#define CP0_STATUS_BEV 0x00400000u
#define CP0_STATUS_ERL 0x00000004u
#define CP0_STATUS_EXL 0x00000002u
#define CP0_STATUS_IE  0x00000001u
#define CP0_STATUS_KSU_USER 0x00000010u
#define CP0_CAUSE_BD 0x80000000u
#define CP0_CAUSE_TI 0x40000000u
#define CP0_CAUSE_DC 0x08000000u
#define CP0_CAUSE_IV 0x00800000u

static inline void tlbwi(void) { __asm__ volatile("tlbwi\n\tehb" ::: "memory"); }
static inline void tlbwr(void) { __asm__ volatile("tlbwr\n\tehb" ::: "memory"); }
static inline void tlbp(void) { __asm__ volatile("tlbp\n\tehb" ::: "memory"); }
static inline void tlbr(void) { __asm__ volatile("tlbr\n\tehb" ::: "memory"); }

/* EntryLo for physical address pa: PFN, cacheability c, dirty, valid, global. */
#define ENTRYLO(pa, c, d, v, g) \
	((((uint32_t)(pa) >> 12) << 6) | ((c) << 3) | ((d) << 2) | ((v) << 1) | (g))

/* Vector stub at base + off (base in KSEG0 RAM): jump to the test library's
 * common exception entry with k1 = off, as the BEV vectors do. */
static inline void install_vector_stub(uint32_t base, uint32_t off)
{
	extern char test_exc_entry[];
	uint32_t target = (uint32_t)test_exc_entry;
	volatile uint32_t *p = (volatile uint32_t *)((base | 0x20000000u) + off);
	p[0] = 0x3C1A0000u | (target >> 16);       /* lui k0, hi */
	p[1] = 0x375A0000u | (target & 0xFFFF);     /* ori k0, k0, lo */
	p[2] = 0x03400008u;                         /* jr k0 */
	p[3] = 0x241B0000u | off;                   /* li k1, off */
}

#endif
