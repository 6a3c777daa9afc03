/* SPDX-License-Identifier: Apache-2.0 */
/* vz_policy.c - see vz_policy.h. Each table entry cites its reason in
 * docs/simulator-vz.md (section numbers in brackets). */
#include "vz_policy.h"

/* Guest Status bits used below. */
#define ST_CU3  0x80000000u
#define ST_CU2  0x40000000u
#define ST_CU1  0x20000000u
#define ST_CU0  0x10000000u
#define ST_RP   0x08000000u
#define ST_FR   0x04000000u
#define ST_RE   0x02000000u
#define ST_MX   0x01000000u
#define ST_BEV  0x00400000u
#define ST_SR   0x00100000u
#define ST_NMI  0x00080000u
#define ST_IPL  0x0000FC00u
#define ST_IM10 0x00000300u
#define ST_TS   0x00200000u
#define ST_KSU  0x00000018u
#define ST_ERL  0x00000004u
#define ST_EXL  0x00000002u
#define ST_IE   0x00000001u

#define CA_DC   0x08000000u
#define CA_IV   0x00800000u
#define CA_WP   0x00400000u
#define CA_IP10 0x00000300u

/* [3.1] Registers of the guest CP0 context. */
bool vz_policy_guest_has(unsigned reg, unsigned sel)
{
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(0, 0):   /* Index */
	case VZ_CP0(1, 0):   /* Random */
	case VZ_CP0(2, 0):   /* EntryLo0 */
	case VZ_CP0(3, 0):   /* EntryLo1 */
	case VZ_CP0(4, 0):   /* Context */
	case VZ_CP0(4, 2):   /* UserLocal */
	case VZ_CP0(5, 0):   /* PageMask */
	case VZ_CP0(5, 1):   /* PageGrain */
	case VZ_CP0(6, 0):   /* Wired */
	case VZ_CP0(7, 0):   /* HWREna */
	case VZ_CP0(8, 0):   /* BadVAddr */
	case VZ_CP0(8, 1):   /* BadInstr */
	case VZ_CP0(8, 2):   /* BadInstrP */
	case VZ_CP0(9, 0):   /* Count */
	case VZ_CP0(10, 0):  /* EntryHi */
	case VZ_CP0(11, 0):  /* Compare */
	case VZ_CP0(12, 0):  /* Status */
	case VZ_CP0(12, 1):  /* IntCtl */
	case VZ_CP0(12, 2):  /* SRSCtl (guest accesses trap; root keeps 0) */
	case VZ_CP0(12, 3):  /* SRSMap */
	case VZ_CP0(12, 4):  /* View_IPL */
	case VZ_CP0(12, 5):  /* SRSMap2 */
	case VZ_CP0(13, 0):  /* Cause */
	case VZ_CP0(13, 4):  /* View_RIPL */
	case VZ_CP0(13, 5):  /* NestedExc */
	case VZ_CP0(14, 0):  /* EPC */
	case VZ_CP0(14, 2):  /* NestedEPC */
	case VZ_CP0(15, 1):  /* EBase */
	case VZ_CP0(16, 0):  /* Config0..5 */
	case VZ_CP0(16, 1):
	case VZ_CP0(16, 2):
	case VZ_CP0(16, 3):
	case VZ_CP0(16, 4):
	case VZ_CP0(16, 5):
	case VZ_CP0(17, 0):  /* LLAddr */
	case VZ_CP0(30, 0):  /* ErrorEPC */
	case VZ_CP0(31, 2):  /* KScratch1 */
	case VZ_CP0(31, 3):  /* KScratch2 */
		return true;
	default:
		return false;
	}
}

/* [3.2] Registers a guest never reaches directly even with CP0 = 1: they are
 * shared with root or describe the real machine, so root emulates them. */
static bool always_gpsi(unsigned reg, unsigned sel)
{
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(12, 2):  /* SRSCtl */
	case VZ_CP0(12, 3):  /* SRSMap */
	case VZ_CP0(12, 5):  /* SRSMap2 */
		return true;
	default:
		break;
	}
	/* Everything outside the guest context: PRId, CDMMBase, Config6/7,
	 * Watch*, Debug, DEPC, PerfCtl/Cnt, ErrCtl, CacheErr, TagLo/DataLo,
	 * DESAVE and the root-only VZ registers. */
	return !vz_policy_guest_has(reg, sel);
}

static bool is_timer_reg(unsigned reg, unsigned sel)
{
	return sel == 0 && (reg == 9 || reg == 11);
}

static bool is_config_reg(unsigned reg, unsigned sel)
{
	return reg == 16 && sel <= 5;
}

enum vz_verdict vz_policy_mfc0(unsigned reg, unsigned sel, uint32_t gctl0,
			       uint32_t gctl0ext)
{
	(void)gctl0ext;
	if (!(gctl0 & VZ_GC0_CP0))
		return VZ_GPSI;                   /* [3.3] */
	if (always_gpsi(reg, sel))
		return VZ_GPSI;
	if (is_timer_reg(reg, sel) && !(gctl0 & VZ_GC0_GT))
		return VZ_GPSI;                   /* [3.4] reads too */
	return VZ_EXEC;                           /* Config reads never trap [3.5] */
}

uint32_t vz_policy_gsfc_mask(unsigned reg, unsigned sel, uint32_t gctl0,
			     uint32_t gctl0ext)
{
	uint32_t m = 0;
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(12, 0):  /* Status [3.6] */
		m = ST_CU3 | ST_CU2 | ST_CU1 | ST_RP | ST_FR | ST_RE | ST_MX;
		if ((gctl0 & VZ_GC0_MC) && !(gctl0ext & VZ_GC0X_FCD))
			m |= ST_EXL | ST_ERL | ST_KSU;
		if (gctl0 & VZ_GC0_SFC2)
			m |= ST_BEV | ST_SR | ST_NMI;
		break;
	case VZ_CP0(13, 0):  /* Cause */
		m = CA_DC | CA_IV;
		if (gctl0 & VZ_GC0_SFC1)
			m |= CA_WP | CA_IP10;
		break;
	case VZ_CP0(12, 1):  /* IntCtl.VS */
		m = 0x000003E0u;
		break;
	case VZ_CP0(5, 1):   /* PageGrain: all of it */
		m = vz_policy_guest_wmask(5, 1);
		break;
	case VZ_CP0(16, 5):  /* Config5: all of it (reached only with CF = 1) */
		m = vz_policy_guest_wmask(16, 5);
		break;
	default:
		break;
	}
	return m & vz_policy_guest_wmask(reg, sel);
}

enum vz_verdict vz_policy_mtc0(unsigned reg, unsigned sel, uint32_t gctl0,
			       uint32_t gctl0ext, uint32_t old, uint32_t val)
{
	if (!(gctl0 & VZ_GC0_CP0))
		return VZ_GPSI;
	if (always_gpsi(reg, sel))
		return VZ_GPSI;
	if (is_timer_reg(reg, sel) && !(gctl0 & VZ_GC0_GT))
		return VZ_GPSI;
	if (is_config_reg(reg, sel) && !(gctl0 & VZ_GC0_CF))
		return VZ_GPSI;                   /* [3.5] */
	if ((old ^ val) & vz_policy_gsfc_mask(reg, sel, gctl0, gctl0ext))
		return VZ_GSFC;
	return VZ_EXEC;
}

enum vz_verdict vz_policy_privop(enum vz_privop op, uint32_t gctl0)
{
	if (op == VZ_OP_WAIT)
		return VZ_GPSI;                   /* [3.7] always */
	if (op == VZ_OP_DERET)
		return VZ_GPSI;                   /* no guest debug mode */
	if (!(gctl0 & VZ_GC0_CP0))
		return VZ_GPSI;                   /* [3.3] */
	return VZ_EXEC;
}

enum vz_verdict vz_policy_cache(unsigned op, uint32_t gctl0, uint32_t gctl0ext)
{
	/* [3.8] op bits 4:2 = 0..3 address a line by index (3: the M5150's
	 * Index Store Data, which writes any line's data array). */
	bool index_op = ((op >> 2) & 7) <= 3;
	if (!(gctl0 & VZ_GC0_CP0) || !(gctl0 & VZ_GC0_CG))
		return VZ_GPSI;
	if (index_op && !(gctl0ext & VZ_GC0X_CGI))
		return VZ_GPSI;
	return VZ_EXEC;
}

enum vz_verdict vz_policy_rdhwr(unsigned rd, uint32_t gctl0)
{
	/* [3.4] CC (2) is the guest Count. */
	if (rd == 2 && !(gctl0 & VZ_GC0_GT))
		return VZ_GPSI;
	return VZ_EXEC;
}

bool vz_policy_ghfc(uint32_t gctl0, uint32_t gctl0ext, bool irq_accepted)
{
	/* [3.9] */
	if (!(gctl0 & VZ_GC0_MC))
		return false;
	return irq_accepted || !(gctl0ext & VZ_GC0X_FCD);
}

/* [3.10] */
uint32_t vz_policy_guest_wmask(unsigned reg, unsigned sel)
{
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(0, 0):  return 0x0000000Fu;           /* Index (P is ro) */
	case VZ_CP0(2, 0):
	case VZ_CP0(3, 0):  return 0xC3FFFFFFu;           /* EntryLo: RI XI PFN C D V G */
	case VZ_CP0(4, 0):  return 0xFF800000u;           /* Context.PTEBase */
	case VZ_CP0(4, 2):  return 0xFFFFFFFFu;           /* UserLocal */
	case VZ_CP0(5, 0):  return 0x1FFFE000u;           /* PageMask 4 KB..256 MB */
	case VZ_CP0(5, 1):  return 0xC8000000u;           /* PageGrain RIE XIE IEC */
	case VZ_CP0(6, 0):  return 0x0000000Fu;           /* Wired */
	case VZ_CP0(7, 0):  return 0x2000000Fu;           /* HWREna: ULR, 3..0 */
	case VZ_CP0(9, 0):  return 0xFFFFFFFFu;           /* Count */
	case VZ_CP0(10, 0): return 0xFFFFE4FFu;           /* EntryHi VPN2 EHINV ASID */
	case VZ_CP0(11, 0): return 0xFFFFFFFFu;           /* Compare */
	case VZ_CP0(12, 0):
		/* as the core's root Status (no CU3/CU2/RE on the M5150) */
		return ST_CU1 | ST_CU0 | ST_RP | ST_FR | ST_MX | ST_BEV | ST_TS |
		       ST_SR | ST_NMI | ST_IPL | ST_IM10 | ST_KSU | ST_ERL | ST_EXL |
		       ST_IE;
	case VZ_CP0(12, 1): return 0x000003E0u;           /* IntCtl.VS */
	case VZ_CP0(12, 4): return 0x000000FCu;           /* View_IPL (IPL at 7:2) */
	case VZ_CP0(13, 0): return CA_DC | CA_IV | CA_WP | CA_IP10;
	case VZ_CP0(14, 0):                               /* EPC */
	case VZ_CP0(14, 2): return 0xFFFFFFFFu;           /* NestedEPC */
	case VZ_CP0(15, 1): return 0x3FFFF000u;           /* EBase */
	case VZ_CP0(16, 0): return 0x00000007u;           /* Config.K0 */
	case VZ_CP0(16, 3): return 0x00010000u;           /* Config3.ISAOnExc */
	case VZ_CP0(16, 5): return 0x00000144u;           /* Config5 UFR SBRI FRE */
	case VZ_CP0(30, 0):                               /* ErrorEPC */
	case VZ_CP0(31, 2):
	case VZ_CP0(31, 3): return 0xFFFFFFFFu;           /* KScratch */
	default:            return 0;                     /* read-only or absent */
	}
}

uint32_t vz_policy_root_wmask(unsigned reg, unsigned sel)
{
	if (!vz_policy_guest_has(reg, sel))
		return 0;
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(1, 0):  return 0;                     /* Random: hardware */
	case VZ_CP0(8, 0):
	case VZ_CP0(8, 1):
	case VZ_CP0(8, 2):  return 0xFFFFFFFFu;           /* BadVAddr/BadInstr(P) */
	case VZ_CP0(9, 0):  return 0;                     /* Count: via GTOffset */
	case VZ_CP0(12, 2): return 0x003CF3C0u;           /* SRSCtl EICSS ESS PSS */
	case VZ_CP0(12, 3):
	case VZ_CP0(12, 5): return 0xFFFFFFFFu;           /* SRSMap(2) */
	case VZ_CP0(13, 0): return 0x08C00300u | 0x0000007Cu | 0x80000000u; /* + ExcCode, BD */
	case VZ_CP0(13, 4): return 0;                     /* View_RIPL */
	case VZ_CP0(13, 5): return 0x000007FFu;           /* NestedExc */
	case VZ_CP0(16, 1): return 0x7E000000u;           /* Config1.MMUSize [3.11] */
	case VZ_CP0(16, 2): return 0;
	case VZ_CP0(16, 3): return 0x00010000u;           /* Config3.ISAOnExc */
	case VZ_CP0(16, 4): return 0;
	case VZ_CP0(17, 0): return 0xFFFFFFFFu;           /* LLAddr (save/restore) */
	case VZ_CP0(15, 1): return 0x3FFFF000u;
	default:            return vz_policy_guest_wmask(reg, sel);
	}
}

/* [3.12] Guest reset state: what a bare chip gives software at reset. */
uint32_t vz_policy_guest_reset(unsigned reg, unsigned sel)
{
	switch (VZ_CP0(reg, sel)) {
	case VZ_CP0(1, 0):  return VZ_GUEST_TLB_MAX - 1;  /* Random */
	case VZ_CP0(12, 0): return ST_BEV | ST_ERL;       /* 0x00400004 */
	case VZ_CP0(15, 1): return 0x80000000u;           /* EBase */
	case VZ_CP0(16, 0): return 0x80000482u;           /* M, AR=1, MT=TLB, K0=2 */
	case VZ_CP0(16, 1):
		/* M, MMUSize at its largest (14: 15 entries [4]), I$ 256x16Bx4,
		 * D$ 64x16Bx4, FP; no PC/WR/EP (perf counters, watch, EJTAG are
		 * root's) */
		return 0x80000000u | (VZ_GUEST_MMUSIZE_MAX << 25) | (2u << 22) | (3u << 19) |
		       (3u << 16) | (0u << 13) | (3u << 10) | (3u << 7) | 1u;
	case VZ_CP0(16, 2): return 0x80000000u;           /* M: Config3 follows */
	case VZ_CP0(16, 3):
		/* M, BP, BI, ISA (MIPS32 and microMIPS, MIPS32 at reset;
		 * ISAOnExc 0), ULRI, RXI, DSP2P, DSPP, VEIC, VInt; VZ = 0 (no
		 * nested VZ); the DSP ASE is usable by guests (guest MX) */
		return 0x80000000u | 0x08000000u | 0x04000000u | 0x00008000u | 0x00002000u |
		       0x00001000u | 0x00000800u | 0x00000400u | 0x00000040u | 0x00000020u;
	case VZ_CP0(16, 4): return 0x80000000u;           /* M: Config5 follows */
	default:            return 0;                     /* Config5 too */
	}
}

/* [3.13] */
uint32_t vz_policy_gctl0_reset(void)
{
	return (3u << VZ_GC0_AT_SHIFT) | VZ_GC0_G1 | VZ_GC0_G0E | VZ_GC0_G2;
}

uint32_t vz_policy_gctl0_write(uint32_t old, uint32_t val)
{
	const uint32_t w = VZ_GC0_GM | VZ_GC0_RI | VZ_GC0_MC | VZ_GC0_CP0 |
			   VZ_GC0_GT | VZ_GC0_CG | VZ_GC0_CF | VZ_GC0_PIP |
			   VZ_GC0_SFC2 | VZ_GC0_SFC1;
	return (old & ~w) | (val & w);
}

uint32_t vz_policy_gctl0ext_write(uint32_t old, uint32_t val)
{
	const uint32_t w = VZ_GC0X_NCC | VZ_GC0X_CGI | VZ_GC0X_FCD;
	return (old & ~w) | (val & w);
}

uint32_t vz_policy_gctl1_write(uint32_t old, uint32_t val)
{
	const uint32_t w = VZ_GC1_ID | VZ_GC1_RID;  /* EID ro 0 [3.14] */
	return (old & ~w) | (val & w);
}

uint32_t vz_policy_gctl2_write(uint32_t old, uint32_t val)
{
	const uint32_t w = VZ_GC2_GRIPL | VZ_GC2_GEICSS | VZ_GC2_GVEC;
	return (old & ~w) | (val & w);
}

uint32_t vz_policy_gctl3_write(uint32_t old, uint32_t val)
{
	return (old & ~VZ_GC3_GLSS) | (val & VZ_GC3_GLSS);
}

uint32_t vz_policy_guest_irq_offset(bool iv, unsigned vs, uint32_t gctl2)
{
	/* [3.15] */
	if (!iv)
		return 0x180;
	if (vs == 0)
		return 0x200;
	return gctl2 & VZ_GC2_GVEC & ~1u;
}

bool vz_policy_guest_irq_pending(uint32_t gctl2, uint32_t gstatus)
{
	unsigned gripl = (gctl2 & VZ_GC2_GRIPL) >> VZ_GC2_GRIPL_SHIFT;
	unsigned ipl = (gstatus & ST_IPL) >> 10;
	if (!(gstatus & ST_IE) || (gstatus & (ST_EXL | ST_ERL)))
		return false;
	return gripl > ipl;
}
