/* SPDX-License-Identifier: Apache-2.0 */
/* fpu.h - contract between the CPU core and the FPU (CP1) model.
 *
 * The core decodes the opcode classes and checks coprocessor usability
 * (Status.CU1, and in guest mode the root's CU1) before calling in here.
 * The core executes the FP loads/stores and the BC1 branches itself, using
 * fpu_get/put_* and fpu_condition below; everything else is fpu_exec.
 */
#ifndef VZSIM_FPU_H
#define VZSIM_FPU_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

struct fpu {
	uint64_t fpr[32];   /* 64-bit registers; with Status.FR = 0 only the low
			     * word of each is used and doubles live in even/odd pairs */
	uint32_t fcsr;      /* FCSR (CP1 control register 31) */
	uint32_t fir;       /* FIR (CP1 control register 0), read-only */
};

/* Power-on state. */
void fpu_reset(struct fpu *f);

/* Register file views as the current Status.FR selects them. */
uint32_t fpu_get_word(const struct fpu *f, bool fr, unsigned reg);
void fpu_put_word(struct fpu *f, bool fr, unsigned reg, uint32_t v);
uint64_t fpu_get_double(const struct fpu *f, bool fr, unsigned reg);
void fpu_put_double(struct fpu *f, bool fr, unsigned reg, uint64_t v);
/* FCSR condition code cc (0..7) for BC1F/BC1T/MOVF/MOVT. */
bool fpu_condition(const struct fpu *f, unsigned cc);

/* Results of fpu_exec. */
enum fpu_result {
	FPU_OK = 0,
	FPU_EXC_FPE,        /* floating-point exception: FCSR cause already set */
	FPU_EXC_RI,         /* reserved instruction */
	FPU_EXC_ADDR,       /* a memory access (COP1X) raised an exception already taken */
};

/* Execute one instruction of major opcode COP1 (0x11) other than BC1x, COP1X
 * (0x13), or SPECIAL MOVCI (MOVF/MOVT on GPRs). Reads/writes GPRs through
 * the core (cpu_gpr_read/cpu_gpr_write) and memory through cpu_load/cpu_store
 * (declared in cpu.h). */
enum fpu_result fpu_exec(struct machine *m, uint32_t insn);

/* Services the core provides to the FPU (implemented in simulator/cpu). */
struct fpu *cpu_fpu(struct machine *m);            /* the FPU state of the running context */
bool cpu_fpu_fr(const struct machine *m);          /* Status.FR of the running context */
uint32_t cpu_gpr_read(struct machine *m, unsigned r);
void cpu_gpr_write(struct machine *m, unsigned r, uint32_t v); /* r = 0 ignored */
/* Virtual-address data access with full translation and exceptions; size 4
 * or 8 (8 = two words, little-endian, 8-aligned). Returns false when an
 * exception was raised (already taken: the caller just returns FPU_EXC_ADDR). */
bool cpu_load(struct machine *m, uint32_t va, unsigned size, uint64_t *val);
bool cpu_store(struct machine *m, uint32_t va, unsigned size, uint64_t val);

#endif
