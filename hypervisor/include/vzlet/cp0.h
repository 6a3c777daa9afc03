/* SPDX-License-Identifier: Apache-2.0 */
/* cp0.h - root and guest CP0 register access (MIPS32r5 + VZ). */
#ifndef VZLET_CP0_H
#define VZLET_CP0_H

#include <stdint.h>

#define CP0_STR(x) #x
#define CP0_XSTR(x) CP0_STR(x)

#ifdef VZLET_HOST_STUB
/* Host builds of the hypervisor's C code (tests/fuzz): the registers are
 * variables of a stub arch layer instead of instructions. */
#include <vzlet_host_stub.h>
#else
/* Root CP0: read/write register (reg, sel). */
#define mfc0(reg, sel) ({ uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" CP0_XSTR(reg) ", " CP0_XSTR(sel) : "=r"(v_)); v_; })
#define mtc0(reg, sel, v) \
	__asm__ volatile("mtc0 %z0, $" CP0_XSTR(reg) ", " CP0_XSTR(sel) :: "Jr"((uint32_t)(v)))
/* Guest CP0 as root sees it (MFGC0/MTGC0). */
#define mfgc0(reg, sel) ({ uint32_t v_; \
	__asm__ volatile(".set push\n.set virt\nmfgc0 %0, $" CP0_XSTR(reg) ", " CP0_XSTR(sel) \
			 "\n.set pop" : "=r"(v_)); v_; })
#define mtgc0(reg, sel, v) \
	__asm__ volatile(".set push\n.set virt\nmtgc0 %z0, $" CP0_XSTR(reg) ", " CP0_XSTR(sel) \
			 "\n.set pop" :: "Jr"((uint32_t)(v)))

static inline void ehb(void) { __asm__ volatile("ehb" ::: "memory"); }
/* WAIT: sleep until an interrupt request (taken or not: Config7.WII). */
static inline void cpu_wait(void) { __asm__ volatile("wait" ::: "memory"); }
/* Instruction hazard barrier: JR.HB to the next instruction, so that fetch
 * sees a CP0 change that affects it (Status, EntryHi, Config.K0, TLB). */
static inline void jr_hb(void)
{
	uint32_t t_;
	__asm__ volatile(".set push\n.set noreorder\nla %0, 1f\njr.hb %0\nnop\n1:\n.set pop"
			 : "=r"(t_) :: "memory");
}

/* CACHE op, 0(addr): op is a constant (the instruction's op field). */
#define CACHE_OP(op, addr) \
	__asm__ volatile("cache " CP0_XSTR(op) ", 0(%0)" : : "r"((uint32_t)(addr)) : "memory")

/* Write back and drop [va, va + len) (KSEG0) from both caches: CACHE Hit
 * Writeback Invalidate D and Hit Invalidate I on each 16-byte line. */
static inline void cache_flush_range(volatile void *va, uint32_t len)
{
	uint32_t a = (uint32_t)va & ~15u, end = (uint32_t)va + len;
	for (; a < end; a += 16u) {
		__asm__ volatile("cache 0x15, 0(%0)\n\tcache 0x10, 0(%0)" : : "r"(a) : "memory");
	}
	__asm__ volatile("sync" ::: "memory");
}
#endif

/* (reg, sel) pairs. */
#define C0_INDEX        0, 0
#define C0_ENTRYLO0     2, 0
#define C0_ENTRYLO1     3, 0
#define C0_CONTEXT      4, 0
#define C0_USERLOCAL    4, 2
#define C0_PAGEMASK     5, 0
#define C0_PAGEGRAIN    5, 1
#define C0_WIRED        6, 0
#define C0_HWRENA       7, 0
#define C0_BADVADDR     8, 0
#define C0_BADINSTR     8, 1
#define C0_TAGLO        28, 0
#define C0_BADINSTRP    8, 2
#define C0_COUNT        9, 0
#define C0_ENTRYHI      10, 0
#define C0_GUESTCTL1    10, 4
#define C0_GUESTCTL2    10, 5
#define C0_GUESTCTL3    10, 6
#define C0_COMPARE      11, 0
#define C0_GUESTCTL0EXT 11, 4
#define C0_STATUS       12, 0
#define C0_INTCTL       12, 1
#define C0_SRSCTL       12, 2
#define C0_GUESTCTL0    12, 6
#define C0_GTOFFSET     12, 7
#define C0_CAUSE        13, 0
#define C0_EPC          14, 0
#define C0_NESTEDEPC    14, 2
#define C0_PRID         15, 0
#define C0_EBASE        15, 1
#define C0_CONFIG       16, 0
#define C0_CONFIG1      16, 1
#define C0_CONFIG3      16, 3
#define C0_CONFIG5      16, 5
#define C0_CONFIG6      16, 6
#define C0_CONFIG7      16, 7
#define C0_LLADDR       17, 0
#define C0_ERROREPC     30, 0
#define C0_KSCRATCH1    31, 2
#define C0_KSCRATCH2    31, 3

#define CP0_READ(r)      mfc0(r)
#define CP0_WRITE(r, v)  mtc0(r, v)
#define GCP0_READ(r)     mfgc0(r)
#define GCP0_WRITE(r, v) mtgc0(r, v)

/* Status */
#define ST_IE   0x00000001u
#define ST_EXL  0x00000002u
#define ST_ERL  0x00000004u
#define ST_IPL_SHIFT 10
#define ST_IPL_MASK  0x0000FC00u
#define ST_BEV  0x00400000u
#define ST_MX   0x01000000u
#define ST_FR   0x04000000u
#define ST_CU0  0x10000000u
#define ST_CU1  0x20000000u
/* Cause */
#define CA_EXC_SHIFT 2
#define CA_EXC_MASK  0x0000007Cu
#define CA_IV   0x00800000u
#define CA_DC   0x08000000u
#define CA_CE_SHIFT 28
#define CA_BD   0x80000000u

/* Config3.ISAOnExc: exceptions enter in microMIPS */
#define CFG3_ISAONEXC 0x00010000u
/* Exception codes */
#define EXC_INT  0
#define EXC_MOD  1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_ADEL 4
#define EXC_ADES 5
#define EXC_IBE  6
#define EXC_DBE  7
#define EXC_SYS  8
#define EXC_BP   9
#define EXC_RI   10
#define EXC_CPU  11
#define EXC_OV   12
#define EXC_TR   13
#define EXC_DSPDIS 26
#define EXC_GE   27
/* GuestCtl0 */
#define GC0_GM        0x80000000u
#define GC0_CP0       0x10000000u
#define GC0_AT_FULL   0x0C000000u
#define GC0_GT        0x02000000u
#define GC0_CG        0x01000000u
#define GC0_CF        0x00800000u
#define GC0_SFC1      0x00000001u
#define GC0_GEXC_SHIFT 2
#define GC0_GEXC_MASK  0x0000007Cu
#define GEXC_GPSI 0
#define GEXC_GSFC 1
#define GEXC_HC   2
#define GEXC_GRR  3
#define GEXC_GVA  8
#define GEXC_GHFC 9
#define GEXC_GPA  10
/* GuestCtl0Ext */
#define GC0X_FCD 0x00000008u
#define GC0X_CGI 0x00000010u
/* GuestCtl1 */
#define GC1_RID_SHIFT 16
/* GuestCtl2 (EIC mode) */
#define GC2_GRIPL_SHIFT 24
/* SRSCtl */
#define SRS_PSS_SHIFT 6
#define SRS_HSS_MASK  (0xFu << 26)
#define SRS_PSS_MASK  0x000003C0u
#define SRS_ESS_SHIFT 12

#endif
