/* SPDX-License-Identifier: Apache-2.0 */
/* directed.h - writing hand-made differential cases in the blob format
 * (diff_abi.h). A directed file looks like
 *
 *	#define BLOB_FLAGS 0
 *	#include "directed.h"
 *	BLOB_BEGIN
 *	CASE(add_overflow)
 *		li $t0, 0x7fffffff
 *		add $t1, $t0, $t0
 *		CASE_END
 *	...
 *	BLOB_END
 *
 * Each case starts with every GPR, HI/LO, FPR and FCSR = 0 (the shared init
 * block) and the scratch buffer filled from a fixed seed; its end state is
 * compared between QEMU and vzlet-sim. k0/k1 belong to the driver.
 */
#include "../diff_abi.h"

	.set noreorder
	.set noat
	.set hardfloat
	.set fp=64

#define SCRATCH (DIFF_KSEG0 + DIFF_SCRATCH_PA)

#define BLOB_BEGIN \
	.section .blob, "awx"; \
	.subsection 0; \
	.word DIFF_BLOB_MAGIC; \
	.word (diff_table_end - diff_table_start) / CT_SIZE; \
	.word BLOB_FLAGS; \
	.word 0; \
	.subsection 1; \
diff_table_start: ; \
	.subsection 3; \
	.balign 8; \
diff_init_zero: ; \
	.fill IB_SIZE / 4, 4, 0

#define BLOB_END \
	.subsection 1; \
diff_table_end:

#define CASE(name) \
	.subsection 1; \
	.word case_##name, diff_init_zero, 0x2545F491, 0; \
	.subsection 2; \
case_##name:

#define CASE_END \
	lui $k1, 0xBFC0; \
	ori $k1, $k1, 0x0100; \
	jr $k1; \
	nop
