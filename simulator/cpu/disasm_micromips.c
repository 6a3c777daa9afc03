/* SPDX-License-Identifier: Apache-2.0 */
/* disasm_micromips.c - microMIPS32 disassembler for traces and tools.
 *
 * A table of encodings (match under mask) searched in order, the first
 * hit naming the instruction: where several forms share bits (aliases
 * such as move, li, b, beqz, not, neg; the 16-bit forms objdump names
 * after their 32-bit twins: lw ..(sp), addiu ..,$pc, ...), the one GNU
 * objdump prints comes first, so the text matches `objdump -d` of the
 * same bits. Operands are written by the {tokens} of each row's format.
 * The FPU's POOL32F group and the DSP ASE's forms are shown as their MIPS32
 * twins (micromips_fpu.c, micromips_dsp.c), whose text objdump prints
 * alike. Left out (".word"): what the M5150 lacks (MIPS64, EVA, MCU, MIPS-3D);
 * docs/simulator-cli.md lists them. Not on a hot path: only traces and
 * tools call it. */
#include "disasm.h"
#include "micromips_twin.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct mm_form {
	uint32_t match, mask;
	const char *name, *args; /* args: text with {token} operands */
};

/* 16-bit rows have masks below 0x10000; a 32-bit instruction has its
 * first halfword in 31:16, so no 16-bit row ever matches it. */
static const struct mm_form forms[] = {
	{ 0x60002000, 0xfc00f000, "pref", "{hint},{off12}({rs})" },
	{ 0x0c00, 0xffff, "nop", "" },
	{ 0x00000000, 0xffffffff, "nop", "" },
	{ 0x00000800, 0xffffffff, "ssnop", "" },
	{ 0x00001800, 0xffffffff, "ehb", "" },
	{ 0x00002800, 0xffffffff, "pause", "" },
	{ 0xec00, 0xfc00, "li", "{r7},{li7}" },
	{ 0x30000000, 0xfc1f0000, "li", "{rt},{simm}" },
	{ 0x50000000, 0xfc1f0000, "li", "{rt},{imm}" },
	{ 0x0c00, 0xfc00, "move", "{r5_5},{r5_0}" },
	{ 0x00000150, 0xffe007ff, "move", "{rd},{rs}" },
	{ 0x00000290, 0xffe007ff, "move", "{rd},{rs}" },
	{ 0xcc00, 0xfc00, "b", "{br10}" },
	{ 0x94000000, 0xffff0000, "b", "{br16}" },
	{ 0x40400000, 0xffff0000, "b", "{br16}" },
	{ 0x40600000, 0xffff0000, "bal", "{br16}" },
	{ 0x42600000, 0xffff0000, "bals", "{br16}" },
	{ 0x40e00000, 0xffff0000, "bc", "{br16}" },
	{ 0x00000110, 0xfc0007ff, "add", "{rd},{rs},{rt}" },
	{ 0x10000000, 0xfc000000, "addi", "{rt},{rs},{simm}" },
	{ 0x6c01, 0xfc01, "addiu", "{r7},sp,{u6x4}" },
	{ 0x6c00, 0xfc01, "addiu", "{r7},{r4},{imm_b}" },
	{ 0x4c01, 0xfc01, "addiu", "sp,sp,{sp_imm}" },
	{ 0x4c00, 0xfc01, "addiu", "{r5_5},{r5_5},{s4}" },
	{ 0x78000000, 0xfc000000, "addiu", "{r23},$pc,{s23x4}" },
	{ 0x30000000, 0xfc000000, "addiu", "{rt},{rs},{simm}" },
	{ 0x0400, 0xfc01, "addu", "{r7},{r1},{r4}" },
	{ 0x00000150, 0xfc0007ff, "addu", "{rd},{rs},{rt}" },
	{ 0x4480, 0xffc0, "and", "{r3},{r3},{r0}" },
	{ 0x00000250, 0xfc0007ff, "and", "{rd},{rs},{rt}" },
	{ 0x2c00, 0xfc00, "andi", "{r7},{r4},{imm_c}" },
	{ 0xd0000000, 0xfc000000, "andi", "{rt},{rs},{imm}" },
	{ 0x43800000, 0xffff0000, "bc1f", "{br16}" },
	{ 0x43800000, 0xffe30000, "bc1f", "{fcc},{br16}" },
	{ 0x42800000, 0xffff0000, "bc2f", "{br16}" },
	{ 0x42800000, 0xffe30000, "bc2f", "{cc},{br16}" },
	{ 0x43a00000, 0xffff0000, "bc1t", "{br16}" },
	{ 0x43a00000, 0xffe30000, "bc1t", "{fcc},{br16}" },
	{ 0x42a00000, 0xffff0000, "bc2t", "{br16}" },
	{ 0x42a00000, 0xffe30000, "bc2t", "{cc},{br16}" },
	{ 0x8c00, 0xfc00, "beqz", "{r7},{br7}" },
	{ 0x94000000, 0xffe00000, "beqz", "{rs},{br16}" },
	{ 0x40e00000, 0xffe00000, "beqzc", "{rs},{br16}" },
	{ 0x94000000, 0xfc000000, "beq", "{rs},{rt},{br16}" },
	{ 0x40400000, 0xffe00000, "bgez", "{rs},{br16}" },
	{ 0x40600000, 0xffe00000, "bgezal", "{rs},{br16}" },
	{ 0x42600000, 0xffe00000, "bgezals", "{rs},{br16}" },
	{ 0x40c00000, 0xffe00000, "bgtz", "{rs},{br16}" },
	{ 0x40800000, 0xffe00000, "blez", "{rs},{br16}" },
	{ 0x40000000, 0xffe00000, "bltz", "{rs},{br16}" },
	{ 0x40200000, 0xffe00000, "bltzal", "{rs},{br16}" },
	{ 0x42200000, 0xffe00000, "bltzals", "{rs},{br16}" },
	{ 0xac00, 0xfc00, "bnez", "{r7},{br7}" },
	{ 0xb4000000, 0xffe00000, "bnez", "{rs},{br16}" },
	{ 0x40a00000, 0xffe00000, "bnezc", "{rs},{br16}" },
	{ 0xb4000000, 0xfc000000, "bne", "{rs},{rt},{br16}" },
	{ 0x4680, 0xffff, "break", "" },
	{ 0x00000007, 0xffffffff, "break", "" },
	{ 0x4680, 0xfff0, "break", "{u4hex}" },
	{ 0x00000007, 0xfc00ffff, "break", "{code10}" },
	{ 0x00000007, 0xfc00003f, "break", "{code10},{code10lo}" },
	{ 0x20006000, 0xfc00f000, "cache", "{hint},{off12}({rs})" },
	{ 0x0000cd3c, 0xfc00ffff, "cfc2", "{rt},{c2s}" },
	{ 0x00004b3c, 0xfc00ffff, "clo", "{rt},{rs}" },
	{ 0x00005b3c, 0xfc00ffff, "clz", "{rt},{rs}" },
	{ 0x00000002, 0xfc000007, "cop2", "{copz}" },
	{ 0x0000dd3c, 0xfc00ffff, "ctc2", "{rt},{c2s}" },
	{ 0x0000e37c, 0xffffffff, "deret", "" },
	{ 0x0000477c, 0xffffffff, "di", "" },
	{ 0x0000477c, 0xffe0ffff, "di", "{rs}" },
	{ 0x0000ab3c, 0xfc00ffff, "div", "zero,{rs},{rt}" },
	{ 0x0000bb3c, 0xfc00ffff, "divu", "zero,{rs},{rt}" },
	{ 0x0000577c, 0xffffffff, "ei", "" },
	{ 0x0000577c, 0xffe0ffff, "ei", "{rs}" },
	{ 0x0000f37c, 0xffffffff, "eret", "" },
	{ 0x0000002c, 0xfc00003f, "ext", "{rt},{rs},{pos},{ext_size}" },
	{ 0x0000c37c, 0xffffffff, "hypcall", "" },
	{ 0x0000c37c, 0xfc00ffff, "hypcall", "{code10}" },
	{ 0x0000000c, 0xfc00003f, "ins", "{rt},{rs},{pos},{ins_size}" },
	{ 0x4580, 0xffe0, "jr", "{r5_0}" },
	{ 0x00000f3c, 0xffe0ffff, "jr", "{rs}" },
	{ 0x00004f3c, 0xffe0ffff, "jrs", "{rs}" },
	{ 0x4700, 0xffe0, "jraddiusp", "{u5x4}" },
	{ 0x45a0, 0xffe0, "jrc", "{r5_0}" },
	{ 0x00001f3c, 0xffe0ffff, "jr.hb", "{rs}" },
	{ 0x00005f3c, 0xffe0ffff, "jrs.hb", "{rs}" },
	{ 0xd4000000, 0xfc000000, "j", "{j26}" },
	{ 0x45c0, 0xffe0, "jalr", "{r5_0}" },
	{ 0x03e00f3c, 0xffe0ffff, "jalr", "{rs}" },
	{ 0x00000f3c, 0xfc00ffff, "jalr", "{rt},{rs}" },
	{ 0x03e01f3c, 0xffe0ffff, "jalr.hb", "{rs}" },
	{ 0x00001f3c, 0xfc00ffff, "jalr.hb", "{rt},{rs}" },
	{ 0x45e0, 0xffe0, "jalrs", "{r5_0}" },
	{ 0x03e04f3c, 0xffe0ffff, "jalrs", "{rs}" },
	{ 0x00004f3c, 0xfc00ffff, "jalrs", "{rt},{rs}" },
	{ 0x03e05f3c, 0xffe0ffff, "jalrs.hb", "{rs}" },
	{ 0x00005f3c, 0xfc00ffff, "jalrs.hb", "{rt},{rs}" },
	{ 0xf4000000, 0xfc000000, "jal", "{j26}" },
	{ 0x74000000, 0xfc000000, "jals", "{j26}" },
	{ 0xf0000000, 0xfc000000, "jalx", "{jalx}" },
	{ 0x1c000000, 0xfc000000, "lb", "{rt},{simm}({rs})" },
	{ 0x0800, 0xfc00, "lbu", "{r7},{lbu4}({r4})" },
	{ 0x14000000, 0xfc000000, "lbu", "{rt},{simm}({rs})" },
	{ 0xbc000000, 0xfc000000, "ldc1", "{ft},{simm}({rs})" },
	{ 0x20002000, 0xfc00f000, "ldc2", "{c2t},{off12}({rs})" },
	{ 0x3c000000, 0xfc000000, "lh", "{rt},{simm}({rs})" },
	{ 0x2800, 0xfc00, "lhu", "{r7},{u4x2}({r4})" },
	{ 0x34000000, 0xfc000000, "lhu", "{rt},{simm}({rs})" },
	{ 0x60003000, 0xfc00f000, "ll", "{rt},{off12}({rs})" },
	{ 0x41a00000, 0xffe00000, "lui", "{rs},{imm}" },
	{ 0x6800, 0xfc00, "lw", "{r7},{u4x4}({r4})" },
	{ 0x4800, 0xfc00, "lw", "{r5_5},{u5x4}(sp)" },
	{ 0x6400, 0xfc00, "lw", "{r7},{s7x4}(gp)" },
	{ 0xfc000000, 0xfc000000, "lw", "{rt},{simm}({rs})" },
	{ 0x9c000000, 0xfc000000, "lwc1", "{ft},{simm}({rs})" },
	{ 0x20000000, 0xfc00f000, "lwc2", "{c2t},{off12}({rs})" },
	{ 0x60000000, 0xfc00f000, "lwl", "{rt},{off12}({rs})" },
	{ 0x4500, 0xffc0, "lwm", "{list16},{u4x4}(sp)" },
	{ 0x20005000, 0xfc00f000, "lwm", "{list32},{off12}({rs})" },
	{ 0x20001000, 0xfc00f000, "lwp", "{rt},{off12}({rs})" },
	{ 0x60001000, 0xfc00f000, "lwr", "{rt},{off12}({rs})" },
	{ 0x00000118, 0xfc0007ff, "lwxs", "{rd},{rt}({rs})" },
	{ 0x0000cb3c, 0xfc00ffff, "madd", "{rs},{rt}" },
	{ 0x0000db3c, 0xfc00ffff, "maddu", "{rs},{rt}" },
	{ 0x000000fc, 0xfc00ffff, "mfc0", "{rt},{cp0}" },
	{ 0x000000fc, 0xfc00c7ff, "mfc0", "{rt},{cp0sel}" },
	{ 0x00004d3c, 0xfc00ffff, "mfc2", "{rt},{c2s}" },
	{ 0x000004fc, 0xfc00ffff, "mfgc0", "{rt},{cp0}" },
	{ 0x000004fc, 0xfc00c7ff, "mfgc0", "{rt},{cp0sel}" },
	{ 0x00008d3c, 0xfc00ffff, "mfhc2", "{rt},{c2s}" },
	{ 0x4600, 0xffe0, "mfhi", "{r5_0}" },
	{ 0x00000d7c, 0xffe0ffff, "mfhi", "{rs}" },
	{ 0x4640, 0xffe0, "mflo", "{r5_0}" },
	{ 0x00001d7c, 0xffe0ffff, "mflo", "{rs}" },
	{ 0x8400, 0xfc01, "movep", "{pair},{mv1},{mv4}" },
	{ 0x00000018, 0xfc0007ff, "movn", "{rd},{rs},{rt}" },
	{ 0x00000058, 0xfc0007ff, "movz", "{rd},{rs},{rt}" },
	{ 0x0000eb3c, 0xfc00ffff, "msub", "{rs},{rt}" },
	{ 0x0000fb3c, 0xfc00ffff, "msubu", "{rs},{rt}" },
	{ 0x000002fc, 0xfc00ffff, "mtc0", "{rt},{cp0}" },
	{ 0x000002fc, 0xfc00c7ff, "mtc0", "{rt},{cp0sel}" },
	{ 0x00005d3c, 0xfc00ffff, "mtc2", "{rt},{c2s}" },
	{ 0x000006fc, 0xfc00ffff, "mtgc0", "{rt},{cp0}" },
	{ 0x000006fc, 0xfc00c7ff, "mtgc0", "{rt},{cp0sel}" },
	{ 0x00009d3c, 0xfc00ffff, "mthc2", "{rt},{c2s}" },
	{ 0x00002d7c, 0xffe0ffff, "mthi", "{rs}" },
	{ 0x00003d7c, 0xffe0ffff, "mtlo", "{rs}" },
	{ 0x00000210, 0xfc0007ff, "mul", "{rd},{rs},{rt}" },
	{ 0x00008b3c, 0xfc00ffff, "mult", "{rs},{rt}" },
	{ 0x00009b3c, 0xfc00ffff, "multu", "{rs},{rt}" },
	{ 0x00000190, 0xfc1f07ff, "neg", "{rd},{rt}" },
	{ 0x000001d0, 0xfc1f07ff, "negu", "{rd},{rt}" },
	{ 0x4400, 0xffc0, "not", "{r3},{r0}" },
	{ 0x000002d0, 0xffe007ff, "not", "{rd},{rs}" },
	{ 0x000002d0, 0xfc0007ff, "nor", "{rd},{rs},{rt}" },
	{ 0x44c0, 0xffc0, "or", "{r3},{r3},{r0}" },
	{ 0x00000290, 0xfc0007ff, "or", "{rd},{rs},{rt}" },
	{ 0x50000000, 0xfc000000, "ori", "{rt},{rs},{imm}" },
	{ 0x00006b3c, 0xfc00ffff, "rdhwr", "{rt},{hwr}" },
	{ 0x0000e17c, 0xfc00ffff, "rdpgpr", "{rt},{rs}" },
	{ 0x000000c0, 0xfc0007ff, "ror", "{rt},{rs},{sa}" },
	{ 0x000000d0, 0xfc0007ff, "rorv", "{rd},{rt},{rs}" },
	{ 0x8800, 0xfc00, "sb", "{rst7},{u4}({r4})" },
	{ 0x18000000, 0xfc000000, "sb", "{rt},{simm}({rs})" },
	{ 0x6000b000, 0xfc00f000, "sc", "{rt},{off12}({rs})" },
	{ 0x46c0, 0xffff, "sdbbp", "" },
	{ 0x0000db7c, 0xffffffff, "sdbbp", "" },
	{ 0x46c0, 0xfff0, "sdbbp", "{u4hex}" },
	{ 0x0000db7c, 0xfc00ffff, "sdbbp", "{code10}" },
	{ 0xb8000000, 0xfc000000, "sdc1", "{ft},{simm}({rs})" },
	{ 0x2000a000, 0xfc00f000, "sdc2", "{c2t},{off12}({rs})" },
	{ 0x00002b3c, 0xfc00ffff, "seb", "{rt},{rs}" },
	{ 0x00003b3c, 0xfc00ffff, "seh", "{rt},{rs}" },
	{ 0xa800, 0xfc00, "sh", "{rst7},{u4x2}({r4})" },
	{ 0x38000000, 0xfc000000, "sh", "{rt},{simm}({rs})" },
	{ 0x00000010, 0xfc0007ff, "sllv", "{rd},{rt},{rs}" },
	{ 0x2400, 0xfc01, "sll", "{r7},{r4},{sa3}" },
	{ 0x00000000, 0xfc0007ff, "sll", "{rt},{rs},{sa}" },
	{ 0x00000350, 0xfc0007ff, "slt", "{rd},{rs},{rt}" },
	{ 0x90000000, 0xfc000000, "slti", "{rt},{rs},{simm}" },
	{ 0xb0000000, 0xfc000000, "sltiu", "{rt},{rs},{simm}" },
	{ 0x00000390, 0xfc0007ff, "sltu", "{rd},{rs},{rt}" },
	{ 0x00000090, 0xfc0007ff, "srav", "{rd},{rt},{rs}" },
	{ 0x00000080, 0xfc0007ff, "sra", "{rt},{rs},{sa}" },
	{ 0x00000050, 0xfc0007ff, "srlv", "{rd},{rt},{rs}" },
	{ 0x2401, 0xfc01, "srl", "{r7},{r4},{sa3}" },
	{ 0x00000040, 0xfc0007ff, "srl", "{rt},{rs},{sa}" },
	{ 0x00000190, 0xfc0007ff, "sub", "{rd},{rs},{rt}" },
	{ 0x0401, 0xfc01, "subu", "{r7},{r1},{r4}" },
	{ 0x000001d0, 0xfc0007ff, "subu", "{rd},{rs},{rt}" },
	{ 0xe800, 0xfc00, "sw", "{rst7},{u4x4}({r4})" },
	{ 0xc800, 0xfc00, "sw", "{r5_5},{u5x4}(sp)" },
	{ 0xf8000000, 0xfc000000, "sw", "{rt},{simm}({rs})" },
	{ 0x98000000, 0xfc000000, "swc1", "{ft},{simm}({rs})" },
	{ 0x20008000, 0xfc00f000, "swc2", "{c2t},{off12}({rs})" },
	{ 0x60008000, 0xfc00f000, "swl", "{rt},{off12}({rs})" },
	{ 0x4540, 0xffc0, "swm", "{list16},{u4x4}(sp)" },
	{ 0x2000d000, 0xfc00f000, "swm", "{list32},{off12}({rs})" },
	{ 0x20009000, 0xfc00f000, "swp", "{rt},{off12}({rs})" },
	{ 0x60009000, 0xfc00f000, "swr", "{rt},{off12}({rs})" },
	{ 0x00116b7c, 0xffffffff, "sync_acquire", "" },
	{ 0x00106b7c, 0xffffffff, "sync_mb", "" },
	{ 0x00126b7c, 0xffffffff, "sync_release", "" },
	{ 0x00136b7c, 0xffffffff, "sync_rmb", "" },
	{ 0x00046b7c, 0xffffffff, "sync_wmb", "" },
	{ 0x00006b7c, 0xffffffff, "sync", "" },
	{ 0x00006b7c, 0xffe0ffff, "sync", "{stype}" },
	{ 0x42000000, 0xffe00000, "synci", "{simm}({rs})" },
	{ 0x00008b7c, 0xffffffff, "syscall", "" },
	{ 0x00008b7c, 0xfc00ffff, "syscall", "{code10}" },
	{ 0x41c00000, 0xffe00000, "teqi", "{rs},{simm}" },
	{ 0x0000003c, 0xfc00ffff, "teq", "{rs},{rt}" },
	{ 0x0000003c, 0xfc000fff, "teq", "{rs},{rt},{code4}" },
	{ 0x41200000, 0xffe00000, "tgei", "{rs},{simm}" },
	{ 0x0000023c, 0xfc00ffff, "tge", "{rs},{rt}" },
	{ 0x0000023c, 0xfc000fff, "tge", "{rs},{rt},{code4}" },
	{ 0x41600000, 0xffe00000, "tgeiu", "{rs},{simm}" },
	{ 0x0000043c, 0xfc00ffff, "tgeu", "{rs},{rt}" },
	{ 0x0000043c, 0xfc000fff, "tgeu", "{rs},{rt},{code4}" },
	{ 0x0000437c, 0xffffffff, "tlbinv", "" },
	{ 0x0000537c, 0xffffffff, "tlbinvf", "" },
	{ 0x0000417c, 0xffffffff, "tlbginv", "" },
	{ 0x0000517c, 0xffffffff, "tlbginvf", "" },
	{ 0x0000017c, 0xffffffff, "tlbgp", "" },
	{ 0x0000117c, 0xffffffff, "tlbgr", "" },
	{ 0x0000217c, 0xffffffff, "tlbgwi", "" },
	{ 0x0000317c, 0xffffffff, "tlbgwr", "" },
	{ 0x0000037c, 0xffffffff, "tlbp", "" },
	{ 0x0000137c, 0xffffffff, "tlbr", "" },
	{ 0x0000237c, 0xffffffff, "tlbwi", "" },
	{ 0x0000337c, 0xffffffff, "tlbwr", "" },
	{ 0x41000000, 0xffe00000, "tlti", "{rs},{simm}" },
	{ 0x0000083c, 0xfc00ffff, "tlt", "{rs},{rt}" },
	{ 0x0000083c, 0xfc000fff, "tlt", "{rs},{rt},{code4}" },
	{ 0x41400000, 0xffe00000, "tltiu", "{rs},{simm}" },
	{ 0x00000a3c, 0xfc00ffff, "tltu", "{rs},{rt}" },
	{ 0x00000a3c, 0xfc000fff, "tltu", "{rs},{rt},{code4}" },
	{ 0x41800000, 0xffe00000, "tnei", "{rs},{simm}" },
	{ 0x00000c3c, 0xfc00ffff, "tne", "{rs},{rt}" },
	{ 0x00000c3c, 0xfc000fff, "tne", "{rs},{rt},{code4}" },
	{ 0x0000937c, 0xffffffff, "wait", "" },
	{ 0x0000937c, 0xfc00ffff, "wait", "{code10}" },
	{ 0x0000f17c, 0xfc00ffff, "wrpgpr", "{rt},{rs}" },
	{ 0x00007b3c, 0xfc00ffff, "wsbh", "{rt},{rs}" },
	{ 0x4440, 0xffc0, "xor", "{r3},{r3},{r0}" },
	{ 0x00000310, 0xfc0007ff, "xor", "{rd},{rs},{rt}" },
	{ 0x70000000, 0xfc000000, "xori", "{rt},{rs},{imm}" },
	{ 0x43600000, 0xffff0000, "bposge32", "{br16}" }, /* the DSP ASE's one the core runs */
};

/* 3-bit register codes of the 16-bit instructions, and the other maps. */
static const uint8_t reg_m16[8] = { 16, 17, 2, 3, 4, 5, 6, 7 };
static const uint8_t reg_store[8] = { 0, 17, 2, 3, 4, 5, 6, 7 };
static const uint8_t reg_movep_src[8] = { 0, 17, 2, 3, 16, 18, 19, 20 };
static const uint8_t reg_pair1[8] = { 5, 5, 6, 4, 4, 4, 4, 4 };
static const uint8_t reg_pair2[8] = { 6, 7, 7, 21, 22, 5, 6, 7 };
static const int8_t imm_b[8] = { 1, 4, 8, 12, 16, 20, 24, -1 };
static const uint16_t imm_c[16] = { 128, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 255, 32768, 65535 };

static inline unsigned bits(uint32_t x, unsigned lsb, unsigned n)
{
	return (x >> lsb) & ((1u << n) - 1);
}

/* An n-bit field read as the value in [max - 2^n + 1, max] it encodes
 * (objdump's biased immediates: 0 is 8 for the 16-bit shifts, 15 is -1
 * for LBU16's offset, ...). */
static int wrap(unsigned v, unsigned n, int max)
{
	int x = (int)v;
	return x > max ? x - (1 << n) : x;
}

static int sext(unsigned v, unsigned n) { return wrap(v, n, (1 << (n - 1)) - 1); }

struct out {
	char *buf;
	size_t len, pos;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	size_t room = o->pos < o->len ? o->len - o->pos : 0;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->pos : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->pos += (size_t)n;
}

#define GPR(n) disasm_gpr_name(n)

/* The register list of LWM32/SWM32 (bits 25:21): s0-s(n-1), s8, ra. */
static void list32(struct out *o, unsigned v)
{
	unsigned s = v & 15;
	if (s == 1)
		put(o, "%s", GPR(16));
	else if (s >= 2 && s <= 8)
		put(o, "%s-%s", GPR(16), GPR(15 + s));
	else if (s == 9)
		put(o, "%s-%s,%s", GPR(16), GPR(23), GPR(30));
	else if (s)
		put(o, "UNKNOWN");
	if (v & 16)
		put(o, s ? ",%s" : "%s", GPR(31));
}

/* One operand; x is the instruction (bits as disasm_micromips takes
 * them), next the address after it, with bit 0 (the ISA bit) set as
 * objdump shows microMIPS branch targets. Returns false for an unknown
 * token (a table error). */
static bool operand(struct out *o, const char *t, size_t n, uint32_t x, uint32_t pc, uint32_t next)
{
	char s[32];
#define IS(name) (n == sizeof(name) - 1 && memcmp(t, (name), n) == 0)
	if (IS("rt")) put(o, "%s", GPR(bits(x, 21, 5)));
	else if (IS("rs")) put(o, "%s", GPR(bits(x, 16, 5)));
	else if (IS("rd")) put(o, "%s", GPR(bits(x, 11, 5)));
	else if (IS("imm")) put(o, "0x%x", bits(x, 0, 16));
	else if (IS("simm")) put(o, "%d", sext(bits(x, 0, 16), 16));
	else if (IS("off12")) put(o, "%d", sext(bits(x, 0, 12), 12));
	else if (IS("br16")) put(o, "0x%x", next + ((uint32_t)sext(bits(x, 0, 16), 16) << 1));
	else if (IS("br10")) put(o, "0x%x", next + ((uint32_t)sext(bits(x, 0, 10), 10) << 1));
	else if (IS("br7")) put(o, "0x%x", next + ((uint32_t)sext(bits(x, 0, 7), 7) << 1));
	else if (IS("j26")) put(o, "0x%x", (((pc + 4) & ~0x07FFFFFFu) | bits(x, 0, 26) << 1) | 1);
	else if (IS("jalx")) put(o, "0x%x", ((pc + 4) & ~0x0FFFFFFFu) | bits(x, 0, 26) << 2);
	else if (IS("hint")) put(o, "0x%x", bits(x, 21, 5));
	else if (IS("sa")) put(o, "0x%x", bits(x, 11, 5));
	else if (IS("pos")) put(o, "0x%x", bits(x, 6, 5));
	else if (IS("ins_size")) put(o, "0x%x", bits(x, 11, 5) - bits(x, 6, 5) + 1);
	else if (IS("ext_size")) put(o, "0x%x", bits(x, 11, 5) + 1);
	else if (IS("code10")) put(o, "0x%x", bits(x, 16, 10));
	else if (IS("code10lo")) put(o, "0x%x", bits(x, 6, 10));
	else if (IS("code4")) put(o, "0x%x", bits(x, 12, 4));
	else if (IS("stype")) put(o, "0x%x", bits(x, 16, 5));
	else if (IS("copz")) put(o, "0x%x", bits(x, 3, 23));
	else if (IS("c2s")) put(o, "$%u", bits(x, 16, 5));
	else if (IS("c2t")) put(o, "$%u", bits(x, 21, 5));
	else if (IS("ft")) put(o, "$f%u", bits(x, 21, 5));
	else if (IS("fcc")) put(o, "$fcc%u", bits(x, 18, 3));
	else if (IS("cc")) put(o, "$cc%u", bits(x, 18, 3));
	else if (IS("list32")) list32(o, bits(x, 21, 5));
	else if (IS("cp0") || IS("cp0sel")) {
		disasm_cp0_name(s, sizeof s, bits(x, 16, 5), IS("cp0") ? 0 : bits(x, 11, 3));
		put(o, "%s", s);
	} else if (IS("hwr")) {
		disasm_hwr_name(s, sizeof s, bits(x, 16, 5));
		put(o, "%s", s);
	}
	/* 16-bit instructions (and ADDIUPC's 3-bit register). */
	else if (IS("r7")) put(o, "%s", GPR(reg_m16[bits(x, 7, 3)]));
	else if (IS("r4")) put(o, "%s", GPR(reg_m16[bits(x, 4, 3)]));
	else if (IS("r3")) put(o, "%s", GPR(reg_m16[bits(x, 3, 3)]));
	else if (IS("r1")) put(o, "%s", GPR(reg_m16[bits(x, 1, 3)]));
	else if (IS("r0")) put(o, "%s", GPR(reg_m16[bits(x, 0, 3)]));
	else if (IS("r23")) put(o, "%s", GPR(reg_m16[bits(x, 23, 3)]));
	else if (IS("rst7")) put(o, "%s", GPR(reg_store[bits(x, 7, 3)]));
	else if (IS("r5_0")) put(o, "%s", GPR(bits(x, 0, 5)));
	else if (IS("r5_5")) put(o, "%s", GPR(bits(x, 5, 5)));
	else if (IS("mv1")) put(o, "%s", GPR(reg_movep_src[bits(x, 1, 3)]));
	else if (IS("mv4")) put(o, "%s", GPR(reg_movep_src[bits(x, 4, 3)]));
	else if (IS("pair")) put(o, "%s,%s", GPR(reg_pair1[bits(x, 7, 3)]), GPR(reg_pair2[bits(x, 7, 3)]));
	else if (IS("li7")) put(o, "%d", wrap(bits(x, 0, 7), 7, 126));
	else if (IS("lbu4")) put(o, "%d", wrap(bits(x, 0, 4), 4, 14));
	else if (IS("u4")) put(o, "%u", bits(x, 0, 4));
	else if (IS("u4hex")) put(o, "0x%x", bits(x, 0, 4));
	else if (IS("u4x2")) put(o, "%u", bits(x, 0, 4) << 1);
	else if (IS("u4x4")) put(o, "%u", bits(x, 0, 4) << 2);
	else if (IS("u5x4")) put(o, "%u", bits(x, 0, 5) << 2);
	else if (IS("u6x4")) put(o, "%u", bits(x, 1, 6) << 2);
	else if (IS("s4")) put(o, "%d", sext(bits(x, 1, 4), 4));
	else if (IS("s7x4")) put(o, "%d", sext(bits(x, 0, 7), 7) * 4);
	else if (IS("s23x4")) put(o, "%d", sext(bits(x, 0, 23), 23) * 4);
	else if (IS("sa3")) put(o, "%u", bits(x, 1, 3) ? bits(x, 1, 3) : 8); /* 0 is 8 */
	else if (IS("imm_b")) put(o, "%d", imm_b[bits(x, 1, 3)]);
	else if (IS("imm_c")) put(o, "0x%x", imm_c[bits(x, 0, 4)]);
	else if (IS("sp_imm")) { /* ADDIUSP: +-8 and beyond stand for +-1024.. */
		int v = sext(bits(x, 1, 9), 9) * 4;
		put(o, "%d", (v >= -8 && v < 8) ? v ^ 0x400 : v);
	} else if (IS("list16")) {
		unsigned v = bits(x, 4, 2);
		if (v)
			put(o, "%s-%s,%s", GPR(16), GPR(16 + v), GPR(31));
		else
			put(o, "%s,%s", GPR(16), GPR(31));
	} else
		return false;
#undef IS
	return true;
}

size_t disasm_micromips(uint32_t pc, uint32_t x, unsigned size, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	uint32_t next = (pc + size) | 1;
	if (len)
		buf[0] = '\0';
	if (size == 4 && (x >> 26) == 0x15) {
		uint32_t twin = mm_fpu_twin(x);
		unsigned rs = (twin >> 21) & 31;
		if ((twin >> 26) == 17 && (rs == 2 || rs == 6)) { /* CFC1/CTC1: objdump's $n */
			put(&o, "%-7s %s,$%u", rs == 2 ? "cfc1" : "ctc1",
			    GPR((twin >> 16) & 31), (twin >> 11) & 31);
			return o.pos;
		}
		if (twin != MM_NO_TWIN)
			return disasm(pc, twin, buf, len);
	}
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		const struct mm_form *f = &forms[i];
		const char *a;
		if ((x & f->mask) != f->match || (size == 2) != (f->mask < 0x10000u))
			continue;
		if (!f->args[0]) {
			put(&o, "%s", f->name);
			return o.pos;
		}
		put(&o, "%-7s ", f->name);
		for (a = f->args; *a; a++) {
			const char *end = *a == '{' ? strchr(a, '}') : NULL;
			if (!end) {
				put(&o, "%c", *a);
				continue;
			}
			if (!operand(&o, a + 1, (size_t)(end - a - 1), x, pc, next))
				put(&o, "?");
			a = end;
		}
		return o.pos;
	}
	uint32_t dsp = size == 4 ? mm_dsp_twin(x) : MM_NO_TWIN;
	if (dsp != MM_NO_TWIN && (x & 0x1FC000u) == 0xFC000u && (x & 0x2FFFu) == 0x67Cu) {
		/* RDDSP/WRDSP with the full mask: objdump leaves the mask out */
		put(&o, "%-7s %s", (x & 0x1000) ? "wrdsp" : "rddsp", GPR((x >> 21) & 31));
		return o.pos;
	}
	if (dsp != MM_NO_TWIN)
		return disasm(pc, dsp, buf, len);
	put(&o, "%-7s 0x%x", ".word", x);
	return o.pos;
}
