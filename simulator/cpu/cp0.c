/* SPDX-License-Identifier: Apache-2.0 */
/* cp0.c - coprocessor 0 registers: reset values, MFC0/MTC0 semantics,
 * Count/Compare and the core interrupt lines into the EVIC.
 * Values and field decisions: docs/simulator-cpu.md. */
#include "cpu_internal.h"

/* Config registers of the M5150 as simulated (docs/simulator-cpu.md). */
#define CONFIG0_RESET 0x80000482u /* M | AR=1 (Release 2+) | MT=1 TLB | K0=2 */
#define CONFIG1_VALUE (0x80000000u | 15u << 25 /* MMUSize-1 */ | \
	2u << 22 | 3u << 19 | 3u << 16 /* I$ 256 sets, 16 B, 4-way */ | \
	0u << 13 | 3u << 10 | 3u << 7  /* D$ 64 sets, 16 B, 4-way */ | \
	1u << 4 /* PC */ | 1u << 3 /* WR */ | 1u << 1 /* EP */ | 1u /* FP */)
#define CONFIG2_VALUE 0x80000000u
#define CONFIG3_VALUE (0x80000000u | 1u << 23 /* VZ */ | 1u << 17 /* MCU */ | \
	2u << 14 /* ISA: MIPS32 + microMIPS, MIPS32 at reset */ | 1u << 13 /* ULRI */ | \
	1u << 12 /* RXI */ | 1u << 11 /* DSP2P */ | 1u << 10 /* DSPP */ | \
	1u << 6 /* VEIC */ | 1u << 5 /* VInt */)
#define CONFIG4_VALUE (0x80000000u | 0x0Cu << 16 /* KScrExist: sel 2, 3 */ | 1u << 29 /* IE: EHINV */)
#define CONFIG5_VALUE 0x00000000u
#define CONFIG7_VALUE 0x80000000u /* WII */

void cp0_reset(struct machine *m, struct cp0 *cp)
{
	memset(cp, 0, sizeof *cp);
	cp->tlb_size = CPU_TLB_MAX;
	cp->status = ST_BEV | ST_ERL;
	cp->srsctl = 7u << SRS_HSS_SHIFT;
	cp->prid = M5150_PRID;
	cp->ebase = 0x80000000u;
	cp->config[0] = CONFIG0_RESET;
	cp->config[1] = CONFIG1_VALUE;
	cp->config[2] = CONFIG2_VALUE;
	cp->config[3] = CONFIG3_VALUE;
	/* DEVCFG0.BOOTISA = 0: microMIPS at reset and for exceptions
	 * (Config3.ISA = 3, ISAOnExc = 1). */
	if (soc_boot_micromips(m))
		cp->config[3] |= 1u << CFG3_ISA_SHIFT | CFG3_ISAONEXC;
	cp->config[4] = CONFIG4_VALUE;
	cp->config[5] = CONFIG5_VALUE;
	cp->config[7] = CONFIG7_VALUE;
	cp->wired = 0;
	cp->intctl = 0;
}

/* ---- Count/Compare ---------------------------------------------------- */

/* Count lives in the root context; a guest sees root Count + GTOffset. */
uint32_t cp0_root_count(struct machine *m)
{
	const struct cp0 *cp = root_cp0(&m->cpu);
	if (cp->cause & CA_DC)
		return cp->count_frozen;
	return (uint32_t)(m->cycle >> 1) + cp->count_bias;
}

uint32_t cp0_count(struct machine *m)
{
	uint32_t v = cp0_root_count(m);
	return m->cpu.guest ? v + m->cpu.gtoffset : v;
}

static void count_set(struct machine *m, uint32_t v)
{
	struct cp0 *cp = root_cp0(&m->cpu);
	cp->count_frozen = v;
	cp->count_bias = v - (uint32_t)(m->cycle >> 1);
}

void cp0_update_core_irqs(struct machine *m)
{
	struct cpu *c = &m->cpu;
	uint32_t cause = root_cp0(c)->cause;  /* a guest's Cause drives nothing */
	unsigned lines = ((cause & CA_TI) ? 1u : 0) | ((cause & CA_IP0) ? 2u : 0) |
			 ((cause & CA_IP1) ? 4u : 0);
	unsigned changed = lines ^ c->core_irq_lines;
	c->core_irq_lines = lines;
	for (unsigned i = 0; i < 3; i++)
		if (changed & (1u << i))
			soc_core_irq(m, i, (lines >> i) & 1);
}

static void timer_fire(struct machine *m, struct event *ev)
{
	(void)ev;
	root_cp0(&m->cpu)->cause |= CA_TI;
	cp0_update_core_irqs(m);
	cp0_timer_reschedule(m);
}

/* Arm the event for the next cycle at which Count becomes equal to Compare
 * (Count ticks on even cycles). */
void cp0_timer_reschedule(struct machine *m)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = root_cp0(c);
	if (cp->cause & CA_DC) {
		event_cancel(m, c->timer_ev);
		return;
	}
	uint32_t now = cp0_root_count(m);
	uint64_t ticks = (uint32_t)(cp->compare - now);
	if (ticks == 0)
		ticks = 1ull << 32;
	c->timer_ev->fn = timer_fire;
	c->timer_ev->name = "core timer";
	event_schedule(m, c->timer_ev, ((m->cycle >> 1) + ticks) << 1);
	c->limit = 0;
}

/* ---- MFC0 ------------------------------------------------------------- */

uint32_t cp0_read(struct machine *m, unsigned reg, unsigned sel)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = &c->cp0;
	switch (reg << 3 | sel) {
	case 0 << 3 | 0: return cp->index;
	case 1 << 3 | 0: return tlb_random(m);
	case 2 << 3 | 0: return cp->entrylo0;
	case 3 << 3 | 0: return cp->entrylo1;
	case 4 << 3 | 0: return cp->context;
	case 4 << 3 | 2: return cp->userlocal;
	case 5 << 3 | 0: return cp->pagemask;
	case 5 << 3 | 1: return cp->pagegrain;
	case 6 << 3 | 0: return cp->wired;
	case 7 << 3 | 0: return cp->hwrena;
	case 8 << 3 | 0: return cp->badvaddr;
	case 8 << 3 | 1: return cp->badinstr;
	case 8 << 3 | 2: return cp->badinstrp;
	case 9 << 3 | 0: return cp0_count(m);
	case 10 << 3 | 0: return cp->entryhi;
	case 10 << 3 | 4: case 10 << 3 | 5: case 10 << 3 | 6:
	case 11 << 3 | 4: case 12 << 3 | 6: case 12 << 3 | 7:
		return vz_root_read(m, reg, sel);
	case 11 << 3 | 0: return cp->compare;
	case 12 << 3 | 0: return cp->status;
	case 12 << 3 | 1: return cp->intctl;
	case 12 << 3 | 2: return cp->srsctl;
	case 12 << 3 | 3: return cp->srsmap;
	case 12 << 3 | 4: return ((cp->status & ST_IPL) >> ST_IPL_SHIFT) << 2; /* ViewIPL */
	case 12 << 3 | 5: return cp->srsmap2;
	case 13 << 3 | 0: return cp->cause;
	case 13 << 3 | 4: return ((cp->cause & CA_RIPL) >> CA_RIPL_SHIFT) << 2; /* ViewRIPL */
	case 13 << 3 | 5: return cp->nestedexc;
	case 14 << 3 | 0: return cp->epc;
	case 14 << 3 | 2: return cp->nestedepc;
	case 15 << 3 | 0: return cp->prid;
	case 15 << 3 | 1: return cp->ebase;
	case 16 << 3 | 0: case 16 << 3 | 1: case 16 << 3 | 2: case 16 << 3 | 3:
	case 16 << 3 | 4: case 16 << 3 | 5: case 16 << 3 | 6: case 16 << 3 | 7:
		return cp->config[sel];
	case 17 << 3 | 0: return cp->lladdr;
	case 18 << 3 | 0: return cp->watchlo;
	case 19 << 3 | 0: return cp->watchhi;
	case 23 << 3 | 0: return cp->debug;
	case 24 << 3 | 0: return cp->depc;
	case 25 << 3 | 0: case 25 << 3 | 1: case 25 << 3 | 2: case 25 << 3 | 3:
		return cp->perfctl[sel];
	case 26 << 3 | 0: return cp->errctl;
	case 27 << 3 | 0: return cp->cacheerr;
	case 28 << 3 | 0: return cp->taglo;
	case 28 << 3 | 1: return cp->datalo;
	case 30 << 3 | 0: return cp->errorepc;
	case 31 << 3 | 0: return cp->desave;
	case 31 << 3 | 2: return cp->kscratch[0];
	case 31 << 3 | 3: return cp->kscratch[1];
	default: return 0; /* unimplemented: reads 0 */
	}
}

/* ---- MTC0 ------------------------------------------------------------- */

static void write_status(struct machine *m, uint32_t v)
{
	struct cp0 *cp = &m->cpu.cp0;
	cp->status = (cp->status & ~ST_WRITABLE) | (v & ST_WRITABLE);
	mmu_mode_changed(m);
	cpu_request_irq_check(m);
	if (!m->cpu.guest)
		vz_update_mode(m); /* clearing EXL with GuestCtl0.GM enters the guest */
}

/* Count/Compare of the running context changed: re-arm its timer. */
static void timer_changed(struct machine *m)
{
	if (m->cpu.guest)
		vz_guest_timer_reschedule(m);
	else
		cp0_timer_reschedule(m);
}

static void write_cause(struct machine *m, uint32_t v)
{
	struct cp0 *cp = &m->cpu.cp0;
	uint32_t old = cp->cause;
	if (((v ^ old) & CA_DC) && !m->cpu.guest) {
		uint32_t count = cp0_count(m);
		cp->cause = (old & ~CA_DC) | (v & CA_DC);
		count_set(m, count);
		cp0_timer_reschedule(m);
		vz_guest_timer_reschedule(m);
	}
	cp->cause = (cp->cause & ~CA_WRITABLE) | (v & CA_WRITABLE);
	cp0_update_core_irqs(m);
	cpu_request_irq_check(m);
}

static void write_srsctl(struct machine *m, uint32_t v)
{
	struct cp0 *cp = &m->cpu.cp0;
	uint32_t mask = (0xFu << SRS_ESS_SHIFT) | (0xFu << SRS_PSS_SHIFT);
	unsigned hss = SRS_FIELD(cp->srsctl, SRS_HSS_SHIFT);
	/* Sets above HSS do not exist: clamp (hardware leaves it unpredictable). */
	unsigned ess = SRS_FIELD(v, SRS_ESS_SHIFT), pss = SRS_FIELD(v, SRS_PSS_SHIFT);
	if (ess > hss) ess = hss;
	if (pss > hss) pss = hss;
	v = ess << SRS_ESS_SHIFT | pss << SRS_PSS_SHIFT;
	cp->srsctl = (cp->srsctl & ~mask) | v;
}

void cp0_write(struct machine *m, unsigned reg, unsigned sel, uint32_t v)
{
	struct cpu *c = &m->cpu;
	struct cp0 *cp = &c->cp0;
	switch (reg << 3 | sel) {
	case 0 << 3 | 0: cp->index = (cp->index & 0x80000000u) | (v & 0xFu); break;
	case 2 << 3 | 0: cp->entrylo0 = v & EL_WRITABLE; break;
	case 3 << 3 | 0: cp->entrylo1 = v & EL_WRITABLE; break;
	case 4 << 3 | 0: cp->context = (cp->context & 0x007FFFFFu) | (v & 0xFF800000u); break;
	case 4 << 3 | 2: cp->userlocal = v; break;
	case 5 << 3 | 0: cp->pagemask = v & 0x1FFFE000u; break;
	case 5 << 3 | 1: cp->pagegrain = v & (PG_RIE | PG_XIE | PG_IEC); mmu_flush(m); break;
	case 6 << 3 | 0: cp->wired = v & 0xFu; break;
	case 7 << 3 | 0: cp->hwrena = v & 0x2000000Fu; break;
	case 9 << 3 | 0:
		if (c->guest) {
			vz_guest_count_write(m, v);
		} else {
			count_set(m, v);
			cp0_timer_reschedule(m);
			vz_guest_timer_reschedule(m);
		}
		break;
	case 10 << 3 | 0:
		cp->entryhi = v & (EH_VPN2 | EH_EHINV | EH_ASID);
		mmu_mode_changed(m);
		break;
	case 10 << 3 | 4: case 10 << 3 | 5: case 10 << 3 | 6:
	case 11 << 3 | 4: case 12 << 3 | 6: case 12 << 3 | 7:
		vz_root_write(m, reg, sel, v);
		break;
	case 11 << 3 | 0:
		cp->compare = v;
		cp->cause &= ~CA_TI;
		cp0_update_core_irqs(m);
		timer_changed(m);
		break;
	case 12 << 3 | 0: write_status(m, v); break;
	case 12 << 3 | 1: cp->intctl = (cp->intctl & ~0x3E0u) | (v & 0x3E0u); break;
	case 12 << 3 | 2: write_srsctl(m, v); break;
	case 12 << 3 | 3: cp->srsmap = v; break;
	case 12 << 3 | 4: /* ViewIPL */
		write_status(m, (cp->status & ~ST_IPL) | (((v >> 2) & 0x3F) << ST_IPL_SHIFT));
		break;
	case 12 << 3 | 5: cp->srsmap2 = v; break;
	case 13 << 3 | 0: write_cause(m, v); break;
	case 14 << 3 | 0: cp->epc = v; break;
	case 14 << 3 | 2: cp->nestedepc = v; break;
	case 15 << 3 | 1: cp->ebase = 0x80000000u | (v & 0x3FFFF000u) | (cp->ebase & 0x3FFu); break;
	case 16 << 3 | 0:
		cp->config[0] = (cp->config[0] & ~7u) | (v & 7u);
		mmu_mode_changed(m);
		break;
	case 16 << 3 | 3:
		cp->config[3] = (cp->config[3] & ~CFG3_ISAONEXC) | (v & CFG3_ISAONEXC);
		break;
	case 18 << 3 | 0: cp->watchlo = v; break;
	case 19 << 3 | 0: cp->watchhi = v; break;
	case 24 << 3 | 0: cp->depc = v; break;
	case 25 << 3 | 0: case 25 << 3 | 1: case 25 << 3 | 2: case 25 << 3 | 3:
		cp->perfctl[sel] = v;
		break;
	case 26 << 3 | 0: cp->errctl = v; break;
	case 28 << 3 | 0: cp->taglo = v; break;
	case 28 << 3 | 1: cp->datalo = v; break;
	case 30 << 3 | 0: cp->errorepc = v; break;
	case 31 << 3 | 0: cp->desave = v; break;
	case 31 << 3 | 2: cp->kscratch[0] = v; break;
	case 31 << 3 | 3: cp->kscratch[1] = v; break;
	default: break; /* read-only or unimplemented: ignored */
	}
}
