/* SPDX-License-Identifier: Apache-2.0 */
/* bench_abi.h - how the benchmark workload meets whoever runs it (the host
 * benchmark tool on vzlet-sim or QEMU, or a root harness that runs it as a
 * VZ guest). Plain #defines: included from host C, target C and assembly.
 *
 * The workload is one raw binary placed at physical BENCH_LOAD_PA and
 * entered at KSEG0 BENCH_ENTRY with interrupts off. It touches no CP0
 * register and no device except, on QEMU, the 16550. Its parameter/result
 * block lives at physical BENCH_PARAM_PA. All its memory lies in physical
 * [0, BENCH_MEM_SIZE), so a harness can give it any 256 KB of RAM as a guest.
 */
#ifndef VZLET_BENCH_ABI_H
#define VZLET_BENCH_ABI_H

#define BENCH_LOAD_PA       0x00001000
#define BENCH_ENTRY         0x80001000
#define BENCH_PARAM_PA      0x00000F00
#define BENCH_MEM_SIZE      0x00040000  /* 256 KB: code, data, stack */
#define BENCH_STACK_TOP     0x8003FF00

/* Parameter/result block (words). The runner fills MAGIC, ITERATIONS and
 * PLATFORM before start; the workload fills STATUS and CHECKSUM at the end. */
#define BP_MAGIC            0x00        /* BENCH_MAGIC */
#define BP_ITERATIONS       0x04
#define BP_PLATFORM         0x08        /* BENCH_PLATFORM_* */
#define BP_STATUS           0x0C        /* 0 running, 1 done, 2 bad parameters */
#define BP_CHECKSUM         0x10
#define BENCH_MAGIC         0xBE4C0DE5
#define BENCH_PLATFORM_SIM  0           /* finish: write the block, then WAIT forever */
#define BENCH_PLATFORM_QEMU 1           /* finish: also print on the 16550, then UHI exit */

#endif
