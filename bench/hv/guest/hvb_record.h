/* SPDX-License-Identifier: Apache-2.0 */
/* hvb_record.h - the benchmark guest's result record, shared with the host
 * driver (bench/hv/hvbench.c).
 *
 * The record lives in the guest's .bss. The host does not need to know where
 * the configurator placed the guest's RAM: it finds the record by scanning
 * physical RAM for the two magic words (vzsim_peek), then reads and writes
 * it there. Included by C on both sides; plain uint32_t fields only. */
#ifndef HVB_RECORD_H
#define HVB_RECORD_H

#include <stdint.h>

#define HVB_MAGIC0 0x4876B3C4u          /* written by the guest at start */
#define HVB_MAGIC1 0x7A1E7B5Eu

/* state: guest -> host */
#define HVB_STATE_READY 1u              /* waiting for HVB_GO_START (bounded) */
#define HVB_STATE_RUN   2u              /* measuring */
#define HVB_STATE_DONE  3u              /* every figure measured */

/* go: host -> guest */
#define HVB_GO_START 0x600D5747u        /* host is single-stepping: start */
#define HVB_GO_NEXT  1u                 /* device IRQ round handled: next */

/* The loops the guest times itself with Count (its own view, averaged). */
enum hvb_loop {
	HVB_L_HYPCALL,                  /* HYPCALL VZ_HC_VM_ID */
	HVB_L_TRAP,                     /* CACHE: trap to root, no-op, back */
	HVB_L_REG_SW,                   /* store to a guarded register (PR2) */
	HVB_L_REG_LW,                   /* load from it */
	HVB_L_EVIC_LW,                  /* load of the virtual EVIC's IFS0 */
	HVB_L_EVIC_SW,                  /* store to the virtual EVIC's IEC0SET */
	HVB_L_SWIRQ,                    /* raise IRQ 1, take it, acknowledge */
	HVB_L_EMPTY,                    /* the loop alone (overhead) */
	HVB_LOOPS
};

#define HVB_REPS       64u              /* iterations of every loop */
#define HVB_DEV_ROUNDS 16u              /* device interrupts */

struct hvb_record {
	uint32_t magic0, magic1;
	uint32_t state;                 /* HVB_STATE_* */
	uint32_t go;                    /* HVB_GO_* (host pokes it) */
	uint32_t virtualised;           /* 1: Config3.VZ reads 0 (a guest) */
	uint32_t reps;                  /* HVB_REPS */
	uint32_t dev_rounds;            /* HVB_DEV_ROUNDS */
	uint32_t started_by_host;       /* 0: the host never said go (no timing) */
	uint32_t loop_ticks[HVB_LOOPS]; /* guest Count ticks for `reps` iterations */
};

#endif
