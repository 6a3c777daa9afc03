#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""tests/vz/mutations.py - shows that the VZ target programs catch the loss of
each VZ feature: for every mutation below (one feature removed from the model)
it builds a copy of the committed tree and runs `make test-vz-target`, which
must fail. The hv-* mutations break the hypervisor's exit emulation instead
(microMIPS and MIPS32 delay slots, core/emulate*.c, core/units.c) and run
`make test-hv` (its dslot guests, both ISAs). Not part of `make test` (a few
minutes); run with `make test-vz-mutations` or `tests/vz/mutations.py
[name...]`. Exit status 1 if a mutation survives or its pattern is gone."""
import os, shutil, subprocess, sys, tempfile
SRC = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True,
                     text=True, check=True).stdout.strip()
muts = [
 ("guestid-isolation", "simulator/cpu/mmu.c", "	return e->guest == o.guest && e->guestid == o.gid;", "	return e->guest == o.guest;"),
 ("gripl-clear", "simulator/cpu/vz.c", "	c->gctl2 &= ~VZ_GC2_GRIPL;\n", ""),
 ("ghfc", "simulator/cpu/vz_policy.c", "	return irq_accepted || !(gctl0ext & VZ_GC0X_FCD);", "	(void)irq_accepted; (void)gctl0ext; return false;"),
 ("ghfc-fcd", "simulator/cpu/vz_policy.c", "	return irq_accepted || !(gctl0ext & VZ_GC0X_FCD);", "	(void)irq_accepted; (void)gctl0ext; return true;"),
 ("gsfc", "simulator/cpu/vz_policy.c", "	if ((old ^ val) & vz_policy_gsfc_mask(reg, sel, gctl0, gctl0ext))", "	if (0 && ((old ^ val) & vz_policy_gsfc_mask(reg, sel, gctl0, gctl0ext)))"),
 ("always-gpsi", "simulator/cpu/vz_policy.c", "	return !vz_policy_guest_has(reg, sel);\n}", "	return false;\n}"),
 ("cp0-bit", "simulator/cpu/vz_policy.c", "	if (!(gctl0 & VZ_GC0_CP0))\n		return VZ_GPSI;                   /* [3.3] */\n	if (always_gpsi", "	if (always_gpsi"),
 ("gt-bit", "simulator/cpu/vz_policy.c", "	if (is_timer_reg(reg, sel) && !(gctl0 & VZ_GC0_GT))\n		return VZ_GPSI;                   /* [3.4] reads too */", ""),
 ("rdhwr-gt", "simulator/cpu/vz_policy.c", "	if (rd == 2 && !(gctl0 & VZ_GC0_GT))", "	if (0 && rd == 2 && !(gctl0 & VZ_GC0_GT))"),
 ("cg-bit", "simulator/cpu/vz_policy.c", "	if (!(gctl0 & VZ_GC0_CP0) || !(gctl0 & VZ_GC0_CG))", "	if (!(gctl0 & VZ_GC0_CP0))"),
 ("cgi-bit", "simulator/cpu/vz_policy.c", "	if (index_op && !(gctl0ext & VZ_GC0X_CGI))", "	if (0 && index_op && !(gctl0ext & VZ_GC0X_CGI))"),
 ("cf-bit", "simulator/cpu/vz_policy.c", "	if (is_config_reg(reg, sel) && !(gctl0 & VZ_GC0_CF))", "	if (0 && is_config_reg(reg, sel) && !(gctl0 & VZ_GC0_CF))"),
 ("ri-redirect", "simulator/cpu/vz.c", "		} else if (code == EXC_RI && (c->gctl0 & VZ_GC0_RI)) {", "		} else if (0) {"),
 ("mc-gsfc", "simulator/cpu/vz_policy.c", "			m |= ST_EXL | ST_ERL | ST_KSU;", ""),
 ("sfc1", "simulator/cpu/vz_policy.c", "			m |= CA_WP | CA_IP10;", "			m |= 0;"),
 ("sfc2", "simulator/cpu/vz_policy.c", "			m |= ST_BEV | ST_SR | ST_NMI;", "			m |= 0;"),
 ("wait-gpsi", "simulator/cpu/vz_policy.c", "	if (op == VZ_OP_WAIT)\n		return VZ_GPSI;                   /* [3.7] always */", ""),
 ("second-stage", "simulator/cpu/mmu.c", "	return vz_translate_gpa(m, acc, x); /* guest: GPA -> real address */", "	return 0;"),
 ("gpa-badvaddr", "simulator/cpu/mmu.c", "		va = c->vz_gpa;\n", ""),
 ("gexc-gpa", "simulator/cpu/mmu.c", "		flags |= EXF_GEXC_CODE(VZ_GEXC_GPA);", "		flags |= EXF_ROOT;"),
 ("root-irq-preempt", "simulator/cpu/exception.c", "		cpu_exception_entry(m, EXC_INT, c->pc, false, EXF_INTERRUPT | EXF_ROOT, 0, 0);\n	} else if", "		if (!c->guest) cpu_exception_entry(m, EXC_INT, c->pc, false, EXF_INTERRUPT | EXF_ROOT, 0, 0);\n	} else if"),
 ("gtoffset", "simulator/cpu/cp0.c", "	return m->cpu.guest ? v + m->cpu.gtoffset : v;", "	return v;"),
 ("guest-ti", "simulator/cpu/vz.c", "	guest_cp0(&m->cpu)->cause |= CA_TI;", ""),
 ("llbit-shared", "simulator/cpu/exception.c", "	cp->llbit = false;\n	mmu_mode_changed(m);\n	cpu_request_irq_check(m);\n	if (!c->guest)", "	cp->llbit = false; c->other.llbit = false;\n	mmu_mode_changed(m);\n	cpu_request_irq_check(m);\n	if (!c->guest)"),
 ("badinstrp", "simulator/cpu/vz.c", "			bi[1] = mmu_peek_insn(m, pc - c->bsz);", "			bi[1] = 0;"),
 ("mtgc0-mask", "simulator/cpu/vz_policy.c", "	case VZ_CP0(4, 0):  return 0xFF800000u;           /* Context.PTEBase */", "	case VZ_CP0(4, 0):  return 0xFFFFFFFFu;"),
 ("guest-cu1-root", "simulator/cpu/cpu_internal.h", "	return likely(!m->cpu.guest) || vz_guest_cu1_ok(m);", "	return true;"),
 ("mfgc0-in-guest", "simulator/cpu/insn_vz.c", "	if (m->cpu.guest) {\n		cpu_raise(m, EXC_RI);\n		return false;\n	}", ""),
 ("rid-tlbwi", "simulator/cpu/mmu.c", "	return (struct tlb_owner){ guest, (c->gctl1 & VZ_GC1_RID) >> VZ_GC1_RID_SHIFT };", "	return (struct tlb_owner){ guest, c->gctl1 & VZ_GC1_ID };"),
 ("rid-tlbr", "simulator/cpu/mmu.c", "	if (gid >= 0 && !c->guest) /* root TLBR: the entry's GuestID into RID */", "	if (0 && gid >= 0 && !c->guest)"),
 ("gvec", "simulator/cpu/vz_policy.c", "	return gctl2 & VZ_GC2_GVEC & ~1u;", "	(void)gctl2; return 0x200;"),
 ("guest-irq-mask-ie", "simulator/cpu/vz_policy.c", "	if (!(gstatus & ST_IE) || (gstatus & (ST_EXL | ST_ERL)))", "	if (gstatus & (ST_EXL | ST_ERL))"),
 ("guest-irq-ipl", "simulator/cpu/vz_policy.c", "	return gripl > ipl;", "	return gripl > 0 * ipl;"),
 ("gctl0-ro", "simulator/cpu/vz_policy.c", "	return (3u << VZ_GC0_AT_SHIFT) | VZ_GC0_G1 | VZ_GC0_G0E | VZ_GC0_G2;", "	return 0;"),
 ("hc-exit", "simulator/cpu/insn_vz.c", "	vz_exit_insn(m, VZ_GEXC_HC);", "	vz_exit_insn(m, VZ_GEXC_GPSI);"),
 ("bus-gva", "simulator/cpu/vz.c", "			flags |= EXF_GEXC_CODE(VZ_GEXC_GVA) | EXF_BADVADDR;", "			(void)0;"),
 ("guest-reset-status", "simulator/cpu/vz_policy.c", "	case VZ_CP0(12, 0): return ST_BEV | ST_ERL;       /* 0x00400004 */", "	case VZ_CP0(12, 0): return 0;"),
 ("mmusize", "simulator/cpu/vz.c", "		guest_tlb_size_from_config(g);\n		break;", "		break;"),
 # The shared TLB (docs/simulator-vz.md section 4).
 # A root write never replaces a valid guest entry, a guest write never a
 # root entry: what separate root and guest arrays would look like.
 ("tlb-root-spares-guest", "simulator/cpu/mmu.c", "	m->cpu.tlb[i] = n;\n", "	if (n.guest || !m->cpu.tlb[i].guest || (m->cpu.tlb[i].entryhi & EH_EHINV))\n		m->cpu.tlb[i] = n;\n"),
 ("tlb-guest-spares-root", "simulator/cpu/mmu.c", "	m->cpu.tlb[i] = n;\n", "	if (!n.guest || m->cpu.tlb[i].guest || (m->cpu.tlb[i].entryhi & EH_EHINV))\n		m->cpu.tlb[i] = n;\n"),
 ("guest-entry-guestid", "simulator/cpu/mmu.c", "	return e->guest == o.guest && e->guestid == o.gid;", "	return e->guest == o.guest && (o.guest ? 1 : e->guestid == o.gid);"),
 ("guest-write-id", "simulator/cpu/mmu.c", "		return (struct tlb_owner){ true, c->gctl1 & VZ_GC1_ID };", "		return (struct tlb_owner){ true, 0 };"),
 ("tlbgr-rid", "simulator/cpu/vz.c", "		if (gid >= 0)\n			c->gctl1 = (c->gctl1 & ~VZ_GC1_RID)", "		if (0)\n			c->gctl1 = (c->gctl1 & ~VZ_GC1_RID)"),
 ("tlbgp-rid", "simulator/cpu/vz.c", "		tlb_probe_ctx(m, g, rid);", "		tlb_probe_ctx(m, g, (struct tlb_owner){ true, c->gctl1 & VZ_GC1_ID });"),
 ("tlbinv-present", "simulator/cpu/mmu.c", "	return ((c->cp0.config[4] >> 29) & 3u) >= 2;", "	(void)c; return true;"),
 ("tlb-machine-check", "simulator/cpu/mmu.c", "	if (duplicates(&m->cpu, i, &n))\n		return false;", "	if (0 && duplicates(&m->cpu, i, &n))\n		return false;"),
 ("tlb-mmusize-clamp", "simulator/cpu/vz.c", "	if (mmusize > VZ_GUEST_MMUSIZE_MAX)\n		mmusize = VZ_GUEST_MMUSIZE_MAX;", ""),
 ("tlb-root-random-wired", "simulator/cpu/mmu.c", "	return tlb_random_of(m, &m->cpu.cp0);", "	return tlb_random_of(m, &(struct cp0){ .tlb_size = m->cpu.cp0.tlb_size });"),
 ("tlb-guest-random-range", "simulator/cpu/mmu.c", "	unsigned wired = r->wired & 0xF, n = r->tlb_size;", "	unsigned wired = r->wired & 0xF, n = CPU_TLB_MAX;"),
 ("ghfc-on-accept", "simulator/cpu/vz_policy.c", "	return irq_accepted || !(gctl0ext & VZ_GC0X_FCD);", "	(void)irq_accepted; return !(gctl0ext & VZ_GC0X_FCD);"),
 ("guest-exc-to-root", "simulator/cpu/vz.c", "	if (flags & EXF_ROOT) {\n		exit_to_root", "	if (1) {\n		exit_to_root"),
 ("guest-mx-root", "simulator/cpu/insn_dsp.c", "	return likely(!m->cpu.guest) || vz_guest_mx_ok(m);", "	return true;"),
 ("mm-epc-isa", "simulator/cpu/exception.c", "		cp->epc = restart | mm;", "		cp->epc = restart;"),
 ("mm-badinstr16", "simulator/cpu/mmu.c", "		if (mm_is16(w))\n			return w;", "		if (mm_is16(w))\n			return w << 16;"),
 ("mm-badinstr32-order", "simulator/cpu/mmu.c", "		return peek_half(m, va + 2, &h1) ? w << 16 | h1 : 0;", "		return peek_half(m, va + 2, &h1) ? h1 << 16 | w : 0;"),
 ("mm-guest-isaonexc", "simulator/cpu/vz_policy.c", "	case VZ_CP0(16, 3): return 0x00010000u;           /* Config3.ISAOnExc */\n	case VZ_CP0(16, 4): return 0;", "	case VZ_CP0(16, 3): return 0;\n	case VZ_CP0(16, 4): return 0;"),
 ("mm-hypcall-decode", "simulator/cpu/decode_micromips.c", "COP0_CO(((x >> 16) & 0x3FF) << 11 | 0x28)", "RI_WORD"),
 ("guest-mx-own", "simulator/cpu/insn_dsp.c", "	if (unlikely(!(m->cpu.cp0.status & ST_MX))) {", "	if (!m->cpu.guest && unlikely(!(m->cpu.cp0.status & ST_MX))) {"),
 # The hypervisor's emulation of exits from guest code (checked by test-hv).
 ("hv-mm-size16", "hypervisor/core/emulate_mm.c", "uint32_t emu_mm_size(uint32_t bi) { return is16(bi) ? 2 : 4; }", "uint32_t emu_mm_size(uint32_t bi) { (void)bi; return 4; }", "test-hv"),
 # (the address comes from BadVAddr: base and offset of the twin are never read)
 ("hv-mm-ls16-rt", "hypervisor/core/emulate_mm.c", "unsigned rt = mmreg[(h >> 7) & 7], st", "unsigned rt = mmreg[(h >> 4) & 7], st", "test-hv"),
 ("hv-mm-b16", "hypervisor/core/emulate_mm.c", "			return after + (uint32_t)((int32_t)(h << 22) >> 21);", "			return after;", "test-hv"),
 ("hv-mm-mfc0", "hypervisor/core/emulate_mm.c", "		return 0x40000000u | rt << 16 | rs << 11 | sel;", "		return 0x40000000u | rs << 16 | rt << 11 | sel;", "test-hv"),
 ("hv-mm-jalx", "hypervisor/core/emulate_mm.c", "	case 0x3C:                                                           /* JALX */", "	case 0x7F:", "test-hv"),
 ("hv-mm-bc1t", "hypervisor/core/emulate_mm.c", "		case 0x1D: return units_fcc(vm, (b >> 18) & 7) ? taken : fall;  /* BC1T cc */", "", "test-hv"),
 ("hv-mm-bposge32", "hypervisor/core/emulate_mm.c", "		case 0x1B: return units_pos_ge32(vm) ? taken : fall;            /* BPOSGE32 */", "", "test-hv"),
 ("hv-fcc-bit", "hypervisor/core/units.c", "(cc != 0u) ? (24u + cc) : 23u", "23u + cc", "test-hv"),
 ("hv-jalx", "hypervisor/core/emulate.c", "	case 0x1D:                                  /* JALX: to microMIPS */", "	case 0x7F:", "test-hv"),
]
only = sys.argv[1:]
survivors = 0
work = tempfile.mkdtemp(prefix="vz-mutations-")
for name, f, a, b, *target in muts:
    target = target[0] if target else "test-vz-target"
    if only and name not in only: continue
    d = os.path.join(work, 'tree')
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    subprocess.run(f"cd {SRC} && git archive HEAD | tar -x -C {d}", shell=True, check=True)
    p = os.path.join(d, f); s = open(p).read()
    if a not in s:
        print(f"FAILED   {name}: PATTERN NOT FOUND in {f}"); survivors += 1; continue
    open(p,'w').write(s.replace(a, b, 1))
    r = subprocess.run(f"cd {d} && make -s {target} 2>&1 | grep -E 'FAIL|Error|error' | head -3", shell=True, capture_output=True, text=True)
    out = r.stdout.strip().replace('\n', ' | ')
    killed = 'FAIL' in out or 'rror' in out
    survivors += not killed
    print(f"{'killed ' if killed else 'SURVIVED'} {name}: {out[:200]}", flush=True)
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if survivors else 0)
