/* SPDX-License-Identifier: Apache-2.0 */
/* disasm.h - MIPS32r2 (+ FPU, + VZ) disassembler for traces and tools.
 *
 * The text follows GNU objdump (`-m mips:isa32r2 -M virt`, o32 register
 * names, mips32r2 CP0 names, branch targets as absolute addresses); the
 * deliberate differences are listed in docs/simulator-cli.md (trace). */
#ifndef VZSIM_DISASM_H
#define VZSIM_DISASM_H

#include <stddef.h>
#include <stdint.h>

/* Writes the disassembly of insn, located at pc, into buf (always NUL-
 * terminated when len > 0): the mnemonic padded to 8 columns, then the
 * operands. Words the ISA does not define come out as ".word 0x...".
 * Returns the length of the full text (as snprintf does). */
size_t disasm(uint32_t pc, uint32_t insn, char *buf, size_t len);

/* The general-purpose register insn writes (1-31), or 0 if it writes none
 * (stores, branches without link, writes to $zero, HI/LO only, ...). */
unsigned disasm_gpr_dest(uint32_t insn);

/* The o32 ABI name of GPR n (0-31): "zero", "at", "v0", ... */
const char *disasm_gpr_name(unsigned n);

/* A microMIPS instruction at pc (docs/simulator-cli.md): bits is a 16-bit
 * instruction's halfword, or a 32-bit one's first halfword in 31:16 and
 * its second in 15:0; size is 2 or 4. Same text rules as disasm(), after
 * GNU objdump's microMIPS disassembly (`-m mips:micromips`); encodings
 * objdump names but the M5150 lacks or the disassembler leaves out come
 * out as ".word 0x..." (listed in docs/simulator-cli.md). */
size_t disasm_micromips(uint32_t pc, uint32_t bits, unsigned size, char *buf, size_t len);

/* Shared by the two disassemblers: CP0 register reg/sel as objdump names
 * it ("c0_status", "c0_watchlo,3", "$22,1"); a hardware register
 * (RDHWR) name. */
void disasm_cp0_name(char *s, size_t n, unsigned reg, unsigned sel);
void disasm_hwr_name(char *s, size_t n, unsigned reg);

#endif
