/* SPDX-License-Identifier: Apache-2.0 */
/* trace.h - the instruction trace (vzlet-sim --trace): one line per executed
 * instruction, written once the instruction has completed so that it can
 * show the value it wrote (format: docs/simulator-cli.md). */
#ifndef VZSIM_TRACE_H
#define VZSIM_TRACE_H

#include "cpu_internal.h"

/* cpu_trace_insn (cpu_internal.h) starts the line of the instruction about
 * to run; this finishes it after the instruction (and, for a branch, its
 * delay slot) ran. No-op when no line is open. */
void cpu_trace_done(struct machine *m);

#endif
