/* SPDX-License-Identifier: Apache-2.0 */
/* gdb_regs.c - the register set vzlet-sim's gdb server offers: its numbering,
 * the target description XML gdb reads (qXfer:features:read:target.xml) and
 * the value of each register for the hypervisor thread (the root context)
 * or a VM thread (as the guest sees it, vmview.c).
 *
 * Numbers 0-71 follow gdb's MIPS layout (r0-r31, status, lo, hi, badvaddr,
 * cause, pc, f0-f31, fcsr, fir), then the DSP ASE (hi1-lo3, dspctl), then
 * the other CP0 registers in the feature "org.vzlet.cp0". */
#include <string.h>

#include "cli.h"

enum gkind { GK_GPR, GK_STATUS, GK_LO, GK_HI, GK_CP0, GK_PC, GK_FPR, GK_FCSR, GK_FIR, GK_DSP };

struct greg {
	const char *name;
	enum gkind kind;
	unsigned n;            /* GPR/FPR/DSP number, CP0 reg << 3 | sel */
	bool root_only;        /* VZ root registers: not part of a guest's view */
};

#define CP0(r, s) ((r) << 3 | (s))

static const struct greg extra_cp0[] = {
	{ "index", GK_CP0, CP0(0, 0), false }, { "entrylo0", GK_CP0, CP0(2, 0), false },
	{ "entrylo1", GK_CP0, CP0(3, 0), false }, { "context", GK_CP0, CP0(4, 0), false },
	{ "userlocal", GK_CP0, CP0(4, 2), false }, { "pagemask", GK_CP0, CP0(5, 0), false },
	{ "pagegrain", GK_CP0, CP0(5, 1), false }, { "wired", GK_CP0, CP0(6, 0), false },
	{ "hwrena", GK_CP0, CP0(7, 0), false }, { "badinstr", GK_CP0, CP0(8, 1), false },
	{ "badinstrp", GK_CP0, CP0(8, 2), false }, { "count", GK_CP0, CP0(9, 0), false },
	{ "entryhi", GK_CP0, CP0(10, 0), false }, { "compare", GK_CP0, CP0(11, 0), false },
	{ "intctl", GK_CP0, CP0(12, 1), false }, { "srsctl", GK_CP0, CP0(12, 2), true },
	{ "epc", GK_CP0, CP0(14, 0), false }, { "nestedepc", GK_CP0, CP0(14, 2), false },
	{ "ebase", GK_CP0, CP0(15, 1), false }, { "config", GK_CP0, CP0(16, 0), false },
	{ "config3", GK_CP0, CP0(16, 3), false },
	{ "lladdr", GK_CP0, CP0(17, 0), false }, { "errorepc", GK_CP0, CP0(30, 0), false },
	{ "kscratch1", GK_CP0, CP0(31, 2), false }, { "kscratch2", GK_CP0, CP0(31, 3), false },
	{ "guestctl0", GK_CP0, CP0(12, 6), true }, { "guestctl1", GK_CP0, CP0(10, 4), true },
	{ "guestctl2", GK_CP0, CP0(10, 5), true }, { "gtoffset", GK_CP0, CP0(12, 7), true },
};
#define NEXTRA (sizeof extra_cp0 / sizeof extra_cp0[0])
#define REG_FPR0 38u
#define REG_FCSR 70u
#define REG_FIR 71u
#define REG_DSP0 72u
#define REG_EXTRA0 79u

unsigned gdb_reg_count(void)
{
	return REG_EXTRA0 + (unsigned)NEXTRA;
}

/* Register number -> what it is. */
static struct greg reg_of(unsigned r)
{
	static const char *const dsp[] = { "hi1", "lo1", "hi2", "lo2", "hi3", "lo3", "dspctl" };
	if (r < 32)
		return (struct greg){ NULL, GK_GPR, r, false };
	switch (r) {
	case 32: return (struct greg){ "status", GK_STATUS, CP0(12, 0), false };
	case 33: return (struct greg){ "lo", GK_LO, 0, false };
	case 34: return (struct greg){ "hi", GK_HI, 0, false };
	case 35: return (struct greg){ "badvaddr", GK_CP0, CP0(8, 0), false };
	case 36: return (struct greg){ "cause", GK_CP0, CP0(13, 0), false };
	case 37: return (struct greg){ "pc", GK_PC, 0, false };
	case REG_FCSR: return (struct greg){ "fcsr", GK_FCSR, 31, false };
	case REG_FIR: return (struct greg){ "fir", GK_FIR, 0, false };
	default: break;
	}
	if (r >= REG_FPR0 && r < REG_FCSR)
		return (struct greg){ NULL, GK_FPR, r - REG_FPR0, false };
	if (r >= REG_DSP0 && r < REG_EXTRA0)
		return (struct greg){ dsp[r - REG_DSP0], GK_DSP, r - REG_DSP0, false };
	return extra_cp0[r - REG_EXTRA0];
}

bool gdb_reg_get(struct machine *m, const struct vmview *v, int ctx, unsigned r, uint32_t *out)
{
	if (r >= gdb_reg_count())
		return false;
	struct greg g = reg_of(r);
	if (g.kind == GK_FIR) {
		*out = vzsim_fcr(m, 0); /* one FPU implementation for all */
		return true;
	}
	if (ctx >= 0) {
		static const enum vmview_reg map[] = {
			[GK_GPR] = VMREG_GPR, [GK_STATUS] = VMREG_CP0, [GK_LO] = VMREG_LO,
			[GK_HI] = VMREG_HI, [GK_CP0] = VMREG_CP0, [GK_PC] = VMREG_PC,
			[GK_FPR] = VMREG_FPR, [GK_FCSR] = VMREG_FCSR, [GK_DSP] = VMREG_DSP,
		};
		if (g.root_only)
			return false;
		return vmview_reg(m, v, (unsigned)ctx, map[g.kind], g.n, out);
	}
	struct vzsim_cpu_view c;
	vzsim_cpu_view(m, &c);
	switch (g.kind) {
	case GK_GPR:
		/* The hypervisor's registers are set 0 while a guest runs. */
		*out = g.n == 0 ? 0 : c.guest ? vzsim_srs_get(m, 0, g.n) : vzsim_gpr(m, (int)g.n);
		return true;
	case GK_LO: *out = vzsim_hilo(m, false); return true;
	case GK_HI: *out = vzsim_hilo(m, true); return true;
	case GK_PC:
		/* While a guest runs the hypervisor has no next instruction of
		 * its own (it resumes at a vector on the next exit): the core's
		 * PC, as a probe shows it (gdb cannot take an unavailable PC).
		 * In microMIPS code with the ISA bit set, as gdb's MIPS target
		 * expects of a stub (it strips the bit, knowing the code is
		 * compressed). */
		*out = c.pc | c.micromips;
		return true;
	case GK_STATUS:
	case GK_CP0: return vzsim_cp0_get(m, false, g.n >> 3, g.n & 7, out);
	case GK_FPR: *out = (uint32_t)vzsim_fpr(m, g.n); return true;
	case GK_FCSR: *out = vzsim_fcr(m, 31); return true;
	case GK_DSP: *out = vzsim_dsp_get(m, g.n); return true;
	default: return false;
	}
}

bool gdb_reg_set(struct machine *m, const struct vmview *v, int ctx, unsigned r, uint32_t val)
{
	if (r >= gdb_reg_count())
		return false;
	struct greg g = reg_of(r);
	if (g.kind == GK_GPR && g.n == 0)
		return true; /* $zero: writes ignored, as in the CPU */
	if (ctx >= 0) {
		enum vmview_reg k = g.kind == GK_GPR ? VMREG_GPR : g.kind == GK_PC ? VMREG_PC
				  : g.kind == GK_HI ? VMREG_HI : g.kind == GK_LO ? VMREG_LO : VMREG_CP0;
		if (k == VMREG_CP0)
			return false;
		return vmview_set_reg(m, v, (unsigned)ctx, k, g.n, val);
	}
	struct vzsim_cpu_view c;
	vzsim_cpu_view(m, &c);
	if (g.kind == GK_GPR)
		return c.guest ? vzsim_srs_set(m, 0, g.n, val) : vzsim_set_reg(m, (int)g.n, val);
	if (c.guest)
		return false; /* root PC/HI/LO are not what the core runs now */
	switch (g.kind) {
	case GK_LO: return vzsim_set_reg(m, VZSIM_REG_LO, val);
	case GK_HI: return vzsim_set_reg(m, VZSIM_REG_HI, val);
	case GK_PC: return vzsim_set_reg(m, VZSIM_REG_PC, val);
	default: return false;
	}
}

/* Appends printf-style to a fixed buffer. */
static void add(char *buf, size_t cap, size_t *len, const char *s)
{
	size_t n = strlen(s);
	if (*len + n < cap) {
		memcpy(buf + *len, s, n + 1);
		*len += n;
	}
}

static void add_reg(char *buf, size_t cap, size_t *len, const char *name, unsigned num,
		    const char *type)
{
	char line[128];
	snprintf(line, sizeof line, "<reg name=\"%s\" bitsize=\"32\" regnum=\"%u\"%s%s%s/>\n", name,
		 num, type ? " type=\"" : "", type ? type : "", type ? "\"" : "");
	add(buf, cap, len, line);
}

const char *gdb_target_xml(size_t *len_out)
{
	static char xml[8192];
	static size_t len;
	if (len) {
		*len_out = len;
		return xml;
	}
	const size_t cap = sizeof xml;
	char name[16];
	add(xml, cap, &len, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
			    "<target version=\"1.0\">\n<architecture>mips:isa32r2</architecture>\n"
			    "<feature name=\"org.gnu.gdb.mips.cpu\">\n");
	for (unsigned r = 0; r < 32; r++) {
		snprintf(name, sizeof name, "r%u", r);
		add_reg(xml, cap, &len, name, r, r == 29 ? "data_ptr" : NULL);
	}
	add_reg(xml, cap, &len, "lo", 33, NULL);
	add_reg(xml, cap, &len, "hi", 34, NULL);
	add_reg(xml, cap, &len, "pc", 37, "code_ptr");
	add(xml, cap, &len, "</feature>\n<feature name=\"org.gnu.gdb.mips.cp0\">\n");
	add_reg(xml, cap, &len, "status", 32, NULL);
	add_reg(xml, cap, &len, "badvaddr", 35, NULL);
	add_reg(xml, cap, &len, "cause", 36, NULL);
	add(xml, cap, &len, "</feature>\n<feature name=\"org.gnu.gdb.mips.fpu\">\n");
	for (unsigned r = 0; r < 32; r++) {
		snprintf(name, sizeof name, "f%u", r);
		add_reg(xml, cap, &len, name, REG_FPR0 + r, "ieee_single");
	}
	add_reg(xml, cap, &len, "fcsr", REG_FCSR, NULL);
	add_reg(xml, cap, &len, "fir", REG_FIR, NULL);
	add(xml, cap, &len, "</feature>\n<feature name=\"org.gnu.gdb.mips.dsp\">\n");
	for (unsigned r = REG_DSP0; r < REG_EXTRA0; r++)
		add_reg(xml, cap, &len, reg_of(r).name, r, NULL);
	add(xml, cap, &len, "</feature>\n<feature name=\"org.vzlet.cp0\">\n");
	for (unsigned k = 0; k < NEXTRA; k++)
		add_reg(xml, cap, &len, extra_cp0[k].name, REG_EXTRA0 + k, NULL);
	add(xml, cap, &len, "</feature>\n</target>\n");
	*len_out = len;
	return xml;
}
