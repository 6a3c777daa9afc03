/* SPDX-License-Identifier: Apache-2.0 */
/* diff_abi.h - memory layout shared by the differential-test driver (target),
 * the case generator and the host harness. Plain #defines only: this header
 * is included from C (host and target) and from assembly.
 *
 * One test image = the fixed driver in boot flash (0xBFC00000, the reset
 * vector on both the PIC32MZ and QEMU's mipssim) + a "case blob" in RAM
 * (physical BLOB_PA) holding many test cases. Both machines have RAM at
 * physical 0, so every address below means the same on both.
 */
#ifndef VZLET_DIFF_ABI_H
#define VZLET_DIFF_ABI_H

/* Physical addresses (KSEG0 = | 0x80000000). */
#define DIFF_SCRATCH_PA     0x00010000  /* the case's load/store buffer */
#define DIFF_SCRATCH_SIZE   64
#define DIFF_BLOB_PA        0x00020000  /* case blob: header, table, code, init blocks */
#define DIFF_BLOB_MAX       0x00030000  /* 192 KB */
#define DIFF_RESULT_PA      0x00050000  /* one result block per case */
#define DIFF_RESULT_SIZE    512
#define DIFF_MAX_CASES      376         /* (0x7F000 - 0x50000) / 512 */
#define DIFF_MAILBOX_PA     0x0007FF00  /* tests/lib/test_mailbox.h convention */
#define DIFF_PLATFORM_PA    0x0007FE00  /* the vzlet-sim harness writes DIFF_PLATFORM_SIM here */
#define DIFF_PLATFORM_SIM   0x51A7D1FF
/* Guest-mode runs on vzlet-sim: a root harness (tests/diff/target/guest_root.S)
 * owns boot flash and runs the driver as a VZ guest from a copy in program
 * flash, which the guest sees at its own boot-flash address. */
#define DIFF_GUEST_DRIVER_PA 0x1D000000
#define DIFF_KSEG0          0x80000000

/* Fixed driver entry points the case code jumps to (KSEG1, boot flash). */
#define DIFF_CASE_EXIT      0xBFC00100  /* end of a case: save all state */

/* Blob header (words at DIFF_BLOB_PA). */
#define DIFF_BLOB_MAGIC     0x46445A56  /* "VZDF" */
#define BH_MAGIC            0
#define BH_NCASES           4
#define BH_FLAGS            8
#define BH_SEED_LO          12          /* generator seed (informational) */
#define BH_TABLE            16          /* case table starts here */
#define DIFF_FLAG_FP        1           /* cases use the FPU: Status.CU1 = 1 */
#define DIFF_FLAG_FR1       2           /* Status.FR = 1 (64-bit FPRs) */
#define DIFF_FLAG_MM        8           /* cases are microMIPS code (entry bit 0 set);
                                         * integer only (QEMU -cpu M14Kc) */
#define DIFF_FLAG_DSP       4           /* cases use the DSP ASE: Status.MX = 1; no FPU.
                                         * The FPR areas of the init and result blocks
                                         * then hold the DSP state (IB_DSP, RB_DSP). */

/* Case table entry (16 bytes). */
#define CT_ENTRY            0           /* KSEG0 address of the case code */
#define CT_INIT             4           /* KSEG0 address of its init block */
#define CT_SCRATCH_SEED     8           /* xorshift32 seed that fills the scratch buffer */
#define CT_SIZE             16

/* Init block: initial machine state of a case (400 bytes). */
#define IB_GPR              0           /* 32 words; r0, k0, k1 ignored */
#define IB_HI               128
#define IB_LO               132
#define IB_FCSR             136         /* cause bits must be 0 */
#define IB_FPR              144         /* 32 doublewords (FR = 0: low word only) */
#define IB_DSP              IB_FPR      /* DSPControl, then ac1-ac3 as HI, LO pairs */
#define IB_SIZE             400

/* Result block (DIFF_RESULT_SIZE bytes at DIFF_RESULT_PA + i * 512). */
#define RB_ENTRY            0
#define RB_STATUS           4           /* 1 = reached the exit, 2 = took an exception */
#define RB_CAUSE            8           /* CP0 Cause / EPC / BadVAddr at the exception */
#define RB_EPC              12
#define RB_BADVADDR         16
#define RB_GPR              32          /* 32 words (r0, k0, k1 stored as 0) */
#define RB_HI               160
#define RB_LO               164
#define RB_FCSR             168
#define RB_FPR              176         /* 32 doublewords */
#define RB_DSP              RB_FPR      /* DSPControl, then ac1-ac3 as HI, LO pairs */
#define RB_DSP_WORDS        7
#define RB_SCRATCH          432         /* final contents of the scratch buffer */
#define RB_END              496

#define RB_STATUS_EXIT      1
#define RB_STATUS_EXCEPTION 2

/* The driver prints this on QEMU's 16550 (one line per case, 128 hex words). */
#define DIFF_DUMP_BEGIN     "VZDIFF-BEGIN"
#define DIFF_DUMP_END       "VZDIFF-END"

#endif
